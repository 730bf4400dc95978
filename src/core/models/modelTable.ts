/**
 * The Claude facts the extension cannot ask AWS for: model names, list prices and price factors,
 * the meaning of each inference-profile scope, and a fallback table of which system profiles a Region
 * has (used only when the account may not list them). Each table carries the date and source of its facts.
 */

import type { Locale } from '../text/locale';
import type { ModelFamily, Scope } from './bedrockTypes';

// Version order lives in core/text (Claude Code's release numbers use it too); re-exported for the
// modules that read it with the model table.
export { compareVersions } from '../text/versionOrder';

/** List prices in USD per million tokens. */
export interface ModelPrices {
  readonly input: number;
  readonly output: number;
  /** Prompt-cache writes: 1.25 × input. */
  readonly cacheWrite: number;
  /** Prompt-cache reads: 0.1 × input. */
  readonly cacheRead: number;
}

/** What an ID says about its model, whether or not the table knows it. */
export interface ParsedModelId {
  readonly family: ModelFamily;
  /** `4.5`, `3.7`, `4`; empty when the ID does not say. */
  readonly version: string;
  /** `Claude Sonnet 4.5`, `Claude 3.7 Sonnet` (Anthropic's own naming for each generation). */
  readonly name: string;
}

export interface ModelFacts extends ParsedModelId {
  readonly baseModelId: string;
  /** List prices of the `global.` profile; absent when not known. */
  readonly prices?: ModelPrices;
  /** Price of geographic (and in-Region) use relative to `global.`: 1.1 for Sonnet 4.5 and later. */
  readonly geographicFactor?: number;
}

const CACHE_WRITE_FACTOR = 1.25;
const CACHE_READ_FACTOR = 0.1;

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

function prices(input: number, output: number): ModelPrices {
  return { input, output, cacheWrite: round(input * CACHE_WRITE_FACTOR), cacheRead: round(input * CACHE_READ_FACTOR) };
}

function model(baseModelId: string, family: ModelFamily, version: string, name: string, price?: ModelPrices, geographicFactor?: number): ModelFacts {
  return {
    baseModelId,
    family,
    version,
    name,
    ...(price === undefined ? {} : { prices: price }),
    ...(geographicFactor === undefined ? {} : { geographicFactor }),
  };
}

/** The Claude models the extension knows by name and price. */
export const MODEL_TABLE = {
  asOf: '2025-12-01',
  source:
    'Amazon Bedrock pricing page and Anthropic model overview (list prices, global scope, standard context); ' +
    'Bedrock User Guide "Global cross-Region inference" (geographic profiles about 10% above global from Sonnet 4.5 on); ' +
    'IDs of later models as reported in Claude Code issues, without prices',
  models: [
    model('anthropic.claude-opus-4-6-v1', 'opus', '4.6', 'Claude Opus 4.6', prices(5, 25), 1.1),
    model('anthropic.claude-sonnet-4-6', 'sonnet', '4.6', 'Claude Sonnet 4.6', prices(3, 15), 1.1),
    model('anthropic.claude-opus-4-5-20251101-v1:0', 'opus', '4.5', 'Claude Opus 4.5', prices(5, 25), 1.1),
    model('anthropic.claude-haiku-4-5-20251001-v1:0', 'haiku', '4.5', 'Claude Haiku 4.5', prices(1, 5), 1.1),
    model('anthropic.claude-sonnet-4-5-20250929-v1:0', 'sonnet', '4.5', 'Claude Sonnet 4.5', prices(3, 15), 1.1),
    model('anthropic.claude-opus-4-1-20250805-v1:0', 'opus', '4.1', 'Claude Opus 4.1', prices(15, 75), 1),
    model('anthropic.claude-opus-4-20250514-v1:0', 'opus', '4', 'Claude Opus 4', prices(15, 75), 1),
    model('anthropic.claude-sonnet-4-20250514-v1:0', 'sonnet', '4', 'Claude Sonnet 4', prices(3, 15), 1),
    model('anthropic.claude-3-7-sonnet-20250219-v1:0', 'sonnet', '3.7', 'Claude 3.7 Sonnet', prices(3, 15), 1),
    model('anthropic.claude-3-5-haiku-20241022-v1:0', 'haiku', '3.5', 'Claude 3.5 Haiku', prices(0.8, 4), 1),
    model('anthropic.claude-3-haiku-20240307-v1:0', 'haiku', '3', 'Claude 3 Haiku', prices(0.25, 1.25), 1),
    // Reported by users, not yet priced here: names only, so the catalog groups them without guessing.
    model('anthropic.claude-opus-4-7', 'opus', '4.7', 'Claude Opus 4.7'),
    model('anthropic.claude-opus-4-8', 'opus', '4.8', 'Claude Opus 4.8'),
    model('anthropic.claude-sonnet-5', 'sonnet', '5', 'Claude Sonnet 5'),
  ] as readonly ModelFacts[],
} as const;

