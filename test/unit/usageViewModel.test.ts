// The usage view's model from hand-made reports: what each state shows, the figures and charts of a
// model, the quota table and the advice, the partial failures, and the Japanese wording.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ModelQuota, ModelSeries, ModelUsageSummary, QuotaRequestRecord, UsageMetric, UsageReport } from '../../src/core/usage/quotaTypes';
import { USAGE_METRICS } from '../../src/core/usage/quotaTypes';
import { problemText, routingText } from '../../src/core/usage/usageText';
import type { UsageViewState } from '../../src/vscode/usage/usageSource';
import { toViewModel, type Translator } from '../../src/vscode/usage/usageViewModel';
import { parseWebviewMessage } from '../../src/webview/usage/protocol';

const jaBundle: Record<string, string> = JSON.parse(readFileSync(join(__dirname, '..', '..', 'l10n', 'bundle.l10n.ja.json'), 'utf8'));

/** Translates as VS Code does: the bundle's text when there is one, else the English source. */
function translator(bundle: Record<string, string> = {}): Translator {
  return { t: (message, ...args) => (bundle[message] ?? message).replace(/\{(\d+)\}/g, (whole, index: string) => String(args[Number(index)] ?? whole)) };
}

const en = { locale: 'en' as const, l10n: translator() };
const ja = { locale: 'ja' as const, l10n: translator(jaBundle) };

const JP_SONNET = 'jp.anthropic.claude-sonnet-4-5-20250929-v1:0';
const GLOBAL_HAIKU = 'global.anthropic.claude-haiku-4-5-20251001-v1:0';
const START = Date.UTC(2025, 9, 1, 5, 0);
const MINUTE = 60_000;
const TIMES = Array.from({ length: 60 }, (_value, index) => START + index * MINUTE);
const GENERATED_AT = START + 60 * MINUTE;

function quota(partial: Partial<ModelQuota> & Pick<ModelQuota, 'measure' | 'routing' | 'code' | 'value'>): ModelQuota {
  return { longContext: false, name: `quota ${partial.code}`, adjustable: true, pending: [], matchedBy: 'code', ...partial };
}

const PENDING: QuotaRequestRecord = { id: 'r-1', code: 'L-JP-TPM', desiredValue: 400_000, status: 'PENDING' };
const JP_TPM = quota({ measure: 'tokens-per-minute', routing: 'cross-region', code: 'L-JP-TPM', value: 200_000, defaultValue: 200_000, pending: [PENDING] });
const JP_RPM = quota({ measure: 'requests-per-minute', routing: 'cross-region', code: 'L-JP-RPM', value: 200, defaultValue: 200 });
const JP_TPM_1M = quota({ measure: 'tokens-per-minute', routing: 'cross-region', code: 'L-JP-TPM-1M', value: 100_000, longContext: true });
const GLOBAL_TPM = quota({ measure: 'tokens-per-minute', routing: 'global', code: 'L-GL-TPM', value: 400_000, defaultValue: 400_000, adjustable: false });

/** A series with values at the given minutes (index → value), null elsewhere. */
function series(values: Readonly<Record<number, number>>): (number | null)[] {
  return TIMES.map((_time, index) => values[index] ?? null);
}

function modelSeries(modelId: string, metrics: Partial<Record<UsageMetric, (number | null)[]>>): ModelSeries {
  const all = Object.fromEntries(USAGE_METRICS.map((metric) => [metric, metrics[metric] ?? series({})])) as Record<UsageMetric, (number | null)[]>;
  return { modelId, metrics: all };
}

// Sonnet ran at minutes 10–21 and was throttled in each of those 12 minutes; minute 30 alone is a lone point.
const busy = Object.fromEntries(Array.from({ length: 12 }, (_value, index) => [10 + index, 1])) as Record<number, number>;
const SONNET_SERIES = modelSeries(JP_SONNET, {
  Invocations: series({ ...Object.fromEntries(Object.keys(busy).map((minute) => [minute, 10])), 30: 4 }),
  InvocationThrottles: series(Object.fromEntries(Object.keys(busy).map((minute) => [minute, 2]))),
  InputTokenCount: series({ 10: 1_000, 30: 500 }),
  OutputTokenCount: series({ 10: 200, 30: 100 }),
});
const HAIKU_SERIES = modelSeries(GLOBAL_HAIKU, {});

