/**
 * The usage view's state turned into what the webview draws: every word translated here, so the
 * webview only lays out strings and numbers. Pure: the translator comes in as an argument (the view
 * passes `vscode.l10n`), and every string is a literal argument of `l10n.t`, so the manifest test
 * finds each one and its Japanese translation.
 */

import type { Locale } from '../../core/text/locale';
import { quotaTokenSeries } from '../../core/usage/quotaMath';
import { ownQuota, quotasForDisplay } from '../../core/usage/quotaMatch';
import type { ModelQuota, ModelQuotas, ModelSeries, ModelUsageSummary, QuotaMeasure, Recommendation, UsageReport } from '../../core/usage/quotaTypes';
import { ALERT_PERCENT } from '../../core/usage/quotaTypes';
import { alertText, formatCount, formatUsd, measureText, problemText, recommendationText, routingText } from '../../core/usage/usageText';
import { stateText } from '../../core/alarms/alarmText';
import type {
  AdminModel,
  AlarmModel,
  ChartModel,
  ChartsModel,
  FigureModel,
  HeaderModel,
  ModelSectionModel,
  QuotaRowModel,
  QuotaTableModel,
  RecommendationModel,
  StatusModel,
  UsageViewModel,
} from '../../webview/usage/protocol';
import type { UsageViewState } from './usageSource';

/** The part of `vscode.l10n` the view model uses: VS Code's own, or a stand-in in tests. */
export interface Translator {
  t(message: string, ...args: (string | number)[]): string;
}

export interface ViewModelOptions {
  readonly locale: Locale;
  readonly l10n: Translator;
}

/** Throttled periods listed by time before the rest are counted as "+N more". */
export const THROTTLED_TIMES_SHOWN = 10;

const MEASURE_ORDER: Readonly<Record<QuotaMeasure, number>> = { 'tokens-per-minute': 0, 'requests-per-minute': 1, 'tokens-per-day': 2 };

/** The view model of one state of the usage view. */
export function toViewModel(state: UsageViewState, options: ViewModelOptions): UsageViewModel {
  const { l10n } = options;
  const report = state.report;
  const base = {
    lang: options.locale,
    range: state.range,
    header: headerModel(state, options),
    status: statusModel(state, options),
    problems: [] as string[],
    notes: [] as string[],
    stale: false,
    models: [] as ModelSectionModel[],
  };
  if (state.notConfigured !== undefined) {
    return { ...base, notConfigured: notConfiguredModel(state.notConfigured, options) };
  }
  const error = state.lastError === undefined ? undefined : l10n.t('The last refresh failed: {0}', state.lastError);
  if (report === undefined) {
    const placeholder = state.refreshing ? l10n.t('Loading…') : error === undefined ? l10n.t('No data yet.') : undefined;
    return { ...base, ...(placeholder === undefined ? {} : { placeholder }), ...(error === undefined ? {} : { error }) };
  }
  const alert = report.alert === undefined ? undefined : alertText(report.alert, options.locale);
  const cost = costModel(report, options);
  const alarmsNote =
    report.alarms === undefined || report.alarms.ok
      ? undefined
      : report.alarms.missingPermission !== undefined
        ? l10n.t('The alarms\' state is not verified: your identity may not call {0}.', report.alarms.missingPermission)
        : l10n.t('The alarms\' state is not verified: DescribeAlarms failed ({0}).', report.alarms.error.name ?? report.alarms.error.operation);
  return {
    ...base,
    admin: adminModel(options),
    ...(alarmsNote === undefined ? {} : { alarmsNote }),
    ...(error === undefined ? {} : { error }),
    ...(alert === undefined || report.alert === undefined ? {} : { alert: { text: alert, level: report.alert.state } }),
    problems: report.problems.map((problem) => problemText(problem, options.locale)),
    notes: report.series?.partial ? [l10n.t('CloudWatch returned partial data: some periods may be missing.')] : [],
    ...(cost === undefined ? {} : { cost }),
    stale: report.range !== state.range,
    models: report.modelIds.map((modelId) => modelSection(report, modelId, options)),
  };
}

