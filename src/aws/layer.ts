/**
 * The entry point of `dist/aws.js`: everything that needs the AWS SDK. The extension and the CLI
 * load it on the first AWS call (see loadLayer.ts), so activation and `profiles` never parse it.
 */
export { checkIdentities, checkIdentity } from './identity';
export { loadCatalog, validateModelAccess } from './modelAccess';
export { fetchUsageReport, requestBedrockQuotaIncrease } from './usage';
export { checkResidency } from './residency';
