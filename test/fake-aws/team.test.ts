// The fake's admin services through the real SDK clients: Logs Insights (Running before Complete, a
// rejected query, a query that reads message bodies refused, StopQuery), Bedrock's invocation logging
// configuration (read, and set only with an existing log group and role), Cost Explorer and Budgets
// (us-east-1 only, denials, an empty month), and fake.env() reaching all three new services.
import assert from 'node:assert/strict';
import { BedrockClient, GetModelInvocationLoggingConfigurationCommand, PutModelInvocationLoggingConfigurationCommand } from '@aws-sdk/client-bedrock';
import { BudgetsClient, CreateBudgetCommand, DescribeBudgetsCommand } from '@aws-sdk/client-budgets';
import { CloudWatchLogsClient, GetQueryResultsCommand, StartQueryCommand, StopQueryCommand } from '@aws-sdk/client-cloudwatch-logs';
import { CostExplorerClient, GetCostAndUsageCommand, GetCostForecastCommand, GetDimensionValuesCommand } from '@aws-sdk/client-cost-explorer';
import { planTeamQuery } from '../../src/core/team/teamQuery';
import { rejects } from './rejects';
import { BASIC_ACCOUNT_ID } from './scenarios/basic';
import { TEAM_COST_SERVICES, TEAM_DEVELOPERS, TEAM_LOG_GROUP, TEAM_LOGGING_ROLE_ARN, TEAM_REGION, TEAM_S3_BUCKET, teamCostLines } from './scenarios/teamData';
import { snapshotEnv } from './testEnv';
import { STATIC_CREDENTIALS, useFakeClients } from './useFakeClients';

const US_EAST_1 = 'us-east-1';

function results(rows: { field?: string; value?: string }[][] | undefined): Record<string, string>[] {
  return (rows ?? []).map((row) => Object.fromEntries(row.map((cell) => [cell.field ?? '', cell.value ?? ''])));
}

