/**
 * A session for one profile and Region: credentials resolved once, clients built on demand with
 * the shared configuration, and every call run with its own deadline and returned as a value.
 */

import type { AwsCredentialIdentity } from '@smithy/types';
import { rawAwsError, withTimeout } from './callErrors';
import { baseClientConfig, credentialProvider, DEFAULT_TIMEOUT_MS, type AwsCallContext } from './clients';
import type { RawAwsError } from '../core/models/bedrockTypes';

export type CallResult<T> =
  | { readonly ok: true; readonly value: T; readonly durationMs: number }
  | { readonly ok: false; readonly error: RawAwsError; readonly durationMs: number };

export interface AwsSessionOptions extends AwsCallContext {
  /** Per call, and for resolving credentials. */
  readonly timeoutMs?: number;
}

/** What a call needs from its session: the deadline and the caller's abort signal. */
export interface CallLimits {
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
}

type ClientConfig = ReturnType<typeof baseClientConfig>;

export interface AwsSession extends CallLimits {
  readonly region: string;
  /** The client named `name`, built once per session from the shared configuration. */
  client<T extends { destroy(): void }>(name: string, build: (config: ClientConfig) => T): T;
  close(): void;
}

/** Resolves credentials (once); a failure is a credentials-phase error. */
export async function openAwsSession(options: AwsSessionOptions): Promise<CallResult<AwsSession>> {
  const started = Date.now();
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let credentials: AwsCredentialIdentity;
  const provider = credentialProvider(options, timeoutMs);
  try {
    credentials = await withTimeout(() => provider.provide(), timeoutMs, 'credentials', options.signal);
  } catch (error) {
    return { ok: false, error: rawAwsError(error, 'ResolveCredentials', 'credentials', options.signal?.aborted, provider.lastAnswer()), durationMs: Date.now() - started };
  } finally {
    // Resolved or abandoned, the provider's own requests end here.
    provider.dispose();
  }
  const config = baseClientConfig(options, credentials, timeoutMs);
  const clients = new Map<string, { destroy(): void }>();
  const session: AwsSession = {
    region: options.region,
    timeoutMs,
    signal: options.signal,
    client<T extends { destroy(): void }>(name: string, build: (config: ClientConfig) => T): T {
      let client = clients.get(name) as T | undefined;
      if (!client) {
        client = build(config);
        clients.set(name, client);
      }
      return client;
    },
    close() {
      for (const client of clients.values()) client.destroy();
      clients.clear();
    },
  };
  return { ok: true, value: session, durationMs: Date.now() - started };
}

/** One call with the session's deadline, as a value. */
export async function callAsValue<T>(limits: CallLimits, operation: string, step: (signal: AbortSignal) => Promise<T>): Promise<CallResult<T>> {
  const started = Date.now();
  try {
    const value = await withTimeout(step, limits.timeoutMs, 'call', limits.signal);
    return { ok: true, value, durationMs: Date.now() - started };
  } catch (error) {
    return { ok: false, error: rawAwsError(error, operation, 'call', limits.signal?.aborted), durationMs: Date.now() - started };
  }
}
