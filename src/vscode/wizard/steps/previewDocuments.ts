/**
 * The wizard's preview as read-only documents: the current and planned text of each file on a
 * scheme of their own, opened side by side with `vscode.diff`. The provider lives only while a
 * wizard runs; its tabs are closed when the wizard ends.
 */

import * as vscode from 'vscode';
import { redactSecrets } from '../../../core/setup/settingsPreview';

export const PREVIEW_SCHEME = 'claude-bedrock-preview';

export class PreviewDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly registration: vscode.Disposable;

  /** `scheme`: the wizard's by default; another preview (the admin's alarms, the dashboard) takes its own. */
  constructor(private readonly scheme: string = PREVIEW_SCHEME) {
    this.registration = vscode.workspace.registerTextDocumentContentProvider(scheme, this);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  /**
   * Opens (or refreshes) the diff of one file: `key` names it among the wizard's files, `fileName`
   * gives the documents their language, `before` undefined shows an empty file.
   */
  async showDiff(key: string, fileName: string, before: string | undefined, after: string, title: string): Promise<void> {
    const current = vscode.Uri.from({ scheme: this.scheme, path: `/${key}/current/${fileName}` });
    const planned = vscode.Uri.from({ scheme: this.scheme, path: `/${key}/planned/${fileName}` });
    // A personal file may hold a secret (an API key): the preview shows that it is there, never its value.
    this.set(current, redactSecrets(before ?? ''));
    this.set(planned, redactSecrets(after));
    await vscode.commands.executeCommand('vscode.diff', current, planned, title, { preview: false, preserveFocus: true });
  }

  private set(uri: vscode.Uri, text: string): void {
    const previous = this.texts.get(uri.toString());
    this.texts.set(uri.toString(), text);
    if (previous !== undefined && previous !== text) this.changed.fire(uri);
  }

  /** Closes every tab that shows a preview document. */
  async closeTabs(): Promise<void> {
    const tabs = vscode.window.tabGroups.all.flatMap((group) =>
      group.tabs.filter((tab) => {
        const input = tab.input;
        if (input instanceof vscode.TabInputTextDiff) return input.modified.scheme === this.scheme || input.original.scheme === this.scheme;
        return input instanceof vscode.TabInputText && input.uri.scheme === this.scheme;
      }),
    );
    if (tabs.length > 0) await vscode.window.tabGroups.close(tabs, true);
  }

  dispose(): void {
    this.registration.dispose();
    this.changed.dispose();
  }
}
