/**
 * The data of the team scenarios and the arithmetic the fake and the tests share: invocation-log
 * records of three developers (one of them uses 80% of the tokens), Cost Explorer cost lines of
 * Claude on Bedrock (and noise that is not), and a budget. Records and costs are computed from
 * compact series, never stored as points, so "today" moves with the clock.
 */
import type { FakeBudget, FakeCostLine, FakeInvocationSeries, FakeLoggingConfig } from '../scenario';
import { ssoRoleSessionArn } from '../services/sso';
import { BASIC_ACCOUNT_ID, BASIC_SSO, BASIC_STATIC_KEY } from './basic';
import { BEDROCK_MODEL_IDS } from './bedrockCatalog';

const DAY = 86_400_000;

export const TEAM_REGION = 'ap-northeast-1';
export const TEAM_LOG_GROUP = '/aws/bedrock/modelinvocations';
export const TEAM_LOGGING_ROLE_ARN = `arn:aws:iam::${BASIC_ACCOUNT_ID}:role/BedrockModelInvocationLogging`;
export const TEAM_S3_BUCKET = 'fake-bedrock-invocation-logs';

const JP_SONNET = `jp.${BEDROCK_MODEL_IDS.sonnet45}`;
const JP_HAIKU = `jp.${BEDROCK_MODEL_IDS.haiku45}`;

/** The three developers: an SSO user with 80% of the tokens, the demo SSO user, and the static-key IAM user. */
export const TEAM_DEVELOPERS = {
  heavy: { name: 'hanako.sato@example.com', arn: ssoRoleSessionArn(BASIC_ACCOUNT_ID, BASIC_SSO.roleName, 'hanako.sato@example.com') },
  sso: { name: BASIC_SSO.user, arn: ssoRoleSessionArn(BASIC_ACCOUNT_ID, BASIC_SSO.roleName, BASIC_SSO.user) },
  static: { name: 'fake-developer', arn: BASIC_STATIC_KEY.arn },
} as const;

/** Tokens per request, the same for everyone, so shares of requests are shares of tokens. */
const PER_REQUEST = { inputTokens: 2_000, outputTokens: 1_200, cacheReadTokens: 36_000, cacheWriteTokens: 4_800 } as const;

/** 160 + 20 + 20 requests a day over the last 30 days: 80%, 10%, 10% of the tokens. */
export function teamInvocations(): FakeInvocationSeries[] {
  const days = { fromDaysAgo: 29, toDaysAgo: 0 };
  return [
    { callerArn: TEAM_DEVELOPERS.heavy.arn, modelId: JP_SONNET, requestsPerDay: 160, ...PER_REQUEST, ...days },
    { callerArn: TEAM_DEVELOPERS.sso.arn, modelId: JP_SONNET, requestsPerDay: 20, ...PER_REQUEST, ...days },
    { callerArn: TEAM_DEVELOPERS.static.arn, modelId: JP_HAIKU, requestsPerDay: 20, ...PER_REQUEST, ...days },
  ];
}

export const TEAM_EXPECTED_SHARES = { heavy: 0.8, sso: 0.1, static: 0.1 } as const;

export function cloudWatchLogging(): FakeLoggingConfig {
  return { cloudWatchConfig: { logGroupName: TEAM_LOG_GROUP, roleArn: TEAM_LOGGING_ROLE_ARN }, textDataDeliveryEnabled: true, imageDataDeliveryEnabled: false, embeddingDataDeliveryEnabled: false };
}

export function s3OnlyLogging(): FakeLoggingConfig {
  return { s3Config: { bucketName: TEAM_S3_BUCKET, keyPrefix: 'bedrock' }, textDataDeliveryEnabled: true, imageDataDeliveryEnabled: false, embeddingDataDeliveryEnabled: false };
}

function utcDayStart(ms: number): number {
  return Math.floor(ms / DAY) * DAY;
}

/** Requests of a series in [startMs, endMs), per UTC day (`YYYY-MM-DD`), for days with at least one. */
export function requestsByDay(series: FakeInvocationSeries, startMs: number, endMs: number, now: number): Map<string, number> {
  const result = new Map<string, number>();
  const today = utcDayStart(now);
  const n = series.requestsPerDay;
  if (n <= 0) return result;
  for (let ago = series.fromDaysAgo; ago >= series.toDaysAgo; ago -= 1) {
    const dayStart = today - ago * DAY;
    const spacing = DAY / n;
    // Request i happens at dayStart + (i + 0.5) * spacing; only those before now have happened.
    const from = Math.max(startMs, dayStart);
    const to = Math.min(endMs, dayStart + DAY, now + 1);
    if (to <= from) continue;
    const first = Math.max(0, Math.ceil((from - dayStart) / spacing - 0.5));
    const last = Math.min(n - 1, Math.ceil((to - dayStart) / spacing - 0.5) - 1);
    const count = last - first + 1;
    if (count > 0) result.set(new Date(dayStart).toISOString().slice(0, 10), count);
  }
  return result;
}

