/**
 * The modules every fake serves, in routing order (first match wins). Later services are added
 * here: Service Quotas (X-Amz-Target ServiceQuotasV20190624.*) and CloudWatch (X-Amz-Target
 * GraniteServiceVersion20100801.*). Bedrock Runtime has `listener: 'runtime'`, which makes the
 * core start the HTTP/2 listener.
 */
import type { ServiceModule } from '../serviceModule';
import { bedrockModule } from './bedrock';
import { bedrockRuntimeModule } from './bedrockRuntime';
import { ssoModule } from './sso';
import { ssoOidcModule } from './ssoOidc';
import { stsModule } from './sts';

export function defaultModules(): ServiceModule[] {
  return [stsModule, ssoModule, ssoOidcModule, bedrockModule, bedrockRuntimeModule];
}
