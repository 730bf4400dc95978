#!/usr/bin/env node
// `npm start`: run the extension in a real VS Code (code-server) in your browser, against a fake AWS.
//
//   1. installs the tools once (scripts/e2e-tools.sh --no-chromium: Node 24 + code-server into .e2e-tools/)
//   2. builds the VSIX (npm run package)
//   3. starts the loopback fake AWS (test/fake-aws/main.ts --scenario basic) with a demo HOME whose
//      ~/.aws files hold profiles of every kind pointed at it
//   4. installs the VSIX into a fresh code-server and serves it on http://127.0.0.1:8080
//   5. stays in the foreground until Ctrl-C, then stops everything it started
//
// Options:
//   --port N           port for code-server (default 8080)
//   --host H           address to bind (default 127.0.0.1)
//   --no-build         use the existing vsix/*.vsix instead of running npm run package
//   --no-fake-aws      do not start the fake AWS; use a small built-in demo HOME (no AWS endpoint)
//   --real-home        use your own HOME and ~/.aws (no fake AWS; identity checks go to real AWS)
//   --scenario NAME    fake AWS scenario (default basic)
//   --folder DIR       folder to open (default: a temporary demo workspace)
//   --workspace-trust  keep workspace trust on (the folder opens in Restricted Mode until trusted)
//   --locale ja        VS Code display language passed to code-server (--locale)
//   --demo             `npm run demo`: a demo project (a git repository with team settings) and the real
//                      Claude Code CLI (scripts/claude-code-tools.sh) as `claude` in code-server's terminal,
//                      pointed at the fake Bedrock Runtime; prints what to try
//   --no-claude        with --demo: do not install Claude Code
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDependencies } from './ensure-deps.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Right after cloning there is no node_modules yet: install it first (the build needs esbuild).
ensureDependencies(ROOT);
const TOOLS = process.env.E2E_TOOLS_DIR ? path.resolve(process.env.E2E_TOOLS_DIR) : path.join(ROOT, '.e2e-tools');
const LOG_DIR = path.join(ROOT, 'test-results', 'dev');
const t0 = Date.now();
const say = (msg) => console.log(`[dev ${((Date.now() - t0) / 1000).toFixed(0).padStart(3)}s] ${msg}`);

// ---------------------------------------------------------------- arguments
const opts = { port: '8080', host: '127.0.0.1', build: true, fakeAws: true, realHome: false, scenario: 'basic', folder: undefined, workspaceTrust: false, locale: undefined, demo: false, claude: true };
{
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      if (argv[i + 1] === undefined) fail(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--port') opts.port = next();
    else if (a.startsWith('--port=')) opts.port = a.slice(7);
    else if (a === '--host') opts.host = next();
    else if (a === '--no-build') opts.build = false;
    else if (a === '--no-fake-aws') opts.fakeAws = false;
    else if (a === '--real-home') { opts.realHome = true; opts.fakeAws = false; }
    else if (a === '--scenario') opts.scenario = next();
    else if (a === '--folder') opts.folder = path.resolve(next());
    else if (a === '--workspace-trust') opts.workspaceTrust = true;
    else if (a === '--locale') opts.locale = next();
    else if (a === '--demo') opts.demo = true;
    else if (a === '--no-claude') opts.claude = false;
    else if (a === '-h' || a === '--help') {
      const lines = fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1);
      console.log(lines.slice(0, lines.findIndex((l) => !l.startsWith('//'))).map((l) => l.replace(/^\/\/ ?/, '')).join('\n'));
      process.exit(0);
    } else fail(`unknown argument: ${a} (see --help)`);
  }
  if (!/^\d+$/.test(opts.port)) fail(`--port must be a number, got ${opts.port}`);
}

function fail(msg) {
  console.error(`[dev] ${msg}`);
  process.exit(1);
}

// ---------------------------------------------------------------- children, stopped on Ctrl-C
const children = new Set();
let tmp;
let stopping = false;

