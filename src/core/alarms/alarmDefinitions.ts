/**
 * The two alarms of a model, as PutMetricAlarm takes them: names that say model and kind, the
 * quota-token metric math (the usage view's formula: input + cache write + output × burndown, per
 * minute), thresholds and descriptions that say which model, scope and quota they watch.
 */

import { scopeOf } from '../models/catalog';
import type { AlarmDimension, AlarmKind, AlarmMetricQuery, AlarmRequest, AlarmStatus, ExistingAlarm } from './alarmTypes';
import { ALARM_KINDS } from './alarmTypes';

/** Every alarm this extension makes starts so: DescribeAlarms finds them all by this prefix. */
export const ALARM_NAME_PREFIX = 'claude-bedrock/';

export const BEDROCK_NAMESPACE = 'AWS/Bedrock';

/** One-minute periods: Bedrock's quotas are per minute, and one-minute data is what CloudWatch keeps 15 days. */
export const ALARM_PERIOD_SECONDS = 60;

/**
 * An alarm fires on any breaching minute of the last 15 and stays in ALARM until 15 quiet minutes
 * have passed: the status bar's own window, and one notification per spell rather than per minute.
 */
export const ALARM_EVALUATION_PERIODS = 15;

/** `claude-bedrock/throttles/jp.anthropic.claude-sonnet-4-5-20250929-v1:0`. */
export function alarmName(kind: AlarmKind, modelId: string): string {
  return `${ALARM_NAME_PREFIX}${kind}/${modelId}`;
}

/** The names of every alarm of these models, in order: what a state read asks DescribeAlarms for. */
export function alarmNamesFor(modelIds: readonly string[]): string[] {
  return [...new Set(modelIds)].flatMap((modelId) => ALARM_KINDS.map((kind) => alarmName(kind, modelId)));
}

/** The kind and model of one of our alarm names; undefined for any other alarm. */
export function parseAlarmName(name: string): { readonly kind: AlarmKind; readonly modelId: string } | undefined {
  if (!name.startsWith(ALARM_NAME_PREFIX)) return undefined;
  const rest = name.slice(ALARM_NAME_PREFIX.length);
  const slash = rest.indexOf('/');
  const kind = rest.slice(0, slash) as AlarmKind;
  const modelId = rest.slice(slash + 1);
  return slash > 0 && ALARM_KINDS.includes(kind) && modelId !== '' ? { kind, modelId } : undefined;
}

/** An existing alarm as the view and the status bar show it; undefined for an alarm we did not name. */
export function alarmStatus(alarm: ExistingAlarm): AlarmStatus | undefined {
  const parsed = parseAlarmName(alarm.request.AlarmName);
  if (parsed === undefined) return undefined;
  return {
    name: alarm.request.AlarmName,
    ...parsed,
    state: alarm.state,
    ...(alarm.stateReason === undefined ? {} : { reason: alarm.stateReason }),
    ...(alarm.stateUpdatedAt === undefined ? {} : { updatedAt: alarm.stateUpdatedAt }),
  };
}

const modelDimension = (modelId: string): AlarmDimension[] => [{ Name: 'ModelId', Value: modelId }];

/** The ids of the quota alarm's queries, as CloudWatch requires them (`^[a-z][a-zA-Z0-9_]*$`). */
export const QUOTA_QUERY_IDS = { input: 'input', cacheWrite: 'cacheWrite', output: 'output', tokens: 'tokens', percent: 'quotaPercent' } as const;

/**
 * Quota tokens per minute as metric math: input + cache write + output × burndown, each a
 * one-minute Sum, a missing one counted as 0 (as the usage view counts it).
 */
export function quotaTokensExpression(burndown: number): string {
  const { input, cacheWrite, output } = QUOTA_QUERY_IDS;
  return `FILL(${input}, 0) + FILL(${cacheWrite}, 0) + FILL(${output}, 0) * ${burndown}`;
}

/** The quota tokens as a percentage of the quota value (a number, or a template placeholder such as `${TpmQuota}`). */
export function quotaPercentExpression(quotaValue: number | string): string {
  return `100 * ${QUOTA_QUERY_IDS.tokens} / ${quotaValue}`;
}

/** The queries of the quota alarm: the three token counts, the quota tokens, and their percentage of the quota (the one returned). */
export function quotaAlarmMetrics(modelId: string, burndown: number, quotaValue: number | string): AlarmMetricQuery[] {
  const stat = (Id: string, MetricName: string): AlarmMetricQuery => ({
    Id,
    ReturnData: false,
    MetricStat: { Metric: { Namespace: BEDROCK_NAMESPACE, MetricName, Dimensions: modelDimension(modelId) }, Period: ALARM_PERIOD_SECONDS, Stat: 'Sum' },
  });
  return [
    stat(QUOTA_QUERY_IDS.input, 'InputTokenCount'),
    stat(QUOTA_QUERY_IDS.cacheWrite, 'CacheWriteInputTokenCount'),
    stat(QUOTA_QUERY_IDS.output, 'OutputTokenCount'),
    { Id: QUOTA_QUERY_IDS.tokens, Label: `Quota tokens per minute (input + cache write + output × ${burndown})`, ReturnData: false, Expression: quotaTokensExpression(burndown) },
    { Id: QUOTA_QUERY_IDS.percent, Label: 'Percent of the tokens-per-minute quota', ReturnData: true, Expression: quotaPercentExpression(quotaValue) },
  ];
}

