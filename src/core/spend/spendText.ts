/**
 * The words of actual spend, in English and Japanese: the months from Cost Explorer split by model
 * and token kind, the forecast, the CloudWatch estimate beside them and why the two differ, the
 * age of the cached read, and the filter that decides what counts as Claude on Bedrock.
 */

import { format, type Locale } from '../text/locale';
import { formatCount, formatUsd } from '../usage/usageText';
import { MAX_SPEND_PAGES, PAGE_LIMIT_REACHED, type MonthSpend, type SpendReport, type TokenKind } from './spendTypes';

const en = {
  title: 'Actual spend of Claude on Bedrock (Cost Explorer)',
  read: 'Cost Explorer read {age}; it is asked at most once an hour (each request is billed) and cached in between.',
  month: '{month}: {usd}',
  toDate: '{month} to date: {usd}',
  byModel: 'by model: {list}',
  byKind: 'by token kind: {list}',
  kind: { input: 'input', output: 'output', cacheRead: 'cache read', cacheWrite: 'cache write', other: 'other' } as Record<TokenKind, string>,
  forecast: 'Forecast for {month}: {usd} (80% interval {lower} – {upper})',
  forecastPlain: 'Forecast for {month}: {usd}',
  forecastUnavailable: 'Forecast: Cost Explorer has too little history to forecast this month.',
  forecastWithoutAmount: 'Forecast: not verified. Cost Explorer answered GetCostForecast without a total amount, so there is no forecast (it is not $0). Refresh later; if it persists, check any proxy or gateway between you and Cost Explorer.',
  estimate: 'Estimate from CloudWatch metrics, {from} – {to}: {usd} ({tokens} tokens of {models} in {region}, list prices as of {asOf})',
  estimateUnpriced: 'Estimate from CloudWatch metrics: not priced ({models} include a model the price table does not know).',
  noEstimate: 'No CloudWatch estimate: no configured model to read metrics for.',
  estimatePartial: 'Partial, not verified: CloudWatch answered only part of these metrics (a series cut short or a query without an answer), so the estimate counts only what was read and may be too low. Refresh to read them again.',
  difference: 'Cost Explorer minus the estimate: {difference}.',
  why:
    'Why they differ: the estimate covers only {models} in {region} at list prices; Cost Explorer covers every model and Region of the account (and its linked accounts for a payer), at the prices of your agreement (discounts, credits, tax), and its figures lag by up to a day.',
  filter: 'What counts as Claude on Bedrock: the Cost Explorer SERVICE values that name Claude ({services}), and Amazon Bedrock rows whose usage type names Claude.',
  noServices: 'Cost Explorer lists no Claude service in this period.',
  pageLimit: 'Not verified: Cost Explorer answered {operation} with more than {pages} pages and only the first {pages} were read (each page is billed), so this read\'s figures are not shown. See this account\'s costs in the Cost Explorer console.',
  age: { justNow: 'just now', minutes: '{n} min ago', hours: '{n} h ago', days: '{n} d ago' },
};

type SpendTextTable = typeof en;

const ja: SpendTextTable = {
  title: 'Bedrock 上の Claude の実コスト (Cost Explorer)',
  read: 'Cost Explorer の読み取り: {age}。リクエストごとに課金されるため、読み取りは 1 時間に 1 回までとし、その間はキャッシュを表示します。',
  month: '{month}: {usd}',
  toDate: '{month} (今日まで): {usd}',
  byModel: 'モデル別: {list}',
  byKind: 'トークン種別: {list}',
  kind: { input: '入力', output: '出力', cacheRead: 'キャッシュ読取', cacheWrite: 'キャッシュ書込', other: 'その他' },
  forecast: '{month} の予測: {usd} (80% 区間 {lower} – {upper})',
  forecastPlain: '{month} の予測: {usd}',
  forecastUnavailable: '予測: 履歴が足りないため、Cost Explorer は今月の予測を出せません。',
  forecastWithoutAmount: '予測: 未確認です。Cost Explorer の GetCostForecast の応答に合計金額がないため、予測はありません ($0 ではありません)。後で更新してください。解決しない場合は、Cost Explorer との間のプロキシやゲートウェイを確認してください。',
  estimate: 'CloudWatch メトリクスからの見積もり ({from} – {to}): {usd} ({region} の {models} の {tokens} トークン、{asOf} 時点の定価)',
  estimateUnpriced: 'CloudWatch メトリクスからの見積もり: 価格表にないモデルが含まれるため金額を出せません ({models})。',
  noEstimate: 'CloudWatch の見積もりなし: メトリクスを読む設定済みモデルがありません。',
  estimatePartial: '一部のみ・未確認: CloudWatch はこれらのメトリクスの一部にしか応答しませんでした (途中で切れた系列か、応答のないクエリがあります)。見積もりは読み取れた分だけを数えており、実際より低い可能性があります。更新して読み直してください。',
  difference: 'Cost Explorer と見積もりの差: {difference}。',
  why:
    '差が出る理由: 見積もりは {region} の {models} だけを定価で計算したものです。Cost Explorer はアカウントのすべてのモデルとリージョン (支払いアカウントならリンクされたアカウントも) を、契約上の価格 (割引、クレジット、税) で集計し、反映が最大 1 日遅れます。',
  filter: 'Bedrock 上の Claude として数えるもの: Claude を名前に含む Cost Explorer の SERVICE 値 ({services}) と、使用タイプが Claude を示す Amazon Bedrock の行。',
  noServices: 'この期間、Cost Explorer に Claude のサービスはありません。',
  pageLimit: '未確認: Cost Explorer の {operation} の応答が {pages} ページを超えたため、最初の {pages} ページだけを読み取りました (ページごとに課金されます)。そのため、今回の読み取りの金額は表示していません。このアカウントのコストは Cost Explorer コンソールで確認してください。',
  age: { justNow: 'たった今', minutes: '{n} 分前', hours: '{n} 時間前', days: '{n} 日前' },
};

