/**
 * Data residency as the account answers it: the configured model IDs to resolve, and the
 * violations the answers add to those the static evaluation found (a profile whose destinations
 * left the allowed Regions, or one that could not be verified).
 */

import { effectiveValue } from '../setup/effectiveSetup';
import { MODEL_KEY_ROLES, compliantModelId } from './policyEvaluate';
import type { EffectivePolicy, PolicyViolation, ResidencyCheck } from './policyTypes';
import type { EffectiveSetup } from '../setup/settingsTypes';

/** The model IDs a residency check resolves: every model key of the setup, once per key, with its compliant replacement. */
export function residencyModels(setup: EffectiveSetup, policy: EffectivePolicy): { readonly key: string; readonly modelId: string; readonly replacement?: string }[] {
  return MODEL_KEY_ROLES.flatMap(({ key }) => {
    const value = effectiveValue(setup, key)?.value;
    if (value === undefined || value.trim() === '') return [];
    const replacement = compliantModelId(value, policy);
    return [{ key, modelId: value, ...(replacement === undefined ? {} : { replacement }) }];
  });
}

/**
 * The violations once the account has answered: a static `residency-unverified` (an application
 * profile) gives way to the answer for its key; outside or unverified answers are added unless the
 * static evaluation already flagged the key as outside (a `global.` pin needs no lookup).
 */
export function withResidency(known: readonly PolicyViolation[], checks: readonly ResidencyCheck[], setup: EffectiveSetup, policy: EffectivePolicy): PolicyViolation[] {
  const rule = policy.dataResidency;
  if (rule === undefined) return [...known];
  const answered = new Set(checks.filter((check) => check.verdict !== 'unverified').map((check) => check.key));
  const kept = known.filter((violation) => !(violation.code === 'residency-unverified' && violation.key !== undefined && answered.has(violation.key)));
  const outside = new Set(kept.filter((violation) => violation.rule === 'dataResidency').map((violation) => violation.key));
  const added = checks.flatMap((check): PolicyViolation[] => {
    if (check.verdict === 'inside' || outside.has(check.key)) return [];
    const value = effectiveValue(setup, check.key);
    const place = value ? { key: value.key, value: value.value, source: value.source, path: value.path } : { key: check.key, value: check.modelId };
    const fix = check.replacement !== undefined && value?.source !== 'managed' ? { fix: { key: check.key, value: check.replacement } } : {};
    return [
      {
        code: check.verdict === 'outside' ? 'residency-outside' : 'residency-unverified',
        rule: 'dataResidency',
        origins: rule.origins,
        ...place,
        ...fix,
        allowed: rule.value,
        ...(check.verdict === 'outside' ? { outside: check.outside } : {}),
        ...(check.verdict === 'unverified' && check.error !== undefined ? { lookupError: check.error, ...(check.diagnosis === undefined ? {} : { diagnosis: check.diagnosis }) } : {}),
      },
    ];
  });
  return [...kept, ...added];
}
