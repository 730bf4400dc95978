/**
 * The CloudWatch side of a usage refresh without the wire: one GetMetricData plan for every
 * configured model and every `AWS/Bedrock` metric, and the answer put back onto the plan's grids.
 *
 * Peaks that are peaks: TPM and RPM quotas count per minute, so the peaks of every range are read
 * from one-minute data. The chart keeps its coarse period (5 minutes for 24 h, 1 hour for 7 d); next
 * to it the plan asks for the five metrics a peak needs (PEAK_METRICS) at 60 s over the same range,
 * in the same request. CloudWatch's `Maximum` cannot stand in: Bedrock publishes one sample per
 * request, so the Maximum of an hour is the largest single request, not the busiest minute; and a
 * coarse Sum divided into minutes is an average that hides the bursts that throttle. Metric math
 * would reduce the minute series on the server, but what a scalar function such as MAX() returns in
 * GetMetricData is not something we can check against AWS here; plain one-minute data is, and its
 * size is bounded (7 d × 1,440 minutes × 5 metrics = 50,400 points per model). GetMetricData
 * returns at most 100,800 points per call and pages the rest behind NextToken, so a 7 d refresh of
 * two or more busy models takes more than one call; {@link metricDataCallBound} says how many at most.
 */

import {
  PEAK_METRICS,
  PEAK_PERIOD_SECONDS,
  USAGE_METRIC_STATS,
  USAGE_METRICS,
  USAGE_RANGES,
  type MetricQuery,
  type MetricQueryPlan,
  type MetricSeriesRecord,
  type ModelSeries,
  type PeakModelSeries,
  type PeakSeries,
  type UsageMetric,
  type UsageRange,
  type UsageSeries,
} from './quotaTypes';

/** GetMetricData accepts at most this many queries in one call. */
export const MAX_METRIC_QUERIES = 500;

/** GetMetricData returns at most this many data points per call; the rest come on NextToken pages. */
export const MAX_DATAPOINTS_PER_CALL = 100_800;

/** Queries per model: every metric for the chart, plus the peak metrics at one minute for coarse ranges. */
function queriesPerModel(range: UsageRange): number {
  return USAGE_METRICS.length + (USAGE_RANGES[range].periodSeconds === PEAK_PERIOD_SECONDS ? 0 : PEAK_METRICS.length);
}

/** How many models one request covers: 50 for 1 h (10 queries each), 33 for 24 h and 7 d (15 each). */
export function maxPlannedModels(range: UsageRange): number {
  return Math.floor(MAX_METRIC_QUERIES / queriesPerModel(range));
}

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

/** The query ID of one chart metric of the model at `modelIndex` in a plan. */
export function metricQueryId(modelIndex: number, metric: UsageMetric): string {
  return `m${modelIndex}_${METRIC_SHORT_NAMES[metric]}`;
}

/** The query ID of one one-minute peak metric of the model at `modelIndex` in a plan. */
export function peakQueryId(modelIndex: number, metric: UsageMetric): string {
  return `p${modelIndex}_${METRIC_SHORT_NAMES[metric]}`;
}

/** The distinct model IDs in their first order: a model configured twice is queried once. */
function distinct(modelIds: readonly string[]): string[] {
  return [...new Set(modelIds)];
}

/**
 * One plan for all models × all usage metrics over the range ending now. The end is the end of the
 * period that contains `nowMs`, so the current (partial) period is included and every bound lies on
 * the period grid (and so on the minute grid); the start is one range earlier. Coarse ranges add the
 * peak metrics at one minute. More models than {@link maxPlannedModels} would exceed one request's
 * query limit: that throws rather than silently dropping models.
 */
export function planMetricQueries(modelIds: readonly string[], range: UsageRange, nowMs: number): MetricQueryPlan {
  const models = distinct(modelIds);
  const maxModels = maxPlannedModels(range);
  if (models.length > maxModels) {
    throw new Error(
      `Cannot plan usage queries for ${models.length} models: one GetMetricData call takes at most ${MAX_METRIC_QUERIES} queries (${maxModels} models for ${range}).`,
    );
  }
  const { durationMs, periodSeconds } = USAGE_RANGES[range];
  const periodMs = periodSeconds * 1000;
  const endMs = Math.floor(nowMs / periodMs) * periodMs + periodMs;
  const queries: MetricQuery[] = models.flatMap((modelId, index) =>
    USAGE_METRICS.map((metric) => ({ id: metricQueryId(index, metric), modelId, metric, stat: USAGE_METRIC_STATS[metric], periodSeconds })),
  );
  const peakQueries: MetricQuery[] =
    periodSeconds === PEAK_PERIOD_SECONDS
      ? []
      : models.flatMap((modelId, index) =>
          PEAK_METRICS.map((metric) => ({ id: peakQueryId(index, metric), modelId, metric, stat: USAGE_METRIC_STATS[metric], periodSeconds: PEAK_PERIOD_SECONDS })),
        );
  return { range, startMs: endMs - durationMs, endMs, periodSeconds, queries, peakQueries };
}

