/**
 * Claude Code in the *Setup* view: one section that names the Claude Code found here (the CLI a
 * terminal runs and the VS Code extension, with their versions) and, under it, each finding: the
 * installs as read, too old, not read, absent, and every setting of this folder's setup that the
 * installed versions would ignore, with what they do instead and the fix as a command.
 */

import * as vscode from 'vscode';
import type { ClaudeCodeFinding } from '../../core/claudeCode/installVerdict';
import { worstState } from '../../core/claudeCode/findingState';
import { versionOf, type ClaudeCodeInstalls } from '../../core/claudeCode/installTypes';
import { checkText, stateColor, stateIcon } from '../health/healthText';
import type { FolderSetup } from '../setup/setupState';

export type ClaudeCodeNode =
  | { readonly type: 'claudeCode'; readonly folder: FolderSetup }
  | { readonly type: 'claudeCodeFinding'; readonly finding: ClaudeCodeFinding; readonly index: number; readonly folder: FolderSetup };

/** Shown for a folder with a Bedrock setup, once Claude Code was looked for. */
export function claudeCodeApplies(folder: FolderSetup): boolean {
  return folder.setup.bedrock && folder.claudeCode !== undefined;
}

export function claudeCodeChildren(node: ClaudeCodeNode): ClaudeCodeNode[] {
  if (node.type !== 'claudeCode') return [];
  return (node.folder.claudeCode?.findings ?? []).map((finding, index) => ({ type: 'claudeCodeFinding', finding, index, folder: node.folder }));
}

/** "CLI 2.1.332 · extension 2.1.330", "not installed": what was found, in a few words. */
function summary(installs: ClaudeCodeInstalls): string {
  const parts: string[] = [];
  const cli = installs.cli[0];
  if (cli) parts.push(vscode.l10n.t('CLI {0}', versionOf(cli.version) ?? vscode.l10n.t('version not read')));
  for (const extension of installs.extensions ?? []) parts.push(vscode.l10n.t('extension {0}', versionOf(extension.version) ?? vscode.l10n.t('version not read')));
  return parts.length > 0 ? parts.join(' · ') : vscode.l10n.t('not installed');
}

const ICON_STATE = { ok: 'ok', info: 'info', warning: 'warning', error: 'error', 'not-verified': 'warning' } as const;
export function claudeCodeTreeItem(node: ClaudeCodeNode, base: string): vscode.TreeItem {
  if (node.type === 'claudeCode') {
    const findings = node.folder.claudeCode?.findings ?? [];
    const worst = ICON_STATE[worstState(findings)];
    const attention = worst === 'warning' || worst === 'error';
    // The id carries the state, so a new problem opens the section afresh.
    const item = new vscode.TreeItem('Claude Code', attention ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `${base}/claudeCode/${worst}`;
    item.description = node.folder.claudeCode ? summary(node.folder.claudeCode.installs) : '';
    item.iconPath = new vscode.ThemeIcon(stateIcon(worst), stateColor(worst));
    item.contextValue = 'claudeCode';
    item.accessibilityInformation = { label: `Claude Code, ${String(item.description)}` };
    return item;
  }
  const state = ICON_STATE[node.finding.state];
  const text = checkText({ id: 'claude-code', state, code: 'claude-code', finding: node.finding });
  const item = new vscode.TreeItem(text.label, vscode.TreeItemCollapsibleState.None);
  item.id = `${base}/claudeCode/finding/${node.index}/${node.finding.code}`;
  item.iconPath = new vscode.ThemeIcon(stateIcon(state), stateColor(state));
  if (text.detail) item.tooltip = text.detail;
  if (text.fix) {
    item.command = text.fix;
    item.description = text.fix.title;
  }
  item.contextValue = `claudeCodeFinding ${node.finding.code}`;
  item.accessibilityInformation = { label: [text.label, text.detail, text.fix?.title].filter(Boolean).join('. ') };
  return item;
}
