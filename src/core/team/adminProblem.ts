/**
 * A part of an admin read (the Team view, `team`, `spend`, `budgets`, `logging`) that could not be
 * read, as a value: which service, the IAM action that was refused when it was an access denial,
 * and the raw error. Shared by the team, spend, budgets and cost-plan rooms; worded in both
 * languages here, so every surface says the same.
 */

import type { RawAwsError } from '../models/bedrockTypes';
import { refusedAction } from '../iam/awsActions';
import { format, type Locale } from '../text/locale';
import { endpointVariablesFor, SERVICE_NAMES } from '../text/wire';
import { failedCallDetail, failedCallFix, isThrottledCall } from '../usage/usageText';

/** The services of the admin reads. */
export type AdminService = 'logs' | 'bedrock' | 'ce' | 'budgets' | 'cloudwatch' | 'sts';

export interface AdminProblem {
  readonly service: AdminService;
  /** The IAM action that was refused, when the failure is an access denial. */
  readonly missingPermission?: string;
  /** The write was answered, but what was read back afterwards does not show it. */
  readonly notApplied?: true;
  readonly error: RawAwsError;
}

/** A failed call as a problem of its service, naming the refused IAM action when it was an access denial. */
export function adminProblem(service: AdminService, error: RawAwsError): AdminProblem {
  const missingPermission = refusedAction(error, `${service}:${error.operation}`);
  return missingPermission === undefined ? { service, error } : { service, missingPermission, error };
}

/** A write that AWS answered but whose change the read-back does not show. */
export function notAppliedProblem(service: AdminService, operation: string): AdminProblem {
  return { service, notApplied: true, error: { operation, phase: 'call' } };
}

/** Whether AWS throttled our own call (the caller should back off): Cost Explorer and Logs say LimitExceededException. */
export function isAdminThrottling(problem: AdminProblem): boolean {
  return isThrottledCall(problem.error) || problem.error.name === 'LimitExceededException';
}

/** The admin calls that change something in the account (PutModelInvocationLoggingConfiguration, CreateBudget, …). */
const WRITE_OPERATION = /^(Put|Create|Update|Delete|Subscribe|Set)[A-Z]/;

const TEXTS = {
  en: {
    permission: '{service} refused {operation}: the profile lacks the IAM permission {permission}. Add it to the admin policy (Show Team Admin IAM Policy) and refresh.',
    credentials: 'The credentials could not be resolved for {operation}.',
    error: '{service} could not be read ({operation}: {detail}).{fix}',
    writeError: '{service} did not complete {operation} ({detail}).{fix}',
    answerLost: 'The answer to {operation} was lost ({detail}), but reading back afterwards shows the change was made.{fix}',
    notApplied: '{service} answered {operation}, but reading the configuration back does not show the change: it was not applied. Try again; if it persists, check any proxy or gateway and the endpoint settings ({endpointVariables}).',
  },
  ja: {
    permission: '{service} が {operation} を拒否しました: プロファイルに IAM 権限 {permission} がありません。管理者ポリシーに追加して (「チーム管理者の IAM ポリシーを表示」)、更新してください。',
    credentials: '{operation} のための認証情報を解決できませんでした。',
    error: '{service} を読み取れませんでした ({operation}: {detail})。{fix}',
    writeError: '{service} で {operation} を完了できませんでした ({detail})。{fix}',
    answerLost: '{operation} への応答は失われましたが ({detail})、あとで読み直すと変更は反映されています。{fix}',
    notApplied: '{service} は {operation} に応答しましたが、設定を読み直すと変更が反映されていません。もう一度試してください。解決しない場合は、プロキシやゲートウェイとエンドポイントの設定 ({endpointVariables}) を確認してください。',
  },
} as const;

/**
 * What could not be read, in words, with what to do (the usage view's words: the HTTP status, "did
 * not finish in time", the endpoint variable of the service); a credentials failure never shows its
 * message (it can carry profile details).
 */
export function adminProblemText(problem: AdminProblem, locale: Locale): string {
  const table = TEXTS[locale];
  const params = { service: SERVICE_NAMES[problem.service], operation: problem.error.operation, permission: problem.missingPermission };
  if (problem.missingPermission !== undefined) return format(table.permission, params);
  if (problem.notApplied) return format(table.notApplied, { ...params, endpointVariables: endpointVariablesFor(problem.error.operation, locale) });
  if (problem.error.phase === 'credentials') return format(table.credentials, params);
  const throttled = isAdminThrottling(problem);
  // A write that failed was not "read": say which change did not complete.
  const template = WRITE_OPERATION.test(problem.error.operation) ? table.writeError : table.error;
  return format(template, { ...params, detail: failedCallDetail(problem.error, throttled, locale), fix: failedCallFix(problem.error, throttled, locale) });
}

/** A write whose answer was lost but whose change the read-back shows: what happened, and what to check. */
export function answerLostText(problem: AdminProblem, locale: Locale): string {
  const throttled = isAdminThrottling(problem);
  return format(TEXTS[locale].answerLost, { operation: problem.error.operation, detail: failedCallDetail(problem.error, throttled, locale), fix: failedCallFix(problem.error, throttled, locale) });
}
