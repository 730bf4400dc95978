/**
 * The setup view's actions: check health, validate the configured models, open a settings file
 * at the right line, copy the IAM policy the setup needs, and git-ignore the personal file.
 * Writing is refused in Restricted Mode, with the reason.
 */

import * as vscode from 'vscode';
import { baseModelIdOf, fallbackCatalog, findOffer } from '../../core/models/catalog';
import { configuredModels } from '../../core/setup/effectiveSetup';
import { buildIamPolicy, renderIamPolicy } from '../../core/iam/iamPolicy';
import { addLocalSettingsToGitignore } from '../../files/gitignore';
import { validateModels } from '../models/modelCommands';
import type { ModelsState } from '../models/modelsState';
import type { FolderSetup, SetupState } from './setupState';
import { requireTrust } from '../workspaceTrust';

/** The configured folder a command acts on: the only one, or the one with Bedrock set up, or asked. */
async function pickFolder(state: SetupState): Promise<FolderSetup | undefined> {
  const folders = state.current;
  const configured = folders.filter((folder) => folder.setup.bedrock);
  const candidates = configured.length > 0 ? configured : folders;
  if (candidates.length <= 1) return candidates[0];
  const picked = await vscode.window.showQuickPick(
    candidates.map((folder) => ({ label: folder.folder?.name ?? '', folder })),
    { title: vscode.l10n.t('Which workspace folder?') },
  );
  return picked?.folder;
}

/** The configured primary and background model IDs, without repeats. */
function configuredModelIds(folder: FolderSetup): string[] {
  const { primary, background } = configuredModels(folder.setup);
  return [...new Set([primary, background].filter((id): id is string => id !== undefined))];
}

/** Validates the configured models with the configured profile and region (no probe unless asked in the models view). */
export async function validateSetup(state: SetupState, models: ModelsState): Promise<void> {
  const folder = await pickFolder(state);
  const ids = folder ? configuredModelIds(folder) : [];
  if (!folder || ids.length === 0 || !folder.health.profile || !folder.health.region) {
    const run = vscode.l10n.t('Set up Claude on Bedrock');
    const answer = await vscode.window.showWarningMessage(vscode.l10n.t('There is no configured profile, region and model to validate yet.'), run);
    if (answer === run) await vscode.commands.executeCommand('claudeBedrock.setupWizard');
    return;
  }
  if (models.profile !== folder.health.profile || models.region !== folder.health.region) await models.select(folder.health.profile, folder.health.region);
  // The models view shows the same choice the files hold.
  const { primary, background } = configuredModels(folder.setup);
  if (primary) await models.choose('primary', primary);
  if (background) await models.choose('background', background);
  await Promise.all([validateModels(models, ids, false), state.refresh(true)]);
}

/** Opens a settings file (default: the folder's shared one) at a line, or at a key's line. */
export async function openClaudeSettings(state: SetupState, argument: { path?: string; line?: number; key?: string } | undefined): Promise<void> {
  let path = argument?.path;
  if (!path) {
    const folder = await pickFolder(state);
    path = folder?.projectPath ?? folder?.userPath;
  }
  if (!path) return;
  const uri = vscode.Uri.file(path);
  try {
    await vscode.workspace.fs.stat(uri);
  } catch {
    const run = vscode.l10n.t('Set up Claude on Bedrock');
    const answer = await vscode.window.showInformationMessage(vscode.l10n.t('{0} does not exist yet. The setup wizard creates it.', path), run);
    if (answer === run) await vscode.commands.executeCommand('claudeBedrock.setupWizard');
    return;
  }
  const document = await vscode.workspace.openTextDocument(uri);
  let line = argument?.line !== undefined ? argument.line - 1 : 0;
  if (argument?.key) {
    const name = argument.key.replace(/^env\./, '');
    const found = document.getText().split(/\r?\n/).findIndex((text) => text.includes(`"${name}"`));
    if (found >= 0) line = found;
  }
  const position = new vscode.Position(Math.max(0, line), 0);
  await vscode.window.showTextDocument(document, { selection: new vscode.Range(position, position) });
}

/** Copies the least-privilege IAM policy for the configured models and region. */
export async function copySetupIamPolicy(state: SetupState, models: ModelsState): Promise<void> {
  const folder = await pickFolder(state);
  const region = folder?.health.region;
  const ids = folder ? configuredModelIds(folder) : [];
  if (!folder || !region || ids.length === 0) {
    void vscode.window.showWarningMessage(vscode.l10n.t('There is no configured profile, region and model to validate yet.'));
    return;
  }
  // The account's own catalog says where each profile routes; the bundled table stands in without it.
  const loaded = models.catalog?.region === region ? models.catalog.result.catalog : undefined;
  const catalogs = [loaded, fallbackCatalog(region)].filter((catalog) => catalog !== undefined);
  const offers = ids.map((modelId) => {
    const match = catalogs.map((catalog) => findOffer(catalog, modelId)).find((found) => found !== undefined);
    return {
      ...(match?.offer ?? { modelId, scope: '', destinations: [], anyRegion: false, status: '' }),
      baseModelId: match?.baseModelId ?? baseModelIdOf(modelId),
    };
  });
  const text = renderIamPolicy(buildIamPolicy({ region, offers, includeDiagnostics: true }));
  await vscode.env.clipboard.writeText(text);
  void vscode.window.showInformationMessage(vscode.l10n.t('Copied the IAM policy for {0} in {1}.', ids.join(', '), region));
}

/** Adds `.claude/settings.local.json` to the folder's .gitignore, after asking. */
export async function ignoreLocalSettings(state: SetupState): Promise<void> {
  if (!(await requireTrust())) return;
  const folder = await pickFolder(state);
  const path = folder?.folder?.uri.fsPath;
  if (!path) return;
  const add = vscode.l10n.t('Add');
  const answer = await vscode.window.showInformationMessage(vscode.l10n.t('Add .claude/settings.local.json to {0}?', `${path}/.gitignore`), { modal: true }, add);
  if (answer !== add) return;
  await addLocalSettingsToGitignore(path);
  await state.refresh(false);
}
