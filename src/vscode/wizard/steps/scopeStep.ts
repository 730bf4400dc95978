/**
 * Step 3: the inference-profile scope (global, Japan-domestic, …). The account's catalog for the
 * Region is loaded here, with the same code the models view uses, and only the scopes it lists
 * are offered, each with its meaning, where requests are served and its price against global.
 * Scopes the organisation policy forbids come last, with the reason, and cannot be chosen.
 */

import * as vscode from 'vscode';
import type { CatalogResult } from '../../../aws/models/modelAccess';
import { loadAwsLayer } from '../../../aws/loadLayer';
import type { Diagnosis } from '../../../core/models/bedrockTypes';
import { describeDiagnosis } from '../../../core/models/diagnosis';
import { describeScope } from '../../../core/models/modelTable';
import type { EffectivePolicy } from '../../../core/policy/policyTypes';
import { ssoLoginProfile } from '../../../core/profiles/profiles';
import { regionCity, routeText } from '../../../core/regions/regions';
import { checkTimeoutMs } from '../../profiles/identityCommands';
import { uiLocale } from '../../uiLocale';
import { pickOne } from '../multiStepInput';
import { partitionOffers, scopeChoiceVerdict } from '../policyOffers';
import { policyOf, refuseBlocked, withBlocked, type PolicyItem } from '../policyItems';
import { currentProfile, signInAndWait } from '../ssoSignIn';
import { defaultScope, scopeSummaries, type ScopeSummary } from '../stepOffers';
import type { StepFactory } from '../wizardContext';
import type { WizardState } from '../wizardState';

type ScopeItem = PolicyItem & { readonly action?: 'scope' | 'retry' | 'sign-in'; readonly scope?: string };

/** The scope's name as the steps show it: `Japan (jp)`; the two without a prefix by name only. */
export function scopeTitle(scope: string): string {
  const text = describeScope(scope, uiLocale());
  if (scope === 'in-region' || scope === 'application') return text.label;
  return `${text.label} (${scope})`;
}

/** `+10% compared with global`, `global list price`, or nothing when the table does not know. */
export function priceText(priceFactor: number | undefined): string | undefined {
  if (priceFactor === undefined) return undefined;
  if (priceFactor === 1) return vscode.l10n.t('global list price');
  return vscode.l10n.t('{0}% more than global', Math.round((priceFactor - 1) * 100));
}

function scopeItem(summary: ScopeSummary, region: string): ScopeItem {
  const locale = uiLocale();
  const text = describeScope(summary.scope, locale);
  const where = summary.scope === 'in-region' ? regionCity(region, locale) : routeText(summary, locale);
  const detail = [text.description, priceText(summary.priceFactor), vscode.l10n.t('{0} models', summary.modelCount)].filter(Boolean).join(' · ');
  return { label: scopeTitle(summary.scope), description: where, detail, action: 'scope', scope: summary.scope };
}

function diagnosisItem(diagnosis: Diagnosis): ScopeItem {
  const text = describeDiagnosis(diagnosis, uiLocale());
  return { label: `${diagnosis.severity === 'error' ? '$(error)' : '$(warning)'} ${text.cause}`, detail: text.fix };
}

/** The catalog of the answered profile and Region: the one loaded before, or a fresh one. */
async function ensureCatalog(state: WizardState): Promise<CatalogResult> {
  const profile = state.profile!;
  const region = state.region!;
  if (state.catalog?.profile === profile && state.catalog.region === region) return state.catalog.result;
  // The AWS SDK is loaded here, on the wizard's first AWS call.
  const { loadCatalog } = await loadAwsLayer();
  const result = await loadCatalog({ target: { type: 'profile', profile }, region, timeoutMs: checkTimeoutMs() });
  // A failure is not kept: after a sign-in (or Back and forth) the catalog is asked for again.
  if (result.catalog) state.catalog = { profile, region, result };
  return result;
}

