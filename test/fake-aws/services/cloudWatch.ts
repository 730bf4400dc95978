/**
 * CloudWatch over awsJson1_0 with query compatibility (`POST /`,
 * `X-Amz-Target: GraniteServiceVersion20100801.<Op>`, `x-amzn-query-mode: true`, SigV4 name
 * `monitoring`): GetMetricData, answering `AWS/Bedrock` metrics by `ModelId` from the caller
 * account's usage in the signing region (scenario.cloudWatch, computed by scenarios/usageData.ts),
 * with metric-math expressions over them (metricMath.ts); PutMetricAlarm, DescribeAlarms and
 * SetAlarmState (cloudWatchAlarms.ts); PutDashboard and GetDashboard (cloudWatchDashboards.ts).
 * Other operations answer UnknownOperationException.
 *
 * Errors: modelled CloudWatch errors carry `__type` `com.amazonaws.cloudwatch#<Shape>` and the
 * `x-amzn-query-error: <QueryCode>;Sender` header the query-compatible SDK reads first (so the
 * SDK names InvalidParameterValueException); AccessDeniedException and ThrottlingException, which
 * CloudWatch's model does not declare, carry a plain `__type` and no query header.
 */
import { createHash } from 'node:crypto';
import { jsonBody, jsonResponse, type FakeRequest, type FakeResponse } from '../http';
import { AwsError, jsonProtocol, type Protocol } from '../protocols';
import type { ServiceContext, ServiceModule } from '../serviceModule';
import { SUPPORTED_STATS, anchorMinute, type SupportedStat } from '../scenarios/usageData';
import { BEDROCK_ERROR_MESSAGES } from './bedrockWorld';
import { invalid, isObject, missing } from './cloudWatchAccount';
import { describeAlarms, putMetricAlarm, setAlarmState } from './cloudWatchAlarms';
import { getDashboard, putDashboard } from './cloudWatchDashboards';
import { MAX_DATAPOINTS, UsageCache, evaluateQuery, pageOf, type MetricQuery, type PageCursor, type QueryPoints, type QueryWindow } from './cloudWatchQuery';
import { MathError, evaluate, expressionIds, parseExpression, type MathNode, type Series } from './metricMath';

const TARGET_PREFIX = 'GraniteServiceVersion20100801.';
const MAX_QUERIES = 500;
const ID_PATTERN = /^[a-z][a-zA-Z0-9_]*$/;

/** Error texts; the Id-pattern one is AWS's, the others are plausible and not verified against AWS. */
export const CLOUDWATCH_ERROR_MESSAGES = {
  noQueries: 'The parameter MetricDataQueries must contain at least one element.',
  tooManyQueries: `The collection MetricDataQueries must not have a size greater than ${MAX_QUERIES}.`,
  badId: (id: string, member: number): string =>
    `The value ${id} for parameter MetricDataQueries.member.${member}.Id is not matching the expected pattern ^[a-z][a-zA-Z0-9_]*$.`,
  duplicateId: (id: string): string => `The values of parameter MetricDataQueries.member.N.Id must be unique; ${id} is used more than once.`,
  missing: (parameter: string): string => `The parameter ${parameter} is required.`,
  badPeriod: (member: number): string => `The parameter MetricDataQueries.member.${member}.MetricStat.Period must be a multiple of 60.`,
  badStat: (stat: string, member: number): string =>
    `The value ${stat} for parameter MetricDataQueries.member.${member}.MetricStat.Stat is not served by fake-aws (${SUPPORTED_STATS.join(', ')}).`,
  expression: (id: string, detail: string): string => `Error in expression ${id}: ${detail}`,
  startNotBeforeEnd: 'The parameter StartTime must be less than the parameter EndTime.',
  badScanBy: (value: string): string => `The value ${value} for parameter ScanBy is not valid (TimestampDescending, TimestampAscending).`,
  badMaxDatapoints: 'The parameter MaxDatapoints must be a positive integer.',
  badToken: 'The NextToken is invalid or does not belong to this request.',
  denied: (callerArn: string): string => BEDROCK_ERROR_MESSAGES.iamDenied(callerArn, 'cloudwatch:GetMetricData'),
  throttled: 'Rate exceeded',
} as const;

