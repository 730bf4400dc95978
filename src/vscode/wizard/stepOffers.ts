/**
 * What each wizard step offers, from the Region table and the account's catalog: the Regions in
 * the order shown, the scopes that exist with where they route and what they cost, the models
 * of a scope, the background candidates, and the default answers. Plain code, unit-tested.
 */

import type { CatalogModel, CatalogOffer, ModelCatalog, ModelFamily, Scope } from '../../core/models/bedrockTypes';
import { applicationOffer } from '../../core/models/catalog';
import { withoutLongContext } from '../../core/models/contextWindow';
import { CLAUDE_REGIONS, isJapanRegion, type ClaudeRegion } from '../../core/regions/regions';

export interface RegionGroups {
  /** The profile's own Region, when it has one (even one the table lacks). */
  readonly profile?: { readonly code: string; readonly region?: ClaudeRegion };
  /** Tokyo and Osaka, unless the profile's Region is one of them. */
  readonly japan: readonly ClaudeRegion[];
  readonly others: readonly ClaudeRegion[];
}

/** The Regions in the order the region step shows them: the profile's, Japan's, then the rest. */
export function regionGroups(profileRegion: string | undefined): RegionGroups {
  const regions = CLAUDE_REGIONS.regions;
  const profile = profileRegion ? { code: profileRegion, region: regions.find((entry) => entry.code === profileRegion) } : undefined;
  const rest = regions.filter((entry) => entry.code !== profileRegion);
  return {
    ...(profile ? { profile: profile.region ? profile : { code: profile.code } } : {}),
    japan: rest.filter((entry) => isJapanRegion(entry.code)),
    others: rest.filter((entry) => !isJapanRegion(entry.code)),
  };
}

/** One scope of a catalog: where its requests are served and what it costs. */
export interface ScopeSummary {
  readonly scope: Scope;
  /** Every Region any of the scope's profiles routes to (sorted). */
  readonly destinations: readonly string[];
  readonly anyRegion: boolean;
  /** The highest price factor against `global.` among its priced offers; undefined when none is priced. */
  readonly priceFactor?: number;
  /** How many models (or application profiles) the scope offers. */
  readonly modelCount: number;
}

/** The scopes a catalog really lists, in the catalog's order (global, jp, other geographies, application, in-Region). */
export function scopeSummaries(catalog: ModelCatalog): ScopeSummary[] {
  const byScope = new Map<Scope, CatalogOffer[]>();
  const offers = [
    ...catalog.models.flatMap((model) => model.offers),
    ...catalog.applicationProfiles.map((entry) => applicationOffer(entry)),
  ];
  for (const offer of offers) byScope.set(offer.scope, [...(byScope.get(offer.scope) ?? []), offer]);
  const rank = (scope: Scope) => (scope === 'global' ? 0 : scope === 'jp' ? 1 : scope === 'application' ? 3 : scope === 'in-region' ? 4 : 2);
  return [...byScope]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b, 'en'))
    .map(([scope, list]) => {
      const factors = list.map((offer) => offer.priceFactor).filter((factor): factor is number => factor !== undefined);
      return {
        scope,
        destinations: [...new Set(list.flatMap((offer) => offer.destinations))].sort(),
        anyRegion: list.some((offer) => offer.anyRegion),
        ...(factors.length > 0 ? { priceFactor: Math.max(...factors) } : {}),
        modelCount: list.length,
      };
    });
}

/** The scope preselected: the one answered before, else `jp.` in a Japanese Region, else the first. */
export function defaultScope(summaries: readonly ScopeSummary[], region: string, previous: Scope | undefined): Scope | undefined {
  if (previous && summaries.some((summary) => summary.scope === previous)) return previous;
  if (isJapanRegion(region) && summaries.some((summary) => summary.scope === 'jp')) return 'jp';
  return summaries[0]?.scope;
}

/** One way to invoke a model in the chosen scope. */
export interface ScopedModel {
  readonly offer: CatalogOffer;
  /** The catalog model, when the base model is known. */
  readonly model?: CatalogModel;
  readonly family: ModelFamily;
  /** `Claude Sonnet 4.5`, or an application profile's own name. */
  readonly name: string;
}

/** The models a scope offers, Opus, Sonnet, Haiku, newest first; application profiles by name. */
export function modelsInScope(catalog: ModelCatalog, scope: Scope): ScopedModel[] {
  if (scope === 'application') {
    return catalog.applicationProfiles.map((entry) => {
      const model = catalog.models.find((candidate) => candidate.baseModelId === entry.baseModelId);
      return { offer: applicationOffer(entry), ...(model ? { model } : {}), family: model?.family ?? 'other', name: entry.name };
    });
  }
  return catalog.models.flatMap((model) => {
    const offer = model.offers.find((candidate) => candidate.scope === scope);
    return offer ? [{ offer, model, family: model.family, name: model.name }] : [];
  });
}

/** Haiku models for background tasks: those of the chosen scope, and those only other scopes offer. */
export function backgroundCandidates(catalog: ModelCatalog, scope: Scope): { readonly inScope: ScopedModel[]; readonly otherScopes: ScopedModel[] } {
  const inScope = modelsInScope(catalog, scope).filter((entry) => entry.family === 'haiku');
  const otherScopes = catalog.models
    .filter((model) => model.family === 'haiku')
    .flatMap((model) => model.offers.filter((offer) => offer.scope !== scope).map((offer) => ({ offer, model, family: model.family, name: model.name })));
  return { inScope, otherScopes };
}

/** The primary model preselected: the previous answer when the scope offers it, else the newest Sonnet, else the first. */
export function defaultPrimary(models: readonly ScopedModel[], previous: string | undefined): string | undefined {
  if (previous && models.some((entry) => entry.offer.modelId === withoutLongContext(previous))) return previous;
  return (models.find((entry) => entry.family === 'sonnet') ?? models[0])?.offer.modelId;
}

/** The ID to pin a model alias (`sonnet`, `opus`) to: the primary when it is of that family, else the scope's newest of the family. */
export function aliasPin(models: readonly ScopedModel[], family: 'sonnet' | 'opus', primary: string | undefined): string | undefined {
  const primaryEntry = primary ? models.find((entry) => entry.offer.modelId === withoutLongContext(primary)) : undefined;
  if (primaryEntry?.family === family && primary) return primary;
  return models.find((entry) => entry.family === family)?.offer.modelId;
}
