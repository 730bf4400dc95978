/**
 * The IAM actions of the Team view and the admin commands (per-developer usage from the invocation
 * logs, actual spend, budgets, invocation logging): admin permissions, never part of a developer's
 * policy. Grouped with titles so an admin policy can be built from the groups, and one table maps
 * every AWS operation these paths call to the action it needs (a test proves the table against the
 * operations the fake AWS logs when the paths run).
 */

import type { Locale } from '../text/locale';

/** One group of actions with what it lets the admin see or do. */
export interface AdminActionGroup {
  readonly id: 'team-usage' | 'invocation-logging' | 'spend' | 'budgets-read' | 'budgets-write';
  readonly title: Readonly<Record<Locale, string>>;
  readonly actions: readonly string[];
  /** Whether the group changes something in the account (needs a preview and a confirmation). */
  readonly writes: boolean;
}

export const TEAM_ADMIN_ACTION_GROUPS: readonly AdminActionGroup[] = [
  {
    id: 'team-usage',
    title: {
      en: 'Per-developer usage: one Logs Insights query over the Bedrock invocation logs (metadata fields only)',
      ja: '開発者ごとの使用量: Bedrock の呼び出しログに対する Logs Insights クエリ (メタデータのみ)',
    },
    actions: ['bedrock:GetModelInvocationLoggingConfiguration', 'logs:StartQuery', 'logs:GetQueryResults', 'logs:StopQuery', 'sts:GetCallerIdentity'],
    writes: false,
  },
  {
    id: 'invocation-logging',
    title: { en: 'Turn on model invocation logging to CloudWatch Logs (after a preview)', ja: 'モデル呼び出しログを CloudWatch Logs に有効化 (プレビューの後)' },
    actions: ['bedrock:PutModelInvocationLoggingConfiguration', 'iam:PassRole'],
    writes: true,
  },
  {
    id: 'spend',
    title: { en: 'Actual spend and forecast from Cost Explorer (Claude on Bedrock only)', ja: 'Cost Explorer の実コストと予測 (Bedrock 上の Claude のみ)' },
    actions: ['ce:GetDimensionValues', 'ce:GetCostAndUsage', 'ce:GetCostForecast', 'cloudwatch:GetMetricData'],
    writes: false,
  },
  {
    id: 'budgets-read',
    title: { en: 'Budgets that cover Claude on Bedrock, with actual and forecast spend', ja: 'Bedrock 上の Claude を含む予算と、その実績・予測' },
    actions: ['budgets:ViewBudget'],
    writes: false,
  },
  {
    id: 'budgets-write',
    title: { en: 'Create a monthly budget with alerts (after a preview)', ja: 'アラート付きの月次予算を作成 (プレビューの後)' },
    actions: ['budgets:ModifyBudget'],
    writes: true,
  },
];

/**
 * Every AWS operation the team paths call, with the IAM action AWS checks for it. CreateBudget is
 * authorised by `budgets:ModifyBudget` and DescribeBudgets by `budgets:ViewBudget` (the Budgets
 * API has no action named after the operation); PutModelInvocationLoggingConfiguration also needs
 * `iam:PassRole` on the logging role, which AWS checks on the role, not as an operation.
 */
export const TEAM_OPERATION_ACTIONS: Readonly<Record<string, string>> = {
  GetCallerIdentity: 'sts:GetCallerIdentity',
  GetModelInvocationLoggingConfiguration: 'bedrock:GetModelInvocationLoggingConfiguration',
  PutModelInvocationLoggingConfiguration: 'bedrock:PutModelInvocationLoggingConfiguration',
  StartQuery: 'logs:StartQuery',
  GetQueryResults: 'logs:GetQueryResults',
  StopQuery: 'logs:StopQuery',
  GetDimensionValues: 'ce:GetDimensionValues',
  GetCostAndUsage: 'ce:GetCostAndUsage',
  GetCostForecast: 'ce:GetCostForecast',
  GetMetricData: 'cloudwatch:GetMetricData',
  DescribeBudgets: 'budgets:ViewBudget',
  CreateBudget: 'budgets:ModifyBudget',
};

/** Every action of the groups, sorted and without repeats (what an admin policy statement lists). */
export function teamAdminActions(groups: readonly AdminActionGroup[] = TEAM_ADMIN_ACTION_GROUPS): string[] {
  return [...new Set(groups.flatMap((group) => group.actions))].sort();
}

/** The role Bedrock writes invocation logs with, as the logging plan names it by default. */
const LOGGING_ROLE_PATTERN = 'arn:aws:iam::*:role/BedrockModelInvocationLogging';

export interface AdminPolicyStatement {
  readonly Sid: string;
  readonly Effect: 'Allow';
  readonly Action: readonly string[];
  readonly Resource: string;
  readonly Condition?: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

/**
 * An IAM policy document granting the groups' actions, one statement per group. These read and
 * budget actions take no narrower resource; `iam:PassRole` is limited to the logging role, passed
 * to Bedrock only.
 */
export function teamAdminPolicyDocument(groups: readonly AdminActionGroup[] = TEAM_ADMIN_ACTION_GROUPS): { readonly Version: '2012-10-17'; readonly Statement: readonly AdminPolicyStatement[] } {
  const sid = (id: string) => id.split('-').map((part) => part[0]!.toUpperCase() + part.slice(1)).join('');
  const statements: AdminPolicyStatement[] = [];
  for (const group of groups) {
    const actions = group.actions.filter((action) => action !== 'iam:PassRole');
    statements.push({ Sid: `ClaudeBedrockTeam${sid(group.id)}`, Effect: 'Allow', Action: [...actions].sort(), Resource: '*' });
    if (group.actions.includes('iam:PassRole')) {
      statements.push({ Sid: `ClaudeBedrockTeam${sid(group.id)}PassRole`, Effect: 'Allow', Action: ['iam:PassRole'], Resource: LOGGING_ROLE_PATTERN, Condition: { StringEquals: { 'iam:PassedToService': 'bedrock.amazonaws.com' } } });
    }
  }
  return { Version: '2012-10-17', Statement: statements };
}
