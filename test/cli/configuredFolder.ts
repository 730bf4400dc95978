// Mocha hooks for CLI tests against the fake AWS: one fake of a scenario, a demo HOME, and a folder
// set up by the CLI's own `setup` for jp. Sonnet 4.5 and jp. Haiku 4.5 in Tokyo with a profile.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeAws, writeDemoHome, type FakeAws } from '../fake-aws';
import { BEDROCK_MODEL_IDS } from '../fake-aws/scenarios/bedrockCatalog';
import type { ScenarioName } from '../fake-aws/scenarios';
import { cli } from './runCli';

export const TOKYO = 'ap-northeast-1';
export const JP_SONNET = `jp.${BEDROCK_MODEL_IDS.sonnet45}`;
export const JP_HAIKU = `jp.${BEDROCK_MODEL_IDS.haiku45}`;

export interface ConfiguredFolder {
  readonly fake: FakeAws;
  /** The folder the CLI set up. */
  readonly repo: string;
  /** The temporary folder holding HOME and the repository. */
  readonly dir: string;
  /** The environment of a CLI run: the demo HOME, the fake's endpoints, no managed settings, UTC. */
  env(extra?: Record<string, string>): Record<string, string>;
}

export function useConfiguredFolder(scenario: ScenarioName, profile: string, name: string): ConfiguredFolder {
  const state: { fake?: FakeAws; dir?: string } = {};
  const env = (extra: Record<string, string> = {}) => ({ HOME: join(state.dir!, 'home'), ...state.fake!.env(), CLAUDE_BEDROCK_MANAGED_SETTINGS_DIR: join(state.dir!, 'managed'), TZ: 'UTC', ...extra });
  before(async () => {
    state.fake = await startFakeAws({ scenario });
    state.dir = mkdtempSync(join(tmpdir(), `cbs-${name}-`));
    await writeDemoHome(join(state.dir, 'home'), state.fake.state, { ssoSessionSuffix: `-${name}-${scenario}` });
    mkdirSync(join(state.dir, 'repo'));
    execFileSync(process.execPath, [cli, 'setup', '--folder', join(state.dir, 'repo'), '--profile', profile, '--region', TOKYO, '--model', JP_SONNET, '--background-model', JP_HAIKU, '--no-gitignore', '--no-vscode-settings'], {
      env: { PATH: process.env.PATH ?? '', AWS_EC2_METADATA_DISABLED: 'true', ...env() },
      stdio: 'pipe',
    });
  });
  after(async () => {
    await state.fake?.stop();
    if (state.dir) rmSync(state.dir, { recursive: true, force: true });
  });
  beforeEach(() => state.fake!.clearLog());
  return {
    get fake() {
      return state.fake!;
    },
    get repo() {
      return join(state.dir!, 'repo');
    },
    get dir() {
      return state.dir!;
    },
    env,
  };
}
