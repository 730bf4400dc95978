/**
 * The *Claude Code sessions* section of the *Setup* view: what Claude Code's own sessions of the
 * folder recorded in the last days — each API error with the diagnosis a live check gives it, how
 * often, for which model, when last, and a click that runs its fix — plus what was not read. Past
 * errors are history: a warning icon, never the folder's health (the status bar judges the setup now).
 */

import * as vscode from 'vscode';
import { stateColor, stateIcon } from '../health/healthText';
import type { FolderSetup } from '../setup/setupState';
import { sessionDays, type SessionMonitor } from './sessionMonitor';
import type { SessionFindingView } from './sessionScan';
import { localTime } from '../uiLocale';

export type SessionNode =
  | { readonly type: 'sessions'; readonly folder: FolderSetup }
  | { readonly type: 'sessionFinding'; readonly finding: SessionFindingView; readonly index: number; readonly folder: FolderSetup }
  | { readonly type: 'sessionNote'; readonly text: string; readonly icon: string; readonly index: number; readonly folder: FolderSetup };

const SESSION_NODE_TYPES = new Set(['sessions', 'sessionFinding', 'sessionNote']);

/** Whether a node belongs to this section. */
export function isSessionNode(node: { readonly type: string }): node is SessionNode {
  return SESSION_NODE_TYPES.has(node.type);
}

/** Whether the folder gets the section: a folder with a Bedrock setup, and reading not turned off. */
export function sessionsApply(folder: FolderSetup): boolean {
  return folder.folder !== undefined && folder.setup.bedrock && sessionDays() > 0;
}

export function sessionChildren(node: SessionNode, monitor: SessionMonitor): SessionNode[] {
  if (node.type !== 'sessions') return [];
  const { folder } = node;
  const { result, failure } = monitor.folder(folder);
  // A scan that failed is shown whenever it did, never a result of an earlier scan in its place.
  if (failure !== undefined) return [{ type: 'sessionNote', text: failure, icon: 'error', index: 0, folder }];
  if (!result) return [];
  const { view } = result;
  return [
    { type: 'sessionNote', text: view.summary, icon: 'history', index: 0, folder },
    ...view.findings.map((finding, index): SessionNode => ({ type: 'sessionFinding', finding, index, folder })),
    ...view.notes.map((text, index): SessionNode => ({ type: 'sessionNote', text, icon: 'info', index: index + 1, folder })),
  ];
}

function sectionItem(folder: FolderSetup, base: string, monitor: SessionMonitor): vscode.TreeItem {
  // Rendering the section is what asks for the scan: nobody looking, nothing read.
  monitor.request();
  const { reading, result, failure } = monitor.folder(folder);
  const view = result?.view;
  const item = new vscode.TreeItem(vscode.l10n.t('Claude Code sessions'), vscode.TreeItemCollapsibleState.Collapsed);
  const privacy = vscode.l10n.t('Only the error records of Claude Code\'s session files are read: never prompts, answers, code or tool output.');
  const tooltip = new vscode.MarkdownString();
  if (reading) {
    item.iconPath = new vscode.ThemeIcon('sync~spin');
    item.description = view ? `${view.short} · ${vscode.l10n.t('reading…')}` : vscode.l10n.t('reading…');
    item.id = `${base}/sessions/reading`;
  } else if (failure !== undefined) {
    item.iconPath = new vscode.ThemeIcon('error', stateColor('error'));
    item.description = vscode.l10n.t('could not be read');
    item.id = `${base}/sessions/failed`;
  } else if (view) {
    const state = view.verdict === 'problem' ? 'warning' : view.verdict === 'ok' ? 'ok' : 'info';
    item.iconPath = view.verdict === 'not-verified' ? new vscode.ThemeIcon('question') : new vscode.ThemeIcon(stateIcon(state), stateColor(state));
    item.description = view.short;
    // The id carries the verdict: a section with new errors opens afresh.
    item.id = `${base}/sessions/${view.verdict}/${view.findings.length}`;
    if (view.findings.length > 0) item.collapsibleState = vscode.TreeItemCollapsibleState.Expanded;
    tooltip.appendText(view.summary);
    if (result) tooltip.appendText('\n\n' + vscode.l10n.t('Read at {0}.', localTime(result.readAt)));
  } else {
    item.iconPath = new vscode.ThemeIcon('history');
    item.description = vscode.l10n.t('read after the health check');
    item.id = `${base}/sessions/waiting`;
    item.collapsibleState = vscode.TreeItemCollapsibleState.None;
  }
  tooltip.appendText((tooltip.value ? '\n\n' : '') + privacy);
  item.tooltip = tooltip;
  item.contextValue = 'claudeCodeSessions';
  item.accessibilityInformation = { label: [item.label as string, item.description].filter(Boolean).join(', ') };
  return item;
}

function findingItem(finding: SessionFindingView, index: number, base: string): vscode.TreeItem {
  const item = new vscode.TreeItem(finding.label, vscode.TreeItemCollapsibleState.None);
  item.id = `${base}/sessions/finding/${index}/${finding.label}`;
  item.description = finding.description;
  item.iconPath = new vscode.ThemeIcon(finding.forbiddenSuggestion ? 'shield' : 'warning', stateColor('warning'));
  const tooltip = new vscode.MarkdownString();
  tooltip.appendText(finding.cause);
  tooltip.appendText('\n\n' + vscode.l10n.t('Fix: {0}', finding.fix));
  if (finding.suggestion) tooltip.appendText('\n\n' + finding.suggestion);
  item.tooltip = tooltip;
  if (finding.command || finding.consoleUrl) {
    item.command = {
      title: finding.command ? vscode.l10n.t('Run {0}', finding.command) : vscode.l10n.t('Open the AWS console'),
      command: 'claudeBedrock.runDiagnosisFix',
      arguments: [{ ...(finding.command ? { command: finding.command } : {}), ...(finding.consoleUrl ? { consoleUrl: finding.consoleUrl } : {}) }],
    };
  }
  item.accessibilityInformation = { label: [finding.label, finding.description, finding.cause, vscode.l10n.t('Fix: {0}', finding.fix), finding.suggestion].filter(Boolean).join('. ') };
  return item;
}

export function sessionTreeItem(node: SessionNode, base: string, monitor: SessionMonitor): vscode.TreeItem {
  switch (node.type) {
    case 'sessions':
      return sectionItem(node.folder, base, monitor);
    case 'sessionFinding':
      return findingItem(node.finding, node.index, base);
    case 'sessionNote': {
      const item = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
      item.id = `${base}/sessions/note/${node.index}/${node.text}`;
      item.iconPath = new vscode.ThemeIcon(node.icon);
      item.tooltip = node.text;
      return item;
    }
  }
}
