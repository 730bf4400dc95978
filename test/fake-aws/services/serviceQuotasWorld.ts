/**
 * What the Service Quotas operations share: the view one signed request gets (signing region,
 * caller's account), the wire records, paging tokens, and the exact error texts.
 */
import { jsonBody, jsonResponse, type FakeRequest, type FakeResponse } from '../http';
import { AwsError } from '../protocols';
import type { FakeQuotaDefinition, FakeQuotaRequest, FakeServiceQuotasAccount } from '../scenario';
import type { ServiceContext } from '../serviceModule';
import { BEDROCK_ERROR_MESSAGES } from './bedrockWorld';

export const SERVICE_CODE = 'bedrock';
export const SERVICE_NAME = 'Amazon Bedrock';

/**
 * Error texts. Only the IAM denial follows a shape AWS is known to use; the others are plausible
 * texts not verified against AWS.
 */
export const SERVICE_QUOTAS_ERROR_MESSAGES = {
  noSuchService: 'The request failed because the specified service does not exist.',
  noSuchQuota: 'The request failed because the specified quota does not exist.',
  noSuchRequest: 'The request failed because the specified quota increase request does not exist.',
  notAdjustable: 'The request failed because the specified quota is not adjustable.',
  atOrBelowCurrent: 'The request failed because the desired value is less than or equal to the current value.',
  atOrBelowDefault: 'The request failed because the desired value is less than or equal to the AWS default value.',
  alreadyOpen: 'The request failed because an open quota increase request for this quota already exists. Wait until it is closed before you submit another one.',
  invalidToken: 'The request failed because the pagination token is invalid.',
  iamDenied: BEDROCK_ERROR_MESSAGES.iamDenied,
  throttled: 'Rate exceeded',
} as const;

export interface QuotasView {
  region: string;
  account: string;
  callerArn: string;
  /** The region's Bedrock quotas (defaults), in listing order. */
  catalog: FakeQuotaDefinition[];
  /** The account's live section (absent until something is written). */
  accountState: FakeServiceQuotasAccount;
  ctx: ServiceContext;
}

export function quotasView(ctx: ServiceContext): QuotasView {
  const caller = ctx.caller;
  if (!caller) throw new AwsError(403, 'MissingAuthenticationTokenException', 'Missing Authentication Token');
  const section = ctx.state.serviceQuotas;
  return {
    region: caller.region,
    account: caller.key.account,
    callerArn: caller.key.arn,
    catalog: section?.regions[caller.region] ?? [],
    accountState: section?.accounts[caller.key.account] ?? {},
    ctx,
  };
}

