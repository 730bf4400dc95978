/**
 * Starts code-server with the packaged extension installed, in the foreground, until SIGINT/SIGTERM.
 * Used by scripts/dev.mjs (`npm start`); can be run on its own:
 *
 *   npx tsx test/e2e/dev-server.ts --vsix vsix/claude-bedrock-setup-0.1.0.vsix --home /tmp/demo-home \
 *     [--port 8080] [--host 127.0.0.1] [--folder DIR] [--env KEY=VALUE ...] [--workspace-trust] [--locale ja]
 *
 * The environment of code-server (and so of the extension) is the current one without AWS_* variables,
 * with AWS_EC2_METADATA_DISABLED=true, HOME from --home and every --env KEY=VALUE.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { assertPortFree, cleanEnv, findVsix, mkTempDir, RESULTS_DIR, startCodeServer, type CodeServer } from './codeServer';

interface Args {
  vsix?: string;
  home?: string;
  folder?: string;
  port: number;
  host: string;
  env: Record<string, string>;
  workspaceTrust: boolean;
  locale?: string;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { port: 8080, host: '127.0.0.1', env: {}, workspaceTrust: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const next = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    switch (a) {
      case '--vsix': args.vsix = path.resolve(next()); break;
      case '--home': args.home = path.resolve(next()); break;
      case '--folder': args.folder = path.resolve(next()); break;
      case '--port': args.port = Number(next()); break;
      case '--host': args.host = next(); break;
      case '--locale': args.locale = next(); break;
      case '--workspace-trust': args.workspaceTrust = true; break;
      case '--env': {
        const kv = next();
        const eq = kv.indexOf('=');
        if (eq <= 0) throw new Error(`--env expects KEY=VALUE, got ${kv}`);
        args.env[kv.slice(0, eq)] = kv.slice(eq + 1);
        break;
      }
      default: throw new Error(`unknown argument ${a}`);
    }
  }
  if (!Number.isInteger(args.port) || args.port <= 0 || args.port > 65535) throw new Error('--port must be a port number');
  return args;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const vsix = args.vsix ?? findVsix();
  const state = mkTempDir('cbs-dev-');
  const home = args.home ?? path.join(state, 'home');
  const folder = args.folder ?? path.join(state, 'workspace');
  fs.mkdirSync(home, { recursive: true });
  if (!args.folder) {
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, 'README.md'),
      '# Demo workspace\n\nOpen the "Claude on Bedrock" view in the activity bar (left).\n');
  }

  await assertPortFree(args.port, args.host);
  // Filled in once code-server is up; a signal before that still kills it (codeServer.ts's exit hook).
  const running: { server?: CodeServer } = {};
  let stopping = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    console.log(`\n[dev-server] ${signal}: stopping code-server...`);
    await running.server?.stop();
    fs.rmSync(state, { recursive: true, force: true });
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  console.log(`[dev-server] installing ${path.relative(process.cwd(), vsix)} and starting code-server on ${args.host}:${args.port} ...`);
  const server = await startCodeServer({
    env: cleanEnv({ ...args.env, HOME: home }),
    vsix,
    folder,
    port: args.port,
    host: args.host,
    extensionsDir: path.join(state, 'extensions'),
    userDataDir: path.join(state, 'user-data'),
    disableWorkspaceTrust: !args.workspaceTrust,
    logFile: path.join(RESULTS_DIR, '..', 'dev', 'code-server.log'),
    ...(args.locale ? { locale: args.locale } : {}),
  });
  running.server = server;
  if (stopping) { await server.stop(); return; }

  const line = '─'.repeat(72);
  console.log(`\n${line}`);
  console.log('  VS Code (code-server) with the extension is running. Open in your browser:\n');
  console.log(`      ${server.folderUrl}\n`);
  console.log(`  HOME for the extension: ${home}`);
  for (const [k, v] of Object.entries(args.env)) console.log(`  ${k}=${v}`);
  console.log(`  code-server log: ${path.relative(process.cwd(), server.logFile)}`);
  console.log('  Press Ctrl-C to stop.');
  console.log(`${line}\n`);

  // Stay in the foreground; if code-server dies on its own, say so and exit non-zero.
  const watch = setInterval(() => {
    if (!stopping && !server.running()) {
      clearInterval(watch);
      console.error(`[dev-server] code-server exited unexpectedly; see ${server.logFile}`);
      fs.rmSync(state, { recursive: true, force: true });
      process.exit(1);
    }
  }, 1_000);
}

main().catch((e) => {
  console.error(`[dev-server] ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
