/** `claudeCode.disableLoginPrompt: true` in a folder's `.vscode/settings.json`, so Claude Code's VS Code extension uses Bedrock. */

import * as path from 'node:path';
import { planVscodeSetting } from '../core/setup/vscodeSettings';
import { readTextIfExists, writeFileAtomic } from './atomicWrite';

export const DISABLE_LOGIN_PROMPT_KEY = 'claudeCode.disableLoginPrompt';

/** The planned edit of the folder's `.vscode/settings.json`, with the file's path and current text. */
export async function planDisableLoginPrompt(folder: string): Promise<{ path: string; before?: string } & ReturnType<typeof planVscodeSetting>> {
  const file = path.join(folder, '.vscode', 'settings.json');
  const before = await readTextIfExists(file);
  return { path: file, ...(before === undefined ? {} : { before }), ...planVscodeSetting(before, DISABLE_LOGIN_PROMPT_KEY, true) };
}

/** Sets the key; refuses (and leaves the file as it is) when the file does not parse. */
export async function setDisableLoginPrompt(folder: string): Promise<{ changed: boolean; path: string } | { error: string; path: string }> {
  const plan = await planDisableLoginPrompt(folder);
  if (!plan.ok) return { path: plan.path, error: `${plan.path}:${plan.line}:${plan.column}: ${plan.message}` };
  if (plan.changed) await writeFileAtomic(plan.path, plan.after);
  return { path: plan.path, changed: plan.changed };
}
