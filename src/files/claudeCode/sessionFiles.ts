/**
 * Reads Claude Code's own session files (`<config dir>/projects/<project>/*.jsonl`) for its API
 * error records, and nothing else: newest files first, within a number of days and a byte budget,
 * streaming line by line with a bound on the line length, cancellable, yielding to the event loop
 * between chunks. A line is decoded and parsed only when it carries one of the byte markers of an
 * error record (core/claudeCode/sessionRecords.ts); every other line, prompts, answers and tool
 * output among them, is skipped as bytes and never turned into a string. A growing file is read
 * up to the size it had when the scan reached it.
 */

import { createReadStream, promises as fs, type Stats } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isProjectOf, SESSION_ERROR_MARKERS, SessionFileReader, type SessionErrorRecord } from '../../core/claudeCode/sessionRecords';
import type { SessionScanFacts } from '../../core/claudeCode/sessionFindings';

/** Defaults: the last 7 days, the newest 256 MiB, lines up to 256 KiB (error records are far shorter). */
export const SESSION_SCAN_DEFAULTS = { days: 7, maxBytes: 256 * 1024 * 1024, maxLineBytes: 256 * 1024 } as const;

/** How many directory entries one scan looks at, at most: a bound on listing, whatever the folder holds. */
const MAX_ENTRIES = 20_000;
/** How deep below a project's folder session files are looked for (`<session>/subagents/*.jsonl` is 2). */
const MAX_DEPTH = 2;
const CHUNK_BYTES = 1024 * 1024;
const MARKERS = SESSION_ERROR_MARKERS.map((marker) => Buffer.from(marker, 'utf8'));

/** Claude Code's configuration folder: `CLAUDE_CONFIG_DIR`, else `~/.claude`. */
export function claudeConfigDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string {
  const paths = platform === 'win32' ? path.win32 : path.posix;
  return env.CLAUDE_CONFIG_DIR || paths.join(env.HOME || env.USERPROFILE || os.homedir(), '.claude');
}

export interface SessionScanOptions {
  /** The workspace folders whose sessions are read (a session started in a sub-folder belongs to its folder). */
  readonly folders: readonly string[];
  readonly env: NodeJS.ProcessEnv;
  /** Now, in epoch milliseconds (what "the last N days" counts back from). */
  readonly now: number;
  readonly days?: number;
  /** The most bytes read in one scan; older files beyond it are counted, not read. */
  readonly maxBytes?: number;
  /** A longer line is skipped without being held in memory. */
  readonly maxLineBytes?: number;
  readonly signal?: AbortSignal;
}

/** A file or folder that could not be read, and why (an errno code, or `not-a-file` / `not-a-folder`). */
export interface SessionFileProblem {
  readonly path: string;
  readonly reason: string;
}

/** One error record with the folder (index into `folders`) whose session wrote it. */
export interface FolderErrorRecord extends SessionErrorRecord {
  readonly folder: number;
}

export interface SessionScan extends SessionScanFacts {
  /** `<config dir>/projects`. */
  readonly directory: string;
  readonly problems: readonly SessionFileProblem[];
  /** The API error records of the last N days, in no particular order. */
  readonly records: readonly FolderErrorRecord[];
}

interface Candidate {
  readonly path: string;
  readonly folder: number;
  readonly mtimeMs: number;
  readonly size: number;
}

class Cancelled extends Error {}

function errnoOf(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
}

/** Gives the event loop a turn (timers, I/O, the extension host's messages) before the next chunk. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Which workspace folder a project folder belongs to (its own, or one of its sub-folders'), or -1. */
function folderOf(entry: string, folders: readonly string[]): number {
  return folders.findIndex((folder) => isProjectOf(entry, folder));
}

/**
 * Lists the session files of the folders, changed in the last N days: the project folders Claude
 * Code made for each workspace folder (and its sub-folders), their `*.jsonl` files and those one
 * and two levels down (sub-agents). Bounded by MAX_ENTRIES.
 */
