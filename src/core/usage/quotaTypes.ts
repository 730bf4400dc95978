/**
 * The vocabulary of quota and usage diagnostics, shared by the quota matcher, the usage maths, the
 * AWS adapters (Service Quotas, CloudWatch), the CLI and the sidebar. Types and fixed tables only.
 */

import type { RawAwsError } from '../models/bedrockTypes';

// ---------------------------------------------------------------------------------------------
// Service Quotas

/** What a Bedrock quota limits. */
export type QuotaMeasure = 'tokens-per-minute' | 'requests-per-minute' | 'tokens-per-day';

/**
 * Which traffic a quota counts: `global.` profiles, geographic cross-Region profiles (`jp.`, `us.`,
 * `apac.`, `eu.`, `au.` …; AWS calls these "cross-region"), or in-Region on-demand calls of a bare ID.
 */
export type QuotaRouting = 'global' | 'cross-region' | 'on-demand';

/** One quota as ListServiceQuotas or ListAWSDefaultServiceQuotas lists it. */
export interface ServiceQuotaRecord {
  readonly code: string;
  readonly name: string;
  readonly value: number;
  readonly adjustable: boolean;
  readonly unit?: string;
}

/** One quota increase request (ListRequestedServiceQuotaChangeHistory, RequestServiceQuotaIncrease). */
export interface QuotaRequestRecord {
  readonly id: string;
  readonly code: string;
  readonly name?: string;
  readonly desiredValue: number;
  /** PENDING, CASE_OPENED, APPROVED, DENIED, CASE_CLOSED, NOT_APPROVED, INVALID_REQUEST. */
  readonly status: string;
  /** Epoch milliseconds. */
  readonly created?: number;
  readonly caseId?: string;
}

/** The statuses of a request that is still open. */
export const OPEN_REQUEST_STATUSES: readonly string[] = ['PENDING', 'CASE_OPENED'];

/** What Service Quotas answered for one Region. */
export interface QuotaListing {
  readonly region: string;
  /** ListServiceQuotas (ServiceCode `bedrock`), every page. */
  readonly applied: readonly ServiceQuotaRecord[];
  /** ListAWSDefaultServiceQuotas (ServiceCode `bedrock`), every page. */
  readonly defaults: readonly ServiceQuotaRecord[];
  /** ListRequestedServiceQuotaChangeHistory (ServiceCode `bedrock`); empty when that call failed. */
  readonly requests: readonly QuotaRequestRecord[];
}

/** One quota that counts a model's traffic. */
export interface ModelQuota {
  readonly measure: QuotaMeasure;
  readonly routing: QuotaRouting;
  /** A separate "… 1M Context Length" quota. */
  readonly longContext: boolean;
  readonly code: string;
  readonly name: string;
  /** The value in force: the applied value when listed, else the AWS default. */
  readonly value: number;
  /** The AWS default, when ListAWSDefaultServiceQuotas listed the code. */
  readonly defaultValue?: number;
  readonly adjustable: boolean;
  /** Open increase requests for this code, newest first. */
  readonly pending: readonly QuotaRequestRecord[];
  /** Whether the dated code table knew the code, or a tolerant name match found it. */
  readonly matchedBy: 'code' | 'name';
}

/** The quotas of one configured model ID: those of its own routing and of the others (for advice). */
export interface ModelQuotas {
  /** The ID as configured (`jp.anthropic.claude-sonnet-4-5-20250929-v1:0`). */
  readonly modelId: string;
  readonly baseModelId?: string;
  /** Undefined for an ID whose routing cannot be told (an application profile ARN). */
  readonly routing?: QuotaRouting;
  /** Every quota found for the base model, of every routing; filter on `routing` for the model's own. */
  readonly quotas: readonly ModelQuota[];
}

// ---------------------------------------------------------------------------------------------
// CloudWatch

