// The fault matrix (issue 12): every AWS-calling CLI command against every fault mode of the fake
// AWS (FAULT_KINDS), injected on each operation the command calls — the credential source (STS
// AssumeRole for a role, SSO GetRoleCredentials for an SSO profile) and STS GetCallerIdentity one by
// one, every call of each other service at once. Each run must end within its --timeout plus a
// small margin, exit with the documented code (1 when anything could not be verified), name the
// failure in words (its HTTP status, "a proxy or gateway answered", "did not finish in time", …)
// and the fix (with the endpoint variable of the service that failed), and print no stack trace,
// `undefined`, `[object Object]`, `NaN`, unhandled rejection, parser text or secret. Every other
// run is in --json, which must parse and say the same. Prints `faults N/N` and `secret leaks 0`.
//
// A new AWS-calling command is one row of ROWS: its arguments, the calls a clean run makes (the
// control run checks them) and what its --json says; the matrix faults each of those calls.
//
// The runs go through a small pool, each worker with its own fake (a fault rule applies to whoever
// calls); a run whose fault answers keeps the default --timeout, a hang gets a short one.
// The bound is counted from the command's first AWS call (the fake's log), so Node's start-up on a
// busy machine is not in it; and the process must exit right after its answer, well before the
// CLI's 2 s exit backstop, so nothing (a request, socket or timer) outlived the command.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { FAULT_KINDS, startFakeAws, writeDemoHome, type FakeAws, type FaultKind } from '../fake-aws';
import { BEDROCK_MODEL_IDS } from '../fake-aws/scenarios/bedrockCatalog';
import { faultRunPassed, faultRunStarted, leakedSecrets, secretsOf } from '../support/faultFigures';
import { FAULT_FIXES, FAULT_WORDS, MODEL_CALLS, NEVER_SHOWN, QUOTA_CALLS, USAGE_CALLS } from '../support/faultExpectations';
import { MARGIN_MS, TIMEOUT_S, run, type Run } from './runCli';

const TOKYO = 'ap-northeast-1';
const JP_SONNET = `jp.${BEDROCK_MODEL_IDS.sonnet45}`;
/** Runs at once; each worker has its own fake. */
const POOL = 4;
/** The --timeout of a run whose fault answers: the CLI's default, far above a normal run. */
const ANSWER_TIMEOUT_S = 10;
/**
 * The --timeout of a hang: short, but the calls before the hung one must fit in it on a busy
 * machine (doctor has one deadline for all its steps); twice it (a deadline per step) is still
 * far beyond it plus MARGIN_MS.
 */
const HANG_TIMEOUT_S = TIMEOUT_S + 1;
const SUITE = 'CLI';

/** Where a fault is injected: one operation, every operation of a service ('*'), or several services at once. */
interface Target {
  /** The service whose endpoint variable the fix names. */
  readonly service: string;
  readonly operation: string;
  readonly label: string;
  readonly rules: readonly { readonly service: string; readonly operation: string }[];
}

// The JSON documents differ per command; each row checks its own fields.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

interface Row {
  /** The command as a user types it, for the test titles. */
  readonly command: string;
  /** Arguments without --timeout and --json; `dir` is a fresh, empty folder of this run. */
  readonly args: (dir: string) => string[];
  /** Puts what the command reads into the run's folder (a policy, settings). */
  readonly prepare?: (dir: string) => void;
  /** Every call a clean run makes, `service:Operation` in the fake's names; the control run checks it. */
  readonly calls: readonly string[];
  /**
   * The services whose calls this row faults (default: all of `calls`). Only to skip calls that run the
   * same code with the same answers as in another row of the same command.
   */
  readonly faulted?: readonly string[];
  /**
   * When, despite the fault, the command verified everything it reports: why. Exit 0 is then its
   * documented answer (the fault is still named, with its fix). Otherwise the run must exit 1.
   */
  readonly verifiedDespite?: (target: Target, fault: FaultKind) => string | undefined;
  /** What its --json must hold after a fault. */
  readonly json: (document: Json, code: number, fault: FaultKind) => void;
  /** What the folder must be after the run (setup writes nothing it could not verify). */
  readonly after?: (dir: string, code: number) => void;
}

