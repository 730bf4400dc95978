/** The CLI's own words, in English and Japanese. */

import { format, type Locale } from '../core/text/locale';

const en = {
  usage: `Usage: claude-bedrock <command> [options]

Commands:
  profiles                     List the AWS profiles on this machine, with kind, region and problems.
  doctor                       Check that a profile works right now (credentials, identity, and the --model list), and
                               which Claude Code reads the settings and what of them it would ignore.
  models                       List the Claude models a profile can use in a region, with scopes and routing.
  setup                        Write the Claude Code settings of a folder for Bedrock (same files as the VS Code wizard).
  quotas                       Show the Bedrock quotas of the models (applied value, AWS default, adjustable, pending requests).
  usage                        Show usage against the quotas from CloudWatch: peaks, throttled minutes, cost, recommendations.
  policy check                 Check the folder's effective Claude settings against the organisation policy (machine, team,
                               managed settings); exit 1 on any violation. For a data-residency policy every model ID is
                               resolved with GetInferenceProfile.
  team                         Per-developer usage from the Bedrock invocation logs (one Logs Insights query of metadata
                               fields only; prompts are never read). Admin permissions (docs/team.md).
  logging plan|apply           What turning invocation logging on to CloudWatch Logs sets; apply sets it after a confirmation.
  spend                        What Claude on Bedrock really cost (Cost Explorer, at most one read an hour, cached), beside the
                               CloudWatch estimate of the folder's models.
  budgets list|create          AWS Budgets covering Claude on Bedrock; create a monthly budget with alerts after a confirmation.
  cost plan                    The team's monthly cost on Bedrock in USD and JPY, every model, and a per-seat comparison.
  alarms plan|apply|list       For the team admin: CloudWatch alarms on each model's throttled requests and on its quota use
                               (tokens per minute against the TPM quota), notifying an SNS topic; plan shows them, apply creates
                               or updates them after a confirmation, list shows every alarm claude-bedrock made and its state.
  dashboard plan|apply         For the team admin: the team's CloudWatch dashboard (tokens against the quota, requests,
                               throttles, latency, cache hits per model), shown as a diff, saved after a confirmation.
  admin-stack                  For the team admin: the whole setup as one CloudFormation template (developer and admin IAM
                               policies, alarms, SNS topic, dashboard), YAML to stdout or --output; see docs/admin.md.

Options:
  --json                       Print JSON instead of text.
  --profile <name>             doctor, models: the profile to use (default: AWS_PROFILE, environment keys, or "default").
  --region <region>            doctor, models: the region (default: the profile's region, then AWS_REGION).
  --model <id>                 doctor: check access to this model ID (repeatable), e.g. jp.anthropic.claude-sonnet-4-5-20250929-v1:0.
  --probe                      doctor: also send each --model a real request with a 1-token answer (costs a few tokens).
  --timeout <seconds>          every command that calls AWS: how long it may wait for AWS (default: 10); it ends within that
                               time and a moment, whatever the network does.
  --folder <dir>               setup: the workspace folder (default: the current folder).
  --model <id>                 setup: the primary model (ANTHROPIC_MODEL); append [1m] for the 1M-token context.
  --background-model <id>      setup: the background (Haiku) model (ANTHROPIC_DEFAULT_HAIKU_MODEL).
  --sonnet-model <id>, --opus-model <id>
                               setup: what the sonnet and opus aliases mean.
  --max-output-tokens <n>      setup: CLAUDE_CODE_MAX_OUTPUT_TOKENS.
  --scope <project|local|user> setup: project (default) writes .claude/settings.json for the team and your profile to
                               .claude/settings.local.json; local writes only the personal file; user ~/.claude/settings.json.
  --dry-run                    setup: show the changes as a diff; write nothing.
  --no-gitignore               setup: do not add .claude/settings.local.json to .gitignore when git does not ignore it.
  --no-vscode-settings         setup: do not set claudeCode.disableLoginPrompt in .vscode/settings.json.
  --model <id>, --folder <dir> quotas, usage, doctor: the models to read (repeatable); without --model, those the folder's
                               Claude settings name, with their AWS_PROFILE and AWS_REGION as defaults.
  --range <1h|24h|7d>          usage: the period (default 1h, at 1-minute resolution; 24h at 5 minutes; 7d at 1 hour).
  --offline                    policy check, setup: judge data residency by scope only, without asking the account.
  --proof <file>               policy check: write the data-residency proof (profile, destinations, time) as JSON.
  --session-days <n>           doctor: read the API errors of the last n days of Claude Code's own sessions of the folder
                               (default 7, 0 to skip; only error records are read, never prompts or answers).
  --range <1h|24h|7d|30d>      team: the period (default 24h).
  --log-group <name>, --role-arn <arn>
                               logging: the log group and the role Bedrock writes with (default /aws/bedrock/modelinvocations
                               and role BedrockModelInvocationLogging).
  --limit <usd>, --threshold <percent> (repeatable), --email <address> (repeatable), --sns-topic <arn>, --name <name>
                               budgets create: the monthly limit, the alerts and where they go.
  --developers, --working-days, --sessions, --input-tokens, --output-tokens <n>, --cache-read-share <0-1>,
  --cache-rest <write|uncached>, --plan-model <id>, --scope <scope>, --yen-rate <n>, --seat-price <usd>, --measured
                               cost plan: the plan's figures; --measured fills the per-session figures from the last 30 days.
  --percent <1-100>            alarms, admin-stack: the quota alarm's threshold in percent of the TPM quota (default 80).
  --throttle-threshold <n>     alarms, admin-stack: throttled requests in one minute that alarm (default 1).
  --topic-arn <arn>            alarms: notify this existing SNS topic. Neither: the alarms notify nobody.
  -o, --output <file>          admin-stack: write the template to this file instead of stdout.
  --offline                    admin-stack: do not read the quota values from Service Quotas (the parameters then have no defaults).
  --yes                        apply, create (alarms, dashboard, logging, budgets): apply the printed plan without asking
                               (needed without a terminal, as in CI).
  --email <address>            alarms: notify a new SNS topic (--topic-name, default claude-bedrock-alarms) and subscribe this
                               address (one). budgets create: where alerts go (repeatable).
  --lang <en|ja>               Language of the output (default: from LANG).
  -h, --help                   Show this help.
  -v, --version                Show the version.

Exit codes: 0 healthy, or applied; 1 problems found, or something could not be verified (doctor), read (quotas, usage,
team, spend, budgets, alarms, dashboard, admin-stack) or applied, or a change was declined at the terminal;
2 usage error (also: an apply or create without a terminal and without --yes).`,
  unknownCommand: 'Unknown command "{command}". Run claude-bedrock --help for the list.',
  badOption: '{detail} Run claude-bedrock --help for the options.',
  badTimeout: '--timeout must be a number of seconds between 1 and 300, not "{value}".',
  unexpectedArgument: 'Unexpected argument "{value}".',
  emailOnce: '--email is given once for alarms (one subscription to the new topic).',
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
  summaryWarnings: 'Every check was read and nothing blocks; {count} check(s) with a warning.',
  environmentTarget: 'environment credentials',
  profileTarget: 'profile {profile}',
  modelsTitle: 'Claude models for {target} in {region} ({regionName})',
  modelsFromAccount: 'From the account\'s own inference-profile listing.',
  modelsFallback: 'Unverified: the account\'s inference profiles could not be listed, so this is the bundled table of {asOf} ({source}). Check a model with doctor --model … --probe.',
  modelsNone: 'No Claude models are offered in {region}.',
  legacy: 'legacy',
  headerModel: 'MODEL',
  headerScope: 'SCOPE',
  headerModelId: 'MODEL ID',
  headerRoutes: 'ROUTES TO',
  headerPrice: 'PRICE VS GLOBAL',
  applicationProfiles: 'Application inference profiles:',
  checkModel: 'Model {model}',
  modelAccessible: 'accessible: probe answered in {ms} ms ({input} input + {output} output tokens)',
  modelReadNotProbed: 'access granted (GetFoundationModelAvailability) and inference profile found (GetInferenceProfile), read now; not probed',
  modelReadInRegionNotProbed: 'access granted (GetFoundationModelAvailability), read now; not probed',
  modelNotAccessible: 'not accessible',
  modelWarning: 'usable, with a warning',
  modelNotVerified: 'not verified: {calls} could not be read',
  modelRoutes: 'routes to {routes}',
  probeHint: 'Add --probe to prove it with one real request (a 1-token answer, under ${cost} at list prices).',
  probeCost: 'Probing sends one real request per model with a 1-token answer: under ${cost} in total at list prices.',
  modelsSkipped: 'Model checks skipped: the credentials do not work.',
  modelsSkippedUnread: 'Model checks skipped: the identity check could not be read, so whether the credentials work is not known.',
  checkSettings: 'Claude settings of {folder}',
  settingsRead: 'Bedrock is configured; doctor checks what Claude Code uses here ({count} file(s) read)',
  settingsFile: 'read {source}: {path}',
  settingsValue: '{key} = {value} (from {path})',
  settingsOverridden: 'Options given on the command line win over these settings.',
  settingsBroken: 'Claude Code cannot read {files}',
  settingsBrokenFix: 'Fix the JSON of the file (strict JSON: no comments, no trailing commas), or run claude-bedrock setup again.',
  profileRead: 'defined in {file}',
  checkRefresh: 'Credential refresh (awsAuthRefresh)',
  refreshSet: '{command} (from {path})',
  refreshMissing: 'Claude Code cannot renew the SSO sign-in of {profile} when it expires: no awsAuthRefresh is set',
  refreshMissingFix: 'Run claude-bedrock setup again, or add "awsAuthRefresh": "aws sso login --profile <profile>" to .claude/settings.local.json.',
  identityNotRun: 'not checked: the credentials come from the instance metadata service, which this machine may not reach',
  notVerifiedLabel: 'not verified',
  summaryNotVerified: 'Not verified ({count}): {checks}. Fix what each says, then run doctor again.',
};

