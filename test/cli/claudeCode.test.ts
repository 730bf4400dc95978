// doctor's Claude Code section and setup's warnings, through the built CLI: a fake `claude` on PATH
// that is current, too old, hangs or prints garbage, none at all, and the VS Code extension in an
// extensions folder; text and --json, exit codes, in a folder configured by setup.
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeAws, writeDemoHome, type FakeAws } from '../fake-aws';
import { BEDROCK_MODEL_IDS } from '../fake-aws/scenarios/bedrockCatalog';
import { LAST_UNSUPPORTED_VERSION, MINIMUM_SUPPORTED_VERSION, NEWEST_TESTED_VERSION } from '../../src/core/claudeCode/supportTable';
import { assertNoSecrets, run } from './runCli';

const TOKYO = 'ap-northeast-1';
const JP_SONNET = `jp.${BEDROCK_MODEL_IDS.sonnet45}`;
const JP_HAIKU = `jp.${BEDROCK_MODEL_IDS.haiku45}`;

interface JsonCheck {
  id: string;
  state: string;
  severity?: string;
  title: string;
  unread?: string[];
  failure?: { reason: string; fix: string; command?: string };
  claudeCode?: { code: string; install?: { path: string; kind: string; version: { state: string; version?: string; failure?: { reason: string } } }; ignored?: { key: string; derivedPrefix?: string; by: { version: string }[] } };
}

