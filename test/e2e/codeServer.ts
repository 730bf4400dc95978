/**
 * Launchers for end-to-end runs in a real VS Code: code-server (VS Code's server and browser
 * workbench, from the npm registry) and Debian's Chromium driven by playwright-core.
 *
 * Both tools come from scripts/e2e-tools.sh, which puts Node 24, code-server and playwright-core
 * into <repo>/.e2e-tools/ (override with E2E_TOOLS_DIR) and Chromium at /usr/bin/chromium.
 *
 * Everything listens on 127.0.0.1 only. Processes are started in their own process groups and are
 * killed as a group by stop()/close(), and also when this Node process exits.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import type { PlaywrightCore, PwBrowserContext, PwPage } from './pw';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const TOOLS_DIR = process.env.E2E_TOOLS_DIR ? path.resolve(process.env.E2E_TOOLS_DIR) : path.join(REPO_ROOT, '.e2e-tools');
export const RESULTS_DIR = path.join(REPO_ROOT, 'test-results', 'e2e');
export const CHROMIUM_PATH = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';
export const EXTENSION_ID = 'claude-bedrock-setup.claude-bedrock-setup';

/** Flags that keep Chromium quiet on a closed network (see the offline reference). */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** code-server's EXTENSIONS_GALLERY pointing at a closed loopback port (no marketplace offline). */
export const LOOPBACK_GALLERY = JSON.stringify({
  serviceUrl: 'http://127.0.0.1:9/gallery',
  itemUrl: 'http://127.0.0.1:9/items',
  resourceUrlTemplate: 'http://127.0.0.1:9/resource/{publisher}/{name}/{version}/{path}',
});

/** User settings that keep VS Code from reaching out (telemetry, experiments, update checks) and hold its UI still for screenshots. */
export const OFFLINE_SETTINGS: Record<string, unknown> = {
  'telemetry.telemetryLevel': 'off',
  'telemetry.feedback.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.settings.enableNaturalLanguageSearch': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'npm.fetchOnlinePackageInfo': false,
  'git.autofetch': false,
  // No animations: a screenshot shows the notification or list as it is, never half faded in.
  'workbench.reduceMotion': 'on',
};

export interface ToolPaths {
  /** Node 24 binary (code-server needs Node 24). */
  node: string;
  /** code-server's entry script. */
  entry: string;
  /** Folder of the playwright-core package. */
  playwrightCore: string;
}

const INSTALL_HINT = 'run scripts/e2e-tools.sh first (installs chromium, Node 24, code-server and playwright-core)';

export function toolPaths(): ToolPaths {
  const node = path.join(TOOLS_DIR, 'node_modules', 'node', 'bin', 'node');
  const entry = path.join(TOOLS_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  const playwrightCore = path.join(TOOLS_DIR, 'node_modules', 'playwright-core');
  for (const [what, p] of [['Node 24', node], ['code-server', entry], ['playwright-core', playwrightCore]] as const) {
    if (!fs.existsSync(p)) {
      throw new Error(`${what} is missing (${p}): ${INSTALL_HINT}`);
    }
  }
  return { node, entry, playwrightCore };
}

/** The VSIX built by `npm run package`: vsix/<name>-<version>.vsix, else the newest vsix/*.vsix. */
export function findVsix(): string {
  const dir = path.join(REPO_ROOT, 'vsix');
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
  const expected = path.join(dir, `${pkg.name}-${pkg.version}.vsix`);
  if (fs.existsSync(expected)) return expected;
  const others = fs.existsSync(dir)
    ? fs.readdirSync(dir).filter((f) => f.endsWith('.vsix')).map((f) => path.join(dir, f))
    : [];
  if (others.length === 0) {
    throw new Error(`no VSIX found (expected ${path.relative(REPO_ROOT, expected)}): run npm run package first`);
  }
  others.sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
  return others[0]!;
}

/**
 * An explicit environment for code-server and its extension host: the current environment minus
 * every AWS_* variable (so the developer's own AWS settings never leak into a test), with the
 * machine policy folder pointed nowhere, and minus
 * VS Code's own IPC variables (when run from a VS Code terminal), plus AWS_EC2_METADATA_DISABLED,
 * then `overrides` (HOME, AWS_ENDPOINT_URL, ...).
 */
export function cleanEnv(overrides: Record<string, string | undefined> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v === undefined) continue;
    if (/^AWS_/i.test(k)) continue;
    if (/^(VSCODE_|ELECTRON_RUN_AS_NODE$|CODE_SERVER_)/.test(k)) continue;
    // The machine's Claude Code folder (settings, session files) stays out: HOME/.claude of the run is used.
    if (k === 'CLAUDE_CONFIG_DIR') continue;
    env[k] = v;
  }
  env.AWS_EC2_METADATA_DISABLED = 'true';
  // Nor the machine's organisation policy: a test that wants one sets its own folder.
  env.CLAUDE_BEDROCK_POLICY_DIR = '/nonexistent/claude-bedrock-policy-of-the-e2e-run';
  for (const [k, v] of Object.entries(overrides)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

/**
 * The environment of a run against the loopback fake AWS: `cleanEnv` with the given HOME, the fake's
 * endpoint variables, XDG folders inside HOME and a UTF-8 C locale, then `extra`.
 */
export function fakeAwsEnv(home: string, fakeEnv: Record<string, string>, extra: Record<string, string | undefined> = {}): Record<string, string> {
  return cleanEnv({
    HOME: home,
    ...fakeEnv,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local', 'share'),
    LANG: 'C.UTF-8',
    ...extra,
  });
}

export async function getFreePort(host = '127.0.0.1'): Promise<number> {
  return await new Promise<number>((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, host, () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => (port ? resolve(port) : reject(new Error('could not get a free port'))));
    });
  });
}

