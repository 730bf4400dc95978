/**
 * The team cost plan: what a month of Claude Code on Bedrock costs a team, from how it works
 * (developers, working days, sessions a day, tokens per session, how much input the prompt cache
 * serves and where the rest goes), in USD and JPY; the same plan on every other priced model of the
 * catalog; and the comparison with a per-seat price, with the usage per developer at which the two
 * cost the same. Prices from the one dated price table (core/models/modelTable). Pure.
 */

import { listPrices, MODEL_TABLE, modelFacts, type ModelPrices } from '../models/modelTable';
import type { Scope } from '../models/bedrockTypes';

export interface CostPlanInput {
  readonly developers: number;
  readonly workingDays: number;
  readonly sessionsPerDay: number;
  /** Input tokens a session sends in all (cache reads, cache writes and uncached input together). */
  readonly inputTokensPerSession: number;
  readonly outputTokensPerSession: number;
  /** Share of the input read from the prompt cache, 0–1. */
  readonly cacheReadShare: number;
  /** Where the rest of the input goes: written to the cache (Claude Code's default) or sent uncached. */
  readonly restTo: 'cache-write' | 'uncached';
  /** A base model ID of the price table (`anthropic.claude-sonnet-4-5-20250929-v1:0`). */
  readonly modelId: string;
  readonly scope: Scope;
  /** Yen per US dollar. */
  readonly usdToJpy: number;
  /** The per-seat price a month, USD, to compare with. */
  readonly seatPriceUsd: number;
}

/** Tokens or money by where they go. */
export interface PlanParts {
  readonly cacheWrite: number;
  readonly cacheRead: number;
  readonly uncachedInput: number;
  readonly output: number;
}

export interface ModelPlanCost {
  readonly modelId: string;
  readonly name: string;
  readonly scope: Scope;
  readonly usd: number;
  readonly jpy: number;
}

export interface CostPlan {
  readonly input: CostPlanInput;
  readonly sessions: number;
  readonly tokens: PlanParts;
  readonly usd: PlanParts & { readonly total: number };
  readonly jpy: PlanParts & { readonly total: number };
  /** The chosen scope's surcharge over `global.` prices (the `jp.` premium), USD a month; 0 for global. */
  readonly premiumUsd: number;
  readonly perDeveloperUsd: number;
  /** Every other priced model of the table, at the same scope, cheapest first. */
  readonly alternatives: readonly ModelPlanCost[];
  readonly seats: {
    readonly usd: number;
    readonly jpy: number;
    /** Bedrock minus seats (negative: Bedrock is cheaper). */
    readonly differenceUsd: number;
    readonly cheaper: 'bedrock' | 'seats' | 'equal';
  };
  /** Usage per developer a month at which Bedrock costs the seat price. */
  readonly breakEven: { readonly sessionsPerDeveloper: number; readonly tokensPerDeveloper: number; readonly sessionsPerDay: number };
  readonly pricesAsOf: string;
}

export type CostPlanError = { readonly field: keyof CostPlanInput; readonly reason: 'not-a-number' | 'out-of-range' | 'not-priced' };

const PER_MILLION = 1_000_000;

function validate(input: CostPlanInput): CostPlanError | undefined {
  const positive: (keyof CostPlanInput)[] = ['developers', 'workingDays', 'sessionsPerDay', 'inputTokensPerSession', 'outputTokensPerSession', 'usdToJpy', 'seatPriceUsd'];
  for (const field of positive) {
    const value = input[field] as number;
    if (typeof value !== 'number' || !Number.isFinite(value)) return { field, reason: 'not-a-number' };
    if (value < 0 || (field === 'workingDays' && value > 31)) return { field, reason: 'out-of-range' };
  }
  if (!Number.isFinite(input.cacheReadShare)) return { field: 'cacheReadShare', reason: 'not-a-number' };
  if (input.cacheReadShare < 0 || input.cacheReadShare > 1) return { field: 'cacheReadShare', reason: 'out-of-range' };
  if (listPrices(input.modelId, input.scope) === undefined) return { field: 'modelId', reason: 'not-priced' };
  return undefined;
}

function parts(input: CostPlanInput, sessions: number): PlanParts {
  const inputTokens = input.inputTokensPerSession * sessions;
  const cacheRead = inputTokens * input.cacheReadShare;
  const rest = inputTokens - cacheRead;
  return {
    cacheRead,
    cacheWrite: input.restTo === 'cache-write' ? rest : 0,
    uncachedInput: input.restTo === 'uncached' ? rest : 0,
    output: input.outputTokensPerSession * sessions,
  };
}

function priced(tokens: PlanParts, prices: ModelPrices): PlanParts & { total: number } {
  const cacheWrite = (tokens.cacheWrite * prices.cacheWrite) / PER_MILLION;
  const cacheRead = (tokens.cacheRead * prices.cacheRead) / PER_MILLION;
  const uncachedInput = (tokens.uncachedInput * prices.input) / PER_MILLION;
  const output = (tokens.output * prices.output) / PER_MILLION;
  return { cacheWrite, cacheRead, uncachedInput, output, total: cacheWrite + cacheRead + uncachedInput + output };
}