(process.platform === 'win32' ? describe.skip : describe)('CLI: which Claude Code reads the settings (doctor, setup)', function () {
  this.timeout(60_000);
  let fake: FakeAws;
  let dir: string;
  let repo: string;
  let bin: string;
  const home = () => join(dir, 'home');
  const env = (extra: Record<string, string> = {}) => ({ HOME: home(), PATH: `${bin}:/usr/bin:/bin`, ...fake.env(), CLAUDE_BEDROCK_MANAGED_SETTINGS_DIR: join(dir, 'managed'), ...extra });

  /** The `claude` on PATH: a script with this body. */
  function claude(body: string): void {
    writeFileSync(join(bin, 'claude'), `#!/bin/sh\n${body}\n`);
    chmodSync(join(bin, 'claude'), 0o755);
  }
  const claudeCodeChecks = (stdout: string) => (JSON.parse(stdout) as { checks: JsonCheck[] }).checks.filter((check) => check.id === 'claude-code');

  before(async () => {
    fake = await startFakeAws({ scenario: 'basic' });
    dir = mkdtempSync(join(tmpdir(), 'cbs-cli-claude-code-'));
    await writeDemoHome(home(), fake.state, { ssoSessionSuffix: '-cli-claude-code' });
    bin = join(dir, 'bin');
    mkdirSync(bin);
    repo = join(dir, 'repo');
    mkdirSync(repo);
    // A Japan-domestic setup without the Opus pin: what an old Claude Code derives itself matters.
    const setup = await run(['setup', '--folder', repo, '--profile', 'static-dev', '--region', TOKYO, '--model', JP_SONNET, '--background-model', JP_HAIKU, '--no-gitignore', '--no-vscode-settings'], env());
    assert.equal(setup.code, 0, setup.stderr);
  });
  after(async () => {
    await fake.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  afterEach(() => rmSync(join(bin, 'claude'), { force: true }));

  it('a current claude: ok, with its version and path, and nothing it would ignore', async () => {
    claude(`echo "${NEWEST_TESTED_VERSION} (Claude Code)"`);
    const result = await run(['doctor', '--folder', repo, '--json'], env());
    assert.equal(result.code, 0, result.stdout);
    const checks = claudeCodeChecks(result.stdout);
    assert.deepEqual(checks.map((check) => `${check.state}:${check.claudeCode?.code}`), ['ok:cli-ok']);
    assert.equal(checks[0]!.claudeCode?.install?.path, join(bin, 'claude'));
    assert.equal(checks[0]!.claudeCode?.install?.version.version, NEWEST_TESTED_VERSION);
    const text = await run(['doctor', '--folder', repo], env());
    assert.match(text.stdout, new RegExp(`✔ Claude Code ${NEWEST_TESTED_VERSION.replace(/\./g, '\\.')} \\(.*bin/claude\\)`));
    assertNoSecrets(text);
  });

  it('too old: a warning naming the minimum and the update command, and what it ignores here (apac. in Tokyo); exit 0', async () => {
    claude(`echo "${LAST_UNSUPPORTED_VERSION} (Claude Code)"`);
    const result = await run(['doctor', '--folder', repo, '--json'], env());
    assert.equal(result.code, 0, 'warnings do not fail doctor');
    const checks = claudeCodeChecks(result.stdout);
    assert.deepEqual(checks.map((check) => `${check.state}/${check.severity}:${check.claudeCode?.code}`), ['problem/warning:cli-old', 'problem/warning:setting-ignored']);
    assert.equal(checks[0]!.failure?.command, 'claude update');
    assert.equal(checks[1]!.claudeCode?.ignored?.key, 'env.ANTHROPIC_BEDROCK_REGION_PREFIX');
    assert.equal(checks[1]!.claudeCode?.ignored?.derivedPrefix, 'apac');
    const text = await run(['doctor', '--folder', repo], env());
    assert.match(text.stdout, new RegExp(`⚠ Claude Code ${LAST_UNSUPPORTED_VERSION.replace(/\./g, '\\.')} is older than ${MINIMUM_SUPPORTED_VERSION.replace(/\./g, '\\.')}`));
    assert.match(text.stdout, /apac\. in ap-northeast-1, not jp\./);
    assert.match(text.stdout, /Fix: Update Claude Code: claude update\./);
    const japanese = await run(['doctor', '--folder', repo, '--lang', 'ja'], env());
    assert.match(japanese.stdout, /ANTHROPIC_BEDROCK_REGION_PREFIX=jp を無視します/);
  });

  it('a claude that never answers: not verified within --timeout, killed, exit 1', async () => {
    claude('sleep 60');
    const started = Date.now();
    const result = await run(['doctor', '--folder', repo, '--json', '--timeout', '2'], env());
    assert.ok(Date.now() - started < 30_000, `doctor took ${Date.now() - started} ms`);
    assert.equal(result.code, 1, 'a check that could not be verified fails doctor');
    const report = JSON.parse(result.stdout) as { healthy: boolean; notVerified: string[] };
    assert.equal(report.healthy, false);
    const [check] = claudeCodeChecks(result.stdout);
    assert.equal(check?.state, 'not-verified');
    assert.deepEqual(check?.unread, ['claude --version']);
    assert.equal(check?.claudeCode?.install?.version.failure?.reason, 'timeout');
    assert.ok(report.notVerified.some((title) => title.includes('could not be read')));
    const text = await run(['doctor', '--folder', repo, '--timeout', '1'], env());
    assert.match(text.stdout, /\? The version of Claude Code at .*claude could not be read \[not verified\]/);
    assert.match(text.stdout, /did not answer within 1 s and was stopped/);
  });

  it('garbage output: not verified, with what it printed (control characters removed); exit 1', async () => {
    claude('printf "Segmentation fault \\033[31m(core dumped)\\n"');
    const result = await run(['doctor', '--folder', repo], env());
    assert.equal(result.code, 1);
    assert.match(result.stdout, /printed "Segmentation fault \s*\[31m\(core dumped\)", which is not a version/);
    assert.ok(!result.stdout.includes('\u001b'), 'no escape character reaches the terminal');
  });

  it('none at all: a warning with the install command; the VS Code extension in an extensions folder is found and judged', async () => {
    const result = await run(['doctor', '--folder', repo, '--json'], env());
    assert.equal(result.code, 0);
    const [absent] = claudeCodeChecks(result.stdout);
    assert.equal(absent?.claudeCode?.code, 'absent');
    assert.match(absent?.failure?.fix ?? '', /curl -fsSL https:\/\/claude\.ai\/install\.sh \| bash/);

    const extension = join(home(), '.vscode-server', 'extensions', 'anthropic.claude-code-2.1.200-linux-x64');
    mkdirSync(extension, { recursive: true });
    writeFileSync(join(extension, 'package.json'), JSON.stringify({ name: 'claude-code', version: '2.1.200' }));
    try {
      const withExtension = await run(['doctor', '--folder', repo, '--json'], env());
      assert.deepEqual(claudeCodeChecks(withExtension.stdout).map((check) => `${check.state}:${check.claudeCode?.code}`), ['ok:cli-absent', 'problem:extension-old', 'problem:setting-ignored']);
    } finally {
      rmSync(join(home(), '.vscode-server'), { recursive: true, force: true });
    }
  });

  it('outside a configured folder nothing about Claude Code is a problem', async () => {
    claude(`echo "${LAST_UNSUPPORTED_VERSION} (Claude Code)"`);
    const elsewhere = join(dir, 'elsewhere');
    mkdirSync(elsewhere, { recursive: true });
    const result = await run(['doctor', '--folder', elsewhere, '--profile', 'static-dev', '--region', TOKYO, '--json'], env());
    assert.equal(result.code, 0, result.stdout);
    assert.deepEqual(claudeCodeChecks(result.stdout).map((check) => `${check.state}:${check.claudeCode?.code}`), ['ok:cli-old']);
  });

  it('setup warns, before anything is read by Claude Code, about what the installed version would ignore of what it writes', async () => {
    claude(`echo "${LAST_UNSUPPORTED_VERSION} (Claude Code)"`);
    const folder = join(dir, 'fresh');
    mkdirSync(folder, { recursive: true });
    const args = ['setup', '--folder', folder, '--profile', 'static-dev', '--region', TOKYO, '--model', JP_SONNET, '--background-model', JP_HAIKU, '--no-gitignore', '--no-vscode-settings'];
    const dry = await run([...args, '--dry-run'], env());
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, /! Claude Code 2\.1\.223 ignores ANTHROPIC_BEDROCK_REGION_PREFIX=jp \(honoured from 2\.1\.224\)/);
    assert.match(dry.stdout, /apac\. in ap-northeast-1, not jp\..*sonnet and opus aliases/);
    const json = await run([...args, '--json'], env());
    const report = JSON.parse(json.stdout) as { claudeCode: { findings: { code: string; state: string; text: { title: string } }[] } };
    assert.deepEqual(report.claudeCode.findings.map((finding) => `${finding.code}:${finding.state}`), ['cli-old:warning', 'setting-ignored:warning']);

    claude(`echo "${NEWEST_TESTED_VERSION} (Claude Code)"`);
    const current = await run([...args, '--dry-run'], env());
    assert.doesNotMatch(current.stdout, /ignores|older than/);
  });
});
