/**
 * The admin's IAM policy: what the team-admin features call — alarms, their SNS notifications, the
 * dashboard, the quota values they are built from, quota increase requests, and the Team view's
 * per-developer usage, spend, budgets and invocation logging (teamAdminActions.ts) — as a list of
 * action groups. Each group is one statement. The developer's policy is iamPolicy.ts.
 */

import { OPERATION_ACTIONS } from './awsActions';
import { LOGGING_ROLE_PATTERN, TEAM_ADMIN_ACTION_GROUPS, type TeamActionGroup } from './teamAdminActions';
import type { IamPolicyDocument, IamPolicyStatement } from './iamPolicy';

/** One statement of the admin policy: what it is for, and its actions. */
export interface AdminActionGroup {
  /** The statement's Sid: letters and digits only. */
  readonly sid: string;
  /** What the actions are for, in English (the policy's description, the docs). */
  readonly title: string;
  readonly actions: readonly string[];
  /** What the statement is limited to; absent: `*`. */
  readonly resource?: string;
  readonly condition?: Readonly<Record<string, Readonly<Record<string, string>>>>;
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

/**
 * The Team view's groups as statements: `iam:PassRole` (turning invocation logging on passes the
 * logging role to Bedrock) gets a statement of its own, limited to that role and to Bedrock.
 */
function teamStatements(group: TeamActionGroup): AdminActionGroup[] {
  const sid = `Team${group.id.split('-').map((part) => part[0]!.toUpperCase() + part.slice(1)).join('')}`;
  const actions = group.actions.filter((action) => action !== 'iam:PassRole');
  const statements: AdminActionGroup[] = [{ sid, title: group.title.en, actions }];
  if (actions.length < group.actions.length) {
    statements.push({ sid: `${sid}PassRole`, title: 'Pass the logging role to Bedrock only', actions: ['iam:PassRole'], resource: LOGGING_ROLE_PATTERN, condition: { StringEquals: { 'iam:PassedToService': 'bedrock.amazonaws.com' } } });
  }
  return statements;
}

/** The Team view's part of the admin policy (per-developer usage, spend, budgets, invocation logging). */
export const TEAM_ADMIN_STATEMENTS: readonly AdminActionGroup[] = TEAM_ADMIN_ACTION_GROUPS.flatMap(teamStatements);

/** Every group of the admin policy, in statement order. */
export const ADMIN_ACTION_GROUPS: readonly AdminActionGroup[] = [...ALARM_ADMIN_ACTIONS, ...TEAM_ADMIN_STATEMENTS];

/** Every action of the admin policy, sorted, each once. */
export function adminActions(groups: readonly Pick<AdminActionGroup, 'actions'>[] = ADMIN_ACTION_GROUPS): string[] {
  return [...new Set(groups.flatMap((group) => group.actions))].sort();
}

/**
 * The admin policy: one statement per group. Most of these actions take no resource-level
 * restriction worth the complexity here (alarms and dashboards are named by the caller, topics by
 * their name, reads of logs, costs and budgets are account-wide), so their statements allow `*`;
 * a group that names its resource is limited to it.
 */
export function buildAdminPolicy(groups: readonly AdminActionGroup[] = ADMIN_ACTION_GROUPS): IamPolicyDocument {
  const statements: IamPolicyStatement[] = groups.map((group) => ({
    Sid: group.sid,
    Effect: 'Allow',
    Action: [...new Set(group.actions)].sort(),
    Resource: [group.resource ?? '*'],
    ...(group.condition ? { Condition: group.condition } : {}),
  }));
  return { Version: '2012-10-17', Statement: statements };
}
