/**
 * What a policy needs to know about a model ID without asking AWS: where its scope routes (from
 * the bundled profile and Region tables), whether that lies inside the allowed Regions, and whether
 * it matches an allow-list (policy patterns) or Claude Code's `availableModels` entries.
 */

import type { Scope } from '../models/bedrockTypes';
import { baseModelIdOf, routesOf, scopeOf } from '../models/catalog';
import { FALLBACK_PROFILES, modelFacts } from '../models/modelTable';
import { CLAUDE_REGIONS } from '../regions/regions';
import { invokedModelId, outsideOf } from '../residency/residency';

/** What `"dataResidency": "japan"` stands for: Tokyo and Osaka. */
export const JAPAN_REGIONS: readonly string[] = ['ap-northeast-1', 'ap-northeast-3'];

const LONG_CONTEXT_SUFFIX = /\[1m\]$/i;

/** `[1m]` when the ID asks for the 1M-token context, so a replacement keeps asking for it. */
export function longContextSuffix(modelId: string): string {
  return LONG_CONTEXT_SUFFIX.exec(modelId.trim())?.[0] ?? '';
}

/**
 * Where a scope routes, as far as the bundled tables know: `global` anywhere, a geographic scope to
 * the Regions the fallback profile table (else the Region table's geography) lists. Undefined for
 * `in-region` and `application` (they depend on the Region or the profile) and for unknown scopes.
 */
export function scopeRoutes(scope: Scope): { readonly destinations: readonly string[]; readonly anyRegion: boolean } | undefined {
  if (scope === 'global') return { destinations: [], anyRegion: true };
  const fallback = Object.hasOwn(FALLBACK_PROFILES.scopes, scope) ? FALLBACK_PROFILES.scopes[scope] : undefined;
  if (fallback !== undefined) return { destinations: fallback.destinations, anyRegion: fallback.anyRegion };
  const regions = CLAUDE_REGIONS.regions.filter((region) => region.geography === scope).map((region) => region.code);
  return regions.length > 0 ? { destinations: regions, anyRegion: false } : undefined;
}

/** The prefix Claude Code derives from the Region when `ANTHROPIC_BEDROCK_REGION_PREFIX` is not set. */
export function defaultRegionPrefix(region: string): Scope {
  if (region.startsWith('us-gov-')) return 'us-gov';
  if (region.startsWith('us-')) return 'us';
  if (region.startsWith('eu-')) return 'eu';
  if (region.startsWith('ap-')) return 'apac';
  return 'global';
}

export interface StaticResidency {
  readonly verdict: 'inside' | 'outside' | 'unverified';
  /** Destinations outside the allowed Regions; `*` for any Region. */
  readonly outside: readonly string[];
}

/** Residency of a scope (not a model): `in-region` is judged by `region`, `application` is unverified. */
export function scopeResidency(scope: Scope, allowedRegions: readonly string[], region?: string): StaticResidency {
  if (scope === 'in-region') {
    if (region === undefined || region === '') return { verdict: 'unverified', outside: [] };
    const outside = outsideOf({ destinations: [region], anyRegion: false }, allowedRegions);
    return { verdict: outside.length > 0 ? 'outside' : 'inside', outside };
  }
  const routes = scope === 'application' ? undefined : scopeRoutes(scope);
  if (routes === undefined) return { verdict: 'unverified', outside: [] };
  const outside = outsideOf(routes, allowedRegions);
  return { verdict: outside.length > 0 ? 'outside' : 'inside', outside };
}

/**
 * Residency of a model ID judged by its scope alone: a bare ID (or foundation-model ARN) runs in its
 * Region, a system profile where its scope routes, an application profile needs a lookup.
 */
export function modelResidency(modelId: string, allowedRegions: readonly string[], region?: string): StaticResidency {
  const id = invokedModelId(modelId);
  const scope = scopeOf(id);
  if (scope === undefined) return { verdict: 'unverified', outside: [] };
  if (scope === 'in-region' && id.startsWith('arn:')) {
    const own = routesOf([id]).destinations[0];
    return scopeResidency(scope, allowedRegions, own ?? region);
  }
  return scopeResidency(scope, allowedRegions, region);
}

/** Whether one allow-list entry (an ID, or a prefix ending in `*`) covers a model ID: its base ID or the ID as written. */
export function patternMatches(pattern: string, modelId: string): boolean {
  const id = invokedModelId(modelId);
  const candidates = [id, baseModelIdOf(id)].filter((candidate): candidate is string => candidate !== undefined);
  if (pattern.endsWith('*')) return candidates.some((candidate) => candidate.startsWith(pattern.slice(0, -1)));
  return candidates.includes(pattern);
}

/** Whether an allow-list covers a model ID. */
export function allowedByPatterns(patterns: readonly string[], modelId: string): boolean {
  return patterns.some((pattern) => patternMatches(pattern, modelId));
}

/** True when every ID `inner` covers is covered by `outer` as well. */
export function patternWithin(inner: string, outer: string): boolean {
  if (!outer.endsWith('*')) return inner === outer;
  return inner.startsWith(outer.slice(0, -1));
}

/** The IDs two allow-lists both cover, as one allow-list (for prefixes, the longer one of a nested pair). */
export function intersectPatterns(a: readonly string[], b: readonly string[]): string[] {
  const result = new Set<string>();
  for (const left of a) {
    for (const right of b) {
      if (patternWithin(left, right)) result.add(left);
      else if (patternWithin(right, left)) result.add(right);
    }
  }
  return [...result];
}

const FAMILY_ALIASES = new Set(['opus', 'sonnet', 'haiku']);

/**
 * Whether Claude Code's `availableModels` lets a model through, approximating its matching: a family
 * alias (`opus`) covers the family, other entries match the ID, its base ID or the name without the
 * provider (`claude-opus-4-5`, `opus-4-5`) as a prefix ending at a `-` or the end.
 */
export function inAvailableModels(entries: readonly string[], modelId: string): boolean {
  const id = invokedModelId(modelId).toLowerCase();
  const base = baseModelIdOf(id);
  const family = base === undefined ? undefined : modelFacts(base).family;
  const names = [id, ...(base === undefined ? [] : [base, base.replace(/^[a-z0-9-]+\./, ''), base.replace(/^[a-z0-9-]+\.claude-/, '')])];
  return entries.some((raw) => {
    const entry = raw.trim().toLowerCase();
    if (FAMILY_ALIASES.has(entry)) return family === entry;
    return names.some((name) => name === entry || (name.startsWith(entry) && /^[-:@]/.test(name.slice(entry.length))));
  });
}
