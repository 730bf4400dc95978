/**
 * Interop with the real Claude Code CLI: a folder configured by this extension's own CLI
 * (`claude-bedrock setup`) makes `claude -p` call Bedrock with the chosen model, region and
 * profile. Nothing is mocked on Claude Code's side; Bedrock, SSO and STS are the loopback fake.
 *
 *   npm run test:interop            # = npm run build && tsx test/interop/claudeCode.interop.ts
 *
 * Per case: a fresh folder, `node dist/cli.js setup --folder F --profile P --region R --model M
 * --background-model H --json`, then `claude -p "say hi"` in F with HOME = a demo home whose
 * profiles the fake knows and ANTHROPIC_BEDROCK_BASE_URL = the fake's runtime URL (in the process
 * environment only: the shared settings file stays as `setup` wrote it). The fake's request log
 * must then show InvokeModelWithResponseStream for exactly M, signed for R with the key profile P
 * resolves to (for an IAM Identity Center profile: the role credentials the fake's SSO portal
 * issued), no request signed with any other region or key, and claude's stdout must carry the
 * fake model's answer.
 *
 * Claude Code is installed by scripts/claude-code-tools.sh (npm registry only, into the
 * git-ignored .e2e-tools/claude-code/). Logs and the fake's request logs go to
 * test-results/interop/. The last line printed is "N passed, M failed"; the exit code is non-zero
 * when anything failed.
 *
 * Nothing here leaves 127.0.0.1: claude gets a minimal environment (no inherited AWS_* or
 * ANTHROPIC_* variables), AWS_EC2_METADATA_DISABLED, Claude Code's switches for telemetry, error
 * reporting, auto-update and non-essential traffic, the SSO portal pointed at the fake, and an
 * HTTP(S) proxy on a closed loopback port for anything else. When run as root where `unshare -n`
 * works, the whole test re-runs itself in a private network namespace with only loopback up
 * (opt out: --no-isolate). Where strace works, claude runs under `strace -f -e trace=connect` and
 * a check fails on any connect() to an address that is not loopback (attempts count, even failed).
 *
 * Options: --keep (keep temp dirs), --no-isolate, --no-strace, CLAUDE_CODE_TOOLS_DIR (see the
 * tools script).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startFakeAws, ssoRoleSessionArn, writeDemoHome, type FakeAws, type RequestLogEntry } from '../fake-aws';
import { BASIC_SSO, BASIC_STATIC_KEY } from '../fake-aws/scenarios/basic';
import { BEDROCK_MODEL_IDS } from '../fake-aws/scenarios/bedrockCatalog';
import { claudeEnv, run, writeAwsStub } from './claudeProcess';

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const RESULTS_DIR = path.join(REPO_ROOT, 'test-results', 'interop');
const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');
const TOOLS_SCRIPT = path.join(REPO_ROOT, 'scripts', 'claude-code-tools.sh');
/** What every successful call of the fake Bedrock answers (services/bedrockRuntime.ts). */
const FAKE_ANSWER = 'OK, the fake model answers.';
const PROMPT = 'say hi';
const CLAUDE_TIMEOUT_MS = 120_000;
const SETUP_TIMEOUT_MS = 30_000;

const argv = process.argv.slice(2);
const KEEP = argv.includes('--keep');
const NO_ISOLATE = argv.includes('--no-isolate');
const NO_STRACE = argv.includes('--no-strace');

// ------------------------------------------------------------------------------------------------
// A tiny runner: ordered checks, "N passed, M failed" at the end.

interface Result {
  name: string;
  ok: boolean;
  detail?: string;
}
const results: Result[] = [];
const t0 = Date.now();
const elapsed = (): string => `${((Date.now() - t0) / 1000).toFixed(1)}s`;

function log(message: string): void {
  console.log(`[interop ${elapsed()}] ${message}`);
}

function record(name: string, ok: boolean, detail?: string): boolean {
  results.push({ name, ok, ...(detail !== undefined && { detail }) });
  log(`  ${ok ? '✔' : '✘'} ${name}${detail ? ` (${detail})` : ''}`);
  return ok;
}

