// Installs the project's npm packages when they are missing or older than package-lock.json, so
// that `npm test` and `npm run demo` work right after `git clone` (no `npm install` first). Uses
// only Node's own modules: it runs before anything is installed.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Runs `npm ci` in `root` unless node_modules already matches the lock file; exits on failure. */
export function ensureDependencies(root) {
  const lock = join(root, 'package-lock.json');
  const installed = join(root, 'node_modules', '.package-lock.json');
  if (existsSync(installed) && statSync(installed).mtimeMs >= statSync(lock).mtimeMs) return;
  console.log(existsSync(installed) ? 'package-lock.json changed: npm ci' : 'first run: installing the npm packages (npm ci)');
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`npm ci failed (exit ${result.status ?? result.signal}). Check that the npm registry is reachable and Node.js is 20 or later (${process.version} here), then run npm ci yourself.`);
    process.exit(1);
  }
}