function adminModel({ l10n }: ViewModelOptions): AdminModel {
  return {
    label: l10n.t('Team admin'),
    actions: [
      { action: 'createAlarms', label: l10n.t('Alarms…'), tooltip: l10n.t('Create or update CloudWatch alarms on throttling and quota use, after a preview') },
      { action: 'createDashboard', label: l10n.t('Dashboard…'), tooltip: l10n.t('Create or update the team\'s CloudWatch dashboard, after a preview') },
      { action: 'openDashboard', label: l10n.t('Open dashboard'), tooltip: l10n.t('Open the team dashboard of this Region in the CloudWatch console') },
      { action: 'exportAdminStack', label: l10n.t('Admin stack…'), tooltip: l10n.t('The whole team setup as one CloudFormation template') },
    ],
  };
}

function alarmsModel(report: UsageReport, modelId: string, { l10n, locale }: ViewModelOptions): ModelSectionModel['alarms'] {
  if (report.alarms === undefined || !report.alarms.ok) return undefined;
  const items: AlarmModel[] = report.alarms.alarms
    .filter((alarm) => alarm.modelId === modelId)
    .map((alarm) => ({
      name: alarm.name,
      label: alarm.kind === 'throttles' ? l10n.t('Throttled requests') : l10n.t('Tokens per minute against the quota'),
      state: alarm.state,
      stateText: stateText(alarm.state, locale),
      ...(alarm.updatedAt === undefined ? {} : { since: alarm.updatedAt }),
      ...(alarm.reason === undefined ? {} : { reason: alarm.reason }),
    }));
  return items.length === 0 ? undefined : { label: l10n.t('Alarms'), items };
}

function headerModel(state: UsageViewState, { l10n }: ViewModelOptions): HeaderModel {
  const region = state.report?.region;
  const context =
    state.profile !== undefined && region !== undefined
      ? l10n.t('Profile {0} · Region {1}', state.profile, region)
      : state.profile !== undefined
        ? l10n.t('Profile {0}', state.profile)
        : region !== undefined
          ? l10n.t('Region {0}', region)
          : undefined;
  return {
    rangeGroupLabel: l10n.t('Time range'),
    ranges: [
      { range: '1h', label: l10n.t('1 h'), tooltip: l10n.t('The last hour, per minute') },
      { range: '24h', label: l10n.t('24 h'), tooltip: l10n.t('The last 24 hours, per 5 minutes') },
      { range: '7d', label: l10n.t('7 d'), tooltip: l10n.t('The last 7 days, per hour') },
    ],
    refresh: l10n.t('Refresh'),
    ...(context === undefined ? {} : { context }),
  };
}

/** Templates the webview fills in keep their `{0}`: passed explicitly, so no translator drops it. */
const PLACEHOLDER = '{0}';

function statusModel(state: UsageViewState, { l10n }: ViewModelOptions): StatusModel {
  return {
    ...(state.report === undefined ? {} : { updatedAt: state.report.generatedAt }),
    age: {
      justNow: l10n.t('Updated just now'),
      minutes: l10n.t('Updated {0} min ago', PLACEHOLDER),
      hours: l10n.t('Updated {0} h ago', PLACEHOLDER),
      days: l10n.t('Updated {0} d ago', PLACEHOLDER),
    },
    ...(state.refreshing ? { refreshing: l10n.t('Refreshing…') } : {}),
    ...(state.backingOff && state.nextRefreshAt !== undefined && !state.refreshing
      ? { retry: { at: state.nextRefreshAt, template: l10n.t('Retrying in {0} s after errors', PLACEHOLDER) } }
      : {}),
  };
}

function notConfiguredModel(reason: NonNullable<UsageViewState['notConfigured']>, { l10n }: ViewModelOptions): UsageViewModel['notConfigured'] {
  const wizardButton = l10n.t('Run Setup Wizard');
  switch (reason) {
    case 'no-setup':
      return { message: l10n.t('Claude Code is not set up for Amazon Bedrock in this workspace. Quotas and usage appear here once it is.'), wizardButton };
    case 'no-region':
      return { message: l10n.t('No AWS Region is set for Claude Code (AWS_REGION): quotas and usage are read in that Region.'), wizardButton };
    case 'no-models':
      return { message: l10n.t('No model is configured for Claude Code (ANTHROPIC_MODEL): quotas and usage are shown per model.'), wizardButton };
    case 'restricted':
      // The wizard writes nothing in Restricted Mode: offering it would only lead to a refusal.
      return { message: l10n.t('Restricted Mode: quotas and usage are read once you trust this workspace.') };
  }
}

