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
    assert.equal(provider.getTreeItem(jpSonnet).description, `Tokyo, Osaka · +10% · ${JP_SONNET}`);
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

  it('builds the IAM policy of an application profile from its base model in the catalog', async () => {
    const { standIn, provider } = activate('en');
    await standIn.commands.get('claudeBedrock.useProfileForModels')!('static-dev');
    const root = await loadedRoot(provider);
    const group = root.find((node) => (node as { type: string }).type === 'applicationGroup')!;
    const [application] = await provider.getChildren(group);
    const opened: string[] = [];
    (standIn.api.workspace as Record<string, unknown>).openTextDocument = async (options: { content: string }) => void opened.push(options.content);
    (standIn.api.window as Record<string, unknown>).showTextDocument = async () => undefined;
    await standIn.commands.get('claudeBedrock.showIamPolicy')!(application);
    const resources = (JSON.parse(opened[0]!) as { Statement: { Resource: string | string[] }[] }).Statement.flatMap((statement) => [statement.Resource].flat());
    assert.ok(resources.some((resource) => resource.includes(':application-inference-profile/')));
    assert.ok(resources.includes(`arn:aws:bedrock:ap-northeast-3::foundation-model/${BEDROCK_MODEL_IDS.sonnet45}`), resources.join('\n'));
  });
});

/** Each failure scenario, probed from the view: the model, and the cause's words in English and Japanese. */
const failures: [ScenarioName, string, RegExp, RegExp][] = [
  ['bedrock-not-authorized', JP_HAIKU, /access/i, /アクセス/],
  ['bedrock-marketplace', JP_SONNET, /Marketplace/, /Marketplace/],
  ['bedrock-use-case', JP_SONNET, /use case/i, /ユースケース/],
  ['bedrock-legacy', `apac.${BEDROCK_MODEL_IDS.sonnet37}`, /legacy/i, /レガシー/],
  ['bedrock-throttled', JP_SONNET, /tokens per minute|too many/i, /上限|クォータ/],
  ['bedrock-scp-osaka', JP_SONNET, /ap-northeast-3|Osaka/, /ap-northeast-3|大阪/],
];

for (const [scenario, modelId, english, japanese] of failures) {
  describe(`models view in ${scenario}`, () => {
    setUp(scenario);

    for (const [language, cause] of [
      ['en', english],
      ['ja', japanese],
    ] as const) {
      it(`shows the probed model's diagnosis beside it, in ${language}`, async () => {
        const { standIn, provider } = activate(language);
        await standIn.commands.get('claudeBedrock.useProfileForModels')!('static-dev');
        const offer = await findOffer(provider, modelId);
        standIn.answer = (_, items) => items[0];
        await standIn.commands.get('claudeBedrock.probeModel')!(offer);
        const row = await findOffer(provider, modelId);
        assert.notEqual(provider.getTreeItem(row).iconPath?.id, 'pass');
        const items = (await provider.getChildren(row)).map((node) => provider.getTreeItem(node));
        const diagnosis = items.find((item) => item.contextValue?.startsWith('diagnosis') && cause.test(String(item.label)));
        assert.ok(diagnosis, `no diagnosis matching ${cause} in ${items.map((item) => item.label).join(' | ')}`);
        assert.ok(String(diagnosis.description).length > 0, 'the fix is shown beside the cause');
      });
    }
  });
}

describe('models view (bedrock-not-authorized, no probe)', () => {
  setUp('bedrock-not-authorized');

  it('shows the Haiku background model as not accessible with the console fix', async () => {
    const { standIn, provider } = activate('en');
    await standIn.commands.get('claudeBedrock.useProfileForModels')!('static-dev');
    await standIn.commands.get('claudeBedrock.useBackgroundModel')!(await findOffer(provider, JP_HAIKU));
    await standIn.commands.get('claudeBedrock.validateModel')!(JP_HAIKU);
    const row = await chosenRow(provider, 'background');
    assert.equal(provider.getTreeItem(row).iconPath?.id, 'error');
    const children = await provider.getChildren(row);
    const diagnosis = children.map((node) => provider.getTreeItem(node)).find((item) => item.contextValue?.startsWith('diagnosis'))!;
    assert.match(String(diagnosis.label), /access/i);
    assert.equal(diagnosis.contextValue, 'diagnosis console', 'the fix opens the model access page');
  });
});

describe('models view (bedrock-list-denied)', () => {
  setUp('bedrock-list-denied');

  it('shows the bundled table as unverified, with the missing permission', async () => {
    const { standIn, provider } = activate('ja');
    await standIn.commands.get('claudeBedrock.useProfileForModels')!('static-dev');
    const root = await loadedRoot(provider);
    const notice = root.find((node) => (node as { id?: string }).id === 'notice:fallback');
    assert.ok(notice, 'a fallback notice heads the list');
    const reasons = (await provider.getChildren(notice)).map((node) => String(provider.getTreeItem(node).label));
    assert.ok(reasons.some((label) => label.includes('bedrock:ListInferenceProfiles')), reasons.join(' | '));
    await findOffer(provider, JP_SONNET);
  });
});

describe('models view with expired SSO credentials', () => {
  setUp('basic');

  it('says the models could not be listed and offers the sign-in command', async () => {
    const { standIn, provider } = activate('en');
    await standIn.commands.get('claudeBedrock.useProfileForModels')!('sso-expired');
    const root = await loadedRoot(provider);
    const notice = root.find((node) => (node as { id?: string }).id === 'notice:failed')!;
    assert.ok(notice);
    const [diagnosis] = (await provider.getChildren(notice)).map((node) => provider.getTreeItem(node));
    assert.equal(diagnosis!.contextValue, 'diagnosis command');
    assert.match(JSON.stringify(diagnosis!.tooltip), /aws sso login --profile sso-expired/);
  });
});
