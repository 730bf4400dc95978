/**
 * Mocha hooks for tests that run the SDK in this process against the fake AWS: one fake per
 * suite, and per test a fresh demo HOME with every profile kind, the process environment
 * pointed at both, and everything put back afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeAws, writeDemoHome, type FakeAws } from '../fake-aws';
import type { ScenarioName } from '../fake-aws/scenarios';
import { snapshotEnv } from '../fake-aws/testEnv';

// Unique across the whole run: the SDK refuses to retry an SSO refresh of one session name within 30 s.
let homes = 0;

export interface FakeAwsHome {
  readonly fake: FakeAws;
  readonly home: string;
}

export interface FakeAwsHomeOptions {
  /** The fake's runtime listener speaks HTTP/1.1 only (a gateway that refuses h2c). */
  readonly runtimeHttp1Only?: boolean;
}

export function useFakeAwsHome(prefix: string, scenario: ScenarioName = 'basic', options: FakeAwsHomeOptions = {}): FakeAwsHome {
  let fake: FakeAws | undefined;
  let home: string | undefined;
  let restoreEnv: (() => void) | undefined;
  before(async () => {
    fake = await startFakeAws({ scenario, runtimeHttp1Only: options.runtimeHttp1Only === true });
  });
  after(async () => fake?.stop());
  beforeEach(async () => {
    restoreEnv = snapshotEnv();
    home = mkdtempSync(join(tmpdir(), `cbs-${prefix}-`));
    await writeDemoHome(home, fake!.state, { ssoSessionSuffix: `-${prefix}-${++homes}` });
    process.env.HOME = home;
    Object.assign(process.env, fake!.env());
    fake!.clearLog();
    fake!.clearFaults();
  });
  afterEach(() => {
    restoreEnv?.();
    if (home) rmSync(home, { recursive: true, force: true });
  });
  return {
    get fake() {
      return fake!;
    },
    get home() {
      return home!;
    },
  };
}
