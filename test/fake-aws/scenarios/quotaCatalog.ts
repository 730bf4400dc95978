/**
 * The Bedrock quotas Service Quotas lists (ServiceCode `bedrock`) in ap-northeast-1 and us-east-1:
 * per Claude model the geographic ("Cross-region") and global cross-region TPM / RPM, on-demand
 * TPM / RPM, tokens per day, and 1M-context variants for Sonnet 4.5 / 4.6; plus about a hundred
 * noise quotas (other models, agents, batch, provisioned throughput) so listings really page and
 * a matcher meets confusable names. Names come in two styles: `new` (today's) and `old` (before
 * AWS renamed them; same codes except for the models in OLD_NAMES_RECODED_MODELS).
 *
 * Tests assert against these exports, never against copies.
 */
import { createHash } from 'node:crypto';
import type { FakeQuotaDefinition } from '../scenario';
import { BEDROCK_MODEL_IDS } from './bedrockCatalog';

/** The models with per-model quotas. `sonnet5` is unknown to Bedrock's catalog and to the extension's code tables. */
export const QUOTA_MODEL_IDS = {
  sonnet45: BEDROCK_MODEL_IDS.sonnet45,
  haiku45: BEDROCK_MODEL_IDS.haiku45,
  opus45: BEDROCK_MODEL_IDS.opus45,
  sonnet46: BEDROCK_MODEL_IDS.sonnet46,
  opus46: BEDROCK_MODEL_IDS.opus46,
  sonnet5: 'anthropic.claude-sonnet-5',
} as const;
export type QuotaModelKey = keyof typeof QUOTA_MODEL_IDS;
export const QUOTA_MODEL_KEYS = Object.keys(QUOTA_MODEL_IDS) as QuotaModelKey[];

/** geo = "Cross-region" (jp., us., apac., eu. profiles), global = `global.` profiles, onDemand = bare IDs. */
export const QUOTA_KINDS = [
  'geoTpm',
  'geoRpm',
  'globalTpm',
  'globalRpm',
  'onDemandTpm',
  'onDemandRpm',
  'tokensPerDay',
  'geoTpm1m',
  'geoRpm1m',
  'globalTpm1m',
  'globalRpm1m',
] as const;
export type QuotaKind = (typeof QUOTA_KINDS)[number];
/** The "1M Context Length" kinds, which only Sonnet 4.5 and 4.6 have. */
export type LongContextQuotaKind = Extract<QuotaKind, `${string}1m`>;
/** Codes of one model: every kind but the 1M-context ones is always present. */
export type QuotaCodesOfModel = Record<Exclude<QuotaKind, LongContextQuotaKind>, string> & Partial<Record<LongContextQuotaKind, string>>;
export type QuotaNameStyle = 'new' | 'old';

export const QUOTA_REGIONS = ['ap-northeast-1', 'us-east-1'] as const;
export type QuotaRegion = (typeof QUOTA_REGIONS)[number];

/** Models with separate "1M Context Length" quotas. */
const LONG_CONTEXT_MODELS: readonly QuotaModelKey[] = ['sonnet45', 'sonnet46'];

/** The kinds a model has quotas for. */
export function quotaKindsOf(model: QuotaModelKey): QuotaKind[] {
  return QUOTA_KINDS.filter((kind) => !kind.endsWith('1m') || LONG_CONTEXT_MODELS.includes(model));
}

/** Model labels in quota names: today's carry a version suffix where the model ID has one. */
const MODEL_LABELS: Record<QuotaModelKey, Record<QuotaNameStyle, string>> = {
  sonnet45: { new: 'Anthropic Claude Sonnet 4.5 V1', old: 'Anthropic Claude Sonnet 4.5' },
  haiku45: { new: 'Anthropic Claude Haiku 4.5 V1', old: 'Anthropic Claude Haiku 4.5' },
  opus45: { new: 'Anthropic Claude Opus 4.5 V1', old: 'Anthropic Claude Opus 4.5' },
  sonnet46: { new: 'Anthropic Claude Sonnet 4.6', old: 'Anthropic Claude Sonnet 4.6' },
  opus46: { new: 'Anthropic Claude Opus 4.6 V1', old: 'Anthropic Claude Opus 4.6' },
  sonnet5: { new: 'Anthropic Claude Sonnet 5', old: 'Anthropic Claude Sonnet 5' },
};

