/** The words of the team cost plan, in English and Japanese: its inputs, its month in USD and JPY, the other models, the seat comparison. */

import { describeScope } from '../models/modelTable';
import { format, type Locale } from '../text/locale';
import { formatCount, formatUsd } from '../usage/usageText';
import type { CostPlan, CostPlanError, CostPlanInput } from './costPlan';
import { planModelName } from './costPlan';

const en = {
  title: 'Team cost plan — {model}, {scope}',
  inputs: '{developers} developers × {days} working days × {sessions} sessions a day = {total} sessions a month',
  perSession: 'Per session: {input} input tokens ({cacheRead}% read from the prompt cache, the rest {rest}), {output} output tokens',
  restWrite: 'written to the cache',
  restUncached: 'sent uncached',
  parts: { cacheWrite: 'Cache write', cacheRead: 'Cache read', uncachedInput: 'Uncached input', output: 'Output' },
  part: '{label}: {tokens} tokens → {usd} ({jpy})',
  total: 'A month on Bedrock: {usd} ({jpy}), {perDeveloper} per developer',
  premium: 'of which {usd} is the {scope} premium over global prices',
  alternativesTitle: 'The same plan on the other models ({scope}):',
  alternative: '{model}: {usd} ({jpy})',
  seats: 'Per-seat price: {seats} seats × {price} = {usd} ({jpy}) a month',
  cheaperBedrock: 'Bedrock costs {difference} less a month than the seats.',
  cheaperSeats: 'Bedrock costs {difference} more a month than the seats.',
  equal: 'Bedrock and the seats cost the same.',
  breakEven: 'Break-even: {sessions} sessions ({tokens} tokens) per developer a month, {perDay} sessions a working day: above that, the seats are cheaper.',
  prices: 'List prices as of {asOf}; {rate} yen per US dollar.',
  measured: 'Filled from the last {days} days of CloudWatch metrics ({active} days with traffic) of {models}.',
  measuredNone: 'No traffic in the last {days} days of CloudWatch metrics of {models}: the figures were kept.',
  error: {
    'not-a-number': '{field} must be a number.',
    'out-of-range': '{field} is out of range.',
    'not-priced': 'The price table has no price for {model} in the {scope} scope.',
  } as Record<CostPlanError['reason'], string>,
  /** An input by the name the Team view's form gives it (its labels say the same). */
  fields: {
    developers: 'Developers',
    workingDays: 'Working days a month',
    sessionsPerDay: 'Sessions a day',
    inputTokensPerSession: 'Input tokens per session',
    outputTokensPerSession: 'Output tokens per session',
    cacheReadShare: 'Input read from the prompt cache',
    restTo: 'The rest of the input',
    modelId: 'Model',
    scope: 'Scope',
    usdToJpy: 'Yen per US dollar',
    seatPriceUsd: 'Per-seat price a month (USD)',
  } as Record<keyof CostPlanInput, string>,
};

type CostPlanTextTable = typeof en;

const ja: CostPlanTextTable = {
  title: 'チームのコスト計画 — {model}、{scope}',
  inputs: '開発者 {developers} 人 × 稼働日 {days} 日 × 1 日 {sessions} セッション = 月 {total} セッション',
  perSession: '1 セッションあたり: 入力 {input} トークン (うち {cacheRead}% をプロンプトキャッシュから読み取り、残りは{rest})、出力 {output} トークン',
  restWrite: 'キャッシュに書き込み',
  restUncached: 'キャッシュなしで送信',
  parts: { cacheWrite: 'キャッシュ書込', cacheRead: 'キャッシュ読取', uncachedInput: 'キャッシュなし入力', output: '出力' },
  part: '{label}: {tokens} トークン → {usd} ({jpy})',
  total: 'Bedrock での 1 か月: {usd} ({jpy})、開発者 1 人あたり {perDeveloper}',
  premium: 'うち {usd} がグローバル価格に対する {scope} の割増分',
  alternativesTitle: '同じ計画を他のモデルで ({scope}):',
  alternative: '{model}: {usd} ({jpy})',
  seats: '席単位の価格: {seats} 席 × {price} = 月 {usd} ({jpy})',
  cheaperBedrock: 'Bedrock のほうが月 {difference} 安くなります。',
  cheaperSeats: 'Bedrock のほうが月 {difference} 高くなります。',
  equal: 'Bedrock と席単位の価格は同じです。',
  breakEven: '損益分岐点: 開発者 1 人あたり月 {sessions} セッション ({tokens} トークン)、稼働日 1 日 {perDay} セッション。これを超えると席単位のほうが安くなります。',
  prices: '{asOf} 時点の定価。1 米ドル = {rate} 円。',
  measured: '{models} の直近 {days} 日の CloudWatch メトリクス (トラフィックのあった日は {active} 日) から入力しました。',
  measuredNone: '{models} の直近 {days} 日の CloudWatch メトリクスにトラフィックがないため、値はそのままです。',
  error: {
    'not-a-number': '{field} には数値を指定してください。',
    'out-of-range': '{field} が範囲外です。',
    'not-priced': '価格表に {model} の {scope} スコープの価格がありません。',
  },
  fields: {
    developers: '開発者',
    workingDays: '月の稼働日数',
    sessionsPerDay: '1 日のセッション数',
    inputTokensPerSession: '1 セッションの入力トークン',
    outputTokensPerSession: '1 セッションの出力トークン',
    cacheReadShare: 'プロンプトキャッシュから読む入力',
    restTo: '残りの入力',
    modelId: 'モデル',
    scope: 'スコープ',
    usdToJpy: '1 米ドルあたりの円',
    seatPriceUsd: '1 席あたりの月額 (USD)',
  },
};

