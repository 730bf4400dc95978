/**
 * Runs the in-host test suite (test/suite) inside a real VS Code extension host: code-server
 * 4.139.1 (VS Code 1.139.1) from the npm registry, opened in Debian's Chromium.
 *
 *   scripts/e2e-tools.sh       # once: chromium, Node 24, code-server, playwright-core
 *   npm run package            # builds vsix/claude-bedrock-setup-<version>.vsix
 *   npm run test:suite         # this harness
 *
 * How: test/suite/buildCompanion.mjs packs the suite as a small companion extension
 * (onStartupFinished). Both VSIXs are installed into a fresh extensions dir; code-server starts
 * with a demo HOME written for the fake AWS scenario (default "basic") and every AWS endpoint on
 * the loopback fake; Chromium opens the workspace (code-server starts the extension host only
 * when a window connects). The companion runs mocha in that extension host and writes its results
 * to the file named by CBS_SUITE_RESULTS; this harness waits for it, prints each test and
 * "N passed, M failed", and exits non-zero on any failure. Results, logs and a screenshot go to
 * test-results/e2e/ (suite-results.json, suite-code-server.log, suite-workbench.png).
 *
 * Options: --vsix FILE (default: findVsix()), --scenario NAME, --grep a,b (only test files whose path contains a or b), --headed,
 * --keep (keep temp dirs), --timeout SECONDS (for the suite, default 90).
 * Env: E2E_TOOLS_DIR, E2E_CHROMIUM.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import {
  EXTENSION_ID,
  REPO_ROOT,
  RESULTS_DIR,
  cleanEnv,
  findVsix,
  installVsix,
  launchBrowser,
  mkTempDir,
  readExtensionHostLogs,
  startCodeServer,
  toolPaths,
  type BrowserSession,
  type CodeServer,
} from './codeServer';
import { isScenarioName } from '../fake-aws/scenarios';
import { SUITE_ENV } from '../suite/env';
import type { SuiteResults } from '../suite/index';
import { prepareSuiteWorld, type SuiteWorld } from '../suite/world';

const { values: args } = parseArgs({
  options: {
    scenario: { type: 'string', default: 'basic' },
    vsix: { type: 'string' },
    grep: { type: 'string' },
    headed: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    timeout: { type: 'string', default: '90' },
  },
  strict: true,
});

const t0 = Date.now();
const elapsed = (): string => `${((Date.now() - t0) / 1000).toFixed(1)}s`;
const log = (message: string): void => console.log(`[suite ${elapsed()}] ${message}`);

const RESULTS_COPY = path.join(RESULTS_DIR, 'suite-results.json');
const SCREENSHOT = path.join(RESULTS_DIR, 'suite-workbench.png');
const CONSOLE_LOG = path.join(RESULTS_DIR, 'suite-console.log');

function readResults(file: string): SuiteResults | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as SuiteResults;
  } catch {
    return undefined;
  }
}

function tail(text: string, lines: number): string {
  return text.split('\n').slice(-lines).join('\n');
}

/** Exit code: 0 when every test passed (and there was at least one). */
async function main(): Promise<number> {
  if (!isScenarioName(args.scenario)) throw new Error(`unknown fake AWS scenario ${args.scenario}`);
  const suiteTimeoutMs = Number(args.timeout) * 1000;
  if (!(suiteTimeoutMs > 0)) throw new Error('--timeout must be a positive number of seconds');
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  fs.rmSync(RESULTS_COPY, { force: true });
  fs.rmSync(SCREENSHOT, { force: true });

  toolPaths();
  const vsix = args.vsix ? path.resolve(args.vsix) : findVsix();
  if (!fs.existsSync(vsix)) throw new Error(`${vsix} does not exist`);
  log(`real extension: ${path.relative(process.cwd(), vsix)} (built ${new Date(fs.statSync(vsix).mtimeMs).toISOString()})`);

  const tmp = mkTempDir('cbs-e2e-suite-');
  let world: SuiteWorld | undefined;
  let server: CodeServer | undefined;
  let browser: BrowserSession | undefined;
  const consoleLines: string[] = [];
  try {
    const companion = path.join(tmp, 'companion.vsix');
    execFileSync(process.execPath, [path.join(REPO_ROOT, 'test', 'suite', 'buildCompanion.mjs'), '--out', companion], { stdio: ['ignore', 'pipe', 'inherit'] });
    log(`companion test extension built (${(fs.statSync(companion).size / 1024).toFixed(1)} KiB)`);

    world = await prepareSuiteWorld({ scenario: args.scenario, root: path.join(tmp, 'world') });
    log(`fake AWS (${world.fake.scenarioName}) on ${world.fake.endpoint}; demo HOME profiles: ${world.profiles.join(', ')}`);

    const resultsFile = path.join(tmp, 'results', 'suite-results.json');
    const env = cleanEnv({
      ...world.env,
      LANG: 'C.UTF-8',
      [SUITE_ENV.results]: resultsFile,
      [SUITE_ENV.grep]: args.grep,
    });

    const extensionsDir = path.join(tmp, 'extensions');
    // One after the other: both write the extensions dir's extensions.json.
    for (const [label, file] of [['extension', vsix], ['companion', companion]] as const) {
      await installVsix({ vsix: file, extensionsDir, env, logFile: path.join(RESULTS_DIR, `suite-install-${label}.log`) });
    }
    const installed = fs.readdirSync(extensionsDir).filter((entry) => !entry.startsWith('.') && entry !== 'extensions.json');
    const realFolder = new RegExp(`^${EXTENSION_ID.replace(/\./g, '\\.')}-\\d`);
    if (!installed.some((entry) => realFolder.test(entry))) throw new Error(`the real extension is not in ${extensionsDir}: ${installed.join(', ')}`);
    log(`installed: ${installed.join(', ')}`);

    server = await startCodeServer({
      env,
      folder: world.workspace,
      extensionsDir,
      userDataDir: path.join(tmp, 'user-data'),
      // Workspace trust has its own e2e; here the folder opens trusted.
      disableWorkspaceTrust: true,
      logName: 'suite-code-server',
    });
    log(`code-server on ${server.url}`);
    // code-server starts an extension host per connected window: none yet, so no results yet.
    const beforeBrowser = fs.existsSync(resultsFile);

    browser = await launchBrowser({ headless: !args.headed });
    const page = browser.page;
    // The extension host's console (mocha's spec reporter among it) reaches the page's console.
    page.on('console', (message) => consoleLines.push(`[${message.type()}] ${message.text()}`));
    await page.goto(server.folderUrl, { timeout: 120_000, waitUntil: 'domcontentloaded' });
    await page.waitForSelector('.monaco-workbench', { timeout: 120_000 });
    log(`workbench loaded in Chromium${beforeBrowser ? ' (results file existed before the browser connected!)' : ''}`);

    // The companion writes { done: false } on activation, then the full results.
    let results: SuiteResults | undefined;
    let activatedAt: string | undefined;
    const deadline = Date.now() + suiteTimeoutMs;
    for (;;) {
      results = readResults(resultsFile);
      if (results && !activatedAt) {
        activatedAt = elapsed();
        log(`companion activated in ${results.host.appName} ${results.host.vscodeVersion} (${results.host.uiKind}); running ${results.files.length} test files`);
      }
      if (results?.done) break;
      if (!server.running()) throw new Error('code-server exited while the suite ran');
      if (Date.now() > deadline) {
        const hostLog = tail(readExtensionHostLogs(server.userDataDir), 30);
        throw new Error(
          `${results ? 'the suite did not finish' : 'the companion never activated (no results file)'} within ${suiteTimeoutMs / 1000}s` +
            ` (see ${path.relative(process.cwd(), server.logFile)}).\nextension host log (tail):\n${hostLog || '(empty)'}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    fs.copyFileSync(resultsFile, RESULTS_COPY);

    console.log('');
    for (const pass of results.passes) console.log(`PASS  ${pass.title}${pass.durationMs !== undefined ? ` (${pass.durationMs} ms)` : ''}`);
    for (const skipped of results.pending) console.log(`SKIP  ${skipped.title}`);
    for (const failure of results.failures) {
      console.log(`FAIL  ${failure.title}${failure.file ? `  [${failure.file}]` : ''}\n      ${(failure.stack ?? failure.message).split('\n').slice(0, 8).join('\n      ')}`);
    }
    if (results.error) console.log(`ERROR ${results.error}`);
    const activation = results.host.realExtensionActiveAtStart;
    console.log(`\nsuite ran in the extension host for ${((results.durationMs ?? 0) / 1000).toFixed(1)}s (real extension active at start: ${activation}); total ${elapsed()}`);
    console.log(`results: ${path.relative(process.cwd(), RESULTS_COPY)}, browser console: ${path.relative(process.cwd(), CONSOLE_LOG)}, screenshot: ${path.relative(process.cwd(), SCREENSHOT)}`);
    const failed = results.failures.length + (results.error ? 1 : 0);
    console.log(`${results.passes.length} passed, ${failed} failed`);
    return failed === 0 && results.passes.length > 0 ? 0 : 1;
  } finally {
    fs.writeFileSync(CONSOLE_LOG, consoleLines.join('\n') + '\n');
    // The workbench as the suite left it (or as it was when the harness gave up).
    await browser?.page.screenshot({ path: SCREENSHOT, timeout: 30_000 }).catch((error: unknown) => log(`(screenshot failed: ${String(error)})`));
    if (browser) await browser.close().catch((error: unknown) => log(`closing chromium: ${String(error)}`));
    if (server) {
      await server.stop().catch((error: unknown) => log(`stopping code-server: ${String(error)}`));
      log(`code-server log: ${path.relative(process.cwd(), server.logFile)}`);
    }
    if (world) await world.dispose(args.keep).catch((error: unknown) => log(`stopping the fake AWS: ${String(error)}`));
    if (args.keep) log(`kept ${tmp}`);
    else fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`\nsuite harness failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    console.log(`0 passed, 1 failed (${elapsed()})`);
    process.exit(1);
  },
);
