/**
 * One refresh of the quota and usage diagnostics: credentials once, then Service Quotas (three
 * listings) and CloudWatch (one GetMetricData request for every model, followed through its
 * NextToken pages: one call for 1h, more only when the one-minute peak data of 24h or 7d exceeds
 * a page) side by side, and on request the models' alarms (one DescribeAlarms). A service that
 * fails becomes a problem of the report (the alarms' read its own note); only a credentials failure
 * fails the refresh.
 */

import type { Diagnosis } from '../../core/models/bedrockTypes';
import { diagnoseAwsError } from '../../core/models/diagnosis';
import { profileNameOf } from '../clients';
import type { QuotaListing, QuotaRequestRecord, UsageProblem, UsageRange, UsageReport } from '../../core/usage/quotaTypes';
import { buildUsageReport, usageProblem } from '../../core/usage/usageReport';
import { planMetricQueries } from '../../core/usage/usageQueries';
import { readAlarmStates } from './alarmStates';
import { getUsageMetrics } from './metrics';
import { listAppliedQuotas, listDefaultQuotas, listQuotaRequests, requestQuotaIncrease } from './quotas';
import { openAwsSession, type AwsSession, type AwsSessionOptions } from '../session';

export interface UsageFetchOptions extends AwsSessionOptions {
  readonly modelIds: readonly string[];
  readonly range: UsageRange;
  readonly maxOutputTokens?: number;
  /** Quotas read earlier (they change rarely); given, Service Quotas is not called. */
  readonly listing?: QuotaListing;
  /** Read quotas only: no CloudWatch call (the `quotas` command). */
  readonly quotasOnly?: boolean;
  /** Also read the models' alarms (one DescribeAlarms), for the Quotas & Usage view and the status bar. */
  readonly alarms?: boolean;
  /** The clock, for tests. */
  readonly now?: number;
}

export type UsageFetchResult =
  | { readonly ok: true; readonly report: UsageReport; readonly listing?: QuotaListing }
  | { readonly ok: false; readonly credentials: Diagnosis };

/** Reads the three Service Quotas listings; the request history is optional (its failure is a problem, not a failure). */
async function readQuotas(session: AwsSession, problems: UsageProblem[]): Promise<QuotaListing | undefined> {
  const [applied, defaults, requests] = await Promise.all([listAppliedQuotas(session), listDefaultQuotas(session), listQuotaRequests(session)]);
  // Every listing that failed is its own problem, in a fixed order, whichever answered first.
  if (!applied.ok) problems.push(usageProblem('servicequotas', applied.error));
  if (!defaults.ok) problems.push(usageProblem('servicequotas', defaults.error));
  if (!requests.ok) problems.push(usageProblem('servicequotas', requests.error));
  if (!applied.ok) return undefined;
  return {
    region: session.region,
    applied: applied.value,
    defaults: defaults.ok ? defaults.value : [],
    requests: requests.ok ? requests.value : [],
  };
}

/** Quotas and usage of the configured models in one Region. Never throws. */
export async function fetchUsageReport(options: UsageFetchOptions): Promise<UsageFetchResult> {
  const opened = await openAwsSession(options);
  if (!opened.ok) return { ok: false, credentials: diagnoseAwsError(opened.error, { profile: profileNameOf(options.target), region: options.region }) };
  const session = opened.value;
  try {
    const now = options.now ?? Date.now();
    const plan = planMetricQueries(options.modelIds, options.range, now);
    const problems: UsageProblem[] = [];
    const [listing, metrics, alarms] = await Promise.all([
      options.listing ? Promise.resolve(options.listing) : readQuotas(session, problems),
      options.quotasOnly ? Promise.resolve(undefined) : getUsageMetrics(session, plan),
      options.alarms === true ? readAlarmStates(session, options.modelIds) : Promise.resolve(undefined),
    ]);
    if (metrics && !metrics.ok) problems.push(usageProblem('cloudwatch', metrics.error));
    const report = buildUsageReport({
      region: options.region,
      generatedAt: now,
      modelIds: options.modelIds,
      plan,
      listing,
      results: metrics?.ok ? metrics.value : undefined,
      problems,
      maxOutputTokens: options.maxOutputTokens,
      ...(alarms === undefined ? {} : { alarms }),
    });
    return { ok: true, report, ...(listing ? { listing } : {}) };
  } finally {
    session.close();
  }
}

export type QuotaIncreaseResult = { readonly ok: true; readonly request: QuotaRequestRecord } | { readonly ok: false; readonly problem: UsageProblem };

/** Sends one RequestServiceQuotaIncrease, after the caller's confirmation. Never throws. */
export async function requestBedrockQuotaIncrease(options: AwsSessionOptions & { readonly quotaCode: string; readonly desiredValue: number }): Promise<QuotaIncreaseResult> {
  const opened = await openAwsSession(options);
  if (!opened.ok) return { ok: false, problem: usageProblem('servicequotas', opened.error) };
  try {
    const result = await requestQuotaIncrease(opened.value, options.quotaCode, options.desiredValue);
    return result.ok ? { ok: true, request: result.value } : { ok: false, problem: usageProblem('servicequotas', result.error) };
  } finally {
    opened.value.close();
  }
}
