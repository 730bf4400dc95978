/**
 * Per-minute Bedrock usage, computed on demand from a compact series spec (FakeUsageSeries in
 * scenario.ts), so a scenario stores a few numbers rather than points. Deterministic: the values
 * of a minute depend only on the spec, the minute's absolute time and, for peak windows, the
 * request's "anchor" (its time floored to the minute). History reaches USAGE_HISTORY_MINUTES back;
 * the current, incomplete minute has no data (CloudWatch publishes with a delay).
 *
 * Baseline minutes: `count = floor(rate × scale × (1 + jitter × (2u − 1)) + v)` with `scale` 1 in
 * working hours and `offHoursScale` otherwise, and u, v pseudo-random in [0, 1) from the model ID,
 * the minute and the counter; fractional rates therefore give some empty minutes. Peak minutes use
 * the peak profile's counts exactly. A minute without any request (success, throttle or error)
 * has no data at all.
 *
 * CloudWatch statistics per minute (metricSample): every request publishes one sample to each of
 * the four count metrics (1 where it is of that kind, else 0); every successful request publishes
 * one sample of its tokens and latency; EstimatedTPMQuotaUsage = input + cache write + output ×
 * OUTPUT_BURNDOWN per successful request, only for series with `estimatedTpmQuotaUsage`.
 *
 * Tests compute expected values with these exports, never with copies.
 */
import type { FakeUsageProfile, FakeUsageSeries } from '../scenario';

export const MINUTE_MS = 60_000;
/** 8 days of one-minute history before the anchor. */
export const USAGE_HISTORY_MINUTES = 8 * 24 * 60;
/** Output tokens count five times against TPM for Claude 3.7 and later. */
export const OUTPUT_BURNDOWN = 5;
/** Claude Code's default max_tokens, which Bedrock reserves against TPM at request start. */
export const DEFAULT_MAX_TOKENS = 32_000;
const DEFAULT_JITTER = 0.3;

export const BEDROCK_METRICS = [
  'Invocations',
  'InvocationThrottles',
  'InvocationClientErrors',
  'InvocationServerErrors',
  'InvocationLatency',
  'InputTokenCount',
  'OutputTokenCount',
  'CacheReadInputTokenCount',
  'CacheWriteInputTokenCount',
  'EstimatedTPMQuotaUsage',
] as const;
export type BedrockMetric = (typeof BEDROCK_METRICS)[number];

/** One minute of one series. Token counts and latency are per successful request. */
export interface MinuteUsage {
  /** Epoch ms of the minute's start. */
  minuteStart: number;
  minutesAgo: number;
  invocations: number;
  throttles: number;
  clientErrors: number;
  serverErrors: number;
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  latencyMs: number;
  /** Whether EstimatedTPMQuotaUsage is published. */
  estimatedTpm: boolean;
  /** From a peak window (exact counts) rather than the baseline. */
  peak: boolean;
}

/** CloudWatch's statistic set of one metric over some samples. */
export interface MetricSample {
  sum: number;
  sampleCount: number;
  minimum: number;
  maximum: number;
}

/** The request time floored to the minute: the anchor of peak windows. */
export function anchorMinute(nowMs: number): number {
  return Math.floor(nowMs / MINUTE_MS) * MINUTE_MS;
}

/** The start (epoch ms) of the minute `minutesAgo` minutes before the anchor. */
export function minuteStartAgo(anchor: number, minutesAgo: number): number {
  return anchor - minutesAgo * MINUTE_MS;
}

