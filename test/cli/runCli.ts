// Runs the built CLI as a user would: its own process, only the environment given.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';

export const cli = join(__dirname, '..', '..', 'dist', 'cli.js');
/**
 * The bound of a command whose AWS never answers: its `--timeout` plus this margin (Node start-up
 * and the work around the calls), below the CLI's 2 s exit backstop, so a request, socket or timer
 * that outlives the command fails the test. A correctness bound far above a normal run, never a
 * measure of speed.
 */
export const TIMEOUT_S = 2;
export const MARGIN_MS = 1_500;

export const SECRETS = ['do-not-print', 'super-secret-argument', 'NOT-A-REAL-SECRET', 'fake-session-token', 'FAKEAKIDSTATIC0001', 'fake-sso-access-token'];

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Epoch ms of the last output chunk (0 without output) and of the exit. */
  outputAt: number;
  exitAt: number;
}

/** Runs the CLI with only the variables given (plus PATH): nothing AWS leaks in from the machine. */
export function run(args: readonly string[], env: Record<string, string>, options: { cwd?: string } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], {
      env: { PATH: process.env.PATH ?? '', AWS_EC2_METADATA_DISABLED: 'true', LANG: 'C', CLAUDE_BEDROCK_POLICY_DIR: '/nonexistent/claude-bedrock-policy-of-the-cli-tests', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(options.cwd ? { cwd: options.cwd } : {}),
    });
    let stdout = '';
    let stderr = '';
    let outputAt = 0;
    child.stdout.on('data', (chunk: Buffer) => ((stdout += chunk), (outputAt = Date.now())));
    child.stderr.on('data', (chunk: Buffer) => ((stderr += chunk), (outputAt = Date.now())));
    child.on('error', reject);
    child.on('exit', () => (exitAt = Date.now()));
    let exitAt = 0;
    child.on('close', (code) => resolve({ code, stdout, stderr, outputAt, exitAt: exitAt || Date.now() }));
  });
}

export function assertNoSecrets(result: Run) {
  for (const secret of SECRETS) {
    assert.ok(!result.stdout.includes(secret) && !result.stderr.includes(secret), `output contains ${secret}`);
  }
}
