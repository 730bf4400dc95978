/**
 * Judging single choices against the effective policy: a Region, a scope, a model in a role, a kind
 * of AWS profile, a place to write. The wizard and the sidebar offer only what is allowed and say why
 * the rest is hidden; evaluation and the writer's check are built from the same judgements.
 */

import type { Scope } from '../models/bedrockTypes';
import { baseModelIdOf, scopeOf } from '../models/catalog';
import type { ChoiceVerdict, EffectivePolicy, ManagedLock, ModelPin, PolicyRule, PolicyRuleName, PolicyViolation, PolicyViolationCode } from './policyTypes';
import { allowedByPatterns, inAvailableModels, modelResidency, scopeResidency } from './policyScopes';
import type { SetupScope } from '../setup/settingsTypes';

/** What a model is configured for: `ANTHROPIC_MODEL`, the Haiku pin (background tasks), the other alias pins. */
export type ModelRole = 'primary' | 'background' | 'sonnet' | 'opus';

/** Profile kinds that sign in through IAM Identity Center. */
export const SSO_PROFILE_KINDS: ReadonlySet<string> = new Set(['sso', 'sso-legacy']);

/** Profile kinds that hold long-lived access keys. */
export const STATIC_KEY_PROFILE_KINDS: ReadonlySet<string> = new Set(['static']);

const ALLOWED: ChoiceVerdict = { allowed: true };

/** A violation of one rule, with the rule's origins. */
export function violationOf<T>(code: PolicyViolationCode, rule: PolicyRuleName, source: PolicyRule<T>, extra: Partial<PolicyViolation> = {}): PolicyViolation {
  return { code, rule, origins: source.origins, ...extra };
}

function verdict(violations: readonly PolicyViolation[]): ChoiceVerdict {
  const first = violations[0];
  return first === undefined ? ALLOWED : { allowed: false, violation: first };
}

/** Claude Code's managed settings lock on a settings key, if any. */
export function lockOf(policy: EffectivePolicy | undefined, key: string): ManagedLock | undefined {
  return policy?.locks.find((lock) => lock.key === key);
}

/** A choice that differs from a managed lock: the plan never writes a locked key, so it would never take effect. */
export function lockViolation(lock: ManagedLock, chosen: string): PolicyViolation {
  return { code: 'managed-lock', rule: 'managedLock', origins: [{ source: 'managed', path: lock.path }], key: lock.key, value: chosen, fix: { key: lock.key, value: lock.value } };
}

/** Whether a value may be chosen for a key that managed settings may lock. */
export function lockVerdict(policy: EffectivePolicy, key: string, value: string): ChoiceVerdict {
  const lock = lockOf(policy, key);
  return lock === undefined || lock.value === value ? ALLOWED : { allowed: false, violation: lockViolation(lock, value) };
}

/** Everything wrong with a Region: not in `allowedRegions`, or outside the residency Regions. */
export function regionViolations(policy: EffectivePolicy, region: string): PolicyViolation[] {
  const found: PolicyViolation[] = [];
  const regions = policy.allowedRegions;
  if (regions !== undefined && !regions.value.includes(region)) found.push(violationOf('region-not-allowed', 'allowedRegions', regions, { value: region, allowed: regions.value }));
  const residency = policy.dataResidency;
  if (residency !== undefined && !residency.value.includes(region)) {
    found.push(violationOf('residency-outside', 'dataResidency', residency, { value: region, allowed: residency.value, outside: [region] }));
  }
  return found;
}

/** Whether the wizard may offer a Region. */
export function regionVerdict(policy: EffectivePolicy, region: string): ChoiceVerdict {
  return verdict(regionViolations(policy, region));
}

/** Everything wrong with a scope: not in `allowedScopes`, or routed outside the residency Regions by its known destinations. */
export function scopeViolations(policy: EffectivePolicy, scope: Scope): PolicyViolation[] {
  const found: PolicyViolation[] = [];
  const scopes = policy.allowedScopes;
  if (scopes !== undefined && !scopes.value.includes(scope)) found.push(violationOf('scope-not-allowed', 'allowedScopes', scopes, { value: scope, allowed: scopes.value }));
  const residency = policy.dataResidency;
  // `in-region` follows the Region (judged there) and `application` each profile (judged with its routes).
  if (residency !== undefined && scope !== 'in-region' && scope !== 'application') {
    const judged = scopeResidency(scope, residency.value);
    if (judged.verdict === 'outside') found.push(violationOf('residency-outside', 'dataResidency', residency, { value: scope, allowed: residency.value, outside: judged.outside }));
    if (judged.verdict === 'unverified') found.push(violationOf('residency-unverified', 'dataResidency', residency, { value: scope, allowed: residency.value }));
  }
  return found;
}

/** Whether the wizard may offer a scope (`jp`, `global`, `in-region`, …). */
export function scopeVerdict(policy: EffectivePolicy, scope: Scope): ChoiceVerdict {
  return verdict(scopeViolations(policy, scope));
}

/** The allow-list a role is held to: the background list for the Haiku pin (default: `allowedModels`). */
export function modelRuleFor(policy: EffectivePolicy, role: ModelRole): { rule: PolicyRule<readonly string[]>; name: PolicyRuleName } | undefined {
  if (role === 'background' && policy.allowedBackgroundModels !== undefined) return { rule: policy.allowedBackgroundModels, name: 'allowedBackgroundModels' };
  return policy.allowedModels === undefined ? undefined : { rule: policy.allowedModels, name: 'allowedModels' };
}

