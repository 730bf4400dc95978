// `policy check` under a policy that requires invocation logging, when the account is not asked:
// --offline, or a profile that is not defined. Not asked is not verified: exit 1 with the reason,
// in English and Japanese, never "complies" (it used to say the setup complied).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeAws, writeDemoHome, type FakeAws } from '../fake-aws';
import { BEDROCK_MODEL_IDS } from '../fake-aws/scenarios/bedrockCatalog';
import { TEAM_REGION } from '../fake-aws/scenarios/teamData';
import { run } from './runCli';

describe('CLI policy check when invocation logging was not read', () => {
  let fake: FakeAws;
  let dir: string;
  const env = () => ({ HOME: join(dir, 'home'), ...fake.env(), CLAUDE_BEDROCK_MANAGED_SETTINGS_DIR: join(dir, 'managed'), CLAUDE_BEDROCK_POLICY_DIR: join(dir, 'machine-policy') });
  const repo = (profile: string) => {
    const folder = join(dir, `repo-${profile}`);
    mkdirSync(join(folder, '.claude'), { recursive: true });
    writeFileSync(join(folder, '.claude', 'bedrock-policy.json'), JSON.stringify({ version: 1, requireInvocationLogging: true }));
    writeFileSync(join(folder, '.claude', 'settings.json'), JSON.stringify({ env: { CLAUDE_CODE_USE_BEDROCK: '1', AWS_PROFILE: profile, AWS_REGION: TEAM_REGION, ANTHROPIC_MODEL: `jp.${BEDROCK_MODEL_IDS.sonnet45}` } }));
    return folder;
  };

  before(async () => {
    fake = await startFakeAws({ scenario: 'team' });
    dir = mkdtempSync(join(tmpdir(), 'cbs-cli-logging-unread-'));
    await writeDemoHome(join(dir, 'home'), fake.state, { ssoSessionSuffix: '-cli-logging-unread' });
  });
  after(async () => {
    await fake?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => fake.clearLog());

  it('the same setup complies when the account is asked (logging on)', async () => {
    const result = await run(['policy', 'check', '--folder', repo('static-dev')], env());
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.ok(fake.requests.some((entry) => entry.operation === 'GetModelInvocationLoggingConfiguration'));
  });

  it('--offline: not verified, exit 1, in English and Japanese', async () => {
    const folder = repo('static-dev');
    const en = await run(['policy', 'check', '--folder', folder, '--offline'], env());
    assert.equal(en.code, 1, en.stdout + en.stderr);
    assert.match(en.stdout, /Whether Bedrock model invocation logging is on was not verified/);
    assert.match(en.stdout, /policy check ran with --offline\. Run it without --offline to ask the account\./);
    const ja = await run(['policy', 'check', '--folder', folder, '--offline', '--lang', 'ja'], env());
    assert.equal(ja.code, 1, ja.stdout + ja.stderr);
    assert.match(ja.stdout, /Bedrock のモデル呼び出しログが有効か確認できていません/);
    assert.match(ja.stdout, /--offline を付けずに実行してください。/);
    assert.equal(fake.requests.length, 0, '--offline asks AWS nothing');
  });

  it('a profile that is not defined: not verified, exit 1, naming why', async () => {
    const result = await run(['policy', 'check', '--folder', repo('nobody')], env());
    assert.equal(result.code, 1, result.stdout + result.stderr);
    assert.match(result.stdout, /Whether Bedrock model invocation logging is on was not verified/);
    assert.match(result.stdout, /the AWS profile this setup uses is not defined/);
    const json = JSON.parse((await run(['policy', 'check', '--folder', repo('nobody'), '--json'], env())).stdout);
    assert.equal(json.compliant, false);
    assert.deepEqual(json.violations.map((violation: { code: string; unread?: string }) => [violation.code, violation.unread]), [['invocation-logging-unverified', 'no-profile']]);
  });
});
