/**
 * The one place that decides how AWS SDK clients are built: which credentials (always resolved
 * afresh through the SDK's own providers), which region, timeouts and retries. Endpoints are left
 * to the SDK so that `AWS_ENDPOINT_URL`, `AWS_ENDPOINT_URL_<SERVICE>` and the profile's
 * `endpoint_url` / `services` settings apply exactly as they do for every other SDK tool.
 */

import { fromEnv, fromIni } from '@aws-sdk/credential-providers';
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

/** A fresh provider: no cached file reads, no cached credentials from an earlier check. */
export function credentialProvider(context: AwsCallContext): AwsCredentialIdentityProvider {
  if (context.target.type === 'environment') return fromEnv();
  return fromIni({
    profile: context.target.profile,
    ignoreCache: true,
    mfaCodeProvider: context.mfaCodeProvider,
    // The region the SDK's own STS, SSO and OIDC clients use when the profile names none.
    parentClientConfig: { region: context.region },
    clientConfig: { region: context.region, maxAttempts: 1 },
  });
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
    requestHandler: { connectionTimeout: Math.min(timeoutMs, 5_000), requestTimeout: timeoutMs },
  };
}
