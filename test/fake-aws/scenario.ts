/**
 * The world a fake AWS serves. A server deep-copies its scenario at start, so tests may mutate
 * `fake.state` (expire a key, revoke a token, add a role) without leaking into other tests.
 * Times are epoch milliseconds so a test can write `key.expiresAt = Date.now() - 1`.
 *
 * Service modules keep their own optional sections here (`bedrock`, `serviceQuotas`,
 * `cloudWatch`); modules that find their section absent serve an empty world.
 */
export interface Scenario {
  name: string;
  description: string;
  accounts: FakeAccount[];
  /** Static keys of the scenario plus every key the fake issues (AssumeRole, SSO). */
  accessKeys: FakeAccessKey[];
  roles: FakeRole[];
  sso: FakeSsoDirectory;
  /** Which scenario entries play which part in a demo ~/.aws (see demoHome.ts). */
  demoHome?: DemoHomeSpec;
  /** Bedrock control plane and runtime; absent: every region lists nothing, every ID is invalid. */
  bedrock?: FakeBedrock;
  /** Service Quotas for ServiceCode `bedrock`; absent: no quotas anywhere (every code unknown). */
  serviceQuotas?: FakeServiceQuotas;
  /** CloudWatch `AWS/Bedrock` metrics; absent: every GetMetricData query returns no points. */
  cloudWatch?: FakeCloudWatch;
  /** CloudWatch Logs groups holding Bedrock invocation logs (Logs Insights); absent: no log group anywhere. */
  cloudWatchLogs?: FakeCloudWatchLogs;
  /** Cost Explorer's cost lines per account; absent: every account has no cost. */
  costExplorer?: FakeCostExplorer;
  /** AWS Budgets per account; absent: no budgets. */
  budgets?: FakeBudgets;
}

export interface FakeAccount {
  id: string;
  alias?: string;
}

export interface FakeAccessKey {
  accessKeyId: string;
  secretAccessKey: string;
  /** Present for temporary credentials; the request's x-amz-security-token must equal it. */
  sessionToken?: string;
  account: string;
  /** What GetCallerIdentity answers: a user ARN or an sts assumed-role ARN. */
  arn: string;
  userId: string;
  /** Absent: never expires (IAM user keys). */
  expiresAt?: number;
  /** Where the key came from, for debugging a test: 'scenario', 'AssumeRole', 'GetRoleCredentials'. */
  issuedBy?: string;
}

export interface FakeRole {
  /** arn:aws:iam::ACCOUNT:role[/path]/NAME */
  arn: string;
  /** Unique role id, AROA…; the assumed-role UserId is `${roleId}:${sessionName}`. */
  roleId: string;
  /**
   * Who may assume the role: account ids, `arn:aws:iam::ACCOUNT:root`, user ARNs, role ARNs
   * (which admit that role's assumed-role sessions, as IAM trust policies do) or exact
   * assumed-role ARNs. Absent: any valid caller may assume it.
   */
  trustedPrincipals?: string[];
  /** IAM's MaxSessionDuration; default 3600. */
  maxSessionDurationSeconds?: number;
}

export interface FakeSsoDirectory {
  accessTokens: FakeSsoAccessToken[];
  clients: FakeOidcClient[];
  refreshTokens: FakeRefreshToken[];
  assignments: FakeSsoAssignment[];
  /** Lifetime of access tokens minted by a refresh; default 3600. */
  accessTokenLifetimeSeconds?: number;
}

export interface FakeSsoAccessToken {
  token: string;
  /** The Identity Center user name; becomes the role session name of issued credentials. */
  user: string;
  expiresAt: number;
}

export interface FakeOidcClient {
  clientId: string;
  clientSecret: string;
  /** The registration's expiry; absent: never. */
  expiresAt?: number;
}

export interface FakeRefreshToken {
  token: string;
  clientId: string;
  user: string;
}

export interface FakeSsoAssignment {
  user: string;
  accountId: string;
  roleName: string;
  /** Permission set session duration; default 3600. */
  sessionDurationSeconds?: number;
}

