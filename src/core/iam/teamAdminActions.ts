/**
 * The IAM actions of the Team view and the admin commands (per-developer usage from the invocation
 * logs, actual spend, budgets, invocation logging): admin permissions, never part of a developer's
 * policy. Grouped with titles (en, ja); the admin policy (adminPolicy.ts) takes these groups beside
 * the alarms' own, and a test proves them against the operations the fake AWS logs when the paths run.
 */

import type { Locale } from '../text/locale';
import type { AwsOperation } from './awsActions';

/** One group of actions with what it lets the admin see or do. */
export interface TeamActionGroup {
  readonly id: 'team-usage' | 'invocation-logging' | 'spend' | 'budgets-read' | 'budgets-write';
  readonly title: Readonly<Record<Locale, string>>;
  readonly actions: readonly string[];
  /** Whether the group changes something in the account (needs a preview and a confirmation). */
  readonly writes: boolean;
}

export const TEAM_ADMIN_ACTION_GROUPS: readonly TeamActionGroup[] = [
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
 * Every AWS operation the team paths call (their IAM actions are in the one table, awsActions.ts).
 * PutModelInvocationLoggingConfiguration also needs `iam:PassRole` on the logging role, which AWS
 * checks on the role passed, not as an operation of its own.
 */
export const TEAM_OPERATIONS = [
  'GetCallerIdentity',
  'GetModelInvocationLoggingConfiguration',
  'PutModelInvocationLoggingConfiguration',
  'StartQuery',
  'GetQueryResults',
  'StopQuery',
  'GetDimensionValues',
  'GetCostAndUsage',
  'GetCostForecast',
  'GetMetricData',
  'DescribeBudgets',
  'CreateBudget',
] as const satisfies readonly AwsOperation[];

/** The role Bedrock writes invocation logs with, as the logging plan names it by default. */
export const LOGGING_ROLE_PATTERN = 'arn:aws:iam::*:role/BedrockModelInvocationLogging';
