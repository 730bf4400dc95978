// The stack's IAM policies against what the extension actually calls: every path of the AWS layer
// (the developer's checks, views and probe; the admin's alarms, topics, dashboard, quota values and
// increase requests; the Team view's per-developer usage, spend, budgets and invocation logging) runs
// against the fake AWS, and the fake's request log says which operations went out. Each must be in
// the one operation→action table (the table is complete and has nothing stale); the developer policy
// allows every action of the developer's paths and its read-only part holds nothing they do not
// call; the admin policy is exactly the actions of the admin's paths.
import assert from 'node:assert/strict';
import { applyAlarms, listAlarms, listTopicArns, planAlarms } from '../../src/aws/alarms/alarms';
import { readModelQuotas } from '../../src/aws/alarms/stackQuotas';
import { applyTeamDashboard, planTeamDashboard } from '../../src/aws/dashboard/dashboard';
import { loadCatalog, validateModelAccess } from '../../src/aws/models/modelAccess';
import { checkIdentity } from '../../src/aws/profiles/identity';
import { checkResidency } from '../../src/aws/residency/residency';
import { fetchUsageReport, requestBedrockQuotaIncrease } from '../../src/aws/usage/usage';
import { createBudget, fetchBudgets } from '../../src/aws/budgets/budgets';
import { fetchMeasuredUsage } from '../../src/aws/costPlan/measuredUsage';
import { fetchSpendReport } from '../../src/aws/spend/spend';
import { applyInvocationLogging, fetchTeamReport, readLoggingSetup } from '../../src/aws/team/team';
import { planBudget } from '../../src/core/budgets/budgetPlan';
import { adminActions } from '../../src/core/iam/adminPolicy';
import { planInvocationLogging } from '../../src/core/team/loggingPlan';
import { OPERATION_ACTIONS, actionOf } from '../../src/core/iam/awsActions';
import { buildIamPolicy } from '../../src/core/iam/iamPolicy';
import { BEDROCK_MODEL_IDS } from '../fake-aws/scenarios/bedrockCatalog';
import { QUOTA_CODES } from '../fake-aws/scenarios/quotaCatalog';
import { BASIC_ACCOUNT_ID } from '../fake-aws/scenarios/basic';
import { TEAM_COST_SERVICES, TEAM_REGION } from '../fake-aws/scenarios/teamData';
import { useFakeAwsHome, type FakeAwsHome } from '../support/fakeAwsHome';

const TOKYO = 'ap-northeast-1';
const JP_SONNET = `jp.${BEDROCK_MODEL_IDS.sonnet45}`;
const JP_HAIKU = `jp.${BEDROCK_MODEL_IDS.haiku45}`;
const target = { type: 'profile' as const, profile: 'static-dev' };
const session = { target, region: TOKYO };
/** Credential plumbing, not calls of ours: the SDK's own SSO and role-chain clients. */
const PLUMBING = new Set(['sso', 'sso-oidc']);

/** The operations each side's paths sent, filled by the suites below and judged by the last one. */
const developer = new Set<string>();
const admin = new Set<string>();
const record = (into: Set<string>, operations: readonly string[]) => operations.forEach((operation) => into.add(operation));

/** The operations a path sent, each once, in the order first seen. */
async function operationsOf(context: FakeAwsHome, path: () => Promise<unknown>): Promise<string[]> {
  context.fake.clearLog();
  await path();
  const operations = context.fake.requests.filter((entry) => !PLUMBING.has(entry.service)).map((entry) => entry.operation);
  // A dashboard that does not exist yet answers 404, which the path expects; nothing was refused or failed.
  const refused = context.fake.requests.filter((entry) => entry.status === 403 || entry.status >= 500 || entry.status === 0);
  assert.deepEqual(refused, [], 'no call of the path was refused');
  return [...new Set(operations)];
}

