/**
 * The admin's IAM policy: what the team-admin features call (alarms, their SNS notifications, the
 * dashboard, the quota values they are built from, quota increase requests), as a list of action
 * groups. Each group is one statement; another feature adds its actions by adding a group to
 * ADMIN_ACTION_GROUPS. The developer's policy is iamPolicy.ts.
 */

import { OPERATION_ACTIONS } from './awsActions';
import type { IamPolicyDocument, IamPolicyStatement } from './iamPolicy';

/** One statement of the admin policy: what it is for, and its actions. */
export interface AdminActionGroup {
  /** The statement's Sid: letters and digits only. */
  readonly sid: string;
  /** What the actions are for, in English (the policy's description, the docs). */
  readonly title: string;
  readonly actions: readonly string[];
}

const A = OPERATION_ACTIONS;

/** The admin features of this extension (alarms, notifications, dashboard, quota values and increases). */
export const ALARM_ADMIN_ACTIONS: readonly AdminActionGroup[] = [
  { sid: 'CloudWatchAlarms', title: 'Create and read the throttling and quota-use alarms', actions: [A.PutMetricAlarm, A.DescribeAlarms] },
  {
    sid: 'AlarmNotifications',
    title: 'List SNS topics for alarm actions, create a topic and subscribe an e-mail address (once: its subscriptions are read first)',
    actions: [A.ListTopics, A.CreateTopic, A.ListSubscriptionsByTopic, A.Subscribe],
  },
  { sid: 'TeamDashboard', title: 'Create and read the team dashboard', actions: [A.PutDashboard, A.GetDashboard] },
  { sid: 'QuotaValues', title: 'Read the Bedrock quota values the thresholds and annotations come from', actions: [A.ListServiceQuotas, A.ListAWSDefaultServiceQuotas] },
  { sid: 'QuotaIncreases', title: 'Request Bedrock quota increases (Quotas & Usage, Request increase…)', actions: [A.RequestServiceQuotaIncrease] },
];

/** Every group of the admin policy, in statement order. */
export const ADMIN_ACTION_GROUPS: readonly AdminActionGroup[] = [...ALARM_ADMIN_ACTIONS];

/** Every action of the admin policy, sorted, each once. */
export function adminActions(groups: readonly AdminActionGroup[] = ADMIN_ACTION_GROUPS): string[] {
  return [...new Set(groups.flatMap((group) => group.actions))].sort();
}

/**
 * The admin policy: one statement per group. These actions take no resource-level restriction worth
 * the complexity here (alarms and dashboards are named by the caller, topics by their name), so each
 * statement allows `*`.
 */
export function buildAdminPolicy(groups: readonly AdminActionGroup[] = ADMIN_ACTION_GROUPS): IamPolicyDocument {
  const statements: IamPolicyStatement[] = groups.map((group) => ({ Sid: group.sid, Effect: 'Allow', Action: [...new Set(group.actions)].sort(), Resource: ['*'] }));
  return { Version: '2012-10-17', Statement: statements };
}
