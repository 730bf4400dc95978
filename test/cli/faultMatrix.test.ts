// The fault matrix (issue 12): every AWS-calling CLI command against every fault mode of the fake
// AWS (FAULT_KINDS), injected on each operation the command calls — the credential source (STS
// AssumeRole for a role, SSO GetRoleCredentials for an SSO profile) and STS GetCallerIdentity one by
// one, every call of each other service at once. Each run must end within its --timeout plus a
// small margin, exit with the documented code (1 when anything could not be verified), name the
// failure in words (its HTTP status, "a proxy or gateway answered", "did not finish in time", …)
// and the fix (with the endpoint variable of the service that failed), and print no stack trace,
// `undefined`, `[object Object]`, `NaN`, unhandled rejection, parser text or secret, and never blame
// Bedrock's model quota for another service's throttle. Every other run is in --json (where the
// command has it), which must parse and say the same. Prints `faults N/N` and `secret leaks 0`.
// The rows: the developer's commands (doctor, models, quotas, usage, policy check, setup) and the
// admin's (alarms plan|list|apply, dashboard plan|apply, admin-stack, team, logging plan|apply,
// spend, budgets list|create, cost plan --measured).
//
// A new AWS-calling command is one row of ROWS: its arguments, the scenario of the fake it runs
// against, the calls a clean run makes (the control run checks them) and what its --json says; the
// matrix faults each of those calls. A row that writes (`apply --yes`, `create --yes`) faults its
// write calls one by one, each run against a fresh fake (the account it changed is not the next
// run's), and checks that what the output says exists or not is what the account holds.
//
// The runs go through a small pool, each worker with its own fake per scenario (a fault rule applies
// to whoever calls); a run whose fault answers keeps the default --timeout, a hang gets a short one.
// Each run has its own folder and cache folder, so a cached answer (spend's Cost Explorer read)
// never hides a fault.
// The bound is counted from the command's first AWS call (the fake's log), so Node's start-up on a
// busy machine is not in it; and the process must exit right after its answer, well before the
// CLI's 2 s exit backstop, so nothing (a request, socket or timer) outlived the command.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { FAULT_KINDS, getScenario, startFakeAws, writeDemoHome, type FakeAws, type FaultKind, type Scenario, type ScenarioName } from '../fake-aws';
import { EXISTING_TOPIC } from '../fake-aws/scenarios/adminScenarios';
import { BASIC_ACCOUNT_ID } from '../fake-aws/scenarios/basic';
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

/** What a run left behind, for a row's `after`. */
interface RunEnd {
  /** The run's folder. */
  readonly dir: string;
  readonly code: number;
  /** stdout and stderr. */
  readonly output: string;
  /** The --json document, when the run was in --json. */
  readonly document?: Json;
  /** The account as the fake holds it after the run. */
  readonly state: Scenario;
}

interface Row {
  /** The command as a user types it, for the test titles. */
  readonly command: string;
  /** The fake's scenario (default `basic`). */
  readonly scenario?: ScenarioName;
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
   * The writes of the row (`service:Operation`), faulted one by one instead of by service; the reads
   * before them are the plan's row. Each run of a row that writes gets a fresh fake.
   */
  readonly writes?: readonly string[];
  /**
   * When, despite the fault, the command verified everything it reports: why. Exit 0 is then its
   * documented answer (the fault is still named, with its fix). Otherwise the run must exit 1.
   */
  readonly verifiedDespite?: (target: Target, fault: FaultKind) => string | undefined;
  /**
   * How the output names the failure where the command cannot see the fault itself (a write whose
   * answer the SDK does not read: only the read-back shows it); default FAULT_WORDS.
   */
  readonly namedAs?: (target: Target, fault: FaultKind) => RegExp | undefined;
  /** What its --json must hold after a fault; absent when the command has no --json (every run is text). */
  readonly json?: (document: Json, code: number, fault: FaultKind) => void;
  /** What the folder and the account must be after the run (nothing claimed that is not so). */
  readonly after?: (end: RunEnd) => void;
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

/** The developer's commands: the checks and the setup. */
const CHECK_ROWS: readonly Row[] = [
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
    after: ({ dir, code }) => {
      if (code !== 0) assert.deepEqual(filesUnder(dir), ['.claude/bedrock-policy.json'], 'a refused setup writes nothing');
    },
  },
];

