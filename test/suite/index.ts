/**
 * The in-host test runner: runs mocha (BDD, plain `assert`) on every test/suite/**\/*.test.ts inside
 * a real VS Code extension host, against the installed (or development) real extension.
 *
 * Two hosts load it:
 *   - `run()` is the @vscode/test-electron convention (extensionTestsPath): resolves when every test
 *     passed, rejects otherwise. Launcher: test/suite/runElectron.ts.
 *   - `runSuite()` returns the results; the companion test extension (test/suite/companion.ts) calls
 *     it on activation inside code-server and writes them to a file. Launcher: test/e2e/suite.e2e.ts.
 *
 * The test files are bundled (esbuild, test/suite/buildCompanion.mjs), so they cannot be globbed at
 * run time: the build globs them and hands them over as the module 'virtual:suite-files'. A new
 * test file is picked up by the next build, nothing to register. `activation.test.ts` runs first:
 * it checks that nothing activated the extension before its view was opened.
 */
import Mocha from 'mocha';
import { testFiles } from 'virtual:suite-files';
import * as vscode from 'vscode';
import { EXTENSION_ID, SUITE_ENV, startup } from './host';

export interface TestResult {
  /** Full title: describe blocks and the test, joined by spaces. */
  title: string;
  /** The test file, relative to the repository. */
  file?: string;
  durationMs?: number;
}

export interface FailedTest extends TestResult {
  message: string;
  stack?: string;
}

export interface SuiteResults {
  /** False while running (the companion writes a first file on activation), true once finished. */
  done: boolean;
  startedAt: string;
  finishedAt?: string;
  durationMs?: number;
  host: { vscodeVersion: string; appName: string; uiKind: string; realExtensionActiveAtStart?: boolean };
  files: string[];
  passes: TestResult[];
  failures: FailedTest[];
  pending: TestResult[];
  /** An error outside any test (the runner itself, loading a test file). */
  error?: string;
}

/** The host's identity and the suite's file list; `done: false`. */
export function initialResults(): SuiteResults {
  return {
    done: false,
    startedAt: new Date().toISOString(),
    host: {
      vscodeVersion: vscode.version,
      appName: vscode.env.appName,
      uiKind: vscode.UIKind[vscode.env.uiKind] ?? String(vscode.env.uiKind),
    },
    files: testFiles.map((entry) => entry.file),
    passes: [],
    failures: [],
    pending: [],
  };
}

function selectedFiles(): typeof testFiles {
  const grep = (process.env[SUITE_ENV.grep] ?? '').split(',').map((part) => part.trim()).filter(Boolean);
  const chosen = grep.length ? testFiles.filter((entry) => grep.some((part) => entry.file.includes(part))) : [...testFiles];
  const first = (file: string): number => (/(^|\/)activation\.test\.ts$/.test(file) ? 0 : 1);
  return chosen.sort((a, b) => first(a.file) - first(b.file) || a.file.localeCompare(b.file));
}

/** Runs every selected test file once and returns what happened; never throws. */
export async function runSuite(options: { reporter?: string } = {}): Promise<SuiteResults> {
  const results = initialResults();
  const started = Date.now();
  startup.realExtensionActive = vscode.extensions.getExtension(EXTENSION_ID)?.isActive;
  results.host.realExtensionActiveAtStart = startup.realExtensionActive;
  const finish = (): SuiteResults => {
    results.done = true;
    results.finishedAt = new Date().toISOString();
    results.durationMs = Date.now() - started;
    return results;
  };

  const mocha = new Mocha({ ui: 'bdd', timeout: 30_000, color: false, reporter: options.reporter ?? 'spec' });
  const files = selectedFiles();
  results.files = files.map((entry) => entry.file);
  try {
    for (const entry of files) {
      // What `mocha.loadFiles()` does for a file on disk, for a module that is already bundled.
      mocha.suite.emit(Mocha.Suite.constants.EVENT_FILE_PRE_REQUIRE, globalThis, entry.file, mocha);
      const loaded = await entry.load();
      mocha.suite.emit(Mocha.Suite.constants.EVENT_FILE_REQUIRE, loaded, entry.file, mocha);
      mocha.suite.emit(Mocha.Suite.constants.EVENT_FILE_POST_REQUIRE, globalThis, entry.file, mocha);
    }
  } catch (error) {
    results.error = `loading the test files failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`;
    return finish();
  }
  if (files.length === 0) {
    results.error = 'no test files selected';
    return finish();
  }

  await new Promise<void>((resolve) => {
    try {
      const runner = mocha.run(() => resolve());
      runner.on(Mocha.Runner.constants.EVENT_TEST_PASS, (test) => {
        results.passes.push({ title: test.fullTitle(), file: test.file, durationMs: test.duration });
      });
      runner.on(Mocha.Runner.constants.EVENT_TEST_PENDING, (test) => {
        results.pending.push({ title: test.fullTitle(), file: test.file });
      });
      // Hooks fail through this event too (title "before all" hook …).
      runner.on(Mocha.Runner.constants.EVENT_TEST_FAIL, (test, error: Error) => {
        results.failures.push({
          title: test.fullTitle(),
          file: test.file,
          durationMs: test.duration,
          message: error?.message ?? String(error),
          stack: error?.stack,
        });
      });
    } catch (error) {
      results.error = `mocha failed to run: ${error instanceof Error ? error.stack ?? error.message : String(error)}`;
      resolve();
    }
  });
  return finish();
}

/** The @vscode/test-electron entry point: resolves when all tests pass. */
export async function run(): Promise<void> {
  const results = await runSuite();
  const summary = `${results.passes.length} passed, ${results.failures.length} failed${results.pending.length ? `, ${results.pending.length} pending` : ''}`;
  if (results.error) throw new Error(`${results.error} (${summary})`);
  if (results.failures.length > 0 || results.passes.length === 0) {
    throw new Error(`${summary}:\n${results.failures.map((failure) => `  ${failure.title}: ${failure.message}`).join('\n')}`);
  }
  console.log(summary);
}
