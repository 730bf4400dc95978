// The fake's CloudWatch alarms and dashboards through the real SDK client: what it accepts, what it
// refuses as CloudWatch would (with the SDK's error names), and how it evaluates an alarm's state
// against the scenario's usage data.
import assert from 'node:assert/strict';
import {
  CloudWatchClient,
  DescribeAlarmsCommand,
  GetDashboardCommand,
  GetMetricDataCommand,
  PutDashboardCommand,
  PutMetricAlarmCommand,
  SetAlarmStateCommand,
  type PutMetricAlarmCommandInput,
} from '@aws-sdk/client-cloudwatch';
import { BASIC_ACCOUNT_ID, BASIC_STATIC_KEY } from './scenarios/basic';
import { EXISTING_ALARMS } from './scenarios/adminScenarios';
import { QUOTA_THROTTLED_EXPECTED, USAGE_MODEL_IDS, USAGE_REGION } from './scenarios/quotaData';
import { minuteStartAgo, quotaTokensOf, usageMinute } from './scenarios/usageData';
import { getScenario } from './scenarios';
import { rejects } from './rejects';
import { atStableMinute } from '../support/stableMinute';
import { useFakeClients } from './useFakeClients';

const JP_SONNET = USAGE_MODEL_IDS.jpSonnet45;
const JP_HAIKU = USAGE_MODEL_IDS.jpHaiku45;
const stat = (Id: string, modelId: string, MetricName: string) => ({ Id, ReturnData: false, MetricStat: { Metric: { Namespace: 'AWS/Bedrock', MetricName, Dimensions: [{ Name: 'ModelId', Value: modelId }] }, Period: 60, Stat: 'Sum' } });

function quotaAlarm(modelId: string, expression = 'FILL(input, 0) + FILL(cacheWrite, 0) + FILL(output, 0) * 5', percentOf = QUOTA_THROTTLED_EXPECTED.tpmQuota): PutMetricAlarmCommandInput {
  return {
    AlarmName: `claude-bedrock/quota-tpm/${modelId}`,
    ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    EvaluationPeriods: 15,
    DatapointsToAlarm: 1,
    Threshold: 80,
    TreatMissingData: 'notBreaching',
    Metrics: [
      stat('input', modelId, 'InputTokenCount'),
      stat('cacheWrite', modelId, 'CacheWriteInputTokenCount'),
      stat('output', modelId, 'OutputTokenCount'),
      { Id: 'tokens', ReturnData: false, Expression: expression },
      { Id: 'quotaPercent', ReturnData: true, Expression: `100 * tokens / ${percentOf}` },
    ],
  };
}

function throttleAlarm(modelId: string): PutMetricAlarmCommandInput {
  return {
    AlarmName: `claude-bedrock/throttles/${modelId}`,
    ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    EvaluationPeriods: 15,
    DatapointsToAlarm: 1,
    Threshold: 1,
    TreatMissingData: 'notBreaching',
    Namespace: 'AWS/Bedrock',
    MetricName: 'InvocationThrottles',
    Dimensions: [{ Name: 'ModelId', Value: modelId }],
    Period: 60,
    Statistic: 'Sum',
    AlarmActions: [`arn:aws:sns:${USAGE_REGION}:${BASIC_ACCOUNT_ID}:team-alarms`],
  };
}

