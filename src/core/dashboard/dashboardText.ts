/** The words of the team dashboard, in English and Japanese (the dashboard's own titles are English, for the whole team). */

import { nothingCreatedText } from '../alarms/alarmText';
import type { Diagnosis } from '../models/bedrockTypes';
import { mayHaveTakenEffect } from '../models/diagnosis';
import { format, type Locale } from '../text/locale';
import type { DashboardPlan } from './dashboardPlan';

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
};

export type DashboardTextKey = keyof typeof en;

export function dashboardText(locale: Locale, key: DashboardTextKey, params: Readonly<Record<string, string | number | undefined>> = {}): string {
  return format((locale === 'ja' ? ja : en)[key], params);
}

/** After a failed save: nothing was created, or (the answer did not come back whole) it is not known. */
export function dashboardNotSavedText(name: string, failure: Diagnosis, locale: Locale): string {
  return mayHaveTakenEffect(failure) ? dashboardText(locale, 'uncertain', { name }) : nothingCreatedText(locale);
}

/** The plan in words: what happens, and which models get no quota line. */
export function dashboardPlanLines(plan: DashboardPlan, locale: Locale): string[] {
  const lines = [dashboardText(locale, plan.change, { name: plan.name, region: plan.region, models: plan.modelIds.join(', ') })];
  if (plan.withoutQuota.length > 0) lines.push(dashboardText(locale, 'withoutQuota', { models: plan.withoutQuota.join(', '), region: plan.region }));
  return lines;
}
