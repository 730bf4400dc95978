/**
 * Plans the team dashboard from the configured models and their quotas, against the dashboard of
 * the same name that exists (GetDashboard): create, update or unchanged, with both bodies for the
 * preview's diff. Pure.
 */

import { baseModelIdOf } from '../models/catalog';
import { ownQuota } from '../usage/quotaMatch';
import { outputBurndown } from '../usage/quotaMath';
import type { ModelQuotas } from '../usage/quotaTypes';
import { dashboardBody, dashboardConsoleUrl, dashboardName, renderDashboardBody, type DashboardModel } from './dashboardBody';

/** One of CloudWatch's validation messages of a dashboard body (PutDashboard's DashboardValidationMessages). */
export interface DashboardMessage {
  /** The JSON path in the body, as `/widgets/0/width`. */
  readonly path: string;
  readonly message: string;
}

export interface DashboardPlan {
  readonly region: string;
  readonly name: string;
  readonly modelIds: readonly string[];
  /** The body PutDashboard will send. */
  readonly body: string;
  /** The body GetDashboard returned; absent when no dashboard of that name exists. */
  readonly existingBody?: string;
  readonly change: 'create' | 'update' | 'unchanged';
  /** Models without a TPM (or RPM) quota value: their charts have no quota line. */
  readonly withoutQuota: readonly string[];
  readonly url: string;
}

/** Models one dashboard shows: more would make a page no one reads (and a body over CloudWatch's size limit). */
export const MAX_DASHBOARD_MODELS = 20;

/** A model's part of the dashboard, with its quota values when Service Quotas listed them. */
export function dashboardModel(modelId: string, quotas: ModelQuotas | undefined): DashboardModel {
  const tpm = quotas === undefined ? undefined : ownQuota(quotas, 'tokens-per-minute');
  const rpm = quotas === undefined ? undefined : ownQuota(quotas, 'requests-per-minute');
  return {
    modelId,
    burndown: outputBurndown(quotas?.baseModelId ?? baseModelIdOf(modelId)),
    ...(tpm === undefined ? {} : { tpmQuota: { code: tpm.code, value: tpm.value } }),
    ...(rpm === undefined ? {} : { rpmQuota: { code: rpm.code, value: rpm.value } }),
  };
}

/** Whether two bodies say the same (key order and spacing aside); a body that is not JSON differs. */
function sameBody(a: string, b: string): boolean {
  try {
    return JSON.stringify(JSON.parse(a)) === JSON.stringify(JSON.parse(b));
  } catch {
    return false;
  }
}

export function planDashboard(input: { readonly region: string; readonly modelIds: readonly string[]; readonly quotas: readonly ModelQuotas[] | undefined; readonly existingBody?: string }): DashboardPlan {
  const modelIds = [...new Set(input.modelIds)];
  const models = modelIds.map((modelId) => dashboardModel(modelId, input.quotas?.find((entry) => entry.modelId === modelId)));
  const body = renderDashboardBody(dashboardBody({ region: input.region, models }));
  const name = dashboardName(input.region);
  const change = input.existingBody === undefined ? 'create' : sameBody(input.existingBody, body) ? 'unchanged' : 'update';
  return {
    region: input.region,
    name,
    modelIds,
    body,
    ...(input.existingBody === undefined ? {} : { existingBody: input.existingBody }),
    change,
    withoutQuota: models.filter((model) => model.tpmQuota === undefined || model.rpmQuota === undefined).map((model) => model.modelId),
    url: dashboardConsoleUrl(input.region, name),
  };
}