async function itemsFor(state: WizardState, policy: EffectivePolicy, result: CatalogResult, hint: string | undefined): Promise<{ items: ScopeItem[]; active?: ScopeItem; placeholder: string }> {
  const region = state.region!;
  const problems = result.diagnoses.map(diagnosisItem);
  const catalog = result.catalog;
  if (!catalog || catalog.models.length + catalog.applicationProfiles.length === 0) {
    const items = [...problems];
    const profile = await currentProfile(state.profile!);
    if (profile && ssoLoginProfile(profile)) {
      items.push({ label: `$(sign-in) ${vscode.l10n.t('Sign in with aws sso login')}`, description: `aws sso login --profile ${ssoLoginProfile(profile)}`, action: 'sign-in' });
    }
    const retry: ScopeItem = { label: `$(refresh) ${vscode.l10n.t('Try again')}`, action: 'retry' };
    items.push(retry);
    const placeholder = catalog
      ? vscode.l10n.t('{0} lists no Claude models for this account: choose another Region (Back).', region)
      : vscode.l10n.t('The models of {0} could not be loaded.', region);
    return { items, active: items.find((item) => item.action === 'sign-in') ?? retry, placeholder };
  }
  // Scopes the policy forbids (or whose listed routes leave the allowed Regions) come last, with the reason.
  const judged = partitionOffers(scopeSummaries(catalog), (summary) => scopeChoiceVerdict(policy, summary.scope, summary));
  const scopes = judged.allowed.map((summary) => scopeItem(summary, region));
  // A primary chosen before (here or in the models view) hints at its scope: `jp.anthropic…` → jp.
  const chosen = defaultScope(judged.allowed, region, state.scope ?? hint?.split('.')[0]);
  const items: ScopeItem[] = [];
  if (catalog.source === 'fallback') {
    items.push({ label: vscode.l10n.t('Not verified'), kind: vscode.QuickPickItemKind.Separator });
    items.push(...problems);
    items.push({
      label: `$(info) ${vscode.l10n.t('Showing the bundled table of {0}: the account could not list its inference profiles.', catalog.fallback?.asOf ?? '')}`,
    });
    items.push({ label: vscode.l10n.t('Scopes'), kind: vscode.QuickPickItemKind.Separator });
  } else if (problems.length > 0) {
    items.push(...problems);
    items.push({ label: vscode.l10n.t('Scopes'), kind: vscode.QuickPickItemKind.Separator });
  }
  items.push(...withBlocked(scopes, judged.blocked.map(({ offer, violation }) => ({ item: scopeItem(offer, region), violation }))));
  return {
    items,
    active: scopes.find((item) => item.scope === chosen) ?? scopes[0],
    placeholder:
      scopes.length > 0
        ? vscode.l10n.t('Where may requests be served? Scopes that {0} lists for this account:', region)
        : vscode.l10n.t('The organisation policy allows none of the scopes {0} lists for this account: choose another Region (Back).', region),
  };
}

export const scopeStep: StepFactory = (context) => async (state) => {
  const policy = await policyOf(state);
  for (;;) {
    const picked = await pickOne<ScopeItem>({
      ...context.frame('scope', state),
      placeholder: vscode.l10n.t('Loading the models of {0}…', state.region ?? ''),
      items: [],
      matchOnDescription: true,
      run: async ({ setItems, setBusy, setPlaceholder }) => {
        setBusy(true);
        try {
          const view = await itemsFor(state, policy, await ensureCatalog(state), state.primary ?? context.models?.chosen('primary'));
          setItems(view.items, view.active);
          setPlaceholder(view.placeholder);
        } catch (error) {
          setItems([{ label: `$(error) ${error instanceof Error ? error.message : String(error)}` }, { label: `$(refresh) ${vscode.l10n.t('Try again')}`, action: 'retry' }]);
          setPlaceholder(vscode.l10n.t('The models of {0} could not be loaded.', state.region ?? ''));
        } finally {
          setBusy(false);
        }
      },
    });
    if (picked.blocked) {
      refuseBlocked(picked.blocked);
      continue;
    }
    if (picked.action === 'scope' && picked.scope) {
      state.scope = picked.scope;
      return context.after('scope', state);
    }
    if (picked.action === 'sign-in') {
      const profile = await currentProfile(state.profile!);
      if (profile) await signInAndWait(context.frame('scope', state), profile);
      state.catalog = undefined;
    } else if (picked.action === 'retry') {
      state.catalog = undefined;
    }
  }
};
