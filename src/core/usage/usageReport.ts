/**
 * One refresh of the quota and usage diagnostics, assembled from what Service Quotas and
 * CloudWatch answered (either may have failed): matched quotas, series on the grid, per-model
 * summaries, advice, cost and the status-bar alert. Pure: the AWS layer fetches, this decides.
 */

import type { AlarmStates } from '../alarms/alarmTypes';
import { refusedAction } from '../iam/awsActions';
import type { RawAwsError } from '../models/bedrockTypes';
import { matchModelQuotas } from './quotaMatch';
import { summarizeUsage, usageAlert } from './quotaMath';
import type { MetricQueryPlan, MetricSeriesRecord, QuotaListing, UsageProblem, UsageReport } from './quotaTypes';
import { recommend } from './usageAdvice';
import { totalCost } from './usageCost';
import { seriesFromResults } from './usageQueries';

/** A failed call as a problem of its service, naming the refused IAM action when it was an access denial. */
export function usageProblem(service: UsageProblem['service'], error: RawAwsError): UsageProblem {
  const missingPermission = refusedAction(error, `${service}:${error.operation}`);
  return missingPermission === undefined ? { service, error } : { service, missingPermission, error };
}

/** Whether a problem is AWS throttling our own calls (the refresh should back off). */
export function isThrottling(problem: UsageProblem): boolean {
  return /Throttl|TooManyRequests|RequestLimitExceeded/i.test(problem.error.name ?? '') || problem.error.httpStatus === 429;
}

export interface UsageReportInput {
  readonly region: string;
  readonly generatedAt: number;
  readonly modelIds: readonly string[];
  readonly plan: MetricQueryPlan;
  /** Absent when Service Quotas could not be read. */
  readonly listing?: QuotaListing;
  /** Absent when CloudWatch could not be read. */
  readonly results?: readonly MetricSeriesRecord[];
  readonly problems: readonly UsageProblem[];
  /** CLAUDE_CODE_MAX_OUTPUT_TOKENS of the setup, when set. */
  readonly maxOutputTokens?: number;
  /** The models' alarms, when they were read. */
  readonly alarms?: AlarmStates;
}

/** The report of one refresh; whatever part failed is absent, and its problem says why. */
export function buildUsageReport(input: UsageReportInput): UsageReport {
  const quotas = input.listing ? matchModelQuotas(input.modelIds, input.listing) : undefined;
  const base = {
    region: input.region,
    range: input.plan.range,
    generatedAt: input.generatedAt,
    modelIds: [...input.modelIds],
    problems: [...input.problems],
    ...(input.alarms === undefined ? {} : { alarms: input.alarms }),
  };
  if (!input.results) {
    return { ...base, ...(quotas ? { quotas } : {}), recommendations: quotas ? recommend([], quotas) : [] };
  }
  const series = seriesFromResults(input.plan, input.results);
  const models = summarizeUsage(series, quotas, { maxOutputTokens: input.maxOutputTokens, nowMs: input.generatedAt });
  return {
    ...base,
    ...(quotas ? { quotas } : {}),
    series,
    models,
    recommendations: recommend(models, quotas ?? []),
    cost: totalCost(models),
    alert: usageAlert(series, models, input.generatedAt),
  };
}
