/**
 * Usage against quotas: peaks and typical values per minute from the one-minute series (whatever the
 * chart's period), totals and tokens per UTC day from the chart's series, the `max_tokens`
 * reservation, cost, and the status-bar alert.
 */

import { isLongContext } from '../models/contextWindow';
import { quotaFor, quotaRoutingOf } from './quotaMatch';
import { baseModelIdOf } from '../models/catalog';
import { compareVersions, modelFacts } from '../models/modelTable';
import {
  ALERT_PERCENT,
  ALERT_WINDOW_MS,
  USAGE_RANGES,
  type ModelQuota,
  type ModelQuotas,
  type ModelSeries,
  type ModelUsageSummary,
  type PeakMetric,
  type QuotaMeasure,
  type QuotaRouting,
  type RateUse,
  type ReservationEffect,
  type UsageAlert,
  type UsageMetric,
  type UsageSeries,
} from './quotaTypes';
import { usageCost } from './usageCost';

/** How many quota tokens one output token burns at the end of a request. */
export const OUTPUT_BURNDOWN = {
  asOf: '2025-12-01',
  source: 'Bedrock User Guide, "How tokens are counted in Amazon Bedrock" (output burndown 5× for Claude 3.7 Sonnet and later)',
  /** Claude models from this version on burn output tokens at `rate`; older ones at `olderRate`. */
  fromVersion: '3.7',
  rate: 5,
  olderRate: 1,
} as const;

/** Claude Code's own defaults that shape Bedrock quota use. */
export const CLAUDE_CODE_DEFAULTS = {
  asOf: '2025-12-01',
  source: 'Claude Code docs, settings, environment variables: CLAUDE_CODE_MAX_OUTPUT_TOKENS (default 32,000)',
  maxOutputTokens: 32_000,
} as const;

const DAY_MS = 86_400_000;

/** The output burndown of a base model; an ID without a readable version is taken as a current model. */
export function outputBurndown(baseModelId: string | undefined): number {
  if (baseModelId === undefined) return OUTPUT_BURNDOWN.rate;
  const { version } = modelFacts(baseModelId);
  if (version === '') return OUTPUT_BURNDOWN.rate;
  return compareVersions(version, OUTPUT_BURNDOWN.fromVersion) >= 0 ? OUTPUT_BURNDOWN.rate : OUTPUT_BURNDOWN.olderRate;
}

/**
 * The quota of one routing and measure as the matcher prefers it; the model's own routing takes the
 * 1M-context variant when the configured ID asks for the 1M context.
 */
export function routingQuota(model: ModelQuotas | undefined, routing: QuotaRouting | undefined, measure: QuotaMeasure): ModelQuota | undefined {
  if (model === undefined || routing === undefined) return undefined;
  return quotaFor(model, routing, measure, routing === model.routing && isLongContext(model.modelId));
}

function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function percentOf(value: number, quota: ModelQuota | undefined): number | undefined {
  return quota === undefined || quota.value <= 0 ? undefined : (value / quota.value) * 100;
}

