/**
 * What the tokens of a usage range cost at list prices, in the model's own scope and at `global.`
 * prices, so the geographic surcharge (the Japan premium for `jp.`) can be stated. Unrounded:
 * presentation rounds.
 */

import { baseModelIdOf, scopeOf } from '../models/catalog';
import { listPrices, MODEL_TABLE, type ModelPrices } from '../models/modelTable';
import type { ModelUsageSummary, TokenTotals, UsageCost } from './quotaTypes';

const PER_MILLION = 1_000_000;

function priced(tokens: TokenTotals, prices: ModelPrices | undefined): number | undefined {
  if (prices === undefined) return undefined;
  return (tokens.input * prices.input + tokens.output * prices.output + tokens.cacheRead * prices.cacheRead + tokens.cacheWrite * prices.cacheWrite) / PER_MILLION;
}

/** The list-price cost of a model ID's tokens in its own scope and at `global.` prices; a global model has no premium. */
export function usageCost(modelId: string, tokens: TokenTotals): UsageCost {
  const base = baseModelIdOf(modelId);
  const scope = scopeOf(modelId);
  if (base === undefined || scope === undefined) return {};
  const usd = priced(tokens, listPrices(base, scope));
  const globalUsd = priced(tokens, listPrices(base, 'global'));
  const premiumUsd = scope !== 'global' && usd !== undefined && globalUsd !== undefined ? usd - globalUsd : undefined;
  return {
    ...(usd === undefined ? {} : { usd }),
    ...(globalUsd === undefined ? {} : { globalUsd }),
    ...(premiumUsd === undefined ? {} : { premiumUsd }),
  };
}

function hasTraffic(tokens: TokenTotals): boolean {
  return tokens.input + tokens.output + tokens.cacheRead + tokens.cacheWrite > 0;
}

/** Adds the defined values; undefined when any model that used tokens lacks the value, or none has it. */
function total(summaries: readonly ModelUsageSummary[], pick: (cost: UsageCost) => number | undefined): number | undefined {
  let sum: number | undefined;
  for (const summary of summaries) {
    const value = pick(summary.cost);
    if (value === undefined) {
      if (hasTraffic(summary.tokens)) return undefined;
      continue;
    }
    sum = (sum ?? 0) + value;
  }
  return sum;
}

/**
 * The cost of all models together, with the date of the price table. A total is stated only when
 * every model that used tokens is priced (a partial sum would understate it); the premium adds the
 * geographic models' premiums and is absent when no model has one.
 */
export function totalCost(summaries: readonly ModelUsageSummary[]): UsageCost & { readonly pricesAsOf: string } {
  const usd = total(summaries, (cost) => cost.usd);
  const globalUsd = total(summaries, (cost) => cost.globalUsd);
  const premiums = summaries.map((summary) => summary.cost.premiumUsd).filter((value): value is number => value !== undefined);
  const premiumUsd = usd === undefined || premiums.length === 0 ? undefined : premiums.reduce((sum, value) => sum + value, 0);
  return {
    ...(usd === undefined ? {} : { usd }),
    ...(globalUsd === undefined ? {} : { globalUsd }),
    ...(premiumUsd === undefined ? {} : { premiumUsd }),
    pricesAsOf: MODEL_TABLE.asOf,
  };
}
