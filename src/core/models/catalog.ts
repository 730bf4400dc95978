/**
 * The model catalog of one Region: which Claude models the account can invoke there and through which
 * scopes (`global.`, `jp.`, …, the bare in-Region ID, application profiles). Scopes come only from
 * the IDs the account's listing returns, never from the Region's name: Seoul lists `apac.`, not `jp.`.
 */

import type {
  ApplicationProfileEntry,
  CatalogModel,
  CatalogOffer,
  FoundationModelRecord,
  InferenceProfileRecord,
  ModelCatalog,
  ModelFamily,
  Scope,
} from './bedrockTypes';
import { compareVersions, FALLBACK_PROFILES, fallbackScopesFor, modelFacts, priceFactorFor } from './modelTable';

export interface CatalogInput {
  readonly region: string;
  /** Every page of ListInferenceProfiles (system and application), in any order. */
  readonly profiles: readonly InferenceProfileRecord[];
  /** ListFoundationModels, when the account may call it: on-demand support and lifecycle. */
  readonly foundationModels?: readonly FoundationModelRecord[];
}

/** A provider segment such as `anthropic.` at the start of a model ID. */
const PROVIDER_PREFIX = /^[a-z][a-z0-9-]*\./;
const SCOPE_PREFIX = /^[a-z][a-z0-9-]*$/;
const LONG_CONTEXT_SUFFIX = /\[1m\]$/i;

interface ParsedArn {
  readonly partition: string;
  readonly service: string;
  readonly region: string;
  readonly account: string;
  readonly resourceType: string;
  readonly resourceId: string;
}

/** Splits an ARN; the resource part keeps its colons (model IDs such as `…-v1:0` have them). */
function parseArn(arn: string): ParsedArn | undefined {
  const parts = arn.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return undefined;
  const resource = parts.slice(5).join(':');
  const slash = resource.indexOf('/');
  if (slash < 0) return undefined;
  return {
    partition: parts[1]!,
    service: parts[2]!,
    region: parts[3]!,
    account: parts[4]!,
    resourceType: resource.slice(0, slash),
    resourceId: resource.slice(slash + 1),
  };
}

/** `jp.anthropic.claude-…` → scope `jp` and base `anthropic.claude-…`; undefined for a bare model ID. */
function splitProfileId(id: string): { scope: Scope; baseModelId: string } | undefined {
  const dot = id.indexOf('.');
  if (dot <= 0) return undefined;
  const prefix = id.slice(0, dot);
  const rest = id.slice(dot + 1);
  if (!SCOPE_PREFIX.test(prefix) || !PROVIDER_PREFIX.test(rest)) return undefined;
  return { scope: prefix, baseModelId: rest };
}

function withoutLongContext(modelId: string): string {
  return modelId.trim().replace(LONG_CONTEXT_SUFFIX, '');
}

function isClaude(baseModelId: string): boolean {
  return baseModelId.startsWith('anthropic.claude');
}

/** The scope of a model ID or ARN: a profile prefix, `in-region` for a bare ID, `application` for an application profile. */
export function scopeOf(modelId: string): Scope | undefined {
  const id = withoutLongContext(modelId);
  if (id.startsWith('arn:')) {
    const arn = parseArn(id);
    if (arn === undefined) return undefined;
    if (arn.resourceType === 'application-inference-profile') return 'application';
    if (arn.resourceType === 'inference-profile') return splitProfileId(arn.resourceId)?.scope;
    if (arn.resourceType === 'foundation-model') return 'in-region';
    return undefined;
  }
  const split = splitProfileId(id);
  if (split !== undefined) return split.scope;
  return PROVIDER_PREFIX.test(id) ? 'in-region' : undefined;
}

/** The base model ID behind a profile ID, bare ID or ARN; undefined for an application profile (it needs a lookup). */
export function baseModelIdOf(idOrArn: string): string | undefined {
  const id = withoutLongContext(idOrArn);
  if (id.startsWith('arn:')) {
    const arn = parseArn(id);
    if (arn === undefined) return undefined;
    if (arn.resourceType === 'foundation-model') return arn.resourceId === '' ? undefined : arn.resourceId;
    if (arn.resourceType === 'inference-profile') return splitProfileId(arn.resourceId)?.baseModelId;
    return undefined;
  }
  const split = splitProfileId(id);
  if (split !== undefined) return split.baseModelId;
  return PROVIDER_PREFIX.test(id) ? id : undefined;
}

/** Destination Regions of a profile from its foundation-model ARNs; an empty region means any Region. */
export function routesOf(modelArns: readonly string[]): { destinations: string[]; anyRegion: boolean } {
  const destinations = new Set<string>();
  let anyRegion = false;
  for (const modelArn of modelArns) {
    const arn = parseArn(modelArn);
    if (arn === undefined || arn.resourceType !== 'foundation-model') continue;
    if (arn.region === '') anyRegion = true;
    else destinations.add(arn.region);
  }
  return { destinations: [...destinations].sort(), anyRegion };
}