const sso = ['--profile', 'sso-dev', ...region];
const model = ['--model', JP_SONNET];
/** The plans and lists of the admin commands fault what they read, not the sign-in (the rows above do). */
const AFTER_SIGN_IN = ['sts', 'servicequotas', 'cloudwatch', 'sns', 'bedrock', 'logs', 'ce', 'budgets'];

/** alarms and dashboard: the failure with its cause and fix, before or while applying. */
const adminJson = (document: Json): void => {
  const failure = document.error ?? document.applied?.failed;
  assert.ok(typeof failure?.cause === 'string' && typeof failure?.fix === 'string' && failure.fix !== '', 'the JSON has the failure with its cause and fix');
};
/** team, logging, spend, budgets, cost plan: each part that could not be read, not verified, in words. */
const teamJson = (document: Json): void => {
  if (document.error !== undefined) return assert.ok(typeof document.error.cause === 'string' && typeof document.error.fix === 'string');
  assert.ok(Array.isArray(document.problems) && document.problems.length > 0, 'the JSON lists what could not be read');
  for (const problem of document.problems) assert.ok(problem.state === 'not-verified' && typeof problem.message === 'string', 'each problem is not verified, in words');
};

/** The account's alarms, dashboards of Tokyo after a run. */
const alarmNames = (state: Scenario): string[] => (state.cloudWatch?.accounts[BASIC_ACCOUNT_ID]?.alarms?.[TOKYO] ?? []).map((alarm) => String(alarm.definition.AlarmName));
const dashboardNames = (state: Scenario): string[] => Object.keys(state.cloudWatch?.accounts[BASIC_ACCOUNT_ID]?.dashboards?.[TOKYO] ?? {});
const DASHBOARD = `claude-bedrock-${TOKYO}`;

