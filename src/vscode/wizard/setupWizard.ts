/**
 * The setup wizard command: folder (multi-root only), profile, Region, scope, primary and
 * background model, validation, where to write, extras, preview, write. Cancelling at any step
 * writes nothing: every file is written only after "Write these files" in the preview. Under an
 * organisation policy every step offers the allowed choices first and lists the others with the
 * reason; the preview and the writer refuse choices the policy (read afresh) does not allow.
 */

import * as vscode from 'vscode';
import { backgroundStep, primaryStep } from './steps/modelSteps';
import { folderStep, localFolders } from './steps/folderStep';
import { PreviewDocuments } from './steps/previewDocuments';
import { previewStep } from './steps/previewStep';
import { profileStep } from './steps/profileStep';
import { regionStep } from './steps/regionStep';
import { scopeStep } from './steps/scopeStep';
import { runSteps, type WizardStepName } from './stepFlow';
import { optionsStep, targetStep } from './steps/targetStep';
import { validationStep } from './steps/validationStep';
import { firstStepName, wizardContext, type StepFactory, type WizardDependencies } from './wizardContext';
import { backgroundModelOf, validationKey, type WizardState } from './wizardState';
import { displayPath } from './steps/setupPreview';

const STEPS: Readonly<Record<WizardStepName, StepFactory>> = {
  folder: folderStep,
  profile: profileStep,
  region: regionStep,
  scope: scopeStep,
  primary: primaryStep,
  background: backgroundStep,
  validation: validationStep,
  target: targetStep,
  options: optionsStep,
  preview: previewStep,
};

/** After writing: the shared settings file opens, the models view follows the new setup, and a message says what was written. */
async function finish(state: WizardState, dependencies: WizardDependencies): Promise<void> {
  const written = state.written;
  if (!written) return;
  if (dependencies.models && state.profile && state.region && state.primary) {
    await dependencies.models.select(state.profile, state.region);
    await dependencies.models.choose('primary', state.primary);
    const background = backgroundModelOf(state);
    if (background) await dependencies.models.choose('background', background);
    // The wizard's own validation of these models, for this profile and Region, is their latest
    // verdict: the Setup view, the models view and the status bar show it (select() cleared the old).
    if (state.validation?.key === validationKey(state)) {
      for (const report of state.validation.result.reports) dependencies.models.finishReport(report);
    }
  }
  for (const warning of written.warnings) void vscode.window.showWarningMessage(warning);
  if (written.files.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Claude Code is already set up this way: nothing was written.'));
    return;
  }
  if (written.main) {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(written.main));
    await vscode.window.showTextDocument(document, { preview: false });
  }
  const names = written.files.map((file) => displayPath(file, state.folder?.path)).join(', ');
  void vscode.window.showInformationMessage(vscode.l10n.t('Claude Code on Bedrock is set up. Written: {0}.', names));
}

/** Runs the wizard once; resolves when it is finished or cancelled. */
export async function runSetupWizard(dependencies: WizardDependencies): Promise<void> {
  const folders = localFolders();
  const state: WizardState = { multiRoot: folders.length > 1, ...(folders.length === 1 ? { folder: folders[0] } : {}) };
  const preview = new PreviewDocuments();
  try {
    const context = wizardContext(dependencies, preview, STEPS);
    const finished = await runSteps(STEPS[firstStepName(state)](context), state);
    await preview.closeTabs();
    if (finished) await finish(state, dependencies);
  } catch (error) {
    await preview.closeTabs();
    void vscode.window.showErrorMessage(vscode.l10n.t('The setup wizard failed: {0}', error instanceof Error ? error.message : String(error)));
  } finally {
    preview.dispose();
  }
}
