// `quotas`, `usage` and doctor's quota and usage checks as a user runs them, against the fake AWS:
// a configured folder needs no options, the throttled scenario names its minutes and what to do,
// a denied service is named with its permission (exit 1), and Japanese output reads as Japanese.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { QUOTA_CODES } from '../fake-aws/scenarios/quotaCatalog';
import { QUOTA_BURSTS_EXPECTED, QUOTA_THROTTLED_EXPECTED } from '../fake-aws/scenarios/quotaData';
import type { ScenarioName } from '../fake-aws/scenarios';
import { JP_HAIKU, JP_SONNET, TOKYO, useConfiguredFolder } from './configuredFolder';
import { assertNoSecrets, run } from './runCli';

/** A folder set up for jp. Sonnet and Haiku with the sso-dev profile. */
function useConfiguredFolderSso(scenario: ScenarioName) {
  return useConfiguredFolder(scenario, 'sso-dev', 'cli-usage');
}

describe('CLI usage and quotas in a throttled account', () => {
  const context = useConfiguredFolderSso('quota-throttled');

  it('usage --json reads the folder\'s models with its profile and region, in one CloudWatch call', async () => {
    const result = await run(['usage', '--folder', context.repo, '--json'], context.env());
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assertNoSecrets(result);
    const report = JSON.parse(result.stdout);
    assert.deepEqual(report.target, { profile: 'sso-dev' });
    assert.equal(report.region, TOKYO);
    assert.deepEqual(report.modelIds.slice(0, 2), [JP_SONNET, JP_HAIKU]);
    assert.equal(context.fake.requests.filter((entry) => entry.operation === 'GetMetricData').length, 1);
    const sonnet = report.models.find((model: { modelId: string }) => model.modelId === JP_SONNET);
    assert.equal(sonnet.throttledPeriods.length, QUOTA_THROTTLED_EXPECTED.throttledMinutesAgo.length);
    assert.equal(report.alert.state, 'warning');
    assert.match(report.alert.message, /throttled requests in the last 15 minutes/);
    const increase = report.recommendations.find((rec: { code: string }) => rec.code === 'request-increase');
    assert.equal(increase.quota.code, QUOTA_CODES.sonnet45.geoTpm);
    assert.match(increase.title, /^Request [\d,]+ TPM for jp\.anthropic\.claude-sonnet-4-5/);
  });

  it('usage prints the throttled minutes, the quota of the jp. routing and the recommendations', async () => {
    const result = await run(['usage', '--folder', context.repo], context.env());
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /Throttled: \d+ requests .* in 15 periods: \d\d:\d\d/);
    assert.match(result.stdout, new RegExp(`Tokens per minute: peak [\\d,]+ \\(\\d+% of ${QUOTA_THROTTLED_EXPECTED.tpmQuota.toLocaleString('en-US')}\\)`));
    assert.match(result.stdout, /Switch jp\.anthropic\.claude-sonnet-4-5-20250929-v1:0 to global\./);
    assert.match(result.stdout, /outside Japan/);
    assert.match(result.stdout, /of which \$[\d.]+ is the geographic premium over global prices/);
  });

  it('quotas prints the table in Japanese, the pending request included, without calling CloudWatch', async () => {
    const result = await run(['quotas', '--folder', context.repo, '--lang', 'ja'], context.env());
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /Bedrock のクォータ — プロファイル sso-dev/);
    assert.match(result.stdout, /400 \(PENDING\)/);
    assert.ok(result.stdout.includes(QUOTA_CODES.sonnet45.geoTpm));
    assert.equal(context.fake.requests.filter((entry) => entry.service === 'cloudwatch').length, 0);
  });

  it('doctor includes the quota and usage checks for the folder\'s models, and warns without failing', async () => {
    const result = await run(['doctor', '--folder', context.repo, '--profile', 'sso-dev', '--region', TOKYO, '--json'], context.env());
    assert.equal(result.code, 0, result.stdout + result.stderr);
    const report = JSON.parse(result.stdout);
    const byId = Object.fromEntries(report.checks.map((check: { id: string; state: string; severity?: string }) => [check.id, `${check.state}${check.severity ? `/${check.severity}` : ''}`]));
    assert.deepEqual([byId.quotas, byId.usage], ['ok', 'problem/warning']);
  });

  it('refuses an unknown range with a usage error', async () => {
    const result = await run(['usage', '--folder', context.repo, '--range', '2h'], context.env());
    assert.equal(result.code, 2);
    assert.match(result.stderr, /--range must be 1h, 24h or 7d, not "2h"/);
  });
});