function summary(partial: Partial<ModelUsageSummary> & Pick<ModelUsageSummary, 'modelId'>): ModelUsageSummary {
  return {
    invocations: 0,
    throttles: 0,
    clientErrors: 0,
    serverErrors: 0,
    throttleRate: 0,
    throttledPeriods: [],
    tokens: { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 },
    tpm: { peak: 0, typical: 0 },
    rpm: { peak: 0, typical: 0 },
    reservation: { maxOutputTokens: 32_000, maxOutputTokensSource: 'default', burndown: 5, averageInputPerRequest: 0, averageOutputPerRequest: 0, peakReservedTpm: 0 },
    cost: {},
    ...partial,
  };
}

const SONNET_SUMMARY = summary({
  modelId: JP_SONNET,
  routing: 'cross-region',
  invocations: 124,
  throttles: 24,
  throttleRate: 24 / 148,
  throttledPeriods: TIMES.slice(10, 22),
  tokens: { input: 1_500, output: 300, cacheRead: 0, cacheWrite: 0 },
  tpm: { peak: 165_000, typical: 30_000, quota: JP_TPM, peakPercent: 82.5, typicalPercent: 15 },
  rpm: { peak: 10, typical: 10, quota: JP_RPM, peakPercent: 5, typicalPercent: 5 },
  cost: { usd: 12.34, globalUsd: 11.22, premiumUsd: 1.12 },
});
const HAIKU_SUMMARY = summary({ modelId: GLOBAL_HAIKU, routing: 'global' });

const REPORT: UsageReport = {
  region: 'ap-northeast-1',
  range: '1h',
  generatedAt: GENERATED_AT,
  modelIds: [JP_SONNET, GLOBAL_HAIKU],
  quotas: [
    { modelId: JP_SONNET, baseModelId: 'anthropic.claude-sonnet-4-5-20250929-v1:0', routing: 'cross-region', quotas: [GLOBAL_TPM, JP_TPM_1M, JP_RPM, JP_TPM] },
    { modelId: GLOBAL_HAIKU, baseModelId: 'anthropic.claude-haiku-4-5-20251001-v1:0', routing: 'global', quotas: [] },
  ],
  series: {
    range: '1h',
    startMs: START,
    periodSeconds: 60,
    times: TIMES,
    models: [SONNET_SERIES, HAIKU_SERIES],
    peaks: { startMs: START, periodSeconds: 60, times: TIMES, models: [SONNET_SERIES, HAIKU_SERIES] },
    partial: false,
  },
  models: [SONNET_SUMMARY, HAIKU_SUMMARY],
  recommendations: [
    { code: 'request-increase', modelId: JP_SONNET, quota: JP_RPM, peak: 190, desiredValue: 300, alreadyRequested: false },
    {
      code: 'switch-scope',
      modelId: JP_SONNET,
      suggestedModelId: 'global.anthropic.claude-sonnet-4-5-20250929-v1:0',
      fromRouting: 'cross-region',
      toRouting: 'global',
      currentQuota: JP_TPM,
      suggestedQuota: GLOBAL_TPM,
      residency: 'any-region',
    },
  ],
  cost: { usd: 12.34, globalUsd: 11.22, premiumUsd: 1.12, pricesAsOf: '2025-10-01' },
  alert: { recentThrottles: 0, highestPercent: { modelId: JP_SONNET, measure: 'tokens-per-minute', percent: 82.5 }, state: 'warning' },
  problems: [],
};

function state(partial: Partial<UsageViewState> = {}): UsageViewState {
  return { range: '1h', report: REPORT, refreshing: false, backingOff: false, profile: 'dev', ...partial };
}

