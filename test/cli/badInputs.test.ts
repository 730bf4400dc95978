// The bad-input corpus: for each file the CLI reads (the shared and the personal Claude settings, the
// team policy, ~/.aws/config and ~/.aws/credentials), a malformed, huge, BOM, CRLF, NUL-byte,
// directory, symlink-loop, not-an-object and read-only version in its place. The built CLI runs
// the commands that read it; each answer must be a clear message naming the file (no stack trace,
// no "undefined", no "[object Object]"), the documented exit code, within bounded time, and every
// input file must be byte-identical afterwards (a symbolic link still a link). Prints its figures.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { run, type Run } from './runCli';

const SONNET_JP = 'jp.anthropic.claude-sonnet-4-5-20250929-v1:0';
const HUGE_BYTES = 20 * 1024 * 1024;
/** Per command: a 20 MB file must not make any of them hang. */
const BOUND_MS = 15_000;

type Location = 'project' | 'local' | 'policy' | 'config' | 'credentials';
type Kind = 'malformed' | 'huge' | 'bom' | 'crlf' | 'nul' | 'directory' | 'loop' | 'not-an-object' | 'read-only';
type Command = 'setup' | 'setup --dry-run' | 'policy check --offline' | 'profiles';

const RELATIVE: Record<Location, string> = {
  project: 'work/.claude/settings.json',
  local: 'work/.claude/settings.local.json',
  policy: 'work/.claude/bedrock-policy.json',
  config: 'home/.aws/config',
  credentials: 'home/.aws/credentials',
};

const CONFIG = '[profile dev]\nregion = ap-northeast-1\nsso_session = corp\nsso_account_id = 111122223333\nsso_role_name = Developer\n\n[sso-session corp]\nsso_start_url = https://example.awsapps.com/start\nsso_region = ap-northeast-1\n';
const CREDENTIALS = '[keys]\naws_access_key_id = FAKEAKIDSTATIC0001\naws_secret_access_key = do-not-print\n';
const GOOD: Record<Location, string> = {
  project: '{\n  "permissions": {}\n}\n',
  local: '{\n  "env": {}\n}\n',
  policy: '{\n  "version": 1,\n  "allowedScopes": ["jp"]\n}\n',
  config: CONFIG,
  credentials: CREDENTIALS,
};
const JSON_LOCATIONS: readonly Location[] = ['project', 'local', 'policy'];

/** The bad text of a kind for a location (directory and loop are made on disk). */
function badText(location: Location, kind: Kind): string | Buffer | undefined {
  const json = JSON_LOCATIONS.includes(location);
  switch (kind) {
    case 'malformed':
      return json ? '{\n  "env": { "AWS_REGION": "ap-northeast-1", }\n' : '[profile dev\nregion ap-northeast-1\n= nothing\n';
    case 'huge':
      // 20 MB that never closes (JSON) or of comment lines before the real profiles (INI).
      return json ? `{"env": {"A": "${'a'.repeat(HUGE_BYTES)}` : `${'# padding padding padding padding padding padding padding padding\n'.repeat(HUGE_BYTES / 64)}${GOOD[location]}`;
    case 'bom':
      return `\uFEFF${GOOD[location]}`;
    case 'crlf':
      return GOOD[location].replace(/\n/g, '\r\n');
    case 'nul':
      return Buffer.concat([Buffer.from(GOOD[location].slice(0, 12)), Buffer.from([0, 0]), Buffer.from(GOOD[location].slice(12))]);
    case 'not-an-object':
      return '[\n  "env"\n]\n';
    case 'read-only':
      return GOOD[location];
    case 'directory':
    case 'loop':
      return undefined;
  }
}

interface Expectation {
  readonly code: number;
  /** What the answer must say (besides naming the file when it is refused). */
  readonly says?: RegExp;
}

