/**
 * What went wrong in Claude Code's own sessions, as the extension's diagnoses: each error record
 * becomes the diagnosis a live check would give the same AWS error (same cause, same fix), grouped
 * by cause and model with a count and the time last seen. Only the kinds a setup can act on are
 * kept — throttling, invalid or unsupported model IDs, on-demand throughput, access denied, expired
 * or missing credentials, max_tokens refused; other API errors (an overloaded service, a network
 * failure) are only counted. Where Claude Code told the user to switch to a model the organisation
 * policy forbids, the finding carries the policy's verdict and the compliant model instead. Pure.
 */

import type { Diagnosis, DiagnosisCode } from '../models/bedrockTypes';
import { diagnoseAwsError, suggestProfileIds, throttleKind } from '../models/diagnosis';
import type { EffectivePolicy, PolicyViolation } from '../policy/policyTypes';
import { compliantModelId, replacementFor } from '../policy/policySuggest';
import { modelViolations } from '../policy/policyVerdicts';
import { baseModelIdOf, scopeOf } from '../models/catalog';
import { FALLBACK_PROFILES } from '../models/modelTable';
import type { SessionErrorRecord } from './sessionRecords';

/** The kinds of API error the sessions are read for. */
export type SessionErrorKind = 'throttled' | 'model-id' | 'on-demand' | 'access-denied' | 'credentials' | 'max-tokens';

export const SESSION_ERROR_KINDS: readonly SessionErrorKind[] = ['credentials', 'access-denied', 'model-id', 'on-demand', 'max-tokens', 'throttled'];

const KIND_OF: Partial<Record<DiagnosisCode, SessionErrorKind>> = {
  throttled: 'throttled',
  'invalid-identifier': 'model-id',
  'model-not-in-region': 'model-id',
  'region-not-available': 'model-id',
  'legacy-model': 'model-id',
  'on-demand-not-supported': 'on-demand',
  'model-access-not-granted': 'access-denied',
  'marketplace-actions-missing': 'access-denied',
  'use-case-form-missing': 'access-denied',
  'entitlement-not-available': 'access-denied',
  'iam-denied': 'access-denied',
  'scp-denied-region': 'access-denied',
  credentials: 'credentials',
  'max-tokens-invalid': 'max-tokens',
};

/** Where the sessions ran: the folder's setup (its Region and profile name the fix) and its policy. */
export interface SessionContext {
  readonly region?: string;
  readonly profile?: string;
  readonly policy?: EffectivePolicy;
}

/** A model Claude Code told the user to switch to, judged against the policy. */
export interface SessionSuggestion {
  readonly modelId: string;
  /** Why the policy forbids it; empty when it allows it (or no policy applies). */
  readonly violations: readonly PolicyViolation[];
  /** The model to use instead that the policy allows, when one is known. */
  readonly compliant?: string;
}

export interface SessionFinding {
  readonly kind: SessionErrorKind;
  /** What a live check says about the same error: cause and fix come from describeDiagnosis. */
  readonly diagnosis: Diagnosis;
  readonly modelId?: string;
  /** Every failed attempt: the retried ones and the final errors. */
  readonly attempts: number;
  /** Of those, the errors Claude Code gave up with (the user saw them). */
  readonly failed: number;
  /** ISO 8601. */
  readonly firstSeen: string;
  readonly lastSeen: string;
  /** Claude Code's own advice (the latest), judged against the policy. */
  readonly suggestion?: SessionSuggestion;
  /** Better inference-profile IDs for the diagnosis's fix than its guesses (compliant ones under a policy). */
  readonly suggestedModelIds?: readonly string[];
}

/** What a scan of the session files found, records aside (the files layer's scan is one). */
export interface SessionScanFacts {
  /** `missing`: no projects folder (Claude Code never ran here); `unreadable`: the folder itself could not be listed. */
  readonly state: 'read' | 'missing' | 'unreadable' | 'cancelled';
  readonly days: number;
  /** Files of the last N days read, and their bytes. */
  readonly files: number;
  readonly bytes: number;
  /** Files of the last N days left unread because the byte budget was spent (the oldest ones). */
  readonly unread: { readonly files: number; readonly bytes: number };
  /** Lines longer than the bound, skipped unread. */
  readonly longLines: number;
  /** Marked lines that did not parse as an error record (a broken or half-written line). */
  readonly brokenLines: number;
  /** Files or folders that could not be read: the path and an errno code, or `not-a-file` / `not-a-folder`. */
  readonly problems: readonly { readonly path: string; readonly reason: string }[];
}

export interface SessionSummary {
  /** Newest first. */
  readonly findings: readonly SessionFinding[];
  /** API errors of other kinds (an overloaded or failing service, the network): counted, not diagnosed. */
  readonly otherErrors: number;
}

/** The diagnosis of one error record, when it is of a kind the sessions are read for. */
export function classifySessionError(record: SessionErrorRecord, context: SessionContext): { kind: SessionErrorKind; diagnosis: Diagnosis } | undefined {
  const diagnosis = diagnoseAwsError(
    { operation: 'InvokeModelWithResponseStream', phase: record.credentials ? 'credentials' : 'call', message: record.message, httpStatus: record.status },
    { region: context.region ?? '', profile: context.profile, modelId: record.model },
  );
  const kind = KIND_OF[diagnosis.code];
  if (kind === undefined) return undefined;
  return { kind, diagnosis: diagnosis.region === '' ? { ...diagnosis, region: undefined } : diagnosis };
}