/** Peak and typical per-minute rate over the minutes, against a quota. */
function rateUse(rates: readonly number[], traffic: readonly boolean[], times: readonly number[], quota: ModelQuota | undefined): RateUse {
  let peak = 0;
  let peakAt: number | undefined;
  rates.forEach((rate, index) => {
    if (rate > peak) {
      peak = rate;
      peakAt = times[index];
    }
  });
  const typical = median(rates.filter((_rate, index) => traffic[index]));
  const peakPercent = percentOf(peak, quota);
  const typicalPercent = percentOf(typical, quota);
  return {
    peak,
    typical,
    ...(peakAt === undefined ? {} : { peakAt }),
    ...(quota === undefined ? {} : { quota }),
    ...(peakPercent === undefined ? {} : { peakPercent }),
    ...(typicalPercent === undefined ? {} : { typicalPercent }),
  };
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/**
 * Each period's tokens as the TPM quota counts them: AWS's own EstimatedTPMQuotaUsage when the
 * model publishes it, else input + cache writes + output × burndown; null for a period without data.
 * Takes a chart series or a one-minute peak series.
 */
export function quotaTokenSeries(model: { readonly metrics: Readonly<Record<PeakMetric, readonly (number | null)[]>> }, burndown: number): (number | null)[] {
  const { metrics } = model;
  const estimated = metrics.EstimatedTPMQuotaUsage.some((value) => value !== null);
  return metrics.InputTokenCount.map((_value, index) => {
    if (estimated) return metrics.EstimatedTPMQuotaUsage[index] ?? null;
    const input = metrics.InputTokenCount[index] ?? null;
    const cacheWrite = metrics.CacheWriteInputTokenCount[index] ?? null;
    const output = metrics.OutputTokenCount[index] ?? null;
    if (input === null && cacheWrite === null && output === null) return null;
    return (input ?? 0) + (cacheWrite ?? 0) + (output ?? 0) * burndown;
  });
}

/** One model's summary; `count` limits the chart's periods, `minuteCount` the minutes, to those that started by `nowMs`. */
function summarizeModel(
  series: UsageSeries,
  model: ModelSeries,
  quotas: ModelQuotas | undefined,
  count: number,
  minuteCount: number,
  maxOutput: { value: number; source: 'settings' | 'default' },
): ModelUsageSummary {
  const values = (metric: UsageMetric): number[] => model.metrics[metric].slice(0, count).map((value) => value ?? 0);
  const times = series.times.slice(0, count);
  const invocations = values('Invocations');
  const throttles = values('InvocationThrottles');
  const input = values('InputTokenCount');
  const output = values('OutputTokenCount');
  const cacheRead = values('CacheReadInputTokenCount');
  const cacheWrite = values('CacheWriteInputTokenCount');
  const burndown = outputBurndown(quotas?.baseModelId ?? baseModelIdOf(model.modelId));
  const quotaTokens = quotaTokenSeries(model, burndown)
    .slice(0, count)
    .map((tokens) => tokens ?? 0);

  // Peaks and typical rates from the one-minute series: a minute's sum is the rate the quota counts.
  // seriesFromResults gives every model its minute series; a missing one reads as no traffic.
  const minutes = series.peaks.models.find((candidate) => candidate.modelId === model.modelId);
  const minuteTimes = series.peaks.times.slice(0, minuteCount);
  const perMinute = 60 / series.peaks.periodSeconds;
  const minuteInvocations = minuteTimes.map((_time, index) => (minutes?.metrics.Invocations[index] ?? 0) * perMinute);
  const minuteTokens = minutes === undefined ? minuteTimes.map(() => 0) : quotaTokenSeries(minutes, burndown).slice(0, minuteCount).map((tokens) => (tokens ?? 0) * perMinute);
  const traffic = minuteTimes.map((_time, index) => minuteInvocations[index]! > 0 || minuteTokens[index]! > 0);

  const routing = quotas?.routing ?? quotaRoutingOf(model.modelId);
  const tpmQuota = routingQuota(quotas, routing, 'tokens-per-minute');
  const tpm = rateUse(minuteTokens, traffic, minuteTimes, tpmQuota);
  const rpm = rateUse(minuteInvocations, traffic, minuteTimes, routingQuota(quotas, routing, 'requests-per-minute'));

  const totalInvocations = sum(invocations);
  const totalThrottles = sum(throttles);
  const tokens = { input: sum(input), output: sum(output), cacheRead: sum(cacheRead), cacheWrite: sum(cacheWrite) };

  // Latency is a per-period average: weigh each period by its invocations.
  const latency = model.metrics.InvocationLatency.slice(0, count);
  let latencyWeight = 0;
  let latencyTotal = 0;
  latency.forEach((value, index) => {
    if (value !== null && invocations[index]! > 0) {
      latencyWeight += invocations[index]!;
      latencyTotal += value * invocations[index]!;
    }
  });

  // Reserved at request start: the input that counts against the quota (cache reads do not) plus max_tokens.
  const averageInputPerRequest = totalInvocations > 0 ? (tokens.input + tokens.cacheWrite) / totalInvocations : 0;
  const averageOutputPerRequest = totalInvocations > 0 ? tokens.output / totalInvocations : 0;
  const peakReservedTpm = rpm.peak * (averageInputPerRequest + maxOutput.value);
  const peakReservedPercent = percentOf(peakReservedTpm, tpmQuota);
  const reservation: ReservationEffect = {
    maxOutputTokens: maxOutput.value,
    maxOutputTokensSource: maxOutput.source,
    burndown,
    averageInputPerRequest,
    averageOutputPerRequest,
    peakReservedTpm,
    ...(peakReservedPercent === undefined ? {} : { peakReservedPercent }),
  };

  let tokensPerDay: ModelUsageSummary['tokensPerDay'];
  if (USAGE_RANGES[series.range].durationMs >= DAY_MS) {
    const days = new Map<number, number>();
    times.forEach((time, index) => {
      const day = Math.floor(time / DAY_MS);
      days.set(day, (days.get(day) ?? 0) + quotaTokens[index]!);
    });
    const peak = Math.max(0, ...days.values());
    const quota = routingQuota(quotas, routing, 'tokens-per-day');
    const peakPercent = percentOf(peak, quota);
    tokensPerDay = { peak, ...(quota === undefined ? {} : { quota }), ...(peakPercent === undefined ? {} : { peakPercent }) };
  }

  return {
    modelId: model.modelId,
    ...(routing === undefined ? {} : { routing }),
    invocations: totalInvocations,
    throttles: totalThrottles,
    clientErrors: sum(values('InvocationClientErrors')),
    serverErrors: sum(values('InvocationServerErrors')),
    throttleRate: totalInvocations + totalThrottles > 0 ? totalThrottles / (totalInvocations + totalThrottles) : 0,
    throttledPeriods: times.filter((_time, index) => throttles[index]! > 0),
    ...(latencyWeight > 0 ? { averageLatencyMs: latencyTotal / latencyWeight } : {}),
    tokens,
    tpm,
    rpm,
    ...(tokensPerDay === undefined ? {} : { tokensPerDay }),
    reservation,
    cost: usageCost(model.modelId, tokens),
  };
}

/**
 * Per-model usage against the quotas of each model's own routing. Peak and typical rates are those
 * of single minutes, from the one-minute series whatever the chart's period; totals come from the
 * chart's series; periods and minutes that start after `nowMs` are ignored.
 * Without quotas the summaries carry no quota fields. `maxOutputTokens` is the configured
 * CLAUDE_CODE_MAX_OUTPUT_TOKENS, when set.
 */
export function summarizeUsage(series: UsageSeries, quotas: readonly ModelQuotas[] | undefined, options: { maxOutputTokens?: number; nowMs: number }): ModelUsageSummary[] {
  const count = series.times.filter((time) => time <= options.nowMs).length;
  const minuteCount = series.peaks.times.filter((time) => time <= options.nowMs).length;
  const configured = options.maxOutputTokens;
  const maxOutput =
    configured !== undefined && Number.isFinite(configured) && configured > 0
      ? { value: configured, source: 'settings' as const }
      : { value: CLAUDE_CODE_DEFAULTS.maxOutputTokens, source: 'default' as const };
  return series.models.map((model) =>
    summarizeModel(series, model, quotas?.find((entry) => entry.modelId === model.modelId), count, minuteCount, maxOutput),
  );
}

/**
 * The status-bar alert: throttles in periods that overlap the {@link ALERT_WINDOW_MS} before
 * `generatedAt` (a period [t, t + period) overlaps when it ends after the window starts and starts
 * before `generatedAt`), and the highest TPM or RPM peak percentage; a warning when there are
 * throttles or that percentage reaches {@link ALERT_PERCENT}.
 */
export function usageAlert(series: UsageSeries, summaries: readonly ModelUsageSummary[], generatedAt: number): UsageAlert {
  const periodMs = series.periodSeconds * 1000;
  const windowStart = generatedAt - ALERT_WINDOW_MS;
  let recentThrottles = 0;
  for (const model of series.models) {
    model.metrics.InvocationThrottles.forEach((value, index) => {
      const start = series.times[index]!;
      if (value !== null && start < generatedAt && start + periodMs > windowStart) recentThrottles += value;
    });
  }
  let highestPercent: UsageAlert['highestPercent'];
  for (const summary of summaries) {
    for (const [measure, use] of [['tokens-per-minute', summary.tpm], ['requests-per-minute', summary.rpm]] as const) {
      if (use.peakPercent !== undefined && (highestPercent === undefined || use.peakPercent > highestPercent.percent)) {
        highestPercent = { modelId: summary.modelId, measure, percent: use.peakPercent };
      }
    }
  }
  const warning = recentThrottles > 0 || (highestPercent !== undefined && highestPercent.percent >= ALERT_PERCENT);
  return { recentThrottles, ...(highestPercent === undefined ? {} : { highestPercent }), state: warning ? 'warning' : 'ok' };
}
