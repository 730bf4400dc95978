/**
 * What turning on model invocation logging to CloudWatch Logs involves, as a plan to preview before
 * anything changes: the exact configuration PutModelInvocationLoggingConfiguration would set (an
 * existing S3 destination is kept), the log group and the role Bedrock writes with, and the
 * commands that create those two (an admin runs them: this extension does not create IAM roles).
 * The logs then hold every prompt and answer of the account in that Region: an admin decision.
 */

import { partitionOf } from '../iam/iamPolicy';
import type { InvocationLoggingConfig, LoggingState } from './teamTypes';
import { loggingState } from './teamQuery';

export const DEFAULT_LOG_GROUP = '/aws/bedrock/modelinvocations';
export const DEFAULT_LOGGING_ROLE = 'BedrockModelInvocationLogging';
/** Days the plan suggests keeping the logs (a retention the admin sets on the log group). */
export const SUGGESTED_RETENTION_DAYS = 30;

export interface LoggingPlanInput {
  readonly region: string;
  readonly accountId: string;
  /** The configuration in force, when it could be read (absent: logging is off). */
  readonly current?: InvocationLoggingConfig;
  readonly logGroupName?: string;
  /** An existing role's ARN; absent: the plan names the role it asks the admin to create. */
  readonly roleArn?: string;
}

export interface LoggingPlan {
  readonly region: string;
  readonly accountId: string;
  readonly before: LoggingState;
  /** What PutModelInvocationLoggingConfiguration sets. */
  readonly config: InvocationLoggingConfig;
  readonly logGroupName: string;
  readonly roleArn: string;
  /** The role's trust policy: Bedrock of this account and Region may assume it. */
  readonly trustPolicy: object;
  /** The role's permission policy: write log streams and events to the log group only. */
  readonly permissionPolicy: object;
  /** AWS CLI commands that create the log group and the role, for the admin to run first. */
  readonly prerequisites: readonly string[];
  /** Nothing to do: logs already go to this log group. */
  readonly unchanged: boolean;
}

const NAME = /^[\w+=,.@/#-]{1,512}$/;

/** The plan, or the reason the inputs cannot make one. */
export function planInvocationLogging(input: LoggingPlanInput): { ok: true; plan: LoggingPlan } | { ok: false; reason: 'bad-log-group' | 'bad-role' | 'bad-account' } {
  const logGroupName = input.logGroupName ?? input.current?.cloudWatch?.logGroupName ?? DEFAULT_LOG_GROUP;
  if (!NAME.test(logGroupName)) return { ok: false, reason: 'bad-log-group' };
  if (!/^\d{12}$/.test(input.accountId)) return { ok: false, reason: 'bad-account' };
  const partition = partitionOf(input.region);
  const roleArn = input.roleArn ?? input.current?.cloudWatch?.roleArn ?? `arn:${partition}:iam::${input.accountId}:role/${DEFAULT_LOGGING_ROLE}`;
  if (!/^arn:aws[\w-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/.test(roleArn)) return { ok: false, reason: 'bad-role' };
  const roleName = roleArn.slice(roleArn.lastIndexOf('/') + 1);
  const before = loggingState(input.current);
  const config: InvocationLoggingConfig = {
    cloudWatch: { logGroupName, roleArn },
    ...(input.current?.s3 ? { s3: input.current.s3 } : {}),
    // Token counts and the caller come with the record's metadata; the text is what Bedrock documents as logged with it.
    textDataDelivery: true,
    imageDataDelivery: false,
    embeddingDataDelivery: false,
  };
  const trustPolicy = {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Service: 'bedrock.amazonaws.com' },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'aws:SourceAccount': input.accountId }, ArnLike: { 'aws:SourceArn': `arn:${partition}:bedrock:${input.region}:${input.accountId}:*` } },
      },
    ],
  };
  const permissionPolicy = {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        Resource: `arn:${partition}:logs:${input.region}:${input.accountId}:log-group:${logGroupName}:log-stream:aws/bedrock/modelinvocations`,
      },
    ],
  };
  const quote = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;
  const prerequisites = [
    `aws logs create-log-group --region ${input.region} --log-group-name ${quote(logGroupName)}`,
    `aws logs put-retention-policy --region ${input.region} --log-group-name ${quote(logGroupName)} --retention-in-days ${SUGGESTED_RETENTION_DAYS}`,
    `aws iam create-role --role-name ${quote(roleName)} --assume-role-policy-document ${quote(JSON.stringify(trustPolicy))}`,
    `aws iam put-role-policy --role-name ${quote(roleName)} --policy-name BedrockInvocationLogsWrite --policy-document ${quote(JSON.stringify(permissionPolicy))}`,
  ];
  const unchanged = before.state === 'cloudwatch' && before.logGroupName === logGroupName && input.current?.cloudWatch?.roleArn === roleArn;
  return { ok: true, plan: { region: input.region, accountId: input.accountId, before, config, logGroupName, roleArn, trustPolicy, permissionPolicy, prerequisites, unchanged } };
}

/** Whether the configuration read back after applying is the plan's: logs to its log group, written with its role. */
export function loggingApplied(readBack: InvocationLoggingConfig | undefined, plan: Pick<LoggingPlan, 'logGroupName' | 'roleArn'>): boolean {
  return readBack?.cloudWatch?.logGroupName === plan.logGroupName && readBack.cloudWatch.roleArn === plan.roleArn;
}
