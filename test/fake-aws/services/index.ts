/**
 * The modules every fake serves, in routing order (first match wins). Service Quotas and
 * CloudWatch route on their X-Amz-Target prefixes (ServiceQuotasV20190624.*,
 * GraniteServiceVersion20100801.*). Bedrock Runtime has `listener: 'runtime'`, which makes the
 * core start the HTTP/2 listener.
 */
import type { ServiceModule } from '../serviceModule';
import { bedrockModule } from './bedrock';
import { bedrockRuntimeModule } from './bedrockRuntime';
import { budgetsModule } from './budgets';
import { cloudWatchModule } from './cloudWatch';
import { cloudWatchLogsModule } from './cloudWatchLogs';
import { costExplorerModule } from './costExplorer';
import { serviceQuotasModule } from './serviceQuotas';
import { ssoModule } from './sso';
import { ssoOidcModule } from './ssoOidc';
import { stsModule } from './sts';

export function defaultModules(): ServiceModule[] {
  return [stsModule, ssoModule, ssoOidcModule, bedrockModule, serviceQuotasModule, cloudWatchModule, cloudWatchLogsModule, costExplorerModule, budgetsModule, bedrockRuntimeModule];
}
