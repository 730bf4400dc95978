// The built CLI as a user runs it: a separate Node process with its own environment, its JSON
// output and exit codes, against fixture homes and the loopback fake AWS.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeAws, writeDemoHome, type FakeAws } from '../fake-aws';
import { BASIC_ACCOUNT_ID, BASIC_STATIC_KEY } from '../fake-aws/scenarios/basic';
import { assertNoSecrets, cli, run } from './runCli';

const everyKind = join(__dirname, '..', 'fixtures', 'every-kind');

describe('CLI', function () {
  before(() => {
    if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run npm run build (npm test does it first)');
  });

  describe('profiles', () => {
    it('lists every kind with region and problems as JSON, and no secret', async () => {
      const result = await run(['profiles', '--json'], { HOME: everyKind });
      assert.equal(result.code, 0, result.stderr);
      assertNoSecrets(result);
      const report = JSON.parse(result.stdout);
      assert.equal(report.schemaVersion, 1);
      const byName = new Map<string, { kind: string; region?: string; problems: { code: string; message: string; fix: string }[] }>(
        report.profiles.map((profile: { name: string }) => [profile.name, profile]),
      );
      const expected: Record<string, [string, string | undefined]> = {
        'static-dev': ['static', 'ap-northeast-1'],
        'session-dev': ['session', 'ap-northeast-1'],
        'sso-dev': ['sso', 'ap-northeast-1'],
        'sso-expired': ['sso', 'ap-northeast-3'],
        'sso-legacy': ['sso-legacy', 'us-west-2'],
        'role-dev': ['assume-role', 'ap-northeast-1'],
        'chain-invoker': ['assume-role', 'ap-northeast-1'],
        'role-from-env': ['assume-role', undefined],
        'process-dev': ['credential-process', 'ap-northeast-1'],
        'web-id': ['web-identity', 'us-east-1'],
        'login-dev': ['login', 'ap-northeast-1'],
        'settings-only': ['none', 'eu-central-1'],
        プロファイル: ['static', undefined],
      };
      for (const [name, [kind, region]] of Object.entries(expected)) {
        assert.equal(byName.get(name)?.kind, kind, name);
        assert.equal(byName.get(name)?.region, region, name);
      }
      const expired = byName.get('sso-expired')!.problems.find((problem) => problem.code === 'sso-token-expired');
      assert.equal(expired?.fix, 'aws sso login --profile sso-expired');
      assert.ok(byName.get('loop-a')!.problems.some((problem) => problem.code === 'role-chain-cycle'));
      assert.ok(byName.get('orphan')!.problems.some((problem) => problem.code === 'missing-source-profile'));
      const fileProblems = report.problems.map((problem: { code: string; line: number }) => `${problem.code}@${problem.line}`);
      assert.ok(fileProblems.includes('bare-config-section@78'), fileProblems.join(', '));
      assert.ok(fileProblems.includes('duplicate-section@93'), fileProblems.join(', '));
      assert.ok(fileProblems.includes('unparsable-line@95'), fileProblems.join(', '));
    });

    it('honours AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE', async () => {
      const result = await run(['profiles', '--json'], {
        HOME: '/nonexistent',
        AWS_CONFIG_FILE: join(everyKind, '.aws', 'config'),
        AWS_SHARED_CREDENTIALS_FILE: join(everyKind, '.aws', 'credentials'),
      });
      const report = JSON.parse(result.stdout);
      assert.equal(report.files.config.state, 'read');
      assert.ok(report.profiles.length > 15);
    });

    it('prints a table in English or Japanese', async () => {
      const en = await run(['profiles'], { HOME: everyKind });
      assert.equal(en.code, 0);
      assert.match(en.stdout, /^PROFILE\s+KIND\s+REGION\s+STATUS/);
      assert.match(en.stdout, /sso-expired\s+SSO\s+ap-northeast-3\s+expired at 2020-01-01 00:00 UTC/);
      assertNoSecrets(en);
      const ja = await run(['profiles'], { HOME: everyKind, LANG: 'ja_JP.UTF-8' });
      assert.match(ja.stdout, /^プロファイル\s+種類/);
      const forced = await run(['profiles', '--lang', 'en'], { HOME: everyKind, LANG: 'ja_JP.UTF-8' });
      assert.match(forced.stdout, /^PROFILE/);
    });

    it('says where it looked when there are no profiles', async () => {
      const result = await run(['profiles'], { HOME: '/nonexistent-home' });
      assert.equal(result.code, 0);
      assert.match(result.stdout, /No AWS profiles found \(looked in \/nonexistent-home\/\.aws\/config/);
    });
  });

  describe('doctor against the fake AWS', () => {
    let fake: FakeAws;
    let home: string;
    before(async () => {
      fake = await startFakeAws({ scenario: 'basic' });
      home = mkdtempSync(join(tmpdir(), 'cbs-cli-'));
      await writeDemoHome(home, fake.state);
    });
    after(async () => {
      await fake.stop();
      rmSync(home, { recursive: true, force: true });
    });
    const env = () => ({ HOME: home, ...fake.env() });

    it('reports the identity of a working profile and exits 0', async () => {
      const result = await run(['doctor', '--profile', 'role-dev', '--region', 'ap-northeast-1', '--json'], env());
      assert.equal(result.code, 0, result.stdout + result.stderr);
      const report = JSON.parse(result.stdout);
      assert.equal(report.healthy, true);
      const identity = report.checks.find((check: { id: string }) => check.id === 'identity');
      assert.equal(identity.identity.account, BASIC_ACCOUNT_ID);
      assert.match(identity.identity.arn, /assumed-role\/ClaudeDeveloper\//);
      assertNoSecrets(result);
    });

    it('gives the exact fix for an expired SSO profile and exits 1', async () => {
      const result = await run(['doctor', '--profile', 'sso-expired', '--region', 'ap-northeast-1'], env());
      assert.equal(result.code, 1);
      assert.match(result.stdout, /aws sso login --profile sso-expired/);
      assertNoSecrets(result);
      const json = JSON.parse((await run(['doctor', '--profile', 'sso-expired', '--region', 'ap-northeast-1', '--json'], env())).stdout);
      const identity = json.checks.find((check: { id: string }) => check.id === 'identity');
      assert.equal(identity.failure.reason, 'sso-expired');
      assert.equal(identity.failure.command, 'aws sso login --profile sso-expired');
    });

    it('reports keys the fake does not know as AWS would, and exits 1', async () => {
      const result = await run(['doctor', '--region', 'ap-northeast-1', '--json'], {
        ...env(),
        AWS_ACCESS_KEY_ID: 'FAKEAKIDUNKNOWN001',
        AWS_SECRET_ACCESS_KEY: 'fake-secret-unknown-NOT-A-REAL-SECRET',
      });
      assert.equal(result.code, 1);
      const identity = JSON.parse(result.stdout).checks.find((check: { id: string }) => check.id === 'identity');
      assert.equal(identity.failure.reason, 'invalid-keys');
      assert.equal(identity.failure.code, 'InvalidClientTokenId');
      assertNoSecrets(result);
    });

    it('uses the environment keys when no profile is named', async () => {
      const result = await run(['doctor', '--region', 'ap-northeast-1', '--json'], {
        ...env(),
        AWS_ACCESS_KEY_ID: BASIC_STATIC_KEY.accessKeyId,
        AWS_SECRET_ACCESS_KEY: BASIC_STATIC_KEY.secretAccessKey,
      });
      assert.equal(result.code, 0, result.stdout);
      assert.deepEqual(JSON.parse(result.stdout).target, { environment: true });
    });

    it('takes the region from the profile when --region is not given, and answers in Japanese', async () => {
      const result = await run(['doctor', '--profile', 'static-dev', '--lang', 'ja'], env());
      assert.equal(result.code, 0, result.stdout);
      assert.match(result.stdout, /ap-northeast-1/);
      assert.match(result.stdout, /正常です。/);
    });

    it('does not check a profile whose credentials come from instance metadata, says why, and exits 1: not verified', async () => {
      fake.clearLog();
      const result = await run(['doctor', '--profile', 'role-from-ec2', '--json'], { HOME: everyKind, ...fake.env() });
      assert.equal(result.code, 1, result.stdout);
      const report = JSON.parse(result.stdout);
      assert.equal(report.healthy, false);
      const identity = report.checks.find((check: { id: string }) => check.id === 'identity');
      assert.equal(identity.state, 'not-verified');
      assert.equal(identity.problems[0].code, 'metadata-credential-source');
      assert.equal(fake.requests.length, 0, 'nothing was called');
    });

    it('exits 1 for a profile that does not exist, saying where it looked', async () => {
      const result = await run(['doctor', '--profile', 'nobody', '--region', 'us-east-1'], env());
      assert.equal(result.code, 1);
      assert.match(result.stdout, /Profile "nobody" is not defined in .*\.aws\/config/);
    });
  });

  describe('usage errors exit 2 and say what to do', () => {
    const cases: [string, string[], RegExp][] = [
      ['no command', [], /Usage: claude-bedrock/],
      ['an unknown command', ['frobnicate'], /Unknown command "frobnicate"/],
      ['an unknown option', ['profiles', '--colour'], /--help/],
      ['a bad timeout', ['doctor', '--timeout', 'soon'], /--timeout must be a number/],
      ['a bad language', ['profiles', '--lang', 'fr'], /--lang must be en or ja/],
    ];
    for (const [label, args, message] of cases) {
      it(`for ${label}`, async () => {
        const result = await run(args, { HOME: everyKind });
        assert.equal(result.code, 2, result.stdout + result.stderr);
        assert.match(result.stdout + result.stderr, message);
      });
    }

    it('for doctor with no region anywhere', async () => {
      const result = await run(['doctor', '--profile', 'role-from-env'], { HOME: everyKind });
      assert.equal(result.code, 2);
      assert.match(result.stderr, /Pass --region/);
    });

    it('but --help and --version exit 0', async () => {
      assert.equal((await run(['--help'], {})).code, 0);
      const version = await run(['--version'], {});
      assert.equal(version.code, 0);
      assert.match(version.stdout.trim(), /^\d+\.\d+\.\d+$/);
    });
  });
});
