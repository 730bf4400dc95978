/**
 * The words of per-developer usage and invocation logging, in English and Japanese, shared by
 * `claude-bedrock team` / `logging` and the Team view: the logging states and what enabling
 * involves, the table's columns, totals, progress and what is never read.
 */

import { format, type Locale } from '../text/locale';
import { formatCount, formatUsd } from '../usage/usageText';
import type { LoggingPlan } from './loggingPlan';
import { SUGGESTED_RETENTION_DAYS } from './loggingPlan';
import type { DeveloperUsage, LoggingState, TeamRange, TeamReport } from './teamTypes';

const en = {
  title: 'Per-developer usage — {region}, {range}',
  range: { '1h': 'last hour', '24h': 'last 24 hours', '7d': 'last 7 days', '30d': 'last 30 days' } as Record<TeamRange, string>,
  privacy:
    'Read with one Logs Insights query of metadata fields only (caller, model, token counts, time). Prompts, code and answers in the logs are never read or shown.',
  columns: { developer: 'DEVELOPER', requests: 'REQUESTS', input: 'INPUT', output: 'OUTPUT', cacheRead: 'CACHE READ', cacheWrite: 'CACHE WRITE', cost: 'COST (LIST)', share: 'SHARE' },
  you: '(you)',
  unpriced: 'not priced',
  activeDays: 'Active developers per day (UTC): {days}',
  totals: 'Team: {requests} requests, {tokens} tokens, {cost} at list prices{premium} (prices as of {asOf}).',
  premium: ', of which {premium} is the geographic premium over global prices',
  noDevelopers: 'No invocations in the invocation logs for this range.',
  truncated: 'Logs Insights returned its maximum of {limit} rows: some rows may be missing. Choose a shorter range.',
  statistics: '{matched} log records matched, {scanned} scanned.',
  loggingCloudWatch: 'Invocation logs: CloudWatch Logs group {logGroup} in {region}.',
  loggingOff: 'Model invocation logging is off in {region}: Bedrock keeps no record of who called which model, so per-developer usage cannot be shown.',
  loggingS3:
    'Model invocation logging in {region} goes to S3 only (bucket {bucket}). Logs Insights queries CloudWatch Logs, not S3, so per-developer usage cannot be shown.',
  enabling:
    'Turning logging on to CloudWatch Logs is an admin decision. Bedrock then writes a record of every request in {region} to the log group {logGroup} through the role {role}: the caller, the model, the token counts, and the prompts and answers themselves. Anyone who may read that log group can read them: set a retention (the plan suggests {days} days) and grant logs:GetLogEvents sparingly. The extension never reads those bodies.',
  enableCommand: 'Preview and apply it with "Claude on Bedrock: Turn On Invocation Logging…" or claude-bedrock logging apply.',
  queryRunning: 'Logs Insights query running… ({scanned} records scanned)',
  queryStarting: 'Starting the Logs Insights query…',
  planTitle: 'Turn on model invocation logging in {region} (account {account})',
  planBefore: 'Now: {state}',
  planConfig: 'Configuration to set (PutModelInvocationLoggingConfiguration):',
  planPrerequisites: 'First, an admin creates the log group and the role Bedrock writes with (this extension does not create IAM roles or log groups):',
  planStored: 'The log group then stores every prompt and answer of the account in {region}.',
  planUnchanged: 'Nothing to do: the logs already go to {logGroup} with this role.',
  applied: 'Invocation logging is on in {region}: the logs go to {logGroup}.',
  applyUncertain: 'Whether invocation logging was turned on in {region} is not known: the change may have been made, and reading it back failed too. Read it with claude-bedrock logging plan before you try again.',
  stateOff: 'off',
  stateS3: 'S3 only ({bucket})',
  stateCloudWatch: 'CloudWatch Logs ({logGroup})',
  badLogGroup: 'The log group name "{value}" is not valid.',
  badRole: 'The role ARN "{value}" is not an IAM role ARN.',
  badAccount: 'The account of the credentials could not be read (STS), so the plan cannot name the role.',
};

type TeamTextTable = typeof en;