/** Runs one check; a thrown error fails it with the error's message. */
async function check(name: string, fn: () => Promise<string | void> | string | void): Promise<boolean> {
  try {
    const detail = await fn();
    return record(name, true, detail || undefined);
  } catch (error) {
    return record(name, false, error instanceof Error ? error.message : String(error));
  }
}

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

// ------------------------------------------------------------------------------------------------
// Network isolation: re-run inside `unshare -n` (loopback only) when that is possible.

function canIsolate(): boolean {
  if (NO_ISOLATE || process.env.INTEROP_NETNS === '1' || process.platform !== 'linux') return false;
  if (process.getuid?.() !== 0) return false;
  const probe = spawnSync('unshare', ['-n', 'sh', '-c', 'ip link set lo up'], { stdio: 'ignore' });
  return probe.status === 0;
}

function rerunIsolated(): number {
  log('re-running inside a private network namespace (unshare -n, loopback only)');
  const child = spawnSync(
    'unshare',
    ['-n', 'sh', '-c', 'ip link set lo up && exec "$0" "$@"', process.execPath, ...process.execArgv, ...process.argv.slice(1)],
    { stdio: 'inherit', env: { ...process.env, INTEROP_NETNS: '1' } },
  );
  return child.status ?? 1;
}

// ------------------------------------------------------------------------------------------------
// connect() tracing

function canTrace(): boolean {
  if (NO_STRACE || process.platform !== 'linux') return false;
  return spawnSync('strace', ['-f', '-e', 'trace=connect', '-o', '/dev/null', 'true'], { stdio: 'ignore' }).status === 0;
}

function isLoopback(address: string): boolean {
  return /^127\./.test(address) || address === '::1' || /^::ffff:127\./i.test(address);
}

/** IP addresses of every connect() attempt in an strace log (AF_UNIX and netlink are not network). */
function connectTargets(straceLog: string): { address: string; port: string; result: string }[] {
  const targets: { address: string; port: string; result: string }[] = [];
  for (const line of straceLog.split('\n')) {
    if (!line.includes('connect(')) continue;
    const port = /sin6?_port=htons\((\d+)\)/.exec(line)?.[1] ?? '?';
    const result = /\)\s*=\s*(.*)$/.exec(line)?.[1]?.trim() ?? '';
    const v4 = /sa_family=AF_INET,.*inet_addr\("([^"]+)"\)/.exec(line)?.[1];
    const v6 = /sa_family=AF_INET6,.*inet_pton\(AF_INET6,\s*"([^"]+)"/.exec(line)?.[1];
    const address = v4 ?? v6;
    if (address !== undefined) targets.push({ address, port, result });
    else if (/sa_family=AF_INET6?\b/.test(line)) targets.push({ address: `unparsed: ${line.trim()}`, port, result });
  }
  return targets;
}

// ------------------------------------------------------------------------------------------------
// Processes

function writeResult(file: string, content: string): void {
  fs.writeFileSync(path.join(RESULTS_DIR, file), content);
}

// ------------------------------------------------------------------------------------------------
// The cases

interface Case {
  /** File-name friendly. */
  id: string;
  profile: string;
  region: string;
  model: string;
  backgroundModel: string;
  /**
   * The access key ids the profile may resolve to, read from the fake once claude has run;
   * `before` holds the key ids the fake knew before claude started.
   */
  expectedKeys: (fake: FakeAws, before: ReadonlySet<string>) => { accessKeyIds: string[]; how: string };
  ssoProfile: boolean;
}

const ssoRoleArn = ssoRoleSessionArn(BASIC_SSO.accountId, BASIC_SSO.roleName, BASIC_SSO.user);

