/**
 * Step 9: the preview. Each file that would change opens as a diff (current ↔ after setup); the
 * pick lists them with the plan's notices and ends in "Write these files", Back or Cancel.
 * In Restricted Mode the same preview is shown but writing is refused, with the reason. Choices
 * the organisation policy forbids (or a policy file that cannot be used) are listed with their
 * reasons instead, and nothing can be written: the writer checks again itself.
 */

import * as vscode from 'vscode';
import type { PolicyViolation } from '../../../core/policy/policyTypes';
import { ruleText, violationText } from '../../../core/policy/policyText';
import type { PolicyRewrite } from '../../../core/policy/policyPlan';
import { routeText } from '../../../core/regions/regions';
import type { PlanNotice, SettingsSource } from '../../../core/setup/settingsTypes';
import { redactSecrets } from '../../../core/setup/settingsPreview';
import { unifiedDiff } from '../../../core/text/textDiff';
import { ChangedSinceReadError } from '../../../files/atomicWrite';
import { uiLocale } from '../../uiLocale';
import { pickOne } from '../multiStepInput';
import { notAllowedLabel, problemItem } from '../policyItems';
import { buildPreview, displayPath, policyAllows, previewFiles, type PreviewFile, type SetupPreview } from './setupPreview';
import { Cancelled, GoBack } from '../stepFlow';
import type { StepFactory, WizardContext } from '../wizardContext';
import type { WizardState } from '../wizardState';
import { PolicyRefusedError, writeSetup } from '../writeSetup';
import type { ClaudeCodeFinding } from '../../../core/claudeCode/installVerdict';
import { findingText } from '../../../core/claudeCode/supportText';

type Action = 'write' | 'untrusted' | 'finish' | 'diff' | 'unified' | 'toggle-gitignore' | 'open' | 'back' | 'cancel' | 'none';
type PreviewItem = vscode.QuickPickItem & { readonly action: Action; readonly file?: PreviewFile; readonly path?: string; readonly line?: number; readonly column?: number };

function sourceLabel(source: SettingsSource): string {
  switch (source) {
    case 'managed':
      return vscode.l10n.t('managed settings');
    case 'local':
      return vscode.l10n.t('personal project settings');
    case 'project':
      return vscode.l10n.t('shared project settings');
    default:
      return vscode.l10n.t('user settings');
  }
}

function diffTitle(file: PreviewFile): string {
  return file.before === undefined ? vscode.l10n.t('{0} (new file)', file.label) : vscode.l10n.t('{0} (current ↔ after setup)', file.label);
}

function fileItem(file: PreviewFile): PreviewItem {
  return {
    label: `$(diff) ${file.label}`,
    description: file.before === undefined ? vscode.l10n.t('new file') : vscode.l10n.t('{0} changed', file.changes.length),
    detail: file.changes.join(', '),
    action: 'diff',
    file,
  };
}

function noticeItem(notice: PlanNotice, folder: string | undefined): PreviewItem | undefined {
  switch (notice.kind) {
    case 'managed-override':
      return {
        label: `$(lock) ${vscode.l10n.t('{0} is fixed by managed settings', notice.key)}`,
        detail: vscode.l10n.t('Managed settings hold {0}, so {1} is not written.', notice.managedValue, notice.wanted),
        action: 'none',
      };
    case 'shadowed':
      return {
        label: `$(eye-closed) ${vscode.l10n.t('{0} is overridden by {1}', notice.key, displayPath(notice.path, folder))}`,
        detail: vscode.l10n.t('The {0} hold {1}, which wins over the value written here. Select to open the file.', sourceLabel(notice.source), notice.value),
        action: 'open',
        path: notice.path,
      };
    case 'secret-in-shared-file':
      return {
        label: `$(warning) ${vscode.l10n.t('{0} is a secret in the shared file {1}', notice.key, displayPath(notice.path, folder))}`,
        detail: vscode.l10n.t('Move it to your personal settings: the shared file is committed to git. Select to open the file.'),
        action: 'open',
        path: notice.path,
      };
    default:
      // local-not-ignored is the .gitignore choice below.
      return undefined;
  }
}

