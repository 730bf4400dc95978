/**
 * What Claude Code writes into its session files (`~/.claude/projects/<project>/<session>.jsonl`,
 * one JSON record a line) when a Bedrock call fails, and how to read only that. Learnt from the
 * real CLI (2.1.330) against the fake AWS: test/fixtures/claude-sessions/ holds what it wrote.
 *
 * Three kinds of line matter, each recognised by bytes that only a record's own top-level fields
 * produce (a string inside a prompt or an answer has its quotes escaped, so it cannot match):
 *
 * - `"type":"api-request"`: the envelope of a request: `params.model` and `params.max_tokens`;
 * - `"subtype":"api_error"`: an attempt that failed and that Claude Code retries: `error.status`,
 *   `error.message`, `error.formatted`, `error.isCloudCredentialError`;
 * - `"isApiErrorMessage":true`: the error Claude Code gave up with, a synthetic assistant message
 *   whose text is the error (`API Error (model): 400 …. Try --model to switch to X.`), with
 *   `apiErrorStatus` and Claude Code's category in `error` (`rate_limit`, `model_not_found`, …).
 *
 * Every other line (prompts, answers, tool output, the system prompt) is never parsed. A marked
 * line is parsed with a reviver that drops every key not listed below while parsing, so nothing
 * else of it is ever held; then only the fields above are taken. Pure: the files layer streams.
 */

import { redactSecrets } from '../text/redact';

/** A line is parsed only when it holds one of these byte sequences (JSON without spaces, as Claude Code writes it). */
export const SESSION_ERROR_MARKERS: readonly string[] = ['"type":"api-request"', '"subtype":"api_error"', '"isApiErrorMessage":true'];

/** The only keys a marked line keeps while it is parsed (array indexes aside). */
const KEPT_KEYS = new Set([
  'type',
  'subtype',
  'timestamp',
  'params',
  'model',
  'max_tokens',
  'error',
  'status',
  'message',
  'formatted',
  'isCloudCredentialError',
  'isApiErrorMessage',
  'apiErrorStatus',
  'content',
  'text',
]);

/** The longest error message kept: AWS's and Claude Code's are far shorter. */
const MAX_MESSAGE = 2000;
/** A model ID, an inference-profile ID or an application-profile ARN, with an optional `[1m]`. */
const MODEL_ID = /^[A-Za-z0-9][\w.:/-]{2,200}(?:\[1m\])?$/;
/** Claude Code's own advice after an invalid or unsupported model: `. Try --model to switch to X.` */
const SUGGESTION = /\.?\s*Try --model to switch to (\S+?)\.?\s*$/;

/** One failed attempt of a Bedrock call, as Claude Code recorded it: never anything the user or the model wrote. */
export interface SessionErrorRecord {
  /** ISO 8601, as Claude Code wrote it. */
  readonly timestamp: string;
  /** `retry`: an attempt Claude Code retried; `final`: the error it gave up with (what the user saw). */
  readonly stage: 'retry' | 'final';
  readonly status?: number;
  /** The API's error message (secrets redacted, bounded), without Claude Code's wrapping. */
  readonly message?: string;
  /** Claude Code's category of a final error: `rate_limit`, `authentication_failed`, `model_not_found`, … */
  readonly category?: string;
  /** The error came from resolving AWS credentials, before any request (an expired SSO sign-in). */
  readonly credentials?: boolean;
  /** The model the failed request was for: named in the error, else the last request before it in the file. */
  readonly model?: string;
  /** The model Claude Code told the user to switch to (`Try --model to switch to …`). */
  readonly suggestedModel?: string;
  /** `max_tokens` of the last request before the error in the file. */
  readonly maxTokens?: number;
}

type Parsed = Record<string, unknown>;

function keepListed(key: string, value: unknown): unknown {
  return key === '' || KEPT_KEYS.has(key) || /^\d+$/.test(key) ? value : undefined;
}

const objectOf = (value: unknown): Parsed | undefined => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Parsed) : undefined);
const stringOf = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
const statusOf = (value: unknown): number | undefined => (typeof value === 'number' && Number.isInteger(value) && value >= 100 && value < 600 ? value : undefined);
const modelOf = (value: unknown): string | undefined => {
  const text = stringOf(value);
  return text !== undefined && MODEL_ID.test(text) ? text : undefined;
};

function bounded(message: string | undefined): string | undefined {
  if (message === undefined) return undefined;
  const trimmed = message.trim();
  return trimmed === '' ? undefined : redactSecrets(trimmed.length > MAX_MESSAGE ? trimmed.slice(0, MAX_MESSAGE) : trimmed);
}

/** `429 Too many tokens…` → 429 and the rest. */
function leadingStatus(message: string): { status?: number; rest: string } {
  const match = /^(\d{3})\s+(.*)$/s.exec(message);
  return match ? { status: statusOf(Number(match[1])), rest: match[2]! } : { rest: message };
}

/**
 * The parts of a final error's text: `API Error (model): 400 message. Try --model to switch to X.`,
 * `… · API Error: 403 message`, `API Error: Request rejected (429) · message`,
 * `API Error: Could not load AWS credentials · message`.
 */
export function splitErrorText(text: string): { model?: string; status?: number; message?: string; suggestedModel?: string } {
  const at = text.lastIndexOf('API Error');
  if (at < 0) return { message: text };
  let rest = text.slice(at + 'API Error'.length);
  const named = /^\s*\(([^)\s]+)\)/.exec(rest);
  if (named) rest = rest.slice(named[0].length);
  rest = rest.replace(/^\s*:\s*/, '');
  let status: number | undefined;
  const rejected = /^Request rejected \((\d{3})\)\s*·\s*/.exec(rest);
  if (rejected) {
    status = statusOf(Number(rejected[1]));
    rest = rest.slice(rejected[0].length);
  } else {
    const leading = leadingStatus(rest);
    status = leading.status;
    rest = leading.rest;
  }
  const suggestion = SUGGESTION.exec(rest);
  if (suggestion) rest = rest.slice(0, suggestion.index);
  return { model: modelOf(named?.[1]), status, message: rest.trim() || undefined, suggestedModel: modelOf(suggestion?.[1]) };
}

