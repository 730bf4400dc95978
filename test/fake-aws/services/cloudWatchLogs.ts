/**
 * CloudWatch Logs Insights over awsJson1_1 (`POST /`, `X-Amz-Target: Logs_20140328.<Op>`, SigV4
 * name `logs`): StartQuery, GetQueryResults (`Running` for the scenario's number of polls, then
 * `Complete`), StopQuery. Log groups and their invocation-log traffic per caller account and signing
 * Region (scenario.cloudWatchLogs); the query language is the subset logsQuery.ts evaluates.
 */
import { randomUUID } from 'node:crypto';
import type { FakeRequest, FakeResponse } from '../http';
import { awsJsonBody, awsJsonOk, awsJsonOperation } from './awsJsonTarget';
import { AwsError, jsonProtocol } from '../protocols';
import type { FakeLogGroup, Scenario } from '../scenario';
import type { ServiceContext, ServiceModule } from '../serviceModule';
import { BEDROCK_ERROR_MESSAGES } from './bedrockWorld';
import { evaluateTeamQuery, parseTeamQuery } from './logsQuery';

const TARGET_PREFIX = 'Logs_20140328.';
const MAX_LIMIT = 10_000;
const DEFAULT_LIMIT = 1_000;

const LOGS_ERROR_MESSAGES = {
  noLogGroup: 'The specified log group does not exist.',
  noQuery: 'The specified query does not exist.',
  timeRange: 'End time must be after start time.',
} as const;

interface RunningQuery {
  account: string;
  region: string;
  rows: { field: string; value: string }[][];
  recordsMatched: number;
  pollsLeft: number;
  status: 'Running' | 'Complete' | 'Cancelled';
}

/** Queries of each server (its live state object), so two fakes never see each other's. */
const queriesOf = new WeakMap<Scenario, Map<string, RunningQuery>>();

function queries(state: Scenario): Map<string, RunningQuery> {
  let map = queriesOf.get(state);
  if (!map) queriesOf.set(state, (map = new Map()));
  return map;
}

function targetOf(req: FakeRequest): string | undefined {
  return awsJsonOperation(req, TARGET_PREFIX);
}

function logGroupArn(region: string, account: string, name: string): string {
  return `arn:aws:logs:${region}:${account}:log-group:${name}:*`;
}

function caller(ctx: ServiceContext) {
  if (!ctx.caller) throw new AwsError(403, 'MissingAuthenticationTokenException', 'Missing Authentication Token');
  return { account: ctx.caller.key.account, region: ctx.caller.region, arn: ctx.caller.key.arn };
}

function checkDenied(ctx: ServiceContext, action: string, resource?: string): void {
  const { account, arn } = caller(ctx);
  const denied = ctx.state.cloudWatchLogs?.accounts[account]?.deniedActions ?? [];
  if (denied.includes(action) || denied.includes('logs:*')) throw new AwsError(400, 'AccessDeniedException', BEDROCK_ERROR_MESSAGES.iamDenied(arn, action, resource));
}

/** The log group of the caller's account in the signing Region. */
function findLogGroup(state: Scenario, account: string, region: string, name: string): FakeLogGroup | undefined {
  return state.cloudWatchLogs?.accounts[account]?.logGroups?.[region]?.find((group) => group.name === name);
}

