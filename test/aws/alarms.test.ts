// The alarms, the dashboard and the alarm states through the real CloudWatch and SNS SDK clients
// against the fake AWS: the quota alarm's metric math computes, minute by minute, the figure the
// usage view computes on the same data; plan and apply create exactly what the plan says, a second
// run changes nothing; a failure says which alarms exist, and a second run completes the rest
// without duplicates; bad input and missing quotas create nothing; denials name the action.
import assert from 'node:assert/strict';
import { CloudWatchClient, GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { applyAlarms, listAlarms, listTopicArns, planAlarms } from '../../src/aws/alarms/alarms';
import { readModelQuotas } from '../../src/aws/alarms/stackQuotas';
import { applyTeamDashboard, planTeamDashboard } from '../../src/aws/dashboard/dashboard';
import { fetchUsageReport } from '../../src/aws/usage/usage';
import { buildAdminStack } from '../../src/core/adminStack/adminStack';
import { alarmName } from '../../src/core/alarms/alarmDefinitions';
import type { AlarmOptions } from '../../src/core/alarms/alarmTypes';
import { describeAdminFailure } from '../../src/core/iam/adminDenial';
import { quotaTokenSeries } from '../../src/core/usage/quotaMath';
import { BASIC_ACCOUNT_ID, BASIC_STATIC_KEY } from '../fake-aws/scenarios/basic';
import { EXISTING_ALARMS, EXISTING_TOPIC } from '../fake-aws/scenarios/adminScenarios';
import { BEDROCK_MODEL_IDS } from '../fake-aws/scenarios/bedrockCatalog';
import { QUOTA_THROTTLED_EXPECTED } from '../fake-aws/scenarios/quotaData';
import { dashboardBodyMessages } from '../fake-aws/services/cloudWatchDashboards';
import { useFakeAwsHome } from '../support/fakeAwsHome';
import { atStableMinute } from '../support/stableMinute';

const TOKYO = 'ap-northeast-1';
const JP_SONNET = `jp.${BEDROCK_MODEL_IDS.sonnet45}`;
const JP_HAIKU = `jp.${BEDROCK_MODEL_IDS.haiku45}`;
const target = { type: 'profile' as const, profile: 'static-dev' };
const session = { target, region: TOKYO };
const alarmOptions = (change: Partial<AlarmOptions> = {}): AlarmOptions => ({ percent: 80, throttleThreshold: 1, action: { kind: 'none' }, ...change });
const calls = (fake: { requests: readonly { operation: string }[] }, operation: string) => fake.requests.filter((entry) => entry.operation === operation).length;

describe('alarms against the fake AWS (real SDK)', () => {
  describe('quota-throttled', () => {
    const context = useFakeAwsHome('alarms-throttled', 'quota-throttled');
    beforeEach(() => {
      const account = context.fake.state.cloudWatch!.accounts[BASIC_ACCOUNT_ID]!;
      account.alarms = {};
      account.dashboards = {};
      delete context.fake.state.sns;
    });

    it('the quota alarm\'s metric math computes, minute by minute, the quota tokens and percentage the usage view computes on the same data', async () => {
      const planned = await planAlarms({ ...session, modelIds: [JP_SONNET], alarmOptions: alarmOptions() });
      assert.ok(planned.ok && 'plan' in planned);
      const metrics = planned.plan.alarms.find((alarm) => alarm.kind === 'quota-tpm')!.request.Metrics!;
      const client = new CloudWatchClient({ region: TOKYO, endpoint: context.fake.endpoint, credentials: { accessKeyId: BASIC_STATIC_KEY.accessKeyId, secretAccessKey: BASIC_STATIC_KEY.secretAccessKey }, maxAttempts: 1 });
      try {
        // Read again when the minute moved during the calls (three boundaries in a row fail).
        const {
          result: { usage, output },
          anchor,
        } = await atStableMinute(async (anchor) => {
          const report = await fetchUsageReport({ ...session, modelIds: [JP_SONNET], range: '1h' });
          assert.ok(report.ok);
          const output = await client.send(
            new GetMetricDataCommand({
              StartTime: new Date(report.report.series!.startMs),
              EndTime: new Date(anchor),
              ScanBy: 'TimestampAscending',
              // The alarm's own queries, the intermediate quota tokens returned too.
              MetricDataQueries: metrics.map((query) => ({ ...query, ReturnData: query.Id === 'tokens' || query.ReturnData })) as never,
            }),
          );
          return { usage: report.report, output };
        });
        const series = usage.series!;
        const usageView = quotaTokenSeries(series.peaks.models[0]!, 5);
        const byTime = (id: string) => {
          const result = output.MetricDataResults!.find((candidate) => candidate.Id === id)!;
          return new Map(result.Timestamps!.map((time, index) => [time.getTime(), result.Values![index]!]));
        };
        const tokens = byTime('tokens');
        const percent = byTime('quotaPercent');
        let compared = 0;
        series.peaks.times.forEach((time, index) => {
          if (time >= anchor) return;
          const expected = usageView[index] ?? 0;
          assert.equal(tokens.get(time), expected, new Date(time).toISOString());
          assert.equal(percent.get(time), (100 * expected) / QUOTA_THROTTLED_EXPECTED.tpmQuota);
          compared += 1;
        });
        assert.ok(compared >= 59, `${compared} minutes compared`);
        const summary = usage.models![0]!;
        assert.equal(Math.max(...percent.values()), summary.tpm.peakPercent, 'the alarm\'s highest minute is the view\'s peak percentage');
        assert.ok(summary.tpm.peakPercent! > 80, 'and it breaches 80%');
      } finally {
        client.destroy();
      }
    });

    it('plans, creates with a new topic and an e-mail subscription, shows the states, and a second run changes nothing', async () => {
      const options = alarmOptions({ action: { kind: 'new-topic', topicName: 'claude-bedrock-alarms', email: 'admin@example.com' } });
      const planned = await planAlarms({ ...session, modelIds: [JP_SONNET, JP_HAIKU], alarmOptions: options });
      assert.ok(planned.ok && 'plan' in planned);
      assert.deepEqual(planned.plan.alarms.map((alarm) => alarm.change), ['create', 'create', 'create', 'create']);
      assert.equal(calls(context.fake, 'PutMetricAlarm') + calls(context.fake, 'CreateTopic'), 0, 'planning creates nothing');
      const applied = await applyAlarms({ ...session, plan: planned.plan });
      assert.ok(applied.ok);
      const topicArn = `arn:aws:sns:${TOKYO}:${BASIC_ACCOUNT_ID}:claude-bedrock-alarms`;
      assert.equal(applied.result.topicArn, topicArn);
      assert.equal(applied.result.subscriptionPending, 'admin@example.com');
      assert.deepEqual(applied.result.created, [alarmName('throttles', JP_SONNET), alarmName('quota-tpm', JP_SONNET), alarmName('throttles', JP_HAIKU), alarmName('quota-tpm', JP_HAIKU)]);
      assert.deepEqual(context.fake.state.cloudWatch!.accounts[BASIC_ACCOUNT_ID]!.alarms![TOKYO]!.map((alarm) => alarm.definition.AlarmActions), Array(4).fill([topicArn]));
      const listed = await listAlarms(session);
      assert.ok(listed.ok);
      assert.deepEqual(listed.alarms.map((alarm) => [alarm.name, alarm.state]).sort(), [
        [alarmName('quota-tpm', JP_HAIKU), 'OK'],
        [alarmName('quota-tpm', JP_SONNET), 'ALARM'],
        [alarmName('throttles', JP_HAIKU), 'OK'],
        [alarmName('throttles', JP_SONNET), 'ALARM'],
      ]);
      context.fake.clearLog();
      const again = await planAlarms({ ...session, modelIds: [JP_SONNET, JP_HAIKU], alarmOptions: options });
      assert.ok(again.ok && 'plan' in again);
      assert.deepEqual(again.plan.alarms.map((alarm) => [alarm.change, alarm.existing?.state]), [['unchanged', 'ALARM'], ['unchanged', 'ALARM'], ['unchanged', 'OK'], ['unchanged', 'OK']]);
      const second = await applyAlarms({ ...session, plan: again.plan });
      assert.ok(second.ok);
      assert.equal(second.result.unchanged.length, 4);
      assert.equal(calls(context.fake, 'PutMetricAlarm'), 0);
      assert.equal(calls(context.fake, 'CreateTopic'), 0, 'ListTopics found the topic: nothing to create');
      const topics = await listTopicArns(session);
      assert.ok(topics.ok);
      assert.deepEqual(topics.topicArns, [topicArn]);
    });

    it('refuses bad input and a model without a quota before anything is created', async () => {
      const bad = await planAlarms({ ...session, modelIds: [JP_SONNET], alarmOptions: alarmOptions({ percent: 120, action: { kind: 'new-topic', topicName: 'x', email: 'nobody' } }) });
      assert.ok(!bad.ok && 'problems' in bad);
      assert.deepEqual(bad.problems.map((problem) => problem.code), ['bad-percent', 'bad-email']);
      assert.equal(context.fake.requests.length, 0, 'not even a read');
      const unknown = 'us.anthropic.claude-3-opus-20240229-v1:0'; // no quota of Claude 3 Opus in the catalog
      const noQuota = await planAlarms({ ...session, modelIds: [JP_SONNET, unknown], alarmOptions: alarmOptions() });
      assert.ok(!noQuota.ok && 'problems' in noQuota);
      assert.deepEqual(noQuota.problems, [{ code: 'no-quota', modelId: unknown, region: TOKYO }]);
      assert.equal(calls(context.fake, 'PutMetricAlarm'), 0);
    });

    it('plans the dashboard with the quota lines, creates it, and a second plan says no change', async () => {
      const planned = await planTeamDashboard({ ...session, modelIds: [JP_SONNET, JP_HAIKU] });
      assert.ok(planned.ok && 'plan' in planned);
      assert.equal(planned.plan.change, 'create');
      assert.match(planned.plan.body, new RegExp(`"value": ${QUOTA_THROTTLED_EXPECTED.tpmQuota}`));
      assert.deepEqual(await applyTeamDashboard({ ...session, plan: planned.plan }), { ok: true });
      const again = await planTeamDashboard({ ...session, modelIds: [JP_SONNET, JP_HAIKU] });
      assert.ok(again.ok && 'plan' in again);
      assert.equal(again.plan.change, 'unchanged');
      assert.equal(again.plan.existingBody, planned.plan.body);
    });

    it('the admin stack\'s dashboard body, its parameters filled in, is one CloudWatch takes', async () => {
      const quotas = await readModelQuotas({ ...session, modelIds: [JP_SONNET] });
      assert.ok(quotas.ok);
      const template = buildAdminStack({ region: TOKYO, models: [{ offer: { modelId: JP_SONNET, scope: 'jp', destinations: [TOKYO, 'ap-northeast-3'], anyRegion: false, status: 'ACTIVE' }, quotas: quotas.quotas[0]! }] }) as { Parameters: Record<string, { Default?: number }>; Resources: { Dashboard: { Properties: { DashboardBody: { 'Fn::Sub': string } } } } };
      const body = template.Resources.Dashboard.Properties.DashboardBody['Fn::Sub'].replace(/\$\{([A-Za-z0-9:]+)\}/g, (_match, name: string) => (name === 'AWS::Region' ? TOKYO : String(template.Parameters[name]!.Default)));
      assert.deepEqual(dashboardBodyMessages(body), []);
      assert.equal(template.Parameters.TpmQuotaJpSonnet4520250929V10!.Default, QUOTA_THROTTLED_EXPECTED.tpmQuota);
    });
  });

  describe('alarms-expression-rejected', () => {
    const context = useFakeAwsHome('alarms-rejected', 'alarms-expression-rejected');
    it('stops at the rejected alarm, says which exist and which do not, and a second run completes the rest without duplicates', async () => {
      const planned = await planAlarms({ ...session, modelIds: [JP_SONNET, JP_HAIKU], alarmOptions: alarmOptions() });
      assert.ok(planned.ok && 'plan' in planned);
      const applied = await applyAlarms({ ...session, plan: planned.plan });
      assert.ok(applied.ok);
      assert.deepEqual(applied.result.created, [alarmName('throttles', JP_SONNET)]);
      assert.equal(applied.result.failed?.step.kind, 'put-alarm');
      assert.equal(applied.result.failed?.error.awsCode, 'ValidationException');
      assert.match(applied.result.failed?.error.detail ?? '', /Unsupported function FILL/);
      assert.deepEqual(applied.result.missing, [alarmName('quota-tpm', JP_SONNET), alarmName('throttles', JP_HAIKU), alarmName('quota-tpm', JP_HAIKU)]);
      assert.equal(calls(context.fake, 'PutMetricAlarm'), 2, 'nothing after the failure');
      // The service takes FILL again: the same command completes the rest.
      context.fake.state.cloudWatch!.accounts[BASIC_ACCOUNT_ID]!.rejectedFunctions = [];
      const again = await planAlarms({ ...session, modelIds: [JP_SONNET, JP_HAIKU], alarmOptions: alarmOptions() });
      assert.ok(again.ok && 'plan' in again);
      assert.deepEqual(again.plan.alarms.map((alarm) => alarm.change), ['unchanged', 'create', 'create', 'create']);
      const completed = await applyAlarms({ ...session, plan: again.plan });
      assert.ok(completed.ok);
      assert.deepEqual(completed.result.created, [alarmName('quota-tpm', JP_SONNET), alarmName('throttles', JP_HAIKU), alarmName('quota-tpm', JP_HAIKU)]);
      assert.equal(context.fake.state.cloudWatch!.accounts[BASIC_ACCOUNT_ID]!.alarms![TOKYO]!.length, 4, 'four alarms, no duplicate');
    });
  });

  describe('admin-denied', () => {
    const context = useFakeAwsHome('alarms-denied', 'admin-denied');
    it('names the denied action in English and Japanese: cloudwatch:PutMetricAlarm, sns:CreateTopic, cloudwatch:PutDashboard', async () => {
      const planned = await planAlarms({ ...session, modelIds: [JP_SONNET], alarmOptions: alarmOptions({ action: { kind: 'new-topic', topicName: 'claude-bedrock-alarms' } }) });
      assert.ok(planned.ok && 'plan' in planned);
      const withTopic = await applyAlarms({ ...session, plan: planned.plan });
      assert.ok(withTopic.ok);
      const topicFailure = withTopic.result.failed!.error;
      assert.equal(topicFailure.code, 'iam-denied');
      assert.equal(describeAdminFailure(topicFailure, 'en').cause, 'Your IAM identity may not call sns:CreateTopic (CreateTopic in ap-northeast-1), which the team-admin features need.');
      assert.equal(calls(context.fake, 'PutMetricAlarm'), 0, 'no alarm without its topic');
      const plain = await planAlarms({ ...session, modelIds: [JP_SONNET], alarmOptions: alarmOptions() });
      assert.ok(plain.ok && 'plan' in plain);
      const denied = await applyAlarms({ ...session, plan: plain.plan });
      assert.ok(denied.ok);
      const failure = denied.result.failed!.error;
      assert.equal(failure.deniedAction, 'cloudwatch:PutMetricAlarm');
      assert.match(describeAdminFailure(failure, 'en').fix, /admin policy .* allows cloudwatch:PutMetricAlarm/);
      assert.match(describeAdminFailure(failure, 'ja').cause, /cloudwatch:PutMetricAlarm を呼び出す権限がありません/);
      assert.deepEqual(denied.result.missing, [alarmName('throttles', JP_SONNET), alarmName('quota-tpm', JP_SONNET)]);
      const dashboard = await planTeamDashboard({ ...session, modelIds: [JP_SONNET] });
      assert.ok(dashboard.ok && 'plan' in dashboard);
      const put = await applyTeamDashboard({ ...session, plan: dashboard.plan });
      assert.ok(!put.ok);
      assert.match(describeAdminFailure(put.failure, 'en').cause, /cloudwatch:PutDashboard/);
    });
  });

  describe('alarms-existing', () => {
    const context = useFakeAwsHome('alarms-existing', 'alarms-existing');
    it('shows each existing alarm with its state in the plan, as an update, and in the usage report (one DescribeAlarms)', async () => {
      const planned = await planAlarms({ ...session, modelIds: [JP_SONNET, JP_HAIKU], alarmOptions: alarmOptions({ action: { kind: 'topic', topicArn: EXISTING_TOPIC.arn } }) });
      assert.ok(planned.ok && 'plan' in planned);
      const states = new Map(EXISTING_ALARMS.map((alarm) => [alarm.name, alarm.state]));
      for (const alarm of planned.plan.alarms) {
        assert.equal(alarm.change, states.has(alarm.request.AlarmName) ? 'update' : 'create', alarm.request.AlarmName);
        assert.equal(alarm.existing?.state, states.get(alarm.request.AlarmName));
      }
      context.fake.clearLog();
      const report = await fetchUsageReport({ ...session, modelIds: [JP_SONNET, JP_HAIKU], range: '1h', alarms: true });
      assert.ok(report.ok && report.report.alarms?.ok);
      assert.equal(calls(context.fake, 'DescribeAlarms'), 1, 'one DescribeAlarms per refresh');
      const without = await fetchUsageReport({ ...session, modelIds: [JP_SONNET, JP_HAIKU], range: '1h' });
      assert.ok(without.ok && without.report.alarms === undefined);
      assert.equal(calls(context.fake, 'DescribeAlarms'), 1, 'none unless asked');
      assert.deepEqual(report.report.alarms.alarms.map((alarm) => [alarm.name, alarm.state]).sort(), EXISTING_ALARMS.map((alarm) => [alarm.name, alarm.state]).sort());
    });
  });
});
