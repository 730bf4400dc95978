/**
 * The CloudWatch adapter: one GetMetricData request for a whole plan (every configured model, every
 * metric at the chart's period and the peak metrics at one minute), followed through its NextToken
 * pages. GetMetricData returns at most 100,800 data points per call, so a `1h` refresh is one call
 * and a `7d` refresh of several busy models a few (50,400 one-minute points per model at most).
 * The pages are merged into one record per query. Past the plan's call bound
 * (metricDataCallBound) the adapter stops and every record counts as incomplete, so the report says
 * partial rather than showing a cut series as whole.
 */

import { CloudWatchClient, GetMetricDataCommand, type GetMetricDataCommandOutput, type MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import type { MetricQuery, MetricQueryPlan, MetricSeriesRecord } from '../../core/usage/quotaTypes';
import { metricDataCallBound } from '../../core/usage/usageQueries';
import { callAsValue, type AwsSession, type CallResult } from '../session';

/** Where Bedrock publishes its runtime metrics. */
export const BEDROCK_NAMESPACE = 'AWS/Bedrock';

function wireQuery(query: MetricQuery): MetricDataQuery {
  return {
    Id: query.id,
    MetricStat: {
      Metric: { Namespace: BEDROCK_NAMESPACE, MetricName: query.metric, Dimensions: [{ Name: 'ModelId', Value: query.modelId }] },
      Period: query.periodSeconds,
      Stat: query.stat,
    },
    ReturnData: true,
  };
}

interface MergedRecord {
  timestamps: number[];
  values: number[];
  /** The StatusCode of the query's latest page: PartialData until the page that completes it. */
  complete: boolean;
}

/** Adds one page's results to the records: points appended, the status of the latest page kept. */
function mergePage(records: Map<string, MergedRecord>, output: GetMetricDataCommandOutput): void {
  for (const result of output.MetricDataResults ?? []) {
    const id = result.Id ?? '';
    const record = records.get(id) ?? { timestamps: [], values: [], complete: true };
    const timestamps = result.Timestamps ?? [];
    const values = result.Values ?? [];
    const count = Math.min(timestamps.length, values.length);
    for (let index = 0; index < count; index += 1) {
      record.timestamps.push(timestamps[index]!.getTime());
      record.values.push(values[index]!);
    }
    record.complete = (result.StatusCode ?? 'Complete') === 'Complete';
    records.set(id, record);
  }
}

/** The plan's series, from GetMetricData and its NextToken pages (one call when everything fits). */
export function getUsageMetrics(session: AwsSession, plan: MetricQueryPlan): Promise<CallResult<MetricSeriesRecord[]>> {
  const client = session.client('cloudwatch', (config) => new CloudWatchClient(config));
  const MetricDataQueries = [...plan.queries, ...plan.peakQueries].map(wireQuery);
  const maxCalls = metricDataCallBound(plan);
  return callAsValue(session, 'GetMetricData', async (abortSignal) => {
    const records = new Map<string, MergedRecord>();
    let NextToken: string | undefined;
    let calls = 0;
    do {
      const output = await client.send(
        new GetMetricDataCommand({ StartTime: new Date(plan.startMs), EndTime: new Date(plan.endMs), MetricDataQueries, ...(NextToken === undefined ? {} : { NextToken }) }),
        { abortSignal },
      );
      calls += 1;
      mergePage(records, output);
      NextToken = output.NextToken === undefined || output.NextToken === '' ? undefined : output.NextToken;
    } while (NextToken !== undefined && calls < maxCalls);
    const cut = NextToken !== undefined;
    return [...records.entries()].map(([id, record]) => ({ id, timestamps: record.timestamps, values: record.values, complete: !cut && record.complete }));
  });
}
