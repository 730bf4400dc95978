/**
 * The identity check: resolve a profile's credentials through the SDK's own providers, then ask
 * STS who they belong to. Every outcome is a value: an identity, or a classified failure.
 */

import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { classifyIdentityError, type IdentityFailure, type IdentityPhase } from '../../core/profiles/identityFailure';
import { credentialErrorFields, errorFields, TimedOut, withTimeout } from '../callErrors';
import { baseClientConfig, credentialProvider, DEFAULT_TIMEOUT_MS, profileNameOf, type AwsCallContext, type ProviderAnswer } from '../clients';

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

function rawError(error: unknown, phase: IdentityPhase, answer: ProviderAnswer | undefined) {
  if (error instanceof TimedOut) return { phase: error.phase, timedOut: true };
  return { phase, ...(phase === 'credentials' ? credentialErrorFields(error, answer) : errorFields(error)) };
}

/** Checks one profile (or the environment's keys) in one region. Never throws. */
export async function checkIdentity(options: IdentityCheckOptions): Promise<IdentityResult> {
  const started = Date.now();
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const profile = profileNameOf(options.target);
  let phase: IdentityPhase = 'credentials';
  const provider = credentialProvider(options, timeoutMs);
  let client: STSClient | undefined;
  try {
    // One deadline for both steps: resolving credentials (SSO refresh, role chain) and the call.
    return await withTimeout(
      async (signal): Promise<IdentityResult> => {
        const credentials = await provider.provide();
        phase = 'call';
        if (signal.aborted) throw new TimedOut(phase);
        client = new STSClient(baseClientConfig(options, credentials, timeoutMs));
        const output = await client.send(new GetCallerIdentityCommand({}), { abortSignal: signal });
        return {
          ok: true,
          identity: { account: output.Account ?? '', arn: output.Arn ?? '', userId: output.UserId ?? '' },
          durationMs: Date.now() - started,
          expiresAt: credentials.expiration?.toISOString(),
        };
      },
      timeoutMs,
      () => phase,
      options.signal,
    );
  } catch (error) {
    const raw = options.signal?.aborted ? { phase, cancelled: true } : rawError(error, phase, provider.lastAnswer());
    return { ok: false, failure: classifyIdentityError(raw, profile), durationMs: Date.now() - started };
  } finally {
    // On time or not, nothing this check started may outlive it.
    provider.dispose();
    client?.destroy();
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