function inYen(usd: PlanParts & { total: number }, rate: number): PlanParts & { total: number } {
  return { cacheWrite: usd.cacheWrite * rate, cacheRead: usd.cacheRead * rate, uncachedInput: usd.uncachedInput * rate, output: usd.output * rate, total: usd.total * rate };
}

/** The plan, or the first input that cannot make one. */
export function planTeamCost(input: CostPlanInput): { ok: true; plan: CostPlan } | { ok: false; error: CostPlanError } {
  const error = validate(input);
  if (error) return { ok: false, error };
  const prices = listPrices(input.modelId, input.scope)!;
  const sessions = input.developers * input.workingDays * input.sessionsPerDay;
  const tokens = parts(input, sessions);
  const usd = priced(tokens, prices);
  const globalPrices = listPrices(input.modelId, 'global');
  const premiumUsd = globalPrices === undefined ? 0 : usd.total - priced(tokens, globalPrices).total;
  const alternatives: ModelPlanCost[] = [];
  for (const model of MODEL_TABLE.models) {
    if (model.baseModelId === input.modelId) continue;
    const modelPrices = listPrices(model.baseModelId, input.scope);
    if (modelPrices === undefined) continue;
    const cost = priced(tokens, modelPrices).total;
    alternatives.push({ modelId: model.baseModelId, name: model.name, scope: input.scope, usd: cost, jpy: cost * input.usdToJpy });
  }
  alternatives.sort((a, b) => a.usd - b.usd || (a.modelId < b.modelId ? -1 : 1));
  const seatsUsd = input.developers * input.seatPriceUsd;
  const differenceUsd = usd.total - seatsUsd;
  const perSession = sessions > 0 ? usd.total / sessions : priced(parts(input, 1), prices).total;
  const tokensPerSession = input.inputTokensPerSession + input.outputTokensPerSession;
  const sessionsPerDeveloper = perSession > 0 ? input.seatPriceUsd / perSession : Number.POSITIVE_INFINITY;
  return {
    ok: true,
    plan: {
      input,
      sessions,
      tokens,
      usd,
      jpy: inYen(usd, input.usdToJpy),
      premiumUsd,
      perDeveloperUsd: input.developers > 0 ? usd.total / input.developers : 0,
      alternatives,
      seats: { usd: seatsUsd, jpy: seatsUsd * input.usdToJpy, differenceUsd, cheaper: Math.abs(differenceUsd) < 0.005 ? 'equal' : differenceUsd < 0 ? 'bedrock' : 'seats' },
      breakEven: {
        sessionsPerDeveloper,
        tokensPerDeveloper: sessionsPerDeveloper * tokensPerSession,
        sessionsPerDay: input.workingDays > 0 ? sessionsPerDeveloper / input.workingDays : sessionsPerDeveloper,
      },
      pricesAsOf: MODEL_TABLE.asOf,
    },
  };
}

/** The plan's name of a model: the table's name (`Claude Sonnet 4.5`). */
export function planModelName(modelId: string): string {
  return modelFacts(modelId).name;
}

/** A plan to start from: a team of ten on Sonnet 4.5 in Japan. Every figure is an input the admin changes. */
export const DEFAULT_COST_PLAN_INPUT: CostPlanInput = {
  developers: 10,
  workingDays: 20,
  sessionsPerDay: 4,
  inputTokensPerSession: 2_000_000,
  outputTokensPerSession: 40_000,
  cacheReadShare: 0.9,
  restTo: 'cache-write',
  modelId: 'anthropic.claude-sonnet-4-5-20250929-v1:0',
  scope: 'jp',
  usdToJpy: 150,
  seatPriceUsd: 150,
};

/** Measured token totals over a window, as CloudWatch sums them (InputTokenCount is the uncached input). */
export interface MeasuredUsage {
  readonly days: number;
  /** Days of the window with at least one request. */
  readonly activeDays: number;
  readonly tokens: { readonly input: number; readonly output: number; readonly cacheRead: number; readonly cacheWrite: number };
  /** The model ID with the most tokens. */
  readonly topModelId?: string;
}

/**
 * Per-session figures and the cache ratio from measured usage, keeping the team's shape (developers,
 * working days, sessions a day): the sessions of the window are developers × sessions a day × the
 * days with traffic, so the plan reproduces the measured month when nothing else changes.
 */
export function fillFromMeasured(input: CostPlanInput, measured: MeasuredUsage, topModel?: { baseModelId: string; scope: Scope }): CostPlanInput {
  const { tokens } = measured;
  const allInput = tokens.input + tokens.cacheRead + tokens.cacheWrite;
  const sessions = input.developers * input.sessionsPerDay * measured.activeDays;
  if (sessions <= 0 || allInput + tokens.output <= 0) return input;
  const priced = topModel !== undefined && listPrices(topModel.baseModelId, topModel.scope) !== undefined;
  return {
    ...input,
    inputTokensPerSession: Math.round(allInput / sessions),
    outputTokensPerSession: Math.round(tokens.output / sessions),
    cacheReadShare: allInput > 0 ? Math.round((tokens.cacheRead / allInput) * 1000) / 1000 : input.cacheReadShare,
    restTo: tokens.cacheWrite >= tokens.input ? 'cache-write' : 'uncached',
    ...(priced ? { modelId: topModel.baseModelId, scope: topModel.scope } : {}),
  };
}