describe('usage view model', () => {
  it('asks for the setup wizard when nothing is configured, but not in Restricted Mode', () => {
    const model = toViewModel(state({ notConfigured: 'no-setup', report: undefined }), en);
    assert.match(model.notConfigured!.message, /not set up for Amazon Bedrock/);
    assert.equal(model.notConfigured!.wizardButton, 'Run Setup Wizard');
    assert.deepEqual(model.models, []);
    const restricted = toViewModel(state({ notConfigured: 'restricted', report: undefined }), en);
    assert.match(restricted.notConfigured!.message, /Restricted Mode/);
    assert.equal(restricted.notConfigured!.wizardButton, undefined);
  });

  it('says "Loading…" before the first report, and the error after a failed one', () => {
    const loading = toViewModel(state({ report: undefined, refreshing: true }), en);
    assert.equal(loading.placeholder, 'Loading…');
    assert.equal(loading.status.refreshing, 'Refreshing…');
    assert.equal(loading.status.updatedAt, undefined);
    const failed = toViewModel(state({ report: undefined, lastError: 'The SSO session has expired.', backingOff: true, nextRefreshAt: GENERATED_AT + 30_000 }), en);
    assert.equal(failed.placeholder, undefined);
    assert.equal(failed.error, 'The last refresh failed: The SSO session has expired.');
    assert.deepEqual(failed.status.retry, { at: GENERATED_AT + 30_000, template: 'Retrying in {0} s after errors' });
  });

  it('gives the header, the age templates and the range chosen', () => {
    const model = toViewModel(state({ range: '24h', refreshing: true }), en);
    assert.deepEqual(
      model.header.ranges.map((choice) => [choice.range, choice.label]),
      [
        ['1h', '1 h'],
        ['24h', '24 h'],
        ['7d', '7 d'],
      ],
    );
    assert.equal(model.range, '24h');
    assert.equal(model.stale, true, 'the report is still of the last hour');
    assert.equal(model.header.context, 'Profile dev · Region ap-northeast-1');
    assert.equal(model.status.updatedAt, GENERATED_AT);
    assert.equal(model.status.age.minutes, 'Updated {0} min ago');
    assert.equal(toViewModel(state(), en).stale, false);
  });

  it('shows the cost of the range with the Japan premium, and the alert', () => {
    const model = toViewModel(state(), en);
    assert.equal(model.cost!.text, '$12.34 for this range, of which $1.12 is the Japan premium over global prices');
    assert.match(model.cost!.tooltip, /2025-10-01/);
    assert.equal(model.alert!.level, 'warning');
    assert.match(model.alert!.text, /83%/);
    assert.deepEqual(model.problems, []);
    const global = toViewModel(state({ report: { ...REPORT, modelIds: [GLOBAL_HAIKU], cost: { usd: 2, globalUsd: 2, premiumUsd: 0, pricesAsOf: '2025-10-01' } } }), en);
    assert.equal(global.cost!.text, '$2.00 for this range at list prices');
  });

  it('gives each model its routing, figures and throttled minutes', () => {
    const [sonnet, haiku] = toViewModel(state(), en).models;
    assert.equal(sonnet!.modelId, JP_SONNET);
    assert.equal(sonnet!.routing, routingText('cross-region', 'en'));
    const figure = (label: string) => sonnet!.figures.find((candidate) => candidate.label === label);
    assert.deepEqual(figure('Peak tokens per minute'), { label: 'Peak tokens per minute', value: '165,000 (83% of quota)', level: 'warning' });
    assert.equal(figure('Typical tokens per minute')!.value, '30,000 (15% of quota)');
    assert.equal(figure('Peak requests per minute')!.value, '10 (5% of quota)');
    assert.equal(figure('Throttled requests')!.value, '24');
    assert.equal(figure('Throttle rate')!.value, '16%');
    assert.equal(figure('Cost at list prices')!.value, '$12.34');
    assert.equal(sonnet!.throttled!.label, 'Throttled minutes');
    assert.deepEqual(sonnet!.throttled!.times, TIMES.slice(10, 20));
    assert.equal(sonnet!.throttled!.more, '+2 more');
    assert.equal(sonnet!.throttled!.withDate, false);
    assert.equal(haiku!.throttled, undefined);
    assert.deepEqual(haiku!.notes, ['No requests in this range.', 'No Bedrock quota of this model was found in this Region.']);
    assert.deepEqual(haiku!.figures, [], 'no column of zeros without traffic');
    assert.equal(haiku!.charts, undefined);
    assert.equal(haiku!.quotaTable, undefined);
  });

  it('charts quota tokens and requests per minute against the quota lines, throttles per period', () => {
    const charts = toViewModel(state(), en).models[0]!.charts!;
    assert.equal(charts.times, TIMES);
    assert.equal(charts.periodMs, MINUTE);
    // Without AWS's estimate: input + cache writes + output × burndown (5).
    assert.equal(charts.tokens.values[10], 1_000 + 200 * 5);
    assert.equal(charts.tokens.values[30], 500 + 100 * 5);
    // CloudWatch omits a period without traffic: a past one is a zero, a future one a gap.
    assert.equal(charts.tokens.values[11], 0, 'a past period without points is zero');
    const future = toViewModel(state({ report: { ...REPORT, generatedAt: TIMES[20]! } }), en).models[0]!.charts!;
    assert.equal(future.tokens.values[21], null, 'a period after the report is a gap');
    assert.equal(charts.tokens.quota, 200_000);
    assert.equal(charts.tokens.quotaLabel, 'Quota 200,000');
    assert.equal(charts.tokens.ariaLabel, 'Tokens per minute: peak 2,000, quota 200,000');
    assert.equal(charts.requests.values[10], 10);
    assert.equal(charts.requests.quota, 200);
    assert.equal(charts.throttles.values[12], 2);
    assert.equal(charts.throttles.quota, undefined);
    assert.equal(charts.throttles.ariaLabel, 'Throttled requests per minute: 24 throttled requests in 12 periods');
  });

  it('uses AWS\'s TPM estimate when the model publishes it, per minute of a coarse period', () => {
    const estimated = modelSeries(JP_SONNET, { EstimatedTPMQuotaUsage: series({ 3: 50_000 }), Invocations: series({ 3: 5 }) });
    const report: UsageReport = { ...REPORT, range: '24h', series: { ...REPORT.series!, range: '24h', periodSeconds: 300, models: [estimated] } };
    const sonnet = toViewModel(state({ range: '24h', report }), en).models[0]!;
    assert.equal(sonnet.charts!.tokens.values[3], 10_000);
    assert.equal(sonnet.charts!.requests.values[3], 1);
    assert.equal(sonnet.charts!.throttles.caption, 'Throttled requests per 5 minutes');
    assert.equal(sonnet.throttled!.label, 'Throttled 5-minute periods');
  });

  it('labels the charts of coarse ranges as averages, in English and Japanese; the 1h chart is per minute', () => {
    const minute = toViewModel(state(), en).models[0]!.charts!;
    assert.equal(minute.tokens.caption, 'Tokens per minute');
    assert.equal(minute.requests.ariaLabel, 'Requests per minute: peak 10, quota 200');
    const hourly = (periodSeconds: number, range: '24h' | '7d'): UsageReport => ({ ...REPORT, range, series: { ...REPORT.series!, range, periodSeconds } });
    const day = toViewModel(state({ range: '24h', report: hourly(300, '24h') }), en).models[0]!.charts!;
    assert.equal(day.tokens.caption, 'Tokens per minute, 5-minute averages');
    assert.equal(day.requests.caption, 'Requests per minute, 5-minute averages');
    const week = toViewModel(state({ range: '7d', report: hourly(3600, '7d') }), en).models[0]!.charts!;
    assert.equal(week.tokens.caption, 'Tokens per minute, hourly averages');
    // The chart's highest point is an hour's average: it is not called a peak.
    assert.match(week.requests.ariaLabel, /^Requests per minute, hourly averages: highest [\d.,]+, quota 200$/);
    const weekJa = toViewModel(state({ range: '7d', report: hourly(3600, '7d') }), ja).models[0]!.charts!;
    assert.equal(weekJa.tokens.caption, '1 分あたりのトークン数 (1 時間ごとの平均)');
    assert.match(weekJa.requests.ariaLabel, /^1 分あたりのリクエスト数 \(1 時間ごとの平均\): 最大 [\d.,]+、クォータ 200$/);
  });

  it('lists the quotas of the model\'s own routing first, the others dimmed, with the open request', () => {
    const table = toViewModel(state(), en).models[0]!.quotaTable!;
    assert.deepEqual(
      table.rows.map((row) => [row.code, row.own]),
      [
        ['L-JP-TPM', true],
        ['L-JP-TPM-1M', true],
        ['L-JP-RPM', true],
        ['L-GL-TPM', false],
      ],
    );
    const [tpm, longContext, , global] = table.rows;
    assert.equal(tpm!.value, '200,000');
    assert.equal(tpm!.defaultValue, '200,000');
    assert.equal(tpm!.adjustable, 'yes');
    assert.equal(tpm!.pending, '400,000 requested, pending');
    assert.match(longContext!.measure, /, 1M context$/);
    assert.equal(longContext!.defaultValue, '—');
    assert.equal(global!.adjustable, 'no');
    assert.equal(global!.routing, routingText('global', 'en'));
    assert.equal(table.columns.defaultValue, 'AWS default');
  });

  it('offers a request button for an increase, "requested" once one is open', () => {
    const recommendations = toViewModel(state(), en).models[0]!.recommendations;
    assert.deepEqual(
      recommendations.map((recommendation) => recommendation.code),
      ['request-increase', 'switch-scope'],
    );
    assert.deepEqual(recommendations[0]!.increase, { modelId: JP_SONNET, quotaCode: 'L-JP-RPM', desiredValue: 300, button: 'Request increase…' });
    assert.ok(recommendations[0]!.title.length > 0 && recommendations[0]!.detail.length > 0);
    assert.equal(recommendations[1]!.increase, undefined);
    const requested = { ...REPORT, recommendations: [{ ...REPORT.recommendations[0]!, alreadyRequested: true }] } as UsageReport;
    assert.equal(toViewModel(state({ report: requested }), en).models[0]!.recommendations[0]!.increase!.requested, 'requested');
  });

  it('shows quotas without charts when CloudWatch failed', () => {
    const problem = { service: 'cloudwatch' as const, missingPermission: 'cloudwatch:GetMetricData', error: { operation: 'GetMetricData', phase: 'call' as const, name: 'AccessDeniedException' } };
    const report: UsageReport = { ...REPORT, series: undefined, models: undefined, cost: undefined, alert: undefined, problems: [problem] };
    const model = toViewModel(state({ report }), en);
    assert.deepEqual(model.problems, [problemText(problem, 'en')]);
    assert.match(model.problems[0]!, /cloudwatch:GetMetricData/);
    assert.equal(model.cost, undefined);
    const sonnet = model.models[0]!;
    assert.equal(sonnet.charts, undefined);
    assert.deepEqual(sonnet.figures, []);
    assert.equal(sonnet.quotaTable!.rows.length, 4);
    assert.equal(sonnet.routing, routingText('cross-region', 'en'), 'the routing comes from the quotas then');
  });

  it('shows charts without quota lines when Service Quotas failed', () => {
    const problem = { service: 'servicequotas' as const, missingPermission: 'servicequotas:ListServiceQuotas', error: { operation: 'ListServiceQuotas', phase: 'call' as const } };
    const bare = (entry: ModelUsageSummary): ModelUsageSummary => ({ ...entry, tpm: { peak: entry.tpm.peak, typical: entry.tpm.typical }, rpm: { peak: entry.rpm.peak, typical: entry.rpm.typical } });
    const report: UsageReport = { ...REPORT, quotas: undefined, models: REPORT.models!.map(bare), recommendations: [], problems: [problem] };
    const sonnet = toViewModel(state({ report }), en).models[0]!;
    assert.ok(sonnet.charts);
    assert.equal(sonnet.charts.tokens.quota, undefined);
    assert.equal(sonnet.charts.requests.quota, undefined);
    assert.equal(sonnet.charts.tokens.ariaLabel, 'Tokens per minute: peak 2,000, no quota known');
    assert.equal(sonnet.quotaTable, undefined);
    assert.equal(sonnet.figures.find((figure) => figure.label === 'Peak tokens per minute')!.value, '165,000');
  });

  it('speaks Japanese with the bundle', () => {
    const model = toViewModel(state(), ja);
    assert.equal(model.lang, 'ja');
    assert.equal(model.header.refresh, '更新');
    assert.equal(model.status.age.minutes, '{0} 分前に更新');
    assert.match(model.cost!.text, /日本国内の割増分/);
    assert.match(model.cost!.text, /\$12\.34/);
    const sonnet = model.models[0]!;
    assert.equal(sonnet.routing, routingText('cross-region', 'ja'));
    assert.equal(sonnet.throttled!.more, 'ほか 2 件');
    assert.equal(sonnet.recommendations[0]!.increase!.button, '引き上げを申請…');
    assert.equal(sonnet.quotaTable!.rows[0]!.pending, '400,000 を申請 (保留中)');
  });
});