/** The documented answer of each command to each bad input. */
function expected(location: Location, kind: Kind, command: Command): Expectation {
  const json = JSON_LOCATIONS.includes(location);
  const settings = location === 'project' || location === 'local';
  const unusable = ['malformed', 'huge', 'nul', 'directory', 'loop', 'not-an-object'].includes(kind) || (kind === 'bom' && location !== 'policy');
  if (json) {
    if (command === 'profiles') return { code: 0 };
    if (!unusable) {
      // The policy file may start with a BOM (Windows tools write one); a settings file that is read-only is never replaced.
      if (kind === 'read-only' && settings && command === 'setup') return { code: 1, says: /is read-only, so nothing was written\. Make it writable/ };
      return { code: 0 };
    }
    if (location === 'policy') return { code: 1, says: command === 'policy check --offline' ? /could not be used|cannot be read/ : /Nothing was written: a policy file cannot be used/ };
    if (command === 'policy check --offline') return { code: 1, says: /compliance is not verified\. .*run the check again/ };
    return { code: 1, says: kind === 'directory' ? /it is a folder where a file should be\. Remove or rename/ : kind === 'loop' ? /leads round in a loop\. Point it at a real file/ : /left exactly as it is; fix it/ };
  }
  // AWS files: `profiles` always answers (exit 0) and lists the file's problems; setup needs the profile.
  // A BOM is whitespace to the SDK's INI reader as to ours: the profiles stay.
  const lostProfile = location === 'config' && ['malformed', 'nul', 'directory', 'loop'].includes(kind);
  if (command === 'profiles') return { code: 0, ...(kind === 'directory' || kind === 'loop' ? { says: /cannot be read.*not a folder or a symbolic link loop/s } : {}) };
  if (command === 'policy check --offline') return { code: 0 };
  if (lostProfile) return { code: 2, says: kind === 'directory' || kind === 'loop' ? /Profile "dev" is not defined.*cannot be read, so its profiles are not known/s : /Profile "dev" is not defined/ };
  return { code: 0 };
}

const KINDS: readonly Kind[] = ['malformed', 'huge', 'bom', 'crlf', 'nul', 'directory', 'loop', 'not-an-object', 'read-only'];
const LOCATIONS: readonly Location[] = ['project', 'local', 'policy', 'config', 'credentials'];
const COMMANDS: Record<Location, readonly Command[]> = {
  project: ['setup --dry-run', 'policy check --offline', 'setup'],
  local: ['setup --dry-run', 'policy check --offline', 'setup'],
  policy: ['setup --dry-run', 'policy check --offline', 'setup'],
  config: ['profiles', 'setup --dry-run', 'policy check --offline'],
  credentials: ['profiles', 'setup --dry-run', 'policy check --offline'],
};

/** What a path is on disk, byte for byte: a file's hash and mode, a link's target, a folder's entries. */
function snapshot(path: string): string {
  let stat;
  try {
    stat = lstatSync(path);
  } catch {
    return 'absent';
  }
  if (stat.isSymbolicLink()) return `link -> ${readlinkSync(path)}`;
  if (stat.isDirectory()) return `dir [${readdirSync(path).sort().join(',')}]`;
  return `file ${(stat.mode & 0o777).toString(8)} ${createHash('sha256').update(readFileSync(path)).digest('hex')}`;
}

function assertClear(result: Run, where: string): void {
  const text = result.stdout + result.stderr;
  assert.doesNotMatch(text, /\n\s+at .+:\d+:\d+\)?$/m, `${where}: a stack trace\n${text}`);
  assert.doesNotMatch(text, /\bundefined\b/, `${where}: "undefined" in the answer\n${text}`);
  assert.doesNotMatch(text, /\[object Object\]/, `${where}: "[object Object]" in the answer\n${text}`);
  assert.doesNotMatch(text, /\0/, `${where}: a NUL byte copied into the answer`);
  assert.ok(!text.includes('do-not-print'), `${where}: a secret in the answer`);
}

