/**
 * The Claude Code installations found on a machine: the `claude` CLI (on PATH and in its usual
 * install places) and the Claude Code extension for VS Code, each with its version as read in this
 * run, or why it could not be read. Found by src/files/claudeCode (the CLI, the extensions folders)
 * or the VS Code API (the extension); judged by installVerdict.ts.
 */

/** The Claude Code extension for VS Code (it bundles the CLI of its own version for its panel). */
export const CLAUDE_CODE_EXTENSION_ID = 'anthropic.claude-code';

/** How a `claude` was installed, from where its file really lives. */
export type InstallKind =
  /** The native installer (`curl -fsSL https://claude.ai/install.sh | bash`): ~/.local/bin/claude → ~/.local/share/claude/versions/<version>. */
  | 'native'
  /** `npm install -g @anthropic-ai/claude-code`: <npm prefix>/lib/node_modules/@anthropic-ai/claude-code. */
  | 'npm-global'
  /** `claude migrate-installer`'s local install: ~/.claude/local. */
  | 'npm-local'
  /** `brew install --cask claude-code`. */
  | 'homebrew'
  /** Anything else (a wrapper script, a copy, a package in a project). */
  | 'other';

/** Why a version could not be read. */
export type VersionFailure =
  | { readonly reason: 'timeout'; readonly timeoutMs: number }
  /** It printed something that is not a version (the first line, control characters removed, at most 80 characters). */
  | { readonly reason: 'garbage'; readonly output: string }
  | { readonly reason: 'exit-code'; readonly exitCode: number | null; readonly signal?: string; readonly output: string }
  /** It could not be started (not executable, a broken link, a missing interpreter). */
  | { readonly reason: 'spawn-error'; readonly code: string };

/** A version as read in this run. */
export type VersionRead =
  | { readonly state: 'read'; readonly version: string; readonly how: 'version-command' | 'extension-manifest' | 'extensions-api' }
  /** Not run: the workspace names this binary and is not trusted (Restricted Mode). */
  | { readonly state: 'not-run'; readonly reason: 'restricted-mode' }
  | { readonly state: 'failed'; readonly failure: VersionFailure };

export interface CliInstall {
  /** The path as found: a PATH entry's `claude`, or a usual install place. */
  readonly path: string;
  /** The path as shown: `~/…` under the home folder (no user name in a screenshot or a pasted report). */
  readonly shown?: string;
  /** Where the file really is, links followed (absent when it could not be resolved). */
  readonly realPath?: string;
  readonly kind: InstallKind;
  /** The `claude` a terminal runs: the first on PATH. */
  readonly onPath: boolean;
  /** Named by the workspace (a path inside a workspace folder, or a workspace setting). */
  readonly fromWorkspace: boolean;
  /** Named by the setting `claudeBedrock.claudeCode.path` (then it is the one judged). */
  readonly configured?: boolean;
  readonly version: VersionRead;
}

export interface ExtensionInstall {
  /** Where it was found: an extensions folder (CLI), or `vscode` (this editor's API). */
  readonly where: string;
  readonly version: VersionRead;
}

export interface ClaudeCodeInstalls {
  /** Every distinct `claude` found (links followed): the one on PATH first, then the usual places. */
  readonly cli: readonly CliInstall[];
  /**
   * The Claude Code extension wherever it was looked for; empty when it is not installed there.
   * Undefined when nobody looked (the CLI found no VS Code extensions folder).
   */
  readonly extensions?: readonly ExtensionInstall[];
  /** The places looked in for `claude`, for the message when none is found. */
  readonly searched: readonly string[];
  readonly platform: 'linux' | 'darwin' | 'win32' | 'other';
}

/** The command that updates an install of this kind. */
export function updateCommand(kind: InstallKind): string {
  switch (kind) {
    case 'npm-global':
      return 'npm install -g @anthropic-ai/claude-code@latest';
    case 'homebrew':
      return 'brew upgrade --cask claude-code';
    default:
      // The native and the local installer update themselves with it; for anything else it says what to do.
      return 'claude update';
  }
}

/** The command that installs the CLI (the native installer, as Claude Code's setup docs recommend). */
export function installCommand(platform: ClaudeCodeInstalls['platform']): string {
  return platform === 'win32' ? 'irm https://claude.ai/install.ps1 | iex' : 'curl -fsSL https://claude.ai/install.sh | bash';
}

/** The command that installs (or, with --force, updates) the VS Code extension from a terminal. */
export const EXTENSION_INSTALL_COMMAND = 'code --install-extension anthropic.claude-code';
export const EXTENSION_UPDATE_COMMAND = 'code --install-extension anthropic.claude-code --force';

/** The version of an install when it was read. */
export function versionOf(read: VersionRead): string | undefined {
  return read.state === 'read' ? read.version : undefined;
}
