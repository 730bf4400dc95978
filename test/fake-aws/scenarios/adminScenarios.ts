/**
 * Scenarios of the team-admin features (alarms, SNS, dashboards), each `quota-throttled` plus a
 * change for BASIC_ACCOUNT_ID in Tokyo: alarms that exist already in every state, IAM denials of
 * the admin actions, and a CloudWatch that rejects a metric-math function.
 */
import type { FakeAlarm, FakeAlarmState, Scenario } from '../scenario';
import { BASIC_ACCOUNT_ID } from './basic';
import { quotaScenarios } from './quotaScenarios';
import { USAGE_MODEL_IDS, USAGE_REGION } from './quotaData';

/** The topic `alarms-existing` has, and the address already subscribed to it. */
export const EXISTING_TOPIC = { name: 'team-alarms', email: 'platform@example.com', arn: `arn:aws:sns:${USAGE_REGION}:${BASIC_ACCOUNT_ID}:team-alarms` } as const;

/** The alarms of `alarms-existing`: an earlier version of the extension's, each pinned in one state. */
export const EXISTING_ALARMS: readonly { readonly name: string; readonly modelId: string; readonly state: FakeAlarmState }[] = [
  { name: `claude-bedrock/throttles/${USAGE_MODEL_IDS.jpSonnet45}`, modelId: USAGE_MODEL_IDS.jpSonnet45, state: 'ALARM' },
  { name: `claude-bedrock/quota-tpm/${USAGE_MODEL_IDS.jpSonnet45}`, modelId: USAGE_MODEL_IDS.jpSonnet45, state: 'OK' },
  { name: `claude-bedrock/throttles/${USAGE_MODEL_IDS.jpHaiku45}`, modelId: USAGE_MODEL_IDS.jpHaiku45, state: 'INSUFFICIENT_DATA' },
];

function existingAlarm(name: string, modelId: string, state: FakeAlarmState, now: number): FakeAlarm {
  const quota = name.includes('/quota-tpm/');
  const common = {
    AlarmName: name,
    AlarmDescription: 'Made by an earlier claude-bedrock.',
    ActionsEnabled: true,
    AlarmActions: [EXISTING_TOPIC.arn],
    ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    EvaluationPeriods: 5,
    DatapointsToAlarm: 1,
    TreatMissingData: 'notBreaching',
  };
  const dimension = [{ Name: 'ModelId', Value: modelId }];
  const definition = quota
    ? {
        ...common,
        Threshold: 90,
        Metrics: [
          { Id: 'input', ReturnData: false, MetricStat: { Metric: { Namespace: 'AWS/Bedrock', MetricName: 'InputTokenCount', Dimensions: dimension }, Period: 60, Stat: 'Sum' } },
          { Id: 'output', ReturnData: false, MetricStat: { Metric: { Namespace: 'AWS/Bedrock', MetricName: 'OutputTokenCount', Dimensions: dimension }, Period: 60, Stat: 'Sum' } },
          { Id: 'quotaPercent', ReturnData: true, Expression: '100 * (FILL(input, 0) + FILL(output, 0) * 5) / 200000' },
        ],
      }
    : { ...common, Threshold: 5, Namespace: 'AWS/Bedrock', MetricName: 'InvocationThrottles', Dimensions: dimension, Period: 60, Statistic: 'Sum' };
  const reasons: Record<FakeAlarmState, string> = { OK: 'Threshold Crossed: no datapoints were greater than or equal to the threshold', ALARM: 'Threshold Crossed: 1 out of the last 5 datapoints was greater than or equal to the threshold', INSUFFICIENT_DATA: 'Unchecked: Initial alarm creation' };
  return { definition, state, stateReason: reasons[state], stateUpdated: now - 30 * 60_000, configurationUpdated: now - 24 * 3_600_000, pinned: true };
}

function throttledWith(name: string, description: string, change: (scenario: Scenario) => void): Scenario {
  const scenario = quotaScenarios['quota-throttled']();
  scenario.name = name;
  scenario.description = `quota-throttled, and for account ${BASIC_ACCOUNT_ID} in ${USAGE_REGION}: ${description}`;
  change(scenario);
  return scenario;
}

function cloudWatchAccount(scenario: Scenario) {
  const account = scenario.cloudWatch?.accounts[BASIC_ACCOUNT_ID];
  if (!account) throw new Error('quota-throttled lost its CloudWatch section');
  return account;
}

export const adminScenarios = {
  'alarms-existing': () =>
    throttledWith('alarms-existing', 'alarms of an earlier version exist, one in each state (ALARM, OK, INSUFFICIENT_DATA), notifying the SNS topic team-alarms.', (scenario) => {
      const now = Date.now();
      cloudWatchAccount(scenario).alarms = { [USAGE_REGION]: EXISTING_ALARMS.map(({ name, modelId, state }) => existingAlarm(name, modelId, state, now)) };
      scenario.sns = {
        accounts: {
          [BASIC_ACCOUNT_ID]: {
            topics: { [USAGE_REGION]: [{ name: EXISTING_TOPIC.name, subscriptions: [{ protocol: 'email', endpoint: EXISTING_TOPIC.email, arn: `${EXISTING_TOPIC.arn}:0f1e2d3c-0000-4000-8000-000000000001`, confirmed: true }] }] },
          },
        },
      };
    }),

  'admin-denied': () =>
    throttledWith('admin-denied', 'no policy allows cloudwatch:PutMetricAlarm, cloudwatch:PutDashboard or sns:CreateTopic (the reads work).', (scenario) => {
      cloudWatchAccount(scenario).deniedActions = ['cloudwatch:PutMetricAlarm', 'cloudwatch:PutDashboard'];
      scenario.sns = { accounts: { [BASIC_ACCOUNT_ID]: { deniedActions: ['sns:CreateTopic'] } } };
    }),

  'alarms-expression-rejected': () =>
    throttledWith('alarms-expression-rejected', 'CloudWatch rejects alarms whose metric math uses FILL (an expression the service refuses).', (scenario) => {
      cloudWatchAccount(scenario).rejectedFunctions = ['FILL'];
    }),
} satisfies Record<string, () => Scenario>;
