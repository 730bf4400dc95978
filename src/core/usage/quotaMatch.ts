/**
 * Finds the Bedrock quotas that count each configured model's traffic in one Service Quotas listing:
 * by the dated code table where it knows the code, by a tolerant reading of the quota's name
 * otherwise (AWS renamed the quotas at least twice while their codes stayed, and new models bring
 * codes no table knows yet).
 */

import type { ModelFamily } from '../models/bedrockTypes';
import { baseModelIdOf, scopeOf } from '../models/catalog';
import { isLongContext } from '../models/contextWindow';
import { compareVersions, modelFacts } from '../models/modelTable';
import { quotaCodeEntry } from './quotaCatalog';
import {
  OPEN_REQUEST_STATUSES,
  type ModelQuota,
  type ModelQuotas,
  type QuotaListing,
  type QuotaMeasure,
  type QuotaRequestRecord,
  type QuotaRouting,
  type ServiceQuotaRecord,
} from './quotaTypes';

// ---------------------------------------------------------------------------------------------
// Routing of a configured ID

/** The quota routing of a model ID: `global.` → global, a geographic prefix → cross-region, a bare ID or foundation-model ARN → on-demand. */
export function quotaRoutingOf(modelId: string): QuotaRouting | undefined {
  // scopeOf strips a `[1m]` suffix itself: the routing of the 1M variant is that of the ID.
  const scope = scopeOf(modelId);
  if (scope === undefined || scope === 'application') return undefined;
  if (scope === 'global') return 'global';
  if (scope === 'in-region') return 'on-demand';
  return 'cross-region';
}

// ---------------------------------------------------------------------------------------------
// Quota names

/** What a Bedrock quota's name says: the measure, the routing, the 1M variant, and the model part. */
export interface ParsedQuotaName {
  readonly measure: QuotaMeasure;
  readonly routing: QuotaRouting;
  readonly longContext: boolean;
  /** The model part as written, suffixes removed: `Anthropic Claude Sonnet 4.5 V1`. */
  readonly modelName: string;
}

const DOUBLED_SUFFIX = /\s*\(\s*doubled for cross[- ]?region calls?\s*\)\s*$/i;
/** "… V1 1M Context Length" (new style) and "… (1M context length)" (old style). */
const LONG_CONTEXT_SUFFIXES = [/\s*\(\s*1m[- ]context(?:[- ]length)?\s*\)\s*$/i, /\s*[-–,]?\s*\b1m[- ]context(?:[- ]length)?\s*$/i];

/**
 * Rate quotas. New style: "Cross-region model inference tokens per minute for …", "Global cross-region
 * model inference requests per minute for …", "On-demand model inference …". Old style: "Cross-Region
 * InvokeModel tokens per minute for …", "On-demand InvokeModel …". Anything between the routing and
 * the measure other than these words (latency-optimized, batch, provisioned) is another quota.
 */
const RATE_NAME = /^(?:(global)\s+)?(cross[- ]?region|on[- ]?demand)\s+(?:model\s+inference|invoke\s*model)\s+(tokens|requests)\s+per\s+minute\s+for\s+(.+)$/i;
/** Day quotas: "Model invocation max tokens per day for …" (new), "Max tokens per day for …" (old). */
const DAY_NAME = /^(?:model\s+invocation\s+)?max(?:imum)?\s+tokens\s+per\s+day\s+for\s+(.+)$/i;
const CLAUDE_WORD = /\bclaude\b/i;

/** The name with its trailing qualifiers removed, and whether one of them marked the 1M variant. */
function stripQualifiers(name: string): { rest: string; longContext: boolean } {
  let rest = name.trim().replace(/\s+/g, ' ');
  let longContext = false;
  for (let changed = true; changed; ) {
    changed = false;
    const withoutDoubled = rest.replace(DOUBLED_SUFFIX, '');
    if (withoutDoubled !== rest) {
      rest = withoutDoubled;
      changed = true;
    }
    for (const suffix of LONG_CONTEXT_SUFFIXES) {
      const withoutSuffix = rest.replace(suffix, '');
      if (withoutSuffix !== rest) {
        rest = withoutSuffix;
        longContext = true;
        changed = true;
      }
    }
  }
  return { rest: rest.trim(), longContext };
}