const ja: TeamTextTable = {
  title: '開発者ごとの使用量 — {region}、{range}',
  range: { '1h': '直近 1 時間', '24h': '直近 24 時間', '7d': '直近 7 日間', '30d': '直近 30 日間' },
  privacy: 'メタデータ (呼び出し元、モデル、トークン数、時刻) だけを読む Logs Insights クエリ 1 回で取得しています。ログ内のプロンプト、コード、応答は読み取りも表示もしません。',
  columns: { developer: '開発者', requests: 'リクエスト', input: '入力', output: '出力', cacheRead: 'キャッシュ読取', cacheWrite: 'キャッシュ書込', cost: '料金 (定価)', share: '割合' },
  you: '(あなた)',
  unpriced: '価格不明',
  activeDays: '日ごとのアクティブな開発者数 (UTC): {days}',
  totals: 'チーム: {requests} リクエスト、{tokens} トークン、定価で {cost}{premium} ({asOf} 時点の価格)。',
  premium: '。うちグローバル価格に対する地域プロファイルの割増分は {premium}',
  noDevelopers: 'この期間の呼び出しログはありません。',
  truncated: 'Logs Insights が上限の {limit} 行を返しました。一部の行が欠けている可能性があります。短い期間を選んでください。',
  statistics: '{matched} 件のログレコードが一致 ({scanned} 件をスキャン)。',
  loggingCloudWatch: '呼び出しログ: {region} の CloudWatch Logs ロググループ {logGroup}。',
  loggingOff: '{region} ではモデル呼び出しログがオフです。誰がどのモデルを呼び出したかの記録がないため、開発者ごとの使用量は表示できません。',
  loggingS3: '{region} のモデル呼び出しログは S3 (バケット {bucket}) にだけ送られています。Logs Insights は S3 ではなく CloudWatch Logs を検索するため、開発者ごとの使用量は表示できません。',
  enabling:
    'CloudWatch Logs へのログ記録を有効にするかどうかは管理者の判断です。有効にすると、Bedrock は {region} のすべてのリクエストの記録を、ロール {role} を使ってロググループ {logGroup} に書き込みます。記録には呼び出し元、モデル、トークン数に加え、プロンプトと応答そのものが含まれます。このロググループを読める人は誰でもそれを読めるため、保持期間を設定し (プランでは {days} 日を提案)、logs:GetLogEvents の付与は最小限にしてください。この拡張機能はその本文を読みません。',
  enableCommand: '「Claude on Bedrock: 呼び出しログを有効にする…」または claude-bedrock logging apply で、内容を確認してから適用できます。',
  queryRunning: 'Logs Insights クエリを実行中… ({scanned} 件をスキャン)',
  queryStarting: 'Logs Insights クエリを開始しています…',
  planTitle: '{region} (アカウント {account}) でモデル呼び出しログを有効にします',
  planBefore: '現在: {state}',
  planConfig: '設定する内容 (PutModelInvocationLoggingConfiguration):',
  planPrerequisites: '先に管理者が、ロググループと Bedrock が書き込みに使うロールを作成してください (この拡張機能は IAM ロールやロググループを作成しません):',
  planStored: '以後、このロググループには {region} でのアカウントのすべてのプロンプトと応答が保存されます。',
  planUnchanged: '変更は不要です: ログはすでにこのロールで {logGroup} に送られています。',
  applied: '{region} で呼び出しログが有効になりました: 送信先は {logGroup} です。',
  applyUncertain: '{region} で呼び出しログが有効になったかどうかは不明です: 変更が行われた可能性があり、読み直しも失敗しました。もう一度試す前に claude-bedrock logging plan で確認してください。',
  stateOff: 'オフ',
  stateS3: 'S3 のみ ({bucket})',
  stateCloudWatch: 'CloudWatch Logs ({logGroup})',
  badLogGroup: 'ロググループ名 "{value}" は使えません。',
  badRole: 'ロール ARN "{value}" は IAM ロールの ARN ではありません。',
  badAccount: '認証情報のアカウントを (STS で) 読み取れなかったため、プランでロールを指定できません。',
};

const TABLES: Readonly<Record<Locale, TeamTextTable>> = { en, ja };

export type TeamTextKey = Exclude<keyof TeamTextTable, 'range' | 'columns'>;

export function teamText(locale: Locale, key: TeamTextKey, params: Readonly<Record<string, string | number | undefined>> = {}): string {
  return format(TABLES[locale][key], params);
}

