/**
 * The words of the quota and usage view, in English and Japanese: measures, routings, advice with
 * its numbers, what could not be read, and the status-bar alert. Numbers are formatted per locale.
 */

import { baseModelIdOf, scopeOf } from '../models/catalog';
import { format, type Locale } from '../text/locale';
import { priceFactorFor } from '../models/modelTable';
import { ALERT_PERCENT, ALERT_WINDOW_MS, type QuotaMeasure, type QuotaRouting, type Recommendation, type UsageAlert, type UsageProblem } from './quotaTypes';
import type { RawAwsError } from '../models/bedrockTypes';
import { redactSecrets } from '../text/redact';
import { EXPIRED_KEY_CODES, THROTTLE_CODES } from '../profiles/identityFailure';
import { endpointVariablesFor, httpStatusText, unreadableAnswerText } from '../text/wire';

interface TitledText {
  readonly title: string;
  readonly detail: string;
}

export interface UsageTextTable {
  readonly measure: Readonly<Record<QuotaMeasure, string>>;
  /** The short unit after a number: TPM, RPM, tokens/day. */
  readonly unit: Readonly<Record<QuotaMeasure, string>>;
  readonly routing: Readonly<Record<QuotaRouting, string>>;
  readonly recommendation: {
    readonly 'request-increase': TitledText & { readonly aboveDefault: string; readonly pending: string };
    readonly 'lower-max-output-tokens': TitledText;
    readonly 'switch-scope': TitledText & { readonly cheaper: string; readonly samePrice: string };
    readonly 'quota-zero': TitledText & { readonly awsDefault: string };
  };
  /** Where prompts may then be processed: "outside Japan", per geographic scope. */
  readonly outside: Readonly<Record<string, string>> & { readonly other: string };
  readonly problem: {
    readonly service: Readonly<Record<UsageProblem['service'], string>>;
    readonly consequence: Readonly<Record<UsageProblem['service'], string>>;
    readonly permission: string;
    readonly credentials: string;
    readonly error: string;
    readonly timedOut: string;
    readonly cancelled: string;
    readonly unnamed: string;
    readonly unreachable: string;
    /** AWS throttled the call: `{detail}` is its name and message. */
    readonly throttled: string;
    /** What to do, by what went wrong (unreachable says it in its own text). */
    readonly fix: { readonly timedOut: string; readonly throttled: string; readonly expired: string; readonly server: string; readonly other: string };
  };
  readonly alert: { readonly throttles: string; readonly throttlesOne: string; readonly percent: string; readonly separator: string };
}