/** The `AWS/Bedrock` metrics a refresh asks for, per model ID (dimension `ModelId`). */
export const USAGE_METRICS = [
  'Invocations',
  'InvocationThrottles',
  'InvocationClientErrors',
  'InvocationServerErrors',
  'InvocationLatency',
  'InputTokenCount',
  'OutputTokenCount',
  'CacheReadInputTokenCount',
  'CacheWriteInputTokenCount',
  'EstimatedTPMQuotaUsage',
] as const;

export type UsageMetric = (typeof USAGE_METRICS)[number];

/** The statistic each metric is read with. */
export const USAGE_METRIC_STATS: Readonly<Record<UsageMetric, 'Sum' | 'Average'>> = {
  Invocations: 'Sum',
  InvocationThrottles: 'Sum',
  InvocationClientErrors: 'Sum',
  InvocationServerErrors: 'Sum',
  InvocationLatency: 'Average',
  InputTokenCount: 'Sum',
  OutputTokenCount: 'Sum',
  CacheReadInputTokenCount: 'Sum',
  CacheWriteInputTokenCount: 'Sum',
  EstimatedTPMQuotaUsage: 'Sum',
};

/**
 * The metrics read at one minute for the per-minute peaks: requests (RPM) and what the TPM quota
 * counts (EstimatedTPMQuotaUsage, else input + cache writes + output × burndown).
 */
export const PEAK_METRICS = ['Invocations', 'InputTokenCount', 'OutputTokenCount', 'CacheWriteInputTokenCount', 'EstimatedTPMQuotaUsage'] as const satisfies readonly UsageMetric[];

export type PeakMetric = (typeof PEAK_METRICS)[number];

/**
 * Per-minute quotas are judged on one-minute data, whatever the chart's period: an hour's average
 * hides the minutes that throttle. CloudWatch keeps one-minute data for 15 days, longer than the
 * longest range.
 */
export const PEAK_PERIOD_SECONDS = 60;

export type UsageRange = '1h' | '24h' | '7d';

/**
 * The ranges the user chooses from: the last hour at one-minute resolution, longer ranges charted at
 * coarser periods (a 24-hour range at one minute would be 1,440 points per series). The peaks of
 * every range still come from one-minute data ({@link PEAK_PERIOD_SECONDS}).
 */
export const USAGE_RANGES: Readonly<Record<UsageRange, { readonly durationMs: number; readonly periodSeconds: number }>> = {
  '1h': { durationMs: 3_600_000, periodSeconds: 60 },
  '24h': { durationMs: 86_400_000, periodSeconds: 300 },
  '7d': { durationMs: 604_800_000, periodSeconds: 3_600 },
};

/** One GetMetricData query, independent of the wire format. */
export interface MetricQuery {
  /**
   * `m<model index>_<metric short name>` for the chart, `p<model index>_<metric short name>` for the
   * one-minute peak data: unique, starts with a lowercase letter, as CloudWatch requires.
   */
  readonly id: string;
  readonly modelId: string;
  readonly metric: UsageMetric;
  readonly stat: 'Sum' | 'Average';
  readonly periodSeconds: number;
}

/**
 * Everything one refresh asks GetMetricData for, in one request (followed through its NextToken
 * pages): every configured model, every metric at the chart's period, and the peak metrics at one
 * minute.
 */
export interface MetricQueryPlan {
  readonly range: UsageRange;
  /** Epoch ms, aligned to the period. */
  readonly startMs: number;
  readonly endMs: number;
  readonly periodSeconds: number;
  /** The chart: every metric at `periodSeconds`. */
  readonly queries: readonly MetricQuery[];
  /**
   * The {@link PEAK_METRICS} at {@link PEAK_PERIOD_SECONDS} over the same range; empty when the
   * chart's period is already one minute (its queries are then the minute data).
   */
  readonly peakQueries: readonly MetricQuery[];
}

