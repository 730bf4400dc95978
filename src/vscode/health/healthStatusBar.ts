/**
 * The status-bar health item: not configured / healthy / warning / error, a Markdown tooltip with
 * every check, and a click that runs the most urgent fix or opens the setup view.
 */

import * as vscode from 'vscode';
import type { HealthState } from '../../core/health/health';
import { checkText, healthLabel, showUsage, stateIcon } from './healthText';
import type { FolderSetup, SetupState } from '../setup/setupState';
import type { ModelsState } from '../models/modelsState';
import { accessText } from '../models/modelItems';
import { folderModelVerdicts, overallState, verdictState } from './modelVerdicts';
import { localTime } from '../uiLocale';

export const SETUP_VIEW_ID = 'claudeBedrock.setup';

function icon(state: HealthState, checking: boolean): string {
  if (checking) return '$(sync~spin)';
  return { 'not-configured': '$(circle-slash)', healthy: '$(pass)', warning: '$(warning)', error: '$(error)' }[state];
}

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, (char) => `\\${char}`);
}

function commandLink(command: vscode.Command): string {
  const args = command.arguments ? `?${encodeURIComponent(JSON.stringify(command.arguments))}` : '';
  return `[${escape(command.title)}](command:${command.command}${args})`;
}

function tooltip(folders: readonly FolderSetup[], state: HealthState, models: ModelsState | undefined): vscode.MarkdownString {
  const markdown = new vscode.MarkdownString(undefined, true);
  markdown.isTrusted = { enabledCommands: ['claudeBedrock.openClaudeSettings', 'claudeBedrock.setupWizard', 'claudeBedrock.ssoLogin', 'claudeBedrock.runDiagnosisFix', 'claudeBedrock.openAwsConfig', 'claudeBedrock.ignoreLocalSettings', 'workbench.trust.manage', 'claudeBedrock.checkHealth', 'claudeBedrock.usage.focus', 'claudeBedrock.applyPolicyFix', 'workbench.extensions.search'] };
  markdown.appendMarkdown(`**${escape(healthLabel(state))}**\n\n`);
  for (const folder of folders) {
    if (folders.length > 1 && folder.folder) markdown.appendMarkdown(`*${escape(folder.folder.name)}*\n\n`);
    for (const check of folder.health.checks) {
      const text = checkText(check);
      markdown.appendMarkdown(`$(${stateIcon(check.state)}) ${escape(text.label)}`);
      if (text.fix) markdown.appendMarkdown(` — ${commandLink(text.fix)}`);
      markdown.appendMarkdown('\n\n');
    }
    // The configured models' latest validation: the same verdict as the Setup and models views.
    for (const verdict of folderModelVerdicts(folder, models)) {
      const state = verdictState(verdict.report);
      const iconName = state === 'error' ? 'error' : state === 'warning' ? 'warning' : 'pass';
      const text = vscode.l10n.t('{0}: {1} (validated at {2})', verdict.modelId, accessText(verdict.report, false), localTime(verdict.checkedAt));
      markdown.appendMarkdown(`$(${iconName}) ${escape(text)}\n\n`);
    }
  }
  const checkedAt = folders[0]?.checkedAt;
  if (checkedAt) markdown.appendMarkdown(`${escape(vscode.l10n.t('Checked at {0}', localTime(checkedAt)))} · ${commandLink({ title: vscode.l10n.t('Check again'), command: 'claudeBedrock.checkHealth' })}`);
  return markdown;
}

/** The command a click runs: the fix of the first error, else the setup view. */
function clickCommand(folders: readonly FolderSetup[], state: HealthState): vscode.Command {
  if (state === 'not-configured') return { title: vscode.l10n.t('Set up Claude on Bedrock'), command: 'claudeBedrock.setupWizard' };
  if (state === 'error') {
    for (const folder of folders) {
      for (const check of folder.health.checks) {
        const fix = check.state === 'error' ? checkText(check).fix : undefined;
        if (fix) return fix;
      }
    }
  }
  // A warning about throttling or quotas is explained in the usage view, not the setup view.
  const usageWarning = folders.some((folder) => folder.health.checks.some((check) => (check.id === 'usage' || check.id === 'alarms') && check.state === 'warning'));
  if (state === 'warning' && usageWarning) return showUsage();
  return { title: vscode.l10n.t('Show the setup'), command: `${SETUP_VIEW_ID}.focus` };
}

export function createHealthStatusBar(state: SetupState, models?: ModelsState): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('claudeBedrock.health', vscode.StatusBarAlignment.Left, 50);
  item.name = vscode.l10n.t('Claude on Bedrock health');
  const render = () => {
    const folders = state.current;
    const health = overallState(folders, models);
    item.text = `${icon(health, state.isChecking)} ${vscode.l10n.t('Bedrock')}`;
    item.tooltip = tooltip(folders, health, models);
    item.command = clickCommand(folders, health);
    item.accessibilityInformation = { label: healthLabel(health), role: 'button' };
    item.backgroundColor = health === 'error' ? new vscode.ThemeColor('statusBarItem.errorBackground') : health === 'warning' ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    item.show();
  };
  render();
  const subscriptions = [state.onDidChange(render), ...(models ? [models.onDidChange(render)] : [])];
  return vscode.Disposable.from(item, ...subscriptions);
}
