// Builds the bundles and packs the VSIX with vsce. The bundles carry the AWS SDK, so the VSIX
// holds no node_modules (--no-dependencies). Prints the VSIX size: it is a budget we watch.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync } from 'node:fs';

const { name, version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const out = `vsix/${name}-${version}.vsix`;
mkdirSync('vsix', { recursive: true });
execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
execFileSync(process.execPath, ['node_modules/@vscode/vsce/vsce', 'package', '--no-dependencies', '--allow-missing-repository', '--out', out], {
  stdio: ['ignore', 'inherit', 'inherit'],
});
console.log(`VSIX ${out}: ${(statSync(out).size / 1024).toFixed(1)} KiB`);
