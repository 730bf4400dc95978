/**
 * One read of actual spend: Cost Explorer (always us-east-1, whatever the setup's Region) asked
 * three times — the SERVICE values naming Claude (GetDimensionValues), their cost by month, service
 * and usage type (GetCostAndUsage) and the month's forecast (GetCostForecast) — and, beside it,
 * CloudWatch's token metrics of the configured models for the month so far (one GetMetricData).
 * Each Cost Explorer request is billed; the callers read at most once an hour and cache the result.
 */

import { CostExplorerClient, GetCostAndUsageCommand, GetCostForecastCommand, GetDimensionValuesCommand, type Expression, type GetCostForecastCommandOutput } from '@aws-sdk/client-cost-explorer';
import type { Diagnosis } from '../../core/models/bedrockTypes';
import { diagnoseAwsError } from '../../core/models/diagnosis';
import { claudeServices, CLAUDE_SERVICE_SEARCH, estimateFromRecords, monthSpends, planEstimateQueries, spendPeriods } from '../../core/spend/spendReport';
import { MAX_SPEND_PAGES, type CostRow, type SpendEstimate, type SpendForecast, type SpendPeriods, type SpendReport } from '../../core/spend/spendTypes';
import { adminProblem, type AdminProblem } from '../../core/team/adminProblem';
import { profileNameOf } from '../clients';
import { callAsValue, openAwsSession, type AwsSession, type AwsSessionOptions, type CallResult } from '../session';
import { getUsageMetrics } from '../usage/metrics';
import { listAsValue } from '../paging';

/** The only Region Cost Explorer and Budgets answer in. */
export const BILLING_REGION = 'us-east-1';
/** Pages of one listing followed at most (each page is a billed request); more is a PageLimitReached failure. */
const MAX_PAGES = MAX_SPEND_PAGES;

export function costExplorerClient(session: AwsSession): CostExplorerClient {
  return session.client('ce', (config) => new CostExplorerClient({ ...config, region: BILLING_REGION }));
}

/** The Cost Explorer SERVICE values of the period that name Claude (plus Amazon Bedrock's own). */
export async function claudeServiceValues(session: AwsSession, periods: SpendPeriods): Promise<CallResult<string[]>> {
  const client = costExplorerClient(session);
  const listed = await listAsValue(session, 'GetDimensionValues', MAX_PAGES, async (NextPageToken, abortSignal) => {
    const output = await client.send(
      new GetDimensionValuesCommand({ TimePeriod: { Start: periods.start, End: periods.end }, Dimension: 'SERVICE', SearchString: CLAUDE_SERVICE_SEARCH, Context: 'COST_AND_USAGE', NextPageToken }),
      { abortSignal },
    );
    return { items: (output.DimensionValues ?? []).map((value) => value.Value ?? '').filter((value) => value !== ''), next: output.NextPageToken };
  });
  return listed.ok ? { ...listed, value: claudeServices(listed.value) } : listed;
}

function serviceFilter(services: readonly string[]): Expression {
  return { Dimensions: { Key: 'SERVICE', Values: [...services] } };
}

function costRows(session: AwsSession, periods: SpendPeriods, services: readonly string[]): Promise<CallResult<CostRow[]>> {
  const client = costExplorerClient(session);
  return listAsValue(session, 'GetCostAndUsage', MAX_PAGES, async (NextPageToken, abortSignal) => {
    const output = await client.send(
      new GetCostAndUsageCommand({
        TimePeriod: { Start: periods.start, End: periods.end },
        Granularity: 'MONTHLY',
        Metrics: ['UnblendedCost', 'UsageQuantity'],
        Filter: serviceFilter(services),
        GroupBy: [
          { Type: 'DIMENSION', Key: 'SERVICE' },
          { Type: 'DIMENSION', Key: 'USAGE_TYPE' },
        ],
        NextPageToken,
      }),
      { abortSignal },
    );
    const rows: CostRow[] = [];
    for (const result of output.ResultsByTime ?? []) {
      const month = (result.TimePeriod?.Start ?? '').slice(0, 7);
      for (const group of result.Groups ?? []) {
        const [service = '', usageType = ''] = group.Keys ?? [];
        rows.push({ month, service, usageType, usd: Number(group.Metrics?.UnblendedCost?.Amount ?? 0) || 0, quantity: Number(group.Metrics?.UsageQuantity?.Amount ?? 0) || 0 });
      }
    }
    return { items: rows, next: output.NextPageToken };
  });
}

/** The month's forecast, or undefined when the answer holds no numeric total (never read as $0). */
export function forecastOf(output: GetCostForecastCommandOutput): SpendForecast | undefined {
  const amount = output.Total?.Amount;
  const usd = amount === undefined || amount.trim() === '' ? Number.NaN : Number(amount);
  if (!Number.isFinite(usd)) return undefined;
  const lower = output.ForecastResultsByTime?.reduce((sum, entry) => sum + Number(entry.PredictionIntervalLowerBound ?? Number.NaN), 0);
  const upper = output.ForecastResultsByTime?.reduce((sum, entry) => sum + Number(entry.PredictionIntervalUpperBound ?? Number.NaN), 0);
  return {
    usd,
    ...(lower !== undefined && Number.isFinite(lower) ? { lower } : {}),
    ...(upper !== undefined && Number.isFinite(upper) ? { upper } : {}),
  };
}

