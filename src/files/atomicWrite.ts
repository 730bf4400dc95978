/**
 * Writes a file so that a reader never sees half of it: a temporary file beside the target,
 * flushed, then renamed over it. The existing file's mode is kept; a symbolic link is written
 * through to its target and stays a link.
 */

import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

/** The file changed between reading it for the plan and writing it. */
export class ChangedSinceReadError extends Error {
  constructor(readonly file: string) {
    super(`${file} changed since it was read; nothing was written. Review the change again.`);
  }
}

/** The file's text, or undefined when it does not exist (other errors are thrown). */
export async function readTextIfExists(file: string): Promise<string | undefined> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Throws ChangedSinceReadError unless the file still holds `expected` (undefined: still absent). */
export async function assertUnchanged(file: string, expected: string | undefined): Promise<void> {
  if ((await readTextIfExists(file)) !== expected) throw new ChangedSinceReadError(file);
}

/**
 * The first of the files that exists and is read-only (no write permission for anyone): someone
 * protected it, so a writer must not replace it, even though a rename beside it would succeed.
 */
export async function firstReadOnly(files: readonly string[]): Promise<string | undefined> {
  for (const file of files) {
    const target = await writeTarget(file);
    const mode = await fs.stat(target.path).then((stat) => stat.mode, () => undefined);
    if (mode !== undefined && (mode & 0o222) === 0) return file;
  }
  return undefined;
}

/** A file that is read-only: nothing was written. */
export class ReadOnlyFileError extends Error {
  constructor(readonly file: string) {
    super(`${file} is read-only, so nothing was written. Make it writable if it should change.`);
  }
}

/** More links than this in a row is a loop (the limit Linux itself uses). */
const MAX_LINKS = 40;

/** A symbolic link where a file should be leads round in a circle or too far: nothing was written. */
export class SymlinkLoopError extends Error {
  readonly code = 'ELOOP';
  constructor(readonly file: string) {
    super(`${file} is a symbolic link that leads round in a loop; nothing was written. Point it at a real file or replace it with one.`);
  }
}

/**
 * The file a write to `file` must change: `file` itself, or, when it is a symbolic link, the file at
 * the end of its links (which may not exist yet). Teams share one settings file through a link;
 * replacing the link with a file would cut them off.
 */
export async function writeTarget(file: string): Promise<{ readonly path: string; readonly viaLink: boolean }> {
  let current = file;
  for (let hop = 0; hop <= MAX_LINKS; hop += 1) {
    let stat;
    try {
      stat = await fs.lstat(current);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { path: current, viaLink: hop > 0 };
      throw error;
    }
    if (!stat.isSymbolicLink()) return { path: current, viaLink: hop > 0 };
    current = path.resolve(path.dirname(current), await fs.readlink(current));
  }
  throw new SymlinkLoopError(file);
}

/**
 * Writes `text` to `file` atomically, creating its folder when needed. Through a symbolic link the
 * link's target is written (the temporary file beside the target, renamed over it): the link stays.
 */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
  const target = await writeTarget(file);
  const dir = path.dirname(target.path);
  await fs.mkdir(dir, { recursive: true });
  let mode: number | undefined;
  try {
    mode = (await fs.stat(target.path)).mode & 0o777;
  } catch {
    mode = undefined;
  }
  const temporary = path.join(dir, `.${path.basename(target.path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const handle = await fs.open(temporary, 'wx', mode ?? 0o644);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } catch (error) {
    await handle.close();
    await fs.rm(temporary, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await fs.rename(temporary, target.path);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw error;
  }
}
