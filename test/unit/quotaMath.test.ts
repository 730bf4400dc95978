import assert from 'node:assert/strict';
import { MODEL_TABLE } from '../../src/core/models/modelTable';
import { CLAUDE_CODE_DEFAULTS, outputBurndown, summarizeUsage, usageAlert } from '../../src/core/usage/quotaMath';
import {
  PEAK_METRICS,
  USAGE_METRICS,
  USAGE_RANGES,
  type ModelQuota,
  type ModelQuotas,
  type ModelUsageSummary,
  type QuotaMeasure,
  type QuotaRouting,
  type UsageMetric,
  type UsageRange,
  type UsageSeries,
} from '../../src/core/usage/quotaTypes';
import { totalCost, usageCost } from '../../src/core/usage/usageCost';

const JP_SONNET = 'jp.anthropic.claude-sonnet-4-5-20250929-v1:0';
const SONNET_BASE = 'anthropic.claude-sonnet-4-5-20250929-v1:0';
const US_HAIKU_3_5 = 'us.anthropic.claude-3-5-haiku-20241022-v1:0';
const MINUTE = 60_000;
const T0 = Date.UTC(2025, 11, 1, 9, 0);

type Rows = Partial<Record<UsageMetric, Readonly<Record<number, number>>>>;

/**
 * A series on a grid of `count` periods from `start`; rows give the non-null points by period index.
 * The one-minute peak series is `minutes` (rows by minute index) or, for 1h, the same rows.
 */
function makeSeries(range: UsageRange, start: number, models: Readonly<Record<string, Rows>>, minutes?: Readonly<Record<string, Rows>>): UsageSeries {
  const { durationMs, periodSeconds } = USAGE_RANGES[range];
  const grid = (seconds: number) => Array.from({ length: durationMs / (seconds * 1000) }, (_unused, index) => start + index * seconds * 1000);
  const times = grid(periodSeconds);
  const minuteTimes = grid(60);
  const minuteRows = minutes ?? (periodSeconds === 60 ? models : {});
  return {
    range,
    startMs: start,
    periodSeconds,
    times,
    partial: false,
    models: Object.entries(models).map(([modelId, rows]) => ({
      modelId,
      metrics: Object.fromEntries(
        USAGE_METRICS.map((metric) => [metric, times.map((_time, index) => rows[metric]?.[index] ?? null)]),
      ) as Record<UsageMetric, (number | null)[]>,
    })),
    peaks: {
      startMs: start,
      periodSeconds: 60,
      times: minuteTimes,
      models: Object.keys(models).map((modelId) => ({
        modelId,
        metrics: Object.fromEntries(
          PEAK_METRICS.map((metric) => [metric, minuteTimes.map((_time, index) => minuteRows[modelId]?.[metric]?.[index] ?? null)]),
        ) as Record<(typeof PEAK_METRICS)[number], (number | null)[]>,
      })),
    },
  };
}

function quota(measure: QuotaMeasure, routing: QuotaRouting, value: number, longContext = false): ModelQuota {
  return { measure, routing, longContext, code: `L-${routing}-${measure}-${longContext}`, name: `${routing} ${measure}`, value, adjustable: true, pending: [], matchedBy: 'code' };
}

/** The jp. Sonnet 4.5 quotas: cross-region 10,000 TPM / 50 RPM / 1,000,000 per day, plus larger global and long-context ones. */
const JP_QUOTAS: ModelQuotas = {
  modelId: JP_SONNET,
  baseModelId: SONNET_BASE,
  routing: 'cross-region',
  quotas: [
    quota('tokens-per-minute', 'global', 2_000_000),
    quota('tokens-per-minute', 'cross-region', 5_000, true),
    quota('tokens-per-minute', 'cross-region', 10_000),
    quota('requests-per-minute', 'cross-region', 50),
    quota('requests-per-minute', 'global', 4_000),
    quota('tokens-per-day', 'cross-region', 1_000_000),
  ],
};