describe('fake AWS: CloudWatch Logs Insights over the invocation logs (real SDK)', () => {
  const { client, fake } = useFakeClients('team');
  const logs = () => client((config) => new CloudWatchLogsClient(config), TEAM_REGION);

  it('answers Running before Complete, then one row per caller, model and day with the sums', async () => {
    const query = planTeamQuery(TEAM_LOG_GROUP, '7d', Date.now());
    const { queryId } = await logs().send(new StartQueryCommand({ logGroupName: query.logGroupName, startTime: query.startTime, endTime: query.endTime, queryString: query.queryString, limit: query.limit }));
    assert.ok(queryId);
    const first = await logs().send(new GetQueryResultsCommand({ queryId }));
    assert.equal(first.status, 'Running');
    assert.deepEqual(first.results, []);
    const second = await logs().send(new GetQueryResultsCommand({ queryId }));
    assert.equal(second.status, 'Complete');
    const rows = results(second.results);
    const callers = new Set(rows.map((row) => row['identity.arn']));
    assert.deepEqual([...callers].sort(), [TEAM_DEVELOPERS.heavy.arn, TEAM_DEVELOPERS.sso.arn, TEAM_DEVELOPERS.static.arn].sort());
    // 7 days plus today's part: 7 or 8 UTC days per caller.
    assert.ok(rows.length >= 3 * 7 && rows.length <= 3 * 8, `${rows.length} rows`);
    const heavy = rows.filter((row) => row['identity.arn'] === TEAM_DEVELOPERS.heavy.arn).reduce((sum, row) => sum + Number(row.requests), 0);
    const sso = rows.filter((row) => row['identity.arn'] === TEAM_DEVELOPERS.sso.arn).reduce((sum, row) => sum + Number(row.requests), 0);
    assert.ok(Math.abs(heavy / sso - 8) < 0.2, `heavy ${heavy}, sso ${sso}`);
    const row = rows[0]!;
    assert.equal(Number(row.inputTokens), Number(row.requests) * 2_000);
    assert.equal(Number(row.cacheReadTokens), Number(row.requests) * 36_000);
    assert.match(row['bin(1d)']!, /^\d{4}-\d{2}-\d{2} 00:00:00\.000$/);
    assert.ok((second.statistics?.recordsMatched ?? 0) > 0);
    assert.deepEqual(fake().requests.map((entry) => [entry.service, entry.operation, entry.signingService, entry.signingRegion]), [
      ['logs', 'StartQuery', 'logs', TEAM_REGION],
      ['logs', 'GetQueryResults', 'logs', TEAM_REGION],
      ['logs', 'GetQueryResults', 'logs', TEAM_REGION],
    ]);
  });

  it('rejects a query it cannot compile with MalformedQueryException', async () => {
    const error = await rejects(logs().send(new StartQueryCommand({ logGroupName: TEAM_LOG_GROUP, startTime: 1, endTime: 2, queryString: 'stats sum(' })), 'MalformedQueryException');
    assert.ok((error as unknown as { queryCompileError?: unknown }).queryCompileError, 'the compile error is carried');
  });

  it('refuses a query that reads message bodies, and one that does not group by the caller', async () => {
    const { queryString } = planTeamQuery(TEAM_LOG_GROUP, '1h', Date.now());
    await rejects(
      logs().send(new StartQueryCommand({ logGroupName: TEAM_LOG_GROUP, startTime: 1, endTime: 2, queryString: `fields input.inputBodyJson | ${queryString.split('|')[1]}` })),
      'InvalidParameterException',
      /message body field inputBodyJson/,
    );
    await rejects(
      logs().send(new StartQueryCommand({ logGroupName: TEAM_LOG_GROUP, startTime: 1, endTime: 2, queryString: queryString.replace('by identity.arn, ', 'by ') })),
      'InvalidParameterException',
      /group by identity\.arn/,
    );
  });

  it('cancels a running query with StopQuery; an unknown log group is ResourceNotFoundException', async () => {
    const query = planTeamQuery(TEAM_LOG_GROUP, '1h', Date.now());
    const { queryId } = await logs().send(new StartQueryCommand({ logGroupName: TEAM_LOG_GROUP, startTime: query.startTime, endTime: query.endTime, queryString: query.queryString }));
    assert.equal((await logs().send(new StopQueryCommand({ queryId }))).success, true);
    assert.equal((await logs().send(new GetQueryResultsCommand({ queryId }))).status, 'Cancelled');
    await rejects(logs().send(new StartQueryCommand({ logGroupName: '/nope', startTime: 1, endTime: 2, queryString: query.queryString })), 'ResourceNotFoundException', 'The specified log group does not exist.');
  });
});

describe('fake AWS: Bedrock invocation logging configuration (real SDK)', () => {
  const { client } = useFakeClients('team-logging-off');
  const bedrock = () => client((config) => new BedrockClient(config), TEAM_REGION);

  it('has no loggingConfig when logging is off, and keeps what Put sets when the log group and role exist', async () => {
    assert.equal((await bedrock().send(new GetModelInvocationLoggingConfigurationCommand({}))).loggingConfig, undefined);
    await rejects(
      bedrock().send(new PutModelInvocationLoggingConfigurationCommand({ loggingConfig: { cloudWatchConfig: { logGroupName: '/missing', roleArn: TEAM_LOGGING_ROLE_ARN }, textDataDeliveryEnabled: true } })),
      'ValidationException',
      /Failed to validate permissions for log group: \/missing/,
    );
    await bedrock().send(new PutModelInvocationLoggingConfigurationCommand({ loggingConfig: { cloudWatchConfig: { logGroupName: TEAM_LOG_GROUP, roleArn: TEAM_LOGGING_ROLE_ARN }, textDataDeliveryEnabled: true } }));
    const after = await bedrock().send(new GetModelInvocationLoggingConfigurationCommand({}));
    assert.equal(after.loggingConfig?.cloudWatchConfig?.logGroupName, TEAM_LOG_GROUP);
    assert.equal(after.loggingConfig?.cloudWatchConfig?.roleArn, TEAM_LOGGING_ROLE_ARN);
  });
});

