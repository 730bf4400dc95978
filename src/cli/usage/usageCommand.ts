/**
 * `claude-bedrock quotas` and `claude-bedrock usage`: the sidebar's quota and usage diagnostics for
 * terminals and CI. Models, profile and Region come from the options or the folder's Claude
 * settings. Exit code 1 when a part could not be read (which permission is missing is said).
 */

import type { Environment } from '../../aws/profiles/awsFiles';
import { loadAwsLayer } from '../../aws/loadLayer';
import type { CredentialTarget } from '../../aws/clients';
import { describeDiagnosis } from '../../core/models/diagnosis';
import type { Locale } from '../../core/text/locale';
import { quotasForDisplay } from '../../core/usage/quotaMatch';
import type { ModelQuota, ModelQuotas, ModelUsageSummary, UsageRange, UsageReport } from '../../core/usage/quotaTypes';
import { USAGE_RANGES } from '../../core/usage/quotaTypes';
import { alertText, formatCount, formatUsd, measureText, problemText, recommendationText, routingText } from '../../core/usage/usageText';
import { UsageError, type CommandOutput } from '../output';
import { REPORT_SCHEMA_VERSION } from '../report';
import { printable, renderTable } from '../table';
import { profileMissingText, targetJson, targetText } from '../target';
import { cliText } from '../text';
import { resolveUsageTarget, type UsageTarget } from './usageTarget';
import { usageCliText as t } from './usageText';

export interface UsageCommandOptions {
  readonly profile?: string;
  readonly region?: string;
  readonly models?: readonly string[];
  readonly folder?: string;
  readonly range?: string;
  readonly timeoutMs: number;
  readonly json: boolean;
  readonly locale: Locale;
  readonly env: Environment;
  readonly cwd: string;
}

/** `--range`, checked. */
export function rangeOption(value: string | undefined, locale: Locale): UsageRange {
  if (value === undefined) return '1h';
  if (Object.prototype.hasOwnProperty.call(USAGE_RANGES, value)) return value as UsageRange;
  throw new UsageError(t(locale, 'badRange', { value }));
}

/** The target with models and a Region, or a usage error saying what to pass. */
export async function usageTarget(options: UsageCommandOptions): Promise<UsageTarget & { readonly region: string }> {
  const { locale } = options;
  const resolved = await resolveUsageTarget(options);
  if (resolved.target.type === 'profile' && !resolved.profile) throw new UsageError(profileMissingText(resolved.target.profile, resolved.discovery, locale));
  if (resolved.modelIds.length === 0) throw new UsageError(t(locale, 'noModels'));
  if (!resolved.region) throw new UsageError(cliText(locale, 'noRegion', { target: targetText(resolved.target, locale) }));
  return { ...resolved, region: resolved.region };
}

export type FetchOutcome = { readonly ok: true; readonly report: UsageReport } | { readonly ok: false; readonly cause: string; readonly fix: string };

/** One refresh through the AWS layer; a credentials failure in words. */
export async function fetchReport(target: CredentialTarget, region: string, resolved: UsageTarget, range: UsageRange, options: UsageCommandOptions, quotasOnly: boolean): Promise<FetchOutcome> {
  const { fetchUsageReport } = await loadAwsLayer();
  const result = await fetchUsageReport({ target, region, modelIds: resolved.modelIds, range, maxOutputTokens: resolved.maxOutputTokens, timeoutMs: options.timeoutMs, quotasOnly });
  if (result.ok) return { ok: true, report: result.report };
  const text = describeDiagnosis(result.credentials, options.locale);
  return { ok: false, cause: text.cause, fix: text.fix };
}

/** The report for JSON output: every problem and recommendation with its words. */
/**
 * The report as `--json` prints it. The one-minute peak series are left out (for 7d they are 10,080
 * points per metric and model): their result is in each model's `tpm` and `rpm`; `series` keeps the
 * chart's periods as before.
 */
export function reportJson(report: UsageReport, locale: Locale) {
  const { peaks: _peaks, ...chart } = report.series ?? { peaks: undefined };
  return {
    ...report,
    ...(report.series ? { series: chart } : {}),
    problems: report.problems.map((problem) => ({ ...problem, message: problemText(problem, locale) })),
    recommendations: report.recommendations.map((recommendation) => ({ ...recommendation, ...recommendationText(recommendation, locale) })),
    ...(report.alert ? { alert: { ...report.alert, message: alertText(report.alert, locale) } } : {}),
  };
}

function percent(value: number | undefined): string {
  return value === undefined ? '?' : String(Math.round(value));
}

function ofQuota(quota: ModelQuota | undefined, percentValue: number | undefined, locale: Locale): string {
  return quota ? t(locale, 'ofQuota', { percent: percent(percentValue), quota: formatCount(quota.value, locale) }) : '';
}