const en: UsageTextTable = {
  measure: { 'tokens-per-minute': 'tokens per minute (TPM)', 'requests-per-minute': 'requests per minute (RPM)', 'tokens-per-day': 'tokens per day' },
  unit: { 'tokens-per-minute': 'TPM', 'requests-per-minute': 'RPM', 'tokens-per-day': 'tokens/day' },
  routing: { global: 'global cross-Region inference', 'cross-region': 'geographic cross-Region inference', 'on-demand': 'on-demand in-Region inference' },
  recommendation: {
    'request-increase': {
      title: 'Request {desired} {unit} for {model} (now {current}; peak {peak})',
      detail:
        '{model} peaked at {peak} {unit}, {percent}% of its {measure} quota for {routing} ({current}). In Service Quotas, request {desired} for "{quotaName}" ({quotaCode}): the peak, scaled up by any throttled requests, plus 25% headroom, rounded up.',
      aboveDefault: ' AWS refuses requests at or below the default of {default}.',
      pending: ' An increase request is already open ({requested}, {status}): wait for it rather than file another.',
    },
    'lower-max-output-tokens': {
      title: 'Lower CLAUDE_CODE_MAX_OUTPUT_TOKENS to {suggested} ({model})',
      detail:
        'Each request reserves its input plus max_tokens ({current}) against the TPM quota when it starts, but the average output per request is only {average} tokens. Set CLAUDE_CODE_MAX_OUTPUT_TOKENS to {suggested} in the env of .claude/settings.json: the reserved peak drops from {reservedNow} to {reservedSuggested} TPM against the quota of {quota} TPM.',
    },
    'switch-scope': {
      title: 'Switch {model} to {suggestedModel} for a {ratio}× larger quota',
      detail:
        'The {measure} quota is {current} for {fromRouting} and {suggested} for {toRouting}. Global inference routes requests to any commercial AWS Region worldwide, so prompts and output may be processed {outside}: check your data-residency rules before switching.',
      cheaper: ' It also costs less: at list prices {scope}. is about {percent}% more expensive than global.',
      samePrice: ' The list price is the same.',
    },
    'quota-zero': {
      title: '{model}: the {measure} quota is 0',
      detail:
        'The {measure} quota for {routing} ("{quotaName}", {quotaCode}) is 0 in this account, so Bedrock refuses every request. New or restricted accounts can start at 0: request an increase in Service Quotas or open an AWS Support case.',
      awsDefault: ' The AWS default is {default}.',
    },
  },
  outside: {
    jp: 'outside Japan', us: 'outside the United States', eu: 'outside the EU', apac: 'outside the Asia Pacific Regions',
    au: 'outside Australia', ca: 'outside Canada', 'us-gov': 'outside AWS GovCloud (US)', other: 'outside the Regions of the {scope}. profile',
  },
  problem: {
    service: { cloudwatch: 'CloudWatch', servicequotas: 'Service Quotas' },
    consequence: { cloudwatch: 'Usage charts are hidden; quotas are shown.', servicequotas: 'Quotas are hidden; usage charts are shown.' },
    permission: '{service} could not be read: the permission {permission} is missing. {consequence}',
    credentials: '{service} could not be read: the AWS credentials could not be loaded. {consequence}',
    error: '{service} could not be read ({operation}: {detail}). {consequence}{fix}',
    timedOut: 'did not finish in time',
    cancelled: 'cancelled',
    unnamed: 'an error AWS did not name',
    unreachable: 'the endpoint could not be reached ({code}); check the network, proxy and endpoint settings ({endpointVariables})',
    throttled: 'AWS throttled the call, {detail}',
    fix: {
      timedOut: ' Check the network and proxy ({endpointVariables}), then try again.',
      throttled: ' Wait a minute and try again.',
      expired: ' Get fresh credentials (sign in again), then try again.',
      server: ' Try again in a few minutes; if it persists, check any proxy or gateway and the endpoint settings ({endpointVariables}).',
      other: ' Try again; if it persists, check the endpoint settings ({endpointVariables}).',
    },
  },
  alert: {
    throttles: '{count} throttled requests in the last {minutes} minutes',
    throttlesOne: '1 throttled request in the last {minutes} minutes',
    percent: '{model}: {percent}% of the {measure} quota',
    separator: '; ',
  },
};

