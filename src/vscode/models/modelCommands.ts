/**
 * The models view's commands: choose the profile and region, load the catalog, validate and
 * probe models (the probe only after the user accepted its stated cost), pick the primary and
 * background models, show the IAM policy, and run a diagnosis's fix.
 */

import * as vscode from 'vscode';
import { loadProfiles } from '../../aws/profiles/awsFiles';
import type { CredentialTarget } from '../../aws/clients';
import type { CatalogOffer } from '../../core/models/bedrockTypes';
import { baseModelIdOf, findOffer } from '../../core/models/catalog';
import { buildIamPolicy, renderIamPolicy } from '../../core/iam/iamPolicy';
import { PROBE_INPUT_TOKENS, PROBE_OUTPUT_TOKENS, probeCostCeiling } from '../../core/models/probeCost';
import { kindLabel } from '../../core/profiles/profileLabels';
import { isCheckable } from '../../core/profiles/profiles';
import { CLAUDE_REGIONS, refineRegions } from '../../core/regions/regions';
import { checkTimeoutMs } from '../profiles/identityCommands';
import { refusalText } from './modelItems';
import type { ModelRole, ModelsState } from './modelsState';
import type { ModelsNode, ModelsView } from './modelsView';
import { uiLocale } from '../uiLocale';
import { loadAwsLayer } from '../../aws/loadLayer';

export const MODELS_VIEW_ID = 'claudeBedrock.models';

function target(state: ModelsState): CredentialTarget | undefined {
  return state.profile ? { type: 'profile', profile: state.profile } : undefined;
}

/** Fetches the catalog of the chosen profile and region, with progress on the view. */
export async function loadModelsCatalog(state: ModelsState): Promise<void> {
  const credentials = target(state);
  const { profile, region } = state;
  if (!credentials || !profile || !region || state.isLoadingCatalog) return;
  state.startCatalog();
  try {
    await vscode.window.withProgress({ location: { viewId: MODELS_VIEW_ID } }, async () => {
      // The AWS SDK is loaded here, when the view first needs a catalog, never during activation.
      const { loadCatalog } = await loadAwsLayer();
      const result = await loadCatalog({ target: credentials, region, timeoutMs: checkTimeoutMs() });
      state.finishCatalog({ result, profile, region, loadedAt: new Date() });
    });
  } catch (error) {
    state.finishCatalog(undefined);
    void vscode.window.showErrorMessage(vscode.l10n.t('Loading the models failed: {0}', error instanceof Error ? error.message : String(error)));
  }
}

export async function selectModelsProfile(state: ModelsState): Promise<void> {
  const locale = uiLocale();
  const discovery = await loadProfiles(process.env);
  const items = discovery.profiles
    .filter((profile) => isCheckable(profile))
    .map((profile) => ({ label: profile.name, description: kindLabel(profile.kind, locale), detail: profile.region, region: profile.region }));
  if (items.length === 0) {
    void vscode.window.showWarningMessage(vscode.l10n.t('There are no AWS profiles with credentials to use.'));
    return;
  }
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('AWS profile for the models view'), placeHolder: state.profile, matchOnDescription: true });
  if (!picked) return;
  await state.select(picked.label, state.region ?? picked.region);
}

export async function selectRegion(state: ModelsState): Promise<void> {
  const locale = uiLocale();
  const catalog = state.catalog?.result.catalog;
  // Regions the account's own profiles route to are confirmed; the rest come from the bundled table.
  const reported = catalog?.source === 'account' ? [...new Set(catalog.models.flatMap((model) => model.offers.flatMap((offer) => offer.destinations)))] : undefined;
  const options = refineRegions(CLAUDE_REGIONS.regions, reported);
  const items = options.map((option) => ({
    label: option.code,
    description: option.region?.name[locale],
    detail: option.verified ? vscode.l10n.t('routed to by this account\'s inference profiles') : undefined,
    picked: option.code === state.region,
  }));
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Region for Claude on Bedrock'), placeHolder: state.region, matchOnDescription: true });
  if (!picked) return;
  await state.select(state.profile, picked.label);
}

/** The offer a command was invoked on, from a tree node or a model ID string. */
function offerOf(view: ModelsView, argument: ModelsNode | string | undefined): CatalogOffer | undefined {
  if (typeof argument === 'string') return view.findOffer(argument) ?? { modelId: argument, scope: '', destinations: [], anyRegion: false, status: '' };
  if (argument?.type === 'offer') return argument.offer;
  return undefined;
}

/** A plain-words statement of what probing costs, for the confirmation. */
export function probeCostText(modelIds: readonly string[]): string {
  return vscode.l10n.t(
    'The probe sends one real request per model with a one-token answer (at most {1} input tokens and {2} output token each). Together they cost less than ${0} at list prices, billed to the AWS account.',
    probeCostCeiling(modelIds),
    PROBE_INPUT_TOKENS,
    PROBE_OUTPUT_TOKENS,
  );
}

