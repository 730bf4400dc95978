// The admin commands as an admin runs them, against the fake AWS: `team` (the caller's row marked,
// Japanese too), `spend` (Cost Explorer read once, then the cache with its age), `budgets list` and
// `budgets create` (the plan printed; nothing created without --yes when there is no terminal),
// `logging plan|apply`, `cost plan` (offline and --measured), a denied Cost Explorer named with its
// permission (exit 1), and bad options (exit 2).
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BASIC_ACCOUNT_ID } from '../fake-aws/scenarios/basic';
import { TEAM_DEVELOPERS, TEAM_LOG_GROUP } from '../fake-aws/scenarios/teamData';
import type { ScenarioName } from '../fake-aws/scenarios';
import { useConfiguredFolder } from './configuredFolder';
import { assertNoSecrets, run } from './runCli';

/** The one spend cache file in a cache folder (src/files/spendCache.ts names them spend-<digest>.json): its report. */
function cachedSpend(dir: string): { generatedAt: number } {
  const files = readdirSync(dir).filter((name) => /^spend-[0-9a-f]{24}\.json$/.test(name));
  assert.equal(files.length, 1, files.join(', '));
  return (JSON.parse(readFileSync(join(dir, files[0]!), 'utf8')) as { report: { generatedAt: number } }).report;
}

/** A folder set up by the CLI for sso-dev, with the spend cache in a folder of the test's own. */
function useTeamFolder(scenario: ScenarioName) {
  const folder = useConfiguredFolder(scenario, 'sso-dev', 'cli-team');
  const cacheDir = () => join(folder.dir, 'cache');
  return {
    get fake() {
      return folder.fake;
    },
    get repo() {
      return folder.repo;
    },
    /** The CLI's spend cache folder in the test's environment. */
    get cacheDir() {
      return cacheDir();
    },
    env: (extra: Record<string, string> = {}) => folder.env({ CLAUDE_BEDROCK_CACHE_DIR: cacheDir(), ...extra }),
  };
}

