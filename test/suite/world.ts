/**
 * The world the in-host suite runs in, prepared by its launchers (Node side, never bundled into
 * the host): the loopback fake AWS, a demo HOME with the scenario's ~/.aws files, a workspace
 * folder, and the environment VS Code and its extension host get.
 *
 * The environment is explicit: every inherited AWS_* variable is dropped, AWS_EC2_METADATA_DISABLED
 * is set, and every AWS endpoint points at the fake on 127.0.0.1.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { getScenario, startFakeAws, writeDemoHome, type FakeAws, type ScenarioName } from '../fake-aws';
import { SUITE_ENV } from './env';

export interface SuiteWorld {
  root: string;
  home: string;
  workspace: string;
  fake: FakeAws;
  profiles: string[];
  /** Variables to set for VS Code (on top of a cleaned environment): HOME, AWS endpoints, CBS_SUITE_*. */
  env: Record<string, string>;
  /** Stops the fake AWS and removes `root` unless `keep`. */
  dispose(keep?: boolean): Promise<void>;
}

export async function prepareSuiteWorld(options: { scenario?: ScenarioName; root?: string } = {}): Promise<SuiteWorld> {
  const root = options.root ?? fs.mkdtempSync(path.join(os.tmpdir(), 'cbs-suite-'));
  const home = path.join(root, 'home');
  const workspace = path.join(root, 'workspace');
  fs.mkdirSync(home, { recursive: true });
  fs.mkdirSync(workspace, { recursive: true });
  fs.writeFileSync(path.join(workspace, 'README.md'), '# in-host suite workspace\n');

  const fake = await startFakeAws({ scenario: getScenario(options.scenario ?? 'basic') });
  try {
    // The live state, so the cached SSO tokens' expiries match what this fake believes.
    const demo = await writeDemoHome(home, fake.state);
    const env: Record<string, string> = {
      HOME: home,
      XDG_CONFIG_HOME: path.join(home, '.config'),
      XDG_DATA_HOME: path.join(home, '.local', 'share'),
      ...fake.env(),
      AWS_EC2_METADATA_DISABLED: 'true',
      // The bundled SDK supports Node 20; its warning is about SDK releases we do not use.
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      // This machine's own Claude Code managed settings (if any) must not shape the tests.
      CLAUDE_BEDROCK_MANAGED_SETTINGS_DIR: path.join(home, 'no-managed-settings'),
      [SUITE_ENV.fakeAws]: fake.endpoint,
      [SUITE_ENV.profiles]: demo.profiles.join(','),
      [SUITE_ENV.scenario]: fake.scenarioName,
    };
    return {
      root,
      home,
      workspace,
      fake,
      profiles: demo.profiles,
      env,
      async dispose(keep = false) {
        await fake.stop();
        if (!keep) fs.rmSync(root, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await fake.stop();
    throw error;
  }
}

/** Removes every AWS_* variable from this process's environment (test-electron passes it on). */
export function dropInheritedAwsEnv(): void {
  for (const name of Object.keys(process.env)) {
    if (/^AWS_/i.test(name)) delete process.env[name];
  }
  process.env.AWS_EC2_METADATA_DISABLED = 'true';
}
