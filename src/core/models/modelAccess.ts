/**
 * Whether one model ID is usable, from the evidence of the access checks: the inference profile
 * (destinations), the base model's availability, and the one-token probe. Only the probe proves
 * access; without it a clean control plane is "unverified", never "accessible".
 */

import { routesOf } from './catalog';
import type { Diagnosis, InferenceProfileRecord, ModelAvailabilityRecord, ProbeRecord, Scope } from './bedrockTypes';

export type AccessState = 'accessible' | 'not-accessible' | 'unverified';

export interface ModelAccessReport {
  /** The ID as it would be written (a `[1m]` suffix kept). */
  readonly modelId: string;
  readonly region: string;
  readonly baseModelId?: string;
  readonly scope?: Scope;
  /** Regions requests may be served in, from the profile's model ARNs. */
  readonly destinations: readonly string[];
  /** A `global.` profile: any commercial region. */
  readonly anyRegion: boolean;
  readonly inferenceProfile?: InferenceProfileRecord;
  readonly availability?: ModelAvailabilityRecord;
  readonly probe?: ProbeRecord;
  readonly probed: boolean;
  readonly diagnoses: readonly Diagnosis[];
  readonly state: AccessState;
}

export interface AccessEvidence {
  readonly modelId: string;
  readonly region: string;
  readonly baseModelId?: string;
  readonly scope?: Scope;
  readonly inferenceProfile?: InferenceProfileRecord;
  readonly availability?: ModelAvailabilityRecord;
  readonly probe?: ProbeRecord;
  readonly probed: boolean;
  /** Diagnoses of failed calls and of availability, in check order. */
  readonly diagnoses: readonly Diagnosis[];
}

/** Codes that say a call could not run (the network, throttling of our own call, a 5xx or unreadable answer): nothing is known either way. */
const INCONCLUSIVE = new Set(['throttled', 'timeout', 'unreachable', 'service-error', 'cancelled']);
/**
 * Codes that, on a read-only check, mean our own permission or an odd answer stopped the check,
 * not the model: the model may still be fine, so they warn instead of failing it.
 */
const INCONCLUSIVE_READ = new Set([...INCONCLUSIVE, 'iam-denied', 'list-profiles-denied', 'unknown']);

function inconclusive(diagnosis: Diagnosis): boolean {
  return diagnosis.operation === 'Converse' ? INCONCLUSIVE.has(diagnosis.code) : INCONCLUSIVE_READ.has(diagnosis.code);
}

/**
 * One diagnosis per cause. A base model the region lacks explains the runtime's "invalid
 * identifier"; otherwise the runtime's words about an ID the region does not list say more than
 * the profile lookup's "not found".
 */
function withoutRepeats(diagnoses: readonly Diagnosis[], modelId: string): Diagnosis[] {
  let kept = [...diagnoses];
  const baseMissing = kept.find((diagnosis) => diagnosis.code === 'model-not-in-region' && diagnosis.operation === 'GetFoundationModelAvailability');
  if (baseMissing) kept = kept.filter((diagnosis) => diagnosis === baseMissing || (diagnosis.code !== 'invalid-identifier' && diagnosis.code !== 'model-not-in-region'));
  else if (kept.some((diagnosis) => diagnosis.code === 'invalid-identifier')) kept = kept.filter((diagnosis) => diagnosis.code !== 'model-not-in-region');
  // Availability (on the base model) and the probe (on the written ID) often say the same thing:
  // keep one per code, preferably the one that names the ID the user chose.
  const byCode = new Map<string, Diagnosis>();
  for (const diagnosis of kept) {
    const seen = byCode.get(diagnosis.code);
    if (!seen || (seen.modelId !== modelId && diagnosis.modelId === modelId)) byCode.set(diagnosis.code, diagnosis);
  }
  return kept.filter((diagnosis) => byCode.get(diagnosis.code) === diagnosis);
}

/** The verdict on one model from its evidence. */
export function assessAccess(evidence: AccessEvidence): ModelAccessReport {
  const diagnoses = withoutRepeats(evidence.diagnoses, evidence.modelId).map((diagnosis) =>
    diagnosis.severity === 'error' && inconclusive(diagnosis) ? { ...diagnosis, severity: 'warning' as const } : diagnosis,
  );
  // A bare ID is served in the region itself; a profile that could not be read routes nowhere we know.
  const route = evidence.inferenceProfile
    ? routesOf(evidence.inferenceProfile.modelArns)
    : { destinations: evidence.scope === 'in-region' ? [evidence.region] : [], anyRegion: false };
  const blocking = diagnoses.some((diagnosis) => diagnosis.severity === 'error');
  const state: AccessState = evidence.probe ? 'accessible' : blocking ? 'not-accessible' : 'unverified';
  return {
    modelId: evidence.modelId,
    region: evidence.region,
    baseModelId: evidence.baseModelId,
    scope: evidence.scope,
    destinations: route.destinations,
    anyRegion: route.anyRegion,
    inferenceProfile: evidence.inferenceProfile,
    availability: evidence.availability,
    probe: evidence.probe,
    probed: evidence.probed,
    diagnoses,
    state,
  };
}