describe('CLI usage with bursts that hourly averages hide', () => {
  const context = useConfiguredFolderSso('quota-bursts');
  const count = (n: number) => n.toLocaleString('en-US');

  it('usage --range 7d reports the busiest minute (40 requests/min, 95% of TPM) and warns', async () => {
    const result = await run(['usage', '--folder', context.repo, '--range', '7d'], context.env());
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /last 7 days, 1-hour periods; peaks are single minutes/);
    const { weekPeakRequestsPerMinute, weekPeakQuotaTokensPerMinute, rpmQuota, tpmQuota } = QUOTA_BURSTS_EXPECTED;
    assert.ok(result.stdout.includes(`Requests per minute: peak ${weekPeakRequestsPerMinute} (${Math.round((weekPeakRequestsPerMinute / rpmQuota) * 100)}% of ${count(rpmQuota)})`), result.stdout);
    assert.ok(result.stdout.includes(`Tokens per minute: peak ${count(weekPeakQuotaTokensPerMinute)} (95% of ${count(tpmQuota)})`), result.stdout);
    assert.match(result.stdout, /Warning: .*95% of the tokens per minute \(TPM\) quota/);
    assert.doesNotMatch(result.stdout, /partial data/);
    const calls = context.fake.requests.filter((entry) => entry.operation === 'GetMetricData');
    assert.ok(calls.length >= 1 && calls.every((entry) => entry.status === 200), JSON.stringify(calls.map((entry) => entry.status)));
  });

  it('usage --range 24h --json: the 36-request minute, and the chart series without the minute data', async () => {
    const result = await run(['usage', '--folder', context.repo, '--range', '24h', '--json'], context.env());
    assert.equal(result.code, 0, result.stdout + result.stderr);
    const report = JSON.parse(result.stdout);
    const sonnet = report.models.find((model: { modelId: string }) => model.modelId === JP_SONNET);
    assert.equal(sonnet.rpm.peak, QUOTA_BURSTS_EXPECTED.dayPeakRequestsPerMinute);
    assert.equal(sonnet.tpm.peak, QUOTA_BURSTS_EXPECTED.dayPeakQuotaTokensPerMinute);
    assert.equal(report.series.periodSeconds, 300);
    assert.equal(report.series.peaks, undefined);
  });

  it('usage --range 7d --lang ja says the peaks are single minutes', async () => {
    const result = await run(['usage', '--folder', context.repo, '--range', '7d', '--lang', 'ja'], context.env());
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /直近 7 日間、1 時間ごと \(ピークは 1 分単位\)/);
    assert.ok(result.stdout.includes(`1 分あたりのリクエスト数: ピーク ${QUOTA_BURSTS_EXPECTED.weekPeakRequestsPerMinute} (`), result.stdout);
  });
});

describe('CLI usage when CloudWatch is denied', () => {
  const context = useConfiguredFolderSso('quota-cloudwatch-denied');

  it('names the missing permission, still shows the quotas, and exits 1', async () => {
    const result = await run(['usage', '--folder', context.repo], context.env());
    assert.equal(result.code, 1, result.stdout + result.stderr);
    assert.match(result.stdout, /cloudwatch:GetMetricData/);
    const quotas = await run(['quotas', '--folder', context.repo], context.env());
    assert.equal(quotas.code, 0, quotas.stdout + quotas.stderr);
    assert.ok(quotas.stdout.includes(QUOTA_CODES.sonnet45.geoTpm));
  });

  it('without a configured folder or --model, says how to name the models', async () => {
    const result = await run(['usage', '--folder', join(context.repo, '..'), '--profile', 'sso-dev', '--region', TOKYO], context.env());
    assert.equal(result.code, 2);
    assert.match(result.stderr, /pass --model <id>/);
  });
});