/** One result series as GetMetricData returned it (newest first at AWS; any order is accepted). */
export interface MetricSeriesRecord {
  readonly id: string;
  /** Epoch ms. */
  readonly timestamps: readonly number[];
  readonly values: readonly number[];
  /** StatusCode `Complete`; `PartialData` when CloudWatch cut the series. */
  readonly complete: boolean;
}

/** One model's series on the plan's grid, oldest first; a period without data is null. */
export interface ModelSeries {
  readonly modelId: string;
  readonly metrics: Readonly<Record<UsageMetric, readonly (number | null)[]>>;
}

/** One model's peak metrics, minute by minute, oldest first; a minute without data is null. */
export interface PeakModelSeries {
  readonly modelId: string;
  readonly metrics: Readonly<Record<PeakMetric, readonly (number | null)[]>>;
}

/** The one-minute grid the per-minute peaks are read from, over the same range as the chart. */
export interface PeakSeries {
  readonly startMs: number;
  /** Always {@link PEAK_PERIOD_SECONDS}. */
  readonly periodSeconds: number;
  /** Start of each minute, epoch ms, oldest first. */
  readonly times: readonly number[];
  readonly models: readonly PeakModelSeries[];
}

export interface UsageSeries {
  readonly range: UsageRange;
  readonly startMs: number;
  /** The chart's period. */
  readonly periodSeconds: number;
  /** Start of each period, epoch ms, oldest first. */
  readonly times: readonly number[];
  readonly models: readonly ModelSeries[];
  /** One-minute data for the peaks (for `1h` the same points as the chart). */
  readonly peaks: PeakSeries;
  /** True when any series (chart or peaks) came back PartialData. */
  readonly partial: boolean;
}

// ---------------------------------------------------------------------------------------------
// Diagnostics

/** A rate against its quota. Percentages are 0–100+ (a throttled minute can exceed 100). */
export interface RateUse {
  /** Highest one-minute rate over the range, from one-minute data whatever the chart's period. */
  readonly peak: number;
  /** Median one-minute rate over the minutes that saw traffic. */
  readonly typical: number;
  /** Start of the peak minute, epoch ms; absent without traffic. */
  readonly peakAt?: number;
  readonly quota?: ModelQuota;
  readonly peakPercent?: number;
  readonly typicalPercent?: number;
}

export interface TokenTotals {
  readonly input: number;
  readonly output: number;
  readonly cacheRead: number;
  readonly cacheWrite: number;
}

/** The cost of the range's tokens at list prices. */
export interface UsageCost {
  /** USD at the prices of the model's own scope; undefined when the price table does not know it. */
  readonly usd?: number;
  /** The same tokens at `global.` prices; equal to `usd` for a global model. */
  readonly globalUsd?: number;
  /** `usd - globalUsd` for a geographic model (the Japan premium for `jp.`). */
  readonly premiumUsd?: number;
}

/** The `max_tokens` reservation: Bedrock reserves input + max_tokens per request against TPM at its start. */
export interface ReservationEffect {
  /** CLAUDE_CODE_MAX_OUTPUT_TOKENS from the settings, else Claude Code's default. */
  readonly maxOutputTokens: number;
  readonly maxOutputTokensSource: 'settings' | 'default';
  /** Output tokens are charged this many times against TPM at the end of a request (5 for Claude 3.7 and later). */
  readonly burndown: number;
  readonly averageInputPerRequest: number;
  readonly averageOutputPerRequest: number;
  /** Peak requests per minute × (average input + max output tokens). */
  readonly peakReservedTpm: number;
  readonly peakReservedPercent?: number;
}

