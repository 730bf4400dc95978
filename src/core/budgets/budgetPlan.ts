/**
 * AWS Budgets for Claude on Bedrock: which existing budgets cover it and how they stand (actual and
 * forecast against the limit), and the plan of a new monthly budget with alerts at chosen
 * percentages to e-mail addresses or an SNS topic, previewed before CreateBudget. Pure.
 */

import { isEmailAddress, isFifoTopicArn, isTopicArn } from '../text/addresses';

export interface BudgetRecord {
  readonly name: string;
  readonly limitUsd?: number;
  readonly unit?: string;
  /** MONTHLY, QUARTERLY, ANNUALLY, DAILY. */
  readonly timeUnit?: string;
  /** COST, USAGE, … */
  readonly type?: string;
  readonly actualUsd?: number;
  readonly forecastUsd?: number;
  /** CostFilters.Service, when the budget filters on services. */
  readonly services?: readonly string[];
  /** Filters other than Service (tags, accounts, Regions …): the budget covers only part of the services' spend. */
  readonly otherFilters: readonly string[];
}

/** How a budget covers Claude on Bedrock: its services name it, it has no filter (the whole account), or it does not. */
export type BudgetCoverage = 'claude' | 'account' | 'partial' | 'none';

export interface BudgetStatus extends BudgetRecord {
  readonly coverage: BudgetCoverage;
  readonly actualPercent?: number;
  readonly forecastPercent?: number;
  /** `over` when actual passed the limit, `forecast-over` when the forecast does, else `ok`. */
  readonly state: 'ok' | 'forecast-over' | 'over';
}

function coverageOf(budget: BudgetRecord, claudeServices: readonly string[]): BudgetCoverage {
  if (budget.type !== undefined && budget.type !== 'COST') return 'none';
  const services = budget.services ?? [];
  const names = services.some((service) => /claude/i.test(service) || claudeServices.includes(service));
  if (services.length === 0) return budget.otherFilters.length === 0 ? 'account' : 'partial';
  if (!names) return 'none';
  return budget.otherFilters.length === 0 ? 'claude' : 'partial';
}

/** The budgets that cover Claude on Bedrock, with their state; those that do not are left out. Claude's own first. */
export function budgetStatuses(budgets: readonly BudgetRecord[], claudeServices: readonly string[]): BudgetStatus[] {
  const order: Readonly<Record<BudgetCoverage, number>> = { claude: 0, partial: 1, account: 2, none: 3 };
  return budgets
    .map((budget) => {
      const coverage = coverageOf(budget, claudeServices);
      const limit = budget.limitUsd;
      const actualPercent = limit !== undefined && limit > 0 && budget.actualUsd !== undefined ? (budget.actualUsd / limit) * 100 : undefined;
      const forecastPercent = limit !== undefined && limit > 0 && budget.forecastUsd !== undefined ? (budget.forecastUsd / limit) * 100 : undefined;
      const state: BudgetStatus['state'] = (actualPercent ?? 0) > 100 ? 'over' : (forecastPercent ?? 0) > 100 ? 'forecast-over' : 'ok';
      return {
        ...budget,
        coverage,
        ...(actualPercent === undefined ? {} : { actualPercent }),
        ...(forecastPercent === undefined ? {} : { forecastPercent }),
        state,
      };
    })
    .filter((budget) => budget.coverage !== 'none')
    .sort((a, b) => order[a.coverage] - order[b.coverage] || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export interface BudgetPlanInput {
  readonly accountId: string;
  readonly name?: string;
  readonly limitUsd: number;
  /** Alert thresholds in percent of the limit (actual spend). */
  readonly thresholds: readonly number[];
  readonly emails: readonly string[];
  readonly snsTopicArn?: string;
  /** The Cost Explorer SERVICE values of Claude on Bedrock the budget filters on. */
  readonly services: readonly string[];
}

export interface BudgetPlan {
  readonly accountId: string;
  readonly name: string;
  readonly limitUsd: number;
  readonly services: readonly string[];
  readonly notifications: readonly { readonly thresholdPercent: number; readonly subscribers: readonly { readonly type: 'EMAIL' | 'SNS'; readonly address: string }[] }[];
}

export type BudgetPlanError =
  | 'bad-limit'
  | 'no-threshold'
  | 'bad-threshold'
  | 'too-many-thresholds'
  | 'no-subscriber'
  | 'bad-email'
  | 'too-many-emails'
  | 'bad-topic'
  | 'bad-name'
  | 'no-services'
  | 'bad-account';

export const DEFAULT_BUDGET_NAME = 'Claude on Bedrock (monthly)';
/** AWS Budgets allows five notifications per budget and ten e-mail subscribers per notification. */
export const MAX_NOTIFICATIONS = 5;
export const MAX_EMAILS = 10;

/** The budget to create, or what is wrong with the inputs (the first problem found). */
export function planBudget(input: BudgetPlanInput): { ok: true; plan: BudgetPlan } | { ok: false; error: BudgetPlanError; value?: string } {
  const name = (input.name ?? DEFAULT_BUDGET_NAME).trim();
  if (!/^\d{12}$/.test(input.accountId)) return { ok: false, error: 'bad-account' };
  if (name === '' || name.length > 100 || /[:\\]/.test(name)) return { ok: false, error: 'bad-name', value: name };
  if (!Number.isFinite(input.limitUsd) || input.limitUsd <= 0) return { ok: false, error: 'bad-limit', value: String(input.limitUsd) };
  const thresholds = [...new Set(input.thresholds)].sort((a, b) => a - b);
  if (thresholds.length === 0) return { ok: false, error: 'no-threshold' };
  const bad = thresholds.find((value) => !Number.isFinite(value) || value <= 0 || value > 1000);
  if (bad !== undefined) return { ok: false, error: 'bad-threshold', value: String(bad) };
  if (thresholds.length > MAX_NOTIFICATIONS) return { ok: false, error: 'too-many-thresholds' };
  const emails = [...new Set(input.emails.map((email) => email.trim()))];
  const badEmail = emails.find((email) => !isEmailAddress(email));
  if (badEmail !== undefined) return { ok: false, error: 'bad-email', value: badEmail };
  if (emails.length > MAX_EMAILS) return { ok: false, error: 'too-many-emails' };
  if (input.snsTopicArn !== undefined && (!isTopicArn(input.snsTopicArn) || isFifoTopicArn(input.snsTopicArn))) return { ok: false, error: 'bad-topic', value: input.snsTopicArn };
  const subscribers = [...emails.map((address) => ({ type: 'EMAIL' as const, address })), ...(input.snsTopicArn ? [{ type: 'SNS' as const, address: input.snsTopicArn }] : [])];
  if (subscribers.length === 0) return { ok: false, error: 'no-subscriber' };
  if (input.services.length === 0) return { ok: false, error: 'no-services' };
  return {
    ok: true,
    plan: {
      accountId: input.accountId,
      name,
      limitUsd: input.limitUsd,
      services: [...input.services].sort(),
      notifications: thresholds.map((thresholdPercent) => ({ thresholdPercent, subscribers })),
    },
  };
}

/**
 * The SERVICE values a new budget filters on: those that name Claude; when the account bills
 * Claude only under Amazon Bedrock's own service, that service (which then covers its other models too).
 */
export function budgetServices(claudeServices: readonly string[]): { readonly services: readonly string[]; readonly wholeBedrock: boolean } {
  const named = claudeServices.filter((service) => /claude/i.test(service));
  return named.length > 0 ? { services: [...named].sort(), wholeBedrock: false } : { services: ['Amazon Bedrock'], wholeBedrock: true };
}
