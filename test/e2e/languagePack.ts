/**
 * The Japanese display language for code-server, offline.
 *
 * code-server shows VS Code in the language of `--locale ja` only when a language pack for `ja` is
 * installed: the server reads <user-data>/languagepacks.json, finds the pack's translations file
 * and builds the messages from it; the extension host then runs with `vscode.env.language` 'ja',
 * so vscode.l10n loads l10n/bundle.l10n.ja.json and package.nls.ja.json names our commands and views.
 *
 * The pack is the minimal one scripts/language-pack-ja.mjs builds (scripts/e2e-tools.sh puts it in
 * .e2e-tools/language-pack-ja/): it contributes the `ja` localization with no VS Code translations,
 * so VS Code's own strings stay English and only ours are Japanese.
 *
 * `code-server --install-extension` unpacks the VSIX but does not update languagepacks.json (only a
 * running server's localization service does that after an install), so this writes the entry the
 * way VS Code's LanguagePacksCache does: per language id, the pack's extensions, the absolute path of
 * each translations file and a hash of the extension ids and versions.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { installVsix, TOOLS_DIR } from './codeServer';

export const LANGUAGE_PACK_DIR = path.join(TOOLS_DIR, 'language-pack-ja');

interface Localization {
  languageId: string;
  languageName?: string;
  localizedLanguageName?: string;
  translations: { id: string; path: string }[];
}

/** The pack's VSIX built by scripts/e2e-tools.sh (scripts/language-pack-ja.mjs). */
export function findLanguagePackVsix(): string {
  const files = fs.existsSync(LANGUAGE_PACK_DIR) ? fs.readdirSync(LANGUAGE_PACK_DIR).filter((file) => /^vscode-language-pack-ja-e2e-.*\.vsix$/.test(file)) : [];
  if (files.length !== 1) {
    throw new Error(`the Japanese language pack is missing in ${LANGUAGE_PACK_DIR} (found ${files.length} VSIX files): run scripts/e2e-tools.sh`);
  }
  return path.join(LANGUAGE_PACK_DIR, files[0]!);
}

/**
 * Installs the Japanese language pack into `extensionsDir` and registers it in
 * `<userDataDir>/languagepacks.json`. Returns the registered entry's translations file.
 */
export async function installJapaneseLanguagePack(opts: { extensionsDir: string; userDataDir: string; env: Record<string, string>; logFile?: string }): Promise<string> {
  const vsix = findLanguagePackVsix();
  await installVsix({ vsix, extensionsDir: opts.extensionsDir, env: opts.env, ...(opts.logFile ? { logFile: opts.logFile } : {}) });
  const installed = JSON.parse(fs.readFileSync(path.join(opts.extensionsDir, 'extensions.json'), 'utf8')) as {
    identifier: { id: string; uuid?: string };
    version: string;
    location: { fsPath?: string; path: string };
  }[];
  const packs: Record<string, { hash: string; extensions: { extensionIdentifier: { id: string; uuid?: string }; version: string }[]; translations: Record<string, string>; label: string }> = {};
  for (const extension of installed) {
    const folder = extension.location.fsPath ?? extension.location.path;
    const manifest = JSON.parse(fs.readFileSync(path.join(folder, 'package.json'), 'utf8')) as { contributes?: { localizations?: Localization[] } };
    for (const localization of manifest.contributes?.localizations ?? []) {
      const pack = (packs[localization.languageId] ??= { hash: '', extensions: [], translations: {}, label: localization.localizedLanguageName ?? localization.languageName ?? localization.languageId });
      pack.extensions.push({ extensionIdentifier: extension.identifier, version: extension.version });
      for (const translation of localization.translations) pack.translations[translation.id] = path.join(folder, translation.path);
    }
  }
  for (const pack of Object.values(packs)) {
    const hash = createHash('md5');
    for (const extension of pack.extensions) hash.update(extension.extensionIdentifier.uuid ?? extension.extensionIdentifier.id).update(extension.version);
    pack.hash = hash.digest('hex');
  }
  const ja = packs.ja?.translations.vscode;
  if (!ja || !fs.existsSync(ja)) throw new Error(`after installing ${path.basename(vsix)}, no installed extension contributes a ja localization with VS Code translations`);
  fs.mkdirSync(opts.userDataDir, { recursive: true });
  fs.writeFileSync(path.join(opts.userDataDir, 'languagepacks.json'), JSON.stringify(packs));
  return ja;
}
