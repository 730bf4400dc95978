/**
 * What Bedrock offers per region, account-neutral: foundation models and system-defined inference
 * profiles for ap-northeast-1, ap-northeast-3, us-east-1, us-west-2 and eu-central-1. Shaped after
 * what those regions listed in 2025/2026, trimmed to what the extension cares about plus a few
 * non-Anthropic models, so consumers must filter.
 *
 * Tests assert against the exported constants ("exactly what the scenario holds"), never against
 * copies of these lists.
 */
import type { FakeBedrockRegion, FakeFoundationModel, FakeSystemProfile } from '../scenario';

/** Base model IDs the catalog knows. */
export const BEDROCK_MODEL_IDS = {
  sonnet45: 'anthropic.claude-sonnet-4-5-20250929-v1:0',
  haiku45: 'anthropic.claude-haiku-4-5-20251001-v1:0',
  opus45: 'anthropic.claude-opus-4-5-20251101-v1:0',
  sonnet46: 'anthropic.claude-sonnet-4-6',
  opus46: 'anthropic.claude-opus-4-6-v1',
  sonnet4: 'anthropic.claude-sonnet-4-20250514-v1:0',
  opus41: 'anthropic.claude-opus-4-1-20250805-v1:0',
  /** Lifecycle LEGACY. */
  sonnet37: 'anthropic.claude-3-7-sonnet-20250219-v1:0',
  /** The one Claude model invocable by its bare ID (ON_DEMAND). */
  haiku3: 'anthropic.claude-3-haiku-20240307-v1:0',
  novaLite: 'amazon.nova-lite-v1:0',
  titanEmbedV2: 'amazon.titan-embed-text-v2:0',
} as const;

export type BedrockModelKey = keyof typeof BEDROCK_MODEL_IDS;

export const BEDROCK_REGIONS = ['ap-northeast-1', 'ap-northeast-3', 'us-east-1', 'us-west-2', 'eu-central-1'] as const;
export type BedrockRegion = (typeof BEDROCK_REGIONS)[number];

/** Profile prefix → destination regions, in the order the profile lists them. `''`: the global empty region. */
export const BEDROCK_GEO_DESTINATIONS = {
  jp: ['ap-northeast-1', 'ap-northeast-3'],
  apac: ['ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3', 'ap-south-1', 'ap-southeast-1', 'ap-southeast-2'],
  us: ['us-east-1', 'us-east-2', 'us-west-2'],
  eu: ['eu-central-1', 'eu-north-1', 'eu-south-1', 'eu-south-2', 'eu-west-1', 'eu-west-3'],
  global: [''],
} as const satisfies Record<string, readonly string[]>;

export type BedrockGeo = keyof typeof BEDROCK_GEO_DESTINATIONS;

interface ModelSpec {
  name: string;
  /** What profile names and descriptions call it: `Anthropic Claude Sonnet 4.5`, `Nova Lite`. */
  profileLabel: string;
  /** ISO date the model (and its profiles) appeared. */
  released: string;
  base: Omit<FakeFoundationModel, 'modelId' | 'modelName'>;
}

const CLAUDE_4: ModelSpec['base'] = {
  providerName: 'Anthropic',
  inputModalities: ['TEXT', 'IMAGE'],
  outputModalities: ['TEXT'],
  responseStreamingSupported: true,
  customizationsSupported: [],
  // Not in the SDK's enum; AWS sends it and the SDK passes it through.
  inferenceTypesSupported: ['INFERENCE_PROFILE'],
  lifecycle: 'ACTIVE',
};

