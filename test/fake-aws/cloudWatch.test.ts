import assert from 'node:assert/strict';
import {
  CloudWatchClient,
  GetMetricDataCommand,
  ListMetricsCommand,
  paginateGetMetricData,
  type GetMetricDataCommandInput,
  type MetricDataQuery,
  type MetricDataResult,
} from '@aws-sdk/client-cloudwatch';
import type { FakeUsageSeries } from './scenario';
import { BASIC_ACCOUNT_ID, BASIC_OUTSIDER_KEY, BASIC_REGION, BASIC_STATIC_KEY } from './scenarios/basic';
import { defaultQuotaValue } from './scenarios/quotaCatalog';
import { QUOTA_BURSTS, QUOTA_BURSTS_EXPECTED, QUOTA_NEAR, QUOTA_THROTTLED, QUOTA_THROTTLED_EXPECTED, QUOTA_TINY, USAGE_MODEL_IDS, USAGE_REGION } from './scenarios/quotaData';
import {
  BEDROCK_METRICS,
  MINUTE_MS,
  USAGE_HISTORY_MINUTES,
  anchorMinute,
  metricSample,
  minuteStartAgo,
  plainTokensOf,
  quotaTokensOf,
  usageMinute,
  usageMinutesAgo,
  type BedrockMetric,
} from './scenarios/usageData';
import { CLOUDWATCH_ERROR_MESSAGES } from './services/cloudWatch';
import { getScenario } from './index';
import { rejects } from './rejects';
import { STATIC_CREDENTIALS, useFakeClients, type Credentials } from './useFakeClients';

type Stat = 'Sum' | 'Average' | 'Maximum' | 'Minimum' | 'SampleCount';

const STATIC = STATIC_CREDENTIALS;
const OUTSIDER: Credentials = { accessKeyId: BASIC_OUTSIDER_KEY.accessKeyId, secretAccessKey: BASIC_OUTSIDER_KEY.secretAccessKey };
const HOUR_MS = 3_600_000;

function useFake(scenario: string) {
  const { fake, client } = useFakeClients(scenario);
  return { fake, cloudWatch: (region?: string, credentials?: Credentials) => client((config) => new CloudWatchClient(config), region, credentials) };
}

/** The scenario's series for an identifier (what the fake serves the static-dev account in Tokyo). */
function seriesOf(scenario: string, modelId: string): FakeUsageSeries {
  const series = getScenario(scenario).cloudWatch?.accounts[BASIC_ACCOUNT_ID]?.usage?.[USAGE_REGION]?.find((candidate) => candidate.modelId === modelId);
  assert.ok(series, `${scenario} has usage for ${modelId}`);
  return series;
}

function query(id: string, modelId: string, metric: string, period: number, stat: Stat, extra: Partial<MetricDataQuery> = {}): MetricDataQuery {
  return {
    Id: id,
    MetricStat: { Metric: { Namespace: 'AWS/Bedrock', MetricName: metric, Dimensions: [{ Name: 'ModelId', Value: modelId }] }, Period: period, Stat: stat },
    ...extra,
  };
}

/**
 * Runs a call whose answer depends on the request's minute; retries when a minute boundary
 * passed during the call, so the anchor the test computes with is the fake's.
 */
async function atStableMinute<T>(call: (anchor: number) => Promise<T>): Promise<{ result: T; anchor: number }> {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const anchor = anchorMinute(Date.now());
    const result = await call(anchor);
    if (anchorMinute(Date.now()) === anchor) return { result, anchor };
  }
  throw new Error('three minute boundaries in a row');
}

