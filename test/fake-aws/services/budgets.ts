/**
 * AWS Budgets over awsJson1_1 (`POST /`, `X-Amz-Target: AWSBudgetServiceGateway.<Op>`, SigV4 name
 * `budgets`, global endpoint signed for us-east-1): DescribeBudgets (with CalculatedSpend computed
 * from the account's Cost Explorer lines: this month's actual and forecast; paged by MaxResults,
 * 1–1000, default 100, with an opaque NextToken bound to the account) and CreateBudget with
 * NotificationsWithSubscribers, checked as Budgets checks them (the caller's own AccountId, unique
 * names, at most five notifications, e-mail or SNS subscribers).
 */
import type { FakeRequest, FakeResponse } from '../http';
import { awsJsonBody, awsJsonOk, awsJsonOperation } from './awsJsonTarget';
import { AwsError, jsonProtocol } from '../protocols';
import type { FakeBudget, Scenario } from '../scenario';
import type { ServiceContext, ServiceModule } from '../serviceModule';
import { lineCostOn, lineForecastOn } from '../scenarios/teamData';
import { usEast1Caller } from './costExplorer';

const TARGET_PREFIX = 'AWSBudgetServiceGateway.';
const DAY = 86_400_000;

const BUDGETS_ERROR_MESSAGES = {
  duplicate: (name: string): string => `Error creating budget: ${name} - the budget already exists.`,
  account: 'Account ID in the request does not match the account of the caller.',
  notifications: 'You can create up to 5 notifications per budget.',
  subscriber: (address: string): string => `Invalid subscriber address: ${address}`,
  limit: 'Budget limit must be a positive amount.',
} as const;

function targetOf(req: FakeRequest): string | undefined {
  return awsJsonOperation(req, TARGET_PREFIX);
}

function invalid(message: string): AwsError {
  return new AwsError(400, 'InvalidParameterException', message, { __type: 'InvalidParameterException', Message: message });
}

function accountFor(ctx: ServiceContext, action: string, input: Record<string, unknown>): string {
  const { account } = usEast1Caller(ctx, action, (state, id) => state.budgets?.accounts[id]?.deniedActions, 'budgets');
  if (input.AccountId !== account) throw new AwsError(400, 'AccessDeniedException', BUDGETS_ERROR_MESSAGES.account, { __type: 'AccessDeniedException', Message: BUDGETS_ERROR_MESSAGES.account });
  return account;
}

/** This month's actual and forecast cost of the lines the budget's Service filter selects. */
function calculatedSpend(state: Scenario, account: string, budget: FakeBudget, now: number): { actual: number; forecast: number } {
  const services = budget.costFilters?.Service;
  const lines = (state.costExplorer?.accounts[account]?.lines ?? []).filter((line) => services === undefined || services.includes(line.service));
  const date = new Date(now);
  const monthStart = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
  const nextMonth = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
  const today = Math.floor(now / DAY) * DAY;
  let actual = 0;
  let forecast = 0;
  for (const line of lines) {
    for (let day = monthStart; day < nextMonth; day += DAY) {
      if (day <= today) actual += lineCostOn(line, day, now).usd;
      if (day >= today) forecast += lineForecastOn(line, day, now);
    }
  }
  // The forecast is the whole month: what was spent before today plus what is expected from today on.
  return { actual, forecast: actual - (lines.reduce((sum, line) => sum + lineCostOn(line, today, now).usd, 0)) + forecast };
}

function money(value: number): { Amount: string; Unit: string } {
  return { Amount: value.toFixed(2), Unit: 'USD' };
}

function wireBudget(state: Scenario, account: string, budget: FakeBudget, now: number): Record<string, unknown> {
  const spend = calculatedSpend(state, account, budget, now);
  const date = new Date(now);
  return {
    BudgetName: budget.name,
    BudgetLimit: money(budget.limitUsd),
    ...(budget.costFilters ? { CostFilters: budget.costFilters } : {}),
    TimeUnit: budget.timeUnit,
    BudgetType: budget.budgetType,
    TimePeriod: { Start: Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1) / 1000, End: 3706473600 },
    CalculatedSpend: { ActualSpend: money(spend.actual), ForecastedSpend: money(spend.forecast) },
    LastUpdatedTime: Math.floor(now / 1000),
  };
}

