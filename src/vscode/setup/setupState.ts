/**
 * The workspace's Claude-on-Bedrock setup as the files say it is, and its health: read afresh from
 * disk whenever a settings file or the AWS files change, plus one identity call when asked (on
 * activation, after a settings change, on the user's interval). Nothing here probes a model.
 */

import * as vscode from 'vscode';
import { loadProfiles } from '../../aws/profiles/awsFiles';
import { effectiveSetup, effectiveValue, modelsInUse, setupMaxOutputTokens } from '../../core/setup/effectiveSetup';
import { evaluatePolicy, policyApplies, policyEnvKeys } from '../../core/policy/policyEvaluate';
import { withInvocationLogging } from '../../core/policy/policyLogging';
import { withResidency } from '../../core/policy/policyResidency';
import { LoggingMemo } from '../policy/loggingMemo';
import type { EffectivePolicy, PolicyViolation } from '../../core/policy/policyTypes';
import type { SettingsFiles } from '../../core/setup/settingsPlan';
import { loadPolicy } from '../../files/policyFiles';
import { assessHealth, runsCredentialProcess, setupProfile, setupRegion, usageKey, type HealthReport, type IdentityOutcome, type UsageRead } from '../../core/health/health';
import { credentialKind, type ProfileDiscovery } from '../../core/profiles/profiles';
import type { EffectiveSetup } from '../../core/setup/settingsTypes';
import { readSettingsFiles, settingsFileList } from '../../files/claudeSettingsFiles';
import { localSettingsIgnored } from '../../files/gitignore';
import { loadAwsLayer } from '../../aws/loadLayer';
import { checkTimeoutMs } from '../profiles/identityCommands';
import { ResidencyMemo, type ResidencyAnswer } from '../residency/residencyMemo';
import { ClaudeCodeInstallState, findingsFor } from '../claudeCode/installState';
import type { ClaudeCodeFinding } from '../../core/claudeCode/installVerdict';
import { redactSecrets } from '../../core/text/redact';
import type { ClaudeCodeInstalls } from '../../core/claudeCode/installTypes';

export type { ResidencyAnswer } from '../residency/residencyMemo';

export interface FolderSetup {
  readonly folder?: vscode.WorkspaceFolder;
  readonly setup: EffectiveSetup;
  readonly health: HealthReport;
  readonly projectPath?: string;
  readonly userPath: string;
  readonly checkedAt: Date;
  /** Where this folder's usage is read; absent without a Bedrock setup with profile, Region and models. */
  readonly usageTarget?: UsageTarget;
  /** The settings files as read (what a policy fix is planned from). */
  readonly files: SettingsFiles;
  /** The organisation policy of the folder (machine, team, managed) and the setup's violations of it. */
  readonly policy: EffectivePolicy;
  readonly violations: readonly PolicyViolation[];
  /** The account's answer on data residency, when the policy asks for it and a check ran. */
  readonly residency?: ResidencyAnswer;
  /** Which Claude Code reads the settings (found in this check), and what it would ignore of them. */
  readonly claudeCode?: { readonly installs: ClaudeCodeInstalls; readonly findings: readonly ClaudeCodeFinding[] };
}

/** The kind of credentials the setup's profile starts from (a role judged by its chain's source), when the profile exists. */
function profileKind(setup: EffectiveSetup, discovery: ProfileDiscovery): string | undefined {
  const name = setupProfile(setup, discovery);
  const profile = discovery.profiles.find((candidate) => candidate.name === name);
  return profile === undefined ? undefined : credentialKind(profile);
}

/** Where usage data of a setup is read: its profile, Region and models (see `usageKey`). */
export interface UsageTarget {
  readonly key: string;
  readonly profile: string;
  readonly region: string;
  readonly modelIds: readonly string[];
  readonly maxOutputTokens?: number;
}

/** Reads the usage alert of a target during a health check (the usage monitor, which caches), with what could not be read. */
export type UsageAlertProvider = (target: UsageTarget) => Promise<UsageRead>;