function scopeRank(scope: Scope): number {
  if (scope === 'global') return 0;
  if (scope === 'jp') return 1;
  if (scope === 'in-region') return 4;
  if (scope === 'application') return 3;
  return 2;
}

function compareOffers(a: CatalogOffer, b: CatalogOffer): number {
  return scopeRank(a.scope) - scopeRank(b.scope) || a.scope.localeCompare(b.scope, 'en') || a.modelId.localeCompare(b.modelId, 'en');
}

const FAMILY_ORDER: readonly ModelFamily[] = ['opus', 'sonnet', 'haiku', 'other'];

function compareModels(a: CatalogModel, b: CatalogModel): number {
  return (
    FAMILY_ORDER.indexOf(a.family) - FAMILY_ORDER.indexOf(b.family) ||
    compareVersions(b.version, a.version) ||
    // Same family and version (3.5 Sonnet v1 and v2): the later ID first.
    b.baseModelId.localeCompare(a.baseModelId, 'en')
  );
}

function offer(fields: {
  modelId: string;
  scope: Scope;
  arn: string | undefined;
  destinations: readonly string[];
  anyRegion: boolean;
  priceFactor: number | undefined;
  status: string;
}): CatalogOffer {
  return {
    modelId: fields.modelId,
    scope: fields.scope,
    ...(fields.arn === undefined || fields.arn === '' ? {} : { arn: fields.arn }),
    destinations: fields.destinations,
    anyRegion: fields.anyRegion,
    ...(fields.priceFactor === undefined ? {} : { priceFactor: fields.priceFactor }),
    status: fields.status,
  };
}

/** One record per ID whatever the order or overlap of the pages it came from. */
function uniqueProfiles(profiles: readonly InferenceProfileRecord[]): InferenceProfileRecord[] {
  const sorted = [...profiles].sort((a, b) => a.id.localeCompare(b.id, 'en') || a.arn.localeCompare(b.arn, 'en'));
  const unique = new Map<string, InferenceProfileRecord>();
  for (const profile of sorted) if (!unique.has(profile.id)) unique.set(profile.id, profile);
  return [...unique.values()];
}

function applicationEntry(profile: InferenceProfileRecord): ApplicationProfileEntry {
  const bases = [...new Set(profile.modelArns.map(baseModelIdOf).filter((base): base is string => base !== undefined))].sort();
  const routes = routesOf(profile.modelArns);
  return {
    id: profile.id,
    arn: profile.arn,
    name: profile.name,
    ...(bases[0] === undefined ? {} : { baseModelId: bases[0] }),
    destinations: routes.destinations,
    anyRegion: routes.anyRegion,
    status: profile.status,
  };
}

/** The Claude catalog of one Region from the account's own listings. */
export function buildCatalog(input: CatalogInput): ModelCatalog {
  const offersByModel = new Map<string, CatalogOffer[]>();
  const addOffer = (baseModelId: string, entry: CatalogOffer) => {
    const list = offersByModel.get(baseModelId) ?? [];
    list.push(entry);
    offersByModel.set(baseModelId, list);
  };
  const applicationProfiles: ApplicationProfileEntry[] = [];

  for (const profile of uniqueProfiles(input.profiles)) {
    if (profile.type === 'APPLICATION') {
      const entry = applicationEntry(profile);
      if (entry.baseModelId === undefined || isClaude(entry.baseModelId)) applicationProfiles.push(entry);
      continue;
    }
    const split = splitProfileId(profile.id);
    if (split === undefined || !isClaude(split.baseModelId)) continue;
    const routes = routesOf(profile.modelArns);
    addOffer(
      split.baseModelId,
      offer({
        modelId: profile.id,
        scope: split.scope,
        arn: profile.arn,
        destinations: routes.destinations,
        anyRegion: routes.anyRegion,
        priceFactor: priceFactorFor(split.baseModelId, split.scope),
        status: profile.status,
      }),
    );
  }

  const lifecycles = new Map<string, string>();
  const onDemand = new Set<string>();
  const foundationModels = [...(input.foundationModels ?? [])].sort((a, b) => a.modelId.localeCompare(b.modelId, 'en'));
  for (const foundationModel of foundationModels) {
    if (!isClaude(foundationModel.modelId) || lifecycles.has(foundationModel.modelId)) continue;
    lifecycles.set(foundationModel.modelId, foundationModel.lifecycle);
    if (!foundationModel.inferenceTypes.includes('ON_DEMAND')) continue;
    onDemand.add(foundationModel.modelId);
    addOffer(
      foundationModel.modelId,
      offer({
        modelId: foundationModel.modelId,
        scope: 'in-region',
        arn: foundationModel.modelArn,
        destinations: [input.region],
        anyRegion: false,
        priceFactor: priceFactorFor(foundationModel.modelId, 'in-region'),
        status: foundationModel.lifecycle,
      }),
    );
  }

  const models: CatalogModel[] = [...offersByModel].map(([baseModelId, offers]) => {
    const facts = modelFacts(baseModelId);
    const lifecycle = lifecycles.get(baseModelId);
    return {
      baseModelId,
      family: facts.family,
      version: facts.version,
      name: facts.name,
      ...(lifecycle === undefined ? {} : { lifecycle }),
      onDemand: onDemand.has(baseModelId),
      offers: [...offers].sort(compareOffers),
    };
  });

  applicationProfiles.sort((a, b) => a.name.localeCompare(b.name, 'en') || a.id.localeCompare(b.id, 'en'));
  return { region: input.region, source: 'account', models: models.sort(compareModels), applicationProfiles };
}

