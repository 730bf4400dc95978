/**
 * Which Claude models offer the 1M-token context window, selected in Claude Code by appending
 * `[1m]` to a pinned model ID. A dated fact like the other tables: one edit follows the next model.
 */

import { baseModelIdOf } from './catalog';

/** The suffix Claude Code reads as "use the 1M-token context window" (it strips it before calling Bedrock). */
export const LONG_CONTEXT_SUFFIX = '[1m]';

const SUFFIX_PATTERN = /\[1m\]$/i;

export const LONG_CONTEXT_TABLE = {
  asOf: '2026-02-20',
  source:
    'Anthropic documentation, "Context windows" (1M token context window, beta: Claude Opus 4.6, Sonnet 4.6, Sonnet 4.5 and Sonnet 4); ' +
    'Anthropic pricing, "Long context pricing" (prompts over 200K input tokens are billed at higher rates)',
  /** Base model IDs that accept the 1M-token context. */
  models: [
    'anthropic.claude-opus-4-6-v1',
    'anthropic.claude-sonnet-4-6',
    'anthropic.claude-sonnet-4-5-20250929-v1:0',
    'anthropic.claude-sonnet-4-20250514-v1:0',
  ] as readonly string[],
  /** Above this many input tokens a request is billed at the long-context rates. */
  premiumAboveInputTokens: 200_000,
} as const;

const LONG_CONTEXT_MODELS = new Set(LONG_CONTEXT_TABLE.models);

/** Whether the model behind an ID (profile ID, bare ID or ARN, `[1m]` tolerated) offers the 1M-token context. */
export function supportsLongContext(modelId: string): boolean {
  const base = baseModelIdOf(modelId);
  return base !== undefined && LONG_CONTEXT_MODELS.has(base);
}

/** Whether an ID asks for the 1M-token context. */
export function isLongContext(modelId: string): boolean {
  return SUFFIX_PATTERN.test(modelId.trim());
}

/** The ID with the `[1m]` suffix (added once). */
export function withLongContext(modelId: string): string {
  return isLongContext(modelId) ? modelId.trim() : `${modelId.trim()}${LONG_CONTEXT_SUFFIX}`;
}

/** The ID without a `[1m]` suffix: what Bedrock is called with. */
export function withoutLongContext(modelId: string): string {
  return modelId.trim().replace(SUFFIX_PATTERN, '');
}