/**
 * One busy spell in a 60-minute grid, minutes 10–14:
 * invocations 2, 4, 6, 4, 2 (18); input 1,000 and cache writes 500 each minute; cache reads 10,000;
 * output 100 except 400 in minute 12; throttles 1 in minute 13 and 3 in minute 14.
 */
const BUSY: Rows = {
  Invocations: { 10: 2, 11: 4, 12: 6, 13: 4, 14: 2 },
  InvocationThrottles: { 13: 1, 14: 3 },
  InvocationClientErrors: { 11: 1 },
  InvocationServerErrors: { 12: 2 },
  InvocationLatency: { 10: 1_000, 12: 2_000 },
  InputTokenCount: { 10: 1_000, 11: 1_000, 12: 1_000, 13: 1_000, 14: 1_000 },
  CacheWriteInputTokenCount: { 10: 500, 11: 500, 12: 500, 13: 500, 14: 500 },
  CacheReadInputTokenCount: { 10: 10_000, 11: 10_000, 12: 10_000, 13: 10_000, 14: 10_000 },
  OutputTokenCount: { 10: 100, 11: 100, 12: 400, 13: 100, 14: 100 },
};

const near = (actual: number | undefined, expected: number) => assert.ok(actual !== undefined && Math.abs(actual - expected) < 1e-9, `${actual} ≠ ${expected}`);

