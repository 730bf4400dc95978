/**
 * Actual spend from Cost Explorer's rows: which rows are Claude on Bedrock, which model and token
 * kind each bills, the month totals, and the comparison with the CloudWatch estimate. Pure.
 *
 * The filter. Claude models on Bedrock are billed under their own Cost Explorer SERVICE values,
 * named after the model with "(Amazon Bedrock Edition)" (sold through AWS Marketplace), while
 * Amazon's own models bill under the SERVICE "Amazon Bedrock". A read asks GetDimensionValues for
 * the SERVICE values matching "Claude" in the period (Cost Explorer's filters match exact values
 * only), then GetCostAndUsage for those values grouped by SERVICE and USAGE_TYPE. A row of the
 * service "Amazon Bedrock" counts only when its usage type names Claude or Anthropic. The token
 * kind comes from the usage type: `…InputTokenCount…` / `…-input-tokens`, `…OutputTokenCount…`,
 * `…CacheReadInputTokenCount…` / `…-cache-read-input-token-count`, `…CacheWrite…`; anything else
 * is `other`. These names follow AWS's billing documentation and were not checked against a real bill.
 */

import type { MetricQueryPlan, MetricSeriesRecord, ModelUsageSummary, TokenTotals } from '../usage/quotaTypes';
import { MODEL_TABLE } from '../models/modelTable';
import { usageCost } from '../usage/usageCost';
import type { AdminProblem } from '../team/adminProblem';
import type { CostRow, MonthSpend, SpendEstimate, SpendPeriods, SpendReport, TokenKind } from './spendTypes';
import { FULL_MONTHS, SPEND_MIN_INTERVAL_MS } from './spendTypes';

/** What GetDimensionValues searches the SERVICE dimension for. */
export const CLAUDE_SERVICE_SEARCH = 'Claude';
/** The SERVICE of Amazon Bedrock's own billing, where a usage type may name Claude. */
export const BEDROCK_SERVICE = 'Amazon Bedrock';
const EDITION = /\s*\(Amazon Bedrock Edition\)\s*$/i;