function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A value in [0, 1), fixed for (seed, minute, slot). */
function unit(seed: number, minuteIndex: number, slot: number): number {
  let h = (seed ^ Math.imul(minuteIndex, 0x9e3779b1) ^ Math.imul(slot + 1, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

/** The daily-cycle multiplier of the minute starting at `minuteStart`. */
export function cycleScale(series: FakeUsageSeries, minuteStart: number): number {
  const hours = series.workingHours;
  if (!hours) return 1;
  const local = minuteStart + hours.utcOffsetMinutes * MINUTE_MS;
  const hour = Math.floor(local / 3_600_000) % 24;
  // Epoch day 0 (1970-01-01) was a Thursday: day 0 of the week is Sunday.
  const weekday = (Math.floor(local / 86_400_000) + 4) % 7;
  const workday = !hours.weekdaysOnly || (weekday !== 0 && weekday !== 6);
  return workday && hour >= hours.startHour && hour < hours.endHour ? 1 : hours.offHoursScale;
}

function peakAt(series: FakeUsageSeries, minutesAgo: number): FakeUsageProfile | undefined {
  let found: FakeUsageProfile | undefined;
  for (const peak of series.peaks ?? []) {
    if (minutesAgo >= peak.fromMinutesAgo && minutesAgo <= peak.toMinutesAgo) found = peak.profile;
  }
  return found;
}

/**
 * The usage of one series in the minute starting at `minuteStart` (a whole minute), as seen from
 * a request whose anchor is `anchor`; undefined when that minute has no request or no data (the
 * current minute, the future, more than USAGE_HISTORY_MINUTES ago).
 */
export function usageMinute(series: FakeUsageSeries, minuteStart: number, anchor: number): MinuteUsage | undefined {
  if (minuteStart % MINUTE_MS !== 0 || anchor % MINUTE_MS !== 0) return undefined;
  const minutesAgo = (anchor - minuteStart) / MINUTE_MS;
  if (minutesAgo < 1 || minutesAgo > USAGE_HISTORY_MINUTES) return undefined;
  const peak = peakAt(series, minutesAgo);
  const profile = peak ?? series.baseline;
  let count: (rate: number | undefined, slot: number) => number;
  if (peak) {
    count = (rate) => Math.max(0, Math.round(rate ?? 0));
  } else {
    const seed = hashText(series.modelId);
    const minuteIndex = minuteStart / MINUTE_MS;
    const scale = cycleScale(series, minuteStart);
    const jitter = series.jitter ?? DEFAULT_JITTER;
    count = (rate, slot) => {
      if (!rate) return 0;
      const spread = 1 + jitter * (2 * unit(seed, minuteIndex, 2 * slot) - 1);
      return Math.max(0, Math.floor(rate * scale * spread + unit(seed, minuteIndex, 2 * slot + 1)));
    };
  }
  const usage: MinuteUsage = {
    minuteStart,
    minutesAgo,
    invocations: count(profile.requestsPerMinute, 0),
    throttles: count(profile.throttlesPerMinute, 1),
    clientErrors: count(profile.clientErrorsPerMinute, 2),
    serverErrors: count(profile.serverErrorsPerMinute, 3),
    inputTokens: profile.inputTokens,
    outputTokens: profile.outputTokens,
    cacheReadTokens: profile.cacheReadTokens ?? 0,
    cacheWriteTokens: profile.cacheWriteTokens ?? 0,
    latencyMs: profile.latencyMs,
    estimatedTpm: series.estimatedTpmQuotaUsage === true,
    peak: peak !== undefined,
  };
  return requestsOf(usage) > 0 ? usage : undefined;
}

/** Every request of the minute: successes, throttles and errors. */
export function requestsOf(usage: MinuteUsage): number {
  return usage.invocations + usage.throttles + usage.clientErrors + usage.serverErrors;
}

/** What one successful request charges against TPM at its end: input + cache write + output × burndown. */
export function quotaTokensPerRequest(profile: Pick<MinuteUsage, 'inputTokens' | 'cacheWriteTokens' | 'outputTokens'>): number {
  return profile.inputTokens + profile.cacheWriteTokens + profile.outputTokens * OUTPUT_BURNDOWN;
}

/** The minute's EstimatedTPMQuotaUsage-style total (whether or not the series publishes it). */
export function quotaTokensOf(usage: MinuteUsage): number {
  return usage.invocations * quotaTokensPerRequest(usage);
}

/** The minute's plain token total: InputTokenCount + CacheWriteInputTokenCount + OutputTokenCount. */
export function plainTokensOf(usage: MinuteUsage): number {
  return usage.invocations * (usage.inputTokens + usage.cacheWriteTokens + usage.outputTokens);
}

function perRequest(usage: MinuteUsage, value: number): MetricSample | undefined {
  return usage.invocations > 0 ? { sum: usage.invocations * value, sampleCount: usage.invocations, minimum: value, maximum: value } : undefined;
}

function perKind(usage: MinuteUsage, count: number): MetricSample {
  const total = requestsOf(usage);
  return { sum: count, sampleCount: total, minimum: count === total ? 1 : 0, maximum: count > 0 ? 1 : 0 };
}

/** The statistic set one metric has in one minute, undefined when it published nothing. */
export function metricSample(usage: MinuteUsage, metric: BedrockMetric): MetricSample | undefined {
  switch (metric) {
    case 'Invocations':
      return perKind(usage, usage.invocations);
    case 'InvocationThrottles':
      return perKind(usage, usage.throttles);
    case 'InvocationClientErrors':
      return perKind(usage, usage.clientErrors);
    case 'InvocationServerErrors':
      return perKind(usage, usage.serverErrors);
    case 'InvocationLatency':
      return perRequest(usage, usage.latencyMs);
    case 'InputTokenCount':
      return perRequest(usage, usage.inputTokens);
    case 'OutputTokenCount':
      return perRequest(usage, usage.outputTokens);
    case 'CacheReadInputTokenCount':
      return perRequest(usage, usage.cacheReadTokens);
    case 'CacheWriteInputTokenCount':
      return perRequest(usage, usage.cacheWriteTokens);
    case 'EstimatedTPMQuotaUsage':
      return usage.estimatedTpm ? perRequest(usage, quotaTokensPerRequest(usage)) : undefined;
  }
}

/** Merges statistic sets (several minutes into one period). */
export function mergeSamples(a: MetricSample | undefined, b: MetricSample): MetricSample {
  if (!a) return { ...b };
  return {
    sum: a.sum + b.sum,
    sampleCount: a.sampleCount + b.sampleCount,
    minimum: Math.min(a.minimum, b.minimum),
    maximum: Math.max(a.maximum, b.maximum),
  };
}

export const SUPPORTED_STATS = ['Sum', 'Average', 'Maximum', 'Minimum', 'SampleCount'] as const;
export type SupportedStat = (typeof SUPPORTED_STATS)[number];

export function statValue(sample: MetricSample, stat: SupportedStat): number {
  switch (stat) {
    case 'Sum':
      return sample.sum;
    case 'Average':
      return sample.sum / sample.sampleCount;
    case 'Maximum':
      return sample.maximum;
    case 'Minimum':
      return sample.minimum;
    case 'SampleCount':
      return sample.sampleCount;
  }
}

/** The usage of minutes `fromMinutesAgo` down to `toMinutesAgo` (inclusive, newest last), empty minutes skipped. */
export function usageMinutesAgo(series: FakeUsageSeries, anchor: number, fromMinutesAgo: number, toMinutesAgo = 1): MinuteUsage[] {
  const out: MinuteUsage[] = [];
  for (let minutesAgo = fromMinutesAgo; minutesAgo >= toMinutesAgo; minutesAgo -= 1) {
    const usage = usageMinute(series, minuteStartAgo(anchor, minutesAgo), anchor);
    if (usage) out.push(usage);
  }
  return out;
}

/**
 * How many data points GetMetricData returns for one metric of a series at `periodSeconds` over
 * [startMs, endMs), as seen from a request at `anchor`: the periods with at least one sample (a
 * period without data is left out, as CloudWatch does). Tests count pages and calls with it.
 */
export function datapointCount(series: FakeUsageSeries | undefined, metric: BedrockMetric, periodSeconds: number, startMs: number, endMs: number, anchor: number): number {
  if (!series) return 0;
  const periodMs = periodSeconds * 1000;
  const buckets = new Set<number>();
  const first = Math.max(Math.floor(startMs / MINUTE_MS) * MINUTE_MS, anchor - USAGE_HISTORY_MINUTES * MINUTE_MS);
  for (let minuteStart = first; minuteStart < Math.min(endMs, anchor); minuteStart += MINUTE_MS) {
    const usage = usageMinute(series, minuteStart, anchor);
    if (usage && metricSample(usage, metric)) buckets.add(Math.floor(minuteStart / periodMs) * periodMs);
  }
  return buckets.size;
}
