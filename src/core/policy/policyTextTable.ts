/**
 * The words of the policy, in English and Japanese: a title and detail for each kind of violation
 * (and its variants), the names of rules, sources and settings files, and the frame of a policy
 * file's problem. policyText.ts picks the entry and fills its `{placeholders}`.
 */

import type { Locale } from '../text/locale';
import type { LoggingUnread, PolicyFileProblem, PolicyRuleName, PolicySource, PolicyViolationCode } from './policyTypes';
import type { SettingsSource } from '../setup/settingsTypes';

export interface ViolationEntry {
  readonly title: string;
  readonly detail: string;
}

/** A code, or a code and a variant: `:missing` (no value set), `:derived` (Claude Code derives the value), `:env` (a key in settings). */
export type ViolationTextKey =
  | PolicyViolationCode
  | 'region-not-allowed:missing'
  | 'residency-outside:missing'
  | 'residency-outside:region'
  | 'residency-outside:derived'
  | 'residency-outside:prefix'
  | 'scope-not-allowed:derived'
  | 'scope-not-allowed:prefix'
  | 'scope-not-allowed:scope'
  | 'residency-outside:scope'
  | 'residency-unverified:derived'
  | 'residency-unverified:lookup'
  | 'invocation-logging-unverified:unread'
  | 'env-required:missing'
  | 'static-keys-forbidden:env'
  | 'static-keys-forbidden:unnamed'
  | 'sso-required:unnamed';

export interface PolicyTextTable {
  readonly violations: Readonly<Record<ViolationTextKey, ViolationEntry>>;
  /** Why logging was not read in this check: the cause and what to do, for `{cause}`. */
  readonly loggingUnread: Readonly<Record<LoggingUnread, string>>;
  readonly fix: { readonly set: string; readonly remove: string; readonly pin: string; readonly locked: string };
  /** Appended to a residency detail when a compliant replacement exists. */
  readonly useInstead: string;
  readonly anyRegion: string;
  /** How a list of Region codes sits in a sentence around `{where}` (Japanese pads it with spaces, the any-Region phrase not). */
  readonly whereCodes: string;
  readonly ruleFrom: string;
  readonly setIn: string;
  readonly managedValue: string;
  readonly rules: Readonly<Record<PolicyRuleName, string>>;
  readonly sources: Readonly<Record<PolicySource, string>>;
  readonly settingsSources: Readonly<Record<SettingsSource, string>>;
  readonly problems: Readonly<Record<PolicyFileProblem['code'], string>>;
  readonly place: string;
  readonly noRules: string;
  readonly managedIgnored: string;
  readonly and: string;
  readonly listSeparator: string;
  /** Between the sentences of a detail: a space in English, nothing in Japanese. */
  readonly sentenceSeparator: string;
  readonly none: string;
}

