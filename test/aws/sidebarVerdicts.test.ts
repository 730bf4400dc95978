// One verdict per model on every surface (issue 12): after *Validate the Configured Models*, the
// Setup view's health and the status bar follow the configured models' latest validation — never
// "healthy" beside a model with no access, and a check that could not be read is a warning, never a
// check mark. Built bundle with the `vscode` stand-in, against the fake AWS.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BEDROCK_MODEL_IDS } from '../fake-aws/scenarios/bedrockCatalog';
import type { ScenarioName } from '../fake-aws/scenarios';
import { useFakeAwsHome } from '../support/fakeAwsHome';
import { createVscodeStandIn, extensionContext, loadWithStandIn, tooltipText, type StandIn, type StatusItemStandIn } from '../support/vscodeStandIn';

const bundle = join(__dirname, '..', '..', 'dist', 'extension.js');
const JP_SONNET = `jp.${BEDROCK_MODEL_IDS.sonnet45}`;
const JP_HAIKU = `jp.${BEDROCK_MODEL_IDS.haiku45}`;

interface Item {
  label?: unknown;
  description?: unknown;
}
interface Provider {
  getChildren(node?: unknown): unknown[] | Promise<unknown[]>;
  getTreeItem(node: unknown): Item;
}

function verdictSuite(scenario: ScenarioName, body: (world: ReturnType<typeof useFakeAwsHome>, run: (language: string) => Promise<{ standIn: StandIn; item: StatusItemStandIn; provider: Provider }>) => void): void {
  describe(`Setup view and status bar follow the models' latest verdict (${scenario}, built bundle)`, () => {
    const world = useFakeAwsHome(`verdicts-${scenario}`, scenario);
    let folder: string;
    let subscriptions: { dispose(): unknown }[] = [];

    beforeEach(() => {
      folder = mkdtempSync(join(tmpdir(), 'cbs-verdicts-'));
      process.env.CLAUDE_BEDROCK_MANAGED_SETTINGS_DIR = join(folder, 'no-managed-settings');
      mkdirSync(join(folder, '.claude'), { recursive: true });
      writeFileSync(
        join(folder, '.claude', 'settings.json'),
        JSON.stringify({ env: { CLAUDE_CODE_USE_BEDROCK: '1', AWS_REGION: 'ap-northeast-1', ANTHROPIC_MODEL: JP_SONNET, ANTHROPIC_DEFAULT_HAIKU_MODEL: JP_HAIKU } }),
      );
      writeFileSync(join(folder, '.claude', 'settings.local.json'), JSON.stringify({ env: { AWS_PROFILE: 'static-dev' } }));
      writeFileSync(join(folder, '.gitignore'), '.claude/settings.local.json\n');
    });
    afterEach(() => {
      for (const subscription of subscriptions) subscription.dispose();
      subscriptions = [];
      rmSync(folder, { recursive: true, force: true });
    });

    body(world, async (language) => {
      const standIn = createVscodeStandIn(language);
      standIn.workspaceFolders = [{ uri: { fsPath: folder, toString: () => `file://${folder}` }, name: 'work', index: 0 }];
      const context = extensionContext(standIn);
      loadWithStandIn<{ activate(context: unknown): void }>(bundle, standIn, (extension) => extension.activate(context));
      subscriptions = (context as unknown as { subscriptions: { dispose(): unknown }[] }).subscriptions;
      const item = standIn.statusItems.find((candidate) => candidate.id === 'claudeBedrock.health')!;
      for (let attempt = 0; attempt < 400 && (item.text === '' || item.text.includes('sync~spin')); attempt++) await new Promise((resolve) => setTimeout(resolve, 25));
      return { standIn, item, provider: standIn.treeProviders.get('claudeBedrock.setup') as unknown as Provider };
    });
  });
}

// The tooltip is Markdown with its punctuation escaped; compare the text as it reads.

async function rows(provider: Provider): Promise<string[]> {
  const out: string[] = [];
  const stack = [...(await provider.getChildren())];
  while (stack.length > 0) {
    const node = stack.shift()!;
    const item = provider.getTreeItem(node);
    out.push(`${String(item.label)} | ${String(item.description ?? '')}`);
    stack.push(...(await provider.getChildren(node)));
  }
  return out;
}

async function validate(standIn: StandIn): Promise<void> {
  await standIn.commands.get('claudeBedrock.validateSetup')!();
}

verdictSuite('bedrock-not-authorized', (_world, run) => {
  it('is healthy before any model was validated, and an error once the Haiku model shows no access', async () => {
    const { standIn, item, provider } = await run('en');
    assert.match(item.text, /^\$\(pass\) Bedrock$/, 'the files and the identity are fine');
    await validate(standIn);
    assert.match(item.text, /^\$\(error\) Bedrock$/, tooltipText(item));
    assert.ok(tooltipText(item).includes(`${JP_HAIKU}: not accessible`), tooltipText(item));
    assert.notEqual(item.accessibilityInformation?.label, 'Claude on Bedrock is healthy');
    const all = await rows(provider);
    assert.ok(!all.some((row) => row.startsWith('Claude on Bedrock is healthy')), all.join('\n'));
    assert.ok(all.some((row) => row.includes(JP_HAIKU) && row.includes('not accessible')), all.join('\n'));
  });

  it('says so in Japanese', async () => {
    const { standIn, item } = await run('ja');
    await validate(standIn);
    assert.match(item.text, /^\$\(error\) Bedrock$/);
    assert.match(tooltipText(item), /アクセスできません|アクセス不可/, tooltipText(item));
  });
});

verdictSuite('basic', (world, run) => {
  it('shows a check whose calls failed with HTTP 500 as a warning that says it was not verified, never a check mark', async () => {
    const { standIn, item, provider } = await run('en');
    assert.match(item.text, /^\$\(pass\) Bedrock$/);
    world.fake.inject({ service: 'bedrock', operation: 'GetFoundationModelAvailability', fault: 'json-500' });
    world.fake.inject({ service: 'bedrock', operation: 'GetInferenceProfile', fault: 'json-500' });
    await validate(standIn);
    assert.match(item.text, /^\$\(warning\) Bedrock$/, tooltipText(item));
    assert.match(tooltipText(item), /not verified: a check could not be read/);
    const all = await rows(provider);
    assert.ok(!all.some((row) => /looks available|access granted/.test(row)), all.join('\n'));
    // Under each model, which call failed, how, and what to do.
    assert.ok(all.some((row) => /^GetInferenceProfile in ap-northeast-1 was answered with HTTP 500 \(internal server error\).* \| Try again in a few minutes/.test(row)), all.join('\n'));
  });

  it('is healthy, naming what was read, when both models were verified by the control plane', async () => {
    const { standIn, item } = await run('en');
    await validate(standIn);
    assert.match(item.text, /^\$\(pass\) Bedrock$/, tooltipText(item));
    assert.match(tooltipText(item), /access granted and inference profile found; not probed/);
  });
});