/** A value already in the files that the write rewrites so that the result complies with the policy. */
function rewriteItem(rewrite: PolicyRewrite, folder: string | undefined): PreviewItem {
  const file = displayPath(rewrite.path, folder);
  const rule = ruleText(rewrite.violation.rule, uiLocale());
  const label = rewrite.after === undefined ? vscode.l10n.t('{0} is removed from {1}', rewrite.key, file) : vscode.l10n.t('{0} in {1} becomes {2}', rewrite.key, file, rewrite.after);
  // `before` is masked for a secret; a value overridden from a lower file is never one (only removals touch secrets).
  const was = rewrite.before ?? rewrite.violation.value ?? rewrite.key;
  return { label: `$(shield) ${label}`, detail: vscode.l10n.t('The organisation policy does not allow {0} (rule: {1}), so the write changes it as the diff shows.', was, rule), path: rewrite.path, action: 'open' };
}

/** A Claude Code finding before writing: an installed version that would ignore what is written, too old, absent, not read. */
function claudeCodeItem(finding: ClaudeCodeFinding): PreviewItem {
  const text = findingText(finding, uiLocale());
  const icon = finding.state === 'error' ? '$(error)' : '$(warning)';
  return { label: `${icon} ${text.title}`, detail: [text.detail, text.fix].filter(Boolean).join(' '), action: 'none' };
}

/** A reason the policy refuses the setup: what is wrong, and which rule of which file says so. */
function violationItem(violation: PolicyViolation): PreviewItem {
  const text = violationText(violation, uiLocale());
  return { label: `$(circle-slash) ${text.title}`, detail: text.detail, action: 'none' };
}

