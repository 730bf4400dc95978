import assert from 'node:assert/strict';
import type { ModelQuota, ModelQuotas, ModelUsageSummary, QuotaMeasure, QuotaRouting, Recommendation } from '../../src/core/usage/quotaTypes';
import { recommend, suggestedMaxOutputTokens } from '../../src/core/usage/usageAdvice';

const JP_SONNET = 'jp.anthropic.claude-sonnet-4-5-20250929-v1:0';
const SONNET_BASE = 'anthropic.claude-sonnet-4-5-20250929-v1:0';
const GLOBAL_SONNET = `global.${SONNET_BASE}`;
const JP_SONNET_4_6 = 'jp.anthropic.claude-sonnet-4-6';

function quota(measure: QuotaMeasure, routing: QuotaRouting, value: number, extra: Partial<ModelQuota> = {}): ModelQuota {
  return { measure, routing, longContext: false, code: `L-${routing}-${measure}`, name: `${routing} ${measure}`, value, defaultValue: value, adjustable: true, pending: [], matchedBy: 'code', ...extra };
}

function models(modelId: string, routing: QuotaRouting, quotas: readonly ModelQuota[], baseModelId = SONNET_BASE): ModelQuotas {
  return { modelId, baseModelId, routing, quotas };
}

/** jp. Sonnet 4.5 at 200,000 TPM / 200 RPM (the defaults), global at 2,000,000 / 2,000. */
function jpQuotas(overrides: { tpm?: Partial<ModelQuota>; rpm?: Partial<ModelQuota>; globalTpm?: number } = {}): ModelQuotas {
  return models(JP_SONNET, 'cross-region', [
    quota('tokens-per-minute', 'cross-region', overrides.tpm?.value ?? 200_000, overrides.tpm),
    quota('requests-per-minute', 'cross-region', overrides.rpm?.value ?? 200, overrides.rpm),
    quota('tokens-per-minute', 'global', overrides.globalTpm ?? 2_000_000),
    quota('requests-per-minute', 'global', 2_000),
  ]);
}

interface Traffic {
  tpmPeak?: number;
  rpmPeak?: number;
  invocations?: number;
  throttles?: number;
  maxOutputTokens?: number;
  averageInput?: number;
  averageOutput?: number;
}

/** A summary with the fields the advice reads; the reserved peak follows from them as quotaMath computes it. */
function summary(modelId: string, traffic: Traffic): ModelUsageSummary {
  const { tpmPeak = 0, rpmPeak = 0, invocations = 1_000, throttles = 0, maxOutputTokens = 32_000, averageInput = 0, averageOutput = 0 } = traffic;
  return {
    modelId,
    invocations,
    throttles,
    clientErrors: 0,
    serverErrors: 0,
    throttleRate: throttles / (invocations + throttles),
    throttledPeriods: [],
    tokens: { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 },
    tpm: { peak: tpmPeak, typical: 0 },
    rpm: { peak: rpmPeak, typical: 0 },
    reservation: {
      maxOutputTokens,
      maxOutputTokensSource: 'default',
      burndown: 5,
      averageInputPerRequest: averageInput,
      averageOutputPerRequest: averageOutput,
      peakReservedTpm: rpmPeak * (averageInput + maxOutputTokens),
    },
    cost: {},
  };
}

function only<C extends Recommendation['code']>(recs: readonly Recommendation[], code: C): Extract<Recommendation, { code: C }>[] {
  return recs.filter((rec): rec is Extract<Recommendation, { code: C }> => rec.code === code);
}