export interface ModelUsageSummary {
  readonly modelId: string;
  readonly routing?: QuotaRouting;
  readonly invocations: number;
  readonly throttles: number;
  readonly clientErrors: number;
  readonly serverErrors: number;
  /** throttles / (invocations + throttles), 0–1; 0 without traffic. */
  readonly throttleRate: number;
  /** Start of every period with at least one throttle, epoch ms, oldest first. */
  readonly throttledPeriods: readonly number[];
  readonly averageLatencyMs?: number;
  readonly tokens: TokenTotals;
  /** Quota tokens per minute: EstimatedTPMQuotaUsage where present, else input + cache writes + output × burndown. */
  readonly tpm: RateUse;
  readonly rpm: RateUse;
  /** The busiest UTC day's quota tokens against the tokens-per-day quota (24h and 7d ranges). */
  readonly tokensPerDay?: { readonly peak: number; readonly quota?: ModelQuota; readonly peakPercent?: number };
  readonly reservation: ReservationEffect;
  readonly cost: UsageCost;
}

export type Recommendation =
  | {
      readonly code: 'request-increase';
      readonly modelId: string;
      readonly quota: ModelQuota;
      /** The observed (or reserved) peak that motivates the request, in the quota's unit. */
      readonly peak: number;
      /** The value to request: peak with headroom, rounded up, above the default. */
      readonly desiredValue: number;
      /** An open request for this code already exists. */
      readonly alreadyRequested: boolean;
    }
  | {
      readonly code: 'lower-max-output-tokens';
      readonly modelId: string;
      readonly current: number;
      readonly suggested: number;
      readonly averageOutputPerRequest: number;
      /** Peak reserved TPM now, and with the suggested value. */
      readonly reservedTpmNow: number;
      readonly reservedTpmSuggested: number;
      readonly quotaValue: number;
    }
  | {
      readonly code: 'switch-scope';
      readonly modelId: string;
      /** The same model in the other routing (`global.anthropic…`). */
      readonly suggestedModelId: string;
      readonly fromRouting: QuotaRouting;
      readonly toRouting: QuotaRouting;
      readonly currentQuota: ModelQuota;
      readonly suggestedQuota: ModelQuota;
      /** Where requests may then be served; `any` for global. */
      readonly residency: 'any-region' | 'same-geography';
    }
  | {
      readonly code: 'quota-zero';
      readonly modelId: string;
      readonly quota: ModelQuota;
    };

/** What the status bar needs: throttles in the last 15 minutes, or a quota above 80 %. */
export interface UsageAlert {
  /** Throttles in the 15 minutes before `generatedAt`, over all models. */
  readonly recentThrottles: number;
  /** The highest peak percentage of any TPM or RPM quota of a configured model in the range. */
  readonly highestPercent?: { readonly modelId: string; readonly measure: QuotaMeasure; readonly percent: number };
  readonly state: 'ok' | 'warning';
}

export const ALERT_WINDOW_MS = 15 * 60_000;
export const ALERT_PERCENT = 80;

/** A failed part of a refresh: which service, and what it said (classified by the surfaces). */
export interface UsageProblem {
  readonly service: 'servicequotas' | 'cloudwatch';
  /** The IAM action that was refused, when the failure is an access denial. */
  readonly missingPermission?: string;
  readonly error: RawAwsError;
}

/** One refresh: quotas, series, per-model summaries, advice and alert, plus what could not be read. */
export interface UsageReport {
  readonly region: string;
  readonly range: UsageRange;
  /** Epoch ms when the data was fetched. */
  readonly generatedAt: number;
  readonly modelIds: readonly string[];
  /** Absent when Service Quotas failed. */
  readonly quotas?: readonly ModelQuotas[];
  /** Absent when CloudWatch failed. */
  readonly series?: UsageSeries;
  /** Present when series are (with quota fields empty when quotas are absent). */
  readonly models?: readonly ModelUsageSummary[];
  readonly recommendations: readonly Recommendation[];
  /** Sum over models; the premium is the Japan (geographic) surcharge over `global.` prices. */
  readonly cost?: UsageCost & { readonly pricesAsOf: string };
  readonly alert?: UsageAlert;
  readonly problems: readonly UsageProblem[];
  /** The state of the shown models' alarms (one DescribeAlarms), when it was asked for. */
  readonly alarms?: import('../alarms/alarmTypes').AlarmStates;
}
