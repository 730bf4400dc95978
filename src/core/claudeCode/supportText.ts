/**
 * The words of the Claude Code findings (installVerdict.ts), in English and Japanese, for every
 * surface: the Setup view and the status bar, `doctor`, the wizard's preview and `setup`. Each
 * finding becomes a title, a detail and, for a problem, the fix with its command.
 */

import { format, type Locale } from '../text/locale';
import type { ClaudeCodeFinding } from './installVerdict';
import { EXTENSION_INSTALL_COMMAND, EXTENSION_UPDATE_COMMAND, installCommand, updateCommand, type CliInstall, type InstallKind, type VersionFailure } from './installTypes';
import type { IgnoredSetting, VersionInUse } from './supportCheck';
import { MINIMUM_SUPPORTED_VERSION, NEWEST_TESTED_VERSION, SUPPORT_TABLE_DATE, type IgnoredEffect } from './supportTable';

export interface FindingText {
  readonly title: string;
  readonly detail?: string;
  /** What to do, in words. */
  readonly fix?: string;
  /** The command the fix runs in a terminal, when there is one. */
  readonly command?: string;
  /** The fix is trusting the workspace (Restricted Mode). */
  readonly trust?: boolean;
}

const en = {
  kind: { native: 'native installer', 'npm-global': 'npm global', 'npm-local': 'local install', homebrew: 'Homebrew', other: '' } as Record<InstallKind, string>,
  notOnPath: 'not on this PATH',
  configured: 'claudeBedrock.claudeCode.path',
  cliOk: 'Claude Code {version} ({where})',
  cliOkDetail: 'Read with claude --version.',
  newer: 'Newer than {newest}, the newest version this extension\'s support table was checked against ({date}): what changed since is not known to it.',
  others: 'Also installed: {list}. A terminal runs the first one on PATH.',
  unknownVersion: 'version not read',
  cliOld: 'Claude Code {version} is older than {minimum}, the oldest version this extension supports',
  cliOldDetail: '{where}. {minimum} is the first version that honours every setting this extension writes; the settings {version} ignores here are listed with what it does instead.',
  updateFix: 'Update Claude Code: {command}.',
  cliUnread: 'The version of Claude Code at {path} could not be read',
  timeout: 'claude --version did not answer within {seconds} s and was stopped.',
  garbage: 'claude --version printed "{output}", which is not a version.',
  exitCode: 'claude --version exited with {code}{output}.',
  spawnError: 'It could not be started ({code}).',
  unreadFix: 'Run "{path}" --version in a terminal to see what is wrong, and reinstall Claude Code if it is broken: {command}',
  cliNotRun: 'Claude Code at {path} was not run: Restricted Mode',
  cliNotRunDetail: 'The workspace names this program and is not trusted, so the extension does not run it to read its version.',
  trustFix: 'Trust the workspace to check it.',
  cliAbsent: 'No claude CLI found; the VS Code extension runs its own',
  cliAbsentDetail: 'Looked on PATH and in {searched}.',
  cliAbsentFix: 'To run claude in a terminal too: {command}',
  extensionOk: 'Claude Code for VS Code {version}',
  extensionOkDetail: 'Its panel runs the Claude Code it bundles, of the same version ({where}).',
  extensionOld: 'Claude Code for VS Code {version} is older than {minimum}, the oldest version this extension supports',
  extensionUpdateFix: 'Update the extension (Extensions view), or: {command}',
  extensionUnread: 'The version of Claude Code for VS Code could not be read ({where})',
  extensionUnreadFix: 'Reinstall the extension: {command}',
  extensionAbsent: 'Claude Code for VS Code is not installed',
  extensionAbsentDetail: 'The claude CLI reads these settings in a terminal; Claude Code in VS Code\'s own panel needs the extension.',
  extensionInstallFix: 'Install it from the Extensions view, or: {command}',
  absent: 'Claude Code is not installed',
  absentDetail: 'No claude on PATH or in {searched}{extension}: nothing on this machine reads Claude Code\'s settings.',
  absentNoExtension: ', and no Claude Code extension for VS Code',
  absentFix: 'Install it: {command} (or npm install -g @anthropic-ai/claude-code); in VS Code also the extension: {extension}',
  detectFailed: 'Which Claude Code is installed could not be checked',
  detectFailedFix: 'Run Check Setup Health again; if it fails again, reinstall this extension (a part of it may be missing).',
  ignored: '{who} ignores {setting} (honoured from {since})',
  ignoredNotKnown: '{who} is not known to honour {setting} (seen from {since} on)',
  whoCli: 'Claude Code {version}',
  whoExtension: 'the VS Code extension {version}',
  and: ' and ',
  suffixOf: 'the [1m] suffix of {key}',
  effect: {
    'region-default-prefix': 'For the models it picks itself it derives the prefix from the Region instead: {derived}. in {region}, not {wanted}.',
    'alias-default': 'The {alias} alias then means its own default model, not {value}.',
    'background-default': 'Background tasks then run on its own default Haiku model, not {value}: an ID the account may not have enabled, or one outside the chosen scope.',
    'suffix-unknown': 'It may send {value} to Bedrock with the suffix, which Bedrock rejects as an invalid model identifier.',
    'compaction-default-limit': 'When it compacts a conversation it reserves its default output limit, not {value}, against the tokens-per-minute quota.',
    'no-auth-refresh': 'An expired sign-in is not renewed: run {value} yourself when it reports expired credentials.',
  } as Record<IgnoredEffect, string>,
  unpinned: 'Here that is the {aliases} alias (not pinned), and any Opus model it tries at start-up.',
  lastSeparator: ' and ',
  unpinnedMany: 'Here those are the {aliases} aliases (not pinned), and any Opus model it tries at start-up.',
  allPinned: 'Every alias is pinned here, so only models it picks by other routes (a sub-agent\'s model, the /model picker) are affected.',
  pinFix: 'Until then, pin {aliases} in the {wanted} scope (the setup wizard\'s alias pins).',
  listSeparator: ', ',
  /** Between two sentences. */
  space: ' ',
};

