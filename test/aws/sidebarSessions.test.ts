// The Setup view's "Claude Code sessions" section through the built bundle (a `vscode` stand-in that
// translates like VS Code) against the fake AWS: the session records Claude Code 2.1.330 wrote become
// findings with their diagnoses, in English and Japanese; the scan waits for the first health check,
// runs once per health check, and no content of the sessions reaches the view.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BEDROCK_MODEL_IDS } from '../fake-aws/scenarios/bedrockCatalog';
import { useFakeAwsHome } from '../support/fakeAwsHome';
import { CONTENT_SENTINEL, layOutSessions, SESSION_FIXTURES } from '../support/claudeSessions';
import { createVscodeStandIn, extensionContext, loadWithStandIn, type StandIn, type StatusItemStandIn } from '../support/vscodeStandIn';

const bundle = join(__dirname, '..', '..', 'dist', 'extension.js');
const JP_SONNET = `jp.${BEDROCK_MODEL_IDS.sonnet45}`;

interface Item {
  label?: unknown;
  description?: unknown;
  tooltip?: unknown;
  id?: string;
  iconPath?: { id?: string };
  command?: { command: string; arguments?: unknown[] };
  accessibilityInformation?: { label: string };
}
interface Provider {
  getChildren(node?: unknown): unknown[] | Promise<unknown[]>;
  getTreeItem(node: unknown): Item;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : ((value as { value?: string } | undefined)?.value ?? ''));
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Setup view: Claude Code sessions (built bundle, fake AWS)', () => {
  const world = useFakeAwsHome('sessions-view');
  let folder: string;
  let subscriptions: { dispose(): unknown }[] = [];

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'cbs-sessions-view-'));
    process.env.CLAUDE_BEDROCK_MANAGED_SETTINGS_DIR = join(folder, 'no-managed-settings');
    process.env.CLAUDE_BEDROCK_POLICY_DIR = join(folder, 'no-machine-policy');
    mkdirSync(join(folder, '.claude'), { recursive: true });
    writeFileSync(join(folder, '.claude', 'settings.json'), JSON.stringify({ env: { CLAUDE_CODE_USE_BEDROCK: '1', AWS_REGION: 'ap-northeast-1', ANTHROPIC_MODEL: JP_SONNET } }));
    writeFileSync(join(folder, '.claude', 'settings.local.json'), JSON.stringify({ env: { AWS_PROFILE: 'sso-dev' } }));
    writeFileSync(join(folder, '.gitignore'), '.claude/settings.local.json\n');
  });
  afterEach(() => {
    for (const subscription of subscriptions) subscription.dispose();
    subscriptions = [];
    rmSync(folder, { recursive: true, force: true });
  });

  /** Claude Code's sessions of the folder, an hour old, with prompts and answers around the error records. */
  function writeSessions(): void {
    layOutSessions(join(world.home, '.claude'), folder, SESSION_FIXTURES.map((fixture) => ({ fixture, withContent: true })), { newest: Date.now() - 60 * 60 * 1000 });
  }

  async function activate(language: string): Promise<{ item: StatusItemStandIn; provider: Provider; standIn: StandIn }> {
    const standIn = createVscodeStandIn(language);
    standIn.workspaceFolders = [{ uri: { fsPath: folder, toString: () => `file://${folder}` }, name: 'work', index: 0 }];
    const context = extensionContext(standIn);
    loadWithStandIn<{ activate(context: unknown): void }>(bundle, standIn, (extension) => extension.activate(context));
    subscriptions = (context as unknown as { subscriptions: { dispose(): unknown }[] }).subscriptions;
    const item = standIn.statusItems.find((candidate) => candidate.id === 'claudeBedrock.health')!;
    for (let attempt = 0; attempt < 400 && (item.text === '' || item.text.includes('sync~spin')); attempt++) await wait(25);
    return { item, standIn, provider: standIn.treeProviders.get('claudeBedrock.setup') as unknown as Provider };
  }

  async function sectionOf(provider: Provider): Promise<unknown> {
    const roots = await provider.getChildren();
    return roots.find((node) => (node as { type: string }).type === 'sessions');
  }

  /** Draws the section until its scan has finished. */
  async function readSection(provider: Provider): Promise<{ section: unknown; item: Item }> {
    const section = await sectionOf(provider);
    assert.ok(section, 'the view has a sessions section');
    let item = provider.getTreeItem(section);
    for (let attempt = 0; attempt < 400 && (String(item.description).includes('reading') || String(item.description).includes('読み取り中') || item.id?.endsWith('/waiting')); attempt++) {
      await wait(25);
      item = provider.getTreeItem(section);
    }
    return { section, item };
  }

  async function rows(provider: Provider, node: unknown): Promise<Item[]> {
    return (await provider.getChildren(node)).map((child) => provider.getTreeItem(child));
  }

  it('lists each kind of API error with its diagnosis, count, model and time, and a click runs the fix (English)', async () => {
    writeSessions();
    const { provider } = await activate('en');
    const { section, item } = await readSection(provider);
    assert.equal(item.label, 'Claude Code sessions');
    assert.equal(item.description, '15 API errors in 7 days');
    assert.equal(item.iconPath?.id, 'warning');
    assert.ok(text(item.tooltip).includes('never prompts, answers, code or tool output'));
    const children = await rows(provider, section);
    assert.equal(children[0]!.label, 'In your sessions of the last 7 days: max_tokens refused ×1, model ID without on-demand throughput ×1, invalid or unsupported model ID ×1, expired or missing credentials ×7, access denied ×1, throttled ×4.');
    const throttled = children.find((child) => String(child.label).startsWith('throttled'))!;
    assert.equal(throttled.label, 'throttled · 4× (1 request failed after retries)');
    assert.match(String(throttled.description), new RegExp(`^${JP_SONNET.replace(/\./g, '\\.')} · last \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}$`));
    assert.match(text(throttled.tooltip), /too many tokens per minute[\s\S]*Fix: Lower CLAUDE_CODE_MAX_OUTPUT_TOKENS/);
    assert.equal(throttled.command?.command, 'claudeBedrock.runDiagnosisFix');
    const sso = children.find((child) => child.label === 'SSO sign-in expired · 3× (1 request failed after retries)')!;
    assert.ok(text(sso.tooltip).includes('The AWS SSO sign-in has expired.'));
    assert.deepEqual(sso.command?.arguments, [{ command: 'aws sso login --profile sso-dev' }]);
    assert.equal(children.filter((child) => child.iconPath?.id === 'warning').length, 7);
  });

  it('speaks Japanese in a Japanese window', async () => {
    writeSessions();
    const { provider } = await activate('ja');
    const { section, item } = await readSection(provider);
    assert.equal(item.label, 'Claude Code のセッション');
    assert.equal(item.description, '7 日間に API エラー 15 件');
    assert.ok(text(item.tooltip).includes('プロンプト、応答、コード、ツールの出力は読みません'));
    const children = await rows(provider, section);
    assert.match(String(children[0]!.label), /^過去 7 日間のセッション: /);
    assert.ok(children.some((child) => child.label === 'スロットリング · 4 回 (うち 1 件のリクエストは再試行後も失敗)'));
    assert.ok(children.some((child) => text(child.tooltip).includes('AWS SSO のサインインが期限切れです。')));
  });

  it('reads once per health check and only when the section is drawn: drawing again reads nothing new, the next check reads again', async () => {
    writeSessions();
    const { provider, standIn } = await activate('en');
    const { section, item } = await readSection(provider);
    assert.equal(item.description, '15 API errors in 7 days');
    // Claude Code writes another session meanwhile.
    layOutSessions(join(world.home, '.claude'), folder, [{ fixture: 'throttled', name: 'later.jsonl' }], { newest: Date.now() - 60 * 1000 });
    for (let draw = 0; draw < 5; draw++) {
      assert.equal(provider.getTreeItem(section).description, '15 API errors in 7 days', 'no second scan within the same health check');
      await wait(50);
    }
    await standIn.commands.get('claudeBedrock.checkHealth')!();
    // Nobody draws the section (a hidden view): nothing is read, however long.
    await wait(300);
    assert.match(String((await rows(provider, section))[0]!.label), /throttled ×4\.$/);
    let description = '';
    for (let attempt = 0; attempt < 400 && description !== '18 API errors in 7 days'; attempt++) {
      description = String(provider.getTreeItem(section).description);
      await wait(25);
    }
    assert.equal(description, '18 API errors in 7 days', 'the next health check read the new session');
  });

  it('shows a Japan-only policy\'s verdict on Claude Code\'s apac. suggestion, with the compliant model', async () => {
    writeFileSync(join(folder, '.claude', 'bedrock-policy.json'), JSON.stringify({ version: 1, allowedScopes: ['jp'], dataResidency: 'japan' }));
    writeSessions();
    const { provider } = await activate('en');
    const { section } = await readSection(provider);
    const children = await rows(provider, section);
    const onDemand = children.find((child) => String(child.label).startsWith('model ID without on-demand throughput'))!;
    assert.equal(onDemand.iconPath?.id, 'shield');
    assert.ok(text(onDemand.tooltip).includes(`Use ${JP_SONNET} instead.`), text(onDemand.tooltip));
    assert.ok(text(onDemand.tooltip).includes('which your organisation\'s policy does not allow'));
  });

  it('says there is nothing when Claude Code has no sessions of the folder', async () => {
    const { provider } = await activate('en');
    const { section, item } = await readSection(provider);
    assert.equal(item.description, 'no sessions in 7 days');
    assert.equal(item.iconPath?.id, 'pass');
    assert.equal((await rows(provider, section))[0]!.label, 'No Claude Code sessions of this folder in the last 7 days.');
  });

  it('shows nothing of the sessions\' content anywhere in the view', async () => {
    writeSessions();
    const { provider } = await activate('en');
    await readSection(provider);
    const stack = [...(await provider.getChildren())];
    const seen: string[] = [];
    while (stack.length > 0) {
      const node = stack.shift()!;
      const item = provider.getTreeItem(node);
      seen.push(String(item.label), String(item.description ?? ''), text(item.tooltip), item.accessibilityInformation?.label ?? '', JSON.stringify(item.command ?? {}));
      stack.push(...(await provider.getChildren(node)));
    }
    assert.ok(seen.length > 20);
    assert.ok(!seen.join('\n').includes(CONTENT_SENTINEL));
    assert.ok(!seen.join('\n').includes('please wait before trying again'), 'no raw error text');
  });
});
