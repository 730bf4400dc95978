/**
 * The words of the session findings, English and Japanese: the summary line ("in your sessions of
 * the last 7 days: …"), each finding's title (kind, count, model, time last seen) with the
 * diagnosis's own cause and fix, Claude Code's suggestion judged against the policy, and what was
 * not read. Only classified facts are worded: never an error's raw text, never anything of a session.
 */

import type { Verification } from '../verification/verification';
import { describeDiagnosis } from '../models/diagnosis';
import { violationText } from '../policy/policyText';
import { format, type Locale } from '../text/locale';
import type { SessionErrorKind, SessionFinding, SessionScanFacts, SessionSuggestion, SessionSummary } from './sessionFindings';

interface SessionTextTable {
  readonly title: string;
  readonly shortFound: string;
  readonly shortFoundOne: string;
  readonly shortNone: string;
  readonly shortMissing: string;
  readonly shortUnreadable: string;
  readonly shortCancelled: string;
  readonly shortPartial: string;
  readonly kinds: Readonly<Record<SessionErrorKind, string>>;
  /** Credential failures by their cause (an identity failure's reason); the others keep the kind's name. */
  readonly credentialKinds: Readonly<Record<string, string>>;
  readonly summaryFound: string;
  readonly summaryNone: string;
  readonly summaryNoneRead: string;
  readonly summaryMissing: string;
  readonly summaryUnreadable: string;
  readonly summaryCancelled: string;
  readonly summaryPartial: string;
  readonly listSeparator: string;
  readonly kindCount: string;
  readonly count: string;
  readonly countRetried: string;
  readonly countSomeFailed: string;
  readonly countOneFailed: string;
  readonly model: string;
  readonly lastSeen: string;
  readonly suggested: string;
  readonly suggestedForbidden: string;
  readonly suggestedForbiddenNoReplacement: string;
  readonly unreadFiles: string;
  readonly longLines: string;
  readonly brokenLines: string;
  readonly otherErrors: string;
  readonly problem: string;
  readonly reasons: Readonly<Record<string, string>>;
  readonly sentence: string;
}

const en: SessionTextTable = {
  title: 'Claude Code sessions',
  shortFound: '{count} API errors in {days} days',
  shortFoundOne: '1 API error in {days} days',
  shortNone: 'no API errors in {days} days',
  shortMissing: 'no sessions in {days} days',
  shortUnreadable: 'could not be read',
  shortCancelled: 'stopped before the end',
  shortPartial: 'no API errors in what could be read',
  kinds: {
    throttled: 'throttled',
    'model-id': 'invalid or unsupported model ID',
    'on-demand': 'model ID without on-demand throughput',
    'access-denied': 'access denied',
    credentials: 'expired or missing credentials',
    'max-tokens': 'max_tokens refused',
  },
  credentialKinds: {
    'sso-expired': 'SSO sign-in expired',
    'sso-not-signed-in': 'not signed in to SSO',
    'login-expired': '"aws login" session expired',
    'expired-keys': 'temporary credentials expired',
    'invalid-keys': 'credentials not recognised',
    'no-credentials': 'no credentials found',
    'credential-process-failed': 'credential_process failed',
    'mfa-required': 'MFA code needed',
  },
  summaryFound: 'In your sessions of the last {days} days: {list}.',
  summaryNone: 'In your sessions of the last {days} days: no API errors ({files} files, {size} read).',
  summaryNoneRead: 'In your sessions of the last {days} days: none of the files could be read.',
  summaryMissing: 'No Claude Code sessions of this folder in the last {days} days.',
  summaryUnreadable: 'Claude Code\'s sessions could not be read: {problem}.',
  summaryCancelled: 'Reading Claude Code\'s sessions was stopped before it finished.',
  summaryPartial: 'In the sessions of the last {days} days that could be read ({files} files): no API errors; {count} could not be read.',
  listSeparator: ', ',
  kindCount: '{kind} ×{count}',
  count: '{attempts}×',
  countRetried: '{attempts}× (retried; no request failed)',
  countSomeFailed: '{attempts}× ({failed} requests failed after retries)',
  countOneFailed: '{attempts}× (1 request failed after retries)',
  model: 'model {model}',
  lastSeen: 'last {time}',
  suggested: 'Claude Code suggested switching to {model}.',
  suggestedForbidden: 'Claude Code suggested switching to {model}, which your organisation\'s policy does not allow: {why} Use {compliant} instead.',
  suggestedForbiddenNoReplacement: 'Claude Code suggested switching to {model}, which your organisation\'s policy does not allow: {why} Choose a model the policy allows (the Models view and the wizard offer only those).',
  unreadFiles: '{count} older session files ({size}) were not read: a scan reads the newest {limit}.',
  longLines: '{count} lines longer than {limit} were skipped unread (error records are far shorter).',
  brokenLines: '{count} lines could not be parsed (broken, or being written).',
  otherErrors: '{count} other API errors (the service or the network failing) are not diagnosed here.',
  problem: '{path}: {reason}',
  reasons: { EACCES: 'permission denied', EPERM: 'permission denied', 'not-a-file': 'a folder where a session file should be', 'not-a-folder': 'a file where a folder should be', ELOOP: 'a symbolic link loop' },
  sentence: ' ',
};

