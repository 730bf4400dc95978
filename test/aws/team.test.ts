// The Team view's AWS reads and writes through the real SDK clients against the fake AWS:
// per-developer usage from one Logs Insights query (polled until Complete, stopped when cancelled),
// the logging states, actual spend with its estimate, budgets listed and created, logging turned on,
// measured usage for the cost plan, each denied service named while the rest is shown; and the one
// table of operations to IAM actions proven against what the fake logs when these paths run.
import assert from 'node:assert/strict';
import { fetchBudgets, createBudget } from '../../src/aws/budgets/budgets';
import { fetchMeasuredUsage } from '../../src/aws/costPlan/measuredUsage';
import { fetchSpendReport } from '../../src/aws/spend/spend';
import { applyInvocationLogging, fetchTeamReport, readLoggingSetup } from '../../src/aws/team/team';
import { planBudget } from '../../src/core/budgets/budgetPlan';
import { actionOf } from '../../src/core/iam/awsActions';
import { adminActions } from '../../src/core/iam/adminPolicy';
import { TEAM_ADMIN_ACTION_GROUPS, TEAM_OPERATIONS } from '../../src/core/iam/teamAdminActions';
import { adminProblemText } from '../../src/core/team/adminProblem';
import { planInvocationLogging } from '../../src/core/team/loggingPlan';
import { readsMessageBodies } from '../../src/core/team/teamQuery';
import { BASIC_ACCOUNT_ID } from '../fake-aws/scenarios/basic';
import { BEDROCK_MODEL_IDS } from '../fake-aws/scenarios/bedrockCatalog';
import { TEAM_COST_SERVICES, TEAM_DEVELOPERS, TEAM_EXPECTED_SHARES, TEAM_LOG_GROUP, TEAM_LOGGING_ROLE_ARN, TEAM_REGION, teamCostLines } from '../fake-aws/scenarios/teamData';
import type { ScenarioName } from '../fake-aws/scenarios';
import type { RequestLogEntry } from '../fake-aws';
import { useFakeAwsHome } from '../support/fakeAwsHome';

const target = (profile = 'static-dev') => ({ type: 'profile' as const, profile });
const JP_SONNET = `jp.${BEDROCK_MODEL_IDS.sonnet45}`;
const JP_HAIKU = `jp.${BEDROCK_MODEL_IDS.haiku45}`;
const ADMIN_SERVICES = new Set(['sts', 'bedrock', 'logs', 'ce', 'budgets', 'cloudwatch']);

function withScenario(scenario: ScenarioName, body: (context: ReturnType<typeof useFakeAwsHome>) => void) {
  describe(`team reads in ${scenario} (fake AWS, real SDK)`, () => body(useFakeAwsHome(`team-${scenario}`, scenario)));
}

function operations(entries: readonly RequestLogEntry[]): string[] {
  return entries.filter((entry) => ADMIN_SERVICES.has(entry.service)).map((entry) => `${entry.service}:${entry.operation}`);
}