describe('usage view model: the team admin', () => {
  const alarms = {
    ok: true as const,
    alarms: [
      { name: `claude-bedrock/throttles/${JP_SONNET}`, kind: 'throttles' as const, modelId: JP_SONNET, state: 'ALARM' as const, reason: 'Threshold Crossed', updatedAt: START },
      { name: `claude-bedrock/quota-tpm/${JP_SONNET}`, kind: 'quota-tpm' as const, modelId: JP_SONNET, state: 'OK' as const },
    ],
  };

  it('shows each model\'s alarms with their state, and the admin actions', () => {
    const model = toViewModel(state({ report: { ...REPORT, alarms } }), en);
    const sonnet = model.models.find((section) => section.modelId === JP_SONNET)!;
    assert.deepEqual(sonnet.alarms!.items.map((alarm) => [alarm.label, alarm.state, alarm.stateText]), [['Throttled requests', 'ALARM', 'ALARM'], ['Tokens per minute against the quota', 'OK', 'OK']]);
    assert.equal(sonnet.alarms!.items[0]!.since, START);
    assert.equal(model.models.find((section) => section.modelId === GLOBAL_HAIKU)!.alarms, undefined, 'no alarm of that model: nothing shown');
    assert.deepEqual(model.admin!.actions.map((action) => action.action), ['createAlarms', 'createDashboard', 'openDashboard', 'exportAdminStack']);
    const japanese = toViewModel(state({ report: { ...REPORT, alarms } }), ja);
    assert.deepEqual(japanese.models[0]!.alarms!.items.map((alarm) => alarm.stateText), ['アラーム', 'OK']);
    assert.equal(japanese.admin!.label, 'チーム管理');
  });

  it('says the alarms\' state is not verified when DescribeAlarms was refused, naming the action', () => {
    const denied = toViewModel(state({ report: { ...REPORT, alarms: { ok: false, missingPermission: 'cloudwatch:DescribeAlarms', error: { operation: 'DescribeAlarms', phase: 'call', name: 'AccessDeniedException' } } } }), en);
    assert.equal(denied.alarmsNote, 'The alarms\' state is not verified: your identity may not call cloudwatch:DescribeAlarms.');
    assert.equal(denied.models[0]!.alarms, undefined);
    assert.equal(toViewModel(state(), en).alarmsNote, undefined);
  });
});