const en: PolicyTextTable = {
  violations: {
    'region-not-allowed': { title: 'Region {value} is not allowed', detail: 'The policy allows only {allowed}.' },
    'region-not-allowed:missing': { title: 'AWS_REGION is not set', detail: 'Claude Code then falls back to the profile\'s Region or us-east-1; the policy allows only {allowed}.' },
    'scope-not-allowed': { title: '{value} uses the "{scope}." scope, which is not allowed', detail: 'The policy allows these scopes only: {allowed}.' },
    'scope-not-allowed:prefix': { title: 'The Region prefix "{value}" is not an allowed scope', detail: 'ANTHROPIC_BEDROCK_REGION_PREFIX decides the scope of the models Claude Code picks itself. The policy allows these scopes only: {allowed}.' },
    'scope-not-allowed:derived': { title: 'ANTHROPIC_BEDROCK_REGION_PREFIX is not set', detail: 'For the models it picks itself (an alias without a pin), Claude Code derives a scope from the Region that the policy does not allow. Allowed scopes: {allowed}.' },
    'scope-not-allowed:scope': { title: 'The "{scopeName}" scope is not allowed', detail: 'The policy allows these scopes only: {allowed}.' },
    'residency-outside:scope': { title: 'The "{scopeName}" scope routes outside the allowed Regions', detail: 'Its requests may be served in {where}; the policy keeps inference in {allowed}.' },
    'model-not-allowed': { title: '{value} is not an allowed model', detail: 'The policy allows these models only: {allowed}.' },
    'background-model-not-allowed': { title: 'The background model {value} is not allowed', detail: 'Background tasks (ANTHROPIC_DEFAULT_HAIKU_MODEL) may use these models only: {allowed}.' },
    'not-in-available-models': { title: '{value} is not in the managed list of available models', detail: 'Claude Code\'s managed settings allow only {allowed} (enforceAvailableModels is on), so Claude Code would refuse this model.' },
    'pin-required': { title: '{key} must be set', detail: 'Without this pin Claude Code picks the {alias} model itself, and may choose an inference profile outside the allowed scopes (for Opus it tries apac. and global. IDs of its own).' },
    'static-keys-forbidden': { title: 'The AWS profile "{value}" uses long-lived access keys', detail: 'The policy forbids static access keys: use a profile that signs in through IAM Identity Center (SSO) or another short-lived credential.' },
    'static-keys-forbidden:unnamed': { title: 'The AWS profile in use has long-lived access keys', detail: 'The policy forbids static access keys: use a profile that signs in through IAM Identity Center (SSO) or another short-lived credential.' },
    'static-keys-forbidden:env': { title: '{key} holds a long-lived credential in a settings file', detail: 'The policy forbids static credentials: remove it and sign in through IAM Identity Center (SSO) instead.' },
    'sso-required': { title: 'The AWS profile "{value}" does not sign in through IAM Identity Center', detail: 'The policy requires SSO: choose a profile set up with "aws configure sso".' },
    'sso-required:unnamed': { title: 'The AWS profile in use does not sign in through IAM Identity Center', detail: 'The policy requires SSO: choose a profile set up with "aws configure sso".' },
    'max-output-tokens-too-high': { title: 'CLAUDE_CODE_MAX_OUTPUT_TOKENS is {value}, above the limit of {limit}', detail: 'The policy allows at most {limit} output tokens per request.' },
    'max-output-tokens-missing': { title: 'CLAUDE_CODE_MAX_OUTPUT_TOKENS must be set', detail: 'Without it Claude Code uses its own default, which may exceed the policy\'s limit of {limit}.' },
    'env-required': { title: '{name} is "{value}" but must be "{required}"', detail: 'The policy requires this value.' },
    'env-required:missing': { title: '{name} must be set to "{required}"', detail: 'The policy requires this value.' },
    'env-forbidden': { title: '{name} must not be set', detail: 'The policy forbids this environment variable in Claude Code\'s settings.' },
    'user-scope-forbidden': { title: 'Setups may not be written to your user settings', detail: 'The policy keeps Claude Code setups out of ~/.claude/settings.json: choose the project or local scope.' },
    'residency-outside': { title: '{value} would run outside the allowed Regions', detail: 'Its requests may be served in {where}; the policy keeps inference in {allowed}.' },
    'residency-outside:region': { title: 'Region {value} lies outside the allowed Regions', detail: 'Requests would be sent to {region}; the policy keeps inference in {allowed}.' },
    'residency-outside:missing': { title: 'AWS_REGION is not set', detail: 'Claude Code then falls back to the profile\'s Region or us-east-1, which may lie outside {allowed}.' },
    'residency-outside:prefix': { title: 'The Region prefix "{value}" routes outside the allowed Regions', detail: 'Models Claude Code picks itself would be served in {where}; the policy keeps inference in {allowed}.' },
    'residency-outside:derived': { title: 'ANTHROPIC_BEDROCK_REGION_PREFIX is not set', detail: 'For the models it picks itself (an alias without a pin), Claude Code derives a prefix from the Region whose requests may be served in {where}; the policy keeps inference in {allowed}.' },
    'residency-unverified': { title: 'Where {value} runs cannot be told from its ID', detail: 'An application inference profile (or an unknown scope) routes wherever its definition says: look it up (GetInferenceProfile) before relying on it. The policy keeps inference in {allowed}.' },
    'residency-unverified:derived': { title: 'ANTHROPIC_BEDROCK_REGION_PREFIX is not set', detail: 'For the models it picks itself, Claude Code derives a scope from the Region whose destinations are not known here. The policy keeps inference in {allowed}.' },
    'invocation-logging-off': {
      title: 'Bedrock model invocation logging is off in {region}',
      detail: 'The policy requires invocation logging: an admin turns it on (Claude on Bedrock: Turn On Invocation Logging…, or claude-bedrock logging apply, after a preview).',
    },
    'invocation-logging-unverified': {
      title: 'Whether Bedrock model invocation logging is on in {region} could not be read',
      detail: 'The policy requires invocation logging; GetModelInvocationLoggingConfiguration failed: {reason}',
    },
    'invocation-logging-unverified:unread': {
      title: 'Whether Bedrock model invocation logging is on was not verified',
      detail: 'The policy requires invocation logging, and the account was not asked in this check (GetModelInvocationLoggingConfiguration): {cause}',
    },
    'residency-unverified:lookup': { title: 'Where {value} runs could not be verified', detail: 'The account was asked (GetInferenceProfile) and no answer could be read: {error} Until it answers, nothing shows that it stays in {allowed}.' },
    'managed-lock': { title: '{key} is locked by Claude Code\'s managed settings', detail: 'Managed settings ({path}) set it to {locked}; {value} would never take effect, so it is not written.' },
  },
  loggingUnread: {
    offline: 'policy check ran with --offline. Run it without --offline to ask the account.',
    'no-region': 'no AWS Region is set for this setup, so there is no Region to ask. Set AWS_REGION (or the profile\'s Region), then check again.',
    'no-profile': 'the AWS profile this setup uses is not defined, so the account could not be asked. Choose a defined profile, then check again.',
    identity: 'the credentials check of this setup\'s AWS profile did not pass (or was skipped), so the account was not asked. Fix the credentials problem shown for this setup, then check again.',
    'not-checked': 'no check with the account has run yet. Run "Check Setup Health".',
  },
  fix: { set: 'Set {key} to {value}', remove: 'Remove {key}', pin: 'Pin {value} (a best guess: check that your account offers it)', locked: 'Keep {value}' },
  useInstead: 'Use {replacement} instead.',
  anyRegion: 'any commercial AWS Region worldwide',
  whereCodes: '{list}',
  ruleFrom: 'Rule "{rule}" from {origins}.',
  setIn: 'Set in the {source} ({path}).',
  managedValue: 'Only an administrator can change managed settings.',
  rules: {
    allowedRegions: 'Allowed Regions',
    allowedScopes: 'Allowed scopes',
    dataResidency: 'Data residency',
    allowedModels: 'Allowed models',
    allowedBackgroundModels: 'Allowed background models',
    requiredModelPins: 'Required model pins',
    forbidStaticKeys: 'No static access keys',
    requireSso: 'SSO required',
    maxOutputTokens: 'Maximum output tokens',
    requiredEnv: 'Required environment values',
    forbiddenEnv: 'Forbidden environment variables',
    allowUserScope: 'Setups in user settings',
    requireInvocationLogging: 'Invocation logging required',
    availableModels: 'Available models (managed settings)',
    managedLock: 'Locked by managed settings',
  },
  sources: { machine: 'machine policy', team: 'team policy', managed: 'managed settings' },
  settingsSources: { managed: 'managed settings', local: 'local settings', project: 'project settings', user: 'user settings' },
  problems: {
    syntax: 'The {source} is not valid JSON',
    unreadable: 'The {source} cannot be read',
    invalid: 'The {source} holds an invalid rule',
    version: 'The {source} has a version this extension does not understand',
  },
  place: ', line {line}, column {column}',
  noRules: 'None of its rules apply until it is fixed.',
  managedIgnored: 'Its locks and model list are not read until it is fixed.',
  and: ' and ',
  listSeparator: ', ',
  sentenceSeparator: ' ',
  none: '(none)',
};