describe('fake AWS: logging to S3 only (real SDK)', () => {
  const { client } = useFakeClients('team-logging-s3');
  it('answers the S3 destination and no CloudWatch one', async () => {
    const config = (await client((c) => new BedrockClient(c), TEAM_REGION).send(new GetModelInvocationLoggingConfigurationCommand({}))).loggingConfig;
    assert.equal(config?.s3Config?.bucketName, TEAM_S3_BUCKET);
    assert.equal(config?.cloudWatchConfig, undefined);
  });
});

describe('fake AWS: Cost Explorer and Budgets (real SDK, us-east-1)', () => {
  const { client, fake } = useFakeClients('team');
  const ce = (region = US_EAST_1) => client((config) => new CostExplorerClient(config), region);
  const budgets = () => client((config) => new BudgetsClient(config), US_EAST_1);
  const today = new Date();
  const day = (offset: number) => new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + offset)).toISOString().slice(0, 10);

  it('finds the Claude services, sums cost by service and usage type, and forecasts the rest of the month', async () => {
    const values = await ce().send(new GetDimensionValuesCommand({ TimePeriod: { Start: day(-10), End: day(1) }, Dimension: 'SERVICE', SearchString: 'Claude' }));
    assert.deepEqual(values.DimensionValues?.map((value) => value.Value), [TEAM_COST_SERVICES.haiku, TEAM_COST_SERVICES.sonnet]);
    const cost = await ce().send(
      new GetCostAndUsageCommand({
        TimePeriod: { Start: day(-2), End: day(1) },
        Granularity: 'DAILY',
        Metrics: ['UnblendedCost', 'UsageQuantity'],
        Filter: { Dimensions: { Key: 'SERVICE', Values: [TEAM_COST_SERVICES.sonnet] } },
        GroupBy: [{ Type: 'DIMENSION', Key: 'SERVICE' }, { Type: 'DIMENSION', Key: 'USAGE_TYPE' }],
      }),
    );
    assert.equal(cost.ResultsByTime?.length, 3);
    const sonnetPerDay = teamCostLines().filter((line) => line.service === TEAM_COST_SERVICES.sonnet).reduce((sum, line) => sum + line.usdPerDay, 0);
    for (const result of cost.ResultsByTime ?? []) {
      const total = (result.Groups ?? []).reduce((sum, group) => sum + Number(group.Metrics?.UnblendedCost?.Amount), 0);
      assert.ok(Math.abs(total - sonnetPerDay) < 1e-9, `${total} vs ${sonnetPerDay}`);
      assert.equal(result.Groups?.length, 4);
    }
    const forecast = await ce().send(new GetCostForecastCommand({ TimePeriod: { Start: day(0), End: day(3) }, Metric: 'UNBLENDED_COST', Granularity: 'MONTHLY' }));
    assert.ok(Number(forecast.Total?.Amount) > 0);
    await rejects(ce().send(new GetCostForecastCommand({ TimePeriod: { Start: day(-1), End: day(3) }, Metric: 'UNBLENDED_COST', Granularity: 'MONTHLY' })), 'ValidationException');
    assert.ok(fake().requests.every((entry) => entry.signingRegion === US_EAST_1 && entry.signingService === 'ce'));
  });

  it('refuses a request signed for another Region, as AWS does', async () => {
    await rejects(ce(TEAM_REGION).send(new GetDimensionValuesCommand({ TimePeriod: { Start: day(-1), End: day(1) }, Dimension: 'SERVICE' })), 'InvalidSignatureException');
  });

  it('lists budgets with this month\'s actual and forecast, and creates one (a duplicate name is refused)', async () => {
    const listed = await budgets().send(new DescribeBudgetsCommand({ AccountId: BASIC_ACCOUNT_ID }));
    assert.deepEqual(listed.Budgets?.map((budget) => budget.BudgetName), ['Claude team monthly', 'EC2 monthly']);
    const claude = listed.Budgets![0]!;
    assert.ok(Number(claude.CalculatedSpend?.ActualSpend?.Amount) > 0);
    assert.ok(Number(claude.CalculatedSpend?.ForecastedSpend?.Amount) >= Number(claude.CalculatedSpend?.ActualSpend?.Amount));
    const budget = { BudgetName: 'New', BudgetLimit: { Amount: '100', Unit: 'USD' }, TimeUnit: 'MONTHLY' as const, BudgetType: 'COST' as const, CostFilters: { Service: [TEAM_COST_SERVICES.sonnet] } };
    const notification = { Notification: { NotificationType: 'ACTUAL' as const, ComparisonOperator: 'GREATER_THAN' as const, Threshold: 80, ThresholdType: 'PERCENTAGE' as const }, Subscribers: [{ SubscriptionType: 'EMAIL' as const, Address: 'a@example.com' }] };
    await budgets().send(new CreateBudgetCommand({ AccountId: BASIC_ACCOUNT_ID, Budget: budget, NotificationsWithSubscribers: [notification] }));
    await rejects(budgets().send(new CreateBudgetCommand({ AccountId: BASIC_ACCOUNT_ID, Budget: budget })), 'DuplicateRecordException');
    await rejects(budgets().send(new DescribeBudgetsCommand({ AccountId: '999988887777' })), 'AccessDeniedException');
    assert.equal((await budgets().send(new DescribeBudgetsCommand({ AccountId: BASIC_ACCOUNT_ID }))).Budgets?.length, 3);
  });

  it('is reached through fake.env() alone: the three new services by their own endpoint variables', async () => {
    const restore = snapshotEnv();
    Object.assign(process.env, fake().env());
    const clients = [
      new CloudWatchLogsClient({ region: TEAM_REGION, credentials: STATIC_CREDENTIALS, maxAttempts: 1 }),
      new CostExplorerClient({ region: US_EAST_1, credentials: STATIC_CREDENTIALS, maxAttempts: 1 }),
      new BudgetsClient({ region: US_EAST_1, credentials: STATIC_CREDENTIALS, maxAttempts: 1 }),
    ] as const;
    try {
      await rejects(clients[0].send(new GetQueryResultsCommand({ queryId: 'nope' })), 'ResourceNotFoundException');
      await clients[1].send(new GetDimensionValuesCommand({ TimePeriod: { Start: day(-1), End: day(1) }, Dimension: 'SERVICE' }));
      await clients[2].send(new DescribeBudgetsCommand({ AccountId: BASIC_ACCOUNT_ID }));
    } finally {
      for (const c of clients) c.destroy();
      restore();
    }
    assert.deepEqual(fake().requests.map((entry) => [entry.service, entry.signingRegion]), [['logs', TEAM_REGION], ['ce', US_EAST_1], ['budgets', US_EAST_1]]);
  });
});

