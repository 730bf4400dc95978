/**
 * The three states every check has, on every surface: `ok` (verified in this run, and how),
 * `problem` (verified: a cause and its fix) or `not-verified` (a call could not be read: which,
 * why, what to do). Not verified is never healthy. Pure, shared by the CLI and the extension.
 */

export type Verification = 'ok' | 'problem' | 'not-verified';

/** Whether a set of check states is healthy: only when nothing is a blocking problem or unread. */
export function allVerified(states: readonly { readonly state: Verification; readonly blocking?: boolean }[]): boolean {
  return states.every((check) => check.state === 'ok' || (check.state === 'problem' && check.blocking === false));
}

/**
 * A key that names what failed, not only how: two missing IAM actions, or the same code from two
 * different calls, are two keys. Used to show each distinct failure once, and to sort them.
 */
export function failureKey(failure: {
  readonly code: string;
  readonly operation?: string;
  readonly modelId?: string;
  readonly region?: string;
  readonly deniedAction?: string;
  readonly deniedRegion?: string;
  readonly awsCode?: string;
}): string {
  return [failure.operation ?? '', failure.code, failure.deniedAction ?? '', failure.deniedRegion ?? '', failure.modelId ?? '', failure.region ?? '', failure.awsCode ?? ''].join('\u0000');
}

/**
 * Identity failures that say the check could not run (network, time, throttling, a 5xx or an answer
 * that could not be read, an odd answer), not that the credentials are wrong.
 */
const IDENTITY_UNREAD = new Set(['throttled', 'unreachable', 'service-error', 'timeout', 'cancelled', 'unknown']);

/** The state of an identity check that failed: not verified when STS could not be read, else a problem. */
export function identityVerification(failure: { readonly reason: string }): Exclude<Verification, 'ok'> {
  return IDENTITY_UNREAD.has(failure.reason) ? 'not-verified' : 'problem';
}
