// The Setup view's "Claude Code sessions" section through the built bundle (a `vscode` stand-in)
// when a scan throws after one that worked: the section says it could not be read, never the last
// scan's verdict with its check mark. The scan's bundle (dist/sessions.js) is the real one; only its
// second call is made to throw (a bug, a bundle broken mid-session), through the module cache.
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { BEDROCK_MODEL_IDS } from '../fake-aws/scenarios/bedrockCatalog';
import { makeBedrockFolder } from '../support/bedrockFolder';
import { useFakeAwsHome } from '../support/fakeAwsHome';
import { createVscodeStandIn, extensionContext, loadWithStandIn } from '../support/vscodeStandIn';

const bundle = join(__dirname, '..', '..', 'dist', 'extension.js');
const sessionsBundle = join(__dirname, '..', '..', 'dist', 'sessions.js');
const JP_SONNET = `jp.${BEDROCK_MODEL_IDS.sonnet45}`;

interface Item {
  label?: unknown;
  description?: unknown;
  id?: string;
  iconPath?: { id?: string };
}
interface Provider {
  getChildren(node?: unknown): unknown[] | Promise<unknown[]>;
  getTreeItem(node: unknown): Item;
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Setup view: a session scan that throws after one that worked (built bundle, fake AWS)', () => {
  useFakeAwsHome('sessions-failure');
  const load = createRequire(__filename);
  let folder: string;
  let subscriptions: { dispose(): unknown }[] = [];

  beforeEach(() => {
    folder = makeBedrockFolder('cbs-sessions-failure-', { region: 'ap-northeast-1', model: JP_SONNET, profile: 'static-dev' });
    process.env.CLAUDE_BEDROCK_MANAGED_SETTINGS_DIR = join(folder, 'no-managed-settings');
    process.env.CLAUDE_BEDROCK_POLICY_DIR = join(folder, 'no-machine-policy');
  });
  afterEach(() => {
    for (const subscription of subscriptions) subscription.dispose();
    subscriptions = [];
    delete load.cache[sessionsBundle];
    rmSync(folder, { recursive: true, force: true });
  });

  it('shows the failure, not the last scan\'s pass', async () => {
    // The real scan first, then a throw: the extension loads dist/sessions.js from the module cache.
    delete load.cache[sessionsBundle];
    const real = load(sessionsBundle) as { scanFolderSessions(request: unknown): Promise<unknown> };
    let calls = 0;
    const scanFolderSessions = (request: unknown) => (++calls === 1 ? real.scanFolderSessions(request) : Promise.reject(new Error('the session scan broke')));
    load.cache[sessionsBundle]!.exports = { scanFolderSessions };

    const standIn = createVscodeStandIn('en');
    standIn.workspaceFolders = [{ uri: { fsPath: folder, toString: () => `file://${folder}` }, name: 'work', index: 0 }];
    const context = extensionContext(standIn);
    loadWithStandIn<{ activate(context: unknown): void }>(bundle, standIn, (extension) => extension.activate(context));
    subscriptions = (context as unknown as { subscriptions: { dispose(): unknown }[] }).subscriptions;
    const status = standIn.statusItems.find((candidate) => candidate.id === 'claudeBedrock.health')!;
    for (let attempt = 0; attempt < 400 && (status.text === '' || status.text.includes('sync~spin')); attempt++) await wait(25);
    const provider = standIn.treeProviders.get('claudeBedrock.setup') as unknown as Provider;

    /** Draws the section (which asks for the scan) until the scan of this health check has finished. */
    const settle = async (scans: number): Promise<{ section: unknown; item: Item }> => {
      const section = (await provider.getChildren()).find((node) => (node as { type: string }).type === 'sessions');
      assert.ok(section, 'the view has a sessions section');
      let item = provider.getTreeItem(section);
      for (let attempt = 0; attempt < 400 && (calls < scans || String(item.description).includes('reading') || item.id?.endsWith('/waiting')); attempt++) {
        await wait(25);
        item = provider.getTreeItem(section);
      }
      return { section, item };
    };

    const first = await settle(1);
    assert.equal(first.item.description, 'no sessions in 7 days');
    assert.equal(first.item.iconPath?.id, 'pass');

    await standIn.commands.get('claudeBedrock.checkHealth')!();
    const { section, item } = await settle(2);
    assert.equal(calls, 2, 'the next health check scanned again');
    assert.notEqual(item.iconPath?.id, 'pass', 'no check mark from the scan before');
    assert.equal(item.description, 'could not be read');
    const notes = (await provider.getChildren(section)).map((child) => provider.getTreeItem(child));
    assert.deepEqual(
      notes.map((note) => [note.label, note.iconPath?.id]),
      [['the session scan broke', 'error']],
    );
  });
});