/** Whether a base model (any scope) passes the allow-list of a role and an enforced `availableModels`. */
export function baseModelAllowed(policy: EffectivePolicy, modelId: string, role: ModelRole): boolean {
  const list = modelRuleFor(policy, role);
  if (list !== undefined && !allowedByPatterns(list.rule.value, modelId)) return false;
  const available = policy.availableModels;
  return available === undefined || !available.value.enforced || inAvailableModels(available.value.models, modelId);
}

/**
 * Everything wrong with a model ID in a role: its scope, the allow-list of the role, an enforced
 * `availableModels`, and residency by scope (a bare ID by `region`, when given). IDs that are not model
 * IDs (an alias such as `opus`) are left alone; an application profile is held to residency only.
 */
export function modelViolations(policy: EffectivePolicy, modelId: string, role: ModelRole, region?: string): PolicyViolation[] {
  const scope = scopeOf(modelId);
  if (scope === undefined) return [];
  const found: PolicyViolation[] = [];
  const scopes = policy.allowedScopes;
  if (scopes !== undefined && !scopes.value.includes(scope)) found.push(violationOf('scope-not-allowed', 'allowedScopes', scopes, { value: modelId, allowed: scopes.value }));
  const list = modelRuleFor(policy, role);
  if (list !== undefined && baseModelIdOf(modelId) !== undefined && !allowedByPatterns(list.rule.value, modelId)) {
    found.push(violationOf(role === 'background' ? 'background-model-not-allowed' : 'model-not-allowed', list.name, list.rule, { value: modelId, allowed: list.rule.value }));
  }
  const available = policy.availableModels;
  if (available !== undefined && available.value.enforced && !inAvailableModels(available.value.models, modelId)) {
    found.push(violationOf('not-in-available-models', 'availableModels', available, { value: modelId, allowed: available.value.models }));
  }
  const residency = policy.dataResidency;
  if (residency !== undefined) {
    const judged = modelResidency(modelId, residency.value, region);
    // A bare ID without a known Region is judged with the Region itself, not here.
    const unknownRegion = scope === 'in-region' && judged.verdict === 'unverified';
    if (judged.verdict === 'outside') found.push(violationOf('residency-outside', 'dataResidency', residency, { value: modelId, allowed: residency.value, outside: judged.outside }));
    else if (judged.verdict === 'unverified' && !unknownRegion) found.push(violationOf('residency-unverified', 'dataResidency', residency, { value: modelId, allowed: residency.value }));
  }
  return found;
}

/** Whether the wizard may offer a model ID for a role. An application profile under a residency rule needs `residencyVerdict` with its routes. */
export function modelVerdict(policy: EffectivePolicy, modelId: string, role: ModelRole): ChoiceVerdict {
  return verdict(modelViolations(policy, modelId, role));
}

/** Residency of a model whose routes are known (an application profile from the catalog, a GetInferenceProfile answer). */
export function residencyVerdict(policy: EffectivePolicy, modelId: string, routes: { readonly destinations: readonly string[]; readonly anyRegion: boolean }): ChoiceVerdict {
  const residency = policy.dataResidency;
  if (residency === undefined) return ALLOWED;
  const outside = routes.anyRegion ? ['*'] : routes.destinations.filter((region) => !residency.value.includes(region));
  if (!routes.anyRegion && routes.destinations.length === 0) return verdict([violationOf('residency-unverified', 'dataResidency', residency, { value: modelId, allowed: residency.value })]);
  return verdict(outside.length === 0 ? [] : [violationOf('residency-outside', 'dataResidency', residency, { value: modelId, allowed: residency.value, outside })]);
}

/** Everything wrong with signing in through a kind of AWS profile (`ProfileKind` of profiles.ts). */
export function profileViolations(policy: EffectivePolicy, profileKind: string): PolicyViolation[] {
  const found: PolicyViolation[] = [];
  if (policy.forbidStaticKeys?.value === true && STATIC_KEY_PROFILE_KINDS.has(profileKind)) found.push(violationOf('static-keys-forbidden', 'forbidStaticKeys', policy.forbidStaticKeys, { value: profileKind }));
  if (policy.requireSso?.value === true && !SSO_PROFILE_KINDS.has(profileKind)) found.push(violationOf('sso-required', 'requireSso', policy.requireSso, { value: profileKind }));
  return found;
}

/** Whether the wizard may offer a profile of this kind. */
export function profileVerdict(policy: EffectivePolicy, profileKind: string): ChoiceVerdict {
  return verdict(profileViolations(policy, profileKind));
}

/** Whether a setup may be written to this scope (`user` only when `allowUserScope` is not false). */
export function writeScopeVerdict(policy: EffectivePolicy, scope: SetupScope): ChoiceVerdict {
  const rule = policy.allowUserScope;
  if (scope === 'user' && rule !== undefined && !rule.value) return verdict([violationOf('user-scope-forbidden', 'allowUserScope', rule, { value: scope })]);
  return ALLOWED;
}

/** The settings key of an alias pin. */
export function pinKey(pin: ModelPin): string {
  return `env.ANTHROPIC_DEFAULT_${pin.toUpperCase()}_MODEL`;
}

/** The role a pin's model plays. */
export function pinRole(pin: ModelPin): ModelRole {
  return pin === 'haiku' ? 'background' : pin;
}