/** Fails if something already listens on host:port. */
export async function assertPortFree(port: number, host = '127.0.0.1'): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', (err: NodeJS.ErrnoException) =>
      reject(new Error(err.code === 'EADDRINUSE' ? `port ${host}:${port} is already in use (choose another with --port)` : String(err))));
    srv.listen(port, host, () => srv.close(() => resolve()));
  });
}

export function mkTempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

function ensureDir(dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

// ------------------------------------------------------------------------------------------------
// Process groups, killed on stop() and on exit

const liveGroups = new Set<number>();
process.on('exit', () => {
  for (const pid of liveGroups) {
    try { process.kill(-pid, 'SIGKILL'); } catch { /* already gone */ }
  }
});

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try { process.kill(-pid, signal); } catch { /* already gone */ }
}

async function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return true;
  return await new Promise<boolean>((resolve) => {
    const t = setTimeout(() => resolve(false), ms);
    child.once('exit', () => { clearTimeout(t); resolve(true); });
  });
}

/** Stops a detached child and everything in its process group: SIGTERM, then SIGKILL. */
async function stopGroup(child: ChildProcess, graceMs = 10_000): Promise<void> {
  const pid = child.pid;
  if (pid === undefined) return;
  killGroup(pid, 'SIGTERM');
  const exited = await waitForExit(child, graceMs);
  // Children of the group (extension host, pty host) may outlive the leader: kill what is left.
  killGroup(pid, 'SIGKILL');
  if (!exited) await waitForExit(child, 5_000);
  liveGroups.delete(pid);
}

function tailOf(file: string, lines = 40): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

// ------------------------------------------------------------------------------------------------
// code-server

export interface InstallVsixOptions {
  vsix: string;
  extensionsDir: string;
  env?: Record<string, string>;
  /** Log file (default test-results/e2e/install-extension.log). */
  logFile?: string;
  timeoutMs?: number;
}

