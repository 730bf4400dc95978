/**
 * The last step's writing: the settings plan first (each file checked against the text it was
 * planned from, then written atomically), then `.gitignore` and `.vscode/settings.json` when asked.
 */

import * as vscode from 'vscode';
import { applyPlan } from '../../files/claudeSettingsFiles';
import { addLocalSettingsToGitignore } from '../../files/gitignore';
import { setDisableLoginPrompt } from '../../files/vscodeSettingsFile';
import type { SetupPreview } from './setupPreview';
import type { WizardState } from './wizardState';

export interface WriteOutcome {
  readonly files: readonly string[];
  /** The settings file to open afterwards: the one holding the shared keys. */
  readonly main?: string;
  readonly warnings: readonly string[];
}

/** Writes what the preview showed. Throws ChangedSinceReadError (nothing written) when a settings file changed meanwhile. */
export async function writeSetup(state: WizardState, preview: SetupPreview): Promise<WriteOutcome> {
  if (!preview.plan.ok) throw new Error('the plan cannot be written');
  // The preview offers no Write item in Restricted Mode; this keeps any other path from writing either.
  if (!vscode.workspace.isTrusted) throw new Error('Restricted Mode: nothing is written');
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
