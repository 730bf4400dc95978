/**
 * Concurrent calls of one async job merged by key, as GitLens's `gate` decorator does: while a job
 * of a key runs, a second call with the same key gets the same promise and starts nothing new.
 */
export class Gate {
  private readonly running = new Map<string, Promise<void>>();

  /** Runs `job` unless one of `key` is running; either way resolves when that one ends. */
  run(key: string, job: () => Promise<void>): Promise<void> {
    const current = this.running.get(key);
    if (current) return current;
    const promise = job().finally(() => this.running.delete(key));
    this.running.set(key, promise);
    return promise;
  }

  /** Whether a job of `key` is running. */
  busy(key: string): boolean {
    return this.running.has(key);
  }
}