/** References (ids, ARNs, tokens) into the scenario for each demo profile. */
export interface DemoHomeSpec {
  region: string;
  /** static-dev */
  staticAccessKeyId: string;
  /** expired-keys: a temporary key whose expiry has passed. */
  expiredAccessKeyId: string;
  /** role-dev: assumed with static-dev as source. */
  roleArn: string;
  /** chain-invoker: assumed with role-dev as source. */
  chainRoleArn: string;
  sso: {
    startUrl: string;
    region: string;
    accountId: string;
    roleName: string;
    clientId: string;
    /** sso-dev: a valid token. */
    validAccessToken: string;
    /** sso-refresh and sso-expired: a token past its expiry. */
    expiredAccessToken: string;
    /** sso-dev and sso-refresh: a refresh token the fake accepts. */
    refreshToken: string;
    /** sso-expired: a refresh token the fake refuses, so the session stays expired. */
    deadRefreshToken: string;
  };
}

/**
 * What Bedrock serves. Regions hold what AWS defines (models, system-defined profiles); the
 * per-account part holds what differs between customers (application profiles, model access,
 * IAM and SCP denials). ARNs of system profiles are built per request with the caller's account,
 * as AWS does, so the region data is account-neutral.
 */
export interface FakeBedrock {
  /** Keyed by region name (the SigV4 signing region of a request). A region absent here offers nothing. */
  regions: Record<string, FakeBedrockRegion>;
  /** Application inference profiles; each belongs to one account in one region. */
  applicationProfiles: FakeApplicationProfile[];
  /** Keyed by account id; an account absent here may list and invoke everything. */
  accounts: Record<string, FakeBedrockAccount>;
}

export interface FakeBedrockRegion {
  /** What ListFoundationModels answers in the region; bare IDs of these resolve at the runtime. */
  foundationModels: FakeFoundationModel[];
  /** System-defined inference profiles listed in (and invocable from) the region. */
  systemProfiles: FakeSystemProfile[];
}

export interface FakeFoundationModel {
  /** `anthropic.claude-sonnet-4-5-20250929-v1:0` */
  modelId: string;
  modelName: string;
  /** `Anthropic`, `Amazon`, … (ListFoundationModels' byProvider compares case-insensitively). */
  providerName: string;
  inputModalities: string[];
  outputModalities: string[];
  responseStreamingSupported: boolean;
  customizationsSupported?: string[];
  /** `ON_DEMAND`, `PROVISIONED`, `INFERENCE_PROFILE`; a bare ID is invocable only with `ON_DEMAND`. */
  inferenceTypesSupported: string[];
  lifecycle: 'ACTIVE' | 'LEGACY';
}

export interface FakeSystemProfile {
  /** `jp.anthropic.claude-sonnet-4-5-20250929-v1:0` */
  id: string;
  /** `JP Anthropic Claude Sonnet 4.5` */
  name: string;
  description: string;
  /** The base foundation model ID the profile serves. */
  modelId: string;
  /**
   * Regions the profile routes to, in order; each becomes one model ARN. `''` is the empty region
   * of a global profile: `arn:aws:bedrock:::foundation-model/<id>`, meaning any commercial region.
   */
  destinations: string[];
  /** ISO-8601. */
  createdAt: string;
  updatedAt: string;
}

export interface FakeApplicationProfile {
  account: string;
  region: string;
  /** The 12-character id at the end of the ARN. */
  id: string;
  name: string;
  description?: string;
  /** Foundation-model ARNs, copied from the profile or model it was created from. */
  modelArns: string[];
  /** ISO-8601. */
  createdAt: string;
  updatedAt: string;
}

/**
 * Why an account can or cannot use a base model. Only `not-authorized` and `marketplace` show in
 * GetFoundationModelAvailability; the others surface only when the model is invoked, as at AWS.
 */