type SupportTextTable = typeof en;

const ja: SupportTextTable = {
  kind: { native: 'ネイティブ インストーラー', 'npm-global': 'npm グローバル', 'npm-local': 'ローカル インストール', homebrew: 'Homebrew', other: '' },
  notOnPath: 'この PATH にはありません',
  configured: 'claudeBedrock.claudeCode.path',
  cliOk: 'Claude Code {version} ({where})',
  cliOkDetail: 'claude --version で読み取りました。',
  newer: 'この拡張機能の対応表を確認した最新版 {newest} ({date}) より新しいバージョンです。それ以降の変更は表に反映されていません。',
  others: 'ほかのインストール: {list}。ターミナルは PATH で最初に見つかるものを実行します。',
  unknownVersion: 'バージョン未読み取り',
  cliOld: 'Claude Code {version} は、この拡張機能が対応する最も古いバージョン {minimum} より古いです',
  cliOldDetail: '{where}。{minimum} は、この拡張機能が書き込むすべての設定に従う最初のバージョンです。{version} がここで無視する設定と、その代わりの動作を下に示します。',
  updateFix: 'Claude Code を更新してください: {command}。',
  cliUnread: '{path} の Claude Code のバージョンを読み取れませんでした',
  timeout: 'claude --version が {seconds} 秒以内に応答しなかったため停止しました。',
  garbage: 'claude --version の出力 "{output}" はバージョンではありません。',
  exitCode: 'claude --version が終了コード {code} で終了しました{output}。',
  spawnError: '起動できませんでした ({code})。',
  unreadFix: 'ターミナルで "{path}" --version を実行して原因を確認し、壊れている場合は Claude Code を再インストールしてください: {command}',
  cliNotRun: '{path} の Claude Code は実行していません: 制限モード',
  cliNotRunDetail: 'このプログラムはワークスペースが指定したもので、ワークスペースが信頼されていないため、バージョンを読み取るための実行をしていません。',
  trustFix: '確認するにはワークスペースを信頼してください。',
  cliAbsent: 'claude CLI は見つかりません。VS Code 拡張機能は同梱の CLI を使います',
  cliAbsentDetail: 'PATH と {searched} を確認しました。',
  cliAbsentFix: 'ターミナルでも claude を使うには: {command}',
  extensionOk: 'Claude Code for VS Code {version}',
  extensionOkDetail: 'パネルは同梱の同じバージョンの Claude Code を実行します ({where})。',
  extensionOld: 'Claude Code for VS Code {version} は、この拡張機能が対応する最も古いバージョン {minimum} より古いです',
  extensionUpdateFix: '拡張機能を更新してください (拡張機能ビュー、または {command})',
  extensionUnread: 'Claude Code for VS Code のバージョンを読み取れませんでした ({where})',
  extensionUnreadFix: '拡張機能を再インストールしてください: {command}',
  extensionAbsent: 'Claude Code for VS Code はインストールされていません',
  extensionAbsentDetail: 'ターミナルでは claude CLI がこの設定を読みます。VS Code のパネルで Claude Code を使うには拡張機能が必要です。',
  extensionInstallFix: '拡張機能ビューからインストールするか、次を実行してください: {command}',
  absent: 'Claude Code がインストールされていません',
  absentDetail: 'PATH にも {searched} にも claude がありません{extension}。このマシンには Claude Code の設定を読むものがありません。',
  absentNoExtension: '。Claude Code の VS Code 拡張機能もありません',
  absentFix: 'インストールしてください: {command} (または npm install -g @anthropic-ai/claude-code)。VS Code では拡張機能も: {extension}',
  detectFailed: 'インストールされている Claude Code を確認できませんでした',
  detectFailedFix: 'もう一度セットアップの状態を確認してください。再び失敗する場合は、この拡張機能を再インストールしてください (一部が欠けている可能性があります)。',
  ignored: '{who} は {setting} を無視します ({since} 以降で対応)',
  ignoredNotKnown: '{who} が {setting} に従うかは確認されていません ({since} 以降で確認済み)',
  whoCli: 'Claude Code {version}',
  whoExtension: 'VS Code 拡張機能 {version}',
  and: ' と ',
  suffixOf: '{key} の [1m] サフィックス',
  effect: {
    'region-default-prefix': '自分で選ぶモデルには、代わりにリージョンから決めたプレフィックスを使います: {region} では {wanted}. ではなく {derived}. です。',
    'alias-default': '{alias} エイリアスは {value} ではなく、Claude Code 自身の既定のモデルになります。',
    'background-default': 'バックグラウンド タスクは {value} ではなく Claude Code 自身の既定の Haiku モデルで動きます。アカウントで有効になっていない ID や、選んだスコープ外の ID の場合があります。',
    'suffix-unknown': '{value} をサフィックス付きのまま Bedrock に送る可能性があり、Bedrock は無効なモデル ID として拒否します。',
    'compaction-default-limit': '会話を圧縮するときは {value} ではなく既定の出力上限を、1 分あたりのトークン数クォータに対して予約します。',
    'no-auth-refresh': '期限切れのサインインは更新されません。資格情報の期限切れが表示されたら、自分で {value} を実行してください。',
  },
  unpinned: 'ここでは固定されていない {aliases} エイリアスと、起動時に試す Opus モデルが該当します。',
  lastSeparator: '、',
  unpinnedMany: 'ここでは固定されていない {aliases} エイリアスと、起動時に試す Opus モデルが該当します。',
  allPinned: 'ここではすべてのエイリアスが固定されているため、影響するのはほかの経路 (サブエージェントのモデル、/model での選択) で選ぶモデルだけです。',
  pinFix: 'それまでは {aliases} を {wanted} スコープで固定してください (セットアップ ウィザードのエイリアス固定)。',
  listSeparator: '、',
  space: '',
};

