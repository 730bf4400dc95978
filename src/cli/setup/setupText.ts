/** The words of `claude-bedrock setup`, in English and Japanese. */

import { format, type Locale } from '../../core/text/locale';

const en = {
  missingOption: 'setup needs {option}. Example: claude-bedrock setup --folder . --profile dev --region ap-northeast-1 --model jp.anthropic.claude-sonnet-4-5-20250929-v1:0',
  badScope: '--scope must be project, local or user, not "{value}".',
  badRegion: '"{value}" is not a region code. Use one like ap-northeast-1.',
  badModel: '"{value}" is not a model ID: it must not be empty or contain spaces.',
  badTokens: '--max-output-tokens must be a whole number between 1 and 1000000, not "{value}".',
  noFolder: 'The folder {folder} does not exist. Pass an existing folder with --folder.',
  noRegion: 'Profile {profile} sets no region. Pass --region, for example --region ap-northeast-1.',
  unparsable: '{path}:{line}:{column}: {message}. The file was left exactly as it is; fix it (Claude Code needs strict JSON: no comments, no trailing commas) and run setup again.',
  unreadable: '{path} cannot be read: {reason} Nothing was written.',
  whyDirectory: 'it is a folder where a file should be. Remove or rename the folder, then run setup again.',
  whyLoop: 'it is a symbolic link that leads round in a loop. Point it at a real file or remove it, then run setup again.',
  whyDenied: 'permission denied. Make it readable (for example chmod u+r), then run setup again.',
  whyOther: '{detail}. Check that it is a regular file you can read, then run setup again.',
  readOnly: '{path} is read-only, so nothing was written. Make it writable (for example chmod u+w) if setup should change it, or use --dry-run to see the change.',
  awsFileUnreadable: '{path} cannot be read, so its profiles are not known. Check that it is a regular file you can read (not a folder or a symbolic link loop).',
  policyRefused: 'Nothing was written: this setup breaks the organisation policy.',
  policyBroken: 'Nothing was written: a policy file cannot be used, so what the policy allows is not known. Fix it first.',
  rewroteInFile: '{key} in {path} was {before}, which the policy does not allow ({rule}): this setup rewrites it to {after}.',
  rewroteOverride: '{key} comes from {from} as {before}, which the policy does not allow ({rule}): this setup sets {after} in {path}, which takes precedence.',
  rewroteRemoved: '{key} in {path} is not allowed by the policy ({rule}): this setup removes it.',
  fixLabel: 'Fix',
  residencyChecked: 'Data residency: the account placed {count} model ID(s) inside {allowed} (GetInferenceProfile).',
  residencyOffline: 'Data residency was judged by scope only (--offline): the account was not asked where the inference profiles route. Run claude-bedrock policy check --folder {folder} to confirm with the account.',
  residencyNotVerified: 'Nothing was written: the account could not be asked where the models run ({cause}), so data residency is not verified. {fix} Then run setup again, or pass --offline to judge by scope only.',
  residencyLookupFix: 'Do what each lookup says.',
  nothingToDo: 'The settings already hold this setup; nothing to write.',
  dryRunTitle: 'Dry run: these changes would be written (nothing was written).',
  wrote: 'Wrote {path}',
  wouldWrite: 'Would write {path}',
  managedOverride: '{key} is set by managed settings to {managedValue}; it was not written (wanted {wanted}).',
  shadowed: '{key} is also set in {path} ({source}) to {value}, which takes precedence: the written value will not apply until it is removed there.',
  localNotIgnored: '{path} is not git-ignored, so the personal profile name could be committed.',
  gitignoreAdded: 'Added .claude/settings.local.json to {path}.',
  gitignoreWould: 'Would add .claude/settings.local.json to {path}.',
  secretInShared: '{key} in {path} is a secret in a file shared with the team. Move it out (for example to your shell or a secrets manager) and rotate it.',
  vscodeSet: 'Set claudeCode.disableLoginPrompt to true in {path}, so that Claude Code\'s VS Code extension uses Bedrock instead of asking for a login.',
  vscodeWould: 'Would set claudeCode.disableLoginPrompt to true in {path}.',
  vscodeRefused: '{path}:{line}:{column}: {message}; claudeCode.disableLoginPrompt was not set (the file was left as it is).',
  validateHint: 'Check the models with: claude-bedrock doctor --profile {profile} --region {region} {models} --probe',
  opusHint: '! No --opus-model: Claude Code then probes Opus IDs of its own choosing, some of which (global.) route outside the chosen scope. Pin one in the same scope, e.g. --opus-model jp.anthropic.claude-opus-4-6-v1.',
};

export type SetupText = typeof en;

