/**
 * A line-aware reader of the AWS shared config and credentials files that follows the rules of
 * the AWS SDK for JavaScript v3 (`@smithy/core` shared-ini-file-loader, `parseIni`), so that what
 * we show is what the SDK will do, plus the diagnostics the SDK keeps to itself: it silently drops
 * lines and sections it does not understand, and ignores a whole file that names `__proto__`.
 */

import type { Problem } from './problems';

export type AwsFileKind = 'config' | 'credentials';

/** How the SDK will treat a section header. */
export type SectionKind =
  /** `[profile x]` in config, `[x]` in credentials. */
  | 'profile'
  /** `[default]` in config: profile `default`. */
  | 'default'
  | 'sso-session'
  | 'services'
  /** Anything the SDK parses but never uses (bare `[x]` in config, `[profile x]` in credentials, odd names). */
  | 'ignored';

export interface IniEntry {
  /** Key as the SDK stores it; keys inside an indented sub-section are `parent.child`. */
  readonly key: string;
  readonly value: string;
  readonly file: string;
  readonly line: number;
}

export interface IniSection {
  readonly header: string;
  readonly kind: SectionKind;
  /** The profile, sso-session or services name; for ignored sections the raw header. */
  readonly name: string;
  readonly line: number;
  readonly entries: IniEntry[];
}

export interface ParsedAwsFile {
  readonly file: string;
  readonly fileKind: AwsFileKind;
  readonly sections: IniSection[];
  readonly problems: Problem[];
  /** True when the SDK would drop the whole file (it throws on `__proto__` and swallows the error). */
  readonly ignoredBySdk: boolean;
}

// Same pattern as the SDK: a section prefix, one space, an optionally quoted name of limited characters.
const PREFIXED_SECTION = /^([\w-]+)\s(["'])?([\w-@+.%:/]+)\2$/;
const SECTION_TYPES = new Set(['profile', 'sso-session', 'services']);
const BLOCKED_NAMES = new Set(['__proto__', 'profile __proto__']);

/** Strips a comment the way the SDK does: `#` or `;` at the start or after whitespace. */
function stripComment(line: string): string {
  return (line.split(/(?:^|\s)[;#]/)[0] ?? '').trim();
}

function classifySection(header: string, fileKind: AwsFileKind): { kind: SectionKind; name: string } {
  const match = PREFIXED_SECTION.exec(header);
  if (match) {
    const prefix = match[1] ?? '';
    const name = match[3] ?? '';
    if (!SECTION_TYPES.has(prefix)) return { kind: 'ignored', name: header };
    // The credentials file is read without prefixes: `[profile x]` there is a profile literally
    // named "profile.x", which nothing refers to.
    if (fileKind === 'credentials') return { kind: 'ignored', name: header };
    return { kind: prefix === 'profile' ? 'profile' : (prefix as SectionKind), name };
  }
  if (fileKind === 'credentials') return { kind: 'profile', name: header };
  if (header === 'default') return { kind: 'default', name: 'default' };
  return { kind: 'ignored', name: header };
}

/** Parses one AWS shared file; never throws. */
export function parseAwsFile(text: string, file: string, fileKind: AwsFileKind): ParsedAwsFile {
  const sections: IniSection[] = [];
  const problems: Problem[] = [];
  let ignoredBySdk = false;
  let current: IniSection | undefined;
  let subSection: string | undefined;
  const seen = new Map<string, number>();

  const lines = text.split(/\r?\n/);
  lines.forEach((rawLine, index) => {
    const line = index + 1;
    const trimmed = stripComment(rawLine);
    if (trimmed === '') return;
    if (trimmed.startsWith('[') && trimmed.endsWith(']')) {
      const header = trimmed.slice(1, -1);
      subSection = undefined;
      if (BLOCKED_NAMES.has(header)) {
        ignoredBySdk = true;
        problems.push({ code: 'file-ignored-blocked-name', severity: 'error', file, line, params: { header } });
        current = undefined;
        return;
      }
      const { kind, name } = classifySection(header, fileKind);
      current = { header, kind, name, line, entries: [] };
      sections.push(current);
      if (kind === 'ignored') {
        problems.push(ignoredSectionProblem(header, fileKind, file, line));
        return;
      }
      // `[default]` and `[profile default]` are different sections to the SDK (the second replaces
      // the first): that clash is reported where profiles are assembled, not here.
      const identity = `${kind}:${name}`;
      const first = seen.get(identity);
      if (first !== undefined) {
        problems.push({
          code: 'duplicate-section',
          severity: 'warning',
          file,
          line,
          params: { header, firstLine: String(first) },
        });
      } else {
        seen.set(identity, line);
      }
      return;
    }
    if (!current) {
      problems.push({ code: 'line-outside-section', severity: 'warning', file, line, params: {} });
      return;
    }
    const equals = trimmed.indexOf('=');
    if (equals <= 0) {
      problems.push({ code: 'unparsable-line', severity: 'warning', file, line, params: { section: current.header } });
      return;
    }
    const key = trimmed.slice(0, equals).trim();
    const value = trimmed.slice(equals + 1).trim();
    if (value === '') {
      // `s3 =` opens a nested block whose indented lines belong to it.
      subSection = key;
      return;
    }
    if (subSection !== undefined && rawLine.trimStart() === rawLine) subSection = undefined;
    current.entries.push({ key: subSection !== undefined ? `${subSection}.${key}` : key, value, file, line });
  });

  if (ignoredBySdk) {
    return { file, fileKind, sections: [], problems, ignoredBySdk };
  }
  return { file, fileKind, sections, problems, ignoredBySdk };
}

function ignoredSectionProblem(header: string, fileKind: AwsFileKind, file: string, line: number): Problem {
  if (fileKind === 'credentials') {
    return { code: 'credentials-prefixed-section', severity: 'warning', file, line, params: { header } };
  }
  if (/^profile\s/.test(header) || /^sso-session\s/.test(header) || /^services\s/.test(header)) {
    return { code: 'invalid-section-name', severity: 'warning', file, line, params: { header } };
  }
  return { code: 'bare-config-section', severity: 'warning', file, line, params: { header } };
}

/**
 * Entries of a set of sections merged the way the SDK merges them: later sections with the same
 * name add to and override earlier ones, key by key.
 */
export function mergeEntries(sections: readonly IniSection[]): Map<string, IniEntry> {
  const merged = new Map<string, IniEntry>();
  for (const section of sections) {
    for (const entry of section.entries) merged.set(entry.key, entry);
  }
  return merged;
}
