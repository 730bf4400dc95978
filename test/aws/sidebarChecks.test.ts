// The sidebar's identity checks through the built bundle (with a `vscode` stand-in): the AWS SDK
// is loaded on the first check, the call reaches the fake AWS, and only the checked row redraws.
import assert from 'node:assert/strict';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { BASIC_ACCOUNT_ID } from '../fake-aws/scenarios/basic';
import { useFakeAwsHome } from '../support/fakeAwsHome';
import { createVscodeStandIn, extensionContext, loadWithStandIn } from '../support/vscodeStandIn';

const bundle = join(__dirname, '..', '..', 'dist', 'extension.js');

describe('sidebar identity checks (built bundle, fake AWS)', () => {
  const context = useFakeAwsHome('sidebar');

  it('checks one profile on demand, redraws only its row, and shows the account', async () => {
    const { fake } = context;
    const standIn = createVscodeStandIn();
    const required = loadWithStandIn<{ activate(context: unknown): void }>(bundle, standIn, (extension) => extension.activate(extensionContext(standIn)));
    assert.ok(!required.includes('https'), 'activation did not load the SDK');
    const provider = standIn.treeProviders.get('claudeBedrock.profiles')! as unknown as {
      getChildren(node?: unknown): Promise<unknown[]>;
      getTreeItem(node: unknown): { label?: unknown; description?: unknown };
      onDidChangeTreeData(listener: (node: unknown) => void): { dispose(): void };
    };
    const rows = await provider.getChildren();
    const row = rows.find((node) => provider.getTreeItem(node).label === 'role-dev');
    assert.ok(row);
    const redrawn: unknown[] = [];
    provider.onDidChangeTreeData((node) => redrawn.push(node));

    await standIn.commands.get('claudeBedrock.checkIdentity')!('role-dev');

    assert.ok(redrawn.length >= 2, 'the row redrew when the check started and when it finished');
    assert.ok(redrawn.every((node) => node === row), 'only the checked row redrew; the files were not re-read for the whole tree');
    assert.match(String(provider.getTreeItem(row).description), new RegExp(`· ${BASIC_ACCOUNT_ID}$`));
    assert.deepEqual(
      fake.requests.map((entry) => entry.operation),
      ['AssumeRole', 'GetCallerIdentity'],
    );
  });
});

describe("the AWS Profiles view's problems (built bundle; their words load on first use)", () => {
  const context = useFakeAwsHome('sidebar-problems');

  for (const [language, words] of [
    ['en', /The role chain loops: loop-a → loop-b → loop-a/],
    ['ja', /ロールの連鎖が循環しています: loop-a → loop-b → loop-a/],
  ] as const) {
    it(`words a role-chain cycle with its fix (${language}), from dist/profileProblems.js`, async () => {
      const config = join(context.home, '.aws', 'config');
      appendFileSync(config, '\n[profile loop-a]\nrole_arn = arn:aws:iam::111122223333:role/A\nsource_profile = loop-b\n\n[profile loop-b]\nrole_arn = arn:aws:iam::111122223333:role/B\nsource_profile = loop-a\n');
      const standIn = createVscodeStandIn(language);
      const required = loadWithStandIn<{ activate(context: unknown): void }>(bundle, standIn, (extension) => extension.activate(extensionContext(standIn)));
      assert.ok(!required.some((file) => file.endsWith('profileProblems.js')), 'activation did not load the problems\' words');
      const provider = standIn.treeProviders.get('claudeBedrock.profiles')! as unknown as {
        getChildren(node?: unknown): Promise<unknown[]>;
        getTreeItem(node: unknown): { label?: unknown; description?: unknown; tooltip?: unknown };
      };
      const texts: string[] = [];
      const stack = [...(await provider.getChildren())];
      while (stack.length > 0) {
        const node = stack.shift()!;
        const item = provider.getTreeItem(node);
        const tooltip = typeof item.tooltip === 'string' ? item.tooltip : ((item.tooltip as { value?: string } | undefined)?.value ?? '');
        texts.push(`${String(item.label)} ${String(item.description ?? '')} ${tooltip}`);
        stack.push(...(await provider.getChildren(node)));
      }
      assert.ok(texts.some((text) => words.test(text)), texts.join('\n'));
    });
  }
});
