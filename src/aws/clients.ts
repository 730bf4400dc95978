/**
 * The one place that decides how AWS SDK clients are built: which credentials (always resolved
 * afresh through the SDK's own providers), which region, timeouts and retries. Endpoints are left
 * to the SDK so that `AWS_ENDPOINT_URL`, `AWS_ENDPOINT_URL_<SERVICE>` and the profile's
 * `endpoint_url` / `services` settings apply exactly as they do for every other SDK tool.
 */

import { fromEnv, fromIni } from '@aws-sdk/credential-providers';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';

/** Whose credentials: a named profile of the shared files, or the environment variables. */
export type CredentialTarget = { readonly type: 'profile'; readonly profile: string } | { readonly type: 'environment' };

/** The profile name of a target, or undefined for the environment's keys. */
export function profileNameOf(target: CredentialTarget): string | undefined {
  return target.type === 'profile' ? target.profile : undefined;
}

export interface AwsCallContext {
  readonly target: CredentialTarget;
  readonly region: string;
  readonly signal?: AbortSignal;
  /** Asked for a code when a role in the chain has `mfa_serial`; absent in headless use. */
  readonly mfaCodeProvider?: (mfaSerial: string) => Promise<string>;
}

export const DEFAULT_TIMEOUT_MS = 10_000;

/** A credential provider and the means to end every request it started. */
export interface OwnedCredentialProvider {
  readonly provide: AwsCredentialIdentityProvider;
  /**
   * Destroys the sockets of the SDK's own STS, SSO and SSO-OIDC clients (a role chain, an SSO
   * refresh): a request still hanging after our deadline must not keep the process alive.
   */
  dispose(): void;
  /**
   * What came back to the provider's last request, if anything did. The SDK's SSO provider wraps
   * the service's error in a CredentialsProviderError that keeps only "Name: message": the HTTP
   * status and what the body was are known only here.
   */
  lastAnswer(): ProviderAnswer | undefined;
}

/** An HTTP answer the credential providers' own clients received. */
export interface ProviderAnswer {
  readonly status: number;
  readonly contentType?: string;
  /** The connection broke while the body was being read. */
  readonly cut: boolean;
}

/** Our handler for the providers' clients: records each answer, so a wrapped error can still be told by it. */
class RecordingHttpHandler extends NodeHttpHandler {
  answer: { status: number; contentType?: string; cut: boolean } | undefined;

  override async handle(...args: Parameters<NodeHttpHandler['handle']>): ReturnType<NodeHttpHandler['handle']> {
    // A request without an answer (refused, timed out) must not be explained by an earlier one's.
    this.answer = undefined;
    const result = await super.handle(...args);
    const { statusCode, headers, body } = result.response;
    const answer = { status: statusCode, contentType: headers['content-type'], cut: false };
    this.answer = answer;
    const stream = body as { on?: (event: string, listener: () => void) => unknown } | undefined;
    // The body is read after this returns; a reset then breaks it.
    for (const event of ['aborted', 'error']) stream?.on?.(event, () => (answer.cut = true));
    return result;
  }
}

/**
 * A fresh provider: no cached file reads, no cached credentials from an earlier check. Its
 * internal clients send through one HTTP handler we own, with the same timeouts as our own calls,
 * so `dispose()` ends whatever they still have in flight.
 */
export function credentialProvider(context: AwsCallContext, timeoutMs: number = DEFAULT_TIMEOUT_MS): OwnedCredentialProvider {
  if (context.target.type === 'environment') return { provide: fromEnv(), dispose: () => undefined, lastAnswer: () => undefined };
  // throwOnRequestTimeout: an overdue request is an error (ours to word), not a warning the SDK prints to stderr.
  const requestHandler = new RecordingHttpHandler({ connectionTimeout: Math.min(timeoutMs, 5_000), requestTimeout: timeoutMs, throwOnRequestTimeout: true });
  const provide = fromIni({
    profile: context.target.profile,
    ignoreCache: true,
    mfaCodeProvider: context.mfaCodeProvider,
    // The region the SDK's own STS, SSO and OIDC clients use when the profile names none.
    parentClientConfig: { region: context.region },
    clientConfig: { region: context.region, maxAttempts: 1, requestHandler },
  });
  return { provide, dispose: () => requestHandler.destroy(), lastAnswer: () => requestHandler.answer };
}

/**
 * Configuration shared by every client we build. `defaultsMode: 'standard'` keeps the SDK from
 * the `auto` mode, which asks the instance metadata service where it runs.
 */
export function baseClientConfig(context: AwsCallContext, credentials: AwsCredentialIdentity, timeoutMs: number) {
  return {
    region: context.region,
    credentials,
    // Endpoint settings of the chosen profile (`endpoint_url`, `services`) apply to it, as in the CLI.
    profile: profileNameOf(context.target),
    defaultsMode: 'standard' as const,
    maxAttempts: 1,
    requestHandler: { connectionTimeout: Math.min(timeoutMs, 5_000), requestTimeout: timeoutMs, throwOnRequestTimeout: true },
  };
}
