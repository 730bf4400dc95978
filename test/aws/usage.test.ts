// One refresh of the quota and usage diagnostics through the real Service Quotas and CloudWatch
// SDK clients against the fake AWS: exactly one GetMetricData for 1h whatever the number of models,
// per-minute peaks for 24h and 7d from one-minute data (NextToken pages followed, exactly as many
// calls as 100,800-point pages of the data), the right quota of the right routing, the throttled
// minutes the scenario throttled, and a view that keeps working (and says which permission is
// missing) when either service refuses.
import assert from 'node:assert/strict';
import { fetchUsageReport, requestBedrockQuotaIncrease } from '../../src/aws/usage/usage';
import { ownQuota } from '../../src/core/usage/quotaMatch';
import type { MetricQueryPlan, UsageRange, UsageReport } from '../../src/core/usage/quotaTypes';
import { MAX_DATAPOINTS_PER_CALL, planMetricQueries } from '../../src/core/usage/usageQueries';
import { BASIC_ACCOUNT_ID } from '../fake-aws/scenarios/basic';
import { BEDROCK_MODEL_IDS } from '../fake-aws/scenarios/bedrockCatalog';
import { OLD_NAMES_RECODED_MODELS, OLD_NAME_QUOTA_CODES, QUOTA_CODES, defaultQuotaValue } from '../fake-aws/scenarios/quotaCatalog';
import { QUOTA_BURSTS_EXPECTED, QUOTA_THROTTLED, QUOTA_THROTTLED_EXPECTED, QUOTA_TINY } from '../fake-aws/scenarios/quotaData';
import { anchorMinute, datapointCount, minuteStartAgo, usageMinute, type BedrockMetric } from '../fake-aws/scenarios/usageData';
import type { ScenarioName } from '../fake-aws/scenarios';
import { useFakeAwsHome } from '../support/fakeAwsHome';

const TOKYO = 'ap-northeast-1';
const JP_SONNET = `jp.${BEDROCK_MODEL_IDS.sonnet45}`;
const JP_HAIKU = `jp.${BEDROCK_MODEL_IDS.haiku45}`;
const GLOBAL_SONNET = `global.${BEDROCK_MODEL_IDS.sonnet45}`;
const JP_OPUS = `jp.${BEDROCK_MODEL_IDS.opus46}`;
const profile = (name: string) => ({ type: 'profile' as const, profile: name });

async function refresh(modelIds: readonly string[], extra: Partial<Parameters<typeof fetchUsageReport>[0]> = {}): Promise<UsageReport> {
  const result = await fetchUsageReport({ target: profile('static-dev'), region: TOKYO, modelIds, range: '1h', ...extra });
  assert.ok(result.ok, 'credentials resolve');
  return result.report;
}

function withScenario(scenario: ScenarioName, body: (context: ReturnType<typeof useFakeAwsHome>) => void) {
  describe(`usage refresh in ${scenario} (fake AWS, real SDK)`, () => body(useFakeAwsHome(`usage-${scenario}`, scenario)));
}

