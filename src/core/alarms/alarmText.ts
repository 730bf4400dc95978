/**
 * The words of the alarms, in English and Japanese: bad input, the plan a preview shows, and what
 * exists after applying. Shared by the CLI and the extension. (The alarms' own names and
 * descriptions are in English: they live in the AWS account, for the whole team.)
 */

import { format, type Locale } from '../text/locale';
import { formatCount } from '../usage/usageText';
import type { AlarmApplyResult, AlarmChange, AlarmInputProblem, AlarmKind, AlarmPlan, AlarmStateValue, AlarmStep, PlannedAlarm } from './alarmTypes';

const en = {
  problem: {
    'bad-percent': 'The quota-use threshold must be a percentage from 1 to 100, not "{value}".',
    'bad-throttle-threshold': 'The throttling threshold must be a whole number of throttled requests per minute from 1 to 100,000, not "{value}".',
    'bad-email': '"{value}" is not an e-mail address: SNS needs one such as admin@example.com to send the alarms\' notifications to.',
    'bad-topic-name': 'An SNS topic name is 1 to 256 letters, digits, hyphens and underscores; "{value}" is not one.',
    'bad-topic-arn': '"{value}" is not an SNS topic ARN (arn:aws:sns:<region>:<account>:<name>).',
    'no-models': 'No model to make alarms for: pass --model <id> (repeatable), or run in a folder whose Claude settings name the models.',
    'too-many-models': '{count} models is more than one plan covers ({max}): choose fewer with --model.',
    'no-quota': '{model} has no tokens-per-minute quota in Service Quotas in {region}, so its quota alarm would have no threshold. Leave the model out, or check the Region.',
    'quota-zero': 'The tokens-per-minute quota of {model} is 0 ({code}): request an increase before alarming on its use.',
  },
  nothingCreated: 'Nothing was created.',
  change: { create: 'create', update: 'update', unchanged: 'no change' },
  state: { OK: 'OK', ALARM: 'ALARM', INSUFFICIENT_DATA: 'INSUFFICIENT_DATA' },
  kind: {
    throttles: '{threshold} or more throttled requests in a minute',
    'quota-tpm': 'quota tokens per minute at {percent}% or more of the TPM quota {quota} ({code})',
  },
  alarmLine: '{change}: {name} — {what}',
  now: ' (now {state})',
  topicNew: 'create the SNS topic {name}',
  topicReused: 'the SNS topic {name} exists ({arn}): CreateTopic returns it, creating nothing',
  topicExisting: 'notify the SNS topic {arn}',
  subscribe: 'subscribe {email} to it: AWS e-mails a confirmation link, and notifications start once it is confirmed',
  subscribedConfirmed: '{email} is subscribed to it',
  subscribedPending: '{email} is subscribed to it, waiting for its confirmation (the link AWS e-mailed)',
  noActions: 'no notifications: the alarms change state without notifying anyone',
  expression: 'metric math: {expression}',
  stepTopic: 'CreateTopic {name}',
  stepSubscribe: 'Subscribe {email}',
  stepAlarm: 'PutMetricAlarm {name}',
  created: 'Created: {names}',
  updated: 'Updated: {names}',
  unchanged: 'Unchanged: {names}',
  failed: 'Failed: {step}: {cause}',
  notReachedExisting: 'Not updated, exist as before: {names}',
  missing: 'Do not exist: {names}',
  uncertain: 'Not known, the answer did not come back whole (they may or may not be as planned): {names}',
  completeRest: 'Run it again to complete the rest: existing alarms are updated in place, never duplicated.',
  pendingConfirmation: '{email} must confirm the subscription (AWS sent an e-mail) before notifications arrive.',
  none: 'none',
};

type AlarmTextTable = typeof en;

