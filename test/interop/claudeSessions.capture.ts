/**
 * Captures the session records the real Claude Code CLI writes when Bedrock fails, as the fixtures
 * of test/fixtures/claude-sessions/ (see its README):
 *
 *   npm run fixtures:claude-sessions       # = tsx test/interop/claudeSessions.capture.ts
 *
 * Per case: a fresh HOME (the fake's demo profiles), a folder whose .claude/settings.json sets up
 * Bedrock, the fake AWS in the case's scenario (or with a fault injected on Bedrock Runtime's
 * InvokeModelWithResponseStream), then `claude -p <prompt>` in that folder. Of what Claude Code
 * wrote under `$HOME/.claude/projects/`, only three kinds of line are kept — the request envelope
 * (`"type":"api-request"`: its model and max_tokens), the retry records (`"subtype":"api_error"`)
 * and the final error message (`"isApiErrorMessage":true`) — and of each only the fields the reader
 * uses; everything else (prompts, answers, the system prompt, ids, paths, the session's cwd) is
 * dropped. The script then refuses to write a fixture that still holds the prompt, a path of this
 * machine, the user's name or a key, secret or token the fake issued.
 *
 * Claude Code is the pinned CLI of scripts/claude-code-tools.sh (CLAUDE_CODE_TOOLS_DIR as there).
 * Nothing leaves 127.0.0.1 (the same environment as the interop test: claudeProcess.ts).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startFakeAws, writeDemoHome, type FakeAws } from '../fake-aws';
import type { FaultRule } from '../fake-aws/faults';
import type { ScenarioName } from '../fake-aws/scenarios';
import { BEDROCK_MODEL_IDS } from '../fake-aws/scenarios/bedrockCatalog';
import { claudeEnv, installedClaude, run, writeAwsStub } from './claudeProcess';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'claude-sessions');
/** A prompt that must never reach a fixture (the check below looks for it). */
const PROMPT = 'Fixture prompt 4f1c: this sentence must never appear in a fixture';
const TOKYO = 'ap-northeast-1';
const JP_SONNET = `jp.${BEDROCK_MODEL_IDS.sonnet45}`;
const JP_HAIKU = `jp.${BEDROCK_MODEL_IDS.haiku45}`;

interface Case {
  /** The fixture's file name, without `.jsonl`. */
  readonly id: string;
  readonly what: string;
  readonly scenario: ScenarioName;
  readonly profile: string;
  readonly region: string;
  readonly model: string;
  readonly fault?: FaultRule;
  /** CLAUDE_CODE_MAX_RETRIES: few retries keep the capture short. */
  readonly maxRetries: number;
  readonly maxOutputTokens?: string;
}

const stream = { service: 'bedrock-runtime', operation: 'InvokeModelWithResponseStream' } as const;