const ja: SessionTextTable = {
  title: 'Claude Code のセッション',
  shortFound: '{days} 日間に API エラー {count} 件',
  shortFoundOne: '{days} 日間に API エラー 1 件',
  shortNone: '{days} 日間 API エラーなし',
  shortMissing: '{days} 日間セッションなし',
  shortUnreadable: '読み取れませんでした',
  shortCancelled: '途中で中止',
  shortPartial: '読み取れた範囲では API エラーなし',
  kinds: {
    throttled: 'スロットリング',
    'model-id': '無効または未対応のモデル ID',
    'on-demand': 'オンデマンド非対応のモデル ID',
    'access-denied': 'アクセス拒否',
    credentials: '認証情報の期限切れ・欠如',
    'max-tokens': 'max_tokens の拒否',
  },
  credentialKinds: {
    'sso-expired': 'SSO サインインの期限切れ',
    'sso-not-signed-in': 'SSO に未サインイン',
    'login-expired': '"aws login" セッションの期限切れ',
    'expired-keys': '一時認証情報の期限切れ',
    'invalid-keys': '認識されない認証情報',
    'no-credentials': '認証情報が見つからない',
    'credential-process-failed': 'credential_process の失敗',
    'mfa-required': 'MFA コードが必要',
  },
  summaryFound: '過去 {days} 日間のセッション: {list}。',
  summaryNone: '過去 {days} 日間のセッション: API エラーはありません ({files} ファイル、{size} を読み取り)。',
  summaryNoneRead: '過去 {days} 日間のセッション: どのファイルも読み取れませんでした。',
  summaryMissing: '過去 {days} 日間、このフォルダーの Claude Code のセッションはありません。',
  summaryUnreadable: 'Claude Code のセッションを読み取れませんでした: {problem}。',
  summaryCancelled: 'Claude Code のセッションの読み取りは完了前に中止されました。',
  summaryPartial: '過去 {days} 日間のセッションのうち読み取れたもの ({files} ファイル) に API エラーはありません。{count} 件は読み取れませんでした。',
  listSeparator: '、',
  kindCount: '{kind} ×{count}',
  count: '{attempts} 回',
  countRetried: '{attempts} 回 (再試行で解消、失敗したリクエストなし)',
  countSomeFailed: '{attempts} 回 (うち {failed} 件のリクエストは再試行後も失敗)',
  countOneFailed: '{attempts} 回 (うち 1 件のリクエストは再試行後も失敗)',
  model: 'モデル {model}',
  lastSeen: '最終 {time}',
  suggested: 'Claude Code は {model} への切り替えを提案しました。',
  suggestedForbidden: 'Claude Code は {model} への切り替えを提案しましたが、組織のポリシーでは許可されていません: {why}代わりに {compliant} を使ってください。',
  suggestedForbiddenNoReplacement: 'Claude Code は {model} への切り替えを提案しましたが、組織のポリシーでは許可されていません: {why}ポリシーで許可されたモデルを選んでください (モデルビューとウィザードは許可されたものだけを表示します)。',
  unreadFiles: '古いセッションファイル {count} 件 ({size}) は読み取っていません。1 回の読み取りは新しい順に {limit} までです。',
  longLines: '{limit} を超える行 {count} 行は読まずに飛ばしました (エラーの記録はずっと短いものです)。',
  brokenLines: '{count} 行は解析できませんでした (壊れているか、書き込み中です)。',
  otherErrors: 'ほかの API エラー {count} 件 (サービスやネットワークの障害) はここでは診断しません。',
  problem: '{path}: {reason}',
  reasons: { EACCES: 'アクセス権がありません', EPERM: 'アクセス権がありません', 'not-a-file': 'セッションファイルがあるべき場所がフォルダーです', 'not-a-folder': 'フォルダーがあるべき場所がファイルです', ELOOP: 'シンボリックリンクがループしています' },
  sentence: '',
};

