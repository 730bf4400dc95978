/**
 * The session fixtures of test/fixtures/claude-sessions/ (what Claude Code 2.1.330 wrote against the
 * fake; see its README), and a way to lay them out as Claude Code would: under
 * `<config dir>/projects/<the folder's project name>/<session>.jsonl`, with the files' times set so
 * that they fall within "the last N days" of a chosen now. Also the lines of content a real session
 * holds around its errors (a prompt, an answer, a tool call and its output), each carrying a
 * sentinel that must never reach any output.
 */
import { mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectDirectoryName } from '../../src/core/claudeCode/sessionRecords';

export const SESSION_FIXTURES_DIR = join(__dirname, '..', 'fixtures', 'claude-sessions');

export type SessionFixture = 'throttled' | 'throttled-recovered' | 'not-authorized' | 'expired-credentials' | 'sso-expired' | 'invalid-identifier' | 'on-demand' | 'max-tokens';

export const SESSION_FIXTURES: readonly SessionFixture[] = ['throttled', 'throttled-recovered', 'not-authorized', 'expired-credentials', 'sso-expired', 'invalid-identifier', 'on-demand', 'max-tokens'];

/** The lines of a fixture, as Claude Code wrote them (scrubbed to the error records). */
export function fixtureLines(name: SessionFixture): string[] {
  return readFileSync(join(SESSION_FIXTURES_DIR, `${name}.jsonl`), 'utf8').split('\n').filter((line) => line !== '');
}

/** The newest timestamp of every fixture: tests count "the last N days" back from a little after it. */
export function fixturesNewest(): number {
  let newest = 0;
  for (const file of readdirSync(SESSION_FIXTURES_DIR).filter((name) => name.endsWith('.jsonl'))) {
    for (const line of readFileSync(join(SESSION_FIXTURES_DIR, file), 'utf8').split('\n').filter(Boolean)) {
      newest = Math.max(newest, Date.parse((JSON.parse(line) as { timestamp: string }).timestamp));
    }
  }
  return newest;
}

/** Something secret-looking in every kind of content line; tests assert it never reaches an output. */
export const CONTENT_SENTINEL = 'SENTINEL-7c2e-do-not-show';

/**
 * Lines of content as Claude Code writes them, shaped like 2.1.330's records: a prompt (which even
 * quotes the error markers, escaped as any string is), an answer, a tool call whose input is a real
 * JSON object holding marker-like keys, a tool's output, and the `last-prompt` record.
 */
export function contentLines(timestamp: string): string[] {
  const envelope = { isSidechain: false, userType: 'external', entrypoint: 'cli', cwd: `/home/someone/${CONTENT_SENTINEL}`, sessionId: 's', version: '2.1.330', gitBranch: 'main', timestamp };
  return [
    JSON.stringify({ ...envelope, type: 'user', uuid: 'u1', message: { role: 'user', content: `Please fix "isApiErrorMessage":true and "subtype":"api_error" and "type":"api-request" in ${CONTENT_SENTINEL} API Error (jp.x): 400 ${CONTENT_SENTINEL}` } }),
    JSON.stringify({ ...envelope, type: 'assistant', uuid: 'a1', message: { model: 'jp.anthropic.claude-sonnet-4-5-20250929-v1:0', role: 'assistant', content: [{ type: 'text', text: `API Error: 429 Too many tokens ${CONTENT_SENTINEL}` }] } }),
    JSON.stringify({
      ...envelope,
      type: 'assistant',
      uuid: 'a2',
      message: { model: 'jp.anthropic.claude-sonnet-4-5-20250929-v1:0', role: 'assistant', content: [{ type: 'tool_use', id: 't1', name: 'Write', input: { type: 'api-request', subtype: 'api_error', isApiErrorMessage: true, error: { status: 429, message: `429 Too many tokens ${CONTENT_SENTINEL}` }, content: CONTENT_SENTINEL, timestamp } }] },
    }),
    JSON.stringify({ ...envelope, type: 'user', uuid: 'u2', message: { role: 'user', content: [{ type: 'tool_result', tool_use_id: 't1', content: `{"type":"system","subtype":"api_error","error":{"message":"${CONTENT_SENTINEL}"}}` }] } }),
    JSON.stringify({ type: 'last-prompt', lastPrompt: `fix ${CONTENT_SENTINEL}`, leafUuid: 'a2', sessionId: 's' }),
  ];
}

function timestampOf(line: string): string | undefined {
  try {
    return (JSON.parse(line) as { timestamp?: string }).timestamp;
  } catch {
    return undefined;
  }
}

/**
 * The lines with every timestamp moved by the same amount, so that the fixtures' newest record falls
 * at `newest` (epoch ms): tests that run a real clock (the CLI, the extension) keep them "recent".
 */
function shiftedLines(lines: readonly string[], newest: number): string[] {
  const offset = newest - fixturesNewest();
  return lines.map((line) => {
    const at = timestampOf(line);
    if (at === undefined) return line;
    const record = JSON.parse(line) as Record<string, unknown>;
    return JSON.stringify({ ...record, timestamp: new Date(Date.parse(at) + offset).toISOString() });
  });
}

export interface LaidOut {
  /** The config dir (CLAUDE_CONFIG_DIR). */
  readonly configDir: string;
  /** The folder's project folder under `projects/`. */
  readonly projectDir: string;
  /** The session files written, in order. */
  readonly files: string[];
}

/**
 * Writes sessions of `folder` into `configDir/projects/…`: each a fixture (or raw lines), optionally
 * with content lines around its records, its modification time `mtime` (epoch ms; default now).
 */
export function layOutSessions(
  configDir: string,
  folder: string,
  sessions: readonly { readonly fixture?: SessionFixture; readonly lines?: readonly string[]; readonly withContent?: boolean; readonly mtime?: number; readonly name?: string }[],
  options: { readonly newest?: number } = {},
): LaidOut {
  const projectDir = join(configDir, 'projects', projectDirectoryName(folder));
  mkdirSync(projectDir, { recursive: true });
  const files = sessions.map((session, index) => {
    const given = session.lines ?? (session.fixture ? fixtureLines(session.fixture) : []);
    const records = options.newest === undefined ? given : shiftedLines(given, options.newest);
    const first = records.map(timestampOf).find((at) => at !== undefined) ?? new Date().toISOString();
    const lines = session.withContent ? [...contentLines(first), ...records.flatMap((line, at) => (at === 1 ? [line, ...contentLines(first).slice(1, 3)] : [line]))] : records;
    const file = join(projectDir, session.name ?? `${session.fixture ?? 'session'}-${index}.jsonl`);
    writeFileSync(file, lines.map((line) => `${line}\n`).join(''));
    const seconds = (session.mtime ?? Date.now()) / 1000;
    utimesSync(file, seconds, seconds);
    return file;
  });
  return { configDir, projectDir, files };
}
