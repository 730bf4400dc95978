/**
 * `claude --version`, bounded: the program gets its own process group (on POSIX), stdin closed,
 * Claude Code's switches for auto-update and non-essential traffic on, and a deadline after which
 * the whole group is killed. Only the first 4 KiB of output are kept; it is never logged. The
 * answer is the version, or why there is none (timed out, not a version, a non-zero exit, could not
 * start).
 */

import { spawn } from 'node:child_process';
import { versionFromOutput } from '../../core/claudeCode/versionNumbers';
import type { VersionRead } from '../../core/claudeCode/installTypes';

const MAX_OUTPUT = 4096;

export interface VersionCommandOptions {
  readonly timeoutMs: number;
  /** The environment of the run (PATH matters: an npm install starts with `#!/usr/bin/env node`). */
  readonly env: NodeJS.ProcessEnv;
  readonly platform?: NodeJS.Platform;
}

/** Runs `<file> --version` and reads the version it prints. */
export function readCliVersion(file: string, options: VersionCommandOptions): Promise<VersionRead> {
  const platform = options.platform ?? process.platform;
  // A .cmd or .bat shim runs only through the shell on Windows; quoted, so the path stays one word.
  const shell = platform === 'win32' && /\.(cmd|bat)$/i.test(file);
  const env: NodeJS.ProcessEnv = {
    ...options.env,
    DISABLE_AUTOUPDATER: '1',
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
    DISABLE_TELEMETRY: '1',
    DISABLE_ERROR_REPORTING: '1',
  };
  return new Promise((resolve) => {
    let output = '';
    let settled = false;
    const finish = (read: VersionRead) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(read);
    };
    let child: ReturnType<typeof spawn>;
    try {
      child = spawn(shell ? `"${file}"` : file, ['--version'], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: platform !== 'win32', windowsHide: true, shell });
    } catch (error) {
      resolve({ state: 'failed', failure: { reason: 'spawn-error', code: (error as NodeJS.ErrnoException).code ?? 'UNKNOWN' } });
      return;
    }
    const kill = () => {
      try {
        if (platform !== 'win32' && child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        // Gone already.
      }
    };
    const timer = setTimeout(() => {
      kill();
      child.stdout?.destroy();
      child.stderr?.destroy();
      finish({ state: 'failed', failure: { reason: 'timeout', timeoutMs: options.timeoutMs } });
    }, options.timeoutMs);
    timer.unref?.();
    const collect = (chunk: Buffer) => {
      if (output.length < MAX_OUTPUT) output += chunk.toString('utf8').slice(0, MAX_OUTPUT - output.length);
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    child.on('error', (error: NodeJS.ErrnoException) => finish({ state: 'failed', failure: { reason: 'spawn-error', code: error.code ?? 'UNKNOWN' } }));
    child.on('close', (code, signal) => {
      // Whatever it started goes with it.
      kill();
      if (code !== 0) {
        finish({ state: 'failed', failure: { reason: 'exit-code', exitCode: code, ...(signal ? { signal } : {}), output: firstLine(output) } });
        return;
      }
      const version = versionFromOutput(output);
      finish(version ? { state: 'read', version, how: 'version-command' } : { state: 'failed', failure: { reason: 'garbage', output: firstLine(output) } });
    });
  });
}

function firstLine(output: string): string {
  return (output.trim().split(/\r?\n/, 1)[0] ?? '').slice(0, 200);
}
