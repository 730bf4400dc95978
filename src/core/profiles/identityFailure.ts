/**
 * Turns what went wrong while resolving credentials or calling STS GetCallerIdentity into a
 * classified failure with a cause and a fix in plain words. Pure: the AWS layer extracts the
 * error's name, message and network code; this module decides what they mean.
 */

import { format, type Locale } from '../text/locale';
import { redactSecrets } from '../text/redact';
import { shellQuote } from '../text/shell';
import { endpointVariablesFor, httpStatusText, unreadableAnswerText, type UnreadableAnswer } from '../text/wire';

export type IdentityFailureReason =
  | 'sso-expired'
  | 'sso-not-signed-in'
  | 'login-expired'
  | 'mfa-required'
  | 'no-credentials'
  | 'credential-process-failed'
  | 'invalid-keys'
  | 'expired-keys'
  | 'role-assumption-denied'
  | 'access-denied'
  | 'throttled'
  | 'unreachable'
  | 'service-error'
  | 'timeout'
  | 'cancelled'
  | 'unknown';

/** Where the failure happened: resolving credentials (SDK providers) or the STS call itself. */
export type IdentityPhase = 'credentials' | 'call';

export interface RawIdentityError {
  readonly phase: IdentityPhase;
  /** The error's `name` (`ExpiredToken`, `CredentialsProviderError`, `TimeoutError`, …). */
  readonly name?: string;
  readonly message?: string;
  /** A Node.js network error code (`ECONNREFUSED`, `ENOTFOUND`, …), when there is one. */
  readonly networkCode?: string;
  readonly httpStatus?: number;
  /** The SDK could not read the answer (an HTML page, a malformed body, a connection cut mid-answer). */
  readonly unreadable?: UnreadableAnswer;
  readonly timedOut?: boolean;
  /** The user or the caller stopped the check. */
  readonly cancelled?: boolean;
}

export interface IdentityFailure {
  readonly reason: IdentityFailureReason;
  readonly phase: IdentityPhase;
  /** The AWS error code or error name, kept visible for unknown errors and support requests. */
  readonly code?: string;
  /** The original message with anything secret-looking removed. */
  readonly detail?: string;
  /** Profile whose sign-in the fix refers to. */
  readonly profile?: string;
  /** For `service-error`: the HTTP status, and what the unreadable answer was. */
  readonly httpStatus?: number;
  readonly unreadable?: UnreadableAnswer;
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ETIMEDOUT',
  'EPIPE',
  'CERT_HAS_EXPIRED',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
]);

/** Error names AWS gives credentials it does not recognise. */
export const INVALID_KEY_CODES: ReadonlySet<string> = new Set([
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'SignatureDoesNotMatch',
  'IncompleteSignature',
  'InvalidAccessKeyId',
  'InvalidSignatureException',
]);
/** Error names AWS gives temporary credentials that expired. */
export const EXPIRED_KEY_CODES: ReadonlySet<string> = new Set(['ExpiredToken', 'ExpiredTokenException', 'RequestExpired', 'TokenRefreshRequired']);
const DENIED_CODES = new Set(['AccessDenied', 'AccessDeniedException', 'ForbiddenException']);
/** Error names AWS gives a throttled call. */
export const THROTTLE_CODES: ReadonlySet<string> = new Set(['Throttling', 'ThrottlingException', 'TooManyRequestsException', 'RequestLimitExceeded']);