function killTree(child, signal) {
  if (!child.pid || child.exitCode !== null || child.signalCode !== null) return;
  try { process.kill(-child.pid, signal); } catch { try { child.kill(signal); } catch { /* gone */ } }
}

function waitExit(child, ms) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const t = setTimeout(() => resolve(false), ms);
    child.once('exit', () => { clearTimeout(t); resolve(true); });
  });
}

async function shutdown(code, why) {
  if (stopping) return;
  stopping = true;
  if (why) say(why);
  // Newest first: code-server (via dev-server) before the fake AWS.
  for (const child of [...children].reverse()) {
    killTree(child, 'SIGTERM');
    if (!(await waitExit(child, 15_000))) killTree(child, 'SIGKILL');
  }
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  say('stopped.');
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0, 'Ctrl-C: stopping...'));
process.on('SIGTERM', () => void shutdown(0, 'SIGTERM: stopping...'));
process.on('exit', () => { for (const c of children) killTree(c, 'SIGKILL'); });

function run(cmd, args, what) {
  say(`${what}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) fail(`${what} failed (exit ${r.status ?? r.signal})`);
}

function tsxCommand() {
  const local = path.join(ROOT, 'node_modules', '.bin', 'tsx');
  return fs.existsSync(local) ? [local, []] : ['npx', ['tsx']];
}

// ---------------------------------------------------------------- fake AWS
/** Starts the fake AWS and resolves with the variables from its `export X=Y` lines. */
function startFakeAws(homeDir) {
  const [cmd, pre] = tsxCommand();
  const args = [...pre, 'test/fake-aws/main.ts', '--scenario', opts.scenario, '--write-home', homeDir];
  fs.mkdirSync(LOG_DIR, { recursive: true });
  const logFile = path.join(LOG_DIR, 'fake-aws.log');
  const log = fs.createWriteStream(logFile);
  say(`fake AWS: ${path.basename(cmd)} ${args.join(' ')} (log: ${path.relative(ROOT, logFile)})`);
  const child = spawn(cmd, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  children.add(child);
  const vars = {};
  let profiles = '';
  return new Promise((resolve, reject) => {
    let buf = '';
    let settleTimer;
    const timeout = setTimeout(() => reject(new Error(`fake AWS printed no AWS_ENDPOINT_URL within 120s; see ${logFile}`)), 120_000);
    const done = () => { clearTimeout(timeout); clearTimeout(settleTimer); resolve({ child, vars, logFile, profiles }); };
    child.stdout.on('data', (d) => {
      log.write(d);
      buf += d.toString();
      let nl;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl).trim();
        buf = buf.slice(nl + 1);
        if (/^# profiles:/.test(line)) profiles = line.slice('# profiles:'.length).trim();
        // main.ts ends its block with "# fake-aws scenario '…' on …": everything is known then.
        if (/^# fake-aws /.test(line) && vars.AWS_ENDPOINT_URL) { done(); continue; }
        const m = /^export\s+([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
        if (!m) continue;
        let v = m[2].trim();
        if (/^'.*'$/.test(v)) v = v.slice(1, -1).replace(/'\\''/g, "'");
        else if (/^".*"$/.test(v)) v = v.slice(1, -1).replace(/\\(["\\$`])/g, '$1');
        vars[m[1]] = v;
        // Once the endpoint is known, collect the rest of the export block briefly, then go on.
        if (vars.AWS_ENDPOINT_URL) { clearTimeout(settleTimer); settleTimer = setTimeout(done, 750); }
      }
    });
    child.stderr.on('data', (d) => log.write(d));
    child.once('exit', (code, sig) => {
      if (!stopping) {
        if (vars.AWS_ENDPOINT_URL) void shutdown(1, `fake AWS exited unexpectedly (${code ?? sig}); see ${logFile}`);
        else { clearTimeout(timeout); reject(new Error(`fake AWS exited (${code ?? sig}) before printing its endpoint; see ${logFile}`)); }
      }
    });
  });
}

