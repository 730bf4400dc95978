// The pages of the two sidebar webviews (Quotas & Usage, Team) through the built bundle with the
// `vscode` stand-in: a Content Security Policy that allows nothing but the extension's own script
// (by its nonce) and style sheets (the shared one, then its own), the page in the UI language, and a
// localised placeholder.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useFakeAwsHome } from '../support/fakeAwsHome';
import { createVscodeStandIn, extensionContext, loadWithStandIn, webviewViewStandIn } from '../support/vscodeStandIn';

const bundle = join(__dirname, '..', '..', 'dist', 'extension.js');
const EXTENSION_ROOT = join(__dirname, '..', '..');

function pageOf(language: string, viewId: string, storage: string): string {
  const standIn = createVscodeStandIn(language);
  const file = (path: string) => ({ scheme: 'file', fsPath: path, path });
  const globalState = { get: (_key: string, fallback?: unknown) => fallback, update: async () => undefined, keys: () => [] };
  const context = { ...extensionContext(standIn), globalState, extensionUri: file(EXTENSION_ROOT), globalStorageUri: file(storage) };
  const { view } = webviewViewStandIn(false);
  // Resolved while the stand-in answers `vscode`: the Team view's controller is a lazy bundle that requires it.
  loadWithStandIn<{ activate(context: unknown): void }>(bundle, standIn, (extension) => {
    extension.activate(context);
    const provider = standIn.webviewProviders.get(viewId) as { resolveWebviewView(view: unknown): void } | undefined;
    assert.ok(provider, `no webview provider for ${viewId}`);
    provider.resolveWebviewView(view);
  });
  for (const subscription of context.subscriptions) subscription.dispose();
  return (view as { webview: { html: string } }).webview.html;
}

describe('the sidebar webviews\' pages (built bundle)', () => {
  // The health check that activation starts reads a demo HOME and asks the fake AWS, never the
  // developer's own ~/.aws, ~/.claude, `claude` or AWS account; the storage is a folder of its own.
  useFakeAwsHome('webview-pages');
  let storage: string;
  beforeEach(() => {
    process.env.PATH = '/usr/bin:/bin'; // no developer's own `claude` (the hooks above put the environment back)
    storage = mkdtempSync(join(tmpdir(), 'cbs-webview-pages-storage-'));
  });
  afterEach(() => rmSync(storage, { recursive: true, force: true }));

  for (const [viewId, name] of [
    ['claudeBedrock.usage', 'usage'],
    ['claudeBedrock.team', 'team'],
  ] as const) {
    for (const [language, loading] of [
      ['en', 'Loading…'],
      ['ja', '読み込み中…'],
    ] as const) {
      it(`${name} (${language}): its own script by nonce and the extension's style sheets only (shared, then its own), in ${language}`, () => {
        const html = pageOf(language, viewId, storage);
        const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
        assert.ok(csp, html);
        assert.match(csp, /^default-src 'none'; style-src vscode-resource:; script-src 'nonce-([A-Za-z0-9+/=]+)'; img-src vscode-resource: data:;$/);
        const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
        const scripts = [...html.matchAll(/<script nonce="([^"]+)" src="([^"]+)"><\/script>/g)];
        assert.equal(scripts.length, 1, html);
        assert.equal(scripts[0]![1], nonce, 'the script carries the policy\'s nonce');
        assert.ok(scripts[0]![2]!.endsWith(join('dist', 'webview', `${name}.js`)), scripts[0]![2]);
        const sheets = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)">/g)].map((link) => link[1]!);
        assert.equal(sheets.length, 2, `the shared sheet, then the page's own: ${html}`);
        assert.ok(sheets[0]!.endsWith(join('media', 'webview.css')), sheets[0]);
        assert.ok(sheets[1]!.endsWith(join('media', `${name}.css`)), sheets[1]);
        assert.match(html, new RegExp(`<html lang="${language}">`));
        assert.ok(html.includes(`<p class="placeholder">${loading}</p>`), html);
      });
    }
  }

  it('gives every page its own nonce', () => {
    const nonce = (html: string) => /'nonce-([^']+)'/.exec(html)?.[1];
    assert.notEqual(nonce(pageOf('en', 'claudeBedrock.usage', storage)), nonce(pageOf('en', 'claudeBedrock.usage', storage)));
  });
});