withScenario('quota-throttled', (context) => {
  it('costs exactly one GetMetricData for four models, signed for the setup\'s region', async () => {
    const report = await refresh([JP_SONNET, JP_HAIKU, GLOBAL_SONNET, JP_OPUS]);
    const calls = context.fake.requests.filter((entry) => entry.service === 'cloudwatch');
    assert.deepEqual(calls.map((entry) => [entry.operation, entry.signingRegion, entry.status]), [['GetMetricData', TOKYO, 200]]);
    assert.deepEqual(report.models?.map((model) => model.modelId), [JP_SONNET, JP_HAIKU, GLOBAL_SONNET, JP_OPUS]);
    assert.deepEqual(report.problems, []);
  });

  it('finds the throttled minutes, usage against the jp. quota and a concrete recommendation', async () => {
    const report = await refresh([JP_SONNET, JP_HAIKU]);
    const anchor = anchorMinute(Date.parse(context.fake.requests.find((entry) => entry.operation === 'GetMetricData')!.time));
    const sonnet = report.models!.find((model) => model.modelId === JP_SONNET)!;
    const expectedMinutes = QUOTA_THROTTLED_EXPECTED.throttledMinutesAgo.map((minutes) => minuteStartAgo(anchor, minutes)).sort((a, b) => a - b);
    assert.deepEqual(sonnet.throttledPeriods, expectedMinutes);
    // The own routing's TPM quota: geographic, by its code, at the default value.
    assert.equal(sonnet.routing, 'cross-region');
    assert.equal(sonnet.tpm.quota?.code, QUOTA_CODES.sonnet45.geoTpm);
    assert.equal(sonnet.tpm.quota?.value, QUOTA_THROTTLED_EXPECTED.tpmQuota);
    assert.equal(sonnet.tpm.peak, QUOTA_THROTTLED_EXPECTED.recentPeakQuotaTokensPerMinute);
    assert.ok(sonnet.tpm.peakPercent! > 100, `peak ${sonnet.tpm.peakPercent}% of the quota`);
    assert.equal(sonnet.rpm.peak, QUOTA_THROTTLED_EXPECTED.recentPeakInvocationsPerMinute);
    // The pending request for the RPM quota is on that quota, not on TPM.
    const rpm = ownQuota(report.quotas!.find((model) => model.modelId === JP_SONNET)!, 'requests-per-minute')!;
    assert.deepEqual(rpm.pending.map((request) => [request.id, request.status, request.desiredValue]), [[QUOTA_THROTTLED.pendingRequest.id, 'PENDING', 400]]);
    const increase = report.recommendations.find((rec) => rec.code === 'request-increase' && rec.modelId === JP_SONNET);
    assert.ok(increase && increase.code === 'request-increase');
    assert.equal(increase.quota.code, QUOTA_CODES.sonnet45.geoTpm);
    assert.ok(increase.desiredValue > QUOTA_THROTTLED_EXPECTED.recentPeakQuotaTokensPerMinute, `${increase.desiredValue} covers the peak`);
    const scope = report.recommendations.find((rec) => rec.code === 'switch-scope');
    assert.ok(scope && scope.code === 'switch-scope');
    assert.equal(scope.suggestedModelId, GLOBAL_SONNET);
    assert.equal(scope.suggestedQuota.value, QUOTA_THROTTLED_EXPECTED.globalTpmQuota);
    assert.ok(report.recommendations.some((rec) => rec.code === 'lower-max-output-tokens' && rec.modelId === JP_SONNET), 'the 32,000 max_tokens reservation is named');
    // The status bar's alert: the recent peak's throttles, all inside the last 15 minutes.
    const recentMinutes = QUOTA_THROTTLED.recentPeak.toMinutesAgo - QUOTA_THROTTLED.recentPeak.fromMinutesAgo + 1;
    assert.equal(report.alert?.state, 'warning');
    assert.equal(report.alert?.recentThrottles, recentMinutes * QUOTA_THROTTLED_EXPECTED.recentPeakThrottlesPerMinute);
    assert.ok(report.cost?.premiumUsd !== undefined && report.cost.premiumUsd > 0, 'the Japan premium is priced');
  });

  it('reads Service Quotas again only when no cached listing is given', async () => {
    const first = await fetchUsageReport({ target: profile('static-dev'), region: TOKYO, modelIds: [JP_SONNET], range: '1h' });
    assert.ok(first.ok && first.listing);
    const listings = context.fake.requests.filter((entry) => entry.service === 'servicequotas').length;
    assert.ok(listings >= 3, 'applied (paged), defaults (paged) and the request history');
    context.fake.clearLog();
    const second = await fetchUsageReport({ target: profile('static-dev'), region: TOKYO, modelIds: [JP_SONNET], range: '24h', listing: first.listing });
    assert.ok(second.ok);
    assert.deepEqual(context.fake.requests.map((entry) => entry.operation), ['GetMetricData']);
    assert.equal(second.report.series?.periodSeconds, 300);
  });

  it('sends a quota increase request, which the next listing shows as pending; one at the default is refused', async () => {
    const code = QUOTA_CODES.sonnet45.geoTpm;
    const sent = await requestBedrockQuotaIncrease({ target: profile('static-dev'), region: TOKYO, quotaCode: code, desiredValue: 320_000 });
    assert.ok(sent.ok, JSON.stringify(sent));
    assert.equal(sent.request.status, 'PENDING');
    assert.deepEqual(context.fake.requests.filter((entry) => entry.operation === 'RequestServiceQuotaIncrease').map((entry) => entry.status), [200]);
    const report = await refresh([JP_SONNET]);
    const tpm = ownQuota(report.quotas![0]!, 'tokens-per-minute')!;
    assert.deepEqual(tpm.pending.map((request) => request.desiredValue), [320_000]);
    const atDefault = await requestBedrockQuotaIncrease({ target: profile('static-dev'), region: TOKYO, quotaCode: QUOTA_CODES.haiku45.geoTpm, desiredValue: defaultQuotaValue(TOKYO, 'haiku45', 'geoTpm') });
    assert.ok(!atDefault.ok);
    assert.equal(atDefault.problem.error.name, 'IllegalArgumentException');
  });
});

