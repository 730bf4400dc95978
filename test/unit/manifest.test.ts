// The manifest and the translations stay in step: every string the UI shows exists in English
// and Japanese, and the manifest contributes only commands the extension registers.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const readJson = (path: string) => JSON.parse(readFileSync(join(root, path), 'utf8'));
const manifest = readJson('package.json');
const vscodeSources = (readdirSync(join(root, 'src', 'vscode'), { recursive: true }) as string[])
  .filter((file) => file.endsWith('.ts'))
  .map((file) => readFileSync(join(root, 'src', 'vscode', file), 'utf8'))
  .join('\n');

function placeholders(text: string): string[] {
  return (text.match(/\{\w+\}/g) ?? []).sort();
}

describe('manifest and localisation', () => {
  it('has every %key% of package.json in both package.nls files, and nothing else', () => {
    const keys = [...new Set(JSON.stringify(manifest).match(/%[\w.]+%/g)!.map((key) => key.slice(1, -1)))].sort();
    const en = readJson('package.nls.json');
    const ja = readJson('package.nls.ja.json');
    assert.deepEqual(Object.keys(en).sort(), keys);
    assert.deepEqual(Object.keys(ja).sort(), keys);
    for (const key of keys) assert.deepEqual(placeholders(ja[key]), placeholders(en[key]), key);
  });

  it('has a Japanese translation for every vscode.l10n.t string, with the same placeholders', () => {
    const used = new Set([...vscodeSources.matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)].map((match) => match[1]!.replace(/\\'/g, "'")));
    assert.ok(used.size > 10, 'the scan found the strings');
    const bundle = readJson('l10n/bundle.l10n.ja.json') as Record<string, string>;
    assert.deepEqual([...used].filter((text) => !(text in bundle)), [], 'strings without a Japanese translation');
    assert.deepEqual(Object.keys(bundle).filter((text) => !used.has(text)), [], 'translations nobody uses');
    for (const [english, japanese] of Object.entries(bundle)) assert.deepEqual(placeholders(japanese), placeholders(english), english);
  });

  it('contributes exactly the commands the extension registers', () => {
    const contributed = (manifest.contributes.commands as { command: string }[]).map((command) => command.command).sort();
    const registered = [...vscodeSources.matchAll(/registerCommand\(\s*'([\w.]+)'/g)].map((match) => match[1]).sort();
    assert.deepEqual(contributed, registered);
  });

  it('activates lazily, runs in the workspace host, and bundles to dist', () => {
    assert.deepEqual(manifest.activationEvents, ['onStartupFinished'], 'the status-bar health item needs startup; nothing earlier');
    assert.deepEqual(manifest.extensionKind, ['workspace']);
    assert.equal(manifest.main, './dist/extension.js');
    assert.deepEqual((manifest.contributes.views.claudeBedrock as { id: string }[]).map((view) => view.id).slice(0, 3), ['claudeBedrock.setup', 'claudeBedrock.profiles', 'claudeBedrock.models']);
  });
});