export type FakeModelAccess =
  | 'authorized'
  | 'not-authorized' // 403 "You don't have access to the model with the specified model ID."
  | 'marketplace' // 403: the caller may not perform the AWS Marketplace subscription actions
  | 'use-case' // 404: the Anthropic use-case form was never submitted
  | 'legacy' // 404: a Legacy model the account has not used in the last 15 days
  | 'throttled'; // 429 "Too many tokens, please wait before trying again."

export interface FakeBedrockAccount {
  /**
   * Access per base model. Keys are a model ID, or a prefix ending in `*` (`anthropic.*`, `*`); an
   * exact key wins over prefixes, a longer prefix over a shorter. Unmatched models: `authorized`.
   */
  modelAccess?: Record<string, FakeModelAccess>;
  /** Regions an organisation SCP denies for invocation (explicit deny on their foundation models). */
  scpDeniedRegions?: string[];
  /** IAM actions no identity-based policy allows: `bedrock:ListInferenceProfiles`, `bedrock:InvokeModel`, … */
  deniedActions?: string[];
  /** Region → the model invocation logging configuration (wire shape); absent: logging is off there. */
  invocationLogging?: Record<string, FakeLoggingConfig>;
}

/** Bedrock's `loggingConfig` as GetModelInvocationLoggingConfiguration answers it. */
export interface FakeLoggingConfig {
  cloudWatchConfig?: { logGroupName: string; roleArn: string; largeDataDeliveryS3Config?: { bucketName: string; keyPrefix?: string } };
  s3Config?: { bucketName: string; keyPrefix?: string };
  textDataDeliveryEnabled?: boolean;
  imageDataDeliveryEnabled?: boolean;
  embeddingDataDeliveryEnabled?: boolean;
}

/** CloudWatch Logs: per account, the log groups of each Region with the invocation-log traffic they hold. */
export interface FakeCloudWatchLogs {
  accounts: Record<string, FakeLogsAccount>;
  /** How many GetQueryResults calls answer `Running` before `Complete`; default 1. */
  runningPolls?: number;
}

export interface FakeLogsAccount {
  /** Region → log groups. */
  logGroups?: Record<string, FakeLogGroup[]>;
  /** IAM actions no policy allows: `logs:StartQuery`, …, or `logs:*`. */
  deniedActions?: string[];
}

export interface FakeLogGroup {
  name: string;
  /** The Bedrock invocation-log records of the group, as compact series (records are computed, never stored). */
  invocations: FakeInvocationSeries[];
}

/**
 * One caller's requests to one model: `requestsPerDay` requests on every UTC day from `fromDaysAgo`
 * to `toDaysAgo` (0 = today, inclusive), spread evenly over the day (request i of n at
 * (i + 0.5) / n of the day); every request carries the same token counts.
 */
export interface FakeInvocationSeries {
  callerArn: string;
  /** The `modelId` field of the record: the invoked identifier. */
  modelId: string;
  requestsPerDay: number;
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  fromDaysAgo: number;
  toDaysAgo: number;
}

/** Cost Explorer (us-east-1): per account, daily cost lines. */
export interface FakeCostExplorer {
  accounts: Record<string, FakeCostAccount>;
}

export interface FakeCostAccount {
  lines: FakeCostLine[];
  /** IAM actions no policy allows: `ce:GetCostAndUsage`, …, or `ce:*`. */
  deniedActions?: string[];
}

/**
 * A cost line: `usdPerDay` (and `quantityPerDay`) on every UTC day from `fromDaysAgo` to `toDaysAgo`
 * (0 = today). A line that runs to today also drives the forecast of the days to come.
 */
export interface FakeCostLine {
  /** The Cost Explorer SERVICE value (`Claude Sonnet 4.5 (Amazon Bedrock Edition)`). */
  service: string;
  usageType: string;
  usdPerDay: number;
  quantityPerDay: number;
  fromDaysAgo: number;
  toDaysAgo: number;
}

/** AWS Budgets (us-east-1): per account, its budgets and what it may call. */
export interface FakeBudgets {
  accounts: Record<string, FakeBudgetsAccount>;
}

