// Runs the built CLI as a user would: its own process, only the environment given.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';

export const cli = join(__dirname, '..', '..', 'dist', 'cli.js');
export const SECRETS = ['do-not-print', 'super-secret-argument', 'NOT-A-REAL-SECRET', 'fake-session-token', 'FAKEAKIDSTATIC0001', 'fake-sso-access-token'];

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI with only the variables given (plus PATH): nothing AWS leaks in from the machine. */
export function run(args: string[], env: Record<string, string>, options: { cwd?: string } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], {
      env: { PATH: process.env.PATH ?? '', AWS_EC2_METADATA_DISABLED: 'true', LANG: 'C', CLAUDE_BEDROCK_POLICY_DIR: '/nonexistent/claude-bedrock-policy-of-the-cli-tests', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(options.cwd ? { cwd: options.cwd } : {}),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export function assertNoSecrets(result: Run) {
  for (const secret of SECRETS) {
    assert.ok(!result.stdout.includes(secret) && !result.stderr.includes(secret), `output contains ${secret}`);
  }
}