describe('summarizeUsage', () => {
  const end = T0 + 60 * MINUTE;

  it('finds the peak minute, the median of busy minutes and the share of the own-routing quotas', () => {
    const [summary] = summarizeUsage(makeSeries('1h', T0, { [JP_SONNET]: BUSY }), [JP_QUOTAS], { nowMs: end });
    assert.ok(summary);
    // Quota tokens per minute = input + cache writes + output × 5: 1,000 + 500 + 500 = 2,000; minute 12: 1,000 + 500 + 2,000 = 3,500.
    assert.equal(summary.tpm.peak, 3_500);
    assert.equal(summary.tpm.peakAt, T0 + 12 * MINUTE);
    // Busy minutes 2,000, 2,000, 3,500, 2,000, 2,000: median 2,000.
    assert.equal(summary.tpm.typical, 2_000);
    // The cross-region standard-context quota of 10,000 (not global, not the 1M-context one).
    assert.equal(summary.tpm.quota?.value, 10_000);
    near(summary.tpm.peakPercent, 35);
    near(summary.tpm.typicalPercent, 20);
    // Requests: peak 6 in minute 12, median of 2, 4, 6, 4, 2 is 4; against 50 RPM.
    assert.equal(summary.rpm.peak, 6);
    assert.equal(summary.rpm.peakAt, T0 + 12 * MINUTE);
    assert.equal(summary.rpm.typical, 4);
    near(summary.rpm.peakPercent, 12);
    assert.equal(summary.routing, 'cross-region');
    assert.equal(summary.tokensPerDay, undefined);
  });

  it('counts totals, throttles, errors and weighs latency by invocations', () => {
    const [summary] = summarizeUsage(makeSeries('1h', T0, { [JP_SONNET]: BUSY }), [JP_QUOTAS], { nowMs: end });
    assert.ok(summary);
    assert.equal(summary.invocations, 18);
    assert.equal(summary.throttles, 4);
    // 4 / (18 + 4).
    near(summary.throttleRate, 4 / 22);
    assert.deepEqual(summary.throttledPeriods, [T0 + 13 * MINUTE, T0 + 14 * MINUTE]);
    assert.equal(summary.clientErrors, 1);
    assert.equal(summary.serverErrors, 2);
    // (1,000 × 2 + 2,000 × 6) / 8 = 1,750.
    assert.equal(summary.averageLatencyMs, 1_750);
    assert.deepEqual(summary.tokens, { input: 5_000, output: 800, cacheRead: 50_000, cacheWrite: 2_500 });
  });

  it('prices the tokens at jp. prices, 10% above global', () => {
    const [summary] = summarizeUsage(makeSeries('1h', T0, { [JP_SONNET]: BUSY }), [JP_QUOTAS], { nowMs: end });
    // Global Sonnet 4.5 per million: input 3, output 15, cache read 0.30, cache write 3.75.
    // 5,000 × 3 + 800 × 15 + 50,000 × 0.3 + 2,500 × 3.75 = 15,000 + 12,000 + 15,000 + 9,375 = 51,375 per million.
    near(summary?.cost.globalUsd, 0.051375);
    // jp.: 3.3, 16.5, 0.33, 4.125 → 16,500 + 13,200 + 16,500 + 10,312.5 = 56,512.5 per million.
    near(summary?.cost.usd, 0.0565125);
    near(summary?.cost.premiumUsd, 0.0051375);
  });

  it('states the max_tokens reservation with the default and with the configured value', () => {
    const series = makeSeries('1h', T0, { [JP_SONNET]: BUSY });
    const [byDefault] = summarizeUsage(series, [JP_QUOTAS], { nowMs: end });
    assert.equal(CLAUDE_CODE_DEFAULTS.maxOutputTokens, 32_000);
    assert.equal(byDefault?.reservation.maxOutputTokens, 32_000);
    assert.equal(byDefault?.reservation.maxOutputTokensSource, 'default');
    assert.equal(byDefault?.reservation.burndown, 5);
    // Input that counts against the quota: (5,000 + 2,500) / 18 requests; output 800 / 18.
    near(byDefault?.reservation.averageInputPerRequest, 7_500 / 18);
    near(byDefault?.reservation.averageOutputPerRequest, 800 / 18);
    // Peak 6 RPM × (7,500 / 18 + 32,000) = 2,500 + 192,000.
    near(byDefault?.reservation.peakReservedTpm, 194_500);
    near(byDefault?.reservation.peakReservedPercent, 1_945);

    const [configured] = summarizeUsage(series, [JP_QUOTAS], { nowMs: end, maxOutputTokens: 8_000 });
    assert.equal(configured?.reservation.maxOutputTokensSource, 'settings');
    // 6 × (7,500 / 18 + 8,000) = 2,500 + 48,000.
    near(configured?.reservation.peakReservedTpm, 50_500);
  });

  it('uses EstimatedTPMQuotaUsage when the model publishes it', () => {
    const withEstimate: Rows = { ...BUSY, EstimatedTPMQuotaUsage: { 10: 5_000, 11: 6_000, 12: 9_000, 13: 7_000, 14: 100 } };
    const [summary] = summarizeUsage(makeSeries('1h', T0, { [JP_SONNET]: withEstimate }), [JP_QUOTAS], { nowMs: end });
    assert.equal(summary?.tpm.peak, 9_000);
    // Sorted 100, 5,000, 6,000, 7,000, 9,000: median 6,000 (the formula would have given 2,000).
    assert.equal(summary?.tpm.typical, 6_000);
    near(summary?.tpm.peakPercent, 90);
  });

  it('takes the middle pair for the median of an even number of busy periods', () => {
    // Busy minutes with 1, 2, 3 and 10 requests: median (2 + 3) / 2 = 2.5; the idle minutes do not count.
    const rows: Rows = { Invocations: { 5: 10, 6: 1, 20: 3, 40: 2 } };
    const [summary] = summarizeUsage(makeSeries('1h', T0, { [JP_SONNET]: rows }), [JP_QUOTAS], { nowMs: end });
    assert.equal(summary?.rpm.typical, 2.5);
    assert.equal(summary?.rpm.peak, 10);
    assert.equal(summary?.rpm.peakAt, T0 + 5 * MINUTE);
  });

  it('burns output once for models older than Claude 3.7', () => {
    assert.equal(outputBurndown('anthropic.claude-3-5-haiku-20241022-v1:0'), 1);
    assert.equal(outputBurndown('anthropic.claude-3-7-sonnet-20250219-v1:0'), 5);
    assert.equal(outputBurndown(SONNET_BASE), 5);
    assert.equal(outputBurndown(undefined), 5);
    const rows: Rows = { Invocations: { 3: 1 }, InputTokenCount: { 3: 1_000 }, OutputTokenCount: { 3: 200 }, CacheWriteInputTokenCount: { 3: 50 } };
    const [summary] = summarizeUsage(makeSeries('1h', T0, { [US_HAIKU_3_5]: rows }), undefined, { nowMs: end });
    // 1,000 + 50 + 200 × 1.
    assert.equal(summary?.tpm.peak, 1_250);
    assert.equal(summary?.reservation.burndown, 1);
  });

  it('takes the peaks of coarse ranges from the busiest minute, not the period\'s average', () => {
    // 24 hours at 300 s: 50 requests and 100,000 input tokens in five-minute period 7 (minutes 35–39),
    // of which 40 requests and 80,000 tokens in minute 36. The period's average would say 10 RPM.
    const day = makeSeries(
      '24h',
      T0,
      { [JP_SONNET]: { Invocations: { 7: 50 }, InputTokenCount: { 7: 100_000 } } },
      { [JP_SONNET]: { Invocations: { 35: 4, 36: 40, 37: 6 }, InputTokenCount: { 35: 8_000, 36: 80_000, 37: 12_000 } } },
    );
    const [fiveMinutes] = summarizeUsage(day, [JP_QUOTAS], { nowMs: T0 + 86_400_000 });
    assert.equal(fiveMinutes?.rpm.peak, 40);
    assert.equal(fiveMinutes?.tpm.peak, 80_000);
    assert.equal(fiveMinutes?.tpm.peakAt, T0 + 36 * MINUTE);
    near(fiveMinutes?.rpm.peakPercent, 80);
    // The median of the three busy minutes, not of the five-minute averages.
    assert.equal(fiveMinutes?.rpm.typical, 6);
    // Totals still come from the chart's periods.
    assert.equal(fiveMinutes?.invocations, 50);
    // 7 days at 3,600 s: 120 requests in hour 30, all in one minute of it (minute 30 × 60 + 59).
    const burst = 30 * 60 + 59;
    const week = makeSeries(
      '7d',
      T0,
      { [JP_SONNET]: { Invocations: { 30: 120 }, InputTokenCount: { 30: 500_000 }, OutputTokenCount: { 30: 20_000 } } },
      { [JP_SONNET]: { Invocations: { [burst]: 120 }, InputTokenCount: { [burst]: 500_000 }, OutputTokenCount: { [burst]: 20_000 } } },
    );
    const [weekly] = summarizeUsage(week, [JP_QUOTAS], { nowMs: T0 + 604_800_000 });
    // 500,000 + 20,000 × 5 in one minute; the hour's average would be 10,000 TPM and 2 RPM.
    assert.equal(weekly?.tpm.peak, 600_000);
    assert.equal(weekly?.rpm.peak, 120);
    assert.equal(weekly?.rpm.peakAt, T0 + burst * MINUTE);
    // The reservation is judged on the busiest minute too: 120 × (500,000 / 120 + 32,000).
    near(weekly?.reservation.peakReservedTpm, 120 * (500_000 / 120 + 32_000));
  });

  it('ignores minutes after now in the peaks of a coarse range', () => {
    const day = makeSeries('24h', T0, { [JP_SONNET]: { Invocations: { 0: 3, 1: 50 } } }, { [JP_SONNET]: { Invocations: { 2: 3, 6: 50 } } });
    // Minute 6 starts after now (05:30 past T0): only minute 2 counts.
    const [summary] = summarizeUsage(day, [JP_QUOTAS], { nowMs: T0 + 5.5 * MINUTE });
    assert.equal(summary?.rpm.peak, 3);
  });

  it('sums quota tokens per UTC day across midnight', () => {
    // 24 hours of five-minute periods from 12:00 UTC on 1 December to 12:00 on 2 December.
    const noon = Date.UTC(2025, 11, 1, 12, 0);
    // Period 1 = 12:05, period 143 = 23:55 (1 December), period 144 = 00:00 (2 December).
    const rows: Rows = { Invocations: { 1: 1, 143: 1, 144: 1 }, InputTokenCount: { 1: 20_000, 143: 40_000, 144: 30_000 }, OutputTokenCount: { 143: 1_000 } };
    const [summary] = summarizeUsage(makeSeries('24h', noon, { [JP_SONNET]: rows }), [JP_QUOTAS], { nowMs: noon + 86_400_000 });
    // 1 December: 20,000 + 40,000 + 1,000 × 5 = 65,000; 2 December: 30,000.
    assert.equal(summary?.tokensPerDay?.peak, 65_000);
    assert.equal(summary?.tokensPerDay?.quota?.value, 1_000_000);
    near(summary?.tokensPerDay?.peakPercent, 6.5);
  });

  it('leaves quota fields out without quotas and takes the routing from the ID', () => {
    const [summary] = summarizeUsage(makeSeries('1h', T0, { [JP_SONNET]: BUSY }), undefined, { nowMs: end });
    assert.equal(summary?.routing, 'cross-region');
    assert.equal(summary?.tpm.quota, undefined);
    assert.equal(summary?.tpm.peakPercent, undefined);
    assert.equal(summary?.reservation.peakReservedPercent, undefined);
    assert.equal(summary?.tpm.peak, 3_500);
  });

  it('reports no peak time and zero rates without traffic, and ignores periods after now', () => {
    const [idle] = summarizeUsage(makeSeries('1h', T0, { [JP_SONNET]: {} }), [JP_QUOTAS], { nowMs: end });
    assert.equal(idle?.tpm.peak, 0);
    assert.equal(idle?.tpm.peakAt, undefined);
    assert.equal(idle?.tpm.typical, 0);
    assert.equal(idle?.throttleRate, 0);
    assert.equal(idle?.averageLatencyMs, undefined);
    // Now is 09:20:30: the period of 09:30 has not started and is left out.
    const [early] = summarizeUsage(makeSeries('1h', T0, { [JP_SONNET]: { Invocations: { 30: 9, 20: 1 } } }), [JP_QUOTAS], { nowMs: T0 + 20.5 * MINUTE });
    assert.equal(early?.invocations, 1);
  });
});