withScenario('team', (context) => {
  it('reads per-developer usage with one query: three developers, one with 80% of the tokens, the caller highlighted', async () => {
    const statuses: string[] = [];
    const result = await fetchTeamReport({ target: target(), region: TEAM_REGION, range: '7d', pollIntervalMs: 10, onQueryStatus: (status) => statuses.push(status) });
    assert.ok(result.ok);
    const report = result.report;
    assert.deepEqual(report.problems, []);
    assert.deepEqual(report.logging, { state: 'cloudwatch', logGroupName: TEAM_LOG_GROUP });
    assert.equal(readsMessageBodies(report.query!.queryString), false);
    assert.deepEqual(statuses, ['Running', 'Complete']);
    const developers = report.developers!;
    // Busiest first; the two equal ones by name.
    assert.deepEqual(developers.map((developer) => developer.name), [TEAM_DEVELOPERS.heavy.name, TEAM_DEVELOPERS.static.name, TEAM_DEVELOPERS.sso.name]);
    assert.ok(Math.abs(developers[0]!.share - TEAM_EXPECTED_SHARES.heavy) < 0.01, `share ${developers[0]!.share}`);
    assert.deepEqual(developers[0]!.arns, [TEAM_DEVELOPERS.heavy.arn]);
    const self = developers.filter((developer) => developer.self);
    assert.deepEqual(self.map((developer) => developer.name), [TEAM_DEVELOPERS.static.name]);
    assert.deepEqual(developers.find((developer) => developer.name === TEAM_DEVELOPERS.static.name)!.models, [JP_HAIKU]);
    assert.ok(developers[0]!.cost.usd! > 0 && developers[0]!.cost.premiumUsd! > 0, 'priced with the jp. premium');
    // The week's first day and today are partial (the range starts 7 days before now, at any time of day):
    // a developer with a request every 72 minutes may have none in them. Every whole day between had all three.
    const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    const [first, today] = [utcDay(Date.now() - 7 * 86_400_000), utcDay(Date.now())];
    const whole = report.activeDays!.filter((day) => day.day > first && day.day < today);
    assert.equal(whole.length, 6, JSON.stringify(report.activeDays));
    assert.ok(whole.every((day) => day.developers === 3), JSON.stringify(report.activeDays));
    assert.deepEqual(operations(context.fake.requests).sort(), ['bedrock:GetModelInvocationLoggingConfiguration', 'logs:GetQueryResults', 'logs:GetQueryResults', 'logs:StartQuery', 'sts:GetCallerIdentity'].sort());
  });

  it('stops the query with StopQuery when the caller cancels while it runs', async () => {
    context.fake.state.cloudWatchLogs!.runningPolls = 1_000;
    const abort = new AbortController();
    const result = await fetchTeamReport({ target: target(), region: TEAM_REGION, range: '30d', signal: abort.signal, pollIntervalMs: 20, onQueryStatus: () => abort.abort() });
    context.fake.state.cloudWatchLogs!.runningPolls = 1;
    assert.ok(result.ok);
    assert.equal(result.report.developers, undefined);
    assert.equal(result.report.problems[0]?.error.cancelled, true);
    assert.deepEqual(operations(context.fake.requests).filter((op) => op.startsWith('logs:')), ['logs:StartQuery', 'logs:GetQueryResults', 'logs:StopQuery']);
  });

  it('reads actual spend (Claude only) beside the CloudWatch estimate, with the forecast', async () => {
    const result = await fetchSpendReport({ target: target(), region: TEAM_REGION, modelIds: [JP_SONNET, JP_HAIKU] });
    assert.ok(result.ok);
    const report = result.report;
    assert.deepEqual(report.problems, []);
    assert.deepEqual(report.services, ['Amazon Bedrock', TEAM_COST_SERVICES.haiku, TEAM_COST_SERVICES.sonnet]);
    assert.equal(report.months!.length, 3);
    const current = report.months![2]!;
    const claudePerDay = teamCostLines().filter((line) => /Claude/.test(line.service)).reduce((sum, line) => sum + line.usdPerDay, 0);
    const days = new Date().getUTCDate();
    assert.ok(Math.abs(current.usd - claudePerDay * days) < 1e-6, `${current.usd} vs ${claudePerDay * days}`);
    assert.ok(current.byKind.cacheRead > 0 && current.byKind.cacheWrite > 0 && current.byKind.other === 0, 'split by token kind, Titan and EC2 left out');
    assert.deepEqual(current.byModel.map((model) => model.model), ['Claude Sonnet 4.5', 'Claude Haiku 4.5']);
    assert.ok(report.forecast!.usd > 0);
    assert.ok(report.estimate && report.estimate.usd! > 0, 'the CloudWatch estimate of the same month');
    const ce = context.fake.requests.filter((entry) => entry.service === 'ce');
    assert.deepEqual(ce.map((entry) => [entry.operation, entry.signingRegion]).sort(), [['GetCostAndUsage', 'us-east-1'], ['GetCostForecast', 'us-east-1'], ['GetDimensionValues', 'us-east-1']]);
  });

  it('lists the budgets that cover Claude and creates one after the plan; the new one is listed', async () => {
    const listed = await fetchBudgets({ target: target(), region: TEAM_REGION });
    assert.ok(listed.ok);
    assert.deepEqual(listed.report.budgets!.map((budget) => [budget.name, budget.coverage]), [['Claude team monthly', 'claude']]);
    assert.ok(listed.report.budgets![0]!.actualPercent! > 0);
    const plan = planBudget({ accountId: listed.report.accountId!, limitUsd: 900, thresholds: [50, 80, 100], emails: ['lead@example.com'], services: listed.report.services.filter((service) => /Claude/.test(service)) });
    assert.ok(plan.ok);
    const created = await createBudget({ target: target(), region: TEAM_REGION, plan: plan.plan });
    assert.ok(created.ok, JSON.stringify(created));
    const again = await fetchBudgets({ target: target(), region: TEAM_REGION, services: listed.report.services });
    assert.ok(again.ok);
    assert.deepEqual(again.report.budgets!.map((budget) => budget.name).sort(), ['Claude on Bedrock (monthly)', 'Claude team monthly']);
    assert.equal(context.fake.state.budgets!.accounts[BASIC_ACCOUNT_ID]!.budgets.find((budget) => budget.name === 'Claude on Bedrock (monthly)')!.notifications.length, 3);
  });

  it('reads 30 days of measured usage for the cost plan in one GetMetricData', async () => {
    const result = await fetchMeasuredUsage({ target: target(), region: TEAM_REGION, modelIds: [JP_SONNET, JP_HAIKU] });
    assert.ok(result.ok);
    assert.ok(result.measured.activeDays > 0 && result.measured.tokens.input > 0);
    assert.equal(result.measured.topModel?.scope, 'jp');
    assert.deepEqual(operations(context.fake.requests), ['cloudwatch:GetMetricData']);
  });

  it('maps every operation these paths call to an IAM action of the admin groups (the table matches the fake\'s log)', async () => {
    context.fake.clearLog();
    await fetchTeamReport({ target: target(), region: TEAM_REGION, range: '1h', pollIntervalMs: 10 });
    await fetchSpendReport({ target: target(), region: TEAM_REGION, modelIds: [JP_SONNET] });
    await fetchBudgets({ target: target(), region: TEAM_REGION });
    await fetchMeasuredUsage({ target: target(), region: TEAM_REGION, modelIds: [JP_SONNET] });
    const setup = await readLoggingSetup({ target: target(), region: TEAM_REGION });
    assert.ok(setup.ok);
    const plan = planInvocationLogging({ region: TEAM_REGION, accountId: setup.accountId!, ...(setup.config ? { current: setup.config } : {}) });
    assert.ok(plan.ok);
    assert.ok((await applyInvocationLogging({ target: target(), region: TEAM_REGION, plan: plan.plan })).ok);
    const listedBudget = planBudget({ accountId: BASIC_ACCOUNT_ID, name: 'IAM table', limitUsd: 1, thresholds: [100], emails: ['a@example.com'], services: [TEAM_COST_SERVICES.sonnet] });
    assert.ok(listedBudget.ok && (await createBudget({ target: target(), region: TEAM_REGION, plan: listedBudget.plan })).ok);
    const called = [...new Set(context.fake.requests.filter((entry) => ADMIN_SERVICES.has(entry.service)).map((entry) => entry.operation))].sort();
    assert.deepEqual(called, TEAM_OPERATIONS.filter((operation) => operation !== 'StopQuery').sort(), 'every operation called is in the list, and every one in the list is called (StopQuery by the cancel test)');
    const actions = new Set(adminActions(TEAM_ADMIN_ACTION_GROUPS));
    for (const operation of TEAM_OPERATIONS) assert.ok(actions.has(actionOf(operation)!), `${operation} has an action in an admin action group`);
    assert.ok(TEAM_ADMIN_ACTION_GROUPS.every((group) => group.title.en !== '' && group.title.ja !== ''));
  });
});

