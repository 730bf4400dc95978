/**
 * The policy's quick fixes and the residency proof: a violation's fix rewrites the violating value
 * in the file it comes from (one click, after which the health check runs again), and the proof of
 * data residency is saved as JSON for an audit.
 */

import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import { planPolicyFixes } from '../../core/policy/policyFix';
import type { PolicyViolation } from '../../core/policy/policyTypes';
import { ChangedSinceReadError } from '../../files/atomicWrite';
import { applyPlan } from '../../files/claudeSettingsFiles';
import { requireTrust } from '../workspaceTrust';
import type { SetupState } from '../setup/setupState';

/**
 * What a fix link or a Setup view row passes: the settings key to fix (absent: every fixable
 * violation), and the file of the value or the row's folder, so a multi-root workspace fixes the right one.
 */
export interface PolicyFixArgument {
  readonly key?: string;
  readonly path?: string;
  readonly folder?: { readonly folder?: { readonly uri: { readonly fsPath: string } } };
}

/** Applies the fixes of the violations of `key` (or all of them) in the first folder that has them. */
export async function applyPolicyFix(state: SetupState, argument?: PolicyFixArgument): Promise<void> {
  if (!(await requireTrust())) return;
  const wanted = (violation: PolicyViolation) => (argument?.key === undefined || violation.key === argument.key) && (argument?.path === undefined || violation.path === argument.path);
  const rowFolder = argument?.folder?.folder?.uri.fsPath;
  const folder = state.current.find(
    (candidate) => (rowFolder === undefined || candidate.folder?.uri.fsPath === rowFolder) && candidate.violations.some((violation) => violation.fix && wanted(violation)),
  );
  if (!folder) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Nothing to fix: the setup complies with the policy.'));
    return;
  }
  const violations = folder.violations.filter((violation) => violation.fix && wanted(violation));
  const plan = planPolicyFixes(folder.files, violations);
  if (!plan.ok) {
    const broken = plan.unparsable[0];
    void vscode.window.showErrorMessage(
      broken
        ? vscode.l10n.t('{0} is not valid JSON (line {1}, column {2}): fix it first; it was left as it is.', broken.path, broken.error.line, broken.error.column)
        : vscode.l10n.t('{0} cannot be read: nothing was changed.', plan.unreadable[0]?.path ?? ''),
    );
    return;
  }
  try {
    await applyPlan(plan);
  } catch (error) {
    if (!(error instanceof ChangedSinceReadError)) throw error;
    void vscode.window.showWarningMessage(vscode.l10n.t('A settings file changed meanwhile: nothing was written. Check again and retry.'));
    await state.refresh(false);
    return;
  }
  const changes = plan.files.flatMap((file) => file.changes.map((change) => `${change.key} → ${change.after ?? vscode.l10n.t('(removed)')}`));
  void vscode.window.showInformationMessage(vscode.l10n.t('Fixed for the organisation policy: {0}', changes.join(', ')));
  await state.refresh(true);
}

/** Saves the last data-residency proof of a folder (checked again first) as JSON. */
export async function exportResidencyProof(state: SetupState): Promise<void> {
  await state.refresh(true);
  const folder = state.current.find((candidate) => candidate.policy.dataResidency);
  if (!folder) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No organisation policy here asks for data residency: there is nothing to prove.'));
    return;
  }
  const answer = folder.residency;
  if (!answer || !('proof' in answer)) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Data residency could not be checked against the account: check the setup\'s health first (sign-in, identity).'));
    return;
  }
  const day = answer.proof.checkedAt.slice(0, 10);
  const base = folder.folder?.uri ?? vscode.Uri.file(process.cwd());
  const target = await vscode.window.showSaveDialog({
    defaultUri: vscode.Uri.joinPath(base, `bedrock-residency-proof-${day}.json`),
    filters: { JSON: ['json'] },
    saveLabel: vscode.l10n.t('Save Proof'),
  });
  if (!target) return;
  await fs.writeFile(target.fsPath, `${JSON.stringify(answer.proof, null, 2)}\n`);
  const verdict = answer.proof.compliant ? vscode.l10n.t('every model stays within the allowed Regions') : vscode.l10n.t('some models leave the allowed Regions');
  void vscode.window.showInformationMessage(vscode.l10n.t('Residency proof saved to {0}: {1}.', target.fsPath, verdict));
}
