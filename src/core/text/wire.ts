/**
 * Words for what happened on the wire: which endpoint variable steers the service that failed,
 * what an HTTP status means, and what an answer that is not the protocol's JSON or XML was.
 * Pure; the AWS layer only reports what it saw (status, content type, network code).
 */

import type { Locale } from './locale';

/**
 * An answer the SDK could not read: `html` an HTML page (a proxy or gateway answered, not AWS),
 * `malformed` a body that is not valid JSON / XML (truncated, altered), `cut` the connection broke
 * during the answer.
 */
export type UnreadableAnswer = 'html' | 'malformed' | 'cut';

export type WireService = 'bedrock' | 'bedrock-runtime' | 'cloudwatch' | 'servicequotas' | 'sts' | 'logs' | 'ce' | 'budgets' | 'sns';

/** The variable each SDK client reads: `AWS_ENDPOINT_URL_` + its serviceId in upper case, spaces as `_`. */
export const ENDPOINT_VARIABLES: Readonly<Record<WireService, string>> = {
  bedrock: 'AWS_ENDPOINT_URL_BEDROCK',
  'bedrock-runtime': 'AWS_ENDPOINT_URL_BEDROCK_RUNTIME',
  cloudwatch: 'AWS_ENDPOINT_URL_CLOUDWATCH',
  servicequotas: 'AWS_ENDPOINT_URL_SERVICE_QUOTAS',
  sts: 'AWS_ENDPOINT_URL_STS',
  logs: 'AWS_ENDPOINT_URL_CLOUDWATCH_LOGS',
  ce: 'AWS_ENDPOINT_URL_COST_EXPLORER',
  budgets: 'AWS_ENDPOINT_URL_BUDGETS',
  sns: 'AWS_ENDPOINT_URL_SNS',
};

/** Each service by its product name (the same in English and Japanese). */
export const SERVICE_NAMES: Readonly<Record<WireService, string>> = {
  bedrock: 'Amazon Bedrock',
  'bedrock-runtime': 'Amazon Bedrock Runtime',
  cloudwatch: 'CloudWatch',
  servicequotas: 'Service Quotas',
  sts: 'AWS STS',
  logs: 'CloudWatch Logs',
  ce: 'Cost Explorer',
  budgets: 'AWS Budgets',
  sns: 'Amazon SNS',
};

/** The endpoint variables of the SDK's credential providers (STS for roles, SSO and SSO OIDC for sign-in). */
export const CREDENTIAL_ENDPOINT_VARIABLES: readonly string[] = ['AWS_ENDPOINT_URL_STS', 'AWS_ENDPOINT_URL_SSO', 'AWS_ENDPOINT_URL_SSO_OIDC'];

const OPERATION_SERVICES: Readonly<Record<string, WireService>> = {
  Converse: 'bedrock-runtime',
  ConverseStream: 'bedrock-runtime',
  InvokeModel: 'bedrock-runtime',
  InvokeModelWithResponseStream: 'bedrock-runtime',
  CountTokens: 'bedrock-runtime',
  ListInferenceProfiles: 'bedrock',
  GetInferenceProfile: 'bedrock',
  ListFoundationModels: 'bedrock',
  GetFoundationModel: 'bedrock',
  GetFoundationModelAvailability: 'bedrock',
  ListFoundationModelAgreementOffers: 'bedrock',
  GetMetricData: 'cloudwatch',
  DescribeAlarms: 'cloudwatch',
  PutMetricAlarm: 'cloudwatch',
  SetAlarmState: 'cloudwatch',
  GetDashboard: 'cloudwatch',
  PutDashboard: 'cloudwatch',
  ListTopics: 'sns',
  CreateTopic: 'sns',
  ListSubscriptionsByTopic: 'sns',
  Subscribe: 'sns',
  ListServiceQuotas: 'servicequotas',
  ListAWSDefaultServiceQuotas: 'servicequotas',
  GetServiceQuota: 'servicequotas',
  GetAWSDefaultServiceQuota: 'servicequotas',
  ListRequestedServiceQuotaChangeHistory: 'servicequotas',
  ListRequestedServiceQuotaChangeHistoryByQuota: 'servicequotas',
  RequestServiceQuotaIncrease: 'servicequotas',
  GetCallerIdentity: 'sts',
  AssumeRole: 'sts',
  GetModelInvocationLoggingConfiguration: 'bedrock',
  PutModelInvocationLoggingConfiguration: 'bedrock',
  StartQuery: 'logs',
  GetQueryResults: 'logs',
  StopQuery: 'logs',
  GetDimensionValues: 'ce',
  GetCostAndUsage: 'ce',
  GetCostForecast: 'ce',
  DescribeBudgets: 'budgets',
  CreateBudget: 'budgets',
};

