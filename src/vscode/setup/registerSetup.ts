/**
 * Wires the setup view, the status-bar health item and their triggers: a check on activation,
 * when a Claude settings file or the AWS files change, when trust is granted, and on the user's
 * interval while the window has focus. Nothing else calls AWS while the window sits idle.
 */

import { dirname, basename } from 'node:path';
import * as vscode from 'vscode';
import { claudeSettingsPaths } from '../../files/claudeSettingsFiles';
import { policyPaths } from '../../files/policyFiles';
import { watchPatterns } from '../profiles/awsFileWatcher';
import type { ModelsState } from '../models/modelsState';
import { createHealthStatusBar, SETUP_VIEW_ID } from '../health/healthStatusBar';
import { copySetupIamPolicy, ignoreLocalSettings, openClaudeSettings, validateSetup } from './setupCommands';
import { SetupState } from './setupState';
import { SetupView } from './setupView';
import { SessionMonitor } from '../claudeCode/sessionMonitor';
import { applyPolicyFix, exportResidencyProof, type PolicyFixArgument } from '../policy/policyCommands';

const DEBOUNCE_MS = 400;

/** Minutes between background checks (`claudeBedrock.healthCheck.intervalMinutes`); 0 turns them off. */
function intervalMs(): number {
  const minutes = vscode.workspace.getConfiguration('claudeBedrock').get<number>('healthCheck.intervalMinutes', 30);
  return minutes > 0 ? Math.max(1, minutes) * 60_000 : 0;
}

/** Claude's settings files (the workspace's, the user's, the managed ones) and the policy files. */
function settingsFilePatterns(): vscode.GlobPattern[] {
  const paths = claudeSettingsPaths(undefined, process.env);
  const machine = policyPaths(undefined, process.env).machine;
  return [
    '**/.claude/settings.json',
    '**/.claude/settings.local.json',
    '**/.gitignore',
    new vscode.RelativePattern(vscode.Uri.file(dirname(paths.user)), basename(paths.user)),
    new vscode.RelativePattern(vscode.Uri.file(dirname(paths.managedFile)), basename(paths.managedFile)),
    new vscode.RelativePattern(vscode.Uri.file(paths.managedDropIns), '*.json'),
    // Organisation policy: the team's file in the repository and the machine's.
    '**/.claude/bedrock-policy.json',
    new vscode.RelativePattern(vscode.Uri.file(dirname(machine)), basename(machine)),
  ];
}

/** The setup state, and a trigger for changes seen elsewhere (the AWS files, watched once by the profiles view). */
export interface SetupRegistration {
  readonly state: SetupState;
  readonly filesChanged: () => void;
}

export function registerSetup(context: vscode.ExtensionContext, models: ModelsState): SetupRegistration {
  const state = new SetupState();
  // Claude Code's own sessions: read in the background, once per health check, when the view shows them.
  const sessions = new SessionMonitor(state);
  const view = new SetupView(state, models, sessions);
  const tree = vscode.window.createTreeView(SETUP_VIEW_ID, { treeDataProvider: view, showCollapseAll: true });

  let debounce: NodeJS.Timeout | undefined;
  const changed = () => {
    clearTimeout(debounce);
    debounce = setTimeout(() => void state.refresh(true), DEBOUNCE_MS);
    // Timers never keep a process alive (the extension host, or a test loading the bundle).
    debounce.unref?.();
  };
  let timer: NodeJS.Timeout | undefined;
  const schedule = () => {
    clearInterval(timer);
    const every = intervalMs();
    timer = every > 0 ? setInterval(() => vscode.window.state.focused && void state.refresh(true), every) : undefined;
    timer?.unref?.();
  };
  schedule();

  context.subscriptions.push(
    state,
    sessions,
    view,
    tree,
    createHealthStatusBar(state, models),
    watchPatterns(settingsFilePatterns(), changed),
    vscode.workspace.onDidChangeWorkspaceFolders(changed),
    vscode.workspace.onDidGrantWorkspaceTrust(changed),
    vscode.workspace.onDidChangeConfiguration((event) => event.affectsConfiguration('claudeBedrock.healthCheck') && schedule()),
    new vscode.Disposable(() => {
      clearTimeout(debounce);
      clearInterval(timer);
    }),
    vscode.commands.registerCommand('claudeBedrock.checkHealth', () => state.refresh(true)),
    vscode.commands.registerCommand('claudeBedrock.validateSetup', () => validateSetup(state, models)),
    vscode.commands.registerCommand('claudeBedrock.openClaudeSettings', (argument?: { path?: string; line?: number; key?: string }) => openClaudeSettings(state, argument)),
    vscode.commands.registerCommand('claudeBedrock.copySetupIamPolicy', () => copySetupIamPolicy(state, models)),
    vscode.commands.registerCommand('claudeBedrock.ignoreLocalSettings', () => ignoreLocalSettings(state)),
    vscode.commands.registerCommand('claudeBedrock.applyPolicyFix', (argument?: PolicyFixArgument) => applyPolicyFix(state, argument)),
    vscode.commands.registerCommand('claudeBedrock.exportResidencyProof', () => exportResidencyProof(state)),
  );
  void state.refresh(true);
  return { state, filesChanged: changed };
}