const ja: AlarmTextTable = {
  problem: {
    'bad-percent': 'クォータ使用率のしきい値には 1 から 100 までのパーセントを指定してください ("{value}" は指定できません)。',
    'bad-throttle-threshold': 'スロットリングのしきい値には 1 分あたりのスロットリング件数を 1 から 100,000 までの整数で指定してください ("{value}" は指定できません)。',
    'bad-email': '"{value}" はメールアドレスではありません。アラームの通知先として SNS には admin@example.com のようなアドレスが必要です。',
    'bad-topic-name': 'SNS トピック名は 1 から 256 文字の英数字、ハイフン、アンダースコアです。"{value}" は使えません。',
    'bad-topic-arn': '"{value}" は SNS トピックの ARN (arn:aws:sns:<リージョン>:<アカウント>:<名前>) ではありません。',
    'no-models': 'アラームを作るモデルがありません。--model <ID> を指定する (複数可) か、Claude の設定でモデルを指定したフォルダーで実行してください。',
    'too-many-models': 'モデルが {count} 個あり、1 回の計画で扱える数 ({max}) を超えています。--model で絞ってください。',
    'no-quota': '{model} には {region} の Service Quotas に 1 分あたりのトークン数のクォータがないため、クォータのアラームにしきい値を設定できません。このモデルを外すか、リージョンを確認してください。',
    'quota-zero': '{model} の 1 分あたりのトークン数のクォータは 0 です ({code})。使用率のアラームの前にクォータの引き上げを申請してください。',
  },
  nothingCreated: '何も作成していません。',
  change: { create: '作成', update: '更新', unchanged: '変更なし' },
  state: { OK: 'OK', ALARM: 'アラーム', INSUFFICIENT_DATA: 'データ不足' },
  kind: {
    throttles: '1 分間のスロットリングが {threshold} 件以上',
    'quota-tpm': '1 分あたりのクォータトークンが TPM クォータ {quota} ({code}) の {percent}% 以上',
  },
  alarmLine: '{change}: {name} — {what}',
  now: ' (現在 {state})',
  topicNew: 'SNS トピック {name} を作成',
  topicReused: 'SNS トピック {name} は既にあります ({arn})。CreateTopic はそれを返し、新たには作りません',
  topicExisting: 'SNS トピック {arn} に通知',
  subscribe: '{email} をサブスクライブ: AWS が確認リンクをメールで送り、確認されてから通知が届きます',
  subscribedConfirmed: '{email} はサブスクライブ済みです',
  subscribedPending: '{email} はサブスクライブ済みで、確認 (AWS がメールで送ったリンク) を待っています',
  noActions: '通知なし: アラームの状態は変わりますが、誰にも通知しません',
  expression: 'メトリクス数式: {expression}',
  stepTopic: 'CreateTopic {name}',
  stepSubscribe: 'Subscribe {email}',
  stepAlarm: 'PutMetricAlarm {name}',
  created: '作成: {names}',
  updated: '更新: {names}',
  unchanged: '変更なし: {names}',
  failed: '失敗: {step}: {cause}',
  notReachedExisting: '更新されず、以前のまま存在: {names}',
  missing: '存在しない: {names}',
  uncertain: '応答が最後まで返らなかったため不明 (計画どおりかどうか分かりません): {names}',
  completeRest: 'もう一度実行すると残りを作成します。既存のアラームはその場で更新され、重複はしません。',
  pendingConfirmation: '通知が届くのは、{email} がサブスクリプションを確認してからです (AWS から確認メールが届きます)。',
  none: 'なし',
};

const TABLES: Readonly<Record<Locale, AlarmTextTable>> = { en, ja };

/** One bad input in words. */
export function alarmProblemText(problem: AlarmInputProblem, locale: Locale): string {
  const params = { ...problem, model: 'modelId' in problem ? problem.modelId : undefined, code: 'quotaCode' in problem ? problem.quotaCode : undefined } as Record<string, string | number | undefined>;
  return format(TABLES[locale].problem[problem.code], params);
}

export function nothingCreatedText(locale: Locale): string {
  return TABLES[locale].nothingCreated;
}

