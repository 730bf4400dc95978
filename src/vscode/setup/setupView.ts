/**
 * The *Setup* view: the workspace's effective Claude-on-Bedrock settings with the file each value
 * comes from (managed, local, project, user), the health checks with their fixes, the organisation
 * policy (its sources, locks, data residency and the setup's violations), and the access state of
 * the configured models from the last validation.
 */

import * as vscode from 'vscode';
import { configuredModels } from '../../core/setup/effectiveSetup';
import type { HealthCheck } from '../../core/health/health';
import type { EffectiveValue, SettingsSource } from '../../core/setup/settingsTypes';
import { accessIcon, accessText, diagnosisItem } from '../models/modelItems';
import type { Diagnosis } from '../../core/models/bedrockTypes';
import type { ModelsState } from '../models/modelsState';
import { checkText, healthLabel, stateColor, stateIcon } from '../health/healthText';
import { sourceLabel } from '../health/healthText';
import { folderState } from '../health/modelVerdicts';
import { policyApplies, policyChildren, policyTreeItem, type PolicyNode } from '../policy/policyNodes';
import type { FolderSetup, SetupState } from './setupState';
import { isSessionNode, sessionChildren, sessionsApply, sessionTreeItem, type SessionNode } from '../claudeCode/sessionNodes';
import type { SessionMonitor } from '../claudeCode/sessionMonitor';
import { claudeCodeApplies, claudeCodeChildren, claudeCodeTreeItem, type ClaudeCodeNode } from '../claudeCode/installNodes';
import { localTime } from '../uiLocale';

export type SetupNode =
  | { readonly type: 'folder'; readonly folder: FolderSetup }
  | { readonly type: 'health'; readonly folder: FolderSetup }
  | { readonly type: 'check'; readonly check: HealthCheck; readonly index: number; readonly folder: FolderSetup }
  | { readonly type: 'values'; readonly folder: FolderSetup }
  | { readonly type: 'value'; readonly value: EffectiveValue; readonly folder: FolderSetup }
  | { readonly type: 'models'; readonly folder: FolderSetup }
  | { readonly type: 'model'; readonly role: 'primary' | 'background'; readonly modelId: string; readonly folder: FolderSetup }
  | { readonly type: 'modelDiagnosis'; readonly role: 'primary' | 'background' | 'validation'; readonly diagnosis: Diagnosis; readonly index: number; readonly folder: FolderSetup }
  | PolicyNode
  | SessionNode
  | ClaudeCodeNode;

const SOURCE_ICONS: Record<SettingsSource, string> = { managed: 'lock', local: 'person', project: 'organization', user: 'home' };

function folderKey(folder: FolderSetup): string {
  return folder.folder?.uri.toString() ?? 'no-folder';
}

