/**
 * The verdict on the Claude Code installations found: which CLI a terminal runs and its version,
 * the VS Code extension and its version, whether either is older than the oldest supported
 * version, and which written settings they would ignore. One function for every surface (the Setup
 * view, the status bar, `doctor`, the planner), so the same installs give the same verdict.
 *
 * States: `ok` (read now), `info` (nothing wrong, worth knowing: the CLI is absent while the
 * extension brings its own), `warning` / `error` (a problem, with its fix), `not-verified` (the
 * version could not be read: why, and what to do). Absent altogether is a warning: a Bedrock setup
 * that nothing reads is not healthy, but a machine that only checks a repository may have none.
 * Without a Bedrock setup to read (no settings to judge) nothing about Claude Code is a problem:
 * what was found, or not, is reported as `info`.
 */

import type { CliInstall, ClaudeCodeInstalls, ExtensionInstall } from './installTypes';
import { ignoredSettings, type IgnoredSetting, type VersionInUse, type WrittenSetting } from './supportCheck';
import { MINIMUM_SUPPORTED_VERSION, NEWEST_TESTED_VERSION } from './supportTable';
import { atLeast, compareVersions } from './versionNumbers';

export type { FindingState } from './findingState';
export { worstState } from './findingState';

export type ClaudeCodeFinding =
  /** The CLI a terminal runs (the first on PATH, else the first in a usual place) and its version. */
  | { readonly code: 'cli-ok'; readonly state: 'ok'; readonly install: CliInstall; readonly version: string; readonly newerThanTested: boolean; readonly others: readonly CliInstall[] }
  | { readonly code: 'cli-old'; readonly state: 'warning' | 'info'; readonly install: CliInstall; readonly version: string; readonly others: readonly CliInstall[] }
  /** `claude --version` failed: timed out, printed no version, exited non-zero, could not start. */
  | { readonly code: 'cli-unread'; readonly state: 'not-verified' | 'info'; readonly install: CliInstall; readonly others: readonly CliInstall[] }
  /** Not run: the workspace names it and is not trusted. */
  | { readonly code: 'cli-not-run'; readonly state: 'not-verified' | 'info'; readonly install: CliInstall; readonly others: readonly CliInstall[] }
  /** No CLI, but the VS Code extension is installed (it runs its own). */
  | { readonly code: 'cli-absent'; readonly state: 'info'; readonly searched: readonly string[]; readonly platform: ClaudeCodeInstalls['platform'] }
  | { readonly code: 'extension-ok'; readonly state: 'ok'; readonly install: ExtensionInstall; readonly version: string; readonly newerThanTested: boolean }
  | { readonly code: 'extension-old'; readonly state: 'warning' | 'info'; readonly install: ExtensionInstall; readonly version: string }
  | { readonly code: 'extension-unread'; readonly state: 'not-verified' | 'info'; readonly install: ExtensionInstall }
  /** No extension where it was looked for, while the CLI is there. */
  | { readonly code: 'extension-absent'; readonly state: 'info' }
  /** Neither the CLI nor the extension. */
  | { readonly code: 'absent'; readonly state: 'warning' | 'info'; readonly searched: readonly string[]; readonly platform: ClaudeCodeInstalls['platform']; readonly extensionLooked: boolean }
  /** A written setting an installed version ignores, with what it does instead. */
  | { readonly code: 'setting-ignored'; readonly state: 'warning' | 'error'; readonly ignored: IgnoredSetting }
  /** Looking for Claude Code failed as a whole (nothing was read): not verified, never left out. */
  | { readonly code: 'detect-failed'; readonly state: 'not-verified'; readonly reason: string };

/** The effective (or planned) settings, to judge against the versions found. */
export interface SettingsToJudge {
  readonly settings: readonly WrittenSetting[];
  readonly region?: string;
}

function cliFinding(active: CliInstall, others: readonly CliInstall[]): ClaudeCodeFinding {
  const read = active.version;
  if (read.state === 'not-run') return { code: 'cli-not-run', state: 'not-verified', install: active, others };
  if (read.state === 'failed') return { code: 'cli-unread', state: 'not-verified', install: active, others };
  if (!atLeast(read.version, MINIMUM_SUPPORTED_VERSION)) return { code: 'cli-old', state: 'warning', install: active, version: read.version, others };
  return { code: 'cli-ok', state: 'ok', install: active, version: read.version, newerThanTested: compareVersions(read.version, NEWEST_TESTED_VERSION) > 0, others };
}

function extensionFinding(install: ExtensionInstall): ClaudeCodeFinding {
  const read = install.version;
  if (read.state !== 'read') return { code: 'extension-unread', state: 'not-verified', install };
  if (!atLeast(read.version, MINIMUM_SUPPORTED_VERSION)) return { code: 'extension-old', state: 'warning', install, version: read.version };
  return { code: 'extension-ok', state: 'ok', install, version: read.version, newerThanTested: compareVersions(read.version, NEWEST_TESTED_VERSION) > 0 };
}

/** The versions that read the settings: the CLI a terminal runs and every extension found, where read. */
export function versionsInUse(installs: ClaudeCodeInstalls): VersionInUse[] {
  const versions: VersionInUse[] = [];
  const active = installs.cli[0];
  if (active?.version.state === 'read') versions.push({ what: 'cli', version: active.version.version, path: active.path, kind: active.kind });
  for (const extension of installs.extensions ?? []) {
    if (extension.version.state === 'read') versions.push({ what: 'extension', version: extension.version.version, path: extension.where });
  }
  return versions;
}

/** Without settings to judge, a problem or an unread version is only worth knowing. */
function relevantTo(finding: ClaudeCodeFinding, judged: boolean): ClaudeCodeFinding {
  if (judged || finding.state === 'ok' || finding.state === 'info') return finding;
  return { ...finding, state: 'info' } as ClaudeCodeFinding;
}

/** Every finding about the installs, then the written settings they would ignore (when settings are given). */
export function claudeCodeFindings(installs: ClaudeCodeInstalls, judge?: SettingsToJudge): ClaudeCodeFinding[] {
  const findings: ClaudeCodeFinding[] = [];
  const [active, ...others] = installs.cli;
  const extensions = installs.extensions;
  if (!active && (extensions === undefined || extensions.length === 0)) {
    findings.push({ code: 'absent', state: 'warning', searched: installs.searched, platform: installs.platform, extensionLooked: extensions !== undefined });
  } else {
    findings.push(active ? cliFinding(active, others) : { code: 'cli-absent', state: 'info', searched: installs.searched, platform: installs.platform });
    if (extensions !== undefined && extensions.length === 0) findings.push({ code: 'extension-absent', state: 'info' });
    for (const extension of extensions ?? []) findings.push(extensionFinding(extension));
  }
  if (!judge) return findings.map((finding) => relevantTo(finding, false));
  for (const ignored of ignoredSettings(judge.settings, versionsInUse(installs), { region: judge.region })) {
    findings.push({ code: 'setting-ignored', state: ignored.row.severity, ignored });
  }
  return findings;
}

/** The findings a planner shows before writing: problems and what could not be read, never the ok ones. */
export function attentionFindings(findings: readonly ClaudeCodeFinding[]): ClaudeCodeFinding[] {
  return findings.filter((finding) => finding.state === 'warning' || finding.state === 'error' || finding.state === 'not-verified');
}
