/**
 * Interop with the real Claude Code CLI: a folder configured by this extension's own CLI
 * (`claude-bedrock setup`) makes `claude -p` call Bedrock with the chosen model, region and
 * profile. Nothing is mocked on Claude Code's side; Bedrock, SSO and STS are the loopback fake.
 *
 *   npm run test:interop            # = npm run build && tsx test/interop/claudeCode.interop.ts
 *
 * Versions (src/core/claudeCode/supportTable.ts, installed side by side by
 * scripts/claude-code-tools.sh --all): the newest tested and the oldest supported run every case and
 * must invoke only the chosen models; the last version before the minimum runs the Japan-domestic case
 * without an Opus pin, and must do exactly what `setup` and `doctor` warned it would: ignore
 * ANTHROPIC_BEDROCK_REGION_PREFIX and probe IDs with the prefix it derives from the Region (`apac.`).
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
 * HTTP(S) proxy on loopback that forwards to 127.0.0.1 only and refuses (and reports) anything else. When run as root where `unshare -n`
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
import { startLoopbackProxy, type LoopbackProxy } from './loopbackProxy';
import { LAST_UNSUPPORTED_VERSION, MINIMUM_SUPPORTED_VERSION, NEWEST_TESTED_VERSION } from '../../src/core/claudeCode/supportTable';

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
  /** Whether setup pins the Opus alias in the same scope (the wizard's default); without it Claude Code probes Opus IDs of its own. */
  opusPinned: boolean;
}

/** A Claude Code version under test and what it is expected to honour. */
interface Version {
  version: string;
  claude: string;
  /** True when the support table says it honours every setting written (the minimum and newer). */
  supported: boolean;
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
    opusPinned: true,
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
    opusPinned: true,
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
    opusPinned: true,
    expectedKeys: () => ({ accessKeyIds: [BASIC_STATIC_KEY.accessKeyId], how: 'the static key of ~/.aws/credentials' }),
  },
];

/**
 * The Opus alias left unpinned (the wizard's box unticked): Claude Code probes Opus IDs of its own.
 * What it may invoke is only what the extension said it would: the chosen scope, the `global.` IDs
 * setup's Opus hint names, and, for a version that ignores the region prefix, the prefix the version
 * warning names. Run on every version; only the last unsupported one derives `apac.`.
 */
const UNPINNED_CASE: Case = {
  id: 'static-dev-tokyo-opus-unpinned',
  profile: 'static-dev',
  region: 'ap-northeast-1',
  model: `jp.${BEDROCK_MODEL_IDS.sonnet45}`,
  backgroundModel: `jp.${BEDROCK_MODEL_IDS.haiku45}`,
  ssoProfile: false,
  opusPinned: false,
  expectedKeys: () => ({ accessKeyIds: [BASIC_STATIC_KEY.accessKeyId], how: 'the static key of ~/.aws/credentials' }),
};

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

/** What `setup --json` and `doctor --json` say about Claude Code: the CLI version seen and the settings it would ignore. */
interface ClaudeCodeSaid {
  cliVersion?: string;
  codes: string[];
  /** ANTHROPIC_BEDROCK_REGION_PREFIX ignored: the prefix the version derives instead. */
  derivedPrefix?: string;
}

function setupSaid(stdout: string): ClaudeCodeSaid {
  const report = JSON.parse(stdout) as { claudeCode?: { installs?: { cli?: { version?: { version?: string } }[] }; findings?: { code: string; ignored?: { key: string; derivedPrefix?: string } }[] } };
  const findings = report.claudeCode?.findings ?? [];
  const prefix = findings.find((finding) => finding.code === 'setting-ignored' && finding.ignored?.key === 'env.ANTHROPIC_BEDROCK_REGION_PREFIX');
  return { cliVersion: report.claudeCode?.installs?.cli?.[0]?.version?.version, codes: findings.map((finding) => finding.code), ...(prefix?.ignored?.derivedPrefix ? { derivedPrefix: prefix.ignored.derivedPrefix } : {}) };
}

function doctorSaid(stdout: string): ClaudeCodeSaid {
  const report = JSON.parse(stdout) as { checks: { id: string; claudeCode?: { code: string; version?: string; ignored?: { key: string; derivedPrefix?: string } } }[] };
  const checks = report.checks.filter((check) => check.id === 'claude-code').map((check) => check.claudeCode!);
  const prefix = checks.find((check) => check.code === 'setting-ignored' && check.ignored?.key === 'env.ANTHROPIC_BEDROCK_REGION_PREFIX');
  return { cliVersion: checks.find((check) => check.version !== undefined)?.version, codes: checks.map((check) => check.code), ...(prefix?.ignored?.derivedPrefix ? { derivedPrefix: prefix.ignored.derivedPrefix } : {}) };
}