function costModel(report: UsageReport, { l10n, locale }: ViewModelOptions): UsageViewModel['cost'] {
  const cost = report.cost;
  if (cost?.usd === undefined) return undefined;
  const usd = formatUsd(cost.usd, locale);
  const premium = cost.premiumUsd;
  let text: string;
  if (premium !== undefined && premium >= 0.005) {
    // The premium of `jp.` profiles is the one users ask about; other geographies get the general word.
    text = report.modelIds.some((modelId) => modelId.startsWith('jp.'))
      ? l10n.t('{0} for this range, of which {1} is the Japan premium over global prices', usd, formatUsd(premium, locale))
      : l10n.t('{0} for this range, of which {1} is the geographic premium over global prices', usd, formatUsd(premium, locale));
  } else {
    text = l10n.t('{0} for this range at list prices', usd);
  }
  return { text, tooltip: l10n.t('Estimated from the token counts at list prices as of {0}; your bill may differ (discounts, credits, taxes).', cost.pricesAsOf) };
}

/** A rate per minute for reading: one decimal below 10, since coarse ranges give fractional rates (0.4 requests per minute). */
function rateNumber(value: number, locale: Locale): string {
  return value >= 10 ? formatCount(value, locale) : String(Math.round(value * 10) / 10);
}

function percentText(percent: number): string {
  return `${percent >= 10 ? Math.round(percent) : Math.round(percent * 10) / 10}%`;
}

function modelSection(report: UsageReport, modelId: string, options: ViewModelOptions): ModelSectionModel {
  const { l10n, locale } = options;
  const summary = report.models?.find((model) => model.modelId === modelId);
  const quotas = report.quotas?.find((model) => model.modelId === modelId);
  const series = report.series?.models.find((model) => model.modelId === modelId);
  const routing = summary?.routing ?? quotas?.routing;
  const notes: string[] = [];
  const traffic = summary !== undefined && summary.invocations + summary.throttles + summary.tokens.input + summary.tokens.output > 0;
  let charts: ChartsModel | undefined;
  if (report.series !== undefined && summary !== undefined && series !== undefined) {
    if (traffic) charts = chartsModel(report, summary, series, quotas, options);
    else notes.push(l10n.t('No requests in this range.'));
  }
  if (quotas !== undefined && quotas.quotas.length === 0) notes.push(l10n.t('No Bedrock quota of this model was found in this Region.'));
  const throttled = summary === undefined ? undefined : throttledModel(summary, report.series?.periodSeconds ?? 60, options);
  const alarms = alarmsModel(report, modelId, options);
  return {
    modelId,
    ...(routing === undefined ? {} : { routing: routingText(routing, locale) }),
    // Figures of a model without traffic would be a column of zeros: its note says it better.
    figures: summary === undefined || !traffic ? [] : figures(summary, options),
    ...(throttled === undefined ? {} : { throttled }),
    ...(charts === undefined ? {} : { charts }),
    notes,
    ...(quotas === undefined || quotas.quotas.length === 0 ? {} : { quotaTable: quotaTable(quotas, options) }),
    recommendations: report.recommendations.filter((recommendation) => recommendation.modelId === modelId).map((recommendation) => recommendationModel(recommendation, options)),
    ...(alarms === undefined ? {} : { alarms }),
  };
}

function figures(summary: ModelUsageSummary, { l10n, locale }: ViewModelOptions): FigureModel[] {
  const rate = (value: number, percent: number | undefined): string =>
    percent === undefined ? rateNumber(value, locale) : l10n.t('{0} ({1} of quota)', rateNumber(value, locale), percentText(percent));
  const level = (percent: number | undefined): { level?: 'warning' } => (percent !== undefined && percent >= ALERT_PERCENT ? { level: 'warning' } : {});
  const result: FigureModel[] = [
    { label: l10n.t('Peak tokens per minute'), value: rate(summary.tpm.peak, summary.tpm.peakPercent), ...level(summary.tpm.peakPercent) },
    { label: l10n.t('Typical tokens per minute'), value: rate(summary.tpm.typical, summary.tpm.typicalPercent), ...level(summary.tpm.typicalPercent) },
    { label: l10n.t('Peak requests per minute'), value: rate(summary.rpm.peak, summary.rpm.peakPercent), ...level(summary.rpm.peakPercent) },
  ];
  if (summary.tokensPerDay !== undefined) {
    result.push({ label: l10n.t('Tokens on the busiest day'), value: rate(summary.tokensPerDay.peak, summary.tokensPerDay.peakPercent), ...level(summary.tokensPerDay.peakPercent) });
  }
  result.push(
    { label: l10n.t('Requests'), value: formatCount(summary.invocations, locale) },
    { label: l10n.t('Throttled requests'), value: formatCount(summary.throttles, locale), ...(summary.throttles > 0 ? { level: 'warning' as const } : {}) },
    { label: l10n.t('Throttle rate'), value: percentText(summary.throttleRate * 100), ...(summary.throttles > 0 ? { level: 'warning' as const } : {}) },
  );
  if (summary.cost.usd !== undefined) result.push({ label: l10n.t('Cost at list prices'), value: formatUsd(summary.cost.usd, locale) });
  return result;
}