withScenario('quota-bursts', (context) => {
  const seriesOf = (modelId: string) => context.fake.state.cloudWatch?.accounts[BASIC_ACCOUNT_ID]?.usage?.[TOKYO]?.find((series) => series.modelId === modelId);

  /** One refresh of `range` at a known clock, with the anchor the fake answered from and the plan the adapter sent. */
  async function refreshAt(modelIds: readonly string[], range: UsageRange) {
    const now = Date.now();
    const report = await refresh(modelIds, { range, now });
    const calls = context.fake.requests.filter((entry) => entry.service === 'cloudwatch');
    assert.ok(calls.length > 0, 'CloudWatch was called');
    // Pages of one request share the first call's anchor (the fake binds it into the NextToken).
    return { report, calls, anchor: anchorMinute(Date.parse(calls[0]!.time)), plan: planMetricQueries(modelIds, range, now) };
  }

  /** The points the fake returns for the plan: every query's periods that have data. */
  function pointsOf(plan: MetricQueryPlan, anchor: number): number {
    return [...plan.queries, ...plan.peakQueries].reduce(
      (total, query) => total + datapointCount(seriesOf(query.modelId), query.metric as BedrockMetric, query.periodSeconds, plan.startMs, plan.endMs, anchor),
      0,
    );
  }

  /** The busiest minute's Sum(Invocations) in the plan's range, from the scenario's own minutes. */
  function truePeak(modelId: string, plan: MetricQueryPlan, anchor: number): number {
    const series = seriesOf(modelId)!;
    let peak = 0;
    for (let minute = plan.startMs; minute < Math.min(plan.endMs, anchor); minute += 60_000) peak = Math.max(peak, usageMinute(series, minute, anchor)?.invocations ?? 0);
    return peak;
  }

  it('7d: the peak is the busiest minute (40 requests), not the hour\'s average, and the alert sees it', async () => {
    const { report, calls, anchor, plan } = await refreshAt([JP_SONNET], '7d');
    const sonnet = report.models!.find((model) => model.modelId === JP_SONNET)!;
    assert.equal(truePeak(JP_SONNET, plan, anchor), QUOTA_BURSTS_EXPECTED.weekPeakRequestsPerMinute);
    assert.equal(sonnet.rpm.peak, QUOTA_BURSTS_EXPECTED.weekPeakRequestsPerMinute);
    assert.equal(sonnet.rpm.peakAt, minuteStartAgo(anchor, QUOTA_BURSTS_EXPECTED.weekPeakMinutesAgo));
    assert.equal(sonnet.tpm.peak, QUOTA_BURSTS_EXPECTED.weekPeakQuotaTokensPerMinute);
    assert.equal(sonnet.tpm.quota?.value, QUOTA_BURSTS_EXPECTED.tpmQuota);
    assert.equal(Math.round(sonnet.tpm.peakPercent!), 95);
    // What the hourly chart says of the same hour: an average far below the minute that counts.
    const hourlyRpm = Math.max(...report.series!.models.find((model) => model.modelId === JP_SONNET)!.metrics.Invocations.map((value) => (value ?? 0) / 60));
    assert.ok(hourlyRpm < 25, `the busiest hour averages ${hourlyRpm} requests a minute`);
    assert.equal(report.alert?.state, 'warning');
    assert.deepEqual([report.alert?.highestPercent?.measure, Math.round(report.alert?.highestPercent?.percent ?? 0)], ['tokens-per-minute', 95]);
    assert.equal(report.series?.partial, false);
    // One model's week fits one page: 10 metrics hourly + 5 metrics per minute.
    assert.ok(pointsOf(plan, anchor) <= MAX_DATAPOINTS_PER_CALL);
    assert.deepEqual(calls.map((entry) => [entry.operation, entry.status]), [['GetMetricData', 200]]);
  });

  it('24h: the peak is the 36-request minute inside a five-minute average of about 22', async () => {
    const { report, calls, anchor, plan } = await refreshAt([JP_SONNET, JP_HAIKU], '24h');
    const sonnet = report.models!.find((model) => model.modelId === JP_SONNET)!;
    assert.equal(truePeak(JP_SONNET, plan, anchor), QUOTA_BURSTS_EXPECTED.dayPeakRequestsPerMinute);
    assert.equal(sonnet.rpm.peak, QUOTA_BURSTS_EXPECTED.dayPeakRequestsPerMinute);
    assert.equal(sonnet.rpm.peakAt, minuteStartAgo(anchor, QUOTA_BURSTS_EXPECTED.dayPeakMinutesAgo));
    assert.equal(sonnet.tpm.peak, QUOTA_BURSTS_EXPECTED.dayPeakQuotaTokensPerMinute);
    const fiveMinuteRpm = Math.max(...report.series!.models.find((model) => model.modelId === JP_SONNET)!.metrics.Invocations.map((value) => (value ?? 0) / 5));
    assert.ok(fiveMinuteRpm < QUOTA_BURSTS_EXPECTED.dayPeakRequestsPerMinute - 10, `the busiest five minutes average ${fiveMinuteRpm}`);
    // 2 models × (10 × 288 + 5 × 1,440) points at most: one call.
    assert.equal(calls.length, 1);
  });

  it('7d of three models follows NextToken: exactly as many calls as 100,800-point pages of the data', async () => {
    const models = [JP_SONNET, JP_HAIKU, GLOBAL_SONNET];
    const { report, calls, anchor, plan } = await refreshAt(models, '7d');
    const points = pointsOf(plan, anchor);
    const expectedCalls = Math.ceil(points / MAX_DATAPOINTS_PER_CALL);
    assert.ok(expectedCalls >= 2, `${points} points: the scenario needs more than one page`);
    assert.deepEqual(calls.map((entry) => [entry.operation, entry.status]), Array.from({ length: expectedCalls }, () => ['GetMetricData', 200]));
    // Every page merged: complete, and the peaks of every model are their busiest minutes.
    assert.equal(report.series?.partial, false);
    for (const modelId of models) assert.equal(report.models!.find((model) => model.modelId === modelId)!.rpm.peak, truePeak(modelId, plan, anchor), modelId);
    const peakPoints = report.series!.peaks.models.reduce((total, model) => total + Object.values(model.metrics).reduce((sum, row) => sum + row.filter((value) => value !== null).length, 0), 0);
    const chartPoints = report.series!.models.reduce((total, model) => total + Object.values(model.metrics).reduce((sum, row) => sum + row.filter((value) => value !== null).length, 0), 0);
    assert.equal(peakPoints + chartPoints, points, 'no point lost or doubled across the pages');
  });

  it('1h: still exactly one GetMetricData, and the peaks are the chart\'s own minutes', async () => {
    const { report, calls } = await refreshAt([JP_SONNET, JP_HAIKU, GLOBAL_SONNET], '1h');
    assert.equal(calls.length, 1);
    const sonnet = report.series!.models.find((model) => model.modelId === JP_SONNET)!;
    assert.equal(report.models!.find((model) => model.modelId === JP_SONNET)!.rpm.peak, Math.max(...sonnet.metrics.Invocations.map((value) => value ?? 0)));
  });
});