/** A health check reuses a usage alert this young (from the view or an earlier check) instead of reading again. */
const USAGE_REUSE_MS = 5 * 60_000;

/** The identity result of one profile, kept until the profile is checked again. */
interface IdentityMemo {
  readonly profile: string;
  readonly region?: string;
  readonly outcome: IdentityOutcome;
}

export class SetupState implements vscode.Disposable {
  private folders: FolderSetup[] = [];
  private readonly identities = new Map<string, IdentityMemo>();
  private readonly residency = new ResidencyMemo();
  private readonly invocationLogging = new LoggingMemo();
  private readonly usageAlerts = new Map<string, UsageRead>();
  private usageProvider: UsageAlertProvider | undefined;
  private running: Promise<void> | undefined;
  private rerun = false;
  private checks = 0;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  /** Finds Claude Code for every check (and the wizard's preview); keeps the versions it read. */
  readonly claudeCode = new ClaudeCodeInstallState();

  get current(): readonly FolderSetup[] {
    return this.folders;
  }

  get isChecking(): boolean {
    return this.running !== undefined;
  }

  /** How many health checks (with the identity call) have finished: what runs once per check counts them. */
  get completedChecks(): number {
    return this.checks;
  }

  /** Lets health checks read the usage alert (the usage monitor registers itself). */
  setUsageProvider(provider: UsageAlertProvider | undefined): void {
    this.usageProvider = provider;
  }

  /** A usage alert read outside a health check (the usage view refreshed): the status bar follows it. */
  updateUsage(key: string, usage: UsageRead): void {
    const previous = this.usageAlerts.get(key);
    this.usageAlerts.set(key, usage);
    const shown = this.folders.some((folder) => folder.usageTarget?.key === key);
    const summary = (read: UsageRead | undefined) =>
      JSON.stringify([read?.alert?.state, read?.alert?.recentThrottles, read?.alert?.highestPercent?.percent, read?.failure, (read?.problems ?? []).map((problem) => [problem.service, problem.error.operation]), (read?.alarms ?? null)?.map((alarm) => [alarm.name, alarm.state]) ?? null, read?.alarmsUnread ? [read.alarmsUnread.missingPermission, read.alarmsUnread.error.operation, read.alarmsUnread.error.name] : null]);
    if (shown && summary(previous) !== summary(usage)) void this.refresh(false);
  }

  /** Reads every folder's settings again; with `checkIdentity`, also calls STS once per profile used. */
  refresh(checkIdentity: boolean): Promise<void> {
    if (this.running) {
      this.rerun ||= checkIdentity;
      return this.running;
    }
    this.running = this.evaluate(checkIdentity)
      .catch((error: unknown) => {
        void vscode.window.showErrorMessage(vscode.l10n.t('The setup health check failed: {0}', error instanceof Error ? error.message : String(error)));
      })
      .finally(() => {
        this.running = undefined;
        if (checkIdentity) this.checks++;
        this.changed.fire();
        if (this.rerun) {
          this.rerun = false;
          void this.refresh(true);
        }
      });
    this.changed.fire();
    return this.running;
  }