describe('usage view protocol', () => {
  it('accepts the webview\'s messages and nothing else', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parseWebviewMessage({ type: 'setRange', range: '7d' }), { type: 'setRange', range: '7d' });
    assert.equal(parseWebviewMessage({ type: 'setRange', range: '30d' }), undefined);
    assert.deepEqual(parseWebviewMessage({ type: 'requestIncrease', modelId: JP_SONNET, quotaCode: 'L-JP-RPM', desiredValue: 300, extra: 1 }), {
      type: 'requestIncrease',
      modelId: JP_SONNET,
      quotaCode: 'L-JP-RPM',
      desiredValue: 300,
    });
    assert.equal(parseWebviewMessage({ type: 'requestIncrease', modelId: JP_SONNET, quotaCode: 'L-JP-RPM', desiredValue: Number.NaN }), undefined);
    assert.equal(parseWebviewMessage({ type: 'runCommand', command: 'x' }), undefined);
    assert.deepEqual(parseWebviewMessage({ type: 'admin', action: 'createAlarms' }), { type: 'admin', action: 'createAlarms' });
    assert.equal(parseWebviewMessage({ type: 'admin', action: 'deleteEverything' }), undefined, 'only the admin commands the view offers');
    assert.equal(parseWebviewMessage('ready'), undefined);
    assert.equal(parseWebviewMessage(null), undefined);
  });
});