// ---------------------------------------------------------------- a small demo HOME (no fake AWS)
function writeDemoHome(home) {
  fs.mkdirSync(path.join(home, '.aws'), { recursive: true });
  fs.writeFileSync(path.join(home, '.aws', 'config'), [
    '[profile demo-static]', 'region = ap-northeast-1', '',
    '[profile demo-sso]', 'sso_session = demo', 'sso_account_id = 111122223333', 'sso_role_name = DemoReadOnly', 'region = us-east-1', '',
    '[sso-session demo]', 'sso_start_url = http://127.0.0.1:9/start', 'sso_region = us-east-1', '',
  ].join('\n'));
  fs.writeFileSync(path.join(home, '.aws', 'credentials'), [
    '[demo-static]', 'aws_access_key_id = FAKEAKIDDEMO0001', 'aws_secret_access_key = fakeDemoSecretNotReal000000000000000000', '',
  ].join('\n'));
}

// ---------------------------------------------------------------- npm run demo
/** The KEY=VALUE pairs already passed to dev-server with --env. */
function vars_of(serverArgs) {
  const vars = {};
  for (let i = 0; i < serverArgs.length; i++) {
    if (serverArgs[i] !== '--env') continue;
    const [key, ...rest] = serverArgs[i + 1].split('=');
    vars[key] = rest.join('=');
  }
  return vars;
}

/**
 * A demo project (a git repository whose shared Claude settings already hold team permissions) and,
 * unless --no-claude, a `claude` command for code-server's terminal: the real Claude Code CLI with
 * ANTHROPIC_BEDROCK_BASE_URL at the fake Bedrock Runtime and every kind of outside traffic switched off.
 */
function prepareDemo(dir, vars) {
  const folder = path.join(dir, 'demo-project');
  fs.mkdirSync(path.join(folder, '.claude'), { recursive: true });
  fs.writeFileSync(path.join(folder, 'README.md'), '# Demo project\n\nPress F1 and run "Claude on Bedrock: Run Setup Wizard".\n');
  fs.writeFileSync(path.join(folder, '.claude', 'settings.json'), JSON.stringify({ permissions: { allow: ['Bash(npm test)'] } }, null, 2) + '\n');
  spawnSync('git', ['init', '-q'], { cwd: folder });
  const runtime = vars.AWS_ENDPOINT_URL_BEDROCK_RUNTIME ?? vars.AWS_ENDPOINT_URL;
  if (!opts.claude || !runtime) return { folder };
  const install = spawnSync('bash', [path.join(ROOT, 'scripts', 'claude-code-tools.sh')], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  const claude = install.status === 0 ? install.stdout.trim().split('\n').pop() : undefined;
  if (!claude) {
    say('could not install Claude Code (scripts/claude-code-tools.sh); the demo runs without it');
    return { folder };
  }
  const binDir = path.join(dir, 'bin');
  fs.mkdirSync(binDir, { recursive: true });
  const quote = (value) => `'${String(value).replace(/'/g, `'\\''`)}'`;
  fs.writeFileSync(path.join(binDir, 'claude'), [
    '#!/bin/sh',
    '# Claude Code against the demo\'s fake AWS; nothing leaves this machine.',
    `export ANTHROPIC_BEDROCK_BASE_URL=${quote(runtime)}`,
    'export DISABLE_TELEMETRY=1 DISABLE_AUTOUPDATER=1 DISABLE_ERROR_REPORTING=1 DISABLE_BUG_COMMAND=1 CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC=1',
    'export HTTPS_PROXY=http://127.0.0.1:9 HTTP_PROXY=http://127.0.0.1:9 NO_PROXY=127.0.0.1,localhost',
    `exec ${quote(claude)} "$@"`,
    '',
  ].join('\n'), { mode: 0o755 });
  return { folder, binDir, runtime };
}

function printDemoGuide(demo) {
  const line = '─'.repeat(72);
  console.log(`\n${line}`);
  console.log('  Demo: every AWS call goes to a fake AWS on 127.0.0.1 (no account needed).');
  console.log(`  Project: ${demo.folder}`);
  console.log('  1. Open the URL printed below, press F1 and run "Claude on Bedrock: Run Setup Wizard":');
  console.log('     profile sso-dev, region ap-northeast-1 (Tokyo), scope Japan (jp), Claude Sonnet 4.5,');
  console.log('     a Haiku background model, then write. The status bar item "Bedrock" turns healthy.');
  if (demo.binDir) {
    console.log('  2. In code-server\'s terminal (Ctrl+`), run:   claude -p "Say hello"');
    console.log(`     Claude Code reads the written settings and calls the fake Bedrock Runtime (${demo.runtime}).`);
  } else {
    console.log('  2. (Claude Code is not installed: npm run tools:claude-code, then run the demo again.)');
  }
  console.log(`${line}\n`);
}

