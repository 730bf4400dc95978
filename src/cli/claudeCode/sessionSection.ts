/**
 * doctor's section on Claude Code's own sessions: "in your sessions of the last 7 days: …". Reads
 * the folder's session files (files/claudeCode/sessionFiles.ts: API error records only, never
 * content), maps each error to the diagnosis a live check gives it, judges Claude Code's own
 * suggestions against the folder's organisation policy, and words the result.
 *
 * Exit code: past errors are history, so they are a warning (doctor still exits 0 for them): the
 * live checks above say whether the setup works now, and a throttle last Tuesday must not fail a
 * CI job for a week after it was fixed. Sessions that could not be read are "not verified", which
 * exits 1 like every doctor check that could not be read; `--session-days 0` skips the section.
 */

import type { Locale } from '../../core/text/locale';
import { format } from '../../core/text/locale';
import type { EffectivePolicy } from '../../core/policy/policyTypes';
import { summariseSessionErrors, type SessionScanFacts } from '../../core/claudeCode/sessionFindings';
import { describeFinding, sessionNotes, sessionSummaryText, sessionTitle, sessionVerdict } from '../../core/claudeCode/sessionText';
import type { Verification } from '../../core/verification/verification';
import { scanSessions, SESSION_SCAN_DEFAULTS } from '../../files/claudeCode/sessionFiles';
import { printable } from '../table';
import { UsageError } from '../output';

/** The most days doctor looks back. */
const MAX_SESSION_DAYS = 90;

const TEXT = {
  en: {
    badDays: '--session-days must be a whole number of days from 0 (skip) to {max}, not "{value}".',
    fix: 'Fix',
    cancelledFix: 'Run doctor again.',
  },
  ja: {
    badDays: '--session-days には 0 (読まない) から {max} までの日数を整数で指定してください ("{value}" は使えません)。',
    fix: '対処',
    cancelledFix: 'doctor をもう一度実行してください。',
  },
} as const;

/** `--session-days`: 7 when absent, 0 to skip. */
export function sessionDaysOption(value: string | undefined, locale: Locale): number {
  if (value === undefined) return SESSION_SCAN_DEFAULTS.days;
  const days = Number(value);
  if (!/^\d+$/.test(value.trim()) || days > MAX_SESSION_DAYS) throw new UsageError(format(TEXT[locale].badDays, { max: MAX_SESSION_DAYS, value }));
  return days;
}

export interface SessionSectionOptions {
  readonly folder: string;
  readonly days: number;
  readonly env: NodeJS.ProcessEnv;
  readonly locale: Locale;
  readonly region?: string;
  readonly profile?: string;
  readonly policy?: EffectivePolicy;
  /** Defaults to the clock (tests pass the fixtures' time). */
  readonly now?: number;
  readonly timeZone?: string;
  readonly maxBytes?: number;
}

/** One finding as `doctor --json` prints it: classified facts and their words, never an error's raw text. */
export interface SessionFindingReport {
  readonly kind: string;
  readonly code: string;
  readonly model?: string;
  readonly attempts: number;
  readonly failed: number;
  readonly firstSeen: string;
  readonly lastSeen: string;
  readonly cause: string;
  readonly fix: string;
  readonly command?: string;
  readonly consoleUrl?: string;
  readonly suggestion?: { readonly model: string; readonly allowed: boolean; readonly compliant?: string; readonly text: string };
}

export interface SessionReport extends SessionScanFacts {
  readonly directory: string;
  readonly otherErrors: number;
  readonly findings: readonly SessionFindingReport[];
}

/** What doctor's check list needs of the section. */
export interface SessionSection {
  readonly id: 'sessions';
  readonly state: Verification;
  readonly severity?: 'warning';
  readonly title: string;
  readonly summary: string;
  readonly details: readonly string[];
  readonly unread?: readonly string[];
  readonly sessions: SessionReport;
}

/** Reads the folder's sessions of the last `days` days and words what went wrong in them. */
export async function sessionSection(options: SessionSectionOptions): Promise<SessionSection> {
  const { locale } = options;
  const maxBytes = options.maxBytes ?? SESSION_SCAN_DEFAULTS.maxBytes;
  const scan = await scanSessions({ folders: [options.folder], env: options.env, now: options.now ?? Date.now(), days: options.days, maxBytes });
  const summary = summariseSessionErrors(scan.records, { region: options.region, profile: options.profile, policy: options.policy });
  const state = sessionVerdict(scan, summary);
  const findings = summary.findings.map((finding): SessionFindingReport => {
    const text = describeFinding(finding, locale, options.timeZone);
    return {
      kind: finding.kind,
      code: finding.diagnosis.code,
      ...(finding.modelId !== undefined ? { model: finding.modelId } : {}),
      attempts: finding.attempts,
      failed: finding.failed,
      firstSeen: finding.firstSeen,
      lastSeen: finding.lastSeen,
      cause: text.cause,
      fix: text.fix,
      ...(text.command !== undefined ? { command: text.command } : {}),
      ...(text.consoleUrl !== undefined ? { consoleUrl: text.consoleUrl } : {}),
      ...(finding.suggestion !== undefined && text.suggestion !== undefined
        ? { suggestion: { model: finding.suggestion.modelId, allowed: finding.suggestion.violations.length === 0, ...(finding.suggestion.compliant !== undefined ? { compliant: finding.suggestion.compliant } : {}), text: text.suggestion } }
        : {}),
    };
  });
  const details: string[] = [];
  for (const [index, finding] of summary.findings.entries()) {
    const report = findings[index]!;
    details.push(`⚠ ${printable(describeFinding(finding, locale, options.timeZone).title)}`);
    details.push(`  ${printable(report.cause)}`);
    details.push(`  ${TEXT[locale].fix}: ${printable(report.fix)}`);
    if (report.command) details.push(`    $ ${printable(report.command)}`);
    if (report.consoleUrl) details.push(`    ${printable(report.consoleUrl)}`);
    if (report.suggestion) details.push(`  ${printable(report.suggestion.text)}`);
  }
  details.push(...sessionNotes(scan, summary, { maxBytes, maxLineBytes: SESSION_SCAN_DEFAULTS.maxLineBytes }, locale).map(printable));
  if (scan.state === 'cancelled') details.push(`${TEXT[locale].fix}: ${TEXT[locale].cancelledFix}`);
  const { records: _records, ...facts } = scan;
  return {
    id: 'sessions',
    state,
    ...(state === 'problem' ? { severity: 'warning' as const } : {}),
    title: sessionTitle(locale),
    summary: sessionSummaryText(scan, summary, locale),
    details,
    ...(state === 'not-verified' ? { unread: [scan.directory] } : {}),
    sessions: { ...facts, otherErrors: summary.otherErrors, findings },
  };
}
