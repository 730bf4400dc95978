/**
 * The one table of what the AWS layer calls: each SDK operation the extension and the CLI send, and
 * the IAM action AWS authorises it as. The policies (developer and admin), the denial diagnoses and
 * the test that runs every path against the fake AWS read this table.
 */

/** Every SDK operation the AWS layer sends (credential plumbing such as SSO and AssumeRole aside). */
export const OPERATION_ACTIONS = {
  GetCallerIdentity: 'sts:GetCallerIdentity',
  ListInferenceProfiles: 'bedrock:ListInferenceProfiles',
  GetInferenceProfile: 'bedrock:GetInferenceProfile',
  ListFoundationModels: 'bedrock:ListFoundationModels',
  GetFoundationModelAvailability: 'bedrock:GetFoundationModelAvailability',
  // The one-token probe: IAM authorises Converse as InvokeModel.
  Converse: 'bedrock:InvokeModel',
  ListServiceQuotas: 'servicequotas:ListServiceQuotas',
  ListAWSDefaultServiceQuotas: 'servicequotas:ListAWSDefaultServiceQuotas',
  ListRequestedServiceQuotaChangeHistory: 'servicequotas:ListRequestedServiceQuotaChangeHistory',
  GetMetricData: 'cloudwatch:GetMetricData',
  // The Quotas & Usage view and the status bar read the alarms' state.
  DescribeAlarms: 'cloudwatch:DescribeAlarms',
  // Changes to the account.
  RequestServiceQuotaIncrease: 'servicequotas:RequestServiceQuotaIncrease',
  PutMetricAlarm: 'cloudwatch:PutMetricAlarm',
  PutDashboard: 'cloudwatch:PutDashboard',
  GetDashboard: 'cloudwatch:GetDashboard',
  ListTopics: 'sns:ListTopics',
  CreateTopic: 'sns:CreateTopic',
  ListSubscriptionsByTopic: 'sns:ListSubscriptionsByTopic',
  Subscribe: 'sns:Subscribe',
  // The Team view and the admin commands: per-developer usage from the invocation logs (Logs
  // Insights), actual spend (Cost Explorer), budgets, invocation logging.
  GetModelInvocationLoggingConfiguration: 'bedrock:GetModelInvocationLoggingConfiguration',
  PutModelInvocationLoggingConfiguration: 'bedrock:PutModelInvocationLoggingConfiguration',
  StartQuery: 'logs:StartQuery',
  GetQueryResults: 'logs:GetQueryResults',
  StopQuery: 'logs:StopQuery',
  GetDimensionValues: 'ce:GetDimensionValues',
  GetCostAndUsage: 'ce:GetCostAndUsage',
  GetCostForecast: 'ce:GetCostForecast',
  // The Budgets API has no action named after these operations.
  DescribeBudgets: 'budgets:ViewBudget',
  CreateBudget: 'budgets:ModifyBudget',
} as const satisfies Readonly<Record<string, string>>;

export type AwsOperation = keyof typeof OPERATION_ACTIONS;

/** The IAM action of an operation, when the table knows the operation. */
export function actionOf(operation: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(OPERATION_ACTIONS, operation) ? OPERATION_ACTIONS[operation as AwsOperation] : undefined;
}

/**
 * An action as a denial message names it, in IAM's spelling: services write their own prefix in
 * upper case at times (SNS says `SNS:CreateTopic`), IAM's prefixes are lower case.
 */
export function normalizeAction(action: string): string {
  const colon = action.indexOf(':');
  return colon < 0 ? action : `${action.slice(0, colon).toLowerCase()}${action.slice(colon)}`;
}

/** The error names AWS services give an access denial (Budgets says AccessDeniedFault, SNS AuthorizationError…). */
const ACCESS_DENIED = new Set([
  'AccessDeniedException',
  'AccessDenied',
  'AccessDeniedFault',
  'UnauthorizedOperation',
  'AuthorizationError',
  'AuthorizationErrorException',
]);

/**
 * The IAM action a failed call was refused, when it failed as an access denial; undefined for any
 * other failure. AWS names the action it refused ("… is not authorized to perform: logs:StartQuery on
 * resource …"); without that, the table's action of the operation, then `fallback`.
 */
export function refusedAction(error: { readonly operation: string; readonly name?: string; readonly message?: string }, fallback: string): string | undefined {
  if (error.name === undefined || !ACCESS_DENIED.has(error.name)) return undefined;
  const named = /perform:\s*([A-Za-z0-9-]+:[A-Za-z0-9*]+)/.exec(error.message ?? '')?.[1];
  return normalizeAction(named ?? actionOf(error.operation) ?? fallback);
}