const TABLES: Readonly<Record<Locale, CostPlanTextTable>> = { en, ja };

export type CostPlanTextKey = Exclude<keyof CostPlanTextTable, 'parts' | 'error' | 'fields'>;

export function costPlanText(locale: Locale, key: CostPlanTextKey, params: Readonly<Record<string, string | number | undefined>> = {}): string {
  return format(TABLES[locale][key], params);
}

/** Japanese yen, whole (`¥12,345`). */
export function formatJpy(n: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === 'ja' ? 'ja-JP' : 'en-US', { style: 'currency', currency: 'JPY', maximumFractionDigits: 0 }).format(n);
}

/** Why no plan could be made, naming the input by the Team view's label in the reader's language (never its code key). */
export function costPlanErrorText(error: CostPlanError, input: CostPlanInput, locale: Locale): string {
  const table = TABLES[locale];
  const field = table.fields[error.field];
  return format(table.error[error.reason], { field, model: input.modelId, scope: input.scope });
}

export interface CostPlanLines {
  readonly summary: string[];
  readonly parts: string[];
  readonly alternatives: string[];
  readonly seats: string[];
}

/** The plan in words, in blocks the CLI prints and the view lays out. */
export function costPlanLines(plan: CostPlan, locale: Locale): CostPlanLines {
  const table = TABLES[locale];
  const { input } = plan;
  const usd = (value: number) => formatUsd(value, locale);
  const jpy = (value: number) => formatJpy(value * input.usdToJpy, locale);
  const count = (value: number) => formatCount(value, locale);
  const scope = describeScope(input.scope, locale).label;
  const summary = [
    costPlanText(locale, 'title', { model: planModelName(input.modelId), scope }),
    costPlanText(locale, 'inputs', { developers: count(input.developers), days: count(input.workingDays), sessions: formatCount(input.sessionsPerDay, locale), total: count(plan.sessions) }),
    costPlanText(locale, 'perSession', {
      input: count(input.inputTokensPerSession),
      cacheRead: formatCount(input.cacheReadShare * 100, locale),
      rest: costPlanText(locale, input.restTo === 'cache-write' ? 'restWrite' : 'restUncached'),
      output: count(input.outputTokensPerSession),
    }),
    costPlanText(locale, 'total', { usd: usd(plan.usd.total), jpy: jpy(plan.usd.total), perDeveloper: usd(plan.perDeveloperUsd) }),
    ...(plan.premiumUsd > 0.005 ? [costPlanText(locale, 'premium', { usd: usd(plan.premiumUsd), scope: `${input.scope}.` })] : []),
  ];
  const parts = (['cacheWrite', 'cacheRead', 'uncachedInput', 'output'] as const).map((part) =>
    costPlanText(locale, 'part', { label: table.parts[part], tokens: count(plan.tokens[part]), usd: usd(plan.usd[part]), jpy: jpy(plan.usd[part]) }),
  );
  const alternatives = [costPlanText(locale, 'alternativesTitle', { scope: `${input.scope}.` }), ...plan.alternatives.map((entry) => `  ${costPlanText(locale, 'alternative', { model: entry.name, usd: usd(entry.usd), jpy: jpy(entry.usd) })}`)];
  const difference = usd(Math.abs(plan.seats.differenceUsd));
  const seats = [
    costPlanText(locale, 'seats', { seats: count(input.developers), price: usd(input.seatPriceUsd), usd: usd(plan.seats.usd), jpy: jpy(plan.seats.usd) }),
    costPlanText(locale, plan.seats.cheaper === 'bedrock' ? 'cheaperBedrock' : plan.seats.cheaper === 'seats' ? 'cheaperSeats' : 'equal', { difference }),
    costPlanText(locale, 'breakEven', {
      sessions: Number.isFinite(plan.breakEven.sessionsPerDeveloper) ? count(plan.breakEven.sessionsPerDeveloper) : '∞',
      tokens: Number.isFinite(plan.breakEven.tokensPerDeveloper) ? count(plan.breakEven.tokensPerDeveloper) : '∞',
      perDay: Number.isFinite(plan.breakEven.sessionsPerDay) ? new Intl.NumberFormat(locale === 'ja' ? 'ja-JP' : 'en-US', { maximumFractionDigits: 1 }).format(plan.breakEven.sessionsPerDay) : '∞',
    }),
    costPlanText(locale, 'prices', { asOf: plan.pricesAsOf, rate: formatCount(input.usdToJpy, locale) }),
  ];
  return { summary, parts, alternatives, seats };
}
