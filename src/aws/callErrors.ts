/**
 * What the AWS layer keeps of an SDK error: its name, message, HTTP status and network code.
 * Core decides what they mean; nothing here interprets them.
 */

import type { RawAwsError } from '../core/models/bedrockTypes';
import type { UnreadableAnswer } from '../core/text/wire';
import type { ProviderAnswer } from './clients';

/** Raised by a deadline; tells which phase ran out of time. */
export class TimedOut extends Error {
  constructor(readonly phase: 'credentials' | 'call') {
    super('timed out');
  }
}

interface ErrorShape {
  name?: string;
  message?: string;
  code?: string;
  $metadata?: { httpStatusCode?: number };
  $response?: { statusCode?: number; headers?: Record<string, string | undefined> };
  $responseBodyText?: string;
  cause?: { code?: string };
}

/** What the SDK appends when it could not read an answer; programmer-facing, never shown. */
const SDK_DESERIALIZATION = /\s*Deserialization error: to see the raw response, inspect the hidden field \{error\}\.\$response on this object\.?/;

/**
 * Whether the SDK failed to read the answer, and what it was: an HTML page (by content type or
 * body), a connection cut during the answer (a network code next to a response), or else a
 * malformed body. Undefined when the SDK read a proper AWS error or got no answer at all.
 */
function unreadableOf(value: ErrorShape | undefined, networkCode: string | undefined): UnreadableAnswer | undefined {
  if (!value || typeof value.message !== 'string' || !SDK_DESERIALIZATION.test(value.message)) return undefined;
  if (networkCode) return 'cut';
  const contentType = value.$response?.headers?.['content-type'] ?? '';
  const body = value.$responseBodyText ?? '';
  if (/\bhtml\b/i.test(contentType) || /^\s*<(?:!doctype\s+html|html)\b/i.test(body)) return 'html';
  return 'malformed';
}

/** The fields of an SDK or Node error that a classifier may read. */
export function errorFields(error: unknown): {
  name?: string;
  message: string;
  networkCode?: string;
  httpStatus?: number;
  unreadable?: UnreadableAnswer;
} {
  const value = error as ErrorShape | undefined;
  const networkCode = typeof value?.code === 'string' ? value.code : typeof value?.cause?.code === 'string' ? value.cause.code : undefined;
  const httpStatus = value?.$metadata?.httpStatusCode ?? value?.$response?.statusCode;
  const unreadable = unreadableOf(value, networkCode);
  if (unreadable) {
    // The parser's exception (SyntaxError, "XML parse error") says nothing about AWS: only what came back counts.
    return { message: '', unreadable, ...(networkCode && { networkCode }), ...(httpStatus !== undefined && { httpStatus }) };
  }
  const message = (value?.message ?? String(error)).replace(SDK_DESERIALIZATION, '');
  return { name: value?.name, message, networkCode, httpStatus };
}

/** The "Name: message" a CredentialsProviderError keeps of the service's error. */
const WRAPPED_AWS_ERROR = /^([A-Z][A-Za-z0-9]*(?:Exception|Error|Failure|Token|Throttling|Unavailable)?): ([\s\S]*)$/;
/** A Node network code in a wrapped message ("Error: connect ECONNREFUSED 127.0.0.1:443"). */
const WRAPPED_NETWORK_CODE = /\b(ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|ETIMEDOUT|EPIPE)\b/;

/**
 * The fields of an error from resolving credentials. The SDK's own STS client (a role) throws the
 * service's error as it is; its SSO provider wraps it in a CredentialsProviderError whose message is
 * "Name: message" and drops the status and the answer. Those come back from the name in the message
 * and from `answer`, what our handler saw come back to the provider's last request.
 */
export function credentialErrorFields(error: unknown, answer: ProviderAnswer | undefined): ReturnType<typeof errorFields> {
  const fields = errorFields(error);
  const value = error as ErrorShape | undefined;
  if (value?.name !== 'CredentialsProviderError' || value.$metadata !== undefined) return fields;
  const raw = typeof value.message === 'string' ? value.message : '';
  const networkCode = fields.networkCode ?? WRAPPED_NETWORK_CODE.exec(raw)?.[1];
  const status = answer?.status;
  if (fields.unreadable) {
    const cut = answer?.cut === true || /^Error: aborted\b/.test(raw) || networkCode !== undefined;
    const html = /\bhtml\b/i.test(answer?.contentType ?? '') || /<(?:!doctype\s+html|html)\b/i.test(raw);
    const unreadable: UnreadableAnswer = cut ? 'cut' : html ? 'html' : 'malformed';
    return { message: '', unreadable, ...(networkCode && { networkCode }), ...(status !== undefined && { httpStatus: status }) };
  }
  const wrapped = WRAPPED_AWS_ERROR.exec(raw);
  // Only a service's error carries "Name: message"; the provider's own sentences stay as they are.
  if (!wrapped || status === undefined) return { ...fields, ...(networkCode && { networkCode }) };
  return { name: wrapped[1], message: wrapped[2] ?? '', httpStatus: status, ...(networkCode && { networkCode }) };
}

/** A failed call as a value, for `diagnoseAwsError`; `answer` is what the credential providers last received. */
export function rawAwsError(error: unknown, operation: string, phase: 'credentials' | 'call', cancelled = false, answer?: ProviderAnswer): RawAwsError {
  if (cancelled) return { operation, phase, cancelled: true };
  if (error instanceof TimedOut) return { operation, phase: error.phase, timedOut: true };
  return { operation, phase, ...(phase === 'credentials' ? credentialErrorFields(error, answer) : errorFields(error)) };
}

/**
 * Runs `step` with its own deadline and abort signal: the step is aborted when the deadline
 * passes or when `outer` aborts. Rejects with TimedOut on the deadline.
 */
export async function withTimeout<T>(
  step: (signal: AbortSignal) => Promise<T>,
  timeoutMs: number,
  /** The phase a timeout is reported in; a function when the step moves from one to the other. */
  phase: 'credentials' | 'call' | (() => 'credentials' | 'call'),
  outer?: AbortSignal,
): Promise<T> {
  const abort = new AbortController();
  const onOuterAbort = () => abort.abort();
  outer?.addEventListener('abort', onOuterAbort, { once: true });
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      abort.abort();
      reject(new TimedOut(typeof phase === 'function' ? phase() : phase));
    }, timeoutMs);
  });
  // A late rejection after the race is settled must not surface as unhandled.
  deadline.catch(() => undefined);
  try {
    return await Promise.race([step(abort.signal), deadline]);
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', onOuterAbort);
  }
}
