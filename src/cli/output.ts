/** What a CLI command produces: text for stdout and stderr, and the process exit code. */
export interface CommandOutput {
  readonly stdout?: string;
  readonly stderr?: string;
  /** 0 healthy, 1 problems found, 2 usage error. */
  readonly exitCode: 0 | 1 | 2;
}

/** A usage error: wrong arguments. The message says what is wrong and what to do instead. */
export class UsageError extends Error {}