/** Modelled error shape → its awsQuery code. */
const QUERY_CODES: Record<string, string> = {
  InvalidParameterValueException: 'InvalidParameterValue',
  MissingRequiredParameterException: 'MissingParameter',
  InvalidParameterCombinationException: 'InvalidParameterCombination',
  InvalidNextToken: 'InvalidNextToken',
  ValidationException: 'ValidationError',
  DashboardInvalidInputError: 'InvalidParameterInput',
  DashboardNotFoundError: 'ResourceNotFound',
  ResourceNotFound: 'ResourceNotFound',
};

function cloudWatchProtocol(): Protocol {
  const base = jsonProtocol({ style: 'awsJson1_0', throttle: () => new AwsError(400, 'ThrottlingException', CLOUDWATCH_ERROR_MESSAGES.throttled) });
  return {
    ...base,
    renderError(error, requestId) {
      const response = base.renderError(error, requestId);
      const queryCode = QUERY_CODES[error.code];
      if (queryCode === undefined) return response;
      return {
        ...response,
        headers: { ...response.headers, 'x-amzn-query-error': `${queryCode};${error.status >= 500 ? 'Receiver' : 'Sender'}` },
        body: JSON.stringify({ __type: `com.amazonaws.cloudwatch#${error.code}`, message: error.message, ...(error.fields ?? {}) }),
      };
    },
  };
}

function targetOf(req: FakeRequest): string | undefined {
  const target = req.headers['x-amz-target'];
  return req.method === 'POST' && req.path === '/' && target?.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : undefined;
}

/** A metric-math query of GetMetricData: its parsed expression and the period of its grid. */
interface ExpressionQuery {
  id: string;
  label: string;
  returnData: boolean;
  expression: MathNode;
  period: number;
}

function parseQuery(raw: unknown, member: number): MetricQuery | ExpressionQuery {
  if (!isObject(raw)) throw invalid(`MetricDataQueries.member.${member} must be an object.`);
  const id = raw.Id;
  if (typeof id !== 'string') throw missing(`MetricDataQueries.member.${member}.Id`);
  if (!ID_PATTERN.test(id)) throw invalid(CLOUDWATCH_ERROR_MESSAGES.badId(id, member));
  if (raw.Expression !== undefined) {
    if (typeof raw.Expression !== 'string') throw invalid(`MetricDataQueries.member.${member}.Expression must be a string.`);
    let expression: MathNode;
    try {
      expression = parseExpression(raw.Expression);
    } catch (error) {
      if (error instanceof MathError) throw invalid(CLOUDWATCH_ERROR_MESSAGES.expression(id, error.message));
      throw error;
    }
    const period = raw.Period ?? 60;
    if (typeof period !== 'number' || !Number.isInteger(period) || period <= 0 || period % 60 !== 0) throw invalid(CLOUDWATCH_ERROR_MESSAGES.badPeriod(member));
    return { id, label: typeof raw.Label === 'string' ? raw.Label : id, returnData: raw.ReturnData !== false, expression, period };
  }
  const stat = raw.MetricStat;
  if (!isObject(stat) || !isObject(stat.Metric)) throw missing(`MetricDataQueries.member.${member}.MetricStat`);
  const period = stat.Period;
  if (typeof period !== 'number' || !Number.isInteger(period) || period <= 0 || period % 60 !== 0) {
    throw invalid(CLOUDWATCH_ERROR_MESSAGES.badPeriod(member));
  }
  if (typeof stat.Stat !== 'string') throw missing(`MetricDataQueries.member.${member}.MetricStat.Stat`);
  if (!(SUPPORTED_STATS as readonly string[]).includes(stat.Stat)) throw invalid(CLOUDWATCH_ERROR_MESSAGES.badStat(stat.Stat, member));
  const metric = stat.Metric;
  const dimensions = Array.isArray(metric.Dimensions) ? metric.Dimensions : [];
  return {
    id,
    label: typeof raw.Label === 'string' ? raw.Label : String(metric.MetricName ?? ''),
    returnData: raw.ReturnData !== false,
    namespace: String(metric.Namespace ?? ''),
    metricName: String(metric.MetricName ?? ''),
    dimensions: dimensions.filter(isObject).map((dimension) => ({ name: String(dimension.Name ?? ''), value: String(dimension.Value ?? '') })),
    period,
    stat: stat.Stat as SupportedStat,
  };
}

