/**
 * Running the real Claude Code CLI against the loopback fake AWS, shared by the interop test and the
 * wizard's end-to-end test: a process-group runner with a timeout, the minimal environment that keeps
 * claude on 127.0.0.1, and a stub `aws` so awsAuthRefresh never reaches a real AWS CLI.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { FakeAws } from '../fake-aws';

/** Where nothing listens: a proxy for any request that should not happen. */
export const DEAD_PROXY = 'http://127.0.0.1:9';

/** `claude` as scripts/claude-code-tools.sh installs it, when it has. */
export function installedClaude(): string | undefined {
  const tools = process.env.CLAUDE_CODE_TOOLS_DIR ?? path.join(__dirname, '..', '..', '.e2e-tools', 'claude-code');
  const claude = path.join(tools, 'node_modules', '.bin', 'claude');
  return fs.existsSync(path.join(tools, '.installed')) && fs.existsSync(claude) ? claude : undefined;
}

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  ms: number;
}

/** Runs a command in its own process group, stdin closed; kills the whole group on timeout and at the end. */
export function run(command: string, args: string[], opts: { cwd: string; env: Record<string, string>; timeoutMs: number }): Promise<RunResult> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: opts.cwd, env: opts.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (data: Buffer) => (stdout += data.toString()));
    child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
    const killGroup = (): void => {
      if (child.pid === undefined) return;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // The group is gone already.
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, opts.timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      // Whatever it started (helpers, shells) goes with it.
      killGroup();
      resolve({ code, signal, stdout, stderr, timedOut, ms: Date.now() - started });
    });
  });
}

/**
 * The environment of a claude run: nothing inherited, Bedrock at the fake runtime, everything else
 * dead-ended at `proxy` (a closed port by default; the interop test passes its loopback-only proxy).
 */
export function claudeEnv(home: string, binDir: string, fake: FakeAws, proxy: string = DEAD_PROXY): Record<string, string> {
  if (!fake.runtimeEndpoint) throw new Error('the fake does not serve Bedrock Runtime');
  return {
    PATH: [binDir, path.dirname(process.execPath), '/usr/local/bin', '/usr/bin', '/bin'].join(path.delimiter),
    HOME: home,
    USER: os.userInfo().username,
    LANG: 'C.UTF-8',
    TMPDIR: path.join(home, 'tmp'),
    // The point of the test: Claude Code's Bedrock traffic goes to the fake's runtime listener.
    ANTHROPIC_BEDROCK_BASE_URL: fake.runtimeEndpoint,
    // The SSO credential provider (and any other AWS client) goes to the fake's main listener.
    AWS_ENDPOINT_URL: fake.endpoint,
    AWS_EC2_METADATA_DISABLED: 'true',
    DISABLE_TELEMETRY: '1',
    DISABLE_AUTOUPDATER: '1',
    DISABLE_ERROR_REPORTING: '1',
    DISABLE_BUG_COMMAND: '1',
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
    // Anything else over HTTP(S) dies on a closed loopback port instead of leaving the machine.
    HTTPS_PROXY: proxy,
    HTTP_PROXY: proxy,
    https_proxy: proxy,
    http_proxy: proxy,
    NO_PROXY: '127.0.0.1,localhost',
    no_proxy: '127.0.0.1,localhost',
  };
}

/** A stub `aws` first on PATH: awsAuthRefresh (`aws sso login …`) must never reach a real AWS CLI. */
export function writeAwsStub(binDir: string, callLog: string): void {
  fs.mkdirSync(binDir, { recursive: true });
  const stub = path.join(binDir, 'aws');
  fs.writeFileSync(stub, `#!/bin/sh\necho "aws $*" >> '${callLog.replace(/'/g, `'\\''`)}'\necho "interop stub: no AWS CLI here" >&2\nexit 1\n`);
  fs.chmodSync(stub, 0o755);
}

