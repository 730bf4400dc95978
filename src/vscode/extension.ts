/**
 * Activation: registers the views (Setup, Profiles, Models, Quotas & Usage), the status bar, every
 * command and the file watchers. Nothing here loads the AWS SDK (dist/aws.js, on the first AWS call),
 * the wizard or the big text tables (src/vscode/lazyBundles.ts, on first use).
 */

import * as vscode from 'vscode';
import { awsFilePaths } from '../aws/profiles/awsFiles';
import { watchAwsFiles } from './profiles/awsFileWatcher';
import { runChecks, runSsoLogin } from './profiles/identityCommands';
import { IdentityState } from './profiles/identityState';
import { ENVIRONMENT_KEY } from './profiles/checkTargets';
import {
  chooseModel,
  chosenModels,
  copyModelId,
  loadModelsCatalog,
  MODELS_VIEW_ID,
  runDiagnosisFix,
  selectModelsProfile,
  selectRegion,
  showIamPolicy,
  validateModels,
  validateOffer,
} from './models/modelCommands';
import { ModelsState } from './models/modelsState';
import { ModelsView, type ModelsNode } from './models/modelsView';
import { ProfilesView } from './profiles/profilesView';
import { registerSetup } from './setup/registerSetup';
import type { ProfileNode } from './profiles/treeItems';
import { registerSetupWizard } from './wizard/registerWizard';
import { UsageMonitor } from './usage/usageMonitor';
import { loadAdminStackFlow, loadAlarmsFlow, loadDashboardFlow } from './lazyBundles';
import type { UsageTarget } from './setup/setupState';
import { registerUsageView } from './usage/usageView';
import { registerTeamView } from './team/teamView';

export const PROFILES_VIEW_ID = 'claudeBedrock.profiles';

/** A profile name, the environment key, or a tree node: what commands receive from menus and links. */
type CommandArgument = string | ProfileNode | { file: string; line?: number } | undefined;

function argumentKey(argument: CommandArgument): string | undefined {
  if (typeof argument === 'string') return argument;
  if (argument && 'type' in argument) {
    if (argument.type === 'profile') return argument.profile.name;
    if (argument.type === 'environment') return ENVIRONMENT_KEY;
  }
  return undefined;
}

async function openAwsFile(argument: CommandArgument): Promise<void> {
  let file = awsFilePaths(process.env).config;
  let line: number | undefined;
  if (argument && typeof argument === 'object' && 'file' in argument) {
    file = argument.file;
    line = argument.line;
  } else if (argument && typeof argument === 'object' && 'type' in argument && argument.type === 'profile') {
    const source = argument.profile.sources[0];
    if (source) {
      file = source.file;
      line = source.line;
    }
  }
  const uri = vscode.Uri.file(file);
  try {
    await vscode.workspace.fs.stat(uri);
  } catch {
    // A missing config file opens as a new file at its path, ready to be saved.
    const document = await vscode.workspace.openTextDocument(uri.with({ scheme: 'untitled' }));
    await vscode.window.showTextDocument(document);
    return;
  }
  const document = await vscode.workspace.openTextDocument(uri);
  const position = new vscode.Position(Math.max(0, (line ?? 1) - 1), 0);
  await vscode.window.showTextDocument(document, { selection: new vscode.Range(position, position) });
}

type ModelArgument = ModelsNode | string | undefined;