const NAME_TEMPLATES: Record<QuotaNameStyle, Record<QuotaKind, (model: string) => string>> = {
  new: {
    geoTpm: (m) => `Cross-region model inference tokens per minute for ${m}`,
    geoRpm: (m) => `Cross-region model inference requests per minute for ${m}`,
    globalTpm: (m) => `Global cross-region model inference tokens per minute for ${m}`,
    globalRpm: (m) => `Global cross-region model inference requests per minute for ${m}`,
    onDemandTpm: (m) => `On-demand model inference tokens per minute for ${m}`,
    onDemandRpm: (m) => `On-demand model inference requests per minute for ${m}`,
    tokensPerDay: (m) => `Model invocation max tokens per day for ${m} (doubled for cross-region calls)`,
    geoTpm1m: (m) => `Cross-region model inference tokens per minute for ${m} 1M Context Length`,
    geoRpm1m: (m) => `Cross-region model inference requests per minute for ${m} 1M Context Length`,
    globalTpm1m: (m) => `Global cross-region model inference tokens per minute for ${m} 1M Context Length`,
    globalRpm1m: (m) => `Global cross-region model inference requests per minute for ${m} 1M Context Length`,
  },
  old: {
    geoTpm: (m) => `Cross-Region InvokeModel tokens per minute for ${m}`,
    geoRpm: (m) => `Cross-Region InvokeModel requests per minute for ${m}`,
    globalTpm: (m) => `Global Cross-Region InvokeModel tokens per minute for ${m}`,
    globalRpm: (m) => `Global Cross-Region InvokeModel requests per minute for ${m}`,
    onDemandTpm: (m) => `On-demand InvokeModel tokens per minute for ${m}`,
    onDemandRpm: (m) => `On-demand InvokeModel requests per minute for ${m}`,
    tokensPerDay: (m) => `Max tokens per day for ${m}`,
    geoTpm1m: (m) => `Cross-Region InvokeModel tokens per minute for ${m} (1M context length)`,
    geoRpm1m: (m) => `Cross-Region InvokeModel requests per minute for ${m} (1M context length)`,
    globalTpm1m: (m) => `Global Cross-Region InvokeModel tokens per minute for ${m} (1M context length)`,
    globalRpm1m: (m) => `Global Cross-Region InvokeModel requests per minute for ${m} (1M context length)`,
  },
};

/** Codes seen in public quota catalogs (geographic TPM / RPM, global TPM / RPM). */
const KNOWN_CODES: Partial<Record<QuotaModelKey, Partial<Record<QuotaKind, string>>>> = {
  sonnet45: { geoTpm: 'L-F4DDD3EB', geoRpm: 'L-4A6BFAB1', globalTpm: 'L-27C57EE8', globalRpm: 'L-DB84CE56' },
  haiku45: { geoTpm: 'L-58BE175A', geoRpm: 'L-CCA5DF70', globalTpm: 'L-9A11C666', globalRpm: 'L-E5084BBA' },
  opus45: { geoTpm: 'L-7007E9C9', geoRpm: 'L-27989F42', globalTpm: 'L-3ABF6ACC', globalRpm: 'L-58424D95' },
  sonnet46: { geoTpm: 'L-15B8E632', geoRpm: 'L-00FF3314', globalTpm: 'L-7BEE40FB', globalRpm: 'L-F6E116D7' },
  opus46: { geoTpm: 'L-0AD9BBE8', geoRpm: 'L-11DFF789', globalTpm: 'L-3DCCFAA4', globalRpm: 'L-3DD46812' },
};

/** In `quota-old-names` these models carry different, invented codes: only their names match. */
export const OLD_NAMES_RECODED_MODELS: readonly QuotaModelKey[] = ['haiku45', 'opus46'];

/** An invented code, stable across runs: `L-` and 8 upper-case hex digits of a hash of `seed`. */
function inventedCode(seed: string): string {
  return `L-${createHash('sha256').update(`fake-aws quota ${seed}`).digest('hex').slice(0, 8).toUpperCase()}`;
}

function buildCodes(style: QuotaNameStyle): Record<QuotaModelKey, QuotaCodesOfModel> {
  const table = {} as Record<QuotaModelKey, QuotaCodesOfModel>;
  for (const model of QUOTA_MODEL_KEYS) {
    const recoded = style === 'old' && OLD_NAMES_RECODED_MODELS.includes(model);
    const codes: Partial<Record<QuotaKind, string>> = {};
    for (const kind of quotaKindsOf(model)) {
      codes[kind] = recoded ? inventedCode(`old:${model}:${kind}`) : (KNOWN_CODES[model]?.[kind] ?? inventedCode(`${model}:${kind}`));
    }
    table[model] = codes as QuotaCodesOfModel;
  }
  return table;
}

