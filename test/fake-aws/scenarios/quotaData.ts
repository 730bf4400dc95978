/**
 * The quota and usage data of `basic` and the `quota-*` scenarios, and the figures tests expect
 * (derived from the same constants, so tests never copy numbers). Builders take the account and
 * caller so this module needs nothing from basic.ts (which imports it).
 *
 * Usage lives in ap-northeast-1 for the account of the static-dev, role-dev and sso-* profiles:
 * `jp.` Sonnet 4.5 and `jp.` Haiku 4.5 (the wizard's default setup) and a little `global.`
 * Sonnet 4.5. Quotas: quotaCatalog.ts.
 */
import type { FakeQuotaRequest, FakeServiceQuotasAccount, FakeUsageProfile, FakeUsageSeries } from '../scenario';
import { BEDROCK_MODEL_IDS } from './bedrockCatalog';
import { QUOTA_MODEL_KEYS, QUOTA_REGIONS, defaultQuotaValue, quotaCode, quotaKindsOf, type QuotaKind } from './quotaCatalog';
import { DEFAULT_MAX_TOKENS, MINUTE_MS, quotaTokensPerRequest } from './usageData';

/** The identifiers invoked (the `ModelId` dimension of the metrics). */
export const USAGE_MODEL_IDS = {
  jpSonnet45: `jp.${BEDROCK_MODEL_IDS.sonnet45}`,
  jpHaiku45: `jp.${BEDROCK_MODEL_IDS.haiku45}`,
  globalSonnet45: `global.${BEDROCK_MODEL_IDS.sonnet45}`,
} as const;

/** The region every scenario's usage and applied quotas live in. */
export const USAGE_REGION = 'ap-northeast-1';

/** 09:00–18:00 in Japan on weekdays; a fifth of the traffic at night and at weekends. */
export const TOKYO_WORKING_HOURS: NonNullable<FakeUsageSeries['workingHours']> = {
  utcOffsetMinutes: 540,
  startHour: 9,
  endHour: 18,
  weekdaysOnly: true,
  offHoursScale: 0.2,
};

/** Healthy traffic: below 30 % of every quota of `basic` in every minute, no throttles. */
export const BASIC_USAGE_PROFILES = {
  jpSonnet45: { requestsPerMinute: 4, inputTokens: 6_000, outputTokens: 700, cacheReadTokens: 20_000, cacheWriteTokens: 400, latencyMs: 5_000 },
  jpHaiku45: { requestsPerMinute: 6, inputTokens: 3_000, outputTokens: 300, cacheReadTokens: 5_000, latencyMs: 1_500 },
  globalSonnet45: { requestsPerMinute: 1, inputTokens: 8_000, outputTokens: 1_000, cacheReadTokens: 10_000, cacheWriteTokens: 200, latencyMs: 6_000 },
} as const satisfies Record<keyof typeof USAGE_MODEL_IDS, FakeUsageProfile>;

/** `basic`'s three series; jp. Sonnet 4.5 also publishes EstimatedTPMQuotaUsage. */
export function basicUsageSeries(): FakeUsageSeries[] {
  return [
    { modelId: USAGE_MODEL_IDS.jpSonnet45, baseline: { ...BASIC_USAGE_PROFILES.jpSonnet45 }, workingHours: { ...TOKYO_WORKING_HOURS }, estimatedTpmQuotaUsage: true },
    { modelId: USAGE_MODEL_IDS.jpHaiku45, baseline: { ...BASIC_USAGE_PROFILES.jpHaiku45 }, workingHours: { ...TOKYO_WORKING_HOURS } },
    { modelId: USAGE_MODEL_IDS.globalSonnet45, baseline: { ...BASIC_USAGE_PROFILES.globalSonnet45 }, workingHours: { ...TOKYO_WORKING_HOURS } },
  ];
}

/** `basic` raised global Sonnet 4.5 in Tokyo a month ago (one APPROVED request in the history). */
export const BASIC_APPLIED_QUOTAS: Record<string, Record<string, number>> = {
  [USAGE_REGION]: { [quotaCode('sonnet45', 'globalTpm')]: 600_000, [quotaCode('sonnet45', 'globalRpm')]: 600 },
};