/** Classifies a failed identity check for a profile (`profile` is the one the fix should name). */
export function classifyIdentityError(error: RawIdentityError, profile?: string): IdentityFailure {
  const message = error.message ?? '';
  const name = error.name ?? '';
  const base = { phase: error.phase, code: name || error.networkCode || undefined, profile };
  const detail = redactSecrets(message);
  const failure = (reason: IdentityFailureReason, keepDetail = true): IdentityFailure => ({
    ...base,
    reason,
    detail: keepDetail && detail ? detail : undefined,
  });

  if (error.cancelled) return failure('cancelled', false);
  if (error.timedOut || name === 'TimeoutError' || name === 'AbortError') return failure('timeout', false);
  const status = error.httpStatus;
  if (error.unreadable) {
    return {
      phase: error.phase,
      profile,
      reason: 'service-error',
      code: status !== undefined ? `HTTP ${status}` : error.networkCode,
      unreadable: error.unreadable,
      ...(status !== undefined && { httpStatus: status }),
    };
  }
  if (error.networkCode && NETWORK_CODES.has(error.networkCode)) return failure('unreachable');

  if (error.phase === 'credentials') {
    if (/SSO session token associated with profile=.* was not found/.test(message) || /Session token not found or invalid/i.test(message)) {
      return failure('sso-not-signed-in');
    }
    if (/Token is expired|SSO session associated with this profile (has expired|is invalid)|sso.*(expired|refresh)/i.test(message) || name === 'UnauthorizedException') {
      return failure('sso-expired');
    }
    if (/please re-authenticate using aws login|login_session/i.test(message)) return failure('login-expired');
    if (/requires multi-factor authentication/.test(message)) return failure('mfa-required');
    // fromProcess rethrows a failed command as "Command failed: <the whole command line>…".
    if (/credential_process/.test(message) || /^Command failed:/.test(message)) {
      // The SDK's own sentences are safe; a failed command's output may echo its arguments.
      const safe = /^Profile \S+ credential_process (did not return Version 1|returned invalid credentials|returned expired credentials|returned invalid JSON)\.$/.test(message);
      return { ...base, reason: 'credential-process-failed', detail: safe ? message : undefined };
    }
    if (DENIED_CODES.has(name)) return failure('role-assumption-denied');
    if (INVALID_KEY_CODES.has(name)) return failure('invalid-keys');
    if (EXPIRED_KEY_CODES.has(name)) return failure('expired-keys');
    if (THROTTLE_CODES.has(name)) return failure('throttled');
    if (/Detected a cycle|Could not (resolve|load) credentials|could not be found|was not found|not configured with SSO|did not contain|Web identity configuration not specified|invalid SSO credentials|Unable to find environment variable credentials/i.test(message)) {
      return failure('no-credentials');
    }
    // STS or the SSO portal failed while issuing the credentials: their status says so.
    if (status !== undefined && status >= 500) return { ...failure('service-error'), httpStatus: status };
    return failure('unknown');
  }

  if (INVALID_KEY_CODES.has(name)) return failure('invalid-keys');
  if (EXPIRED_KEY_CODES.has(name)) return failure('expired-keys');
  if (DENIED_CODES.has(name)) return failure('access-denied');
  if (THROTTLE_CODES.has(name)) return failure('throttled');
  if (status !== undefined && status >= 500) return { ...failure('service-error'), httpStatus: status };
  return failure('unknown');
}

interface FailureText {
  readonly cause: string;
  readonly fix: string;
}

type FailureCatalog = Record<IdentityFailureReason, FailureText>;

const en: FailureCatalog = {
  'sso-expired': { cause: 'The AWS SSO sign-in has expired.', fix: 'Sign in again: {command}' },
  'sso-not-signed-in': { cause: 'Not signed in to AWS SSO for this profile.', fix: 'Sign in: {command}' },
  'login-expired': { cause: 'The "aws login" session is missing or expired.', fix: 'Sign in again: aws login --profile {profile}' },
  'mfa-required': { cause: 'Assuming the role needs an MFA code.', fix: 'Run the check from VS Code, which asks for the code, or use a profile without mfa_serial.' },
  'no-credentials': { cause: 'No credentials could be resolved for this profile.', fix: 'Check the profile in the AWS config and credentials files.' },
  'credential-process-failed': { cause: 'The credential_process command failed or printed no valid credentials.', fix: 'Run the command yourself to see its error; it must print JSON with "Version": 1.' },
  'invalid-keys': { cause: 'AWS does not recognise these credentials (the access key is unknown, deleted, or the secret is wrong).', fix: 'Create a new access key, or use SSO instead of long-term keys.' },
  'expired-keys': { cause: 'These temporary credentials have expired.', fix: 'Get fresh credentials (sign in again, or re-run the tool that issued them).' },
  'role-assumption-denied': { cause: 'Assuming the role was denied.', fix: 'Ask your administrator to allow sts:AssumeRole for your identity in the role\'s trust policy.' },
  'access-denied': { cause: 'AWS denied the identity check.', fix: 'An organisation policy may block sts:GetCallerIdentity; ask your administrator.' },
  throttled: { cause: 'AWS throttled the request.', fix: 'Wait a moment and check again.' },
  unreachable: { cause: 'The AWS endpoint could not be reached.', fix: 'Check the network, proxy and any endpoint setting ({endpointVariables}).' },
  'service-error': { cause: 'The identity check was answered with {answer}.', fix: 'Try again in a few minutes; if it persists, check any proxy or gateway and the endpoint settings ({endpointVariables}).' },
  timeout: { cause: 'The check did not finish in time.', fix: 'Check the network or proxy; a credential_process or SSO refresh may be hanging.' },
  cancelled: { cause: 'The check was cancelled.', fix: 'Run the check again.' },
  unknown: { cause: 'The identity check failed.', fix: 'See the error code and message.' },
};

