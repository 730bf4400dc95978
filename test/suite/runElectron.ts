/**
 * Runs the in-host suite (test/suite) under @vscode/test-electron: a desktop VS Code, with this
 * repository as the extension under development. For machines that can download VS Code (or have
 * one: --code PATH). Not run in CI here; there, `npm run test:suite` runs the same suite inside
 * code-server (test/e2e/suite.e2e.ts).
 *
 *   npm run test:suite:electron [-- --code /path/to/code] [-- --vscode-version 1.101.0]
 *
 * It builds the extension (dist/) and the suite index, starts the loopback fake AWS with a demo
 * HOME (the same world as the code-server run), and passes that world to VS Code as its
 * environment: every inherited AWS_* variable is dropped first. On Linux without a display, run
 * it under xvfb-run.
 */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { download, runTests } from '@vscode/test-electron';
import { isScenarioName } from '../fake-aws/scenarios';
import { SUITE_ENV } from './env';
import { dropInheritedAwsEnv, prepareSuiteWorld, type SuiteWorld } from './world';

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const CACHE = path.join(REPO_ROOT, '.tmp', 'vscode-test');

const { values: args } = parseArgs({
  options: {
    code: { type: 'string' },
    'vscode-version': { type: 'string', default: process.env.VSCODE_TEST_VERSION ?? 'stable' },
    scenario: { type: 'string', default: 'basic' },
    grep: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
  strict: true,
});

const DOWNLOAD_HELP = `
@vscode/test-electron could not download VS Code (it fetches it from update.code.visualstudio.com).
That is expected on a machine that reaches only the npm registry and Debian's mirrors: no desktop
VS Code can be obtained there. Instead:
  - npm run test:suite  runs the same suite inside code-server (VS Code from the npm registry),
  - or pass an installed VS Code: npm run test:suite:electron -- --code /path/to/code
`;

async function vscodeExecutable(): Promise<string> {
  if (args.code) return path.resolve(args.code);
  try {
    return await download({ version: args['vscode-version'], cachePath: CACHE, timeout: 30_000 });
  } catch (error) {
    console.error(`\ndownload failed: ${error instanceof Error ? error.message : String(error)}`);
    console.error(DOWNLOAD_HELP);
    process.exit(2);
  }
}

async function main(): Promise<number> {
  if (!isScenarioName(args.scenario)) throw new Error(`unknown fake AWS scenario ${args.scenario}`);
  // Nothing of the developer's AWS setup, nor of a VS Code this may be started from, reaches the host.
  dropInheritedAwsEnv();
  for (const name of Object.keys(process.env)) {
    if (/^(VSCODE_|ELECTRON_RUN_AS_NODE$)/.test(name)) delete process.env[name];
  }

  const executable = await vscodeExecutable();
  execFileSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'build.mjs')], { cwd: REPO_ROOT, stdio: 'inherit' });
  const suiteIndex = execFileSync(process.execPath, [path.join(REPO_ROOT, 'test', 'suite', 'buildCompanion.mjs'), '--electron', path.join(CACHE, 'suite')], { encoding: 'utf8' }).trim();

  let world: SuiteWorld | undefined;
  try {
    world = await prepareSuiteWorld({ scenario: args.scenario });
    console.log(`fake AWS (${world.fake.scenarioName}) on ${world.fake.endpoint}; demo HOME ${world.home}`);
    return await runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: suiteIndex,
      extensionTestsEnv: { ...world.env, [SUITE_ENV.grep]: args.grep },
      // runTests adds --disable-workspace-trust (trust has its own e2e), --disable-updates,
      // --skip-welcome and a fresh user-data and extensions dir under the cache.
      launchArgs: [
        world.workspace,
        // Other installed extensions stay off; the one under development still loads.
        '--disable-extensions',
        '--disable-telemetry',
      ],
    });
  } finally {
    await world?.dispose(args.keep);
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`test:suite:electron failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
