/** The words of `claude-bedrock policy check`, in English and Japanese. */

import { format, type Locale } from '../../core/text/locale';

const en = {
  badSubcommand: 'Unknown policy command "{command}". Use: claude-bedrock policy check [--folder DIR] [--offline] [--proof FILE] [--json].',
  title: 'Organisation policy — {folder}',
  sources: 'Sources (the machine policy bounds the team policy; Claude Code managed settings are locks):',
  notPresent: 'not present',
  noRules: 'no rules',
  locks: 'Locks from Claude Code managed settings:',
  lock: '{key} = {value} ({path})',
  noPolicy: 'No policy applies here: no machine policy, no .claude/bedrock-policy.json, no managed locks.',
  residencyChecked: 'Data residency ({allowed}): {count} of {total} model ID(s) resolved with GetInferenceProfile at {time}.',
  residencyInside: '{modelId}: {destinations}',
  residencySkipped: 'Data residency ({allowed}): not checked against the account (--offline); judged by scope only.',
  residencyNoCredentials: 'Data residency could not be checked against the account: {cause}',
  residencyNoAccount: 'The AWS account could not be read for the proof (GetCallerIdentity): {cause} The proof names no account; where the models run was read.',
  fileLabel: 'File',
  fixLabel: 'Fix',
  anyRegion: 'any Region',
  proofWritten: 'Residency proof written to {path}.',
  proofUnwritable: 'The residency proof could not be written to {path}: {detail}',
  compliant: 'Compliant with the policy.',
  violations: '{count} violation(s) of the policy.',
  problems: '{count} policy file(s) could not be used.',
  settingsUnparsable: '{path}, line {line}, column {column}: {message}. The check cannot see this file\'s settings, so compliance is not verified. Fix the file (it was left as it is) and run the check again.',
  settingsUnreadable: '{path} cannot be read ({detail}). The check cannot see this file\'s settings, so compliance is not verified. Check that it is a regular file you can read (not a folder or a symbolic link loop) and run the check again.',
  unusable: '{count} settings file(s) could not be used: not verified.',
};

const ja: typeof en = {
  badSubcommand: 'policy のコマンド "{command}" はありません。使い方: claude-bedrock policy check [--folder フォルダー] [--offline] [--proof ファイル] [--json]',
  title: '組織のポリシー — {folder}',
  sources: 'ポリシーの出どころ (マシンのポリシーがチームのポリシーの上限、Claude Code の管理設定はロック):',
  notPresent: 'なし',
  noRules: 'ルールなし',
  locks: 'Claude Code の管理設定によるロック:',
  lock: '{key} = {value} ({path})',
  noPolicy: 'ここに適用されるポリシーはありません (マシンのポリシー、.claude/bedrock-policy.json、管理設定のロックのいずれもなし)。',
  residencyChecked: 'データレジデンシー ({allowed}): {time} に GetInferenceProfile で {total} 件中 {count} 件のモデル ID を確認しました。',
  residencyInside: '{modelId}: {destinations}',
  residencySkipped: 'データレジデンシー ({allowed}): アカウントには問い合わせていません (--offline)。スコープだけで判定しました。',
  residencyNoCredentials: 'データレジデンシーをアカウントで確認できませんでした: {cause}',
  residencyNoAccount: '証跡に載せる AWS アカウントを読み取れませんでした (GetCallerIdentity): {cause} 証跡にはアカウントが載りません。モデルの実行場所は確認済みです。',
  fileLabel: 'ファイル',
  fixLabel: '修正',
  anyRegion: '任意のリージョン',
  proofWritten: 'データレジデンシーの証跡を {path} に書き出しました。',
  proofUnwritable: 'データレジデンシーの証跡を {path} に書き出せませんでした: {detail}',
  compliant: 'ポリシーに準拠しています。',
  violations: 'ポリシー違反が {count} 件あります。',
  problems: '使えないポリシーファイルが {count} 件あります。',
  settingsUnparsable: '{path} の {line} 行 {column} 列: {message}。このファイルの設定を読めないため、準拠しているか確認できていません。ファイルを修正してから (ファイルは変更していません) もう一度チェックしてください。',
  settingsUnreadable: '{path} を読み取れません ({detail})。このファイルの設定を読めないため、準拠しているか確認できていません。読み取り可能な通常のファイルか (フォルダーやループしたシンボリックリンクではないか) 確認してから、もう一度チェックしてください。',
  unusable: '使えない設定ファイルが {count} 件あります: 確認できていません。',
};

export type PolicyCliTextKey = keyof typeof en;

export function policyCliText(locale: Locale, key: PolicyCliTextKey, params: Readonly<Record<string, string | number | undefined>> = {}): string {
  return format((locale === 'ja' ? ja : en)[key], params);
}