/** The pick's rows for a preview: files, notices, then what the user can do. */
function previewItems(preview: SetupPreview, state: WizardState): { items: PreviewItem[]; active?: PreviewItem; placeholder: string } {
  const folder = state.folder?.path;
  const items: PreviewItem[] = [];
  const separator = (label: string): PreviewItem => ({ label, kind: vscode.QuickPickItemKind.Separator, action: 'none' });
  const back: PreviewItem = { label: `$(arrow-left) ${vscode.l10n.t('Back')}`, action: 'back' };
  const cancel: PreviewItem = { label: `$(close) ${vscode.l10n.t('Cancel')}`, detail: vscode.l10n.t('Nothing is written.'), action: 'cancel' };
  const plan = preview.plan;
  if (!policyAllows(preview)) {
    items.push(separator(notAllowedLabel()));
    items.push(...preview.violations.map(violationItem));
    for (const problem of preview.policy.problems) {
      items.push({ ...problemItem(problem), action: 'open', path: problem.path, ...(problem.line === undefined ? {} : { line: problem.line }), ...(problem.column === undefined ? {} : { column: problem.column }) });
    }
    items.push(separator(''), back, cancel);
    return {
      items,
      active: items.find((item) => item.kind !== vscode.QuickPickItemKind.Separator),
      placeholder: vscode.l10n.t('The organisation policy does not allow this setup: go back and change these choices.'),
    };
  }
  if (!plan.ok) {
    for (const entry of plan.unparsable) {
      items.push({
        label: `$(error) ${vscode.l10n.t('{0} is not valid JSON (line {1}, column {2}): {3}', displayPath(entry.path, folder), entry.error.line, entry.error.column, entry.error.message)}`,
        detail: vscode.l10n.t('Open the file to fix it; the wizard never writes over a file it cannot read.'),
        action: 'open',
        path: entry.path,
        line: entry.error.line,
        column: entry.error.column,
      });
    }
    for (const entry of plan.unreadable) {
      items.push({ label: `$(error) ${vscode.l10n.t('{0} cannot be read: {1}', displayPath(entry.path, folder), entry.detail)}`, action: 'none' });
    }
    items.push(separator(''), back, cancel);
    return { items, active: items[0], placeholder: vscode.l10n.t('Nothing can be written until these files are fixed.') };
  }

  const files = previewFiles(preview);
  items.push(separator(vscode.l10n.t('Changes')));
  items.push(...files.map(fileItem));
  if (files.length === 0) items.push({ label: `$(check) ${vscode.l10n.t('The settings already say this: nothing to write.')}`, action: 'none' });

  const notices = plan.notices.map((notice) => noticeItem(notice, folder)).filter((item): item is PreviewItem => item !== undefined);
  notices.push(...preview.rewrites.map((rewrite) => rewriteItem(rewrite, folder)));
  for (const entry of preview.listed) {
    notices.push({
      label: `$(warning) ${vscode.l10n.t('{0} routes to {1}, as the account lists it', entry.modelId, routeText({ destinations: entry.destinations, anyRegion: false }, uiLocale()))}`,
      detail: vscode.l10n.t('An application profile routes wherever its owner defines: the health check confirms its destinations (GetInferenceProfile) against the organisation policy.'),
      action: 'none',
    });
  }
  if (preview.loginPromptProblem) {
    const problem = preview.loginPromptProblem;
    notices.push({
      label: `$(warning) ${vscode.l10n.t('{0} is not valid JSON (line {1}, column {2}): {3}', problem.label, problem.line, problem.column, problem.message)}`,
      detail: vscode.l10n.t('claudeCode.disableLoginPrompt is not set while the file does not parse.'),
      action: 'open',
      path: problem.path,
      line: problem.line,
      column: problem.column,
    });
  }
  if (preview.localNotIgnored) {
    const on = state.gitignoreLocal ?? true;
    notices.push({
      label: `${on ? '$(pass-filled)' : '$(circle-large-outline)'} ${vscode.l10n.t('Add .claude/settings.local.json to .gitignore')}`,
      detail: vscode.l10n.t('Your personal settings file is not git-ignored: it would be committed with your profile name. Select to change.'),
      action: 'toggle-gitignore',
    });
  }
  if (notices.length > 0) items.push(separator(vscode.l10n.t('Notices')), ...notices);
  // The Claude Code that will read these files, and what it would ignore of them.
  const claudeCode = (preview.claudeCode ?? []).map(claudeCodeItem);
  if (claudeCode.length > 0) items.push(separator('Claude Code'), ...claudeCode);

  items.push(separator(''));
  let primary: PreviewItem;
  if (files.length === 0) primary = { label: `$(check) ${vscode.l10n.t('Finish')}`, action: 'finish' };
  else if (vscode.workspace.isTrusted) primary = { label: `$(save) ${vscode.l10n.t('Write these files')}`, detail: files.map((file) => file.label).join(', '), action: 'write' };
  else {
    primary = {
      label: `$(workspace-untrusted) ${vscode.l10n.t('Writing is turned off in Restricted Mode')}`,
      detail: vscode.l10n.t('This folder is not trusted. Select to see how to trust it.'),
      action: 'untrusted',
    };
  }
  items.push(primary);
  if (files.length > 0) items.push({ label: `$(file-code) ${vscode.l10n.t('Open all changes as one unified diff')}`, action: 'unified' });
  items.push(back, cancel);
  const placeholder =
    files.length === 0
      ? vscode.l10n.t('Nothing to change.')
      : vscode.workspace.isTrusted
        ? vscode.l10n.t('Review the changes in the diff editors, then write them.')
        : vscode.l10n.t('Restricted Mode: the changes are shown, but nothing is written.');
  return { items, active: primary, placeholder };
}

async function openFile(file: string, line?: number, column?: number): Promise<void> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  const position = new vscode.Position(Math.max(0, (line ?? 1) - 1), Math.max(0, (column ?? 1) - 1));
  await vscode.window.showTextDocument(document, { selection: new vscode.Range(position, position), preserveFocus: true, preview: true });
}

async function openUnifiedDiff(files: readonly PreviewFile[]): Promise<void> {
  const content = files.map((file) => unifiedDiff(file.before === undefined ? undefined : redactSecrets(file.before), redactSecrets(file.after), file.label)).join('');
  const document = await vscode.workspace.openTextDocument({ language: 'diff', content });
  await vscode.window.showTextDocument(document, { preview: true, preserveFocus: true });
}

