// Packs the CLI as its own npm package, `claude-bedrock` (bin claude-bedrock), so CI and dev
// containers can `npx claude-bedrock doctor`. It is generated, not the extension's package.json:
// that manifest lists the AWS SDK and jsonc-parser as dependencies, which esbuild bundles into
// dist/cli.js and dist/aws.js, and vsce refuses a `files` list beside .vscodeignore. The generated
// package.json has no dependencies and no scripts; the tarball holds the two bundles, a README for
// the registry page (packaging/cli/README.md) and the LICENSE.
//
// Usage: node scripts/pack-cli.mjs [--no-build]   → vsix/claude-bedrock-<version>.tgz (prints its size)
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { homeFields, projectHome } from './lib/projectHome.mjs';

export const CLI_PACKAGE_NAME = 'claude-bedrock';
export const CLI_FILES = ['dist/cli.js', 'dist/aws.js'];

const root = resolve(new URL('..', import.meta.url).pathname);

export function packCli({ build = true } = {}) {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  if (build) execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });

  const stage = join(root, 'vsix', 'cli-stage');
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(join(stage, 'dist'), { recursive: true });
  for (const file of CLI_FILES) copyFileSync(join(root, file), join(stage, file));
  copyFileSync(join(root, 'packaging', 'cli', 'README.md'), join(stage, 'README.md'));
  copyFileSync(join(root, 'LICENSE'), join(stage, 'LICENSE'));

  const home = projectHome(root);
  const cliManifest = {
    name: CLI_PACKAGE_NAME,
    version: manifest.version,
    description: 'Set up and check Claude Code on Amazon Bedrock from a terminal, CI or a dev container: profiles, doctor, models, setup, quotas, usage, policy check (English and Japanese).',
    license: manifest.license,
    keywords: ['claude', 'claude-code', 'bedrock', 'amazon-bedrock', 'aws', 'sso', 'cli', 'クロード', '生成AI'],
    ...(home ? homeFields(home) : {}),
    bin: { [CLI_PACKAGE_NAME]: 'dist/cli.js' },
    files: CLI_FILES,
    engines: { node: manifest.engines.node },
  };
  writeFileSync(join(stage, 'package.json'), JSON.stringify(cliManifest, null, 2) + '\n');

  const destination = join(root, 'vsix');
  const [packed] = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--pack-destination', destination, '--no-audit', '--no-fund'], {
      cwd: stage,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    }),
  );
  const tarball = join(destination, packed.filename);
  rmSync(stage, { recursive: true, force: true });
  return { tarball, size: statSync(tarball).size, unpackedSize: packed.unpackedSize, files: packed.files.map((f) => f.path).sort(), home };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = packCli({ build: !process.argv.includes('--no-build') });
  console.log(`CLI package ${result.tarball}: ${(result.size / 1024).toFixed(1)} KiB (unpacked ${(result.unpackedSize / 1024).toFixed(1)} KiB)`);
  console.log(`  ${result.files.join('\n  ')}`);
  console.log(result.home ? `Home: ${result.home.url} (from ${result.home.source}).` : 'Home: none: the package names no repository (set CLAUDE_BEDROCK_REPOSITORY_URL before publishing).');
}
