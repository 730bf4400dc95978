// The pure parts of the Team view: readable caller names, rows shaped per person with prices and
// shares, the logging states and plan, the Cost Explorer filter and token kinds, budget coverage
// and plans, and the team cost plan with its seat comparison and break-even.
import assert from 'node:assert/strict';
import { budgetServices, budgetStatuses, planBudget } from '../../src/core/budgets/budgetPlan';
import { DEFAULT_COST_PLAN_INPUT, fillFromMeasured, planTeamCost } from '../../src/core/costPlan/costPlan';
import { listPrices } from '../../src/core/models/modelTable';
import { claudeServices, estimateFailed, isClaudeOnBedrock, modelOfRow, monthSpends, spendCacheFresh, spendPeriods, tokenKindOf, withNewEstimate } from '../../src/core/spend/spendReport';
import { adminProblem, adminProblemText } from '../../src/core/team/adminProblem';
import { callerName } from '../../src/core/team/callerName';
import { planInvocationLogging } from '../../src/core/team/loggingPlan';
import { loggingState, planTeamQuery, readsMessageBodies, TEAM_QUERY_FIELDS } from '../../src/core/team/teamQuery';
import { shapeTeamRows } from '../../src/core/team/teamReport';

const SSO = 'arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_Dev_0123456789abcdef/alice@example.com';
const ROLE_A = 'arn:aws:sts::111122223333:assumed-role/CiRunner/session-1';
const ROLE_B = 'arn:aws:sts::111122223333:assumed-role/CiRunner/session-2';
const USER = 'arn:aws:iam::111122223333:user/path/bob';
const JP_SONNET = 'jp.anthropic.claude-sonnet-4-5-20250929-v1:0';
const GLOBAL_SONNET = 'global.anthropic.claude-sonnet-4-5-20250929-v1:0';

describe('team: caller names', () => {
  it('reads an SSO session as its user, a role by its name, a user by its name', () => {
    assert.deepEqual(callerName(SSO), { name: 'alice@example.com', kind: 'sso', key: '111122223333|sso|AWSReservedSSO_Dev_0123456789abcdef|alice@example.com', role: 'AWSReservedSSO_Dev_0123456789abcdef' });
    assert.equal(callerName(ROLE_A).name, 'CiRunner');
    assert.equal(callerName(ROLE_A).key, callerName(ROLE_B).key, 'sessions of one plain role are one row');
    assert.deepEqual([callerName(USER).name, callerName(USER).kind], ['bob', 'user']);
    assert.deepEqual([callerName('not an arn').name, callerName('not an arn').kind], ['not an arn', 'other']);
  });
});

describe('team: rows shaped per person', () => {
  const row = (arn: string, modelId: string, day: string, requests: number, input: number) => ({
    'identity.arn': arn,
    modelId,
    'bin(1d)': `${day} 00:00:00.000`,
    requests: String(requests),
    inputTokens: String(input),
    outputTokens: '0',
    cacheReadTokens: '0',
    cacheWriteTokens: '',
  });

  it('merges sessions of a role, prices each model in its scope, shares the tokens and counts developers per day', () => {
    const shaped = shapeTeamRows(
      [row(SSO, JP_SONNET, '2026-01-01', 8, 8_000_000), row(ROLE_A, GLOBAL_SONNET, '2026-01-01', 1, 1_000_000), row(ROLE_B, GLOBAL_SONNET, '2026-01-02', 1, 1_000_000)],
      SSO,
    );
    assert.deepEqual(shaped.developers.map((developer) => [developer.name, developer.requests, developer.self]), [['alice@example.com', 8, true], ['CiRunner', 2, false]]);
    assert.ok(Math.abs(shaped.developers[0]!.share - 0.8) < 1e-12);
    assert.deepEqual(shaped.developers[1]!.arns, [ROLE_A, ROLE_B]);
    const jp = listPrices('anthropic.claude-sonnet-4-5-20250929-v1:0', 'jp')!;
    assert.ok(Math.abs(shaped.developers[0]!.cost.usd! - 8 * jp.input) < 1e-9);
    assert.ok(shaped.developers[0]!.cost.premiumUsd! > 0 && shaped.developers[1]!.cost.premiumUsd === undefined, 'the jp. premium only where jp. was used');
    assert.deepEqual(shaped.activeDays, [{ day: '2026-01-01', developers: 2 }, { day: '2026-01-02', developers: 1 }]);
    assert.equal(shaped.totals.requests, 10);
  });

  it('leaves the cost unknown rather than understated when a model is not priced', () => {
    const shaped = shapeTeamRows([row(SSO, 'jp.anthropic.claude-sonnet-5', '2026-01-01', 1, 100), row(SSO, JP_SONNET, '2026-01-01', 1, 100)]);
    assert.equal(shaped.developers[0]!.cost.usd, undefined);
    assert.equal(shaped.totals.cost.usd, undefined);
  });
});

