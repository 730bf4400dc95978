/**
 * Watches the AWS config and credentials files and the SSO token cache, wherever the environment
 * puts them, and reports changes (debounced) so the profile list is read afresh, never cached.
 */

import { dirname, basename } from 'node:path';
import * as vscode from 'vscode';
import { awsFilePaths, type Environment } from '../../aws/profiles/awsFiles';

export function watchAwsFiles(env: Environment, onChange: () => void, debounceMs = 300): vscode.Disposable {
  const paths = awsFilePaths(env);
  let timer: NodeJS.Timeout | undefined;
  const fire = () => {
    clearTimeout(timer);
    timer = setTimeout(onChange, debounceMs);
  };
  const patterns = [
    new vscode.RelativePattern(vscode.Uri.file(dirname(paths.config)), basename(paths.config)),
    new vscode.RelativePattern(vscode.Uri.file(dirname(paths.credentials)), basename(paths.credentials)),
    new vscode.RelativePattern(vscode.Uri.file(paths.ssoCacheDir), '*.json'),
    new vscode.RelativePattern(vscode.Uri.file(paths.loginCacheDir), '*.json'),
  ];
  const watchers = watchPatterns(patterns, fire);
  return new vscode.Disposable(() => {
    clearTimeout(timer);
    watchers.dispose();
  });
}

/** Calls `onChange` whenever a file matching one of the patterns is changed, created or deleted. */
export function watchPatterns(patterns: readonly vscode.GlobPattern[], onChange: () => void): vscode.Disposable {
  const disposables: vscode.Disposable[] = [];
  for (const pattern of patterns) {
    const watcher = vscode.workspace.createFileSystemWatcher(pattern);
    disposables.push(watcher, watcher.onDidChange(onChange), watcher.onDidCreate(onChange), watcher.onDidDelete(onChange));
  }
  return vscode.Disposable.from(...disposables);
}