/** The admin's commands (alarms, dashboard, admin stack, team, logging, spend, budgets, cost plan). */
const ADMIN_ROWS: readonly Row[] = [
  {
    command: 'alarms plan (existing topic and alarms)',
    scenario: 'alarms-existing',
    args: () => ['alarms', 'plan', ...sso, ...model, '--topic-name', EXISTING_TOPIC.name, '--email', EXISTING_TOPIC.email],
    calls: ['sso:GetRoleCredentials', ...QUOTA_CALLS.slice(0, 2), 'cloudwatch:DescribeAlarms', 'sns:ListTopics', 'sns:ListSubscriptionsByTopic'],
    faulted: AFTER_SIGN_IN,
    json: adminJson,
  },
  {
    command: 'alarms list',
    scenario: 'alarms-existing',
    args: () => ['alarms', 'list', ...sso],
    calls: ['sso:GetRoleCredentials', 'cloudwatch:DescribeAlarms'],
    faulted: AFTER_SIGN_IN,
    json: adminJson,
  },
  {
    command: 'alarms apply --yes (a new topic)',
    scenario: 'quota-throttled',
    args: () => ['alarms', 'apply', '--yes', ...sso, ...model, '--email', 'admin@example.com'],
    calls: ['sso:GetRoleCredentials', ...QUOTA_CALLS.slice(0, 2), 'cloudwatch:DescribeAlarms', 'sns:ListTopics', 'sns:CreateTopic', 'sns:Subscribe', 'cloudwatch:PutMetricAlarm'],
    writes: ['sns:CreateTopic', 'sns:Subscribe', 'cloudwatch:PutMetricAlarm'],
    json: adminJson,
    after: ({ output, document, state }) => {
      // What the output says does not exist must not exist in the account.
      const missing: string[] = document?.applied?.missing ?? /^ {2}Do not exist: (.+)$/m.exec(output)?.[1]?.split(', ') ?? [];
      const existing = alarmNames(state);
      for (const name of missing) assert.ok(!existing.includes(name), `said ${name} does not exist, but the account has it`);
    },
  },
  {
    command: 'dashboard plan',
    scenario: 'quota-throttled',
    args: () => ['dashboard', 'plan', ...sso, ...model],
    calls: ['sso:GetRoleCredentials', ...QUOTA_CALLS.slice(0, 2), 'cloudwatch:GetDashboard'],
    faulted: AFTER_SIGN_IN,
    json: adminJson,
  },
  {
    command: 'dashboard apply --yes',
    scenario: 'quota-throttled',
    args: () => ['dashboard', 'apply', '--yes', ...sso, ...model],
    calls: ['sso:GetRoleCredentials', ...QUOTA_CALLS.slice(0, 2), 'cloudwatch:GetDashboard', 'cloudwatch:PutDashboard'],
    writes: ['cloudwatch:PutDashboard'],
    json: adminJson,
    after: ({ output, state }) => {
      if (/Nothing was created/.test(output)) assert.ok(!dashboardNames(state).includes(DASHBOARD), `said nothing was created, but the account has the dashboard ${DASHBOARD}`);
    },
  },
  {
    command: 'admin-stack',
    scenario: 'quota-throttled',
    args: () => ['admin-stack', ...sso, ...model],
    calls: ['sso:GetRoleCredentials', ...QUOTA_CALLS.slice(0, 2)],
    faulted: AFTER_SIGN_IN,
  },
  {
    command: 'team',
    scenario: 'team',
    args: () => ['team', ...sso],
    calls: ['sso:GetRoleCredentials', 'sts:GetCallerIdentity', 'bedrock:GetModelInvocationLoggingConfiguration', 'logs:StartQuery', 'logs:GetQueryResults'],
    faulted: AFTER_SIGN_IN,
    json: teamJson,
  },
  {
    command: 'logging plan',
    scenario: 'team',
    args: () => ['logging', 'plan', ...sso],
    calls: ['sso:GetRoleCredentials', 'sts:GetCallerIdentity', 'bedrock:GetModelInvocationLoggingConfiguration'],
    faulted: AFTER_SIGN_IN,
    json: teamJson,
  },
  {
    command: 'logging apply --yes (logging off)',
    scenario: 'team-logging-off',
    args: () => ['logging', 'apply', '--yes', ...sso],
    calls: ['sso:GetRoleCredentials', 'sts:GetCallerIdentity', 'bedrock:GetModelInvocationLoggingConfiguration', 'bedrock:PutModelInvocationLoggingConfiguration'],
    writes: ['bedrock:PutModelInvocationLoggingConfiguration'],
    // A cut answer (reset) to the put after the fake made the change: the read-back shows it, so logging is on,
    // verified; the lost answer is still named, with what to check.
    verifiedDespite: (target, fault) => (fault === 'reset' && target.operation === 'PutModelInvocationLoggingConfiguration' ? 'the configuration read back shows the change was made' : undefined),
    after: ({ code, state }) => {
      if (code === 0) assert.ok(state.bedrock?.accounts[BASIC_ACCOUNT_ID]?.invocationLogging?.[TOKYO]?.cloudWatchConfig, 'exit 0 only when the fake holds the logging configuration');
    },
    // The put's answer has no body the SDK reads: a malformed one passes, and only the read-back shows the change was not made.
    namedAs: (_target, fault) => (fault === 'malformed' ? /reading the configuration back does not show the change: it was not applied/ : undefined),
    json: teamJson,
  },
  {
    command: 'spend',
    scenario: 'team',
    args: () => ['spend', ...sso, ...model],
    calls: ['sso:GetRoleCredentials', 'ce:GetDimensionValues', 'ce:GetCostAndUsage', 'ce:GetCostForecast', 'cloudwatch:GetMetricData'],
    faulted: AFTER_SIGN_IN,
    json: teamJson,
  },
  {
    command: 'budgets list',
    scenario: 'team',
    args: () => ['budgets', 'list', ...sso],
    calls: ['sso:GetRoleCredentials', 'sts:GetCallerIdentity', 'ce:GetDimensionValues', 'budgets:DescribeBudgets'],
    faulted: AFTER_SIGN_IN,
    json: teamJson,
  },
  {
    command: 'budgets create --yes',
    scenario: 'team',
    args: () => ['budgets', 'create', '--yes', ...sso, '--limit', '5000', '--threshold', '80', '--email', 'lead@example.com'],
    calls: ['sso:GetRoleCredentials', 'sts:GetCallerIdentity', 'ce:GetDimensionValues', 'budgets:DescribeBudgets', 'budgets:CreateBudget'],
    writes: ['budgets:CreateBudget'],
    json: teamJson,
  },
  {
    command: 'cost plan --measured',
    scenario: 'team',
    args: () => ['cost', 'plan', '--measured', ...sso, ...model],
    calls: ['sso:GetRoleCredentials', 'cloudwatch:GetMetricData'],
    faulted: AFTER_SIGN_IN,
    json: teamJson,
  },
];

const ROWS: readonly Row[] = [...CHECK_ROWS, ...ADMIN_ROWS];

const SIGN_IN_SERVICES = new Set(['sts', 'sso']);

