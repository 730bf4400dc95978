/**
 * What the preview shows: the settings plan made from the answers and the files as they are now
 * (read afresh each time the preview is shown), plus the edits of `.vscode/settings.json` and
 * `.gitignore` the extras ask for, and the organisation policy's verdict on the choices and on the
 * files as they will be (the policy read afresh as well). Nothing is written here.
 */

import * as os from 'node:os';
import * as path from 'node:path';
import type { EffectivePolicy, PolicyViolation } from '../../../core/policy/policyTypes';
import { planSetup } from '../../../core/setup/settingsPlan';
import type { SetupChoices, SetupPlan } from '../../../core/setup/settingsTypes';
import { readSettingsFiles } from '../../../files/claudeSettingsFiles';
import { loadPolicy } from '../../../files/policyFiles';
import { localSettingsIgnored, planGitignoreAddition } from '../../../files/gitignore';
import { planDisableLoginPrompt } from '../../../files/vscodeSettingsFile';
import { planPolicyCheck, type ListedResidency } from '../policyOffers';
import type { PolicyRewrite } from '../../../core/policy/policyPlan';
import { choicesOf, type WizardState } from '../wizardState';
import type { WizardDependencies } from '../wizardContext';
import { filesAfter } from '../../../core/policy/policyPlan';
import { effectiveSetup } from '../../../core/setup/effectiveSetup';
import { settingsFileList } from '../../../files/claudeSettingsFiles';
import { attentionFindings, claudeCodeFindings, type ClaudeCodeFinding } from '../../../core/claudeCode/installVerdict';
import { writtenSettingsOf } from '../../../core/claudeCode/supportCheck';

/** One file the preview shows as a diff. */
export interface PreviewFile {
  /** Names the file among the preview's documents. */
  readonly key: string;
  /** `.claude/settings.json`, `~/.claude/settings.json`: short, and where the user knows it. */
  readonly label: string;
  readonly path: string;
  readonly before?: string;
  readonly after: string;
  /** The keys that change, for the summary line. */
  readonly changes: readonly string[];
}

export interface SetupPreview {
  /** The choices the plan is made from (what the writer checks again). */
  readonly choices: SetupChoices;
  readonly plan: SetupPlan;
  /** The policy in force now; its `problems` refuse writing as violations do. */
  readonly policy: EffectivePolicy;
  /** How the choices, or the files as they will be, break the policy: anything here refuses writing. */
  readonly violations: readonly PolicyViolation[];
  /** Values already in the files that the plan rewrites so that the result complies (in `plan`, so in the diff). */
  readonly rewrites: readonly PolicyRewrite[];
  /** Application profiles whose residency only the account's listing vouches for (the health check confirms it). */
  readonly listed: readonly ListedResidency[];
  /** The Claude Code settings files the plan writes (empty when the plan failed or nothing changes). */
  readonly settings: readonly PreviewFile[];
  /** `.vscode/settings.json` with the login prompt off, when asked for and needed. */
  readonly loginPrompt?: PreviewFile;
  /** Why `.vscode/settings.json` cannot be edited (it does not parse). */
  readonly loginPromptProblem?: { readonly path: string; readonly label: string; readonly line: number; readonly column: number; readonly message: string };
  /** The personal file is not git-ignored and the plan writes it. */
  readonly localNotIgnored: boolean;
  /** `.gitignore` with the personal file added, when the user keeps that choice. */
  readonly gitignore?: PreviewFile;
  /** What the Claude Code found here would ignore of the files as written, or why it cannot read them (problems only). */
  readonly claudeCode?: readonly ClaudeCodeFinding[];
}

/** A path as the user knows it: relative to the folder, or to the home folder (`~/…`). */
export function displayPath(file: string, folder: string | undefined): string {
  if (folder) {
    const relative = path.relative(folder, file);
    if (relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative)) return relative.split(path.sep).join('/');
  }
  const home = process.env.HOME || os.homedir();
  const fromHome = path.relative(home, file);
  if (fromHome !== '' && !fromHome.startsWith('..') && !path.isAbsolute(fromHome)) return `~/${fromHome.split(path.sep).join('/')}`;
  return file;
}