const region = ['--region', TOKYO];
const isControlPlane = (target: Target) => target.rules.length === 1 && target.service === 'bedrock';

const doctorJson = (document: Json, code: number, fault: FaultKind): void => {
  assert.equal(document.healthy, code === 0, 'healthy follows the exit code');
  assert.ok(Array.isArray(document.notVerified) && Array.isArray(document.checks));
  // Anything but expired credentials (a verified problem) leaves a call unread: the list names it.
  if (code !== 0 && fault !== 'expired-credentials') assert.ok(document.notVerified.length > 0, 'notVerified names what could not be read');
};
const reportJson = (document: Json): void => {
  assert.ok((Array.isArray(document.problems) && document.problems.length > 0) || document.error !== undefined, 'the JSON names what could not be read');
};

/** Files under a folder, relative, sorted. */
function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (path: string): void => {
    for (const name of readdirSync(path)) {
      const full = join(path, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(relative(dir, full));
    }
  };
  walk(dir);
  return out.sort();
}

const JAPAN_ONLY = `${JSON.stringify({ version: 1, dataResidency: 'japan' }, null, 2)}\n`;
const writePolicy = (dir: string): void => {
  mkdirSync(join(dir, '.claude'), { recursive: true });
  writeFileSync(join(dir, '.claude', 'bedrock-policy.json'), JAPAN_ONLY);
};

export const ROWS: readonly Row[] = [
  {
    command: 'doctor',
    args: () => ['doctor', '--profile', 'sso-dev', ...region],
    calls: ['sso:GetRoleCredentials', 'sts:GetCallerIdentity'],
    json: doctorJson,
  },
  {
    command: 'doctor --model',
    args: () => ['doctor', '--profile', 'role-dev', ...region, '--model', JP_SONNET],
    calls: ['sts:AssumeRole', 'sts:GetCallerIdentity', ...MODEL_CALLS, ...USAGE_CALLS],
    json: doctorJson,
  },
  {
    command: 'doctor --model --probe',
    args: () => ['doctor', '--profile', 'sso-dev', ...region, '--model', JP_SONNET, '--probe'],
    calls: ['sso:GetRoleCredentials', 'sts:GetCallerIdentity', ...MODEL_CALLS, 'bedrock-runtime:Converse', ...USAGE_CALLS],
    // Sign-in, identity, quotas and usage run as in `doctor --model` above; --probe changes what the
    // control plane's answers mean and adds the runtime. Everything hanging at once is still tried.
    faulted: ['bedrock', 'bedrock-runtime'],
    verifiedDespite: (target, fault) => {
      // README: a model check is ok when "a probe answered"; the failed lookups are listed as warnings.
      if (isControlPlane(target) && fault !== 'expired-credentials') return 'the probe answered, which proves access; the failed lookups are warnings';
      // Throttling of the probe proves credentials, permission and access; only the quota is short.
      if (target.rules.length === 1 && target.service === 'bedrock-runtime' && fault === 'throttle') return 'a throttled probe is a verified warning';
      return undefined;
    },
    json: doctorJson,
  },
  {
    command: 'models',
    args: () => ['models', '--profile', 'role-dev', ...region],
    calls: ['sts:AssumeRole', 'bedrock:ListInferenceProfiles', 'bedrock:ListFoundationModels'],
    json: (document) => {
      assert.ok(Array.isArray(document.diagnoses) && document.diagnoses.length > 0, 'the JSON has the diagnoses');
      assert.notEqual(document.source, 'account', 'the listing was not read from the account');
    },
  },
  {
    command: 'quotas',
    args: () => ['quotas', '--profile', 'sso-dev', ...region, '--model', JP_SONNET],
    calls: ['sso:GetRoleCredentials', ...QUOTA_CALLS],
    json: reportJson,
  },
  {
    command: 'usage',
    args: () => ['usage', '--profile', 'role-dev', ...region, '--model', JP_SONNET],
    calls: ['sts:AssumeRole', ...USAGE_CALLS],
    json: reportJson,
  },
  {
    command: 'policy check (data residency, online)',
    prepare: (dir) => {
      writePolicy(dir);
      const env = { CLAUDE_CODE_USE_BEDROCK: '1', AWS_PROFILE: 'role-dev', AWS_REGION: TOKYO, ANTHROPIC_MODEL: JP_SONNET, ANTHROPIC_BEDROCK_REGION_PREFIX: 'jp' };
      writeFileSync(join(dir, '.claude', 'settings.json'), `${JSON.stringify({ env }, null, 2)}\n`);
    },
    args: (dir) => ['policy', 'check', '--folder', dir],
    calls: ['sts:AssumeRole', 'bedrock:GetInferenceProfile', 'sts:GetCallerIdentity'],
    verifiedDespite: (target, fault) =>
      // The account only labels the proof; where the model runs was read (GetInferenceProfile).
      target.operation === 'GetCallerIdentity' && fault !== 'expired-credentials' ? 'residency was verified; the proof says its account could not be read' : undefined,
    json: (document, code) => assert.equal(document.compliant, code === 0),
  },
  {
    command: 'setup (data residency)',
    prepare: writePolicy,
    args: (dir) => ['setup', '--folder', dir, '--profile', 'sso-dev', ...region, '--model', JP_SONNET],
    calls: ['sso:GetRoleCredentials', 'bedrock:GetInferenceProfile'],
    json: (document, code) => assert.equal(document.ok, code === 0),
    after: (dir, code) => {
      if (code !== 0) assert.deepEqual(filesUnder(dir), ['.claude/bedrock-policy.json'], 'a refused setup writes nothing');
    },
  },
];