function quotaLabel(quota: ModelQuota, locale: Locale): string {
  const measure = measureText(quota.measure, locale);
  return quota.longContext ? t(locale, 'longContext', { measure }) : measure;
}

/** The quota table of one model: its own routing first, then the others. */
export function quotaLines(model: ModelQuotas, region: string, locale: Locale): string[] {
  if (model.quotas.length === 0) return [`  ${t(locale, 'noQuotasFound', { region })}`];
  const own = (quota: ModelQuota) => quota.routing === model.routing;
  const sorted = quotasForDisplay(model).sort((a, b) => Number(own(b)) - Number(own(a)));
  const rows = sorted.map((quota) => [
    quotaLabel(quota, locale),
    `${routingText(quota.routing, locale)}${own(quota) ? ` ${t(locale, 'ownRouting')}` : ''}`,
    formatCount(quota.value, locale),
    quota.defaultValue === undefined ? '-' : formatCount(quota.defaultValue, locale),
    t(locale, quota.adjustable ? 'yes' : 'no'),
    quota.pending.map((request) => t(locale, 'pending', { value: formatCount(request.desiredValue, locale), status: request.status })).join(', ') || '-',
    quota.code,
  ]);
  const header = ['headerMeasure', 'headerRouting', 'headerValue', 'headerDefault', 'headerAdjustable', 'headerPending', 'headerCode'] as const;
  return renderTable(header.map((key) => t(locale, key)), rows)
    .split('\n')
    .map((line) => `  ${line}`);
}

function timeText(at: number, range: UsageRange, locale: Locale, timeZone: string | undefined): string {
  const options: Intl.DateTimeFormatOptions = range === '7d' ? { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false } : { hour: '2-digit', minute: '2-digit', hour12: false };
  return new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-GB', { ...options, ...(timeZone ? { timeZone } : {}) }).format(at);
}

const SHOWN_TIMES = 10;

/** The usage figures of one model. */
export function usageLines(summary: ModelUsageSummary, range: UsageRange, locale: Locale, timeZone?: string): string[] {
  const lines: string[] = [];
  const count = (value: number) => formatCount(Math.round(value), locale);
  const total = summary.invocations + summary.throttles;
  if (total === 0) return [`  ${t(locale, 'noTraffic')}`];
  lines.push(t(locale, 'tpmLine', { peak: count(summary.tpm.peak), ofQuota: ofQuota(summary.tpm.quota, summary.tpm.peakPercent, locale), typical: count(summary.tpm.typical) }));
  lines.push(t(locale, 'rpmLine', { peak: count(summary.rpm.peak), ofQuota: ofQuota(summary.rpm.quota, summary.rpm.peakPercent, locale), typical: count(summary.rpm.typical) }));
  if (summary.tokensPerDay) lines.push(t(locale, 'tpdLine', { peak: count(summary.tokensPerDay.peak), ofQuota: ofQuota(summary.tokensPerDay.quota, summary.tokensPerDay.peakPercent, locale) }));
  if (summary.throttles > 0) {
    const shown = summary.throttledPeriods.slice(-SHOWN_TIMES).map((at) => timeText(at, range, locale, timeZone));
    const more = summary.throttledPeriods.length - shown.length;
    lines.push(
      t(locale, 'throttleLine', {
        throttles: count(summary.throttles),
        rate: (summary.throttleRate * 100).toFixed(1),
        total: count(total),
        periods: summary.throttledPeriods.length,
        times: `: ${shown.join(', ')}${more > 0 ? ` (+${more})` : ''}`,
      }),
    );
  } else {
    lines.push(t(locale, 'noThrottles', { total: count(total) }));
  }
  lines.push(t(locale, 'errorsLine', { client: count(summary.clientErrors), server: count(summary.serverErrors), latency: summary.averageLatencyMs === undefined ? '-' : count(summary.averageLatencyMs) }));
  const reservation = summary.reservation;
  lines.push(
    t(locale, 'reservationLine', {
      max: count(reservation.maxOutputTokens),
      source: t(locale, reservation.maxOutputTokensSource === 'settings' ? 'sourceSettings' : 'sourceDefault'),
      rpm: count(summary.rpm.peak),
      reserved: count(reservation.peakReservedTpm),
      ofQuota: ofQuota(summary.tpm.quota, reservation.peakReservedPercent, locale),
    }),
  );
  const cost = summary.cost;
  lines.push(
    cost.usd === undefined
      ? t(locale, 'unknownCost')
      : t(locale, 'costLine', { usd: formatUsd(cost.usd, locale), premium: cost.premiumUsd ? t(locale, 'premium', { premium: formatUsd(cost.premiumUsd, locale) }) : '' }),
  );
  return lines.map((line) => `  ${line}`);
}

