/**
 * Data residency, proven: each configured model ID resolved to the Regions its requests may be
 * served in, judged against the Regions a policy allows, and gathered into a proof an auditor can
 * keep. Pure: the AWS layer does the lookups (GetInferenceProfile) and passes their answers in.
 */

import type { Diagnosis, InferenceProfileRecord } from '../models/bedrockTypes';
import { routesOf, scopeOf } from '../models/catalog';
import type { ResidencyCheck, ResidencyProof, RuleOrigin } from '../policy/policyTypes';

const LONG_CONTEXT_SUFFIX = /\[1m\]$/i;

/** What a residency check of one configured model knows. */
export interface ResidencyInput {
  /** The ID as configured (a `[1m]` suffix is kept here and ignored for routing). */
  readonly modelId: string;
  /** The settings key that names it (`env.ANTHROPIC_MODEL`). */
  readonly key: string;
  /** `AWS_REGION`: where a bare model ID runs. */
  readonly region: string;
  /** GetInferenceProfile's answer for a profile ID or ARN (system or application). */
  readonly record?: InferenceProfileRecord;
  /** Why the lookup failed (English); makes the check `unverified`. */
  readonly error?: string;
  /** The same failure as a diagnosis, kept on the check so it can be worded in the reader's language. */
  readonly diagnosis?: Diagnosis;
  readonly allowedRegions: readonly string[];
  /** The compliant ID to use instead, computed by the caller from the policy. */
  readonly replacement?: string;
  /** Epoch ms. */
  readonly checkedAt: number;
}

/** The ID Bedrock is called with: Claude Code strips a `[1m]` suffix (it sends a beta header instead). */
export function invokedModelId(modelId: string): string {
  return modelId.trim().replace(LONG_CONTEXT_SUFFIX, '');
}

/**
 * Whether a model ID runs in the configured Region itself, so no lookup is needed: a bare model ID
 * or a foundation-model ARN. Profile IDs, profile ARNs and application profiles need GetInferenceProfile.
 */
export function needsProfileLookup(modelId: string): boolean {
  const id = invokedModelId(modelId);
  return id !== '' && scopeOf(id) !== 'in-region';
}

/** The destinations outside the allowed Regions; `*` stands for "any Region" (a `global.` profile). */
export function outsideOf(route: { readonly destinations: readonly string[]; readonly anyRegion: boolean }, allowedRegions: readonly string[]): string[] {
  if (route.anyRegion) return ['*'];
  const allowed = new Set(allowedRegions);
  return route.destinations.filter((region) => !allowed.has(region));
}

/** Where a bare ID or foundation-model ARN runs: the ARN's own Region, else the configured one. */
function inRegionDestinations(id: string, region: string): string[] {
  const routes = id.startsWith('arn:') ? routesOf([id]) : undefined;
  if (routes !== undefined && routes.destinations.length > 0) return routes.destinations;
  return region === '' ? [] : [region];
}

/**
 * One configured model judged against the allowed Regions. A bare model ID runs in `region`; a
 * profile (system or application) runs where its model ARNs say, a `global.` one anywhere. Without a
 * usable answer (lookup failed, not looked up, no destinations listed) the verdict is `unverified`.
 * `replacement` is kept only for a model that is not inside, and only when it differs.
 */
export function residencyOf(input: ResidencyInput): ResidencyCheck {
  const id = invokedModelId(input.modelId);
  const base = { modelId: input.modelId, key: input.key, checkedAt: input.checkedAt };
  const withReplacement = (check: Omit<ResidencyCheck, 'modelId' | 'key' | 'checkedAt'>): ResidencyCheck => {
    const keep = check.verdict !== 'inside' && input.replacement !== undefined && input.replacement !== '' && input.replacement !== input.modelId;
    return { ...base, ...check, ...(keep ? { replacement: input.replacement } : {}) };
  };
  const unverified = (error: string, profileArn?: string): ResidencyCheck =>
    withReplacement({
      ...(profileArn === undefined || profileArn === '' ? {} : { profileArn }),
      destinations: [],
      anyRegion: false,
      outside: [],
      verdict: 'unverified',
      error,
    });

  if (id === '') return unverified('No model ID is set.');
  if (input.error !== undefined) return { ...unverified(input.error), ...(input.diagnosis === undefined ? {} : { diagnosis: input.diagnosis }) };

  let route: { destinations: string[]; anyRegion: boolean };
  let profileArn: string | undefined;
  if (input.record !== undefined) {
    route = routesOf(input.record.modelArns);
    profileArn = input.record.arn === '' ? undefined : input.record.arn;
    if (route.destinations.length === 0 && !route.anyRegion) return unverified('The inference profile lists no destination Regions.', profileArn);
  } else if (scopeOf(id) === 'in-region') {
    route = { destinations: inRegionDestinations(id, input.region), anyRegion: false };
    if (route.destinations.length === 0) return unverified('No Region is configured for the in-Region model ID.');
  } else {
    return unverified('The inference profile was not looked up.');
  }

  const outside = outsideOf(route, input.allowedRegions);
  return withReplacement({
    ...(profileArn === undefined ? {} : { profileArn }),
    destinations: route.destinations,
    anyRegion: route.anyRegion,
    outside,
    verdict: outside.length > 0 ? 'outside' : 'inside',
  });
}

export interface ResidencyProofInput {
  /** `AWS_REGION` of the checked setup. */
  readonly region: string;
  /** The AWS profile whose credentials made the lookups. */
  readonly profile?: string;
  /** The account the credentials belong to (STS GetCallerIdentity). */
  readonly account?: string;
  readonly allowedRegions: readonly string[];
  /** Where the residency rule comes from. */
  readonly policySources: readonly RuleOrigin[];
  readonly checks: readonly ResidencyCheck[];
  /** Epoch ms. */
  readonly checkedAt: number;
}

/**
 * The exportable proof. Compliant only when at least one model was checked and every check is
 * inside: with no model configured Claude Code picks its own, which proves nothing.
 */
export function residencyProof(input: ResidencyProofInput): ResidencyProof {
  return {
    kind: 'claude-bedrock-residency-proof',
    version: 1,
    checkedAt: new Date(input.checkedAt).toISOString(),
    region: input.region,
    ...(input.profile === undefined || input.profile === '' ? {} : { profile: input.profile }),
    ...(input.account === undefined || input.account === '' ? {} : { account: input.account }),
    allowedRegions: [...input.allowedRegions],
    policySources: input.policySources.map((origin) => ({ source: origin.source, path: origin.path })),
    // The proof keeps its English words (`error`); the diagnosis behind them is for the reader's screen only.
    models: input.checks.map(({ diagnosis: _diagnosis, ...check }) => check),
    compliant: input.checks.length > 0 && input.checks.every((check) => check.verdict === 'inside'),
  };
}
