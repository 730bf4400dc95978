/**
 * `claude-bedrock setup`: writes a Claude-on-Bedrock setup into a folder without asking, for
 * dev containers and onboarding scripts. Same planner as the wizard, so the files are the same.
 */

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { loadProfiles, type Environment } from '../../aws/profiles/awsFiles';
import { scopeOf } from '../../core/models/catalog';
import { credentialKind } from '../../core/profiles/profiles';
import type { Locale } from '../../core/text/locale';
import { planSetup } from '../../core/setup/settingsPlan';
import { checkChoices } from '../../core/policy/policyEvaluate';
import { policyProblemText, ruleText, violationText } from '../../core/policy/policyText';
import type { EffectivePolicy, PolicyViolation } from '../../core/policy/policyTypes';
import { judgePlan, type PolicyRewrite } from '../../core/policy/policyPlan';
import { residencyModels, withResidency } from '../../core/policy/policyResidency';
import { describeDiagnosis } from '../../core/models/diagnosis';
import { POLICY_TEXTS } from '../../core/policy/policyTextTable';
import { answerResidency } from '../../aws/policy/compliance';
import type { ResidencyCheck } from '../../core/policy/policyTypes';
import { loadPolicy } from '../../files/policyFiles';
import { filePlanDiff } from '../../core/setup/settingsPreview';
import { SETUP_SCOPES, type PlanNotice, type SetupChoices, type SetupScope } from '../../core/setup/settingsTypes';
import { applyPlan, readSettingsFiles } from '../../files/claudeSettingsFiles';
import { addLocalSettingsToGitignore, localSettingsIgnored, planGitignoreAddition } from '../../files/gitignore';
import { planDisableLoginPrompt } from '../../files/vscodeSettingsFile';
import { firstReadOnly, writeFileAtomic } from '../../files/atomicWrite';
import { UsageError, type CommandOutput } from '../output';
import { profileMissingText } from '../target';
import { setupText, unreadableReason } from './setupText';
import { claudeCodeForSetup } from '../claudeCode/installSetup';

export interface SetupOptions {
  readonly folder?: string;
  readonly profile?: string;
  readonly region?: string;
  readonly models: readonly string[];
  readonly backgroundModel?: string;
  readonly sonnetModel?: string;
  readonly opusModel?: string;
  readonly maxOutputTokens?: string;
  readonly scope?: string;
  readonly dryRun: boolean;
  /** Judge data residency by scope only, without asking the account where the profiles route. */
  readonly offline: boolean;
  readonly timeoutMs?: number;
  readonly gitignore: boolean;
  readonly vscodeSettings: boolean;
  readonly json: boolean;
  readonly locale: Locale;
  readonly env: Environment;
  readonly cwd: string;
}

const REGION = /^[a-z]{2}(?:-gov)?-[a-z]+-\d+$/;

function modelOption(value: string | undefined, locale: Locale): string | undefined {
  if (value === undefined) return undefined;
  if (value.trim() === '' || /\s/.test(value)) throw new UsageError(setupText(locale, 'badModel', { value }));
  return value;
}

function scopeOption(value: string | undefined, locale: Locale): SetupScope {
  if (value === undefined) return 'project';
  if (!(SETUP_SCOPES as readonly string[]).includes(value)) throw new UsageError(setupText(locale, 'badScope', { value }));
  return value as SetupScope;
}

function tokensOption(value: string | undefined, locale: Locale): number | undefined {
  if (value === undefined) return undefined;
  const tokens = Number(value);
  if (!/^\d+$/.test(value) || tokens < 1 || tokens > 1_000_000) throw new UsageError(setupText(locale, 'badTokens', { value }));
  return tokens;
}

function noticeText(notice: PlanNotice, locale: Locale): string {
  switch (notice.kind) {
    case 'managed-override':
      return setupText(locale, 'managedOverride', notice);
    case 'shadowed':
      return setupText(locale, 'shadowed', notice);
    case 'local-not-ignored':
      return setupText(locale, 'localNotIgnored', notice);
    case 'secret-in-shared-file':
      return setupText(locale, 'secretInShared', notice);
  }
}