withScenario('team-logging-off', (context) => {
  it('does not report logging on when the put was answered but the read-back shows it off', async () => {
    const plan = planInvocationLogging({ region: TEAM_REGION, accountId: BASIC_ACCOUNT_ID });
    assert.ok(plan.ok);
    // A 200 with a broken body: the SDK does not parse the empty answer of this put, and the fake did not apply it.
    context.fake.inject({ service: 'bedrock', operation: 'PutModelInvocationLoggingConfiguration', fault: 'malformed', times: 1 });
    const applied = await applyInvocationLogging({ target: target(), region: TEAM_REGION, plan: plan.plan });
    assert.ok(!applied.ok, 'not applied');
    assert.equal(applied.problem.notApplied, true);
    assert.match(adminProblemText(applied.problem, 'en'), /^Amazon Bedrock answered PutModelInvocationLoggingConfiguration, but reading the configuration back does not show the change: it was not applied\. Try again; .*AWS_ENDPOINT_URL_BEDROCK\)/);
    assert.deepEqual(operations(context.fake.requests).slice(-2), ['bedrock:PutModelInvocationLoggingConfiguration', 'bedrock:GetModelInvocationLoggingConfiguration']);
  });

  it('says logging is off without querying, and turns it on to the existing log group and role after the plan', async () => {
    const result = await fetchTeamReport({ target: target(), region: TEAM_REGION, range: '24h' });
    assert.ok(result.ok);
    assert.deepEqual(result.report.logging, { state: 'off' });
    assert.equal(result.report.developers, undefined);
    assert.ok(!operations(context.fake.requests).some((op) => op.startsWith('logs:')), 'no query without a log group');
    const setup = await readLoggingSetup({ target: target(), region: TEAM_REGION });
    assert.ok(setup.ok && setup.accountId === BASIC_ACCOUNT_ID && setup.config === undefined);
    const plan = planInvocationLogging({ region: TEAM_REGION, accountId: setup.accountId });
    assert.ok(plan.ok);
    assert.equal(plan.plan.roleArn, TEAM_LOGGING_ROLE_ARN);
    const applied = await applyInvocationLogging({ target: target(), region: TEAM_REGION, plan: plan.plan });
    assert.ok(applied.ok);
    assert.equal(applied.config?.cloudWatch?.logGroupName, TEAM_LOG_GROUP);
    const bad = planInvocationLogging({ region: TEAM_REGION, accountId: BASIC_ACCOUNT_ID, logGroupName: '/missing' });
    assert.ok(bad.ok);
    const refused = await applyInvocationLogging({ target: target(), region: TEAM_REGION, plan: bad.plan });
    assert.ok(!refused.ok && refused.problem.error.name === 'ValidationException');
  });
});

