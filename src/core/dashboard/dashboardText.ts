/** The words of the team dashboard, in English and Japanese (the dashboard's own titles are English, for the whole team). */

import { nothingCreatedText } from '../alarms/alarmText';
import type { Diagnosis } from '../models/bedrockTypes';
import { mayHaveTakenEffect } from '../models/diagnosis';
import { format, type Locale } from '../text/locale';
import type { DashboardMessage, DashboardPlan } from './dashboardPlan';

const en = {
  create: 'Create the CloudWatch dashboard {name} in {region} for {models}',
  update: 'Update the CloudWatch dashboard {name} in {region} for {models} (it exists; its body is replaced as the diff shows)',
  unchanged: 'The CloudWatch dashboard {name} in {region} is up to date: nothing to change',
  withoutQuota: 'No quota line for {models}: Service Quotas lists no TPM or RPM quota for them in {region}',
  done: 'Dashboard {name} saved in {region}.',
  uncertain: 'Not known whether the dashboard {name} was saved: the answer did not come back whole. Its plan shows what is there now.',
  open: 'Open it in the CloudWatch console: {url}',
  noModels: 'No model for the dashboard: pass --model <id> (repeatable), or run in a folder whose Claude settings name the models.',
  tooMany: '{count} models is more than one dashboard shows ({max}): choose fewer with --model.',
  savedWithWarnings: 'Dashboard {name} saved in {region}, but CloudWatch reported {count} validation message(s) about its body: some widgets may not render. Check the dashboard in the CloudWatch console.',
  warningsHeader: 'CloudWatch\'s validation messages (warnings: the dashboard was saved):',
  refusedHeader: 'CloudWatch\'s validation messages (the dashboard was not saved):',
  readBackFailed: 'CloudWatch answered the save with validation messages, and the dashboard could not be read back: not known whether {name} was saved. Its plan shows what is there now.',
};

const ja: typeof en = {
  create: '{region} に CloudWatch ダッシュボード {name} を作成 ({models})',
  update: '{region} の CloudWatch ダッシュボード {name} を更新 ({models})。既存のダッシュボードの本文を差分のとおり置き換えます',
  unchanged: '{region} の CloudWatch ダッシュボード {name} は最新です。変更はありません',
  withoutQuota: '{models} にはクォータの線がありません: {region} の Service Quotas に TPM / RPM クォータがありません',
  done: '{region} にダッシュボード {name} を保存しました。',
  uncertain: '応答が最後まで返らなかったため、ダッシュボード {name} が保存されたかどうか分かりません。プランを表示すると現在の状態が分かります。',
  open: 'CloudWatch コンソールで開く: {url}',
  noModels: 'ダッシュボードに載せるモデルがありません。--model <ID> を指定する (複数可) か、Claude の設定でモデルを指定したフォルダーで実行してください。',
  tooMany: 'モデルが {count} 個あり、1 つのダッシュボードに載せられる数 ({max}) を超えています。--model で絞ってください。',
  savedWithWarnings: '{region} にダッシュボード {name} を保存しましたが、CloudWatch が本文について検証メッセージを {count} 件返しました。一部のウィジェットが表示されない可能性があります。CloudWatch コンソールでダッシュボードを確認してください。',
  warningsHeader: 'CloudWatch の検証メッセージ (警告。ダッシュボードは保存されました):',
  refusedHeader: 'CloudWatch の検証メッセージ (ダッシュボードは保存されていません):',
  readBackFailed: 'CloudWatch は保存に検証メッセージ付きで応答し、ダッシュボードを読み直せなかったため、{name} が保存されたかどうか分かりません。プランを表示すると現在の状態が分かります。',
};

export type DashboardTextKey = keyof typeof en;

export function dashboardText(locale: Locale, key: DashboardTextKey, params: Readonly<Record<string, string | number | undefined>> = {}): string {
  return format((locale === 'ja' ? ja : en)[key], params);
}

/**
 * After a failed save: nothing was created, or (the answer did not come back whole, or the save
 * answered with validation messages and could not be read back) it is not known.
 */
export function dashboardNotSavedText(name: string, failure: Diagnosis, locale: Locale, messages: readonly DashboardMessage[] = []): string {
  if (messages.length > 0 && failure.operation === 'GetDashboard') return dashboardText(locale, 'readBackFailed', { name });
  return mayHaveTakenEffect(failure) ? dashboardText(locale, 'uncertain', { name }) : nothingCreatedText(locale);
}

/** CloudWatch's validation messages of a body, under a header that says whether the dashboard was saved. */
export function dashboardMessageLines(messages: readonly DashboardMessage[], saved: boolean, locale: Locale): string[] {
  if (messages.length === 0) return [];
  return [dashboardText(locale, saved ? 'warningsHeader' : 'refusedHeader'), ...messages.map((entry) => `  ${entry.path === '' ? '/' : entry.path}: ${entry.message}`)];
}

/** The plan in words: what happens, and which models get no quota line. */
export function dashboardPlanLines(plan: DashboardPlan, locale: Locale): string[] {
  const lines = [dashboardText(locale, plan.change, { name: plan.name, region: plan.region, models: plan.modelIds.join(', ') })];
  if (plan.withoutQuota.length > 0) lines.push(dashboardText(locale, 'withoutQuota', { models: plan.withoutQuota.join(', '), region: plan.region }));
  return lines;
}