describe('CLI team, spend, budgets, logging and cost plan (team scenario)', () => {
  const context = useTeamFolder('team');

  it('team --json: three developers from one query, the folder\'s profile marked as the caller', async () => {
    const result = await run(['team', '--folder', context.repo, '--range', '7d', '--json'], context.env());
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assertNoSecrets(result);
    const report = JSON.parse(result.stdout);
    assert.deepEqual(report.target, { profile: 'sso-dev' });
    assert.equal(report.developers.length, 3);
    assert.equal(report.developers[0].name, TEAM_DEVELOPERS.heavy.name);
    assert.deepEqual(report.developers.filter((developer: { self: boolean }) => developer.self).map((developer: { name: string }) => developer.name), [TEAM_DEVELOPERS.sso.name]);
    assert.deepEqual(context.fake.requests.filter((entry) => entry.service === 'logs').map((entry) => entry.operation).slice(0, 1), ['StartQuery']);
    assert.equal(context.fake.requests.filter((entry) => entry.service === 'logs' && entry.operation === 'StartQuery').length, 1, 'one Logs Insights query');
  });

  it('team in Japanese: the table, the caller\'s row and what is never read', async () => {
    const result = await run(['team', '--folder', context.repo, '--lang', 'ja'], context.env());
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /開発者ごとの使用量 — ap-northeast-1、直近 24 時間/);
    assert.match(result.stdout, /▶ fake-sso-user \(あなた\)/);
    assert.match(result.stdout, /プロンプト、コード、応答は読み取りも表示もしません/);
  });

  it('spend reads Cost Explorer once, then answers from the cache with its age', async () => {
    const first = await run(['spend', '--folder', context.repo], context.env());
    assert.equal(first.code, 0, first.stdout + first.stderr);
    assert.match(first.stdout, /to date: \$[\d,.]+/);
    assert.match(first.stdout, /by token kind: input \$[\d,.]+, output \$[\d,.]+, cache read \$[\d,.]+, cache write/);
    assert.match(first.stdout, /Estimate from CloudWatch metrics/);
    assert.match(first.stdout, /Why they differ/);
    assert.equal(context.fake.requests.filter((entry) => entry.service === 'ce').length, 3);
    assert.match(first.stdout, /^Cost Explorer read just now; /m);
    const firstRead = cachedSpend(context.cacheDir);
    context.fake.clearLog();
    const second = await run(['spend', '--folder', context.repo, '--json'], context.env());
    assert.equal(second.code, 0);
    assert.equal(JSON.parse(second.stdout).fromCache, true);
    assert.equal(JSON.parse(second.stdout).generatedAt, firstRead.generatedAt, 'the first read, with its time (its age)');
    assert.equal(context.fake.requests.filter((entry) => entry.service === 'ce').length, 0, 'no Cost Explorer request within the hour');
  });

  it('spend with CloudWatch failing: exit 1 for the estimate; within the hour the estimate alone is read again, Cost Explorer never', async () => {
    const env = context.env({ CLAUDE_BEDROCK_CACHE_DIR: mkdtempSync(join(tmpdir(), 'cbs-cli-spend-cache-')) });
    context.fake.inject({ service: 'cloudwatch', operation: 'GetMetricData', fault: 'json-503' });
    let failedAt: number | undefined;
    try {
      const failed = await run(['spend', '--folder', context.repo, '--json'], env);
      assert.equal(failed.code, 1, failed.stdout + failed.stderr);
      const report = JSON.parse(failed.stdout);
      failedAt = report.generatedAt;
      assert.equal(report.estimate, undefined);
      assert.ok(report.problems.some((problem: { message: string }) => /GetMetricData.*HTTP 503/.test(problem.message)), failed.stdout);
    } finally {
      context.fake.clearFaults();
    }
    context.fake.clearLog();
    const healed = await run(['spend', '--folder', context.repo, '--json'], env);
    assert.equal(healed.code, 0, healed.stdout + healed.stderr);
    const report = JSON.parse(healed.stdout);
    assert.equal(report.fromCache, true);
    assert.equal(typeof failedAt, 'number');
    assert.equal(report.generatedAt, failedAt, 'the Cost Explorer read keeps its time');
    assert.deepEqual(report.problems, []);
    assert.ok(report.estimate.tokens.input > 0, healed.stdout);
    assert.equal(context.fake.requests.filter((entry) => entry.service === 'ce').length, 0, 'no Cost Explorer request within the hour');
    assert.deepEqual(context.fake.requests.filter((entry) => entry.service === 'cloudwatch').map((entry) => entry.operation), ['GetMetricData']);
    context.fake.clearLog();
    const third = await run(['spend', '--folder', context.repo, '--json'], env);
    assert.equal(third.code, 0);
    assert.deepEqual(JSON.parse(third.stdout).estimate, report.estimate, 'the healed estimate was cached');
    assert.equal(context.fake.requests.length, 0, 'a cached read that is whole asks AWS nothing');
  });

  it('budgets list shows the Claude budget only; create prints the plan and creates nothing without --yes and a terminal', async () => {
    const list = await run(['budgets', 'list', '--folder', context.repo], context.env());
    assert.equal(list.code, 0, list.stdout + list.stderr);
    assert.match(list.stdout, /Claude team monthly: \$[\d,.]+ of \$4,000\.00/);
    assert.doesNotMatch(list.stdout, /EC2 monthly/);
    const args = ['budgets', 'create', '--folder', context.repo, '--limit', '5000', '--threshold', '80', '--threshold', '100', '--email', 'lead@example.com'];
    const refused = await run(args, context.env());
    assert.equal(refused.code, 2, 'without a terminal and without --yes: a usage error, as alarms apply');
    assert.match(refused.stdout, /Create a monthly budget in account 111122223333/);
    assert.match(refused.stdout, /Alert when actual spend passes 80% \(\$4,000\.00\): e-mail lead@example\.com/);
    assert.match(refused.stdout, /Nothing was changed: .*--yes/);
    assert.equal(context.fake.requests.filter((entry) => entry.operation === 'CreateBudget').length, 0);
    const created = await run([...args, '--yes'], context.env());
    assert.equal(created.code, 0, created.stdout + created.stderr);
    assert.match(created.stdout, /✔ Budget "Claude on Bedrock \(monthly\)" created\./);
    assert.ok(context.fake.state.budgets!.accounts[BASIC_ACCOUNT_ID]!.budgets.some((budget) => budget.name === 'Claude on Bedrock (monthly)' && budget.limitUsd === 5000));
  });

  it('cost plan works offline, in both languages, with the seat comparison and break-even', async () => {
    const result = await run(['cost', 'plan', '--developers', '10', '--seat-price', '100', '--json'], { HOME: '/nonexistent' });
    assert.equal(result.code, 0, result.stdout + result.stderr);
    const { plan } = JSON.parse(result.stdout);
    assert.equal(plan.seats.usd, 1000);
    assert.ok(plan.alternatives.length > 3);
    const ja = await run(['cost', 'plan', '--lang', 'ja'], { HOME: '/nonexistent' });
    assert.match(ja.stdout, /損益分岐点: 開発者 1 人あたり月 [\d,]+ セッション/);
    assert.match(ja.stdout, /[¥￥][\d,]+/);
  });

  it('cost plan --measured fills the per-session figures from 30 days of the folder\'s models', async () => {
    const result = await run(['cost', 'plan', '--folder', context.repo, '--measured', '--developers', '3'], context.env());
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /Filled from the last 30 days of CloudWatch metrics \(\d+ days with traffic\)/);
    assert.deepEqual(context.fake.requests.filter((entry) => entry.service === 'cloudwatch').map((entry) => entry.operation), ['GetMetricData']);
  });

  it('refuses bad options with exit 2', async () => {
    assert.equal((await run(['team', '--folder', context.repo, '--range', '2w'], context.env())).code, 2);
    assert.equal((await run(['budgets', 'create', '--folder', context.repo, '--limit', 'lots', '--threshold', '80', '--email', 'a@example.com'], context.env())).code, 2);
    assert.equal((await run(['cost', 'plan', '--cache-read-share', '2'], {})).code, 2);
    assert.equal((await run(['budgets'], context.env())).code, 2);
  });
});