withScenario('quota-cloudwatch-denied', () => {
  it('shows the quotas and names the missing cloudwatch:GetMetricData', async () => {
    const report = await refresh([JP_SONNET]);
    assert.equal(report.series, undefined);
    assert.equal(report.models, undefined);
    assert.equal(ownQuota(report.quotas![0]!, 'tokens-per-minute')?.code, QUOTA_CODES.sonnet45.geoTpm);
    assert.deepEqual(report.problems.map((problem) => [problem.service, problem.missingPermission, problem.error.name]), [['cloudwatch', 'cloudwatch:GetMetricData', 'AccessDeniedException']]);
  });
});

withScenario('quota-servicequotas-denied', () => {
  it('shows the usage without quota lines and names the missing servicequotas permission', async () => {
    const report = await refresh([JP_SONNET]);
    assert.equal(report.quotas, undefined);
    const sonnet = report.models!.find((model) => model.modelId === JP_SONNET)!;
    assert.ok(sonnet.invocations > 0);
    assert.equal(sonnet.tpm.quota, undefined);
    assert.equal(sonnet.tpm.peakPercent, undefined);
    const denied = report.problems.filter((problem) => problem.service === 'servicequotas');
    assert.ok(denied.some((problem) => problem.missingPermission === 'servicequotas:ListServiceQuotas'), JSON.stringify(denied));
  });
});