export class SetupView implements vscode.TreeDataProvider<SetupNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<SetupNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly state: SetupState,
    private readonly models: ModelsState,
    private readonly sessions?: SessionMonitor,
  ) {
    this.subscriptions = [
      state.onDidChange(() => this.changed.fire(undefined)),
      models.onDidChange(() => this.changed.fire(undefined)),
      ...(sessions ? [sessions.onDidChange(() => this.changed.fire(undefined))] : []),
    ];
  }

  getChildren(node?: SetupNode): SetupNode[] {
    if (!node) {
      const folders = this.state.current;
      if (folders.length === 0) return [];
      if (folders.length === 1) return this.folderChildren(folders[0]!);
      return folders.map((folder) => ({ type: 'folder', folder }));
    }
    switch (node.type) {
      case 'folder':
        return this.folderChildren(node.folder);
      case 'health': {
        // Claude Code's findings have their own section right below (with the installs' versions): shown
        // once, there. They still count in this node's state, as in the status bar.
        const own = claudeCodeApplies(node.folder);
        return node.folder.health.checks.flatMap((check, index) => (own && check.id === 'claude-code' ? [] : [{ type: 'check', check, index, folder: node.folder } as const]));
      }
      case 'values':
        return node.folder.setup.values.map((value) => ({ type: 'value', value, folder: node.folder }));
      case 'models': {
        const { primary, background } = configuredModels(node.folder.setup);
        // The last validation of this folder's profile and Region could not run (its credentials): why, and the fix.
        const failure = this.models.profile === node.folder.health.profile && this.models.region === node.folder.health.region ? this.models.lastValidationFailure : undefined;
        return [
          ...(failure ? [{ type: 'modelDiagnosis', role: 'validation', diagnosis: failure, index: 0, folder: node.folder } as const] : []),
          ...(primary ? [{ type: 'model', role: 'primary', modelId: primary, folder: node.folder } as const] : []),
          ...(background ? [{ type: 'model', role: 'background', modelId: background, folder: node.folder } as const] : []),
        ];
      }
      case 'model':
        // What the last validation found: which call failed or what is wrong, and the fix.
        return (this.models.report(node.modelId)?.report.diagnoses ?? []).map((diagnosis, index) => ({ type: 'modelDiagnosis', role: node.role, diagnosis, index, folder: node.folder }));
      case 'check':
      case 'value':
      case 'modelDiagnosis':
        return [];
      case 'claudeCode':
      case 'claudeCodeFinding':
        return claudeCodeChildren(node);
      default:
        if (isSessionNode(node)) return this.sessions ? sessionChildren(node, this.sessions) : [];
        return policyChildren(node);
    }
  }

  private folderChildren(folder: FolderSetup): SetupNode[] {
    // Without Bedrock and without errors the view's welcome text invites the user to the wizard.
    if (folder.health.state === 'not-configured' && folder.setup.values.length === 0) return [];
    const nodes: SetupNode[] = [{ type: 'health', folder }];
    if (claudeCodeApplies(folder)) nodes.push({ type: 'claudeCode', folder });
    if (policyApplies(folder)) nodes.push({ type: 'policy', folder });
    if (folder.setup.values.length > 0) nodes.push({ type: 'values', folder });
    if (configuredModels(folder.setup).primary !== undefined) nodes.push({ type: 'models', folder });
    if (this.sessions && sessionsApply(folder)) nodes.push({ type: 'sessions', folder });
    return nodes;
  }

  getTreeItem(node: SetupNode): vscode.TreeItem {
    const base = folderKey(node.folder);
    switch (node.type) {
      case 'folder': {
        const item = new vscode.TreeItem(node.folder.folder?.name ?? vscode.l10n.t('(no folder)'), vscode.TreeItemCollapsibleState.Expanded);
        item.id = `${base}`;
        item.description = healthLabel(folderState(node.folder, this.models));
        item.iconPath = vscode.ThemeIcon.Folder;
        return item;
      }
      case 'health': {
        // Open when something needs attention; the id carries the state, so a new state opens afresh.
        // The files' checks and the configured models' latest validation together (see modelVerdicts.ts).
        const health = folderState(node.folder, this.models);
        const attention = health === 'error' || health === 'warning';
        const item = new vscode.TreeItem(healthLabel(health), attention ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `${base}/health/${health}`;
        const worst = health === 'error' ? 'error' : health === 'warning' ? 'warning' : health === 'healthy' ? 'ok' : 'info';
        item.iconPath = new vscode.ThemeIcon(stateIcon(worst), stateColor(worst));
        item.description = this.state.isChecking ? vscode.l10n.t('checking…') : vscode.l10n.t('checked at {0}', localTime(node.folder.checkedAt));
        item.contextValue = 'health';
        return item;
      }
      case 'check': {
        const text = checkText(node.check);
        const item = new vscode.TreeItem(text.label, vscode.TreeItemCollapsibleState.None);
        item.id = `${base}/check/${node.index}/${node.check.code}`;
        item.iconPath = new vscode.ThemeIcon(stateIcon(node.check.state), stateColor(node.check.state));
        if (text.detail) item.tooltip = text.detail;
        if (text.fix) {
          item.command = text.fix;
          item.description = text.fix.title;
        }
        item.accessibilityInformation = { label: [text.label, text.detail, text.fix?.title].filter(Boolean).join('. ') };
        return item;
      }
      case 'values': {
        const item = new vscode.TreeItem(vscode.l10n.t('Effective settings'), vscode.TreeItemCollapsibleState.Expanded);
        item.id = `${base}/values`;
        item.iconPath = new vscode.ThemeIcon('settings-gear');
        return item;
      }
      case 'value': {
        const { value } = node;
        const item = new vscode.TreeItem(value.key.replace(/^env\./, ''), vscode.TreeItemCollapsibleState.None);
        item.id = `${base}/value/${value.key}`;
        item.description = `${value.value} · ${sourceLabel(value.source)}`;
        item.iconPath = new vscode.ThemeIcon(SOURCE_ICONS[value.source]);
        const tooltip = new vscode.MarkdownString();
        tooltip.appendText(vscode.l10n.t('From {0} ({1})', value.path, sourceLabel(value.source)));
        for (const other of value.overrides) tooltip.appendText('\n' + vscode.l10n.t('Overrides {0} ({1})', other.path, sourceLabel(other.source)));
        if (value.source === 'managed') tooltip.appendText('\n' + vscode.l10n.t('Locked by managed settings: the extension never writes this key.'));
        item.tooltip = tooltip;
        item.command = { title: vscode.l10n.t('Open the settings file'), command: 'claudeBedrock.openClaudeSettings', arguments: [{ path: value.path, key: value.key }] };
        item.accessibilityInformation = { label: vscode.l10n.t('{0} is {1}, from {2}', item.label as string, value.value, sourceLabel(value.source)) };
        return item;
      }
      case 'models': {
        const item = new vscode.TreeItem(vscode.l10n.t('Models'), vscode.TreeItemCollapsibleState.Expanded);
        item.id = `${base}/models`;
        item.iconPath = new vscode.ThemeIcon('hubot');
        item.contextValue = 'setupModels';
        return item;
      }
      case 'model': {
        // Reports are keyed by the ID as written, a [1m] suffix kept, which is what the setup holds.
        const entry = this.models.report(node.modelId);
        const running = this.models.isRunning(node.modelId);
        const diagnosed = (entry?.report.diagnoses.length ?? 0) > 0 && !running;
        const item = new vscode.TreeItem(node.modelId, diagnosed ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
        item.id = `${base}/model/${node.role}`;
        const role = node.role === 'primary' ? vscode.l10n.t('primary') : vscode.l10n.t('background');
        item.description = `${role} · ${accessText(entry?.report, running)}`;
        item.iconPath = accessIcon(entry?.report, running);
        item.contextValue = 'setupModel';
        item.accessibilityInformation = { label: `${role}, ${node.modelId}, ${accessText(entry?.report, running)}` };
        return item;
      }
      case 'modelDiagnosis':
        return diagnosisItem(node.diagnosis, `${base}/model/${node.role}/diagnosis/${node.index}`);
      case 'claudeCode':
      case 'claudeCodeFinding':
        return claudeCodeTreeItem(node, base);
      default:
        if (isSessionNode(node)) return sessionTreeItem(node, base, this.sessions!);
        return policyTreeItem(node, base);
    }
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.changed.dispose();
  }
}