function throttledModel(summary: ModelUsageSummary, periodSeconds: number, { l10n }: ViewModelOptions): ModelSectionModel['throttled'] {
  const periods = summary.throttledPeriods;
  if (periods.length === 0) return undefined;
  const label =
    periodSeconds === 60
      ? l10n.t('Throttled minutes')
      : periodSeconds === 300
        ? l10n.t('Throttled 5-minute periods')
        : periodSeconds === 3600
          ? l10n.t('Throttled hours')
          : l10n.t('Throttled periods');
  const hidden = periods.length - THROTTLED_TIMES_SHOWN;
  return { label, times: periods.slice(0, THROTTLED_TIMES_SHOWN), withDate: periodSeconds >= 3600, ...(hidden > 0 ? { more: l10n.t('+{0} more', hidden) } : {}) };
}

function chartsModel(report: UsageReport, summary: ModelUsageSummary, series: ModelSeries, quotas: ModelQuotas | undefined, options: ViewModelOptions): ChartsModel {
  const { l10n } = options;
  const usage = report.series!;
  const perMinute = 60 / usage.periodSeconds;
  const metrics = series.metrics;
  // CloudWatch leaves out the periods without traffic: a period that has begun and has no point is
  // a zero for these counts, not a gap.
  const zeroOrGap = (index: number): number | null => (usage.times[index]! <= report.generatedAt ? 0 : null);
  // Quota tokens exactly as the summary counts them.
  const tokens = quotaTokenSeries(series, summary.reservation.burndown).map((value, index) => (value === null ? zeroOrGap(index) : value * perMinute));
  const requests = usage.times.map((_time, index) => {
    const value = metrics.Invocations[index];
    return value === null || value === undefined ? zeroOrGap(index) : value * perMinute;
  });
  const throttles = usage.times.map((_time, index) => metrics.InvocationThrottles[index] ?? zeroOrGap(index));
  const own = (measure: QuotaMeasure, fromSummary: ModelQuota | undefined): ModelQuota | undefined => fromSummary ?? (quotas === undefined ? undefined : ownQuota(quotas, measure));
  const throttleCaption =
    usage.periodSeconds === 60
      ? l10n.t('Throttled requests per minute')
      : usage.periodSeconds === 300
        ? l10n.t('Throttled requests per 5 minutes')
        : usage.periodSeconds === 3600
          ? l10n.t('Throttled requests per hour')
          : l10n.t('Throttled requests per period');
  // The charts keep the range's period: at 5 minutes or an hour each point is that period's average
  // per minute, and the caption says so. The figures above them are the busiest single minute.
  const tokensCaption =
    usage.periodSeconds === 60
      ? l10n.t('Tokens per minute')
      : usage.periodSeconds === 300
        ? l10n.t('Tokens per minute, 5-minute averages')
        : usage.periodSeconds === 3600
          ? l10n.t('Tokens per minute, hourly averages')
          : l10n.t('Tokens per minute, period averages');
  const requestsCaption =
    usage.periodSeconds === 60
      ? l10n.t('Requests per minute')
      : usage.periodSeconds === 300
        ? l10n.t('Requests per minute, 5-minute averages')
        : usage.periodSeconds === 3600
          ? l10n.t('Requests per minute, hourly averages')
          : l10n.t('Requests per minute, period averages');
  const averaged = usage.periodSeconds !== 60;
  const throttledCount = throttles.filter((value) => value !== null && value > 0).length;
  const throttledTotal = throttles.reduce<number>((total, value) => total + (value ?? 0), 0);
  return {
    times: usage.times,
    periodMs: usage.periodSeconds * 1000,
    withDate: usage.periodSeconds >= 3600,
    tokens: lineChart(tokensCaption, tokens, own('tokens-per-minute', summary.tpm.quota), averaged, options),
    requests: lineChart(requestsCaption, requests, own('requests-per-minute', summary.rpm.quota), averaged, options),
    throttles: {
      caption: throttleCaption,
      ariaLabel:
        throttledTotal > 0
          ? l10n.t('{0}: {1} throttled requests in {2} periods', throttleCaption, formatCount(throttledTotal, options.locale), throttledCount)
          : l10n.t('{0}: none', throttleCaption),
      values: throttles,
    },
  };
}