export const BASIC_APPROVED_REQUEST_ID = 'fakereq0001approvedglobalsonnet45tpm';

function requester(account: string, callerArn: string): string {
  return JSON.stringify({ accountId: account, callerArn });
}

const DAY_MS = 86_400_000;

/** The account section of `basic` (also the starting point of the quota scenarios). */
export function basicQuotaAccount(account: string, callerArn: string, now: number): FakeServiceQuotasAccount {
  return {
    applied: structuredClone(BASIC_APPLIED_QUOTAS),
    requests: [
      {
        id: BASIC_APPROVED_REQUEST_ID,
        region: USAGE_REGION,
        quotaCode: quotaCode('sonnet45', 'globalTpm'),
        desiredValue: 600_000,
        status: 'APPROVED',
        created: now - 30 * DAY_MS,
        lastUpdated: now - 29 * DAY_MS,
        caseId: 'fake-case-0001',
        requester: requester(account, callerArn),
      },
    ],
  };
}

// --- quota-throttled ------------------------------------------------------------------------

/** Per request: small output next to max_tokens 32,000, so the reservation dominates. */
const THROTTLED_REQUEST = { inputTokens: 9_000, outputTokens: 900, cacheReadTokens: 36_000, cacheWriteTokens: 500, latencyMs: 7_500 };

/**
 * jp. Sonnet 4.5 in `quota-throttled`: a peak over its TPM quota 3–12 minutes ago and an earlier
 * one below it (by the quota formula) 38–42 minutes ago, both throttled. Global Sonnet 4.5 has a
 * much larger quota (approved increase), and an increase of the jp. RPM quota is PENDING.
 */
export const QUOTA_THROTTLED = {
  modelId: USAGE_MODEL_IDS.jpSonnet45,
  recentPeak: { fromMinutesAgo: 3, toMinutesAgo: 12, profile: { ...THROTTLED_REQUEST, requestsPerMinute: 15, throttlesPerMinute: 4 } },
  earlierPeak: { fromMinutesAgo: 38, toMinutesAgo: 42, profile: { ...THROTTLED_REQUEST, requestsPerMinute: 13, throttlesPerMinute: 2 } },
  /** Applied global Sonnet 4.5 quotas in Tokyo (an approved increase). */
  globalTpm: 1_000_000,
  globalRpm: 1_000,
  pendingRequest: {
    id: 'fakereq0002pendingjpsonnet45rpm',
    quotaCode: quotaCode('sonnet45', 'geoRpm'),
    desiredValue: 400,
    createdMinutesAgo: 120,
  },
} as const;

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, index) => from + index);
}