function forecast(session: AwsSession, periods: SpendPeriods, services: readonly string[]): Promise<CallResult<SpendForecast | undefined>> {
  const client = costExplorerClient(session);
  return callAsValue(session, 'GetCostForecast', async (abortSignal) => {
    const output = await client.send(
      new GetCostForecastCommand({ TimePeriod: { Start: periods.forecastStart, End: periods.forecastEnd }, Metric: 'UNBLENDED_COST', Granularity: 'MONTHLY', Filter: serviceFilter(services), PredictionIntervalLevel: 80 }),
      { abortSignal },
    );
    return forecastOf(output);
  });
}

/** The CloudWatch estimate of the configured models for the month so far (their Region). */
async function monthEstimate(session: AwsSession, modelIds: readonly string[], periods: SpendPeriods, now: number): Promise<CallResult<SpendEstimate>> {
  const plan = planEstimateQueries(modelIds, Date.parse(`${periods.monthStart}T00:00:00Z`), now);
  const started = Date.now();
  const metrics = await getUsageMetrics(session, plan);
  if (!metrics.ok) return metrics;
  return { ok: true, value: estimateFromRecords(plan, metrics.value, session.region), durationMs: Date.now() - started };
}

export interface SpendFetchOptions extends AwsSessionOptions {
  /** The configured models whose CloudWatch metrics make the estimate (in `region`); none: no estimate. */
  readonly modelIds: readonly string[];
  readonly now?: number;
}

export type SpendFetchResult = { readonly ok: true; readonly report: SpendReport } | { readonly ok: false; readonly credentials: Diagnosis };

export type EstimateFetchResult =
  | { readonly ok: true; readonly estimate?: SpendEstimate; readonly problem?: AdminProblem }
  | { readonly ok: false; readonly credentials: Diagnosis };

/**
 * The CloudWatch estimate alone, for the periods of a cached read whose estimate had failed: free to
 * ask again, unlike Cost Explorer, so a failure that has passed is not replayed for the cache's hour.
 * Never throws.
 */
export async function fetchSpendEstimate(options: SpendFetchOptions & { readonly periods: SpendPeriods }): Promise<EstimateFetchResult> {
  const opened = await openAwsSession(options);
  if (!opened.ok) return { ok: false, credentials: diagnoseAwsError(opened.error, { profile: profileNameOf(options.target), region: options.region }) };
  const session = opened.value;
  try {
    if (options.modelIds.length === 0) return { ok: true };
    const estimate = await monthEstimate(session, options.modelIds, options.periods, options.now ?? Date.now());
    return estimate.ok ? { ok: true, estimate: estimate.value } : { ok: true, problem: adminProblem('cloudwatch', estimate.error) };
  } finally {
    session.close();
  }
}

/** One read of actual spend and the estimate beside it. Never throws. */
export async function fetchSpendReport(options: SpendFetchOptions): Promise<SpendFetchResult> {
  const opened = await openAwsSession(options);
  if (!opened.ok) return { ok: false, credentials: diagnoseAwsError(opened.error, { profile: profileNameOf(options.target), region: options.region }) };
  const session = opened.value;
  try {
    const now = options.now ?? Date.now();
    const periods = spendPeriods(now);
    const problems: AdminProblem[] = [];
    const estimating = options.modelIds.length > 0 ? monthEstimate(session, options.modelIds, periods, now) : Promise.resolve(undefined);
    const services = await claudeServiceValues(session, periods);
    let months: SpendReport['months'];
    let forecastValue: SpendReport['forecast'];
    let forecastUnavailable = false;
    let forecastWithoutAmount = false;
    if (!services.ok) problems.push(adminProblem('ce', services.error));
    else {
      const [rows, predicted] = await Promise.all([costRows(session, periods, services.value), forecast(session, periods, services.value)]);
      if (rows.ok) months = monthSpends(rows.value, periods);
      else problems.push(adminProblem('ce', rows.error));
      if (predicted.ok) {
        // An answer without a numeric total is no forecast, never a $0 one.
        if (predicted.value) forecastValue = predicted.value;
        else forecastWithoutAmount = true;
      }
      // Too little history to forecast is an answer, not a failure.
      else if (predicted.error.name === 'DataUnavailableException') forecastUnavailable = true;
      else problems.push(adminProblem('ce', predicted.error));
    }
    const estimate = await estimating;
    if (estimate && !estimate.ok) problems.push(adminProblem('cloudwatch', estimate.error));
    return {
      ok: true,
      report: {
        generatedAt: now,
        periods,
        services: services.ok ? services.value : [],
        ...(months ? { months } : {}),
        ...(forecastValue ? { forecast: forecastValue } : {}),
        ...(forecastUnavailable ? { forecastUnavailable } : {}),
        ...(forecastWithoutAmount ? { forecastWithoutAmount } : {}),
        ...(estimate?.ok ? { estimate: estimate.value } : {}),
        problems,
      },
    };
  } finally {
    session.close();
  }
}
