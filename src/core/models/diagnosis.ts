/**
 * Turns a failed AWS call, or a model's availability record, into a Diagnosis: what went wrong
 * and what to do, as values. describeDiagnosis words it in English or Japanese. Pure: the AWS
 * layer extracts name, status and message into a RawAwsError; this module decides what they mean.
 */

import type { Diagnosis, DiagnosisCode, DiagnosisText, ModelAvailabilityRecord, RawAwsError } from './bedrockTypes';
import { DIAGNOSIS_TEXTS, type DenialKind, type DiagnosisTextKey } from './diagnosisText';
import {
  classifyIdentityError,
  describeIdentityFailure,
  EXPIRED_KEY_CODES,
  failureCommand,
  INVALID_KEY_CODES,
  type IdentityFailure,
  type IdentityPhase,
} from '../profiles/identityFailure';
import { format, type Locale } from '../text/locale';
import { redactSecrets } from '../text/redact';
import { endpointVariablesFor, httpStatusText, SERVICE_NAMES, serviceOfOperation, unreadableAnswerText } from '../text/wire';

export type { DenialKind } from './diagnosisText';

/** Where a diagnosis applies: the profile the fix names, the region called, the model involved. */
export interface DiagnosisContext {
  readonly profile?: string;
  readonly region: string;
  readonly modelId?: string;
}

type Severity = Diagnosis['severity'];

/** Severity of each code; `error` blocks the setup. Also the list of every code, for exhaustiveness. */
const SEVERITY: Readonly<Record<DiagnosisCode, Severity>> = {
  'on-demand-not-supported': 'error',
  'model-access-not-granted': 'error',
  'agreement-pending': 'warning',
  'marketplace-actions-missing': 'error',
  'use-case-form-missing': 'error',
  'entitlement-not-available': 'error',
  'legacy-model': 'error',
  // Throttling proves that credentials, permissions and access work; only the quota is short.
  throttled: 'warning',
  credentials: 'error',
  'scp-denied-region': 'error',
  'iam-denied': 'error',
  'invalid-identifier': 'error',
  // Every request of the setup asks for more output than the model gives: none succeeds.
  'max-tokens-invalid': 'error',
  // The bundled catalog is shown instead.
  'list-profiles-denied': 'warning',
  'model-not-in-region': 'error',
  'region-not-available': 'error',
  timeout: 'error',
  unreachable: 'error',
  // AWS, or something in front of it, failed to answer: nothing about the setup was learnt.
  'service-error': 'error',
  // The person stopped the check; nothing was found wrong.
  cancelled: 'warning',
  unknown: 'error',
};

/** Every diagnosis code, in declaration order. */
export const DIAGNOSIS_CODES: readonly DiagnosisCode[] = Object.keys(SEVERITY) as DiagnosisCode[];

/** The severity a code has when this module produces it. */
export function severityOf(code: DiagnosisCode): Severity {
  return SEVERITY[code];
}

const CREDENTIAL_PROVIDER_NAMES = new Set(['CredentialsProviderError', 'TokenProviderError']);
/** What the SDK's credential providers say when they cannot produce credentials. */
const CREDENTIAL_PROVIDER_MESSAGE = /Token is expired|SSO session|Could not (?:load|resolve) credentials|Unable to find environment variable credentials|credential_process|^Command failed:|please re-authenticate using aws login|login_session|requires multi-factor authentication/i;
const SECURITY_TOKEN_MESSAGE = /security token included in the request is (?:invalid|expired)/i;

const DENIED_NAMES = new Set(['AccessDeniedException', 'AccessDenied', 'ForbiddenException']);
const THROTTLE_NAMES = new Set(['ThrottlingException', 'Throttling', 'TooManyRequestsException', 'RequestLimitExceeded', 'ServiceQuotaExceededException']);
const NOT_FOUND_NAMES = new Set(['ResourceNotFoundException', 'NotFoundException', 'NoSuchResourceException']);
const TIMEOUT_NAMES = new Set(['TimeoutError', 'AbortError', 'RequestTimeout', 'RequestTimeoutException']);
/** Operations whose 404 means the model or profile does not exist in the region. */
const MODEL_OPERATIONS = new Set([
  'GetFoundationModelAvailability',
  'GetFoundationModel',
  'GetInferenceProfile',
  'ListFoundationModelAgreementOffers',
  'Converse',
  'ConverseStream',
  'InvokeModel',
  'InvokeModelWithResponseStream',
  'CountTokens',
]);

