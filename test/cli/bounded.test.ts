// Every AWS-calling command ends within its timeout plus a small margin whatever the network does:
// STS or SSO that never answers (the fake holds the request open) must not keep the process alive
// after the command has said "did not finish in time". The margin is below the CLI's exit backstop,
// so these tests fail if a request, socket or timer outlives the command.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeAws, writeDemoHome, type FakeAws, type FaultRule } from '../fake-aws';
import { BEDROCK_MODEL_IDS } from '../fake-aws/scenarios/bedrockCatalog';
import { MARGIN_MS, TIMEOUT_S, run } from './runCli';

const TOKYO = 'ap-northeast-1';
const JP_SONNET = `jp.${BEDROCK_MODEL_IDS.sonnet45}`;
const HANG_MS = 60_000;

describe('CLI commands end in bounded time when AWS never answers', function () {
  this.timeout(30_000);
  let fake: FakeAws;
  let home: string;
  before(async () => {
    // basic's accounts and profiles, with invocation logging on (team's query runs).
    fake = await startFakeAws({ scenario: 'team' });
    home = mkdtempSync(join(tmpdir(), 'cbs-cli-bounded-'));
    await writeDemoHome(home, fake.state, { ssoSessionSuffix: '-cli-bounded' });
  });
  after(async () => {
    await fake.stop();
    rmSync(home, { recursive: true, force: true });
  });
  afterEach(() => fake.clearFaults());

  const afterSignIn = ['bedrock', 'bedrock-runtime', 'servicequotas', 'cloudwatch'].map((service): FaultRule => ({ service, operation: '*', latencyMs: HANG_MS }));
  const cases: { label: string; fault: FaultRule | FaultRule[]; args: string[] }[] = [
    { label: 'doctor, a role chain whose STS hangs', fault: { service: 'sts', operation: 'AssumeRole', latencyMs: HANG_MS }, args: ['doctor', '--profile', 'role-dev', '--region', TOKYO] },
    { label: 'doctor --model, STS hangs', fault: { service: 'sts', operation: 'AssumeRole', latencyMs: HANG_MS }, args: ['doctor', '--profile', 'role-dev', '--region', TOKYO, '--model', JP_SONNET] },
    { label: 'models, STS hangs', fault: { service: 'sts', operation: 'AssumeRole', latencyMs: HANG_MS }, args: ['models', '--profile', 'role-dev', '--region', TOKYO] },
    { label: 'quotas, STS hangs', fault: { service: 'sts', operation: 'AssumeRole', latencyMs: HANG_MS }, args: ['quotas', '--profile', 'role-dev', '--region', TOKYO, '--model', JP_SONNET] },
    { label: 'usage, STS hangs', fault: { service: 'sts', operation: 'AssumeRole', latencyMs: HANG_MS }, args: ['usage', '--profile', 'role-dev', '--region', TOKYO, '--model', JP_SONNET] },
    { label: 'alarms plan, STS hangs', fault: { service: 'sts', operation: 'AssumeRole', latencyMs: HANG_MS }, args: ['alarms', 'plan', '--profile', 'role-dev', '--region', TOKYO, '--model', JP_SONNET] },
    { label: 'alarms list, DescribeAlarms hangs', fault: { service: 'cloudwatch', operation: 'DescribeAlarms', latencyMs: HANG_MS }, args: ['alarms', 'list', '--profile', 'static-dev', '--region', TOKYO] },
    { label: 'dashboard plan, GetDashboard hangs', fault: { service: 'cloudwatch', operation: 'GetDashboard', latencyMs: HANG_MS }, args: ['dashboard', 'plan', '--profile', 'static-dev', '--region', TOKYO, '--model', JP_SONNET] },
    { label: 'doctor, the SSO portal hangs', fault: { service: 'sso', operation: 'GetRoleCredentials', latencyMs: HANG_MS }, args: ['doctor', '--profile', 'sso-dev', '--region', TOKYO] },
    { label: 'doctor, GetCallerIdentity hangs', fault: { service: 'sts', operation: 'GetCallerIdentity', latencyMs: HANG_MS }, args: ['doctor', '--profile', 'static-dev', '--region', TOKYO] },
    // One deadline for the whole command, not one per step: models, quotas and usage hang together.
    { label: 'doctor --model --probe, everything after sign-in hangs', fault: afterSignIn, args: ['doctor', '--profile', 'static-dev', '--region', TOKYO, '--model', JP_SONNET, '--probe'] },
    // The budgets need the account, not Cost Explorer: they are not listed only after Cost Explorer's deadline.
    {
      label: 'budgets list, Cost Explorer and Budgets hang',
      fault: ['ce', 'budgets'].map((service): FaultRule => ({ service, operation: '*', latencyMs: HANG_MS })),
      args: ['budgets', 'list', '--profile', 'static-dev', '--region', TOKYO],
    },
    // The query needs the logging configuration, not the caller: it does not wait for STS's deadline first.
    {
      label: 'team, STS GetCallerIdentity and CloudWatch Logs hang',
      fault: [{ service: 'sts', operation: 'GetCallerIdentity', latencyMs: HANG_MS }, { service: 'logs', operation: '*', latencyMs: HANG_MS }],
      args: ['team', '--profile', 'sso-dev', '--region', TOKYO],
    },
  ];
  it(`admin-stack, Service Quotas hangs: the template without quota defaults and exit 1 within ${TIMEOUT_S} s + ${MARGIN_MS} ms`, async () => {
    fake.inject({ service: 'servicequotas', operation: 'ListServiceQuotas', latencyMs: HANG_MS });
    const started = Date.now();
    const result = await run(['admin-stack', '--profile', 'static-dev', '--region', TOKYO, '--model', JP_SONNET, '--timeout', String(TIMEOUT_S)], { HOME: home, ...fake.env() });
    const elapsed = Date.now() - started;
    assert.ok(elapsed < TIMEOUT_S * 1000 + MARGIN_MS, `took ${elapsed} ms`);
    assert.equal(result.code, 1, result.stdout + result.stderr);
    assert.match(result.stdout, /^# Claude Code on Amazon Bedrock/);
    assert.match(result.stderr, /Not verified: Service Quotas could not be read.*did not finish in time/);
  });
  for (const { label, fault, args } of cases) {
    it(`${label}: exit 1 within ${TIMEOUT_S} s + ${MARGIN_MS} ms, saying it did not finish in time`, async () => {
      for (const rule of [fault].flat()) fake.inject(rule);
      const started = Date.now();
      const result = await run([...args, '--timeout', String(TIMEOUT_S)], { HOME: home, ...fake.env() });
      const elapsed = Date.now() - started;
      assert.ok(elapsed < TIMEOUT_S * 1000 + MARGIN_MS, `took ${elapsed} ms`);
      assert.ok(elapsed >= TIMEOUT_S * 1000 - 100, `answered after ${elapsed} ms: the fault did not hold the call`);
      assert.equal(result.code, 1, result.stdout + result.stderr);
      assert.match(result.stdout, /did not finish in time/);
      assert.equal(result.stderr, '');
    });
  }
});
