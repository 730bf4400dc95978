/**
 * The CloudWatch side of a usage refresh without the wire: one GetMetricData plan for every
 * configured model and every `AWS/Bedrock` metric, and the answer put back onto the plan's time grid.
 */

import {
  USAGE_METRIC_STATS,
  USAGE_METRICS,
  USAGE_RANGES,
  type MetricQuery,
  type MetricQueryPlan,
  type MetricSeriesRecord,
  type ModelSeries,
  type UsageMetric,
  type UsageRange,
  type UsageSeries,
} from './quotaTypes';

/** GetMetricData accepts at most this many queries in one call. */
export const MAX_METRIC_QUERIES = 500;

/** With ten metrics per model, one call covers this many models. */
export const MAX_PLANNED_MODELS = Math.floor(MAX_METRIC_QUERIES / USAGE_METRICS.length);

/** The short name of each metric in a query ID (`m0_inv`). */
const METRIC_SHORT_NAMES: Readonly<Record<UsageMetric, string>> = {
  Invocations: 'inv',
  InvocationThrottles: 'thr',
  InvocationClientErrors: 'cer',
  InvocationServerErrors: 'ser',
  InvocationLatency: 'lat',
  InputTokenCount: 'in',
  OutputTokenCount: 'out',
  CacheReadInputTokenCount: 'cr',
  CacheWriteInputTokenCount: 'cw',
  EstimatedTPMQuotaUsage: 'est',
};

/** The query ID of one metric of the model at `modelIndex` in a plan. */
export function metricQueryId(modelIndex: number, metric: UsageMetric): string {
  return `m${modelIndex}_${METRIC_SHORT_NAMES[metric]}`;
}

/** The distinct model IDs in their first order: a model configured twice is queried once. */
function distinct(modelIds: readonly string[]): string[] {
  return [...new Set(modelIds)];
}

/**
 * One plan for all models × all usage metrics over the range ending now. The end is the end of the
 * period that contains `nowMs`, so the current (partial) period is included and every bound lies on
 * the period grid; the start is one range earlier. More than {@link MAX_PLANNED_MODELS} distinct
 * models would exceed one call's query limit: that throws rather than silently dropping models.
 */
export function planMetricQueries(modelIds: readonly string[], range: UsageRange, nowMs: number): MetricQueryPlan {
  const models = distinct(modelIds);
  if (models.length > MAX_PLANNED_MODELS) {
    throw new Error(
      `Cannot plan usage queries for ${models.length} models: one GetMetricData call takes at most ${MAX_METRIC_QUERIES} queries (${MAX_PLANNED_MODELS} models).`,
    );
  }
  const { durationMs, periodSeconds } = USAGE_RANGES[range];
  const periodMs = periodSeconds * 1000;
  const endMs = Math.floor(nowMs / periodMs) * periodMs + periodMs;
  const queries: MetricQuery[] = models.flatMap((modelId, index) =>
    USAGE_METRICS.map((metric) => ({ id: metricQueryId(index, metric), modelId, metric, stat: USAGE_METRIC_STATS[metric], periodSeconds })),
  );
  return { range, startMs: endMs - durationMs, endMs, periodSeconds, queries };
}

/** The start of every period of a plan, oldest first. */
function gridOf(plan: MetricQueryPlan): number[] {
  const periodMs = plan.periodSeconds * 1000;
  const count = Math.max(0, Math.floor((plan.endMs - plan.startMs) / periodMs));
  return Array.from({ length: count }, (_unused, index) => plan.startMs + index * periodMs);
}

/**
 * The answer of GetMetricData on the plan's grid: one series per model and metric, oldest first,
 * null where CloudWatch returned no point. Results may come in any order and in several records per
 * ID (pages); unknown IDs, points off the grid and non-finite values are ignored. `partial` is set
 * when any record of a planned query came back incomplete.
 */
export function seriesFromResults(plan: MetricQueryPlan, results: readonly MetricSeriesRecord[]): UsageSeries {
  const times = gridOf(plan);
  const periodMs = plan.periodSeconds * 1000;
  const byId = new Map(plan.queries.map((query) => [query.id, query]));
  const models = distinct(plan.queries.map((query) => query.modelId));
  const grids = new Map(
    models.map((modelId) => [modelId, Object.fromEntries(USAGE_METRICS.map((metric) => [metric, times.map((): number | null => null)])) as Record<UsageMetric, (number | null)[]>]),
  );
  let partial = false;
  for (const result of results) {
    const query = byId.get(result.id);
    if (query === undefined) continue;
    if (!result.complete) partial = true;
    const grid = grids.get(query.modelId)![query.metric];
    const count = Math.min(result.timestamps.length, result.values.length);
    for (let index = 0; index < count; index += 1) {
      const value = result.values[index]!;
      const slot = Math.floor((result.timestamps[index]! - plan.startMs) / periodMs);
      if (!Number.isFinite(value) || slot < 0 || slot >= times.length) continue;
      grid[slot] = value;
    }
  }
  const modelSeries: ModelSeries[] = models.map((modelId) => ({ modelId, metrics: grids.get(modelId)! }));
  return { range: plan.range, startMs: plan.startMs, periodSeconds: plan.periodSeconds, times, models: modelSeries, partial };
}