const ja: FailureCatalog = {
  'sso-expired': { cause: 'AWS SSO のサインインが期限切れです。', fix: '再度サインインしてください: {command}' },
  'sso-not-signed-in': { cause: 'このプロファイルで AWS SSO にサインインしていません。', fix: 'サインインしてください: {command}' },
  'login-expired': { cause: '"aws login" のセッションがないか、期限切れです。', fix: '再度サインインしてください: aws login --profile {profile}' },
  'mfa-required': { cause: 'ロールの引き受けに MFA コードが必要です。', fix: 'コードを入力できる VS Code から確認するか、mfa_serial のないプロファイルを使ってください。' },
  'no-credentials': { cause: 'このプロファイルの認証情報を解決できませんでした。', fix: 'AWS の config / credentials ファイルのプロファイル設定を確認してください。' },
  'credential-process-failed': { cause: 'credential_process のコマンドが失敗したか、有効な認証情報を出力しませんでした。', fix: 'コマンドを直接実行してエラーを確認してください。"Version": 1 を含む JSON を出力する必要があります。' },
  'invalid-keys': { cause: 'AWS がこの認証情報を認識しません (アクセスキーが存在しない・削除済み、またはシークレットが誤り)。', fix: '新しいアクセスキーを作成するか、長期キーの代わりに SSO を使ってください。' },
  'expired-keys': { cause: 'この一時認証情報は期限切れです。', fix: '新しい認証情報を取得してください (再サインイン、または発行したツールの再実行)。' },
  'role-assumption-denied': { cause: 'ロールの引き受けが拒否されました。', fix: 'ロールの信頼ポリシーであなたの ID に sts:AssumeRole を許可するよう管理者に依頼してください。' },
  'access-denied': { cause: 'AWS が ID 確認を拒否しました。', fix: '組織のポリシーが sts:GetCallerIdentity を禁止している可能性があります。管理者に確認してください。' },
  throttled: { cause: 'AWS がリクエストをスロットリングしました。', fix: '少し待ってから再度確認してください。' },
  unreachable: { cause: 'AWS のエンドポイントに接続できませんでした。', fix: 'ネットワーク、プロキシ、エンドポイントの設定 ({endpointVariables}) を確認してください。' },
  'service-error': { cause: 'ID 確認への応答: {answer}。', fix: '数分後に再試行してください。解決しない場合は、プロキシやゲートウェイとエンドポイントの設定 ({endpointVariables}) を確認してください。' },
  timeout: { cause: '確認が時間内に終わりませんでした。', fix: 'ネットワークやプロキシを確認してください。credential_process や SSO の更新が止まっている可能性があります。' },
  cancelled: { cause: '確認はキャンセルされました。', fix: 'もう一度確認してください。' },
  unknown: { cause: 'ID 確認に失敗しました。', fix: 'エラーコードとメッセージを確認してください。' },
};

const catalogs: Record<Locale, FailureCatalog> = { en, ja };

export interface FailureDescription {
  readonly cause: string;
  readonly fix: string;
  /** The exact command that fixes it, when there is one (`aws sso login --profile X`). */
  readonly command?: string;
}

/** The exact sign-in command for a failure, if signing in is the fix. */
export function failureCommand(failure: IdentityFailure): string | undefined {
  if (!failure.profile) return undefined;
  if (failure.reason === 'sso-expired' || failure.reason === 'sso-not-signed-in') {
    return `aws sso login --profile ${shellQuote(failure.profile)}`;
  }
  if (failure.reason === 'login-expired') return `aws login --profile ${shellQuote(failure.profile)}`;
  return undefined;
}

/** What came back for a `service-error`: the status and, for an unreadable answer, what it was. */
function identityAnswerText(failure: IdentityFailure, locale: Locale): string {
  if (failure.unreadable) return unreadableAnswerText(failure.unreadable, failure.httpStatus, locale);
  const status = httpStatusText(failure.httpStatus, locale);
  return failure.code && status ? `${status}, ${failure.code}` : status || failure.code || '';
}

/** Cause and fix of a failure in a locale. */
export function describeIdentityFailure(failure: IdentityFailure, locale: Locale): FailureDescription {
  const text = catalogs[locale][failure.reason];
  const command = failureCommand(failure);
  const params = {
    command: command ?? '',
    profile: failure.profile ?? '',
    // The call phase is STS GetCallerIdentity; resolving credentials may call STS, SSO or SSO OIDC.
    endpointVariables: endpointVariablesFor(failure.phase === 'call' ? 'GetCallerIdentity' : undefined, locale),
    answer: identityAnswerText(failure, locale),
  };
  return { cause: format(text.cause, params), fix: format(text.fix, params), command };
}
