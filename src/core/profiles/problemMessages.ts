/**
 * What each profile problem means and what to do about it, in English and Japanese. Shared by the
 * CLI and the extension so that both say the same thing.
 */

import { format, type Locale } from '../text/locale';
import { formatUtc } from './profileLabels';
import type { Problem, ProblemCode } from './problems';

interface Text {
  readonly message: string;
  readonly fix: string;
}

type Catalog = Record<ProblemCode, Text>;

const en: Catalog = {
  'file-ignored-blocked-name': {
    message: 'The section [{header}] makes the AWS SDK ignore this whole file.',
    fix: 'Rename or remove the [{header}] section.',
  },
  'duplicate-section': {
    message: 'Section [{header}] appears again (first at line {firstLine}); the SDK merges both and later keys win.',
    fix: 'Keep one [{header}] section and move its keys there.',
  },
  'line-outside-section': {
    message: 'This line is outside any [section] and is ignored.',
    fix: 'Move it under the section it belongs to, or delete it.',
  },
  'unparsable-line': {
    message: 'This line in [{section}] is not "key = value" and is ignored.',
    fix: 'Write it as key = value, or comment it out with #.',
  },
  'credentials-prefixed-section': {
    message: 'The credentials file names profiles without a prefix: [{header}] defines nothing the SDK uses.',
    fix: 'Use [name] in the credentials file; [profile name] belongs in the config file.',
  },
  'invalid-section-name': {
    message: 'The SDK ignores [{header}]: the name may only use letters, digits and - _ @ + . % : /.',
    fix: 'Rename the section using only those characters.',
  },
  'bare-config-section': {
    message: 'The SDK ignores [{header}] in the config file: profiles there are written [profile {header}].',
    fix: 'Rename it to [profile {header}] (only [default] may stand without the prefix).',
  },
  'default-section-shadowed': {
    message: '[default] is ignored because [profile default] (line {line}) replaces it.',
    fix: 'Keep only one of [default] and [profile default].',
  },
  'role-chain-cycle': {
    message: 'The role chain loops: {path}.',
    fix: 'Point source_profile at a profile that has its own credentials (keys, SSO or a credential process).',
  },
  'missing-source-profile': {
    message: 'source_profile names "{source}", which is not defined.',
    fix: 'Define [profile {source}] or correct the name in source_profile.',
  },
  'source-profile-without-credentials': {
    message: 'The chain ends at "{source}", which has no credentials of its own.',
    fix: 'Give "{source}" credentials (keys, SSO or credential_process) or point source_profile elsewhere.',
  },
  'source-profile-and-credential-source': {
    message: 'Both source_profile and credential_source are set, so the SDK does not assume role_arn at all.',
    fix: 'Keep only one of source_profile and credential_source.',
  },
  'unsupported-credential-source': {
    message: 'credential_source "{value}" is not supported.',
    fix: 'Use Environment, Ec2InstanceMetadata or EcsContainer.',
  },
  'mfa-required': {
    message: 'Assuming this role needs an MFA code.',
    fix: 'The check asks for the code; headless tools cannot answer it.',
  },
  'metadata-credential-source': {
    message: 'Credentials come from the {value} metadata service, which this extension never contacts: the profile is not checked here.',
    fix: 'Check it with the AWS CLI on that machine (aws sts get-caller-identity --profile {profile}).',
  },
  'no-credentials': {
    message: 'This profile holds no credentials (only settings such as region).',
    fix: 'Add keys, SSO settings, role_arn with source_profile, or credential_process; or use it only as a source of settings.',
  },
  'incomplete-static-keys': {
    message: 'Only one of aws_access_key_id and aws_secret_access_key is set.',
    fix: 'Set both, or remove the one that is left.',
  },
  'sso-session-missing': {
    message: 'sso_session names "{session}", but there is no [sso-session {session}] section.',
    fix: 'Add the [sso-session {session}] section (aws configure sso creates it).',
  },
  'sso-session-incomplete': {
    message: '[sso-session {session}] lacks {keys}.',
    fix: 'Add {keys} to [sso-session {session}].',
  },
  'sso-incomplete': {
    message: 'SSO settings lack {keys}.',
    fix: 'Run aws configure sso --profile {profile}, or add {keys}.',
  },
  'sso-conflict': {
    message: 'The profile and [sso-session {session}] disagree on sso_start_url or sso_region.',
    fix: 'Remove sso_start_url and sso_region from the profile; the session holds them.',
  },
  'sso-token-missing': {
    message: 'Not signed in to AWS SSO: no cached sign-in was found.',
    fix: 'aws sso login --profile {loginProfile}',
  },
  'sso-token-expired': {
    message: 'The AWS SSO sign-in expired at {expiresAt}.',
    fix: 'aws sso login --profile {loginProfile}',
  },
  'sso-token-unreadable': {
    message: 'The cached AWS SSO sign-in cannot be read.',
    fix: 'aws sso login --profile {loginProfile}',
  },
  'login-token-missing': {
    message: 'No cached "aws login" session was found.',
    fix: 'aws login --profile {loginProfile}',
  },
  'login-token-expired': {
    message: 'The "aws login" session expired at {expiresAt}.',
    fix: 'aws login --profile {loginProfile}',
  },
  'no-region': {
    message: 'No region is set in this profile.',
    fix: 'Choose the region when setting up; Claude Code needs AWS_REGION.',
  },
  'env-profile-missing': {
    message: 'AWS_PROFILE is "{profile}", but no such profile is defined.',
    fix: 'Define [profile {profile}] or change AWS_PROFILE.',
  },
  'env-keys-incomplete': {
    message: 'Only one of AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY is set in the environment.',
    fix: 'Set both, or unset the one that is left.',
  },
  'env-keys-shadow-profile': {
    message: 'Both AWS_PROFILE ({profile}) and access keys are set in the environment; tools disagree on which wins (the AWS CLI uses the keys, the JavaScript SDK the profile).',
    fix: 'Unset AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or unset AWS_PROFILE.',
  },
  'bedrock-api-key-in-env': {
    message: 'AWS_BEARER_TOKEN_BEDROCK is set: Bedrock calls use this API key instead of the profile\'s credentials.',
    fix: 'Unset it if you mean to use the profile.',
  },
  'file-unreadable': {
    message: 'The file cannot be read: {detail}',
    fix: 'Check that it is a regular file you can read (not a folder or a symbolic link loop) and its permissions.',
  },
};