const MODELS: Record<BedrockModelKey, ModelSpec> = {
  sonnet45: { name: 'Claude Sonnet 4.5', profileLabel: 'Anthropic Claude Sonnet 4.5', released: '2025-09-29', base: CLAUDE_4 },
  haiku45: { name: 'Claude Haiku 4.5', profileLabel: 'Anthropic Claude Haiku 4.5', released: '2025-10-15', base: CLAUDE_4 },
  opus45: { name: 'Claude Opus 4.5', profileLabel: 'Anthropic Claude Opus 4.5', released: '2025-11-24', base: CLAUDE_4 },
  sonnet46: { name: 'Claude Sonnet 4.6', profileLabel: 'Anthropic Claude Sonnet 4.6', released: '2026-02-17', base: CLAUDE_4 },
  opus46: { name: 'Claude Opus 4.6', profileLabel: 'Anthropic Claude Opus 4.6', released: '2026-02-05', base: CLAUDE_4 },
  sonnet4: { name: 'Claude Sonnet 4', profileLabel: 'Anthropic Claude Sonnet 4', released: '2025-05-22', base: CLAUDE_4 },
  opus41: { name: 'Claude Opus 4.1', profileLabel: 'Anthropic Claude Opus 4.1', released: '2025-08-05', base: CLAUDE_4 },
  sonnet37: {
    name: 'Claude 3.7 Sonnet',
    profileLabel: 'Anthropic Claude 3.7 Sonnet',
    released: '2025-02-24',
    base: { ...CLAUDE_4, lifecycle: 'LEGACY' },
  },
  haiku3: {
    name: 'Claude 3 Haiku',
    profileLabel: 'Anthropic Claude 3 Haiku',
    released: '2024-03-13',
    base: { ...CLAUDE_4, inferenceTypesSupported: ['ON_DEMAND'] },
  },
  novaLite: {
    name: 'Nova Lite',
    profileLabel: 'Nova Lite',
    released: '2024-12-03',
    base: {
      providerName: 'Amazon',
      inputModalities: ['TEXT', 'IMAGE', 'VIDEO'],
      outputModalities: ['TEXT'],
      responseStreamingSupported: true,
      customizationsSupported: ['FINE_TUNING', 'DISTILLATION'],
      inferenceTypesSupported: ['ON_DEMAND', 'INFERENCE_PROFILE'],
      lifecycle: 'ACTIVE',
    },
  },
  titanEmbedV2: {
    name: 'Titan Text Embeddings V2',
    profileLabel: 'Titan Text Embeddings V2',
    released: '2024-04-30',
    base: {
      providerName: 'Amazon',
      inputModalities: ['TEXT'],
      outputModalities: ['EMBEDDING'],
      responseStreamingSupported: false,
      customizationsSupported: [],
      inferenceTypesSupported: ['ON_DEMAND'],
      lifecycle: 'ACTIVE',
    },
  },
};

/** Which `global.` profiles exist, identical in every region of the catalog. */
const GLOBAL_MODELS: BedrockModelKey[] = ['sonnet45', 'haiku45', 'opus45', 'sonnet46', 'opus46', 'sonnet4'];
const US_MODELS: BedrockModelKey[] = ['sonnet45', 'haiku45', 'opus45', 'sonnet46', 'opus46', 'sonnet4', 'opus41', 'sonnet37', 'haiku3', 'novaLite'];

interface RegionPlan {
  models: BedrockModelKey[];
  profiles: Partial<Record<BedrockGeo, BedrockModelKey[]>>;
}

const JAPAN_PROFILES: RegionPlan['profiles'] = {
  // Opus 4.5 has no jp. profile: a Japan-domestic setup cannot pin it.
  jp: ['sonnet45', 'haiku45', 'sonnet46', 'opus46'],
  apac: ['sonnet4', 'sonnet37', 'sonnet45', 'haiku45', 'novaLite'],
  global: GLOBAL_MODELS,
};

