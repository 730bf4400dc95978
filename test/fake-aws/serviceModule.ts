/**
 * The contract between the fake's core and one AWS service. Adding a service (Bedrock control
 * plane, Service Quotas, CloudWatch, Bedrock Runtime) means writing one of these and listing it in
 * services/index.ts; the core routes, authenticates, injects faults and logs without knowing it.
 */
import type { Caller } from './auth';
import type { FakeRequest, FakeResponse } from './http';
import type { Protocol } from './protocols';
import type { Scenario } from './scenario';

export interface ServiceContext {
  req: FakeRequest;
  operation: string;
  requestId: string;
  /** The live, mutable scenario state of this server. */
  state: Scenario;
  /** Who signed the request; present exactly when the module has a signingName. */
  caller?: Caller;
  /** The clock for this request (epoch ms), so expiry checks agree within one request. */
  now: number;
}

export interface ServiceModule {
  /** Name used in the request log and in fault rules: 'sts', 'sso', 'bedrock', … */
  readonly name: string;
  /** SigV4 signing name; when set, the core verifies the signature before `handle`. */
  readonly signingName?: string;
  /** Which listener serves the module; Bedrock Runtime needs the HTTP/2 one. Default 'main'. */
  readonly listener?: 'main' | 'runtime';
  readonly protocol: Protocol;
  /** Cheap, side-effect-free test on the request's shape (method, path, headers, body). */
  matches(req: FakeRequest): boolean;
  /** The AWS operation name, for the log and fault matching. */
  operation(req: FakeRequest): string;
  /**
   * The resource the request names, for the log: Bedrock's decoded model or profile identifier
   * of the path. Side-effect-free; must never return a secret.
   */
  resource?(req: FakeRequest): string | undefined;
  /** The answer; throw an AwsError for service errors. */
  handle(ctx: ServiceContext): FakeResponse | Promise<FakeResponse>;
}
