#!/usr/bin/env node
// `npm test`: installs the npm packages if they are missing (right after cloning), builds the
// bundles, then runs every unit, fake-AWS, SDK-integration, file and CLI test with mocha. Arguments
// after `--` go to mocha (for example `npm test -- --grep policy`).
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDependencies } from './ensure-deps.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
ensureDependencies(root);
for (const [command, args] of [
  [process.execPath, [join(root, 'scripts', 'build.mjs')]],
  [process.execPath, [join(root, 'node_modules', 'mocha', 'bin', 'mocha.js'), ...process.argv.slice(2)]],
]) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