describe('CLI logging plan and apply (logging off)', () => {
  const context = useTeamFolder('team-logging-off');

  it('policy check names invocation logging off when the team policy requires it (exit 1), in both languages', async () => {
    const policy = join(context.repo, '.claude', 'bedrock-policy.json');
    writeFileSync(policy, JSON.stringify({ version: 1, requireInvocationLogging: true }));
    try {
      const result = await run(['policy', 'check', '--folder', context.repo], context.env());
      assert.equal(result.code, 1, result.stdout + result.stderr);
      assert.match(result.stdout, /Bedrock model invocation logging is off in .*ap-northeast-1/);
      const ja = await run(['policy', 'check', '--folder', context.repo, '--lang', 'ja'], context.env());
      assert.match(ja.stdout, /モデル呼び出しログがオフです/);
      assert.ok(context.fake.requests.some((entry) => entry.operation === 'GetModelInvocationLoggingConfiguration'));
      const offline = await run(['policy', 'check', '--folder', context.repo, '--offline'], context.env());
      assert.doesNotMatch(offline.stdout, /invocation logging is off/, 'offline asks no account');
    } finally {
      rmSync(policy);
    }
  });

  it('team says logging is off and what enabling involves; apply needs --yes, then turns it on', async () => {
    const team = await run(['team', '--folder', context.repo], context.env());
    assert.equal(team.code, 0, team.stdout + team.stderr);
    assert.match(team.stdout, /Model invocation logging is off in ap-northeast-1/);
    assert.match(team.stdout, /prompts and answers themselves/);
    const plan = await run(['logging', 'plan', '--folder', context.repo], context.env());
    assert.match(plan.stdout, /aws logs create-log-group --region ap-northeast-1/);
    const refused = await run(['logging', 'apply', '--folder', context.repo], context.env());
    assert.equal(refused.code, 2, 'without a terminal and without --yes: a usage error, as alarms apply');
    assert.equal(context.fake.requests.filter((entry) => entry.operation === 'PutModelInvocationLoggingConfiguration').length, 0);
    const applied = await run(['logging', 'apply', '--folder', context.repo, '--yes'], context.env());
    assert.equal(applied.code, 0, applied.stdout + applied.stderr);
    assert.match(applied.stdout, new RegExp(`✔ Invocation logging is on in ap-northeast-1: the logs go to ${TEAM_LOG_GROUP}`));
  });
});

describe('CLI spend when Cost Explorer is denied', () => {
  const context = useTeamFolder('team-ce-denied');
  it('names ce:GetDimensionValues, shows the CloudWatch estimate, and exits 1', async () => {
    const result = await run(['spend', '--folder', context.repo], context.env());
    assert.equal(result.code, 1);
    assert.match(result.stdout, /lacks the IAM permission ce:GetDimensionValues/);
    assert.match(result.stdout, /Estimate from CloudWatch metrics/);
  });
});