function day(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function monthStartUtc(year: number, month: number): number {
  return Date.UTC(year, month, 1);
}

/** The dates of a read at `now`: the last full months and this month to tomorrow, and the forecast window. */
export function spendPeriods(now: number): SpendPeriods {
  const today = new Date(now);
  const year = today.getUTCFullYear();
  const month = today.getUTCMonth();
  const months: string[] = [];
  for (let back = FULL_MONTHS; back >= 0; back -= 1) months.push(day(monthStartUtc(year, month - back)).slice(0, 7));
  const midnight = Date.UTC(year, month, today.getUTCDate());
  return {
    start: day(monthStartUtc(year, month - FULL_MONTHS)),
    end: day(midnight + 86_400_000),
    monthStart: day(monthStartUtc(year, month)),
    forecastStart: day(midnight),
    forecastEnd: day(monthStartUtc(year, month + 1)),
    months,
  };
}

/** The Cost Explorer SERVICE values of the search that are Claude on Bedrock, sorted, plus Amazon Bedrock's own. */
export function claudeServices(values: readonly string[]): string[] {
  return [...new Set([...values.filter((value) => /claude/i.test(value)), BEDROCK_SERVICE])].sort();
}

/** Whether a row bills Claude on Bedrock. */
export function isClaudeOnBedrock(service: string, usageType: string): boolean {
  if (/claude/i.test(service)) return true;
  return service === BEDROCK_SERVICE && /claude|anthropic/i.test(usageType);
}

/** The token kind a usage type bills. */
export function tokenKindOf(usageType: string): TokenKind {
  const words = usageType.toLowerCase().replace(/[^a-z]/g, '');
  if (words.includes('cacheread')) return 'cacheRead';
  if (words.includes('cachewrite')) return 'cacheWrite';
  if (words.includes('outputtoken')) return 'output';
  if (words.includes('inputtoken')) return 'input';
  return 'other';
}

/** The model a row bills, in words: the service name without its edition suffix, or the usage type for Amazon Bedrock's own rows. */
export function modelOfRow(service: string, usageType: string): string {
  if (service === BEDROCK_SERVICE) return usageType;
  return service.replace(EDITION, '');
}

const NO_KINDS: Record<TokenKind, number> = { input: 0, output: 0, cacheRead: 0, cacheWrite: 0, other: 0 };

/** Month totals of the Claude rows, one per month of the periods (zero when a month has no row). */
export function monthSpends(rows: readonly CostRow[], periods: SpendPeriods): MonthSpend[] {
  const current = periods.months[periods.months.length - 1];
  return periods.months.map((month) => {
    const byModel = new Map<string, number>();
    const byKind: Record<TokenKind, number> = { ...NO_KINDS };
    let usd = 0;
    for (const row of rows) {
      if (row.month !== month || !isClaudeOnBedrock(row.service, row.usageType)) continue;
      usd += row.usd;
      byKind[tokenKindOf(row.usageType)] += row.usd;
      const model = modelOfRow(row.service, row.usageType);
      byModel.set(model, (byModel.get(model) ?? 0) + row.usd);
    }
    const models = [...byModel.entries()].map(([model, value]) => ({ model, usd: value })).sort((a, b) => b.usd - a.usd || (a.model < b.model ? -1 : 1));
    return { month, usd, byModel: models, byKind, toDate: month === current };
  });
}

/** The CloudWatch estimate from per-model token totals at list prices (undefined USD when a used model is not priced). */
export function spendEstimate(input: { region: string; from: number; to: number; models: readonly Pick<ModelUsageSummary, 'modelId' | 'tokens'>[] }): SpendEstimate {
  let tokens: TokenTotals = { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 };
  let usd: number | undefined = 0;
  for (const model of input.models) {
    const t = model.tokens;
    tokens = { input: tokens.input + t.input, output: tokens.output + t.output, cacheRead: tokens.cacheRead + t.cacheRead, cacheWrite: tokens.cacheWrite + t.cacheWrite };
    const cost = usageCost(model.modelId, t).usd;
    const used = t.input + t.output + t.cacheRead + t.cacheWrite > 0;
    if (cost === undefined) {
      if (used) usd = undefined;
    } else if (usd !== undefined) usd += cost;
  }
  return { region: input.region, modelIds: input.models.map((model) => model.modelId), from: input.from, to: input.to, tokens, ...(usd === undefined ? {} : { usd }), pricesAsOf: MODEL_TABLE.asOf };
}

/** Whether a read's CloudWatch estimate failed or was partial: worth asking again within the hour (it is free, unlike Cost Explorer). */
export function estimateFailed(report: SpendReport): boolean {
  return report.problems.some((problem) => problem.service === 'cloudwatch') || report.estimate?.partial === true;
}

/** A cached read with its estimate read again now: the Cost Explorer part and its age as they were, the estimate and its problem new. */
export function withNewEstimate(report: SpendReport, read: { readonly estimate?: SpendEstimate; readonly problem?: AdminProblem }): SpendReport {
  const { estimate: _old, ...rest } = report;
  return {
    ...rest,
    ...(read.estimate ? { estimate: read.estimate } : {}),
    problems: [...report.problems.filter((problem) => problem.service !== 'cloudwatch'), ...(read.problem ? [read.problem] : [])],
  };
}

/** Whether a cached read is young enough to show instead of calling Cost Explorer again. */
export function spendCacheFresh(generatedAt: number, now: number): boolean {
  return now - generatedAt >= 0 && now - generatedAt < SPEND_MIN_INTERVAL_MS;
}

const ESTIMATE_METRICS = { in: 'InputTokenCount', out: 'OutputTokenCount', cr: 'CacheReadInputTokenCount', cw: 'CacheWriteInputTokenCount' } as const;

/** One GetMetricData request for the month so far: daily sums of the four token metrics of every model. */
export function planEstimateQueries(modelIds: readonly string[], from: number, to: number): MetricQueryPlan {
  const queries = modelIds.flatMap((modelId, index) =>
    Object.entries(ESTIMATE_METRICS).map(([short, metric]) => ({ id: `e${index}_${short}`, modelId, metric, stat: 'Sum' as const, periodSeconds: 86_400 })),
  );
  return { range: '7d', startMs: from, endMs: to, periodSeconds: 86_400, queries, peakQueries: [] };
}

/** The estimate from the estimate plan's results; partial when a query has no answer or its series was cut short. */
export function estimateFromRecords(plan: MetricQueryPlan, records: readonly MetricSeriesRecord[], region: string): SpendEstimate {
  const byId = new Map(records.map((record) => [record.id, record]));
  const sums = new Map(records.map((record) => [record.id, record.values.reduce((sum, value) => sum + value, 0)]));
  const partial = plan.queries.some((query) => byId.get(query.id)?.complete !== true);
  const modelIds = [...new Set(plan.queries.map((query) => query.modelId))];
  const models = modelIds.map((modelId, index) => ({
    modelId,
    tokens: { input: sums.get(`e${index}_in`) ?? 0, output: sums.get(`e${index}_out`) ?? 0, cacheRead: sums.get(`e${index}_cr`) ?? 0, cacheWrite: sums.get(`e${index}_cw`) ?? 0 },
  }));
  return { ...spendEstimate({ region, from: plan.startMs, to: plan.endMs, models }), ...(partial ? { partial: true as const } : {}) };
}
