/**
 * The organisation policy in the wizard's picks: the policy loaded for the folder, the offers it
 * forbids shown below a separator with the reason (picking one is refused with the reason and the
 * step shows again), managed locks named, and a policy file that cannot be used named with its
 * place, with a way to open it. The judgements themselves are plain code (policyOffers.ts).
 */

import * as vscode from 'vscode';
import type { EffectivePolicy, PolicyFileProblem, PolicyViolation } from '../../core/policy/policyTypes';
import { policyProblemText, violationText } from '../../core/policy/policyText';
import { readSettingsFiles } from '../../files/claudeSettingsFiles';
import { loadPolicy } from '../../files/policyFiles';
import { uiLocale } from '../uiLocale';
import { pickOne, type PickOptions } from './multiStepInput';
import type { WizardState } from './wizardState';

/** A pick item the policy may forbid: then `blocked` holds why. */
export type PolicyItem = vscode.QuickPickItem & { readonly blocked?: PolicyViolation };

/** The effective policy of a folder (or of the machine alone, without a folder), read from disk now. */
export async function loadWizardPolicy(folder: string | undefined): Promise<EffectivePolicy> {
  const files = await readSettingsFiles(folder, process.env);
  return loadPolicy(folder, files, process.env);
}

/** The policy of the state's folder: loaded once, again when the folder changed or `reload` asks for it. */
export async function policyOf(state: WizardState, reload = false): Promise<EffectivePolicy> {
  const folder = state.folder?.path;
  if (!reload && state.policy !== undefined && state.policyFolder === folder) return state.policy;
  const policy = await loadWizardPolicy(folder);
  state.policy = policy;
  state.policyFolder = folder;
  return policy;
}

/** The separator above the offers the policy forbids. */
export function notAllowedLabel(): string {
  return vscode.l10n.t('Not allowed by the organisation policy');
}

/** `$(lock) Locked by managed settings: value`. */
export function lockedText(value: string): string {
  return `$(lock) ${vscode.l10n.t('Locked by managed settings: {0}', value)}`;
}

/** An item the policy forbids: `$(circle-slash)` before its label, the reason as its detail. */
export function blockedItem<T extends PolicyItem>(item: T, violation: PolicyViolation): T {
  const label = item.label.replace(/^\$\([\w~-]+\)\s*/, '');
  return { ...item, label: `$(circle-slash) ${label}`, detail: violationText(violation, uiLocale()).title, blocked: violation };
}

/** The allowed items as given, then (when any) the separator and the forbidden ones. */
export function withBlocked<T extends PolicyItem>(allowed: readonly T[], blocked: readonly { readonly item: T; readonly violation: PolicyViolation }[]): T[] {
  if (blocked.length === 0) return [...allowed];
  const separator = { label: notAllowedLabel(), kind: vscode.QuickPickItemKind.Separator } as unknown as T;
  return [...allowed, separator, ...blocked.map(({ item, violation }) => blockedItem(item, violation))];
}

/** Says why a forbidden item cannot be chosen. */
export function refuseBlocked(violation: PolicyViolation): void {
  const text = violationText(violation, uiLocale());
  void vscode.window.showWarningMessage(vscode.l10n.t('Not allowed by the organisation policy: {0}. {1}', text.title, text.detail));
}

/** `pickOne`, except that a forbidden item is refused with its reason and the same pick shows again. */
export async function pickAllowed<T extends PolicyItem>(options: PickOptions<T>): Promise<T> {
  for (;;) {
    const picked = await pickOne<T>(options);
    if (picked.blocked === undefined) return picked;
    refuseBlocked(picked.blocked);
  }
}

/** A policy file's problem as a pick row: the file and the place in it; selecting it opens the file there. */
export function problemItem(problem: PolicyFileProblem): vscode.QuickPickItem & { readonly problem: PolicyFileProblem } {
  const text = policyProblemText(problem, uiLocale());
  return { label: `$(error) ${text.title}`, detail: text.detail, problem };
}

/** Opens a policy file at the place of its problem. */
export async function openPolicyProblem(problem: PolicyFileProblem): Promise<void> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(problem.path));
  const position = new vscode.Position(Math.max(0, (problem.line ?? 1) - 1), Math.max(0, (problem.column ?? 1) - 1));
  await vscode.window.showTextDocument(document, { selection: new vscode.Range(position, position), preserveFocus: true, preview: true });
}

/** Says that the wizard cannot go on while a policy file cannot be used (fail closed), offering to open it. */
export function refuseProblems(problems: readonly PolicyFileProblem[]): void {
  const first = problems[0];
  if (first === undefined) return;
  const text = policyProblemText(first, uiLocale());
  const open = vscode.l10n.t('Open the policy file');
  void vscode.window
    .showErrorMessage(vscode.l10n.t('{0}: {1} The wizard cannot go on until the policy file is fixed.', text.title, text.detail), open)
    .then((answer) => {
      if (answer === open) {
        openPolicyProblem(first).catch((error: unknown) => {
          void vscode.window.showErrorMessage(vscode.l10n.t('{0} cannot be read: {1}', first.path, error instanceof Error ? error.message : String(error)));
        });
      }
    });
}