const TABLES: Readonly<Record<Locale, SessionTextTable>> = { en, ja };

/** The section's title. */
export function sessionTitle(locale: Locale): string {
  return TABLES[locale].title;
}

/** The name of a kind of error. */
export function sessionKindText(kind: SessionErrorKind, locale: Locale): string {
  return TABLES[locale].kinds[kind];
}

/** `1.5 MB`, `820 KB`: sizes for people (decimal units). */
export function sizeText(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(1)} GB`;
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  if (bytes >= 1e3) return `${Math.round(bytes / 1e3)} KB`;
  return `${bytes} B`;
}

/** A time in the reader's clock, to the minute: `2026-12-06 20:57` (`2026/12/06 20:57` in Japanese). */
export function seenText(iso: string, locale: Locale, timeZone?: string): string {
  const options: Intl.DateTimeFormatOptions = { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', ...(timeZone ? { timeZone } : {}) };
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', options).formatToParts(Date.parse(iso)).map((part) => [part.type, part.value]));
  const separator = locale === 'ja' ? '/' : '-';
  return `${parts.year}${separator}${parts.month}${separator}${parts.day} ${parts.hour}:${parts.minute}`;
}

/** Why a scan could not read something, in words. */
export function problemText(problem: { readonly path: string; readonly reason: string }, locale: Locale): string {
  const t = TABLES[locale];
  return format(t.problem, { path: problem.path, reason: t.reasons[problem.reason] ?? problem.reason });
}

/**
 * The verdict of the section. Past errors are history: a warning, never an error (the live checks say
 * whether the setup works now). Not verified when the sessions could not be read, or only in part
 * (a file unreadable, older files past the byte budget, lines that did not parse) and nothing was
 * found in the rest; ok when everything of the last N days was read and had no error.
 */
export function sessionVerdict(scan: SessionScanFacts, summary: SessionSummary): Verification {
  if (summary.findings.length > 0) return 'problem';
  if (scan.state === 'cancelled' || scan.state === 'unreadable' || scan.problems.length > 0 || readInPart(scan)) return 'not-verified';
  return 'ok';
}

/** Files of the period left unread (the byte budget) or lines that did not parse: the rest was read, not all. */
function readInPart(scan: SessionScanFacts): boolean {
  return scan.unread.files > 0 || scan.brokenLines > 0;
}

/** The one line that sums the section up ("In your sessions of the last 7 days: throttled ×3, …"). */
export function sessionSummaryText(scan: SessionScanFacts, summary: SessionSummary, locale: Locale): string {
  const t = TABLES[locale];
  const days = scan.days;
  if (scan.state === 'cancelled') return t.summaryCancelled;
  if (scan.state === 'unreadable') return format(t.summaryUnreadable, { problem: scan.problems[0] ? problemText(scan.problems[0], locale) : '' });
  if (summary.findings.length > 0) return format(t.summaryFound, { days, list: kindCounts(summary, t) });
  if (scan.problems.length > 0) return scan.files === 0 ? format(t.summaryNoneRead, { days }) : format(t.summaryPartial, { days, files: scan.files, count: scan.problems.length });
  if (scan.state === 'missing' || scan.files === 0) return format(t.summaryMissing, { days });
  return format(t.summaryNone, { days, files: scan.files, size: sizeText(scan.bytes) });
}

/** The section in a few words (a tree item's description): the kinds found with their counts, or why there are none. */
export function sessionShortText(scan: SessionScanFacts, summary: SessionSummary, locale: Locale): string {
  const t = TABLES[locale];
  if (scan.state === 'cancelled') return t.shortCancelled;
  if (scan.state === 'unreadable') return t.shortUnreadable;
  if (summary.findings.length > 0) {
    const count = summary.findings.reduce((sum, finding) => sum + finding.attempts, 0);
    return format(count === 1 ? t.shortFoundOne : t.shortFound, { count, days: scan.days });
  }
  if (scan.problems.length > 0) return scan.files === 0 ? t.shortUnreadable : t.shortPartial;
  // "No API errors in 7 days" only when all of the 7 days was read; the notes say what was not.
  if (readInPart(scan) && scan.files > 0) return t.shortPartial;
  return format(scan.state === 'missing' || scan.files === 0 ? t.shortMissing : t.shortNone, { days: scan.days });
}

function kindCounts(summary: SessionSummary, t: SessionTextTable): string {
  const counts = new Map<SessionErrorKind, number>();
  for (const finding of summary.findings) counts.set(finding.kind, (counts.get(finding.kind) ?? 0) + finding.attempts);
  return [...counts].map(([kind, count]) => format(t.kindCount, { kind: t.kinds[kind], count })).join(t.listSeparator);
}

/** Lines about what was not read or not diagnosed (bounds, broken lines, unreadable files, other errors). */
export function sessionNotes(scan: SessionScanFacts, summary: SessionSummary, limits: { readonly maxBytes: number; readonly maxLineBytes: number }, locale: Locale): string[] {
  const t = TABLES[locale];
  const notes: string[] = [];
  if (scan.unread.files > 0) notes.push(format(t.unreadFiles, { count: scan.unread.files, size: sizeText(scan.unread.bytes), limit: sizeText(limits.maxBytes) }));
  if (scan.state !== 'unreadable') for (const problem of scan.problems) notes.push(problemText(problem, locale));
  if (scan.brokenLines > 0) notes.push(format(t.brokenLines, { count: scan.brokenLines }));
  if (scan.longLines > 0) notes.push(format(t.longLines, { count: scan.longLines, limit: sizeText(limits.maxLineBytes) }));
  if (summary.otherErrors > 0) notes.push(format(t.otherErrors, { count: summary.otherErrors }));
  return notes;
}

/** Claude Code's advice in words: neutral, or, when the policy forbids it, why, and what to use instead. */
export function suggestionText(suggestion: SessionSuggestion, locale: Locale): string {
  const t = TABLES[locale];
  const violation = suggestion.violations[0];
  if (violation === undefined) return format(t.suggested, { model: suggestion.modelId });
  const words = violationText(violation, locale);
  const why = `${words.title}${locale === 'ja' ? '。' : '.'}${t.sentence}${words.detail}`;
  return suggestion.compliant !== undefined
    ? format(t.suggestedForbidden, { model: suggestion.modelId, why, compliant: suggestion.compliant })
    : format(t.suggestedForbiddenNoReplacement, { model: suggestion.modelId, why });
}

/** How often, as a short phrase. */
export function countText(finding: Pick<SessionFinding, 'attempts' | 'failed'>, locale: Locale): string {
  const t = TABLES[locale];
  const template = finding.failed === finding.attempts ? t.count : finding.failed === 0 ? t.countRetried : finding.failed === 1 ? t.countOneFailed : t.countSomeFailed;
  return format(template, { attempts: finding.attempts, failed: finding.failed });
}

export interface FindingText {
  /** `throttled · 4× (1 request failed after retries) · model jp.… · last 2026-12-06 20:57`. */
  readonly title: string;
  /** The kind of error, or for credentials its cause (`SSO sign-in expired`). */
  readonly kind: string;
  readonly count: string;
  readonly lastSeen: string;
  readonly cause: string;
  readonly fix: string;
  readonly command?: string;
  readonly consoleUrl?: string;
  /** Claude Code's suggestion judged against the policy. */
  readonly suggestion?: string;
}

/** One finding in words: the diagnosis's cause and fix (compliant under a policy), and how often, for which model, when last. */
export function describeFinding(finding: SessionFinding, locale: Locale, timeZone?: string): FindingText {
  const t = TABLES[locale];
  const compliant = finding.suggestion?.compliant;
  const described = describeDiagnosis(finding.diagnosis, locale, { suggestedModelIds: finding.suggestedModelIds ?? (compliant !== undefined ? [compliant] : undefined) });
  const reason = finding.kind === 'credentials' ? finding.diagnosis.identity?.reason : undefined;
  const kind = (reason !== undefined && Object.hasOwn(t.credentialKinds, reason) ? t.credentialKinds[reason] : undefined) ?? t.kinds[finding.kind];
  const count = countText(finding, locale);
  const lastSeen = format(t.lastSeen, { time: seenText(finding.lastSeen, locale, timeZone) });
  const parts = [kind, count, ...(finding.modelId !== undefined ? [format(t.model, { model: finding.modelId })] : []), lastSeen];
  return {
    title: parts.join(' · '),
    kind,
    count,
    lastSeen,
    cause: described.cause,
    fix: described.fix,
    ...(described.command !== undefined ? { command: described.command } : {}),
    ...(described.consoleUrl !== undefined ? { consoleUrl: described.consoleUrl } : {}),
    ...(finding.suggestion !== undefined ? { suggestion: suggestionText(finding.suggestion, locale) } : {}),
  };
}