describe('CLI bad-input corpus', function () {
  this.timeout(10 * 60_000);
  let root: string;
  const figures = { inputs: 0, passed: 0, runs: 0, slowestMs: 0 };

  before(() => (root = mkdtempSync(join(tmpdir(), 'cbs-bad-'))));
  after(() => {
    rmSync(root, { recursive: true, force: true });
    // The suite's figures, for the log.
    console.log(`      bad inputs ${figures.passed}/${figures.inputs} (${figures.runs} command runs, slowest ${figures.slowestMs} ms)`);
  });

  for (const location of LOCATIONS) {
    for (const kind of KINDS) {
      if (kind === 'not-an-object' && !JSON_LOCATIONS.includes(location)) continue;
      it(`${kind} ${RELATIVE[location]}`, async () => {
        figures.inputs += 1;
        const dir = join(root, `${location}-${kind}`);
        const home = join(dir, 'home');
        const folder = join(dir, 'work');
        mkdirSync(join(home, '.aws'), { recursive: true });
        mkdirSync(join(folder, '.claude'), { recursive: true });
        for (const other of LOCATIONS) writeFileSync(join(dir, RELATIVE[other]), GOOD[other]);
        const target = join(dir, RELATIVE[location]);
        rmSync(target);
        if (kind === 'directory') mkdirSync(join(target, 'inside'), { recursive: true });
        else if (kind === 'loop') {
          symlinkSync(`${basename(target)}.other`, target);
          symlinkSync(basename(target), `${target}.other`);
        } else writeFileSync(target, badText(location, kind)!);
        if (kind === 'read-only') chmodSync(target, 0o444);

        const inputs = LOCATIONS.map((other) => join(dir, RELATIVE[other]));
        const before = new Map(inputs.map((path) => [path, snapshot(path)]));
        const env = { HOME: home, CLAUDE_BEDROCK_MANAGED_SETTINGS_DIR: join(dir, 'managed'), CLAUDE_BEDROCK_POLICY_DIR: join(dir, 'machine-policy') };
        const runCommand = async (command: Command): Promise<{ command: Command; result: Run; elapsed: number }> => {
          const args = command.startsWith('setup')
            ? ['setup', '--folder', folder, '--profile', 'dev', '--model', SONNET_JP, '--no-gitignore', '--no-vscode-settings', ...(command.endsWith('--dry-run') ? ['--dry-run'] : [])]
            : command === 'profiles'
              ? ['profiles']
              : ['policy', 'check', '--folder', folder, '--offline'];
          const started = Date.now();
          const result = await run(args, env);
          return { command, result, elapsed: Date.now() - started };
        };
        // One after the other, the writing setup last: each answer is judged against the files as they were.
        for (const next of COMMANDS[location]) {
          const { command, result, elapsed } = await runCommand(next);
          figures.runs += 1;
          figures.slowestMs = Math.max(figures.slowestMs, elapsed);
          const where = `${command} with ${kind} ${RELATIVE[location]}`;
          assert.ok(elapsed < BOUND_MS, `${where}: took ${elapsed} ms`);
          const want = expected(location, kind, command);
          assert.equal(result.code, want.code, `${where}: exit code\n${result.stdout}${result.stderr}`);
          assertClear(result, where);
          if (want.says) assert.match(result.stdout + result.stderr, want.says, where);
          if (want.code !== 0 && location !== 'config' && location !== 'credentials') assert.ok((result.stdout + result.stderr).includes(target), `${where}: names the file\n${result.stdout}${result.stderr}`);

          const wrote = command === 'setup' && result.code === 0;
          for (const path of inputs) {
            // A successful setup writes the two settings files; every other input, and any file it refused, stays as it was.
            if (wrote && path !== target && (path.endsWith('settings.json') || path.endsWith('settings.local.json'))) continue;
            if (wrote && path === target && kind === 'crlf') continue;
            assert.equal(snapshot(path), before.get(path), `${where}: ${path} changed`);
          }
          if (wrote && kind === 'crlf' && (location === 'project' || location === 'local')) {
            const written = readFileSync(target, 'utf8');
            assert.ok(written.includes('"ANTHROPIC_MODEL"') || written.includes('"AWS_PROFILE"'), `${where}: the setup was written`);
            assert.ok(!/[^\r]\n/.test(written), `${where}: CRLF line endings kept`);
          }
        }
        figures.passed += 1;
      });
    }
  }
});