function describeBudgets(ctx: ServiceContext): FakeResponse {
  const input = awsJsonBody(ctx.req);
  const account = accountFor(ctx, 'budgets:ViewBudget', input);
  const budgets = ctx.state.budgets?.accounts[account]?.budgets ?? [];
  const size = input.MaxResults === undefined ? 100 : Number(input.MaxResults);
  if (!Number.isInteger(size) || size < 1 || size > 1000) throw invalid('MaxResults must be between 1 and 1000.');
  let offset = 0;
  if (input.NextToken !== undefined) {
    const [bound, at] = Buffer.from(String(input.NextToken), 'base64url').toString('utf8').split(':');
    offset = Number(at);
    if (bound !== account || !Number.isInteger(offset) || offset < 0 || offset >= budgets.length) {
      throw new AwsError(400, 'InvalidNextTokenException', 'The next token is invalid.', { __type: 'InvalidNextTokenException', Message: 'The next token is invalid.' });
    }
  }
  const page = budgets.slice(offset, offset + size);
  const next = offset + size < budgets.length ? Buffer.from(`${account}:${offset + size}`, 'utf8').toString('base64url') : undefined;
  return awsJsonOk(ctx, { Budgets: page.map((budget) => wireBudget(ctx.state, account, budget, ctx.now)), ...(next === undefined ? {} : { NextToken: next }) });
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const TOPIC = /^arn:aws[\w-]*:sns:[a-z0-9-]+:\d{12}:[\w-]+$/;

function createBudget(ctx: ServiceContext): FakeResponse {
  const input = awsJsonBody(ctx.req);
  const account = accountFor(ctx, 'budgets:ModifyBudget', input);
  const wire = input.Budget as Record<string, unknown> | undefined;
  if (!wire || typeof wire.BudgetName !== 'string' || typeof wire.TimeUnit !== 'string' || typeof wire.BudgetType !== 'string') throw invalid('Budget must have a BudgetName, a TimeUnit and a BudgetType.');
  const limit = Number((wire.BudgetLimit as { Amount?: string } | undefined)?.Amount);
  if (!Number.isFinite(limit) || limit <= 0) throw invalid(BUDGETS_ERROR_MESSAGES.limit);
  const notifications = (Array.isArray(input.NotificationsWithSubscribers) ? input.NotificationsWithSubscribers : []) as { Notification?: Record<string, unknown>; Subscribers?: { SubscriptionType?: string; Address?: string }[] }[];
  if (notifications.length > 5) throw new AwsError(400, 'CreationLimitExceededException', BUDGETS_ERROR_MESSAGES.notifications, { __type: 'CreationLimitExceededException', Message: BUDGETS_ERROR_MESSAGES.notifications });
  for (const entry of notifications) {
    for (const subscriber of entry.Subscribers ?? []) {
      const address = subscriber.Address ?? '';
      const valid = subscriber.SubscriptionType === 'EMAIL' ? EMAIL.test(address) : subscriber.SubscriptionType === 'SNS' ? TOPIC.test(address) : false;
      if (!valid) throw invalid(BUDGETS_ERROR_MESSAGES.subscriber(address));
    }
  }
  const section = (ctx.state.budgets ??= { accounts: {} });
  const accountState = (section.accounts[account] ??= { budgets: [] });
  if (accountState.budgets.some((budget) => budget.name === wire.BudgetName)) {
    const message = BUDGETS_ERROR_MESSAGES.duplicate(wire.BudgetName);
    throw new AwsError(400, 'DuplicateRecordException', message, { __type: 'DuplicateRecordException', Message: message });
  }
  accountState.budgets.push({
    name: wire.BudgetName,
    limitUsd: limit,
    timeUnit: wire.TimeUnit as FakeBudget['timeUnit'],
    budgetType: wire.BudgetType as FakeBudget['budgetType'],
    ...(wire.CostFilters ? { costFilters: wire.CostFilters as Record<string, string[]> } : {}),
    createdAt: ctx.now,
    notifications: notifications.map((entry) => ({
      notificationType: String(entry.Notification?.NotificationType ?? ''),
      comparisonOperator: String(entry.Notification?.ComparisonOperator ?? ''),
      threshold: Number(entry.Notification?.Threshold ?? 0),
      thresholdType: String(entry.Notification?.ThresholdType ?? 'PERCENTAGE'),
      subscribers: (entry.Subscribers ?? []).map((subscriber) => ({ subscriptionType: subscriber.SubscriptionType ?? '', address: subscriber.Address ?? '' })),
    })),
  });
  return awsJsonOk(ctx, {});
}

export const budgetsModule: ServiceModule = {
  name: 'budgets',
  signingName: 'budgets',
  protocol: jsonProtocol({ style: 'awsJson1_1', messageKey: 'Message', throttle: () => new AwsError(400, 'ThrottlingException', 'Rate exceeded') }),
  matches: (req) => targetOf(req) !== undefined,
  operation: (req) => targetOf(req) ?? 'Unknown',
  handle(ctx) {
    switch (ctx.operation) {
      case 'DescribeBudgets':
        return describeBudgets(ctx);
      case 'CreateBudget':
        return createBudget(ctx);
      default:
        throw new AwsError(400, 'UnknownOperationException', `fake-aws budgets does not serve ${ctx.operation}`);
    }
  },
};
