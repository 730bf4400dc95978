/**
 * What to do about quota pressure, with numbers: open a case for a zero quota, request an increase
 * (how much), lower CLAUDE_CODE_MAX_OUTPUT_TOKENS when the reservation rather than real use throttles,
 * or move a geographic profile to `global.` when its quota is much larger there.
 */

import { baseModelIdOf } from '../models/catalog';
import type { ModelQuota, ModelQuotas, ModelUsageSummary, Recommendation } from './quotaTypes';
import { routingQuota } from './quotaMath';

/** The thresholds of the advice. Judgement, not AWS facts: change them here. */
export const ADVICE_RULES = {
  /** A peak at or above this share of a quota (percent) asks for more. */
  nearQuotaPercent: 80,
  /** A requested value is the needed peak times this, rounded up. */
  headroom: 1.25,
  /** `global.` is suggested when its quota is at least this many times the geographic one. */
  switchScopeMinRatio: 1.5,
  /** A suggested CLAUDE_CODE_MAX_OUTPUT_TOKENS is this many times the average output per request… */
  outputMultiple: 4,
  /** …rounded up to this step… */
  maxOutputStep: 1_024,
  /** …and never below this. */
  minMaxOutputTokens: 4_096,
  /** max_tokens is what throttles when the reserved peak is at least this many times the real one. */
  reservationDominates: 2,
} as const;

const RATE_MEASURES = ['tokens-per-minute', 'requests-per-minute'] as const;
type RateMeasure = (typeof RATE_MEASURES)[number];

/** The rounding step of a value to request: 10,000 TPM (1,000 below 10,000), 10 RPM (1 below 10). */
function stepFor(measure: RateMeasure, value: number): number {
  if (measure === 'tokens-per-minute') return value < 10_000 ? 1_000 : 10_000;
  return value < 10 ? 1 : 10;
}

/** Rounds up, forgiving the float noise of a product that should land on a step (200,000.00000000003). */
function ceilTo(value: number, step: number): number {
  return Math.ceil(value / step - 1e-9) * step;
}

function roundUpNice(measure: RateMeasure, value: number): number {
  return ceilTo(value, stepFor(measure, value));
}

/** The first nice value strictly above `floor`. */
function niceAbove(measure: RateMeasure, floor: number): number {
  const step = stepFor(measure, floor);
  return (Math.floor(floor / step) + 1) * step;
}

/**
 * The value to request: the needed peak × headroom rounded up, and strictly above both the current
 * value and the AWS default (Service Quotas refuses requests at or below the default).
 */
export function desiredQuotaValue(measure: RateMeasure, neededPeak: number, quota: ModelQuota): number {
  const floor = Math.max(quota.value, quota.defaultValue ?? 0);
  const wanted = roundUpNice(measure, neededPeak * ADVICE_RULES.headroom);
  return wanted > floor ? wanted : niceAbove(measure, floor);
}

function useOf(summary: ModelUsageSummary, measure: RateMeasure) {
  return measure === 'tokens-per-minute' ? summary.tpm : summary.rpm;
}

function percent(value: number, quota: ModelQuota): number | undefined {
  return quota.value > 0 ? (value / quota.value) * 100 : undefined;
}

/**
 * Which rate quota most likely throttled: the one whose peak is the larger share of its quota, the
 * TPM peak counting its reservation too (a large max_tokens throttles on tokens). TPM on a tie.
 */
function likelyLimiter(summary: ModelUsageSummary, tpmQuota: ModelQuota | undefined, rpmQuota: ModelQuota | undefined): RateMeasure {
  // A zero quota refuses everything: it is the limiter.
  const share = (value: number, quota: ModelQuota | undefined) => (quota === undefined ? -1 : (percent(value, quota) ?? Infinity));
  const tpmShare = share(Math.max(summary.tpm.peak, summary.reservation.peakReservedTpm), tpmQuota);
  const rpmShare = share(summary.rpm.peak, rpmQuota);
  return rpmShare > tpmShare ? 'requests-per-minute' : 'tokens-per-minute';
}

function quotaZero(models: readonly ModelQuotas[]): Recommendation[] {
  return models.flatMap((model) =>
    RATE_MEASURES.flatMap((measure): Recommendation[] => {
      const quota = routingQuota(model, model.routing, measure);
      return quota !== undefined && quota.value === 0 ? [{ code: 'quota-zero', modelId: model.modelId, quota }] : [];
    }),
  );
}

/**
 * An increase for each rate quota at or above {@link ADVICE_RULES.nearQuotaPercent}, and for the
 * likely limiter when the model was throttled. The needed peak is the observed peak scaled by the
 * range's demand, (invocations + throttles) / invocations, since throttled requests wanted capacity too.
 * Zero quotas are left to `quota-zero`; non-adjustable quotas get no request.
 */
