// `claude-bedrock setup` as a dev-container script would run it: the built CLI in its own process.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from './runCli';

const SONNET_JP = 'jp.anthropic.claude-sonnet-4-5-20250929-v1:0';
const HAIKU_JP = 'jp.anthropic.claude-haiku-4-5-20251001-v1:0';

const CONFIG = `[profile sso-dev]
sso_session = corp
sso_account_id = 111122223333
sso_role_name = Developer
region = ap-northeast-1

[sso-session corp]
sso_start_url = https://example.awsapps.com/start
sso_region = ap-northeast-1

[profile static-dev]
region = us-west-2
`;

describe('cli setup', () => {
  let root: string;
  let home: string;
  let folder: string;
  let env: Record<string, string>;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'cbs-setup-'));
    home = join(root, 'home');
    folder = join(root, 'work');
    mkdirSync(join(home, '.aws'), { recursive: true });
    mkdirSync(folder);
    writeFileSync(join(home, '.aws', 'config'), CONFIG);
    execFileSync('git', ['init', '-q'], { cwd: folder, env: { PATH: process.env.PATH ?? '', HOME: home, GIT_CONFIG_NOSYSTEM: '1' } });
    env = { HOME: home, CLAUDE_BEDROCK_MANAGED_SETTINGS_DIR: join(root, 'managed'), GIT_CONFIG_NOSYSTEM: '1' };
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const setup = (...args: string[]) => run(['setup', '--folder', folder, ...args], env);
  const read = (relative: string) => readFileSync(join(folder, relative), 'utf8');

  it('writes the shared and the personal file, git-ignores the personal one and sets the VS Code login prompt off', async () => {
    const result = await setup('--profile', 'sso-dev', '--region', 'ap-northeast-1', '--model', SONNET_JP, '--background-model', HAIKU_JP);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(
      read('.claude/settings.json'),
      JSON.stringify({ env: { CLAUDE_CODE_USE_BEDROCK: '1', AWS_REGION: 'ap-northeast-1', ANTHROPIC_MODEL: SONNET_JP, ANTHROPIC_BEDROCK_REGION_PREFIX: 'jp', ANTHROPIC_DEFAULT_HAIKU_MODEL: HAIKU_JP } }, null, 2) + '\n',
    );
    assert.deepEqual(JSON.parse(read('.claude/settings.local.json')), { env: { AWS_PROFILE: 'sso-dev' }, awsAuthRefresh: 'aws sso login --profile sso-dev' });
    assert.match(read('.gitignore'), /^\.claude\/settings\.local\.json$/m);
    assert.equal(execFileSync('git', ['check-ignore', '.claude/settings.local.json'], { cwd: folder, encoding: 'utf8' }).trim(), '.claude/settings.local.json');
    assert.deepEqual(JSON.parse(read('.vscode/settings.json')), { 'claudeCode.disableLoginPrompt': true });
    assert.match(result.stdout, /Wrote .*settings\.json/);
    assert.match(result.stdout, /doctor --profile sso-dev --region ap-northeast-1 --model jp\.anthropic\.claude-sonnet/);
    assert.match(result.stdout, /No --opus-model: Claude Code then probes Opus IDs of its own choosing/);
    const pinned = await setup('--profile', 'sso-dev', '--model', SONNET_JP, '--opus-model', 'jp.anthropic.claude-opus-4-6-v1');
    assert.doesNotMatch(pinned.stdout, /No --opus-model/);
    assert.equal(JSON.parse(read('.claude/settings.json')).env.ANTHROPIC_DEFAULT_OPUS_MODEL, 'jp.anthropic.claude-opus-4-6-v1');
    // No temporary files left behind.
    assert.deepEqual(readdirSync(join(folder, '.claude')).sort(), ['settings.json', 'settings.local.json']);
  });

  it('writes nothing with --dry-run and shows the diff', async () => {
    const result = await setup('--profile', 'static-dev', '--model', SONNET_JP, '--dry-run');
    assert.equal(result.code, 0, result.stderr);
    assert.equal(existsSync(join(folder, '.claude')), false);
    assert.equal(existsSync(join(folder, '.gitignore')), false);
    assert.match(result.stdout, /\+ {4}"AWS_REGION": "us-west-2"/, 'the region comes from the profile');
    assert.match(result.stdout, /--- \/dev\/null\n\+\+\+ b\/\.claude\/settings\.local\.json/);
  });

  it('keeps foreign keys and their order, and answers with JSON', async () => {
    mkdirSync(join(folder, '.claude'));
    writeFileSync(join(folder, '.claude', 'settings.json'), '{\n    "permissions": {"allow": ["Bash(npm test)"]},\n    "env": {"NODE_ENV": "dev"}\n}\n');
    const result = await setup('--profile', 'static-dev', '--region', 'ap-northeast-1', '--model', SONNET_JP, '--scope', 'project', '--json', '--no-vscode-settings');
    assert.equal(result.code, 0, result.stderr);
    const report = JSON.parse(result.stdout);
    assert.equal(report.ok, true);
    assert.deepEqual(report.files.map((file: { source: string }) => file.source), ['project', 'local']);
    assert.equal(report.vscodeSettings, null);
    const written = read('.claude/settings.json');
    assert.ok(written.startsWith('{\n    "permissions"'), 'four-space indentation kept');
    assert.deepEqual(Object.keys(JSON.parse(written)), ['permissions', 'env']);
    assert.deepEqual(Object.keys(JSON.parse(written).env), ['NODE_ENV', 'CLAUDE_CODE_USE_BEDROCK', 'AWS_REGION', 'ANTHROPIC_MODEL', 'ANTHROPIC_BEDROCK_REGION_PREFIX']);
    assert.equal(JSON.parse(read('.claude/settings.local.json')).awsAuthRefresh, undefined, 'no SSO refresh for a static profile');
  });

  it('leaves a file that does not parse byte-identical and names line and column, in both languages', async () => {
    mkdirSync(join(folder, '.claude'));
    const broken = '{\n  "env": {\n    "AWS_REGION": "us-east-1", // ours\n  }\n}\n';
    writeFileSync(join(folder, '.claude', 'settings.json'), broken);
    for (const lang of ['en', 'ja']) {
      const result = await setup('--profile', 'sso-dev', '--model', SONNET_JP, '--lang', lang);
      assert.equal(result.code, 1);
      assert.match(result.stderr, /settings\.json:3:32: /);
      assert.match(result.stderr, lang === 'en' ? /left exactly as it is/ : /一切変更していません/);
      assert.equal(read('.claude/settings.json'), broken);
      assert.equal(existsSync(join(folder, '.claude', 'settings.local.json')), false, 'nothing else written either');
    }
  });

  it('does not write what managed settings lock, and says so', async () => {
    mkdirSync(join(root, 'managed'));
    writeFileSync(join(root, 'managed', 'managed-settings.json'), JSON.stringify({ env: { ANTHROPIC_MODEL: 'global.anthropic.claude-sonnet-4-5-20250929-v1:0' } }));
    const result = await setup('--profile', 'sso-dev', '--model', SONNET_JP);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(JSON.parse(read('.claude/settings.json')).env.ANTHROPIC_MODEL, undefined);
    assert.match(result.stdout, /ANTHROPIC_MODEL is set by managed settings to global\.anthropic/);
  });

  it('writes the user file for --scope user', async () => {
    const result = await run(['setup', '--profile', 'sso-dev', '--model', SONNET_JP, '--scope', 'user'], env);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(JSON.parse(readFileSync(join(home, '.claude', 'settings.json'), 'utf8')).env.AWS_PROFILE, 'sso-dev');
    assert.equal(existsSync(join(folder, '.claude')), false);
  });

  it('explains bad input and exits 2', async () => {
    const cases: [string[], RegExp][] = [
      [['--profile', 'nobody', '--model', SONNET_JP], /Profile "nobody" is not defined/],
      [['--profile', 'sso-dev'], /setup needs --model/],
      [['--profile', 'sso-dev', '--model', SONNET_JP, '--scope', 'team'], /--scope must be project, local or user/],
      [['--profile', 'sso-dev', '--model', SONNET_JP, '--region', 'tokyo'], /"tokyo" is not a region code/],
      [['--profile', 'sso-dev', '--model', SONNET_JP, '--max-output-tokens', '1e5'], /--max-output-tokens must be a whole number/],
    ];
    for (const [args, message] of cases) {
      const result = await setup(...args);
      assert.equal(result.code, 2, args.join(' '));
      assert.match(result.stderr, message);
    }
    assert.equal(existsSync(join(folder, '.claude')), false);
  });
});
