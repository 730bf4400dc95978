/**
 * A part of an admin read (the Team view, `team`, `spend`, `budgets`, `logging`) that could not be
 * read, as a value: which service, the IAM action that was refused when it was an access denial,
 * and the raw error. Shared by the team, spend, budgets and cost-plan rooms; worded in both
 * languages here, so every surface says the same.
 */

import type { RawAwsError } from '../models/bedrockTypes';
import { TEAM_OPERATION_ACTIONS } from '../iam/teamAdminActions';
import { format, type Locale } from '../text/locale';
import { redactSecrets } from '../text/redact';
import { endpointVariablesFor, httpStatusText, unreadableAnswerText } from '../text/wire';

/** The services of the admin reads. */
export type AdminService = 'logs' | 'bedrock' | 'ce' | 'budgets' | 'cloudwatch' | 'sts';

export interface AdminProblem {
  readonly service: AdminService;
  /** The IAM action that was refused, when the failure is an access denial. */
  readonly missingPermission?: string;
  readonly error: RawAwsError;
}

const ACCESS_DENIED = new Set(['AccessDeniedException', 'AccessDenied', 'UnauthorizedOperation', 'AuthorizationError', 'AccessDeniedFault']);

/** A failed call as a problem of its service, naming the refused IAM action when it was an access denial. */
export function adminProblem(service: AdminService, error: RawAwsError): AdminProblem {
  const denied = error.name !== undefined && ACCESS_DENIED.has(error.name);
  if (!denied) return { service, error };
  // AWS names the action it refused: "… is not authorized to perform: logs:StartQuery on resource …".
  const named = /perform:\s*([a-z0-9-]+:[A-Za-z0-9*]+)/.exec(error.message ?? '')?.[1];
  return { service, missingPermission: named ?? TEAM_OPERATION_ACTIONS[error.operation] ?? `${service}:${error.operation}`, error };
}

/** Whether AWS throttled our own call (the caller should back off). */
export function isAdminThrottling(problem: AdminProblem): boolean {
  return /Throttl|TooManyRequests|RequestLimitExceeded|LimitExceeded/i.test(problem.error.name ?? '') || problem.error.httpStatus === 429;
}

const SERVICE_NAMES: Readonly<Record<Locale, Readonly<Record<AdminService, string>>>> = {
  en: { logs: 'CloudWatch Logs', bedrock: 'Amazon Bedrock', ce: 'Cost Explorer', budgets: 'AWS Budgets', cloudwatch: 'CloudWatch', sts: 'AWS STS' },
  ja: { logs: 'CloudWatch Logs', bedrock: 'Amazon Bedrock', ce: 'Cost Explorer', budgets: 'AWS Budgets', cloudwatch: 'CloudWatch', sts: 'AWS STS' },
};

const TEXTS = {
  en: {
    permission: '{service} refused {operation}: the profile lacks the IAM permission {permission}. Add it to the admin policy (Show Team Admin IAM Policy) and refresh.',
    credentials: 'The credentials could not be resolved for {operation}.',
    error: '{service} could not be read ({operation}): {detail}.',
    timedOut: 'no answer in time',
    cancelled: 'cancelled',
    unnamed: 'an error without a name',
    unreachable: 'the endpoint could not be reached ({code}); check the network, a proxy, and {endpointVariables}',
  },
  ja: {
    permission: '{service} が {operation} を拒否しました: プロファイルに IAM 権限 {permission} がありません。管理者ポリシーに追加して (「チーム管理者の IAM ポリシーを表示」)、更新してください。',
    credentials: '{operation} のための認証情報を解決できませんでした。',
    error: '{service} を読み取れませんでした ({operation}): {detail}。',
    timedOut: '時間内に応答がありません',
    cancelled: '取り消されました',
    unnamed: '名前のないエラー',
    unreachable: 'エンドポイントに接続できません ({code})。ネットワーク、プロキシ、{endpointVariables} を確認してください',
  },
} as const;

const MAX_MESSAGE_LENGTH = 200;

function detailOf(error: RawAwsError, locale: Locale): string {
  const table = TEXTS[locale];
  if (error.timedOut) return table.timedOut;
  if (error.cancelled) return table.cancelled;
  if (error.unreadable) return unreadableAnswerText(error.unreadable, error.httpStatus, locale);
  if (error.networkCode) return format(table.unreachable, { code: error.networkCode, endpointVariables: endpointVariablesFor(error.operation, locale) });
  const raw = redactSecrets((error.message ?? '').replace(/\s+/g, ' ').trim());
  const message = raw.length > MAX_MESSAGE_LENGTH ? `${raw.slice(0, MAX_MESSAGE_LENGTH - 1)}…` : raw;
  const status = error.httpStatus !== undefined && error.httpStatus >= 500 ? httpStatusText(error.httpStatus, locale) : undefined;
  const name = status !== undefined && error.name !== undefined ? `${status}, ${error.name}` : (error.name ?? status);
  if (name !== undefined && message !== '') return `${name}: ${message}`;
  return name ?? (message === '' ? table.unnamed : message);
}

/** What could not be read, in words; a credentials failure never shows its message (it can carry profile details). */
export function adminProblemText(problem: AdminProblem, locale: Locale): string {
  const table = TEXTS[locale];
  const params = { service: SERVICE_NAMES[locale][problem.service], operation: problem.error.operation, permission: problem.missingPermission };
  if (problem.missingPermission !== undefined) return format(table.permission, params);
  if (problem.error.phase === 'credentials') return format(table.credentials, params);
  return format(table.error, { ...params, detail: detailOf(problem.error, locale) });
}
