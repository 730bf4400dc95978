/**
 * CloudWatch metric alarms: PutMetricAlarm (an upsert, checked as CloudWatch checks it: required
 * fields, one metric or metric math, expressions it can parse with ids it knows, exactly one query
 * returning data, evaluation range within a day), DescribeAlarms (by names or prefix, paged) and
 * SetAlarmState. An alarm's state is evaluated against the account's usage data on every read, as
 * CloudWatch evaluates every minute, unless the scenario or SetAlarmState pinned it.
 * The validation texts are fake-aws's own, not verified against AWS.
 */
import { jsonBody, jsonResponse, type FakeResponse } from '../http';
import { AwsError } from '../protocols';
import type { FakeAlarm, FakeAlarmState, FakeUsageSeries } from '../scenario';
import type { ServiceContext } from '../serviceModule';
import { SUPPORTED_STATS, anchorMinute, type SupportedStat } from '../scenarios/usageData';
import { accountOf, callerOf, invalid, isObject, missing, requireAllowed, validation } from './cloudWatchAccount';
import { UsageCache, evaluateQuery } from './cloudWatchQuery';
import { MathError, evaluate, expressionIds, parseExpression, type MathNode, type Series } from './metricMath';

const COMPARISONS: Readonly<Record<string, (value: number, threshold: number) => boolean>> = {
  GreaterThanOrEqualToThreshold: (value, threshold) => value >= threshold,
  GreaterThanThreshold: (value, threshold) => value > threshold,
  LessThanThreshold: (value, threshold) => value < threshold,
  LessThanOrEqualToThreshold: (value, threshold) => value <= threshold,
};
const TREAT_MISSING = ['breaching', 'notBreaching', 'ignore', 'missing'];
const ID_PATTERN = /^[a-z][a-zA-Z0-9_]*$/;
const ACTION_ARN = /^arn:aws[a-z-]*:(?:sns|automate|lambda|ssm|swf|ec2):[a-z0-9-]*:\d{0,12}:\S+$/;
const STATES: readonly FakeAlarmState[] = ['OK', 'ALARM', 'INSUFFICIENT_DATA'];

interface StatQuery {
  readonly id: string;
  readonly returnData: boolean;
  readonly stat: { readonly namespace: string; readonly metricName: string; readonly dimensions: { name: string; value: string }[]; readonly period: number; readonly stat: SupportedStat };
}
interface ExpressionQuery {
  readonly id: string;
  readonly returnData: boolean;
  readonly expression: MathNode;
  readonly text: string;
}
type AlarmQuery = StatQuery | ExpressionQuery;

function body(ctx: ServiceContext): Record<string, unknown> {
  const parsed = jsonBody(ctx.req);
  if (!parsed) throw new AwsError(400, 'SerializationException', 'The request body is not a JSON object.');
  return parsed;
}

