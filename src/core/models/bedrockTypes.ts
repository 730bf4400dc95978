/**
 * The shapes shared by the model catalog, access validation and diagnosis. The AWS layer turns
 * SDK outputs into these records; everything in core works on them and never sees a wire format.
 */

/** One inference profile as ListInferenceProfiles / GetInferenceProfile describe it. */
export interface InferenceProfileRecord {
  /** `jp.anthropic.claude-sonnet-4-5-20250929-v1:0`, or the id of an application profile. */
  readonly id: string;
  readonly arn: string;
  readonly name: string;
  readonly type: 'SYSTEM_DEFINED' | 'APPLICATION';
  /** `ACTIVE` for usable profiles. */
  readonly status: string;
  /** Foundation-model ARNs the profile routes to; a `global.` profile lists one with an empty region. */
  readonly modelArns: readonly string[];
  readonly description?: string;
}

/** One foundation model as ListFoundationModels describes it. */
export interface FoundationModelRecord {
  readonly modelId: string;
  readonly modelArn: string;
  readonly modelName: string;
  readonly providerName: string;
  /** `ON_DEMAND`, `PROVISIONED`, `INFERENCE_PROFILE` (Claude 4.x report only the last). */
  readonly inferenceTypes: readonly string[];
  /** `ACTIVE` or `LEGACY`. */
  readonly lifecycle: string;
}

/** GetFoundationModelAvailability for one base model in one region. */
export interface ModelAvailabilityRecord {
  readonly modelId: string;
  /** `AUTHORIZED` | `NOT_AUTHORIZED`. */
  readonly authorization: string;
  /** `AVAILABLE` | `PENDING` | `NOT_AVAILABLE` | `ERROR`. */
  readonly agreement: string;
  readonly agreementMessage?: string;
  /** `AVAILABLE` | `NOT_AVAILABLE`. */
  readonly entitlement: string;
  /** `AVAILABLE` | `NOT_AVAILABLE`. */
  readonly region: string;
}

/** The result of a one-token Converse call on the exact ID that would be written. */
export interface ProbeRecord {
  readonly modelId: string;
  readonly latencyMs: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
}

/**
 * What went wrong in one AWS call, extracted from an SDK error by the AWS layer. `phase` tells
 * whether credentials could not be resolved or the service answered with an error.
 */
export interface RawAwsError {
  /** The operation that failed: `ListInferenceProfiles`, `Converse`, … */
  readonly operation: string;
  readonly phase: 'credentials' | 'call';
  readonly name?: string;
  readonly message?: string;
  readonly httpStatus?: number;
  readonly networkCode?: string;
  /** The SDK could not read the answer (an HTML page, a malformed body, a connection cut mid-answer). */
  readonly unreadable?: import('../text/wire').UnreadableAnswer;
  readonly timedOut?: boolean;
  readonly cancelled?: boolean;
}

/**
 * An inference-profile scope: the prefix of a system-defined profile ID (`global`, `jp`, `apac`,
 * `au`, `us`, `eu`, `us-gov`, or any prefix a region lists later), `in-region` for a bare model ID
 * invoked on demand, `application` for an application inference profile.
 */
export type Scope = string;

/** One way to invoke a model from the chosen region: the ID that would be written, and where it routes. */
export interface CatalogOffer {
  /** What `ANTHROPIC_MODEL` would hold: a profile ID, an application profile ARN, or a bare model ID. */
  readonly modelId: string;
  readonly scope: Scope;
  readonly arn?: string;
  /** Regions the requests may be served in, from the profile's model ARNs (sorted). */
  readonly destinations: readonly string[];
  /** True for `global.`: its model ARN has an empty region, so any commercial region may serve it. */
  readonly anyRegion: boolean;
  /** Price relative to the same model's `global.` profile (1.1 for geographic scopes), when known. */
  readonly priceFactor?: number;
  /** `ACTIVE` for usable profiles. */
  readonly status: string;
}