  private async evaluate(checkIdentity: boolean): Promise<void> {
    const env = process.env;
    const discovery = await loadProfiles(env);
    const workspaceFolders = vscode.workspace.workspaceFolders ?? [];
    const targets: (vscode.WorkspaceFolder | undefined)[] = workspaceFolders.length > 0 ? [...workspaceFolders] : [undefined];
    const trusted = vscode.workspace.isTrusted;
    // Which Claude Code is here: found while the files and AWS are read. A failure is not verified, never left out.
    const claudeCode = this.claudeCode.detect().then(
      (installs) => ({ installs }),
      (error: unknown) => ({ failure: redactSecrets(error instanceof Error ? error.message : String(error)) }),
    );
    const read = await Promise.all(
      targets.map(async (folder) => {
        const path = folder?.uri.fsPath;
        const files = await readSettingsFiles(path, env);
        const policy = await loadPolicy(path, files, env);
        const setup = effectiveSetup(settingsFileList(files), { extraEnvKeys: policyEnvKeys(policy) });
        const localIgnored = path && setup.values.some((value) => value.source === 'local') ? await localSettingsIgnored(path) : undefined;
        return { folder, files, policy, setup, localIgnored };
      }),
    );
    if (checkIdentity) await this.checkIdentities(read.map((entry) => entry.setup), discovery, trusted);
    const usageTargets = read.map(({ setup }) => this.usageTargetOf(setup, discovery, trusted));
    if (checkIdentity) await this.readUsage(usageTargets);
    if (checkIdentity) {
      const usable = read.filter((entry) => entry.setup.bedrock && !this.identitySkipped(entry.setup, discovery, trusted) && this.identityOk(setupProfile(entry.setup, discovery)));
      await Promise.all([this.residency.check(usable, discovery, checkTimeoutMs()), this.invocationLogging.check(usable, discovery, checkTimeoutMs())]);
    }
    // Claude Code's detection (`claude --version`, up to seconds) ran alongside the AWS reads above: awaited only now.
    const detected = await claudeCode;
    const installs = 'installs' in detected ? detected.installs : undefined;
    this.folders = read.map(({ folder, files, policy, setup, localIgnored }, index) => {
      const profile = setupProfile(setup, discovery);
      const identity = this.identitySkipped(setup, discovery, trusted) ?? this.identities.get(profile)?.outcome;
      const usageTarget = usageTargets[index];
      const remembered = usageTarget ? this.usageAlerts.get(usageTarget.key) : undefined;
      // A usage read is shown when the identity passed (then it was read in this check, or is young enough to reuse), or it is itself that young:
      // never a read of hours ago under a check whose identity failed (readUsage skipped the target), as if read now.
      const usage = remembered && (this.identityOk(profile) || Date.now() - remembered.checkedAt < USAGE_REUSE_MS) ? remembered : undefined;
      const residency = this.residency.answer(setup, policy, discovery);
      const kind = profileKind(setup, discovery);
      const found = evaluatePolicy(setup, policy, kind === undefined ? {} : { profileKind: kind });
      const withAnswers = residency && 'checks' in residency ? withResidency(found, residency.checks, setup, policy) : found;
      const logging = this.invocationLogging.answer(setup, policy, discovery);
      const violations = logging ? withInvocationLogging(withAnswers, logging, policy) : withAnswers;
      const region = setupRegion(setup, discovery);
      const findings: readonly ClaudeCodeFinding[] | undefined = installs
        ? findingsFor(installs, setup, region)
        : 'failure' in detected && setup.bedrock
          ? [{ code: 'detect-failed', state: 'not-verified', reason: detected.failure }]
          : undefined;
      const verdict = policyApplies(policy)
        ? { violations, problems: policy.problems, sources: policy.sources.filter((source) => source.rules.length > 0).length, ...(residency && 'proof' in residency ? { residencyCheckedAt: Date.parse(residency.proof.checkedAt) } : {}) }
        : undefined;
      return {
        folder,
        setup,
        files,
        policy,
        violations,
        ...(residency ? { residency } : {}),
        ...(usageTarget ? { usageTarget } : {}),
        ...(installs && findings ? { claudeCode: { installs, findings } } : {}),
        health: assessHealth({ setup, discovery, localIgnored, localPath: files.local?.path, trusted, identity, ...(usage ? { usage } : {}), ...(verdict ? { policy: verdict } : {}), ...(findings ? { claudeCode: findings } : {}) }),
        projectPath: files.project?.path,
        userPath: files.user.path,
        checkedAt: new Date(),
      };
    });
  }

