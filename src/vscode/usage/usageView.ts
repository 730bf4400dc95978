/**
 * The *Quotas & Usage* view: a webview (charts need more than a tree) that renders the usage
 * source's state and forwards the user's actions to it. Nonce-based CSP, resources only from the
 * extension's dist/webview and media folders; the webview is dropped when hidden (no
 * retainContextWhenHidden) and redrawn from the source's state when shown again.
 */

import * as vscode from 'vscode';
import { parseWebviewMessage, type ExtensionMessage, type WebviewMessage } from '../../webview/usage/protocol';
import { uiLocale } from '../uiLocale';
import { webviewHtml } from '../webviewHtml';
import type { UsageSource, UsageViewState } from './usageSource';
import { loadUsageViewModel } from '../lazyBundles';

export const USAGE_VIEW_ID = 'claudeBedrock.usage';

/** Registers the view's provider; the source owns the data, the timer and the AWS calls. */
export function registerUsageView(context: vscode.ExtensionContext, source: UsageSource): vscode.Disposable {
  const provider = new UsageViewProvider(context.extensionUri, source);
  return vscode.Disposable.from(vscode.window.registerWebviewViewProvider(USAGE_VIEW_ID, provider), provider);
}

class UsageViewProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  private view: vscode.WebviewView | undefined;
  private viewSubscriptions: vscode.Disposable[] = [];
  private readonly sourceSubscription: vscode.Disposable;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly source: UsageSource,
  ) {
    this.sourceSubscription = source.onDidChange((state) => this.post(state));
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.disposeView();
    this.view = view;
    const webview = view.webview;
    webview.options = {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(this.extensionUri, 'media')],
    };
    webview.html = this.html(webview);
    this.viewSubscriptions = [
      webview.onDidReceiveMessage((message: unknown) => this.receive(message)),
      view.onDidChangeVisibility(() => this.source.setVisible(view.visible)),
      view.onDidDispose(() => {
        if (this.view === view) {
          this.source.setVisible(false);
          this.disposeView();
        }
      }),
    ];
    this.source.setVisible(view.visible);
  }

  private post(state: UsageViewState): void {
    const message: ExtensionMessage = { type: 'state', model: loadUsageViewModel().toViewModel(state, { locale: uiLocale(), l10n: vscode.l10n }) };
    // A hidden or not yet loaded webview drops the message; `ready` asks again.
    void this.view?.webview.postMessage(message);
  }

  private receive(value: unknown): void {
    const message = parseWebviewMessage(value);
    if (message === undefined) return;
    this.handle(message);
  }

  private handle(message: WebviewMessage): void {
    switch (message.type) {
      case 'ready':
        this.post(this.source.current());
        return;
      case 'setRange':
        this.source.setRange(message.range);
        return;
      case 'refresh':
        this.source.refresh();
        return;
      case 'openSetupWizard':
        if (this.source.current().notConfigured !== undefined) void vscode.commands.executeCommand('claudeBedrock.setupWizard');
        return;
      case 'requestIncrease':
        void this.requestIncrease(message.modelId, message.quotaCode);
        return;
      case 'admin':
        // The command shows its own preview and asks before anything is created.
        void vscode.commands.executeCommand(`claudeBedrock.${message.action}`);
        return;
    }
  }

  /** Only what the current report recommends is requested, with its value: never a stale button's. */
  private async requestIncrease(modelId: string, quotaCode: string): Promise<void> {
    const recommendation = this.source
      .current()
      .report?.recommendations.find((candidate) => candidate.code === 'request-increase' && candidate.modelId === modelId && candidate.quota.code === quotaCode);
    if (recommendation?.code !== 'request-increase' || recommendation.alreadyRequested) return;
    try {
      await this.source.requestIncrease(modelId, quotaCode, recommendation.desiredValue);
    } catch (error) {
      void vscode.window.showErrorMessage(vscode.l10n.t('The quota increase request failed: {0}', error instanceof Error ? error.message : String(error)));
    }
  }

  private html(webview: vscode.Webview): string {
    return webviewHtml(webview, this.extensionUri, 'usage');
  }

  private disposeView(): void {
    for (const subscription of this.viewSubscriptions) subscription.dispose();
    this.viewSubscriptions = [];
    this.view = undefined;
  }

  dispose(): void {
    this.sourceSubscription.dispose();
    if (this.view !== undefined) this.source.setVisible(false);
    this.disposeView();
  }
}
