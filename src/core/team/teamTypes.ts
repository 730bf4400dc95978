/**
 * The vocabulary of per-developer usage: the account's model invocation logging configuration,
 * the one Logs Insights query a refresh runs over the invocation logs, its result rows, and the
 * report the Team view and `claude-bedrock team` show. Types and fixed tables only.
 */

import type { AdminProblem } from './adminProblem';
import type { TokenTotals, UsageCost } from '../usage/quotaTypes';

/** Bedrock's model invocation logging configuration of one Region (GetModelInvocationLoggingConfiguration). */
export interface InvocationLoggingConfig {
  readonly cloudWatch?: { readonly logGroupName: string; readonly roleArn: string; readonly largeDataBucket?: string };
  readonly s3?: { readonly bucketName: string; readonly keyPrefix?: string };
  readonly textDataDelivery: boolean;
  readonly imageDataDelivery: boolean;
  readonly embeddingDataDelivery: boolean;
}

/**
 * Where the invocation logs go: nowhere (`off`), only to S3 (Logs Insights cannot query them),
 * or to a CloudWatch Logs group (with or without S3 as well).
 */
export type LoggingState = { readonly state: 'off' } | { readonly state: 's3-only'; readonly bucketName: string } | { readonly state: 'cloudwatch'; readonly logGroupName: string };

export type TeamRange = '1h' | '24h' | '7d' | '30d';

export const TEAM_RANGES: Readonly<Record<TeamRange, number>> = {
  '1h': 3_600_000,
  '24h': 86_400_000,
  '7d': 7 * 86_400_000,
  '30d': 30 * 86_400_000,
};

/** One StartQuery: the log group, the time range (epoch seconds, as the API takes them) and the query. */
export interface TeamQuery {
  readonly logGroupName: string;
  readonly range: TeamRange;
  readonly startTime: number;
  readonly endTime: number;
  readonly queryString: string;
  /** The most rows asked for (Logs Insights returns at most 10,000). */
  readonly limit: number;
}

/** One result row of GetQueryResults: field name → value, as Logs Insights returns them (strings). */
export type QueryRow = Readonly<Record<string, string>>;

/** The state of a Logs Insights query (GetQueryResults `status`). */
export type QueryStatus = 'Scheduled' | 'Running' | 'Complete' | 'Failed' | 'Cancelled' | 'Timeout' | 'Unknown';

/** How an identity ARN reads to a person. */
export interface CallerName {
  /** `alice@example.com` (an SSO session), `ci-deployer` (a role or user), or the ARN itself. */
  readonly name: string;
  readonly kind: 'sso' | 'role' | 'user' | 'root' | 'other';
  /** Rows of one person merge on this: an SSO user's role and session, a plain role's name, a user's ARN. */
  readonly key: string;
  /** The role of an assumed-role ARN. */
  readonly role?: string;
}

/** One developer's (caller's) usage over the range. */
export interface DeveloperUsage {
  readonly key: string;
  readonly name: string;
  readonly kind: CallerName['kind'];
  /** Every identity ARN merged into this row, sorted: shown on hover. */
  readonly arns: readonly string[];
  readonly requests: number;
  readonly tokens: TokenTotals;
  /** List-price cost summed over the models used; undefined when a model used is not in the price table. */
  readonly cost: UsageCost;
  /** Share of the team's tokens (input + output + cache read + cache write), 0–1. */
  readonly share: number;
  /** Model IDs used, sorted. */
  readonly models: readonly string[];
  /** The caller of this refresh (the developer's own row). */
  readonly self: boolean;
}

/** Distinct developers with at least one request, per UTC day. */
export interface ActiveDay {
  /** `YYYY-MM-DD` (UTC, as Logs Insights bins). */
  readonly day: string;
  readonly developers: number;
}

export interface TeamReport {
  readonly region: string;
  readonly range: TeamRange;
  readonly generatedAt: number;
  readonly logging?: LoggingState;
  /** The caller's identity ARN (STS), when it could be read. */
  readonly callerArn?: string;
  /** The query that ran (shown, so an admin can run it in the console). */
  readonly query?: TeamQuery;
  /** Present when the query completed. */
  readonly developers?: readonly DeveloperUsage[];
  readonly activeDays?: readonly ActiveDay[];
  readonly totals?: { readonly requests: number; readonly tokens: TokenTotals; readonly cost: UsageCost & { readonly pricesAsOf: string } };
  /** Logs Insights' own statistics of the query. */
  readonly statistics?: { readonly recordsMatched: number; readonly recordsScanned: number; readonly bytesScanned: number };
  /** The result reached Logs Insights' row limit: some rows may be missing. */
  readonly truncated: boolean;
  readonly problems: readonly AdminProblem[];
}