export function teamColumns(locale: Locale): TeamTextTable['columns'] {
  return TABLES[locale].columns;
}

export function teamRangeText(range: TeamRange, locale: Locale): string {
  return TABLES[locale].range[range];
}

export function loggingStateText(state: LoggingState, locale: Locale): string {
  if (state.state === 'off') return teamText(locale, 'stateOff');
  if (state.state === 's3-only') return teamText(locale, 'stateS3', { bucket: state.bucketName });
  return teamText(locale, 'stateCloudWatch', { logGroup: state.logGroupName });
}

/** What the report says about where the logs go (and, when they are not queryable, what enabling involves). */
export function loggingLines(report: Pick<TeamReport, 'logging' | 'region'>, locale: Locale, logGroup: string, role: string): string[] {
  const logging = report.logging;
  if (logging === undefined) return [];
  if (logging.state === 'cloudwatch') return [teamText(locale, 'loggingCloudWatch', { logGroup: logging.logGroupName, region: report.region })];
  const first = logging.state === 'off' ? teamText(locale, 'loggingOff', { region: report.region }) : teamText(locale, 'loggingS3', { region: report.region, bucket: logging.bucketName });
  return [first, teamText(locale, 'enabling', { region: report.region, logGroup, role, days: SUGGESTED_RETENTION_DAYS }), teamText(locale, 'enableCommand')];
}

/** A share of the team as a percentage with one decimal (`80%`, `12.5%`). */
export function shareText(share: number, locale: Locale): string {
  return `${new Intl.NumberFormat(locale === 'ja' ? 'ja-JP' : 'en-US', { maximumFractionDigits: 1 }).format(share * 100)}%`;
}

/** A developer's figures in the table's column order: requests, input, output, cache read, cache write, cost, share. */
export function developerCells(developer: DeveloperUsage, locale: Locale): string[] {
  const count = (value: number) => formatCount(value, locale);
  return [
    count(developer.requests),
    count(developer.tokens.input),
    count(developer.tokens.output),
    count(developer.tokens.cacheRead),
    count(developer.tokens.cacheWrite),
    developer.cost.usd === undefined ? teamText(locale, 'unpriced') : formatUsd(developer.cost.usd, locale),
    shareText(developer.share, locale),
  ];
}

/** The team's totals in one line. */
export function teamTotalsText(report: TeamReport, locale: Locale): string | undefined {
  const totals = report.totals;
  if (!totals) return undefined;
  const tokens = totals.tokens.input + totals.tokens.output + totals.tokens.cacheRead + totals.tokens.cacheWrite;
  return teamText(locale, 'totals', {
    requests: formatCount(totals.requests, locale),
    tokens: formatCount(tokens, locale),
    cost: totals.cost.usd === undefined ? teamText(locale, 'unpriced') : formatUsd(totals.cost.usd, locale),
    premium: totals.cost.premiumUsd ? teamText(locale, 'premium', { premium: formatUsd(totals.cost.premiumUsd, locale) }) : '',
    asOf: totals.cost.pricesAsOf,
  });
}

/** The plan as lines of text (CLI and the confirmation dialog). */
export function loggingPlanLines(plan: LoggingPlan, locale: Locale): string[] {
  if (plan.unchanged) return [teamText(locale, 'planUnchanged', { logGroup: plan.logGroupName })];
  return [
    teamText(locale, 'planTitle', { region: plan.region, account: plan.accountId }),
    teamText(locale, 'planBefore', { state: loggingStateText(plan.before, locale) }),
    '',
    teamText(locale, 'planConfig'),
    JSON.stringify({ loggingConfig: { cloudWatchConfig: { logGroupName: plan.logGroupName, roleArn: plan.roleArn }, ...(plan.config.s3 ? { s3Config: plan.config.s3 } : {}), textDataDeliveryEnabled: plan.config.textDataDelivery, imageDataDeliveryEnabled: plan.config.imageDataDelivery, embeddingDataDeliveryEnabled: plan.config.embeddingDataDelivery } }, null, 2),
    '',
    teamText(locale, 'planPrerequisites'),
    ...plan.prerequisites.map((command) => `  ${command}`),
    '',
    teamText(locale, 'planStored', { region: plan.region }),
  ];
}
