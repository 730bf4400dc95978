/** Step 0, only in a multi-root workspace: which folder's `.claude/` the setup belongs to. */

import * as vscode from 'vscode';
import { pickOne } from '../multiStepInput';
import type { StepFactory } from '../wizardContext';

type FolderItem = vscode.QuickPickItem & { readonly folder: { readonly name: string; readonly path: string } };

/** Workspace folders on disk (the settings files are plain files). */
export function localFolders(): { readonly name: string; readonly path: string }[] {
  return (vscode.workspace.workspaceFolders ?? []).filter((folder) => folder.uri.scheme === 'file').map((folder) => ({ name: folder.name, path: folder.uri.fsPath }));
}

export const folderStep: StepFactory = (context) => async (state) => {
  const items: FolderItem[] = localFolders().map((folder) => ({ label: folder.name, description: folder.path, folder }));
  const picked = await pickOne<FolderItem>({
    ...context.frame('folder', state),
    placeholder: vscode.l10n.t('Which workspace folder is Claude Code set up for?'),
    items,
    active: items.find((item) => item.folder.path === state.folder?.path),
    matchOnDescription: true,
  });
  state.folder = picked.folder;
  return context.after('folder', state);
};
