/**
 * Which Claude Code this window's health check judges: `claude` on the extension host's PATH and in
 * its usual install places (or the one `claudeBedrock.claudeCode.path` names), with the version it
 * prints, and the Claude Code extension as this editor reports it. The versions read are kept here
 * (this module lives in the eager bundle only), so `claude --version` runs again only for a file
 * that changed. In Restricted Mode a `claude` the workspace names — inside a workspace folder, found
 * through a relative PATH entry, or set in the workspace's settings — is never run.
 */

import * as vscode from 'vscode';
import { CLAUDE_CODE_EXTENSION_ID, type ClaudeCodeInstalls, type ExtensionInstall, type VersionRead } from '../../core/claudeCode/installTypes';
import type { ClaudeCodeFinding } from '../../core/claudeCode/installVerdict';
import type { EffectiveSetup } from '../../core/setup/settingsTypes';
import { isVersion } from '../../core/claudeCode/versionNumbers';
import { loadClaudeCodeDetect } from '../lazyBundles';

/** How long `claude --version` may take (a first start of the native binary reads a few hundred MB). */
const VERSION_TIMEOUT_MS = 10_000;

export const CLAUDE_CODE_PATH_SETTING = 'claudeCode.path';

/** The Claude Code extension as this editor knows it: one entry, or none when it is not installed. */
function extensionFromEditor(): ExtensionInstall[] {
  const extension = vscode.extensions.getExtension(CLAUDE_CODE_EXTENSION_ID);
  if (!extension) return [];
  const version = (extension.packageJSON as { version?: unknown } | undefined)?.version;
  const read: VersionRead = isVersion(version) ? { state: 'read', version, how: 'extensions-api' } : { state: 'failed', failure: { reason: 'garbage', output: String(version) } };
  return [{ where: extension.extensionPath || 'vscode', version: read }];
}

/** `claudeBedrock.claudeCode.path`, and whether the workspace (not the user) set it. */
function configuredPath(): { path: string; fromWorkspace: boolean } | undefined {
  const configuration = vscode.workspace.getConfiguration('claudeBedrock');
  const value = configuration.get<string>(CLAUDE_CODE_PATH_SETTING, '').trim();
  if (value === '') return undefined;
  const inspected = configuration.inspect?.<string>(CLAUDE_CODE_PATH_SETTING);
  const fromWorkspace = [inspected?.workspaceValue, inspected?.workspaceFolderValue].some((candidate) => typeof candidate === 'string' && candidate.trim() === value);
  return { path: value, fromWorkspace };
}

/** The findings for a folder's setup: judged against its settings when it configures Bedrock (in the lazy bundle, with the table). */
export function findingsFor(installs: ClaudeCodeInstalls, setup: EffectiveSetup, region: string | undefined): readonly ClaudeCodeFinding[] {
  const { claudeCodeFindings, writtenSettingsOf } = loadClaudeCodeDetect();
  return claudeCodeFindings(installs, setup.bedrock ? { settings: writtenSettingsOf(setup), ...(region ? { region } : {}) } : undefined);
}

export class ClaudeCodeInstallState {
  private readonly versions = new Map<string, VersionRead>();

  /**
   * Finds Claude Code now; each version is read once per file (path, size, modification time).
   * Async, so that anything that fails here (even loading the detection bundle) is a rejection the
   * health check shows as not verified.
   */
  async detect(): Promise<ClaudeCodeInstalls> {
    const trusted = vscode.workspace.isTrusted;
    const configured = configuredPath();
    const { detectClaudeCode } = loadClaudeCodeDetect();
    return detectClaudeCode({
      env: process.env,
      workspaceFolders: (vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri.fsPath),
      timeoutMs: VERSION_TIMEOUT_MS,
      memo: this.versions,
      extensions: extensionFromEditor(),
      ...(configured ? { configured } : {}),
      // Restricted Mode: never run a program the workspace names.
      mayRun: (found) => trusted || !found.fromWorkspace,
    });
  }
}
