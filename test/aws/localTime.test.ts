// Times of day in the display language: the Setup view's "checked at" and the status-bar tooltip's
// "Checked at" follow the window's language (a Japanese window never reads "1:04:25 AM"), through the
// built bundle with the `vscode` stand-in, against the fake AWS.
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { BEDROCK_MODEL_IDS } from '../fake-aws/scenarios/bedrockCatalog';
import { makeBedrockFolder } from '../support/bedrockFolder';
import { useFakeAwsHome } from '../support/fakeAwsHome';
import { createVscodeStandIn, extensionContext, healthSettled, loadWithStandIn, tooltipText } from '../support/vscodeStandIn';

const bundle = join(__dirname, '..', '..', 'dist', 'extension.js');

interface Provider {
  getChildren(node?: unknown): unknown[] | Promise<unknown[]>;
  getTreeItem(node: unknown): { description?: unknown };
}

describe('times of day in the display language (built bundle, fake AWS)', () => {
  useFakeAwsHome('local-time');
  let folder: string;
  let subscriptions: { dispose(): unknown }[] = [];

  beforeEach(() => {
    folder = makeBedrockFolder('cbs-local-time-', { region: 'ap-northeast-1', model: `jp.${BEDROCK_MODEL_IDS.sonnet45}`, profile: 'static-dev' });
  });
  afterEach(() => {
    for (const subscription of subscriptions) subscription.dispose();
    subscriptions = [];
    rmSync(folder, { recursive: true, force: true });
  });

  for (const [language, checked, tooltip] of [
    ['en', /^checked at \d{1,2}:\d{2}:\d{2}\s?[AP]M$/, /Checked at \d{1,2}:\d{2}:\d{2}\s?[AP]M/],
    ['ja', /^\d{1,2}:\d{2}:\d{2} に確認$/, /\d{1,2}:\d{2}:\d{2} に確認/],
  ] as const) {
    it(`the Setup view and the tooltip give the check's time as ${language} writes it`, async () => {
      const standIn = createVscodeStandIn(language);
      standIn.workspaceFolders = [{ uri: { fsPath: folder, toString: () => `file://${folder}` }, name: 'work', index: 0 }];
      const context = extensionContext(standIn);
      loadWithStandIn<{ activate(context: unknown): void }>(bundle, standIn, (extension) => extension.activate(context));
      subscriptions = (context as unknown as { subscriptions: { dispose(): unknown }[] }).subscriptions;
      const item = standIn.statusItems.find((candidate) => candidate.id === 'claudeBedrock.health')!;
      await healthSettled(item);
      const provider = standIn.treeProviders.get('claudeBedrock.setup') as unknown as Provider;
      const descriptions = await Promise.all((await provider.getChildren()).map((node) => String(provider.getTreeItem(node).description ?? '')));
      assert.ok(descriptions.some((description) => checked.test(description)), descriptions.join(' | '));
      assert.match(tooltipText(item), tooltip);
      if (language === 'ja') assert.doesNotMatch(`${descriptions.join(' ')} ${tooltipText(item)}`, /\b[AP]M\b/);
    });
  }
});
