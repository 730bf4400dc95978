/**
 * The AWS Budgets adapter (global endpoint, signed for us-east-1): the account's budgets with their
 * calculated spend, and one CreateBudget after the caller's confirmation of the exact plan. The
 * account comes from STS, since Budgets takes it as a parameter.
 */

import { BudgetsClient, CreateBudgetCommand, DescribeBudgetsCommand, type Budget } from '@aws-sdk/client-budgets';
import { budgetStatuses, type BudgetPlan, type BudgetRecord, type BudgetStatus } from '../../core/budgets/budgetPlan';
import { BUDGETS_PAGE_SIZE, MAX_BUDGET_PAGES } from '../../core/budgets/budgetText';
import type { Diagnosis } from '../../core/models/bedrockTypes';
import { diagnoseAwsError, mayHaveTakenEffect } from '../../core/models/diagnosis';
import { spendPeriods } from '../../core/spend/spendReport';
import { adminProblem, type AdminProblem } from '../../core/team/adminProblem';
import { profileNameOf } from '../clients';
import { callAsValue, openAwsSession, type AwsSession, type AwsSessionOptions, type CallResult } from '../session';
import { BILLING_REGION, claudeServiceValues } from '../spend/spend';
import { getCallerIdentity } from '../team/invocationLogs';
import { listAsValue } from '../paging';


function budgetsClient(session: AwsSession): BudgetsClient {
  return session.client('budgets', (config) => new BudgetsClient({ ...config, region: BILLING_REGION }));
}

function record(budget: Budget): BudgetRecord {
  const filters = budget.CostFilters ?? {};
  const amount = (value: string | undefined) => (value === undefined || value === '' || !Number.isFinite(Number(value)) ? undefined : Number(value));
  const limitUsd = amount(budget.BudgetLimit?.Amount);
  const actualUsd = amount(budget.CalculatedSpend?.ActualSpend?.Amount);
  const forecastUsd = amount(budget.CalculatedSpend?.ForecastedSpend?.Amount);
  return {
    name: budget.BudgetName ?? '',
    ...(limitUsd === undefined ? {} : { limitUsd }),
    ...(budget.BudgetLimit?.Unit ? { unit: budget.BudgetLimit.Unit } : {}),
    ...(budget.TimeUnit ? { timeUnit: budget.TimeUnit } : {}),
    ...(budget.BudgetType ? { type: budget.BudgetType } : {}),
    ...(actualUsd === undefined ? {} : { actualUsd }),
    ...(forecastUsd === undefined ? {} : { forecastUsd }),
    ...(filters.Service ? { services: filters.Service } : {}),
    otherFilters: Object.keys(filters).filter((key) => key !== 'Service' && (filters[key]?.length ?? 0) > 0).sort(),
  };
}

/** Every budget of the account (DescribeBudgets, at most MAX_BUDGET_PAGES pages: more is a PageLimitReached failure). */
export function describeBudgets(session: AwsSession, accountId: string): Promise<CallResult<BudgetRecord[]>> {
  const client = budgetsClient(session);
  return listAsValue(session, 'DescribeBudgets', MAX_BUDGET_PAGES, async (NextToken, abortSignal) => {
    const output = await client.send(new DescribeBudgetsCommand({ AccountId: accountId, MaxResults: BUDGETS_PAGE_SIZE, NextToken }), { abortSignal });
    return { items: (output.Budgets ?? []).map(record), next: output.NextToken };
  });
}

export interface BudgetsReport {
  readonly accountId?: string;
  /** The Claude services found in Cost Explorer (for coverage and for a new budget's filter); empty when it could not be read. */
  readonly services: readonly string[];
  /** Absent when Budgets could not be read. */
  readonly budgets?: readonly BudgetStatus[];
  readonly problems: readonly AdminProblem[];
  readonly generatedAt: number;
}

export type BudgetsFetchResult = { readonly ok: true; readonly report: BudgetsReport } | { readonly ok: false; readonly credentials: Diagnosis };

export interface BudgetsFetchOptions extends AwsSessionOptions {
  /** Claude services already known (a cached spend read): Cost Explorer is then not asked. */
  readonly services?: readonly string[];
  readonly now?: number;
}

/** The budgets that cover Claude on Bedrock, with their state. Never throws. */
export async function fetchBudgets(options: BudgetsFetchOptions): Promise<BudgetsFetchResult> {
  const opened = await openAwsSession(options);
  if (!opened.ok) return { ok: false, credentials: diagnoseAwsError(opened.error, { profile: profileNameOf(options.target), region: options.region }) };
  const session = opened.value;
  try {
    const now = options.now ?? Date.now();
    const problems: AdminProblem[] = [];
    // The budgets need the account only, not the Claude services: they are listed as soon as STS
    // answers, beside Cost Explorer, so a slow Cost Explorer does not delay them (nor stack its deadline on theirs).
    const identifying = getCallerIdentity(session);
    const [identity, services, listed] = await Promise.all([
      identifying,
      options.services ? Promise.resolve({ ok: true as const, value: [...options.services], durationMs: 0 }) : claudeServiceValues(session, spendPeriods(now)),
      identifying.then((found) => (found.ok ? describeBudgets(session, found.value.account) : undefined)),
    ]);
    if (!services.ok) problems.push(adminProblem('ce', services.error));
    if (!identity.ok || listed === undefined) {
      if (!identity.ok) problems.push(adminProblem('sts', identity.error));
      return { ok: true, report: { services: services.ok ? services.value : [], problems, generatedAt: now } };
    }
    if (!listed.ok) problems.push(adminProblem('budgets', listed.error));
    const known = services.ok ? services.value : [];
    return {
      ok: true,
      report: { accountId: identity.value.account, services: known, ...(listed.ok ? { budgets: budgetStatuses(listed.value, known) } : {}), problems, generatedAt: now },
    };
  } finally {
    session.close();
  }
}

/** Creates the planned budget with its notifications, after the caller's confirmation. Never throws. */
export async function createBudget(options: AwsSessionOptions & { readonly plan: BudgetPlan }): Promise<{ ok: true } | { ok: false; problem: AdminProblem; readonly uncertain?: true }> {
  const opened = await openAwsSession(options);
  if (!opened.ok) return { ok: false, problem: adminProblem('budgets', opened.error) };
  const session = opened.value;
  try {
    const { plan } = options;
    const client = budgetsClient(session);
    const created = await callAsValue(session, 'CreateBudget', (abortSignal) =>
      client.send(
        new CreateBudgetCommand({
          AccountId: plan.accountId,
          Budget: {
            BudgetName: plan.name,
            BudgetLimit: { Amount: plan.limitUsd.toFixed(2), Unit: 'USD' },
            TimeUnit: 'MONTHLY',
            BudgetType: 'COST',
            CostFilters: { Service: [...plan.services] },
          },
          NotificationsWithSubscribers: plan.notifications.map((notification) => ({
            Notification: { NotificationType: 'ACTUAL', ComparisonOperator: 'GREATER_THAN', Threshold: notification.thresholdPercent, ThresholdType: 'PERCENTAGE' },
            Subscribers: notification.subscribers.map((subscriber) => ({ SubscriptionType: subscriber.type, Address: subscriber.address })),
          })),
        }),
        { abortSignal },
      ),
    );
    if (created.ok) return { ok: true };
    // An answer that did not come back whole: the budget may exist now (budgets list tells).
    return { ok: false, problem: adminProblem('budgets', created.error), ...(mayHaveTakenEffect(diagnoseAwsError(created.error, { region: options.region })) ? { uncertain: true as const } : {}) };
  } finally {
    session.close();
  }
}