const ON_DEMAND = /on-demand throughput (?:isn['’]t|is not) supported/i;
const NO_MODEL_ACCESS = /(?:do not|don't|don’t) have access to the model/i;
const MARKETPLACE = /aws-marketplace:(?:ViewSubscriptions|Subscribe)|AWS Marketplace subscription/i;
const PAYMENT = /payment instrument/i;
const USE_CASE = /use case details/i;
const LEGACY = /marked (?:by (?:the )?provider )?as Legacy|reached the end of its life/i;
const INVALID_IDENTIFIER = /provided model identifier is invalid/i;
/** A request whose max_tokens the model refuses (the Anthropic API's and Bedrock's wordings). */
const MAX_TOKENS = /max_tokens\b.{0,40}(?:>|exceed|greater|maximum)|maximum tokens you requested|exceeds the model limit/i;
const NOT_AUTHORIZED = /not authorized to perform:?\s*([\w-]+:[\w*-]+)/i;
const SCP = /explicit deny in a service control policy/i;
const THROTTLE_MESSAGE = /too many (?:tokens|requests)|rate exceeded/i;
/** A Bedrock ARN in a denial: partition, region (empty for a `global.` model ARN), resource. */
const BEDROCK_ARN = /arn:aws[\w-]*:bedrock:([a-z0-9-]*):(\d*):([\w-]+)\/([^\s"',]+)/;

/** Diagnoses one failed AWS call. */
export function diagnoseAwsError(raw: RawAwsError, context: DiagnosisContext): Diagnosis {
  const message = raw.message ?? '';
  const name = raw.name ?? '';
  const status = raw.httpStatus;
  const detail = message ? redactSecrets(message) : undefined;
  const base = {
    operation: raw.operation,
    awsCode: name || raw.networkCode || (status !== undefined ? `HTTP ${status}` : undefined),
    detail,
    modelId: context.modelId,
    region: context.region,
    profile: context.profile,
  };
  const make = (code: DiagnosisCode, extra: Partial<Diagnosis> = {}): Diagnosis => ({ ...base, code, severity: SEVERITY[code], ...extra });

  if (raw.cancelled) return make('cancelled');
  if (raw.timedOut || TIMEOUT_NAMES.has(name)) return make('timeout');
  // Reported by what came back, never by the parser's exception.
  if (raw.unreadable) return make('service-error', { awsCode: status !== undefined ? `HTTP ${status}` : raw.networkCode, detail: undefined, httpStatus: status, unreadable: raw.unreadable });
  if (raw.networkCode) return make('unreachable');

  const credentialPhase =
    raw.phase === 'credentials' || CREDENTIAL_PROVIDER_NAMES.has(name) || (CREDENTIAL_PROVIDER_MESSAGE.test(message) && !MARKETPLACE.test(message));
  if (credentialPhase || INVALID_KEY_CODES.has(name) || EXPIRED_KEY_CODES.has(name) || SECURITY_TOKEN_MESSAGE.test(message)) {
    const phase: IdentityPhase = credentialPhase ? 'credentials' : 'call';
    let identity = classifyIdentityError({ phase, name: raw.name, message: raw.message, httpStatus: raw.httpStatus }, context.profile);
    if (identity.reason === 'unknown' && SECURITY_TOKEN_MESSAGE.test(message)) {
      identity = { ...identity, reason: /expired/i.test(message) ? 'expired-keys' : 'invalid-keys' };
    }
    // STS or the SSO portal failed while issuing credentials: said like any other failed call, by its status.
    if (identity.reason === 'service-error' && status !== undefined) return make('service-error', { httpStatus: status });
    // The identity classifier drops what may echo a command line; the diagnosis must too.
    return make('credentials', { identity, detail: identity.detail });
  }

  if (LEGACY.test(message)) return make('legacy-model');
  if (USE_CASE.test(message)) return make('use-case-form-missing');
  if (ON_DEMAND.test(message)) {
    const named = /model ID (\S+?) with on-demand/i.exec(message)?.[1];
    return make('on-demand-not-supported', { modelId: context.modelId ?? named });
  }

  if ((status === undefined || status === 400) && !THROTTLE_NAMES.has(name) && MAX_TOKENS.test(message)) return make('max-tokens-invalid');

  const throttledByName = THROTTLE_NAMES.has(name) || status === 429;
  if (throttledByName || (THROTTLE_MESSAGE.test(message) && !name)) return make('throttled');

  if (status !== undefined && status >= 500) return make('service-error', { httpStatus: status });

  const denied = DENIED_NAMES.has(name) || status === 403 || NOT_AUTHORIZED.test(message);
  if (denied) {
    const deniedAction = NOT_AUTHORIZED.exec(message)?.[1];
    if (MARKETPLACE.test(message)) {
      const action = deniedAction ?? /aws-marketplace:(?:ViewSubscriptions|Subscribe)/i.exec(message)?.[0];
      return make('marketplace-actions-missing', { deniedAction: action });
    }
    if (PAYMENT.test(message)) return make('entitlement-not-available');
    if (NO_MODEL_ACCESS.test(message)) return make('model-access-not-granted');
    if (deniedAction?.toLowerCase() === 'bedrock:listinferenceprofiles' || (!deniedAction && raw.operation === 'ListInferenceProfiles')) {
      return make('list-profiles-denied', { deniedAction: deniedAction ?? 'bedrock:ListInferenceProfiles' });
    }
    if (SCP.test(message)) {
      const arn = BEDROCK_ARN.exec(message);
      if (arn) {
        const region = arn[1];
        return make('scp-denied-region', { deniedAction, deniedRegion: region ? region : undefined });
      }
    }
    if (deniedAction) return make('iam-denied', { deniedAction });
    return make('unknown');
  }

  if (INVALID_IDENTIFIER.test(message)) return make('invalid-identifier');

  if (NOT_FOUND_NAMES.has(name) || status === 404) {
    if (MODEL_OPERATIONS.has(raw.operation) || /model|inference profile/i.test(message)) return make('model-not-in-region');
  }

  return make('unknown');
}

/** Network codes of a connection that was never made (the request did not leave this machine), as a code or in Node's message. */
const NOT_SENT = /\b(?:ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH)\b/;

/**
 * Whether a failed write may still have taken effect at AWS: its answer did not come back whole (a
 * timeout, a cancel, an answer cut off or unreadable, a connection lost once the request was out).
 * AWS's own error (a named 4xx or 5xx), a refused sign-in and a request that never left say it did not.
 */
export function mayHaveTakenEffect(diagnosis: Diagnosis): boolean {
  if (diagnosis.code === 'timeout' || diagnosis.code === 'cancelled') return true;
  if (diagnosis.code === 'service-error') return diagnosis.unreadable !== undefined;
  if (diagnosis.code === 'unreachable') return !NOT_SENT.test(`${diagnosis.awsCode ?? ''} ${diagnosis.detail ?? ''}`);
  return false;
}

const is = (value: string | undefined, expected: string): boolean => (value ?? '').toUpperCase() === expected;

/** Diagnoses a GetFoundationModelAvailability record; empty when the model is ready to use. */
export function diagnoseAvailability(record: ModelAvailabilityRecord, context: DiagnosisContext): Diagnosis[] {
  const base = {
    operation: 'GetFoundationModelAvailability',
    modelId: record.modelId || context.modelId,
    region: context.region,
    profile: context.profile,
  };
  const make = (code: DiagnosisCode, extra: Partial<Diagnosis> = {}): Diagnosis => ({ ...base, code, severity: SEVERITY[code], ...extra });

  // When the region does not offer the model, the other statuses say nothing more.
  if (is(record.region, 'NOT_AVAILABLE')) return [make('region-not-available')];

  const found: Diagnosis[] = [];
  if (is(record.authorization, 'NOT_AUTHORIZED')) found.push(make('model-access-not-granted'));
  if (is(record.entitlement, 'NOT_AVAILABLE')) found.push(make('entitlement-not-available'));
  const agreementDetail = record.agreementMessage ? redactSecrets(record.agreementMessage) : undefined;
  if (is(record.agreement, 'PENDING')) {
    found.push(make('agreement-pending', { detail: agreementDetail }));
  } else if (is(record.agreement, 'ERROR')) {
    found.push(make('marketplace-actions-missing', { awsCode: 'AGREEMENT_ERROR', detail: agreementDetail }));
  } else if (is(record.agreement, 'NOT_AVAILABLE')) {
    // No subscription yet: the first invocation creates it if the caller may use AWS Marketplace.
    found.push(make('marketplace-actions-missing', { severity: 'warning', awsCode: 'AGREEMENT_NOT_AVAILABLE', detail: agreementDetail }));
  }
  return found;
}

/** The diagnosis for a model that the region's catalog does not list. */
export function modelNotInRegion(modelId: string, region: string, profile?: string): Diagnosis {
  return { code: 'model-not-in-region', severity: SEVERITY['model-not-in-region'], modelId, region, profile };
}

/** The most serious severity among diagnoses; undefined when there are none. */
export function worstSeverity(diagnoses: readonly Diagnosis[]): Severity | undefined {
  if (diagnoses.some((diagnosis) => diagnosis.severity === 'error')) return 'error';
  return diagnoses.length > 0 ? 'warning' : undefined;
}

export type ThrottleKind = 'tokens' | 'daily-tokens' | 'requests' | 'unspecified';

/** Which limit a throttling message names. */
export function throttleKind(detail: string | undefined): ThrottleKind {
  const text = detail ?? '';
  if (/tokens per day/i.test(text)) return 'daily-tokens';
  if (/too many tokens/i.test(text)) return 'tokens';
  if (/too many requests|rate exceeded/i.test(text)) return 'requests';
  return 'unspecified';
}

/** The output limit a max_tokens refusal names (`max_tokens: 200000 > 64000`, `the model limit of 8192`), if it does. */
export function maxTokensLimit(detail: string | undefined): number | undefined {
  const text = detail ?? '';
  const found = /max_tokens:?\s*\d+\s*>\s*(\d+)/i.exec(text) ?? /model limit of\s*(\d+)/i.exec(text) ?? /maximum (?:allowed )?(?:number of )?(?:output )?tokens (?:is|of)\s*(\d+)/i.exec(text);
  const limit = found ? Number(found[1]) : NaN;
  return Number.isSafeInteger(limit) && limit > 0 ? limit : undefined;
}

/** Which policy an access-denied message says refused the call. */
export function denialKind(detail: string | undefined): DenialKind {
  const text = detail ?? '';
  if (/service control policy/i.test(text)) return 'scp';
  if (/resource control policy/i.test(text)) return 'rcp';
  if (/permissions boundary/i.test(text)) return 'boundary';
  if (/session policy/i.test(text)) return 'session-policy';
  if (/explicit deny in an? identity-based policy/i.test(text)) return 'explicit-deny';
  if (/resource-based policy/i.test(text)) return 'resource-policy';
  if (/no identity-based policy allows/i.test(text)) return 'no-allow';
  return 'unspecified';
}

/** Scope prefix of an inference profile ID (`jp` for `jp.anthropic…`), if it has one. */
export function scopePrefix(modelId: string): string | undefined {
  return /^([a-z]{2,}(?:-[a-z]+)?)\.[a-z0-9-]+\./.exec(modelId)?.[1];
}

/** Whether an ID is a bare Anthropic model ID (no scope prefix, not an ARN). */
export function isBareAnthropicId(modelId: string): boolean {
  return /^anthropic\./.test(modelId);
}

/** The geographic inference-profile prefix a region most likely offers (a guess; the account's list decides). */
function geographicPrefix(region: string): string | undefined {
  if (region === 'ap-northeast-1' || region === 'ap-northeast-3') return 'jp';
  if (region === 'ap-southeast-2' || region === 'ap-southeast-4') return 'au';
  if (region.startsWith('us-gov-')) return 'us-gov';
  if (region.startsWith('us-')) return 'us';
  if (region.startsWith('eu-')) return 'eu';
  if (region.startsWith('ap-')) return 'apac';
  return undefined;
}

/**
 * Inference profile IDs to try instead of a bare model ID: the region's geographic prefix, then
 * `global.` (outside GovCloud). Only prefixes: the caller may know better from the account's list.
 */
export function suggestProfileIds(modelId: string, region: string): string[] {
  if (!isBareAnthropicId(modelId)) return [];
  const prefixes: string[] = [];
  const geographic = geographicPrefix(region);
  if (geographic) prefixes.push(geographic);
  if (!region.startsWith('us-gov-')) prefixes.push('global');
  return prefixes.map((prefix) => `${prefix}.${modelId}`);
}

/** The Bedrock console page where model access is granted, for a region. */
export function modelAccessConsoleUrl(region: string): string {
  return `https://${region}.console.aws.amazon.com/bedrock/home?region=${region}#/modelaccess`;
}

/** The Bedrock console model catalog, where the Anthropic use case form is submitted. */
export function modelCatalogConsoleUrl(region: string): string {
  return `https://${region}.console.aws.amazon.com/bedrock/home?region=${region}#/model-catalog`;
}

/** The Service Quotas console page for Bedrock, where quota increases are requested. */
export function bedrockQuotasConsoleUrl(region: string): string {
  return `https://${region}.console.aws.amazon.com/servicequotas/home/services/bedrock/quotas?region=${region}`;
}

const VALID_REGION = /^[a-z]{2}(?:-[a-z]+)+-\d+$/;

export interface DescribeOptions {
  /** Better inference profile IDs than the prefix guesses, e.g. from the account's own catalog. */
  readonly suggestedModelIds?: readonly string[];
}

function textKey(diagnosis: Diagnosis, suggestions: readonly string[]): DiagnosisTextKey {
  const { code, modelId, region, deniedRegion, detail } = diagnosis;
  switch (code) {
    case 'credentials':
      return 'unknown';
    case 'on-demand-not-supported':
      return suggestions.length > 0 ? 'on-demand-not-supported:suggest' : code;
    case 'marketplace-actions-missing':
      if (diagnosis.awsCode === 'AGREEMENT_ERROR') return 'marketplace-actions-missing:agreement-error';
      if (diagnosis.awsCode === 'AGREEMENT_NOT_AVAILABLE') return 'marketplace-actions-missing:agreement-not-available';
      return code;
    case 'throttled': {
      // Another service's API rate limit (CloudWatch, SNS, Service Quotas, …) is not a Bedrock model quota.
      if (apiService(diagnosis) !== undefined) return 'throttled:api';
      const kind = throttleKind(detail);
      return kind === 'unspecified' ? code : `throttled:${kind}`;
    }
    case 'scp-denied-region':
      if (deniedRegion) return deniedRegion === region ? 'scp-denied-region:source' : 'scp-denied-region:destination';
      return detail && /arn:aws[\w-]*:bedrock:::foundation-model\//.test(detail) ? 'scp-denied-region:global' : code;
    case 'iam-denied': {
      const kind = denialKind(detail);
      return kind === 'no-allow' || kind === 'unspecified' ? code : 'iam-denied:admin';
    }
    case 'max-tokens-invalid':
      return maxTokensLimit(detail) === undefined ? code : 'max-tokens-invalid:limit';
    case 'invalid-identifier':
      if (modelId?.endsWith('[1m]')) return 'invalid-identifier:1m';
      return modelId && scopePrefix(modelId) ? 'invalid-identifier:prefix' : code;
    case 'service-error':
      return diagnosis.unreadable ? `service-error:${diagnosis.unreadable}` : code;
    case 'unknown':
      return diagnosis.awsCode ? code : 'unknown:unnamed';
    default:
      return code;
  }
}

/** The service of a call that is not Bedrock's (whose throttle is an API rate limit, not a model quota). */
function apiService(diagnosis: Diagnosis): string | undefined {
  const service = serviceOfOperation(diagnosis.operation);
  return service === undefined || service === 'bedrock' || service === 'bedrock-runtime' ? undefined : SERVICE_NAMES[service];
}

function describeCredentials(diagnosis: Diagnosis, locale: Locale): DiagnosisText {
  const identity: IdentityFailure =
    diagnosis.identity ?? classifyIdentityError({ phase: 'call', name: diagnosis.awsCode, message: diagnosis.detail }, diagnosis.profile);
  const text = describeIdentityFailure(identity, locale);
  const command = failureCommand(identity);
  let cause = text.cause;
  if (identity.reason === 'unknown') {
    const code = identity.code ?? diagnosis.awsCode;
    if (code) cause += ` (${code})`;
    const detail = identity.detail ?? diagnosis.detail;
    if (detail) cause += format(DIAGNOSIS_TEXTS[locale].detailSuffix, { detail });
  }
  return { cause, fix: text.fix, ...(command ? { command } : {}) };
}

function consoleUrl(diagnosis: Diagnosis): string | undefined {
  const region = diagnosis.region;
  if (!region || !VALID_REGION.test(region)) return undefined;
  switch (diagnosis.code) {
    case 'model-access-not-granted':
      return modelAccessConsoleUrl(region);
    case 'use-case-form-missing':
      return modelCatalogConsoleUrl(region);
    case 'throttled':
      return apiService(diagnosis) === undefined ? bedrockQuotasConsoleUrl(region) : undefined;
    default:
      return undefined;
  }
}

/** Cause and fix of a diagnosis in a locale, with the command or console page that fixes it. */
export function describeDiagnosis(diagnosis: Diagnosis, locale: Locale, options: DescribeOptions = {}): DiagnosisText {
  if (diagnosis.code === 'credentials') return describeCredentials(diagnosis, locale);

  const table = DIAGNOSIS_TEXTS[locale];
  const suggestions =
    diagnosis.code === 'on-demand-not-supported'
      ? options.suggestedModelIds && options.suggestedModelIds.length > 0
        ? [...options.suggestedModelIds]
        : diagnosis.modelId && diagnosis.region
          ? suggestProfileIds(diagnosis.modelId, diagnosis.region)
          : []
      : [];
  const key = textKey(diagnosis, suggestions);
  const entry = table.entries[key];
  const fallback = table.fallback;
  const params = {
    model: diagnosis.modelId || fallback.model,
    region: diagnosis.region || fallback.region,
    operation: diagnosis.operation || fallback.operation,
    action: diagnosis.deniedAction || fallback.action,
    deniedRegion: diagnosis.deniedRegion || fallback.region,
    prefix: diagnosis.modelId ? (scopePrefix(diagnosis.modelId) ?? '') : '',
    suggestions: suggestions.join(table.fallback.or),
    awsCode: diagnosis.awsCode ?? '',
    detail: diagnosis.detail ?? '',
    endpointVariables: endpointVariablesFor(diagnosis.operation, locale),
    service: apiService(diagnosis) ?? '',
    status: httpStatusText(diagnosis.httpStatus, locale) || diagnosis.awsCode || '',
    answer: diagnosis.unreadable ? unreadableAnswerText(diagnosis.unreadable, diagnosis.httpStatus, locale) : '',
    limit: maxTokensLimit(diagnosis.detail),
  };

  let cause = format(entry.cause, params);
  if (diagnosis.code === 'iam-denied') {
    const sentence = table.denial[denialKind(diagnosis.detail)];
    if (sentence) cause += ` ${sentence}`;
  }
  if ((diagnosis.code === 'unknown' || (diagnosis.code === 'service-error' && !diagnosis.unreadable) || diagnosis.awsCode?.startsWith('AGREEMENT_')) && diagnosis.detail) {
    cause += format(table.detailSuffix, params);
  }
  if (locale === 'en') cause = capitalizeFallbackStart(cause, fallback.operation, fallback.action);

  const url = consoleUrl(diagnosis);
  return { cause, fix: format(entry.fix, params), ...(url ? { consoleUrl: url } : {}) };
}

/** Capitalises a sentence that begins with a lowercase fallback label (`the AWS call …`). */
function capitalizeFallbackStart(text: string, ...labels: string[]): string {
  return labels.some((label) => text.startsWith(label)) ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}
