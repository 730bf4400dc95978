import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { access, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { connect } from 'node:http2';
import { join } from 'node:path';

/** The standalone server as the browser e2e and demos start it: a separate process. */
describe('fake-aws: standalone main.ts', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'fake-aws-main-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('prints eval-able exports, writes a demo home, serves, and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'main.ts'), '--scenario', 'basic', '--write-home', dir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let exitCode: number | null;
    try {
      let output = '';
      child.stdout.setEncoding('utf8');
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (chunk: string) => {
          output += chunk;
          if (output.includes('Ctrl-C')) resolve();
        });
        child.once('exit', (code) => reject(new Error(`main.ts exited early with ${code}`)));
      });
      const endpoint = /^export AWS_ENDPOINT_URL=(http:\/\/127\.0\.0\.1:\d+)$/m.exec(output)?.[1];
      assert.ok(endpoint, output);
      assert.match(output, /^export AWS_EC2_METADATA_DISABLED=true$/m);
      assert.match(output, new RegExp(`^export HOME=${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'));
      for (const line of output.trim().split('\n')) assert.match(line, /^(export [A-Z0-9_]+=\S+|# .*)$/);
      await access(join(dir, '.aws', 'config'));
      await access(join(dir, '.aws', 'credentials'));

      const health = await fetch(`${endpoint}/__fake/health`);
      assert.deepEqual(await health.json(), { ok: true, scenario: 'basic' });
    } finally {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      [exitCode] = (await exited) as [number | null];
    }
    assert.equal(exitCode, 0, 'main.ts should stop cleanly on SIGTERM');
  });

  it('--runtime-http1-only: the runtime port answers HTTP/1.1 and refuses h2c', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'main.ts'), '--scenario', 'basic', '--runtime-http1-only'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      let output = '';
      child.stdout.setEncoding('utf8');
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (chunk: string) => {
          output += chunk;
          if (output.includes('Ctrl-C')) resolve();
        });
        child.once('exit', (code) => reject(new Error(`main.ts exited early with ${code}`)));
      });
      assert.match(output, /runtime: HTTP\/1\.1 only/);
      const runtime = /^export AWS_ENDPOINT_URL_BEDROCK_RUNTIME=(http:\/\/127\.0\.0\.1:\d+)$/m.exec(output)?.[1];
      assert.ok(runtime, output);
      // HTTP/1.1 (fetch): the runtime module answers, here refusing the unsigned request.
      const plain = await fetch(`${runtime}/model/x/converse`, { method: 'POST', body: '{}' });
      assert.equal(plain.status, 403);
      // h2c with prior knowledge, as the SDK's NodeHttp2Handler sends it: the session fails.
      const session = connect(runtime);
      const failed = await new Promise<boolean>((resolve) => {
        session.once('error', () => resolve(true));
        session.once('close', () => resolve(true));
        const stream = session.request({ ':method': 'GET', ':path': '/' });
        stream.once('response', () => resolve(false));
        stream.on('error', () => resolve(true));
        stream.end();
      });
      session.destroy();
      assert.ok(failed, 'an h2c request must not be answered');
    } finally {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    }
  });
});
