/**
 * The CloudWatch alarm calls of the admin: DescribeAlarms by prefix (every page) and PutMetricAlarm.
 * (DescribeAlarms by name, which the Quotas & Usage view also uses, is in usage/alarmStates.ts.)
 */

import { DescribeAlarmsCommand, PutMetricAlarmCommand, type PutMetricAlarmCommandInput } from '@aws-sdk/client-cloudwatch';
import type { AlarmRequest, ExistingAlarm } from '../../core/alarms/alarmTypes';
import { readPages } from '../paging';
import { callAsValue, type AwsSession, type CallResult } from '../session';
import { cloudWatchClient, existingAlarm } from '../usage/alarmStates';

/** Every alarm whose name starts with the prefix, following NextToken. */
export function describeAlarmsByPrefix(session: AwsSession, prefix: string): Promise<CallResult<ExistingAlarm[]>> {
  const client = cloudWatchClient(session);
  return callAsValue(session, 'DescribeAlarms', async (abortSignal) => {
    const listed = await readPages<ExistingAlarm>(async (NextToken) => {
      const output = await client.send(new DescribeAlarmsCommand({ AlarmNamePrefix: prefix, AlarmTypes: ['MetricAlarm'], MaxRecords: 100, NextToken }), { abortSignal });
      return { items: (output.MetricAlarms ?? []).map(existingAlarm), next: output.NextToken };
    });
    return listed.items;
  });
}

/** Creates or replaces one alarm with exactly this request. */
export function putAlarm(session: AwsSession, request: AlarmRequest): Promise<CallResult<void>> {
  const client = cloudWatchClient(session);
  return callAsValue(session, 'PutMetricAlarm', async (abortSignal) => {
    await client.send(new PutMetricAlarmCommand(request as unknown as PutMetricAlarmCommandInput), { abortSignal });
  });
}