const MODELS_BY_ID = new Map(MODEL_TABLE.models.map((entry) => [entry.baseModelId, entry]));

const FAMILIES: readonly ModelFamily[] = ['opus', 'sonnet', 'haiku'];

function capitalize(word: string): string {
  return word === '' ? word : word[0]!.toUpperCase() + word.slice(1);
}

/**
 * Family, version and name derived from a Claude model ID the table may not know:
 * `anthropic.claude-opus-4-7` → opus 4.7 "Claude Opus 4.7"; `anthropic.claude-3-7-sonnet-…` → sonnet 3.7.
 */
export function parseClaudeModelId(baseModelId: string): ParsedModelId {
  const id = baseModelId.replace(/\[1m\]$/i, '');
  const at = id.toLowerCase().lastIndexOf('claude');
  const rest = at >= 0 ? id.slice(at + 'claude'.length) : id.slice(id.indexOf('.') + 1);
  const numbers: string[] = [];
  const words: string[] = [];
  let revision: string[] = [];
  for (const token of rest.toLowerCase().split('-')) {
    if (token === '') continue;
    if (/^\d{8}$/.test(token)) continue; // a release date
    const revisionMatch = /^v(\d+)((?::[0-9a-z]+)*)$/.exec(token);
    if (revisionMatch) {
      revision = [revisionMatch[1]!, ...revisionMatch[2]!.split(':').filter((part) => /^\d+$/.test(part))];
      continue;
    }
    if (/^\d{1,2}$/.test(token)) numbers.push(String(Number(token)));
    else words.push(token);
  }
  const family = FAMILIES.find((candidate) => words.includes(candidate)) ?? 'other';
  if (family === 'other') {
    // Old IDs such as `anthropic.claude-v2:1` carry their version only in the revision.
    const version = numbers.length > 0 ? numbers.join('.') : words.length === 0 ? revision.join('.') : '';
    const name = ['Claude', ...words.map(capitalize), version].filter((part) => part !== '').join(' ');
    return { family, version, name };
  }
  const version = numbers.join('.');
  const familyName = capitalize(family);
  const major = Number(numbers[0] ?? '0');
  let name = version === '' ? `Claude ${familyName}` : major >= 4 ? `Claude ${familyName} ${version}` : `Claude ${version} ${familyName}`;
  // A second revision of the same model (`…-v2:0`) is a different model: Claude 3.5 Sonnet v2.
  if (revision[0] !== undefined && Number(revision[0]) > 1) name += ` v${revision[0]}`;
  return { family, version, name };
}

/** The table's facts for a base model ID, when the table knows it. */
export function knownModel(baseModelId: string): ModelFacts | undefined {
  return MODELS_BY_ID.get(baseModelId);
}

/** The facts for any Claude base model ID: the table's entry, or what the ID itself says (no prices). */
export function modelFacts(baseModelId: string): ModelFacts {
  return MODELS_BY_ID.get(baseModelId) ?? { baseModelId, ...parseClaudeModelId(baseModelId) };
}

/** Scopes that are not tied to one geography. */
const NON_GEOGRAPHIC = new Set<Scope>(['global', 'application']);

/** Price of a model in a scope relative to its `global.` profile; undefined when the table does not say. */
export function priceFactorFor(baseModelId: string, scope: Scope): number | undefined {
  if (scope === 'global') return 1;
  if (NON_GEOGRAPHIC.has(scope)) return undefined;
  return MODELS_BY_ID.get(baseModelId)?.geographicFactor;
}

/** List prices of a model in a scope (global prices × the scope's factor), when both are known. */
export function listPrices(baseModelId: string, scope: Scope): ModelPrices | undefined {
  const base = MODELS_BY_ID.get(baseModelId)?.prices;
  const factor = priceFactorFor(baseModelId, scope);
  if (base === undefined || factor === undefined) return undefined;
  return {
    input: round(base.input * factor),
    output: round(base.output * factor),
    cacheWrite: round(base.cacheWrite * factor),
    cacheRead: round(base.cacheRead * factor),
  };
}

// ---------------------------------------------------------------------------------------------
// Scopes

interface ScopeText {
  readonly label: Readonly<Record<Locale, string>>;
  readonly description: Readonly<Record<Locale, string>>;
}