const SIGN_IN_SERVICES = new Set(['sts', 'sso']);

/** The credential source and STS one by one; every call of any other service at once. */
function targetsOf(row: Row): Target[] {
  const targets = new Map<string, Target>();
  for (const call of row.calls) {
    const [service = '', name = ''] = call.split(':');
    if (row.faulted && !row.faulted.includes(service)) continue;
    const operation = SIGN_IN_SERVICES.has(service) ? name : '*';
    const label = `${service} ${operation === '*' ? '(every call)' : operation}`;
    targets.set(`${service}:${operation}`, { service, operation, label, rules: [{ service, operation }] });
  }
  return [...targets.values()];
}

/**
 * Every service after sign-in at once, when the command calls more than one: a gateway that lets
 * STS through and swallows the rest. Only for `hang`, where it tests that the checks share one
 * deadline (the other faults answer at once, and each service is faulted alone above).
 */
function everythingAfterSignIn(row: Row): Target | undefined {
  const services = [...new Set(row.calls.map((call) => call.split(':')[0]!).filter((service) => !SIGN_IN_SERVICES.has(service)))];
  if (services.length < 2) return undefined;
  return { service: services[0]!, operation: '*', label: `${services.join(', ')} at once`, rules: services.map((service) => ({ service, operation: '*' })) };
}