const PLANS: Record<BedrockRegion, RegionPlan> = {
  'ap-northeast-1': {
    models: ['sonnet45', 'haiku45', 'opus45', 'sonnet46', 'opus46', 'sonnet4', 'sonnet37', 'haiku3', 'novaLite', 'titanEmbedV2'],
    profiles: JAPAN_PROFILES,
  },
  // Osaka lists no Claude 3 Haiku: its bare ID is invalid there (and in-region on-demand is impossible).
  'ap-northeast-3': {
    models: ['sonnet45', 'haiku45', 'opus45', 'sonnet46', 'opus46', 'sonnet4', 'sonnet37', 'novaLite'],
    profiles: JAPAN_PROFILES,
  },
  'us-east-1': { models: [...US_MODELS, 'titanEmbedV2'], profiles: { us: US_MODELS, global: GLOBAL_MODELS } },
  'us-west-2': { models: [...US_MODELS, 'titanEmbedV2'], profiles: { us: US_MODELS, global: GLOBAL_MODELS } },
  'eu-central-1': {
    models: ['sonnet45', 'haiku45', 'opus45', 'sonnet46', 'opus46', 'sonnet4', 'sonnet37', 'haiku3', 'novaLite', 'titanEmbedV2'],
    profiles: {
      eu: ['sonnet45', 'haiku45', 'opus45', 'sonnet46', 'opus46', 'sonnet4', 'sonnet37', 'haiku3', 'novaLite'],
      global: GLOBAL_MODELS,
    },
  },
};

const GEO_LABEL: Record<BedrockGeo, string> = { jp: 'JP', apac: 'APAC', us: 'US', eu: 'EU', global: 'Global' };

function listRegions(regions: readonly string[]): string {
  return regions.length === 1 ? (regions[0] ?? '') : `${regions.slice(0, -1).join(', ')} and ${regions[regions.length - 1] ?? ''}`;
}

function systemProfile(geo: BedrockGeo, key: BedrockModelKey): FakeSystemProfile {
  const spec = MODELS[key];
  const destinations = [...BEDROCK_GEO_DESTINATIONS[geo]];
  const where = geo === 'global' ? 'all commercial AWS Regions' : listRegions(destinations);
  const created = `${spec.released}T18:00:00.000Z`;
  return {
    id: `${geo}.${BEDROCK_MODEL_IDS[key]}`,
    name: `${GEO_LABEL[geo]} ${spec.profileLabel}`,
    description: `Routes requests to ${spec.profileLabel} in ${where}.`,
    modelId: BEDROCK_MODEL_IDS[key],
    destinations,
    createdAt: created,
    updatedAt: created,
  };
}

function foundationModel(key: BedrockModelKey): FakeFoundationModel {
  const spec = MODELS[key];
  return structuredClone({ modelId: BEDROCK_MODEL_IDS[key], modelName: spec.name, ...spec.base });
}

function buildRegion(region: BedrockRegion): FakeBedrockRegion {
  const plan = PLANS[region];
  const systemProfiles: FakeSystemProfile[] = [];
  for (const [geo, keys] of Object.entries(plan.profiles) as [BedrockGeo, BedrockModelKey[]][]) {
    for (const key of keys) systemProfiles.push(systemProfile(geo, key));
  }
  return { foundationModels: plan.models.map(foundationModel), systemProfiles };
}

function perRegion<T>(build: (region: BedrockRegion) => T): Record<BedrockRegion, T> {
  const out = {} as Record<BedrockRegion, T>;
  for (const region of BEDROCK_REGIONS) out[region] = build(region);
  return out;
}

/** A fresh copy of the whole catalog, for a scenario's `bedrock.regions`. */
export function bedrockCatalog(): Record<BedrockRegion, FakeBedrockRegion> {
  return perRegion(buildRegion);
}

const CATALOG = bedrockCatalog();

/** System-defined profile IDs each region lists, in listing order. */
export const BEDROCK_PROFILE_IDS: Readonly<Record<BedrockRegion, readonly string[]>> = perRegion((region) =>
  CATALOG[region].systemProfiles.map((profile) => profile.id),
);

/** Foundation-model IDs each region lists, in listing order. */
export const BEDROCK_FOUNDATION_MODEL_IDS: Readonly<Record<BedrockRegion, readonly string[]>> = perRegion((region) =>
  CATALOG[region].foundationModels.map((model) => model.modelId),
);

/** The system profile `id` as `region` lists it, or undefined (a copy; mutating it changes nothing). */
export function bedrockSystemProfile(region: string, id: string): FakeSystemProfile | undefined {
  const regionData = (CATALOG as Record<string, FakeBedrockRegion | undefined>)[region];
  const profile = regionData?.systemProfiles.find((candidate) => candidate.id === id);
  return profile && structuredClone(profile);
}
