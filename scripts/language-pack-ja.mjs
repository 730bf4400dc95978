#!/usr/bin/env node
// Builds a minimal Japanese language pack for the e2e tests' code-server, as a VSIX.
//
// code-server resolves its display language from `--locale ja` only when an installed extension
// contributes `localizations` for `ja` (VS Code then lists it in <user-data>/languagepacks.json and
// builds the translated messages from the pack). Microsoft's real pack comes from the marketplace,
// which these machines cannot reach, so this builds one here: a package.json contributing
// `localizations: [{ languageId: 'ja', ... }]` and a translations file for VS Code's own strings
// that is empty (VS Code keeps its English text where a pack has no translation). That is enough
// for VS Code to run in Japanese: `vscode.env.language` is 'ja' in the extension host, so
// vscode.l10n loads l10n/bundle.l10n.ja.json and package.nls.ja.json names our commands and views.
//
// Usage: node scripts/language-pack-ja.mjs OUT_DIR [VSCODE_VERSION]
//   Writes OUT_DIR/vscode-language-pack-ja-e2e-<version>.vsix and prints its path. Offline: it packs
//   with the repository's own @vscode/vsce. Idempotent: an existing VSIX built from the same inputs
//   (this script and the VS Code version, recorded in OUT_DIR/.stamp) is kept.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const [outArg, versionArg] = process.argv.slice(2);
if (!outArg) {
  console.error('usage: node scripts/language-pack-ja.mjs OUT_DIR [VSCODE_VERSION]');
  process.exit(2);
}
const OUT = resolve(outArg);
const VSCODE_VERSION = versionArg ?? '1.139.1';
if (!/^\d+\.\d+\.\d+$/.test(VSCODE_VERSION)) {
  console.error(`language-pack-ja: "${VSCODE_VERSION}" is not a VS Code version (x.y.z)`);
  process.exit(2);
}
const [major, minor] = VSCODE_VERSION.split('.');
const VERSION = `${major}.${minor}.0`;
const NAME = 'vscode-language-pack-ja-e2e';
const VSIX = join(OUT, `${NAME}-${VERSION}.vsix`);
const VSCE = join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');

const stamp = createHash('sha256').update(readFileSync(fileURLToPath(import.meta.url))).update(VSCODE_VERSION).digest('hex');
const STAMP_FILE = join(OUT, '.stamp');
if (existsSync(VSIX) && existsSync(STAMP_FILE) && readFileSync(STAMP_FILE, 'utf8').trim() === stamp) {
  console.log(VSIX);
  process.exit(0);
}
if (!existsSync(VSCE)) {
  console.error(`language-pack-ja: ${VSCE} is missing: run npm ci in ${ROOT} first`);
  process.exit(1);
}

const src = join(OUT, 'src');
rmSync(src, { recursive: true, force: true });
mkdirSync(join(src, 'translations'), { recursive: true });
const manifest = {
  name: NAME,
  displayName: 'Japanese Language Pack (e2e, minimal)',
  description: 'Lets VS Code run in Japanese in the e2e tests: contributes the ja localization with no VS Code translations.',
  publisher: 'claude-bedrock-setup-e2e',
  version: VERSION,
  license: 'MIT',
  engines: { vscode: `^${VERSION}` },
  categories: ['Language Packs'],
  files: ['translations/**', 'README.md', 'LICENSE'],
  contributes: {
    localizations: [
      {
        languageId: 'ja',
        languageName: 'Japanese',
        localizedLanguageName: '日本語',
        translations: [{ id: 'vscode', path: './translations/main.i18n.json' }],
      },
    ],
  },
};
writeFileSync(join(src, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
// VS Code's format: { contents: { "<module>": { "<key>": "<text>" } } }; nothing translated.
writeFileSync(join(src, 'translations', 'main.i18n.json'), `${JSON.stringify({ version: '1.0.0', contents: {} }, null, 2)}\n`);
writeFileSync(join(src, 'README.md'), '# Japanese language pack for the e2e tests\n\nBuilt by scripts/language-pack-ja.mjs; VS Code\'s own strings stay English.\n');
writeFileSync(join(src, 'LICENSE'), 'MIT\n');

mkdirSync(OUT, { recursive: true });
// Only one pack in OUT (test/e2e/languagePack.ts installs the one it finds).
for (const file of readdirSync(OUT)) if (file.endsWith('.vsix')) rmSync(join(OUT, file), { force: true });
execFileSync(process.execPath, [VSCE, 'package', '--no-dependencies', '--allow-missing-repository', '--out', VSIX], {
  cwd: src,
  stdio: ['ignore', 'ignore', 'inherit'],
});
if (!existsSync(VSIX)) {
  console.error(`language-pack-ja: vsce did not write ${VSIX}`);
  process.exit(1);
}
writeFileSync(STAMP_FILE, `${stamp}\n`);
console.log(VSIX);
