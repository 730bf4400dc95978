/**
 * The compliant replacement a violation's quick fix names: the same base model in an allowed scope
 * (`jp.` first wherever the policy allows it), or, when the model itself is not allowed, the newest
 * allowed model of its family. Scopes are ranked by whether the bundled profile table lists the model
 * there; the result is a best guess that the account's own listing should confirm.
 */

import type { ModelFamily, Scope } from '../models/bedrockTypes';
import { baseModelIdOf, scopeOf } from '../models/catalog';
import { compareVersions, FALLBACK_PROFILES, MODEL_TABLE, modelFacts } from '../models/modelTable';
import type { EffectivePolicy } from './policyTypes';
import { longContextSuffix } from './policyScopes';
import { baseModelAllowed, modelRuleFor, modelViolations, scopeViolations, type ModelRole } from './policyVerdicts';
import { invokedModelId } from '../residency/residency';
import { REGION_PREFIX_SCOPES } from '../setup/settingsKeys';

/** Scopes tried when the policy names none, most contained first, then the wide ones. */
const PREFERRED_SCOPES: readonly Scope[] = ['jp', 'au', 'us', 'eu', 'ca', 'us-gov', 'apac', 'global', 'in-region'];

/** Scopes a replacement may use, best first: `jp`, then the policy's own order, then the usual ones. */
export function compliantScopes(policy: EffectivePolicy): Scope[] {
  const order = [...new Set(['jp', ...(policy.allowedScopes?.value ?? []), ...PREFERRED_SCOPES])];
  return order.filter((scope) => scope !== 'application' && scopeViolations(policy, scope).length === 0);
}

function plausible(scope: Scope, baseModelId: string): boolean {
  const entry = Object.hasOwn(FALLBACK_PROFILES.scopes, scope) ? FALLBACK_PROFILES.scopes[scope] : undefined;
  return entry?.models.includes(baseModelId) ?? false;
}

function idIn(scope: Scope, baseModelId: string): string {
  return scope === 'in-region' ? baseModelId : `${scope}.${baseModelId}`;
}

/** The scope among `scopes` where the model is most likely offered: the first the table lists it in, else the first. */
function bestScope(scopes: readonly Scope[], baseModelId: string): Scope | undefined {
  return scopes.find((scope) => plausible(scope, baseModelId)) ?? scopes[0];
}

/**
 * The same base model in a scope the policy allows (the ID itself when its scope is allowed); a
 * `[1m]` suffix is kept. Undefined for an application profile or when no scope is allowed.
 */
export function compliantModelId(modelId: string, policy: EffectivePolicy): string | undefined {
  const id = invokedModelId(modelId);
  const base = baseModelIdOf(id);
  const scope = scopeOf(id);
  if (base === undefined || scope === undefined) return undefined;
  if (scopeViolations(policy, scope).length === 0) return modelId.trim();
  const chosen = bestScope(compliantScopes(policy), base);
  return chosen === undefined ? undefined : idIn(chosen, base) + longContextSuffix(modelId);
}

/** Base model IDs of a family the role may use, newest first: the table's and the allow-list's exact entries. */
function familyModels(policy: EffectivePolicy, family: ModelFamily, role: ModelRole): string[] {
  const listed = (modelRuleFor(policy, role)?.rule.value ?? []).filter((entry) => !entry.includes('*')).map((entry) => baseModelIdOf(entry) ?? entry);
  const known = MODEL_TABLE.models.map((model) => model.baseModelId);
  const bases = [...new Set([...known, ...listed])].filter((base) => modelFacts(base).family === family && baseModelAllowed(policy, base, role));
  return bases.sort((a, b) => compareVersions(modelFacts(b).version, modelFacts(a).version) || Number(modelFacts(b).prices !== undefined) - Number(modelFacts(a).prices !== undefined));
}

/**
 * A model ID of a family for a role, in an allowed scope: `preferredScope` when allowed (the primary
 * model's), else the best allowed one; the newest model the bundled table lists in that scope, else
 * the newest allowed. A best guess: the account's listing must confirm it is offered.
 */
export function suggestModel(policy: EffectivePolicy, family: ModelFamily, role: ModelRole, preferredScope?: Scope): string | undefined {
  const allowed = compliantScopes(policy);
  const scopes = preferredScope !== undefined && allowed.includes(preferredScope) ? [preferredScope, ...allowed.filter((scope) => scope !== preferredScope)] : allowed;
  const bases = familyModels(policy, family, role);
  for (const scope of scopes) {
    const base = bases.find((candidate) => plausible(scope, candidate));
    if (base !== undefined) return idIn(scope, base);
  }
  const scope = scopes[0];
  const base = bases[0];
  return scope === undefined || base === undefined ? undefined : idIn(scope, base);
}

/**
 * What a non-compliant model ID should become: the same model in an allowed scope when the model is
 * allowed, else the newest allowed model of its family (in the ID's scope when that is allowed).
 */
export function replacementFor(policy: EffectivePolicy, modelId: string, role: ModelRole): string | undefined {
  const base = baseModelIdOf(invokedModelId(modelId));
  if (base === undefined) return undefined;
  if (baseModelAllowed(policy, base, role)) return compliantModelId(modelId, policy);
  const family = modelFacts(base).family;
  if (family === 'other') return undefined;
  return suggestModel(policy, family, role, scopeOf(invokedModelId(modelId)));
}

/** The model an alias pin should name: the primary model when it is of that family and compliant, else a suggestion. */
export function suggestPin(policy: EffectivePolicy, family: ModelFamily, role: ModelRole, primary?: string, region?: string): string | undefined {
  if (primary !== undefined) {
    const base = baseModelIdOf(invokedModelId(primary));
    if (base !== undefined && modelFacts(base).family === family && modelViolations(policy, primary, role, region).length === 0) return primary;
  }
  return suggestModel(policy, family, role, primary === undefined ? undefined : scopeOf(invokedModelId(primary)));
}

/** The Region a fix should write: the first allowed one that also lies inside the residency Regions. */
export function compliantRegion(policy: EffectivePolicy): string | undefined {
  const residency = policy.dataResidency?.value;
  const allowed = policy.allowedRegions?.value;
  if (allowed !== undefined) return allowed.find((region) => residency === undefined || residency.includes(region));
  return residency?.[0];
}

/** The Region prefix a fix should write: the primary model's scope when it is allowed, else the best allowed prefix. */
export function compliantPrefix(policy: EffectivePolicy, primaryScope?: Scope): string | undefined {
  const scopes = compliantScopes(policy).filter((scope) => REGION_PREFIX_SCOPES.has(scope));
  return primaryScope !== undefined && scopes.includes(primaryScope) ? primaryScope : scopes[0];
}

/** Whether `CLAUDE_CODE_MAX_OUTPUT_TOKENS` as written is a whole number within the limit. */
export function withinLimit(text: string, limit: number): boolean {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return false;
  const tokens = Number(trimmed);
  return tokens >= 1 && tokens <= limit;
}
