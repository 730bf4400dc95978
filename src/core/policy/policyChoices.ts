/**
 * The writer's check: the choices of a setup judged against the policy before anything is written
 * (extension and CLI alike). Everything the plan would write is judged as chosen; a managed lock is
 * never overwritten, so a choice that differs from one is a `managed-lock` violation, and what a lock
 * already sets (a pin, the output limit, the Region prefix) counts as set.
 */

import { scopeOf } from '../models/catalog';
import type { EffectivePolicy, PolicyViolation } from './policyTypes';
import { defaultRegionPrefix } from './policyScopes';
import { compliantPrefix, compliantRegion, replacementFor, suggestPin, withinLimit } from './policySuggest';
import { lockViolation, modelViolations, pinKey, pinRole, profileViolations, regionViolations, scopeViolations, violationOf, writeScopeVerdict, type ModelRole } from './policyVerdicts';
import { REGION_PREFIX_SCOPES } from '../setup/settingsKeys';
import type { SetupChoices } from '../setup/settingsTypes';

const PREFIX_KEY = 'env.ANTHROPIC_BEDROCK_REGION_PREFIX';
const TOKENS_KEY = 'env.CLAUDE_CODE_MAX_OUTPUT_TOKENS';

/** The `env` values a plan of these choices writes (as planSetup writes them). */
export function choiceWrites(choices: SetupChoices): Map<string, string> {
  const writes = new Map<string, string>([
    ['env.CLAUDE_CODE_USE_BEDROCK', '1'],
    ['env.AWS_REGION', choices.region],
    ['env.ANTHROPIC_MODEL', choices.primaryModel],
    ['env.AWS_PROFILE', choices.profile],
  ]);
  const scope = scopeOf(choices.primaryModel);
  if (scope !== undefined && REGION_PREFIX_SCOPES.has(scope)) writes.set(PREFIX_KEY, scope);
  if (choices.backgroundModel !== undefined) writes.set('env.ANTHROPIC_DEFAULT_HAIKU_MODEL', choices.backgroundModel);
  if (choices.sonnetModel !== undefined) writes.set('env.ANTHROPIC_DEFAULT_SONNET_MODEL', choices.sonnetModel);
  if (choices.opusModel !== undefined) writes.set('env.ANTHROPIC_DEFAULT_OPUS_MODEL', choices.opusModel);
  if (choices.maxOutputTokens !== undefined) writes.set(TOKENS_KEY, String(choices.maxOutputTokens));
  return writes;
}

const MODEL_CHOICES: readonly { readonly key: string; readonly role: ModelRole; readonly pick: (choices: SetupChoices) => string | undefined }[] = [
  { key: 'env.ANTHROPIC_MODEL', role: 'primary', pick: (choices) => choices.primaryModel },
  { key: 'env.ANTHROPIC_DEFAULT_HAIKU_MODEL', role: 'background', pick: (choices) => choices.backgroundModel },
  { key: 'env.ANTHROPIC_DEFAULT_SONNET_MODEL', role: 'sonnet', pick: (choices) => choices.sonnetModel },
  { key: 'env.ANTHROPIC_DEFAULT_OPUS_MODEL', role: 'opus', pick: (choices) => choices.opusModel },
];

/**
 * Every way a plan of these choices would break the policy; empty means the writer may go ahead.
 * `profileKind` is the chosen profile's kind; without it `ssoProfile` decides whether SSO is used.
 * A `residency-unverified` violation (an application profile) may be dropped by a caller that has
 * looked the profile up and found it inside.
 */
