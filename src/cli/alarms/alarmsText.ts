/** The words of `alarms`, `dashboard` and `admin-stack`, in English and Japanese. */

import { format, type Locale } from '../../core/text/locale';

const en = {
  badSubcommand: 'Use alarms plan, alarms apply or alarms list (not "{value}").',
  badDashboardSubcommand: 'Use dashboard plan or dashboard apply (not "{value}").',
  badPercent: '--percent must be a number from 1 to 100, not "{value}".',
  badThrottleThreshold: '--throttle-threshold must be a whole number from 1 to 100000, not "{value}".',
  bothActions: 'Pass --topic-arn (an existing topic) or --email (a new topic), not both.',
  alarmsTitle: 'Alarms — {target}, {region}',
  listTitle: 'Alarms made by claude-bedrock — {target}, {region}',
  noAlarms: 'No alarm of claude-bedrock in {region}. Create them with claude-bedrock alarms apply.',
  notifications: 'Notifications: {text}',
  nothingToChange: 'Nothing to change: every alarm is as planned.',
  planHint: 'Apply it with claude-bedrock alarms apply (same options), or --yes where there is no terminal.',
  dashboardHint: 'Apply it with claude-bedrock dashboard apply (same options), or --yes where there is no terminal.',
  headerName: 'ALARM',
  headerState: 'STATE',
  headerSince: 'SINCE',
  applied: 'Applied in {region}:',
  notCreated: 'Nothing was created:',
  stackWritten: 'Wrote the admin stack for {models} ({region}) to {file}.',
  stackQuotasUnread: 'Not verified: Service Quotas could not be read, so the quota parameters have no defaults. {cause} Fix: {fix} Or pass the quota parameters when you deploy, or run again with --offline to skip the read.',
  stackOffline: 'Offline: Service Quotas was not read; pass the quota parameters when you deploy.',
  stackDeploy: 'Deploy: aws cloudformation deploy --region {region} --stack-name claude-bedrock-admin --template-file {file} --capabilities CAPABILITY_IAM --parameter-overrides AlarmEmail=you@example.com',
  cannotWrite: 'Cannot write {file}: {detail}',
};

const ja: typeof en = {
  badSubcommand: 'alarms plan、alarms apply、alarms list のいずれかを使ってください ("{value}" は使えません)。',
  badDashboardSubcommand: 'dashboard plan または dashboard apply を使ってください ("{value}" は使えません)。',
  badPercent: '--percent には 1 から 100 までの数を指定してください ("{value}" は指定できません)。',
  badThrottleThreshold: '--throttle-threshold には 1 から 100000 までの整数を指定してください ("{value}" は指定できません)。',
  bothActions: '--topic-arn (既存のトピック) と --email (新しいトピック) はどちらか一方だけを指定してください。',
  alarmsTitle: 'アラーム — {target}、{region}',
  listTitle: 'claude-bedrock が作成したアラーム — {target}、{region}',
  noAlarms: '{region} に claude-bedrock のアラームはありません。claude-bedrock alarms apply で作成してください。',
  notifications: '通知: {text}',
  nothingToChange: '変更はありません。すべてのアラームは計画どおりです。',
  planHint: 'claude-bedrock alarms apply (同じオプション) で適用します。端末がない環境では --yes を付けます。',
  dashboardHint: 'claude-bedrock dashboard apply (同じオプション) で適用します。端末がない環境では --yes を付けます。',
  headerName: 'アラーム',
  headerState: '状態',
  headerSince: '変化した時刻',
  applied: '{region} に適用しました:',
  notCreated: '何も作成していません:',
  stackWritten: '{models} ({region}) の管理スタックを {file} に書き出しました。',
  stackQuotasUnread: '未確認: Service Quotas を読み取れなかったため、クォータのパラメーターに既定値がありません。{cause} 対処: {fix} または、デプロイ時にクォータのパラメーターを指定するか、--offline を付けて読み取りを省略してください。',
  stackOffline: 'オフライン: Service Quotas は読み取っていません。デプロイ時にクォータのパラメーターを指定してください。',
  stackDeploy: 'デプロイ: aws cloudformation deploy --region {region} --stack-name claude-bedrock-admin --template-file {file} --capabilities CAPABILITY_IAM --parameter-overrides AlarmEmail=you@example.com',
  cannotWrite: '{file} に書き込めません: {detail}',
};

type AdminTextKey = keyof typeof en;

export function adminCliText(locale: Locale, key: AdminTextKey, params: Readonly<Record<string, string | number | undefined>> = {}): string {
  return format((locale === 'ja' ? ja : en)[key], params);
}
