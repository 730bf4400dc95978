/**
 * The Service Quotas adapter: Bedrock's quotas (applied and AWS defaults, every page), the
 * increase requests made so far, and one increase request. Records come back as core types;
 * failures as values for the caller to classify.
 */

import {
  ListAWSDefaultServiceQuotasCommand,
  ListRequestedServiceQuotaChangeHistoryCommand,
  ListServiceQuotasCommand,
  RequestServiceQuotaIncreaseCommand,
  ServiceQuotasClient,
  type RequestedServiceQuotaChange,
  type ServiceQuota,
} from '@aws-sdk/client-service-quotas';
import type { QuotaListing, QuotaRequestRecord, ServiceQuotaRecord } from '../../core/usage/quotaTypes';
import { readPages } from '../paging';
import { callAsValue, type AwsSession, type CallResult } from '../session';

/** Bedrock's service code in Service Quotas. */
export const BEDROCK_SERVICE_CODE = 'bedrock';

function quotaRecord(quota: ServiceQuota): ServiceQuotaRecord {
  return {
    code: quota.QuotaCode ?? '',
    name: quota.QuotaName ?? '',
    value: quota.Value ?? 0,
    adjustable: quota.Adjustable ?? false,
    ...(quota.Unit ? { unit: quota.Unit } : {}),
  };
}

function requestRecord(request: RequestedServiceQuotaChange): QuotaRequestRecord {
  return {
    id: request.Id ?? '',
    code: request.QuotaCode ?? '',
    ...(request.QuotaName ? { name: request.QuotaName } : {}),
    desiredValue: request.DesiredValue ?? 0,
    status: request.Status ?? '',
    ...(request.Created ? { created: request.Created.getTime() } : {}),
    ...(request.CaseId ? { caseId: request.CaseId } : {}),
  };
}

/** Every page of a Service Quotas listing, following NextToken. */
async function allPages<T>(page: (NextToken: string | undefined) => Promise<{ readonly items: readonly T[]; readonly NextToken?: string }>): Promise<T[]> {
  return (await readPages(async (token) => {
    const output = await page(token);
    return { items: output.items, next: output.NextToken };
  })).items;
}

export function serviceQuotasClient(session: AwsSession): ServiceQuotasClient {
  return session.client('servicequotas', (config) => new ServiceQuotasClient(config));
}

/** Every applied Bedrock quota of the Region (ListServiceQuotas, all pages). */
export function listAppliedQuotas(session: AwsSession): Promise<CallResult<ServiceQuotaRecord[]>> {
  const client = serviceQuotasClient(session);
  return callAsValue(session, 'ListServiceQuotas', (abortSignal) =>
    allPages(async (NextToken) => {
      const output = await client.send(new ListServiceQuotasCommand({ ServiceCode: BEDROCK_SERVICE_CODE, MaxResults: 100, NextToken }), { abortSignal });
      return { items: (output.Quotas ?? []).map(quotaRecord), NextToken: output.NextToken };
    }),
  );
}

/** Every AWS default of Bedrock's quotas (ListAWSDefaultServiceQuotas, all pages). */
export function listDefaultQuotas(session: AwsSession): Promise<CallResult<ServiceQuotaRecord[]>> {
  const client = serviceQuotasClient(session);
  return callAsValue(session, 'ListAWSDefaultServiceQuotas', (abortSignal) =>
    allPages(async (NextToken) => {
      const output = await client.send(new ListAWSDefaultServiceQuotasCommand({ ServiceCode: BEDROCK_SERVICE_CODE, MaxResults: 100, NextToken }), { abortSignal });
      return { items: (output.Quotas ?? []).map(quotaRecord), NextToken: output.NextToken };
    }),
  );
}

/** Bedrock quota increase requests of the account in this Region, every status. */
export function listQuotaRequests(session: AwsSession): Promise<CallResult<QuotaRequestRecord[]>> {
  const client = serviceQuotasClient(session);
  return callAsValue(session, 'ListRequestedServiceQuotaChangeHistory', (abortSignal) =>
    allPages(async (NextToken) => {
      const output = await client.send(new ListRequestedServiceQuotaChangeHistoryCommand({ ServiceCode: BEDROCK_SERVICE_CODE, MaxResults: 100, NextToken }), { abortSignal });
      return { items: (output.RequestedQuotas ?? []).map(requestRecord), NextToken: output.NextToken };
    }),
  );
}

/** Asks AWS to raise one Bedrock quota; the caller has the user's confirmation of exactly this request. */
export function requestQuotaIncrease(session: AwsSession, quotaCode: string, desiredValue: number): Promise<CallResult<QuotaRequestRecord>> {
  const client = serviceQuotasClient(session);
  return callAsValue(session, 'RequestServiceQuotaIncrease', async (abortSignal) => {
    const output = await client.send(new RequestServiceQuotaIncreaseCommand({ ServiceCode: BEDROCK_SERVICE_CODE, QuotaCode: quotaCode, DesiredValue: desiredValue }), { abortSignal });
    return requestRecord(output.RequestedQuota ?? {});
  });
}

/**
 * The quota values of the Region (applied and default; no request history): what the alarms, the
 * dashboard and the admin stack need of Service Quotas. The first failure is the result.
 */
export async function listQuotaValues(session: AwsSession): Promise<CallResult<QuotaListing>> {
  const started = Date.now();
  const [applied, defaults] = await Promise.all([listAppliedQuotas(session), listDefaultQuotas(session)]);
  if (!applied.ok) return applied;
  if (!defaults.ok) return defaults;
  return { ok: true, value: { region: session.region, applied: applied.value, defaults: defaults.value, requests: [] }, durationMs: Date.now() - started };
}