const CASES: readonly Case[] = [
  { id: 'throttled', what: 'every attempt throttled (429 "Too many tokens"): two retries, then the error', scenario: 'basic', profile: 'static-dev', region: TOKYO, model: JP_SONNET, fault: { ...stream, throttle: true, times: 3 }, maxRetries: 2 },
  { id: 'throttled-recovered', what: 'one attempt throttled, the retry answered', scenario: 'basic', profile: 'static-dev', region: TOKYO, model: JP_SONNET, fault: { ...stream, throttle: true, times: 1 }, maxRetries: 2 },
  { id: 'not-authorized', what: 'scenario bedrock-not-authorized: Haiku 4.5 without model access (403)', scenario: 'bedrock-not-authorized', profile: 'static-dev', region: TOKYO, model: JP_HAIKU, maxRetries: 1 },
  { id: 'expired-credentials', what: 'the expired-keys profile: 403 "The security token included in the request is expired"', scenario: 'basic', profile: 'expired-keys', region: TOKYO, model: JP_SONNET, maxRetries: 1 },
  { id: 'sso-expired', what: 'the sso-expired profile: the SSO sign-in expired and cannot be refreshed', scenario: 'basic', profile: 'sso-expired', region: TOKYO, model: JP_SONNET, maxRetries: 1 },
  { id: 'invalid-identifier', what: 'a jp. ID in us-east-1: 400 "The provided model identifier is invalid", with Claude Code\'s own suggestion', scenario: 'basic', profile: 'static-dev', region: 'us-east-1', model: JP_SONNET, maxRetries: 1 },
  { id: 'on-demand', what: 'a bare model ID in Tokyo: 400 on-demand throughput not supported; Claude Code suggests an apac. model', scenario: 'basic', profile: 'static-dev', region: TOKYO, model: BEDROCK_MODEL_IDS.sonnet45, maxRetries: 1 },
  {
    id: 'max-tokens',
    what: 'CLAUDE_CODE_MAX_OUTPUT_TOKENS above the model\'s limit; the 400 ValidationException is injected (its wording is the Anthropic API\'s, not verified against Bedrock)',
    scenario: 'basic',
    profile: 'static-dev',
    region: TOKYO,
    model: JP_SONNET,
    fault: { ...stream, error: { status: 400, code: 'ValidationException', message: 'max_tokens: 200000 > 64000, which is the maximum allowed number of output tokens for claude-sonnet-4-5-20250929' } },
    maxRetries: 1,
    maxOutputTokens: '200000',
  },
];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** Copies the listed fields of an object (nested specs for nested objects); nothing else. */
function pick(value: Json | undefined, spec: Record<string, true | Record<string, true>>): JsonObject | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const out: JsonObject = {};
  for (const [key, inner] of Object.entries(spec)) {
    const field = value[key];
    if (field === undefined) continue;
    if (inner === true) out[key] = field;
    else {
      const nested = pick(field, inner);
      if (nested !== undefined) out[key] = nested;
    }
  }
  return out;
}

/** The kept part of one line Claude Code wrote, or undefined for a line the reader does not use. */
export function scrubLine(record: JsonObject): JsonObject | undefined {
  if (record.type === 'api-request') {
    return pick(record, { type: true, timestamp: true, version: true, params: { model: true, max_tokens: true } });
  }
  if (record.type === 'system' && record.subtype === 'api_error') {
    return pick(record, {
      type: true,
      subtype: true,
      level: true,
      timestamp: true,
      version: true,
      error: { message: true, status: true, formatted: true, isCloudCredentialError: true },
      retryInMs: true,
      retryAttempt: true,
      maxRetries: true,
      source: true,
    });
  }
  if (record.type === 'assistant' && record.isApiErrorMessage === true) {
    const kept = pick(record, { type: true, timestamp: true, version: true, error: true, apiError: true, isApiErrorMessage: true, apiErrorStatus: true })!;
    const message = record.message as JsonObject | undefined;
    const content = Array.isArray(message?.content) ? message.content : [];
    // The synthetic message Claude Code writes for the error: its text is the error, nothing the user wrote.
    kept.message = { model: message?.model ?? null, role: 'assistant', content: content.map((block) => pick(block, { type: true, text: true }) ?? {}) };
    return kept;
  }
  return undefined;
}

/** Strings that must not appear in a fixture: the prompt, this machine's paths and user, the fake's secrets. */
function forbiddenStrings(fake: FakeAws, tmp: string): string[] {
  const secrets = fake.state.accessKeys.flatMap((key) => [key.accessKeyId, key.secretAccessKey, key.sessionToken ?? '']);
  const tokens = fake.state.sso.accessTokens.map((token) => token.token);
  return [PROMPT, 'Fixture prompt', tmp, os.homedir(), os.tmpdir() + path.sep, os.userInfo().username, os.hostname(), ...secrets, ...tokens].filter((text) => text.length >= 4);
}

