/**
 * Steps 4 and 5: the primary model (with a `[1m]` variant where the model offers the 1M-token
 * context) and the background (Haiku) model, from the models the chosen scope offers.
 */

import * as vscode from 'vscode';
import type { ModelFamily } from '../../core/bedrockTypes';
import { LONG_CONTEXT_TABLE, supportsLongContext, withLongContext, withoutLongContext } from '../../core/contextWindow';
import { listPrices } from '../../core/modelTable';
import { routeText } from '../../core/regions';
import { uiLocale } from '../uiLocale';
import { pickOne } from './multiStepInput';
import { scopeTitle } from './scopeStep';
import { backgroundCandidates, defaultPrimary, modelsInScope, type ScopedModel } from './stepOffers';
import type { StepFactory } from './wizardContext';
import type { BackgroundChoice, WizardState } from './wizardState';

type ModelItem = vscode.QuickPickItem & { readonly modelId?: string; readonly background?: BackgroundChoice };

const FAMILY_NAMES: Readonly<Record<ModelFamily, string>> = { opus: 'Opus', sonnet: 'Sonnet', haiku: 'Haiku', other: 'Claude' };

function separator(label: string): ModelItem {
  return { label, kind: vscode.QuickPickItemKind.Separator };
}

/** `$3 / $15 per million input / output tokens` in the scope, when the price table knows the model. */
function priceLine(entry: ScopedModel): string | undefined {
  const base = entry.model?.baseModelId;
  const prices = base ? listPrices(base, entry.offer.scope) : undefined;
  if (!prices) return undefined;
  return vscode.l10n.t('${0} / ${1} per million input / output tokens', prices.input, prices.output);
}

function modelDetail(entry: ScopedModel): string | undefined {
  const parts = [priceLine(entry)];
  if (entry.model?.lifecycle === 'LEGACY') parts.push(vscode.l10n.t('legacy: AWS will retire it'));
  const text = parts.filter(Boolean).join(' · ');
  return text === '' ? undefined : text;
}

function modelsOf(state: WizardState): ScopedModel[] {
  const catalog = state.catalog?.result.catalog;
  return catalog && state.scope ? modelsInScope(catalog, state.scope) : [];
}

export const primaryStep: StepFactory = (context) => async (state) => {
  const models = modelsOf(state);
  const items: ModelItem[] = [];
  let family: ModelFamily | undefined;
  for (const entry of models) {
    if (entry.family !== family) {
      family = entry.family;
      items.push(separator(FAMILY_NAMES[entry.family]));
    }
    const detail = modelDetail(entry);
    items.push({ label: entry.name, description: entry.offer.modelId, ...(detail ? { detail } : {}), modelId: entry.offer.modelId });
    if (entry.offer.scope !== 'application' && supportsLongContext(entry.offer.modelId)) {
      items.push({
        label: vscode.l10n.t('{0} with 1M context', entry.name),
        description: withLongContext(entry.offer.modelId),
        detail: vscode.l10n.t(
          'Up to 1M tokens of context (beta); prompts over {0} input tokens are billed at higher rates. Bedrock must offer it for this profile.',
          `${LONG_CONTEXT_TABLE.premiumAboveInputTokens / 1000}K`,
        ),
        modelId: withLongContext(entry.offer.modelId),
      });
    }
  }
  const preferred = defaultPrimary(models, state.primary ?? context.models?.chosen('primary'));
  const picked = await pickOne<ModelItem>({
    ...context.frame('primary', state),
    placeholder: vscode.l10n.t('Primary model (ANTHROPIC_MODEL), {0}:', scopeTitle(state.scope ?? '')),
    items,
    active: items.find((item) => item.modelId !== undefined && item.modelId === preferred),
    matchOnDescription: true,
  });
  state.primary = picked.modelId;
  return context.after('primary', state);
};

function sameChoice(a: BackgroundChoice | undefined, b: BackgroundChoice | undefined): boolean {
  if (!a || !b || a.kind !== b.kind) return false;
  return a.kind !== 'model' || (b.kind === 'model' && a.modelId === b.modelId);
}

export const backgroundStep: StepFactory = (context) => async (state) => {
  const locale = uiLocale();
  const catalog = state.catalog?.result.catalog;
  const scope = state.scope ?? '';
  const candidates = catalog ? backgroundCandidates(catalog, scope) : { inScope: [], otherScopes: [] };
  const modelItem = (entry: ScopedModel, otherScope: boolean): ModelItem => {
    const detail = otherScope ? vscode.l10n.t('Requests may be served in: {0}', routeText(entry.offer, locale)) : modelDetail(entry);
    return {
      label: otherScope ? `${entry.name} · ${scopeTitle(entry.offer.scope)}` : entry.name,
      description: entry.offer.modelId,
      ...(detail ? { detail } : {}),
      background: { kind: 'model', modelId: entry.offer.modelId },
    };
  };
  const items: ModelItem[] = [];
  if (candidates.inScope.length > 0) {
    items.push(separator(vscode.l10n.t('Haiku, {0}', scopeTitle(scope))));
    items.push(...candidates.inScope.map((entry) => modelItem(entry, false)));
  }
  items.push(separator(vscode.l10n.t('Other choices')));
  items.push({
    label: `$(copy) ${vscode.l10n.t('Same as the primary model')}`,
    description: withoutLongContext(state.primary ?? ''),
    detail: vscode.l10n.t('Background tasks use the primary model: no other model needs to be enabled, but they cost more.'),
    background: { kind: 'same' },
  });
  items.push({
    label: `$(circle-slash) ${vscode.l10n.t('None: leave it to Claude Code')}`,
    detail: vscode.l10n.t('Claude Code then picks a Haiku ID from the Region (apac. in Tokyo), which may route elsewhere or not be enabled.'),
    background: { kind: 'none' },
  });
  if (candidates.otherScopes.length > 0) {
    items.push(separator(vscode.l10n.t('Haiku in other scopes')));
    items.push(...candidates.otherScopes.map((entry) => modelItem(entry, true)));
  }

  const fromView = context.models?.chosen('background');
  const preferred: BackgroundChoice | undefined =
    state.background ??
    (fromView && items.some((item) => item.background?.kind === 'model' && item.background.modelId === fromView) ? { kind: 'model', modelId: fromView } : undefined) ??
    (candidates.inScope[0] ? { kind: 'model', modelId: candidates.inScope[0].offer.modelId } : { kind: 'same' });
  const picked = await pickOne<ModelItem>({
    ...context.frame('background', state),
    placeholder: vscode.l10n.t('Background model for quick tasks (ANTHROPIC_DEFAULT_HAIKU_MODEL):'),
    items,
    active: items.find((item) => sameChoice(item.background, preferred)),
    matchOnDescription: true,
  });
  state.background = picked.background;
  return context.after('background', state);
};