/** A summary with just the fields usageAlert reads. */
function summary(modelId: string, tpmPercent: number | undefined, rpmPercent: number | undefined): ModelUsageSummary {
  const use = (percent: number | undefined) => ({ peak: 0, typical: 0, ...(percent === undefined ? {} : { peakPercent: percent }) });
  return {
    modelId,
    invocations: 0,
    throttles: 0,
    clientErrors: 0,
    serverErrors: 0,
    throttleRate: 0,
    throttledPeriods: [],
    tokens: { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 },
    tpm: use(tpmPercent),
    rpm: use(rpmPercent),
    reservation: { maxOutputTokens: 32_000, maxOutputTokensSource: 'default', burndown: 5, averageInputPerRequest: 0, averageOutputPerRequest: 0, peakReservedTpm: 0 },
    cost: {},
  };
}

describe('usageAlert', () => {
  const OTHER = 'global.anthropic.claude-haiku-4-5-20251001-v1:0';
  // Throttles at minutes 44 (7), 45 (2) and 59 (3) of the first model, 50 (1) of the second.
  const series = makeSeries('1h', T0, { [JP_SONNET]: { InvocationThrottles: { 44: 7, 45: 2, 59: 3 } }, [OTHER]: { InvocationThrottles: { 50: 1 } } });

  it('counts throttles in the periods that overlap the last 15 minutes', () => {
    // At 10:00 the window is 09:45–10:00: minutes 45–59 overlap, minute 44 ended as it began.
    const alert = usageAlert(series, [], T0 + 60 * MINUTE);
    assert.equal(alert.recentThrottles, 2 + 3 + 1);
    assert.equal(alert.state, 'warning');
    // At 09:59:30 the window starts at 09:44:30, inside minute 44: its 7 count too.
    assert.equal(usageAlert(series, [], T0 + 59.5 * MINUTE).recentThrottles, 7 + 2 + 3 + 1);
    // At 10:16 the window starts at 10:01: nothing in the grid is recent.
    assert.equal(usageAlert(series, [], T0 + 76 * MINUTE).recentThrottles, 0);
  });

  it('names the highest TPM or RPM peak percentage and warns from 80 %', () => {
    const quiet = makeSeries('1h', T0, { [JP_SONNET]: {} });
    const high = usageAlert(quiet, [summary(JP_SONNET, 35, 12), summary(OTHER, 20, 91)], T0 + 60 * MINUTE);
    assert.deepEqual(high.highestPercent, { modelId: OTHER, measure: 'requests-per-minute', percent: 91 });
    assert.equal(high.state, 'warning');
    assert.equal(usageAlert(quiet, [summary(JP_SONNET, 80, 12)], T0).state, 'warning');
    const ok = usageAlert(quiet, [summary(JP_SONNET, 79.9, undefined)], T0);
    assert.equal(ok.state, 'ok');
    assert.equal(ok.recentThrottles, 0);
    assert.deepEqual(ok.highestPercent, { modelId: JP_SONNET, measure: 'tokens-per-minute', percent: 79.9 });
    assert.equal(usageAlert(quiet, [summary(JP_SONNET, undefined, undefined)], T0).highestPercent, undefined);
  });
});

