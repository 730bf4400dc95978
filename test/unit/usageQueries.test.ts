import assert from 'node:assert/strict';
import { PEAK_METRICS, USAGE_METRICS, type MetricSeriesRecord } from '../../src/core/usage/quotaTypes';
import { MAX_DATAPOINTS_PER_CALL, maxPlanDatapoints, maxPlannedModels, metricDataCallBound, planMetricQueries, seriesFromResults } from '../../src/core/usage/usageQueries';

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

  it('covers 50 models (500 queries) for 1h and 33 for the ranges with minute data, and refuses more with a clear error', () => {
    const models = (count: number) => Array.from({ length: count }, (_unused, index) => `arn:aws:bedrock:ap-northeast-1:111122223333:application-inference-profile/p${index}`);
    assert.equal(maxPlannedModels('1h'), 50);
    assert.equal(planMetricQueries(models(50), '1h', now).queries.length, 500);
    assert.throws(() => planMetricQueries(models(51), '1h', now), /51 models.*500 queries/);
    for (const range of ['24h', '7d'] as const) {
      assert.equal(maxPlannedModels(range), 33);
      const plan = planMetricQueries(models(33), range, now);
      assert.equal(plan.queries.length + plan.peakQueries.length, 495);
      assert.throws(() => planMetricQueries(models(34), range, now), /34 models.*500 queries \(33 models for/);
    }
  });

  it('asks for the peak metrics at one minute next to the chart for 24h and 7d, and not for 1h', () => {
    assert.deepEqual(planMetricQueries([JP_SONNET, GLOBAL_HAIKU], '1h', now).peakQueries, []);
    for (const range of ['24h', '7d'] as const) {
      const plan = planMetricQueries([JP_SONNET, GLOBAL_HAIKU], range, now);
      assert.equal(plan.queries.length, 20);
      assert.deepEqual(
        plan.peakQueries.map((query) => [query.id, query.modelId, query.metric, query.stat, query.periodSeconds]),
        [JP_SONNET, GLOBAL_HAIKU].flatMap((modelId, index) =>
          PEAK_METRICS.map((metric) => [`p${index}_${{ Invocations: 'inv', InputTokenCount: 'in', OutputTokenCount: 'out', CacheWriteInputTokenCount: 'cw', EstimatedTPMQuotaUsage: 'est' }[metric]}`, modelId, metric, 'Sum', 60]),
        ),
      );
      // Chart and peak IDs never collide: they go in one request.
      const ids = [...plan.queries, ...plan.peakQueries].map((query) => query.id);
      assert.equal(new Set(ids).size, ids.length);
    }
  });

  it('bounds the GetMetricData calls by the points the plan can return (100,800 a call)', () => {
    const models = (count: number) => Array.from({ length: count }, (_unused, index) => `p${index}`);
    // 1h: 10 metrics × 60 minutes per model; 50 models are 30,000 points, one call.
    assert.equal(maxPlanDatapoints(planMetricQueries(models(50), '1h', now)), 30_000);
    assert.equal(metricDataCallBound(planMetricQueries(models(50), '1h', now)), 1);
    // 24h: 10 × 288 + 5 × 1,440 = 10,080 per model; ten models fill exactly one call.
    assert.equal(maxPlanDatapoints(planMetricQueries(models(1), '24h', now)), 10_080);
    assert.equal(metricDataCallBound(planMetricQueries(models(10), '24h', now)), 1);
    // 7d: 10 × 168 + 5 × 10,080 = 52,080 per model; one model fits one call, two need two pages
    // when every minute has data (bound: twice that, plus one).
    const week = planMetricQueries(models(1), '7d', now);
    assert.equal(maxPlanDatapoints(week), 52_080);
    assert.ok(maxPlanDatapoints(week) <= MAX_DATAPOINTS_PER_CALL);
    assert.equal(metricDataCallBound(week), 1);
    assert.equal(metricDataCallBound(planMetricQueries(models(2), '7d', now)), 5);
  });
});

describe('seriesFromResults', () => {
  it('puts the one-minute peak data of 7d on a minute grid next to the hourly chart', () => {
    const week = planMetricQueries([JP_SONNET], '7d', Date.UTC(2025, 11, 1, 9, 30, 10));
    // The grid runs from 2025-11-24 10:00 to 2025-12-01 09:59.
    const start = Date.UTC(2025, 10, 24, 10, 0);
    const burst = Date.UTC(2025, 11, 1, 7, 41);
    const results: MetricSeriesRecord[] = [
      { id: 'm0_inv', timestamps: [Date.UTC(2025, 11, 1, 7)], values: [1_200], complete: true },
      // Minute data, newest first, over two pages.
      { id: 'p0_inv', timestamps: [burst, burst - MINUTE], values: [40, 18], complete: false },
      { id: 'p0_inv', timestamps: [start], values: [2], complete: true },
    ];
    const series = seriesFromResults(week, results);
    assert.equal(series.periodSeconds, 3600);
    assert.equal(series.times.length, 168);
    assert.equal(series.models[0]!.metrics.Invocations[165], 1_200);
    assert.equal(series.peaks.periodSeconds, 60);
    assert.equal(series.peaks.startMs, start);
    assert.equal(series.peaks.times.length, 7 * 1_440);
    const minutes = series.peaks.models[0]!.metrics;
    assert.deepEqual(Object.keys(minutes).sort(), [...PEAK_METRICS].sort());
    const index = (burst - start) / MINUTE;
    assert.deepEqual([minutes.Invocations[0], minutes.Invocations[index - 1], minutes.Invocations[index]], [2, 18, 40]);
    assert.equal(minutes.Invocations.filter((value) => value !== null).length, 3);
    // The chart's hourly point is not mistaken for minute data, nor the other way round.
    assert.equal(series.models[0]!.metrics.Invocations.filter((value) => value !== null).length, 1);
    // Any PartialData record counts here: the AWS adapter merges a query's pages into one record first.
    assert.equal(series.partial, true);
    assert.equal(seriesFromResults(week, [results[0]!, { ...results[1]!, complete: true }, results[2]!]).partial, false);
  });

  it('reads the 1h peaks from the chart\'s own per-minute results', () => {
    const hour = planMetricQueries([JP_SONNET], '1h', Date.UTC(2025, 11, 1, 9, 30, 10));
    const series = seriesFromResults(hour, [{ id: 'm0_inv', timestamps: [Date.UTC(2025, 11, 1, 9, 0)], values: [7], complete: true }]);
    assert.deepEqual(series.peaks.times, series.times);
    assert.equal(series.peaks.models[0]!.metrics.Invocations[29], 7);
    assert.equal(series.models[0]!.metrics.Invocations[29], 7);
  });

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
