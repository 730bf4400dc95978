// The CLI's npm package as a pipeline uses it: `npm pack` (scripts/pack-cli.mjs), install the
// tarball into an empty prefix with no dev dependencies and without the network, then run the
// installed `claude-bedrock` through npx from an empty folder, with no AWS_* variable of this machine.
// Asserts the tarball's file list and size budget, that the package needs no dependency, and that
// `doctor --help`, `--version`, `profiles --json` (fixture home), `doctor` (reaching the AWS layer,
// against a closed loopback port) and `policy check --offline` (no policy: exit 0; a violation: exit 1) work.
// Not in the mocha suite because it runs npm; `npm run test:pack` (and .ci/run) run it.
// Usage: node test/pack/cliPackage.check.mjs [--no-build]
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CLI_PACKAGE_NAME, packCli } from '../../scripts/pack-cli.mjs';

const root = resolve(new URL('../..', import.meta.url).pathname);
const fixtureHome = join(root, 'test', 'fixtures', 'every-kind');
const SIZE_BUDGET = 350 * 1024; // the tarball; 230 KiB when this check was written
const SECRETS = ['NOT-A-REAL-SECRET', 'FAKEAKIDSTATIC0001', 'fake-session-token', 'do-not-print'];
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

let passed = 0;
const check = (name, body) => {
  body();
  passed++;
  console.log(`  ok  ${name}`);
};