/** Validates models: availability and the inference profile, plus the probe when asked and accepted. */
export async function validateModels(state: ModelsState, modelIds: readonly string[], probe: boolean): Promise<void> {
  const credentials = target(state);
  const region = state.region;
  if (!credentials || !region) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Choose a profile and a region first.'));
    return;
  }
  if (modelIds.length === 0) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Choose a primary or background model first: right-click a model in the list.'));
    return;
  }
  if (probe) {
    const go = vscode.l10n.t('Probe');
    const answer = await vscode.window.showInformationMessage(
      vscode.l10n.t('Probe {0}?', modelIds.join(', ')),
      { modal: true, detail: probeCostText(modelIds) },
      go,
    );
    if (answer !== go) return;
  }
  state.startValidation(modelIds);
  try {
    await vscode.window.withProgress({ location: { viewId: MODELS_VIEW_ID } }, async () => {
      const { validateModelAccess } = await loadAwsLayer();
      const result = await validateModelAccess({
        target: credentials,
        region,
        models: modelIds,
        probe,
        timeoutMs: checkTimeoutMs(),
        onReport: (_, report) => state.finishReport(report),
      });
      if (result.credentials) state.failValidation(modelIds, result.credentials);
    });
  } catch (error) {
    state.failValidation(modelIds, undefined);
    void vscode.window.showErrorMessage(vscode.l10n.t('Validation failed: {0}', error instanceof Error ? error.message : String(error)));
  }
}

export async function validateOffer(state: ModelsState, view: ModelsView, argument: ModelsNode | string | undefined, probe: boolean): Promise<void> {
  const offer = offerOf(view, argument);
  if (!offer) return;
  await validateModels(state, [offer.modelId], probe);
}

/** The chosen primary and background models, in that order, without repeats. */
export function chosenModels(state: ModelsState): string[] {
  return [...new Set([state.chosen('primary'), state.chosen('background')].filter((id): id is string => id !== undefined))];
}

/** Chooses a model for a role, unless the organisation policy refuses it there: then says why and keeps the old choice. */
export async function chooseModel(state: ModelsState, view: ModelsView, role: ModelRole, argument: ModelsNode | string | undefined): Promise<void> {
  const offer = offerOf(view, argument);
  if (!offer) return;
  const refused = view.refusal(offer, role);
  if (refused) {
    const reason = refusalText(refused);
    void vscode.window.showWarningMessage(
      role === 'primary'
        ? vscode.l10n.t('{0} cannot be the primary model: {1}', offer.modelId, reason)
        : vscode.l10n.t('{0} cannot be the background model: {1}', offer.modelId, reason),
    );
    return;
  }
  await state.choose(role, offer.modelId);
}

export async function copyModelId(view: ModelsView, argument: ModelsNode | string | undefined): Promise<void> {
  const offer = offerOf(view, argument);
  if (!offer) return;
  await vscode.env.clipboard.writeText(offer.modelId);
  void vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', offer.modelId), 3000);
}

/** The account ID from an inference profile ARN of the catalog, for least-privilege resources. */
function accountOf(offers: readonly CatalogOffer[]): string | undefined {
  for (const offer of offers) {
    const account = offer.arn?.split(':')[4];
    if (account && /^\d{12}$/.test(account)) return account;
  }
  return undefined;
}

/** Opens the least-privilege IAM policy for the node's model, or for the chosen models, as JSON. */
export async function showIamPolicy(state: ModelsState, view: ModelsView, argument: ModelsNode | string | undefined): Promise<void> {
  const region = state.region;
  const catalog = state.catalog?.result.catalog;
  const single = offerOf(view, argument);
  const offers = single ? [single] : chosenModels(state).map((modelId) => offerOf(view, modelId)!);
  if (!region || offers.length === 0) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Choose a primary or background model first: right-click a model in the list.'));
    return;
  }
  const policy = buildIamPolicy({
    region,
    accountId: accountOf(offers),
    offers: offers.map((offer) => ({
      ...offer,
      // An application profile's base model is known from the catalog or a validation, not its ARN.
      baseModelId: baseModelIdOf(offer.modelId) ?? (catalog && findOffer(catalog, offer.modelId)?.baseModelId) ?? state.report(offer.modelId)?.report.baseModelId,
    })),
    includeDiagnostics: true,
  });
  const text = renderIamPolicy(policy);
  const document = await vscode.workspace.openTextDocument({ language: 'json', content: text });
  await vscode.window.showTextDocument(document, { preview: true });
  const copy = vscode.l10n.t('Copy');
  const answer = await vscode.window.showInformationMessage(vscode.l10n.t('IAM policy for {0} in {1}.', offers.map((offer) => offer.modelId).join(', '), region), copy);
  if (answer === copy) await vscode.env.clipboard.writeText(text);
}

/** Runs a diagnosis's fix: its command in a terminal, or its AWS console page in the browser. */
export async function runDiagnosisFix(argument: { command?: string; consoleUrl?: string } | undefined): Promise<void> {
  if (argument?.command) {
    const terminal = vscode.window.createTerminal({ name: vscode.l10n.t('Claude on Bedrock fix') });
    terminal.show();
    terminal.sendText(argument.command);
    return;
  }
  if (argument?.consoleUrl) await vscode.env.openExternal(vscode.Uri.parse(argument.consoleUrl));
}