/** Quota codes per model and kind, in the default (new-name) scenarios. */
export const QUOTA_CODES = buildCodes('new');
/** The same for `quota-old-names`: identical except for OLD_NAMES_RECODED_MODELS. */
export const OLD_NAME_QUOTA_CODES = buildCodes('old');

export function quotaCode(model: QuotaModelKey, kind: QuotaKind, style: QuotaNameStyle = 'new'): string {
  const code = (style === 'new' ? QUOTA_CODES : OLD_NAME_QUOTA_CODES)[model][kind];
  if (code === undefined) throw new Error(`fake-aws: ${model} has no ${kind} quota`);
  return code;
}

export function quotaName(model: QuotaModelKey, kind: QuotaKind, style: QuotaNameStyle = 'new'): string {
  return NAME_TEMPLATES[style][kind](MODEL_LABELS[model][style]);
}

/** Defaults in ap-northeast-1 for a model of scale 1 (Sonnet); us-east-1 doubles everything. */
const BASE_DEFAULTS: Record<QuotaKind, number> = {
  geoTpm: 200_000,
  geoRpm: 200,
  globalTpm: 400_000,
  globalRpm: 400,
  onDemandTpm: 100_000,
  onDemandRpm: 100,
  tokensPerDay: 288_000_000,
  geoTpm1m: 100_000,
  geoRpm1m: 20,
  globalTpm1m: 200_000,
  globalRpm1m: 40,
};
const MODEL_SCALE: Record<QuotaModelKey, number> = { sonnet45: 1, haiku45: 2, opus45: 0.5, sonnet46: 1, opus46: 0.5, sonnet5: 1 };
const REGION_SCALE: Record<QuotaRegion, number> = { 'ap-northeast-1': 1, 'us-east-1': 2 };

/** The AWS default of a model quota in a region. */
export function defaultQuotaValue(region: QuotaRegion, model: QuotaModelKey, kind: QuotaKind): number {
  return BASE_DEFAULTS[kind] * MODEL_SCALE[model] * REGION_SCALE[region];
}

const ROUTING_TEXT: Record<QuotaKind, string> = {
  geoTpm: 'tokens, geographic cross-region inference profiles',
  geoRpm: 'requests, geographic cross-region inference profiles',
  globalTpm: 'tokens, global cross-region inference profiles',
  globalRpm: 'requests, global cross-region inference profiles',
  onDemandTpm: 'tokens, in-Region on-demand inference',
  onDemandRpm: 'requests, in-Region on-demand inference',
  tokensPerDay: 'tokens per day, all routings',
  geoTpm1m: 'tokens of requests beyond 200K context, geographic cross-region inference profiles',
  geoRpm1m: 'requests beyond 200K context, geographic cross-region inference profiles',
  globalTpm1m: 'tokens of requests beyond 200K context, global cross-region inference profiles',
  globalRpm1m: 'requests beyond 200K context, global cross-region inference profiles',
};

function modelQuotas(region: QuotaRegion, style: QuotaNameStyle): FakeQuotaDefinition[] {
  return QUOTA_MODEL_KEYS.flatMap((model) =>
    quotaKindsOf(model).map((kind) => ({
      code: quotaCode(model, kind, style),
      name: quotaName(model, kind, style),
      defaultValue: defaultQuotaValue(region, model, kind),
      // Tokens per day cannot be raised through Service Quotas.
      adjustable: kind !== 'tokensPerDay',
      description: `The maximum for ${MODEL_LABELS[model][style]} in this account and Region (${ROUTING_TEXT[kind]}).`,
    })),
  );
}

/** Other models' per-minute quotas, in both naming styles' vocabulary. */
const NOISE_MODELS = [
  'Anthropic Claude Sonnet 4 V1',
  'Anthropic Claude Opus 4.1',
  'Anthropic Claude 3.7 Sonnet V1',
  'Anthropic Claude 3.5 Sonnet V2',
  'Anthropic Claude 3.5 Haiku',
  'Anthropic Claude 3 Haiku',
  'Amazon Nova Lite',
  'Amazon Nova Micro',
  'Amazon Nova Pro',
  'Amazon Nova Premier',
  'Amazon Titan Text Express',
  'Amazon Titan Text Embeddings V2',
  'Meta Llama 3.3 70B Instruct',
  'Meta Llama 4 Maverick 17B Instruct',
  'Mistral Large 2 (24.07)',
  'Cohere Command R+',
  'DeepSeek R1',
  'OpenAI gpt-oss-120b',
];

