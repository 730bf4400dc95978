// `policy check --lang ja` when the account cannot answer: GetModelInvocationLoggingConfiguration and
// GetInferenceProfile fail with HTTP 500. Each is a not-verified violation whose cause and fix are in
// Japanese (they were the English words of the failure, ending in ".." in English), and the proof
// file keeps its English words.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeAws, writeDemoHome, type FakeAws } from '../fake-aws';
import { BEDROCK_MODEL_IDS } from '../fake-aws/scenarios/bedrockCatalog';
import { TEAM_REGION } from '../fake-aws/scenarios/teamData';
import { assertNoSecrets, run } from './runCli';

const JP_SONNET = `jp.${BEDROCK_MODEL_IDS.sonnet45}`;

describe('CLI policy check in Japanese when the account cannot answer', () => {
  let fake: FakeAws;
  let dir: string;
  const env = () => ({ HOME: join(dir, 'home'), ...fake.env(), CLAUDE_BEDROCK_MANAGED_SETTINGS_DIR: join(dir, 'managed'), CLAUDE_BEDROCK_POLICY_DIR: join(dir, 'machine-policy') });
  const repo = () => join(dir, 'repo');

  before(async () => {
    fake = await startFakeAws({ scenario: 'team-logging-off' });
    dir = mkdtempSync(join(tmpdir(), 'cbs-cli-policy-ja-'));
    await writeDemoHome(join(dir, 'home'), fake.state, { ssoSessionSuffix: '-cli-policy-ja' });
    mkdirSync(join(repo(), '.claude'), { recursive: true });
    writeFileSync(join(repo(), '.claude', 'bedrock-policy.json'), JSON.stringify({ version: 1, requireInvocationLogging: true, dataResidency: 'japan' }));
    writeFileSync(join(repo(), '.claude', 'settings.json'), JSON.stringify({ env: { CLAUDE_CODE_USE_BEDROCK: '1', AWS_PROFILE: 'static-dev', AWS_REGION: TEAM_REGION, ANTHROPIC_MODEL: JP_SONNET } }));
  });
  after(async () => {
    await fake?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    fake.clearLog();
    fake.clearFaults();
    fake.inject({ service: 'bedrock', operation: 'GetModelInvocationLoggingConfiguration', error: { status: 500, code: 'InternalServerException', message: 'Fake internal failure.' } });
    fake.inject({ service: 'bedrock', operation: 'GetInferenceProfile', error: { status: 500, code: 'InternalServerException', message: 'Fake internal failure.' } });
  });

  it('words both failures in Japanese, with no English sentence and no doubled full stop', async () => {
    const proof = join(dir, 'proof.json');
    const result = await run(['policy', 'check', '--folder', repo(), '--lang', 'ja', '--proof', proof], env());
    assert.equal(result.code, 1, result.stdout + result.stderr);
    assertNoSecrets(result);
    assert.ok(fake.requests.some((entry) => entry.operation === 'GetModelInvocationLoggingConfiguration'), 'logging was asked');
    assert.ok(fake.requests.some((entry) => entry.operation === 'GetInferenceProfile'), 'residency was asked');
    const out = result.stdout;
    const logging = out.split('\n').findIndex((line) => line.includes('呼び出しログが有効か読み取れませんでした'));
    const residency = out.split('\n').findIndex((line) => line.includes(`${JP_SONNET} の実行場所を確認できませんでした`));
    assert.ok(logging >= 0 && residency >= 0, out);
    for (const index of [logging, residency]) {
      const detail = out.split('\n')[index + 1]!;
      assert.match(detail, /500/, detail);
      assert.doesNotMatch(detail, /could not|did not|was answered|Try again|internal server error|\.\.|。。/, detail);
      assert.match(detail, /もう一度試して|再試行して/, detail);
    }
    // The lookups' line of the residency summary is Japanese too.
    assert.doesNotMatch(out, /was answered with HTTP 500|Try again in a few minutes/, out);
    // The proof is for an auditor: its English words stay, and no diagnosis is written into it.
    const written = JSON.parse(readFileSync(proof, 'utf8'));
    assert.match(written.models[0].error, /^GetInferenceProfile in ap-northeast-1 was answered with HTTP 500/);
    assert.equal(written.models[0].diagnosis, undefined);
  });

  it('setup refuses to write in Japanese when the lookup fails, naming the cause and fix in Japanese', async () => {
    const folder = join(dir, 'setup-repo');
    mkdirSync(join(folder, '.claude'), { recursive: true });
    writeFileSync(join(folder, '.claude', 'bedrock-policy.json'), JSON.stringify({ version: 1, dataResidency: 'japan' }));
    const args = ['setup', '--folder', folder, '--profile', 'static-dev', '--region', TEAM_REGION, '--model', JP_SONNET, '--background-model', `jp.${BEDROCK_MODEL_IDS.haiku45}`, '--no-gitignore', '--no-vscode-settings'];
    const result = await run([...args, '--lang', 'ja'], env());
    assert.equal(result.code, 1, result.stdout + result.stderr);
    assert.match(result.stderr, /^何も書き込んでいません: モデルの実行先をアカウントに問い合わせられなかったため/);
    assert.match(result.stderr, /HTTP 500 \(サーバー内部エラー\)/);
    assert.doesNotMatch(result.stderr, /was answered|Try again|internal server error|\.\./, result.stderr);
  });

  it('says the same in English with one full stop after the failure', async () => {
    const result = await run(['policy', 'check', '--folder', repo(), '--lang', 'en'], env());
    assert.equal(result.code, 1, result.stdout + result.stderr);
    assert.match(result.stdout, /GetModelInvocationLoggingConfiguration failed: Amazon Bedrock could not be read \(GetModelInvocationLoggingConfiguration: HTTP 500/);
    assert.doesNotMatch(result.stdout, /\.\./, result.stdout);
  });
});