const TABLES: Record<Locale, SupportTextTable> = { en, ja };

/** Control characters out, at most 80 characters: what a broken program printed, safe to show. */
export function printableOutput(output: string): string {
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const line = output.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').trim();
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}

function where(install: CliInstall, t: SupportTextTable): string {
  const place = install.configured ? t.configured : install.onPath ? '' : t.notOnPath;
  return [t.kind[install.kind], install.shown ?? install.path, place].filter((part) => part !== '').join(t.listSeparator);
}

function othersText(others: readonly CliInstall[], t: SupportTextTable): string | undefined {
  if (others.length === 0) return undefined;
  const list = others.map((other) => `${other.shown ?? other.path} (${other.version.state === 'read' ? other.version.version : t.unknownVersion})`).join(t.listSeparator);
  return format(t.others, { list });
}

function failureText(failure: VersionFailure, t: SupportTextTable): string {
  switch (failure.reason) {
    case 'timeout':
      return format(t.timeout, { seconds: Math.round(failure.timeoutMs / 1000) });
    case 'garbage':
      return format(t.garbage, { output: printableOutput(failure.output) });
    case 'exit-code': {
      const output = printableOutput(failure.output);
      return format(t.exitCode, { code: failure.exitCode ?? failure.signal ?? '?', output: output ? `: ${output}` : '' });
    }
    case 'spawn-error':
      return format(t.spawnError, { code: failure.code });
  }
}

