/**
 * What the fault suites expect, shared by the CLI and the extension matrix: the calls a check makes
 * (in the fake's `service:Operation` names), and what a person must read after each fault mode of
 * the fake AWS (English): the failure in words (its HTTP status, "a proxy or gateway answered", "did
 * not finish in time", …) and a fix, and what must never be on screen.
 */
import type { FaultKind } from '../fake-aws';

/** A model check without the probe: the inference profile and the base model's availability. */
export const MODEL_CALLS: readonly string[] = ['bedrock:GetInferenceProfile', 'bedrock:GetFoundationModelAvailability'];
/** A quota read: the applied values, the AWS defaults and the increase requests. */
export const QUOTA_CALLS: readonly string[] = ['servicequotas:ListServiceQuotas', 'servicequotas:ListAWSDefaultServiceQuotas', 'servicequotas:ListRequestedServiceQuotaChangeHistory'];
/** A usage read: the quotas, and the metrics in one GetMetricData. */
export const USAGE_CALLS: readonly string[] = [...QUOTA_CALLS, 'cloudwatch:GetMetricData'];

/** The failure in words, per fault mode. */
export const FAULT_WORDS: Readonly<Record<FaultKind, RegExp>> = {
  throttle: /throttl|too many requests/i,
  'json-500': /HTTP 500 \(internal server error\)/,
  'json-503': /HTTP 503 \(service unavailable\)/,
  'html-500': /HTTP 500 \(internal server error\), an HTML page instead of an AWS answer: a proxy or gateway answered/,
  'html-503': /HTTP 503 \(service unavailable\), an HTML page instead of an AWS answer: a proxy or gateway answered/,
  hang: /did not finish in time/,
  malformed: /a body that is not a valid AWS answer \(truncated or malformed\)/,
  reset: /the connection broke in the middle of the answer/,
  'expired-credentials': /expired/,
};

/** The fix, per fault mode. */
export const FAULT_FIXES: Readonly<Record<FaultKind, RegExp>> = {
  throttle: /wait|retry|try again/i,
  'json-500': /try again/i,
  'json-503': /try again/i,
  'html-500': /try again/i,
  'html-503': /try again/i,
  hang: /check the network|try again/i,
  malformed: /try again/i,
  reset: /try again/i,
  'expired-credentials': /fresh credentials|sign in/i,
};

/** Never in front of a person, on any surface. */
export const NEVER_SHOWN: readonly (readonly [RegExp, string])[] = [
  [/\bundefined\b/, '"undefined"'],
  [/\[object Object\]/, '"[object Object]"'],
  [/\bNaN\b/, '"NaN"'],
  [/\$response|Deserialization error|SyntaxError|Unexpected token|is not valid JSON|XML parse error|Unterminated string/, "a parser's or the SDK's own text"],
];
