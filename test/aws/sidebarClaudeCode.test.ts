// The Setup view's Claude Code section and the status bar through the built bundle (a `vscode`
// stand-in that translates like VS Code) against the fake AWS, with a fake `claude` on PATH: a
// current one, one too old that ignores the region prefix, none at all, and one the workspace names
// in Restricted Mode (never run); in English and Japanese.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BEDROCK_MODEL_IDS } from '../fake-aws/scenarios/bedrockCatalog';
import { useFakeAwsHome } from '../support/fakeAwsHome';
import { writeFakeClaude } from '../support/installClaude';
import { CLAUDE_CODE_EXTENSION_ID, LAST_UNSUPPORTED_VERSION, NEWEST_TESTED_VERSION } from '../../src/core/claudeCode/supportTable';
import { createVscodeStandIn, extensionContext, loadWithStandIn, type StandIn, type StatusItemStandIn } from '../support/vscodeStandIn';

const bundle = join(__dirname, '..', '..', 'dist', 'extension.js');
const JP_SONNET = `jp.${BEDROCK_MODEL_IDS.sonnet45}`;
const JP_HAIKU = `jp.${BEDROCK_MODEL_IDS.haiku45}`;

interface Item {
  label?: unknown;
  description?: unknown;
  tooltip?: unknown;
  command?: { command: string; arguments?: unknown[] };
}
interface Provider {
  getChildren(node?: unknown): unknown[] | Promise<unknown[]>;
  getTreeItem(node: unknown): Item;
}