describe('recommend: request-increase', () => {
  it('asks for the peak plus 25 %, rounded up to 10,000 TPM', () => {
    // 190,000 of 200,000 TPM = 95 %; 190,000 × 1.25 = 237,500 → 240,000. RPM 20 of 200 = 10 %: nothing.
    const recs = recommend([summary(JP_SONNET, { tpmPeak: 190_000, rpmPeak: 20 })], [jpQuotas()]);
    const [rec, ...rest] = only(recs, 'request-increase');
    assert.equal(rest.length, 0);
    assert.equal(rec?.quota.measure, 'tokens-per-minute');
    assert.equal(rec?.peak, 190_000);
    assert.equal(rec?.desiredValue, 240_000);
    assert.equal(rec?.alreadyRequested, false);
  });

  it('scales the peak by throttled demand', () => {
    // 700 served, 200 throttled: demand × 900 / 700. 168,000 × 9 / 7 = 216,000; × 1.25 = 270,000 exactly
    // (in floating point a hair above, which must not round up to 280,000).
    const recs = recommend([summary(JP_SONNET, { tpmPeak: 168_000, rpmPeak: 20, invocations: 700, throttles: 200 })], [jpQuotas({ globalTpm: 200_000 })]);
    const increases = only(recs, 'request-increase');
    assert.deepEqual(increases.map((rec) => [rec.quota.measure, rec.desiredValue]), [['tokens-per-minute', 270_000]]);
  });

  it('asks strictly above the default, even when the applied value is lower', () => {
    // Applied 100,000, default 200,000; peak 90,000 (90 %) → 112,500 → 120,000, not above the default: next step above 200,000.
    const recs = recommend([summary(JP_SONNET, { tpmPeak: 90_000 })], [jpQuotas({ tpm: { value: 100_000, defaultValue: 200_000 } })]);
    assert.equal(only(recs, 'request-increase')[0]?.desiredValue, 210_000);
  });

  it('rounds small quotas to 1,000 TPM and 1 RPM, larger RPM to 10', () => {
    // 3,600 of 4,000 TPM → 4,500 → 5,000; 2 of 2 RPM → 2.5 → 3.
    const tiny = recommend([summary(JP_SONNET, { tpmPeak: 3_600, rpmPeak: 2 })], [jpQuotas({ tpm: { value: 4_000 }, rpm: { value: 2 } })]);
    assert.deepEqual(
      only(tiny, 'request-increase').map((rec) => [rec.quota.measure, rec.desiredValue]),
      [['tokens-per-minute', 5_000], ['requests-per-minute', 3]],
    );
    // 45 of 50 RPM → 56.25 → 60; 8 of 8 RPM → 10 (step 1, above 8).
    const rpm50 = recommend([summary(JP_SONNET, { rpmPeak: 45 })], [jpQuotas({ rpm: { value: 50 } })]);
    assert.equal(only(rpm50, 'request-increase')[0]?.desiredValue, 60);
    const rpm8 = recommend([summary(JP_SONNET, { rpmPeak: 8 })], [jpQuotas({ rpm: { value: 8 } })]);
    assert.equal(only(rpm8, 'request-increase')[0]?.desiredValue, 10);
  });

  it('asks for the likely limiter when throttled below 80 %', () => {
    // TPM 30 % (reserved 120 × 100 = 12,000, 6 %), RPM 60 % (120 of 200): RPM throttled.
    // 120 × 1,250 / 1,000 = 150; × 1.25 = 187.5 → 190, not above 200 → 210.
    const rpmBound = recommend([summary(JP_SONNET, { tpmPeak: 60_000, rpmPeak: 120, throttles: 250, maxOutputTokens: 100 })], [jpQuotas()]);
    assert.deepEqual(only(rpmBound, 'request-increase').map((rec) => [rec.quota.measure, rec.desiredValue]), [['requests-per-minute', 210]]);
    // The same, but each request reserves 2,000 + 32,000: 120 × 34,000 = 4,080,000 reserved, far above the TPM quota: TPM throttled.
    const tpmBound = recommend([summary(JP_SONNET, { tpmPeak: 60_000, rpmPeak: 120, throttles: 250, averageInput: 2_000 })], [jpQuotas()]);
    assert.deepEqual(only(tpmBound, 'request-increase').map((rec) => rec.quota.measure), ['tokens-per-minute']);
  });

  it('asks nothing below 80 % without throttles, nor for a quota that cannot be adjusted', () => {
    // 159,999 of 200,000 TPM; 4 RPM reserving 4 × 32,000 = 128,000.
    assert.deepEqual(recommend([summary(JP_SONNET, { tpmPeak: 159_999, rpmPeak: 4 })], [jpQuotas()]), []);
    // 159 of 200 RPM reserving 159 × 1,000 = 159,000 TPM.
    assert.deepEqual(recommend([summary(JP_SONNET, { rpmPeak: 159, maxOutputTokens: 1_000 })], [jpQuotas()]), []);
    const fixed = recommend([summary(JP_SONNET, { tpmPeak: 190_000 })], [jpQuotas({ tpm: { adjustable: false } })]);
    assert.equal(only(fixed, 'request-increase').length, 0);
  });

  it('says when a request is already open', () => {
    const pending = [{ id: 'r1', code: 'L-cross-region-tokens-per-minute', desiredValue: 400_000, status: 'PENDING' }];
    const recs = recommend([summary(JP_SONNET, { tpmPeak: 190_000 })], [jpQuotas({ tpm: { pending } })]);
    assert.equal(only(recs, 'request-increase')[0]?.alreadyRequested, true);
  });
});