const CASES: Case[] = [
  {
    // The issue's wizard scenario: an IAM Identity Center profile, Japan-domestic models in Tokyo.
    id: 'sso-dev-tokyo',
    profile: 'sso-dev',
    region: 'ap-northeast-1',
    model: `jp.${BEDROCK_MODEL_IDS.sonnet45}`,
    backgroundModel: `jp.${BEDROCK_MODEL_IDS.haiku45}`,
    ssoProfile: true,
    expectedKeys(fake, before) {
      // GetRoleCredentials mints a fresh ASIAFAKE… key per call and remembers it in the state.
      const issued = fake.state.accessKeys.filter(
        (key) => !before.has(key.accessKeyId) && key.issuedBy === 'GetRoleCredentials' && key.arn === ssoRoleArn,
      );
      return {
        accessKeyIds: issued.map((key) => key.accessKeyId),
        how: `role credentials the fake SSO portal issued for ${BASIC_SSO.roleName}@${BASIC_SSO.accountId}`,
      };
    },
  },
  {
    id: 'static-dev-tokyo',
    profile: 'static-dev',
    region: 'ap-northeast-1',
    model: `jp.${BEDROCK_MODEL_IDS.sonnet45}`,
    backgroundModel: `jp.${BEDROCK_MODEL_IDS.haiku45}`,
    ssoProfile: false,
    expectedKeys: () => ({ accessKeyIds: [BASIC_STATIC_KEY.accessKeyId], how: 'the static key of ~/.aws/credentials' }),
  },
  {
    // The profile's own region is ap-northeast-1: the signing region must follow the setup's choice.
    id: 'static-dev-virginia',
    profile: 'static-dev',
    region: 'us-east-1',
    model: `us.${BEDROCK_MODEL_IDS.sonnet45}`,
    backgroundModel: `us.${BEDROCK_MODEL_IDS.haiku45}`,
    ssoProfile: false,
    expectedKeys: () => ({ accessKeyIds: [BASIC_STATIC_KEY.accessKeyId], how: 'the static key of ~/.aws/credentials' }),
  },
];

/** The environment claude runs with: built from nothing, so no AWS_*, ANTHROPIC_* or CLAUDE_* leaks in. */
const AUTH_ERRORS = new Set([
  'UnrecognizedClientException',
  'InvalidSignatureException',
  'ExpiredTokenException',
  'MissingAuthenticationTokenException',
  'IncompleteSignatureException',
]);

function describe(entry: RequestLogEntry): string {
  return `${entry.service} ${entry.operation}${entry.resource ? ` ${entry.resource}` : ''} → ${entry.status}${entry.errorCode ? ` ${entry.errorCode}` : ''}`;
}