/** The Claude Code found here judged against the settings as they will be after the write: its problems only. */
async function claudeCodeOf(plan: SetupPlan, files: Awaited<ReturnType<typeof readSettingsFiles>>, region: string, claudeCode: WizardDependencies['claudeCode']): Promise<readonly ClaudeCodeFinding[] | undefined> {
  if (!claudeCode || !plan.ok) return undefined;
  const installs = await claudeCode.detect().catch(() => undefined);
  if (!installs) return undefined;
  const after = effectiveSetup(settingsFileList(filesAfter(files, plan)));
  return attentionFindings(claudeCodeFindings(installs, { settings: writtenSettingsOf(after), region }));
}

/** Plans the setup from the answers and the files on disk now. */
export async function buildPreview(state: WizardState, claudeCode?: WizardDependencies['claudeCode']): Promise<SetupPreview> {
  const folder = state.folder?.path;
  const files = await readSettingsFiles(folder, process.env);
  const localIgnored = folder ? await localSettingsIgnored(folder) : true;
  const choices = choicesOf(state);
  const policy = await loadPolicy(folder, files, process.env);
  const catalog = state.catalog?.result.catalog;
  const check = planPolicyCheck(choices, files, planSetup(choices, files, { localIgnored }), policy, { ...(state.profileKind ? { profileKind: state.profileKind } : {}), ...(catalog ? { catalog } : {}) });
  const plan = check.plan;
  const settings: PreviewFile[] = plan.ok
    ? plan.files.map((file) => ({
        key: file.source,
        label: displayPath(file.path, folder),
        path: file.path,
        ...(file.before === undefined ? {} : { before: file.before }),
        after: file.after,
        changes: file.changes.map((change) => change.key),
      }))
    : [];
  const localNotIgnored = plan.ok && plan.notices.some((notice) => notice.kind === 'local-not-ignored');

  let loginPrompt: PreviewFile | undefined;
  let loginPromptProblem: SetupPreview['loginPromptProblem'];
  if (folder && state.options?.disableLoginPrompt) {
    const edit = await planDisableLoginPrompt(folder);
    const label = displayPath(edit.path, folder);
    if (!edit.ok) loginPromptProblem = { path: edit.path, label, line: edit.line, column: edit.column, message: edit.message };
    else if (edit.changed) {
      loginPrompt = { key: 'vscode', label, path: edit.path, ...(edit.before === undefined ? {} : { before: edit.before }), after: edit.after, changes: ['claudeCode.disableLoginPrompt'] };
    }
  }

  let gitignore: PreviewFile | undefined;
  if (folder && localNotIgnored && (state.gitignoreLocal ?? true)) {
    const addition = await planGitignoreAddition(folder);
    gitignore = {
      key: 'gitignore',
      label: displayPath(addition.path, folder),
      path: addition.path,
      ...(addition.before === undefined ? {} : { before: addition.before }),
      after: addition.after,
      changes: ['.claude/settings.local.json'],
    };
  }
  const found = await claudeCodeOf(plan, files, choices.region, claudeCode);
  return {
    choices,
    plan,
    policy,
    violations: check.violations,
    rewrites: check.rewrites,
    listed: check.listed,
    settings,
    ...(loginPrompt ? { loginPrompt } : {}),
    ...(loginPromptProblem ? { loginPromptProblem } : {}),
    localNotIgnored,
    ...(gitignore ? { gitignore } : {}),
    ...(found ? { claudeCode: found } : {}),
  };
}

/** Every file the preview would write, settings first. */
export function previewFiles(preview: SetupPreview): PreviewFile[] {
  return [...preview.settings, ...(preview.loginPrompt ? [preview.loginPrompt] : []), ...(preview.gitignore ? [preview.gitignore] : [])];
}

/** Whether the organisation policy lets the preview's choices be written. */
export function policyAllows(preview: SetupPreview): boolean {
  return preview.violations.length === 0 && preview.policy.problems.length === 0;
}
