// The stack's IAM policies against what the extension actually calls: every path of the AWS layer
// (the developer's checks, views and probe; the admin's alarms, topics, dashboard, quota values and
// increase requests) runs against the fake AWS, and the fake's request log says which operations
// went out. Each must be in the one operation→action table (the table is complete and has nothing
// stale); the developer policy allows every action of the developer's paths and its read-only part
// holds nothing they do not call; the admin policy is exactly the actions of the admin's paths.
import assert from 'node:assert/strict';
import { applyAlarms, listAlarms, listTopicArns, planAlarms } from '../../src/aws/alarms/alarms';
import { readModelQuotas } from '../../src/aws/alarms/stackQuotas';
import { applyTeamDashboard, planTeamDashboard } from '../../src/aws/dashboard/dashboard';
import { loadCatalog, validateModelAccess } from '../../src/aws/models/modelAccess';
import { checkIdentity } from '../../src/aws/profiles/identity';
import { checkResidency } from '../../src/aws/residency/residency';
import { fetchUsageReport, requestBedrockQuotaIncrease } from '../../src/aws/usage/usage';
import { adminActions } from '../../src/core/iam/adminPolicy';
import { OPERATION_ACTIONS, actionOf } from '../../src/core/iam/awsActions';
import { buildIamPolicy } from '../../src/core/iam/iamPolicy';
import { BEDROCK_MODEL_IDS } from '../fake-aws/scenarios/bedrockCatalog';
import { QUOTA_CODES } from '../fake-aws/scenarios/quotaCatalog';
import { useFakeAwsHome } from '../support/fakeAwsHome';

const TOKYO = 'ap-northeast-1';
const JP_SONNET = `jp.${BEDROCK_MODEL_IDS.sonnet45}`;
const JP_HAIKU = `jp.${BEDROCK_MODEL_IDS.haiku45}`;
const target = { type: 'profile' as const, profile: 'static-dev' };
const session = { target, region: TOKYO };
/** Credential plumbing, not calls of ours: the SDK's own SSO and role-chain clients. */
const PLUMBING = new Set(['sso', 'sso-oidc']);

describe('IAM policies against the calls the extension makes (fake AWS, real SDK)', () => {
  const context = useFakeAwsHome('iam-coverage', 'quota-throttled');

  /** The operations a path sent, each once, in the order first seen. */
  async function operationsOf(path: () => Promise<unknown>): Promise<string[]> {
    context.fake.clearLog();
    await path();
    const operations = context.fake.requests.filter((entry) => !PLUMBING.has(entry.service)).map((entry) => entry.operation);
    // A dashboard that does not exist yet answers 404, which the path expects; nothing was refused or failed.
    const refused = context.fake.requests.filter((entry) => entry.status === 403 || entry.status >= 500 || entry.status === 0);
    assert.deepEqual(refused, [], 'no call of the path was refused');
    return [...new Set(operations)];
  }

  it('every operation of every path is in the table; the developer and admin policies grant exactly what their paths call', async () => {
    const developer = new Set<string>();
    const admin = new Set<string>();
    const record = (into: Set<string>, operations: readonly string[]) => operations.forEach((operation) => into.add(operation));

    // The developer: identity, catalog, validation with the probe, usage with the alarms' state, residency.
    record(developer, await operationsOf(() => checkIdentity({ ...session })));
    record(developer, await operationsOf(() => loadCatalog({ ...session })));
    record(developer, await operationsOf(() => validateModelAccess({ ...session, models: [JP_SONNET, JP_HAIKU], probe: true })));
    record(developer, await operationsOf(() => fetchUsageReport({ ...session, modelIds: [JP_SONNET, JP_HAIKU], range: '1h', alarms: true })));
    record(developer, await operationsOf(() => checkResidency({ ...session, models: [{ key: 'env.ANTHROPIC_MODEL', modelId: JP_SONNET }], allowedRegions: [TOKYO, 'ap-northeast-3'] })));

    // The admin: alarms with a new topic and an e-mail (then again: the subscription is read), the
    // topics listed, the alarms listed, the dashboard, the stack's quota values, a quota increase.
    const options = { percent: 80, throttleThreshold: 1, action: { kind: 'new-topic' as const, topicName: 'claude-bedrock-alarms', email: 'admin@example.com' } };
    record(admin, await operationsOf(async () => {
      const planned = await planAlarms({ ...session, modelIds: [JP_SONNET], alarmOptions: options });
      assert.ok(planned.ok && 'plan' in planned);
      const applied = await applyAlarms({ ...session, plan: planned.plan });
      assert.ok(applied.ok && applied.result.failed === undefined);
    }));
    record(admin, await operationsOf(() => planAlarms({ ...session, modelIds: [JP_SONNET], alarmOptions: options })));
    record(admin, await operationsOf(() => listTopicArns(session)));
    record(admin, await operationsOf(() => listAlarms(session)));
    record(admin, await operationsOf(async () => {
      const planned = await planTeamDashboard({ ...session, modelIds: [JP_SONNET] });
      assert.ok(planned.ok && 'plan' in planned);
      assert.deepEqual(await applyTeamDashboard({ ...session, plan: planned.plan }), { ok: true });
    }));
    record(admin, await operationsOf(() => readModelQuotas({ ...session, modelIds: [JP_SONNET] })));
    record(admin, await operationsOf(() => requestBedrockQuotaIncrease({ ...session, quotaCode: QUOTA_CODES.sonnet45.geoTpm, desiredValue: 400_000 })));

    // The table: every operation sent is in it, and nothing in it is never sent.
    const sent = new Set([...developer, ...admin]);
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

    // The admin policy: exactly the actions of the admin's paths.
    assert.deepEqual([...new Set([...admin].map((operation) => actionOf(operation)!))].sort(), adminActions());
  });
});