const ja: SetupText = {
  missingOption: 'setup には {option} が必要です。例: claude-bedrock setup --folder . --profile dev --region ap-northeast-1 --model jp.anthropic.claude-sonnet-4-5-20250929-v1:0',
  badScope: '--scope には project、local、user のいずれかを指定してください ("{value}" は使えません)。',
  badRegion: '"{value}" はリージョンコードではありません。ap-northeast-1 のように指定してください。',
  badModel: '"{value}" はモデル ID ではありません。空や空白を含む値は使えません。',
  badTokens: '--max-output-tokens には 1 から 1000000 までの整数を指定してください ("{value}" は使えません)。',
  noFolder: 'フォルダー {folder} がありません。--folder に既存のフォルダーを指定してください。',
  noRegion: 'プロファイル {profile} にはリージョンの設定がありません。--region を指定してください (例: --region ap-northeast-1)。',
  unparsable: '{path}:{line}:{column}: {message}。ファイルは一切変更していません。修正してから (Claude Code は厳密な JSON のみ受け付けます: コメントや末尾のカンマは不可) もう一度 setup を実行してください。',
  unreadable: '{path} を読み取れません: {reason} 何も書き込んでいません。',
  whyDirectory: 'ファイルがあるべき場所にフォルダーがあります。フォルダーを削除するか名前を変えてから、もう一度 setup を実行してください。',
  whyLoop: 'シンボリックリンクがループしています。実在するファイルを指すように直すか削除してから、もう一度 setup を実行してください。',
  whyDenied: 'アクセスが拒否されました。読み取れるようにしてから (例: chmod u+r)、もう一度 setup を実行してください。',
  whyOther: '{detail}。読み取り可能な通常のファイルか確認してから、もう一度 setup を実行してください。',
  readOnly: '{path} は読み取り専用のため、何も書き込んでいません。setup で変更してよい場合は書き込み可能にするか (例: chmod u+w)、--dry-run で変更内容を確認してください。',
  awsFileUnreadable: '{path} を読み取れないため、そのプロファイルが分かりません。読み取り可能な通常のファイルか確認してください (フォルダーやループしたシンボリックリンクではないか)。',
  policyRefused: '何も書き込んでいません: この設定は組織のポリシーに違反します。',
  policyBroken: '何も書き込んでいません: 使えないポリシーファイルがあるため、ポリシーが何を許すか分かりません。先に修正してください。',
  rewroteInFile: '{path} の {key} は {before} で、ポリシーで許可されていません ({rule})。この setup で {after} に書き換えます。',
  rewroteOverride: '{key} は {from} で {before} に設定されていて、ポリシーで許可されていません ({rule})。この setup で優先度の高い {path} に {after} を設定します。',
  rewroteRemoved: '{path} の {key} はポリシーで許可されていません ({rule})。この setup で削除します。',
  fixLabel: '修正',
  residencyChecked: 'データレジデンシー: アカウントに問い合わせ、{count} 件のモデル ID がすべて {allowed} 内で処理されることを確認しました (GetInferenceProfile)。',
  residencyOffline: 'データレジデンシーはスコープだけで判定しました (--offline)。推論プロファイルの転送先はアカウントに問い合わせていません。確認するには claude-bedrock policy check --folder {folder} を実行してください。',
  residencyNotVerified: '何も書き込んでいません: モデルの実行先をアカウントに問い合わせられなかったため ({cause})、データレジデンシーを確認できていません。{fix} そのうえでもう一度 setup を実行するか、--offline を付けてスコープだけで判定してください。',
  residencyLookupFix: '各モデルの問い合わせ結果に示された対処を行ってください。',
  nothingToDo: '設定はすでにこの内容です。書き込むものはありません。',
  dryRunTitle: 'ドライラン: 次の変更が書き込まれます (実際には何も書き込んでいません)。',
  wrote: '{path} に書き込みました',
  wouldWrite: '{path} に書き込みます',
  managedOverride: '{key} は管理設定で {managedValue} に設定されているため、書き込みませんでした (指定値: {wanted})。',
  shadowed: '{key} は優先度の高い {path} ({source}) でも {value} に設定されています。そちらを削除するまで、書き込んだ値は使われません。',
  localNotIgnored: '{path} が git の無視対象になっていないため、個人のプロファイル名がコミットされるおそれがあります。',
  gitignoreAdded: '{path} に .claude/settings.local.json を追加しました。',
  gitignoreWould: '{path} に .claude/settings.local.json を追加します。',
  secretInShared: '{path} の {key} は、チームで共有するファイルに置かれた秘密情報です。ファイルから移し (シェルの環境変数やシークレット管理サービスなど)、値をローテーションしてください。',
  vscodeSet: '{path} で claudeCode.disableLoginPrompt を true にしました。Claude Code の VS Code 拡張機能がログインを求めずに Bedrock を使います。',
  vscodeWould: '{path} で claudeCode.disableLoginPrompt を true にします。',
  vscodeRefused: '{path}:{line}:{column}: {message}。claudeCode.disableLoginPrompt は設定していません (ファイルはそのままです)。',
  validateHint: 'モデルの確認: claude-bedrock doctor --profile {profile} --region {region} {models} --probe',
  opusHint: '! --opus-model がありません: Claude Code は独自に選んだ Opus の ID を試し、その一部 (global.) は選んだスコープの外に送られます。同じスコープのモデルを指定してください (例: --opus-model jp.anthropic.claude-opus-4-6-v1)。',
};

const catalogs: Record<Locale, SetupText> = { en, ja };

/** Why a file cannot be read, from its error code, with what to do. */
export function unreadableReason(locale: Locale, detail: string): string {
  if (detail === 'EISDIR') return setupText(locale, 'whyDirectory');
  if (detail === 'ELOOP') return setupText(locale, 'whyLoop');
  if (detail === 'EACCES' || detail === 'EPERM') return setupText(locale, 'whyDenied');
  return setupText(locale, 'whyOther', { detail });
}

export function setupText(locale: Locale, key: keyof SetupText, params: Record<string, string | number | undefined> = {}): string {
  return format(catalogs[locale][key], params);
}