function requestIncrease(summary: ModelUsageSummary, model: ModelQuotas): Recommendation[] {
  const tpmQuota = routingQuota(model, model.routing, 'tokens-per-minute');
  const rpmQuota = routingQuota(model, model.routing, 'requests-per-minute');
  const limiter = summary.throttles > 0 ? likelyLimiter(summary, tpmQuota, rpmQuota) : undefined;
  const demand = summary.invocations > 0 ? (summary.invocations + summary.throttles) / summary.invocations : 1;
  return RATE_MEASURES.flatMap((measure): Recommendation[] => {
    const quota = measure === 'tokens-per-minute' ? tpmQuota : rpmQuota;
    if (quota === undefined || !quota.adjustable || quota.value <= 0) return [];
    const peak = useOf(summary, measure).peak;
    const near = (percent(peak, quota) ?? 0) >= ADVICE_RULES.nearQuotaPercent;
    if (!near && limiter !== measure) return [];
    return [
      {
        code: 'request-increase',
        modelId: summary.modelId,
        quota,
        peak,
        desiredValue: desiredQuotaValue(measure, peak * demand, quota),
        alreadyRequested: quota.pending.length > 0,
      },
    ];
  });
}

/** The smaller CLAUDE_CODE_MAX_OUTPUT_TOKENS to suggest: 4 × the average output, rounded up to 1,024, at least 4,096. */
export function suggestedMaxOutputTokens(averageOutputPerRequest: number): number {
  const { outputMultiple, maxOutputStep, minMaxOutputTokens } = ADVICE_RULES;
  return Math.max(minMaxOutputTokens, ceilTo(averageOutputPerRequest * outputMultiple, maxOutputStep));
}

/**
 * When the reserved peak nears the TPM quota and dwarfs the real peak, max_tokens is what throttles
 * (also when the real peak passed the quota too: the reservation makes it worse).
 */
function lowerMaxOutput(summary: ModelUsageSummary, model: ModelQuotas): Recommendation[] {
  const quota = routingQuota(model, model.routing, 'tokens-per-minute');
  const { reservation } = summary;
  if (quota === undefined || quota.value <= 0 || summary.invocations <= 0) return [];
  const threshold = (quota.value * ADVICE_RULES.nearQuotaPercent) / 100;
  if (!(reservation.peakReservedTpm > threshold && reservation.peakReservedTpm >= summary.tpm.peak * ADVICE_RULES.reservationDominates)) return [];
  const suggested = suggestedMaxOutputTokens(reservation.averageOutputPerRequest);
  if (suggested >= reservation.maxOutputTokens) return [];
  return [
    {
      code: 'lower-max-output-tokens',
      modelId: summary.modelId,
      current: reservation.maxOutputTokens,
      suggested,
      averageOutputPerRequest: reservation.averageOutputPerRequest,
      reservedTpmNow: reservation.peakReservedTpm,
      reservedTpmSuggested: summary.rpm.peak * (reservation.averageInputPerRequest + suggested),
      quotaValue: quota.value,
    },
  ];
}

/**
 * A geographic model under pressure (throttled, or a rate at or above the threshold) whose `global.`
 * quota of the same measure is at least {@link ADVICE_RULES.switchScopeMinRatio} times larger. One
 * per model (TPM first): switching is one action. A model with a zero quota is left to `quota-zero`; a global
 * model is never sent to a geography.
 */
function switchScope(summary: ModelUsageSummary, model: ModelQuotas): Recommendation[] {
  if (model.routing !== 'cross-region') return [];
  const base = model.baseModelId ?? baseModelIdOf(model.modelId);
  if (base === undefined) return [];
  if (RATE_MEASURES.some((measure) => routingQuota(model, 'cross-region', measure)?.value === 0)) return [];
  for (const measure of RATE_MEASURES) {
    const currentQuota = routingQuota(model, 'cross-region', measure);
    const suggestedQuota = routingQuota(model, 'global', measure);
    if (currentQuota === undefined || suggestedQuota === undefined) continue;
    const pressed = summary.throttles > 0 || (percent(useOf(summary, measure).peak, currentQuota) ?? 0) >= ADVICE_RULES.nearQuotaPercent;
    if (!pressed || suggestedQuota.value < currentQuota.value * ADVICE_RULES.switchScopeMinRatio) continue;
    return [
      {
        code: 'switch-scope',
        modelId: summary.modelId,
        suggestedModelId: `global.${base}`,
        fromRouting: 'cross-region',
        toRouting: 'global',
        currentQuota,
        suggestedQuota,
        residency: 'any-region',
      },
    ];
  }
  return [];
}

/**
 * Recommendations in the order quota-zero, request-increase, lower-max-output-tokens, switch-scope,
 * models in their given order. Zero quotas are reported for every model with quotas, traffic or not.
 */
export function recommend(summaries: readonly ModelUsageSummary[], quotas: readonly ModelQuotas[]): Recommendation[] {
  const withQuotas = summaries.flatMap((summary) => {
    const model = quotas.find((entry) => entry.modelId === summary.modelId);
    return model === undefined ? [] : [{ summary, model }];
  });
  return [
    ...quotaZero(quotas),
    ...withQuotas.flatMap(({ summary, model }) => requestIncrease(summary, model)),
    ...withQuotas.flatMap(({ summary, model }) => lowerMaxOutput(summary, model)),
    ...withQuotas.flatMap(({ summary, model }) => switchScope(summary, model)),
  ];
}