// ---------------------------------------------------------------- main
async function main() {
  const marker = path.join(TOOLS, '.installed');
  const entry = path.join(TOOLS, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  if (!fs.existsSync(marker) || !fs.existsSync(entry)) {
    run('bash', [path.join(ROOT, 'scripts', 'e2e-tools.sh'), '--no-chromium'], 'installing code-server (once, a few minutes)');
  } else {
    say(`tools: ${fs.readFileSync(marker, 'utf8').trim()} in ${path.relative(ROOT, TOOLS)}/`);
  }

  if (opts.build) run('npm', ['run', 'package'], 'building the VSIX');

  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cbs-npm-start-'));
  const serverArgs = ['--port', opts.port, '--host', opts.host];
  let home;
  if (opts.realHome) {
    home = os.homedir();
    say(`using your own HOME (${home}) and its ~/.aws files; identity checks go to real AWS`);
  } else if (opts.fakeAws && fs.existsSync(path.join(ROOT, 'test', 'fake-aws', 'main.ts'))) {
    const { vars, profiles } = await startFakeAws(path.join(tmp, 'home'));
    home = vars.HOME ?? path.join(tmp, 'home');
    for (const [k, v] of Object.entries(vars)) if (k !== 'HOME') serverArgs.push('--env', `${k}=${v}`);
    say(`fake AWS (scenario ${opts.scenario}) at ${vars.AWS_ENDPOINT_URL}; demo HOME ${home}`);
    if (profiles) say(`demo profiles: ${profiles}`);
  } else {
    if (opts.fakeAws) say('test/fake-aws/main.ts not found: using a small demo HOME without a fake AWS');
    home = path.join(tmp, 'home');
    writeDemoHome(home);
    // Keep any accidental AWS call on loopback (port 9 is closed).
    serverArgs.push('--env', 'AWS_ENDPOINT_URL=http://127.0.0.1:9');
  }
  serverArgs.push('--home', home);
  if (opts.demo && !opts.realHome) {
    const demo = prepareDemo(path.join(tmp, 'demo'), vars_of(serverArgs));
    opts.folder ??= demo.folder;
    if (demo.binDir) serverArgs.push('--env', `PATH=${demo.binDir}:${process.env.PATH ?? '/usr/bin:/bin'}`);
    // VS Code's server gives the extension host the PATH of a login shell: the demo's ~/.profile puts
    // the `claude` command on it, so the Setup view finds the Claude Code the terminal runs.
    if (demo.binDir) fs.appendFileSync(path.join(home, '.profile'), `PATH="${demo.binDir}:$PATH"\nexport PATH\n`);
    printDemoGuide(demo);
  }
  if (opts.folder) serverArgs.push('--folder', opts.folder);
  if (opts.workspaceTrust) serverArgs.push('--workspace-trust');
  if (opts.locale) serverArgs.push('--locale', opts.locale);

  const [cmd, pre] = tsxCommand();
  const server = spawn(cmd, [...pre, 'test/e2e/dev-server.ts', ...serverArgs], { cwd: ROOT, stdio: 'inherit', detached: true });
  children.add(server);
  server.once('exit', (code, sig) => {
    if (!stopping) void shutdown(code || 1, `code-server launcher exited (${code ?? sig})`);
  });
}

main().catch((e) => void shutdown(1, `failed: ${e instanceof Error ? e.message : String(e)}`));
