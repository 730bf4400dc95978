/**
 * The *Team* view (an admin's part of the sidebar, collapsed by default) and its commands. Only
 * this small host is in the eager bundle: the controller, its view model and the actions load from
 * dist/teamView.js the first time the view is shown or a Team command runs. Nonce-based CSP,
 * resources only from dist/webview and media; the webview is dropped when hidden and redrawn from
 * the controller's state when shown again, and hiding it stops the running query.
 */

import * as vscode from 'vscode';
import { parseTeamWebviewMessage, type TeamExtensionMessage, type TeamViewModel } from '../../webview/team/protocol';
import { loadTeamPanel } from '../lazyBundles';
import type { SetupState } from '../setup/setupState';
import { webviewHtml } from '../webviewHtml';
import type { TeamController } from './teamController';

export const TEAM_VIEW_ID = 'claudeBedrock.team';

/** Registers the view and the Team commands; the controller is made on first need. */
export function registerTeamView(context: vscode.ExtensionContext, setup: SetupState): vscode.Disposable {
  let controller: TeamController | undefined;
  const getController = (): TeamController => {
    if (!controller) {
      const { TeamController: Controller } = loadTeamPanel();
      controller = new Controller({ setup, storageDir: context.globalStorageUri.fsPath, memento: context.globalState });
    }
    return controller;
  };
  const provider = new TeamViewProvider(context.extensionUri, getController);
  return vscode.Disposable.from(
    vscode.window.registerWebviewViewProvider(TEAM_VIEW_ID, provider),
    provider,
    vscode.commands.registerCommand('claudeBedrock.refreshTeam', () => getController().refresh(true)),
    vscode.commands.registerCommand('claudeBedrock.enableInvocationLogging', () => loadTeamPanel().enableInvocationLogging(getController())),
    vscode.commands.registerCommand('claudeBedrock.createBudget', () => loadTeamPanel().createTeamBudget(getController())),
    vscode.commands.registerCommand('claudeBedrock.showTeamAdminPolicy', () => loadTeamPanel().showTeamAdminPolicy()),
    { dispose: () => controller?.dispose() },
  );
}

class TeamViewProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  private view: vscode.WebviewView | undefined;
  private viewSubscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly controller: () => TeamController,
  ) {}

  resolveWebviewView(view: vscode.WebviewView): void {
    this.disposeView();
    this.view = view;
    const webview = view.webview;
    webview.options = { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(this.extensionUri, 'media')] };
    webview.html = this.html(webview);
    const controller = this.controller();
    this.viewSubscriptions = [
      controller.onDidChange((model) => this.post(model)),
      webview.onDidReceiveMessage((message: unknown) => this.receive(message)),
      view.onDidChangeVisibility(() => controller.setVisible(view.visible)),
      view.onDidDispose(() => {
        if (this.view === view) {
          controller.setVisible(false);
          this.disposeView();
        }
      }),
    ];
    controller.setVisible(view.visible);
  }

  private post(model: TeamViewModel): void {
    const message: TeamExtensionMessage = { type: 'state', model };
    // A hidden or not yet loaded webview drops the message; `ready` asks again.
    void this.view?.webview.postMessage(message);
  }

  private receive(value: unknown): void {
    const message = parseTeamWebviewMessage(value);
    if (message === undefined) return;
    const controller = this.controller();
    switch (message.type) {
      case 'ready':
        return this.post(controller.model());
      case 'setRange':
        return controller.setRange(message.range);
      case 'refresh':
        return controller.refresh(true);
      case 'enableLogging':
        void vscode.commands.executeCommand('claudeBedrock.enableInvocationLogging');
        return;
      case 'createBudget':
        void vscode.commands.executeCommand('claudeBedrock.createBudget');
        return;
      case 'setPlan':
        return controller.setPlan(message.plan);
      case 'fillPlan':
        void controller.fillPlan();
        return;
      case 'showAdminPolicy':
        void vscode.commands.executeCommand('claudeBedrock.showTeamAdminPolicy');
        return;
      case 'openSetupWizard':
        void vscode.commands.executeCommand('claudeBedrock.setupWizard');
        return;
    }
  }

  private html(webview: vscode.Webview): string {
    return webviewHtml(webview, this.extensionUri, 'team');
  }

  private disposeView(): void {
    for (const subscription of this.viewSubscriptions) subscription.dispose();
    this.viewSubscriptions = [];
    this.view = undefined;
  }

  dispose(): void {
    this.disposeView();
  }
}
