/**
 * What one access probe costs: a Converse call with a short prompt and a one-token answer, priced
 * from the dated list-price table. Stated before the user agrees to probe.
 */

import { baseModelIdOf, scopeOf } from './catalog';
import { listPrices } from './modelTable';

/** Upper bounds for the probe's tokens: the prompt plus Converse's own framing, and the one-token answer. */
export const PROBE_INPUT_TOKENS = 20;
export const PROBE_OUTPUT_TOKENS = 1;

/** The list-price cost in USD of probing a model ID once; undefined when the table has no price for it. */
export function probeCostUsd(modelId: string): number | undefined {
  const base = baseModelIdOf(modelId);
  if (base === undefined) return undefined;
  const prices = listPrices(base, scopeOf(modelId) ?? 'global') ?? listPrices(base, 'global');
  if (prices === undefined) return undefined;
  return (PROBE_INPUT_TOKENS * prices.input + PROBE_OUTPUT_TOKENS * prices.output) / 1_000_000;
}

/** A model the price table does not know is assumed to cost no more than this per probe. */
const UNKNOWN_PROBE_COST_USD = 0.0001;

/** The stated ceiling for probing these model IDs once each, as a dollar amount text (`0.001`). */
export function probeCostCeiling(modelIds: readonly string[]): string {
  const total = modelIds.reduce((sum, modelId) => sum + (probeCostUsd(modelId) ?? UNKNOWN_PROBE_COST_USD), 0);
  return total < 0.001 ? '0.001' : total.toFixed(3);
}