/** What each scope means for where requests are served, in both languages. */
export const SCOPE_TABLE = {
  asOf: '2025-12-01',
  source: 'Bedrock User Guide, "Geographic cross-Region inference" and "Global cross-Region inference"',
  scopes: {
    global: {
      label: { en: 'Global', ja: 'グローバル' },
      description: {
        en: 'Any commercial AWS Region worldwide — the most throughput, the lowest price',
        ja: '世界中の商用 AWS リージョン — スループットが最も高く、価格が最も安い',
      },
    },
    jp: {
      label: { en: 'Japan', ja: '日本' },
      description: {
        en: 'Japan (Tokyo, Osaka) — data stays in Japan',
        ja: '日本国内 (東京・大阪) — データは日本国内に留まります',
      },
    },
    apac: {
      label: { en: 'Asia Pacific', ja: 'アジアパシフィック' },
      description: {
        en: 'Asia Pacific Regions (Tokyo, Seoul, Osaka, Mumbai, Singapore, Sydney, …) — data may leave Japan',
        ja: 'アジアパシフィックのリージョン (東京・ソウル・大阪・ムンバイ・シンガポール・シドニーなど) — データが日本国外で処理されることがあります',
      },
    },
    au: {
      label: { en: 'Australia', ja: 'オーストラリア' },
      description: {
        en: 'Australia (Sydney, Melbourne) — data stays in Australia',
        ja: 'オーストラリア国内 (シドニー・メルボルン) — データはオーストラリア国内に留まります',
      },
    },
    us: {
      label: { en: 'United States', ja: '米国' },
      description: {
        en: 'US Regions (N. Virginia, Ohio, Oregon, …) — data stays in the US',
        ja: '米国のリージョン (バージニア北部・オハイオ・オレゴンなど) — データは米国内に留まります',
      },
    },
    eu: {
      label: { en: 'Europe', ja: '欧州' },
      description: {
        en: 'EU Regions (Frankfurt, Ireland, Paris, Stockholm, …) — data stays in the EU',
        ja: 'EU のリージョン (フランクフルト・アイルランド・パリ・ストックホルムなど) — データは EU 域内に留まります',
      },
    },
    ca: {
      label: { en: 'Canada', ja: 'カナダ' },
      description: {
        en: 'Canadian Regions — data stays in Canada',
        ja: 'カナダのリージョン — データはカナダ国内に留まります',
      },
    },
    'us-gov': {
      label: { en: 'AWS GovCloud (US)', ja: 'AWS GovCloud (米国)' },
      description: {
        en: 'AWS GovCloud (US-West, US-East) — data stays in GovCloud',
        ja: 'AWS GovCloud (米国西部・米国東部) — データは GovCloud 内に留まります',
      },
    },
    'in-region': {
      label: { en: 'This Region only', ja: 'このリージョンのみ' },
      description: {
        en: 'The bare model ID, served on demand in the chosen Region only',
        ja: 'モデル ID をそのまま使い、選んだリージョンだけでオンデマンド処理します',
      },
    },
    application: {
      label: { en: 'Application profile', ja: 'アプリケーション推論プロファイル' },
      description: {
        en: 'An application inference profile your account created, routed like the profile it copies',
        ja: 'アカウントで作成したアプリケーション推論プロファイル — コピー元のプロファイルと同じようにルーティングされます',
      },
    },
  } as Readonly<Record<string, ScopeText>>,
} as const;

/** The label and one-line description of a scope; an unknown prefix is shown as itself. */
export function describeScope(scope: Scope, locale: Locale): { readonly label: string; readonly description: string } {
  const known = Object.hasOwn(SCOPE_TABLE.scopes, scope) ? SCOPE_TABLE.scopes[scope] : undefined;
  if (known !== undefined) return { label: known.label[locale], description: known.description[locale] };
  return {
    label: `${scope}.`,
    description:
      locale === 'ja'
        ? `「${scope}.」プロファイル — プロファイルに記載されたリージョンの間でルーティングされます`
        : `The "${scope}." profile — routed between the Regions the profile lists`,
  };
}

// ---------------------------------------------------------------------------------------------
// Fallback: system inference profiles per source Region, used only when listing them is denied

export interface FallbackScope {
  /** Regions the profile routes to; empty for `global.`. */
  readonly destinations: readonly string[];
  readonly anyRegion: boolean;
  /** Base model IDs that have a profile of this scope. */
  readonly models: readonly string[];
}

