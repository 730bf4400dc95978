// doctor is never green by mistake: a check whose call failed is "not verified" and fails the run,
// each distinct failure is shown once, a configured folder is checked with what Claude Code would
// use there, and the same faulty answers give the same output whatever order they arrive in.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeAws, writeDemoHome, type FakeAws, type FaultRule } from '../fake-aws';
import { BEDROCK_MODEL_IDS } from '../fake-aws/scenarios/bedrockCatalog';
import { assertNoSecrets, cli, run } from './runCli';

const TOKYO = 'ap-northeast-1';
const JP_SONNET = `jp.${BEDROCK_MODEL_IDS.sonnet45}`;
const JP_HAIKU = `jp.${BEDROCK_MODEL_IDS.haiku45}`;
const serverError = (operation: string, latencyMs?: number): FaultRule => ({
  operation,
  error: { status: 500, code: 'InternalServerException', message: `${operation} is having a bad day` },
  ...(latencyMs === undefined ? {} : { latencyMs }),
});

interface JsonCheck {
  id: string;
  state: string;
  severity?: string;
  title: string;
  summary?: string;
  unread?: string[];
  diagnoses?: { code: string; operation?: string; deniedAction?: string; cause: string; fix: string }[];
  settings?: { folder: string; files: { source: string; path: string }[] };
}