function whoText(by: readonly VersionInUse[], t: SupportTextTable): string {
  return by.map((version) => format(version.what === 'cli' ? t.whoCli : t.whoExtension, { version: version.version })).join(t.and);
}

function settingName(ignored: IgnoredSetting, t: SupportTextTable): string {
  const key = ignored.settingKey.replace(/^env\./, '');
  return ignored.key === 'model[1m]' ? format(t.suffixOf, { key }) : `${key}=${ignored.value}`;
}

/** The update commands of the installs that ignore a setting: the CLI's by its kind, the extension's. */
function updateFix(by: readonly VersionInUse[], t: SupportTextTable): { fix: string; command?: string } {
  const cli = by.find((version) => version.what === 'cli');
  const parts: string[] = [];
  if (cli) parts.push(format(t.updateFix, { command: updateCommand(cli.kind ?? 'other') }));
  if (by.some((version) => version.what === 'extension')) parts.push(format(t.extensionUpdateFix, { command: EXTENSION_UPDATE_COMMAND }));
  return { fix: parts.join(t.space), ...(cli ? { command: updateCommand(cli.kind ?? 'other') } : {}) };
}

function ignoredText(ignored: IgnoredSetting, t: SupportTextTable): FindingText {
  const row = ignored.row;
  const who = whoText(ignored.by, t);
  const setting = settingName(ignored, t);
  const title = format(row.sinceKind === 'oldest-verified' ? t.ignoredNotKnown : t.ignored, { who, setting, since: row.since });
  const effect = format(t.effect[row.effect], {
    value: ignored.value,
    alias: ignored.alias ?? '',
    derived: ignored.derivedPrefix ?? '',
    wanted: ignored.wantedPrefix ?? '',
    region: ignored.region ?? '',
  });
  const update = updateFix(ignored.by, t);
  if (row.effect !== 'region-default-prefix') return { title, detail: effect, fix: update.fix, ...(update.command ? { command: update.command } : {}) };
  const aliases = ignored.unpinnedAliases ?? [];
  const list = aliases.length > 1 ? `${aliases.slice(0, -1).join(t.listSeparator)}${t.lastSeparator}${aliases[aliases.length - 1]}` : aliases.join('');
  const scope = aliases.length === 0 ? t.allPinned : format(aliases.length === 1 ? t.unpinned : t.unpinnedMany, { aliases: list });
  const fix = aliases.length === 0 ? update.fix : `${update.fix}${t.space}${format(t.pinFix, { aliases: list, wanted: `${ignored.wantedPrefix}.` })}`;
  return { title, detail: `${effect}${t.space}${scope}`, fix, ...(update.command ? { command: update.command } : {}) };
}