export type ModelFamily = 'opus' | 'sonnet' | 'haiku' | 'other';

/** One Claude model the region offers, with every scope it can be invoked through. */
export interface CatalogModel {
  /** `anthropic.claude-sonnet-4-5-20250929-v1:0` */
  readonly baseModelId: string;
  readonly family: ModelFamily;
  /** `4.5`, `3.7`, `4`; empty when the ID does not say. */
  readonly version: string;
  /** `Claude Sonnet 4.5` */
  readonly name: string;
  /** From ListFoundationModels when listed: `ACTIVE` or `LEGACY`. */
  readonly lifecycle?: string;
  /** Whether the bare model ID may be invoked on demand in this region. */
  readonly onDemand: boolean;
  /** Scopes in display order: global, jp, then the other geographic ones, in-region last. */
  readonly offers: readonly CatalogOffer[];
}

/** An application inference profile the account created, listed beside the system ones. */
export interface ApplicationProfileEntry {
  readonly id: string;
  readonly arn: string;
  readonly name: string;
  readonly baseModelId?: string;
  readonly destinations: readonly string[];
  readonly anyRegion: boolean;
  readonly status: string;
}

/** The Claude models and scopes one region offers to one account. */
export interface ModelCatalog {
  readonly region: string;
  /** `account`: from the account's own listings; `fallback`: the bundled table, unverified. */
  readonly source: 'account' | 'fallback';
  /** Date and source of the bundled table, when `source` is `fallback`. */
  readonly fallback?: { readonly asOf: string; readonly source: string };
  /** Grouped by family (Opus, Sonnet, Haiku), newest version first. */
  readonly models: readonly CatalogModel[];
  readonly applicationProfiles: readonly ApplicationProfileEntry[];
}

export type DiagnosisCode =
  | 'on-demand-not-supported'
  | 'model-access-not-granted'
  | 'agreement-pending'
  | 'marketplace-actions-missing'
  | 'use-case-form-missing'
  | 'entitlement-not-available'
  | 'legacy-model'
  | 'throttled'
  | 'credentials'
  | 'scp-denied-region'
  | 'iam-denied'
  | 'invalid-identifier'
  | 'max-tokens-invalid'
  | 'list-profiles-denied'
  | 'model-not-in-region'
  | 'region-not-available'
  | 'timeout'
  | 'unreachable'
  | 'service-error'
  | 'cancelled'
  | 'unknown';

/** A failure turned into something a person can act on; texts come from describeDiagnosis. */
export interface Diagnosis {
  readonly code: DiagnosisCode;
  /** `error` blocks the setup; `warning` does not (a fallback catalog, a legacy model). */
  readonly severity: 'error' | 'warning';
  readonly operation?: string;
  /** The AWS error name, kept visible (always for `unknown`). */
  readonly awsCode?: string;
  /** The AWS message with anything secret-looking removed. */
  readonly detail?: string;
  readonly modelId?: string;
  readonly region?: string;
  /** The AWS profile the fix refers to. */
  readonly profile?: string;
  /** For `scp-denied-region`: the destination region the organisation denies. */
  readonly deniedRegion?: string;
  /** For `iam-denied`, `list-profiles-denied`: the IAM action that was denied. */
  readonly deniedAction?: string;
  /** For `credentials`: the classified credential failure, described by describeIdentityFailure. */
  readonly identity?: import('../profiles/identityFailure').IdentityFailure;
  /** For `service-error`: the HTTP status of the answer. */
  readonly httpStatus?: number;
  /** For `service-error`: what the unreadable answer was. */
  readonly unreadable?: import('../text/wire').UnreadableAnswer;
}

/** Cause and fix of a diagnosis in one language. */
export interface DiagnosisText {
  readonly cause: string;
  readonly fix: string;
  /** A command that fixes it (`aws sso login --profile X`). */
  readonly command?: string;
  /** The AWS console page where the fix is made. */
  readonly consoleUrl?: string;
}
