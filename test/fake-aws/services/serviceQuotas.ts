/**
 * Service Quotas over awsJson1_1 (`POST /`, `X-Amz-Target: ServiceQuotasV20190624.<Op>`, SigV4
 * name `servicequotas`), ServiceCode `bedrock` only: applied and default listings with paging,
 * single quotas, the increase-request history and new increase requests (kept in the live state).
 * Data per signing region and caller account (scenario.serviceQuotas). Errors are HTTP 400 with
 * `__type` and `Message`, as Service Quotas sends them.
 */
import { randomUUID } from 'node:crypto';
import type { FakeRequest, FakeResponse } from '../http';
import { AwsError, jsonProtocol } from '../protocols';
import type { FakeQuotaRequest, FakeQuotaRequestStatus } from '../scenario';
import type { ServiceContext, ServiceModule } from '../serviceModule';
import {
  SERVICE_QUOTAS_ERROR_MESSAGES,
  appliedValue,
  bodyOf,
  checkDenied,
  findQuota,
  ok,
  page,
  quotaArn,
  quotaRecord,
  quotasView,
  requestRecord,
  requireBedrock,
  stringMember,
  validation,
  type QuotasView,
} from './serviceQuotasWorld';

const TARGET_PREFIX = 'ServiceQuotasV20190624.';
const STATUSES: readonly FakeQuotaRequestStatus[] = ['PENDING', 'CASE_OPENED', 'APPROVED', 'DENIED', 'CASE_CLOSED', 'NOT_APPROVED', 'INVALID_REQUEST'];
const OPEN_STATUSES: readonly FakeQuotaRequestStatus[] = ['PENDING', 'CASE_OPENED'];

function targetOf(req: FakeRequest): string | undefined {
  const target = req.headers['x-amz-target'];
  return req.method === 'POST' && req.path === '/' && target?.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : undefined;
}

function listQuotas(view: QuotasView, body: Record<string, unknown>, kind: 'applied' | 'default'): FakeResponse {
  const operation = kind === 'applied' ? 'ListServiceQuotas' : 'ListAWSDefaultServiceQuotas';
  checkDenied(view, `servicequotas:${operation}`);
  requireBedrock(stringMember(body, 'ServiceCode', true));
  const code = kind === 'applied' ? stringMember(body, 'QuotaCode') : undefined;
  const quotas = code === undefined ? view.catalog : view.catalog.filter((quota) => quota.code === code);
  const result = page(body, quotas, `${operation}|${view.region}|${code ?? ''}`);
  return ok(view.ctx, {
    Quotas: result.items.map((quota) => quotaRecord(view, quota, kind)),
    ...(result.nextToken !== undefined && { NextToken: result.nextToken }),
  });
}

function getQuota(view: QuotasView, body: Record<string, unknown>, kind: 'applied' | 'default'): FakeResponse {
  const code = stringMember(body, 'QuotaCode', true);
  const operation = kind === 'applied' ? 'GetServiceQuota' : 'GetAWSDefaultServiceQuota';
  checkDenied(view, `servicequotas:${operation}`, quotaArn(view.region, view.account, code));
  requireBedrock(stringMember(body, 'ServiceCode', true));
  return ok(view.ctx, { Quota: quotaRecord(view, findQuota(view, code), kind) });
}

/** The account's requests in the signing region, newest first. */
function requestsHere(view: QuotasView): FakeQuotaRequest[] {
  return (view.accountState.requests ?? []).filter((request) => request.region === view.region).sort((a, b) => b.created - a.created);
}

function statusFilter(body: Record<string, unknown>): FakeQuotaRequestStatus | undefined {
  const status = stringMember(body, 'Status');
  if (status !== undefined && !STATUSES.includes(status as FakeQuotaRequestStatus)) {
    throw validation(`1 validation error detected: Value '${status}' at 'status' failed to satisfy constraint: Member must satisfy enum value set: [${STATUSES.join(', ')}]`);
  }
  return status as FakeQuotaRequestStatus | undefined;
}

function listHistory(view: QuotasView, body: Record<string, unknown>, byQuota: boolean): FakeResponse {
  const operation = byQuota ? 'ListRequestedServiceQuotaChangeHistoryByQuota' : 'ListRequestedServiceQuotaChangeHistory';
  checkDenied(view, `servicequotas:${operation}`);
  const serviceCode = stringMember(body, 'ServiceCode', byQuota);
  const code = byQuota ? stringMember(body, 'QuotaCode', true) : undefined;
  if (serviceCode !== undefined) requireBedrock(serviceCode);
  const status = statusFilter(body);
  const requests = requestsHere(view).filter(
    (request) => (status === undefined || request.status === status) && (code === undefined || request.quotaCode === code),
  );
  const result = page(body, requests, `${operation}|${view.region}|${serviceCode ?? ''}|${code ?? ''}|${status ?? ''}`);
  return ok(view.ctx, {
    RequestedQuotas: result.items.map((request) => requestRecord(view, request)),
    ...(result.nextToken !== undefined && { NextToken: result.nextToken }),
  });
}