describe('IAM policies against the calls the extension makes (fake AWS, real SDK)', () => {
  describe('the developer and the alarms, dashboard and quota paths (quota-throttled)', () => {
    const context = useFakeAwsHome('iam-coverage', 'quota-throttled');

    it('runs every path of the developer and of the alarms, the dashboard and the quotas with nothing refused', async () => {
      // The developer: identity, catalog, validation with the probe, usage with the alarms' state, residency.
      record(developer, await operationsOf(context, () => checkIdentity({ ...session })));
      record(developer, await operationsOf(context, () => loadCatalog({ ...session })));
      record(developer, await operationsOf(context, () => validateModelAccess({ ...session, models: [JP_SONNET, JP_HAIKU], probe: true })));
      record(developer, await operationsOf(context, () => fetchUsageReport({ ...session, modelIds: [JP_SONNET, JP_HAIKU], range: '1h', alarms: true })));
      record(developer, await operationsOf(context, () => checkResidency({ ...session, models: [{ key: 'env.ANTHROPIC_MODEL', modelId: JP_SONNET }], allowedRegions: [TOKYO, 'ap-northeast-3'] })));

      // The admin: alarms with a new topic and an e-mail (then again: the subscription is read), the
      // topics listed, the alarms listed, the dashboard, the stack's quota values, a quota increase.
      const options = { percent: 80, throttleThreshold: 1, action: { kind: 'new-topic' as const, topicName: 'claude-bedrock-alarms', email: 'admin@example.com' } };
      record(admin, await operationsOf(context, async () => {
        const planned = await planAlarms({ ...session, modelIds: [JP_SONNET], alarmOptions: options });
        assert.ok(planned.ok && 'plan' in planned);
        const applied = await applyAlarms({ ...session, plan: planned.plan });
        assert.ok(applied.ok && applied.result.failed === undefined);
      }));
      record(admin, await operationsOf(context, () => planAlarms({ ...session, modelIds: [JP_SONNET], alarmOptions: options })));
      record(admin, await operationsOf(context, () => listTopicArns(session)));
      record(admin, await operationsOf(context, () => listAlarms(session)));
      record(admin, await operationsOf(context, async () => {
        const planned = await planTeamDashboard({ ...session, modelIds: [JP_SONNET] });
        assert.ok(planned.ok && 'plan' in planned);
        assert.deepEqual(await applyTeamDashboard({ ...session, plan: planned.plan }), { ok: true });
      }));
      record(admin, await operationsOf(context, () => readModelQuotas({ ...session, modelIds: [JP_SONNET] })));
      record(admin, await operationsOf(context, () => requestBedrockQuotaIncrease({ ...session, quotaCode: QUOTA_CODES.sonnet45.geoTpm, desiredValue: 400_000 })));
    });
  });

  describe("the Team view's paths (team)", () => {
    const context = useFakeAwsHome('iam-coverage-team', 'team');
    const team = { target, region: TEAM_REGION };

    it('runs per-developer usage (and its cancel), spend, budgets, measured usage and invocation logging with nothing refused', async () => {
      record(admin, await operationsOf(context, () => fetchTeamReport({ ...team, range: '1h', pollIntervalMs: 10 })));
      // A cancelled query is stopped (StopQuery).
      context.fake.state.cloudWatchLogs!.runningPolls = 1_000;
      const abort = new AbortController();
      record(admin, await operationsOf(context, () => fetchTeamReport({ ...team, range: '30d', signal: abort.signal, pollIntervalMs: 20, onQueryStatus: () => abort.abort() })));
      context.fake.state.cloudWatchLogs!.runningPolls = 1;
      record(admin, await operationsOf(context, () => fetchSpendReport({ ...team, modelIds: [JP_SONNET] })));
      record(admin, await operationsOf(context, () => fetchBudgets({ ...team })));
      record(admin, await operationsOf(context, () => fetchMeasuredUsage({ ...team, modelIds: [JP_SONNET] })));
      record(admin, await operationsOf(context, async () => {
        const setup = await readLoggingSetup({ ...team });
        assert.ok(setup.ok);
        const plan = planInvocationLogging({ region: TEAM_REGION, accountId: setup.accountId!, ...(setup.config ? { current: setup.config } : {}) });
        assert.ok(plan.ok);
        assert.ok((await applyInvocationLogging({ ...team, plan: plan.plan })).ok);
      }));
      record(admin, await operationsOf(context, async () => {
        const planned = planBudget({ accountId: BASIC_ACCOUNT_ID, name: 'IAM coverage', limitUsd: 1, thresholds: [100], emails: ['a@example.com'], services: [TEAM_COST_SERVICES.sonnet] });
        assert.ok(planned.ok && (await createBudget({ ...team, plan: planned.plan })).ok);
      }));
    });
  });

  describe('the policies', () => {
    it('every operation of every path is in the table; the developer and admin policies grant exactly what their paths call', () => {
      // The table: every operation sent is in it, and nothing in it is never sent.
      const sent = new Set([...developer, ...admin]);
      assert.ok(developer.size > 0 && admin.size > 0, 'the paths above ran');
      assert.deepEqual([...sent].filter((operation) => actionOf(operation) === undefined), [], 'operations missing from OPERATION_ACTIONS');
      assert.deepEqual(Object.keys(OPERATION_ACTIONS).filter((operation) => !sent.has(operation)).sort(), [], 'operations in OPERATION_ACTIONS that no path sends');

      // The developer policy allows every action of the developer's paths; its read-only part (what is
      // not for Claude Code's own invocations and Marketplace subscription) is exactly what they read.
      const policy = buildIamPolicy({ region: TOKYO, offers: [{ modelId: JP_SONNET, scope: 'jp', destinations: [TOKYO, 'ap-northeast-3'], anyRegion: false, status: 'ACTIVE' }], includeDiagnostics: true });
      const granted = new Set(policy.Statement.flatMap((statement) => statement.Action));
      const developerActions = [...developer].map((operation) => actionOf(operation)!);
      assert.deepEqual(developerActions.filter((action) => !granted.has(action)), [], 'developer actions the developer policy lacks');
      const forClaudeCode = new Set(['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream', 'aws-marketplace:ViewSubscriptions', 'aws-marketplace:Subscribe']);
      const reads = [...granted].filter((action) => !forClaudeCode.has(action));
      assert.deepEqual(reads.filter((action) => !developerActions.includes(action)).sort(), [], 'read actions of the developer policy no developer path calls');

      // The admin policy: exactly the actions of the admin's paths, and iam:PassRole, which AWS checks
      // on the role that PutModelInvocationLoggingConfiguration passes to Bedrock (not an operation).
      const passRole = admin.has('PutModelInvocationLoggingConfiguration') ? ['iam:PassRole'] : [];
      assert.deepEqual([...new Set([...[...admin].map((operation) => actionOf(operation)!), ...passRole])].sort(), adminActions());
    });
  });
});
