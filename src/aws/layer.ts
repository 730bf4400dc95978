/**
 * The entry point of `dist/aws.js`: everything that needs the AWS SDK. The extension and the CLI
 * load it on the first AWS call (see loadLayer.ts), so activation and `profiles` never parse it.
 */
export { checkIdentities, checkIdentity } from './profiles/identity';
export { loadCatalog, validateModelAccess } from './models/modelAccess';
export { fetchUsageReport, requestBedrockQuotaIncrease } from './usage/usage';
export { checkResidency } from './residency/residency';
export { applyInvocationLogging, checkInvocationLogging, fetchTeamReport, readLoggingSetup } from './team/team';
export { fetchSpendEstimate, fetchSpendReport } from './spend/spend';
export { createBudget, fetchBudgets } from './budgets/budgets';
export { fetchMeasuredUsage } from './costPlan/measuredUsage';
export { applyAlarms, listAlarms, listTopicArns, planAlarms } from './alarms/alarms';
export { readModelQuotas } from './alarms/stackQuotas';
export { applyTeamDashboard, planTeamDashboard } from './dashboard/dashboard';