/** The service an operation belongs to, for the operations this extension calls. */
export function serviceOfOperation(operation: string | undefined): WireService | undefined {
  return operation === undefined ? undefined : OPERATION_SERVICES[operation];
}

/** The endpoint variables that steer the call: the service's own, or the credential providers' when unknown. */
export function endpointVariablesFor(operation: string | undefined, locale: Locale): string {
  const service = serviceOfOperation(operation);
  const names = service ? [ENDPOINT_VARIABLES[service]] : [...CREDENTIAL_ENDPOINT_VARIABLES];
  const or = locale === 'ja' ? '、' : ', ';
  return ['AWS_ENDPOINT_URL', ...names].join(or);
}

const STATUS_MEANINGS: Readonly<Record<Locale, Readonly<Record<number, string>>>> = {
  en: {
    200: 'OK',
    400: 'bad request',
    401: 'unauthorised',
    403: 'forbidden',
    404: 'not found',
    407: 'proxy authentication required',
    408: 'request timeout',
    413: 'request too large',
    429: 'too many requests',
    500: 'internal server error',
    502: 'bad gateway',
    503: 'service unavailable',
    504: 'gateway timeout',
  },
  ja: {
    200: 'OK',
    400: '不正なリクエスト',
    401: '認証が必要',
    403: 'アクセス禁止',
    404: '見つからない',
    407: 'プロキシ認証が必要',
    408: 'リクエストのタイムアウト',
    413: 'リクエストが大きすぎる',
    429: 'リクエストが多すぎる',
    500: 'サーバー内部エラー',
    502: '不正なゲートウェイ応答',
    503: 'サービス利用不可',
    504: 'ゲートウェイのタイムアウト',
  },
};

/** "HTTP 503 (service unavailable)"; the status alone when its meaning is not in the table; '' without a status. */
export function httpStatusText(status: number | undefined, locale: Locale): string {
  if (status === undefined) return '';
  const meaning =
    STATUS_MEANINGS[locale][status] ??
    (status >= 500 ? (locale === 'ja' ? 'サーバーエラー' : 'server error') : status >= 400 ? (locale === 'ja' ? 'クライアントエラー' : 'client error') : undefined);
  return meaning ? `HTTP ${status} (${meaning})` : `HTTP ${status}`;
}

const UNREADABLE_TEXTS: Readonly<Record<Locale, Readonly<Record<UnreadableAnswer, string>>>> = {
  en: {
    html: 'an HTML page instead of an AWS answer: a proxy or gateway answered, not AWS',
    malformed: 'a body that is not a valid AWS answer (truncated or malformed)',
    cut: 'the connection broke in the middle of the answer',
  },
  ja: {
    html: 'AWS の応答ではなく HTML ページ: AWS ではなくプロキシまたはゲートウェイが応答しました',
    malformed: 'AWS の応答として読めない本文 (途中で切れているか壊れています)',
    cut: '応答の途中で接続が切れました',
  },
};

/** "HTTP 503 (service unavailable), an HTML page instead of an AWS answer: a proxy or gateway answered, not AWS". */
export function unreadableAnswerText(kind: UnreadableAnswer, status: number | undefined, locale: Locale): string {
  const statusText = httpStatusText(status, locale);
  const what = UNREADABLE_TEXTS[locale][kind];
  if (!statusText) return what;
  return locale === 'ja' ? `${statusText}、${what}` : `${statusText}, ${what}`;
}
