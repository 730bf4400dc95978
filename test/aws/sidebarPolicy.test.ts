// The organisation policy in the sidebar, through the built bundle (with a `vscode` stand-in that
// translates like VS Code) against the fake AWS: a Japan-only team policy, a hand-edited `global.`
// model caught in the status bar and the Setup view, its quick fix rewriting only that value, Claude
// Code's managed settings shown as locks and never written, a broken policy file located, the
// residency proof exported, and the models view refusing what the policy does not allow.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BEDROCK_MODEL_IDS } from '../fake-aws/scenarios/bedrockCatalog';
import { useFakeAwsHome } from '../support/fakeAwsHome';
import { createVscodeStandIn, extensionContext, loadWithStandIn, type StandIn, type StatusItemStandIn } from '../support/vscodeStandIn';

const bundle = join(__dirname, '..', '..', 'dist', 'extension.js');
const GLOBAL_SONNET = `global.${BEDROCK_MODEL_IDS.sonnet45}`;
const JP_SONNET = `jp.${BEDROCK_MODEL_IDS.sonnet45}`;
const JP_OPUS = `jp.${BEDROCK_MODEL_IDS.opus46}`;
const JP_HAIKU = `jp.${BEDROCK_MODEL_IDS.haiku45}`;
const GLOBAL_HAIKU = `global.${BEDROCK_MODEL_IDS.haiku45}`;
const JAPAN_ONLY = { version: 1, allowedScopes: ['jp'], dataResidency: 'japan', requiredModelPins: ['opus'] };

interface Item {
  id?: string;
  label?: unknown;
  description?: unknown;
  tooltip?: unknown;
  contextValue?: string;
  iconPath?: { id?: string };
  command?: { command: string; arguments?: unknown[] };
}
interface Provider {
  getChildren(node?: unknown): unknown[] | Promise<unknown[]>;
  getTreeItem(node: unknown): Item;
}
interface Row {
  readonly node: unknown;
  readonly item: Item;
  readonly label: string;
  readonly description: string;
  readonly tooltip: string;
}

const textOf = (value: unknown): string => (typeof value === 'string' ? value : ((value as { value?: string } | undefined)?.value ?? ''));
const tooltipOf = (item: StatusItemStandIn) => textOf(item.tooltip);

/** Every row of a tree, depth first as drawn. */
async function rows(provider: Provider, node?: unknown): Promise<Row[]> {
  const found: Row[] = [];
  for (const child of await provider.getChildren(node)) {
    const item = provider.getTreeItem(child);
    found.push({ node: child, item, label: String(item.label), description: String(item.description ?? ''), tooltip: textOf(item.tooltip) });
    found.push(...(await rows(provider, child)));
  }
  return found;
}

/** The rows under the policy node (it must be there). */
async function policyRows(provider: Provider): Promise<Row[]> {
  const all = await rows(provider);
  const policy = all.find((row) => (row.node as { type: string }).type === 'policy');
  assert.ok(policy, `a policy node among ${all.map((row) => row.label).join(' | ')}`);
  return rows(provider, policy.node);
}

