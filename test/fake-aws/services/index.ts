/**
 * The modules every fake serves, in routing order (first match wins). Later services are added
 * here: Bedrock control plane (restJson1 paths), Service Quotas (X-Amz-Target
 * ServiceQuotasV20190624.*), CloudWatch (X-Amz-Target GraniteServiceVersion20100801.*), and
 * Bedrock Runtime with `listener: 'runtime'`, which makes the core start the HTTP/2 listener.
 */
import type { ServiceModule } from '../serviceModule';
import { ssoModule } from './sso';
import { ssoOidcModule } from './ssoOidc';
import { stsModule } from './sts';

export function defaultModules(): ServiceModule[] {
  return [stsModule, ssoModule, ssoOidcModule];
}
