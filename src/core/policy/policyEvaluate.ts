/**
 * The compliance check: the workspace's effective Claude settings (merged the way Claude Code merges
 * them) judged against the effective policy. Each violation names the key, its value and the file it
 * comes from, the rule's own sources, and the compliant value where one exists. A value that managed
 * settings set gets no fix: no file the extension writes can change it.
 */

import { scopeOf } from '../models/catalog';
import { effectiveValue } from '../setup/effectiveSetup';
import type { EffectivePolicy, PolicyFix, PolicyViolation } from './policyTypes';
import { defaultRegionPrefix } from './policyScopes';
import { compliantPrefix, compliantRegion, replacementFor, suggestPin, withinLimit } from './policySuggest';
import {
  modelViolations,
  pinKey,
  pinRole,
  profileViolations,
  regionViolations,
  scopeViolations,
  violationOf,
  writeScopeVerdict,
  type ModelRole,
} from './policyVerdicts';
import { BEDROCK_ENV_KEYS } from '../setup/settingsKeys';
import type { EffectiveSetup, EffectiveValue, SetupScope } from '../setup/settingsTypes';

export { checkChoices } from './policyChoices';
export { compliantModelId, compliantPrefix, compliantRegion } from './policySuggest';
export { modelVerdict, profileVerdict, regionVerdict, residencyVerdict, scopeVerdict, writeScopeVerdict, type ModelRole } from './policyVerdicts';

/** Every settings key that names a model Claude Code may invoke, with the role it plays. */
export const MODEL_KEY_ROLES: readonly { readonly key: string; readonly role: ModelRole }[] = [
  { key: 'env.ANTHROPIC_MODEL', role: 'primary' },
  { key: 'model', role: 'primary' },
  { key: 'env.ANTHROPIC_DEFAULT_HAIKU_MODEL', role: 'background' },
  { key: 'env.ANTHROPIC_SMALL_FAST_MODEL', role: 'background' },
  { key: 'env.ANTHROPIC_DEFAULT_SONNET_MODEL', role: 'sonnet' },
  { key: 'env.ANTHROPIC_DEFAULT_OPUS_MODEL', role: 'opus' },
];

/** `env` keys holding long-lived credentials: access keys and a Bedrock API key. */
export const STATIC_CREDENTIAL_ENV_KEYS: readonly string[] = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_BEARER_TOKEN_BEDROCK'];

const ALIAS_PIN_KEYS = ['env.ANTHROPIC_DEFAULT_HAIKU_MODEL', 'env.ANTHROPIC_DEFAULT_SONNET_MODEL', 'env.ANTHROPIC_DEFAULT_OPUS_MODEL'];

const PREFIX_KEY = 'env.ANTHROPIC_BEDROCK_REGION_PREFIX';

/** Whether a policy applies at all: a source with rules, a managed lock, or a policy file that cannot be used. */
export function policyApplies(policy: EffectivePolicy): boolean {
  return policy.sources.some((source) => source.rules.length > 0) || policy.locks.length > 0 || policy.problems.length > 0;
}

/** The `env` keys beyond the Bedrock ones that evaluation must see: pass them to `effectiveSetup` as `extraEnvKeys`. */
export function policyEnvKeys(policy: EffectivePolicy): string[] {
  const bedrock: readonly string[] = BEDROCK_ENV_KEYS;
  const keys = [...policy.requiredEnv.map((rule) => rule.value.key), ...(policy.forbiddenEnv?.value ?? [])];
  return [...new Set(keys)].filter((key) => !bedrock.includes(key));
}

/** Where a violating value sits: the key, its value and file; a fix only for a value the extension may edit. */
function located(value: EffectiveValue | undefined, key: string, fix?: PolicyFix): Partial<PolicyViolation> {
  const place = value === undefined ? { key } : { key: value.key, value: value.value, source: value.source, path: value.path };
  return { ...place, ...(fix === undefined || value?.source === 'managed' ? {} : { fix }) };
}

function withPlace(violations: readonly PolicyViolation[], place: Partial<PolicyViolation>): PolicyViolation[] {
  return violations.map((violation) => ({ ...violation, ...place }));
}

/**
 * Judges the effective setup. `profileKind` is the kind of the AWS profile in use (static keys, SSO, …);
 * `writeScope` where the extension is about to write. Rules about a missing value (a required pin, the
 * output limit, a required `env` value, the Region) apply only to a Bedrock setup.
 */