describe('CLI doctor: three states, distinct failures, the folder\'s setup, determinism', function () {
  this.timeout(60_000);
  let fake: FakeAws;
  let dir: string;
  let repo: string;
  const env = (extra: Record<string, string> = {}) => ({ HOME: join(dir, 'home'), ...fake.env(), CLAUDE_BEDROCK_MANAGED_SETTINGS_DIR: join(dir, 'managed'), TZ: 'UTC', ...extra });
  before(async () => {
    fake = await startFakeAws({ scenario: 'basic' });
    dir = mkdtempSync(join(tmpdir(), 'cbs-cli-doctor-'));
    await writeDemoHome(join(dir, 'home'), fake.state, { ssoSessionSuffix: '-cli-doctor' });
    repo = join(dir, 'repo');
    mkdirSync(repo);
    execFileSync(process.execPath, [cli, 'setup', '--folder', repo, '--profile', 'sso-dev', '--region', TOKYO, '--model', JP_SONNET, '--background-model', JP_HAIKU, '--no-gitignore', '--no-vscode-settings'], {
      env: { PATH: process.env.PATH ?? '', AWS_EC2_METADATA_DISABLED: 'true', ...env() },
      stdio: 'pipe',
    });
  });
  after(async () => {
    await fake.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  afterEach(() => fake.clearFaults());

  it('with every Bedrock control-plane call and the quota listings failing with HTTP 500: not verified, exit 1, no healthy sentence', async () => {
    for (const operation of ['GetInferenceProfile', 'GetFoundationModelAvailability', 'ListServiceQuotas', 'ListAWSDefaultServiceQuotas']) fake.inject(serverError(operation));
    const args = ['doctor', '--profile', 'static-dev', '--region', TOKYO, '--model', JP_SONNET];
    const text = await run(args, env());
    assert.equal(text.code, 1, text.stdout + text.stderr);
    for (const claim of [/Nothing failed/, /every quota below 80%/, /looks available/, /access granted/, /Healthy/]) assert.doesNotMatch(text.stdout, claim);
    assert.match(text.stdout, /Not verified \(2\)/);
    assert.match(text.stdout, /GetInferenceProfile, GetFoundationModelAvailability could not be read/);
    assertNoSecrets(text);

    const report = JSON.parse((await run([...args, '--json'], env())).stdout);
    assert.equal(report.healthy, false);
    const byId = (id: string) => report.checks.filter((check: JsonCheck) => check.id === id) as JsonCheck[];
    const [model] = byId('model');
    assert.equal(model!.state, 'not-verified');
    // Two failed calls, two lines: the same code must not collapse them.
    assert.deepEqual(model!.diagnoses!.map((diagnosis) => diagnosis.operation), ['GetInferenceProfile', 'GetFoundationModelAvailability']);
    assert.ok(model!.diagnoses!.every((diagnosis) => diagnosis.fix.length > 0));
    assert.equal(byId('quotas')[0]!.state, 'not-verified');
    assert.deepEqual(byId('quotas')[0]!.unread, ['ListAWSDefaultServiceQuotas', 'ListServiceQuotas']);
    assert.notEqual(byId('usage')[0]!.summary, undefined);
    assert.doesNotMatch(byId('usage')[0]!.summary!, /every quota/);
    assert.equal(report.notVerified.length, 2);
  });

  it('shows two refused IAM actions as two lines naming two actions', async () => {
    fake.inject({ operation: 'GetInferenceProfile', error: { status: 403, code: 'AccessDeniedException', message: 'User: arn:aws:iam::111122223333:user/x is not authorized to perform: bedrock:GetInferenceProfile on resource: *' } });
    fake.inject({ operation: 'GetFoundationModelAvailability', error: { status: 403, code: 'AccessDeniedException', message: 'User: arn:aws:iam::111122223333:user/x is not authorized to perform: bedrock:GetFoundationModelAvailability on resource: *' } });
    const result = await run(['doctor', '--profile', 'static-dev', '--region', TOKYO, '--model', JP_SONNET, '--json'], env());
    assert.equal(result.code, 1, result.stdout);
    const model = JSON.parse(result.stdout).checks.find((check: JsonCheck) => check.id === 'model') as JsonCheck;
    assert.deepEqual(model.diagnoses!.map((diagnosis) => diagnosis.deniedAction), ['bedrock:GetInferenceProfile', 'bedrock:GetFoundationModelAvailability']);
  });

  it('says how a model was verified when it was: availability and the profile read now', async () => {
    const result = await run(['doctor', '--profile', 'static-dev', '--region', TOKYO, '--model', JP_SONNET], env());
    assert.equal(result.code, 0, result.stdout);
    assert.match(result.stdout, /access granted \(GetFoundationModelAvailability\) and inference profile found \(GetInferenceProfile\), read now; not probed/);
  });

  it('in a configured folder checks the folder\'s profile, Region and models (not the shell\'s), and says which files it read', async () => {
    fake.clearLog();
    // The shell names another profile: the folder's settings win, as in Claude Code.
    const result = await run(['doctor', '--json'], env({ AWS_PROFILE: 'static-dev' }), { cwd: repo });
    assert.equal(result.code, 0, result.stdout + result.stderr);
    const report = JSON.parse(result.stdout);
    assert.deepEqual(report.target, { profile: 'sso-dev' });
    assert.equal(report.region, TOKYO);
    const settings = report.checks.find((check: JsonCheck) => check.id === 'settings') as JsonCheck;
    assert.equal(settings.state, 'ok');
    assert.equal(settings.settings!.folder, repo);
    assert.deepEqual(settings.settings!.files.map((file) => file.path).sort(), [join(repo, '.claude', 'settings.json'), join(repo, '.claude', 'settings.local.json')].sort());
    const models = report.checks.filter((check: JsonCheck) => check.id === 'model').map((check: JsonCheck & { model: string }) => check.model);
    assert.deepEqual(models, [JP_SONNET, JP_HAIKU]);
    const refresh = report.checks.find((check: JsonCheck) => check.title.includes('awsAuthRefresh')) as JsonCheck;
    assert.equal(refresh.state, 'ok');
    assert.match(refresh.summary!, /aws sso login --profile sso-dev/);
    assert.ok(fake.requests.some((entry) => entry.service === 'sso' && entry.operation === 'GetRoleCredentials'), 'the SSO profile was used');

    const text = await run(['doctor', '--folder', repo], env({ AWS_PROFILE: 'static-dev' }));
    assert.match(text.stdout, new RegExp(`Claude settings of ${repo.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    assert.match(text.stdout, /read local: .*settings\.local\.json/);
    assert.match(text.stdout, /env\.AWS_PROFILE = sso-dev \(from .*settings\.local\.json\)/);

    const explicit = JSON.parse((await run(['doctor', '--folder', repo, '--profile', 'static-dev', '--json'], env())).stdout);
    assert.deepEqual(explicit.target, { profile: 'static-dev' }, '--profile wins over the settings');
  });

  it('gives the same output and exit code whatever order the failed answers arrive in', async () => {
    const normalise = (stdout: string) => stdout.replace(/\d+ ms/g, 'N ms').replace(/"durationMs": \d+/g, '"durationMs": N').replace(/"generatedAt": \d+/g, '"generatedAt": N');
    const outcomes = new Set<string>();
    // Each ordering makes a different call answer first: the profile lookup, availability or the probe.
    for (const [profileMs, availabilityMs, probeMs] of [[0, 150, 300], [300, 0, 150], [150, 300, 0], [300, 150, 0]] as const) {
      fake.clearFaults();
      fake.inject(serverError('GetInferenceProfile', profileMs));
      fake.inject({ operation: 'GetFoundationModelAvailability', latencyMs: availabilityMs, error: { status: 403, code: 'AccessDeniedException', message: 'User: arn:aws:iam::111122223333:user/x is not authorized to perform: bedrock:GetFoundationModelAvailability on resource: *' } });
      fake.inject(serverError('Converse', probeMs));
      const result = await run(['doctor', '--profile', 'static-dev', '--region', TOKYO, '--model', JP_SONNET, '--probe', '--json'], env());
      outcomes.add(`${result.code}\n${normalise(result.stdout)}`);
    }
    assert.equal(outcomes.size, 1, [...outcomes].join('\n=====\n'));
    const [only] = [...outcomes];
    assert.ok(only!.startsWith('1\n'), 'not verified fails the run');
  });
});