describe('usageCost and totalCost', () => {
  const tokens = { input: 1_000_000, output: 100_000, cacheRead: 2_000_000, cacheWrite: 400_000 };

  it('prices jp. Sonnet 4.5 at 1.1 × global and states the premium', () => {
    // Global: 1 M × 3 + 0.1 M × 15 + 2 M × 0.30 + 0.4 M × 3.75 = 3 + 1.5 + 0.6 + 1.5 = 6.60 USD.
    // jp.: × 1.1 = 7.26 USD; premium 0.66 USD.
    const cost = usageCost(JP_SONNET, tokens);
    near(cost.globalUsd, 6.6);
    near(cost.usd, 7.26);
    near(cost.premiumUsd, 0.66);
    // A global model pays global prices and has no premium.
    const global = usageCost(`global.${SONNET_BASE}`, tokens);
    near(global.usd, 6.6);
    assert.equal(global.premiumUsd, undefined);
    // Opus 4.1 in us. has no geographic surcharge: 1 × 15 + 0.1 × 75 + 2 × 1.5 + 0.4 × 18.75 = 33 USD, premium 0.
    const opus = usageCost('us.anthropic.claude-opus-4-1-20250805-v1:0', tokens);
    near(opus.usd, 33);
    near(opus.premiumUsd, 0);
    // Unpriced or unknown models cost nothing known.
    assert.deepEqual(usageCost('global.anthropic.claude-opus-4-7', tokens), {});
    assert.deepEqual(usageCost('arn:aws:bedrock:ap-northeast-1:111122223333:application-inference-profile/abc', tokens), {});
  });

  it('adds the models up and states the price date, only when every model with tokens is priced', () => {
    const [jp, global] = summarizeUsage(makeSeries('1h', T0, { [JP_SONNET]: BUSY, [`global.${SONNET_BASE}`]: BUSY }), undefined, { nowMs: T0 + 60 * MINUTE });
    const total = totalCost([jp!, global!]);
    // jp. 0.0565125 (see above) + global 0.051375; global prices 2 × 0.051375; premium only from jp.
    near(total.usd, 0.0565125 + 0.051375);
    near(total.globalUsd, 0.10275);
    near(total.premiumUsd, 0.0051375);
    assert.equal(total.pricesAsOf, MODEL_TABLE.asOf);
    const [unpriced, idle] = summarizeUsage(makeSeries('1h', T0, { 'global.anthropic.claude-opus-4-7': BUSY, 'global.anthropic.claude-opus-4-8': {} }), undefined, { nowMs: T0 + 60 * MINUTE });
    assert.equal(totalCost([jp!, unpriced!]).usd, undefined);
    // An unpriced model without tokens does not spoil the total.
    near(totalCost([jp!, idle!]).usd, 0.0565125);
  });
});