const work = mkdtempSync(join(tmpdir(), 'cbs-cli-package-'));
try {
  const packed = packCli({ build: !process.argv.includes('--no-build') });
  console.log(`CLI package ${packed.tarball}: ${(packed.size / 1024).toFixed(1)} KiB (unpacked ${(packed.unpackedSize / 1024).toFixed(1)} KiB)`);

  check('the tarball holds only what runs: the two bundles, package.json, README, LICENSE', () => {
    assert.deepEqual(packed.files, ['LICENSE', 'README.md', 'dist/aws.js', 'dist/cli.js', 'package.json']);
  });
  check(`the tarball stays under ${SIZE_BUDGET / 1024} KiB`, () => {
    assert.ok(packed.size < SIZE_BUDGET, `${packed.size} bytes`);
  });

  const prefix = join(work, 'prefix');
  const empty = join(work, 'empty');
  mkdirSync(prefix);
  mkdirSync(empty);
  // Only PATH and what each run sets: no AWS_*, no npm_config_* of the `npm run` that started us.
  const baseEnv = { PATH: process.env.PATH ?? '', HOME: join(work, 'home'), LANG: 'C', AWS_EC2_METADATA_DISABLED: 'true', npm_config_cache: join(work, 'npm-cache'), npm_config_update_notifier: 'false' };
  const install = spawnSync('npm', ['install', '--prefix', prefix, '--omit=dev', '--no-audit', '--no-fund', '--offline', packed.tarball], { cwd: empty, env: baseEnv, encoding: 'utf8', timeout: 120_000 });
  check('npm installs the tarball offline into an empty prefix with --omit=dev', () => {
    assert.equal(install.status, 0, `npm install: ${install.stderr}`);
  });
  const installed = JSON.parse(readFileSync(join(prefix, 'node_modules', CLI_PACKAGE_NAME, 'package.json'), 'utf8'));
  check('the installed package has no dependencies and no install scripts, bin claude-bedrock', () => {
    assert.equal(installed.dependencies, undefined);
    assert.equal(installed.scripts, undefined);
    assert.deepEqual(installed.bin, { 'claude-bedrock': 'dist/cli.js' });
    assert.equal(installed.version, version);
  });

  const npx = (args, env = {}, cwd = empty) => {
    const result = spawnSync('npx', ['--prefix', prefix, '--offline', 'claude-bedrock', ...args], { cwd, env: { ...baseEnv, ...env }, encoding: 'utf8', timeout: 60_000 });
    for (const secret of SECRETS) assert.ok(!result.stdout.includes(secret) && !result.stderr.includes(secret), `output of ${args.join(' ')} contains ${secret}`);
    return result;
  };

  check('npx claude-bedrock doctor --help prints the usage and exits 0', () => {
    const result = npx(['doctor', '--help']);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /^Usage: claude-bedrock <command>/);
    assert.match(result.stdout, /policy check/);
  });
  check('npx claude-bedrock --version prints the package version', () => {
    const result = npx(['--version']);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout.trim(), version);
  });
  check('profiles --json against the fixture home lists its profiles', () => {
    const result = npx(['profiles', '--json'], { HOME: fixtureHome });
    assert.equal(result.status, 0, result.stderr);
    const names = JSON.parse(result.stdout).profiles.map((p) => p.name);
    const expected = [...readFileSync(join(fixtureHome, '.aws', 'config'), 'utf8').matchAll(/^\[profile ([a-z0-9-]+)\]/gm)].map((m) => m[1]);
    for (const name of ['default', ...expected]) assert.ok(names.includes(name), `profile ${name} missing from ${names.join(', ')}`);
  });
  check('doctor loads the bundled AWS SDK from the package and reports a closed endpoint as unreachable (exit 1)', () => {
    const result = npx(['doctor', '--profile', 'static-dev', '--region', 'ap-northeast-1', '--timeout', '3', '--json'], { HOME: fixtureHome, AWS_ENDPOINT_URL: 'http://127.0.0.1:9' });
    assert.equal(result.status, 1, result.stderr);
    const identity = JSON.parse(result.stdout).checks.find((c) => c.id === 'identity');
    assert.equal(identity.failure.reason, 'unreachable', JSON.stringify(identity));
  });

  const policyEnv = { CLAUDE_BEDROCK_POLICY_DIR: join(work, 'no-machine-policy'), CLAUDE_BEDROCK_MANAGED_SETTINGS_DIR: join(work, 'no-managed-settings') };
  check('policy check --offline in a folder without a policy exits 0', () => {
    const result = npx(['policy', 'check', '--offline'], policyEnv);
    assert.equal(result.status, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /No policy applies here/);
  });
  check('policy check --offline exits 1 on a global. model under a Japan-only team policy', () => {
    const repo = join(work, 'repo');
    mkdirSync(join(repo, '.claude'), { recursive: true });
    writeFileSync(join(repo, '.claude', 'bedrock-policy.json'), JSON.stringify({ version: 1, allowedScopes: ['jp'], dataResidency: 'japan' }));
    writeFileSync(join(repo, '.claude', 'settings.json'), JSON.stringify({ env: { CLAUDE_CODE_USE_BEDROCK: '1', AWS_REGION: 'ap-northeast-1', ANTHROPIC_MODEL: 'global.anthropic.claude-sonnet-4-5-20250929-v1:0' } }));
    const result = npx(['policy', 'check', '--offline', '--json'], policyEnv, repo);
    assert.equal(result.status, 1, result.stdout + result.stderr);
    assert.equal(JSON.parse(result.stdout).compliant, false, result.stdout);
  });
  check('the setup of docs/devcontainer.md\'s postCreateCommand runs as written (version pin = this version)', () => {
    const doc = readFileSync(join(root, 'docs', 'devcontainer.md'), 'utf8');
    const command = /"postCreateCommand": "([^"]+)"/.exec(doc)?.[1];
    assert.ok(command, 'no postCreateCommand in docs/devcontainer.md');
    const [setup, doctor] = command.split(' && ');
    const pinned = `npx --yes claude-bedrock@${version} `;
    assert.ok(setup.startsWith(`${pinned}setup `) && doctor.startsWith(`${pinned}doctor `), `postCreateCommand does not run ${pinned}setup && ${pinned}doctor: ${command}`);
    const folder = join(work, 'container-workspace');
    mkdirSync(folder);
    const args = setup.slice(pinned.length).split(' ').map((arg) => arg.replace('${containerWorkspaceFolder}', folder));
    const result = npx(args, { HOME: fixtureHome });
    assert.equal(result.status, 0, result.stdout + result.stderr);
    const written = JSON.parse(readFileSync(join(folder, '.claude', 'settings.local.json'), 'utf8'));
    assert.equal(written.env.CLAUDE_CODE_USE_BEDROCK, '1');
    assert.equal(written.env.AWS_PROFILE, 'sso-dev');
  });
  console.log(`CLI package check: ${passed} passed`);
} catch (error) {
  console.error(`CLI package check FAILED after ${passed} passed:\n${error.stack ?? error}`);
  process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