/** An answer that is not AWS's own verdict: the fix names the endpoint variable of the service that gave it. */
const WIRE_FAULTS: ReadonlySet<FaultKind> = new Set(['json-500', 'json-503', 'html-500', 'html-503', 'malformed', 'reset']);
const ENDPOINT_VARIABLES: Readonly<Record<string, RegExp>> = {
  sts: /AWS_ENDPOINT_URL_STS/,
  sso: /AWS_ENDPOINT_URL_SSO\b/,
  bedrock: /AWS_ENDPOINT_URL_BEDROCK(?!_)/,
  'bedrock-runtime': /AWS_ENDPOINT_URL_BEDROCK_RUNTIME/,
  servicequotas: /AWS_ENDPOINT_URL_SERVICE_QUOTAS/,
  cloudwatch: /AWS_ENDPOINT_URL_CLOUDWATCH/,
};
/** Never in any output: what no surface shows, and a process's last words. */
const FORBIDDEN: readonly (readonly [RegExp, string])[] = [...NEVER_SHOWN, [/\n\s+at .+:\d+:\d+\)?$/m, 'a stack trace'], [/unhandled/i, 'an unhandled rejection']];
/** Never in text output: codes meant for programs (they may appear as JSON values). */
const CODES_IN_TEXT = /\bservice-error\b|CredentialsProviderError|\bError: /;

interface Job {
  readonly row: Row;
  readonly target?: Target;
  readonly fault?: FaultKind;
  readonly json: boolean;
}

/**
 * The exit must follow the answer by less than this: a request, socket or timer that outlives the
 * command keeps the process until the CLI's 2 s exit backstop. (A normal exit takes milliseconds;
 * the rest is room for a machine under heavy load.)
 */
const LINGER_MS = 1_800;

interface Outcome {
  readonly result: Run;
  /** From the command's first AWS call to its exit. */
  readonly elapsedMs: number;
  readonly timeoutS: number;
  /** `service:Operation` of every call the fake saw. */
  readonly calls: readonly string[];
  /** The injected fault shaped at least one answer. */
  readonly hit: boolean;
  readonly dir: string;
}

const title = (job: Job) => `${job.row.command}: ${job.fault} on ${job.target!.label}${job.json ? ' --json' : ''}`;

