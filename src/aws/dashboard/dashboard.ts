/**
 * The team dashboard against AWS: plan (the quota values and the dashboard of the same name, if
 * any) and apply exactly the previewed body (PutDashboard). Values, never throws.
 */

import { GetDashboardCommand, PutDashboardCommand } from '@aws-sdk/client-cloudwatch';
import { dashboardName } from '../../core/dashboard/dashboardBody';
import { MAX_DASHBOARD_MODELS, planDashboard, type DashboardMessage, type DashboardPlan } from '../../core/dashboard/dashboardPlan';
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

export type DashboardApplyResult =
  /** Saved (read back as the previewed body); `warnings`: CloudWatch's validation messages, some widgets may not render. */
  | { readonly ok: true; readonly warnings?: readonly DashboardMessage[] }
  /** Not saved (or not known); `messages`: CloudWatch's validation messages of the body, when it gave any. */
  | { readonly ok: false; readonly failure: Diagnosis; readonly messages?: readonly DashboardMessage[] };

function messagesOf(list: readonly { DataPath?: string; Message?: string }[] | undefined): DashboardMessage[] {
  return (list ?? []).map((entry) => ({ path: entry.DataPath ?? '', message: entry.Message ?? '' })).filter((entry) => entry.path !== '' || entry.message !== '');
}

/**
 * PutDashboard with exactly the previewed body. CloudWatch refuses an invalid body
 * (DashboardInvalidInputError with its validation messages); an answer that holds validation messages
 * means warnings (saved, some parts may not render) or errors (not saved): which one is read back
 * (GetDashboard), never assumed.
 */
export async function applyTeamDashboard(options: AwsSessionOptions & { readonly plan: DashboardPlan }): Promise<DashboardApplyResult> {
  const opened = await openAwsSession(options);
  if (!opened.ok) return { ok: false, failure: failureOf(options, opened.error) };
  try {
    const client = cloudWatchClient(opened.value);
    let refused: DashboardMessage[] = [];
    const result = await callAsValue(opened.value, 'PutDashboard', async (abortSignal) => {
      try {
        const output = await client.send(new PutDashboardCommand({ DashboardName: options.plan.name, DashboardBody: options.plan.body }), { abortSignal });
        return messagesOf(output.DashboardValidationMessages);
      } catch (error) {
        refused = messagesOf((error as { dashboardValidationMessages?: { DataPath?: string; Message?: string }[] }).dashboardValidationMessages);
        throw error;
      }
    });
    if (!result.ok) return { ok: false, failure: failureOf(options, result.error), ...(refused.length > 0 ? { messages: refused } : {}) };
    const messages = result.value;
    if (messages.length === 0) return { ok: true };
    // Messages with a 200: warnings if the body was saved, errors if it was not. Read it back.
    const stored = await callAsValue(opened.value, 'GetDashboard', async (abortSignal) => {
      try {
        return (await client.send(new GetDashboardCommand({ DashboardName: options.plan.name }), { abortSignal })).DashboardBody;
      } catch (error) {
        if (NOT_FOUND.has((error as Error).name)) return undefined;
        throw error;
      }
    });
    if (!stored.ok) return { ok: false, failure: failureOf(options, stored.error), messages };
    if (stored.value !== undefined && sameBody(stored.value, options.plan.body)) return { ok: true, warnings: messages };
    // Not AWS's words: the name only, the messages say what CloudWatch said.
    const notSaved = { operation: 'PutDashboard', phase: 'call' as const, name: 'DashboardValidationErrors' };
    return { ok: false, failure: failureOf(options, notSaved), messages };
  } finally {
    opened.value.close();
  }
}

/** The same dashboard body, whatever the JSON spacing CloudWatch stores it with. */
function sameBody(stored: string, sent: string): boolean {
  if (stored === sent) return true;
  try {
    return JSON.stringify(JSON.parse(stored)) === JSON.stringify(JSON.parse(sent));
  } catch {
    return false;
  }
}