const ja: UsageTextTable = {
  measure: { 'tokens-per-minute': '1 分あたりのトークン数 (TPM)', 'requests-per-minute': '1 分あたりのリクエスト数 (RPM)', 'tokens-per-day': '1 日あたりのトークン数' },
  unit: { 'tokens-per-minute': 'TPM', 'requests-per-minute': 'RPM', 'tokens-per-day': 'トークン/日' },
  routing: { global: 'グローバルクロスリージョン推論', 'cross-region': '地域別クロスリージョン推論', 'on-demand': 'リージョン内のオンデマンド推論' },
  recommendation: {
    'request-increase': {
      title: '{model} の {unit} クォータを {desired} に引き上げ申請 (現在 {current}、ピーク {peak})',
      detail:
        '{model} のピークは {peak} {unit} で、{routing}の {measure} のクォータ ({current}) の {percent}% に達しました。Service Quotas で「{quotaName}」({quotaCode}) に {desired} を申請してください。ピークにスロットリングされた分を加え、25% の余裕を持たせて切り上げた値です。',
      aboveDefault: 'AWS のデフォルト値 ({default}) 以下の申請は受け付けられません。',
      pending: '引き上げ申請がすでに受付中です (申請値 {requested}、ステータス {status})。新たに申請せず、結果を待ってください。',
    },
    'lower-max-output-tokens': {
      title: 'CLAUDE_CODE_MAX_OUTPUT_TOKENS を {suggested} に下げてください ({model})',
      detail:
        '各リクエストは開始時に「入力 + max_tokens ({current})」の分を TPM クォータから確保しますが、1 リクエストあたりの平均出力は {average} トークンにすぎません。.claude/settings.json の env で CLAUDE_CODE_MAX_OUTPUT_TOKENS を {suggested} に設定すると、確保されるトークンのピークはクォータ {quota} TPM に対して {reservedNow} から {reservedSuggested} TPM に下がります。',
    },
    'switch-scope': {
      title: '{model} を {suggestedModel} に切り替えるとクォータが {ratio} 倍になります',
      detail:
        '{measure} のクォータは、{fromRouting}では {current}、{toRouting}では {suggested} です。グローバル推論は世界中の商用 AWS リージョンにリクエストをルーティングするため、プロンプトと出力が{outside}で処理される可能性があります。切り替える前に、データレジデンシーの要件を満たすか確認してください。',
      cheaper: '費用も下がります。定価では {scope}. はグローバルより約 {percent}% 高くなっています。',
      samePrice: '定価は同じです。',
    },
    'quota-zero': {
      title: '{model}: {measure} のクォータが 0 です',
      detail:
        'このアカウントでは{routing}の {measure} のクォータ (「{quotaName}」、{quotaCode}) が 0 のため、Bedrock はすべてのリクエストを拒否します。新規や制限付きのアカウントでは 0 から始まることがあります。Service Quotas で引き上げを申請するか、AWS サポートにケースを起票してください。',
      awsDefault: 'AWS のデフォルト値は {default} です。',
    },
  },
  outside: {
    jp: '日本国外', us: '米国外', eu: 'EU 域外', apac: 'アジアパシフィックのリージョン以外',
    au: 'オーストラリア国外', ca: 'カナダ国外', 'us-gov': 'AWS GovCloud (米国) の外', other: '「{scope}.」プロファイルのリージョン以外',
  },
  problem: {
    service: { cloudwatch: 'CloudWatch', servicequotas: 'Service Quotas' },
    consequence: { cloudwatch: '使用状況のグラフは表示されませんが、クォータは表示されます。', servicequotas: 'クォータは表示されませんが、使用状況のグラフは表示されます。' },
    permission: '{service} を読み取れませんでした: {permission} の権限がありません。{consequence}',
    credentials: '{service} を読み取れませんでした: AWS の認証情報を読み込めませんでした。{consequence}',
    error: '{service} を読み取れませんでした ({operation}: {detail})。{consequence}{fix}',
    timedOut: '時間内に終わりませんでした',
    cancelled: 'キャンセルされました',
    unnamed: 'AWS が名前を示さないエラー',
    unreachable: 'エンドポイントに接続できませんでした ({code})。ネットワーク、プロキシ、エンドポイントの設定 ({endpointVariables}) を確認してください',
    throttled: 'AWS が呼び出しをスロットリングしました、{detail}',
    fix: {
      timedOut: 'ネットワークとプロキシ ({endpointVariables}) を確認してから、もう一度試してください。',
      throttled: '1 分ほど待ってから、もう一度試してください。',
      expired: '新しい認証情報を取得して (再サインインして) から、もう一度試してください。',
      server: '数分後にもう一度試してください。解決しない場合は、プロキシやゲートウェイとエンドポイントの設定 ({endpointVariables}) を確認してください。',
      other: 'もう一度試してください。解決しない場合は、エンドポイントの設定 ({endpointVariables}) を確認してください。',
    },
  },
  alert: {
    throttles: '直近 {minutes} 分間にスロットリングされたリクエスト: {count} 件',
    throttlesOne: '直近 {minutes} 分間にスロットリングされたリクエスト: 1 件',
    percent: '{model}: {measure} のクォータの {percent}%',
    separator: ' / ',
  },
};

/** Every wording of the usage view, per locale. */
export const USAGE_TEXTS: Readonly<Record<Locale, UsageTextTable>> = { en, ja };

const TAGS: Readonly<Record<Locale, string>> = { en: 'en-US', ja: 'ja-JP' };
const countFormats = new Map<Locale, Intl.NumberFormat>();

/** A whole number with the locale's grouping (`247,000`); fractions are rounded. */
export function formatCount(n: number, locale: Locale): string {
  let formatter = countFormats.get(locale);
  if (formatter === undefined) {
    formatter = new Intl.NumberFormat(TAGS[locale], { maximumFractionDigits: 0 });
    countFormats.set(locale, formatter);
  }
  return formatter.format(n);
}