/** `entry.js --extensions-dir DIR --install-extension file.vsix`; returns what it printed. */
export async function installVsix(opts: InstallVsixOptions): Promise<string> {
  const tools = toolPaths();
  ensureDir(opts.extensionsDir);
  const logFile = opts.logFile ?? path.join(ensureDir(RESULTS_DIR), 'install-extension.log');
  ensureDir(path.dirname(logFile));
  const env = { EXTENSIONS_GALLERY: LOOPBACK_GALLERY, ...(opts.env ?? cleanEnv()) };
  const args = [tools.entry, '--extensions-dir', opts.extensionsDir, '--install-extension', opts.vsix, '--force'];
  const child = spawn(tools.node, args, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  if (child.pid !== undefined) liveGroups.add(child.pid);
  let out = '';
  child.stdout!.on('data', (d: Buffer) => { out += d.toString(); });
  child.stderr!.on('data', (d: Buffer) => { out += d.toString(); });
  const timeoutMs = opts.timeoutMs ?? 180_000;
  const code = await new Promise<number | null>((resolve, reject) => {
    const t = setTimeout(() => {
      void stopGroup(child, 2_000);
      reject(new Error(`installing ${opts.vsix} did not finish within ${timeoutMs / 1000}s`));
    }, timeoutMs);
    child.once('error', (e) => { clearTimeout(t); reject(e); });
    child.once('exit', (c) => { clearTimeout(t); resolve(c); });
  });
  if (child.pid !== undefined) { killGroup(child.pid, 'SIGKILL'); liveGroups.delete(child.pid); }
  fs.writeFileSync(logFile, `$ ${tools.node} ${args.join(' ')}\n${out}\nexit code: ${code}\n`);
  if (code !== 0 || !/successfully installed/i.test(out)) {
    throw new Error(`installing ${path.basename(opts.vsix)} failed (exit ${code}):\n${out.trim()}`);
  }
  return out;
}

export interface CodeServerOptions {
  /** Environment for code-server and its extension host; build it with cleanEnv({ HOME: ... }). */
  env: Record<string, string>;
  /** Folder to open (also passed on the command line; the browser URL should use ?folder=). */
  folder?: string;
  /** A VSIX to install into the extensions dir before starting. */
  vsix?: string;
  /** Extensions dir (default: a fresh temp dir). */
  extensionsDir?: string;
  /** User-data dir (default: a fresh temp dir). */
  userDataDir?: string;
  /** Port on 127.0.0.1 (default: a random free one). */
  port?: number;
  host?: string;
  /** Adds --disable-workspace-trust (folders then open trusted, not in Restricted Mode). */
  disableWorkspaceTrust?: boolean;
  /** Display language for VS Code (--locale), e.g. 'ja'. */
  locale?: string;
  /** User settings written to <user-data>/User/settings.json, over OFFLINE_SETTINGS. */
  settings?: Record<string, unknown>;
  /** Extra code-server arguments. */
  extraArgs?: string[];
  /** Name used for the log file test-results/e2e/<logName>.log (default 'code-server'). */
  logName?: string;
  /** Log file path (overrides logName). */
  logFile?: string;
  /** How long to wait for code-server to answer HTTP (default 180 s). */
  startTimeoutMs?: number;
}

export interface CodeServer {
  /** http://127.0.0.1:PORT */
  url: string;
  port: number;
  /** http://127.0.0.1:PORT/?folder=/abs/path (or url when no folder). */
  folderUrl: string;
  userDataDir: string;
  extensionsDir: string;
  logFile: string;
  pid: number;
  /** Stops code-server and all its children. Safe to call more than once. */
  stop(): Promise<void>;
  /** True while the code-server process is running. */
  running(): boolean;
}

export async function startCodeServer(opts: CodeServerOptions): Promise<CodeServer> {
  const tools = toolPaths();
  const host = opts.host ?? '127.0.0.1';
  const port = opts.port ?? (await getFreePort(host));
  const userDataDir = ensureDir(opts.userDataDir ?? mkTempDir('cbs-e2e-user-data-'));
  const extensionsDir = ensureDir(opts.extensionsDir ?? mkTempDir('cbs-e2e-extensions-'));
  const logFile = opts.logFile ?? path.join(RESULTS_DIR, `${opts.logName ?? 'code-server'}.log`);
  ensureDir(path.dirname(logFile));

  const settingsFile = path.join(userDataDir, 'User', 'settings.json');
  ensureDir(path.dirname(settingsFile));
  fs.writeFileSync(settingsFile, JSON.stringify({ ...OFFLINE_SETTINGS, ...opts.settings }, null, 2) + '\n');

  if (opts.vsix) {
    await installVsix({
      vsix: opts.vsix,
      extensionsDir,
      env: opts.env,
      logFile: logFile.replace(/\.log$/, '') + '.install.log',
    });
  }

  const args = [
    tools.entry,
    '--bind-addr', `${host}:${port}`,
    '--auth', 'none',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
  ];
  if (opts.disableWorkspaceTrust) args.push('--disable-workspace-trust');
  if (opts.locale) args.push('--locale', opts.locale);
  if (opts.extraArgs) args.push(...opts.extraArgs);
  if (opts.folder) args.push(opts.folder);

  // No extension gallery: keep code-server's marketplace look-ups (open-vsx.org) on loopback.
  const env = { EXTENSIONS_GALLERY: LOOPBACK_GALLERY, ...opts.env };

  const log = fs.openSync(logFile, 'w');
  fs.writeSync(log, `$ ${tools.node} ${args.join(' ')}\n`);
  const child = spawn(tools.node, args, {
    env,
    cwd: opts.folder ?? userDataDir,
    stdio: ['ignore', log, log],
    detached: true,
  });
  fs.closeSync(log);
  if (child.pid === undefined) {
    throw new Error(`code-server did not start; see ${logFile}`);
  }
  const pid = child.pid;
  liveGroups.add(pid);

  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    await stopGroup(child);
  };

  const url = `http://${host}:${port}`;
  const deadline = Date.now() + (opts.startTimeoutMs ?? 180_000);
  try {
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`code-server exited early (${child.exitCode ?? child.signalCode}); log ${logFile}:\n${tailOf(logFile)}`);
      }
      try {
        const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(5_000) });
        if (res.ok) break;
      } catch {
        /* not up yet */
      }
      if (Date.now() > deadline) {
        throw new Error(`code-server did not answer on ${url} in time; log ${logFile}:\n${tailOf(logFile)}`);
      }
      await new Promise((r) => setTimeout(r, 500));
    }
  } catch (err) {
    await stop();
    throw err;
  }

  return {
    url,
    port,
    folderUrl: opts.folder ? `${url}/?folder=${encodeURI(opts.folder)}` : url,
    userDataDir,
    extensionsDir,
    logFile,
    pid,
    stop,
    running: () => child.exitCode === null && child.signalCode === null,
  };
}