/** What a consumer should find in `quota-throttled` (all derived from QUOTA_THROTTLED and the catalog). */
export const QUOTA_THROTTLED_EXPECTED = (() => {
  const { recentPeak, earlierPeak } = QUOTA_THROTTLED;
  const perRequest = quotaTokensPerRequest(recentPeak.profile);
  const plainPerRequest = recentPeak.profile.inputTokens + recentPeak.profile.cacheWriteTokens + recentPeak.profile.outputTokens;
  const reservedPerRequest = recentPeak.profile.inputTokens + recentPeak.profile.cacheWriteTokens + DEFAULT_MAX_TOKENS;
  return {
    /** Minutes before the request's minute with InvocationThrottles > 0, newest first. */
    throttledMinutesAgo: [...range(recentPeak.fromMinutesAgo, recentPeak.toMinutesAgo), ...range(earlierPeak.fromMinutesAgo, earlierPeak.toMinutesAgo)],
    /** jp. Sonnet 4.5 geographic quotas in ap-northeast-1 (defaults, not raised). */
    tpmQuota: defaultQuotaValue('ap-northeast-1', 'sonnet45', 'geoTpm'),
    rpmQuota: defaultQuotaValue('ap-northeast-1', 'sonnet45', 'geoRpm'),
    globalTpmQuota: QUOTA_THROTTLED.globalTpm,
    globalRpmQuota: QUOTA_THROTTLED.globalRpm,
    /** Per minute in the recent peak: input + cache write + output × 5 (= EstimatedTPMQuotaUsage). */
    recentPeakQuotaTokensPerMinute: recentPeak.profile.requestsPerMinute * perRequest,
    /** Per minute in the recent peak: input + cache write + output. */
    recentPeakPlainTokensPerMinute: recentPeak.profile.requestsPerMinute * plainPerRequest,
    /** What the recent peak's successful requests reserve at their start (input + cache write + 32,000). */
    recentPeakReservedTokensPerMinute: recentPeak.profile.requestsPerMinute * reservedPerRequest,
    earlierPeakQuotaTokensPerMinute: earlierPeak.profile.requestsPerMinute * perRequest,
    /** Sum(Invocations) per minute: successful requests only. */
    recentPeakInvocationsPerMinute: recentPeak.profile.requestsPerMinute,
    recentPeakThrottlesPerMinute: recentPeak.profile.throttlesPerMinute,
    earlierPeakThrottlesPerMinute: earlierPeak.profile.throttlesPerMinute,
  };
})();

// --- quota-near -----------------------------------------------------------------------------

/** jp. Sonnet 4.5 at 85–90 % of its TPM quota 5–20 minutes ago, by either token formula; no throttles. */
export const QUOTA_NEAR = {
  modelId: USAGE_MODEL_IDS.jpSonnet45,
  peak: {
    fromMinutesAgo: 5,
    toMinutesAgo: 20,
    profile: { requestsPerMinute: 15, inputTokens: 11_000, outputTokens: 60, cacheReadTokens: 30_000, cacheWriteTokens: 500, latencyMs: 4_000 },
  },
} as const;

// --- quota-tiny -----------------------------------------------------------------------------

/** A new account: every Claude TPM quota 4,000, every RPM quota 2, Opus 4.6 at 0, in both regions. */
export const QUOTA_TINY = {
  tpm: 4_000,
  rpm: 2,
  tokensPerDay: 5_760_000,
  opus46: 0,
  /** Some traffic all day, occasionally throttled, and a burst 20–24 minutes ago throttled on RPM. */
  usage: {
    modelId: USAGE_MODEL_IDS.jpSonnet45,
    baseline: { requestsPerMinute: 0.5, throttlesPerMinute: 0.2, inputTokens: 1_500, outputTokens: 200, latencyMs: 4_000 },
    peak: { fromMinutesAgo: 20, toMinutesAgo: 24, profile: { requestsPerMinute: 2, throttlesPerMinute: 3, inputTokens: 1_500, outputTokens: 200, latencyMs: 4_000 } },
  },
} as const;

/** The applied values of `quota-tiny`, per region and code. */
export function tinyAppliedQuotas(): Record<string, Record<string, number>> {
  const valueOf = (kind: QuotaKind): number =>
    kind === 'tokensPerDay' ? QUOTA_TINY.tokensPerDay : kind.includes('Rpm') ? QUOTA_TINY.rpm : QUOTA_TINY.tpm;
  const perRegion: Record<string, number> = {};
  for (const model of QUOTA_MODEL_KEYS) {
    for (const kind of quotaKindsOf(model)) perRegion[quotaCode(model, kind)] = model === 'opus46' ? QUOTA_TINY.opus46 : valueOf(kind);
  }
  return Object.fromEntries(QUOTA_REGIONS.map((region) => [region, { ...perRegion }]));
}

export function tinyUsageSeries(): FakeUsageSeries[] {
  const { usage } = QUOTA_TINY;
  return [{ modelId: usage.modelId, baseline: { ...usage.baseline }, jitter: 0.5, peaks: [{ ...usage.peak, profile: { ...usage.peak.profile } }] }];
}

// --- quota-bursts --------------------------------------------------------------------------