export function changeText(change: AlarmChange, locale: Locale): string {
  return TABLES[locale].change[change];
}

export function stateText(state: AlarmStateValue, locale: Locale): string {
  return TABLES[locale].state[state];
}

/** What an alarm watches, in words: "quota tokens per minute at 80% or more of the TPM quota 200,000 (L-F4DDD3EB)". */
export function alarmWhatText(alarm: Pick<PlannedAlarm, 'kind' | 'quota'>, plan: Pick<AlarmPlan, 'percent' | 'throttleThreshold'>, locale: Locale): string {
  const kind: AlarmKind = alarm.kind;
  return format(TABLES[locale].kind[kind], {
    threshold: formatCount(plan.throttleThreshold, locale),
    percent: plan.percent,
    quota: alarm.quota === undefined ? '' : formatCount(alarm.quota.value, locale),
    code: alarm.quota?.code ?? '',
  });
}

/** One line per planned alarm: change, name, what it watches, and the state of the alarm it updates. */
export function alarmPlanLine(alarm: PlannedAlarm, plan: AlarmPlan, locale: Locale): string {
  const table = TABLES[locale];
  const line = format(table.alarmLine, { change: changeText(alarm.change, locale), name: alarm.request.AlarmName, what: alarmWhatText(alarm, plan, locale) });
  return alarm.existing === undefined ? line : line + format(table.now, { state: stateText(alarm.existing.state, locale) });
}

/** Where notifications go, in words (one or two lines). */
export function topicLines(plan: AlarmPlan, locale: Locale): string[] {
  const table = TABLES[locale];
  const topic = plan.topic;
  if (topic === undefined) return [table.noActions];
  if (topic.kind === 'existing') return [format(table.topicExisting, { arn: topic.topicArn })];
  const lines = [topic.arn === undefined ? format(table.topicNew, { name: topic.name }) : format(table.topicReused, { name: topic.name, arn: topic.arn })];
  if (topic.email !== undefined) {
    const template = topic.subscribed === 'confirmed' ? table.subscribedConfirmed : topic.subscribed === 'pending' ? table.subscribedPending : table.subscribe;
    lines.push(format(template, { email: topic.email }));
  }
  return lines;
}

/** A step of applying, in the words of its AWS call. */
export function stepText(step: AlarmStep, locale: Locale): string {
  const table = TABLES[locale];
  if (step.kind === 'create-topic') return format(table.stepTopic, { name: step.name });
  if (step.kind === 'subscribe') return format(table.stepSubscribe, { email: step.email });
  return format(table.stepAlarm, { name: step.alarm.request.AlarmName });
}

/** What exists after applying: created, updated, unchanged, the failure, and what was not reached. */
export function alarmResultLines<E>(result: AlarmApplyResult<E>, locale: Locale, describe: (error: E) => string): string[] {
  const table = TABLES[locale];
  const names = (list: readonly string[]) => list.join(', ');
  const lines: string[] = [];
  if (result.created.length > 0) lines.push(format(table.created, { names: names(result.created) }));
  if (result.updated.length > 0) lines.push(format(table.updated, { names: names(result.updated) }));
  if (result.unchanged.length > 0) lines.push(format(table.unchanged, { names: names(result.unchanged) }));
  if (result.failed !== undefined) lines.push(format(table.failed, { step: stepText(result.failed.step, locale), cause: describe(result.failed.error) }));
  if (result.notReachedExisting.length > 0) lines.push(format(table.notReachedExisting, { names: names(result.notReachedExisting) }));
  if (result.missing.length > 0) lines.push(format(table.missing, { names: names(result.missing) }));
  if (result.uncertain.length > 0) lines.push(format(table.uncertain, { names: names(result.uncertain) }));
  if (result.failed !== undefined) lines.push(table.completeRest);
  else if (result.subscriptionPending !== undefined) lines.push(format(table.pendingConfirmation, { email: result.subscriptionPending }));
  return lines;
}