async function capture(c: Case, claude: string, tmp: string): Promise<string[]> {
  const fake = await startFakeAws({ scenario: c.scenario });
  try {
    const { home } = await writeDemoHome(path.join(tmp, `home-${c.id}`), fake.state);
    const folder = path.join(tmp, `project-${c.id}`);
    fs.mkdirSync(path.join(folder, '.claude'), { recursive: true });
    const env: Record<string, string> = {
      CLAUDE_CODE_USE_BEDROCK: '1',
      AWS_REGION: c.region,
      AWS_PROFILE: c.profile,
      ANTHROPIC_MODEL: c.model,
      ANTHROPIC_BEDROCK_REGION_PREFIX: 'jp',
      ANTHROPIC_DEFAULT_HAIKU_MODEL: JP_HAIKU,
      ANTHROPIC_DEFAULT_SONNET_MODEL: JP_SONNET,
      ANTHROPIC_DEFAULT_OPUS_MODEL: `jp.${BEDROCK_MODEL_IDS.opus46}`,
      ...(c.maxOutputTokens ? { CLAUDE_CODE_MAX_OUTPUT_TOKENS: c.maxOutputTokens } : {}),
    };
    fs.writeFileSync(path.join(folder, '.claude', 'settings.json'), JSON.stringify({ env }, null, 2));
    if (c.fault) fake.inject(c.fault);
    const binDir = path.join(tmp, `bin-${c.id}`);
    writeAwsStub(binDir, path.join(tmp, `aws-calls-${c.id}.log`));
    const processEnv: Record<string, string> = { ...claudeEnv(home, binDir, fake), CLAUDE_CODE_MAX_RETRIES: String(c.maxRetries) };
    fs.mkdirSync(processEnv.TMPDIR!, { recursive: true });
    const result = await run(claude, ['-p', PROMPT], { cwd: folder, env: processEnv, timeoutMs: 180_000 });
    console.log(`[capture] ${c.id}: claude exited ${result.code ?? result.signal} in ${(result.ms / 1000).toFixed(1)}s${result.timedOut ? ' (timed out)' : ''}; ${result.stdout.trim().slice(0, 200)}`);
    const projects = path.join(home, '.claude', 'projects');
    const files = fs.readdirSync(projects, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.jsonl'));
    if (files.length !== 1) throw new Error(`${c.id}: expected one session file, found ${files.join(', ') || 'none'}`);
    const lines = fs
      .readFileSync(path.join(projects, files[0]!), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => scrubLine(JSON.parse(line) as JsonObject))
      .filter((record): record is JsonObject => record !== undefined)
      .map((record) => JSON.stringify(record));
    if (!lines.some((line) => line.includes('"subtype":"api_error"') || line.includes('"isApiErrorMessage":true'))) throw new Error(`${c.id}: Claude Code wrote no error record`);
    const text = lines.join('\n');
    for (const forbidden of forbiddenStrings(fake, tmp)) {
      if (text.includes(forbidden)) throw new Error(`${c.id}: the scrubbed records still hold ${JSON.stringify(forbidden.slice(0, 12))}…`);
    }
    return lines;
  } finally {
    await fake.stop();
  }
}

async function main(): Promise<void> {
  const claude = installedClaude();
  if (!claude) throw new Error('Claude Code is not installed: run npm run tools:claude-code (or set CLAUDE_CODE_TOOLS_DIR)');
  const tools = process.env.CLAUDE_CODE_TOOLS_DIR ?? path.join(__dirname, '..', '..', '.e2e-tools', 'claude-code');
  const version = (JSON.parse(fs.readFileSync(path.join(tools, 'node_modules', '@anthropic-ai', 'claude-code', 'package.json'), 'utf8')) as { version: string }).version;
  const only = process.argv.slice(2);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cbs-sessions-'));
  const written: { id: string; what: string; lines: number }[] = [];
  try {
    fs.mkdirSync(FIXTURES, { recursive: true });
    for (const c of CASES.filter((candidate) => only.length === 0 || only.includes(candidate.id))) {
      const lines = await capture(c, claude, tmp);
      const versions = new Set(lines.map((line) => (JSON.parse(line) as { version?: string }).version).filter(Boolean));
      if (versions.size !== 1 || !versions.has(version)) throw new Error(`${c.id}: records written by ${[...versions].join(', ')}, expected ${version}`);
      fs.writeFileSync(path.join(FIXTURES, `${c.id}.jsonl`), `${lines.join('\n')}\n`);
      written.push({ id: c.id, what: c.what, lines: lines.length });
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  console.log(`[capture] Claude Code ${version} wrote:`);
  for (const entry of written) console.log(`  ${entry.id}.jsonl  ${entry.lines} lines  ${entry.what}`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