/** The Claude services the scenario bills, with their Marketplace usage types (Tokyo). */
export const TEAM_COST_SERVICES = {
  sonnet: 'Claude Sonnet 4.5 (Amazon Bedrock Edition)',
  haiku: 'Claude Haiku 4.5 (Amazon Bedrock Edition)',
} as const;

const TEAM_USAGE_TYPES = {
  input: 'APN1-MP:APN1_InputTokenCount-Units',
  output: 'APN1-MP:APN1_OutputTokenCount-Units',
  cacheRead: 'APN1-MP:APN1_CacheReadInputTokenCount-Units',
  cacheWrite: 'APN1-MP:APN1_CacheWriteInputTokenCount-Units',
} as const;

/**
 * Daily cost of the team (about $106 a day, near the CloudWatch usage of `basic` at list prices):
 * Sonnet and Haiku split by token kind, plus lines that are not Claude.
 */
export function teamCostLines(fromDaysAgo = 75): FakeCostLine[] {
  const line = (service: string, usageType: string, usdPerDay: number, quantityPerDay: number): FakeCostLine => ({ service, usageType, usdPerDay, quantityPerDay, fromDaysAgo, toDaysAgo: 0 });
  return [
    line(TEAM_COST_SERVICES.sonnet, TEAM_USAGE_TYPES.input, 11.88, 3_600_000),
    line(TEAM_COST_SERVICES.sonnet, TEAM_USAGE_TYPES.output, 35.64, 2_160_000),
    line(TEAM_COST_SERVICES.sonnet, TEAM_USAGE_TYPES.cacheRead, 21.384, 64_800_000),
    line(TEAM_COST_SERVICES.sonnet, TEAM_USAGE_TYPES.cacheWrite, 35.64, 8_640_000),
    line(TEAM_COST_SERVICES.haiku, TEAM_USAGE_TYPES.input, 0.132, 120_000),
    line(TEAM_COST_SERVICES.haiku, TEAM_USAGE_TYPES.output, 0.396, 72_000),
    line(TEAM_COST_SERVICES.haiku, TEAM_USAGE_TYPES.cacheRead, 0.2376, 2_160_000),
    line(TEAM_COST_SERVICES.haiku, TEAM_USAGE_TYPES.cacheWrite, 0.396, 288_000),
    // Not Claude: Amazon's own embeddings model under Amazon Bedrock, and EC2.
    line('Amazon Bedrock', 'APN1-TitanEmbeddingsV2-Text-input-tokens', 0.5, 25_000_000),
    line('Amazon Elastic Compute Cloud - Compute', 'APN1-BoxUsage:t3.medium', 1.0, 24),
  ];
}

/** The cost of a line on one UTC day (0 outside its days, and 0 for days after today). */
export function lineCostOn(line: FakeCostLine, dayStart: number, now: number): { usd: number; quantity: number } {
  const today = utcDayStart(now);
  const ago = Math.round((today - dayStart) / DAY);
  if (ago < 0 || ago > line.fromDaysAgo || ago < line.toDaysAgo) return { usd: 0, quantity: 0 };
  return { usd: line.usdPerDay, quantity: line.quantityPerDay };
}

/** The forecast of a line on a day from today on: it continues when it runs to today. */
export function lineForecastOn(line: FakeCostLine, dayStart: number, now: number): number {
  return line.toDaysAgo === 0 && dayStart >= utcDayStart(now) ? line.usdPerDay : 0;
}

/** The budget the team already has: $4,000 a month on the two Claude services, alerting at 80%. */
export function teamBudget(now: number): FakeBudget {
  return {
    name: 'Claude team monthly',
    limitUsd: 4_000,
    timeUnit: 'MONTHLY',
    budgetType: 'COST',
    costFilters: { Service: [TEAM_COST_SERVICES.sonnet, TEAM_COST_SERVICES.haiku] },
    createdAt: now - 40 * DAY,
    notifications: [
      { notificationType: 'ACTUAL', comparisonOperator: 'GREATER_THAN', threshold: 80, thresholdType: 'PERCENTAGE', subscribers: [{ subscriptionType: 'EMAIL', address: 'finance@example.com' }] },
    ],
  };
}

/** An account-wide budget with an EC2 filter: it does not cover Claude and must not be listed as covering it. */
export function unrelatedBudget(now: number): FakeBudget {
  return { name: 'EC2 monthly', limitUsd: 200, timeUnit: 'MONTHLY', budgetType: 'COST', costFilters: { Service: ['Amazon Elastic Compute Cloud - Compute'] }, createdAt: now - 90 * DAY, notifications: [] };
}
