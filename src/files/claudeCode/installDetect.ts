/**
 * Which Claude Code is here: every `claude` found (installSearch.ts) with the version each prints
 * (versionCommand.ts, bounded, all at once), and the VS Code extension (its editor's API, handed
 * in, or the extensions folders). A version read once is remembered for the same file (path, size,
 * modification time), so a health check runs `claude --version` again only after an update.
 * A `claude` the caller may not run (Restricted Mode and a workspace-named program) is not run.
 */

import { promises as fs } from 'node:fs';
import type { ClaudeCodeInstalls, CliInstall, ExtensionInstall, VersionRead } from '../../core/claudeCode/installTypes';
import { findClaudeCli, type FoundCli } from './installSearch';
import { findClaudeCodeExtensions } from './installExtensions';
import { readCliVersion } from './versionCommand';

/** Versions read, by file identity; failures are not kept (a cold start may time out once). */
export class VersionMemo {
  private readonly versions = new Map<string, VersionRead>();
  get(key: string): VersionRead | undefined {
    return this.versions.get(key);
  }
  set(key: string, read: VersionRead): void {
    if (read.state === 'read') this.versions.set(key, read);
  }
}

export interface DetectOptions {
  readonly env: NodeJS.ProcessEnv;
  readonly platform?: NodeJS.Platform;
  readonly workspaceFolders?: readonly string[];
  /** How long each `claude --version` may take. */
  readonly timeoutMs: number;
  /** Whether a found `claude` may be run; the others are reported as not run (Restricted Mode). */
  readonly mayRun?: (found: FoundCli) => boolean;
  /** The extension as the editor reports it; absent: look in the extensions folders. */
  readonly extensions?: readonly ExtensionInstall[];
  /** Where versions read are remembered (a VersionMemo, or any map that keeps what it is given). */
  readonly memo?: { get(key: string): VersionRead | undefined; set(key: string, read: VersionRead): unknown };
  /** A `claude` the user's settings name (`claudeBedrock.claudeCode.path`). */
  readonly configured?: { readonly path: string; readonly fromWorkspace: boolean };
}

async function identity(file: string): Promise<string | undefined> {
  const stat = await fs.stat(file).catch(() => undefined);
  return stat && `${file}\u0000${stat.size}\u0000${stat.mtimeMs}`;
}

async function versionOf(found: FoundCli, options: DetectOptions): Promise<VersionRead> {
  if (options.mayRun && !options.mayRun(found)) return { state: 'not-run', reason: 'restricted-mode' };
  const key = await identity(found.realPath ?? found.path);
  const known = key === undefined ? undefined : options.memo?.get(key);
  if (known) return known;
  const read = await readCliVersion(found.path, { timeoutMs: options.timeoutMs, env: options.env, ...(options.platform ? { platform: options.platform } : {}) });
  // Failures are not kept: a cold start may time out once.
  if (key !== undefined && read.state === 'read') options.memo?.set(key, read);
  return read;
}

/** Finds Claude Code and reads the versions. */
export async function detectClaudeCode(options: DetectOptions): Promise<ClaudeCodeInstalls> {
  const platform = options.platform ?? process.platform;
  const [search, extensions] = await Promise.all([
    findClaudeCli({ env: options.env, platform, ...(options.workspaceFolders ? { workspaceFolders: options.workspaceFolders } : {}), ...(options.configured ? { configured: options.configured } : {}) }),
    options.extensions !== undefined ? Promise.resolve([...options.extensions]) : findClaudeCodeExtensions(options.env),
  ]);
  const cli: CliInstall[] = await Promise.all(search.found.map(async (found) => ({ ...found, version: await versionOf(found, options) })));
  return {
    cli,
    ...(extensions === undefined ? {} : { extensions }),
    searched: search.searched,
    platform: platform === 'linux' || platform === 'darwin' || platform === 'win32' ? platform : 'other',
  };
}
