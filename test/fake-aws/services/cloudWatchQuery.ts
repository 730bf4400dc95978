/**
 * GetMetricData's arithmetic: one MetricStat query against the caller's usage series, aggregated
 * into Period buckets aligned to epoch multiples of the period, and the cut of all results into
 * pages of at most MaxDatapoints (100,800) points.
 *
 * Minutes taken: those starting at or after StartTime (floored to the minute) and before EndTime,
 * within the 8 days of history before the request's minute. A bucket holds the statistic set of
 * its minutes; buckets without a sample are left out, as CloudWatch leaves out periods without data.
 */
import type { FakeUsageSeries } from '../scenario';
import {
  BEDROCK_METRICS,
  MINUTE_MS,
  USAGE_HISTORY_MINUTES,
  mergeSamples,
  metricSample,
  statValue,
  usageMinute,
  type BedrockMetric,
  type MetricSample,
  type MinuteUsage,
  type SupportedStat,
} from '../scenarios/usageData';

export const BEDROCK_NAMESPACE = 'AWS/Bedrock';
export const MODEL_ID_DIMENSION = 'ModelId';
/** CloudWatch's limit of data points per GetMetricData call. */
export const MAX_DATAPOINTS = 100_800;

export interface MetricQuery {
  id: string;
  label: string;
  returnData: boolean;
  namespace: string;
  metricName: string;
  dimensions: { name: string; value: string }[];
  /** Seconds, a multiple of 60. */
  period: number;
  stat: SupportedStat;
}

export interface QueryWindow {
  /** The request's minute (epoch ms); pages of one call share it. */
  anchor: number;
  startMs: number;
  endMs: number;
  ascending: boolean;
}

export interface QueryPoints {
  id: string;
  label: string;
  /** Epoch seconds, in the requested scan order. */
  timestamps: number[];
  values: number[];
}

/** Minute usage of one series, computed once per request. */
export class UsageCache {
  private readonly minutes = new Map<FakeUsageSeries, Map<number, MinuteUsage | undefined>>();

  constructor(private readonly anchor: number) {}

  at(series: FakeUsageSeries, minuteStart: number): MinuteUsage | undefined {
    let perSeries = this.minutes.get(series);
    if (!perSeries) {
      perSeries = new Map();
      this.minutes.set(series, perSeries);
    }
    if (!perSeries.has(minuteStart)) perSeries.set(minuteStart, usageMinute(series, minuteStart, this.anchor));
    return perSeries.get(minuteStart);
  }
}

/** The series a query names: namespace AWS/Bedrock, exactly one dimension ModelId, a known metric. */
function seriesFor(query: MetricQuery, usage: FakeUsageSeries[]): FakeUsageSeries | undefined {
  const [dimension, ...others] = query.dimensions;
  if (query.namespace !== BEDROCK_NAMESPACE || !dimension || others.length > 0 || dimension.name !== MODEL_ID_DIMENSION) return undefined;
  if (!(BEDROCK_METRICS as readonly string[]).includes(query.metricName)) return undefined;
  return usage.find((series) => series.modelId === dimension.value);
}

export function evaluateQuery(query: MetricQuery, usage: FakeUsageSeries[], window: QueryWindow, cache: UsageCache): QueryPoints {
  const points: QueryPoints = { id: query.id, label: query.label, timestamps: [], values: [] };
  const series = seriesFor(query, usage);
  if (!series) return points;
  const metric = query.metricName as BedrockMetric;
  const periodMs = query.period * 1000;
  const first = Math.max(Math.floor(window.startMs / MINUTE_MS) * MINUTE_MS, window.anchor - USAGE_HISTORY_MINUTES * MINUTE_MS);
  const last = Math.min(window.endMs, window.anchor); // exclusive
  const buckets = new Map<number, MetricSample>();
  for (let minuteStart = first; minuteStart < last; minuteStart += MINUTE_MS) {
    const minute = cache.at(series, minuteStart);
    const sample = minute && metricSample(minute, metric);
    if (!sample) continue;
    const bucket = Math.floor(minuteStart / periodMs) * periodMs;
    buckets.set(bucket, mergeSamples(buckets.get(bucket), sample));
  }
  // Map insertion order is ascending (minutes were walked in order).
  const ordered = [...buckets.entries()];
  if (!window.ascending) ordered.reverse();
  for (const [bucket, sample] of ordered) {
    points.timestamps.push(bucket / 1000);
    points.values.push(statValue(sample, query.stat));
  }
  return points;
}

export interface PageCursor {
  /** Index into the returned results (ReturnData true) of the first one not yet complete. */
  result: number;
  /** Points of that result already delivered. */
  offset: number;
}

export interface ResultPage {
  results: Record<string, unknown>[];
  next?: PageCursor;
}

/**
 * Cuts the results at `budget` points from `cursor` on. Results finished on earlier pages are left
 * out; the one cut short and those after it are PartialData (the latter with no points yet).
 */
export function pageOf(all: QueryPoints[], cursor: PageCursor, budget: number): ResultPage {
  const results: Record<string, unknown>[] = [];
  let left = budget;
  let next: PageCursor | undefined;
  for (let index = cursor.result; index < all.length; index += 1) {
    const points = all[index];
    if (!points) continue;
    const from = index === cursor.result ? cursor.offset : 0;
    const take = Math.min(left, points.timestamps.length - from);
    const complete = from + take === points.timestamps.length;
    left -= take;
    if (!complete && !next) next = { result: index, offset: from + take };
    results.push({
      Id: points.id,
      Label: points.label,
      Timestamps: points.timestamps.slice(from, from + take),
      Values: points.values.slice(from, from + take),
      StatusCode: complete ? 'Complete' : 'PartialData',
    });
  }
  return { results, ...(next && { next }) };
}
