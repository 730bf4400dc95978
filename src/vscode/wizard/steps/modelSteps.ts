/**
 * Steps 4 and 5: the primary model (with a `[1m]` variant where the model offers the 1M-token
 * context) and the background (Haiku) model, from the models the chosen scope offers. Models the
 * organisation policy forbids in that role (or a managed lock overrides) come last, with the reason.
 */

import * as vscode from 'vscode';
import type { ModelFamily } from '../../../core/models/bedrockTypes';
import { LONG_CONTEXT_TABLE, supportsLongContext, withLongContext, withoutLongContext } from '../../../core/models/contextWindow';
import { listPrices } from '../../../core/models/modelTable';
import type { PolicyViolation } from '../../../core/policy/policyTypes';
import { routeText } from '../../../core/regions/regions';
import { uiLocale } from '../../uiLocale';
import { lockOf } from '../../../core/policy/policyVerdicts';
import { backgroundChoiceVerdict, CHOICE_KEYS, compliantDefault, modelChoiceVerdict, type Routes } from '../policyOffers';
import { lockedText, pickAllowed, policyOf, withBlocked, type PolicyItem } from '../policyItems';
import { scopeTitle } from './scopeStep';
import { backgroundCandidates, defaultPrimary, modelsInScope, type ScopedModel } from '../stepOffers';
import type { StepFactory } from '../wizardContext';
import type { BackgroundChoice, WizardState } from '../wizardState';