async function runCase(c: Case, fake: FakeAws, proxy: LoopbackProxy, v: Version, tmp: string): Promise<void> {
  const name = `${v.version} ${c.id}`;
  const tag = `${v.version}-${c.id}`;
  log(`▶ Claude Code ${v.version}, case ${c.id}: profile ${c.profile}, region ${c.region}, model ${c.model}, background ${c.backgroundModel}${c.opusPinned ? '' : ', Opus alias not pinned'}`);
  // A fresh HOME per case, so nothing Claude Code caches there carries over. Written from the
  // live state, so the cached SSO token's expiry matches what this fake believes.
  const { home } = await writeDemoHome(path.join(tmp, `home-${tag}`), fake.state);
  const binDir = path.join(tmp, `bin-${tag}`);
  const folder = path.join(tmp, `project-${tag}`);
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(path.join(folder, 'README.md'), `# interop case ${c.id}\n`);
  const scope = c.model.split('.')[0]!;

  // 1. The extension's own CLI writes the setup, with the version under test first on PATH: it says what that version would ignore.
  const toolPath = [path.dirname(v.claude), process.env.PATH ?? '/usr/bin:/bin'].join(path.delimiter);
  const setupEnv = { PATH: toolPath, HOME: home, AWS_EC2_METADATA_DISABLED: 'true', LANG: 'C.UTF-8' };
  // The Opus alias pinned in the same scope, as the wizard does by default: Claude Code then probes no model of its own choosing.
  const opusModel = `${scope}.${BEDROCK_MODEL_IDS.opus46}`;
  const setupArgs = [CLI, 'setup', '--folder', folder, '--profile', c.profile, '--region', c.region, '--model', c.model, '--background-model', c.backgroundModel, ...(c.opusPinned ? ['--opus-model', opusModel] : [])];
  const preview = await run(process.execPath, [...setupArgs, '--dry-run'], { cwd: tmp, env: setupEnv, timeoutMs: SETUP_TIMEOUT_MS });
  const setup = await run(process.execPath, [...setupArgs, '--json'], { cwd: tmp, env: setupEnv, timeoutMs: SETUP_TIMEOUT_MS });
  writeResult(`${tag}-setup.json`, `${preview.stdout}\n--- --json ---\n${setup.stdout}${setup.stderr ? `\n--- stderr ---\n${setup.stderr}` : ''}`);
  const setupOk = await check(`${name}: dist/cli.js setup configures the folder`, () => {
    assert(setup.code === 0, `exit ${setup.code ?? setup.signal}${setup.timedOut ? ' (timed out)' : ''}: ${(setup.stderr || setup.stdout).trim().slice(0, 400)}`);
    const shared = JSON.parse(fs.readFileSync(path.join(folder, '.claude', 'settings.json'), 'utf8')) as { env?: Record<string, string> };
    const local = JSON.parse(fs.readFileSync(path.join(folder, '.claude', 'settings.local.json'), 'utf8')) as { env?: Record<string, string>; awsAuthRefresh?: string };
    const want: Record<string, string | undefined> = {
      CLAUDE_CODE_USE_BEDROCK: '1',
      AWS_REGION: c.region,
      ANTHROPIC_MODEL: c.model,
      ANTHROPIC_BEDROCK_REGION_PREFIX: scope,
      ANTHROPIC_DEFAULT_HAIKU_MODEL: c.backgroundModel,
      ANTHROPIC_DEFAULT_OPUS_MODEL: c.opusPinned ? opusModel : undefined,
    };
    for (const [key, value] of Object.entries(want)) assert(shared.env?.[key] === value, `settings.json env.${key} is ${JSON.stringify(shared.env?.[key])}, expected ${value}`);
    assert(shared.env?.AWS_PROFILE === undefined, 'the shared settings.json must not name a personal profile');
    assert(shared.env?.ANTHROPIC_BEDROCK_BASE_URL === undefined, 'setup must not write a base URL');
    assert(local.env?.AWS_PROFILE === c.profile, `settings.local.json env.AWS_PROFILE is ${JSON.stringify(local.env?.AWS_PROFILE)}`);
    if (c.ssoProfile) assert(typeof local.awsAuthRefresh === 'string', 'an SSO profile gets awsAuthRefresh');
    return `settings.json + settings.local.json (${Object.keys(shared.env ?? {}).length} + ${Object.keys(local.env ?? {}).length} env keys)`;
  });
  if (!setupOk) {
    record(`${name}: claude -p (skipped: setup failed)`, false);
    return;
  }
  const said = setupSaid(setup.stdout);
  const derived = said.derivedPrefix;
  await check(`${name}: setup read Claude Code ${v.version} and warned about exactly what it ignores`, () => {
    assert(said.cliVersion === v.version, `setup saw Claude Code ${said.cliVersion ?? 'nowhere'}`);
    if (v.supported) {
      assert(!said.codes.includes('setting-ignored') && !said.codes.includes('cli-old'), `setup warned: ${said.codes.join(', ')}`);
      return 'no warning: it honours every setting written';
    }
    assert(said.codes.includes('cli-old'), `no too-old warning: ${said.codes.join(', ')}`);
    assert(derived === 'apac', `the region-prefix warning names ${derived ?? 'nothing'}, expected apac (ap-northeast-1's default)`);
    assert(preview.stdout.includes(`ignores ANTHROPIC_BEDROCK_REGION_PREFIX=${scope}`) && preview.stdout.includes(`${derived}. in ${c.region}, not ${scope}.`), `the text does not say it: ${preview.stdout.slice(-800)}`);
    return `warned: ${said.codes.join(', ')}; derives ${derived}.`;
  });
  if (!v.supported) {
    const doctor = await run(process.execPath, [CLI, 'doctor', '--folder', folder, '--json'], { cwd: folder, env: { ...setupEnv, ...fake.env() }, timeoutMs: SETUP_TIMEOUT_MS });
    writeResult(`${tag}-doctor.json`, doctor.stdout + (doctor.stderr ? `\n--- stderr ---\n${doctor.stderr}` : ''));
    await check(`${name}: doctor says the same`, () => {
      const answer = doctorSaid(doctor.stdout);
      assert(answer.cliVersion === v.version && answer.derivedPrefix === derived, `doctor: ${JSON.stringify(answer)}`);
      assert(doctor.code === 0, `doctor exits ${doctor.code}: warnings do not fail it`);
    });
  }

  // 2. The real Claude Code in that folder, against the fake.
  fake.clearLog();
  proxy.clear();
  const awsCalls = path.join(tmp, `aws-calls-${tag}.log`);
  writeAwsStub(binDir, awsCalls);
  const env = claudeEnv(home, binDir, fake, proxy.url);
  fs.mkdirSync(env.TMPDIR!, { recursive: true });
  const keysBefore = new Set(fake.state.accessKeys.map((key) => key.accessKeyId));
  const straceLog = path.join(RESULTS_DIR, `${tag}-connect.strace`);
  const [command, args] = TRACE ? ['strace', ['-f', '-e', 'trace=connect', '-o', straceLog, v.claude, '-p', PROMPT]] : [v.claude, ['-p', PROMPT]];
  const result = await run(command, args, { cwd: folder, env, timeoutMs: CLAUDE_TIMEOUT_MS });
  const requests = [...fake.requests];
  writeResult(`${tag}-claude.log`, `$ claude -p ${JSON.stringify(PROMPT)}\nexit ${result.code} signal ${result.signal} in ${result.ms} ms${result.timedOut ? ' (TIMED OUT)' : ''}\n--- stdout ---\n${result.stdout}\n--- stderr ---\n${result.stderr}`);
  writeResult(`${tag}-requests.json`, `${JSON.stringify(requests, null, 2)}\n`);
  log(`  claude exited ${result.code ?? result.signal} in ${(result.ms / 1000).toFixed(1)}s; the fake saw ${requests.length} requests:`);
  for (const entry of requests) log(`    ${describe(entry)}${entry.signingRegion ? ` [${entry.signingRegion}, ${entry.accessKeyId}]` : ''}`);

  await check(`${name}: claude -p exits 0 within ${CLAUDE_TIMEOUT_MS / 1000}s`, () => {
    assert(!result.timedOut, 'timed out');
    assert(result.code === 0, `exit ${result.code ?? result.signal}: ${(result.stderr || result.stdout).trim().slice(0, 400)}`);
    return `${(result.ms / 1000).toFixed(1)}s`;
  });
  if (TRACE) {
    await check(`${name}: claude connects to loopback only (strace)`, () => {
      const targets = connectTargets(fs.readFileSync(straceLog, 'utf8'));
      const outside = targets.filter((target) => !isLoopback(target.address));
      assert(outside.length === 0, `connect() to ${outside.map((target) => `${target.address}:${target.port} (${target.result})`).join(', ')}`);
      return `${targets.length} connect() calls, all to 127.0.0.1`;
    });
  }
  await check(`${name}: the proxy refused nothing (every request through it was for 127.0.0.1)`, () => {
    const refused = proxy.requests.filter((request) => request.refused);
    assert(refused.length === 0, `refused: ${refused.map((request) => `${request.method} ${request.target}`).join(', ')}`);
    return proxy.requests.length === 0 ? 'nothing went through it' : `${proxy.requests.length} request(s) through it, all to loopback`;
  });
  await check(`${name}: stdout carries the fake model's answer`, () => {
    assert(result.stdout.includes(FAKE_ANSWER), `stdout: ${JSON.stringify(result.stdout.slice(0, 400))}`);
  });

  const streams = requests.filter((entry) => entry.operation === 'InvokeModelWithResponseStream');
  await check(`${name}: InvokeModelWithResponseStream is for exactly ${c.model}`, () => {
    assert(streams.length > 0, 'no InvokeModelWithResponseStream request reached the fake');
    const others = streams.filter((entry) => entry.resource !== c.model);
    assert(others.length === 0, `also streamed: ${others.map((entry) => entry.resource).join(', ')}`);
    const failed = streams.filter((entry) => entry.status !== 200);
    assert(failed.length === 0, `answered ${failed.map(describe).join('; ')}`);
    return `${streams.length} stream request(s), all 200`;
  });
  await check(`${name}: the stream is signed for ${c.region} (service bedrock)`, () => {
    const wrong = streams.filter((entry) => entry.signingRegion !== c.region || entry.signingService !== 'bedrock');
    assert(streams.length > 0 && wrong.length === 0, `signed as ${wrong.map((entry) => `${entry.signingRegion}/${entry.signingService}`).join(', ') || 'nothing'}`);
  });

  const expected = c.expectedKeys(fake, keysBefore);
  const allowedKey = (id: string | undefined): boolean => id !== undefined && expected.accessKeyIds.includes(id);
  await check(`${name}: the stream is signed with ${expected.how}`, () => {
    assert(expected.accessKeyIds.length > 0, `no key to expect: ${expected.how} (none)`);
    const wrong = streams.filter((entry) => !allowedKey(entry.accessKeyId));
    assert(streams.length > 0 && wrong.length === 0, `signed with ${wrong.map((entry) => entry.accessKeyId).join(', ') || 'nothing'}, expected ${expected.accessKeyIds.join(' or ')}`);
    return [...new Set(streams.map((entry) => entry.accessKeyId))].join(', ');
  });
  if (c.ssoProfile) {
    await check(`${name}: the credentials came from the fake SSO portal (GetRoleCredentials)`, () => {
      const calls = requests.filter((entry) => entry.service === 'sso' && entry.operation === 'GetRoleCredentials');
      assert(calls.length > 0 && calls.every((entry) => entry.status === 200), `GetRoleCredentials: ${calls.map(describe).join('; ') || 'never called'}`);
      return `${calls.length} call(s)`;
    });
  }

  await check(`${name}: no request is signed with another region or key`, () => {
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
    await check(`${name}: awsAuthRefresh stays idle with a valid SSO session`, () => {
      assert(refreshCalls === '', `ran: ${refreshCalls}`);
      const identity = requests.filter((entry) => entry.service === 'sts' && entry.operation === 'GetCallerIdentity');
      return identity.length > 0 ? `credentials checked with GetCallerIdentity → ${identity.map((entry) => entry.status).join(', ')}` : 'no credentials check seen';
    });
  } else if (refreshCalls !== '') {
    log(`  (info) awsAuthRefresh ran: ${refreshCalls}`);
  }

  const invocations = requests.filter((entry) => /^InvokeModel/.test(entry.operation));
  const prefixOf = (entry: RequestLogEntry) => entry.resource?.split('.')[0] ?? '';
  if (c.opusPinned) {
    await check(`${name}: every model Claude Code invokes, its own probes included, is in the chosen scope`, () => {
      const outside = invocations.filter((entry) => prefixOf(entry) !== scope);
      assert(outside.length === 0, `outside ${scope}.: ${outside.map(describe).join('; ')}`);
      return `${invocations.length} invocations, all ${scope}.`;
    });
  } else {
    // What the extension said: the chosen scope; the global. Opus IDs of setup's Opus hint; and the derived prefix of the version warning.
    const hinted = preview.stdout.includes('No --opus-model') && preview.stdout.includes('(global.)') ? ['global'] : [];
    const allowed = new Set([scope, ...hinted, ...(derived ? [derived] : [])]);
    await check(`${name}: every model Claude Code invokes is one the extension said it would (${[...allowed].map((prefix) => `${prefix}.`).join(', ')})`, () => {
      assert(hinted.length > 0, 'setup gave no Opus hint for an unpinned Opus alias');
      const unexplained = invocations.filter((entry) => !allowed.has(prefixOf(entry)));
      assert(unexplained.length === 0, `not warned about: ${unexplained.map(describe).join('; ')}`);
      const probes = invocations.filter((entry) => entry.operation === 'InvokeModel');
      assert(probes.every((entry) => /claude-opus/.test(entry.resource ?? '')), `probes of other models: ${probes.filter((entry) => !/claude-opus/.test(entry.resource ?? '')).map(describe).join('; ')}`);
      return `${invocations.length} invocations: ${[...new Set(invocations.map(prefixOf))].map((prefix) => `${prefix}.`).join(', ')}`;
    });
    if (derived) {
      await check(`${name}: it did what the warning said: probes ${derived}. IDs, not ${scope}.`, () => {
        const derivedCalls = invocations.filter((entry) => prefixOf(entry) === derived);
        assert(derivedCalls.length > 0, `no ${derived}. invocation: the warning claimed something Claude Code ${v.version} did not do`);
        return derivedCalls.map((entry) => entry.resource).join(', ');
      });
    } else {
      await check(`${name}: it honours the region prefix: no apac. ID`, () => {
        const apac = invocations.filter((entry) => prefixOf(entry) === 'apac');
        assert(apac.length === 0, `invoked ${apac.map(describe).join('; ')} though it honours ANTHROPIC_BEDROCK_REGION_PREFIX=${scope}`);
        return `Opus probes: ${invocations.filter((entry) => entry.operation === 'InvokeModel').map((entry) => entry.resource).join(', ') || 'none'}`;
      });
    }
  }

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

  // Tools: the Claude Code versions under test (installed once, side by side), and the extension's CLI (npm run build).
  const versions: Version[] = [];
  const toolsOk = await check('Claude Code is installed: the newest tested, the oldest supported and the last unsupported version (scripts/claude-code-tools.sh --all)', async () => {
    const started = Date.now();
    const tools = await run('bash', [TOOLS_SCRIPT, '--all'], { cwd: REPO_ROOT, env: { ...process.env } as Record<string, string>, timeoutMs: 20 * 60_000 });
    writeResult('claude-code-tools.log', `${tools.stderr}\n${tools.stdout}`);
    assert(tools.code === 0, `exit ${tools.code ?? tools.signal}: ${tools.stderr.trim().split('\n').slice(-3).join(' | ')}`);
    const lines = tools.stdout.trim().split('\n');
    const paths = new Map(lines.slice(0, -1).map((line) => line.split(' ', 2) as [string, string]));
    paths.set(NEWEST_TESTED_VERSION, lines[lines.length - 1] ?? '');
    for (const [version, supported] of [[NEWEST_TESTED_VERSION, true], [MINIMUM_SUPPORTED_VERSION, true], [LAST_UNSUPPORTED_VERSION, false]] as const) {
      const claude = paths.get(version) ?? '';
      assert(fs.existsSync(claude), `no claude ${version} at ${JSON.stringify(claude)}`);
      const seen = tools.stderr.match(new RegExp(`claude --version: (${version.replace(/\./g, '\\.')}[^(]*)\\(`))?.[1]?.trim();
      assert(seen !== undefined, `the tools script did not confirm ${version}`);
      versions.push({ version, claude, supported });
    }
    return `${versions.map((entry) => entry.version).join(', ')} in ${((Date.now() - started) / 1000).toFixed(1)}s`;
  });
  const cliOk = await check('dist/cli.js is built', () => {
    assert(fs.existsSync(CLI), `${CLI} is missing: run npm run build (npm run test:interop does)`);
  });
  if (!toolsOk || !cliOk) return;

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cbs-interop-'));
  const fake = await startFakeAws({ scenario: 'basic' });
  const proxy = await startLoopbackProxy();
  try {
    log(`fake AWS: main ${fake.endpoint}, runtime ${fake.runtimeEndpoint ?? '-'}`);
    for (const version of versions) {
      // The last unsupported version runs only the case its warning is about.
      for (const c of version.supported ? [...CASES, UNPINNED_CASE] : [UNPINNED_CASE]) await runCase(c, fake, proxy, version, tmp);
    }
  } finally {
    await proxy.stop();
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
  log('installing Claude Code if needed (scripts/claude-code-tools.sh --all)');
  spawnSync('bash', [TOOLS_SCRIPT, '--all'], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
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
