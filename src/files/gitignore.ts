/**
 * Whether `.claude/settings.local.json` is git-ignored in a folder, and adding it to `.gitignore`.
 * Git itself answers when the folder is a repository (it knows global excludes, where Claude Code
 * puts the file); otherwise the folder's own `.gitignore` files are read.
 */

import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { gitignoreCovers } from '../core/setup/gitignorePatterns';
import { writeFileAtomic } from './atomicWrite';

export const LOCAL_SETTINGS_PATH = '.claude/settings.local.json';

function gitCheckIgnore(folder: string): Promise<boolean | undefined> {
  return new Promise((resolve) => {
    // No fsmonitor hook or other repository-configured program runs for this question.
    execFile('git', ['-c', 'core.fsmonitor=false', 'check-ignore', '-q', '--no-index', LOCAL_SETTINGS_PATH], { cwd: folder, timeout: 5000, windowsHide: true }, (error) => {
      if (!error) return resolve(true);
      resolve((error as { code?: unknown }).code === 1 ? false : undefined);
    });
  });
}

async function readText(file: string): Promise<string | undefined> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** True when git (or, outside a repository, the folder's .gitignore files) ignores the personal settings file. */
export async function localSettingsIgnored(folder: string): Promise<boolean> {
  const byGit = await gitCheckIgnore(folder);
  if (byGit !== undefined) return byGit;
  const root = await readText(path.join(folder, '.gitignore'));
  const inClaude = await readText(path.join(folder, '.claude', '.gitignore'));
  return (root !== undefined && gitignoreCovers(root, LOCAL_SETTINGS_PATH)) || (inClaude !== undefined && gitignoreCovers(inClaude, 'settings.local.json'));
}

/** The folder's .gitignore with the personal settings file added (absent `before`: a new file). */
export async function planGitignoreAddition(folder: string): Promise<{ path: string; before?: string; after: string }> {
  const file = path.join(folder, '.gitignore');
  const before = await readText(file);
  const eol = before?.includes('\r\n') ? '\r\n' : '\n';
  const prefix = before === undefined || before === '' ? '' : before.endsWith('\n') ? before : before + eol;
  return { path: file, ...(before === undefined ? {} : { before }), after: `${prefix}# Claude Code personal settings${eol}${LOCAL_SETTINGS_PATH}${eol}` };
}

/** Adds `.claude/settings.local.json` to the folder's .gitignore. */
export async function addLocalSettingsToGitignore(folder: string): Promise<void> {
  const plan = await planGitignoreAddition(folder);
  await writeFileAtomic(plan.path, plan.after);
}
