/** The CLI's own words, in English and Japanese. */

import { format, type Locale } from '../core/locale';

const en = {
  usage: `Usage: claude-bedrock <command> [options]

Commands:
  profiles                     List the AWS profiles on this machine, with kind, region and problems.
  doctor                       Check that a profile works right now (credentials and identity).

Options:
  --json                       Print JSON instead of text.
  --profile <name>             doctor: the profile to check (default: AWS_PROFILE, environment keys, or "default").
  --region <region>            doctor: the region to check in (default: the profile's region, then AWS_REGION).
  --timeout <seconds>          doctor: how long the identity check may take (default: 10).
  --lang <en|ja>               Language of the output (default: from LANG).
  -h, --help                   Show this help.
  -v, --version                Show the version.

Exit codes: 0 healthy, 1 problems found, 2 usage error.`,
  unknownCommand: 'Unknown command "{command}". Run claude-bedrock --help for the list.',
  badOption: '{detail} Run claude-bedrock --help for the options.',
  badTimeout: '--timeout must be a number of seconds between 1 and 300, not "{value}".',
  badLang: '--lang must be en or ja, not "{value}".',
  noRegion: 'No region to check in: {target} sets none and AWS_REGION is not set. Pass --region, for example --region ap-northeast-1.',
  noProfiles: 'No AWS profiles found (looked in {config} and {credentials}).',
  headerName: 'PROFILE',
  headerKind: 'KIND',
  headerRegion: 'REGION',
  headerStatus: 'STATUS',
  statusOk: 'ok',
  statusProblems: '{count} problem(s)',
  active: 'active',
  environmentRow: '(environment)',
  environmentKeys: 'environment variables: {kind} {hint}',
  bedrockApiKey: 'AWS_BEARER_TOKEN_BEDROCK is set (value not shown)',
  fileProblems: 'Problems in the AWS files and environment:',
  profileProblems: 'Problems of profile {profile}:',
  fixLabel: 'Fix',
  at: 'at {file}:{line}',
  doctorTitle: 'Claude on Bedrock doctor: {target} in {region}',
  checkProfile: 'Profile {profile} ({kind})',
  checkEnvironment: 'Environment credentials ({kind} {hint})',
  profileMissing: 'Profile "{profile}" is not defined in {config} or {credentials}.',
  profileMissingFix: 'Run claude-bedrock profiles to see the profiles, or create it with aws configure sso.',
  checkIdentity: 'Identity',
  identityOk: '{arn} (account {account}) in {ms} ms',
  summaryHealthy: 'Healthy.',
  summaryProblems: '{count} problem(s) found.',
  summaryWarnings: 'Nothing failed; {count} check(s) with a warning.',
  environmentTarget: 'environment credentials',
  profileTarget: 'profile {profile}',
};

export type CliText = typeof en;

const ja: CliText = {
  usage: `使い方: claude-bedrock <コマンド> [オプション]

コマンド:
  profiles                     このマシンの AWS プロファイルを、種類・リージョン・問題点とともに一覧表示します。
  doctor                       プロファイルが今使えるか (認証情報と ID) を確認します。

オプション:
  --json                       テキストの代わりに JSON を出力します。
  --profile <名前>             doctor: 確認するプロファイル (既定: AWS_PROFILE、環境変数のキー、または "default")。
  --region <リージョン>        doctor: 確認するリージョン (既定: プロファイルのリージョン、次に AWS_REGION)。
  --timeout <秒>               doctor: ID 確認にかけてよい時間 (既定: 10)。
  --lang <en|ja>               出力の言語 (既定: LANG から判断)。
  -h, --help                   このヘルプを表示します。
  -v, --version                バージョンを表示します。

終了コード: 0 正常、1 問題あり、2 使い方の誤り。`,
  unknownCommand: '不明なコマンド "{command}" です。claude-bedrock --help で一覧を確認してください。',
  badOption: '{detail} claude-bedrock --help でオプションを確認してください。',
  badTimeout: '--timeout には 1 から 300 までの秒数を指定してください ("{value}" は指定できません)。',
  badLang: '--lang には en または ja を指定してください ("{value}" は指定できません)。',
  noRegion: '確認するリージョンがありません: {target} にリージョンがなく、AWS_REGION も設定されていません。--region を指定してください (例: --region ap-northeast-1)。',
  noProfiles: 'AWS プロファイルが見つかりません ({config} と {credentials} を確認しました)。',
  headerName: 'プロファイル',
  headerKind: '種類',
  headerRegion: 'リージョン',
  headerStatus: '状態',
  statusOk: '正常',
  statusProblems: '問題 {count} 件',
  active: '使用中',
  environmentRow: '(環境変数)',
  environmentKeys: '環境変数: {kind} {hint}',
  bedrockApiKey: 'AWS_BEARER_TOKEN_BEDROCK が設定されています (値は表示しません)',
  fileProblems: 'AWS ファイルと環境変数の問題:',
  profileProblems: 'プロファイル {profile} の問題:',
  fixLabel: '対処',
  at: '{file}:{line}',
  doctorTitle: 'Claude on Bedrock 診断: {target} ({region})',
  checkProfile: 'プロファイル {profile} ({kind})',
  checkEnvironment: '環境変数の認証情報 ({kind} {hint})',
  profileMissing: 'プロファイル "{profile}" は {config} にも {credentials} にも定義されていません。',
  profileMissingFix: 'claude-bedrock profiles でプロファイルを確認するか、aws configure sso で作成してください。',
  checkIdentity: 'ID',
  identityOk: '{arn} (アカウント {account})、{ms} ミリ秒',
  summaryHealthy: '正常です。',
  summaryProblems: '問題が {count} 件見つかりました。',
  summaryWarnings: '失敗はありません。警告のある確認が {count} 件あります。',
  environmentTarget: '環境変数の認証情報',
  profileTarget: 'プロファイル {profile}',
};

const catalogs: Record<Locale, CliText> = { en, ja };

/** A CLI string in a locale with its placeholders filled. */
export function cliText(locale: Locale, key: keyof CliText, params: Record<string, string | number | undefined> = {}): string {
  return format(catalogs[locale][key], params);
}
