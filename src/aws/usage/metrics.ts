/**
 * The CloudWatch adapter: exactly one GetMetricData call for a whole plan (every configured model,
 * every metric). A plan that would need a second page is cut, and the result says it is partial.
 */

import { CloudWatchClient, GetMetricDataCommand, type MetricDataResult } from '@aws-sdk/client-cloudwatch';
import type { MetricQueryPlan, MetricSeriesRecord } from '../../core/usage/quotaTypes';
import { callAsValue, type AwsSession, type CallResult } from '../session';

/** Where Bedrock publishes its runtime metrics. */
export const BEDROCK_NAMESPACE = 'AWS/Bedrock';

function seriesRecord(result: MetricDataResult, truncated: boolean): MetricSeriesRecord {
  return {
    id: result.Id ?? '',
    timestamps: (result.Timestamps ?? []).map((time) => time.getTime()),
    values: result.Values ?? [],
    complete: !truncated && (result.StatusCode ?? 'Complete') === 'Complete',
  };
}

/** The plan's series, from one GetMetricData call. */
export function getUsageMetrics(session: AwsSession, plan: MetricQueryPlan): Promise<CallResult<MetricSeriesRecord[]>> {
  const client = session.client('cloudwatch', (config) => new CloudWatchClient(config));
  return callAsValue(session, 'GetMetricData', async (abortSignal) => {
    const output = await client.send(
      new GetMetricDataCommand({
        StartTime: new Date(plan.startMs),
        EndTime: new Date(plan.endMs),
        MetricDataQueries: plan.queries.map((query) => ({
          Id: query.id,
          MetricStat: {
            Metric: { Namespace: BEDROCK_NAMESPACE, MetricName: query.metric, Dimensions: [{ Name: 'ModelId', Value: query.modelId }] },
            Period: query.periodSeconds,
            Stat: query.stat,
          },
          ReturnData: true,
        })),
      }),
      { abortSignal },
    );
    const truncated = output.NextToken !== undefined && output.NextToken !== '';
    return (output.MetricDataResults ?? []).map((result) => seriesRecord(result, truncated));
  });
}