/** The most data points a plan can return: every query with a point in every one of its periods. */
export function maxPlanDatapoints(plan: MetricQueryPlan): number {
  const durationSeconds = (plan.endMs - plan.startMs) / 1000;
  return [...plan.queries, ...plan.peakQueries].reduce((total, query) => total + Math.ceil(durationSeconds / query.periodSeconds), 0);
}

/**
 * The most GetMetricData calls (the first and its NextToken pages) a refresh of this plan should
 * need: the plan's points in full pages, twice over in case CloudWatch cuts its pages shorter, plus
 * one. Exactly 1 for `1h`; CloudWatch leaves out periods without data, so real refreshes often need
 * fewer than the bound. Past it the adapter stops and the answer counts as partial.
 */
export function metricDataCallBound(plan: MetricQueryPlan): number {
  const full = Math.max(1, Math.ceil(maxPlanDatapoints(plan) / MAX_DATAPOINTS_PER_CALL));
  return full === 1 ? 1 : 2 * full + 1;
}

/** The start of every period of `periodSeconds` in [startMs, endMs), oldest first. */
function gridOf(startMs: number, endMs: number, periodSeconds: number): number[] {
  const periodMs = periodSeconds * 1000;
  const count = Math.max(0, Math.floor((endMs - startMs) / periodMs));
  return Array.from({ length: count }, (_unused, index) => startMs + index * periodMs);
}

type Grids<M extends UsageMetric> = Map<string, Record<M, (number | null)[]>>;

/**
 * Fills one grid per model with the points of `queries`' results: results in any order and in
 * several records per ID (pages); unknown IDs, points off the grid and non-finite values ignored.
 * Returns whether any record of these queries came back incomplete.
 */
function fillGrids<M extends UsageMetric>(
  queries: readonly MetricQuery[],
  metrics: readonly M[],
  models: readonly string[],
  grid: { startMs: number; periodSeconds: number; times: readonly number[] },
  results: readonly MetricSeriesRecord[],
): { grids: Grids<M>; partial: boolean } {
  const periodMs = grid.periodSeconds * 1000;
  const byId = new Map(queries.map((query) => [query.id, query]));
  const grids: Grids<M> = new Map(
    models.map((modelId) => [modelId, Object.fromEntries(metrics.map((metric) => [metric, grid.times.map((): number | null => null)])) as Record<M, (number | null)[]>]),
  );
  let partial = false;
  for (const result of results) {
    const query = byId.get(result.id);
    if (query === undefined || !(metrics as readonly UsageMetric[]).includes(query.metric)) continue;
    if (!result.complete) partial = true;
    const row = grids.get(query.modelId)![query.metric as M];
    const count = Math.min(result.timestamps.length, result.values.length);
    for (let index = 0; index < count; index += 1) {
      const value = result.values[index]!;
      const slot = Math.floor((result.timestamps[index]! - grid.startMs) / periodMs);
      if (!Number.isFinite(value) || slot < 0 || slot >= grid.times.length) continue;
      row[slot] = value;
    }
  }
  return { grids, partial };
}

/**
 * The answer of GetMetricData on the plan's grids: one chart series per model and metric, and the
 * one-minute peak series (for `1h` read from the chart's own per-minute results), oldest first,
 * null where CloudWatch returned no point. `partial` is set when any record of a planned query came
 * back incomplete.
 */
export function seriesFromResults(plan: MetricQueryPlan, results: readonly MetricSeriesRecord[]): UsageSeries {
  const models = distinct(plan.queries.map((query) => query.modelId));
  const times = gridOf(plan.startMs, plan.endMs, plan.periodSeconds);
  const chart = fillGrids(plan.queries, USAGE_METRICS, models, { startMs: plan.startMs, periodSeconds: plan.periodSeconds, times }, results);
  const minuteTimes = plan.peakQueries.length === 0 ? times : gridOf(plan.startMs, plan.endMs, PEAK_PERIOD_SECONDS);
  const minutes = fillGrids(
    plan.peakQueries.length === 0 ? plan.queries : plan.peakQueries,
    PEAK_METRICS,
    models,
    { startMs: plan.startMs, periodSeconds: PEAK_PERIOD_SECONDS, times: minuteTimes },
    results,
  );
  const modelSeries: ModelSeries[] = models.map((modelId) => ({ modelId, metrics: chart.grids.get(modelId)! }));
  const peakModels: PeakModelSeries[] = models.map((modelId) => ({ modelId, metrics: minutes.grids.get(modelId)! }));
  const peaks: PeakSeries = { startMs: plan.startMs, periodSeconds: PEAK_PERIOD_SECONDS, times: minuteTimes, models: peakModels };
  return { range: plan.range, startMs: plan.startMs, periodSeconds: plan.periodSeconds, times, models: modelSeries, peaks, partial: chart.partial || minutes.partial };
}