/** Why nothing was written: each violation with its fix, or the policy file that cannot be used. */
function policyRefusal(violations: readonly PolicyViolation[], policy: EffectivePolicy, options: SetupOptions): CommandOutput {
  const { locale } = options;
  const problems = policy.problems.map((problem) => policyProblemText(problem, locale));
  const broken = violations.length === 0;
  if (options.json) {
    return {
      stdout: JSON.stringify({ ok: false, policy: { violations: violations.map((violation) => ({ ...violation, ...violationText(violation, locale) })), problems: policy.problems.map((problem, index) => ({ ...problem, ...problems[index] })) } }, null, 2),
      exitCode: 1,
    };
  }
  const lines = [setupText(locale, broken ? 'policyBroken' : 'policyRefused')];
  for (const problem of problems) lines.push(`  ✖ ${problem.title}`, `    ${problem.detail}`);
  for (const violation of violations) {
    const text = violationText(violation, locale);
    lines.push(`  ✖ ${text.title}`, `    ${text.detail}`);
    if (text.fixLabel) lines.push(`    ${setupText(locale, 'fixLabel')}: ${text.fixLabel}`);
  }
  return { stderr: lines.join('\n'), exitCode: 1 };
}

/** A value this setup rewrote so that the files comply, in words. */
function rewriteText(rewrite: PolicyRewrite, locale: Locale): string {
  const rule = ruleText(rewrite.violation.rule, locale);
  if (rewrite.after === undefined) return setupText(locale, 'rewroteRemoved', { key: rewrite.key, path: rewrite.path, rule });
  if (rewrite.before !== undefined) return setupText(locale, 'rewroteInFile', { key: rewrite.key, path: rewrite.path, before: rewrite.before, after: rewrite.after, rule });
  const from = rewrite.violation.path ?? POLICY_TEXTS[locale].settingsSources[rewrite.violation.source ?? 'user'];
  return setupText(locale, 'rewroteOverride', { key: rewrite.key, path: rewrite.path, from, before: rewrite.violation.value ?? '', after: rewrite.after, rule });
}