function refuseUntrusted(): void {
  const manage = vscode.l10n.t('Manage Workspace Trust');
  void vscode.window
    .showWarningMessage(
      vscode.l10n.t('This folder is not trusted (Restricted Mode), so the setup wizard writes nothing. Trust the folder, then choose Write again.'),
      manage,
    )
    .then((answer) => {
      if (answer === manage) void vscode.commands.executeCommand('workbench.trust.manage');
    });
}

/** What was last opened as diffs, so that showing the preview again does not reopen them. */
function signature(preview: SetupPreview): string {
  return JSON.stringify(previewFiles(preview).map((file) => [file.path, file.before, file.after]));
}

async function showDiffs(context: WizardContext, files: readonly PreviewFile[]): Promise<void> {
  for (const file of files) await context.preview.showDiff(file.key, file.path.split(/[\\/]/).pop() ?? file.key, file.before, file.after, diffTitle(file));
}

export const previewStep: StepFactory = (context) => {
  let shown: string | undefined;
  let reported: string | undefined;
  return async (state) => {
    for (;;) {
      const preview = await buildPreview(state, context.claudeCode);
      const files = previewFiles(preview);
      if (!policyAllows(preview)) {
        // Nothing can be written: no diffs of changes that will not happen.
        if (shown !== undefined) await context.preview.closeTabs();
        shown = undefined;
      } else if (preview.plan.ok && signature(preview) !== shown) {
        await context.preview.closeTabs();
        await showDiffs(context, files);
        shown = signature(preview);
      }
      if (!preview.plan.ok) {
        const first = preview.plan.unparsable[0];
        const key = JSON.stringify(preview.plan);
        if (first && key !== reported) {
          reported = key;
          void vscode.window.showErrorMessage(
            vscode.l10n.t(
              '{0} is not valid JSON (line {1}, column {2}): {3}. Nothing was written.',
              displayPath(first.path, state.folder?.path),
              first.error.line,
              first.error.column,
              first.error.message,
            ),
          );
        }
      }
      const view = previewItems(preview, state);
      const picked = await pickOne<PreviewItem>({
        ...context.frame('preview', state),
        placeholder: view.placeholder,
        items: view.items,
        ...(view.active ? { active: view.active } : {}),
        run: async ({ signal, setItems }) => {
          // Trust granted while the preview is open: offer the write at once.
          if (vscode.workspace.isTrusted) return;
          let subscription: vscode.Disposable | undefined;
          try {
            await new Promise<void>((resolve) => {
              subscription = vscode.workspace.onDidGrantWorkspaceTrust(() => resolve());
              signal.addEventListener('abort', () => resolve(), { once: true });
            });
          } finally {
            subscription?.dispose();
          }
          if (!signal.aborted) {
            const trusted = previewItems(preview, state);
            setItems(trusted.items, trusted.active);
          }
        },
      });
      switch (picked.action) {
        case 'back':
          throw new GoBack();
        case 'cancel':
          throw new Cancelled();
        case 'finish':
          state.written = { files: [], warnings: [] };
          return undefined;
        case 'untrusted':
          refuseUntrusted();
          break;
        case 'write':
          if (!vscode.workspace.isTrusted) {
            refuseUntrusted();
            break;
          }
          try {
            state.written = await writeSetup(state, preview);
            return undefined;
          } catch (error) {
            if (error instanceof PolicyRefusedError) {
              // The policy changed since the preview was built: the next preview shows why.
              void vscode.window.showWarningMessage(error.message);
              break;
            }
            if (!(error instanceof ChangedSinceReadError)) throw error;
            void vscode.window.showWarningMessage(
              vscode.l10n.t('{0} changed while the wizard was open, so nothing was written. Review the new preview.', displayPath(error.file, state.folder?.path)),
            );
          }
          break;
        case 'diff':
          if (picked.file) await showDiffs(context, [picked.file]);
          break;
        case 'unified':
          await openUnifiedDiff(files);
          break;
        case 'toggle-gitignore':
          state.gitignoreLocal = !(state.gitignoreLocal ?? true);
          break;
        case 'open':
          if (picked.path) await openFile(picked.path, picked.line, picked.column);
          break;
        default:
          break;
      }
    }
  };
};