function startQuery(ctx: ServiceContext): FakeResponse {
  const { account, region } = caller(ctx);
  const input = awsJsonBody(ctx.req);
  const names = typeof input.logGroupName === 'string' ? [input.logGroupName] : Array.isArray(input.logGroupNames) ? (input.logGroupNames as string[]) : [];
  checkDenied(ctx, 'logs:StartQuery', names[0] === undefined ? undefined : logGroupArn(region, account, names[0]));
  const { startTime, endTime, queryString } = input;
  if (typeof startTime !== 'number' || typeof endTime !== 'number' || typeof queryString !== 'string') {
    throw new AwsError(400, 'InvalidParameterException', '1 validation error detected: startTime, endTime and queryString are required');
  }
  if (names.length === 0) throw new AwsError(400, 'InvalidParameterException', 'Either logGroupName, logGroupNames or logGroupIdentifiers must be specified.');
  if (endTime < startTime) throw new AwsError(400, 'InvalidParameterException', LOGS_ERROR_MESSAGES.timeRange);
  const limit = typeof input.limit === 'number' ? input.limit : DEFAULT_LIMIT;
  if (limit < 1 || limit > MAX_LIMIT) throw new AwsError(400, 'InvalidParameterException', `1 validation error detected: Value '${limit}' at 'limit' failed to satisfy constraint: Member must have value less than or equal to ${MAX_LIMIT}`);
  const groups = names.map((name) => findLogGroup(ctx.state, account, region, name));
  if (groups.some((group) => group === undefined)) throw new AwsError(400, 'ResourceNotFoundException', LOGS_ERROR_MESSAGES.noLogGroup);
  const parsed = parseTeamQuery(queryString);
  const series = groups.flatMap((group) => group!.invocations);
  const outcome = evaluateTeamQuery(parsed, series, startTime * 1000, endTime * 1000 + 1000, ctx.now, limit);
  const queryId = randomUUID();
  queries(ctx.state).set(queryId, { account, region, rows: outcome.rows, recordsMatched: outcome.recordsMatched, pollsLeft: ctx.state.cloudWatchLogs?.runningPolls ?? 1, status: 'Running' });
  return awsJsonOk(ctx, { queryId });
}

function runningQuery(ctx: ServiceContext, queryId: unknown): RunningQuery {
  const { account, region } = caller(ctx);
  const query = typeof queryId === 'string' ? queries(ctx.state).get(queryId) : undefined;
  if (!query || query.account !== account || query.region !== region) throw new AwsError(400, 'ResourceNotFoundException', LOGS_ERROR_MESSAGES.noQuery);
  return query;
}

function getQueryResults(ctx: ServiceContext): FakeResponse {
  checkDenied(ctx, 'logs:GetQueryResults');
  const query = runningQuery(ctx, awsJsonBody(ctx.req).queryId);
  if (query.status === 'Running') {
    if (query.pollsLeft > 0) query.pollsLeft -= 1;
    else query.status = 'Complete';
  }
  const complete = query.status === 'Complete';
  const recordsMatched = complete ? query.recordsMatched : Math.floor(query.recordsMatched / 2);
  return awsJsonOk(ctx, {
    queryLanguage: 'CWLI',
    results: complete ? query.rows : [],
    statistics: { recordsMatched, recordsScanned: recordsMatched, bytesScanned: recordsMatched * 1_500 },
    status: query.status,
  });
}

function stopQuery(ctx: ServiceContext): FakeResponse {
  checkDenied(ctx, 'logs:StopQuery');
  const query = runningQuery(ctx, awsJsonBody(ctx.req).queryId);
  const wasRunning = query.status === 'Running';
  if (wasRunning) query.status = 'Cancelled';
  return awsJsonOk(ctx, { success: wasRunning });
}

export const cloudWatchLogsModule: ServiceModule = {
  name: 'logs',
  signingName: 'logs',
  protocol: jsonProtocol({ style: 'awsJson1_1', throttle: () => new AwsError(400, 'ThrottlingException', 'Rate exceeded') }),
  matches: (req) => targetOf(req) !== undefined,
  operation: (req) => targetOf(req) ?? 'Unknown',
  handle(ctx) {
    switch (ctx.operation) {
      case 'StartQuery':
        return startQuery(ctx);
      case 'GetQueryResults':
        return getQueryResults(ctx);
      case 'StopQuery':
        return stopQuery(ctx);
      default:
        throw new AwsError(400, 'UnknownOperationException', `fake-aws logs does not serve ${ctx.operation}`);
    }
  },
};