async function runCase(c: Case, fake: FakeAws, claude: string, tmp: string): Promise<void> {
  log(`▶ case ${c.id}: profile ${c.profile}, region ${c.region}, model ${c.model}, background ${c.backgroundModel}`);
  // A fresh HOME per case, so nothing Claude Code caches there carries over. Written from the
  // live state, so the cached SSO token's expiry matches what this fake believes.
  const { home } = await writeDemoHome(path.join(tmp, `home-${c.id}`), fake.state);
  const binDir = path.join(tmp, `bin-${c.id}`);
  const folder = path.join(tmp, `project-${c.id}`);
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(path.join(folder, 'README.md'), `# interop case ${c.id}\n`);

  // 1. The extension's own CLI writes the setup.
  const setupEnv = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, AWS_EC2_METADATA_DISABLED: 'true', LANG: 'C.UTF-8' };
  // The Opus alias pinned in the same scope, as the wizard does by default: Claude Code then probes no model of its own choosing.
  const opusModel = `${c.model.split('.')[0]}.${BEDROCK_MODEL_IDS.opus46}`;
  const setupArgs = [CLI, 'setup', '--folder', folder, '--profile', c.profile, '--region', c.region, '--model', c.model, '--background-model', c.backgroundModel, '--opus-model', opusModel, '--json'];
  const setup = await run(process.execPath, setupArgs, { cwd: tmp, env: setupEnv, timeoutMs: SETUP_TIMEOUT_MS });
  writeResult(`${c.id}-setup.json`, setup.stdout + (setup.stderr ? `\n--- stderr ---\n${setup.stderr}` : ''));
  const setupOk = await check(`${c.id}: dist/cli.js setup configures the folder`, () => {
    assert(setup.code === 0, `exit ${setup.code ?? setup.signal}${setup.timedOut ? ' (timed out)' : ''}: ${(setup.stderr || setup.stdout).trim().slice(0, 400)}`);
    const shared = JSON.parse(fs.readFileSync(path.join(folder, '.claude', 'settings.json'), 'utf8')) as { env?: Record<string, string> };
    const local = JSON.parse(fs.readFileSync(path.join(folder, '.claude', 'settings.local.json'), 'utf8')) as { env?: Record<string, string>; awsAuthRefresh?: string };
    const want: Record<string, string> = {
      CLAUDE_CODE_USE_BEDROCK: '1',
      AWS_REGION: c.region,
      ANTHROPIC_MODEL: c.model,
      ANTHROPIC_BEDROCK_REGION_PREFIX: c.model.split('.')[0]!,
      ANTHROPIC_DEFAULT_HAIKU_MODEL: c.backgroundModel,
      ANTHROPIC_DEFAULT_OPUS_MODEL: opusModel,
    };
    for (const [key, value] of Object.entries(want)) assert(shared.env?.[key] === value, `settings.json env.${key} is ${JSON.stringify(shared.env?.[key])}, expected ${value}`);
    assert(shared.env?.AWS_PROFILE === undefined, 'the shared settings.json must not name a personal profile');
    assert(shared.env?.ANTHROPIC_BEDROCK_BASE_URL === undefined, 'setup must not write a base URL');
    assert(local.env?.AWS_PROFILE === c.profile, `settings.local.json env.AWS_PROFILE is ${JSON.stringify(local.env?.AWS_PROFILE)}`);
    if (c.ssoProfile) assert(typeof local.awsAuthRefresh === 'string', 'an SSO profile gets awsAuthRefresh');
    return `settings.json + settings.local.json (${Object.keys(shared.env ?? {}).length} + ${Object.keys(local.env ?? {}).length} env keys)`;
  });
  if (!setupOk) {
    record(`${c.id}: claude -p (skipped: setup failed)`, false);
    return;
  }

  // 2. The real Claude Code in that folder, against the fake.
  fake.clearLog();
  const awsCalls = path.join(tmp, `aws-calls-${c.id}.log`);
  writeAwsStub(binDir, awsCalls);
  const env = claudeEnv(home, binDir, fake);
  fs.mkdirSync(env.TMPDIR!, { recursive: true });
  const keysBefore = new Set(fake.state.accessKeys.map((key) => key.accessKeyId));
  const straceLog = path.join(RESULTS_DIR, `${c.id}-connect.strace`);
  const [command, args] = TRACE ? ['strace', ['-f', '-e', 'trace=connect', '-o', straceLog, claude, '-p', PROMPT]] : [claude, ['-p', PROMPT]];
  const result = await run(command, args, { cwd: folder, env, timeoutMs: CLAUDE_TIMEOUT_MS });
  const requests = [...fake.requests];
  writeResult(`${c.id}-claude.log`, `$ claude -p ${JSON.stringify(PROMPT)}\nexit ${result.code} signal ${result.signal} in ${result.ms} ms${result.timedOut ? ' (TIMED OUT)' : ''}\n--- stdout ---\n${result.stdout}\n--- stderr ---\n${result.stderr}`);
  writeResult(`${c.id}-requests.json`, `${JSON.stringify(requests, null, 2)}\n`);
  log(`  claude exited ${result.code ?? result.signal} in ${(result.ms / 1000).toFixed(1)}s; the fake saw ${requests.length} requests:`);
  for (const entry of requests) log(`    ${describe(entry)}${entry.signingRegion ? ` [${entry.signingRegion}, ${entry.accessKeyId}]` : ''}`);

  await check(`${c.id}: claude -p exits 0 within ${CLAUDE_TIMEOUT_MS / 1000}s`, () => {
    assert(!result.timedOut, 'timed out');
    assert(result.code === 0, `exit ${result.code ?? result.signal}: ${(result.stderr || result.stdout).trim().slice(0, 400)}`);
    return `${(result.ms / 1000).toFixed(1)}s`;
  });
  if (TRACE) {
    await check(`${c.id}: claude connects to loopback only (strace)`, () => {
      const targets = connectTargets(fs.readFileSync(straceLog, 'utf8'));
      const outside = targets.filter((target) => !isLoopback(target.address));
      assert(outside.length === 0, `connect() to ${outside.map((target) => `${target.address}:${target.port} (${target.result})`).join(', ')}`);
      return `${targets.length} connect() calls, all to 127.0.0.1`;
    });
  }
  await check(`${c.id}: stdout carries the fake model's answer`, () => {
    assert(result.stdout.includes(FAKE_ANSWER), `stdout: ${JSON.stringify(result.stdout.slice(0, 400))}`);
  });

  const streams = requests.filter((entry) => entry.operation === 'InvokeModelWithResponseStream');
  await check(`${c.id}: InvokeModelWithResponseStream is for exactly ${c.model}`, () => {
    assert(streams.length > 0, 'no InvokeModelWithResponseStream request reached the fake');
    const others = streams.filter((entry) => entry.resource !== c.model);
    assert(others.length === 0, `also streamed: ${others.map((entry) => entry.resource).join(', ')}`);
    const failed = streams.filter((entry) => entry.status !== 200);
    assert(failed.length === 0, `answered ${failed.map(describe).join('; ')}`);
    return `${streams.length} stream request(s), all 200`;
  });
  await check(`${c.id}: the stream is signed for ${c.region} (service bedrock)`, () => {
    const wrong = streams.filter((entry) => entry.signingRegion !== c.region || entry.signingService !== 'bedrock');
    assert(streams.length > 0 && wrong.length === 0, `signed as ${wrong.map((entry) => `${entry.signingRegion}/${entry.signingService}`).join(', ') || 'nothing'}`);
  });

  const expected = c.expectedKeys(fake, keysBefore);
  const allowedKey = (id: string | undefined): boolean => id !== undefined && expected.accessKeyIds.includes(id);
  await check(`${c.id}: the stream is signed with ${expected.how}`, () => {
    assert(expected.accessKeyIds.length > 0, `no key to expect: ${expected.how} (none)`);
    const wrong = streams.filter((entry) => !allowedKey(entry.accessKeyId));
    assert(streams.length > 0 && wrong.length === 0, `signed with ${wrong.map((entry) => entry.accessKeyId).join(', ') || 'nothing'}, expected ${expected.accessKeyIds.join(' or ')}`);
    return [...new Set(streams.map((entry) => entry.accessKeyId))].join(', ');
  });
  if (c.ssoProfile) {
    await check(`${c.id}: the credentials came from the fake SSO portal (GetRoleCredentials)`, () => {
      const calls = requests.filter((entry) => entry.service === 'sso' && entry.operation === 'GetRoleCredentials');
      assert(calls.length > 0 && calls.every((entry) => entry.status === 200), `GetRoleCredentials: ${calls.map(describe).join('; ') || 'never called'}`);
      return `${calls.length} call(s)`;
    });
  }

  await check(`${c.id}: no request is signed with another region or key`, () => {
    const signed = requests.filter((entry) => entry.signingRegion !== undefined || entry.accessKeyId !== undefined);
    const wrong = signed.filter((entry) => entry.signingRegion !== c.region || !allowedKey(entry.accessKeyId));
    assert(wrong.length === 0, wrong.map((entry) => `${describe(entry)} [${entry.signingRegion}, ${entry.accessKeyId}]`).join('; '));
    const refused = requests.filter((entry) => entry.errorCode !== undefined && AUTH_ERRORS.has(entry.errorCode));
    assert(refused.length === 0, `refused signatures: ${refused.map(describe).join('; ')}`);
    const unrouted = requests.filter((entry) => entry.service === 'unknown');
    assert(unrouted.length === 0, `requests the fake does not serve: ${unrouted.map((entry) => entry.operation).join('; ')}`);
    return `${signed.length} signed requests`;
  });

  const refreshCalls = fs.existsSync(awsCalls) ? fs.readFileSync(awsCalls, 'utf8').trim() : '';
  if (c.ssoProfile) {
    // Claude Code checks the credentials with STS GetCallerIdentity and runs awsAuthRefresh only
    // when that fails: with a valid SSO session the setup's refresh command must stay idle.
    await check(`${c.id}: awsAuthRefresh stays idle with a valid SSO session`, () => {
      assert(refreshCalls === '', `ran: ${refreshCalls}`);
      const identity = requests.filter((entry) => entry.service === 'sts' && entry.operation === 'GetCallerIdentity');
      return identity.length > 0 ? `credentials checked with GetCallerIdentity → ${identity.map((entry) => entry.status).join(', ')}` : 'no credentials check seen';
    });
  } else if (refreshCalls !== '') {
    log(`  (info) awsAuthRefresh ran: ${refreshCalls}`);
  }

  await check(`${c.id}: every model Claude Code invokes, its own probes included, is in the chosen scope`, () => {
    const scope = `${c.model.split('.')[0]}.`;
    const outside = requests.filter((entry) => /^InvokeModel/.test(entry.operation) && !entry.resource?.startsWith(scope));
    assert(outside.length === 0, `outside ${scope}: ${outside.map(describe).join('; ')}`);
    return `${requests.filter((entry) => /^InvokeModel/.test(entry.operation)).length} invocations, all ${scope}`;
  });

  // What else Claude Code did, for the record (its behaviour, not this extension's).
  const invoked = [...new Set(requests.filter((entry) => entry.operation === 'InvokeModel').map((entry) => `${entry.resource} ${entry.status}`))];
  log(`  (info) ListInferenceProfiles calls on the base URL: ${requests.filter((entry) => entry.operation === 'ListInferenceProfiles').length}; InvokeModel probes: ${invoked.join(', ') || 'none'}`);
}

