// The status bar's health check through the built bundle (a `vscode` stand-in) against the fake AWS:
// what it says of usage and alarms it did not read in this check, and whether every command link of
// its tooltip is one VS Code lets the tooltip run.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { BEDROCK_MODEL_IDS } from '../fake-aws/scenarios/bedrockCatalog';
import { makeBedrockFolder } from '../support/bedrockFolder';
import { useFakeAwsHome } from '../support/fakeAwsHome';
import { CLAUDE_CODE_EXTENSION_ID, LAST_UNSUPPORTED_VERSION } from '../../src/core/claudeCode/supportTable';
import { createVscodeStandIn, extensionContext, loadWithStandIn, tooltipText, type StandIn, type StatusItemStandIn } from '../support/vscodeStandIn';

const bundle = join(__dirname, '..', '..', 'dist', 'extension.js');
const TOKYO = 'ap-northeast-1';
const JP_SONNET = `jp.${BEDROCK_MODEL_IDS.sonnet45}`;


async function waitFor(what: string, done: () => boolean, limitMs = 20_000): Promise<void> {
  const until = Date.now() + limitMs;
  while (!done()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('status-bar health: only what this check read (built bundle, fake AWS)', function () {
  this.timeout(60_000);
  const world = useFakeAwsHome('health-honesty');
  let dir: string | undefined;
  let subscriptions: { dispose(): unknown }[] = [];
  const realNow = Date.now;

  afterEach(() => {
    Date.now = realNow;
    for (const subscription of subscriptions) subscription.dispose();
    subscriptions = [];
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  /** A Tokyo setup for `static-dev`, the extension activated on it, its first health check drawn. */
  async function activate(language = 'en', prepare: (standIn: StandIn) => void = () => {}): Promise<{ standIn: StandIn; item: StatusItemStandIn }> {
    const folder = makeBedrockFolder('cbs-health-honesty-', { region: TOKYO, model: JP_SONNET, profile: 'static-dev' });
    dir = folder;
    mkdirSync(join(folder, 'bin'));
    process.env.CLAUDE_BEDROCK_MANAGED_SETTINGS_DIR = join(folder, 'no-managed-settings');
    // No `claude` on the extension host's PATH (the environment is put back after each test).
    process.env.PATH = `${join(folder, 'bin')}:/usr/bin:/bin`;
    const standIn = createVscodeStandIn(language);
    standIn.workspaceFolders = [{ uri: { fsPath: folder, toString: () => `file://${folder}` }, name: 'work', index: 0 }];
    prepare(standIn);
    const context = extensionContext(standIn);
    loadWithStandIn<{ activate(context: unknown): void }>(bundle, standIn, (extension) => extension.activate(context));
    subscriptions = (context as unknown as { subscriptions: { dispose(): unknown }[] }).subscriptions;
    const item = standIn.statusItems.find((candidate) => candidate.id === 'claudeBedrock.health')!;
    await waitFor('the health check', () => item.text !== '' && !item.text.includes('sync~spin'));
    return { standIn, item };
  }

  async function checkAgain(standIn: StandIn, item: StatusItemStandIn): Promise<void> {
    await standIn.commands.get('claudeBedrock.checkHealth')!();
    await waitFor('the health check', () => !item.text.includes('sync~spin'));
  }

  it('a usage read of an earlier check is not shown as read now when the identity fails in this one', async () => {
    const { standIn, item } = await activate();
    assert.match(tooltipText(item), /No throttling in the last 15 minutes; every quota below 80%/, 'the first check read the usage');
    // The next check runs later than the reuse window of a usage read, and STS fails in it.
    const later = realNow() + 10 * 60_000;
    const start = realNow();
    Date.now = () => later + (realNow() - start);
    world.fake.clearLog();
    world.fake.inject({ service: 'sts', operation: 'GetCallerIdentity', fault: 'json-500' });
    await checkAgain(standIn, item);
    const shown = tooltipText(item);
    assert.ok(world.fake.requests.some((entry) => entry.operation === 'GetCallerIdentity' && entry.fault === 'json-500'), 'the second check called STS');
    assert.ok(!world.fake.requests.some((entry) => entry.service === 'cloudwatch' || entry.service === 'servicequotas'), 'no usage was read in the second check');
    assert.match(item.text, /^\$\(warning\) Bedrock$/, shown);
    assert.doesNotMatch(shown, /every quota below 80%/, `the old usage read is not claimed now\n${shown}`);
  });

  it('a usage read in this check still shows when the identity passed', async () => {
    const { standIn, item } = await activate();
    const later = realNow() + 10 * 60_000;
    const start = realNow();
    Date.now = () => later + (realNow() - start);
    world.fake.clearLog();
    await checkAgain(standIn, item);
    assert.ok(world.fake.requests.some((entry) => entry.service === 'cloudwatch'), 'the usage was read again');
    assert.match(tooltipText(item), /No throttling in the last 15 minutes; every quota below 80%/);
    assert.match(item.text, /^\$\(pass\) Bedrock$/);
  });

  for (const [language, words] of [
    ['en', /Team alarms not verified: DescribeAlarms failed \(HTTP 500[^)]*\)[^)]*\)\. Try again in a few minutes/],
    ['ja', /チームのアラームは未確認です: DescribeAlarms が失敗しました \(HTTP 500[^)]*\)[^)]*\)。数分後にもう一度試してください/],
  ] as const) {
    it(`says the team's alarms are not verified when DescribeAlarms fails, with the cause and what to do (${language})`, async () => {
      world.fake.inject({ service: 'cloudwatch', operation: 'DescribeAlarms', fault: 'json-500' });
      const { item } = await activate(language);
      const shown = tooltipText(item);
      assert.ok(world.fake.requests.some((entry) => entry.operation === 'DescribeAlarms' && entry.fault === 'json-500'), 'the fault was served');
      assert.match(shown, words, shown);
      assert.match(item.text, /^\$\(warning\) Bedrock$/, 'not verified is never healthy');
    });
  }

  it('lets the tooltip run every command it links, the Extensions view search included', async () => {
    // A Claude Code extension too old for the setup: its finding links to the Extensions view.
    const { item } = await activate('en', (standIn) => standIn.extensions.set(CLAUDE_CODE_EXTENSION_ID, { packageJSON: { name: 'claude-code', publisher: 'anthropic', version: LAST_UNSUPPORTED_VERSION }, extensionPath: '/nonexistent/extensions/anthropic.claude-code' }));
    const tooltip = item.tooltip as { value: string; isTrusted?: { enabledCommands?: readonly string[] } };
    const linked = [...tooltip.value.matchAll(/\]\(command:([\w.-]+)/g)].map((match) => match[1]!);
    assert.ok(linked.includes('workbench.extensions.search'), tooltip.value);
    const enabled = tooltip.isTrusted?.enabledCommands ?? [];
    assert.deepEqual(linked.filter((command) => !enabled.includes(command)), [], 'every linked command is enabled');
  });

  it("enables, in the tooltip, every command a check's fix can link (read from the source of the checks' words)", () => {
    // Every fix a check can have, not only the ones this run's checks drew.
    const source = (file: string) => readFileSync(join(__dirname, '..', '..', 'src', 'vscode', 'health', file), 'utf8');
    const fixes = new Set([...source('healthText.ts').matchAll(/command: '([\w.-]+)'/g)].map((match) => match[1]!));
    const enabled = /enabledCommands: \[([^\]]*)\]/.exec(source('healthStatusBar.ts'))?.[1] ?? '';
    assert.ok(fixes.size >= 10, [...fixes].join(', '));
    assert.deepEqual([...fixes].filter((command) => !enabled.includes(`'${command}'`)), []);
  });
});