export type CliText = typeof en;

const ja: CliText = {
  usage: `使い方: claude-bedrock <コマンド> [オプション]

コマンド:
  profiles                     このマシンの AWS プロファイルを、種類・リージョン・問題点とともに一覧表示します。
  doctor                       プロファイルが今使えるか (認証情報、ID、--model のモデル) と、設定を読む Claude Code と
                               そのバージョンが無視する設定を確認します。
  models                       プロファイルがリージョンで使える Claude モデルを、スコープとルーティング先とともに一覧表示します。
  setup                        フォルダーの Claude Code 設定を Bedrock 用に書き込みます (VS Code のウィザードと同じファイル)。
  quotas                       モデルの Bedrock クォータ (適用値、AWS 既定値、引き上げ可否、申請中のリクエスト) を表示します。
  usage                        CloudWatch からクォータに対する使用状況 (ピーク、スロットリングされた分、料金、推奨事項) を表示します。
  policy check                 フォルダーの実効的な Claude 設定を組織のポリシー (マシン、チーム、管理設定) と照合します。
                               違反があれば終了コード 1。データレジデンシーのポリシーでは各モデル ID を GetInferenceProfile で確認します。
  team                         Bedrock の呼び出しログから開発者ごとの使用量を表示します (メタデータだけを読む Logs Insights
                               クエリ 1 回。プロンプトは読みません)。管理者の権限が必要です (docs/team.md)。
  logging plan|apply           呼び出しログを CloudWatch Logs に有効にする設定を表示し、apply は確認の後に設定します。
  spend                        Bedrock 上の Claude の実コスト (Cost Explorer、読み取りは 1 時間に 1 回まででキャッシュ) を、
                               フォルダーのモデルの CloudWatch 見積もりと並べて表示します。
  budgets list|create          Bedrock 上の Claude を含む AWS Budgets の予算を一覧し、確認の後にアラート付き月次予算を作成します。
  cost plan                    チームの Bedrock での月額コストを USD と円で、全モデルと席単位の価格との比較とともに表示します。
  alarms plan|apply|list       チーム管理者向け: 各モデルのスロットリングとクォータ使用率 (TPM クォータに対する 1 分あたりの
                               トークン数) の CloudWatch アラームを作り、SNS トピックに通知します。plan は表示のみ、apply は確認後に
                               作成・更新、list は claude-bedrock が作ったアラームとその状態を一覧表示します。
  dashboard plan|apply         チーム管理者向け: チームの CloudWatch ダッシュボード (クォータに対するトークン数、リクエスト、
                               スロットリング、レイテンシ、キャッシュヒット) を差分で表示し、確認後に保存します。
  admin-stack                  チーム管理者向け: 設定一式を 1 つの CloudFormation テンプレート (開発者用と管理者用の IAM ポリシー、
                               アラーム、SNS トピック、ダッシュボード) の YAML として標準出力か --output に書き出します。docs/admin.md 参照。

オプション:
  --json                       テキストの代わりに JSON を出力します。
  --profile <名前>             doctor, models: 使うプロファイル (既定: AWS_PROFILE、環境変数のキー、または "default")。
  --region <リージョン>        doctor, models: リージョン (既定: プロファイルのリージョン、次に AWS_REGION)。
  --model <ID>                 doctor: このモデル ID へのアクセスを確認します (複数指定可)。例: jp.anthropic.claude-sonnet-4-5-20250929-v1:0
  --probe                      doctor: --model の各モデルに 1 トークンだけ応答させる実際のリクエストも送ります (数トークン分の料金がかかります)。
  --timeout <秒>               AWS を呼び出すすべてのコマンド: AWS の応答を待ってよい時間 (既定: 10)。ネットワークがどうであれ、
                               この時間とわずかな余裕のうちに終わります。
  --folder <フォルダー>        setup: ワークスペースのフォルダー (既定: 現在のフォルダー)。
  --model <ID>                 setup: メインのモデル (ANTHROPIC_MODEL)。100 万トークンのコンテキストには末尾に [1m] を付けます。
  --background-model <ID>      setup: バックグラウンド (Haiku) のモデル (ANTHROPIC_DEFAULT_HAIKU_MODEL)。
  --sonnet-model <ID>, --opus-model <ID>
                               setup: sonnet と opus の別名が指すモデル。
  --max-output-tokens <数>     setup: CLAUDE_CODE_MAX_OUTPUT_TOKENS。
  --scope <project|local|user> setup: project (既定) はチーム用に .claude/settings.json、自分のプロファイルを
                               .claude/settings.local.json に書きます。local は個人用ファイルのみ、user は ~/.claude/settings.json。
  --dry-run                    setup: 変更を差分で表示し、何も書き込みません。
  --no-gitignore               setup: .claude/settings.local.json が git の無視対象でなくても .gitignore に追加しません。
  --no-vscode-settings         setup: .vscode/settings.json の claudeCode.disableLoginPrompt を設定しません。
  --model <ID>, --folder <フォルダー>
                               quotas, usage, doctor: 読み取るモデル (複数可)。--model がなければフォルダーの Claude 設定に
                               あるモデルを使い、その AWS_PROFILE と AWS_REGION を既定にします。
  --range <1h|24h|7d>          usage: 期間 (既定は 1h で 1 分ごと。24h は 5 分ごと、7d は 1 時間ごと)。
  --offline                    policy check、setup: アカウントに問い合わせず、スコープだけでデータレジデンシーを判定します。
  --proof <ファイル>           policy check: データレジデンシーの証跡 (プロファイル、転送先、確認時刻) を JSON で書き出します。
  --session-days <n>           doctor: フォルダーの Claude Code 自身のセッションから過去 n 日間の API エラーを読みます
                               (既定 7、0 で読まない。読むのはエラーの記録だけで、プロンプトや応答は読みません)。
  --range <1h|24h|7d|30d>      team: 期間 (既定: 24h)。
  --log-group <名前>, --role-arn <ARN>
                               logging: Bedrock が書き込むロググループとロール (既定: /aws/bedrock/modelinvocations と
                               ロール BedrockModelInvocationLogging)。
  --limit <USD>, --threshold <%> (複数可), --email <アドレス> (複数可), --sns-topic <ARN>, --name <名前>
                               budgets create: 月の上限、通知のしきい値と通知先。
  --developers, --working-days, --sessions, --input-tokens, --output-tokens <数>, --cache-read-share <0〜1>,
  --cache-rest <write|uncached>, --plan-model <ID>, --scope <スコープ>, --yen-rate <数>, --seat-price <USD>, --measured
                               cost plan: 計画の値。--measured は直近 30 日のメトリクスから 1 セッションあたりの値を入れます。
  --percent <1-100>            alarms, admin-stack: クォータのアラームのしきい値 (TPM クォータに対するパーセント、既定 80)。
  --throttle-threshold <数>    alarms, admin-stack: アラームになる 1 分間のスロットリング件数 (既定 1)。
  --topic-arn <ARN>            alarms: この既存の SNS トピックに通知します。どちらもなければ通知しません。
  -o, --output <ファイル>      admin-stack: テンプレートを標準出力ではなくこのファイルに書き出します。
  --offline                    admin-stack: Service Quotas からクォータの値を読みません (パラメーターに既定値が付きません)。
  --yes                        apply、create (alarms、dashboard、logging、budgets): 表示した計画を確認なしで適用します
                               (CI など端末がない環境では必須)。
  --email <アドレス>           alarms: 新しい SNS トピック (--topic-name、既定 claude-bedrock-alarms) に通知し、このアドレスを登録します
                               (1 つ)。budgets create: 通知先 (複数可)。
  --lang <en|ja>               出力の言語 (既定: LANG から判断)。
  -h, --help                   このヘルプを表示します。
  -v, --version                バージョンを表示します。

終了コード: 0 正常または適用済み、1 問題あり、または確認できない (doctor)・読み取れない (quotas, usage, team, spend,
budgets, alarms, dashboard, admin-stack)・適用できないものがあった、または端末での確認で取りやめた、
2 使い方の誤り (端末がなく --yes もない apply や create を含む)。`,
  unknownCommand: '不明なコマンド "{command}" です。claude-bedrock --help で一覧を確認してください。',
  badOption: '{detail} claude-bedrock --help でオプションを確認してください。',
  badTimeout: '--timeout には 1 から 300 までの秒数を指定してください ("{value}" は指定できません)。',
  unexpectedArgument: '予期しない引数 "{value}" があります。',
  emailOnce: 'alarms の --email は 1 回だけ指定してください (新しいトピックへの購読は 1 つです)。',
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
  summaryWarnings: 'すべての確認を読み取り、妨げになるものはありません。警告のある確認が {count} 件あります。',
  environmentTarget: '環境変数の認証情報',
  profileTarget: 'プロファイル {profile}',
  modelsTitle: '{target} の Claude モデル ({region}、{regionName})',
  modelsFromAccount: 'アカウント自身の推論プロファイル一覧から取得しました。',
  modelsFallback: '未検証: アカウントの推論プロファイルを一覧できなかったため、同梱の表 ({asOf}、{source}) を表示しています。doctor --model … --probe でモデルを確認してください。',
  modelsNone: '{region} では Claude モデルが提供されていません。',
  legacy: 'レガシー',
  headerModel: 'モデル',
  headerScope: 'スコープ',
  headerModelId: 'モデル ID',
  headerRoutes: 'ルーティング先',
  headerPrice: 'global との価格差',
  applicationProfiles: 'アプリケーション推論プロファイル:',
  checkModel: 'モデル {model}',
  modelAccessible: 'アクセス可能: プローブの応答 {ms} ミリ秒 (入力 {input} + 出力 {output} トークン)',
  modelReadNotProbed: 'アクセス許可あり (GetFoundationModelAvailability)、推論プロファイルあり (GetInferenceProfile) を今回読み取りました。プローブは未実施',
  modelReadInRegionNotProbed: 'アクセス許可あり (GetFoundationModelAvailability) を今回読み取りました。プローブは未実施',
  modelNotAccessible: 'アクセスできません',
  modelWarning: '使えますが警告があります',
  modelNotVerified: '未確認: {calls} を読み取れませんでした',
  modelRoutes: 'ルーティング先: {routes}',
  probeHint: '--probe を付けると実際のリクエスト 1 回で確認します (応答 1 トークン、定価で ${cost} 未満)。',
  probeCost: 'プローブはモデルごとに応答 1 トークンの実際のリクエストを 1 回送ります: 合計で定価 ${cost} 未満です。',
  modelsSkipped: '認証情報が使えないため、モデルの確認は省略しました。',
  modelsSkippedUnread: 'ID 確認の応答を読み取れず、認証情報が使えるか分からないため、モデルの確認は省略しました。',
  checkSettings: '{folder} の Claude 設定',
  settingsRead: 'Bedrock が設定されています。Claude Code がここで使うものを確認します ({count} 個のファイルを読み取り)',
  settingsFile: '読み取り ({source}): {path}',
  settingsValue: '{key} = {value} ({path} から)',
  settingsOverridden: 'コマンドラインのオプションがこれらの設定より優先されます。',
  settingsBroken: 'Claude Code が {files} を読み取れません',
  settingsBrokenFix: 'ファイルの JSON を修正する (厳密な JSON: コメントや末尾のカンマは不可) か、claude-bedrock setup をもう一度実行してください。',
  profileRead: '{file} に定義されています',
  checkRefresh: '認証情報の更新 (awsAuthRefresh)',
  refreshSet: '{command} ({path} から)',
  refreshMissing: '{profile} の SSO サインインが期限切れになっても Claude Code は更新できません: awsAuthRefresh が設定されていません',
  refreshMissingFix: 'claude-bedrock setup をもう一度実行するか、.claude/settings.local.json に "awsAuthRefresh": "aws sso login --profile <プロファイル>" を追加してください。',
  identityNotRun: '未確認: 認証情報はインスタンスメタデータサービスから取得されますが、このマシンからは届かない可能性があります',
  notVerifiedLabel: '未確認',
  summaryNotVerified: '未確認 ({count} 件): {checks}。それぞれの対処を行ってから、もう一度 doctor を実行してください。',
};

const catalogs: Record<Locale, CliText> = { en, ja };

/** A CLI string in a locale with its placeholders filled. */
export function cliText(locale: Locale, key: keyof CliText, params: Record<string, string | number | undefined> = {}): string {
  return format(catalogs[locale][key], params);
}
