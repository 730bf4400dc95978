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
