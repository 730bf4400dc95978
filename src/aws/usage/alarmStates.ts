/**
 * The state of the shown models' alarms, for the Quotas & Usage view and the status bar: one
 * DescribeAlarms call by name (up to 100). Alarms come back in core's shape (the PutMetricAlarm
 * fields and the state), which the admin's alarm planning reads too.
 */

import { CloudWatchClient, DescribeAlarmsCommand, type MetricAlarm } from '@aws-sdk/client-cloudwatch';
import { alarmNamesFor, alarmStatus } from '../../core/alarms/alarmDefinitions';
import type { AlarmMetricQuery, AlarmRequest, AlarmStates, AlarmStateValue, ExistingAlarm } from '../../core/alarms/alarmTypes';
import { refusedAction } from '../../core/iam/awsActions';
import { callAsValue, type AwsSession, type CallResult } from '../session';

export function cloudWatchClient(session: AwsSession): CloudWatchClient {
  return session.client('cloudwatch', (config) => new CloudWatchClient(config));
}

/** Keeps the fields that are set, dropping undefined ones, so two alarms compare by what they say. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as T;
}

function metricQuery(query: NonNullable<MetricAlarm['Metrics']>[number]): AlarmMetricQuery {
  const stat = query.MetricStat;
  return defined({
    Id: query.Id ?? '',
    Label: query.Label,
    ReturnData: query.ReturnData ?? true,
    Expression: query.Expression,
    MetricStat:
      stat === undefined
        ? undefined
        : {
            Metric: {
              Namespace: stat.Metric?.Namespace ?? '',
              MetricName: stat.Metric?.MetricName ?? '',
              Dimensions: (stat.Metric?.Dimensions ?? []).map((dimension) => ({ Name: dimension.Name ?? '', Value: dimension.Value ?? '' })),
            },
            Period: stat.Period ?? 0,
            Stat: stat.Stat ?? '',
          },
  });
}

/** An alarm DescribeAlarms described, as core reads it. */
export function existingAlarm(alarm: MetricAlarm): ExistingAlarm {
  const request: AlarmRequest = defined({
    AlarmName: alarm.AlarmName ?? '',
    AlarmDescription: alarm.AlarmDescription ?? '',
    ActionsEnabled: alarm.ActionsEnabled ?? true,
    AlarmActions: alarm.AlarmActions ?? [],
    ComparisonOperator: alarm.ComparisonOperator ?? '',
    EvaluationPeriods: alarm.EvaluationPeriods ?? 0,
    DatapointsToAlarm: alarm.DatapointsToAlarm ?? alarm.EvaluationPeriods ?? 0,
    Threshold: alarm.Threshold ?? 0,
    TreatMissingData: alarm.TreatMissingData ?? 'missing',
    Namespace: alarm.Namespace,
    MetricName: alarm.MetricName,
    Dimensions: alarm.Dimensions?.map((dimension) => ({ Name: dimension.Name ?? '', Value: dimension.Value ?? '' })),
    Period: alarm.Period,
    Statistic: alarm.Statistic,
    Metrics: alarm.Metrics === undefined || alarm.Metrics.length === 0 ? undefined : alarm.Metrics.map(metricQuery),
  });
  return {
    request,
    state: (alarm.StateValue ?? 'INSUFFICIENT_DATA') as AlarmStateValue,
    ...(alarm.StateReason === undefined ? {} : { stateReason: alarm.StateReason }),
    ...(alarm.StateUpdatedTimestamp === undefined ? {} : { stateUpdatedAt: alarm.StateUpdatedTimestamp.getTime() }),
  };
}

/** The alarms of these names that exist (one DescribeAlarms call; at most 100 names). */
export function describeAlarmsByName(session: AwsSession, names: readonly string[]): Promise<CallResult<ExistingAlarm[]>> {
  const client = cloudWatchClient(session);
  return callAsValue(session, 'DescribeAlarms', async (abortSignal) => {
    if (names.length === 0) return [];
    const output = await client.send(new DescribeAlarmsCommand({ AlarmNames: [...names], AlarmTypes: ['MetricAlarm'], MaxRecords: 100 }), { abortSignal });
    return (output.MetricAlarms ?? []).map(existingAlarm);
  });
}

/** The state of the models' alarms, in an open session: one DescribeAlarms call. */
export async function readAlarmStates(session: AwsSession, modelIds: readonly string[]): Promise<AlarmStates> {
  const result = await describeAlarmsByName(session, alarmNamesFor(modelIds));
  if (result.ok) return { ok: true, alarms: result.value.flatMap((alarm) => alarmStatus(alarm) ?? []) };
  const missingPermission = refusedAction(result.error, 'cloudwatch:DescribeAlarms');
  return { ok: false, ...(missingPermission === undefined ? {} : { missingPermission }), error: result.error };
}
