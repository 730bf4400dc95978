/**
 * "Fill from measured usage": the last 30 days of the team's CloudWatch metrics (daily sums of
 * requests and the four token counts of the configured models), read in one GetMetricData request,
 * turned into the totals the cost plan fills its per-session figures from. Pure.
 */

import { baseModelIdOf, scopeOf } from '../models/catalog';
import type { Scope } from '../models/bedrockTypes';
import type { MetricQueryPlan, MetricSeriesRecord } from '../usage/quotaTypes';
import type { MeasuredUsage } from './costPlan';

export const MEASURED_DAYS = 30;
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
export function measuredFromRecords(plan: MetricQueryPlan, records: readonly MetricSeriesRecord[]): MeasuredUsage & { readonly topModel?: { baseModelId: string; scope: Scope } } {
  const byId = new Map(records.map((record) => [record.id, record]));
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
  };
}
