/**
 * Problems found in the AWS files and the environment, as values: a code, a severity, where it
 * is, and the parameters its message needs. The words live in `messages.ts`, in every language.
 */

export type Severity = 'error' | 'warning' | 'info';

export type ProblemCode =
  | 'file-ignored-blocked-name'
  | 'duplicate-section'
  | 'line-outside-section'
  | 'unparsable-line'
  | 'credentials-prefixed-section'
  | 'invalid-section-name'
  | 'bare-config-section'
  | 'default-section-shadowed'
  | 'role-chain-cycle'
  | 'missing-source-profile'
  | 'source-profile-without-credentials'
  | 'source-profile-and-credential-source'
  | 'unsupported-credential-source'
  | 'mfa-required'
  | 'metadata-credential-source'
  | 'no-credentials'
  | 'incomplete-static-keys'
  | 'sso-session-missing'
  | 'sso-session-incomplete'
  | 'sso-incomplete'
  | 'sso-conflict'
  | 'sso-token-missing'
  | 'sso-token-expired'
  | 'sso-token-unreadable'
  | 'login-token-missing'
  | 'login-token-expired'
  | 'no-region'
  | 'env-profile-missing'
  | 'env-keys-incomplete'
  | 'env-keys-shadow-profile'
  | 'bedrock-api-key-in-env'
  | 'file-unreadable';

export interface Problem {
  readonly code: ProblemCode;
  readonly severity: Severity;
  /** Absolute path of the file the problem is in, when it is in a file. */
  readonly file?: string;
  /** 1-based line. */
  readonly line?: number;
  readonly params: Readonly<Record<string, string>>;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** The most severe of a list of problems, or undefined for none. */
export function worstSeverity(problems: readonly Problem[]): Severity | undefined {
  let worst: Severity | undefined;
  for (const problem of problems) {
    if (worst === undefined || SEVERITY_ORDER[problem.severity] < SEVERITY_ORDER[worst]) worst = problem.severity;
  }
  return worst;
}