/** Reads a Claude inference quota's name (TPM, RPM or tokens per day, either naming style); undefined for any other quota. */
export function parseQuotaName(name: string): ParsedQuotaName | undefined {
  const { rest, longContext } = stripQualifiers(name);
  const rate = RATE_NAME.exec(rest);
  if (rate !== null) {
    const isGlobal = rate[1] !== undefined;
    const crossRegion = /^cross/i.test(rate[2]!);
    if (isGlobal && !crossRegion) return undefined; // "Global on-demand" is no routing AWS has
    const modelName = rate[4]!.trim();
    if (!CLAUDE_WORD.test(modelName)) return undefined;
    return {
      measure: rate[3]!.toLowerCase() === 'tokens' ? 'tokens-per-minute' : 'requests-per-minute',
      routing: isGlobal ? 'global' : crossRegion ? 'cross-region' : 'on-demand',
      longContext,
      modelName,
    };
  }
  const day = DAY_NAME.exec(rest);
  if (day !== null) {
    const modelName = day[1]!.trim();
    if (!CLAUDE_WORD.test(modelName)) return undefined;
    // One tokens-per-day value is shared by every routing of the model ("doubled for cross-region
    // calls"): the name names no routing, so it is read as on-demand here and matchModelQuotas
    // attaches it to every routing.
    return { measure: 'tokens-per-day', routing: 'on-demand', longContext, modelName };
  }
  return undefined;
}

/** What a model name ("Anthropic Claude 3.5 Sonnet V2", "Claude Opus 4.7") says. */
interface NamedModel {
  readonly family: ModelFamily;
  /** `4.5`, `3.5`; empty when the name has no number. */
  readonly version: string;
  /** `1` for "V1", `2.1` for "V2.1"; undefined without a revision. */
  readonly revision?: string;
  /** Words other than the family ("instant"), sorted. */
  readonly words: readonly string[];
}

const FAMILIES: readonly ModelFamily[] = ['opus', 'sonnet', 'haiku'];

function parseModelName(modelName: string): NamedModel | undefined {
  const text = stripQualifiers(modelName).rest.toLowerCase();
  const at = text.search(CLAUDE_WORD);
  if (at < 0) return undefined;
  const numbers: string[] = [];
  const words: string[] = [];
  let revision: string | undefined;
  for (const token of text.slice(at + 'claude'.length).split(/[\s,]+/)) {
    if (token === '') continue;
    if (/^\d+(?:[.-]\d+)*$/.test(token)) {
      numbers.push(...token.split(/[.-]/).map((part) => String(Number(part))));
      continue;
    }
    const revisionMatch = /^v(\d+(?:[.:]\d+)*)$/.exec(token);
    if (revisionMatch !== null) {
      revision = revisionMatch[1]!.replace(/:/g, '.');
      continue;
    }
    words.push(token);
  }
  const family = FAMILIES.find((candidate) => words.includes(candidate)) ?? 'other';
  return {
    family,
    version: numbers.join('.'),
    ...(revision === undefined ? {} : { revision }),
    words: words.filter((word) => word !== family && word !== 'anthropic').sort(),
  };
}

/** The revision of a base model ID (`…-v2:0` → 2); a Claude ID without one is revision 1. */
function revisionOfId(baseModelId: string): string {
  return /-v(\d+)(?::\d+)*$/i.exec(baseModelId.replace(/\[1m\]$/i, ''))?.[1] ?? '1';
}

function major(revision: string | undefined): string {
  return String(Number((revision ?? '1').split('.')[0]));
}