export function checkChoices(choices: SetupChoices, policy: EffectivePolicy, context: { profileKind?: string }): PolicyViolation[] {
  const found: PolicyViolation[] = [];
  const writes = choiceWrites(choices);
  const locks = new Map(policy.locks.map((lock) => [lock.key, lock]));
  for (const [key, chosen] of writes) {
    const lock = locks.get(key);
    if (lock !== undefined && lock.value !== chosen) found.push(lockViolation(lock, chosen));
  }
  const isSet = (key: string) => writes.has(key) || locks.has(key);

  const regionFix = compliantRegion(policy);
  const region = choices.region;
  found.push(...regionViolations(policy, region).map((violation) => ({ ...violation, key: 'env.AWS_REGION', ...(regionFix === undefined ? {} : { fix: { key: 'env.AWS_REGION', value: regionFix } }) })));

  for (const { key, role, pick } of MODEL_CHOICES) {
    const chosen = pick(choices);
    if (chosen === undefined) continue;
    const replacement = replacementFor(policy, chosen, role);
    const fix = replacement === undefined || replacement === chosen.trim() ? undefined : { key, value: replacement };
    for (const violation of modelViolations(policy, chosen, role, region)) {
      found.push({ ...violation, key, ...(fix === undefined || violation.code === 'residency-unverified' ? {} : { fix }) });
    }
  }

  // A prefix the plan derives from the primary is judged with the primary; one locked, or derived by Claude Code, is judged here.
  const primaryScope = scopeOf(choices.primaryModel);
  const prefixLock = locks.get(PREFIX_KEY);
  const unpinned = MODEL_CHOICES.slice(1).some(({ key }) => !isSet(key));
  const prefix = prefixLock?.value ?? (writes.has(PREFIX_KEY) || !unpinned ? undefined : defaultRegionPrefix(region));
  if (prefix !== undefined) {
    const fix = compliantPrefix(policy, primaryScope);
    for (const { value: _prefix, ...violation } of scopeViolations(policy, prefix)) {
      found.push({ ...violation, key: PREFIX_KEY, ...(prefixLock === undefined ? {} : { value: prefixLock.value }), ...(fix === undefined || prefixLock !== undefined ? {} : { fix: { key: PREFIX_KEY, value: fix } }) });
    }
  }

  for (const pin of policy.requiredModelPins?.value ?? []) {
    const key = pinKey(pin);
    if (isSet(key)) continue;
    const suggestion = suggestPin(policy, pin, pinRole(pin), choices.primaryModel, region);
    found.push(violationOf('pin-required', 'requiredModelPins', policy.requiredModelPins!, { key, ...(suggestion === undefined ? {} : { fix: { key, value: suggestion } }) }));
  }

  const limit = policy.maxOutputTokens;
  if (limit !== undefined) {
    const tokens = writes.get(TOKENS_KEY) ?? locks.get(TOKENS_KEY)?.value;
    const fix = { key: TOKENS_KEY, value: String(limit.value) };
    if (tokens === undefined) found.push(violationOf('max-output-tokens-missing', 'maxOutputTokens', limit, { key: TOKENS_KEY, fix, limit: limit.value }));
    else if (!withinLimit(tokens, limit.value)) found.push(violationOf('max-output-tokens-too-high', 'maxOutputTokens', limit, { key: TOKENS_KEY, value: tokens, fix, limit: limit.value }));
  }

  // The caller's profile kind wins over the SSO flag of the choices.
  const kind = context.profileKind ?? (choices.ssoProfile ? 'sso' : undefined);
  const credentials = kind !== undefined ? profileViolations(policy, kind) : policy.requireSso?.value === true ? [violationOf('sso-required', 'requireSso', policy.requireSso)] : [];
  found.push(...credentials.map((violation) => ({ ...violation, key: 'env.AWS_PROFILE', value: choices.profile })));

  const scope = writeScopeVerdict(policy, choices.scope);
  if (!scope.allowed) found.push(scope.violation);

  for (const rule of policy.requiredEnv) {
    const key = `env.${rule.value.key}`;
    const written = writes.get(key);
    if (written !== undefined && written !== rule.value.value) found.push(violationOf('env-required', 'requiredEnv', rule, { key, value: written, fix: { key, value: rule.value.value } }));
  }
  for (const name of policy.forbiddenEnv?.value ?? []) {
    const key = `env.${name}`;
    const written = writes.get(key);
    if (written !== undefined) found.push(violationOf('env-forbidden', 'forbiddenEnv', policy.forbiddenEnv!, { key, value: written, fix: { key } }));
  }
  return found;
}