/** What one marked line holds: a request's envelope, an error record, nothing of use, or a line that is not JSON. */
export type SessionLine =
  | { readonly kind: 'request'; readonly model?: string; readonly maxTokens?: number }
  | { readonly kind: 'error'; readonly record: SessionErrorRecord }
  | { readonly kind: 'other' }
  | { readonly kind: 'broken' };

/** Reads one marked line, keeping only the listed fields. */
export function readSessionLine(line: string): SessionLine {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line, keepListed);
  } catch {
    return { kind: 'broken' };
  }
  const record = objectOf(parsed);
  if (record === undefined) return { kind: 'broken' };
  if (record.type === 'api-request') {
    const params = objectOf(record.params);
    const maxTokens = params?.max_tokens;
    return { kind: 'request', model: modelOf(params?.model), maxTokens: typeof maxTokens === 'number' && Number.isSafeInteger(maxTokens) && maxTokens > 0 ? maxTokens : undefined };
  }
  const timestamp = stringOf(record.timestamp);
  const isError = (record.type === 'system' && record.subtype === 'api_error') || (record.type === 'assistant' && record.isApiErrorMessage === true);
  if (!isError) return { kind: 'other' };
  if (timestamp === undefined || Number.isNaN(Date.parse(timestamp))) return { kind: 'broken' };
  if (record.type === 'system') {
    const error = objectOf(record.error);
    const raw = stringOf(error?.formatted) ?? stringOf(error?.message) ?? '';
    const leading = leadingStatus(raw);
    return {
      kind: 'error',
      record: {
        timestamp,
        stage: 'retry',
        status: statusOf(error?.status) ?? leading.status,
        message: bounded(leading.rest),
        ...(error?.isCloudCredentialError === true ? { credentials: true } : {}),
      },
    };
  }
  const content = objectOf(record.message)?.content;
  const firstText = Array.isArray(content) ? content.map((block) => stringOf(objectOf(block)?.text)).find((text) => text !== undefined) : stringOf(content);
  const parts = splitErrorText(firstText ?? '');
  const category = stringOf(record.error);
  return {
    kind: 'error',
    record: {
      timestamp,
      stage: 'final',
      status: statusOf(record.apiErrorStatus) ?? parts.status,
      message: bounded(parts.message),
      ...(category !== undefined && /^[a-z_]{1,40}$/.test(category) ? { category } : {}),
      ...(category === 'cloud_credential_error' ? { credentials: true } : {}),
      ...(parts.model !== undefined ? { model: parts.model } : {}),
      ...(parts.suggestedModel !== undefined ? { suggestedModel: parts.suggestedModel } : {}),
    },
  };
}

/**
 * Reads the marked lines of one session file in order: an error takes the model and max_tokens of
 * the last request before it (Claude Code names the model in the error only for some errors).
 */
export class SessionFileReader {
  private lastModel: string | undefined;
  private lastMaxTokens: number | undefined;
  readonly records: SessionErrorRecord[] = [];

  /** Takes one marked line; false when it is not JSON (a broken or half-written line). */
  accept(line: string): boolean {
    const read = readSessionLine(line);
    if (read.kind === 'broken') return false;
    if (read.kind === 'request') {
      this.lastModel = read.model;
      this.lastMaxTokens = read.maxTokens;
    } else if (read.kind === 'error') {
      const model = read.record.model ?? this.lastModel;
      this.records.push({ ...read.record, ...(model !== undefined ? { model } : {}), ...(this.lastMaxTokens !== undefined ? { maxTokens: this.lastMaxTokens } : {}) });
    }
    return true;
  }
}

/** The folder name Claude Code gives a working directory under `projects/`: every character but A–Z, a–z, 0–9 becomes `-`; a name over 200 characters is cut and gets a hash of the path. */
export function projectDirectoryName(folder: string): string {
  const name = folder.replace(/[^a-zA-Z0-9]/g, '-');
  if (name.length <= 200) return name;
  let hash = 0;
  for (let index = 0; index < folder.length; index++) hash = (Math.imul(31, hash) + folder.charCodeAt(index)) | 0;
  return `${name.slice(0, 200)}-${Math.abs(hash).toString(36)}`;
}

/** A Windows path's drive letter may be written either way (VS Code lowercases it, a shell's cwd has it upper case). */
function spellings(folder: string): string[] {
  const drive = /^([a-zA-Z])(:[\\/].*)$/s.exec(folder);
  return drive ? [...new Set([folder, `${drive[1]!.toUpperCase()}${drive[2]}`, `${drive[1]!.toLowerCase()}${drive[2]}`])] : [folder];
}

/**
 * Whether a project folder name belongs to a workspace folder: its own, or a sub-folder's (Claude
 * Code started there). Names are lossy (`a-b` and `a/b` look alike), so a sibling whose name starts
 * the same way also matches; a long name is matched by its first 200 characters.
 */
export function isProjectOf(name: string, folder: string): boolean {
  return spellings(folder).some((spelling) => {
    const own = projectDirectoryName(spelling);
    if (name === own) return true;
    const stem = own.length > 200 ? own.slice(0, 200) : own;
    return name.startsWith(`${stem}-`);
  });
}