type ModelItem = PolicyItem & { readonly modelId?: string; readonly background?: BackgroundChoice };

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
  const policy = await policyOf(state);
  const models = modelsOf(state);
  const lock = lockOf(policy, CHOICE_KEYS.primary);
  const judge = (modelId: string, routes?: Routes) =>
    modelChoiceVerdict(policy, modelId, 'primary', { ...(state.region ? { region: state.region } : {}), ...(routes ? { routes } : {}), lockKey: CHOICE_KEYS.primary });
  const withLock = (item: ModelItem): ModelItem => (lock !== undefined && item.modelId === lock.value ? { ...item, detail: lockedText(lock.value) } : item);
  const items: ModelItem[] = [];
  const blocked: { item: ModelItem; violation: PolicyViolation }[] = [];
  const allowedEntries: ScopedModel[] = [];
  let family: ModelFamily | undefined;
  for (const entry of models) {
    const detail = modelDetail(entry);
    const offered: ModelItem[] = [{ label: entry.name, description: entry.offer.modelId, ...(detail ? { detail } : {}), modelId: entry.offer.modelId }];
    if (entry.offer.scope !== 'application' && supportsLongContext(entry.offer.modelId)) {
      offered.push({
        label: vscode.l10n.t('{0} with 1M context', entry.name),
        description: withLongContext(entry.offer.modelId),
        detail: vscode.l10n.t(
          'Up to 1M tokens of context (beta); prompts over {0} input tokens are billed at higher rates. Bedrock must offer it for this profile.',
          `${LONG_CONTEXT_TABLE.premiumAboveInputTokens / 1000}K`,
        ),
        modelId: withLongContext(entry.offer.modelId),
      });
    }
    for (const item of offered) {
      const verdict = judge(item.modelId!, entry.offer);
      if (!verdict.allowed) {
        blocked.push({ item, violation: verdict.violation });
        continue;
      }
      if (item.modelId === entry.offer.modelId) allowedEntries.push(entry);
      if (entry.family !== family) {
        family = entry.family;
        items.push(separator(FAMILY_NAMES[entry.family]));
      }
      items.push(withLock(item));
    }
  }
  // A value managed settings lock that the scope does not list: offered on its own, as it is what applies.
  if (lock !== undefined && !items.some((item) => item.modelId === lock.value)) {
    const item: ModelItem = { label: `$(lock) ${lock.value}`, detail: lockedText(lock.value), modelId: lock.value };
    const verdict = judge(lock.value);
    if (verdict.allowed) items.unshift(item);
    else blocked.push({ item, violation: verdict.violation });
  }
  const allowed = items.filter((item) => item.modelId !== undefined);
  const preferred = lock?.value ?? defaultPrimary(allowedEntries, state.primary ?? context.models?.chosen('primary'));
  const picked = await pickAllowed<ModelItem>({
    ...context.frame('primary', state),
    placeholder:
      allowed.length > 0
        ? vscode.l10n.t('Primary model (ANTHROPIC_MODEL), {0}:', scopeTitle(state.scope ?? ''))
        : vscode.l10n.t('The organisation policy allows none of the models of this scope: choose another scope (Back).'),
    items: withBlocked(items, blocked),
    active: compliantDefault(allowed, (item) => item.modelId === preferred),
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
  const policy = await policyOf(state);
  const locale = uiLocale();
  const catalog = state.catalog?.result.catalog;
  const scope = state.scope ?? '';
  const candidates = catalog ? backgroundCandidates(catalog, scope) : { inScope: [], otherScopes: [] };
  const lock = lockOf(policy, CHOICE_KEYS.background);
  const blocked: { item: ModelItem; violation: PolicyViolation }[] = [];
  /** The allowed items, each forbidden one set aside with its reason. */
  const allowedOf = (offered: readonly ModelItem[]): ModelItem[] =>
    offered.filter((item) => {
      const verdict = backgroundChoiceVerdict(policy, item.background!, { ...(state.primary ? { primary: state.primary } : {}), ...(state.region ? { region: state.region } : {}), ...(catalog ? { catalog } : {}) });
      if (!verdict.allowed) blocked.push({ item, violation: verdict.violation });
      return verdict.allowed;
    });
  const modelItem = (entry: ScopedModel, otherScope: boolean): ModelItem => {
    const detail =
      lock?.value === entry.offer.modelId ? lockedText(lock.value) : otherScope ? vscode.l10n.t('Requests may be served in: {0}', routeText(entry.offer, locale)) : modelDetail(entry);
    return {
      label: otherScope ? `${entry.name} · ${scopeTitle(entry.offer.scope)}` : entry.name,
      description: entry.offer.modelId,
      ...(detail ? { detail } : {}),
      background: { kind: 'model', modelId: entry.offer.modelId },
    };
  };
  const items: ModelItem[] = [];
  // A value managed settings lock that no candidate names: offered first, as it is what applies.
  const listed = [...candidates.inScope, ...candidates.otherScopes].some((entry) => entry.offer.modelId === lock?.value);
  if (lock !== undefined && !listed) {
    items.push(...allowedOf([{ label: `$(lock) ${lock.value}`, detail: lockedText(lock.value), background: { kind: 'model', modelId: lock.value } }]));
  }
  const inScope = allowedOf(candidates.inScope.map((entry) => modelItem(entry, false)));
  if (inScope.length > 0) {
    items.push(separator(vscode.l10n.t('Haiku, {0}', scopeTitle(scope))));
    items.push(...inScope);
  }
  const others = allowedOf([
    {
      label: `$(copy) ${vscode.l10n.t('Same as the primary model')}`,
      description: withoutLongContext(state.primary ?? ''),
      detail: vscode.l10n.t('Background tasks use the primary model: no other model needs to be enabled, but they cost more.'),
      background: { kind: 'same' },
    },
    {
      label: `$(circle-slash) ${vscode.l10n.t('None: leave it to Claude Code')}`,
      detail: vscode.l10n.t('Claude Code then picks a Haiku ID from the Region (apac. in Tokyo), which may route elsewhere or not be enabled.'),
      background: { kind: 'none' },
    },
  ]);
  if (others.length > 0) items.push(separator(vscode.l10n.t('Other choices')), ...others);
  const otherScopes = allowedOf(candidates.otherScopes.map((entry) => modelItem(entry, true)));
  if (otherScopes.length > 0) {
    items.push(separator(vscode.l10n.t('Haiku in other scopes')));
    items.push(...otherScopes);
  }

  const allowed = items.filter((item) => item.background !== undefined);
  const fromView = context.models?.chosen('background');
  const firstInScope = inScope[0]?.background;
  // The first of these that is allowed: the earlier answer, the models view's, the scope's Haiku, "same".
  const preferences: (BackgroundChoice | undefined)[] = [
    lock === undefined ? undefined : { kind: 'model', modelId: lock.value },
    state.background,
    fromView ? { kind: 'model', modelId: fromView } : undefined,
    firstInScope,
    { kind: 'same' },
  ];
  const preferred = preferences.find((choice) => choice !== undefined && allowed.some((item) => sameChoice(item.background, choice)));
  const picked = await pickAllowed<ModelItem>({
    ...context.frame('background', state),
    placeholder: vscode.l10n.t('Background model for quick tasks (ANTHROPIC_DEFAULT_HAIKU_MODEL):'),
    items: withBlocked(items, blocked),
    active: compliantDefault(allowed, (item) => sameChoice(item.background, preferred)),
    matchOnDescription: true,
  });
  state.background = picked.background;
  return context.after('background', state);
};
