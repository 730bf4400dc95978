import type { FaultKind } from './faults';

/**
 * What the fake saw, for assertions. Entries hold names and identifiers only: never a secret,
 * a session token, a bearer token or a body, so a log may be printed or attached to a report.
 */
export interface RequestLogEntry {
  /** ISO-8601 time the request arrived. */
  time: string;
  /** Module name ('sts', 'sso', 'sso-oidc', …), or 'unknown' when no module matched. */
  service: string;
  operation: string;
  /**
   * The model or profile identifier the path names, decoded (Bedrock and Bedrock Runtime):
   * `jp.anthropic.claude-sonnet-4-5-20250929-v1:0`, an application-profile ARN, a bare model ID.
   */
  resource?: string;
  accessKeyId?: string;
  signingRegion?: string;
  signingService?: string;
  /** HTTP status sent; 0 when the client went away before the answer. */
  status: number;
  errorCode?: string;
  /** The answer came from an injected fault (latency alone does not count). */
  injected?: true;
  /** The fault mode that shaped the answer (`html-503`, `hang`, `reset`, …). */
  fault?: FaultKind;
  /** The client closed the connection before the answer (e.g. its timeout during injected latency). */
  aborted?: true;
}

export class RequestLog {
  /** One array for the server's life: `clear()` empties it in place so references stay live. */
  readonly entries: RequestLogEntry[] = [];

  add(entry: RequestLogEntry): void {
    this.entries.push(entry);
  }

  clear(): void {
    this.entries.length = 0;
  }
}