/** What a scope prefix says, for descriptions: `jp.` → "jp. (geographic cross-Region)". */
function scopeWords(modelId: string): string {
  const scope = scopeOf(modelId);
  if (scope === 'global') return 'global. (global cross-Region inference)';
  if (scope === 'in-region') return 'in-Region on-demand';
  if (scope === undefined || scope === 'application') return 'application inference profile';
  return `${scope}. (geographic cross-Region inference)`;
}

const common = {
  ActionsEnabled: true,
  ComparisonOperator: 'GreaterThanOrEqualToThreshold',
  EvaluationPeriods: ALARM_EVALUATION_PERIODS,
  DatapointsToAlarm: 1,
  TreatMissingData: 'notBreaching',
} as const;

/**
 * The throttling alarm of one model: at least `threshold` throttled requests in a minute of the last
 * 15. A template passes the threshold as a placeholder (`${ThrottleAlarmThreshold}`, in the
 * description) and sets `Threshold` itself.
 */
export function throttleAlarm(modelId: string, region: string, threshold: number | string, actions: readonly string[]): AlarmRequest {
  return {
    AlarmName: alarmName('throttles', modelId),
    AlarmDescription:
      `Claude on Bedrock: Bedrock throttled requests to ${modelId}, scope ${scopeWords(modelId)}, in ${region}: ` +
      `${threshold} or more throttled requests in one minute within the last ${ALARM_EVALUATION_PERIODS} minutes (AWS/Bedrock InvocationThrottles, Sum per minute). Made by claude-bedrock.`,
    ...common,
    AlarmActions: [...actions],
    Threshold: typeof threshold === 'number' ? threshold : 0,
    Namespace: BEDROCK_NAMESPACE,
    MetricName: 'InvocationThrottles',
    Dimensions: modelDimension(modelId),
    Period: ALARM_PERIOD_SECONDS,
    Statistic: 'Sum',
  };
}

/**
 * The quota alarm of one model: quota tokens in a minute of the last 15 at or above `percent` of the
 * TPM quota. A template passes the percentage and the quota value as placeholders.
 */
export function quotaAlarm(
  modelId: string,
  region: string,
  quota: { readonly code: string; readonly name: string; readonly value: number | string },
  percent: number | string,
  burndown: number,
  actions: readonly string[],
): AlarmRequest {
  const value = typeof quota.value === 'number' ? quota.value.toLocaleString('en-US') : quota.value;
  return {
    AlarmName: alarmName('quota-tpm', modelId),
    AlarmDescription:
      `Claude on Bedrock: ${modelId}, scope ${scopeWords(modelId)}, in ${region} used ${percent}% or more of its tokens-per-minute quota ` +
      `(${value}, ${quota.code} "${quota.name}") in one minute within the last ${ALARM_EVALUATION_PERIODS} minutes. ` +
      `Quota tokens per minute = input + cache write + output × ${burndown}, as Bedrock counts them against the quota. Made by claude-bedrock.`,
    ...common,
    AlarmActions: [...actions],
    Threshold: typeof percent === 'number' ? percent : 0,
    Metrics: quotaAlarmMetrics(modelId, burndown, quota.value),
  };
}

const REQUEST_KEYS: readonly (keyof AlarmRequest)[] = [
  'AlarmName', 'AlarmDescription', 'ActionsEnabled', 'AlarmActions', 'ComparisonOperator', 'EvaluationPeriods', 'DatapointsToAlarm',
  'Threshold', 'TreatMissingData', 'Namespace', 'MetricName', 'Dimensions', 'Period', 'Statistic', 'Metrics',
];

/** The fields PutMetricAlarm sets, in one fixed order with the actions sorted: what a preview shows, side by side. */
export function canonicalRequest(request: AlarmRequest): AlarmRequest {
  return Object.fromEntries(
    REQUEST_KEYS.filter((key) => request[key] !== undefined).map((key) => [key, key === 'AlarmActions' ? [...request.AlarmActions].sort() : request[key]]),
  ) as unknown as AlarmRequest;
}

/** Two alarms are the same when their canonical requests are (nested keys in any order). */
export function comparableRequest(request: AlarmRequest): string {
  return JSON.stringify(canonicalRequest(request), (_key, value: unknown) => (value !== null && typeof value === 'object' && !Array.isArray(value) ? sortKeys(value as Record<string, unknown>) : value));
}

function sortKeys(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.keys(value).sort().map((key) => [key, value[key]]));
}
