/**
 * Where a `claude` CLI is: the first on PATH (what a terminal runs), then Claude Code's usual
 * install places (Claude Code's setup docs): the native installer's ~/.local/bin/claude (a link
 * into ~/.local/share/claude/versions/), `claude migrate-installer`'s ~/.claude/local/claude, npm's
 * global prefix (NPM_CONFIG_PREFIX, ~/.npmrc's `prefix`, or the platform's default), and Homebrew.
 * Each found file is resolved through its links to tell how it was installed. Nothing is run here.
 */

import { constants, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CliInstall, InstallKind } from '../../core/claudeCode/installTypes';

export interface SearchOptions {
  readonly env: NodeJS.ProcessEnv;
  readonly platform?: NodeJS.Platform;
  /** Folders of the workspace: a `claude` inside one is named by the workspace. */
  readonly workspaceFolders?: readonly string[];
  /** A `claude` a setting names: looked at first and judged, even when it is not a runnable file. */
  readonly configured?: { readonly path: string; readonly fromWorkspace: boolean };
}

/** A `claude` found, before its version is read. */
export type FoundCli = Omit<CliInstall, 'version'>;

export interface CliSearch {
  readonly found: readonly FoundCli[];
  /** The usual places looked in (PATH is always looked in first), as the user would write them. */
  readonly searched: readonly string[];
}

export function homeOf(env: NodeJS.ProcessEnv): string {
  return env.HOME || env.USERPROFILE || os.homedir();
}

function pathsFor(platform: NodeJS.Platform): typeof path.posix {
  return platform === 'win32' ? path.win32 : path.posix;
}

/** The file names a `claude` command has on this platform. */
function commandNames(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  if (platform !== 'win32') return ['claude'];
  const extensions = (env.PATHEXT ?? '.COM;.EXE;.BAT;.CMD').split(';').filter(Boolean).map((extension) => extension.toLowerCase());
  return extensions.filter((extension) => ['.exe', '.cmd', '.bat'].includes(extension)).map((extension) => `claude${extension}`);
}

async function isCommand(file: string, platform: NodeJS.Platform): Promise<boolean> {
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) return false;
    if (platform !== 'win32') await fs.access(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** `prefix=` of ~/.npmrc, when set there. */
async function npmrcPrefix(home: string, paths: typeof path.posix): Promise<string | undefined> {
  try {
    const text = await fs.readFile(paths.join(home, '.npmrc'), 'utf8');
    const line = /^\s*prefix\s*=\s*(.+?)\s*$/m.exec(text)?.[1];
    if (!line) return undefined;
    const value = line.replace(/^["']|["']$/g, '');
    return value.startsWith('~') ? paths.join(home, value.slice(1)) : value;
  } catch {
    return undefined;
  }
}

/** The usual install places, in the order a user is most likely to have them. */
async function usualPlaces(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): Promise<string[]> {
  const paths = pathsFor(platform);
  const home = homeOf(env);
  const prefix = env.NPM_CONFIG_PREFIX || env.npm_config_prefix || (await npmrcPrefix(home, paths));
  if (platform === 'win32') {
    const appData = env.APPDATA || paths.join(home, 'AppData', 'Roaming');
    return [
      paths.join(home, '.local', 'bin', 'claude.exe'),
      paths.join(home, '.claude', 'local', 'claude.cmd'),
      ...(prefix ? [paths.join(prefix, 'claude.cmd')] : []),
      paths.join(appData, 'npm', 'claude.cmd'),
    ];
  }
  return [
    paths.join(home, '.local', 'bin', 'claude'),
    paths.join(home, '.claude', 'local', 'claude'),
    ...(prefix ? [paths.join(prefix, 'bin', 'claude')] : []),
    '/usr/local/bin/claude',
    ...(platform === 'darwin' ? ['/opt/homebrew/bin/claude'] : ['/home/linuxbrew/.linuxbrew/bin/claude']),
  ];
}

/** How it was installed, from where the file really lives. */
export function kindOf(realPath: string, home: string, platform: NodeJS.Platform = process.platform): InstallKind {
  const slashed = realPath.split('\\').join('/');
  const homeSlashed = home.split('\\').join('/').replace(/\/$/, '');
  if (slashed.includes('/.local/share/claude/versions/') || (platform === 'win32' && slashed.toLowerCase() === `${homeSlashed}/.local/bin/claude.exe`.toLowerCase())) return 'native';
  if (slashed.startsWith(`${homeSlashed}/.claude/local/`)) return 'npm-local';
  if (/\/Caskroom\/claude-code(@[^/]+)?\//.test(slashed)) return 'homebrew';
  if (slashed.includes('/node_modules/@anthropic-ai/claude-code/') || (platform === 'win32' && /\/npm\/claude\.cmd$/i.test(slashed))) return 'npm-global';
  return 'other';
}

function inside(file: string, folder: string, paths: typeof path.posix): boolean {
  const relative = paths.relative(folder, file);
  return relative === '' || (!relative.startsWith('..') && !paths.isAbsolute(relative));
}

/** Every distinct `claude` (links followed): the first on PATH, then the usual places. */
export async function findClaudeCli(options: SearchOptions): Promise<CliSearch> {
  const platform = options.platform ?? process.platform;
  const paths = pathsFor(platform);
  const { env } = options;
  const home = homeOf(env);
  const names = commandNames(platform, env);
  const folders = options.workspaceFolders ?? [];
  const found: FoundCli[] = [];
  const seen = new Set<string>();
  const shown = (file: string) => (inside(file, home, paths) && file !== home ? { shown: `~${paths.sep}${paths.relative(home, file)}` } : {});

  const add = async (file: string, onPath: boolean, relativeEntry: boolean): Promise<boolean> => {
    if (!(await isCommand(file, platform))) return false;
    const realPath = await fs.realpath(file).catch(() => undefined);
    const key = realPath ?? file;
    if (seen.has(key)) return true;
    seen.add(key);
    const fromWorkspace = relativeEntry || folders.some((folder) => inside(file, folder, paths) || (realPath !== undefined && inside(realPath, folder, paths)));
    found.push({ path: file, ...shown(file), ...(realPath === undefined ? {} : { realPath }), kind: kindOf(realPath ?? file, home, platform), onPath, fromWorkspace });
    return true;
  };

  if (options.configured) {
    // Whatever it is: if it cannot run, its check says why.
    const file = paths.resolve(options.configured.path.startsWith('~') ? paths.join(home, options.configured.path.slice(1)) : options.configured.path);
    const realPath = await fs.realpath(file).catch(() => undefined);
    seen.add(realPath ?? file);
    const fromWorkspace = options.configured.fromWorkspace || folders.some((folder) => inside(file, folder, paths) || (realPath !== undefined && inside(realPath, folder, paths)));
    found.push({ path: file, ...shown(file), ...(realPath === undefined ? {} : { realPath }), kind: kindOf(realPath ?? file, home, platform), onPath: false, fromWorkspace, configured: true });
  }

  // What a terminal runs: the first match on PATH (a relative entry depends on the folder it runs in).
  const entries = (env.PATH ?? env.Path ?? '').split(paths.delimiter).filter((entry) => entry !== '');
  search: for (const entry of entries) {
    for (const name of names) {
      const relativeEntry = !paths.isAbsolute(entry);
      if (await add(paths.resolve(entry, name), true, relativeEntry)) break search;
    }
  }
  const places = await usualPlaces(env, platform);
  for (const place of places) await add(place, false, false);
  return { found, searched: places.map((place) => shown(place).shown ?? place) };
}