const ja: Catalog = {
  'file-ignored-blocked-name': {
    message: 'セクション [{header}] があるため、AWS SDK はこのファイル全体を無視します。',
    fix: '[{header}] セクションの名前を変えるか削除してください。',
  },
  'duplicate-section': {
    message: 'セクション [{header}] が重複しています (最初は {firstLine} 行目)。SDK は両方を統合し、後のキーが優先されます。',
    fix: '[{header}] を 1 つにまとめてください。',
  },
  'line-outside-section': {
    message: 'この行はどの [セクション] にも属さず、無視されます。',
    fix: '該当するセクションの下に移すか、削除してください。',
  },
  'unparsable-line': {
    message: '[{section}] のこの行は「キー = 値」の形ではないため無視されます。',
    fix: 'キー = 値 の形で書くか、# でコメントにしてください。',
  },
  'credentials-prefixed-section': {
    message: 'credentials ファイルではプロファイル名に接頭辞を付けません。[{header}] は SDK に使われません。',
    fix: 'credentials ファイルでは [名前] と書いてください。[profile 名前] は config ファイル用です。',
  },
  'invalid-section-name': {
    message: 'SDK は [{header}] を無視します。名前に使えるのは英数字と - _ @ + . % : / だけです。',
    fix: 'これらの文字だけでセクション名を付け直してください。',
  },
  'bare-config-section': {
    message: 'config ファイルの [{header}] は SDK に無視されます。プロファイルは [profile {header}] と書きます。',
    fix: '[profile {header}] に変更してください (接頭辞なしで書けるのは [default] だけです)。',
  },
  'default-section-shadowed': {
    message: '[profile default] ({line} 行目) が優先されるため、[default] は無視されます。',
    fix: '[default] と [profile default] のどちらか一方だけにしてください。',
  },
  'role-chain-cycle': {
    message: 'ロールの連鎖が循環しています: {path}',
    fix: 'source_profile には自前の認証情報 (キー、SSO、credential_process) を持つプロファイルを指定してください。',
  },
  'missing-source-profile': {
    message: 'source_profile に指定された "{source}" は定義されていません。',
    fix: '[profile {source}] を定義するか、source_profile の名前を直してください。',
  },
  'source-profile-without-credentials': {
    message: '連鎖の終点 "{source}" は認証情報を持っていません。',
    fix: '"{source}" に認証情報 (キー、SSO、credential_process) を設定するか、source_profile を別のプロファイルにしてください。',
  },
  'source-profile-and-credential-source': {
    message: 'source_profile と credential_source の両方が設定されているため、SDK は role_arn を引き受けません。',
    fix: 'source_profile と credential_source のどちらか一方だけにしてください。',
  },
  'unsupported-credential-source': {
    message: 'credential_source "{value}" はサポートされていません。',
    fix: 'Environment、Ec2InstanceMetadata、EcsContainer のいずれかを指定してください。',
  },
  'mfa-required': {
    message: 'このロールの引き受けには MFA コードが必要です。',
    fix: '確認時にコードを尋ねます。ヘッドレスのツールでは入力できません。',
  },
  'metadata-credential-source': {
    message: '認証情報は {value} のメタデータサービスから取得されます。この拡張機能はそこに接続しないため、ここでは確認しません。',
    fix: 'そのマシンで AWS CLI を使って確認してください (aws sts get-caller-identity --profile {profile})。',
  },
  'no-credentials': {
    message: 'このプロファイルには認証情報がありません (region などの設定のみ)。',
    fix: 'キー、SSO 設定、role_arn と source_profile、または credential_process を追加してください。設定の参照元としてだけ使うならそのままで構いません。',
  },
  'incomplete-static-keys': {
    message: 'aws_access_key_id と aws_secret_access_key の片方しか設定されていません。',
    fix: '両方を設定するか、残っている方を削除してください。',
  },
  'sso-session-missing': {
    message: 'sso_session に "{session}" が指定されていますが、[sso-session {session}] セクションがありません。',
    fix: '[sso-session {session}] セクションを追加してください (aws configure sso で作成できます)。',
  },
  'sso-session-incomplete': {
    message: '[sso-session {session}] に {keys} がありません。',
    fix: '[sso-session {session}] に {keys} を追加してください。',
  },
  'sso-incomplete': {
    message: 'SSO 設定に {keys} がありません。',
    fix: 'aws configure sso --profile {profile} を実行するか、{keys} を追加してください。',
  },
  'sso-conflict': {
    message: 'プロファイルと [sso-session {session}] とで sso_start_url または sso_region が食い違っています。',
    fix: 'プロファイルから sso_start_url と sso_region を削除してください (セッション側の値が使われます)。',
  },
  'sso-token-missing': {
    message: 'AWS SSO にサインインしていません (キャッシュされたサインインがありません)。',
    fix: 'aws sso login --profile {loginProfile}',
  },
  'sso-token-expired': {
    message: 'AWS SSO のサインインは {expiresAt} に期限切れになりました。',
    fix: 'aws sso login --profile {loginProfile}',
  },
  'sso-token-unreadable': {
    message: 'キャッシュされた AWS SSO のサインイン情報を読み取れません。',
    fix: 'aws sso login --profile {loginProfile}',
  },
  'login-token-missing': {
    message: '"aws login" のセッションがキャッシュにありません。',
    fix: 'aws login --profile {loginProfile}',
  },
  'login-token-expired': {
    message: '"aws login" のセッションは {expiresAt} に期限切れになりました。',
    fix: 'aws login --profile {loginProfile}',
  },
  'no-region': {
    message: 'このプロファイルにはリージョンが設定されていません。',
    fix: 'セットアップ時にリージョンを選んでください。Claude Code には AWS_REGION が必要です。',
  },
  'env-profile-missing': {
    message: 'AWS_PROFILE は "{profile}" ですが、そのプロファイルは定義されていません。',
    fix: '[profile {profile}] を定義するか、AWS_PROFILE を変更してください。',
  },
  'env-keys-incomplete': {
    message: '環境変数に AWS_ACCESS_KEY_ID と AWS_SECRET_ACCESS_KEY の片方しかありません。',
    fix: '両方を設定するか、残っている方を削除してください。',
  },
  'env-keys-shadow-profile': {
    message: '環境変数に AWS_PROFILE ({profile}) とアクセスキーの両方があります。どちらが優先されるかはツールによって異なります (AWS CLI はキー、JavaScript SDK はプロファイル)。',
    fix: 'AWS_ACCESS_KEY_ID と AWS_SECRET_ACCESS_KEY を削除するか、AWS_PROFILE を削除してください。',
  },
  'bedrock-api-key-in-env': {
    message: 'AWS_BEARER_TOKEN_BEDROCK が設定されています。Bedrock の呼び出しにはプロファイルの認証情報ではなくこの API キーが使われます。',
    fix: 'プロファイルを使うつもりなら削除してください。',
  },
  'file-unreadable': {
    message: 'ファイルを読み取れません: {detail}',
    fix: '読み取り可能な通常のファイルか (フォルダーやループしたシンボリックリンクではないか)、アクセス権を確認してください。',
  },
};

const catalogs: Record<Locale, Catalog> = { en, ja };

export interface ProblemText {
  readonly message: string;
  /** What to do; for sign-in problems this is the exact command to run. */
  readonly fix: string;
  /** Set when the fix is a shell command to run as is. */
  readonly command?: string;
}

const COMMAND_FIXES = new Set<ProblemCode>([
  'sso-token-missing',
  'sso-token-expired',
  'sso-token-unreadable',
  'login-token-missing',
  'login-token-expired',
]);

/** The message and fix of a problem in a locale. */
export function describeProblem(problem: Problem, locale: Locale): ProblemText {
  const text = catalogs[locale][problem.code];
  const params = problem.params.expiresAt ? { ...problem.params, expiresAt: formatUtc(problem.params.expiresAt) } : problem.params;
  const fix = format(text.fix, params);
  return {
    message: format(text.message, params),
    fix,
    command: COMMAND_FIXES.has(problem.code) ? fix : undefined,
  };
}