describe('CLI fault matrix: every AWS-calling command under every fault', function () {
  this.timeout(10 * 60_000);
  const fakes: FakeAws[] = [];
  const outcomes = new Map<Job, Outcome>();
  let root: string;
  let home: string;
  let secrets: string[] = [];

  const jobs: Job[] = [];
  for (const row of ROWS) {
    jobs.push({ row, json: false });
    targetsOf(row).forEach((target, targetIndex) =>
      FAULT_KINDS.forEach((fault, faultIndex) => jobs.push({ row, target, fault, json: (targetIndex + faultIndex) % 2 === 1 })),
    );
    const combined = everythingAfterSignIn(row);
    if (combined) jobs.push({ row, target: combined, fault: 'hang', json: false });
  }

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'cbs-fault-matrix-'));
    home = join(root, 'home');
    for (let worker = 0; worker < POOL; worker++) fakes.push(await startFakeAws({ scenario: 'basic' }));
    await writeDemoHome(home, fakes[0]!.state, { ssoSessionSuffix: '-fault-matrix' });
    let next = 0;
    /** One run of a job on a worker's fake. */
    const attempt = async (job: Job, fake: FakeAws): Promise<Outcome> => {
      const dir = mkdtempSync(join(root, 'run-'));
      job.row.prepare?.(dir);
      const timeoutS = job.fault === 'hang' ? HANG_TIMEOUT_S : ANSWER_TIMEOUT_S;
      fake.clearFaults();
      fake.clearLog();
      for (const rule of job.target?.rules ?? []) fake.inject({ ...rule, fault: job.fault! });
      const env = { HOME: home, ...fake.env(), CLAUDE_BEDROCK_MANAGED_SETTINGS_DIR: join(root, 'no-managed-settings'), TZ: 'UTC' };
      const args = [...job.row.args(dir), '--timeout', String(timeoutS), ...(job.json ? ['--json'] : [])];
      const result = await run(args, env, { cwd: dir });
      const served = () => fake.requests.some((entry) => entry.fault === job.fault);
      // A hung request is logged when its client leaves, a moment after the exit.
      for (let wait = 0; job.fault && wait < 40 && !served(); wait++) await new Promise((resolve) => setTimeout(resolve, 25));
      const firstCall = Math.min(...fake.requests.map((entry) => Date.parse(entry.time)), result.exitAt);
      const calls = [...new Set(fake.requests.map((entry) => `${entry.service}:${entry.operation}`))];
      fake.clearFaults();
      return { result, elapsedMs: result.exitAt - firstCall, timeoutS, calls, hit: served(), dir };
    };
    const work = async (fake: FakeAws): Promise<void> => {
      while (next < jobs.length) {
        const job = jobs[next++]!;
        let outcome = await attempt(job, fake);
        // A run that never reached the faulted call tested nothing (on a busy machine a hang's short
        // --timeout can run out earlier): run it again, at most twice; the test still requires a hit.
        for (let retry = 0; job.fault && !outcome.hit && retry < 2; retry++) outcome = await attempt(job, fake);
        outcomes.set(job, outcome);
      }
    };
    await Promise.all(fakes.map(work));
    secrets = secretsOf(fakes);
  });

  after(async () => {
    await Promise.all(fakes.map((fake) => fake.stop()));
    if (root) rmSync(root, { recursive: true, force: true });
  });

  for (const row of ROWS) {
    const control = jobs.find((job) => job.row === row && job.fault === undefined)!;
    it(`${row.command}: a clean run exits 0 and makes exactly the ${row.calls.length} call(s) its row lists`, () => {
      const outcome = outcomes.get(control)!;
      assert.equal(outcome.result.code, 0, outcome.result.stdout + outcome.result.stderr);
      assert.deepEqual([...outcome.calls].sort(), [...row.calls].sort(), 'the row lists exactly the calls the command makes');
    });
  }

  for (const job of jobs.filter((candidate) => candidate.fault !== undefined)) {
    it(title(job), () => {
      faultRunStarted(SUITE);
      const { row, target, fault } = job as Required<Job>;
      const outcome = outcomes.get(job)!;
      const { result } = outcome;
      const output = `${result.stdout}\n${result.stderr}`;
      const shown = `exit ${result.code}, ${outcome.elapsedMs} ms after the first call\n${output.length > 4000 ? `${output.slice(0, 4000)}…` : output}`;
      assert.ok(outcome.hit, `the fault was never served: ${row.command} did not call ${target.label}`);
      assert.ok(outcome.elapsedMs < outcome.timeoutS * 1000 + MARGIN_MS, `ended ${outcome.elapsedMs} ms after its first call, with --timeout ${outcome.timeoutS}`);
      assert.ok(result.exitAt - result.outputAt < LINGER_MS, `exited ${result.exitAt - result.outputAt} ms after its answer: something outlived the command`);
      const leaked = leakedSecrets(output, secrets);
      assert.deepEqual(leaked, [], 'no secret in the output');
      for (const [pattern, what] of FORBIDDEN) assert.doesNotMatch(output, pattern, `${what}\n${shown}`);
      const verified = row.verifiedDespite?.(target, fault);
      assert.equal(result.code, verified ? 0 : 1, `${verified ? `documented exit 0 (${verified})` : 'not everything was verified: exit 1'}\n${shown}`);
      assert.match(output, FAULT_WORDS[fault], `names the failure\n${shown}`);
      assert.match(output, FAULT_FIXES[fault], `says what to do\n${shown}`);
      if (WIRE_FAULTS.has(fault)) assert.match(output, ENDPOINT_VARIABLES[target.service]!, `the fix names the endpoint variable of ${target.service}\n${shown}`);
      if (job.json) {
        let document: Json;
        assert.doesNotThrow(() => (document = JSON.parse(result.stdout)), `--json output is JSON\n${shown}`);
        row.json(document, result.code ?? -1, fault);
      } else {
        assert.doesNotMatch(output, CODES_IN_TEXT, `a code meant for programs in the text\n${shown}`);
      }
      row.after?.(outcome.dir, result.code ?? -1);
      faultRunPassed(SUITE);
    });
  }
});
