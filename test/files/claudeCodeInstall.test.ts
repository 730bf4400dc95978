// Finding Claude Code on a machine: claude on PATH and in its usual install places (native, npm
// global, the local install), how each was installed, claude --version within its deadline (and
// killed after it), what a broken program prints, Restricted Mode, and the VS Code extension in the
// editors' extensions folders. Real files and real processes in a temporary HOME.
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { detectClaudeCode, VersionMemo } from '../../src/files/claudeCode/installDetect';
import { findClaudeCodeExtensions } from '../../src/files/claudeCode/installExtensions';
import { findClaudeCli, kindOf } from '../../src/files/claudeCode/installSearch';
import { readCliVersion } from '../../src/files/claudeCode/versionCommand';

const posix = process.platform !== 'win32';

function script(file: string, body: string): string {
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, `#!/bin/sh\n${body}\n`);
  chmodSync(file, 0o755);
  return file;
}

/** True while a process of that id runs (a zombie waiting for a container's init to reap it has ended). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const stat = existsSync(`/proc/${pid}/stat`) ? readFileSync(`/proc/${pid}/stat`, 'utf8') : '';
  return !/^\d+ \(.*\) Z /.test(stat);
}

(posix ? describe : describe.skip)('Claude Code on this machine (files/claudeCode)', function () {
  this.timeout(20_000);
  let dir: string;
  let home: string;
  const env = (extra: Record<string, string> = {}) => ({ HOME: home, PATH: '/usr/bin:/bin', ...extra });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cbs-claude-code-'));
    home = join(dir, 'home');
    mkdirSync(home);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  describe('where claude is, and how it was installed', () => {
    it('finds the native installer\'s link, the local install and npm\'s global prefix; the first on PATH is the one a terminal runs', async () => {
      const native = script(join(home, '.local', 'share', 'claude', 'versions', '2.1.332'), 'echo "2.1.332 (Claude Code)"');
      mkdirSync(join(home, '.local', 'bin'), { recursive: true });
      symlinkSync(native, join(home, '.local', 'bin', 'claude'));
      script(join(home, '.claude', 'local', 'claude'), 'echo "2.1.300 (Claude Code)"');
      const prefix = join(dir, 'npm-global');
      const npmCli = script(join(prefix, 'lib', 'node_modules', '@anthropic-ai', 'claude-code', 'cli.js'), 'echo "2.1.223 (Claude Code)"');
      mkdirSync(join(prefix, 'bin'), { recursive: true });
      symlinkSync(npmCli, join(prefix, 'bin', 'claude'));

      const search = await findClaudeCli({ env: env({ PATH: `${join(prefix, 'bin')}:/usr/bin:/bin`, NPM_CONFIG_PREFIX: prefix }) });
      assert.deepEqual(
        search.found.map((found) => [found.path, found.kind, found.onPath]),
        [
          [join(prefix, 'bin', 'claude'), 'npm-global', true],
          [join(home, '.local', 'bin', 'claude'), 'native', false],
          [join(home, '.claude', 'local', 'claude'), 'npm-local', false],
        ],
      );
      assert.ok(search.searched.includes('~/.local/bin/claude'), search.searched.join(', '));
      // Shown without the user's home folder; the path itself stays whole.
      assert.deepEqual(search.found.map((found) => found.shown), [undefined, '~/.local/bin/claude', '~/.claude/local/claude']);
      // The same file through two names is one install.
      const again = await findClaudeCli({ env: env({ PATH: `${join(home, '.local', 'bin')}:/usr/bin:/bin` }) });
      assert.deepEqual(again.found.map((found) => [found.kind, found.onPath]), [['native', true], ['npm-local', false]]);
    });

    it('reads npm\'s prefix from ~/.npmrc', async () => {
      const prefix = join(home, '.npm-global');
      writeFileSync(join(home, '.npmrc'), 'fund=false\nprefix=~/.npm-global\n');
      script(join(prefix, 'bin', 'claude'), 'echo 1');
      const search = await findClaudeCli({ env: env() });
      assert.deepEqual(search.found.map((found) => found.path), [join(prefix, 'bin', 'claude')]);
    });

    it('marks a claude inside a workspace folder, or found through a relative PATH entry, as named by the workspace', async () => {
      const workspace = join(dir, 'repo');
      script(join(workspace, 'node_modules', '.bin', 'claude'), 'echo 1');
      const inside = await findClaudeCli({ env: env({ PATH: `${join(workspace, 'node_modules', '.bin')}:/usr/bin` }), workspaceFolders: [workspace] });
      assert.deepEqual(inside.found.map((found) => [found.onPath, found.fromWorkspace, found.kind]), [[true, true, 'other']]);
      const relative = await findClaudeCli({ env: env({ PATH: 'node_modules/.bin:/usr/bin' }) });
      assert.ok(relative.found.every((found) => !found.onPath || found.fromWorkspace));
    });

    it('ignores a file that is not executable or not a file', async () => {
      mkdirSync(join(dir, 'bin', 'claude'), { recursive: true });
      writeFileSync(join(dir, 'bin2-claude'), '');
      mkdirSync(join(dir, 'bin2'));
      writeFileSync(join(dir, 'bin2', 'claude'), 'echo 1');
      const search = await findClaudeCli({ env: env({ PATH: `${join(dir, 'bin')}:${join(dir, 'bin2')}` }) });
      assert.deepEqual(search.found, []);
    });

    it('tells the kind from where the file really lives, on every platform', () => {
      assert.equal(kindOf('/home/me/.local/share/claude/versions/2.1.332', '/home/me', 'linux'), 'native');
      assert.equal(kindOf('/home/me/.claude/local/node_modules/@anthropic-ai/claude-code/cli.js', '/home/me', 'linux'), 'npm-local');
      assert.equal(kindOf('/usr/local/lib/node_modules/@anthropic-ai/claude-code/bin/claude.exe', '/home/me', 'linux'), 'npm-global');
      assert.equal(kindOf('/opt/homebrew/Caskroom/claude-code/2.1.311/claude', '/Users/me', 'darwin'), 'homebrew');
      assert.equal(kindOf('C:\\Users\\me\\.local\\bin\\claude.exe', 'C:\\Users\\me', 'win32'), 'native');
      assert.equal(kindOf('C:\\Users\\me\\AppData\\Roaming\\npm\\claude.cmd', 'C:\\Users\\me', 'win32'), 'npm-global');
      assert.equal(kindOf('/opt/tools/claude-wrapper', '/home/me', 'linux'), 'other');
    });
  });

  describe('claude --version, bounded', () => {
    it('reads the version it prints', async () => {
      const claude = script(join(dir, 'claude'), 'echo "2.1.332 (Claude Code)"');
      assert.deepEqual(await readCliVersion(claude, { timeoutMs: 5_000, env: env() }), { state: 'read', version: '2.1.332', how: 'version-command' });
    });

    it('stops one that does not answer at its deadline, and its children with it', async () => {
      const pids = join(dir, 'pids');
      const claude = script(join(dir, 'claude'), `sleep 30 & echo $! >> '${pids}'; echo $$ >> '${pids}'; wait`);
      const started = Date.now();
      const read = await readCliVersion(claude, { timeoutMs: 500, env: env() });
      assert.deepEqual(read, { state: 'failed', failure: { reason: 'timeout', timeoutMs: 500 } });
      assert.ok(Date.now() - started < 10_000, 'the answer comes at the deadline, not when the program ends');
      const started2 = readFileSync(pids, 'utf8').trim().split('\n').map(Number);
      assert.equal(started2.length, 2);
      for (let attempt = 0; attempt < 50 && started2.some(alive); attempt++) await new Promise((resolve) => setTimeout(resolve, 20));
      assert.deepEqual(started2.filter(alive), [], 'the program and what it started are gone');
    });

    it('reports what a broken program printed, a non-zero exit, and one that cannot start', async () => {
      const garbage = script(join(dir, 'garbage'), 'printf "Error: Cannot find module \\033[31mx\\n"');
      assert.deepEqual(await readCliVersion(garbage, { timeoutMs: 5_000, env: env() }), { state: 'failed', failure: { reason: 'garbage', output: 'Error: Cannot find module \u001b[31mx' } });
      const failing = script(join(dir, 'failing'), 'echo "segfault" >&2; exit 3');
      assert.deepEqual(await readCliVersion(failing, { timeoutMs: 5_000, env: env() }), { state: 'failed', failure: { reason: 'exit-code', exitCode: 3, output: 'segfault' } });
      const broken = join(dir, 'broken');
      writeFileSync(broken, '#!/nonexistent/interpreter\n');
      chmodSync(broken, 0o755);
      const read = await readCliVersion(broken, { timeoutMs: 5_000, env: env() });
      assert.equal(read.state === 'failed' && read.failure.reason, 'spawn-error');
    });

    it('keeps at most 4 KiB of what it prints', async () => {
      const noisy = script(join(dir, 'noisy'), 'head -c 100000 /dev/zero | tr "\\0" "x"');
      const read = await readCliVersion(noisy, { timeoutMs: 5_000, env: env() });
      assert.ok(read.state === 'failed' && read.failure.reason === 'garbage' && read.failure.output.length <= 200);
    });
  });

  describe('detection', () => {
    it('does not run a program the caller may not run (Restricted Mode), and reads a version once per file', async () => {
      const runs = join(dir, 'runs');
      const claude = script(join(dir, 'bin', 'claude'), `echo run >> '${runs}'; echo "2.1.332 (Claude Code)"`);
      const restricted = await detectClaudeCode({ env: env({ PATH: join(dir, 'bin') }), timeoutMs: 5_000, mayRun: () => false, extensions: [] });
      assert.deepEqual(restricted.cli.map((found) => found.version), [{ state: 'not-run', reason: 'restricted-mode' }]);
      assert.ok(!existsSync(runs), 'nothing was run');

      const memo = new VersionMemo();
      for (let time = 0; time < 2; time++) {
        const installs = await detectClaudeCode({ env: env({ PATH: join(dir, 'bin') }), timeoutMs: 5_000, memo, extensions: [] });
        assert.deepEqual(installs.cli.map((found) => found.version), [{ state: 'read', version: '2.1.332', how: 'version-command' }]);
      }
      assert.equal(readFileSync(runs, 'utf8'), 'run\n', 'run once for the same file');
      // An update (a new file) is read again.
      script(claude, `echo run >> '${runs}'; echo "2.1.400 (Claude Code)"`);
      const updated = await detectClaudeCode({ env: env({ PATH: join(dir, 'bin') }), timeoutMs: 5_000, memo, extensions: [] });
      assert.equal(updated.cli[0]?.version.state === 'read' && updated.cli[0].version.version, '2.1.400');
    });

    it('finds the VS Code extension in the editors\' extensions folders, the installed copy when several are there', async () => {
      assert.equal(await findClaudeCodeExtensions(env()), undefined, 'no editor here: nobody looked');
      const vscode = join(home, '.vscode', 'extensions');
      mkdirSync(join(vscode, 'ms-python.python-2026.1.0'), { recursive: true });
      assert.deepEqual(await findClaudeCodeExtensions(env()), [], 'an editor without the extension');

      for (const version of ['2.1.300', '2.1.330']) {
        mkdirSync(join(vscode, `anthropic.claude-code-${version}-linux-x64`), { recursive: true });
        writeFileSync(join(vscode, `anthropic.claude-code-${version}-linux-x64`, 'package.json'), JSON.stringify({ name: 'claude-code', publisher: 'anthropic', version }));
      }
      assert.deepEqual(await findClaudeCodeExtensions(env()), [{ where: join(vscode, 'anthropic.claude-code-2.1.330-linux-x64'), version: { state: 'read', version: '2.1.330', how: 'extension-manifest' } }]);
      // The editor's own list wins over the newest folder (an update not yet cleaned up).
      writeFileSync(join(vscode, 'extensions.json'), JSON.stringify([{ identifier: { id: 'Anthropic.claude-code' }, version: '2.1.300', relativeLocation: 'anthropic.claude-code-2.1.300-linux-x64' }]));
      const listed = await findClaudeCodeExtensions(env());
      assert.deepEqual(listed?.map((found) => found.version), [{ state: 'read', version: '2.1.300', how: 'extension-manifest' }]);

      // A remote server's folder too; a copy whose manifest is broken is reported, not guessed.
      const server = join(home, '.vscode-server', 'extensions', 'anthropic.claude-code-2.1.331');
      mkdirSync(server, { recursive: true });
      writeFileSync(join(server, 'package.json'), '{ not json');
      const both = await findClaudeCodeExtensions(env());
      assert.deepEqual(both?.map((found) => found.version.state), ['read', 'failed']);
    });
  });
});
