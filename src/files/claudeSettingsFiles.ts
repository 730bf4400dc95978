/**
 * Where Claude Code's settings files live on this machine, reading them as plan inputs, and
 * applying a plan: every file re-checked against what was planned, then written atomically.
 */

import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { SettingsFiles } from '../core/setup/settingsPlan';
import type { SettingsFileInput, SettingsSource, SetupPlan } from '../core/setup/settingsTypes';
import { assertUnchanged, firstReadOnly, ReadOnlyFileError, writeFileAtomic } from './atomicWrite';

/**
 * Overrides the folder of Claude Code's managed settings (tests, unusual installs). Claude Code
 * itself reads only the per-OS folder.
 */
export const MANAGED_DIR_VARIABLE = 'CLAUDE_BEDROCK_MANAGED_SETTINGS_DIR';

export interface ClaudeSettingsPaths {
  readonly project?: string;
  readonly local?: string;
  readonly user: string;
  readonly managedFile: string;
  readonly managedDropIns: string;
}

/** The managed-settings folder of Claude Code on each OS. */
export function managedSettingsDir(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string {
  const override = env[MANAGED_DIR_VARIABLE];
  if (override) return override;
  if (platform === 'darwin') return '/Library/Application Support/ClaudeCode';
  if (platform === 'win32') return path.win32.join(env.ProgramFiles ?? 'C:\\Program Files', 'ClaudeCode');
  return '/etc/claude-code';
}

/** Paths of the four settings sources for a workspace folder (or none). */
export function claudeSettingsPaths(folder: string | undefined, env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): ClaudeSettingsPaths {
  const paths = platform === 'win32' ? path.win32 : path.posix;
  const home = env.HOME || env.USERPROFILE || os.homedir();
  const configDir = env.CLAUDE_CONFIG_DIR || paths.join(home, '.claude');
  const managed = managedSettingsDir(platform, env);
  return {
    ...(folder === undefined
      ? {}
      : { project: paths.join(folder, '.claude', 'settings.json'), local: paths.join(folder, '.claude', 'settings.local.json') }),
    user: paths.join(configDir, 'settings.json'),
    managedFile: paths.join(managed, 'managed-settings.json'),
    managedDropIns: paths.join(managed, 'managed-settings.d'),
  };
}

/** Reads one settings file; a missing file has no text, an unreadable one says why. */
export async function readSettingsFile(source: SettingsSource, file: string): Promise<SettingsFileInput> {
  try {
    return { source, path: file, text: await fs.readFile(file, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { source, path: file };
    return { source, path: file, unreadable: code ?? (error as Error).message };
  }
}

async function dropIns(dir: string): Promise<string[]> {
  try {
    return (await fs.readdir(dir)).filter((name) => name.endsWith('.json')).sort().map((name) => path.join(dir, name));
  } catch {
    return [];
  }
}

/** Reads every settings file that applies to a folder: project, local, user and managed. */
export async function readSettingsFiles(folder: string | undefined, env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): Promise<SettingsFiles> {
  const paths = claudeSettingsPaths(folder, env, platform);
  const [project, local, user, managedFile, ...managedDropIns] = await Promise.all([
    paths.project === undefined ? undefined : readSettingsFile('project', paths.project),
    paths.local === undefined ? undefined : readSettingsFile('local', paths.local),
    readSettingsFile('user', paths.user),
    readSettingsFile('managed', paths.managedFile),
    ...(await dropIns(paths.managedDropIns)).map((file) => readSettingsFile('managed', file)),
  ]);
  const managed = [managedFile!, ...(managedDropIns as SettingsFileInput[])].filter((file) => file.text !== undefined || file.unreadable !== undefined);
  return { ...(project ? { project } : {}), ...(local ? { local } : {}), user: user!, managed };
}

/** All files of a SettingsFiles, as a list. */
export function settingsFileList(files: SettingsFiles): SettingsFileInput[] {
  return [...files.managed, ...(files.local ? [files.local] : []), ...(files.project ? [files.project] : []), files.user];
}

/**
 * Writes a plan. Every file is first checked to hold exactly the text the plan was made from, so
 * an edit made meanwhile is never overwritten, and none may be read-only; then each is written atomically.
 */
export async function applyPlan(plan: Extract<SetupPlan, { ok: true }>): Promise<void> {
  for (const file of plan.files) await assertUnchanged(file.path, file.before);
  const readOnly = await firstReadOnly(plan.files.map((file) => file.path));
  if (readOnly !== undefined) throw new ReadOnlyFileError(readOnly);
  for (const file of plan.files) await writeFileAtomic(file.path, file.after);
}