describe('organisation policy in the sidebar (built bundle, fake AWS)', () => {
  const world = useFakeAwsHome('sidebar-policy');
  let folder: string;
  let machineDir: string;
  let managedDir: string;
  let saved: Record<string, string | undefined>;
  let subscriptions: { dispose(): unknown }[] = [];

  beforeEach(() => {
    saved = { CLAUDE_BEDROCK_POLICY_DIR: process.env.CLAUDE_BEDROCK_POLICY_DIR, CLAUDE_BEDROCK_MANAGED_SETTINGS_DIR: process.env.CLAUDE_BEDROCK_MANAGED_SETTINGS_DIR };
    folder = mkdtempSync(join(tmpdir(), 'cbs-sidebar-policy-'));
    machineDir = mkdtempSync(join(tmpdir(), 'cbs-machine-policy-'));
    managedDir = mkdtempSync(join(tmpdir(), 'cbs-managed-settings-'));
    process.env.CLAUDE_BEDROCK_POLICY_DIR = machineDir;
    process.env.CLAUDE_BEDROCK_MANAGED_SETTINGS_DIR = managedDir;
  });
  afterEach(() => {
    for (const subscription of subscriptions) subscription.dispose();
    subscriptions = [];
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    for (const path of [folder, machineDir, managedDir]) rmSync(path, { recursive: true, force: true });
  });

  const projectFile = () => join(folder, '.claude', 'settings.json');
  const teamPolicy = () => join(folder, '.claude', 'bedrock-policy.json');

  /** A Japan-only team policy, and a project file whose primary model was hand-edited to `global.`. */
  function configure(policyText = JSON.stringify(JAPAN_ONLY, null, 2)): string {
    mkdirSync(join(folder, '.claude'), { recursive: true });
    writeFileSync(teamPolicy(), policyText);
    const project = {
      env: {
        CLAUDE_CODE_USE_BEDROCK: '1',
        AWS_REGION: 'ap-northeast-1',
        ANTHROPIC_MODEL: GLOBAL_SONNET,
        ANTHROPIC_BEDROCK_REGION_PREFIX: 'jp',
        ANTHROPIC_DEFAULT_OPUS_MODEL: JP_OPUS,
        ANTHROPIC_DEFAULT_HAIKU_MODEL: JP_HAIKU,
      },
      permissions: { allow: ['Bash(npm test)'], deny: [] },
      includeCoAuthoredBy: false,
    };
    const text = `${JSON.stringify(project, null, 4)}\n`;
    writeFileSync(projectFile(), text);
    writeFileSync(join(folder, '.claude', 'settings.local.json'), JSON.stringify({ env: { AWS_PROFILE: 'static-dev' } }));
    writeFileSync(join(folder, '.gitignore'), '.claude/settings.local.json\n');
    return text;
  }

  const settled = (item: StatusItemStandIn) => item.text !== '' && !item.text.includes('sync~spin');

  async function activate(language: string): Promise<{ standIn: StandIn; item: StatusItemStandIn; provider: Provider; models: Provider }> {
    const standIn = createVscodeStandIn(language);
    standIn.workspaceFolders = [{ uri: { fsPath: folder, toString: () => `file://${folder}` }, name: 'work', index: 0 }];
    const context = extensionContext(standIn);
    loadWithStandIn<{ activate(context: unknown): void }>(bundle, standIn, (extension) => extension.activate(context));
    subscriptions = (context as unknown as { subscriptions: { dispose(): unknown }[] }).subscriptions;
    const item = standIn.statusItems.find((candidate) => candidate.id === 'claudeBedrock.health')!;
    for (let attempt = 0; attempt < 400 && !settled(item); attempt++) await new Promise((resolve) => setTimeout(resolve, 25));
    assert.ok(settled(item), 'the first health check finished');
    return {
      standIn,
      item,
      provider: standIn.treeProviders.get('claudeBedrock.setup') as unknown as Provider,
      models: standIn.treeProviders.get('claudeBedrock.models') as unknown as Provider,
    };
  }

  async function run(standIn: StandIn, command: unknown): Promise<void> {
    const { command: id, arguments: args = [] } = command as { command: string; arguments?: unknown[] };
    const handler = standIn.commands.get(id);
    assert.ok(handler, `${id} is registered`);
    await handler(...args);
  }

  it('shows a hand-edited global. model as a policy error, with the team policy\'s rules, and the status bar\'s click fixes only that value', async () => {
    const original = configure();
    const { standIn, item, provider } = await activate('en');
    assert.match(item.text, /^\$\(error\) Bedrock$/);
    assert.ok(tooltipOf(item).includes('scope, which is not allowed'), tooltipOf(item));
    assert.ok(tooltipOf(item).includes('would run outside the allowed Regions'), tooltipOf(item));

    const policy = await policyRows(provider);
    const team = policy.find((row) => row.label === 'Team policy');
    assert.ok(team, policy.map((row) => row.label).join(' | '));
    assert.equal(team.description, '.claude/bedrock-policy.json · Allowed scopes, Data residency, Required model pins');
    assert.equal(team.item.command?.command, 'vscode.open');
    assert.equal((team.item.command.arguments?.[0] as { fsPath?: string }).fsPath, teamPolicy(), 'a click opens the policy file');

    const violations = policy.filter((row) => (row.node as { type: string }).type === 'violation');
    assert.deepEqual(
      violations.map((row) => [row.label, row.description, row.item.contextValue, row.item.iconPath?.id]),
      [
        [`${GLOBAL_SONNET} uses the "global." scope, which is not allowed`, 'project', 'policyViolation fixable', 'error'],
        [`${GLOBAL_SONNET} would run outside the allowed Regions`, 'project', 'policyViolation fixable', 'error'],
      ],
    );
    const [scope] = violations;
    assert.ok(scope!.tooltip.includes(`Use ${JP_SONNET} instead.`), scope!.tooltip);
    assert.ok(scope!.tooltip.includes(`Set env.ANTHROPIC_MODEL to ${JP_SONNET}`), 'the fix is named');
    assert.deepEqual(scope!.item.command, { title: 'Open the settings file', command: 'claudeBedrock.openClaudeSettings', arguments: [{ path: projectFile(), key: 'env.ANTHROPIC_MODEL' }] });
    // The inline lightbulb passes the row itself: it names the key to fix.
    assert.equal((scope!.node as { key?: string }).key, 'env.ANTHROPIC_MODEL');
    assert.ok(!policy.some((row) => row.label === 'Complies with the organisation policy'));

    // Data residency: the allowed Regions, and what the account answered for each model.
    const residency = policy.find((row) => row.label === 'Data residency')!;
    assert.equal(residency.description, 'ap-northeast-1 (Tokyo), ap-northeast-3 (Osaka)');
    const opus = policy.find((row) => row.label === JP_OPUS);
    assert.ok(opus, 'a residency row per model');
    assert.match(opus.description, /^→ Tokyo, Osaka ✔ · checked at /);
    assert.match(policy.find((row) => row.label === GLOBAL_SONNET)!.description, /^→ any commercial region ✖ · checked at /);

    // The status bar's click runs the fix of the first error.
    assert.deepEqual(item.command, { title: `Set env.ANTHROPIC_MODEL to ${JP_SONNET}`, command: 'claudeBedrock.applyPolicyFix', arguments: [{ key: 'env.ANTHROPIC_MODEL', path: projectFile() }] });
    await run(standIn, item.command);
    assert.equal(readFileSync(projectFile(), 'utf8'), original.replace(`"${GLOBAL_SONNET}"`, `"${JP_SONNET}"`), 'only that value changed, byte for byte');
    assert.match(standIn.messages.at(-1)!.text, new RegExp(`^Fixed for the organisation policy: env\\.ANTHROPIC_MODEL → ${JP_SONNET.replace(/\./g, '\\.')}`));
    for (let attempt = 0; attempt < 400 && !settled(item); attempt++) await new Promise((resolve) => setTimeout(resolve, 25));
    assert.doesNotMatch(item.text, /error/);
    assert.ok(tooltipOf(item).includes('Complies with the organisation policy'), tooltipOf(item));
    const after = await policyRows(provider);
    assert.ok(after.some((row) => row.label === 'Complies with the organisation policy'));
    assert.match(after.find((row) => row.label === JP_SONNET)!.description, /^→ Tokyo, Osaka ✔/);

    // The proof of data residency, exported from the view's title menu.
    const target = join(folder, 'proof.json');
    let offered: string | undefined;
    standIn.save = (options) => {
      offered = (options as { defaultUri?: { fsPath: string } }).defaultUri?.fsPath;
      return { scheme: 'file', fsPath: target, path: target };
    };
    assert.equal(residency.item.contextValue, 'policyResidency proof', 'the inline export shows once a proof exists');
    await standIn.commands.get('claudeBedrock.exportResidencyProof')!();
    assert.match(offered ?? '', /bedrock-residency-proof-\d{4}-\d{2}-\d{2}\.json$/);
    const proof = JSON.parse(readFileSync(target, 'utf8')) as { compliant: boolean; profile: string; allowedRegions: string[]; models: { modelId: string; verdict: string }[] };
    assert.equal(proof.compliant, true);
    assert.equal(proof.profile, 'static-dev');
    assert.deepEqual(proof.allowedRegions, ['ap-northeast-1', 'ap-northeast-3']);
    assert.ok(proof.models.every((model) => model.verdict === 'inside'));
    assert.ok(proof.models.some((model) => model.modelId === JP_SONNET));
  });

  it('shows Claude Code\'s managed pins as locks, and a fix never writes a locked key', async () => {
    const original = configure();
    const managedText = `${JSON.stringify({ env: { ANTHROPIC_DEFAULT_HAIKU_MODEL: GLOBAL_HAIKU } }, null, 2)}\n`;
    writeFileSync(join(managedDir, 'managed-settings.json'), managedText);
    const { standIn, item, provider } = await activate('en');
    assert.match(item.text, /^\$\(error\) Bedrock$/);

    const policy = await policyRows(provider);
    const lock = policy.find((row) => row.label === `Locked by managed settings: ANTHROPIC_DEFAULT_HAIKU_MODEL = ${GLOBAL_HAIKU}`);
    assert.ok(lock, policy.map((row) => row.label).join(' | '));
    assert.equal(lock.item.iconPath?.id, 'lock');
    assert.deepEqual(lock.item.command?.arguments, [{ path: join(managedDir, 'managed-settings.json'), key: 'env.ANTHROPIC_DEFAULT_HAIKU_MODEL' }]);
    const managed = policy.find((row) => row.label === 'Claude Code managed settings');
    assert.ok(managed?.description.endsWith('· Locked by managed settings'), managed?.description);

    // The managed value breaks the policy too, but no fix is offered for it: nothing the extension writes can change it.
    const isViolation = (row: Row) => (row.node as { type: string }).type === 'violation';
    const haiku = policy.filter((row) => isViolation(row) && row.label.startsWith(GLOBAL_HAIKU));
    assert.ok(haiku.length > 0, 'the managed pin is judged');
    for (const row of haiku) {
      assert.equal(row.description, 'managed');
      assert.equal(row.item.contextValue, 'policyViolation');
      assert.ok(row.tooltip.includes('managed settings'), row.tooltip);
    }

    // Fixing everything rewrites the primary model only; the project's own Haiku pin and the managed file stay as they are.
    await standIn.commands.get('claudeBedrock.applyPolicyFix')!();
    assert.equal(readFileSync(projectFile(), 'utf8'), original.replace(`"${GLOBAL_SONNET}"`, `"${JP_SONNET}"`));
    assert.equal(readFileSync(join(managedDir, 'managed-settings.json'), 'utf8'), managedText);
    for (let attempt = 0; attempt < 400 && !settled(item); attempt++) await new Promise((resolve) => setTimeout(resolve, 25));
    assert.match(item.text, /^\$\(error\) Bedrock$/, 'the managed pin still breaks the policy');
    assert.ok(!tooltipOf(item).includes(`${GLOBAL_SONNET.replace(/[.-]/g, (char) => `\\${char}`)} uses`), 'the primary model is fixed');
    const after = await policyRows(provider);
    assert.ok(after.some((row) => isViolation(row) && row.label.startsWith(GLOBAL_HAIKU) && row.description === 'managed'));
    assert.ok(!after.some((row) => isViolation(row) && row.label.startsWith(GLOBAL_SONNET)));
  });

  it('reports a broken policy file as an error with its line and column', async () => {
    configure('{\n  "version": 1,\n  "allowedScopes": ["jp"\n}\n');
    const { item, provider } = await activate('en');
    assert.match(item.text, /^\$\(error\) Bedrock$/);
    assert.ok(tooltipOf(item).includes('The team policy is not valid JSON'), tooltipOf(item));
    const policy = await policyRows(provider);
    const broken = policy.find((row) => row.label === 'The team policy is not valid JSON');
    assert.ok(broken, policy.map((row) => row.label).join(' | '));
    assert.equal(broken.description, '.claude/bedrock-policy.json: line 4, column 1');
    assert.ok(broken.tooltip.includes(`${teamPolicy()}, line 4, column 1:`), broken.tooltip);
    assert.ok(broken.tooltip.includes('None of its rules apply until it is fixed.'));
    assert.equal(broken.item.iconPath?.id, 'error');
    assert.deepEqual(broken.item.command?.arguments, [{ path: teamPolicy(), line: 4 }]);
    // Its rules count for nothing: the global. model is not reported against them.
    assert.ok(!policy.some((row) => (row.node as { type: string }).type === 'violation'));
  });

  it('speaks Japanese in a Japanese window', async () => {
    configure();
    const { item, provider } = await activate('ja');
    assert.ok(tooltipOf(item).includes('は許可されていないスコープ「global\\.」を使っています'), tooltipOf(item));
    const all = await rows(provider);
    assert.ok(all.some((row) => row.label === '組織のポリシー'), all.map((row) => row.label).join(' | '));
    const policy = await policyRows(provider);
    const team = policy.find((row) => row.label === 'チームのポリシー');
    assert.equal(team?.description, '.claude/bedrock-policy.json · 許可スコープ、データレジデンシー、必須のモデル固定');
    const violation = policy.find((row) => row.label === `${GLOBAL_SONNET} は許可されていないスコープ「global.」を使っています`);
    assert.ok(violation, policy.map((row) => row.label).join(' | '));
    assert.equal(violation.description, 'プロジェクト');
    assert.ok(violation.tooltip.includes('ポリシーで許可されているスコープは jp だけです。'), violation.tooltip);
    assert.equal(policy.find((row) => (row.node as { type: string }).type === 'residency')?.label, 'データレジデンシー');
  });

  it('marks what the policy does not allow in the models view, and refuses choosing it', async () => {
    configure();
    const { standIn, models } = await activate('en');
    await standIn.commands.get('claudeBedrock.useProfileForModels')!('static-dev');
    let offers: Row[] = [];
    for (let attempt = 0; attempt < 200; attempt++) {
      offers = (await rows(models)).filter((row) => (row.node as { type: string }).type === 'offer');
      if (offers.length > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const offer = (modelId: string) => offers.find((row) => (row.node as { offer: { modelId: string } }).offer.modelId === modelId);
    const global = offer(GLOBAL_SONNET);
    assert.ok(global, 'the global. offer keeps its row');
    assert.equal(global.item.iconPath?.id, 'circle-slash');
    assert.match(global.description, /^not allowed by the organisation policy · /);
    assert.ok(global.tooltip.includes(`Not allowed by the organisation policy:** ${GLOBAL_SONNET} uses the "global." scope, which is not allowed`), global.tooltip);
    assert.ok(global.tooltip.includes('Rule "Allowed scopes" from team policy'), global.tooltip);
    assert.ok(global.item.contextValue?.includes('notAllowed'));
    const globals = offers.filter((row) => (row.node as { offer: { modelId: string } }).offer.modelId.startsWith('global.'));
    assert.ok(globals.length > 1 && globals.every((row) => row.item.iconPath?.id === 'circle-slash'), 'every global. offer');

    const jp = offer(JP_SONNET)!;
    assert.notEqual(jp.item.iconPath?.id, 'circle-slash');
    assert.equal(jp.description, `Tokyo, Osaka · +10% · ${JP_SONNET}`, 'a compliant offer looks as before');

    // Choosing a refused offer says why and chooses nothing; a compliant one is chosen.
    await standIn.commands.get('claudeBedrock.usePrimaryModel')!(global.node);
    const warning = standIn.messages.at(-1)!;
    assert.equal(warning.level, 'warning');
    assert.ok(warning.text.startsWith(`${GLOBAL_SONNET} cannot be the primary model: ${GLOBAL_SONNET} uses the "global." scope, which is not allowed.`), warning.text);
    assert.deepEqual(standIn.memento.get('claudeBedrock.models.chosen') ?? {}, {});
    await standIn.commands.get('claudeBedrock.useBackgroundModel')!(GLOBAL_HAIKU);
    assert.match(standIn.messages.at(-1)!.text, /cannot be the background model/);
    await standIn.commands.get('claudeBedrock.usePrimaryModel')!(jp.node);
    assert.deepEqual(standIn.memento.get('claudeBedrock.models.chosen'), { primary: JP_SONNET });
    assert.equal(world.fake.requests.filter((entry) => entry.operation === 'Converse').length, 0, 'nothing was probed');
  });
});