function reply(ctx: ServiceContext, value: unknown): FakeResponse {
  return jsonResponse(200, value, { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': ctx.requestId });
}

function dimensionsOf(raw: unknown, where: string): { name: string; value: string }[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) throw validation(`${where}.Dimensions must be a list.`);
  return raw.map((dimension, index) => {
    if (!isObject(dimension) || typeof dimension.Name !== 'string' || typeof dimension.Value !== 'string') throw validation(`${where}.Dimensions.member.${index + 1} needs a Name and a Value.`);
    return { name: dimension.Name, value: dimension.Value };
  });
}

function statOf(raw: unknown, where: string): SupportedStat {
  if (typeof raw !== 'string') throw missing(`${where}.Stat`);
  if (!(SUPPORTED_STATS as readonly string[]).includes(raw)) throw validation(`The value ${raw} for ${where}.Stat is not a statistic fake-aws serves (${SUPPORTED_STATS.join(', ')}).`);
  return raw as SupportedStat;
}

function periodOf(raw: unknown, where: string): number {
  if (typeof raw !== 'number' || !Number.isInteger(raw) || raw <= 0 || raw % 60 !== 0) throw validation(`${where} must be a positive multiple of 60.`);
  return raw;
}

/** The checked queries of a metric-math alarm, with every expression parsed and its ids resolved. */
function parseAlarmMetrics(raw: unknown, rejectedFunctions: readonly string[] = []): AlarmQuery[] {
  if (!Array.isArray(raw) || raw.length === 0) throw validation('Metrics must hold at least one query.');
  if (raw.length > 10) throw validation('Metrics must not hold more than 10 queries.');
  const queries: AlarmQuery[] = raw.map((entry, index) => {
    const where = `Metrics.member.${index + 1}`;
    if (!isObject(entry)) throw validation(`${where} must be an object.`);
    if (typeof entry.Id !== 'string') throw missing(`${where}.Id`);
    if (!ID_PATTERN.test(entry.Id)) throw validation(`The value ${entry.Id} for ${where}.Id is not matching the expected pattern ^[a-z][a-zA-Z0-9_]*$.`);
    const returnData = entry.ReturnData !== false;
    const hasStat = entry.MetricStat !== undefined;
    const hasExpression = entry.Expression !== undefined;
    if (hasStat === hasExpression) throw validation(`${where} must have exactly one of MetricStat and Expression.`);
    if (hasExpression) {
      if (typeof entry.Expression !== 'string') throw validation(`${where}.Expression must be a string.`);
      let expression: MathNode;
      try {
        expression = parseExpression(entry.Expression);
      } catch (error) {
        if (error instanceof MathError) throw validation(`Error in expression ${entry.Id}: ${error.message}`);
        throw error;
      }
      for (const name of rejectedFunctions) {
        if (new RegExp(`\\b${name}\\s*\\(`, 'i').test(entry.Expression)) throw validation(`Error in expression ${entry.Id}: Unsupported function ${name}.`);
      }
      return { id: entry.Id, returnData, expression, text: entry.Expression };
    }
    const stat = entry.MetricStat;
    if (!isObject(stat) || !isObject(stat.Metric)) throw missing(`${where}.MetricStat.Metric`);
    if (typeof stat.Metric.Namespace !== 'string' || typeof stat.Metric.MetricName !== 'string') throw missing(`${where}.MetricStat.Metric.MetricName`);
    return {
      id: entry.Id,
      returnData,
      stat: {
        namespace: stat.Metric.Namespace,
        metricName: stat.Metric.MetricName,
        dimensions: dimensionsOf(stat.Metric.Dimensions, `${where}.MetricStat.Metric`),
        period: periodOf(stat.Period, `${where}.MetricStat.Period`),
        stat: statOf(stat.Stat, `${where}.MetricStat`),
      },
    };
  });
  const ids = new Set<string>();
  for (const query of queries) {
    if (ids.has(query.id)) throw validation(`The id ${query.id} is used by more than one query of Metrics.`);
    ids.add(query.id);
  }
  for (const query of queries) {
    if (!('expression' in query)) continue;
    for (const name of expressionIds(query.expression)) {
      if (!ids.has(name)) throw validation(`Error in expression ${query.id}: Unknown id ${name}.`);
      if (name === query.id) throw validation(`Error in expression ${query.id}: an expression cannot refer to itself.`);
    }
  }
  if (queries.filter((query) => query.returnData).length !== 1) throw validation('Exactly one element of the Metrics list should return data (ReturnData true).');
  return queries;
}

/** The alarm's period: its own (single metric) or its queries' (metric math). */
function alarmPeriod(definition: Record<string, unknown>, queries: readonly AlarmQuery[] | undefined): number {
  if (queries === undefined) return definition.Period as number;
  return Math.min(...queries.flatMap((query) => ('stat' in query ? [query.stat.period] : [])), 60 * 60 * 24);
}

function checkAlarm(definition: Record<string, unknown>, rejectedFunctions: readonly string[]): AlarmQuery[] | undefined {
  const name = definition.AlarmName;
  if (typeof name !== 'string') throw missing('AlarmName');
  if (name.length < 1 || name.length > 255 || !/^[\x20-\x7e]+$/.test(name)) throw validation('AlarmName must be 1 to 255 printable ASCII characters.');
  if (definition.AlarmDescription !== undefined && (typeof definition.AlarmDescription !== 'string' || definition.AlarmDescription.length > 1024)) {
    throw validation('AlarmDescription must be a string of at most 1024 characters.');
  }
  const periods = definition.EvaluationPeriods;
  if (periods === undefined) throw missing('EvaluationPeriods');
  if (typeof periods !== 'number' || !Number.isInteger(periods) || periods < 1) throw validation('EvaluationPeriods must be a positive integer.');
  if (definition.ComparisonOperator === undefined) throw missing('ComparisonOperator');
  if (!(String(definition.ComparisonOperator) in COMPARISONS)) throw validation(`The value ${String(definition.ComparisonOperator)} for ComparisonOperator is not one fake-aws evaluates (${Object.keys(COMPARISONS).join(', ')}).`);
  if (typeof definition.Threshold !== 'number') throw missing('Threshold');
  const datapoints = definition.DatapointsToAlarm ?? periods;
  if (typeof datapoints !== 'number' || !Number.isInteger(datapoints) || datapoints < 1 || datapoints > periods) throw validation('DatapointsToAlarm must be between 1 and EvaluationPeriods.');
  if (definition.TreatMissingData !== undefined && !TREAT_MISSING.includes(String(definition.TreatMissingData))) throw validation(`TreatMissingData must be one of ${TREAT_MISSING.join(', ')}.`);
  for (const list of ['AlarmActions', 'OKActions', 'InsufficientDataActions'] as const) {
    const actions = definition[list] ?? [];
    if (!Array.isArray(actions) || actions.length > 5) throw validation(`${list} must be a list of at most 5 ARNs.`);
    for (const action of actions) if (typeof action !== 'string' || !ACTION_ARN.test(action)) throw validation(`Invalid arn syntax: ${String(action)} in ${list}.`);
  }
  const single = definition.MetricName !== undefined;
  const math = definition.Metrics !== undefined;
  if (single === math) throw validation('An alarm needs either MetricName (a single metric) or Metrics (metric math), not both and not neither.');
  let queries: AlarmQuery[] | undefined;
  if (single) {
    if (typeof definition.Namespace !== 'string') throw missing('Namespace');
    periodOf(definition.Period, 'Period');
    statOf(definition.Statistic, 'Statistic');
    dimensionsOf(definition.Dimensions, 'the alarm');
  } else {
    queries = parseAlarmMetrics(definition.Metrics, rejectedFunctions);
  }
  if (alarmPeriod(definition, queries) * periods > 86_400) throw validation('The evaluation range (Period × EvaluationPeriods) must not exceed one day.');
  return queries;
}

function alarmsIn(ctx: ServiceContext, create: boolean): FakeAlarm[] {
  const account = accountOf(ctx, create);
  if (!account) return [];
  const region = callerOf(ctx).region;
  if (!create) return account.alarms?.[region] ?? [];
  return ((account.alarms ??= {})[region] ??= []);
}

export function putMetricAlarm(ctx: ServiceContext): FakeResponse {
  requireAllowed(ctx, 'cloudwatch:PutMetricAlarm');
  const definition = body(ctx);
  checkAlarm(definition, accountOf(ctx, false)?.rejectedFunctions ?? []);
  const alarms = alarmsIn(ctx, true);
  const index = alarms.findIndex((alarm) => alarm.definition.AlarmName === definition.AlarmName);
  const now = ctx.now;
  const previous = alarms[index];
  const alarm: FakeAlarm = previous
    ? { ...previous, definition, configurationUpdated: now, pinned: false }
    : { definition, state: 'INSUFFICIENT_DATA', stateReason: 'Unchecked: Initial alarm creation', stateUpdated: now, configurationUpdated: now };
  if (index >= 0) alarms[index] = alarm;
  else alarms.push(alarm);
  return reply(ctx, {});
}

/** The alarm's values per period over its evaluation range, ending before the request's minute. */
function alarmValues(alarm: FakeAlarm, usage: FakeUsageSeries[], now: number): { readonly values: Series; readonly grid: number[] } {
  const definition = alarm.definition;
  const queries = definition.Metrics === undefined ? undefined : parseAlarmMetrics(definition.Metrics);
  const period = alarmPeriod(definition, queries);
  const periodMs = period * 1000;
  const anchor = anchorMinute(now);
  const end = Math.floor(anchor / periodMs) * periodMs;
  const start = end - (definition.EvaluationPeriods as number) * periodMs;
  const grid = Array.from({ length: (end - start) / periodMs }, (_unused, index) => start + index * periodMs);
  const cache = new UsageCache(anchor);
  const window = { anchor, startMs: start, endMs: end, ascending: true };
  const statSeries = (stat: StatQuery['stat']): Series => {
    const points = evaluateQuery({ id: 'q', label: '', returnData: true, namespace: stat.namespace, metricName: stat.metricName, dimensions: stat.dimensions, period: stat.period, stat: stat.stat }, usage, window, cache);
    return new Map(points.timestamps.map((time, index) => [time * 1000, points.values[index]!]));
  };
  if (queries === undefined) {
    return {
      values: statSeries({ namespace: definition.Namespace as string, metricName: definition.MetricName as string, dimensions: dimensionsOf(definition.Dimensions, 'the alarm'), period, stat: definition.Statistic as SupportedStat }),
      grid,
    };
  }
  const byId = new Map(queries.map((query) => [query.id, query]));
  const results = new Map<string, Series | number>();
  const resolve = (name: string, visiting: Set<string> = new Set()): Series | number => {
    const known = results.get(name);
    if (known !== undefined) return known;
    const query = byId.get(name)!;
    if (visiting.has(name)) throw new MathError(`Expression ${name} refers to itself.`);
    visiting.add(name);
    const value = 'stat' in query ? statSeries(query.stat) : evaluate(query.expression, { grid, resolve: (inner) => resolve(inner, visiting) });
    results.set(name, value);
    return value;
  };
  const returned = queries.find((query) => query.returnData)!;
  const value = resolve(returned.id);
  return { values: typeof value === 'number' ? new Map(grid.map((time) => [time, value])) : value, grid };
}

/** CloudWatch's evaluation: M of the last N periods breaching → ALARM; missing data as TreatMissingData says. */
function evaluateAlarm(alarm: FakeAlarm, usage: FakeUsageSeries[], now: number): { state: FakeAlarmState; reason: string } {
  const { values, grid } = alarmValues(alarm, usage, now);
  const definition = alarm.definition;
  const threshold = definition.Threshold as number;
  const breaches = COMPARISONS[String(definition.ComparisonOperator)]!;
  const treatMissing = String(definition.TreatMissingData ?? 'missing');
  const needed = (definition.DatapointsToAlarm as number | undefined) ?? (definition.EvaluationPeriods as number);
  let breaching = 0;
  let evaluated = 0;
  for (const time of grid) {
    const value = values.get(time);
    if (value === undefined) {
      if (treatMissing === 'breaching') breaching += 1;
      if (treatMissing === 'breaching' || treatMissing === 'notBreaching') evaluated += 1;
      continue;
    }
    evaluated += 1;
    if (breaches(value, threshold)) breaching += 1;
  }
  const relation = String(definition.ComparisonOperator).replace(/Threshold$/, '').replace(/([A-Z])/g, ' $1').trim().toLowerCase();
  if (breaching >= needed) return { state: 'ALARM', reason: `Threshold Crossed: ${breaching} out of the last ${grid.length} datapoints were ${relation} the threshold (${threshold}) (minimum ${needed} datapoint(s) for OK -> ALARM transition).` };
  if (evaluated === 0) return { state: 'INSUFFICIENT_DATA', reason: `Insufficient Data: ${grid.length} datapoints were unknown.` };
  return { state: 'OK', reason: `Threshold Crossed: no more than ${breaching} of the last ${grid.length} datapoints were ${relation} the threshold (${threshold}) (minimum ${needed} datapoint(s) for ALARM).` };
}

function alarmJson(alarm: FakeAlarm, region: string, account: string): Record<string, unknown> {
  const definition = alarm.definition;
  return {
    ...definition,
    AlarmArn: `arn:aws:cloudwatch:${region}:${account}:alarm:${String(definition.AlarmName)}`,
    ActionsEnabled: definition.ActionsEnabled ?? true,
    AlarmActions: definition.AlarmActions ?? [],
    OKActions: definition.OKActions ?? [],
    InsufficientDataActions: definition.InsufficientDataActions ?? [],
    StateValue: alarm.state,
    StateReason: alarm.stateReason,
    StateUpdatedTimestamp: alarm.stateUpdated / 1000,
    AlarmConfigurationUpdatedTimestamp: alarm.configurationUpdated / 1000,
    StateTransitionedTimestamp: alarm.stateUpdated / 1000,
  };
}

export function describeAlarms(ctx: ServiceContext): FakeResponse {
  requireAllowed(ctx, 'cloudwatch:DescribeAlarms');
  const request = body(ctx);
  const caller = callerOf(ctx);
  const names = request.AlarmNames;
  const prefix = request.AlarmNamePrefix;
  if (names !== undefined && prefix !== undefined) throw new AwsError(400, 'InvalidParameterCombinationException', 'AlarmNames and AlarmNamePrefix cannot be used together.');
  if (names !== undefined && (!Array.isArray(names) || names.length > 100)) throw invalid('AlarmNames must be a list of at most 100 names.');
  const maxRecords = request.MaxRecords ?? 50;
  if (typeof maxRecords !== 'number' || !Number.isInteger(maxRecords) || maxRecords < 1 || maxRecords > 100) throw invalid('MaxRecords must be between 1 and 100.');
  if (request.StateValue !== undefined && !STATES.includes(request.StateValue as FakeAlarmState)) throw invalid(`The value ${String(request.StateValue)} for StateValue is not valid.`);
  const account = accountOf(ctx, false);
  const usage = account?.usage?.[caller.region] ?? [];
  const selected = alarmsIn(ctx, false)
    .filter((alarm) => (Array.isArray(names) ? names.includes(alarm.definition.AlarmName) : typeof prefix === 'string' ? String(alarm.definition.AlarmName).startsWith(prefix) : true))
    .sort((a, b) => (String(a.definition.AlarmName) < String(b.definition.AlarmName) ? -1 : 1));
  for (const alarm of selected) {
    if (alarm.pinned) continue;
    const evaluated = evaluateAlarm(alarm, usage, ctx.now);
    if (evaluated.state !== alarm.state) alarm.stateUpdated = ctx.now;
    alarm.state = evaluated.state;
    alarm.stateReason = evaluated.reason;
  }
  const filtered = selected.filter((alarm) => request.StateValue === undefined || alarm.state === request.StateValue);
  const offset = typeof request.NextToken === 'string' ? Number(Buffer.from(request.NextToken, 'base64url').toString('utf8')) : 0;
  if (!Number.isInteger(offset) || offset < 0 || offset > filtered.length) throw new AwsError(400, 'InvalidNextToken', 'The NextToken is invalid.');
  const page = filtered.slice(offset, offset + maxRecords);
  const next = offset + maxRecords < filtered.length ? Buffer.from(String(offset + maxRecords)).toString('base64url') : undefined;
  return reply(ctx, { MetricAlarms: page.map((alarm) => alarmJson(alarm, caller.region, caller.key.account)), CompositeAlarms: [], ...(next === undefined ? {} : { NextToken: next }) });
}

export function setAlarmState(ctx: ServiceContext): FakeResponse {
  requireAllowed(ctx, 'cloudwatch:SetAlarmState');
  const request = body(ctx);
  if (typeof request.AlarmName !== 'string') throw missing('AlarmName');
  if (!STATES.includes(request.StateValue as FakeAlarmState)) throw invalid(`The value ${String(request.StateValue)} for StateValue is not valid.`);
  if (typeof request.StateReason !== 'string') throw missing('StateReason');
  const alarm = alarmsIn(ctx, false).find((candidate) => candidate.definition.AlarmName === request.AlarmName);
  if (!alarm) throw new AwsError(404, 'ResourceNotFound', `Alarm ${request.AlarmName} does not exist.`);
  alarm.state = request.StateValue as FakeAlarmState;
  alarm.stateReason = request.StateReason;
  alarm.stateUpdated = ctx.now;
  alarm.pinned = true;
  return reply(ctx, {});
}