/** A finding in words. */
export function findingText(finding: ClaudeCodeFinding, locale: Locale): FindingText {
  const t = TABLES[locale];
  const details = (...parts: (string | undefined)[]) => parts.filter((part): part is string => part !== undefined && part !== '').join(t.space);
  switch (finding.code) {
    case 'cli-ok':
      return {
        title: format(t.cliOk, { version: finding.version, where: where(finding.install, t) }),
        detail: details(t.cliOkDetail, finding.newerThanTested ? format(t.newer, { newest: NEWEST_TESTED_VERSION, date: SUPPORT_TABLE_DATE }) : undefined, othersText(finding.others, t)),
      };
    case 'cli-old': {
      const command = updateCommand(finding.install.kind);
      return {
        title: format(t.cliOld, { version: finding.version, minimum: MINIMUM_SUPPORTED_VERSION }),
        detail: details(format(t.cliOldDetail, { where: where(finding.install, t), minimum: MINIMUM_SUPPORTED_VERSION, version: finding.version }), othersText(finding.others, t)),
        fix: format(t.updateFix, { command }),
        command,
      };
    }
    case 'cli-unread': {
      const read = finding.install.version;
      return {
        title: format(t.cliUnread, { path: finding.install.shown ?? finding.install.path }),
        detail: details(read.state === 'failed' ? failureText(read.failure, t) : undefined, othersText(finding.others, t)),
        fix: format(t.unreadFix, { path: finding.install.path, command: updateCommand(finding.install.kind) }),
      };
    }
    case 'cli-not-run':
      return { title: format(t.cliNotRun, { path: finding.install.shown ?? finding.install.path }), detail: details(t.cliNotRunDetail, othersText(finding.others, t)), fix: t.trustFix, trust: true };
    case 'cli-absent':
      return { title: t.cliAbsent, detail: format(t.cliAbsentDetail, { searched: finding.searched.join(t.listSeparator) }), fix: format(t.cliAbsentFix, { command: installCommand(finding.platform) }) };
    case 'extension-ok':
      return {
        title: format(t.extensionOk, { version: finding.version }),
        detail: details(format(t.extensionOkDetail, { where: finding.install.where }), finding.newerThanTested ? format(t.newer, { newest: NEWEST_TESTED_VERSION, date: SUPPORT_TABLE_DATE }) : undefined),
      };
    case 'extension-old':
      return {
        title: format(t.extensionOld, { version: finding.version, minimum: MINIMUM_SUPPORTED_VERSION }),
        detail: format(t.extensionOkDetail, { where: finding.install.where }),
        fix: format(t.extensionUpdateFix, { command: EXTENSION_UPDATE_COMMAND }),
        command: EXTENSION_UPDATE_COMMAND,
      };
    case 'extension-unread':
      return { title: format(t.extensionUnread, { where: finding.install.where }), fix: format(t.extensionUnreadFix, { command: EXTENSION_UPDATE_COMMAND }) };
    case 'extension-absent':
      return { title: t.extensionAbsent, detail: t.extensionAbsentDetail, fix: format(t.extensionInstallFix, { command: EXTENSION_INSTALL_COMMAND }) };
    case 'absent':
      return {
        title: t.absent,
        detail: format(t.absentDetail, { searched: finding.searched.join(t.listSeparator), extension: finding.extensionLooked ? t.absentNoExtension : '' }),
        fix: format(t.absentFix, { command: installCommand(finding.platform), extension: EXTENSION_INSTALL_COMMAND }),
      };
    case 'setting-ignored':
      return ignoredText(finding.ignored, t);
    case 'detect-failed':
      return { title: t.detectFailed, detail: finding.reason, fix: t.detectFailedFix };
  }
}
