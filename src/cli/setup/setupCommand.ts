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
import { policyProblemText, violationText } from '../../core/policy/policyText';
import type { EffectivePolicy, PolicyViolation } from '../../core/policy/policyTypes';
import { loadPolicy } from '../../files/policyFiles';
import { filePlanDiff } from '../../core/setup/settingsPreview';
import { SETUP_SCOPES, type PlanNotice, type SetupChoices, type SetupScope } from '../../core/setup/settingsTypes';
import { applyPlan, readSettingsFiles } from '../../files/claudeSettingsFiles';
import { addLocalSettingsToGitignore, localSettingsIgnored, planGitignoreAddition } from '../../files/gitignore';
import { planDisableLoginPrompt } from '../../files/vscodeSettingsFile';
import { writeFileAtomic } from '../../files/atomicWrite';
import { UsageError, type CommandOutput } from '../output';
import { profileMissingText } from '../target';
import { setupText } from './setupText';

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
  }
  return { stderr: lines.join('\n'), exitCode: 1 };
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
  if (!profile) throw new UsageError(profileMissingText(options.profile, discovery, locale));
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
  const violations = checkChoices(choices, policy, { profileKind: credentialKind(profile) }).filter((violation) => violation.code !== 'managed-lock');
  if (violations.length > 0 || policy.problems.length > 0) return policyRefusal(violations, policy, options);
  const localIgnored = needsFolder ? await localSettingsIgnored(folder) : true;
  const plan = planSetup(choices, files, { localIgnored });
  if (!plan.ok) {
    const lines = [
      ...plan.unparsable.map((entry) => setupText(locale, 'unparsable', { path: entry.path, line: entry.error.line, column: entry.error.column, message: entry.error.message })),
      ...plan.unreadable.map((entry) => setupText(locale, 'unreadable', entry)),
    ];
    return options.json ? { stdout: JSON.stringify({ ok: false, unparsable: plan.unparsable, unreadable: plan.unreadable }, null, 2), exitCode: 1 } : { stderr: lines.join('\n'), exitCode: 1 };
  }

  const relative = (file: string) => (needsFolder && file.startsWith(folder + path.sep) ? path.relative(folder, file).split(path.sep).join('/') : file);
  const write = !options.dryRun;
  if (write) await applyPlan(plan);

  const addGitignore = options.gitignore && plan.notices.some((notice) => notice.kind === 'local-not-ignored');
  const gitignore = addGitignore ? await planGitignoreAddition(folder) : undefined;
  if (gitignore && write) await addLocalSettingsToGitignore(folder);
  const notices = plan.notices.filter((notice) => !(addGitignore && notice.kind === 'local-not-ignored'));

  const vscode = options.vscodeSettings && needsFolder ? await planDisableLoginPrompt(folder) : undefined;
  if (vscode?.ok && vscode.changed && write) await writeFileAtomic(vscode.path, vscode.after);

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
          gitignore: gitignore ? { path: gitignore.path, added: write } : null,
          vscodeSettings: vscode === undefined ? null : vscode.ok ? { path: vscode.path, changed: vscode.changed, written: write && vscode.changed } : { path: vscode.path, error: { line: vscode.line, column: vscode.column, message: vscode.message } },
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
  if (choices.opusModel === undefined && scopeOf(choices.primaryModel) !== undefined) lines.push(setupText(locale, 'opusHint'));
  const models = [choices.primaryModel, choices.backgroundModel].filter((id): id is string => id !== undefined).map((id) => `--model ${id.replace(/\[1m\]$/i, '')}`).join(' ');
  lines.push('', setupText(locale, 'validateHint', { profile: choices.profile, region, models }));
  return { stdout: lines.join('\n'), exitCode: 0 };
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
