import assert from 'node:assert/strict';
import { USAGE_METRICS, type MetricSeriesRecord } from '../../src/core/usage/quotaTypes';
import { planMetricQueries, seriesFromResults } from '../../src/core/usage/usageQueries';

const JP_SONNET = 'jp.anthropic.claude-sonnet-4-5-20250929-v1:0';
const GLOBAL_HAIKU = 'global.anthropic.claude-haiku-4-5-20251001-v1:0';
const MINUTE = 60_000;

describe('planMetricQueries', () => {
  // 2025-12-01 09:30:42.123 UTC: inside the minute 09:30, the 5-minute period 09:30 and the hour 09:00.
  const now = Date.UTC(2025, 11, 1, 9, 30, 42, 123);

  it('asks for every metric of every model, with unique IDs CloudWatch accepts', () => {
    const plan = planMetricQueries([JP_SONNET, GLOBAL_HAIKU, 'us.anthropic.claude-opus-4-1-20250805-v1:0'], '1h', now);
    // 3 models × 10 metrics.
    assert.equal(plan.queries.length, 30);
    const ids = plan.queries.map((query) => query.id);
    assert.equal(new Set(ids).size, 30);
    for (const id of ids) assert.match(id, /^[a-z][a-zA-Z0-9_]*$/);
    assert.deepEqual(
      plan.queries.filter((query) => query.modelId === JP_SONNET).map((query) => query.id).sort(),
      ['m0_cer', 'm0_cr', 'm0_cw', 'm0_est', 'm0_in', 'm0_inv', 'm0_lat', 'm0_out', 'm0_ser', 'm0_thr'],
    );
    assert.ok(plan.queries.filter((query) => query.modelId === GLOBAL_HAIKU).every((query) => query.id.startsWith('m1_')));
    const latency = plan.queries.find((query) => query.id === 'm1_lat');
    assert.equal(latency?.metric, 'InvocationLatency');
    assert.equal(latency?.stat, 'Average');
    assert.equal(plan.queries.find((query) => query.id === 'm2_thr')?.stat, 'Sum');
    assert.ok(plan.queries.every((query) => query.periodSeconds === 60));
  });

  it('ends at the end of the current period and starts one range earlier', () => {
    const hour = planMetricQueries([JP_SONNET], '1h', now);
    // The minute 09:30 is included: the plan ends at 09:31 and starts 60 minutes before.
    assert.equal(hour.endMs, Date.UTC(2025, 11, 1, 9, 31));
    assert.equal(hour.startMs, Date.UTC(2025, 11, 1, 8, 31));
    assert.equal(hour.periodSeconds, 60);

    const day = planMetricQueries([JP_SONNET], '24h', now);
    // Five-minute periods: 09:30–09:35 is the current one.
    assert.equal(day.endMs, Date.UTC(2025, 11, 1, 9, 35));
    assert.equal(day.startMs, Date.UTC(2025, 10, 30, 9, 35));
    assert.equal(day.periodSeconds, 300);

    const week = planMetricQueries([JP_SONNET], '7d', now);
    assert.equal(week.endMs, Date.UTC(2025, 11, 1, 10, 0));
    assert.equal(week.startMs, Date.UTC(2025, 10, 24, 10, 0));
    assert.equal(week.periodSeconds, 3600);
    assert.equal(week.range, '7d');
  });

  it('includes the period that starts exactly now', () => {
    const onBoundary = Date.UTC(2025, 11, 1, 9, 31);
    assert.equal(planMetricQueries([JP_SONNET], '1h', onBoundary).endMs, Date.UTC(2025, 11, 1, 9, 32));
  });

  it('queries a model listed twice once', () => {
    const plan = planMetricQueries([JP_SONNET, GLOBAL_HAIKU, JP_SONNET], '1h', now);
    assert.equal(plan.queries.length, 20);
  });

  it('covers 50 models (500 queries) and refuses 51 with a clear error', () => {
    const models = (count: number) => Array.from({ length: count }, (_unused, index) => `arn:aws:bedrock:ap-northeast-1:111122223333:application-inference-profile/p${index}`);
    assert.equal(planMetricQueries(models(50), '1h', now).queries.length, 500);
    assert.throws(() => planMetricQueries(models(51), '1h', now), /51 models.*500 queries/);
  });
});

describe('seriesFromResults', () => {
  const now = Date.UTC(2025, 11, 1, 9, 30, 10);
  const plan = planMetricQueries([JP_SONNET, GLOBAL_HAIKU], '1h', now);
  // The grid runs from 08:31 to 09:30 (60 minutes, oldest first).
  const first = Date.UTC(2025, 11, 1, 8, 31);
  const minute = (index: number) => first + index * MINUTE;

  it('puts newest-first points on the oldest-first grid with nulls where nothing came back', () => {
    const results: MetricSeriesRecord[] = [
      { id: 'm0_inv', timestamps: [minute(59), minute(30), minute(0)], values: [3, 7, 1], complete: true },
      { id: 'm1_out', timestamps: [minute(10)], values: [500], complete: true },
    ];
    const series = seriesFromResults(plan, results);
    assert.equal(series.times.length, 60);
    assert.equal(series.times[0], first);
    assert.equal(series.times[59], Date.UTC(2025, 11, 1, 9, 30));
    assert.equal(series.startMs, first);
    assert.equal(series.partial, false);
    const sonnet = series.models.find((model) => model.modelId === JP_SONNET)!;
    assert.equal(sonnet.metrics.Invocations[0], 1);
    assert.equal(sonnet.metrics.Invocations[30], 7);
    assert.equal(sonnet.metrics.Invocations[59], 3);
    assert.equal(sonnet.metrics.Invocations[1], null);
    assert.equal(sonnet.metrics.Invocations.filter((value) => value !== null).length, 3);
    // A metric with no result at all is a full row of nulls.
    assert.ok(sonnet.metrics.OutputTokenCount.every((value) => value === null));
    const haiku = series.models.find((model) => model.modelId === GLOBAL_HAIKU)!;
    assert.equal(haiku.metrics.OutputTokenCount[10], 500);
    assert.deepEqual(Object.keys(haiku.metrics).sort(), [...USAGE_METRICS].sort());
  });

  it('accepts results in any order and split over pages, ignores unknown IDs and off-grid points, and flags partial data', () => {
    const results: MetricSeriesRecord[] = [
      { id: 'm1_thr', timestamps: [minute(5)], values: [2], complete: true },
      { id: 'zz_unknown', timestamps: [minute(5)], values: [99], complete: false },
      { id: 'm0_thr', timestamps: [minute(40), first - MINUTE, minute(60)], values: [4, 8, 9], complete: true },
      { id: 'm0_thr', timestamps: [minute(2)], values: [6], complete: false },
    ];
    const series = seriesFromResults(plan, results);
    const sonnet = series.models.find((model) => model.modelId === JP_SONNET)!;
    // Minute 40 from the first page, minute 2 from the second; the points before and after the grid are dropped.
    assert.equal(sonnet.metrics.InvocationThrottles[40], 4);
    assert.equal(sonnet.metrics.InvocationThrottles[2], 6);
    assert.equal(sonnet.metrics.InvocationThrottles.filter((value) => value !== null).length, 2);
    assert.equal(series.models.find((model) => model.modelId === GLOBAL_HAIKU)!.metrics.InvocationThrottles[5], 2);
    assert.equal(series.partial, true);
    // Only the unknown series was incomplete: that does not make the answer partial.
    assert.equal(seriesFromResults(plan, results.slice(0, 3)).partial, false);
  });
});