async function listCandidates(directory: string, folders: readonly string[], since: number, problems: SessionFileProblem[], signal?: AbortSignal): Promise<Candidate[] | 'missing' | 'unreadable'> {
  let projects: string[];
  try {
    projects = await fs.readdir(directory);
  } catch (error) {
    const code = errnoOf(error);
    if (code === 'ENOENT') return 'missing';
    problems.push({ path: directory, reason: code === 'ENOTDIR' ? 'not-a-folder' : code });
    return 'unreadable';
  }
  const candidates: Candidate[] = [];
  let entries = projects.length;
  const visit = async (dir: string, folder: number, depth: number): Promise<void> => {
    if (signal?.aborted) throw new Cancelled();
    let names: string[];
    try {
      names = await fs.readdir(dir);
    } catch (error) {
      const code = errnoOf(error);
      if (code !== 'ENOENT') problems.push({ path: dir, reason: code === 'ENOTDIR' ? 'not-a-folder' : code });
      return;
    }
    for (const name of names.sort()) {
      if (++entries > MAX_ENTRIES) return;
      const file = path.join(dir, name);
      let stats: Stats;
      try {
        stats = await fs.stat(file);
      } catch (error) {
        const code = errnoOf(error);
        if (code !== 'ENOENT') problems.push({ path: file, reason: code });
        continue;
      }
      if (name.endsWith('.jsonl')) {
        if (!stats.isFile()) problems.push({ path: file, reason: 'not-a-file' });
        else if (stats.mtimeMs >= since) candidates.push({ path: file, folder, mtimeMs: stats.mtimeMs, size: stats.size });
      } else if (stats.isDirectory() && depth < MAX_DEPTH && stats.mtimeMs >= since) {
        await visit(file, folder, depth + 1);
      }
    }
  };
  for (const name of projects.sort()) {
    const folder = folderOf(name, folders);
    if (folder < 0) continue;
    await visit(path.join(directory, name), folder, 0);
  }
  // Newest first; the path breaks ties so the same files give the same order.
  return candidates.sort((a, b) => b.mtimeMs - a.mtimeMs || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export interface FileLines {
  readonly bytes: number;
  readonly longLines: number;
  readonly brokenLines: number;
}

/**
 * Streams one file up to `size` bytes, line by line. A line longer than `maxLineBytes` is dropped
 * as it streams (never held whole); a line within the bound reaches `onLine` only when it holds an
 * error marker. The last line counts only if it is complete (a newline, or the end of a file that
 * is not being written to, which the caller cannot know: so an unterminated last line is parsed
 * and, if it does not parse, counted as broken).
 */
export async function readMarkedLines(file: string, size: number, maxLineBytes: number, onLine: (line: Buffer) => boolean, signal?: AbortSignal): Promise<FileLines> {
  if (size === 0) return { bytes: 0, longLines: 0, brokenLines: 0 };
  const stream = createReadStream(file, { start: 0, end: size - 1, highWaterMark: CHUNK_BYTES });
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let skipping = false;
  let bytes = 0;
  let longLines = 0;
  let brokenLines = 0;
  const line = (segment: Buffer): void => {
    if (!MARKERS.some((marker) => segment.includes(marker))) return;
    if (!onLine(segment)) brokenLines++;
  };
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (signal?.aborted) throw new Cancelled();
      bytes += chunk.length;
      let start = 0;
      for (;;) {
        const newline = chunk.indexOf(10, start);
        const end = newline === -1 ? chunk.length : newline;
        if (!skipping) {
          if (pendingBytes + (end - start) > maxLineBytes) {
            skipping = true;
            pending = [];
            pendingBytes = 0;
          } else if (newline !== -1) {
            line(pending.length === 0 ? chunk.subarray(start, end) : Buffer.concat([...pending, chunk.subarray(start, end)]));
            pending = [];
            pendingBytes = 0;
          } else if (end > start) {
            // Copied: the stream may reuse the chunk's memory.
            pending.push(Buffer.from(chunk.subarray(start, end)));
            pendingBytes += end - start;
          }
        }
        if (newline === -1) break;
        if (skipping) {
          longLines++;
          skipping = false;
        }
        start = newline + 1;
      }
      await yieldToEventLoop();
    }
  } finally {
    stream.destroy();
  }
  if (skipping) longLines++;
  else if (pendingBytes > 0) line(Buffer.concat(pending));
  return { bytes, longLines, brokenLines };
}

/**
 * Scans the session files of the folders for API error records: the last `days` days, newest file
 * first, at most `maxBytes`. An unreadable file or a folder where a file should be is a problem and
 * the scan goes on; a cancelled scan says so and returns nothing it half read.
 */
export async function scanSessions(options: SessionScanOptions): Promise<SessionScan> {
  const days = options.days ?? SESSION_SCAN_DEFAULTS.days;
  const maxBytes = options.maxBytes ?? SESSION_SCAN_DEFAULTS.maxBytes;
  const maxLineBytes = options.maxLineBytes ?? SESSION_SCAN_DEFAULTS.maxLineBytes;
  const directory = path.join(claudeConfigDir(options.env), 'projects');
  const since = options.now - days * 24 * 60 * 60 * 1000;
  const problems: SessionFileProblem[] = [];
  const empty = { directory, days, files: 0, bytes: 0, unread: { files: 0, bytes: 0 }, longLines: 0, brokenLines: 0, records: [] };
  const cancelled = (): SessionScan => ({ ...empty, state: 'cancelled', problems });
  try {
    const listed = await listCandidates(directory, options.folders, since, problems, options.signal);
    if (listed === 'missing' || listed === 'unreadable') return { ...empty, state: listed, problems };
    const records: FolderErrorRecord[] = [];
    let files = 0;
    let bytes = 0;
    let longLines = 0;
    let brokenLines = 0;
    const unread = { files: 0, bytes: 0 };
    for (const candidate of listed) {
      if (options.signal?.aborted) throw new Cancelled();
      if (bytes + candidate.size > maxBytes) {
        unread.files++;
        unread.bytes += candidate.size;
        continue;
      }
      try {
        const reader = new SessionFileReader();
        const result = await readMarkedLines(candidate.path, candidate.size, maxLineBytes, (line) => reader.accept(line.toString('utf8')), options.signal);
        for (const record of reader.records) if (Date.parse(record.timestamp) >= since) records.push({ ...record, folder: candidate.folder });
        files++;
        bytes += result.bytes;
        longLines += result.longLines;
        brokenLines += result.brokenLines;
      } catch (error) {
        if (error instanceof Cancelled) throw error;
        const code = errnoOf(error);
        // Removed since it was listed (Claude Code cleans up old sessions): nothing to read, nothing wrong.
        if (code !== 'ENOENT') problems.push({ path: candidate.path, reason: code === 'EISDIR' ? 'not-a-file' : code });
      }
    }
    return { directory, state: 'read', days, files, bytes, unread, longLines, brokenLines, problems, records };
  } catch (error) {
    if (error instanceof Cancelled || options.signal?.aborted) return cancelled();
    throw error;
  }
}