/** The range in words (`last hour, 1-minute periods`). */
export function rangeText(range: UsageRange, locale: Locale): string {
  return t(locale, range === '1h' ? 'range1h' : range === '24h' ? 'range24h' : 'range7d');
}

/** Recommendations, problems and the alert, shared by `usage` and `quotas`. */
function adviceLines(report: UsageReport, locale: Locale): string[] {
  const lines: string[] = [];
  if (report.alert && report.alert.state === 'warning') lines.push('', `⚠ ${t(locale, 'alert', { text: alertText(report.alert, locale) ?? '' })}`);
  if (report.series?.partial) lines.push('', `⚠ ${t(locale, 'partial')}`);
  if (report.recommendations.length > 0) {
    lines.push('', t(locale, 'recommendations'));
    for (const recommendation of report.recommendations) {
      const text = recommendationText(recommendation, locale);
      lines.push(`  → ${printable(text.title)}`, `    ${printable(text.detail)}`);
    }
  }
  if (report.problems.length > 0) {
    lines.push('', t(locale, 'problems'));
    for (const problem of report.problems) lines.push(`  ✖ ${printable(problemText(problem, locale))}`);
  }
  return lines;
}

function failureOutput(outcome: Extract<FetchOutcome, { ok: false }>, options: UsageCommandOptions, target: CredentialTarget, region: string): CommandOutput {
  if (options.json) {
    return { stdout: JSON.stringify({ schemaVersion: REPORT_SCHEMA_VERSION, target: targetJson(target), region, error: { cause: outcome.cause, fix: outcome.fix } }, null, 2), exitCode: 1 };
  }
  return { stdout: `✖ ${printable(outcome.cause)}\n  ${cliText(options.locale, 'fixLabel')}: ${printable(outcome.fix)}`, exitCode: 1 };
}

export async function quotasCommand(options: UsageCommandOptions): Promise<CommandOutput> {
  const { locale } = options;
  const resolved = await usageTarget(options);
  const outcome = await fetchReport(resolved.target, resolved.region, resolved, '1h', options, true);
  if (!outcome.ok) return failureOutput(outcome, options, resolved.target, resolved.region);
  const report = outcome.report;
  const exitCode = report.problems.length > 0 ? 1 : 0;
  if (options.json) {
    const json = reportJson(report, locale);
    return { stdout: JSON.stringify({ schemaVersion: REPORT_SCHEMA_VERSION, target: targetJson(resolved.target), region: resolved.region, modelIds: report.modelIds, quotas: json.quotas ?? null, problems: json.problems }, null, 2), exitCode };
  }
  const lines = [t(locale, 'quotasTitle', { target: targetText(resolved.target, locale), region: printable(resolved.region) })];
  for (const model of report.quotas ?? []) {
    lines.push('', `${printable(model.modelId)}${model.routing ? ` — ${routingText(model.routing, locale)}` : ''}`, ...quotaLines(model, resolved.region, locale));
  }
  lines.push(...adviceLines({ ...report, recommendations: [] }, locale));
  return { stdout: lines.join('\n'), exitCode };
}

export async function usageCommand(options: UsageCommandOptions): Promise<CommandOutput> {
  const { locale } = options;
  const range = rangeOption(options.range, locale);
  const resolved = await usageTarget(options);
  const outcome = await fetchReport(resolved.target, resolved.region, resolved, range, options, false);
  if (!outcome.ok) return failureOutput(outcome, options, resolved.target, resolved.region);
  const report = outcome.report;
  const exitCode = report.problems.length > 0 ? 1 : 0;
  if (options.json) {
    return { stdout: JSON.stringify({ schemaVersion: REPORT_SCHEMA_VERSION, target: targetJson(resolved.target), ...reportJson(report, locale) }, null, 2), exitCode };
  }
  const lines = [t(locale, 'usageTitle', { target: targetText(resolved.target, locale), region: printable(resolved.region), range: rangeText(range, locale) })];
  const quotasOf = new Map((report.quotas ?? []).map((model) => [model.modelId, model]));
  for (const summary of report.models ?? []) {
    const routing = summary.routing ?? quotasOf.get(summary.modelId)?.routing;
    lines.push('', `${printable(summary.modelId)}${routing ? ` — ${routingText(routing, locale)}` : ''}`, ...usageLines(summary, range, locale, options.env.TZ));
  }
  if (report.cost?.usd !== undefined) {
    lines.push('', t(locale, 'totalCost', { usd: formatUsd(report.cost.usd, locale), premium: report.cost.premiumUsd ? t(locale, 'premium', { premium: formatUsd(report.cost.premiumUsd, locale) }) : '', asOf: report.cost.pricesAsOf }));
  }
  lines.push(...adviceLines(report, locale));
  return { stdout: lines.join('\n'), exitCode };
}