/** The bundled guess of a Region's catalog, for an account that may not list profiles; marked `fallback`. */
export function fallbackCatalog(region: string): ModelCatalog {
  const profiles: InferenceProfileRecord[] = fallbackScopesFor(region).flatMap((scope) =>
    scope.models.map((baseModelId) => ({
      id: `${scope.scope}.${baseModelId}`,
      arn: '',
      name: '',
      type: 'SYSTEM_DEFINED' as const,
      status: 'ACTIVE',
      modelArns: scope.anyRegion
        ? [`arn:aws:bedrock:::foundation-model/${baseModelId}`]
        : scope.destinations.map((destination) => `arn:aws:bedrock:${destination}::foundation-model/${baseModelId}`),
    })),
  );
  const catalog = buildCatalog({ region, profiles });
  return { ...catalog, source: 'fallback', fallback: { asOf: FALLBACK_PROFILES.asOf, source: FALLBACK_PROFILES.source } };
}

/** A model ID found in a catalog: the offer it names and what it belongs to. */
export interface OfferMatch {
  /** The ID without a `[1m]` suffix: what Claude Code sends to Bedrock. */
  readonly invokedId: string;
  /** The ID carried a `[1m]` suffix (1M-token context requested). */
  readonly longContext: boolean;
  readonly offer: CatalogOffer;
  readonly baseModelId?: string;
  /** The catalog model, when the base model is in the catalog. */
  readonly model?: CatalogModel;
  /** Set when the ID names an application inference profile. */
  readonly applicationProfile?: ApplicationProfileEntry;
}

/** An application inference profile as an offer: its ARN is the ID that would be written. */
export function applicationOffer(entry: ApplicationProfileEntry): CatalogOffer {
  return offer({
    modelId: entry.arn,
    scope: 'application',
    arn: entry.arn,
    destinations: entry.destinations,
    anyRegion: entry.anyRegion,
    priceFactor: undefined,
    status: entry.status,
  });
}

/** Finds the offer a model ID names (profile ID, bare ID, either ARN, application profile ID or ARN), `[1m]` tolerated. */
export function findOffer(catalog: ModelCatalog, modelId: string): OfferMatch | undefined {
  const invokedId = withoutLongContext(modelId);
  const longContext = LONG_CONTEXT_SUFFIX.test(modelId.trim());
  const arn = invokedId.startsWith('arn:') ? parseArn(invokedId) : undefined;
  // A system profile or foundation-model ARN names the same offer as its ID.
  const key = arn !== undefined && (arn.resourceType === 'inference-profile' || arn.resourceType === 'foundation-model') ? arn.resourceId : invokedId;

  for (const model of catalog.models) {
    const found = model.offers.find((candidate) => candidate.modelId === key || candidate.arn === invokedId);
    if (found !== undefined) return { invokedId, longContext, offer: found, baseModelId: model.baseModelId, model };
  }
  const application = catalog.applicationProfiles.find((entry) => entry.arn === invokedId || entry.id === invokedId);
  if (application === undefined) return undefined;
  const model = catalog.models.find((candidate) => candidate.baseModelId === application.baseModelId);
  return {
    invokedId,
    longContext,
    offer: applicationOffer(application),
    ...(application.baseModelId === undefined ? {} : { baseModelId: application.baseModelId }),
    ...(model === undefined ? {} : { model }),
    applicationProfile: application,
  };
}

/** How much more a `jp.` profile costs than `global.` for one model (1.1 = 10 % more), when both exist and are priced. */
export function japanPremium(catalog: ModelCatalog, baseModelId: string): number | undefined {
  const model = catalog.models.find((candidate) => candidate.baseModelId === baseModelId);
  const jp = model?.offers.find((candidate) => candidate.scope === 'jp')?.priceFactor;
  const global = model?.offers.find((candidate) => candidate.scope === 'global')?.priceFactor;
  if (jp === undefined || global === undefined || global === 0) return undefined;
  return Math.round((jp / global) * 1e6) / 1e6;
}
