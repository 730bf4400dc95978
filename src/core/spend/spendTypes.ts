/**
 * The vocabulary of actual spend: what Cost Explorer says Claude on Bedrock cost (month to date,
 * the last full months, the month's forecast), split by model and token kind where the usage types
 * tell, next to the estimate from CloudWatch metrics at list prices. Types and constants only.
 */

import type { AdminProblem } from '../team/adminProblem';
import type { TokenTotals } from '../usage/quotaTypes';

/** What a usage type bills: the four token kinds of Claude on Bedrock, or something else. */
export type TokenKind = 'input' | 'output' | 'cacheRead' | 'cacheWrite' | 'other';

export const TOKEN_KINDS: readonly TokenKind[] = ['input', 'output', 'cacheRead', 'cacheWrite', 'other'];

/**
 * Cost Explorer is billed per request: a read (three requests) happens at most this often, whatever
 * the refresh interval of the view, and its answer is cached on disk in between.
 */
export const SPEND_MIN_INTERVAL_MS = 3_600_000;

/** The error name of a listing cut at its page limit (Cost Explorer, Budgets): only the first pages were read. */
export const PAGE_LIMIT_REACHED = 'PageLimitReached';

/** Pages of one Cost Explorer listing read at most (each page is a billed request). */
export const MAX_SPEND_PAGES = 5;

/** Full months shown before the current one. */
export const FULL_MONTHS = 2;

/** The dates of one read (Cost Explorer takes `YYYY-MM-DD`, start inclusive, end exclusive, UTC). */
export interface SpendPeriods {
  /** First day of the oldest full month shown. */
  readonly start: string;
  /** Tomorrow: today's cost so far is included. */
  readonly end: string;
  /** First day of the current month. */
  readonly monthStart: string;
  /** Today (a forecast cannot start in the past). */
  readonly forecastStart: string;
  /** First day of next month. */
  readonly forecastEnd: string;
  /** `YYYY-MM`, oldest first, the current month last. */
  readonly months: readonly string[];
}

/** One group of GetCostAndUsage (MONTHLY, grouped by SERVICE and USAGE_TYPE). */
export interface CostRow {
  /** `YYYY-MM` of the period's start. */
  readonly month: string;
  readonly service: string;
  readonly usageType: string;
  /** UnblendedCost in USD. */
  readonly usd: number;
  /** UsageQuantity (tokens for token usage types; the unit varies). */
  readonly quantity: number;
}

export interface MonthSpend {
  readonly month: string;
  readonly usd: number;
  /** Per model (the Cost Explorer service name without "(Amazon Bedrock Edition)"), largest first. */
  readonly byModel: readonly { readonly model: string; readonly usd: number }[];
  readonly byKind: Readonly<Record<TokenKind, number>>;
  /** The current month is still running. */
  readonly toDate: boolean;
}

/** The CloudWatch estimate for the current month so far: the configured models at list prices. */
export interface SpendEstimate {
  readonly region: string;
  readonly modelIds: readonly string[];
  /** Epoch ms. */
  readonly from: number;
  readonly to: number;
  readonly tokens: TokenTotals;
  /** Undefined when a model with traffic is not in the price table. */
  readonly usd?: number;
  readonly pricesAsOf: string;
  /**
   * CloudWatch answered only part of the metrics (a series cut short, `PartialData`, or a query
   * without an answer): the figures are a lower bound, not verified as the month's whole.
   */
  readonly partial?: true;
}

/** The current month's forecast (GetCostForecast, UNBLENDED_COST) with its 80% interval when given. */
export interface SpendForecast {
  readonly usd: number;
  readonly lower?: number;
  readonly upper?: number;
}

export interface SpendReport {
  /** When Cost Explorer was read (epoch ms); the cache's age is measured from it. */
  readonly generatedAt: number;
  readonly periods: SpendPeriods;
  /** The Cost Explorer SERVICE values that name Claude on Bedrock (GetDimensionValues). */
  readonly services: readonly string[];
  /** Absent when Cost Explorer could not be read. */
  readonly months?: readonly MonthSpend[];
  /** The current month's forecast (GetCostForecast); absent when it could not be made. */
  readonly forecast?: SpendForecast;
  /** Cost Explorer had too little history for a forecast (DataUnavailableException). */
  readonly forecastUnavailable?: boolean;
  /** GetCostForecast answered without a numeric total: there is no forecast (not a $0 one). */
  readonly forecastWithoutAmount?: boolean;
  readonly estimate?: SpendEstimate;
  readonly problems: readonly AdminProblem[];
}
