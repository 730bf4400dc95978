/**
 * What every CloudWatch operation of fake-aws shares: the caller's account section (created on
 * first write), IAM denials by action, and the service's error shapes.
 */
import { AwsError } from '../protocols';
import type { FakeCloudWatchAccount } from '../scenario';
import type { ServiceContext } from '../serviceModule';
import { BEDROCK_ERROR_MESSAGES } from './bedrockWorld';

export const invalid = (message: string): AwsError => new AwsError(400, 'InvalidParameterValueException', message);
export const missing = (parameter: string): AwsError => new AwsError(400, 'MissingRequiredParameterException', `The parameter ${parameter} is required.`);
/** PutMetricAlarm's checks answer ValidationError (the SDK's ValidationException), as the Query API did. */
export const validation = (message: string): AwsError => new AwsError(400, 'ValidationException', message);

export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function callerOf(ctx: ServiceContext): NonNullable<ServiceContext['caller']> {
  if (!ctx.caller) throw new AwsError(403, 'MissingAuthenticationTokenException', 'Missing Authentication Token');
  return ctx.caller;
}

/** The caller's CloudWatch section, created when `create` (a write) and absent. */
export function accountOf(ctx: ServiceContext, create: boolean): FakeCloudWatchAccount | undefined {
  const caller = callerOf(ctx);
  if (!create) return ctx.state.cloudWatch?.accounts[caller.key.account];
  ctx.state.cloudWatch ??= { accounts: {} };
  return (ctx.state.cloudWatch.accounts[caller.key.account] ??= {});
}

/** Refuses an action the scenario denies, naming it as IAM does. */
export function requireAllowed(ctx: ServiceContext, action: string): void {
  const caller = callerOf(ctx);
  const denied = ctx.state.cloudWatch?.accounts[caller.key.account]?.deniedActions ?? [];
  if (denied.includes(action) || denied.includes('cloudwatch:*')) throw new AwsError(403, 'AccessDeniedException', BEDROCK_ERROR_MESSAGES.iamDenied(caller.key.arn, action));
}
