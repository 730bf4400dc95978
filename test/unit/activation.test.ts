// Activation of the built bundle, with a stand-in for `vscode`: what gets registered, and that
// activation loads no AWS SDK code (no HTTP stack is required until an AWS call is needed).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LAZY_BUNDLES } from '../../src/vscode/lazyBundles';
import { createVscodeStandIn, extensionContext, loadWithStandIn } from '../support/vscodeStandIn';

const bundle = join(__dirname, '..', '..', 'dist', 'extension.js');
const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));
const fixtureHome = join(__dirname, '..', 'fixtures', 'every-kind');

describe('extension activation (built bundle)', () => {
  before(function () {
    if (!existsSync(bundle)) throw new Error('dist/extension.js is missing: run npm run build (npm test does it first)');
  });

  it('registers every contributed command and the profiles view without loading the AWS SDK', async () => {
    const standIn = createVscodeStandIn();
    const subscriptions: { dispose(): void }[] = [];
    const required = loadWithStandIn<{ activate(context: unknown): void }>(bundle, standIn, (extension) => {
      extension.activate({ ...extensionContext(standIn), subscriptions });
    });
    assert.deepEqual([...standIn.commands.keys()].sort(), manifest.contributes.commands.map((command: { command: string }) => command.command).sort());
    assert.ok(standIn.treeProviders.has('claudeBedrock.profiles'));
    assert.ok(standIn.treeProviders.has('claudeBedrock.models'));
    const patterns = standIn.watchers.map((pattern) => (typeof pattern === 'string' ? pattern : (pattern as { pattern: string }).pattern));
    // The AWS files once (config, credentials, SSO and login caches), Claude's settings files and the policy files.
    assert.deepEqual(
      patterns.sort(),
      ['*.json', '*.json', '*.json', '**/.claude/settings.json', '**/.claude/settings.local.json', '**/.claude/bedrock-policy.json', '**/.gitignore', 'config', 'credentials', 'managed-settings.json', 'policy.json', 'settings.json'].sort(),
    );
    for (const module of ['http', 'https', 'http2']) assert.ok(!required.includes(module), `activation required ${module}: the AWS SDK was loaded`);
    for (const subscription of subscriptions) subscription.dispose();
  });

  it('loads none of the lazy bundles at activation, and each exists beside the bundle and goes into the VSIX', () => {
    const standIn = createVscodeStandIn();
    const subscriptions: { dispose(): void }[] = [];
    const required = loadWithStandIn<{ activate(context: unknown): void }>(bundle, standIn, (extension) => {
      extension.activate({ ...extensionContext(standIn), subscriptions });
    });
    const vscodeignore = readFileSync(join(__dirname, '..', '..', '.vscodeignore'), 'utf8').split('\n');
    for (const { bundle: lazy } of Object.values(LAZY_BUNDLES)) {
      assert.ok(!required.some((request) => request.endsWith(`/${lazy}`)), `activation loaded dist/${lazy}`);
      assert.ok(existsSync(join(__dirname, '..', '..', 'dist', lazy)), `dist/${lazy} was not built`);
      assert.ok(vscodeignore.includes(`!dist/${lazy}`), `.vscodeignore leaves dist/${lazy} out of the VSIX`);
    }
    assert.ok(required.includes('path'), `the recorder sees what the bundle requires: ${required.join(', ')}`);
    for (const subscription of subscriptions) subscription.dispose();
  });

  it('lists the profiles of the files in the view, read when the view asks', async () => {
    const standIn = createVscodeStandIn();
    const savedHome = process.env.HOME;
    process.env.HOME = fixtureHome;
    try {
      loadWithStandIn<{ activate(context: unknown): void }>(bundle, standIn, (extension) => extension.activate(extensionContext(standIn)));
      const provider = standIn.treeProviders.get('claudeBedrock.profiles')!;
      const nodes = await provider.getChildren();
      const labels = nodes.map((node) => provider.getTreeItem(node).label);
      assert.ok(labels.includes('sso-dev'));
      assert.ok(labels.includes('chain-invoker'));
      const sso = nodes.find((node) => provider.getTreeItem(node).label === 'sso-expired')!;
      assert.match(String(provider.getTreeItem(sso).contextValue), /\bsso\b/);
      const children = await provider.getChildren(sso);
      const descriptions = children.map((child) => String(provider.getTreeItem(child).description));
      assert.ok(descriptions.some((text) => text.startsWith('expired at 2020-01-01')), descriptions.join(' | '));
    } finally {
      process.env.HOME = savedHome;
    }
  });
});