/** What CloudWatch should answer, computed from the exported per-minute values (newest first). */
function expected(series: FakeUsageSeries, metric: BedrockMetric, stat: Stat, period: number, startMs: number, endMs: number, anchor: number): [number, number][] {
  const periodMs = period * 1000;
  const buckets = new Map<number, { sum: number; count: number; min: number; max: number }>();
  for (let minute = Math.floor(startMs / MINUTE_MS) * MINUTE_MS; minute < endMs; minute += MINUTE_MS) {
    const usage = usageMinute(series, minute, anchor);
    const sample = usage && metricSample(usage, metric);
    if (!sample) continue;
    const key = Math.floor(minute / periodMs) * periodMs;
    const bucket = buckets.get(key) ?? { sum: 0, count: 0, min: Infinity, max: -Infinity };
    bucket.sum += sample.sum;
    bucket.count += sample.sampleCount;
    bucket.min = Math.min(bucket.min, sample.minimum);
    bucket.max = Math.max(bucket.max, sample.maximum);
    buckets.set(key, bucket);
  }
  const value = (bucket: { sum: number; count: number; min: number; max: number }): number =>
    ({ Sum: bucket.sum, Average: bucket.sum / bucket.count, Maximum: bucket.max, Minimum: bucket.min, SampleCount: bucket.count })[stat];
  return [...buckets.entries()].sort(([a], [b]) => b - a).map(([key, bucket]) => [key, value(bucket)]);
}

function pointsOf(result: MetricDataResult | undefined): [number, number][] {
  assert.ok(result);
  assert.equal(result.Timestamps?.length, result.Values?.length);
  return (result.Timestamps ?? []).map((time, index) => [time.getTime(), result.Values?.[index] ?? NaN]);
}

function resultById(results: MetricDataResult[] | undefined, id: string): MetricDataResult | undefined {
  return results?.find((result) => result.Id === id);
}

