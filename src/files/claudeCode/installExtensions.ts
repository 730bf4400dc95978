/**
 * The Claude Code extension (`anthropic.claude-code`) in the extensions folders of VS Code and its
 * kin on this machine, for the CLI (inside VS Code the extension asks the editor's own API). An
 * editor's `extensions.json` says which copy is installed; without it, the newest folder that is
 * not marked obsolete. The version is read from that copy's package.json, nothing else of it.
 */

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { ExtensionInstall } from '../../core/claudeCode/installTypes';
import { CLAUDE_CODE_EXTENSION_ID } from '../../core/claudeCode/supportTable';
import { compareVersions, isVersion } from '../../core/claudeCode/versionNumbers';
import { homeOf } from './installSearch';

/** The extensions folders of VS Code, its Insiders, its server (Remote, WSL, containers), VSCodium, Cursor, Windsurf, code-server. */
export function extensionsFolders(env: NodeJS.ProcessEnv): string[] {
  const home = homeOf(env);
  const dataHome = env.XDG_DATA_HOME || path.join(home, '.local', 'share');
  const folders = [
    ...(env.VSCODE_EXTENSIONS ? [env.VSCODE_EXTENSIONS] : []),
    ...['.vscode', '.vscode-insiders', '.vscode-server', '.vscode-server-insiders', '.vscode-oss', '.cursor', '.windsurf'].map((folder) => path.join(home, folder, 'extensions')),
    path.join(dataHome, 'code-server', 'extensions'),
  ];
  return [...new Set(folders)];
}

const FOLDER = new RegExp(`^${CLAUDE_CODE_EXTENSION_ID.replace('.', '\\.')}-(\\d+\\.\\d+\\.\\d+)(?:-[a-z0-9-]+)?$`, 'i');

async function readJson(file: string): Promise<unknown> {
  return JSON.parse(await fs.readFile(file, 'utf8')) as unknown;
}

/** The folder of the installed copy: from extensions.json, else the newest not marked obsolete. */
async function installedCopy(folder: string, entries: readonly string[]): Promise<string | undefined> {
  const listed = await readJson(path.join(folder, 'extensions.json')).catch(() => undefined);
  if (Array.isArray(listed)) {
    for (const entry of listed as { identifier?: { id?: unknown }; relativeLocation?: unknown; location?: { path?: unknown } }[]) {
      if (typeof entry?.identifier?.id !== 'string' || entry.identifier.id.toLowerCase() !== CLAUDE_CODE_EXTENSION_ID) continue;
      if (typeof entry.relativeLocation === 'string') return path.join(folder, entry.relativeLocation);
      if (typeof entry.location?.path === 'string') return entry.location.path;
    }
    return undefined;
  }
  const obsolete = await readJson(path.join(folder, '.obsolete')).catch(() => ({}));
  const candidates = entries
    .map((name) => ({ name, version: FOLDER.exec(name)?.[1] }))
    .filter((candidate): candidate is { name: string; version: string } => candidate.version !== undefined && !(obsolete as Record<string, unknown>)[candidate.name]);
  candidates.sort((a, b) => compareVersions(b.version, a.version));
  return candidates[0] === undefined ? undefined : path.join(folder, candidates[0].name);
}

/**
 * The Claude Code extension in every extensions folder that exists: one entry per folder that has
 * it. Empty when folders exist but none has it; undefined when there is no extensions folder at all.
 */
export async function findClaudeCodeExtensions(env: NodeJS.ProcessEnv): Promise<ExtensionInstall[] | undefined> {
  let looked = false;
  const found: ExtensionInstall[] = [];
  for (const folder of extensionsFolders(env)) {
    const entries = await fs.readdir(folder).catch(() => undefined);
    if (entries === undefined) continue;
    looked = true;
    const copy = await installedCopy(folder, entries);
    if (copy === undefined) continue;
    const manifest = await readJson(path.join(copy, 'package.json')).catch(() => undefined);
    const version = (manifest as { version?: unknown } | undefined)?.version;
    found.push({
      where: copy,
      version: isVersion(version) ? { state: 'read', version, how: 'extension-manifest' } : { state: 'failed', failure: { reason: 'garbage', output: manifest === undefined ? 'package.json missing or not JSON' : `version ${JSON.stringify(version) ?? 'missing'}` } },
    });
  }
  return looked ? found : undefined;
}
