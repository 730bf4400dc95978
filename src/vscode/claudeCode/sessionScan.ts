/**
 * The session scan of the *Setup* view, bundled apart (dist/sessions.js, loaded on the first scan):
 * one streaming pass over Claude Code's session files of every workspace folder, each folder's
 * records summarised with its own Region, profile and policy, and the result worded in the window's
 * language. Holds no state and imports no `vscode`: the monitor (sessionMonitor.ts) schedules it.
 */

import type { Locale } from '../../core/text/locale';
import type { Verification } from '../../core/verification/verification';
import { summariseSessionErrors, type SessionContext } from '../../core/claudeCode/sessionFindings';
import { describeFinding, sessionNotes, sessionShortText, sessionSummaryText, sessionVerdict } from '../../core/claudeCode/sessionText';
import { scanSessions, SESSION_SCAN_DEFAULTS } from '../../files/claudeCode/sessionFiles';

export interface FolderSessionInput {
  readonly path: string;
  readonly context: SessionContext;
}

/** One finding as the tree shows it. */
export interface SessionFindingView {
  /** `throttled · 4× (1 request failed after retries)` */
  readonly label: string;
  /** `jp.anthropic… · last 2026-12-06 20:57` */
  readonly description: string;
  readonly cause: string;
  readonly fix: string;
  readonly suggestion?: string;
  readonly command?: string;
  readonly consoleUrl?: string;
  /** Claude Code suggested a model the policy forbids. */
  readonly forbiddenSuggestion: boolean;
}

/** One folder's section, worded. */
export interface FolderSessionsView {
  readonly verdict: Verification;
  /** A few words for the section's description. */
  readonly short: string;
  /** "In your sessions of the last 7 days: …" */
  readonly summary: string;
  readonly findings: readonly SessionFindingView[];
  /** What was not read or not diagnosed. */
  readonly notes: readonly string[];
  readonly days: number;
}

export interface SessionScanRequest {
  readonly folders: readonly FolderSessionInput[];
  readonly env: NodeJS.ProcessEnv;
  readonly days: number;
  readonly locale: Locale;
  readonly signal?: AbortSignal;
  readonly now?: number;
}

/** Scans once for every folder; undefined when cancelled (nothing half read is shown). */
export async function scanFolderSessions(request: SessionScanRequest): Promise<FolderSessionsView[] | undefined> {
  const { locale } = request;
  const scan = await scanSessions({ folders: request.folders.map((folder) => folder.path), env: request.env, now: request.now ?? Date.now(), days: request.days, signal: request.signal });
  if (scan.state === 'cancelled') return undefined;
  return request.folders.map((folder, index) => {
    const summary = summariseSessionErrors(
      scan.records.filter((record) => record.folder === index),
      folder.context,
    );
    const notes = sessionNotes(scan, summary, { maxBytes: SESSION_SCAN_DEFAULTS.maxBytes, maxLineBytes: SESSION_SCAN_DEFAULTS.maxLineBytes }, locale);
    return {
      verdict: sessionVerdict(scan, summary),
      short: sessionShortText(scan, summary, locale),
      summary: sessionSummaryText(scan, summary, locale),
      days: scan.days,
      notes,
      findings: summary.findings.map((finding): SessionFindingView => {
        const text = describeFinding(finding, locale);
        return {
          label: `${text.kind} · ${text.count}`,
          description: [finding.modelId, text.lastSeen].filter((part) => part !== undefined).join(' · '),
          cause: text.cause,
          fix: text.fix,
          ...(text.suggestion !== undefined ? { suggestion: text.suggestion } : {}),
          ...(text.command !== undefined ? { command: text.command } : {}),
          ...(text.consoleUrl !== undefined ? { consoleUrl: text.consoleUrl } : {}),
          forbiddenSuggestion: (finding.suggestion?.violations.length ?? 0) > 0,
        };
      }),
    };
  });
}