/** The credential source and STS one by one; every call of any other service at once; a row's writes one by one. */
function targetsOf(row: Row): Target[] {
  const targets = new Map<string, Target>();
  for (const call of row.writes ?? row.calls) {
    const [service = '', name = ''] = call.split(':');
    if (row.faulted && !row.faulted.includes(service)) continue;
    const operation = SIGN_IN_SERVICES.has(service) || row.writes ? name : '*';
    const label = `${service} ${operation === '*' ? '(every call)' : operation}`;
    targets.set(`${service}:${operation}`, { service, operation, label, rules: [{ service, operation }] });
  }
  return [...targets.values()];
}

/** The calls that turn a profile into credentials: an SSO sign-in, or a role assumed through STS. */
const CREDENTIAL_CALLS: ReadonlySet<string> = new Set(['sso:GetRoleCredentials', 'sts:AssumeRole']);

/** A hang of several services at once: the fake's rules and the test's label. */
function hangOf(services: readonly string[]): Target {
  const rules = services.map((service) => ({ service, operation: service === 'sts' ? 'GetCallerIdentity' : '*' }));
  return { service: services[0]!, operation: '*', label: `${services.join(', ')} at once`, rules };
}

/**
 * Hangs of several services at once, only for `hang` (the other faults answer at once, and each
 * service is faulted alone above): every service after sign-in at once — a gateway that lets the
 * sign-in through and swallows the rest (STS GetCallerIdentity too when the sign-in is SSO), which
 * tests that the reads share one deadline or run side by side — and, when there are three or more,
 * every pair of the row's faulted services, so a read that waits for another it does not need (its
 * own deadline starting only when the other's ran out) is seen. Not for a row that writes: its reads
 * are another row's.
 */
function hangsTogether(row: Row): Target[] {
  if (row.writes) return [];
  const signIn = new Set(row.calls.filter((call) => CREDENTIAL_CALLS.has(call)).map((call) => call.split(':')[0]!));
  const services = [...new Set(row.calls.map((call) => call.split(':')[0]!).filter((service) => service !== 'sso' && !signIn.has(service)))];
  const hangs: Target[] = services.length >= 2 ? [hangOf(services)] : [];
  const faulted = services.filter((service) => !row.faulted || row.faulted.includes(service));
  if (faulted.length >= 3) faulted.forEach((first, index) => faulted.slice(index + 1).forEach((second) => hangs.push(hangOf([first, second]))));
  return hangs;
}

/** An answer that is not AWS's own verdict: the fix names the endpoint variable of the service that gave it. */
const WIRE_FAULTS: ReadonlySet<FaultKind> = new Set(['json-500', 'json-503', 'html-500', 'html-503', 'malformed', 'reset']);
const ENDPOINT_VARIABLES: Readonly<Record<string, RegExp>> = {
  sts: /AWS_ENDPOINT_URL_STS/,
  sso: /AWS_ENDPOINT_URL_SSO\b/,
  bedrock: /AWS_ENDPOINT_URL_BEDROCK(?!_)/,
  'bedrock-runtime': /AWS_ENDPOINT_URL_BEDROCK_RUNTIME/,
  servicequotas: /AWS_ENDPOINT_URL_SERVICE_QUOTAS/,
  cloudwatch: /AWS_ENDPOINT_URL_CLOUDWATCH(?!_)/,
  logs: /AWS_ENDPOINT_URL_CLOUDWATCH_LOGS/,
  ce: /AWS_ENDPOINT_URL_COST_EXPLORER/,
  budgets: /AWS_ENDPOINT_URL_BUDGETS/,
  sns: /AWS_ENDPOINT_URL_SNS/,
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
  /** The account after the run. */
  readonly state: Scenario;
}

const title = (job: Job) => `${job.row.command}: ${job.fault} on ${job.target!.label}${job.json ? ' --json' : ''}`;