function getRequest(view: QuotasView, body: Record<string, unknown>): FakeResponse {
  checkDenied(view, 'servicequotas:GetRequestedServiceQuotaChange');
  const id = stringMember(body, 'RequestId', true);
  const request = (view.accountState.requests ?? []).find((candidate) => candidate.id === id);
  if (!request) throw new AwsError(400, 'NoSuchResourceException', SERVICE_QUOTAS_ERROR_MESSAGES.noSuchRequest);
  return ok(view.ctx, { RequestedQuota: requestRecord(view, request) });
}

/**
 * Checked in this order: IAM, service and quota exist, adjustable, no open request for the code,
 * desired value above the value in force, then above the AWS default.
 */
function requestIncrease(view: QuotasView, body: Record<string, unknown>): FakeResponse {
  const code = stringMember(body, 'QuotaCode', true);
  checkDenied(view, 'servicequotas:RequestServiceQuotaIncrease', quotaArn(view.region, view.account, code));
  requireBedrock(stringMember(body, 'ServiceCode', true));
  const desired = body.DesiredValue;
  if (typeof desired !== 'number' || !Number.isFinite(desired)) {
    throw validation("1 validation error detected: Value null at 'desiredValue' failed to satisfy constraint: Member must not be null");
  }
  const quota = findQuota(view, code);
  if (!quota.adjustable) throw new AwsError(400, 'IllegalArgumentException', SERVICE_QUOTAS_ERROR_MESSAGES.notAdjustable);
  if (requestsHere(view).some((request) => request.quotaCode === code && OPEN_STATUSES.includes(request.status))) {
    throw new AwsError(400, 'ResourceAlreadyExistsException', SERVICE_QUOTAS_ERROR_MESSAGES.alreadyOpen);
  }
  if (desired <= appliedValue(view, quota)) throw new AwsError(400, 'IllegalArgumentException', SERVICE_QUOTAS_ERROR_MESSAGES.atOrBelowCurrent);
  if (desired <= quota.defaultValue) throw new AwsError(400, 'IllegalArgumentException', SERVICE_QUOTAS_ERROR_MESSAGES.atOrBelowDefault);

  const request: FakeQuotaRequest = {
    id: randomUUID().replace(/-/g, ''),
    region: view.region,
    quotaCode: code,
    desiredValue: desired,
    status: 'PENDING',
    created: view.ctx.now,
    lastUpdated: view.ctx.now,
    requester: JSON.stringify({ accountId: view.account, callerArn: view.callerArn }),
  };
  const section = view.ctx.state.serviceQuotas;
  if (!section) throw new AwsError(400, 'NoSuchResourceException', SERVICE_QUOTAS_ERROR_MESSAGES.noSuchQuota);
  const account = (section.accounts[view.account] ??= {});
  (account.requests ??= []).push(request);
  return ok(view.ctx, { RequestedQuota: requestRecord({ ...view, accountState: account }, request) });
}

function handle(ctx: ServiceContext): FakeResponse {
  const view = quotasView(ctx);
  const body = bodyOf(ctx.req);
  switch (ctx.operation) {
    case 'ListServiceQuotas':
      return listQuotas(view, body, 'applied');
    case 'ListAWSDefaultServiceQuotas':
      return listQuotas(view, body, 'default');
    case 'GetServiceQuota':
      return getQuota(view, body, 'applied');
    case 'GetAWSDefaultServiceQuota':
      return getQuota(view, body, 'default');
    case 'ListRequestedServiceQuotaChangeHistory':
      return listHistory(view, body, false);
    case 'ListRequestedServiceQuotaChangeHistoryByQuota':
      return listHistory(view, body, true);
    case 'GetRequestedServiceQuotaChange':
      return getRequest(view, body);
    case 'RequestServiceQuotaIncrease':
      return requestIncrease(view, body);
    default:
      throw new AwsError(400, 'UnknownOperationException', `fake-aws servicequotas does not serve ${ctx.operation}`);
  }
}

export const serviceQuotasModule: ServiceModule = {
  name: 'servicequotas',
  signingName: 'servicequotas',
  protocol: jsonProtocol({
    style: 'awsJson1_1',
    messageKey: 'Message',
    throttle: () => new AwsError(400, 'TooManyRequestsException', SERVICE_QUOTAS_ERROR_MESSAGES.throttled),
  }),
  matches: (req) => targetOf(req) !== undefined,
  operation: (req) => targetOf(req) ?? 'Unknown',
  handle,
};