/** A chart of per-minute rates; `averaged` when its points are averages of longer periods (its highest point is then no peak). */
function lineChart(caption: string, values: readonly (number | null)[], quota: ModelQuota | undefined, averaged: boolean, { l10n, locale }: ViewModelOptions): ChartModel {
  const peak = values.reduce<number>((highest, value) => (value !== null && value > highest ? value : highest), 0);
  const peakText = rateNumber(peak, locale);
  if (quota === undefined) {
    return { caption, ariaLabel: averaged ? l10n.t('{0}: highest {1}, no quota known', caption, peakText) : l10n.t('{0}: peak {1}, no quota known', caption, peakText), values };
  }
  const quotaText = formatCount(quota.value, locale);
  return {
    caption,
    ariaLabel: averaged ? l10n.t('{0}: highest {1}, quota {2}', caption, peakText, quotaText) : l10n.t('{0}: peak {1}, quota {2}', caption, peakText, quotaText),
    values,
    quota: quota.value,
    quotaLabel: l10n.t('Quota {0}', quotaText),
  };
}

function quotaTable(quotas: ModelQuotas, { l10n, locale }: ViewModelOptions): QuotaTableModel {
  const status = (value: string): string => (value === 'PENDING' ? l10n.t('pending') : value === 'CASE_OPENED' ? l10n.t('case opened') : value.toLowerCase().replace(/_/g, ' '));
  const rows = quotasForDisplay(quotas)
    .sort(
      (a, b) =>
        Number(b.routing === quotas.routing) - Number(a.routing === quotas.routing) ||
        a.routing.localeCompare(b.routing) ||
        MEASURE_ORDER[a.measure] - MEASURE_ORDER[b.measure] ||
        Number(a.longContext) - Number(b.longContext),
    )
    .map((quota): QuotaRowModel => {
      const measure = measureText(quota.measure, locale);
      const request = quota.pending[0];
      return {
        code: quota.code,
        name: quota.name,
        measure: quota.longContext ? l10n.t('{0}, 1M context', measure) : measure,
        routing: routingText(quota.routing, locale),
        value: formatCount(quota.value, locale),
        defaultValue: quota.defaultValue === undefined ? '—' : formatCount(quota.defaultValue, locale),
        adjustable: quota.adjustable ? l10n.t('yes') : l10n.t('no'),
        pending: request === undefined ? '' : l10n.t('{0} requested, {1}', formatCount(request.desiredValue, locale), status(request.status)),
        own: quota.routing === quotas.routing,
      };
    });
  return {
    columns: {
      measure: l10n.t('Quota'),
      routing: l10n.t('Routing'),
      value: l10n.t('Value'),
      defaultValue: l10n.t('AWS default'),
      adjustable: l10n.t('Adjustable'),
      pending: l10n.t('Open request'),
    },
    rows,
  };
}

function recommendationModel(recommendation: Recommendation, { l10n, locale }: ViewModelOptions): RecommendationModel {
  const text = recommendationText(recommendation, locale);
  if (recommendation.code !== 'request-increase') return { code: recommendation.code, title: text.title, detail: text.detail };
  return {
    code: recommendation.code,
    title: text.title,
    detail: text.detail,
    increase: {
      modelId: recommendation.modelId,
      quotaCode: recommendation.quota.code,
      desiredValue: recommendation.desiredValue,
      button: l10n.t('Request increase…'),
      ...(recommendation.alreadyRequested ? { requested: l10n.t('requested') } : {}),
    },
  };
}
