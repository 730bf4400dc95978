/**
 * The team dashboard against AWS: plan (the quota values and the dashboard of the same name, if
 * any) and apply exactly the previewed body (PutDashboard). Values, never throws.
 */

import { GetDashboardCommand, PutDashboardCommand } from '@aws-sdk/client-cloudwatch';
import { dashboardName } from '../../core/dashboard/dashboardBody';
import { MAX_DASHBOARD_MODELS, planDashboard, type DashboardPlan } from '../../core/dashboard/dashboardPlan';
import type { Diagnosis } from '../../core/models/bedrockTypes';
import { matchModelQuotas } from '../../core/usage/quotaMatch';
import { failureOf } from '../alarms/alarms';
import { cloudWatchClient } from '../usage/alarmStates';
import { openAwsSession, callAsValue, type AwsSessionOptions } from '../session';
import { listQuotaValues } from '../usage/quotas';

/** A dashboard that does not exist: the query-compatible SDK may name it either way. */
const NOT_FOUND = new Set(['ResourceNotFound', 'DashboardNotFoundError', 'ResourceNotFoundException']);

export type DashboardPlanResult =
  | { readonly ok: true; readonly plan: DashboardPlan }
  | { readonly ok: false; readonly problem: 'no-models' | 'too-many-models' }
  | { readonly ok: false; readonly failure: Diagnosis };

export async function planTeamDashboard(options: AwsSessionOptions & { readonly modelIds: readonly string[] }): Promise<DashboardPlanResult> {
  const modelIds = [...new Set(options.modelIds)];
  if (modelIds.length === 0) return { ok: false, problem: 'no-models' };
  if (modelIds.length > MAX_DASHBOARD_MODELS) return { ok: false, problem: 'too-many-models' };
  const opened = await openAwsSession(options);
  if (!opened.ok) return { ok: false, failure: failureOf(options, opened.error) };
  const session = opened.value;
  try {
    const client = cloudWatchClient(session);
    const [listing, existing] = await Promise.all([
      listQuotaValues(session),
      callAsValue(session, 'GetDashboard', async (abortSignal) => {
        try {
          const output = await client.send(new GetDashboardCommand({ DashboardName: dashboardName(options.region) }), { abortSignal });
          return output.DashboardBody;
        } catch (error) {
          if (NOT_FOUND.has((error as Error).name)) return undefined;
          throw error;
        }
      }),
    ]);
    if (!listing.ok) return { ok: false, failure: failureOf(options, listing.error) };
    if (!existing.ok) return { ok: false, failure: failureOf(options, existing.error) };
    const plan = planDashboard({ region: options.region, modelIds, quotas: matchModelQuotas(modelIds, listing.value), ...(existing.value === undefined ? {} : { existingBody: existing.value }) });
    return { ok: true, plan };
  } finally {
    session.close();
  }
}

export type DashboardApplyResult = { readonly ok: true } | { readonly ok: false; readonly failure: Diagnosis };

/** PutDashboard with exactly the previewed body. */
export async function applyTeamDashboard(options: AwsSessionOptions & { readonly plan: DashboardPlan }): Promise<DashboardApplyResult> {
  const opened = await openAwsSession(options);
  if (!opened.ok) return { ok: false, failure: failureOf(options, opened.error) };
  try {
    const client = cloudWatchClient(opened.value);
    const result = await callAsValue(opened.value, 'PutDashboard', async (abortSignal) => {
      await client.send(new PutDashboardCommand({ DashboardName: options.plan.name, DashboardBody: options.plan.body }), { abortSignal });
    });
    return result.ok ? { ok: true } : { ok: false, failure: failureOf(options, result.error) };
  } finally {
    opened.value.close();
  }
}