describe('recommend: quota-zero', () => {
  it('reports a zero quota instead of an increase, with or without traffic', () => {
    const zero = jpQuotas({ tpm: { value: 0 } });
    const recs = recommend([summary(JP_SONNET, { rpmPeak: 0, throttles: 50, invocations: 0 })], [zero]);
    assert.deepEqual(recs.map((rec) => rec.code), ['quota-zero']);
    assert.equal(only(recs, 'quota-zero')[0]?.quota.measure, 'tokens-per-minute');
    // Without CloudWatch there are no summaries: the zero quota is still reported.
    assert.deepEqual(recommend([], [zero]).map((rec) => rec.code), ['quota-zero']);
  });
});

describe('recommend: lower-max-output-tokens', () => {
  it('suggests 4 × the average output, rounded up to 1,024, when the reservation rather than use nears the quota', () => {
    // 8 RPM × (2,000 + 32,000) = 272,000 reserved > 160,000 (80 % of 200,000) while the real peak is 60,000.
    // 4 × 1,500 = 6,000 → 6,144; reserved then 8 × (2,000 + 6,144) = 65,152.
    const recs = recommend([summary(JP_SONNET, { tpmPeak: 60_000, rpmPeak: 8, averageInput: 2_000, averageOutput: 1_500 })], [jpQuotas()]);
    assert.deepEqual(only(recs, 'lower-max-output-tokens'), [
      {
        code: 'lower-max-output-tokens',
        modelId: JP_SONNET,
        current: 32_000,
        suggested: 6_144,
        averageOutputPerRequest: 1_500,
        reservedTpmNow: 272_000,
        reservedTpmSuggested: 65_152,
        quotaValue: 200_000,
      },
    ]);
  });

  it('never suggests below 4,096 nor at or above the current value', () => {
    assert.equal(suggestedMaxOutputTokens(500), 4_096);
    assert.equal(suggestedMaxOutputTokens(1_024), 4_096);
    assert.equal(suggestedMaxOutputTokens(1_025), 5_120);
    // Already 4,096: 20 × (5,000 + 4,096) = 181,920 reserved, but nothing smaller to suggest.
    const atFloor = recommend([summary(JP_SONNET, { tpmPeak: 60_000, rpmPeak: 20, averageInput: 5_000, averageOutput: 500, maxOutputTokens: 4_096 })], [jpQuotas()]);
    assert.equal(only(atFloor, 'lower-max-output-tokens').length, 0);
  });

  it('also speaks when the real peak passed the quota, as long as the reservation dwarfs it', () => {
    // 15 RPM × (2,000 + 32,000) = 510,000 reserved, 2.4 × the real 210,000 (above the 200,000 quota).
    const recs = recommend([summary(JP_SONNET, { tpmPeak: 210_000, rpmPeak: 15, averageInput: 2_000, averageOutput: 1_500 })], [jpQuotas()]);
    assert.deepEqual(only(recs, 'lower-max-output-tokens').map((rec) => rec.code === 'lower-max-output-tokens' && [rec.suggested, rec.reservedTpmNow]), [[6_144, 510_000]]);
  });

  it('stays quiet when real use is what nears the quota, or the reservation fits', () => {
    // 8 × (2,000 + 32,000) = 272,000 reserved is only 1.6 × the real 170,000.
    const realUse = recommend([summary(JP_SONNET, { tpmPeak: 170_000, rpmPeak: 8, averageInput: 2_000, averageOutput: 1_500 })], [jpQuotas()]);
    assert.equal(only(realUse, 'lower-max-output-tokens').length, 0);
    // 4 × (2,000 + 32,000) = 136,000 ≤ 160,000.
    const fits = recommend([summary(JP_SONNET, { tpmPeak: 60_000, rpmPeak: 4, averageInput: 2_000, averageOutput: 1_500 })], [jpQuotas()]);
    assert.equal(only(fits, 'lower-max-output-tokens').length, 0);
  });
});