/**
 * Claude quotas a matcher must NOT take for a TPM / RPM quota of Sonnet 4.5 / Haiku 4.5, and
 * Bedrock-wide quotas. [name, default, adjustable]
 */
const NOISE_FIXED: [string, number, boolean][] = [
  ['Model units per provisioned model for Anthropic Claude Sonnet 4.5 V1', 0, true],
  ['Model units per provisioned model for Anthropic Claude Haiku 4.5 V1', 0, true],
  ['Records per batch inference job for Anthropic Claude Sonnet 4.5 V1', 50_000, true],
  ['Minimum number of records per batch inference job for Anthropic Claude Sonnet 4.5 V1', 100, false],
  ['Batch inference input file size (in GB) for Anthropic Claude Sonnet 4.5 V1', 1, true],
  ['Batch inference job size (in GB) for Anthropic Claude Sonnet 4.5 V1', 5, true],
  ['Records per batch inference job for Anthropic Claude Haiku 4.5 V1', 50_000, true],
  ['Sum of in-progress and submitted batch inference jobs using a base model for Anthropic Claude Sonnet 4.5 V1', 20, true],
  ['Model units no-commitment Provisioned Throughputs across base models', 2, true],
  ['Model units no-commitment Provisioned Throughputs across custom models', 2, true],
  ['Agents per account', 200, true],
  ['Action groups per Agent', 20, true],
  ['Associated aliases per Agent', 10, false],
  ['Knowledge bases per account', 100, true],
  ['Data sources per knowledge base', 5, false],
  ['Concurrent ingestion jobs per account', 5, false],
  ['Retrieve requests per second', 20, true],
  ['RetrieveAndGenerate requests per second', 20, true],
  ['Guardrails per account', 100, true],
  ['ApplyGuardrail Content filter policy text units per second', 200, true],
  ['Custom models per account', 100, true],
  ['Concurrent model import jobs', 1, false],
  ['Imported models per account', 3, true],
  ['Model evaluation jobs per account', 5000, true],
  ['Flows per account', 100, true],
  ['Prompts per account', 500, true],
  ['Batch inference job size (in GB)', 5, true],
  ['Batch inference input file size (in GB)', 1, true],
  ['Sum of in-progress and submitted batch inference jobs using a custom model', 3, true],
  ['InvokeModel requests per minute for Stability AI Stable Image Core', 15, true],
];

function noiseQuotas(region: QuotaRegion): FakeQuotaDefinition[] {
  const scale = REGION_SCALE[region];
  const perModel = NOISE_MODELS.flatMap((model, index): [string, number, boolean][] => [
    [`On-demand model inference tokens per minute for ${model}`, (50_000 + 10_000 * (index % 5)) * scale, true],
    [`On-demand model inference requests per minute for ${model}`, (50 + 10 * (index % 5)) * scale, true],
    [`Cross-region model inference tokens per minute for ${model}`, (100_000 + 20_000 * (index % 5)) * scale, true],
    [`Cross-region model inference requests per minute for ${model}`, (100 + 20 * (index % 5)) * scale, true],
  ]);
  return [...perModel, ...NOISE_FIXED].map(([name, defaultValue, adjustable]) => ({
    code: inventedCode(`noise:${name}`),
    name,
    defaultValue,
    adjustable,
    description: `${name}. Not a per-model Claude TPM / RPM quota of the fake's model table.`,
  }));
}

/** The region's Bedrock quotas with their AWS defaults, in listing order (by code, as AWS lists them). */
export function bedrockQuotaCatalog(region: QuotaRegion, style: QuotaNameStyle = 'new'): FakeQuotaDefinition[] {
  const all = [...modelQuotas(region, style), ...noiseQuotas(region)];
  const seen = new Set<string>();
  for (const quota of all) {
    if (seen.has(quota.code)) throw new Error(`fake-aws: duplicate quota code ${quota.code} (${quota.name})`);
    seen.add(quota.code);
  }
  return all.sort((a, b) => a.code.localeCompare(b.code));
}

/** Both regions' catalogs, the shape of `Scenario.serviceQuotas.regions`. */
export function bedrockQuotaRegions(style: QuotaNameStyle = 'new'): Record<string, FakeQuotaDefinition[]> {
  return Object.fromEntries(QUOTA_REGIONS.map((region) => [region, bedrockQuotaCatalog(region, style)]));
}
