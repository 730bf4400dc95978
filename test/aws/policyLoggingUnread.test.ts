// The policy's invocation-logging rule when the account was not asked in this check: the
// credentials check fails (STS refuses the keys), so GetModelInvocationLoggingConfiguration is not
// called. The Setup view must not say the setup complies and the status bar must name the rule as
// not verified, in English and Japanese; an answer read by an earlier check (logging on) does not
// stand in for this one. Built bundle with the `vscode` stand-in, against the fake AWS.
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BASIC_ACCOUNT_ID } from '../fake-aws/scenarios/basic';
import { BEDROCK_MODEL_IDS } from '../fake-aws/scenarios/bedrockCatalog';
import { cloudWatchLogging, TEAM_REGION } from '../fake-aws/scenarios/teamData';
import { makeBedrockFolder } from '../support/bedrockFolder';
import { useFakeAwsHome } from '../support/fakeAwsHome';
import { createVscodeStandIn, extensionContext, healthSettled, loadWithStandIn, tooltipText } from '../support/vscodeStandIn';

const bundle = join(__dirname, '..', '..', 'dist', 'extension.js');

interface Provider {
  getChildren(node?: unknown): unknown[] | Promise<unknown[]>;
  getTreeItem(node: unknown): { label?: unknown; description?: unknown };
}

async function rows(provider: Provider): Promise<string[]> {
  const out: string[] = [];
  const stack = [...(await provider.getChildren())];
  while (stack.length > 0) {
    const node = stack.shift()!;
    const item = provider.getTreeItem(node);
    out.push(`${typeof item.label === 'string' ? item.label : ((item.label as { label?: string } | undefined)?.label ?? '')} | ${String(item.description ?? '')}`);
    stack.push(...(await provider.getChildren(node)));
  }
  return out;
}

const TEXTS = {
  en: { complies: 'Complies with the organisation policy', unverified: 'Whether Bedrock model invocation logging is on was not verified' },
  ja: { complies: '組織のポリシーに準拠しています', unverified: 'Bedrock のモデル呼び出しログが有効か確認できていません' },
} as const;

describe('the invocation-logging rule when the account was not asked (built bundle, fake AWS)', () => {
  const world = useFakeAwsHome('policy-logging-unread', 'team-logging-off');
  let folder: string;
  let subscriptions: { dispose(): unknown }[] = [];

  beforeEach(() => {
    // Logging on: an answer, when read, complies.
    ((world.fake.state.bedrock!.accounts[BASIC_ACCOUNT_ID] ??= {}).invocationLogging ??= {})[TEAM_REGION] = cloudWatchLogging();
    folder = makeBedrockFolder('cbs-policy-logging-unread-', { region: TEAM_REGION, model: `jp.${BEDROCK_MODEL_IDS.sonnet45}`, profile: 'static-dev' });
    process.env.CLAUDE_BEDROCK_MANAGED_SETTINGS_DIR = join(folder, 'no-managed-settings');
    writeFileSync(join(folder, '.claude', 'bedrock-policy.json'), JSON.stringify({ version: 1, requireInvocationLogging: true }));
  });
  afterEach(() => {
    for (const subscription of subscriptions) subscription.dispose();
    subscriptions = [];
    rmSync(folder, { recursive: true, force: true });
  });

  async function activate(language: 'en' | 'ja') {
    const standIn = createVscodeStandIn(language);
    standIn.workspaceFolders = [{ uri: { fsPath: folder, toString: () => `file://${folder}` }, name: 'work', index: 0 }];
    const context = extensionContext(standIn);
    loadWithStandIn<{ activate(context: unknown): void }>(bundle, standIn, (extension) => extension.activate(context));
    subscriptions = (context as unknown as { subscriptions: { dispose(): unknown }[] }).subscriptions;
    const item = standIn.statusItems.find((candidate) => candidate.id === 'claudeBedrock.health')!;
    const wait = async () => {
      await healthSettled(item);
    };
    await wait();
    return {
      item,
      provider: standIn.treeProviders.get('claudeBedrock.setup') as unknown as Provider,
      check: async () => {
        await standIn.commands.get('claudeBedrock.checkHealth')!();
        await wait();
      },
    };
  }

  const refuseKeys = () => world.fake.inject({ service: 'sts', operation: 'GetCallerIdentity', error: { status: 403, code: 'InvalidClientTokenId', message: 'The security token included in the request is invalid.' } });
  const loggingReads = () => world.fake.requests.filter((entry) => entry.operation === 'GetModelInvocationLoggingConfiguration').length;

  for (const language of ['en', 'ja'] as const) {
    it(`does not say the setup complies when the credentials check failed, and names the rule as not verified (${language})`, async () => {
      refuseKeys();
      const { item, provider } = await activate(language);
      assert.equal(loggingReads(), 0, 'the account was not asked');
      const all = await rows(provider);
      assert.ok(!all.some((row) => row.includes(TEXTS[language].complies)), all.join('\n'));
      assert.ok(tooltipText(item).includes(TEXTS[language].unverified), tooltipText(item));
      assert.doesNotMatch(item.text, /\$\(pass\)/, item.text);
    });
  }

  it('does not let an earlier answer (logging on) stand in once the credentials fail', async () => {
    const { item, provider, check } = await activate('en');
    assert.ok(loggingReads() > 0, 'the first check read logging');
    assert.ok((await rows(provider)).some((row) => row.includes(TEXTS.en.complies)), 'logging on complies');
    assert.ok(!tooltipText(item).includes(TEXTS.en.unverified), tooltipText(item));
    world.fake.clearLog();
    refuseKeys();
    await check();
    assert.equal(loggingReads(), 0, 'the account was not asked this time');
    const all = await rows(provider);
    assert.ok(!all.some((row) => row.includes(TEXTS.en.complies)), all.join('\n'));
    assert.ok(tooltipText(item).includes(TEXTS.en.unverified), tooltipText(item));
  });
});
