/**
 * Cost Explorer answers cached on disk between reads (each request is billed; a read happens at
 * most once an hour): the extension keeps them in its global storage, the CLI in the user's cache
 * folder. One JSON file per profile, Region and model list. A file that cannot be read or parsed is
 * a cache miss and is left as it is until the next read replaces it.
 */

import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { SpendReport } from '../core/spend/spendTypes';
import { writeFileAtomic } from './atomicWrite';

/** Overrides the CLI's cache folder (tests, unusual installs). */
export const CACHE_DIR_VARIABLE = 'CLAUDE_BEDROCK_CACHE_DIR';

const CACHE_VERSION = 1;

/** The CLI's cache folder on each OS. */
export function cliCacheDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform, home: string = env.HOME ?? os.homedir()): string {
  const override = env[CACHE_DIR_VARIABLE];
  if (override) return override;
  if (platform === 'darwin') return path.join(home, 'Library', 'Caches', 'claude-bedrock');
  if (platform === 'win32') return path.win32.join(env.LOCALAPPDATA ?? path.win32.join(home, 'AppData', 'Local'), 'claude-bedrock', 'Cache');
  return path.join(env.XDG_CACHE_HOME || path.join(home, '.cache'), 'claude-bedrock');
}

/** The cache file of one profile, Region and model list (names hashed: no profile name in a file name). */
export function spendCacheFile(dir: string, key: { readonly profile: string; readonly region: string; readonly modelIds: readonly string[] }): string {
  const digest = createHash('sha256').update(JSON.stringify([key.profile, key.region, [...key.modelIds].sort()])).digest('hex').slice(0, 24);
  return path.join(dir, `spend-${digest}.json`);
}

/** The cached report, or undefined when there is none or it cannot be read. */
export async function readSpendCache(file: string): Promise<SpendReport | undefined> {
  try {
    const value = JSON.parse(await fs.readFile(file, 'utf8')) as { version?: number; report?: SpendReport };
    return value.version === CACHE_VERSION && typeof value.report?.generatedAt === 'number' ? value.report : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps a report for the next read, atomically. */
export async function writeSpendCache(file: string, report: SpendReport): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify({ version: CACHE_VERSION, report })}\n`);
}