describe('fake-aws: CloudWatch GetMetricData through the real SDK', () => {
  describe('quota-throttled', () => {
    const { fake, cloudWatch } = useFake('quota-throttled');
    const series = seriesOf('quota-throttled', QUOTA_THROTTLED.modelId);

    it('answers the last hour minute by minute, newest first, with the throttled peaks of the exports', async () => {
      const metrics: [BedrockMetric, Stat][] = [
        ['Invocations', 'Sum'],
        ['InvocationThrottles', 'Sum'],
        ['InputTokenCount', 'Sum'],
        ['OutputTokenCount', 'Sum'],
        ['CacheReadInputTokenCount', 'Sum'],
        ['CacheWriteInputTokenCount', 'Sum'],
        ['EstimatedTPMQuotaUsage', 'Sum'],
        ['InvocationLatency', 'Average'],
      ];
      const { result, anchor } = await atStableMinute((now) =>
        cloudWatch().send(
          new GetMetricDataCommand({
            StartTime: new Date(now - HOUR_MS),
            EndTime: new Date(now),
            MetricDataQueries: metrics.map(([metric, stat], index) => query(`m${index}`, QUOTA_THROTTLED.modelId, metric, 60, stat)),
          }),
        ),
      );
      assert.deepEqual(result.Messages, []);
      metrics.forEach(([metric, stat], index) => {
        const answer = resultById(result.MetricDataResults, `m${index}`);
        assert.equal(answer?.Label, metric);
        assert.equal(answer?.StatusCode, 'Complete');
        assert.deepEqual(pointsOf(answer), expected(series, metric, stat, 60, anchor - HOUR_MS, anchor, anchor), metric);
      });
      const throttles = pointsOf(resultById(result.MetricDataResults, 'm1'));
      const throttledMinutesAgo = throttles.filter(([, value]) => value > 0).map(([time]) => (anchor - time) / MINUTE_MS);
      assert.deepEqual(throttledMinutesAgo, QUOTA_THROTTLED_EXPECTED.throttledMinutesAgo);
      assert.ok(throttledMinutesAgo.some((minutes) => minutes <= 15), 'throttled within the last 15 minutes');
      const estimated = new Map(pointsOf(resultById(result.MetricDataResults, 'm6')));
      const peak = estimated.get(minuteStartAgo(anchor, QUOTA_THROTTLED.recentPeak.fromMinutesAgo));
      assert.equal(peak, QUOTA_THROTTLED_EXPECTED.recentPeakQuotaTokensPerMinute);
      assert.ok(QUOTA_THROTTLED_EXPECTED.recentPeakQuotaTokensPerMinute > QUOTA_THROTTLED_EXPECTED.tpmQuota, 'the recent peak is over the TPM quota');
      assert.ok(QUOTA_THROTTLED_EXPECTED.earlierPeakQuotaTokensPerMinute < QUOTA_THROTTLED_EXPECTED.tpmQuota, 'the earlier peak is throttled below it');
      assert.ok(QUOTA_THROTTLED_EXPECTED.recentPeakReservedTokensPerMinute > 2 * QUOTA_THROTTLED_EXPECTED.tpmQuota, 'the reservation dominates');
      assert.ok(QUOTA_THROTTLED_EXPECTED.globalTpmQuota >= 4 * QUOTA_THROTTLED_EXPECTED.tpmQuota);
      const [peakMinute] = usageMinutesAgo(series, anchor, QUOTA_THROTTLED.recentPeak.fromMinutesAgo, QUOTA_THROTTLED.recentPeak.fromMinutesAgo);
      assert.ok(peakMinute);
      assert.equal(quotaTokensOf(peakMinute), QUOTA_THROTTLED_EXPECTED.recentPeakQuotaTokensPerMinute);
      assert.equal(plainTokensOf(peakMinute), QUOTA_THROTTLED_EXPECTED.recentPeakPlainTokensPerMinute);
      // One log entry for the call, countable by service and operation.
      const calls = fake().requests.filter((entry) => entry.service === 'cloudwatch' && entry.operation === 'GetMetricData');
      assert.equal(calls.length, fake().requests.length);
      assert.ok(calls.length >= 1 && calls.every((entry) => entry.status === 200 && entry.signingService === 'monitoring' && entry.resource === undefined));
    });

    it('aggregates into epoch-aligned 300 s and 3600 s buckets over 24 hours and 8 days', async () => {
      for (const [period, hours] of [
        [300, 24],
        [3600, 8 * 24],
      ] as const) {
        const stats: Stat[] = ['Sum', 'Average', 'Maximum', 'Minimum', 'SampleCount'];
        const { result, anchor } = await atStableMinute((now) =>
          cloudWatch().send(
            new GetMetricDataCommand({
              // A start that is not on a period boundary: the first bucket is partial.
              StartTime: new Date(now - hours * HOUR_MS + 7 * MINUTE_MS),
              EndTime: new Date(now),
              MetricDataQueries: [
                ...stats.map((stat) => query(`inv${stat}`, QUOTA_THROTTLED.modelId, 'Invocations', period, stat)),
                ...stats.map((stat) => query(`lat${stat}`, QUOTA_THROTTLED.modelId, 'InvocationLatency', period, stat)),
                query('tokens', QUOTA_THROTTLED.modelId, 'InputTokenCount', period, 'Sum'),
              ],
            }),
          ),
        );
        const start = anchor - hours * HOUR_MS + 7 * MINUTE_MS;
        for (const stat of stats) {
          assert.deepEqual(pointsOf(resultById(result.MetricDataResults, `inv${stat}`)), expected(series, 'Invocations', stat, period, start, anchor, anchor), `${period} Invocations ${stat}`);
          assert.deepEqual(pointsOf(resultById(result.MetricDataResults, `lat${stat}`)), expected(series, 'InvocationLatency', stat, period, start, anchor, anchor), `${period} latency ${stat}`);
        }
        const tokens = pointsOf(resultById(result.MetricDataResults, 'tokens'));
        assert.deepEqual(tokens, expected(series, 'InputTokenCount', 'Sum', period, start, anchor, anchor));
        assert.ok(tokens.length > 1);
        assert.ok(tokens.every(([time]) => time % (period * 1000) === 0), 'aligned to epoch multiples of the period');
        assert.ok(tokens.every(([time], index) => index === 0 || time < (tokens[index - 1]?.[0] ?? 0)), 'newest first');
      }
    });

    it('scans oldest first with ScanBy TimestampAscending', async () => {
      const input = (now: number, scanBy?: 'TimestampAscending'): GetMetricDataCommandInput => ({
        StartTime: new Date(now - HOUR_MS),
        EndTime: new Date(now),
        MetricDataQueries: [query('q', QUOTA_THROTTLED.modelId, 'InvocationThrottles', 60, 'Sum')],
        ...(scanBy && { ScanBy: scanBy }),
      });
      const { result } = await atStableMinute(async (now) => [
        await cloudWatch().send(new GetMetricDataCommand(input(now))),
        await cloudWatch().send(new GetMetricDataCommand(input(now, 'TimestampAscending'))),
      ]);
      const [descending, ascending] = result.map((answer) => pointsOf(answer?.MetricDataResults?.[0]));
      assert.ok(descending && ascending && ascending.length > 10);
      assert.deepEqual(ascending, [...descending].reverse());
    });

    it('pages at MaxDatapoints with PartialData and a NextToken the paginator follows', async () => {
      const queries = [
        query('a', QUOTA_THROTTLED.modelId, 'Invocations', 60, 'Sum'),
        query('b', QUOTA_THROTTLED.modelId, 'InvocationThrottles', 60, 'Sum'),
        query('c', USAGE_MODEL_IDS.jpHaiku45, 'Invocations', 60, 'Sum'),
      ];
      const { result } = await atStableMinute(async (now) => {
        const input = { StartTime: new Date(now - HOUR_MS), EndTime: new Date(now), MetricDataQueries: queries };
        const whole = await cloudWatch().send(new GetMetricDataCommand(input));
        const first = await cloudWatch().send(new GetMetricDataCommand({ ...input, MaxDatapoints: 25 }));
        const pages = [];
        for await (const page of paginateGetMetricData({ client: cloudWatch() }, { ...input, MaxDatapoints: 25 })) pages.push(page);
        return { whole, first, pages };
      });
      const { whole, first, pages } = result;
      assert.ok(first.NextToken);
      assert.equal(first.MetricDataResults?.reduce((total, answer) => total + (answer.Values?.length ?? 0), 0), 25);
      assert.equal(first.MetricDataResults?.[0]?.StatusCode, 'PartialData');
      assert.ok(pages.length > 1);
      assert.equal(pages.at(-1)?.NextToken, undefined);
      for (const id of ['a', 'b', 'c']) {
        const merged = pages.flatMap((page) => pointsOf(resultById(page.MetricDataResults, id) ?? { Timestamps: [], Values: [] }));
        assert.deepEqual(merged, pointsOf(resultById(whole.MetricDataResults, id)), id);
      }
      // A token belongs to its request.
      await rejects(
        cloudWatch().send(new GetMetricDataCommand({ StartTime: new Date(), EndTime: new Date(Date.now() + 1000), MetricDataQueries: queries, NextToken: first.NextToken })),
        'InvalidNextToken',
      );
    });
  });

  describe('basic', () => {
    const { fake, cloudWatch } = useFake('basic');

    it('keeps healthy traffic below half of the quotas, never throttled, and leaves out minutes without requests', async () => {
      const start = (now: number): number => now - 24 * HOUR_MS;
      const { result, anchor } = await atStableMinute((now) =>
        cloudWatch().send(
          new GetMetricDataCommand({
            StartTime: new Date(start(now)),
            EndTime: new Date(now + HOUR_MS),
            MetricDataQueries: [
              query('inv', USAGE_MODEL_IDS.jpSonnet45, 'Invocations', 60, 'Sum'),
              query('thr', USAGE_MODEL_IDS.jpSonnet45, 'InvocationThrottles', 60, 'Maximum'),
              query('est', USAGE_MODEL_IDS.jpSonnet45, 'EstimatedTPMQuotaUsage', 60, 'Sum'),
              query('haiku', USAGE_MODEL_IDS.jpHaiku45, 'Invocations', 60, 'Sum'),
            ],
          }),
        ),
      );
      const series = seriesOf('basic', USAGE_MODEL_IDS.jpSonnet45);
      const invocations = pointsOf(resultById(result.MetricDataResults, 'inv'));
      assert.deepEqual(invocations, expected(series, 'Invocations', 'Sum', 60, start(anchor), anchor + HOUR_MS, anchor));
      const times = new Set(invocations.map(([time]) => time));
      let empty = 0;
      for (let minutesAgo = 1; minutesAgo <= 24 * 60; minutesAgo += 1) {
        const minute = minuteStartAgo(anchor, minutesAgo);
        const usage = usageMinute(series, minute, anchor);
        assert.equal(times.has(minute), usage !== undefined, `${minutesAgo} minutes ago`);
        if (!usage) empty += 1;
      }
      assert.ok(empty > 0, 'some minutes had no request');
      assert.ok(!times.has(anchor), 'the current minute has no data yet');
      assert.ok(pointsOf(resultById(result.MetricDataResults, 'thr')).every(([, value]) => value === 0));
      const estimated = pointsOf(resultById(result.MetricDataResults, 'est'));
      assert.ok(estimated.length > 0 && estimated.every(([, value]) => value < defaultQuotaValue('ap-northeast-1', 'sonnet45', 'geoTpm') / 2));
      assert.deepEqual(
        pointsOf(resultById(result.MetricDataResults, 'haiku')),
        expected(seriesOf('basic', USAGE_MODEL_IDS.jpHaiku45), 'Invocations', 'Sum', 60, start(anchor), anchor + HOUR_MS, anchor),
      );
      assert.equal(fake().requests.length, 1);
    });

    it('keeps 8 days of history for every series and metric, hourly', async () => {
      const modelIds = Object.values(USAGE_MODEL_IDS);
      const { result, anchor } = await atStableMinute((now) =>
        cloudWatch().send(
          new GetMetricDataCommand({
            StartTime: new Date(now - 10 * 24 * HOUR_MS),
            EndTime: new Date(now),
            MetricDataQueries: modelIds.flatMap((modelId, model) =>
              BEDROCK_METRICS.map((metric, index) => query(`m${model}_${index}`, modelId, metric, 3600, metric === 'InvocationLatency' ? 'Average' : 'Sum')),
            ),
          }),
        ),
      );
      assert.equal(result.MetricDataResults?.length, modelIds.length * BEDROCK_METRICS.length);
      modelIds.forEach((modelId, model) => {
        const series = seriesOf('basic', modelId);
        BEDROCK_METRICS.forEach((metric, index) => {
          const points = pointsOf(resultById(result.MetricDataResults, `m${model}_${index}`));
          const stat = metric === 'InvocationLatency' ? 'Average' : 'Sum';
          assert.deepEqual(points, expected(series, metric, stat, 3600, anchor - 10 * 24 * HOUR_MS, anchor, anchor), `${modelId} ${metric}`);
          if (metric === 'EstimatedTPMQuotaUsage' && !series.estimatedTpmQuotaUsage) assert.equal(points.length, 0, 'only where published');
          else assert.ok(points.length > 0 && (points.at(-1)?.[0] ?? 0) >= anchor - USAGE_HISTORY_MINUTES * MINUTE_MS - HOUR_MS);
        });
      });
    });

    it('answers no points for other identifiers, dimension sets, namespaces, accounts and regions; omits ReturnData false', async () => {
      const end = new Date();
      const start = new Date(end.getTime() - HOUR_MS);
      const jp = USAGE_MODEL_IDS.jpSonnet45;
      const answer = await cloudWatch().send(
        new GetMetricDataCommand({
          StartTime: start,
          EndTime: end,
          MetricDataQueries: [
            query('unknown', 'us.anthropic.claude-sonnet-4-5-20250929-v1:0', 'Invocations', 60, 'Sum'),
            query('nodims', jp, 'Invocations', 60, 'Sum', { MetricStat: { Metric: { Namespace: 'AWS/Bedrock', MetricName: 'Invocations' }, Period: 60, Stat: 'Sum' } }),
            query('otherns', jp, 'Invocations', 60, 'Sum', {
              MetricStat: { Metric: { Namespace: 'AWS/Lambda', MetricName: 'Invocations', Dimensions: [{ Name: 'ModelId', Value: jp }] }, Period: 60, Stat: 'Sum' },
            }),
            query('labelled', jp, 'OutputTokenCount', 3600, 'Sum', { Label: 'Sonnet output' }),
            query('hidden', jp, 'Invocations', 60, 'Sum', { ReturnData: false }),
          ],
        }),
      );
      assert.deepEqual(answer.MetricDataResults?.map((result) => result.Id), ['unknown', 'nodims', 'otherns', 'labelled']);
      for (const id of ['unknown', 'nodims', 'otherns']) {
        const result = resultById(answer.MetricDataResults, id);
        assert.deepEqual([result?.StatusCode, result?.Timestamps, result?.Values], ['Complete', [], []], id);
      }
      assert.equal(resultById(answer.MetricDataResults, 'labelled')?.Label, 'Sonnet output');
      for (const client of [cloudWatch(BASIC_REGION, OUTSIDER), cloudWatch('us-east-1')]) {
        const other = await client.send(new GetMetricDataCommand({ StartTime: start, EndTime: end, MetricDataQueries: [query('q', jp, 'Invocations', 60, 'Sum')] }));
        assert.deepEqual(other.MetricDataResults?.[0]?.Values, []);
      }
      assert.deepEqual(
        fake().requests.map((entry) => [entry.operation, entry.signingRegion, entry.accessKeyId]),
        [
          ['GetMetricData', BASIC_REGION, STATIC.accessKeyId],
          ['GetMetricData', BASIC_REGION, OUTSIDER.accessKeyId],
          ['GetMetricData', 'us-east-1', STATIC.accessKeyId],
        ],
      );
    });

    it('validates like CloudWatch: InvalidParameterValueException through the query-compatible header', async () => {
      const now = Date.now();
      const send = (queries: MetricDataQuery[], start = now - HOUR_MS, end = now): Promise<unknown> =>
        cloudWatch().send(new GetMetricDataCommand({ StartTime: new Date(start), EndTime: new Date(end), MetricDataQueries: queries }));
      const jp = USAGE_MODEL_IDS.jpSonnet45;
      const error = await rejects(send([query('Bad-Id', jp, 'Invocations', 60, 'Sum')]), 'InvalidParameterValueException', CLOUDWATCH_ERROR_MESSAGES.badId('Bad-Id', 1));
      assert.equal(error.$metadata?.httpStatusCode, 400);
      await rejects(send([query('q', jp, 'Invocations', 60, 'Sum'), query('q', jp, 'Invocations', 60, 'Sum')]), 'InvalidParameterValueException', CLOUDWATCH_ERROR_MESSAGES.duplicateId('q'));
      const many = Array.from({ length: 501 }, (_, index) => query(`q${index}`, jp, 'Invocations', 60, 'Sum'));
      await rejects(send(many), 'InvalidParameterValueException', CLOUDWATCH_ERROR_MESSAGES.tooManyQueries);
      await send(many.slice(0, 500));
      await rejects(send([]), 'InvalidParameterValueException', CLOUDWATCH_ERROR_MESSAGES.noQueries);
      await rejects(send([query('q', jp, 'Invocations', 90, 'Sum')]), 'InvalidParameterValueException', CLOUDWATCH_ERROR_MESSAGES.badPeriod(1));
      await rejects(send([query('q', jp, 'Invocations', 60, 'Sum')], now, now), 'InvalidParameterValueException', CLOUDWATCH_ERROR_MESSAGES.startNotBeforeEnd);
      await rejects(send([query('q', jp, 'Invocations', 60, 'p99' as Stat)]), 'InvalidParameterValueException', CLOUDWATCH_ERROR_MESSAGES.badStat('p99', 1));
      await rejects(send([{ Id: 'e', Expression: 'SUM(METRICS())' }]), 'InvalidParameterValueException', CLOUDWATCH_ERROR_MESSAGES.expression('e', 'Unrecognized function: SUM.'));
      await rejects(send([{ Id: 'q' }]), 'MissingRequiredParameterException', CLOUDWATCH_ERROR_MESSAGES.missing('MetricDataQueries.member.1.MetricStat'));
      assert.equal(fake().requests.filter((entry) => entry.operation === 'GetMetricData').length, 10, 'one log entry per call');
    });

    it('caps a call at 100,800 data points', async () => {
      const queries = Array.from({ length: 12 }, (_, index) => query(`q${index}`, USAGE_MODEL_IDS.jpHaiku45, 'InvocationLatency', 60, 'SampleCount'));
      const end = Date.now();
      const first = await cloudWatch().send(new GetMetricDataCommand({ StartTime: new Date(end - 9 * 24 * HOUR_MS), EndTime: new Date(end), MetricDataQueries: queries }));
      const total = first.MetricDataResults?.reduce((sum, result) => sum + (result.Values?.length ?? 0), 0);
      assert.equal(total, 100_800);
      assert.ok(first.NextToken);
      assert.ok(first.MetricDataResults?.some((result) => result.StatusCode === 'PartialData'));
    });

    it('throttles on an injected fault, and answers UnknownOperationException to other operations', async () => {
      fake().inject({ service: 'cloudwatch', operation: 'GetMetricData', throttle: true, times: 1 });
      const end = new Date();
      const input = { StartTime: new Date(end.getTime() - HOUR_MS), EndTime: end, MetricDataQueries: [query('q', USAGE_MODEL_IDS.jpSonnet45, 'Invocations', 60, 'Sum')] };
      await rejects(cloudWatch().send(new GetMetricDataCommand(input)), 'ThrottlingException', CLOUDWATCH_ERROR_MESSAGES.throttled);
      await cloudWatch().send(new GetMetricDataCommand(input));
      await rejects(cloudWatch().send(new ListMetricsCommand({})), 'UnknownOperationException');
      assert.deepEqual(
        fake().requests.map((entry) => [entry.service, entry.operation, entry.status, entry.errorCode, entry.injected]),
        [
          ['cloudwatch', 'GetMetricData', 400, 'ThrottlingException', true],
          ['cloudwatch', 'GetMetricData', 200, undefined, undefined],
          ['cloudwatch', 'ListMetrics', 400, 'UnknownOperationException', undefined],
        ],
      );
    });
  });

  describe('quota-near', () => {
    const { cloudWatch } = useFake('quota-near');
    it('peaks at 85–90 % of the jp. Sonnet 4.5 TPM quota, without throttles', async () => {
      const { result, anchor } = await atStableMinute((now) =>
        cloudWatch().send(
          new GetMetricDataCommand({
            StartTime: new Date(now - HOUR_MS),
            EndTime: new Date(now),
            MetricDataQueries: [query('est', QUOTA_NEAR.modelId, 'EstimatedTPMQuotaUsage', 60, 'Sum'), query('thr', QUOTA_NEAR.modelId, 'InvocationThrottles', 3600, 'Sum')],
          }),
        ),
      );
      const quota = defaultQuotaValue('ap-northeast-1', 'sonnet45', 'geoTpm');
      const peak = Math.max(...pointsOf(resultById(result.MetricDataResults, 'est')).map(([, value]) => value));
      assert.ok(peak >= 0.85 * quota && peak <= 0.9 * quota, `peak ${peak}`);
      const [minute] = usageMinutesAgo(seriesOf('quota-near', QUOTA_NEAR.modelId), anchor, QUOTA_NEAR.peak.fromMinutesAgo, QUOTA_NEAR.peak.fromMinutesAgo);
      assert.ok(minute && plainTokensOf(minute) >= 0.85 * quota && plainTokensOf(minute) <= 0.9 * quota);
      assert.ok(pointsOf(resultById(result.MetricDataResults, 'thr')).every(([, value]) => value === 0));
    });
  });

  describe('quota-bursts', () => {
    const { cloudWatch } = useFake('quota-bursts');
    it('answers the 40-request minutes at 60 s; an hour\'s Sum / 60 averages them away and its Maximum is one request', async () => {
      const series = seriesOf('quota-bursts', QUOTA_BURSTS.modelId);
      const { result, anchor } = await atStableMinute((now) =>
        cloudWatch().send(
          new GetMetricDataCommand({
            StartTime: new Date(now - 7 * 24 * HOUR_MS),
            EndTime: new Date(now),
            MetricDataQueries: [
              query('minute', QUOTA_BURSTS.modelId, 'Invocations', 60, 'Sum'),
              query('hour', QUOTA_BURSTS.modelId, 'Invocations', 3600, 'Sum'),
              query('hourmax', QUOTA_BURSTS.modelId, 'Invocations', 3600, 'Maximum'),
            ],
          }),
        ),
      );
      const start = anchor - 7 * 24 * HOUR_MS;
      const minutes = pointsOf(resultById(result.MetricDataResults, 'minute'));
      assert.deepEqual(minutes, expected(series, 'Invocations', 'Sum', 60, start, anchor, anchor));
      const busiest = Math.max(...minutes.map(([, value]) => value));
      assert.equal(busiest, QUOTA_BURSTS_EXPECTED.weekPeakRequestsPerMinute);
      assert.equal(new Map(minutes).get(minuteStartAgo(anchor, QUOTA_BURSTS_EXPECTED.weekPeakMinutesAgo)), busiest);
      const hourly = pointsOf(resultById(result.MetricDataResults, 'hour')).map(([, value]) => value / 60);
      assert.ok(Math.max(...hourly) < 25, `the busiest hour averages ${Math.max(...hourly)} a minute`);
      // Bedrock publishes one sample per request: the Maximum of any period is 1, never a per-minute rate.
      assert.deepEqual([...new Set(pointsOf(resultById(result.MetricDataResults, 'hourmax')).map(([, value]) => value))], [1]);
      // The scenario runs round the clock: no working-hours cycle.
      const global = seriesOf('quota-bursts', USAGE_MODEL_IDS.globalSonnet45);
      assert.equal(global.workingHours, undefined);
    });
  });

  describe('quota-tiny', () => {
    const { cloudWatch } = useFake('quota-tiny');
    it('shows a little traffic with throttles, above the 2 RPM quota in its burst', async () => {
      const { result, anchor } = await atStableMinute((now) =>
        cloudWatch().send(
          new GetMetricDataCommand({
            StartTime: new Date(now - HOUR_MS),
            EndTime: new Date(now),
            MetricDataQueries: [query('inv', QUOTA_TINY.usage.modelId, 'Invocations', 60, 'SampleCount'), query('thr', QUOTA_TINY.usage.modelId, 'InvocationThrottles', 60, 'Sum')],
          }),
        ),
      );
      const series = seriesOf('quota-tiny', QUOTA_TINY.usage.modelId);
      assert.deepEqual(pointsOf(resultById(result.MetricDataResults, 'thr')), expected(series, 'InvocationThrottles', 'Sum', 60, anchor - HOUR_MS, anchor, anchor));
      const requests = new Map(pointsOf(resultById(result.MetricDataResults, 'inv')));
      const burst = requests.get(minuteStartAgo(anchor, QUOTA_TINY.usage.peak.fromMinutesAgo)) ?? 0;
      assert.equal(burst, QUOTA_TINY.usage.peak.profile.requestsPerMinute + QUOTA_TINY.usage.peak.profile.throttlesPerMinute);
      assert.ok(burst > QUOTA_TINY.rpm);
    });
  });

  describe('quota-cloudwatch-denied', () => {
    const { cloudWatch } = useFake('quota-cloudwatch-denied');
    it('refuses GetMetricData with AccessDeniedException naming the caller; other accounts are served', async () => {
      const end = new Date();
      const input = { StartTime: new Date(end.getTime() - HOUR_MS), EndTime: end, MetricDataQueries: [query('q', USAGE_MODEL_IDS.jpSonnet45, 'Invocations', 60, 'Sum')] };
      const error = await rejects(
        cloudWatch().send(new GetMetricDataCommand(input)),
        'AccessDeniedException',
        `User: ${BASIC_STATIC_KEY.arn} is not authorized to perform: cloudwatch:GetMetricData because no identity-based policy allows the cloudwatch:GetMetricData action`,
      );
      assert.equal(error.$metadata?.httpStatusCode, 403);
      assert.equal((await cloudWatch(BASIC_REGION, OUTSIDER).send(new GetMetricDataCommand(input))).MetricDataResults?.[0]?.StatusCode, 'Complete');
    });
  });
});