export interface FakeBudgetsAccount {
  budgets: FakeBudget[];
  /** IAM actions no policy allows: `budgets:ViewBudget`, `budgets:ModifyBudget`, or `budgets:*`. */
  deniedActions?: string[];
}

export interface FakeBudget {
  name: string;
  limitUsd: number;
  timeUnit: 'DAILY' | 'MONTHLY' | 'QUARTERLY' | 'ANNUALLY';
  budgetType: 'COST' | 'USAGE';
  /** CostFilters as the API spells them (`Service` → values); absent: the whole account. */
  costFilters?: Record<string, string[]>;
  /** Epoch ms. */
  createdAt: number;
  notifications: { notificationType: string; comparisonOperator: string; threshold: number; thresholdType: string; subscribers: { subscriptionType: string; address: string }[] }[];
}

/**
 * Service Quotas, ServiceCode `bedrock` only. Regions hold the AWS defaults (what
 * ListAWSDefaultServiceQuotas answers); accounts hold what differs per customer: applied values,
 * increase requests, IAM denials. Everything is evaluated for the signing region and the caller's
 * account. Quota names may differ between scenarios (renamed quotas) while codes stay.
 */
export interface FakeServiceQuotas {
  /** Keyed by region: the region's Bedrock quotas with their AWS defaults. A region absent here has none. */
  regions: Record<string, FakeQuotaDefinition[]>;
  /** Keyed by account id; an account absent here sees the defaults and has no requests. */
  accounts: Record<string, FakeServiceQuotasAccount>;
}

export interface FakeQuotaDefinition {
  /** `L-` plus 8 upper-case hex digits. */
  code: string;
  name: string;
  /** The AWS default. */
  defaultValue: number;
  adjustable: boolean;
  description: string;
  /** Default `None`, as Bedrock's quotas say. */
  unit?: string;
}

export type FakeQuotaRequestStatus =
  | 'PENDING'
  | 'CASE_OPENED'
  | 'APPROVED'
  | 'DENIED'
  | 'CASE_CLOSED'
  | 'NOT_APPROVED'
  | 'INVALID_REQUEST';

export interface FakeQuotaRequest {
  /** The request id (RequestedQuota.Id). */
  id: string;
  /** The region the request was made in (the signing region of RequestServiceQuotaIncrease). */
  region: string;
  quotaCode: string;
  desiredValue: number;
  status: FakeQuotaRequestStatus;
  /** Epoch ms (answered as epoch seconds). */
  created: number;
  lastUpdated?: number;
  /** Absent until a support case is opened. */
  caseId?: string;
  /** The JSON string AWS puts in `Requester`: `{"accountId":…,"callerArn":…}`. */
  requester?: string;
}

export interface FakeServiceQuotasAccount {
  /** Region → quota code → the value applied to this account where it differs from the default. */
  applied?: Record<string, Record<string, number>>;
  /** Increase requests of every region, oldest first; RequestServiceQuotaIncrease appends here. */
  requests?: FakeQuotaRequest[];
  /** IAM actions no policy allows: `servicequotas:ListServiceQuotas`, …, or `servicequotas:*`. */
  deniedActions?: string[];
}

/** CloudWatch: the `AWS/Bedrock` usage each account generated in each region. */
export interface FakeCloudWatch {
  /** Keyed by account id; an account absent here has no metrics and may call everything. */
  accounts: Record<string, FakeCloudWatchAccount>;
}

export interface FakeCloudWatchAccount {
  /** Region → one series per invoked identifier (the `ModelId` dimension). */
  usage?: Record<string, FakeUsageSeries[]>;
  /** IAM actions no policy allows: `cloudwatch:GetMetricData`, or `cloudwatch:*`. */
  deniedActions?: string[];
}

/**
 * What one minute of traffic looks like. Counts are per minute, token counts and latency per
 * successful request. In a peak window the counts are exact (use integers); in the baseline they
 * are scaled by the daily cycle and a deterministic jitter, so fractions are fine there.
 */
