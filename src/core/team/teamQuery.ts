/**
 * The one Logs Insights query a Team refresh runs over the Bedrock model invocation logs, and what
 * the logging configuration says about where those logs are. The query reads metadata fields only
 * (who called, which model, token counts, when): never `input.inputBodyJson`, `output.outputBodyJson`
 * or `@message`, which hold the prompts, code and answers. Logs Insights aggregates; our code only
 * parses the result rows.
 */

import type { InvocationLoggingConfig, LoggingState, TeamQuery, TeamRange } from './teamTypes';
import { TEAM_RANGES } from './teamTypes';

/**
 * The invocation-log fields the query reads (the record schema of `ModelInvocationLog` 1.0:
 * `identity.arn`, `modelId`, `input.inputTokenCount`, `input.cacheReadInputTokenCount`,
 * `input.cacheWriteInputTokenCount`, `output.outputTokenCount`, `schemaType`) plus the log
 * event's `@timestamp` for the day bins.
 */
export const TEAM_QUERY_FIELDS = [
  'schemaType',
  'identity.arn',
  'modelId',
  'input.inputTokenCount',
  'output.outputTokenCount',
  'input.cacheReadInputTokenCount',
  'input.cacheWriteInputTokenCount',
  '@timestamp',
] as const;

/** Fields that carry message contents; the query must never name them. */
export const BODY_FIELDS = ['input.inputBodyJson', 'output.outputBodyJson', '@message', 'inputBodyJson', 'outputBodyJson'] as const;

/** Logs Insights returns at most this many rows of a stats query. */
export const MAX_QUERY_ROWS = 10_000;

const QUERY_STRING = [
  'filter schemaType = "ModelInvocationLog" and ispresent(identity.arn)',
  '| stats count(*) as requests, sum(input.inputTokenCount) as inputTokens, sum(output.outputTokenCount) as outputTokens,' +
    ' sum(input.cacheReadInputTokenCount) as cacheReadTokens, sum(input.cacheWriteInputTokenCount) as cacheWriteTokens' +
    ' by identity.arn, modelId, bin(1d)',
].join('\n');

/** The query of one refresh: one row per caller, model and UTC day over the range ending at `now`. */
export function planTeamQuery(logGroupName: string, range: TeamRange, now: number): TeamQuery {
  const endTime = Math.floor(now / 1000);
  return { logGroupName, range, startTime: endTime - TEAM_RANGES[range] / 1000, endTime, queryString: QUERY_STRING, limit: MAX_QUERY_ROWS };
}

/** Whether a query string names a field that carries message contents (used by tests and the fake). */
export function readsMessageBodies(queryString: string): boolean {
  return BODY_FIELDS.some((field) => queryString.includes(field));
}

/** Where the logs go, from the configuration (absent: logging is off). */
export function loggingState(config: InvocationLoggingConfig | undefined): LoggingState {
  if (config?.cloudWatch?.logGroupName) return { state: 'cloudwatch', logGroupName: config.cloudWatch.logGroupName };
  if (config?.s3?.bucketName) return { state: 's3-only', bucketName: config.s3.bucketName };
  return { state: 'off' };
}