/** US dollars (`$1,234.56`); amounts under a dollar keep up to four decimals so cents of probes stay visible. */
export function formatUsd(n: number, locale: Locale): string {
  const digits = n === 0 || Math.abs(n) >= 1 ? 2 : 4;
  return new Intl.NumberFormat(TAGS[locale], { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: digits }).format(n);
}

function formatRatio(n: number, locale: Locale): string {
  return new Intl.NumberFormat(TAGS[locale], { maximumFractionDigits: 1 }).format(n);
}

/** What a quota limits, in words with its unit. */
export function measureText(measure: QuotaMeasure, locale: Locale): string {
  return USAGE_TEXTS[locale].measure[measure];
}

/** Which traffic a quota counts, in words. */
export function routingText(routing: QuotaRouting, locale: Locale): string {
  return USAGE_TEXTS[locale].routing[routing];
}

function percentText(value: number, quota: number, locale: Locale): string {
  return quota > 0 ? formatCount((value / quota) * 100, locale) : '—';
}

/** The title and explanation of a recommendation, with its numbers. */
export function recommendationText(rec: Recommendation, locale: Locale): TitledText {
  const table = USAGE_TEXTS[locale];
  const count = (n: number) => formatCount(n, locale);
  switch (rec.code) {
    case 'request-increase': {
      const text = table.recommendation['request-increase'];
      const { quota } = rec;
      const params = {
        model: rec.modelId,
        unit: table.unit[quota.measure],
        measure: table.measure[quota.measure],
        routing: table.routing[quota.routing],
        desired: count(rec.desiredValue),
        current: count(quota.value),
        peak: count(rec.peak),
        percent: percentText(rec.peak, quota.value, locale),
        quotaName: quota.name,
        quotaCode: quota.code,
      };
      let detail = format(text.detail, params);
      if (quota.defaultValue !== undefined) detail += format(text.aboveDefault, { default: count(quota.defaultValue) });
      const open = quota.pending[0];
      if (rec.alreadyRequested && open !== undefined) detail += format(text.pending, { requested: count(open.desiredValue), status: open.status });
      return { title: format(text.title, params), detail };
    }
    case 'lower-max-output-tokens': {
      const text = table.recommendation['lower-max-output-tokens'];
      const params = {
        model: rec.modelId,
        current: count(rec.current),
        suggested: String(rec.suggested),
        average: count(rec.averageOutputPerRequest),
        reservedNow: count(rec.reservedTpmNow),
        reservedSuggested: count(rec.reservedTpmSuggested),
        quota: count(rec.quotaValue),
      };
      return { title: format(text.title, params), detail: format(text.detail, params) };
    }
    case 'switch-scope': {
      const text = table.recommendation['switch-scope'];
      const scope = scopeOf(rec.modelId) ?? '';
      const outside = Object.hasOwn(table.outside, scope) ? table.outside[scope]! : format(table.outside.other, { scope });
      const params = {
        model: rec.modelId,
        suggestedModel: rec.suggestedModelId,
        ratio: rec.currentQuota.value > 0 ? formatRatio(rec.suggestedQuota.value / rec.currentQuota.value, locale) : '∞',
        measure: table.measure[rec.currentQuota.measure],
        current: count(rec.currentQuota.value),
        suggested: count(rec.suggestedQuota.value),
        fromRouting: table.routing[rec.fromRouting],
        toRouting: table.routing[rec.toRouting],
        outside,
      };
      const base = baseModelIdOf(rec.modelId);
      const factor = base === undefined ? undefined : priceFactorFor(base, scope);
      let detail = format(text.detail, params);
      if (factor !== undefined && factor > 1) detail += format(text.cheaper, { scope, percent: count((factor - 1) * 100) });
      else if (factor === 1) detail += text.samePrice;
      return { title: format(text.title, params), detail };
    }
    case 'quota-zero': {
      const text = table.recommendation['quota-zero'];
      const { quota } = rec;
      const params = { model: rec.modelId, measure: table.measure[quota.measure], routing: table.routing[quota.routing], quotaName: quota.name, quotaCode: quota.code };
      let detail = format(text.detail, params);
      if (quota.defaultValue !== undefined) detail += format(text.awsDefault, { default: count(quota.defaultValue) });
      return { title: format(text.title, params), detail };
    }
  }
}

const MAX_MESSAGE_LENGTH = 200;