const SONNET_4_6 = 'anthropic.claude-sonnet-4-6';
const OPUS_4_6 = 'anthropic.claude-opus-4-6-v1';
const OPUS_4_5 = 'anthropic.claude-opus-4-5-20251101-v1:0';
const SONNET_4_5 = 'anthropic.claude-sonnet-4-5-20250929-v1:0';
const HAIKU_4_5 = 'anthropic.claude-haiku-4-5-20251001-v1:0';
const OPUS_4_1 = 'anthropic.claude-opus-4-1-20250805-v1:0';
const OPUS_4 = 'anthropic.claude-opus-4-20250514-v1:0';
const SONNET_4 = 'anthropic.claude-sonnet-4-20250514-v1:0';
const SONNET_3_7 = 'anthropic.claude-3-7-sonnet-20250219-v1:0';
const HAIKU_3_5 = 'anthropic.claude-3-5-haiku-20241022-v1:0';
const HAIKU_3 = 'anthropic.claude-3-haiku-20240307-v1:0';

const APAC_DESTINATIONS = ['ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3', 'ap-south-1', 'ap-south-2', 'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-4'];
const EU_DESTINATIONS = ['eu-central-1', 'eu-north-1', 'eu-south-1', 'eu-south-2', 'eu-west-1', 'eu-west-3'];

/**
 * Which system inference profiles a source Region has, as the documentation listed them. Only a
 * guess for an account that may not call ListInferenceProfiles: the catalog built from it is marked
 * `fallback`. Destinations differ slightly per model; the widest documented set is kept. Haiku 4.5 is
 * left out of `jp.` because sources disagree on it.
 */
export const FALLBACK_PROFILES = {
  asOf: '2025-12-01',
  source: 'Bedrock User Guide, "Supported Regions and models for inference profiles" (checked 2025-12); AWS Japan blog on jp. cross-Region inference',
  scopes: {
    global: { destinations: [], anyRegion: true, models: [OPUS_4_6, SONNET_4_6, OPUS_4_5, SONNET_4_5, HAIKU_4_5, SONNET_4] },
    jp: { destinations: ['ap-northeast-1', 'ap-northeast-3'], anyRegion: false, models: [OPUS_4_6, SONNET_4_6, SONNET_4_5] },
    apac: { destinations: APAC_DESTINATIONS, anyRegion: false, models: [SONNET_4_5, HAIKU_4_5, SONNET_4, SONNET_3_7, HAIKU_3] },
    au: { destinations: ['ap-southeast-2', 'ap-southeast-4'], anyRegion: false, models: [SONNET_4_5, HAIKU_4_5] },
    us: {
      destinations: ['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2'],
      anyRegion: false,
      models: [OPUS_4_6, SONNET_4_6, OPUS_4_5, SONNET_4_5, HAIKU_4_5, OPUS_4_1, OPUS_4, SONNET_4, SONNET_3_7, HAIKU_3_5, HAIKU_3],
    },
    eu: { destinations: EU_DESTINATIONS, anyRegion: false, models: [SONNET_4_6, OPUS_4_5, SONNET_4_5, HAIKU_4_5, SONNET_4, SONNET_3_7, HAIKU_3] },
  } as Readonly<Record<string, FallbackScope>>,
  sourceRegions: {
    'ap-northeast-1': ['global', 'jp', 'apac'],
    'ap-northeast-3': ['global', 'jp', 'apac'],
    'ap-northeast-2': ['global', 'apac'],
    'ap-south-1': ['global', 'apac'],
    'ap-south-2': ['global', 'apac'],
    'ap-southeast-1': ['global', 'apac'],
    'ap-southeast-2': ['global', 'au'],
    'ap-southeast-4': ['global', 'au'],
    'us-east-1': ['global', 'us'],
    'us-east-2': ['global', 'us'],
    'us-west-1': ['global', 'us'],
    'us-west-2': ['global', 'us'],
    'eu-central-1': ['global', 'eu'],
    'eu-central-2': ['global', 'eu'],
    'eu-north-1': ['global', 'eu'],
    'eu-south-1': ['global', 'eu'],
    'eu-south-2': ['global', 'eu'],
    'eu-west-1': ['global', 'eu'],
    'eu-west-2': ['global', 'eu'],
    'eu-west-3': ['global', 'eu'],
  } as Readonly<Record<string, readonly string[]>>,
} as const;

/** The fallback table's scopes for one source Region (empty when the table does not know it). */
export function fallbackScopesFor(region: string): readonly (FallbackScope & { readonly scope: Scope })[] {
  const scopes = Object.hasOwn(FALLBACK_PROFILES.sourceRegions, region) ? (FALLBACK_PROFILES.sourceRegions[region] ?? []) : [];
  return scopes.flatMap((scope) => {
    const entry = Object.hasOwn(FALLBACK_PROFILES.scopes, scope) ? FALLBACK_PROFILES.scopes[scope] : undefined;
    return entry === undefined ? [] : [{ scope, ...entry }];
  });
}