export function ok(ctx: ServiceContext, value: unknown): FakeResponse {
  return jsonResponse(200, value, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': ctx.requestId });
}

export function validation(message: string): AwsError {
  return new AwsError(400, 'ValidationException', message);
}

export function bodyOf(req: FakeRequest): Record<string, unknown> {
  const body = jsonBody(req);
  if (!body) throw new AwsError(400, 'SerializationException', 'The request body is not a JSON object.');
  return body;
}

export function stringMember(body: Record<string, unknown>, name: string, required: true): string;
export function stringMember(body: Record<string, unknown>, name: string, required?: boolean): string | undefined;
export function stringMember(body: Record<string, unknown>, name: string, required = false): string | undefined {
  const value = body[name];
  if (value === undefined || value === null) {
    if (required) throw validation(`1 validation error detected: Value null at '${name}' failed to satisfy constraint: Member must not be null`);
    return undefined;
  }
  if (typeof value !== 'string') throw new AwsError(400, 'SerializationException', `${name} must be a string.`);
  return value;
}

/** `servicequotas:<Op>` denied by the account's section (exact action or `servicequotas:*`). */
export function checkDenied(view: QuotasView, action: string, resource?: string): void {
  const denied = view.accountState.deniedActions ?? [];
  if (denied.includes(action) || denied.includes('servicequotas:*')) {
    throw new AwsError(400, 'AccessDeniedException', SERVICE_QUOTAS_ERROR_MESSAGES.iamDenied(view.callerArn, action, resource));
  }
}

export function requireBedrock(serviceCode: string): void {
  if (serviceCode !== SERVICE_CODE) throw new AwsError(400, 'NoSuchResourceException', SERVICE_QUOTAS_ERROR_MESSAGES.noSuchService);
}

export function findQuota(view: QuotasView, code: string): FakeQuotaDefinition {
  const quota = view.catalog.find((candidate) => candidate.code === code);
  if (!quota) throw new AwsError(400, 'NoSuchResourceException', SERVICE_QUOTAS_ERROR_MESSAGES.noSuchQuota);
  return quota;
}

export function quotaArn(region: string, account: string, code: string): string {
  return `arn:aws:servicequotas:${region}:${account}:${SERVICE_CODE}/${code}`;
}

/** The value in force for the account: the applied value, else the default. */
export function appliedValue(view: QuotasView, quota: FakeQuotaDefinition): number {
  return view.accountState.applied?.[view.region]?.[quota.code] ?? quota.defaultValue;
}

/** A ServiceQuota record: applied (with the account in the ARN) or the AWS default (without). */
export function quotaRecord(view: QuotasView, quota: FakeQuotaDefinition, kind: 'applied' | 'default'): Record<string, unknown> {
  return {
    ServiceCode: SERVICE_CODE,
    ServiceName: SERVICE_NAME,
    QuotaArn: quotaArn(view.region, kind === 'applied' ? view.account : '', quota.code),
    QuotaCode: quota.code,
    QuotaName: quota.name,
    Value: kind === 'applied' ? appliedValue(view, quota) : quota.defaultValue,
    Unit: quota.unit ?? 'None',
    Adjustable: quota.adjustable,
    GlobalQuota: false,
    // Bedrock's quotas name no usage metric: usage has to come from CloudWatch.
    UsageMetric: {},
    QuotaAppliedAtLevel: 'ACCOUNT',
    Description: quota.description,
  };
}

const seconds = (ms: number): number => ms / 1000;

export function requestRecord(view: QuotasView, request: FakeQuotaRequest): Record<string, unknown> {
  const catalog = view.ctx.state.serviceQuotas?.regions[request.region] ?? [];
  const quota = catalog.find((candidate) => candidate.code === request.quotaCode);
  return {
    Id: request.id,
    ...(request.caseId !== undefined && { CaseId: request.caseId }),
    ServiceCode: SERVICE_CODE,
    ServiceName: SERVICE_NAME,
    QuotaCode: request.quotaCode,
    ...(quota && { QuotaName: quota.name }),
    DesiredValue: request.desiredValue,
    Status: request.status,
    Created: seconds(request.created),
    LastUpdated: seconds(request.lastUpdated ?? request.created),
    ...(request.requester !== undefined && { Requester: request.requester }),
    QuotaArn: quotaArn(request.region, view.account, request.quotaCode),
    GlobalQuota: false,
    Unit: quota?.unit ?? 'None',
    QuotaRequestedAtLevel: 'ACCOUNT',
  };
}

// --- paging -----------------------------------------------------------------------------------

const MAX_PAGE = 100;

/** One page of `items` and the token of the next; a token is bound to operation, region and filter. */
export function page<T>(body: Record<string, unknown>, items: T[], binding: string): { items: T[]; nextToken?: string } {
  const raw = body.MaxResults;
  let size = MAX_PAGE;
  if (raw !== undefined && raw !== null) {
    if (typeof raw !== 'number' || !Number.isInteger(raw)) throw validation(`1 validation error detected: Value '${String(raw)}' at 'maxResults' failed to satisfy constraint: Member must be an integer`);
    if (raw < 1 || raw > MAX_PAGE) {
      throw validation(`1 validation error detected: Value '${raw}' at 'maxResults' failed to satisfy constraint: Member must have value ${raw < 1 ? 'greater than or equal to 1' : `less than or equal to ${MAX_PAGE}`}`);
    }
    size = raw;
  }
  const token = stringMember(body, 'NextToken');
  const offset = token === undefined ? 0 : decodeToken(token, binding);
  const next = offset + size;
  return {
    items: items.slice(offset, next),
    ...(next < items.length && { nextToken: Buffer.from(JSON.stringify({ v: 1, b: binding, o: next })).toString('base64url') }),
  };
}

function decodeToken(raw: string, binding: string): number {
  let token: { v?: unknown; b?: unknown; o?: unknown } | undefined;
  try {
    token = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as typeof token;
  } catch {
    token = undefined;
  }
  if (!token || token.v !== 1 || token.b !== binding || typeof token.o !== 'number' || !Number.isInteger(token.o) || token.o < 0) {
    throw new AwsError(400, 'InvalidPaginationTokenException', SERVICE_QUOTAS_ERROR_MESSAGES.invalidToken);
  }
  return token.o;
}