const ja: PolicyTextTable = {
  violations: {
    'region-not-allowed': { title: 'リージョン {value} は許可されていません', detail: 'ポリシーで許可されているのは {allowed} だけです。' },
    'region-not-allowed:missing': { title: 'AWS_REGION が設定されていません', detail: 'この場合 Claude Code はプロファイルのリージョンか us-east-1 を使います。ポリシーで許可されているのは {allowed} だけです。' },
    'scope-not-allowed': { title: '{value} は許可されていないスコープ「{scope}.」を使っています', detail: 'ポリシーで許可されているスコープは {allowed} だけです。' },
    'scope-not-allowed:prefix': { title: 'リージョンプレフィックス「{value}」は許可されたスコープではありません', detail: 'ANTHROPIC_BEDROCK_REGION_PREFIX は Claude Code が自ら選ぶモデルのスコープを決めます。ポリシーで許可されているスコープは {allowed} だけです。' },
    'scope-not-allowed:derived': { title: 'ANTHROPIC_BEDROCK_REGION_PREFIX が設定されていません', detail: 'モデルを固定していないエイリアスでは、Claude Code がリージョンからスコープを導き出しますが、そのスコープはポリシーで許可されていません。許可されているスコープ: {allowed}。' },
    'scope-not-allowed:scope': { title: 'スコープ「{scopeName}」は許可されていません', detail: 'ポリシーで許可されているスコープは {allowed} だけです。' },
    'residency-outside:scope': { title: 'スコープ「{scopeName}」は許可されたリージョンの外へルーティングされます', detail: 'リクエストは{where}で処理される可能性がありますが、ポリシーでは推論を {allowed} に限っています。' },
    'model-not-allowed': { title: '{value} は許可されたモデルではありません', detail: 'ポリシーで許可されているモデルは {allowed} だけです。' },
    'background-model-not-allowed': { title: 'バックグラウンドモデル {value} は許可されていません', detail: 'バックグラウンド処理 (ANTHROPIC_DEFAULT_HAIKU_MODEL) に使えるモデルは {allowed} だけです。' },
    'not-in-available-models': { title: '{value} は管理設定の利用可能モデルに含まれていません', detail: 'Claude Code の管理設定で許可されているのは {allowed} だけです (enforceAvailableModels が有効)。Claude Code はこのモデルを拒否します。' },
    'pin-required': { title: '{key} を設定する必要があります', detail: 'この固定がないと Claude Code が {alias} のモデルを自分で選び、許可されていないスコープの推論プロファイルを使うことがあります (Opus では apac. や global. の ID を自ら試します)。' },
    'static-keys-forbidden': { title: 'AWS プロファイル「{value}」は長期のアクセスキーを使っています', detail: 'ポリシーで静的なアクセスキーは禁止されています。IAM Identity Center (SSO) でサインインするプロファイルなど、短期の認証情報を使ってください。' },
    'static-keys-forbidden:unnamed': { title: '使用中の AWS プロファイルは長期のアクセスキーを使っています', detail: 'ポリシーで静的なアクセスキーは禁止されています。IAM Identity Center (SSO) でサインインするプロファイルなど、短期の認証情報を使ってください。' },
    'static-keys-forbidden:env': { title: '設定ファイルの {key} に長期の認証情報があります', detail: 'ポリシーで静的な認証情報は禁止されています。削除して IAM Identity Center (SSO) でサインインしてください。' },
    'sso-required': { title: 'AWS プロファイル「{value}」は IAM Identity Center でサインインしません', detail: 'ポリシーで SSO が必須です。「aws configure sso」で設定したプロファイルを選んでください。' },
    'sso-required:unnamed': { title: '使用中の AWS プロファイルは IAM Identity Center でサインインしません', detail: 'ポリシーで SSO が必須です。「aws configure sso」で設定したプロファイルを選んでください。' },
    'max-output-tokens-too-high': { title: 'CLAUDE_CODE_MAX_OUTPUT_TOKENS が {value} で、上限の {limit} を超えています', detail: 'ポリシーで許可されている出力トークン数は 1 リクエストあたり {limit} までです。' },
    'max-output-tokens-missing': { title: 'CLAUDE_CODE_MAX_OUTPUT_TOKENS を設定する必要があります', detail: '設定がないと Claude Code は独自の既定値を使い、ポリシーの上限 {limit} を超えることがあります。' },
    'env-required': { title: '{name} が「{value}」ですが、「{required}」である必要があります', detail: 'ポリシーでこの値が必須とされています。' },
    'env-required:missing': { title: '{name} を「{required}」に設定する必要があります', detail: 'ポリシーでこの値が必須とされています。' },
    'env-forbidden': { title: '{name} は設定できません', detail: 'ポリシーで Claude Code の設定にこの環境変数を置くことは禁止されています。' },
    'user-scope-forbidden': { title: 'ユーザー設定にはセットアップを書き込めません', detail: 'ポリシーにより ~/.claude/settings.json には書き込めません。プロジェクトかローカルのスコープを選んでください。' },
    'residency-outside': { title: '{value} は許可されたリージョンの外で実行されることがあります', detail: 'リクエストは{where}で処理される可能性がありますが、ポリシーでは推論を {allowed} に限っています。' },
    'residency-outside:region': { title: 'リージョン {value} は許可されたリージョンの外にあります', detail: 'リクエストは {region} に送られますが、ポリシーでは推論を {allowed} に限っています。' },
    'residency-outside:missing': { title: 'AWS_REGION が設定されていません', detail: 'この場合 Claude Code はプロファイルのリージョンか us-east-1 を使い、{allowed} の外になることがあります。' },
    'residency-outside:prefix': { title: 'リージョンプレフィックス「{value}」は許可されたリージョンの外へルーティングされます', detail: 'Claude Code が自ら選ぶモデルは{where}で処理される可能性がありますが、ポリシーでは推論を {allowed} に限っています。' },
    'residency-outside:derived': { title: 'ANTHROPIC_BEDROCK_REGION_PREFIX が設定されていません', detail: 'モデルを固定していないエイリアスでは、Claude Code がリージョンからプレフィックスを導き出し、リクエストが{where}で処理される可能性があります。ポリシーでは推論を {allowed} に限っています。' },
    'residency-unverified': { title: '{value} の実行場所は ID からは判断できません', detail: 'アプリケーション推論プロファイル (または未知のスコープ) は定義に従ってルーティングされます。利用する前に GetInferenceProfile で確認してください。ポリシーでは推論を {allowed} に限っています。' },
    'residency-unverified:derived': { title: 'ANTHROPIC_BEDROCK_REGION_PREFIX が設定されていません', detail: 'Claude Code が自ら選ぶモデルには、リージョンから導き出したスコープが使われますが、その送信先はここでは分かりません。ポリシーでは推論を {allowed} に限っています。' },
    'invocation-logging-off': {
      title: '{region} では Bedrock のモデル呼び出しログがオフです',
      detail: 'ポリシーでは呼び出しログが必須です。管理者が有効にしてください (「Claude on Bedrock: 呼び出しログを有効にする…」または claude-bedrock logging apply で、内容を確認してから適用)。',
    },
    'invocation-logging-unverified': {
      title: '{region} で Bedrock のモデル呼び出しログが有効か読み取れませんでした',
      detail: 'ポリシーでは呼び出しログが必須ですが、GetModelInvocationLoggingConfiguration が失敗しました: {reason}',
    },
    'invocation-logging-unverified:unread': {
      title: 'Bedrock のモデル呼び出しログが有効か確認できていません',
      detail: 'ポリシーでは呼び出しログが必須ですが、この確認ではアカウントに問い合わせていません (GetModelInvocationLoggingConfiguration): {cause}',
    },
    'residency-unverified:lookup': { title: '{value} の実行場所を確認できませんでした', detail: 'アカウントに問い合わせましたが (GetInferenceProfile)、応答を読み取れませんでした: {error}応答があるまで、{allowed} 内にとどまることは確認できません。' },
    'managed-lock': { title: '{key} は Claude Code の管理設定でロックされています', detail: '管理設定 ({path}) で {locked} に設定されているため、{value} は反映されず、書き込みません。' },
  },
  loggingUnread: {
    offline: 'policy check を --offline で実行しました。アカウントに問い合わせるには --offline を付けずに実行してください。',
    'no-region': 'このセットアップには AWS リージョンが設定されていないため、問い合わせるリージョンがありません。AWS_REGION (またはプロファイルのリージョン) を設定してから、もう一度確認してください。',
    'no-profile': 'このセットアップが使う AWS プロファイルが定義されていないため、アカウントに問い合わせられませんでした。定義済みのプロファイルを選んでから、もう一度確認してください。',
    identity: 'このセットアップの AWS プロファイルの認証情報の確認が通らなかった (または省略された) ため、アカウントに問い合わせていません。このセットアップに表示されている認証情報の問題を解決してから、もう一度確認してください。',
    'not-checked': 'アカウントへの確認はまだ実行されていません。「セットアップの状態を確認」を実行してください。',
  },
  fix: { set: '{key} を {value} に変更', remove: '{key} を削除', pin: '{value} に固定 (推測です。アカウントで提供されているか確認してください)', locked: '{value} のままにする' },
  useInstead: '代わりに {replacement} を使ってください。',
  anyRegion: '世界中の商用 AWS リージョンのいずれか',
  whereCodes: ' {list} ',
  ruleFrom: 'ルール「{rule}」の出典: {origins}。',
  setIn: '{source} ({path}) で設定されています。',
  managedValue: '管理設定を変更できるのは管理者だけです。',
  rules: {
    allowedRegions: '許可リージョン',
    allowedScopes: '許可スコープ',
    dataResidency: 'データレジデンシー',
    allowedModels: '許可モデル',
    allowedBackgroundModels: '許可バックグラウンドモデル',
    requiredModelPins: '必須のモデル固定',
    forbidStaticKeys: '静的アクセスキーの禁止',
    requireSso: 'SSO 必須',
    maxOutputTokens: '最大出力トークン数',
    requiredEnv: '必須の環境変数の値',
    forbiddenEnv: '禁止された環境変数',
    allowUserScope: 'ユーザー設定へのセットアップ',
    requireInvocationLogging: '呼び出しログの必須化',
    availableModels: '利用可能モデル (管理設定)',
    managedLock: '管理設定によるロック',
  },
  sources: { machine: 'マシンのポリシー', team: 'チームのポリシー', managed: '管理設定' },
  settingsSources: { managed: '管理設定', local: 'ローカル設定', project: 'プロジェクト設定', user: 'ユーザー設定' },
  problems: {
    syntax: '{source}が JSON として正しくありません',
    unreadable: '{source}を読み込めません',
    invalid: '{source}に不正なルールがあります',
    version: '{source}のバージョンはこの拡張機能では扱えません',
  },
  place: ' ({line} 行 {column} 列)',
  noRules: '修正するまで、このファイルのルールは一つも適用されません。',
  managedIgnored: '修正するまで、このファイルのロックとモデル一覧は読み込まれません。',
  and: '、',
  listSeparator: '、',
  sentenceSeparator: '',
  none: '(なし)',
};

export const POLICY_TEXTS: Readonly<Record<Locale, PolicyTextTable>> = { en, ja };
