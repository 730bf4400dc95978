/**
 * The last step's writing: the settings plan first (each file checked against the text it was
 * planned from, then written atomically), then `.gitignore` and `.vscode/settings.json` when asked.
 * Before anything is written the choices are checked against the organisation policy read afresh
 * (with the profile's kind as the AWS files say now): the writer enforces it, not only the steps.
 */

import * as vscode from 'vscode';
import { loadProfiles } from '../../aws/profiles/awsFiles';
import { credentialKind } from '../../core/profiles/profiles';
import type { PolicyFileProblem, PolicyViolation } from '../../core/policy/policyTypes';
import { policyProblemText, violationText } from '../../core/policy/policyText';
import { applyPlan, readSettingsFiles } from '../../files/claudeSettingsFiles';
import { loadPolicy } from '../../files/policyFiles';
import { uiLocale } from '../uiLocale';
import { planPolicyCheck } from './policyOffers';
import { planSetup } from '../../core/setup/settingsPlan';
import { addLocalSettingsToGitignore, localSettingsIgnored } from '../../files/gitignore';
import { setDisableLoginPrompt } from '../../files/vscodeSettingsFile';
import type { SetupPreview } from './steps/setupPreview';
import type { WizardState } from './wizardState';

export interface WriteOutcome {
  readonly files: readonly string[];
  /** The settings file to open afterwards: the one holding the shared keys. */
  readonly main?: string;
  readonly warnings: readonly string[];
}

/** The organisation policy refuses the choices (or cannot be read): nothing was written. */
export class PolicyRefusedError extends Error {
  constructor(
    readonly violations: readonly PolicyViolation[],
    readonly problems: readonly PolicyFileProblem[],
  ) {
    const locale = uiLocale();
    const reasons = [...problems.map((problem) => policyProblemText(problem, locale).title), ...violations.map((violation) => violationText(violation, locale).title)];
    super(vscode.l10n.t('The organisation policy does not allow this setup, so nothing was written: {0}', reasons.join('; ')));
    this.name = 'PolicyRefusedError';
  }
}

/** Checks the preview's choices, and the files they leave, against the policy as it is on disk now; throws PolicyRefusedError when it refuses them. */
export async function enforcePolicy(state: WizardState, preview: SetupPreview): Promise<void> {
  const folder = state.folder?.path;
  const files = await readSettingsFiles(folder, process.env);
  const policy = await loadPolicy(folder, files, process.env);
  const found = (await loadProfiles(process.env)).profiles.find((profile) => profile.name === preview.choices.profile);
  const kind = found === undefined ? undefined : credentialKind(found);
  const catalog = state.catalog?.result.catalog;
  const localIgnored = folder ? await localSettingsIgnored(folder) : true;
  // The whole result is judged again, as the preview did: a value the plan does not rewrite refuses the write.
  const { violations } = planPolicyCheck(preview.choices, files, planSetup(preview.choices, files, { localIgnored }), policy, { ...(kind ? { profileKind: kind } : {}), ...(catalog ? { catalog } : {}) });
  if (violations.length > 0 || policy.problems.length > 0) throw new PolicyRefusedError(violations, policy.problems);
}

/**
 * Writes what the preview showed. Throws PolicyRefusedError when the organisation policy refuses the
 * choices, ChangedSinceReadError when a settings file changed meanwhile; either way nothing is written.
 */
export async function writeSetup(state: WizardState, preview: SetupPreview): Promise<WriteOutcome> {
  if (!preview.plan.ok) throw new Error('the plan cannot be written');
  // The preview offers no Write item in Restricted Mode; this keeps any other path from writing either.
  if (!vscode.workspace.isTrusted) throw new Error('Restricted Mode: nothing is written');
  await enforcePolicy(state, preview);
  await applyPlan(preview.plan);
  const files = preview.plan.files.map((file) => file.path);
  const shared = state.target === 'project' ? 'project' : state.target === 'local' ? 'local' : 'user';
  const main = (preview.plan.files.find((file) => file.source === shared) ?? preview.plan.files[0])?.path;
  const warnings: string[] = [];
  const folder = state.folder?.path;
  if (folder && preview.gitignore) {
    await addLocalSettingsToGitignore(folder);
    files.push(preview.gitignore.path);
  }
  if (folder && state.options?.disableLoginPrompt) {
    const result = await setDisableLoginPrompt(folder);
    if ('error' in result) warnings.push(vscode.l10n.t('claudeCode.disableLoginPrompt was not set: {0}', result.error));
    else if (result.changed) files.push(result.path);
  }
  return { files, ...(main ? { main } : {}), warnings };
}
