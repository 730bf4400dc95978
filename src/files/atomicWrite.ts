/**
 * Writes a file so that a reader never sees half of it: a temporary file beside the target,
 * flushed, then renamed over it. The existing file's mode is kept.
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

/** Writes `text` to `file` atomically, creating its folder when needed. */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
  const dir = path.dirname(file);
  await fs.mkdir(dir, { recursive: true });
  let mode: number | undefined;
  try {
    mode = (await fs.stat(file)).mode & 0o777;
  } catch {
    mode = undefined;
  }
  const temporary = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const handle = await fs.open(temporary, 'wx', mode ?? 0o644);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fs.rename(temporary, file);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw error;
  }
}