describe('team: the query and the logging states', () => {
  it('reads metadata fields only and names every one it needs', () => {
    const query = planTeamQuery('/aws/bedrock/modelinvocations', '24h', Date.UTC(2026, 0, 2));
    assert.equal(readsMessageBodies(query.queryString), false);
    for (const field of TEAM_QUERY_FIELDS.filter((name) => name !== '@timestamp')) assert.ok(query.queryString.includes(field), field);
    assert.equal(query.endTime - query.startTime, 86_400);
    assert.equal(readsMessageBodies('fields input.inputBodyJson'), true);
  });

  it('tells off, S3 only and CloudWatch apart', () => {
    assert.deepEqual(loggingState(undefined), { state: 'off' });
    assert.deepEqual(loggingState({ s3: { bucketName: 'b' }, textDataDelivery: true, imageDataDelivery: false, embeddingDataDelivery: false }), { state: 's3-only', bucketName: 'b' });
    assert.deepEqual(loggingState({ cloudWatch: { logGroupName: 'g', roleArn: 'r' }, s3: { bucketName: 'b' }, textDataDelivery: true, imageDataDelivery: false, embeddingDataDelivery: false }), { state: 'cloudwatch', logGroupName: 'g' });
  });

  it('plans logging to CloudWatch keeping an S3 destination, with the role and log group to create', () => {
    const planned = planInvocationLogging({ region: 'ap-northeast-1', accountId: '111122223333', current: { s3: { bucketName: 'keep' }, textDataDelivery: true, imageDataDelivery: false, embeddingDataDelivery: false } });
    assert.ok(planned.ok);
    assert.equal(planned.plan.config.s3?.bucketName, 'keep');
    assert.equal(planned.plan.roleArn, 'arn:aws:iam::111122223333:role/BedrockModelInvocationLogging');
    assert.match(planned.plan.prerequisites.join('\n'), /aws logs create-log-group --region ap-northeast-1 --log-group-name '\/aws\/bedrock\/modelinvocations'/);
    assert.equal(planned.plan.unchanged, false);
    assert.deepEqual(planInvocationLogging({ region: 'ap-northeast-1', accountId: '1' }), { ok: false, reason: 'bad-account' });
  });

  it('names the missing permission of a denied call, in both languages', () => {
    const problem = adminProblem('logs', { operation: 'StartQuery', phase: 'call', name: 'AccessDeniedException', message: 'User: x is not authorized to perform: logs:StartQuery on resource: y' });
    assert.equal(problem.missingPermission, 'logs:StartQuery');
    assert.match(adminProblemText(problem, 'en'), /lacks the IAM permission logs:StartQuery/);
    assert.match(adminProblemText(problem, 'ja'), /IAM 権限 logs:StartQuery/);
    assert.equal(adminProblem('ce', { operation: 'GetCostAndUsage', phase: 'call', name: 'AccessDeniedException', message: 'denied' }).missingPermission, 'ce:GetCostAndUsage');
  });

  it('words a failed write as a change that did not complete, a failed read as not read, in both languages', () => {
    const write = adminProblem('bedrock', { operation: 'PutModelInvocationLoggingConfiguration', phase: 'call', httpStatus: 500, name: 'InternalServerException' });
    assert.match(adminProblemText(write, 'en'), /^Amazon Bedrock did not complete PutModelInvocationLoggingConfiguration \(HTTP 500/);
    assert.match(adminProblemText(write, 'ja'), /^Amazon Bedrock で PutModelInvocationLoggingConfiguration を完了できませんでした \(HTTP 500/);
    assert.match(adminProblemText(adminProblem('budgets', { operation: 'CreateBudget', phase: 'call', timedOut: true }), 'en'), /^AWS Budgets did not complete CreateBudget \(/);
    const read = adminProblem('bedrock', { operation: 'GetModelInvocationLoggingConfiguration', phase: 'call', httpStatus: 500 });
    assert.match(adminProblemText(read, 'en'), /^Amazon Bedrock could not be read \(GetModelInvocationLoggingConfiguration: HTTP 500/);
  });

  it('says what failed and what to do, with the endpoint variable of the service, in both languages', () => {
    const text = (service: Parameters<typeof adminProblem>[0], error: Parameters<typeof adminProblem>[1]) => adminProblemText(adminProblem(service, error), 'en');
    assert.equal(
      text('logs', { operation: 'StartQuery', phase: 'call', name: 'ServiceUnavailableException', message: 'Service Unavailable.', httpStatus: 503 }),
      'CloudWatch Logs could not be read (StartQuery: HTTP 503 (service unavailable), ServiceUnavailableException: Service Unavailable.). Try again in a few minutes; if it persists, check any proxy or gateway and the endpoint settings (AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_CLOUDWATCH_LOGS).',
    );
    assert.match(text('ce', { operation: 'GetDimensionValues', phase: 'call', message: '', httpStatus: 500, unreadable: 'html' }), /a proxy or gateway answered.*Try again.*AWS_ENDPOINT_URL_COST_EXPLORER/);
    assert.match(text('budgets', { operation: 'DescribeBudgets', phase: 'call', timedOut: true }), /\(DescribeBudgets: did not finish in time\)\. Check the network and proxy \(AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_BUDGETS\), then try again\./);
    // Cost Explorer throttles with LimitExceededException.
    assert.match(text('ce', { operation: 'GetCostAndUsage', phase: 'call', name: 'LimitExceededException', message: 'Rate exceeded', httpStatus: 400 }), /AWS throttled the call.*Wait a minute and try again\./);
    assert.match(text('sts', { operation: 'GetCallerIdentity', phase: 'call', name: 'ExpiredToken', message: 'The security token included in the request is expired', httpStatus: 403 }), /expired\)\. Get fresh credentials \(sign in again\)/);
    const ja = adminProblemText(adminProblem('bedrock', { operation: 'GetModelInvocationLoggingConfiguration', phase: 'call', timedOut: true }), 'ja');
    assert.match(ja, /Amazon Bedrock を読み取れませんでした \(GetModelInvocationLoggingConfiguration: 時間内に終わりませんでした\)。ネットワークとプロキシ \(AWS_ENDPOINT_URL、AWS_ENDPOINT_URL_BEDROCK\)/);
  });
});

describe('spend: the Cost Explorer filter', () => {
  it('keeps Claude rows, classifies token kinds and names the model', () => {
    assert.deepEqual(claudeServices(['Claude Sonnet 4.5 (Amazon Bedrock Edition)', 'Amazon Bedrock']), ['Amazon Bedrock', 'Claude Sonnet 4.5 (Amazon Bedrock Edition)']);
    assert.equal(isClaudeOnBedrock('Amazon Bedrock', 'APN1-TitanEmbeddingsV2-Text-input-tokens'), false);
    assert.equal(isClaudeOnBedrock('Amazon Bedrock', 'USE1-Claude-Sonnet-4.5-input-tokens'), true);
    assert.equal(tokenKindOf('APN1-MP:APN1_CacheReadInputTokenCount-Units'), 'cacheRead');
    assert.equal(tokenKindOf('USE1-claude-cache-write-input-token-count'), 'cacheWrite');
    assert.equal(tokenKindOf('APN1-MP:APN1_OutputTokenCount-Units'), 'output');
    assert.equal(tokenKindOf('USE1-claude-input-tokens'), 'input');
    assert.equal(tokenKindOf('APN1-BoxUsage'), 'other');
    assert.equal(modelOfRow('Claude Haiku 4.5 (Amazon Bedrock Edition)', 'x'), 'Claude Haiku 4.5');
  });

  it('makes the periods of a read: two full months, this month to tomorrow, the forecast to next month', () => {
    const periods = spendPeriods(Date.UTC(2026, 0, 15, 10));
    assert.deepEqual(periods, { start: '2025-11-01', end: '2026-01-16', monthStart: '2026-01-01', forecastStart: '2026-01-15', forecastEnd: '2026-02-01', months: ['2025-11', '2025-12', '2026-01'] });
    const spends = monthSpends(
      [
        { month: '2026-01', service: 'Claude Sonnet 4.5 (Amazon Bedrock Edition)', usageType: 'APN1-MP:APN1_InputTokenCount-Units', usd: 2, quantity: 1 },
        { month: '2026-01', service: 'Amazon Bedrock', usageType: 'APN1-Titan-input-tokens', usd: 5, quantity: 1 },
      ],
      periods,
    );
    assert.deepEqual(spends.map((month) => [month.month, month.usd, month.toDate]), [['2025-11', 0, false], ['2025-12', 0, false], ['2026-01', 2, true]]);
    assert.equal(spendCacheFresh(0, 3_599_999), true);
    assert.equal(spendCacheFresh(0, 3_600_000), false);
  });

  it('re-reads only a failed estimate of a cached read: its Cost Explorer part, age and problems stay; the CloudWatch problem goes or is replaced', () => {
    const periods = spendPeriods(Date.UTC(2026, 0, 15, 10));
    const ceProblem = adminProblem('ce', { operation: 'GetCostForecast', phase: 'call', httpStatus: 500 });
    const cwProblem = adminProblem('cloudwatch', { operation: 'GetMetricData', phase: 'call', httpStatus: 503 });
    const estimate = { region: 'ap-northeast-1', modelIds: ['m'], from: 1, to: 2, tokens: { input: 1, output: 2, cacheRead: 0, cacheWrite: 0 }, usd: 0.5, pricesAsOf: '2026-01-01' };
    const cached = { generatedAt: 1000, periods, services: ['Claude Sonnet 4.5 (Amazon Bedrock Edition)'], months: [], problems: [ceProblem, cwProblem] };
    assert.equal(estimateFailed(cached), true);
    const healed = withNewEstimate(cached, { estimate });
    assert.equal(estimateFailed(healed), false);
    assert.deepEqual(healed, { ...cached, estimate, problems: [ceProblem] });
    const again = withNewEstimate({ ...cached, estimate }, { problem: cwProblem });
    assert.deepEqual(again, { ...cached, problems: [ceProblem, cwProblem] }, 'an estimate that fails again is not kept from before');
    assert.equal(estimateFailed({ ...cached, problems: [ceProblem] }), false);
  });
});

describe('budgets: coverage and plans', () => {
  it('lists the budgets that cover Claude, the account-wide ones after, and leaves out the others', () => {
    const statuses = budgetStatuses(
      [
        { name: 'All', limitUsd: 100, actualUsd: 120, otherFilters: [] },
        { name: 'Claude', limitUsd: 100, actualUsd: 50, forecastUsd: 150, services: ['Claude Sonnet 4.5 (Amazon Bedrock Edition)'], otherFilters: [] },
        { name: 'EC2', limitUsd: 100, services: ['Amazon Elastic Compute Cloud - Compute'], otherFilters: [] },
      ],
      [],
    );
    assert.deepEqual(statuses.map((status) => [status.name, status.coverage, status.state]), [['Claude', 'claude', 'forecast-over'], ['All', 'account', 'over']]);
  });

  it('plans a budget and refuses what AWS Budgets would', () => {
    const input = { accountId: '111122223333', limitUsd: 500, thresholds: [100, 80, 80], emails: ['a@example.com'], services: ['S'] };
    const plan = planBudget(input);
    assert.ok(plan.ok);
    assert.deepEqual(plan.plan.notifications.map((notification) => notification.thresholdPercent), [80, 100]);
    assert.deepEqual(planBudget({ ...input, emails: ['nope'] }), { ok: false, error: 'bad-email', value: 'nope' });
    assert.deepEqual(planBudget({ ...input, emails: [] }), { ok: false, error: 'no-subscriber' });
    assert.equal((planBudget({ ...input, thresholds: [1, 2, 3, 4, 5, 6] }) as { error: string }).error, 'too-many-thresholds');
    assert.equal((planBudget({ ...input, snsTopicArn: 'arn:aws:sns:us-east-1:111122223333:alerts', emails: [] }) as { ok: boolean }).ok, true);
    assert.deepEqual(budgetServices(['Amazon Bedrock']), { services: ['Amazon Bedrock'], wholeBedrock: true });
  });

  it('checks e-mail addresses as the alarm plan does, and refuses a FIFO topic (AWS Budgets cannot notify one)', () => {
    const input = { accountId: '111122223333', limitUsd: 500, thresholds: [100], emails: [] as string[], services: ['S'] };
    const long = `${'a'.repeat(243)}@example.com`;
    assert.equal(long.length, 255);
    assert.deepEqual(planBudget({ ...input, emails: [long] }), { ok: false, error: 'bad-email', value: long });
    assert.equal((planBudget({ ...input, emails: [long.slice(1)] }) as { ok: boolean }).ok, true);
    const fifo = 'arn:aws:sns:us-east-1:111122223333:alerts.fifo';
    assert.deepEqual(planBudget({ ...input, snsTopicArn: fifo }), { ok: false, error: 'bad-topic', value: fifo });
    assert.equal((planBudget({ ...input, snsTopicArn: 'arn:aws-cn:sns:cn-north-1:111122223333:alerts_2' }) as { ok: boolean }).ok, true);
  });
});

describe('costPlan: the team cost plan', () => {
  it('prices each part, in USD and JPY, with the jp. premium, every other model and the seat comparison', () => {
    const result = planTeamCost({ ...DEFAULT_COST_PLAN_INPUT, developers: 10, workingDays: 20, sessionsPerDay: 1, inputTokensPerSession: 1_000_000, outputTokensPerSession: 10_000, cacheReadShare: 0.9, restTo: 'cache-write', seatPriceUsd: 100, usdToJpy: 150 });
    assert.ok(result.ok);
    const { plan } = result;
    const jp = listPrices(DEFAULT_COST_PLAN_INPUT.modelId, 'jp')!;
    assert.equal(plan.sessions, 200);
    assert.equal(plan.tokens.cacheRead, 180_000_000);
    assert.equal(plan.tokens.cacheWrite, 20_000_000);
    assert.equal(plan.tokens.uncachedInput, 0);
    const expected = (180 * jp.cacheRead + 20 * jp.cacheWrite + 2 * jp.output);
    assert.ok(Math.abs(plan.usd.total - expected) < 1e-9, `${plan.usd.total} vs ${expected}`);
    assert.ok(Math.abs(plan.jpy.total - expected * 150) < 1e-6);
    assert.ok(plan.premiumUsd > 0);
    assert.ok(plan.alternatives.length >= 5 && !plan.alternatives.some((alternative) => alternative.modelId === DEFAULT_COST_PLAN_INPUT.modelId));
    assert.equal(plan.seats.usd, 1000);
    assert.ok(Math.abs(plan.breakEven.sessionsPerDeveloper * (plan.usd.total / plan.sessions) - 100) < 1e-9, 'break-even usage costs the seat price');
    const uncached = planTeamCost({ ...DEFAULT_COST_PLAN_INPUT, restTo: 'uncached' });
    assert.ok(uncached.ok && uncached.plan.tokens.cacheWrite === 0 && uncached.plan.tokens.uncachedInput > 0);
    assert.deepEqual(planTeamCost({ ...DEFAULT_COST_PLAN_INPUT, cacheReadShare: 2 }), { ok: false, error: { field: 'cacheReadShare', reason: 'out-of-range' } });
    assert.deepEqual(planTeamCost({ ...DEFAULT_COST_PLAN_INPUT, modelId: 'anthropic.claude-sonnet-5' }), { ok: false, error: { field: 'modelId', reason: 'not-priced' } });
  });

  it('fills per-session figures from measured usage so the plan reproduces the measured tokens', () => {
    const measured = { days: 30, activeDays: 20, tokens: { input: 1_000_000, output: 400_000, cacheRead: 18_000_000, cacheWrite: 1_000_000 } };
    const filled = fillFromMeasured({ ...DEFAULT_COST_PLAN_INPUT, developers: 2, sessionsPerDay: 5, workingDays: 20 }, measured);
    assert.equal(filled.inputTokensPerSession, 100_000);
    assert.equal(filled.outputTokensPerSession, 2_000);
    assert.equal(filled.cacheReadShare, 0.9);
    assert.equal(filled.restTo, 'cache-write');
    const plan = planTeamCost(filled);
    assert.ok(plan.ok && plan.plan.tokens.cacheRead === 18_000_000);
  });
});
