// The models view through the built bundle (with a `vscode` stand-in) against the fake AWS: the
// catalog of the chosen profile and region, choosing the primary and background models, the
// probe only after the stated cost is accepted, and diagnoses in the window's language.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { BEDROCK_MODEL_IDS } from '../fake-aws/scenarios/bedrockCatalog';
import type { ScenarioName } from '../fake-aws/scenarios';
import { useFakeAwsHome } from '../support/fakeAwsHome';
import { createVscodeStandIn, extensionContext, loadWithStandIn, type StandIn } from '../support/vscodeStandIn';

const bundle = join(__dirname, '..', '..', 'dist', 'extension.js');
const JP_SONNET = `jp.${BEDROCK_MODEL_IDS.sonnet45}`;
const JP_HAIKU = `jp.${BEDROCK_MODEL_IDS.haiku45}`;

interface Item {
  label?: unknown;
  description?: unknown;
  contextValue?: string;
  iconPath?: { id?: string };
  tooltip?: unknown;
}
interface Provider {
  getChildren(node?: unknown): unknown[] | Promise<unknown[]>;
  getTreeItem(node: unknown): Item;
}

function activate(language: string): { standIn: StandIn; provider: Provider } {
  const standIn = createVscodeStandIn(language);
  loadWithStandIn<{ activate(context: unknown): void }>(bundle, standIn, (extension) => extension.activate(extensionContext(standIn)));
  return { standIn, provider: standIn.treeProviders.get('claudeBedrock.models')! as unknown as Provider };
}

/** Root rows once the catalog has loaded (the first draw starts the load and shows a loading row). */
async function loadedRoot(provider: Provider): Promise<unknown[]> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const rows = await provider.getChildren();
    if (!rows.some((row) => (row as { id?: string }).id === 'notice:loading')) return rows;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('the catalog never loaded');
}

async function findOffer(provider: Provider, modelId: string): Promise<unknown> {
  const stack = [...(await loadedRoot(provider))];
  while (stack.length > 0) {
    const node = stack.shift()!;
    const typed = node as { type: string; offer?: { modelId: string } };
    if (typed.type === 'offer' && typed.offer?.modelId === modelId) return node;
    if (typed.type === 'family' || typed.type === 'model') stack.push(...(await provider.getChildren(node)));
  }
  throw new Error(`no offer ${modelId}`);
}

async function chosenRow(provider: Provider, role: 'primary' | 'background') {
  const group = (await provider.getChildren()).find((node) => (node as { type: string }).type === 'chosenGroup')!;
  return (await provider.getChildren(group)).find((node) => (node as { role?: string }).role === role)!;
}

function setUp(scenario: ScenarioName) {
  return useFakeAwsHome(`models-${scenario}`, scenario);
}

describe('models view (built bundle, fake AWS)', () => {
  const context = setUp('basic');

  it('lists the region\'s models for the profile, and probes only after the cost is accepted', async () => {
    const { standIn, provider } = activate('en');
    await standIn.commands.get('claudeBedrock.useProfileForModels')!('static-dev');
    const root = await loadedRoot(provider);
    const labels = root.map((node) => provider.getTreeItem(node).label);
    assert.ok(labels.includes('Sonnet') && labels.includes('Haiku'), String(labels));
    assert.match(String(provider.getTreeItem(root[1]!).description), /^ap-northeast-1 · Asia Pacific \(Tokyo\)$/);

    const jpSonnet = await findOffer(provider, JP_SONNET);
    assert.match(String(provider.getTreeItem(jpSonnet).description), /Tokyo, Osaka · \+10%$/);
    await standIn.commands.get('claudeBedrock.usePrimaryModel')!(jpSonnet);
    await standIn.commands.get('claudeBedrock.useBackgroundModel')!(await findOffer(provider, JP_HAIKU));

    // Dismissing the cost confirmation sends nothing.
    context.fake.clearLog();
    await standIn.commands.get('claudeBedrock.validateChosenModels')!();
    assert.match(standIn.messages.at(-1)!.text, /^Probe /);
    assert.equal(context.fake.requests.length, 0);

    standIn.answer = (_, items) => items[0];
    await standIn.commands.get('claudeBedrock.validateChosenModels')!();
    const probed = context.fake.requests.filter((entry) => entry.operation === 'Converse').map((entry) => entry.resource);
    assert.deepEqual(probed.sort(), [JP_HAIKU, JP_SONNET].sort());
    const primary = provider.getTreeItem(await chosenRow(provider, 'primary'));
    assert.equal(primary.description, JP_SONNET);
    assert.equal(primary.iconPath?.id, 'pass');
  });

  it('opens the IAM policy of the chosen models with both Japanese regions', async () => {
    const { standIn, provider } = activate('en');
    await standIn.commands.get('claudeBedrock.useProfileForModels')!('static-dev');
    await standIn.commands.get('claudeBedrock.usePrimaryModel')!(await findOffer(provider, JP_SONNET));
    const opened: string[] = [];
    (standIn.api.workspace as Record<string, unknown>).openTextDocument = async (options: { content: string }) => {
      opened.push(options.content);
      return {};
    };
    (standIn.api.window as Record<string, unknown>).showTextDocument = async () => undefined;
    standIn.answer = (_, items) => items[0];
    await standIn.commands.get('claudeBedrock.showIamPolicy')!();
    const policy = JSON.parse(opened[0]!) as { Statement: { Resource: string | string[] }[] };
    const resources = policy.Statement.flatMap((statement) => [statement.Resource].flat());
    assert.ok(resources.includes(`arn:aws:bedrock:ap-northeast-1::foundation-model/${BEDROCK_MODEL_IDS.sonnet45}`));
    assert.ok(resources.includes(`arn:aws:bedrock:ap-northeast-3::foundation-model/${BEDROCK_MODEL_IDS.sonnet45}`));
    assert.equal(standIn.clipboard[0], opened[0], 'Copy put the same policy on the clipboard');
  });
});

for (const [language, cause] of [
  ['en', /access/i],
  ['ja', /[\u3040-\u30ff\u4e00-\u9fff]/],
] as const) {
  describe(`models view diagnoses in ${language} (bedrock-not-authorized)`, () => {
    setUp('bedrock-not-authorized');

    it('shows the Haiku background model as not accessible with the fix', async () => {
      const { standIn, provider } = activate(language);
      await standIn.commands.get('claudeBedrock.useProfileForModels')!('static-dev');
      await standIn.commands.get('claudeBedrock.useBackgroundModel')!(await findOffer(provider, JP_HAIKU));
      await standIn.commands.get('claudeBedrock.validateModel')!(JP_HAIKU);
      const row = await chosenRow(provider, 'background');
      assert.equal(provider.getTreeItem(row).iconPath?.id, 'error');
      const children = await provider.getChildren(row);
      const diagnosis = children.map((node) => provider.getTreeItem(node)).find((item) => item.contextValue?.startsWith('diagnosis'))!;
      assert.match(String(diagnosis.label), cause);
      assert.ok(String(diagnosis.description).length > 0, 'the fix is shown beside the cause');
      assert.equal(diagnosis.contextValue, 'diagnosis console', 'the fix opens the model access page');
    });
  });
}