/** Concatenated text of the extension-host logs under a code-server user-data dir. */
export function readExtensionHostLogs(userDataDir: string): string {
  const out: string[] = [];
  const walk = (dir: string): void => {
    let entries: fs.Dirent[];
    try { entries = fs.readdirSync(dir, { withFileTypes: true }); } catch { return; }
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && /exthost.*\.log$|remoteexthost\.log$/.test(e.name)) {
        out.push(`--- ${p}\n${fs.readFileSync(p, 'utf8')}`);
      }
    }
  };
  walk(path.join(userDataDir, 'logs'));
  return out.join('\n');
}

// ------------------------------------------------------------------------------------------------
// Chromium via playwright-core

export function loadPlaywright(): PlaywrightCore {
  const tools = toolPaths();
  const req = createRequire(path.join(TOOLS_DIR, 'package.json'));
  return req(tools.playwrightCore) as PlaywrightCore;
}

export interface BrowserOptions {
  headless?: boolean;
  viewport?: { width: number; height: number };
  locale?: string;
  /** User-data dir (default: a fresh temp dir, removed on close). */
  userDataDir?: string;
  /** Extra Chromium flags. */
  args?: string[];
}

export interface BrowserSession {
  context: PwBrowserContext;
  page: PwPage;
  /** Browser console errors and page errors seen so far. */
  errors: string[];
  close(): Promise<void>;
}

export async function launchBrowser(opts: BrowserOptions = {}): Promise<BrowserSession> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`${CHROMIUM_PATH} is missing: ${INSTALL_HINT}`);
  }
  const pw = loadPlaywright();
  const ownDir = opts.userDataDir === undefined;
  const userDataDir = opts.userDataDir ?? mkTempDir('cbs-e2e-chromium-');
  const context = await pw.chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: opts.headless ?? true,
    args: [...CHROMIUM_FLAGS, ...(opts.args ?? [])],
    viewport: opts.viewport ?? { width: 1400, height: 900 },
    timeout: 120_000,
    ...(opts.locale ? { locale: opts.locale } : {}),
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => { errors.push(String(e)); });
  let closed = false;
  return {
    context,
    page,
    errors,
    close: async () => {
      if (closed) return;
      closed = true;
      await Promise.race([context.close().catch(() => undefined), new Promise((r) => setTimeout(r, 20_000))]);
      if (ownDir) fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