function parseQueries(body: Record<string, unknown>): (MetricQuery | ExpressionQuery)[] {
  const raw = body.MetricDataQueries;
  if (!Array.isArray(raw)) throw missing('MetricDataQueries');
  if (raw.length === 0) throw invalid(CLOUDWATCH_ERROR_MESSAGES.noQueries);
  if (raw.length > MAX_QUERIES) throw invalid(CLOUDWATCH_ERROR_MESSAGES.tooManyQueries);
  const queries = raw.map((query, index) => parseQuery(query, index + 1));
  const seen = new Set<string>();
  for (const query of queries) {
    if (seen.has(query.id)) throw invalid(CLOUDWATCH_ERROR_MESSAGES.duplicateId(query.id));
    seen.add(query.id);
  }
  for (const query of queries) {
    if (!('expression' in query)) continue;
    for (const name of expressionIds(query.expression)) {
      if (!seen.has(name) || name === query.id) throw invalid(CLOUDWATCH_ERROR_MESSAGES.expression(query.id, `Unknown id ${name}.`));
    }
  }
  return queries;
}

/**
 * Every returned query's points: MetricStat queries as before, expressions evaluated over the
 * queries they name (ReturnData false ones included) on their period's grid within the range.
 */
function evaluateAll(queries: readonly (MetricQuery | ExpressionQuery)[], usage: Parameters<typeof evaluateQuery>[1], window: QueryWindow, cache: UsageCache): QueryPoints[] {
  const byId = new Map(queries.map((query) => [query.id, query]));
  const ascending = { ...window, ascending: true };
  const values = new Map<string, Series | number>();
  const resolve = (name: string, visiting: Set<string>): Series | number => {
    const known = values.get(name);
    if (known !== undefined) return known;
    const query = byId.get(name)!;
    if (visiting.has(name)) throw invalid(CLOUDWATCH_ERROR_MESSAGES.expression(name, 'the expressions refer to each other in a circle.'));
    visiting.add(name);
    let value: Series | number;
    if ('expression' in query) {
      const periodMs = query.period * 1000;
      const first = Math.ceil(window.startMs / periodMs) * periodMs;
      const grid: number[] = [];
      for (let time = first; time < Math.min(window.endMs, window.anchor); time += periodMs) grid.push(time);
      value = evaluate(query.expression, { grid, resolve: (inner) => resolve(inner, visiting) });
    } else {
      const points = evaluateQuery(query, usage, ascending, cache);
      value = new Map(points.timestamps.map((time, index) => [time * 1000, points.values[index]!]));
    }
    visiting.delete(name);
    values.set(name, value);
    return value;
  };
  return queries
    .filter((query) => query.returnData)
    .map((query) => {
      if (!('expression' in query)) return evaluateQuery(query, usage, window, cache);
      const value = resolve(query.id, new Set());
      const entries = typeof value === 'number' ? [] : [...value.entries()];
      if (!window.ascending) entries.reverse();
      return { id: query.id, label: query.label, timestamps: entries.map(([time]) => time / 1000), values: entries.map(([, point]) => point) };
    });
}

/** Epoch seconds (the SDK's encoding) → ms. */
function timeOf(body: Record<string, unknown>, name: 'StartTime' | 'EndTime'): number {
  const value = body[name];
  if (typeof value !== 'number' || !Number.isFinite(value)) throw missing(name);
  return value * 1000;
}

/** The request minus its NextToken: what a token is bound to. */
function requestKey(body: Record<string, unknown>): string {
  const { NextToken: _token, ...rest } = body;
  return createHash('sha256').update(JSON.stringify(rest)).digest('base64url').slice(0, 22);
}

interface Token extends PageCursor {
  anchor: number;
}