withScenario('quota-old-names', () => {
  it('finds the quotas by their old names, also where the codes are not the table\'s', async () => {
    const report = await refresh([JP_SONNET, JP_HAIKU]);
    const haiku = report.quotas!.find((model) => model.modelId === JP_HAIKU)!;
    assert.ok(OLD_NAMES_RECODED_MODELS.includes('haiku45'));
    const tpm = ownQuota(haiku, 'tokens-per-minute')!;
    assert.equal(tpm.code, OLD_NAME_QUOTA_CODES.haiku45.geoTpm);
    assert.notEqual(tpm.code, QUOTA_CODES.haiku45.geoTpm);
    assert.equal(tpm.matchedBy, 'name');
    assert.equal(tpm.value, defaultQuotaValue(TOKYO, 'haiku45', 'geoTpm'));
    const sonnet = ownQuota(report.quotas!.find((model) => model.modelId === JP_SONNET)!, 'tokens-per-minute')!;
    assert.deepEqual([sonnet.code, sonnet.matchedBy], [QUOTA_CODES.sonnet45.geoTpm, 'code']);
  });
});

withScenario('quota-tiny', () => {
  it('names a zero quota and asks for more than the tiny default', async () => {
    const report = await refresh([JP_SONNET, JP_OPUS]);
    assert.ok(report.recommendations.some((rec) => rec.code === 'quota-zero' && rec.modelId === JP_OPUS));
    const sonnet = report.models!.find((model) => model.modelId === JP_SONNET)!;
    assert.equal(sonnet.rpm.quota?.value, QUOTA_TINY.rpm);
    assert.ok(sonnet.throttles > 0);
  });
});

describe('usage refresh with credentials that do not work (fake AWS, real SDK)', () => {
  useFakeAwsHome('usage-expired');
  it('fails as a whole with the credentials diagnosis, before any call', async () => {
    const result = await fetchUsageReport({ target: profile('sso-expired'), region: TOKYO, modelIds: [JP_SONNET], range: '1h' });
    assert.ok(!result.ok);
    assert.equal(result.credentials.code, 'credentials');
  });
});