/** Separates causes that read differently although they share a code: tokens and requests throttled, an SSO sign-in and expired keys. */
function groupKey(kind: SessionErrorKind, diagnosis: Diagnosis): string {
  const variant = diagnosis.code === 'throttled' ? throttleKind(diagnosis.detail) : diagnosis.code === 'credentials' ? (diagnosis.identity?.reason ?? '') : '';
  return JSON.stringify([kind, diagnosis.code, variant, diagnosis.deniedAction ?? '', diagnosis.deniedRegion ?? '', diagnosis.modelId ?? '']);
}

const allowed = (policy: EffectivePolicy, modelId: string, region: string | undefined): boolean => modelViolations(policy, modelId, 'primary', region).length === 0;

/** Whether the bundled profile table lists the model in the ID's scope (a replacement is only named when it does). */
function listed(modelId: string): boolean {
  const scope = scopeOf(modelId);
  const base = baseModelIdOf(modelId);
  if (scope === undefined || base === undefined || scope === 'in-region' || scope === 'application') return false;
  const entry = Object.hasOwn(FALLBACK_PROFILES.scopes, scope) ? FALLBACK_PROFILES.scopes[scope as keyof typeof FALLBACK_PROFILES.scopes] : undefined;
  return entry?.models.includes(base) ?? false;
}

/** A replacement worth naming: allowed by the policy and listed in its scope by the bundled table. */
const usable = (policy: EffectivePolicy, modelId: string | undefined, region: string | undefined): modelId is string => modelId !== undefined && listed(modelId) && allowed(policy, modelId, region);

/**
 * The model a policy allows in place of a failing one: for a bare ID without on-demand throughput,
 * the first inference profile of it the policy allows; else the same model in an allowed scope;
 * else what Claude Code suggested, moved into an allowed scope. Only an ID the bundled profile table
 * lists in its scope is named: otherwise the words ask for a model the policy allows.
 */
export function compliantReplacement(policy: EffectivePolicy, failing: string | undefined, suggested: string | undefined, region: string | undefined): string | undefined {
  if (failing !== undefined && region !== undefined) {
    const profile = suggestProfileIds(failing, region).find((id) => usable(policy, id, region));
    if (profile !== undefined) return profile;
  }
  const own = failing === undefined ? undefined : compliantModelId(failing, policy);
  if (usable(policy, own, region) && own !== failing?.trim()) return own;
  const moved = suggested === undefined ? undefined : replacementFor(policy, suggested, 'primary');
  return usable(policy, moved, region) ? moved : undefined;
}

function judgeSuggestion(modelId: string, finding: { modelId?: string }, context: SessionContext): SessionSuggestion {
  const policy = context.policy;
  if (policy === undefined) return { modelId, violations: [] };
  const violations = modelViolations(policy, modelId, 'primary', context.region);
  if (violations.length === 0) return { modelId, violations };
  const compliant = compliantReplacement(policy, finding.modelId, modelId, context.region);
  return { modelId, violations, ...(compliant !== undefined ? { compliant } : {}) };
}

interface Group {
  kind: SessionErrorKind;
  diagnosis: Diagnosis;
  attempts: number;
  failed: number;
  firstSeen: string;
  lastSeen: string;
  suggested?: { modelId: string; at: string };
}

/** Groups the records by cause and model, newest first; same records, same summary, whatever their order. */
export function summariseSessionErrors(records: readonly SessionErrorRecord[], context: SessionContext): SessionSummary {
  const groups = new Map<string, Group>();
  let otherErrors = 0;
  const ordered = [...records].sort((a, b) => (a.timestamp < b.timestamp ? -1 : a.timestamp > b.timestamp ? 1 : 0));
  for (const record of ordered) {
    const classified = classifySessionError(record, context);
    if (classified === undefined) {
      otherErrors++;
      continue;
    }
    const key = groupKey(classified.kind, classified.diagnosis);
    let group = groups.get(key);
    if (group === undefined) {
      group = { kind: classified.kind, diagnosis: classified.diagnosis, attempts: 0, failed: 0, firstSeen: record.timestamp, lastSeen: record.timestamp };
      groups.set(key, group);
    }
    group.attempts++;
    if (record.stage === 'final') group.failed++;
    group.lastSeen = record.timestamp;
    // The latest record's words describe the group (a later message may be more precise).
    group.diagnosis = classified.diagnosis;
    if (record.suggestedModel !== undefined) group.suggested = { modelId: record.suggestedModel, at: record.timestamp };
  }
  const findings = [...groups.values()].map((group): SessionFinding => {
    const modelId = group.diagnosis.modelId;
    const policy = context.policy;
    const profiles =
      group.diagnosis.code === 'on-demand-not-supported' && modelId !== undefined && context.region !== undefined
        ? suggestProfileIds(modelId, context.region).filter((id) => policy === undefined || allowed(policy, id, context.region))
        : undefined;
    return {
      kind: group.kind,
      diagnosis: group.diagnosis,
      ...(modelId !== undefined ? { modelId } : {}),
      attempts: group.attempts,
      failed: group.failed,
      firstSeen: group.firstSeen,
      lastSeen: group.lastSeen,
      ...(group.suggested !== undefined ? { suggestion: judgeSuggestion(group.suggested.modelId, { modelId }, context) } : {}),
      ...(profiles !== undefined && profiles.length > 0 ? { suggestedModelIds: profiles } : {}),
    };
  });
  const text = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  findings.sort((a, b) => text(b.lastSeen, a.lastSeen) || SESSION_ERROR_KINDS.indexOf(a.kind) - SESSION_ERROR_KINDS.indexOf(b.kind) || text(a.modelId ?? '', b.modelId ?? '') || text(groupKey(a.kind, a.diagnosis), groupKey(b.kind, b.diagnosis)));
  return { findings, otherErrors };
}