export function evaluatePolicy(setup: EffectiveSetup, policy: EffectivePolicy, context: { profileKind?: string; writeScope?: SetupScope }): PolicyViolation[] {
  const found: PolicyViolation[] = [];
  const value = (key: string) => effectiveValue(setup, key);
  const regionValue = value('env.AWS_REGION') ?? value('env.AWS_DEFAULT_REGION');
  const region = regionValue?.value;
  const regionFix = (): PolicyFix | undefined => {
    const compliant = compliantRegion(policy);
    return compliant === undefined ? undefined : { key: 'env.AWS_REGION', value: compliant };
  };

  if (region !== undefined) found.push(...withPlace(regionViolations(policy, region), located(regionValue, 'env.AWS_REGION', regionFix())));
  else if (setup.bedrock) {
    // Without AWS_REGION Claude Code falls back to the profile's Region or us-east-1: nothing proves it is allowed.
    const place = located(undefined, 'env.AWS_REGION', regionFix());
    if (policy.allowedRegions !== undefined) found.push(violationOf('region-not-allowed', 'allowedRegions', policy.allowedRegions, { ...place, allowed: policy.allowedRegions.value }));
    else if (policy.dataResidency !== undefined) found.push(violationOf('residency-outside', 'dataResidency', policy.dataResidency, { ...place, allowed: policy.dataResidency.value }));
  }

  for (const { key, role } of MODEL_KEY_ROLES) {
    const pinned = value(key);
    if (pinned === undefined || pinned.value.trim() === '') continue;
    const violations = modelViolations(policy, pinned.value, role, region);
    if (violations.length === 0) continue;
    const replacement = replacementFor(policy, pinned.value, role);
    const fix = replacement === undefined || replacement === pinned.value.trim() ? undefined : { key, value: replacement };
    for (const violation of violations) found.push({ ...violation, ...located(pinned, key, violation.code === 'residency-unverified' ? undefined : fix) });
  }

  const primary = value('env.ANTHROPIC_MODEL')?.value;
  const primaryScope = primary === undefined ? undefined : scopeOf(primary);
  const prefix = value(PREFIX_KEY);
  const prefixFix = (): PolicyFix | undefined => {
    const compliant = compliantPrefix(policy, primaryScope);
    return compliant === undefined ? undefined : { key: PREFIX_KEY, value: compliant };
  };
  if (prefix !== undefined) found.push(...withPlace(scopeViolations(policy, prefix.value.trim()), located(prefix, PREFIX_KEY, prefixFix())));
  else if (setup.bedrock && region !== undefined && ALIAS_PIN_KEYS.some((key) => value(key) === undefined)) {
    // Models Claude Code picks itself (an unpinned alias) get the prefix it derives from the Region: `apac.` in Tokyo.
    const derived = scopeViolations(policy, defaultRegionPrefix(region)).map(({ value: _derived, ...violation }) => violation);
    found.push(...withPlace(derived, located(undefined, PREFIX_KEY, prefixFix())));
  }

  if (setup.bedrock) {
    for (const pin of policy.requiredModelPins?.value ?? []) {
      const key = pinKey(pin);
      if (value(key) !== undefined) continue;
      const suggestion = suggestPin(policy, pin, pinRole(pin), primary, region);
      found.push(violationOf('pin-required', 'requiredModelPins', policy.requiredModelPins!, located(undefined, key, suggestion === undefined ? undefined : { key, value: suggestion })));
    }
  }

  const profile = value('env.AWS_PROFILE');
  if (context.profileKind !== undefined) found.push(...withPlace(profileViolations(policy, context.profileKind), profile === undefined ? {} : located(profile, 'env.AWS_PROFILE')));
  if (policy.forbidStaticKeys?.value === true) {
    for (const name of STATIC_CREDENTIAL_ENV_KEYS) {
      const credential = value(`env.${name}`);
      if (credential !== undefined) found.push(violationOf('static-keys-forbidden', 'forbidStaticKeys', policy.forbidStaticKeys, located(credential, credential.key, { key: credential.key })));
    }
  }

  const limit = policy.maxOutputTokens;
  if (limit !== undefined) {
    const tokens = value('env.CLAUDE_CODE_MAX_OUTPUT_TOKENS');
    const fix = { key: 'env.CLAUDE_CODE_MAX_OUTPUT_TOKENS', value: String(limit.value) };
    if (tokens === undefined) {
      if (setup.bedrock) found.push(violationOf('max-output-tokens-missing', 'maxOutputTokens', limit, { ...located(undefined, fix.key, fix), limit: limit.value }));
    } else if (!withinLimit(tokens.value, limit.value)) {
      found.push(violationOf('max-output-tokens-too-high', 'maxOutputTokens', limit, { ...located(tokens, fix.key, fix), limit: limit.value }));
    }
  }

  for (const rule of policy.requiredEnv) {
    const key = `env.${rule.value.key}`;
    const present = value(key);
    if (present === undefined ? !setup.bedrock : present.secret || present.value === rule.value.value) continue;
    found.push(violationOf('env-required', 'requiredEnv', rule, located(present, key, { key, value: rule.value.value })));
  }
  for (const name of policy.forbiddenEnv?.value ?? []) {
    const present = value(`env.${name}`);
    if (present !== undefined) found.push(violationOf('env-forbidden', 'forbiddenEnv', policy.forbiddenEnv!, located(present, present.key, { key: present.key })));
  }

  if (context.writeScope !== undefined) {
    const scope = writeScopeVerdict(policy, context.writeScope);
    if (!scope.allowed) found.push(scope.violation);
  }
  return found;
}