  /**
   * Where a setup's usage is read: only a Bedrock setup whose identity check passed, with a Region
   * and models. A profile skipped in Restricted Mode is not used for this either.
   */
  private usageTargetOf(setup: EffectiveSetup, discovery: ProfileDiscovery, trusted: boolean): UsageTarget | undefined {
    if (!setup.bedrock || this.identitySkipped(setup, discovery, trusted)) return undefined;
    const profile = setupProfile(setup, discovery);
    const known = discovery.profiles.some((candidate) => candidate.name === profile);
    const region = setupRegion(setup, discovery);
    const modelIds = modelsInUse(setup);
    if (!known || !region || modelIds.length === 0) return undefined;
    const maxOutputTokens = setupMaxOutputTokens(setup);
    return { key: usageKey(profile, region, modelIds), profile, region, modelIds, ...(maxOutputTokens === undefined ? {} : { maxOutputTokens }) };
  }

  /** One usage read per distinct target whose identity check passed; failures leave the previous alert. */
  private async readUsage(targets: readonly (UsageTarget | undefined)[]): Promise<void> {
    const provider = this.usageProvider;
    if (!provider) return;
    const distinct = new Map<string, UsageTarget>();
    for (const target of targets) {
      const known = target ? this.usageAlerts.get(target.key) : undefined;
      // A complete read of the last few minutes (the view's, or an earlier check's) still stands; a failed one is tried again.
      const complete = known?.alert !== undefined && known.failure === undefined && (known.problems ?? []).length === 0 && known.alarmsUnread === undefined;
      if (known && complete && Date.now() - known.checkedAt < USAGE_REUSE_MS) continue;
      if (target && this.identityOk(target.profile)) distinct.set(target.key, target);
    }
    await Promise.all(
      [...distinct.values()].map(async (target) => {
        const usage = await provider(target).catch((error: unknown): UsageRead => ({ checkedAt: Date.now(), failure: error instanceof Error ? error.message : String(error) }));
        this.usageAlerts.set(target.key, usage);
      }),
    );
  }

  /** Whether the last identity check of a profile passed. */
  private identityOk(profile: string): boolean {
    const outcome = this.identities.get(profile)?.outcome;
    return outcome !== undefined && 'ok' in outcome && outcome.ok;
  }

  /** Restricted Mode: a profile the workspace names that runs a program is not used. */
  private identitySkipped(setup: EffectiveSetup, discovery: ProfileDiscovery, trusted: boolean): IdentityOutcome | undefined {
    if (trusted) return undefined;
    const named = effectiveValue(setup, 'env.AWS_PROFILE');
    const profile = discovery.profiles.find((candidate) => candidate.name === setupProfile(setup, discovery));
    const fromWorkspace = named !== undefined && (named.source === 'project' || named.source === 'local');
    return profile && fromWorkspace && runsCredentialProcess(profile) ? { skipped: 'restricted' } : undefined;
  }

  private async checkIdentities(setups: readonly EffectiveSetup[], discovery: ProfileDiscovery, trusted: boolean): Promise<void> {
    const wanted = new Map<string, string | undefined>();
    for (const setup of setups) {
      if (!setup.bedrock || this.identitySkipped(setup, discovery, trusted)) continue;
      const profile = setupProfile(setup, discovery);
      if (!discovery.profiles.some((candidate) => candidate.name === profile)) continue;
      wanted.set(profile, setupRegion(setup, discovery));
    }
    if (wanted.size === 0) return;
    const { checkIdentity } = await loadAwsLayer();
    await Promise.all(
      [...wanted].map(async ([profile, region]) => {
        // No MFA prompt from a background check: a profile that needs a code reports that instead.
        const result = await checkIdentity({ target: { type: 'profile', profile }, region: region ?? 'us-east-1', timeoutMs: checkTimeoutMs() });
        const outcome: IdentityOutcome = result.ok ? { ok: true, account: result.identity.account, arn: result.identity.arn } : { ok: false, failure: result.failure };
        this.identities.set(profile, { profile, region, outcome });
      }),
    );
  }

  dispose(): void {
    this.changed.dispose();
  }
}