(process.platform === 'win32' ? describe.skip : describe)('Setup view: which Claude Code reads the settings (built bundle, fake AWS)', () => {
  useFakeAwsHome('setup-claude-code');
  let dir: string;
  let folder: string;
  let bin: string;
  let subscriptions: { dispose(): unknown }[] = [];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cbs-setup-claude-code-'));
    folder = join(dir, 'work');
    bin = join(dir, 'bin');
    mkdirSync(folder);
    mkdirSync(bin);
    process.env.CLAUDE_BEDROCK_MANAGED_SETTINGS_DIR = join(dir, 'no-managed-settings');
    // The extension host's PATH: the fake `claude` first (the environment is put back after each test).
    process.env.PATH = `${bin}:/usr/bin:/bin`;
    // A Japan-domestic setup in Tokyo without the Opus pin.
    mkdirSync(join(folder, '.claude'));
    writeFileSync(join(folder, '.claude', 'settings.json'), JSON.stringify({ env: { CLAUDE_CODE_USE_BEDROCK: '1', AWS_REGION: 'ap-northeast-1', ANTHROPIC_MODEL: JP_SONNET, ANTHROPIC_BEDROCK_REGION_PREFIX: 'jp', ANTHROPIC_DEFAULT_HAIKU_MODEL: JP_HAIKU } }));
    writeFileSync(join(folder, '.claude', 'settings.local.json'), JSON.stringify({ env: { AWS_PROFILE: 'static-dev' } }));
    writeFileSync(join(folder, '.gitignore'), '.claude/settings.local.json\n');
  });
  afterEach(() => {
    for (const subscription of subscriptions) subscription.dispose();
    subscriptions = [];
    rmSync(dir, { recursive: true, force: true });
  });

  async function activate(language: string, prepare: (standIn: StandIn) => void = () => {}): Promise<{ item: StatusItemStandIn; provider: Provider; standIn: StandIn }> {
    const standIn = createVscodeStandIn(language);
    standIn.workspaceFolders = [{ uri: { fsPath: folder, toString: () => `file://${folder}` }, name: 'work', index: 0 }];
    prepare(standIn);
    const context = extensionContext(standIn);
    loadWithStandIn<{ activate(context: unknown): void }>(bundle, standIn, (extension) => extension.activate(context));
    subscriptions = (context as unknown as { subscriptions: { dispose(): unknown }[] }).subscriptions;
    const item = standIn.statusItems.find((candidate) => candidate.id === 'claudeBedrock.health')!;
    for (let attempt = 0; attempt < 400 && (item.text === '' || item.text.includes('sync~spin')); attempt++) await new Promise((resolve) => setTimeout(resolve, 25));
    return { item, standIn, provider: standIn.treeProviders.get('claudeBedrock.setup') as unknown as Provider };
  }

  /** The Claude Code section: its own row, then its findings. */
  async function section(provider: Provider): Promise<{ row: Item; findings: Item[] }> {
    for (const node of await provider.getChildren()) {
      const row = provider.getTreeItem(node);
      if (row.label === 'Claude Code') return { row, findings: (await provider.getChildren(node)).map((child) => provider.getTreeItem(child)) };
    }
    throw new Error('no Claude Code section in the Setup view');
  }
  /** Every row label of the Setup view, the whole tree. */
  async function allLabels(provider: Provider): Promise<string[]> {
    const labels: string[] = [];
    const stack = [...(await provider.getChildren())];
    while (stack.length > 0) {
      const node = stack.shift()!;
      labels.push(String(provider.getTreeItem(node).label));
      stack.push(...(await provider.getChildren(node)));
    }
    return labels;
  }
  const tooltipOf = (item: StatusItemStandIn) => (typeof item.tooltip === 'string' ? item.tooltip : (item.tooltip?.value ?? ''));

  it('a current claude and the extension: healthy, the section names both versions', async () => {
    writeFakeClaude(join(bin, 'claude'), NEWEST_TESTED_VERSION);
    const { item, provider } = await activate('en');
    assert.match(item.text, /^\$\(pass\) Bedrock$/, tooltipOf(item));
    const { row, findings } = await section(provider);
    assert.equal(row.description, `CLI ${NEWEST_TESTED_VERSION} · extension ${NEWEST_TESTED_VERSION}`);
    assert.deepEqual(findings.map((finding) => finding.label), [`Claude Code ${NEWEST_TESTED_VERSION} (${join(bin, 'claude')})`, `Claude Code for VS Code ${NEWEST_TESTED_VERSION}`]);
  });

  it('a claude too old: a warning, what it ignores (apac. in Tokyo) and a fix that runs claude update; the status bar says so', async () => {
    writeFakeClaude(join(bin, 'claude'), LAST_UNSUPPORTED_VERSION);
    const { item, provider } = await activate('en', (standIn) => standIn.extensions.delete(CLAUDE_CODE_EXTENSION_ID));
    assert.match(item.text, /^\$\(warning\) Bedrock$/);
    // The tooltip is Markdown: its punctuation is escaped.
    const tooltip = tooltipOf(item).replace(/\\(.)/g, '$1');
    assert.ok(tooltip.includes(`$(warning) Claude Code ${LAST_UNSUPPORTED_VERSION} ignores ANTHROPIC_BEDROCK_REGION_PREFIX=jp`), tooltip);
    assert.ok(tooltip.includes(`$(warning) Claude Code ${LAST_UNSUPPORTED_VERSION} is older than 2.1.224`), tooltip);
    const { row, findings } = await section(provider);
    assert.equal(row.description, `CLI ${LAST_UNSUPPORTED_VERSION}`);
    const labels = findings.map((finding) => String(finding.label));
    assert.deepEqual(labels, [
      `Claude Code ${LAST_UNSUPPORTED_VERSION} is older than 2.1.224, the oldest version this extension supports`,
      'Claude Code for VS Code is not installed',
      `Claude Code ${LAST_UNSUPPORTED_VERSION} ignores ANTHROPIC_BEDROCK_REGION_PREFIX=jp (honoured from 2.1.224)`,
    ]);
    // Each finding once in the view: in its section, not again among the health checks above it.
    const everywhere = await allLabels(provider);
    for (const label of labels) assert.equal(everywhere.filter((candidate) => candidate === label).length, 1, `${label}: ${everywhere.join(' | ')}`);
    const ignored = findings[2]!;
    assert.match(String(ignored.tooltip), /apac\. in ap-northeast-1, not jp\..*sonnet and opus aliases/s);
    assert.deepEqual(ignored.command, { title: 'Run claude update in a terminal', command: 'claudeBedrock.runDiagnosisFix', arguments: [{ command: 'claude update' }] });
    assert.equal(findings[1]!.command?.command, 'workbench.extensions.search');
  });

  it('says it in Japanese in a Japanese window', async () => {
    writeFakeClaude(join(bin, 'claude'), LAST_UNSUPPORTED_VERSION);
    const { provider } = await activate('ja', (standIn) => standIn.extensions.delete(CLAUDE_CODE_EXTENSION_ID));
    const { row, findings } = await section(provider);
    assert.equal(row.description, `CLI ${LAST_UNSUPPORTED_VERSION}`);
    assert.deepEqual(findings.map((finding) => String(finding.label)), [
      `Claude Code ${LAST_UNSUPPORTED_VERSION} は、この拡張機能が対応する最も古いバージョン 2.1.224 より古いです`,
      'Claude Code for VS Code はインストールされていません',
      `Claude Code ${LAST_UNSUPPORTED_VERSION} は ANTHROPIC_BEDROCK_REGION_PREFIX=jp を無視します (2.1.224 以降で対応)`,
    ]);
    assert.equal(findings[2]!.command?.arguments?.[0] && (findings[2]!.command.arguments[0] as { command: string }).command, 'claude update');
    assert.match(String(findings[2]!.description), /ターミナルで claude update を実行/);
  });

  it('nothing installed: a warning with the install command', async () => {
    const { item, provider } = await activate('en', (standIn) => standIn.extensions.delete(CLAUDE_CODE_EXTENSION_ID));
    assert.match(item.text, /^\$\(warning\) Bedrock$/);
    const { row, findings } = await section(provider);
    assert.equal(row.description, 'not installed');
    assert.equal(findings[0]!.label, 'Claude Code is not installed');
    assert.match(String(findings[0]!.tooltip), /curl -fsSL https:\/\/claude\.ai\/install\.sh \| bash/);
  });

  it('Restricted Mode: a claude inside the workspace, or one the workspace\'s settings name, is never run', async () => {
    const inWorkspace = join(folder, 'tools', 'claude');
    mkdirSync(join(folder, 'tools'));
    writeFakeClaude(inWorkspace, NEWEST_TESTED_VERSION);
    process.env.PATH = `${join(folder, 'tools')}:/usr/bin:/bin`;
    const { provider } = await activate('en', (standIn) => {
      standIn.isTrusted = false;
    });
    const { findings } = await section(provider);
    assert.equal(findings[0]!.label, `Claude Code at ${inWorkspace} was not run: Restricted Mode`);
    assert.deepEqual(findings[0]!.command, { title: 'Manage Workspace Trust', command: 'workbench.trust.manage' });
    assert.ok(!existsSync(`${inWorkspace}.runs`), 'the workspace\'s claude was not run');
    for (const subscription of subscriptions) subscription.dispose();

    // The same program named by the workspace's settings, outside the folder.
    const named = join(dir, 'elsewhere', 'claude');
    mkdirSync(join(dir, 'elsewhere'));
    writeFakeClaude(named, NEWEST_TESTED_VERSION);
    process.env.PATH = '/usr/bin:/bin';
    const settings = await activate('en', (standIn) => {
      standIn.isTrusted = false;
      standIn.settings.set('claudeBedrock.claudeCode.path', { workspace: named });
    });
    assert.equal((await section(settings.provider)).findings[0]!.label, `Claude Code at ${named} was not run: Restricted Mode`);
    assert.ok(!existsSync(`${named}.runs`));
    for (const subscription of subscriptions) subscription.dispose();

    // Trusted, the same setting is run and judged.
    const trusted = await activate('en', (standIn) => standIn.settings.set('claudeBedrock.claudeCode.path', { workspace: named }));
    assert.equal((await section(trusted.provider)).findings[0]!.label, `Claude Code ${NEWEST_TESTED_VERSION} (${named}, claudeBedrock.claudeCode.path)`);
    assert.ok(existsSync(`${named}.runs`));
  });

  for (const [language, words] of [
    ['en', 'Which Claude Code is installed could not be checked'],
    ['ja', 'インストールされている Claude Code を確認できませんでした'],
  ] as const) {
    it(`looking for Claude Code fails as a whole: not verified, a warning, never left out (${language})`, async () => {
      writeFakeClaude(join(bin, 'claude'), NEWEST_TESTED_VERSION);
      // The detection's own bundle is missing (a broken install): the check must say it could not look.
      const detect = join(__dirname, '..', '..', 'dist', 'claudeCodeDetect.js');
      const hidden = `${detect}.hidden`;
      renameSync(detect, hidden);
      try {
        const { item, provider } = await activate(language);
        assert.match(item.text, /^\$\(warning\) Bedrock$/, tooltipOf(item));
        assert.ok(tooltipOf(item).replace(/\\(.)/g, '$1').includes(words), tooltipOf(item));
        const labels = await allLabels(provider);
        assert.equal(labels.filter((label) => label === words).length, 1, labels.join(' | '));
        assert.ok(!existsSync(`${join(bin, 'claude')}.runs`), 'nothing was run');
      } finally {
        renameSync(hidden, detect);
      }
    });
  }
});
