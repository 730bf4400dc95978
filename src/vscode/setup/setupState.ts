/**
 * The workspace's Claude-on-Bedrock setup as the files say it is, and its health: read afresh from
 * disk whenever a settings file or the AWS files change, plus one identity call when asked (on
 * activation, after a settings change, on the user's interval). Nothing here probes a model.
 */

import * as vscode from 'vscode';
import { loadProfiles } from '../../aws/awsFiles';
import { effectiveSetup, effectiveValue } from '../../core/effectiveSetup';
import { assessHealth, runsCredentialProcess, setupProfile, type HealthReport, type IdentityOutcome } from '../../core/health';
import type { ProfileDiscovery } from '../../core/profiles';
import type { EffectiveSetup } from '../../core/settingsTypes';
import { readSettingsFiles, settingsFileList } from '../../files/claudeSettingsFiles';
import { localSettingsIgnored } from '../../files/gitignore';
import { loadAwsLayer } from '../../aws/loadLayer';
import { checkTimeoutMs } from '../identityCommands';

export interface FolderSetup {
  readonly folder?: vscode.WorkspaceFolder;
  readonly setup: EffectiveSetup;
  readonly health: HealthReport;
  readonly projectPath?: string;
  readonly userPath: string;
  readonly checkedAt: Date;
}

/** The identity result of one profile, kept until the profile is checked again. */
interface IdentityMemo {
  readonly profile: string;
  readonly region?: string;
  readonly outcome: IdentityOutcome;
}

export class SetupState implements vscode.Disposable {
  private folders: FolderSetup[] = [];
  private readonly identities = new Map<string, IdentityMemo>();
  private running: Promise<void> | undefined;
  private rerun = false;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  get current(): readonly FolderSetup[] {
    return this.folders;
  }

  get isChecking(): boolean {
    return this.running !== undefined;
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
    const read = await Promise.all(
      targets.map(async (folder) => {
        const path = folder?.uri.fsPath;
        const files = await readSettingsFiles(path, env);
        const setup = effectiveSetup(settingsFileList(files));
        const localIgnored = path && setup.values.some((value) => value.source === 'local') ? await localSettingsIgnored(path) : undefined;
        return { folder, files, setup, localIgnored };
      }),
    );
    if (checkIdentity) await this.checkIdentities(read.map((entry) => entry.setup), discovery, trusted);
    this.folders = read.map(({ folder, files, setup, localIgnored }) => {
      const profile = setupProfile(setup, discovery);
      const identity = this.identitySkipped(setup, discovery, trusted) ?? this.identities.get(profile)?.outcome;
      return {
        folder,
        setup,
        health: assessHealth({ setup, discovery, localIgnored, localPath: files.local?.path, trusted, identity }),
        projectPath: files.project?.path,
        userPath: files.user.path,
        checkedAt: new Date(),
      };
    });
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
      const known = discovery.profiles.find((candidate) => candidate.name === profile);
      if (!known) continue;
      wanted.set(profile, effectiveValue(setup, 'env.AWS_REGION')?.value ?? known.region);
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
