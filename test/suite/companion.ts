/**
 * The companion test extension's entry point (bundled by test/suite/buildCompanion.mjs). It is
 * installed next to the real extension in code-server, activates on `onStartupFinished`, runs the
 * in-host suite once and writes the results as JSON to the file named by CBS_SUITE_RESULTS (the
 * extension host inherits code-server's environment): first `{ done: false }` on activation, then
 * the full results with `done: true`. Without CBS_SUITE_RESULTS it does nothing.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SUITE_ENV } from './env';
import { initialResults, runSuite, type SuiteResults } from './index';

function write(file: string, results: SuiteResults): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Written whole, then renamed: the launcher never reads half a file.
  const partial = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(partial, JSON.stringify(results, null, 2) + '\n');
  fs.renameSync(partial, file);
}

export function activate(): void {
  const file = process.env[SUITE_ENV.results];
  if (!file) return;
  write(file, initialResults());
  // Not awaited: activation returns at once; the suite runs in the same extension host.
  setTimeout(() => {
    runSuite()
      .then((results) => write(file, results))
      .catch((error: unknown) => {
        const results = initialResults();
        results.done = true;
        results.error = `the companion failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`;
        write(file, results);
      });
  }, 0);
}

export function deactivate(): void {
  // Nothing to dispose.
}
