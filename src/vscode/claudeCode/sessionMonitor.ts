/**
 * When the *Setup* view reads Claude Code's own sessions: at most once per health check, never
 * before the first health check has finished (activation and the status bar's startup check go
 * first), and only when the view shows the section (someone looks). A scan streams in the
 * background (dist/sessions.js, loaded on the first scan) and is cancelled when a newer health check
 * supersedes it, when the setting turns it off, and when the window closes.
 */

import * as vscode from 'vscode';
import { loadSessionScan } from '../lazyBundles';
import { uiLocale } from '../uiLocale';
import type { FolderSetup, SetupState } from '../setup/setupState';
import type { FolderSessionsView } from './sessionScan';

/** `claudeBedrock.claudeCode.sessionDays`: how many days of sessions to read (0: none). */
export function sessionDays(): number {
  const days = vscode.workspace.getConfiguration('claudeBedrock').get<number>('claudeCode.sessionDays', 7);
  return Number.isInteger(days) && days > 0 ? Math.min(days, 90) : 0;
}

function folderKey(folder: FolderSetup): string {
  return folder.folder?.uri.toString() ?? 'no-folder';
}

/** What the view shows for a folder's sessions: the last result (if any), whether a scan runs, why the last one failed. */
export interface FolderSessions {
  readonly reading: boolean;
  readonly result?: { readonly view: FolderSessionsView; readonly readAt: Date };
  /** A scan that threw (a bug or the bundle missing), in English from the error. */
  readonly failure?: string;
}

export class SessionMonitor implements vscode.Disposable {
  private readonly results = new Map<string, { readonly view: FolderSessionsView; readonly readAt: Date }>();
  private failure: string | undefined;
  /** The health check the last scan (finished or running) belongs to. */
  private scannedCheck = 0;
  private running: AbortController | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly state: SetupState) {
    this.subscriptions = [
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (!event.affectsConfiguration('claudeBedrock.claudeCode.sessionDays')) return;
        // Read again with the new number of days, when the view draws the section next.
        this.running?.abort();
        this.scannedCheck = 0;
        this.changed.fire();
      }),
    ];
  }

  /** The section of a folder as it stands. */
  folder(folder: FolderSetup): FolderSessions {
    const result = this.results.get(folderKey(folder));
    return { reading: this.running !== undefined, ...(result ? { result } : {}), ...(this.failure !== undefined ? { failure: this.failure } : {}) };
  }

  /**
   * The view draws the section: read the sessions if the latest health check has not had its scan
   * yet. Nothing is remembered: VS Code draws only what is visible, and draws the view again when a
   * health check ends (its state changes), so a hidden view reads nothing.
   */
  request(): void {
    // Asked while the tree draws: start after this turn, not inside getTreeItem.
    setImmediate(() => this.maybeScan());
  }

  private maybeScan(): void {
    const check = this.state.completedChecks;
    // Deferred: nothing before the first health check has finished, nor during a check; once per check.
    if (check === 0 || this.state.isChecking || check <= this.scannedCheck || sessionDays() === 0) return;
    this.running?.abort();
    this.scannedCheck = check;
    void this.scan(this.state.current);
  }

  private async scan(folders: readonly FolderSetup[]): Promise<void> {
    const controller = new AbortController();
    this.running = controller;
    this.changed.fire();
    try {
      const withPath = folders.filter((folder) => folder.folder !== undefined);
      const { scanFolderSessions } = loadSessionScan();
      const views = await scanFolderSessions({
        folders: withPath.map((folder) => ({ path: folder.folder!.uri.fsPath, context: { region: folder.health.region, profile: folder.health.profile, policy: folder.policy } })),
        env: process.env,
        days: sessionDays(),
        locale: uiLocale(),
        signal: controller.signal,
      });
      if (controller.signal.aborted || views === undefined) return;
      this.results.clear();
      this.failure = undefined;
      const readAt = new Date();
      withPath.forEach((folder, index) => this.results.set(folderKey(folder), { view: views[index]!, readAt }));
    } catch (error) {
      if (!controller.signal.aborted) {
        // The last scan's results are not this check's: the failure stands alone (not verified), never beside an old pass.
        this.results.clear();
        this.failure = error instanceof Error ? error.message : String(error);
      }
    } finally {
      if (this.running === controller) this.running = undefined;
      this.changed.fire();
    }
  }

  dispose(): void {
    this.running?.abort();
    for (const subscription of this.subscriptions) subscription.dispose();
    this.changed.dispose();
  }
}
