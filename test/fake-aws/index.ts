/**
 * The loopback fake AWS: real AWS SDK v3 clients talk to it over HTTP on 127.0.0.1, so tests
 * exercise the same code paths as production (signing, endpoint resolution, error parsing,
 * credential providers) without mocks and without the network.
 *
 *   const fake = await startFakeAws({ scenario: 'basic' });
 *   new STSClient({ endpoint: fake.endpoint, region: 'ap-northeast-1', credentials, maxAttempts: 1 });
 *   …
 *   await fake.stop();
 */
import { handleControl } from './control';
import { FaultBook, type FaultRule } from './faults';
import { startHttp1Listener, startHttp2Listener, type Listener } from './listeners';
import { createPipeline } from './pipeline';
import { RequestLog, type RequestLogEntry } from './requestLog';
import { cloneScenario, type Scenario } from './scenario';
import { getScenario, type ScenarioName } from './scenarios';
import type { ServiceModule } from './serviceModule';
import { defaultModules } from './services';

export interface StartFakeAwsOptions {
  /** A registered scenario name, or a Scenario object (deep-copied, never mutated). */
  scenario: ScenarioName | Scenario;
  /** Only loopback: the fake must never be reachable from the network. */
  host?: '127.0.0.1';
  /** Port of the main listener; default 0 (a free port). */
  port?: number;
  /** Replaces the default modules (tests of the core that need, say, no runtime listener). */
  modules?: ServiceModule[];
  /** Modules served in addition to the defaults (tried after them). */
  extraModules?: ServiceModule[];
  /**
   * The runtime listener speaks HTTP/1.1 only, as a corporate gateway or proxy in front of
   * Bedrock Runtime may: an h2c client (the SDK's default NodeHttp2Handler) is refused there.
   */
  runtimeHttp1Only?: boolean;
}

export interface FakeAws {
  /** http://127.0.0.1:PORT — STS, SSO, SSO OIDC, Bedrock and the /__fake/ control API. */
  readonly endpoint: string;
  /**
   * http://127.0.0.1:PORT of the Bedrock Runtime listener (HTTP/2, and HTTP/1.1 as Claude Code speaks it;
   * HTTP/1.1 only with `runtimeHttp1Only`); present whenever a runtime module is served, which the defaults do.
   */
  readonly runtimeEndpoint?: string;
  readonly scenarioName: string;
  /** The live scenario state; tests may mutate it (expire keys, revoke tokens, add roles). */
  readonly state: Scenario;
  /** The live request log (cleared in place by clearLog). */
  readonly requests: readonly RequestLogEntry[];
  /** Environment that points a process (SDK, CLI) at the fake. */
  env(): Record<string, string>;
  clearLog(): void;
  inject(rule: FaultRule): void;
  clearFaults(): void;
  stop(): Promise<void>;
}

export async function startFakeAws(options: StartFakeAwsOptions): Promise<FakeAws> {
  const state = typeof options.scenario === 'string' ? getScenario(options.scenario) : cloneScenario(options.scenario);
  const host = options.host ?? '127.0.0.1';
  if (host !== '127.0.0.1') throw new Error('fake-aws listens on 127.0.0.1 only');
  const log = new RequestLog();
  const faults = new FaultBook();
  const modules = [...(options.modules ?? defaultModules()), ...(options.extraModules ?? [])];
  const mainModules = modules.filter((module) => (module.listener ?? 'main') === 'main');
  const runtimeModules = modules.filter((module) => module.listener === 'runtime');

  const mainPipeline = createPipeline({ modules: mainModules, state, log, faults });
  const main = await startHttp1Listener(
    async (req, signal) => handleControl(req, { scenarioName: state.name, log, faults }) ?? mainPipeline(req, signal),
    host,
    options.port ?? 0,
  );
  let runtime: Listener | undefined;
  if (runtimeModules.length > 0) {
    try {
      const start = options.runtimeHttp1Only ? startHttp1Listener : startHttp2Listener;
      runtime = await start(createPipeline({ modules: runtimeModules, state, log, faults }), host, 0);
    } catch (error) {
      await main.close();
      throw error;
    }
  }

  const endpoint = `http://${host}:${main.port}`;
  const runtimeEndpoint = runtime && `http://${host}:${runtime.port}`;
  let stopped: Promise<void> | undefined;
  return {
    endpoint,
    ...(runtimeEndpoint !== undefined && { runtimeEndpoint }),
    scenarioName: state.name,
    state,
    requests: log.entries,
    env() {
      return {
        AWS_ENDPOINT_URL: endpoint,
        // The admin services by their own variables too, so a profile's endpoint settings cannot send them elsewhere.
        AWS_ENDPOINT_URL_CLOUDWATCH_LOGS: endpoint,
        AWS_ENDPOINT_URL_COST_EXPLORER: endpoint,
        AWS_ENDPOINT_URL_BUDGETS: endpoint,
        ...(runtimeEndpoint !== undefined && { AWS_ENDPOINT_URL_BEDROCK_RUNTIME: runtimeEndpoint }),
        // Otherwise the SDK's default chain probes 169.254.169.254, which is not loopback.
        AWS_EC2_METADATA_DISABLED: 'true',
      };
    },
    clearLog: () => log.clear(),
    inject: (rule) => faults.add(rule),
    clearFaults: () => faults.clear(),
    stop() {
      stopped ??= Promise.all([main.close(), runtime?.close()]).then(() => undefined);
      return stopped;
    },
  };
}

export { FAULT_KINDS, type FaultKind, type FaultRule, type InjectedError } from './faults';
export type { RequestLogEntry } from './requestLog';
export type {
  DemoHomeSpec,
  FakeAccessKey,
  FakeAccount,
  FakeApplicationProfile,
  FakeBedrock,
  FakeBedrockAccount,
  FakeBedrockRegion,
  FakeFoundationModel,
  FakeModelAccess,
  FakeOidcClient,
  FakeRefreshToken,
  FakeRole,
  FakeSsoAccessToken,
  FakeSsoAssignment,
  FakeSsoDirectory,
  FakeSystemProfile,
  Scenario,
} from './scenario';
export { applicationProfileArn, foundationModelArn, inferenceProfileArn } from './scenario';
export type { ServiceContext, ServiceModule } from './serviceModule';
export { AwsError, awsQueryProtocol, jsonProtocol, type Protocol } from './protocols';
export { getScenario, scenarioNames, type ScenarioName } from './scenarios';
export { ssoRoleSessionArn } from './services/sso';
export { defaultModules } from './services';
export { BEDROCK_ERROR_MESSAGES } from './services/bedrockWorld';
export { estimateInputTokens } from './services/bedrockRuntime';
export { writeDemoHome, type DemoHome, type WriteDemoHomeOptions } from './demoHome';
