/**
 * Identity check results of this window, in memory only: which profiles are being checked and
 * what the last check said. Results are dropped when the profile's definition changes.
 */

import * as vscode from 'vscode';
import type { IdentityResult } from '../../aws/profiles/identity';

export interface IdentityEntry {
  readonly result: IdentityResult;
  readonly checkedAt: Date;
  /** The profile definition the result was obtained with. */
  readonly fingerprint: string;
}

export class IdentityState implements vscode.Disposable {
  private readonly results = new Map<string, IdentityEntry>();
  private readonly running = new Set<string>();
  private readonly changed = new vscode.EventEmitter<string>();
  /** Fires with the key of the profile whose check started or finished. */
  readonly onDidChange = this.changed.event;

  isRunning(key: string): boolean {
    return this.running.has(key);
  }

  /** The last result for a profile, if its definition is still the one that was checked. */
  get(key: string, fingerprint: string): IdentityEntry | undefined {
    const entry = this.results.get(key);
    return entry && entry.fingerprint === fingerprint ? entry : undefined;
  }

  start(key: string): void {
    this.running.add(key);
    this.changed.fire(key);
  }

  finish(key: string, entry: IdentityEntry): void {
    this.running.delete(key);
    this.results.set(key, entry);
    this.changed.fire(key);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
