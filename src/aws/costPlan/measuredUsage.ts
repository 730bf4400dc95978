/**
 * The measured usage a cost plan is filled from: one GetMetricData request for the last 30 days of
 * the configured models (daily sums), in their Region.
 */

import type { MeasuredUsage } from '../../core/costPlan/costPlan';
import { measuredFromRecords, planMeasuredQueries } from '../../core/costPlan/measuredUsage';
import type { Scope } from '../../core/models/bedrockTypes';
import { adminProblem, type AdminProblem } from '../../core/team/adminProblem';
import { openAwsSession, type AwsSessionOptions } from '../session';
import { getUsageMetrics } from '../usage/metrics';

export type MeasuredUsageResult =
  /** `partial`: a series was cut short or a query got no answer; the figures count only what was read. */
  | { readonly ok: true; readonly measured: MeasuredUsage & { readonly topModel?: { baseModelId: string; scope: Scope }; readonly partial?: true } }
  | { readonly ok: false; readonly problem: AdminProblem };

/** The last 30 days of the models' token metrics. Never throws. */
export async function fetchMeasuredUsage(options: AwsSessionOptions & { readonly modelIds: readonly string[]; readonly now?: number }): Promise<MeasuredUsageResult> {
  const opened = await openAwsSession(options);
  if (!opened.ok) return { ok: false, problem: adminProblem('cloudwatch', opened.error) };
  try {
    const plan = planMeasuredQueries(options.modelIds, options.now ?? Date.now());
    const metrics = await getUsageMetrics(opened.value, plan);
    return metrics.ok ? { ok: true, measured: measuredFromRecords(plan, metrics.value) } : { ok: false, problem: adminProblem('cloudwatch', metrics.error) };
  } finally {
    opened.value.close();
  }
}