/** Whether a quota name's model part names the model of a base ID (family, version and revision; "V2" of 3.5 Sonnet is another model). */
export function quotaNameMatchesModel(modelName: string, baseModelId: string): boolean {
  const named = parseModelName(modelName);
  if (named === undefined) return false;
  const facts = modelFacts(baseModelId);
  // The facts' name gives the model's extra words ("Claude Instant"); family and version come from the facts themselves.
  const own = parseModelName(facts.name);
  if (own === undefined || named.family !== facts.family) return false;
  if (named.words.join(' ') !== own.words.join(' ')) return false;
  if (facts.family === 'other') {
    // Old IDs (`anthropic.claude-v2:1`, "Claude V2.1") carry their version in what looks like a
    // revision, unless a word names the model ("Claude Instant V1"): as parseClaudeModelId reads them.
    const namedVersion = named.version !== '' ? named.version : named.words.length === 0 ? (named.revision ?? '') : '';
    return compareVersions(namedVersion, facts.version) === 0;
  }
  // compareVersions treats an empty version as older than any other, so "Claude Sonnet" is not Sonnet 4.5.
  if (compareVersions(named.version, facts.version) !== 0) return false;
  return major(named.revision) === major(revisionOfId(baseModelId));
}

// ---------------------------------------------------------------------------------------------
// Matching a listing

const ROUTINGS: readonly QuotaRouting[] = ['global', 'cross-region', 'on-demand'];
const MEASURES: readonly QuotaMeasure[] = ['tokens-per-minute', 'requests-per-minute', 'tokens-per-day'];

interface ListedQuota {
  readonly code: string;
  readonly applied?: ServiceQuotaRecord;
  readonly defaults?: ServiceQuotaRecord;
}

/** Every listed code once, in listing order (applied first), with its applied and default records. */
function indexListing(listing: QuotaListing): readonly ListedQuota[] {
  const byCode = new Map<string, { applied?: ServiceQuotaRecord; defaults?: ServiceQuotaRecord }>();
  for (const record of listing.applied) {
    const entry = byCode.get(record.code) ?? {};
    entry.applied ??= record;
    byCode.set(record.code, entry);
  }
  for (const record of listing.defaults) {
    const entry = byCode.get(record.code) ?? {};
    entry.defaults ??= record;
    byCode.set(record.code, entry);
  }
  return [...byCode].map(([code, records]) => ({ code, ...records }));
}

const OPEN_STATUSES = new Set(OPEN_REQUEST_STATUSES.map((status) => status.toUpperCase()));

/** Open increase requests for one code, newest first (undated ones last, in listing order). */
function pendingFor(code: string, requests: readonly QuotaRequestRecord[]): QuotaRequestRecord[] {
  return requests
    .filter((request) => request.code === code && OPEN_STATUSES.has(request.status.toUpperCase()))
    .sort((a, b) => {
      if (a.created === undefined || b.created === undefined) return Number(a.created === undefined) - Number(b.created === undefined);
      return b.created - a.created;
    });
}

/** Order of quotas: the preferred one of a routing, measure and context first (see preferred). */
function compareQuotas(a: ModelQuota, b: ModelQuota): number {
  return (
    ROUTINGS.indexOf(a.routing) - ROUTINGS.indexOf(b.routing) ||
    MEASURES.indexOf(a.measure) - MEASURES.indexOf(b.measure) ||
    Number(a.longContext) - Number(b.longContext) ||
    preferenceOrder(a, b)
  );
}

/**
 * Between two quotas of the same slot: the code-table match first (a name match of the same slot is
 * most likely a stale or renamed record), then the lower value (the tighter limit throttles first).
 */
function preferenceOrder(a: ModelQuota, b: ModelQuota): number {
  return (
    Number(a.matchedBy === 'name') - Number(b.matchedBy === 'name') ||
    a.value - b.value ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)
  );
}