describe('recommend: switch-scope', () => {
  it('suggests the global profile when its quota is at least 1.5 × the geographic one', () => {
    const recs = recommend([summary(JP_SONNET, { tpmPeak: 170_000 })], [jpQuotas()]);
    const [rec, ...rest] = only(recs, 'switch-scope');
    assert.equal(rest.length, 0);
    assert.equal(rec?.suggestedModelId, GLOBAL_SONNET);
    assert.equal(rec?.fromRouting, 'cross-region');
    assert.equal(rec?.toRouting, 'global');
    assert.equal(rec?.residency, 'any-region');
    assert.equal(rec?.currentQuota.value, 200_000);
    assert.equal(rec?.suggestedQuota.value, 2_000_000);
    // Exactly 1.5 × (300,000) qualifies; 299,999 does not.
    assert.equal(only(recommend([summary(JP_SONNET, { tpmPeak: 170_000 })], [jpQuotas({ globalTpm: 300_000 })]), 'switch-scope').length, 1);
    assert.equal(only(recommend([summary(JP_SONNET, { tpmPeak: 170_000 })], [jpQuotas({ globalTpm: 299_999 })]), 'switch-scope').length, 0);
  });

  it('needs pressure: throttles or 80 %', () => {
    assert.equal(only(recommend([summary(JP_SONNET, { tpmPeak: 100_000 })], [jpQuotas()]), 'switch-scope').length, 0);
    assert.equal(only(recommend([summary(JP_SONNET, { tpmPeak: 100_000, throttles: 1 })], [jpQuotas()]), 'switch-scope').length, 1);
  });

  it('never moves a global model to a geography', () => {
    const global = models(GLOBAL_SONNET, 'global', [quota('tokens-per-minute', 'global', 200_000), quota('tokens-per-minute', 'cross-region', 2_000_000)]);
    const recs = recommend([summary(GLOBAL_SONNET, { tpmPeak: 190_000, throttles: 10 })], [global]);
    assert.equal(only(recs, 'switch-scope').length, 0);
    assert.equal(only(recs, 'request-increase').length, 1);
  });
});

describe('recommend: order', () => {
  it('lists quota-zero, request-increase, lower-max-output-tokens, switch-scope, each model in turn', () => {
    const zeroModel = 'jp.anthropic.claude-opus-4-6-v1';
    const quotas = [
      jpQuotas(),
      models(JP_SONNET_4_6, 'cross-region', [quota('tokens-per-minute', 'cross-region', 200_000), quota('requests-per-minute', 'cross-region', 200)], 'anthropic.claude-sonnet-4-6'),
      models(zeroModel, 'cross-region', [quota('requests-per-minute', 'cross-region', 0)], 'anthropic.claude-opus-4-6-v1'),
    ];
    const recs = recommend(
      [summary(JP_SONNET, { tpmPeak: 170_000 }), summary(JP_SONNET_4_6, { tpmPeak: 60_000, rpmPeak: 8, averageInput: 2_000, averageOutput: 1_500 })],
      quotas,
    );
    assert.deepEqual(
      recs.map((rec) => [rec.code, rec.modelId]),
      [
        ['quota-zero', zeroModel],
        ['request-increase', JP_SONNET],
        ['lower-max-output-tokens', JP_SONNET_4_6],
        ['switch-scope', JP_SONNET],
      ],
    );
  });
});