describe('fake-aws CloudWatch alarms and dashboards', () => {
  describe('in the throttled scenario', () => {
    const { fake, client } = useFakeClients('quota-throttled');
    const cloudWatch = () => client((config) => new CloudWatchClient(config));

    it('stores an alarm (PutMetricAlarm is an upsert) and evaluates it against the usage: jp. Sonnet 4.5 in ALARM, jp. Haiku 4.5 OK', async () => {
      for (const alarm of [throttleAlarm(JP_SONNET), quotaAlarm(JP_SONNET), throttleAlarm(JP_HAIKU), quotaAlarm(JP_HAIKU, undefined, 400_000)]) await cloudWatch().send(new PutMetricAlarmCommand(alarm));
      await cloudWatch().send(new PutMetricAlarmCommand({ ...throttleAlarm(JP_SONNET), Threshold: 2 }));
      const { MetricAlarms = [] } = await cloudWatch().send(new DescribeAlarmsCommand({ AlarmNamePrefix: 'claude-bedrock/' }));
      assert.equal(MetricAlarms.length, 4, 'the second put replaced the first');
      const byName = new Map(MetricAlarms.map((alarm) => [alarm.AlarmName, alarm]));
      const sonnetThrottles = byName.get(`claude-bedrock/throttles/${JP_SONNET}`)!;
      assert.equal(sonnetThrottles.Threshold, 2);
      assert.equal(sonnetThrottles.StateValue, 'ALARM', sonnetThrottles.StateReason);
      assert.equal(sonnetThrottles.AlarmArn, `arn:aws:cloudwatch:${USAGE_REGION}:${BASIC_ACCOUNT_ID}:alarm:claude-bedrock/throttles/${JP_SONNET}`);
      assert.ok(sonnetThrottles.StateUpdatedTimestamp instanceof Date);
      assert.equal(byName.get(`claude-bedrock/quota-tpm/${JP_SONNET}`)!.StateValue, 'ALARM', '210,000 quota tokens a minute is 105% of 200,000');
      assert.equal(byName.get(`claude-bedrock/throttles/${JP_HAIKU}`)!.StateValue, 'OK');
      assert.equal(byName.get(`claude-bedrock/quota-tpm/${JP_HAIKU}`)!.StateValue, 'OK');
      assert.equal(byName.get(`claude-bedrock/quota-tpm/${JP_SONNET}`)!.Metrics!.length, 5, 'the metric math is kept as sent');
      const only = await cloudWatch().send(new DescribeAlarmsCommand({ AlarmNames: [`claude-bedrock/throttles/${JP_HAIKU}`, 'no-such-alarm'] }));
      assert.deepEqual(only.MetricAlarms!.map((alarm) => alarm.AlarmName), [`claude-bedrock/throttles/${JP_HAIKU}`]);
      await cloudWatch().send(new SetAlarmStateCommand({ AlarmName: `claude-bedrock/throttles/${JP_HAIKU}`, StateValue: 'ALARM', StateReason: 'testing' }));
      const set = await cloudWatch().send(new DescribeAlarmsCommand({ AlarmNames: [`claude-bedrock/throttles/${JP_HAIKU}`] }));
      assert.equal(set.MetricAlarms![0]!.StateValue, 'ALARM');
    });

    it('evaluates the quota-token expression in GetMetricData: input + cache write + output × 5 of each minute', async () => {
      // Read again when a minute boundary passed during the call (three in a row fail).
      const { result: output, anchor } = await atStableMinute((anchor) =>
        cloudWatch().send(
          new GetMetricDataCommand({
            StartTime: new Date(anchor - 20 * 60_000),
            EndTime: new Date(anchor),
            ScanBy: 'TimestampAscending',
            MetricDataQueries: [...quotaAlarm(JP_SONNET).Metrics!.slice(0, 3), { Id: 'tokens', ReturnData: true, Expression: 'FILL(input, 0) + FILL(cacheWrite, 0) + FILL(output, 0) * 5' }],
          }),
        ),
      );
      const result = output.MetricDataResults![0]!;
      assert.equal(result.Timestamps!.length, 20, 'FILL gives a value to every minute of the range');
      const series = getScenario('quota-throttled').cloudWatch!.accounts[BASIC_ACCOUNT_ID]!.usage![USAGE_REGION]!.find((candidate) => candidate.modelId === JP_SONNET)!;
      result.Timestamps!.forEach((time, index) => {
        const usage = usageMinute(series, time.getTime(), anchor);
        assert.equal(result.Values![index], usage === undefined ? 0 : quotaTokensOf(usage), time.toISOString());
      });
      const peak = usageMinute(series, minuteStartAgo(anchor, 5), anchor)!;
      assert.equal(quotaTokensOf(peak), 210_000);
    });

    it('refuses what CloudWatch refuses, with the SDK\'s error names', async () => {
      const { EvaluationPeriods: _periods, ...noPeriods } = throttleAlarm(JP_SONNET);
      await rejects(cloudWatch().send(new PutMetricAlarmCommand(noPeriods as PutMetricAlarmCommandInput)), 'MissingRequiredParameterException', /EvaluationPeriods/);
      await rejects(cloudWatch().send(new PutMetricAlarmCommand(quotaAlarm(JP_SONNET, 'FILL(input, 0) +'))), 'ValidationException', /Error in expression tokens: Syntax error/);
      await rejects(cloudWatch().send(new PutMetricAlarmCommand(quotaAlarm(JP_SONNET, 'FILLL(input, 0)'))), 'ValidationException', /Unrecognized function: FILLL/);
      await rejects(cloudWatch().send(new PutMetricAlarmCommand(quotaAlarm(JP_SONNET, 'FILL(inptu, 0)'))), 'ValidationException', /Unknown id inptu/);
      const twoReturned = quotaAlarm(JP_SONNET);
      await rejects(cloudWatch().send(new PutMetricAlarmCommand({ ...twoReturned, Metrics: twoReturned.Metrics!.map((query) => ({ ...query, ReturnData: true })) })), 'ValidationException', /Exactly one element/);
      await rejects(cloudWatch().send(new PutMetricAlarmCommand({ ...quotaAlarm(JP_SONNET), MetricName: 'Invocations' })), 'ValidationException', /either MetricName/);
      await rejects(cloudWatch().send(new PutMetricAlarmCommand({ ...throttleAlarm(JP_SONNET), EvaluationPeriods: 1441 })), 'ValidationException', /one day/);
      await rejects(cloudWatch().send(new PutMetricAlarmCommand({ ...throttleAlarm(JP_SONNET), AlarmActions: ['not-an-arn'] })), 'ValidationException', /Invalid arn/);
      await rejects(cloudWatch().send(new DescribeAlarmsCommand({ AlarmNames: ['a'], AlarmNamePrefix: 'b' })), 'InvalidParameterCombinationException');
      await rejects(cloudWatch().send(new SetAlarmStateCommand({ AlarmName: 'missing', StateValue: 'OK', StateReason: 'x' })), 'ResourceNotFound');
      const { MetricAlarms = [] } = await cloudWatch().send(new DescribeAlarmsCommand({}));
      assert.equal(MetricAlarms.length, 0, 'nothing refused was stored');
    });

    it('stores a dashboard whose body is JSON with widgets, and says which widget is wrong otherwise', async () => {
      const body = JSON.stringify({
        widgets: [
          { type: 'text', x: 0, y: 0, width: 24, height: 1, properties: { markdown: '# x' } },
          { type: 'metric', x: 0, y: 1, width: 12, height: 6, properties: { region: USAGE_REGION, stat: 'Sum', metrics: [['AWS/Bedrock', 'Invocations', 'ModelId', JP_SONNET, { id: 'requests' }], [{ expression: 'FILL(requests, 0)', id: 'filled' }]] } },
        ],
      });
      await cloudWatch().send(new PutDashboardCommand({ DashboardName: 'claude-bedrock-ap-northeast-1', DashboardBody: body }));
      const read = await cloudWatch().send(new GetDashboardCommand({ DashboardName: 'claude-bedrock-ap-northeast-1' }));
      assert.equal(read.DashboardBody, body);
      assert.equal(read.DashboardArn, `arn:aws:cloudwatch::${BASIC_ACCOUNT_ID}:dashboard/claude-bedrock-ap-northeast-1`);
      // DashboardNotFoundError's query code is ResourceNotFound, which the query-compatible SDK reads first and names so.
      await rejects(cloudWatch().send(new GetDashboardCommand({ DashboardName: 'absent' })), 'ResourceNotFound', /does not exist/);
      const error = (await rejects(cloudWatch().send(new PutDashboardCommand({ DashboardName: 'x', DashboardBody: '{"widgets": "no"}' })), 'DashboardInvalidInputError')) as Error & { dashboardValidationMessages?: unknown };
      assert.deepEqual(error.dashboardValidationMessages, [{ DataPath: '/widgets', Message: 'Should be an array of widgets' }]);
      const badExpression = JSON.parse(body);
      badExpression.widgets[1].properties.metrics[1][0].expression = 'FILL(request, 0)';
      badExpression.widgets[1].x = 18;
      const invalid = (await rejects(cloudWatch().send(new PutDashboardCommand({ DashboardName: 'x', DashboardBody: JSON.stringify(badExpression) })), 'DashboardInvalidInputError')) as Error & { dashboardValidationMessages?: { DataPath: string }[] };
      assert.deepEqual(invalid.dashboardValidationMessages!.map((message) => message.DataPath), ['/widgets/1/width', '/widgets/1/properties/metrics/1/expression']);
      await rejects(cloudWatch().send(new PutDashboardCommand({ DashboardName: 'x', DashboardBody: 'not json' })), 'DashboardInvalidInputError');
      await rejects(cloudWatch().send(new PutDashboardCommand({ DashboardName: 'has space', DashboardBody: body })), 'InvalidParameterValueException');
      assert.deepEqual(fake().requests.filter((entry) => entry.service === 'cloudwatch').map((entry) => entry.signingService), Array(7).fill('monitoring'));
    });
  });

  describe('alarms that exist already', () => {
    const { client } = useFakeClients('alarms-existing');
    it('are described in the state the scenario pinned: ALARM, OK and INSUFFICIENT_DATA', async () => {
      const { MetricAlarms = [] } = await client((config) => new CloudWatchClient(config)).send(new DescribeAlarmsCommand({ AlarmNamePrefix: 'claude-bedrock/' }));
      assert.deepEqual(MetricAlarms.map((alarm) => [alarm.AlarmName, alarm.StateValue]).sort(), EXISTING_ALARMS.map((alarm) => [alarm.name, alarm.state]).sort());
    });
  });

  describe('denied and rejected', () => {
    const denied = useFakeClients('admin-denied');
    it('names the denied action as IAM does', async () => {
      await rejects(denied.client((config) => new CloudWatchClient(config)).send(new PutMetricAlarmCommand(throttleAlarm(JP_SONNET))), 'AccessDeniedException', `User: ${BASIC_STATIC_KEY.arn} is not authorized to perform: cloudwatch:PutMetricAlarm because no identity-based policy allows the cloudwatch:PutMetricAlarm action`);
      await rejects(denied.client((config) => new CloudWatchClient(config)).send(new PutDashboardCommand({ DashboardName: 'x', DashboardBody: '{"widgets":[]}' })), 'AccessDeniedException', /cloudwatch:PutDashboard/);
      await denied.client((config) => new CloudWatchClient(config)).send(new DescribeAlarmsCommand({}));
    });
    const rejected = useFakeClients('alarms-expression-rejected');
    it('rejects an expression with a function this CloudWatch refuses, and still takes an alarm without one', async () => {
      const cloudWatch = rejected.client((config) => new CloudWatchClient(config));
      await rejects(cloudWatch.send(new PutMetricAlarmCommand(quotaAlarm(JP_SONNET))), 'ValidationException', 'Error in expression tokens: Unsupported function FILL.');
      await cloudWatch.send(new PutMetricAlarmCommand(throttleAlarm(JP_SONNET)));
    });
  });
});