function quotasOf(baseModelId: string, listed: readonly ListedQuota[], requests: readonly QuotaRequestRecord[]): ModelQuota[] {
  const quotas: ModelQuota[] = [];
  for (const { code, applied, defaults } of listed) {
    const record = (applied ?? defaults)!;
    const base = {
      code,
      name: record.name,
      value: record.value,
      ...(defaults === undefined ? {} : { defaultValue: defaults.value }),
      adjustable: record.adjustable,
      pending: pendingFor(code, requests),
    };
    const known = quotaCodeEntry(code);
    if (known !== undefined) {
      // A code the table knows belongs to the table's model even when its listed name says another
      // model: names were renamed and mis-typed over time, codes were not.
      if (known.baseModelId === baseModelId) {
        quotas.push({ ...base, measure: known.measure, routing: known.routing, longContext: known.longContext, matchedBy: 'code' });
      }
      continue;
    }
    const parsed = [applied?.name, defaults?.name].flatMap((name) => {
      const result = name === undefined ? undefined : parseQuotaName(name);
      return result === undefined ? [] : [result];
    })[0];
    if (parsed === undefined || !quotaNameMatchesModel(parsed.modelName, baseModelId)) continue;
    // The day quota is shared by every routing: one entry per routing, so filtering on the model's own routing finds it.
    const routings = parsed.measure === 'tokens-per-day' ? ROUTINGS : [parsed.routing];
    for (const routing of routings) {
      quotas.push({ ...base, measure: parsed.measure, routing, longContext: parsed.longContext, matchedBy: 'name' });
    }
  }
  return quotas.sort(compareQuotas);
}

/** The quotas of each configured model ID (order kept, duplicates once): by known code, else by name, of every routing of its base model. */
export function matchModelQuotas(modelIds: readonly string[], listing: QuotaListing): ModelQuotas[] {
  const listed = indexListing(listing);
  const seen = new Set<string>();
  const result: ModelQuotas[] = [];
  for (const modelId of modelIds) {
    if (seen.has(modelId)) continue;
    seen.add(modelId);
    const baseModelId = baseModelIdOf(modelId);
    const routing = quotaRoutingOf(modelId);
    result.push({
      modelId,
      ...(baseModelId === undefined ? {} : { baseModelId }),
      ...(routing === undefined ? {} : { routing }),
      // An application profile hides its base model: its quotas cannot be told without a lookup.
      quotas: baseModelId === undefined ? [] : quotasOf(baseModelId, listed, listing.requests),
    });
  }
  return result;
}

/** The quota of one routing and measure; with longContext the 1M variant, or the standard quota when none is listed. */
export function quotaFor(model: ModelQuotas, routing: QuotaRouting, measure: QuotaMeasure, longContext = false): ModelQuota | undefined {
  const best = (wantLong: boolean): ModelQuota | undefined =>
    model.quotas
      .filter((quota) => quota.routing === routing && quota.measure === measure && quota.longContext === wantLong)
      .reduce<ModelQuota | undefined>((chosen, quota) => (chosen === undefined || preferenceOrder(quota, chosen) < 0 ? quota : chosen), undefined);
  return (longContext ? best(true) : undefined) ?? best(false);
}

/** The quota of the model's own routing; longContext defaults to whether the configured ID ends in `[1m]`. */
export function ownQuota(model: ModelQuotas, measure: QuotaMeasure, options?: { readonly longContext?: boolean }): ModelQuota | undefined {
  if (model.routing === undefined) return undefined;
  return quotaFor(model, model.routing, measure, options?.longContext ?? isLongContext(model.modelId));
}

/**
 * The quotas of a model for a table: the day quota counts every routing and is matched once per
 * routing, so it appears once, in the model's own routing where it has one.
 */
export function quotasForDisplay(model: ModelQuotas): ModelQuota[] {
  const shown = new Set<string>();
  const ownFirst = [...model.quotas].sort((a, b) => Number(b.routing === model.routing) - Number(a.routing === model.routing));
  const kept = new Set(ownFirst.filter((quota) => quota.measure !== 'tokens-per-day' || (!shown.has(quota.code) && shown.add(quota.code))));
  return model.quotas.filter((quota) => kept.has(quota));
}