function encodeToken(key: string, token: Token): string {
  return Buffer.from(JSON.stringify({ v: 1, k: key, a: token.anchor, r: token.result, o: token.offset })).toString('base64url');
}

function decodeToken(raw: string, key: string): Token {
  let token: Record<string, unknown> | undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    token = isObject(parsed) ? parsed : undefined;
  } catch {
    token = undefined;
  }
  const numbers = [token?.a, token?.r, token?.o];
  if (!token || token.v !== 1 || token.k !== key || !numbers.every((value) => typeof value === 'number' && Number.isInteger(value) && value >= 0)) {
    throw new AwsError(400, 'InvalidNextToken', CLOUDWATCH_ERROR_MESSAGES.badToken);
  }
  return { anchor: token.a as number, result: token.r as number, offset: token.o as number };
}

function getMetricData(ctx: ServiceContext): FakeResponse {
  const caller = ctx.caller;
  if (!caller) throw new AwsError(403, 'MissingAuthenticationTokenException', 'Missing Authentication Token');
  const account = ctx.state.cloudWatch?.accounts[caller.key.account];
  const denied = account?.deniedActions ?? [];
  if (denied.includes('cloudwatch:GetMetricData') || denied.includes('cloudwatch:*')) {
    throw new AwsError(403, 'AccessDeniedException', CLOUDWATCH_ERROR_MESSAGES.denied(caller.key.arn));
  }
  const body = jsonBody(ctx.req);
  if (!body) throw new AwsError(400, 'SerializationException', 'The request body is not a JSON object.');
  const queries = parseQueries(body);
  const startMs = timeOf(body, 'StartTime');
  const endMs = timeOf(body, 'EndTime');
  if (startMs >= endMs) throw invalid(CLOUDWATCH_ERROR_MESSAGES.startNotBeforeEnd);
  const scanBy = body.ScanBy ?? 'TimestampDescending';
  if (scanBy !== 'TimestampDescending' && scanBy !== 'TimestampAscending') throw invalid(CLOUDWATCH_ERROR_MESSAGES.badScanBy(String(scanBy)));
  const maxDatapoints = body.MaxDatapoints ?? MAX_DATAPOINTS;
  if (typeof maxDatapoints !== 'number' || !Number.isInteger(maxDatapoints) || maxDatapoints < 1) throw invalid(CLOUDWATCH_ERROR_MESSAGES.badMaxDatapoints);

  const key = requestKey(body);
  const token = typeof body.NextToken === 'string' ? decodeToken(body.NextToken, key) : undefined;
  const anchor = token?.anchor ?? anchorMinute(ctx.now);
  const usage = account?.usage?.[caller.region] ?? [];
  const cache = new UsageCache(anchor);
  const window = { anchor, startMs, endMs, ascending: scanBy === 'TimestampAscending' };
  const points = evaluateAll(queries, usage, window, cache);
  const page = pageOf(points, token ?? { result: 0, offset: 0 }, Math.min(maxDatapoints, MAX_DATAPOINTS));
  return jsonResponse(
    200,
    {
      MetricDataResults: page.results.map((result) => ({ ...result, Messages: [] })),
      ...(page.next && { NextToken: encodeToken(key, { anchor, ...page.next }) }),
      Messages: [],
    },
    { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': ctx.requestId },
  );
}

export const cloudWatchModule: ServiceModule = {
  name: 'cloudwatch',
  signingName: 'monitoring',
  protocol: cloudWatchProtocol(),
  matches: (req) => targetOf(req) !== undefined,
  operation: (req) => targetOf(req) ?? 'Unknown',
  handle(ctx) {
    switch (ctx.operation) {
      case 'GetMetricData':
        return getMetricData(ctx);
      case 'PutMetricAlarm':
        return putMetricAlarm(ctx);
      case 'DescribeAlarms':
        return describeAlarms(ctx);
      case 'SetAlarmState':
        return setAlarmState(ctx);
      case 'PutDashboard':
        return putDashboard(ctx);
      case 'GetDashboard':
        return getDashboard(ctx);
      default:
        throw new AwsError(400, 'UnknownOperationException', `fake-aws cloudwatch does not serve ${ctx.operation}`);
    }
  },
};
