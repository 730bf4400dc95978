import assert from 'node:assert/strict';
import { dashboardConsoleUrl, dashboardName } from '../../src/core/dashboard/dashboardBody';
import { planDashboard } from '../../src/core/dashboard/dashboardPlan';
import { dashboardNotSavedText, dashboardPlanLines } from '../../src/core/dashboard/dashboardText';
import { diagnoseAwsError } from '../../src/core/models/diagnosis';
import { matchModelQuotas } from '../../src/core/usage/quotaMatch';

const TOKYO = 'ap-northeast-1';
const JP_SONNET = 'jp.anthropic.claude-sonnet-4-5-20250929-v1:0';
const JP_HAIKU = 'jp.anthropic.claude-haiku-4-5-20251001-v1:0';
const quotas = matchModelQuotas([JP_SONNET, JP_HAIKU], {
  region: TOKYO,
  applied: [
    { code: 'L-F4DDD3EB', name: 'Cross-region model inference tokens per minute for Anthropic Claude Sonnet 4.5 V1', value: 200_000, adjustable: true },
    { code: 'L-4A6BFAB1', name: 'Cross-region model inference requests per minute for Anthropic Claude Sonnet 4.5 V1', value: 200, adjustable: true },
  ],
  defaults: [],
  requests: [],
});

interface Widget {
  type: string;
  x: number;
  y: number;
  width: number;
  height: number;
  properties: { title?: string; region?: string; metrics?: unknown[][]; annotations?: { horizontal: { label: string; value: number }[] } };
}

describe('team dashboard plan', () => {
  const plan = planDashboard({ region: TOKYO, modelIds: [JP_SONNET, JP_HAIKU], quotas });
  const widgets = (JSON.parse(plan.body) as { widgets: Widget[] }).widgets;

  it('charts each model\'s tokens against its TPM quota, requests against its RPM quota, throttles, latency and cache hits, in the Region', () => {
    assert.equal(plan.name, dashboardName(TOKYO));
    assert.equal(plan.change, 'create');
    const sonnet = widgets.filter((widget) => widget.properties.title?.endsWith(JP_SONNET));
    assert.deepEqual(sonnet.map((widget) => widget.properties.title!.split(' — ')[0]), ['Tokens per minute', 'Requests per minute', 'Throttles and errors', 'Latency (ms)', 'Cache hit ratio (%)']);
    for (const widget of sonnet) assert.equal(widget.properties.region, TOKYO);
    assert.deepEqual(sonnet[0]!.properties.annotations!.horizontal, [{ label: 'TPM quota (L-F4DDD3EB)', value: 200_000 }]);
    assert.deepEqual(sonnet[1]!.properties.annotations!.horizontal, [{ label: 'RPM quota (L-4A6BFAB1)', value: 200 }]);
    const metricNames = sonnet[0]!.properties.metrics!.map((line) => line[1]);
    assert.deepEqual(metricNames.slice(0, 4), ['InputTokenCount', 'OutputTokenCount', 'CacheReadInputTokenCount', 'CacheWriteInputTokenCount']);
    assert.deepEqual(plan.withoutQuota, [JP_HAIKU]);
    assert.match(dashboardPlanLines(plan, 'en')[1]!, /No quota line for jp\.anthropic\.claude-haiku/);
  });

  it('lays the widgets out on the 24-column grid without overlap', () => {
    const cells = new Set<string>();
    for (const widget of widgets) {
      assert.ok(widget.x >= 0 && widget.x + widget.width <= 24, JSON.stringify(widget));
      for (let x = widget.x; x < widget.x + widget.width; x += 1) {
        for (let y = widget.y; y < widget.y + widget.height; y += 1) {
          assert.ok(!cells.has(`${x},${y}`), `overlap at ${x},${y}`);
          cells.add(`${x},${y}`);
        }
      }
    }
  });

  it('says update when the existing body differs and no change when it says the same, however it is spaced', () => {
    assert.equal(planDashboard({ region: TOKYO, modelIds: [JP_SONNET, JP_HAIKU], quotas, existingBody: JSON.stringify(JSON.parse(plan.body)) }).change, 'unchanged');
    assert.equal(planDashboard({ region: TOKYO, modelIds: [JP_SONNET], quotas, existingBody: plan.body }).change, 'update');
    assert.equal(planDashboard({ region: TOKYO, modelIds: [JP_SONNET], quotas, existingBody: 'not json' }).change, 'update');
    assert.equal(plan.url, dashboardConsoleUrl(TOKYO));
    assert.equal(plan.url, 'https://ap-northeast-1.console.aws.amazon.com/cloudwatch/home?region=ap-northeast-1#dashboards/dashboard/claude-bedrock-ap-northeast-1');
  });

  it('after a failed save says nothing was created only when AWS said no; a cut answer leaves it unknown', () => {
    const failure = (raw: object) => diagnoseAwsError({ operation: 'PutDashboard', phase: 'call', ...raw }, { region: 'ap-northeast-1' });
    assert.equal(dashboardNotSavedText('claude-bedrock-ap-northeast-1', failure({ name: 'InternalServerException', message: 'x', httpStatus: 500 }), 'en'), 'Nothing was created.');
    assert.equal(
      dashboardNotSavedText('claude-bedrock-ap-northeast-1', failure({ message: '', httpStatus: 200, unreadable: 'cut', networkCode: 'ECONNRESET' }), 'en'),
      'Not known whether the dashboard claude-bedrock-ap-northeast-1 was saved: the answer did not come back whole. Its plan shows what is there now.',
    );
    assert.match(dashboardNotSavedText('d', failure({ timedOut: true }), 'ja'), /保存されたかどうか分かりません/);
  });
});
