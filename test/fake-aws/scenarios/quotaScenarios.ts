/**
 * Quota and usage scenarios: each is `basic` plus a change of its Service Quotas and CloudWatch
 * sections for BASIC_ACCOUNT_ID (111122223333: static-dev, role-dev, sso-* profiles). Other
 * accounts keep the defaults and no usage, as controls. Data and expected figures: quotaData.ts.
 */
import type { FakeCloudWatchAccount, FakeServiceQuotasAccount, FakeUsageSeries, Scenario } from '../scenario';
import { BASIC_ACCOUNT_ID, BASIC_STATIC_KEY, basicScenario } from './basic';
import { bedrockQuotaRegions } from './quotaCatalog';
import {
  QUOTA_BURSTS,
  QUOTA_NEAR,
  QUOTA_THROTTLED,
  USAGE_REGION,
  pendingRequestOf,
  throttledAppliedQuotas,
  tinyAppliedQuotas,
  tinyUsageSeries,
} from './quotaData';

interface QuotaSections {
  serviceQuotas: FakeServiceQuotasAccount;
  cloudWatch: FakeCloudWatchAccount;
  scenario: Scenario;
}

function withQuotaChange(name: string, description: string, change: (sections: QuotaSections) => void): Scenario {
  const scenario = basicScenario();
  scenario.name = name;
  scenario.description = `basic, except for account ${BASIC_ACCOUNT_ID}: ${description}`;
  const serviceQuotas = scenario.serviceQuotas?.accounts[BASIC_ACCOUNT_ID];
  const cloudWatch = scenario.cloudWatch?.accounts[BASIC_ACCOUNT_ID];
  if (!serviceQuotas || !cloudWatch) throw new Error('basic scenario lost its quota or usage section');
  change({ serviceQuotas, cloudWatch, scenario });
  return scenario;
}

/** The account's Tokyo series for an invoked identifier. */
function seriesOf(cloudWatch: FakeCloudWatchAccount, modelId: string): FakeUsageSeries {
  const series = cloudWatch.usage?.[USAGE_REGION]?.find((candidate) => candidate.modelId === modelId);
  if (!series) throw new Error(`basic scenario has no usage for ${modelId}`);
  return series;
}

export const quotaScenarios = {
  'quota-healthy': () =>
    withQuotaChange('quota-healthy', 'nothing: generous quotas, traffic well below half of them, no throttles (same data as basic).', () => undefined),

  'quota-throttled': () =>
    withQuotaChange(
      'quota-throttled',
      'jp. Sonnet 4.5 above its TPM quota 3–12 minutes ago and throttled there and 38–42 minutes ago; global Sonnet 4.5 quota 1,000,000 TPM; an increase of the jp. Sonnet 4.5 RPM quota is PENDING.',
      ({ serviceQuotas, cloudWatch }) => {
        const now = Date.now();
        Object.assign(((serviceQuotas.applied ??= {})[USAGE_REGION] ??= {}), throttledAppliedQuotas());
        (serviceQuotas.requests ??= []).push(pendingRequestOf(BASIC_ACCOUNT_ID, BASIC_STATIC_KEY.arn, now));
        const series = seriesOf(cloudWatch, QUOTA_THROTTLED.modelId);
        series.peaks = [
          { ...QUOTA_THROTTLED.earlierPeak, profile: { ...QUOTA_THROTTLED.earlierPeak.profile } },
          { ...QUOTA_THROTTLED.recentPeak, profile: { ...QUOTA_THROTTLED.recentPeak.profile } },
        ];
      },
    ),

  'quota-near': () =>
    withQuotaChange('quota-near', 'jp. Sonnet 4.5 at 85–90 % of its TPM quota 5–20 minutes ago, never throttled.', ({ cloudWatch }) => {
      seriesOf(cloudWatch, QUOTA_NEAR.modelId).peaks = [{ ...QUOTA_NEAR.peak, profile: { ...QUOTA_NEAR.peak.profile } }];
    }),

  'quota-bursts': () =>
    withQuotaChange(
      'quota-bursts',
      'traffic round the clock; jp. Sonnet 4.5 busy spells at 18 req/min with 40-request minutes 3 days ago (95 % of its TPM quota) and a 36-request minute 6 hours ago, hidden by hourly and 5-minute averages.',
      ({ cloudWatch }) => {
        for (const series of cloudWatch.usage?.[USAGE_REGION] ?? []) delete series.workingHours;
        const { weekSpell, weekBurst, daySpell, dayBurst } = QUOTA_BURSTS;
        // Later windows win on overlap: each burst sits inside its spell.
        seriesOf(cloudWatch, QUOTA_BURSTS.modelId).peaks = [weekSpell, weekBurst, daySpell, dayBurst].map((window) => ({ ...window, profile: { ...window.profile } }));
      },
    ),

  'quota-tiny': () =>
    withQuotaChange(
      'quota-tiny',
      'a new account: Claude TPM quotas 4,000, RPM 2, Opus 4.6 at 0 (Tokyo and us-east-1); a little jp. Sonnet 4.5 traffic, sometimes throttled.',
      ({ serviceQuotas, cloudWatch }) => {
        serviceQuotas.applied = tinyAppliedQuotas();
        serviceQuotas.requests = [];
        cloudWatch.usage = { [USAGE_REGION]: tinyUsageSeries() };
      },
    ),

  'quota-old-names': () =>
    withQuotaChange(
      'quota-old-names',
      'Service Quotas still uses the old quota names ("Cross-Region InvokeModel tokens per minute for …"); Haiku 4.5 and Opus 4.6 have other codes.',
      ({ scenario }) => {
        if (!scenario.serviceQuotas) throw new Error('basic scenario lost its serviceQuotas section');
        scenario.serviceQuotas.regions = bedrockQuotaRegions('old');
      },
    ),

  'quota-cloudwatch-denied': () =>
    withQuotaChange('quota-cloudwatch-denied', 'no policy allows cloudwatch:GetMetricData; Service Quotas works.', ({ cloudWatch }) => {
      cloudWatch.deniedActions = ['cloudwatch:GetMetricData'];
    }),

  'quota-servicequotas-denied': () =>
    withQuotaChange('quota-servicequotas-denied', 'no policy allows any servicequotas: action; CloudWatch works.', ({ serviceQuotas }) => {
      serviceQuotas.deniedActions = ['servicequotas:*'];
    }),
} satisfies Record<string, () => Scenario>;
