/**
 * The identity check: resolve a profile's credentials through the SDK's own providers, then ask
 * STS who they belong to. Every outcome is a value: an identity, or a classified failure.
 */

import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { classifyIdentityError, type IdentityFailure, type IdentityPhase } from '../core/identityFailure';
import { baseClientConfig, credentialProvider, DEFAULT_TIMEOUT_MS, type AwsCallContext } from './clients';

export interface CallerIdentity {
  readonly account: string;
  readonly arn: string;
  readonly userId: string;
}

export type IdentityResult =
  | { readonly ok: true; readonly identity: CallerIdentity; readonly durationMs: number; readonly expiresAt?: string }
  | { readonly ok: false; readonly failure: IdentityFailure; readonly durationMs: number };

export interface IdentityCheckOptions extends AwsCallContext {
  readonly timeoutMs?: number;
}

class TimedOut extends Error {
  constructor(readonly phase: IdentityPhase) {
    super('timed out');
  }
}

/** Runs a step, failing with TimedOut when the deadline passes first. */
function withDeadline<T>(step: Promise<T>, deadline: Promise<never>): Promise<T> {
  return Promise.race([step, deadline]);
}

function rawError(error: unknown, phase: IdentityPhase) {
  if (error instanceof TimedOut) return { phase: error.phase, timedOut: true };
  const value = error as { name?: string; message?: string; code?: string; $metadata?: { httpStatusCode?: number }; cause?: { code?: string } };
  const networkCode = typeof value?.code === 'string' ? value.code : typeof value?.cause?.code === 'string' ? value.cause.code : undefined;
  return {
    phase,
    name: value?.name,
    message: value?.message ?? String(error),
    networkCode,
    httpStatus: value?.$metadata?.httpStatusCode,
  };
}

/** Checks one profile (or the environment's keys) in one region. Never throws. */
export async function checkIdentity(options: IdentityCheckOptions): Promise<IdentityResult> {
  const started = Date.now();
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const profile = options.target.type === 'profile' ? options.target.profile : undefined;
  const abort = new AbortController();
  const onOuterAbort = () => abort.abort();
  options.signal?.addEventListener('abort', onOuterAbort, { once: true });
  let phase: IdentityPhase = 'credentials';
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      abort.abort();
      reject(new TimedOut(phase));
    }, timeoutMs);
  });
  // A late rejection after the race is settled must not surface as unhandled.
  deadline.catch(() => undefined);

  try {
    const credentials = await withDeadline(credentialProvider(options)(), deadline);
    phase = 'call';
    const client = new STSClient(baseClientConfig(options, credentials, timeoutMs));
    try {
      const output = await withDeadline(client.send(new GetCallerIdentityCommand({}), { abortSignal: abort.signal }), deadline);
      return {
        ok: true,
        identity: { account: output.Account ?? '', arn: output.Arn ?? '', userId: output.UserId ?? '' },
        durationMs: Date.now() - started,
        expiresAt: credentials.expiration?.toISOString(),
      };
    } finally {
      client.destroy();
    }
  } catch (error) {
    const raw = options.signal?.aborted ? { phase, cancelled: true } : rawError(error, phase);
    return { ok: false, failure: classifyIdentityError(raw, profile), durationMs: Date.now() - started };
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onOuterAbort);
  }
}

/**
 * Checks several targets at once, at most `concurrency` in flight; results keep the input order.
 * `onResult` hears of each result as it arrives, for callers that show progress.
 */
export async function checkIdentities(
  checks: readonly IdentityCheckOptions[],
  options: { concurrency?: number; onResult?: (index: number, result: IdentityResult) => void } = {},
): Promise<IdentityResult[]> {
  const results: IdentityResult[] = new Array(checks.length);
  let next = 0;
  const worker = async () => {
    while (next < checks.length) {
      const index = next++;
      results[index] = await checkIdentity(checks[index]!);
      options.onResult?.(index, results[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 8, checks.length) }, worker));
  return results;
}