/**
 * A failed call of a read named briefly: its name and (redacted, shortened) message, or what kind of
 * failure it was. `throttled`: the caller's verdict on whether AWS throttled it. Shared by the
 * usage and the admin reads (adminProblem.ts), so every surface says the same.
 */
export function failedCallDetail(error: RawAwsError, throttled: boolean, locale: Locale): string {
  const table = USAGE_TEXTS[locale];
  if (error.timedOut) return table.problem.timedOut;
  if (error.cancelled) return table.problem.cancelled;
  // What came back, never the parser's exception.
  if (error.unreadable) return unreadableAnswerText(error.unreadable, error.httpStatus, locale);
  if (error.networkCode) return format(table.problem.unreachable, { code: error.networkCode, endpointVariables: endpointVariablesFor(error.operation, locale) });
  const rawMessage = redactSecrets((error.message ?? '').replace(/\s+/g, ' ').trim());
  const message = rawMessage.length > MAX_MESSAGE_LENGTH ? `${rawMessage.slice(0, MAX_MESSAGE_LENGTH - 1)}…` : rawMessage;
  const status = error.httpStatus !== undefined && error.httpStatus >= 500 ? httpStatusText(error.httpStatus, locale) : undefined;
  const name = status !== undefined && error.name !== undefined ? `${status}, ${error.name}` : (error.name ?? status);
  const detail = name !== undefined && message !== '' ? `${name}: ${message}` : (name ?? (message === '' ? table.problem.unnamed : message));
  return throttled ? format(table.problem.throttled, { detail }) : detail;
}

/** Whether AWS throttled a call, by its error's name or status. */
export function isThrottledCall(error: RawAwsError): boolean {
  return (error.name !== undefined && THROTTLE_CODES.has(error.name)) || error.httpStatus === 429;
}

/** What to do about a failed call, with a leading space; '' when there is nothing to do or the detail says it (an unreachable endpoint). */
export function failedCallFix(error: RawAwsError, throttled: boolean, locale: Locale): string {
  const table = USAGE_TEXTS[locale];
  const params = { endpointVariables: endpointVariablesFor(error.operation, locale) };
  if (error.cancelled || (error.networkCode && !error.unreadable)) return '';
  if (error.timedOut) return format(table.problem.fix.timedOut, params);
  if (throttled) return table.problem.fix.throttled;
  if (error.name !== undefined && EXPIRED_KEY_CODES.has(error.name)) return table.problem.fix.expired;
  if (error.unreadable || (error.httpStatus !== undefined && error.httpStatus >= 500)) return format(table.problem.fix.server, params);
  return format(table.problem.fix.other, params);
}

/**
 * What could not be read and what the view shows without it. Messages of credential failures are
 * never shown: they can carry profile details.
 */
export function problemText(problem: UsageProblem, locale: Locale): string {
  const table = USAGE_TEXTS[locale];
  const params = {
    service: table.problem.service[problem.service],
    consequence: table.problem.consequence[problem.service],
    operation: problem.error.operation,
    permission: problem.missingPermission,
  };
  if (problem.missingPermission !== undefined) return format(table.problem.permission, params);
  if (problem.error.phase === 'credentials') return format(table.problem.credentials, params);
  const throttled = isThrottledCall(problem.error);
  return format(table.problem.error, { ...params, detail: failedCallDetail(problem.error, throttled, locale), fix: failedCallFix(problem.error, throttled, locale) });
}

/** The status-bar line of a warning alert; undefined when all is well. */
export function alertText(alert: UsageAlert, locale: Locale): string | undefined {
  if (alert.state === 'ok') return undefined;
  const table = USAGE_TEXTS[locale];
  const minutes = Math.round(ALERT_WINDOW_MS / 60_000);
  const parts: string[] = [];
  if (alert.recentThrottles > 0) {
    const template = alert.recentThrottles === 1 ? table.alert.throttlesOne : table.alert.throttles;
    parts.push(format(template, { count: formatCount(alert.recentThrottles, locale), minutes }));
  }
  const highest = alert.highestPercent;
  if (highest !== undefined && highest.percent >= ALERT_PERCENT) {
    parts.push(format(table.alert.percent, { model: highest.modelId, percent: formatCount(highest.percent, locale), measure: table.measure[highest.measure] }));
  }
  return parts.join(table.alert.separator);
}