export interface FakeUsageProfile {
  /** Successful invocations per minute. */
  requestsPerMinute: number;
  /** Uncached input tokens per request (InputTokenCount). */
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens?: number;
  cacheWriteTokens?: number;
  /** InvocationLatency of each request, ms. */
  latencyMs: number;
  throttlesPerMinute?: number;
  clientErrorsPerMinute?: number;
  serverErrorsPerMinute?: number;
}

/**
 * A compact, declarative usage series (no arrays of points: per-minute values are computed on
 * demand by scenarios/usageData.ts for the last 8 days before the request's minute).
 */
export interface FakeUsageSeries {
  /** The `ModelId` dimension: the identifier that was invoked (`jp.anthropic.claude-…`). */
  modelId: string;
  /** Traffic outside peak windows, scaled by `workingHours` and `jitter`. */
  baseline: FakeUsageProfile;
  /** A daily working-hours cycle in a local time zone; absent: the baseline all day. */
  workingHours?: {
    /** Local time = UTC + this (540 for Japan). */
    utcOffsetMinutes: number;
    /** Local hours [startHour, endHour) are working hours. */
    startHour: number;
    endHour: number;
    /** Saturdays and Sundays (local) count as off hours. */
    weekdaysOnly?: boolean;
    /** Multiplier of the baseline outside working hours (0..1). */
    offHoursScale: number;
  };
  /** Relative spread of baseline counts, 0..1; default 0.3. */
  jitter?: number;
  /**
   * Windows counted in whole minutes before the request's minute (minute 1 is the last complete
   * one), inclusive; inside one the traffic is exactly `profile`. Later entries win on overlap.
   */
  peaks?: { fromMinutesAgo: number; toMinutesAgo: number; profile: FakeUsageProfile }[];
  /** Whether Bedrock publishes EstimatedTPMQuotaUsage for this series. */
  estimatedTpmQuotaUsage?: boolean;
}

/** A deep copy, so one server's mutations never reach another server or the registry. */
export function cloneScenario(scenario: Scenario): Scenario {
  return structuredClone(scenario);
}

/** `arn:aws:iam::123:role/path/Name` → `{ account: '123', name: 'Name' }`. */
export function parseRoleArn(arn: string): { account: string; name: string } | undefined {
  const match = /^arn:aws[a-z-]*:iam::(\d{12}):role\/(?:[^/]+\/)*([\w+=,.@-]+)$/.exec(arn);
  return match?.[1] !== undefined && match[2] !== undefined ? { account: match[1], name: match[2] } : undefined;
}

/** `arn:aws:bedrock:REGION::foundation-model/ID`; region `''` gives the global form `arn:aws:bedrock:::…`. */
export function foundationModelArn(region: string, modelId: string): string {
  return `arn:aws:bedrock:${region}::foundation-model/${modelId}`;
}

/** A system-defined profile's ARN as the given account sees it: AWS puts the caller's account in it. */
export function inferenceProfileArn(region: string, account: string, profileId: string): string {
  return `arn:aws:bedrock:${region}:${account}:inference-profile/${profileId}`;
}

export function applicationProfileArn(profile: Pick<FakeApplicationProfile, 'region' | 'account' | 'id'>): string {
  return `arn:aws:bedrock:${profile.region}:${profile.account}:application-inference-profile/${profile.id}`;
}

/** The parts of a Bedrock ARN the fake cares about, or undefined for anything else. */
export function parseBedrockArn(
  arn: string,
): { region: string; account: string; kind: 'foundation-model' | 'inference-profile' | 'application-inference-profile'; id: string } | undefined {
  const match = /^arn:aws:bedrock:([a-z0-9-]*):(\d{12})?:(foundation-model|inference-profile|application-inference-profile)\/(.+)$/.exec(arn);
  if (!match?.[3] || match[4] === undefined) return undefined;
  return {
    region: match[1] ?? '',
    account: match[2] ?? '',
    kind: match[3] as 'foundation-model' | 'inference-profile' | 'application-inference-profile',
    id: match[4],
  };
}