describe('CLI fault matrix: every AWS-calling command under every fault', function () {
  this.timeout(10 * 60_000);
  /** Every fake started, for the secrets they know and to stop them. */
  const fakes: FakeAws[] = [];
  const outcomes = new Map<Job, Outcome>();
  let root: string;
  let home: string;
  let secrets: string[] = [];

  const jobs: Job[] = [];
  for (const row of ROWS) {
    jobs.push({ row, json: false });
    targetsOf(row).forEach((target, targetIndex) =>
      FAULT_KINDS.forEach((fault, faultIndex) => jobs.push({ row, target, fault, json: row.json !== undefined && (targetIndex + faultIndex) % 2 === 1 })),
    );
    for (const target of hangsTogether(row)) jobs.push({ row, target, fault: 'hang', json: false });
  }

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'cbs-fault-matrix-'));
    home = join(root, 'home');
    // Every scenario has the same demo identities (basic's), so one HOME serves them all.
    await writeDemoHome(home, getScenario('basic'), { ssoSessionSuffix: '-fault-matrix' });
    const start = async (scenario: ScenarioName): Promise<FakeAws> => {
      const fake = await startFakeAws({ scenario });
      fakes.push(fake);
      return fake;
    };
    let next = 0;
    /** One run of a job on a fake of its scenario. */
    const attempt = async (job: Job, fake: FakeAws): Promise<Outcome> => {
      const dir = mkdtempSync(join(root, 'run-'));
      job.row.prepare?.(dir);
      const timeoutS = job.fault === 'hang' ? HANG_TIMEOUT_S : ANSWER_TIMEOUT_S;
      fake.clearFaults();
      fake.clearLog();
      for (const rule of job.target?.rules ?? []) fake.inject({ ...rule, fault: job.fault! });
      const env = {
        HOME: home,
        ...fake.env(),
        CLAUDE_BEDROCK_MANAGED_SETTINGS_DIR: join(root, 'no-managed-settings'),
        // The run's own cache: an answer cached by an earlier run (spend) never hides this run's fault.
        CLAUDE_BEDROCK_CACHE_DIR: join(dir, '.cache'),
        TZ: 'UTC',
      };
      const args = [...job.row.args(dir), '--timeout', String(timeoutS), ...(job.json ? ['--json'] : [])];
      const result = await run(args, env, { cwd: dir });
      const served = () => fake.requests.some((entry) => entry.fault === job.fault);
      // A hung request is logged when its client leaves, a moment after the exit.
      for (let wait = 0; job.fault && wait < 40 && !served(); wait++) await new Promise((resolve) => setTimeout(resolve, 25));
      const firstCall = Math.min(...fake.requests.map((entry) => Date.parse(entry.time)), result.exitAt);
      const calls = [...new Set(fake.requests.map((entry) => `${entry.service}:${entry.operation}`))];
      fake.clearFaults();
      return { result, elapsedMs: result.exitAt - firstCall, timeoutS, calls, hit: served(), dir, state: fake.state };
    };
    /** A worker: one fake per scenario for the reads, a fresh one for each run of a row that writes. */
    const work = async (): Promise<void> => {
      const own = new Map<ScenarioName, FakeAws>();
      while (next < jobs.length) {
        const job = jobs[next++]!;
        const scenario = job.row.scenario ?? 'basic';
        const fakeFor = async (): Promise<FakeAws> => {
          if (job.row.writes) return start(scenario);
          const fake = own.get(scenario) ?? (await start(scenario));
          own.set(scenario, fake);
          return fake;
        };
        const once = async (): Promise<Outcome> => {
          const fake = await fakeFor();
          try {
            return await attempt(job, fake);
          } finally {
            if (job.row.writes) await fake.stop();
          }
        };
        let outcome = await once();
        // A run that never reached the faulted call tested nothing (on a busy machine a hang's short
        // --timeout can run out earlier): run it again, at most twice; the test still requires a hit.
        for (let retry = 0; job.fault && !outcome.hit && retry < 2; retry++) outcome = await once();
        outcomes.set(job, outcome);
      }
    };
    await Promise.all(Array.from({ length: POOL }, work));
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
      assert.match(output, row.namedAs?.(target, fault) ?? FAULT_WORDS[fault], `names the failure\n${shown}`);
      // Another service's throttle is its API's rate limit, not a model quota of Bedrock.
      if (fault === 'throttle' && !target.service.startsWith('bedrock')) assert.doesNotMatch(output, /\bBedrock (?:refused|throttled) [A-Za-z]+ for /, `blames Bedrock for ${target.service}'s throttle\n${shown}`);
      assert.match(output, FAULT_FIXES[fault], `says what to do\n${shown}`);
      if (WIRE_FAULTS.has(fault)) assert.match(output, ENDPOINT_VARIABLES[target.service]!, `the fix names the endpoint variable of ${target.service}\n${shown}`);
      let document: Json;
      if (job.json) {
        assert.doesNotThrow(() => (document = JSON.parse(result.stdout)), `--json output is JSON\n${shown}`);
        row.json!(document, result.code ?? -1, fault);
      } else {
        assert.doesNotMatch(output, CODES_IN_TEXT, `a code meant for programs in the text\n${shown}`);
      }
      row.after?.({ dir: outcome.dir, code: result.code ?? -1, output, document, state: outcome.state });
      faultRunPassed(SUITE);
    });
  }
});