withScenario('team-logging-s3', () => {
  it('says the logs go to S3 only, where Logs Insights cannot read them', async () => {
    const result = await fetchTeamReport({ target: target(), region: TEAM_REGION, range: '24h' });
    assert.ok(result.ok);
    assert.equal(result.report.logging?.state, 's3-only');
  });
});

withScenario('team-ce-denied', (context) => {
  it('names ce:GetDimensionValues and still shows the CloudWatch estimate; budgets still list', async () => {
    const result = await fetchSpendReport({ target: target(), region: TEAM_REGION, modelIds: [JP_SONNET] });
    assert.ok(result.ok);
    assert.deepEqual(result.report.problems.map((problem) => problem.missingPermission), ['ce:GetDimensionValues']);
    assert.equal(result.report.months, undefined);
    assert.ok(result.report.estimate);
    const budgets = await fetchBudgets({ target: target(), region: TEAM_REGION });
    assert.ok(budgets.ok && budgets.report.budgets !== undefined);
    assert.deepEqual(budgets.report.problems.map((problem) => problem.missingPermission), ['ce:GetDimensionValues']);
    assert.ok(context.fake.requests.some((entry) => entry.operation === 'DescribeBudgets' && entry.status === 200));
  });
});

withScenario('team-empty-month', () => {
  it('shows an empty month as zero, says no forecast can be made, and finds no developers', async () => {
    const spend = await fetchSpendReport({ target: target(), region: TEAM_REGION, modelIds: [] });
    assert.ok(spend.ok);
    assert.deepEqual(spend.report.problems, []);
    assert.equal(spend.report.months![2]!.usd, 0);
    assert.ok(spend.report.months![1]!.usd > 0, 'last month had cost');
    assert.equal(spend.report.forecastUnavailable, true);
    const team = await fetchTeamReport({ target: target(), region: TEAM_REGION, range: '30d', pollIntervalMs: 10 });
    assert.ok(team.ok);
    assert.deepEqual(team.report.developers, []);
  });
});

withScenario('team', (context) => {
  it('names logs:StartQuery when the query is denied and still says where the logs go', async () => {
    context.fake.state.cloudWatchLogs!.accounts[BASIC_ACCOUNT_ID]!.deniedActions = ['logs:StartQuery'];
    const result = await fetchTeamReport({ target: target(), region: TEAM_REGION, range: '1h' });
    assert.ok(result.ok);
    assert.equal(result.report.logging?.state, 'cloudwatch');
    assert.deepEqual(result.report.problems.map((problem) => [problem.service, problem.missingPermission]), [['logs', 'logs:StartQuery']]);
  });
});
