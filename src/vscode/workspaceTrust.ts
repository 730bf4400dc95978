/**
 * The one guard of every command that writes: in Restricted Mode nothing is written, and the user
 * is told why and offered the trust editor. Shared by the Setup view's and the policy's commands.
 */

import * as vscode from 'vscode';

/** False (after saying why) when the workspace is not trusted: nothing may be written. */
export async function requireTrust(): Promise<boolean> {
  if (vscode.workspace.isTrusted) return true;
  const manage = vscode.l10n.t('Manage Workspace Trust');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('This workspace is in Restricted Mode, so the extension writes nothing. Trust the folder to write the Claude Code settings.'),
    manage,
  );
  if (answer === manage) await vscode.commands.executeCommand('workbench.trust.manage');
  return false;
}