// ------------------------------------------------------------------------------------------------

const TRACE = canTrace();

async function main(): Promise<void> {
  fs.rmSync(RESULTS_DIR, { recursive: true, force: true });
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  log(`network: ${process.env.INTEROP_NETNS === '1' ? 'private namespace, loopback only' : 'shared (environment and loopback proxy keep claude on 127.0.0.1)'}; connect() tracing: ${TRACE ? 'strace' : 'off'}`);

  // Tools: the pinned Claude Code (installed once), and the extension's CLI (npm run build).
  let claude = '';
  const toolsOk = await check('Claude Code is installed (scripts/claude-code-tools.sh)', async () => {
    const started = Date.now();
    const tools = await run('bash', [TOOLS_SCRIPT], { cwd: REPO_ROOT, env: { ...process.env } as Record<string, string>, timeoutMs: 15 * 60_000 });
    writeResult('claude-code-tools.log', `${tools.stderr}\n${tools.stdout}`);
    assert(tools.code === 0, `exit ${tools.code ?? tools.signal}: ${tools.stderr.trim().split('\n').slice(-3).join(' | ')}`);
    claude = tools.stdout.trim().split('\n').pop() ?? '';
    assert(fs.existsSync(claude), `no claude at ${JSON.stringify(claude)}`);
    const version = tools.stderr.match(/claude --version: ([^;]+)/)?.[1];
    return `${version ?? '?'} in ${((Date.now() - started) / 1000).toFixed(1)}s`;
  });
  const cliOk = await check('dist/cli.js is built', () => {
    assert(fs.existsSync(CLI), `${CLI} is missing: run npm run build (npm run test:interop does)`);
  });
  if (!toolsOk || !cliOk) return;

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cbs-interop-'));
  const fake = await startFakeAws({ scenario: 'basic' });
  try {
    log(`fake AWS: main ${fake.endpoint}, runtime ${fake.runtimeEndpoint ?? '-'}`);
    for (const c of CASES) await runCase(c, fake, claude, tmp);
  } finally {
    await fake.stop();
    if (KEEP) log(`kept ${tmp}`);
    else fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function summary(): number {
  const passed = results.filter((result) => result.ok).length;
  const failed = results.length - passed;
  writeResult('results.json', `${JSON.stringify({ passed, failed, seconds: (Date.now() - t0) / 1000, results }, null, 2)}\n`);
  if (failed > 0) {
    console.log('\nFailed:');
    for (const result of results.filter((candidate) => !candidate.ok)) console.log(`  ✘ ${result.name}: ${result.detail ?? ''}`);
  }
  console.log(`\n${passed} passed, ${failed} failed (${elapsed()}; logs in ${path.relative(process.cwd(), RESULTS_DIR) || RESULTS_DIR})`);
  return failed > 0 || results.length === 0 ? 1 : 0;
}

if (canIsolate()) {
  // The install needs the npm registry: do it out here; inside, the script only finds it done.
  log('installing Claude Code if needed (scripts/claude-code-tools.sh)');
  spawnSync('bash', [TOOLS_SCRIPT], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  process.exit(rerunIsolated());
} else {
  main()
    .catch((error: unknown) => {
      record('interop run', false, error instanceof Error ? (error.stack ?? error.message) : String(error));
    })
    .finally(() => {
      process.exitCode = summary();
    });
}
