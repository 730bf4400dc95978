/**
 * What the fake's awsJson1_1 services of the Team view (CloudWatch Logs, Cost Explorer, Budgets)
 * share: the operation named by `X-Amz-Target: <prefix>.<Op>` on `POST /`, their 200 answer, and
 * the JSON body they read.
 */
import { jsonBody, jsonResponse, type FakeRequest, type FakeResponse } from '../http';
import { AwsError } from '../protocols';
import type { ServiceContext } from '../serviceModule';

/** The operation of an awsJson request to the service of `prefix` (`Logs_20140328.`), or undefined. */
export function awsJsonOperation(req: FakeRequest, prefix: string): string | undefined {
  const target = req.headers['x-amz-target'];
  return req.method === 'POST' && req.path === '/' && target?.startsWith(prefix) ? target.slice(prefix.length) : undefined;
}

export function awsJsonOk(ctx: ServiceContext, value: unknown): FakeResponse {
  return jsonResponse(200, value, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': ctx.requestId });
}

export function awsJsonBody(req: FakeRequest): Record<string, unknown> {
  const value = jsonBody(req);
  if (!value) throw new AwsError(400, 'SerializationException', 'The request body is not a JSON object.');
  return value;
}