/** Per request in the busy spells: 3,000 input + 250 cache write + 300 output × 5 = 4,750 quota tokens. */
const BURST_REQUEST = { inputTokens: 3_000, outputTokens: 300, cacheReadTokens: 12_000, cacheWriteTokens: 250, latencyMs: 4_000 };

/**
 * jp. Sonnet 4.5 in `quota-bursts`: busy spells of 18 requests a minute with single minutes far
 * above them, so an hour's (or five minutes') average hides what the per-minute quota sees. Three
 * days ago a two-hour spell with two 40-request minutes (190,000 quota tokens a minute, 95 % of the
 * 200,000 TPM quota; the hour around them averages about 19 requests a minute, under 45 %); six
 * hours ago a half-hour spell with one 36-request minute (171,000, 85.5 %). No throttles. The three
 * series of `basic` run round the clock (no working-hours cycle), so 7 days of one-minute data of
 * all three exceed one GetMetricData page of 100,800 points.
 */
export const QUOTA_BURSTS = {
  modelId: USAGE_MODEL_IDS.jpSonnet45,
  weekSpell: { fromMinutesAgo: 4_300, toMinutesAgo: 4_420, profile: { ...BURST_REQUEST, requestsPerMinute: 18 } },
  weekBurst: { fromMinutesAgo: 4_361, toMinutesAgo: 4_362, profile: { ...BURST_REQUEST, requestsPerMinute: 40 } },
  daySpell: { fromMinutesAgo: 350, toMinutesAgo: 380, profile: { ...BURST_REQUEST, requestsPerMinute: 18 } },
  dayBurst: { fromMinutesAgo: 365, toMinutesAgo: 365, profile: { ...BURST_REQUEST, requestsPerMinute: 36 } },
} as const;

/** What a consumer should find in `quota-bursts` (derived from QUOTA_BURSTS and the catalog). */
export const QUOTA_BURSTS_EXPECTED = (() => {
  const { weekBurst, dayBurst } = QUOTA_BURSTS;
  return {
    tpmQuota: defaultQuotaValue('ap-northeast-1', 'sonnet45', 'geoTpm'),
    rpmQuota: defaultQuotaValue('ap-northeast-1', 'sonnet45', 'geoRpm'),
    /** The 7d peak: Sum(Invocations) of the busiest minute, and its quota tokens. */
    weekPeakRequestsPerMinute: weekBurst.profile.requestsPerMinute,
    weekPeakQuotaTokensPerMinute: weekBurst.profile.requestsPerMinute * quotaTokensPerRequest(weekBurst.profile),
    /** The first (oldest) minute of the 7d peak, in minutes before the request's minute. */
    weekPeakMinutesAgo: weekBurst.toMinutesAgo,
    /** The 24h peak (the week's burst lies outside the last 24 hours). */
    dayPeakRequestsPerMinute: dayBurst.profile.requestsPerMinute,
    dayPeakQuotaTokensPerMinute: dayBurst.profile.requestsPerMinute * quotaTokensPerRequest(dayBurst.profile),
    dayPeakMinutesAgo: dayBurst.toMinutesAgo,
  };
})();

// --- helpers shared by the scenario factories -----------------------------------------------

/** The applied values `quota-throttled` adds in Tokyo, by code. */
export function throttledAppliedQuotas(): Record<string, number> {
  return { [quotaCode('sonnet45', 'globalTpm')]: QUOTA_THROTTLED.globalTpm, [quotaCode('sonnet45', 'globalRpm')]: QUOTA_THROTTLED.globalRpm };
}

export function pendingRequestOf(account: string, callerArn: string, now: number): FakeQuotaRequest {
  const pending = QUOTA_THROTTLED.pendingRequest;
  const created = now - pending.createdMinutesAgo * MINUTE_MS;
  return {
    id: pending.id,
    region: USAGE_REGION,
    quotaCode: pending.quotaCode,
    desiredValue: pending.desiredValue,
    status: 'PENDING',
    created,
    lastUpdated: created,
    requester: requester(account, callerArn),
  };
}
