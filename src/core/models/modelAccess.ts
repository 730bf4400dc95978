/**
 * Whether one model ID is usable, from the evidence of the access checks: the inference profile
 * (destinations), the base model's availability, and the one-token probe. Only the probe proves
 * access; without it a clean control plane is "unverified", never "accessible".
 */

import { routesOf } from './catalog';
import type { Diagnosis, InferenceProfileRecord, ModelAvailabilityRecord, ProbeRecord, Scope } from './bedrockTypes';
import { failureKey, type Verification } from '../verification/verification';

export type AccessState = 'accessible' | 'not-accessible' | 'unverified';

/** Whether each fact about a model was read in this run. */
export interface AccessFacts {
  /** The inference profile (GetInferenceProfile); not needed for a bare in-region ID. */
  readonly inferenceProfile: 'read' | 'unread' | 'not-needed';
  /** The base model's availability (GetFoundationModelAvailability). */
  readonly availability: 'read' | 'unread';
  /** The one-token probe (Converse). */
  readonly probe: 'answered' | 'failed' | 'not-run';
}

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
  /** What was read in this run. */
  readonly facts: AccessFacts;
  /**
   * The check's state: `ok` when the probe answered, or when availability and the profile were
   * read and say nothing against it (`verifiedBy` tells which); `problem` with a cause;
   * `not-verified` when a call that decides it could not be read (its diagnosis says which and why).
   */
  readonly verification: Verification;
  readonly verifiedBy?: 'probe' | 'control-plane';
  /** For `problem`: whether it blocks Claude Code (an error) or only warns. */
  readonly blocking: boolean;
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
/** AWS answering with its own failure (HTTP 5xx): the call says nothing about the model. */
const SERVER_FAULT = /^(?:HTTP 5\d\d|InternalServer(?:Exception|Error)?|InternalFailure|ServiceUnavailable(?:Exception)?|ServiceFailure)$/;

function serverFault(diagnosis: Diagnosis): boolean {
  return diagnosis.awsCode !== undefined && SERVER_FAULT.test(diagnosis.awsCode);
}

function inconclusive(diagnosis: Diagnosis): boolean {
  if (serverFault(diagnosis)) return true;
  return diagnosis.operation === 'Converse' ? INCONCLUSIVE.has(diagnosis.code) : INCONCLUSIVE_READ.has(diagnosis.code);
}

/** Whether a diagnosis says a call could not be read (rather than what is wrong with the model). */
export function isUnreadCall(diagnosis: Diagnosis): boolean {
  if (diagnosis.operation === 'Converse' && diagnosis.code === 'throttled') return false;
  return inconclusive(diagnosis);
}

/** Codes that say what is wrong with the model, whichever call found it: one line per cause. */
const MODEL_CAUSES = new Set<Diagnosis['code']>([
  'on-demand-not-supported',
  'model-access-not-granted',
  'agreement-pending',
  'marketplace-actions-missing',
  'use-case-form-missing',
  'entitlement-not-available',
  'legacy-model',
  'invalid-identifier',
  'model-not-in-region',
  'region-not-available',
  'scp-denied-region',
]);

/** The order calls are listed in: profile lookup, availability, probe, then any other by name. */
const OPERATION_RANK: Readonly<Record<string, number>> = { GetInferenceProfile: 0, GetFoundationModelAvailability: 1, Converse: 2 };

/** What a diagnosis is about: a model cause is one line whichever call found it; a failed call is its own line. */
function causeKey(diagnosis: Diagnosis): string {
  if (MODEL_CAUSES.has(diagnosis.code) && !serverFault(diagnosis)) return failureKey({ code: diagnosis.code, deniedAction: diagnosis.deniedAction, deniedRegion: diagnosis.deniedRegion });
  return failureKey(diagnosis);
}

/** A total order on diagnoses, so that the same answers give the same list whatever order they arrived in. */
export function compareDiagnoses(a: Diagnosis, b: Diagnosis): number {
  const rank = (diagnosis: Diagnosis) => (diagnosis.operation === undefined ? -1 : (OPERATION_RANK[diagnosis.operation] ?? 3));
  const key = (diagnosis: Diagnosis) => `${diagnosis.operation ?? ''}\u0001${failureKey(diagnosis)}\u0001${diagnosis.detail ?? ''}`;
  return rank(a) - rank(b) || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
}

/**
 * One diagnosis per distinct failure, in a stable order. A base model the region lacks explains
 * the runtime's "invalid identifier"; otherwise the runtime's words about an ID the region does not
 * list say more than the profile lookup's "not found". The same model cause found by two calls is
 * said once (the more severe, preferably naming the ID the user chose); two different failed
 * calls, or two refused IAM actions, stay two.
 */
function withoutRepeats(diagnoses: readonly Diagnosis[], modelId: string): Diagnosis[] {
  let kept = [...diagnoses].sort(compareDiagnoses);
  const baseMissing = kept.find((diagnosis) => diagnosis.code === 'model-not-in-region' && diagnosis.operation === 'GetFoundationModelAvailability');
  if (baseMissing) kept = kept.filter((diagnosis) => diagnosis === baseMissing || (diagnosis.code !== 'invalid-identifier' && diagnosis.code !== 'model-not-in-region'));
  else if (kept.some((diagnosis) => diagnosis.code === 'invalid-identifier')) kept = kept.filter((diagnosis) => diagnosis.code !== 'model-not-in-region');
  const better = (candidate: Diagnosis, seen: Diagnosis) => {
    const score = (diagnosis: Diagnosis) => (diagnosis.severity === 'error' ? 2 : 0) + (diagnosis.modelId === modelId ? 1 : 0);
    return score(candidate) > score(seen);
  };
  const byCause = new Map<string, Diagnosis>();
  for (const diagnosis of kept) {
    const key = causeKey(diagnosis);
    const seen = byCause.get(key);
    if (!seen || better(diagnosis, seen)) byCause.set(key, diagnosis);
  }
  return kept.filter((diagnosis) => byCause.get(causeKey(diagnosis)) === diagnosis);
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
  const facts: AccessFacts = {
    inferenceProfile: evidence.scope === 'in-region' ? 'not-needed' : evidence.inferenceProfile ? 'read' : 'unread',
    availability: evidence.availability ? 'read' : 'unread',
    probe: evidence.probe ? 'answered' : evidence.probed ? 'failed' : 'not-run',
  };
  // A fact not read counts as unread unless a verified cause from the same call explains it (a throttled probe proves access).
  const explained = (operation: string) => diagnoses.some((diagnosis) => diagnosis.operation === operation && !isUnreadCall(diagnosis));
  const unread =
    diagnoses.some(isUnreadCall) ||
    (facts.inferenceProfile === 'unread' && !explained('GetInferenceProfile')) ||
    (facts.availability === 'unread' && !explained('GetFoundationModelAvailability')) ||
    (facts.probe === 'failed' && !explained('Converse'));
  const verification: Verification = blocking ? 'problem' : evidence.probe ? 'ok' : unread ? 'not-verified' : diagnoses.length > 0 ? 'problem' : 'ok';
  const verifiedBy = verification === 'ok' ? (evidence.probe ? 'probe' : 'control-plane') : undefined;
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
    facts,
    verification,
    ...(verifiedBy ? { verifiedBy } : {}),
    blocking,
  };
}
