// PutDashboard's validation messages through the real CloudWatch SDK client against the fake AWS:
// a body CloudWatch refuses is not saved and its messages are given; a body it saves with warnings
// (widgets placed on the same cells) is saved, and the warnings come back, never a plain success;
// the planned body draws none. The words of both, in English and Japanese.
import assert from 'node:assert/strict';
import { applyTeamDashboard, planTeamDashboard } from '../../src/aws/dashboard/dashboard';
import type { DashboardPlan } from '../../src/core/dashboard/dashboardPlan';
import { dashboardMessageLines, dashboardNotSavedText, dashboardText } from '../../src/core/dashboard/dashboardText';
import { BASIC_ACCOUNT_ID } from '../fake-aws/scenarios/basic';
import { BEDROCK_MODEL_IDS } from '../fake-aws/scenarios/bedrockCatalog';
import { useFakeAwsHome } from '../support/fakeAwsHome';

const TOKYO = 'ap-northeast-1';
const JP_SONNET = `jp.${BEDROCK_MODEL_IDS.sonnet45}`;
const session = { target: { type: 'profile' as const, profile: 'static-dev' }, region: TOKYO };

describe('dashboard validation messages (real SDK, fake AWS)', () => {
  const context = useFakeAwsHome('dashboard-validation', 'quota-throttled');
  const stored = () => context.fake.state.cloudWatch!.accounts[BASIC_ACCOUNT_ID]!.dashboards?.[TOKYO] ?? {};
  beforeEach(() => {
    context.fake.state.cloudWatch!.accounts[BASIC_ACCOUNT_ID]!.dashboards = {};
  });

  async function plan(): Promise<DashboardPlan> {
    const planned = await planTeamDashboard({ ...session, modelIds: [JP_SONNET] });
    assert.ok(planned.ok && 'plan' in planned);
    return planned.plan;
  }
  const withBody = (base: DashboardPlan, change: (widgets: Record<string, unknown>[]) => void): DashboardPlan => {
    const body = JSON.parse(base.body) as { widgets: Record<string, unknown>[] };
    change(body.widgets);
    return { ...base, body: JSON.stringify(body, null, 2) };
  };

  it('the planned body is saved without a message: a plain success', async () => {
    const planned = await plan();
    assert.deepEqual(await applyTeamDashboard({ ...session, plan: planned }), { ok: true });
    assert.equal(stored()[planned.name], planned.body);
  });

  it('a body saved with warnings (overlapping widgets) comes back as saved with the warnings, read back', async () => {
    const planned = await plan();
    const overlapping = withBody(planned, (widgets) => {
      widgets[1]!.x = widgets[0]!.x;
      widgets[1]!.y = widgets[0]!.y;
    });
    const applied = await applyTeamDashboard({ ...session, plan: overlapping });
    assert.ok(applied.ok);
    assert.deepEqual(applied.warnings, [{ path: '/widgets/1', message: 'Overlaps /widgets/0; the widget will be moved' }]);
    assert.equal(stored()[planned.name], overlapping.body);
    assert.ok(context.fake.requests.some((entry) => entry.operation === 'GetDashboard'), 'the save with messages is read back');
    const en = dashboardMessageLines(applied.warnings!, true, 'en');
    assert.deepEqual(en, ["CloudWatch's validation messages (warnings: the dashboard was saved):", '  /widgets/1: Overlaps /widgets/0; the widget will be moved']);
    assert.match(dashboardMessageLines(applied.warnings!, true, 'ja')[0]!, /^CloudWatch の検証メッセージ \(警告。ダッシュボードは保存されました\):$/);
    assert.match(dashboardText('en', 'savedWithWarnings', { name: planned.name, region: TOKYO, count: 1 }), /saved in ap-northeast-1, but CloudWatch reported 1 validation message\(s\).*may not render/);
    assert.match(dashboardText('ja', 'savedWithWarnings', { name: planned.name, region: TOKYO, count: 1 }), /保存しましたが、CloudWatch が本文について検証メッセージを 1 件返しました/);
  });

  it('a body CloudWatch refuses is not saved, and its validation messages come with the failure', async () => {
    const planned = await plan();
    const invalid = withBody(planned, (widgets) => {
      widgets[0]!.width = 30;
    });
    const applied = await applyTeamDashboard({ ...session, plan: invalid });
    assert.ok(!applied.ok);
    assert.equal(applied.failure.awsCode, 'DashboardInvalidInputError');
    assert.deepEqual(applied.messages, [
      { path: '/widgets/0/width', message: 'Should be an integer from 1 to 24' },
      { path: '/widgets/0/width', message: 'x + width should be at most 24' },
    ]);
    assert.equal(stored()[planned.name], undefined);
    assert.deepEqual(dashboardMessageLines(applied.messages!, false, 'en').slice(0, 2), ["CloudWatch's validation messages (the dashboard was not saved):", '  /widgets/0/width: Should be an integer from 1 to 24']);
    assert.equal(dashboardMessageLines(applied.messages!, false, 'ja')[0], 'CloudWatch の検証メッセージ (ダッシュボードは保存されていません):');
    assert.doesNotMatch(dashboardNotSavedText(planned.name, applied.failure, 'en', applied.messages), /Not known/);
  });
});
