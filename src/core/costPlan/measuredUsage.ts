/**
 * "Fill from measured usage": the last 30 days of the team's CloudWatch metrics (daily sums of
 * requests and the four token counts of the configured models), read in one GetMetricData request,
 * turned into the totals the cost plan fills its per-session figures from. Pure.
 */

import { baseModelIdOf, scopeOf } from '../models/catalog';
import type { Scope } from '../models/bedrockTypes';
import { format, type Locale } from '../text/locale';
import type { MetricQueryPlan, MetricSeriesRecord } from '../usage/quotaTypes';
import type { MeasuredUsage } from './costPlan';

export const MEASURED_DAYS = 30;

const PARTIAL_TEXT = {
  en: 'Partial, not verified: CloudWatch answered only part of the {days} days of metrics (a series cut short or a query without an answer), so the figures filled in count only what was read and may be too low. Fill again to read them again.',
  ja: '一部のみ・未確認: CloudWatch は {days} 日分のメトリクスの一部にしか応答しませんでした (途中で切れた系列か、応答のないクエリがあります)。入力された値は読み取れた分だけを数えており、実際より低い可能性があります。もう一度読み込んでください。',
} as const;

/** What a fill from a partial read says beside the plan, in English or Japanese. */
export function measuredPartialText(locale: Locale): string {
  return format(PARTIAL_TEXT[locale], { days: MEASURED_DAYS });
}
const DAY = 86_400_000;
const METRICS = { n: 'Invocations', in: 'InputTokenCount', out: 'OutputTokenCount', cr: 'CacheReadInputTokenCount', cw: 'CacheWriteInputTokenCount' } as const;

/** Daily sums of the last 30 whole UTC days and today, for every model. */
export function planMeasuredQueries(modelIds: readonly string[], now: number): MetricQueryPlan {
  const endMs = Math.floor(now / DAY) * DAY + DAY;
  const queries = modelIds.flatMap((modelId, index) =>
    Object.entries(METRICS).map(([short, metric]) => ({ id: `u${index}_${short}`, modelId, metric, stat: 'Sum' as const, periodSeconds: 86_400 })),
  );
  return { range: '7d', startMs: endMs - MEASURED_DAYS * DAY, endMs, periodSeconds: 86_400, queries, peakQueries: [] };
}

/** Totals, days with traffic and the busiest model, from the plan's results. */
export function measuredFromRecords(plan: MetricQueryPlan, records: readonly MetricSeriesRecord[]): MeasuredUsage & { readonly topModel?: { baseModelId: string; scope: Scope }; readonly partial?: true } {
  const byId = new Map(records.map((record) => [record.id, record]));
  // A query without an answer, or a series CloudWatch cut short: the totals count only what was read.
  const partial = plan.queries.some((query) => byId.get(query.id)?.complete !== true);
  const sum = (id: string) => (byId.get(id)?.values ?? []).reduce((total, value) => total + value, 0);
  const modelIds = [...new Set(plan.queries.map((query) => query.modelId))];
  const activeDays = new Set<number>();
  const tokens = { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 };
  let top: { modelId: string; tokens: number } | undefined;
  modelIds.forEach((modelId, index) => {
    const requests = byId.get(`u${index}_n`);
    requests?.timestamps.forEach((at, point) => {
      if ((requests.values[point] ?? 0) > 0) activeDays.add(Math.floor(at / DAY));
    });
    const model = { input: sum(`u${index}_in`), output: sum(`u${index}_out`), cacheRead: sum(`u${index}_cr`), cacheWrite: sum(`u${index}_cw`) };
    tokens.input += model.input;
    tokens.output += model.output;
    tokens.cacheRead += model.cacheRead;
    tokens.cacheWrite += model.cacheWrite;
    const total = model.input + model.output + model.cacheRead + model.cacheWrite;
    if (total > 0 && (top === undefined || total > top.tokens)) top = { modelId, tokens: total };
  });
  const base = top === undefined ? undefined : baseModelIdOf(top.modelId);
  const scope = top === undefined ? undefined : scopeOf(top.modelId);
  return {
    days: MEASURED_DAYS,
    activeDays: activeDays.size,
    tokens,
    ...(top ? { topModelId: top.modelId } : {}),
    ...(base !== undefined && scope !== undefined ? { topModel: { baseModelId: base, scope } } : {}),
    ...(partial ? { partial: true as const } : {}),
  };
}