describe('fake AWS: Cost Explorer denied, and an empty month (real SDK)', () => {
  describe('team-ce-denied', () => {
    const { client } = useFakeClients('team-ce-denied');
    it('answers AccessDeniedException naming ce:GetCostAndUsage', async () => {
      const ce = client((config) => new CostExplorerClient(config), US_EAST_1);
      await rejects(ce.send(new GetCostAndUsageCommand({ TimePeriod: { Start: '2025-01-01', End: '2025-02-01' }, Granularity: 'MONTHLY', Metrics: ['UnblendedCost'] })), 'AccessDeniedException', /ce:GetCostAndUsage/);
    });
  });
  describe('team-empty-month', () => {
    const { client } = useFakeClients('team-empty-month');
    it('has no Claude cost this month and cannot forecast', async () => {
      const ce = client((config) => new CostExplorerClient(config), US_EAST_1);
      const now = new Date();
      const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)).toISOString().slice(0, 10);
      const tomorrow = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1)).toISOString().slice(0, 10);
      const nextMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)).toISOString().slice(0, 10);
      const cost = await ce.send(new GetCostAndUsageCommand({ TimePeriod: { Start: monthStart, End: tomorrow }, Granularity: 'MONTHLY', Metrics: ['UnblendedCost'], GroupBy: [{ Type: 'DIMENSION', Key: 'SERVICE' }] }));
      assert.deepEqual(cost.ResultsByTime?.[0]?.Groups, []);
      const today = now.toISOString().slice(0, 10);
      await rejects(ce.send(new GetCostForecastCommand({ TimePeriod: { Start: today, End: nextMonth }, Metric: 'UNBLENDED_COST', Granularity: 'MONTHLY' })), 'DataUnavailableException');
    });
  });
});