export function activate(context: vscode.ExtensionContext): void {
  const identities = new IdentityState();
  const view = new ProfilesView(identities);
  const tree = vscode.window.createTreeView(PROFILES_VIEW_ID, { treeDataProvider: view, showCollapseAll: true });
  const models = new ModelsState(context.workspaceState);
  const setup = registerSetup(context, models);
  // Registered before the first health check reaches its usage step (it awaits the AWS files first).
  const usage = new UsageMonitor(setup.state);
  // Offers are judged against the organisation policy of the first workspace folder.
  const modelsView = new ModelsView(models, () => void loadModelsCatalog(models), { current: () => setup.state.current[0]?.policy, onDidChange: setup.state.onDidChange });
  const modelsTree = vscode.window.createTreeView(MODELS_VIEW_ID, { treeDataProvider: modelsView, showCollapseAll: true });

  context.subscriptions.push(
    usage,
    registerUsageView(context, usage),
    registerTeamView(context, setup.state),
    identities,
    view,
    tree,
    watchAwsFiles(process.env, () => {
      view.refresh();
      setup.filesChanged();
    }),
    vscode.commands.registerCommand('claudeBedrock.refreshProfiles', () => view.refresh()),
    vscode.commands.registerCommand('claudeBedrock.checkAllIdentities', async () => {
      await runChecks(identities, await view.checkTargets());
    }),
    vscode.commands.registerCommand('claudeBedrock.checkIdentity', async (argument: CommandArgument) => {
      const key = argumentKey(argument);
      const targets = (await view.checkTargets()).filter((target) => target.key === key);
      if (targets.length === 0) {
        void vscode.window.showWarningMessage(vscode.l10n.t('The profile "{0}" no longer exists or has no credentials to check.', key ?? ''));
        return;
      }
      await runChecks(identities, targets);
    }),
    vscode.commands.registerCommand('claudeBedrock.ssoLogin', async (argument: CommandArgument) => {
      await runSsoLogin(view, identities, argumentKey(argument));
    }),
    vscode.commands.registerCommand('claudeBedrock.openAwsConfig', (argument: CommandArgument) => openAwsFile(argument)),
    models,
    modelsView,
    modelsTree,
    vscode.commands.registerCommand('claudeBedrock.useProfileForModels', async (argument: CommandArgument) => {
      const name = argumentKey(argument);
      if (!name || name === ENVIRONMENT_KEY) return;
      const profile = (await view.current()).profiles.find((candidate) => candidate.name === name);
      await models.select(name, models.region ?? profile?.region);
      await vscode.commands.executeCommand(`${MODELS_VIEW_ID}.focus`);
    }),
    vscode.commands.registerCommand('claudeBedrock.selectModelsProfile', () => selectModelsProfile(models)),
    vscode.commands.registerCommand('claudeBedrock.selectRegion', () => selectRegion(models)),
    vscode.commands.registerCommand('claudeBedrock.refreshModels', async () => {
      models.finishCatalog(undefined);
      await loadModelsCatalog(models);
    }),
    vscode.commands.registerCommand('claudeBedrock.validateModel', (argument: ModelArgument) => validateOffer(models, modelsView, argument, false)),
    vscode.commands.registerCommand('claudeBedrock.probeModel', (argument: ModelArgument) => validateOffer(models, modelsView, argument, true)),
    vscode.commands.registerCommand('claudeBedrock.validateChosenModels', () => validateModels(models, chosenModels(models), true)),
    vscode.commands.registerCommand('claudeBedrock.usePrimaryModel', (argument: ModelArgument) => chooseModel(models, modelsView, 'primary', argument)),
    vscode.commands.registerCommand('claudeBedrock.useBackgroundModel', (argument: ModelArgument) => chooseModel(models, modelsView, 'background', argument)),
    vscode.commands.registerCommand('claudeBedrock.copyModelId', (argument: ModelArgument) => copyModelId(modelsView, argument)),
    vscode.commands.registerCommand('claudeBedrock.showIamPolicy', (argument: ModelArgument) => showIamPolicy(models, modelsView, argument)),
    vscode.commands.registerCommand('claudeBedrock.runDiagnosisFix', (argument: { command?: string; consoleUrl?: string } | undefined) => runDiagnosisFix(argument)),
    // The admin's commands: each flow is loaded on first use; they act on the Quotas & Usage view's target.
    vscode.commands.registerCommand('claudeBedrock.createAlarms', () => withAdminTarget(usage.currentTarget(), (target) => loadAlarmsFlow().createAlarms({ target, refresh: () => usage.refresh() }))),
    vscode.commands.registerCommand('claudeBedrock.createDashboard', () => withAdminTarget(usage.currentTarget(), (target) => loadDashboardFlow().createDashboard({ target, refresh: () => usage.refresh() }))),
    vscode.commands.registerCommand('claudeBedrock.openDashboard', () => withAdminTarget(usage.currentTarget(), (target) => loadDashboardFlow().openDashboard(target.region))),
    vscode.commands.registerCommand('claudeBedrock.exportAdminStack', () => withAdminTarget(usage.currentTarget(), (target) => loadAdminStackFlow().exportAdminStack({ target }))),
  );
  registerSetupWizard(context, { models, claudeCode: setup.state.claudeCode });
}

/** Runs an admin flow on the workspace's profile, Region and models, or says what is missing. */
async function withAdminTarget(target: UsageTarget | undefined, run: (target: UsageTarget) => Promise<void>): Promise<void> {
  if (target === undefined) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Set up Claude Code on Bedrock first (a profile, a Region and models): the alarms, the dashboard and the admin stack are made for them.'));
    return;
  }
  await run(target);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