const TABLES: Readonly<Record<Locale, SpendTextTable>> = { en, ja };

export type SpendTextKey = Exclude<keyof SpendTextTable, 'kind' | 'age'>;

export function spendText(locale: Locale, key: SpendTextKey, params: Readonly<Record<string, string | number | undefined>> = {}): string {
  return format(TABLES[locale][key], params);
}

export function tokenKindText(kind: TokenKind, locale: Locale): string {
  return TABLES[locale].kind[kind];
}

/** "3 min ago" from a time and now. */
export function ageText(at: number, now: number, locale: Locale): string {
  const table = TABLES[locale].age;
  const minutes = Math.floor(Math.max(0, now - at) / 60_000);
  if (minutes < 1) return table.justNow;
  if (minutes < 60) return format(table.minutes, { n: minutes });
  const hours = Math.floor(minutes / 60);
  return hours < 24 ? format(table.hours, { n: hours }) : format(table.days, { n: Math.floor(hours / 24) });
}

function day(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The lines of one month: its total, by model and by token kind. */
export function monthLines(month: MonthSpend, locale: Locale): string[] {
  const usd = (value: number) => formatUsd(value, locale);
  const lines = [spendText(locale, month.toDate ? 'toDate' : 'month', { month: month.month, usd: usd(month.usd) })];
  if (month.byModel.length > 0) lines.push(`  ${spendText(locale, 'byModel', { list: month.byModel.map((entry) => `${entry.model} ${usd(entry.usd)}`).join(', ') })}`);
  const kinds = (Object.entries(month.byKind) as [TokenKind, number][]).filter(([, value]) => value !== 0);
  if (kinds.length > 0) lines.push(`  ${spendText(locale, 'byKind', { list: kinds.map(([kind, value]) => `${tokenKindText(kind, locale)} ${usd(value)}`).join(', ') })}`);
  return lines;
}

/** Forecast, estimate, difference and why: the comparison block. */
export function comparisonLines(report: SpendReport, locale: Locale): string[] {
  const usd = (value: number) => formatUsd(value, locale);
  const lines: string[] = [];
  // A listing cut at its page limit is not the whole: say which, and that its figures are not shown.
  for (const problem of report.problems) {
    if (problem.service === 'ce' && problem.error.name === PAGE_LIMIT_REACHED) lines.push(spendText(locale, 'pageLimit', { operation: problem.error.operation, pages: MAX_SPEND_PAGES }));
  }
  const currentMonth = report.periods.months[report.periods.months.length - 1] ?? '';
  if (report.forecast) {
    lines.push(
      report.forecast.lower !== undefined && report.forecast.upper !== undefined
        ? spendText(locale, 'forecast', { month: currentMonth, usd: usd(report.forecast.usd), lower: usd(report.forecast.lower), upper: usd(report.forecast.upper) })
        : spendText(locale, 'forecastPlain', { month: currentMonth, usd: usd(report.forecast.usd) }),
    );
  } else if (report.forecastUnavailable) lines.push(spendText(locale, 'forecastUnavailable'));
  else if (report.forecastWithoutAmount) lines.push(spendText(locale, 'forecastWithoutAmount'));
  const estimate = report.estimate;
  if (!estimate) return lines;
  const models = estimate.modelIds.join(', ');
  if (estimate.modelIds.length === 0) return [...lines, spendText(locale, 'noEstimate')];
  const tokens = estimate.tokens.input + estimate.tokens.output + estimate.tokens.cacheRead + estimate.tokens.cacheWrite;
  lines.push(
    estimate.usd === undefined
      ? spendText(locale, 'estimateUnpriced', { models })
      : spendText(locale, 'estimate', { from: day(estimate.from), to: day(estimate.to), usd: usd(estimate.usd), tokens: formatCount(tokens, locale), models, region: estimate.region, asOf: estimate.pricesAsOf }),
  );
  if (estimate.partial) lines.push(spendText(locale, 'estimatePartial'));
  const current = report.months?.find((month) => month.toDate);
  // A partial estimate is no figure to subtract from Cost Explorer's.
  if (current && estimate.usd !== undefined && !estimate.partial) {
    const difference = current.usd - estimate.usd;
    lines.push(spendText(locale, 'difference', { difference: `${difference >= 0 ? '+' : '−'}${usd(Math.abs(difference))}` }), spendText(locale, 'why', { models, region: estimate.region }));
  }
  return lines;
}