export async function setupCommand(options: SetupOptions): Promise<CommandOutput> {
  const { locale, env } = options;
  if (!options.profile) throw new UsageError(setupText(locale, 'missingOption', { option: '--profile' }));
  if (options.models.length !== 1) throw new UsageError(setupText(locale, 'missingOption', { option: '--model (once)' }));
  const scope = scopeOption(options.scope, locale);
  const primaryModel = modelOption(options.models[0], locale)!;
  const folder = path.resolve(options.cwd, options.folder ?? '.');
  const needsFolder = scope !== 'user';
  if (needsFolder && !(await fs.stat(folder).then((stat) => stat.isDirectory(), () => false))) {
    throw new UsageError(setupText(locale, 'noFolder', { folder }));
  }
  const discovery = await loadProfiles(env);
  const profile = discovery.profiles.find((candidate) => candidate.name === options.profile);
  if (!profile) {
    const unreadable = [discovery.files.config, discovery.files.credentials].filter((file) => file.state === 'unreadable');
    throw new UsageError([profileMissingText(options.profile, discovery, locale), ...unreadable.map((file) => setupText(locale, 'awsFileUnreadable', { path: file.path }))].join('\n'));
  }
  const region = options.region ?? profile.region;
  if (!region) throw new UsageError(setupText(locale, 'noRegion', { profile: profile.name }));
  if (!REGION.test(region)) throw new UsageError(setupText(locale, 'badRegion', { value: region }));

  const choices: SetupChoices = {
    profile: profile.name,
    ssoProfile: profile.kind === 'sso' || profile.kind === 'sso-legacy',
    region,
    primaryModel,
    ...optional('backgroundModel', modelOption(options.backgroundModel, locale)),
    ...optional('sonnetModel', modelOption(options.sonnetModel, locale)),
    ...optional('opusModel', modelOption(options.opusModel, locale)),
    ...optional('maxOutputTokens', tokensOption(options.maxOutputTokens, locale)),
    scope,
  };
  const files = await readSettingsFiles(needsFolder ? folder : undefined, env);
  // The writer refuses what the policy forbids, and refuses to guess when a policy file is broken.
  const policy = await loadPolicy(needsFolder ? folder : undefined, files, env);
  // A managed lock is not refused: the plan never writes a locked key and says so in a notice.
  const profileKind = credentialKind(profile);
  // Asking the account settles an application profile's residency: its static `unverified` waits for the answer.
  const askAccount = policy.dataResidency !== undefined && !options.offline;
  const violations = checkChoices(choices, policy, { profileKind }).filter((violation) => violation.code !== 'managed-lock' && !(askAccount && violation.code === 'residency-unverified'));
  if (violations.length > 0 || policy.problems.length > 0) return policyRefusal(violations, policy, options);
  const localIgnored = needsFolder ? await localSettingsIgnored(folder) : true;
  const planned = planSetup(choices, files, { localIgnored });
  if (!planned.ok) {
    const lines = [
      ...planned.unparsable.map((entry) => setupText(locale, 'unparsable', { path: entry.path, line: entry.error.line, column: entry.error.column, message: entry.error.message })),
      ...planned.unreadable.map((entry) => setupText(locale, 'unreadable', { path: entry.path, reason: unreadableReason(locale, entry.detail) })),
    ];
    return options.json ? { stdout: JSON.stringify({ ok: false, unparsable: planned.unparsable, unreadable: planned.unreadable }, null, 2), exitCode: 1 } : { stderr: lines.join('\n'), exitCode: 1 };
  }

  // The whole file set after the write is judged, not only this run's keys: a kept `global.` pin is
  // rewritten to its compliant replacement (shown in the diff) or the write is refused, naming it.
  const judged = judgePlan(choices, files, planned, policy, { profileKind });
  let remaining = judged.violations;
  let residencyChecks: readonly ResidencyCheck[] | undefined;
  const toResolve = residencyModels(judged.setup, policy);
  if (askAccount && judged.setup.bedrock && toResolve.length > 0) {
    // Where the models run is all setup needs: not the account, which only a proof names.
    const answer = await answerResidency({ profile: choices.profile, region, models: toResolve }, policy, options.timeoutMs, false);
    // A lookup that failed proves nothing either way: not verified, never a guess.
    const failed = 'credentials' in answer ? [] : answer.checks.filter((check) => check.verdict === 'unverified' && check.error !== undefined);
    if ('credentials' in answer || failed.length > 0) {
      // A failed lookup's detail carries its own fix, in the reader's language (the diagnosis; the
      // proof's English words only when there is none); credentials have theirs.
      const credentials = 'credentials' in answer ? describeDiagnosis(answer.credentials, locale) : undefined;
      const lookupText = (check: ResidencyCheck) => {
        if (check.diagnosis === undefined) return check.error;
        const { cause, fix } = describeDiagnosis(check.diagnosis, locale);
        return `${cause}${locale === 'ja' ? '' : ' '}${fix}`;
      };
      const cause = credentials ? credentials.cause : [...new Set(failed.map((check) => `${check.modelId}: ${lookupText(check)}`))].join(locale === 'ja' ? '、' : '; ');
      const fix = credentials ? credentials.fix : setupText(locale, 'residencyLookupFix');
      return options.json
        ? { stdout: JSON.stringify({ ok: false, residency: { verified: false, cause, fix } }, null, 2), exitCode: 1 }
        : { stderr: setupText(locale, 'residencyNotVerified', { cause, fix }), exitCode: 1 };
    }
    residencyChecks = answer.checks;
    remaining = withResidency(remaining, answer.checks, judged.setup, policy);
  }
  if (remaining.length > 0) return policyRefusal(remaining, policy, options);
  const plan = judged.plan;
  const residencyLine =
    policy.dataResidency === undefined || !judged.setup.bedrock
      ? undefined
      : residencyChecks !== undefined
        ? setupText(locale, 'residencyChecked', { count: residencyChecks.length, allowed: policy.dataResidency.value.join(', ') })
        : options.offline
          ? setupText(locale, 'residencyOffline', { folder: needsFolder ? folder : '.' })
          : undefined;

  const relative = (file: string) => (needsFolder && file.startsWith(folder + path.sep) ? path.relative(folder, file).split(path.sep).join('/') : file);
  const write = !options.dryRun;
  if (write) {
    const readOnly = await firstReadOnly(plan.files.map((file) => file.path));
    if (readOnly !== undefined) return options.json ? { stdout: JSON.stringify({ ok: false, readOnly }, null, 2), exitCode: 1 } : { stderr: setupText(locale, 'readOnly', { path: readOnly }), exitCode: 1 };
    await applyPlan(plan);
  }

  const addGitignore = options.gitignore && plan.notices.some((notice) => notice.kind === 'local-not-ignored');
  const gitignore = addGitignore ? await planGitignoreAddition(folder) : undefined;
  if (gitignore && write) await addLocalSettingsToGitignore(folder);
  const notices = plan.notices.filter((notice) => !(addGitignore && notice.kind === 'local-not-ignored'));

  const vscode = options.vscodeSettings && needsFolder ? await planDisableLoginPrompt(folder) : undefined;
  if (vscode?.ok && vscode.changed && write) await writeFileAtomic(vscode.path, vscode.after);

  // Which Claude Code will read these files, and what it would ignore of them.
  const claudeCode = await claudeCodeForSetup(judged.setup, region, options);

  if (options.json) {
    return {
      stdout: JSON.stringify(
        {
          ok: true,
          dryRun: !write,
          scope,
          profile: choices.profile,
          region,
          files: plan.files.map((file) => ({ source: file.source, path: file.path, changes: file.changes, diff: filePlanDiff(file, relative(file.path)), written: write })),
          notices,
          policyRewrites: judged.rewrites.map(({ violation, ...rewrite }) => ({ ...rewrite, rule: violation.rule, code: violation.code, text: rewriteText({ violation, ...rewrite }, locale) })),
          residency: policy.dataResidency === undefined ? null : residencyChecks !== undefined ? { verified: true, checks: residencyChecks } : { verified: false, offline: options.offline },
          gitignore: gitignore ? { path: gitignore.path, added: write } : null,
          vscodeSettings: vscode === undefined ? null : vscode.ok ? { path: vscode.path, changed: vscode.changed, written: write && vscode.changed } : { path: vscode.path, error: { line: vscode.line, column: vscode.column, message: vscode.message } },
          claudeCode: claudeCode.json,
        },
        null,
        2,
      ),
      exitCode: 0,
    };
  }

  const lines: string[] = [];
  if (plan.files.length === 0) lines.push(setupText(locale, 'nothingToDo'));
  if (!write && plan.files.length > 0) lines.push(setupText(locale, 'dryRunTitle'), '');
  for (const file of plan.files) {
    lines.push(setupText(locale, write ? 'wrote' : 'wouldWrite', { path: file.path }));
    if (!write) lines.push(filePlanDiff(file, relative(file.path)));
  }
  if (gitignore) lines.push(setupText(locale, write ? 'gitignoreAdded' : 'gitignoreWould', { path: gitignore.path }));
  if (vscode?.ok && vscode.changed) lines.push(setupText(locale, write ? 'vscodeSet' : 'vscodeWould', { path: vscode.path }));
  if (vscode && !vscode.ok) lines.push(setupText(locale, 'vscodeRefused', { path: vscode.path, line: vscode.line, column: vscode.column, message: vscode.message }));
  for (const notice of notices) lines.push(`! ${noticeText(notice, locale)}`);
  for (const rewrite of judged.rewrites) lines.push(`! ${rewriteText(rewrite, locale)}`);
  if (residencyLine !== undefined) lines.push(residencyLine);
  lines.push(...claudeCode.lines);
  if (choices.opusModel === undefined && scopeOf(choices.primaryModel) !== undefined) lines.push(setupText(locale, 'opusHint'));
  const models = [choices.primaryModel, choices.backgroundModel].filter((id): id is string => id !== undefined).map((id) => `--model ${id.replace(/\[1m\]$/i, '')}`).join(' ');
  lines.push('', setupText(locale, 'validateHint', { profile: choices.profile, region, models }));
  return { stdout: lines.join('\n'), exitCode: 0 };
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
