// The extension's check paths under every fault (issue 12), through the built bundle with the
// `vscode` stand-in: the status-bar health check (on activation), *Validate the Configured Models*
// and the *Quotas & Usage* refresh, against every fault mode of the fake AWS (FAULT_KINDS) injected
// on each call the path makes. Each run must end in a problem or not-verified state with words —
// never a check mark, never "healthy" — naming the failure and what to do, with no `undefined`,
// `[object Object]`, `NaN`, parser text or secret anywhere on screen, and nothing may throw or
// reject unhandled. Counted with the CLI matrix in the figures (`faults N/N`, `secret leaks 0`).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FAULT_KINDS } from '../fake-aws';
import { BEDROCK_MODEL_IDS } from '../fake-aws/scenarios/bedrockCatalog';
import { faultRunPassed, faultRunStarted, leakedSecrets, secretsOf } from '../support/faultFigures';
import { FAULT_FIXES, FAULT_WORDS, MODEL_CALLS, NEVER_SHOWN, USAGE_CALLS } from '../support/faultExpectations';
import { useFakeAwsHome } from '../support/fakeAwsHome';
import { createVscodeStandIn, extensionContext, loadWithStandIn, tooltipText, webviewViewStandIn, type StandIn, type StatusItemStandIn } from '../support/vscodeStandIn';

const bundle = join(__dirname, '..', '..', 'dist', 'extension.js');
/** The extension's usage read also asks for the configured models' alarms (one DescribeAlarms), for the view and the status bar. */
const EXTENSION_USAGE_CALLS: readonly string[] = [...USAGE_CALLS, 'cloudwatch:DescribeAlarms'];
const TOKYO = 'ap-northeast-1';
const JP_SONNET = `jp.${BEDROCK_MODEL_IDS.sonnet45}`;
const JP_HAIKU = `jp.${BEDROCK_MODEL_IDS.haiku45}`;
const SUITE = 'extension';
/** The checks' timeout (claudeBedrock.identityCheckTimeoutSeconds) for a hang; the default otherwise. */
const HANG_TIMEOUT_S = 1;

interface TreeItem {
  label?: unknown;
  description?: unknown;
  tooltip?: unknown;
}
interface Provider {
  getChildren(node?: unknown): unknown[] | Promise<unknown[]>;
  getTreeItem(node: unknown): TreeItem;
}

/** What a person sees after a run: the status bar, the Setup view, messages and, for usage, the view. */
interface Seen {
  readonly item: StatusItemStandIn;
  /**
   * Every word on screen, for the checks on words. Read after the calls are counted: opening the
   * models view loads its catalog, which is not the path's own call.
   */
  readonly screen: () => Promise<string>;
  /** For the usage view: the last state it was sent. */
  readonly usage?: { problems: readonly string[]; error?: string; alert?: { text: string; level: string } };
}

interface Path {
  readonly name: string;
  /** The profile the folder's settings name (so the credential source differs per path). */
  readonly profile: string;
  /** Every call a clean run makes, `service:Operation`; the control run checks it. */
  readonly calls: readonly string[];
  /** The services this path faults (the other calls are faulted through the path that exists for them). */
  readonly faulted: readonly string[];
  /** Runs the path: `activate` opens the folder in the extension, `inject` puts the fault in place when the path's own step begins. */
  run(activate: () => Promise<{ standIn: StandIn; item: StatusItemStandIn }>, inject: () => void): Promise<Seen>;
}


async function rows(provider: Provider | undefined): Promise<string[]> {
  if (!provider) return [];
  const out: string[] = [];
  const stack = [...(await provider.getChildren())];
  while (stack.length > 0) {
    const node = stack.shift()!;
    const item = provider.getTreeItem(node);
    const tooltip = typeof item.tooltip === 'string' ? item.tooltip : ((item.tooltip as { value?: string } | undefined)?.value ?? '');
    out.push(`${String(item.label)} | ${String(item.description ?? '')} | ${tooltip}`);
    stack.push(...(await provider.getChildren(node)));
  }
  return out;
}

async function waitFor(what: string, done: () => boolean, limitMs = 20_000): Promise<void> {
  const until = Date.now() + limitMs;
  while (!done()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Everything shown: the status bar, the Setup and models views, and every message. */
async function screen(standIn: StandIn, item: StatusItemStandIn): Promise<string> {
  const setup = await rows(standIn.treeProviders.get('claudeBedrock.setup') as unknown as Provider);
  const models = await rows(standIn.treeProviders.get('claudeBedrock.models') as unknown as Provider);
  return [item.text, tooltipText(item), ...setup, ...models, ...standIn.messages.map((message) => message.text)].join('\n');
}

const waitForHealth = (item: StatusItemStandIn) => waitFor('the health check', () => item.text !== '' && !item.text.includes('sync~spin'));

const PATHS: readonly Path[] = [
  {
    name: 'status-bar health check',
    profile: 'role-dev',
    calls: ['sts:AssumeRole', 'sts:GetCallerIdentity', ...EXTENSION_USAGE_CALLS],
    faulted: ['sts', 'servicequotas', 'cloudwatch'],
    async run(activate, inject) {
      // The check that runs when the extension starts (and every interval, and on a file change).
      inject();
      const { standIn, item } = await activate();
      return { item, screen: () => screen(standIn, item) };
    },
  },
  {
    name: 'Validate the Configured Models',
    profile: 'sso-dev',
    calls: ['sso:GetRoleCredentials', 'sts:GetCallerIdentity', ...MODEL_CALLS, ...EXTENSION_USAGE_CALLS],
    // STS, quotas and usage are the health check's (above), which this command runs again.
    faulted: ['sso', 'bedrock'],
    async run(activate, inject) {
      const { standIn, item } = await activate();
      inject();
      await standIn.commands.get('claudeBedrock.validateSetup')!();
      await waitForHealth(item);
      return { item, screen: () => screen(standIn, item) };
    },
  },
  {
    name: 'Quotas & Usage refresh',
    profile: 'static-dev',
    calls: ['sts:GetCallerIdentity', ...EXTENSION_USAGE_CALLS],
    faulted: ['servicequotas', 'cloudwatch'],
    async run(activate, inject) {
      inject();
      const { standIn, item } = await activate();
      const { view, posted, send } = webviewViewStandIn<{ type: string; model?: { problems: string[]; error?: string; alert?: { text: string; level: string }; status: { refreshing?: string; updatedAt?: number }; placeholder?: string } }>();
      const provider = standIn.webviewProviders.get('claudeBedrock.usage') as { resolveWebviewView(view: unknown): void };
      provider.resolveWebviewView(view);
      send({ type: 'refresh' });
      const settled = () => posted.at(-1)?.model;
      await waitFor('the usage refresh', () => {
        const model = settled();
        return model !== undefined && model.status.refreshing === undefined && model.placeholder === undefined;
      });
      const model = settled()!;
      const usage = { problems: model.problems, ...(model.error ? { error: model.error } : {}), ...(model.alert ? { alert: model.alert } : {}) };
      return { item, screen: async () => [JSON.stringify(usage), await screen(standIn, item)].join('\n'), usage };
    },
  },
];

interface Target {
  readonly service: string;
  readonly operation: string;
  readonly label: string;
}

/** The credential source and STS one by one, every call of each other service at once. */
function targetsOf(path: Path): Target[] {
  const targets = new Map<string, Target>();
  for (const call of path.calls) {
    const [service = '', name = ''] = call.split(':');
    if (!path.faulted.includes(service)) continue;
    const operation = service === 'sts' || service === 'sso' ? name : '*';
    targets.set(`${service}:${operation}`, { service, operation, label: `${service} ${operation === '*' ? '(every call)' : operation}` });
  }
  return [...targets.values()];
}

/** Waits until no request has reached the fake for `ms` (at most 20 s): the earlier tests' calls have ended. */
async function quietFor(fake: { readonly requests: readonly unknown[] }, ms: number): Promise<void> {
  const until = Date.now() + 20_000;
  for (;;) {
    const count = fake.requests.length;
    await new Promise((resolve) => setTimeout(resolve, ms));
    if (fake.requests.length === count || Date.now() > until) return;
  }
}

/** Never on screen: what no surface shows, and codes meant for programs. */
const FORBIDDEN: readonly (readonly [RegExp, string])[] = [...NEVER_SHOWN, [/\bservice-error\b|CredentialsProviderError/, 'a code meant for programs']];

describe('extension fault matrix: the check paths under every fault (built bundle, fake AWS)', function () {
  this.timeout(60_000);
  const world = useFakeAwsHome('ext-faults');
  let folder: string;
  let subscriptions: { dispose(): unknown }[] = [];
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);

  before(() => process.on('unhandledRejection', onUnhandled));
  after(() => process.off('unhandledRejection', onUnhandled));
  const deactivate = (): void => {
    for (const subscription of subscriptions) subscription.dispose();
    subscriptions = [];
    if (folder) rmSync(folder, { recursive: true, force: true });
  };
  afterEach(deactivate);

  /** A folder set up for `profile`, the extension activated on it, its first health check drawn. */
  async function activate(profile: string, timeoutS: number, language = 'en'): Promise<{ standIn: StandIn; item: StatusItemStandIn }> {
    deactivate();
    folder = mkdtempSync(join(tmpdir(), 'cbs-ext-faults-'));
    process.env.CLAUDE_BEDROCK_MANAGED_SETTINGS_DIR = join(folder, 'no-managed-settings');
    mkdirSync(join(folder, '.claude'), { recursive: true });
    const env = { CLAUDE_CODE_USE_BEDROCK: '1', AWS_REGION: TOKYO, ANTHROPIC_MODEL: JP_SONNET, ANTHROPIC_DEFAULT_HAIKU_MODEL: JP_HAIKU };
    writeFileSync(join(folder, '.claude', 'settings.json'), JSON.stringify({ env }));
    writeFileSync(join(folder, '.claude', 'settings.local.json'), JSON.stringify({ env: { AWS_PROFILE: profile }, ...(profile.startsWith('sso') ? { awsAuthRefresh: `aws sso login --profile ${profile}` } : {}) }));
    writeFileSync(join(folder, '.gitignore'), '.claude/settings.local.json\n');
    const standIn = createVscodeStandIn(language);
    standIn.workspaceFolders = [{ uri: { fsPath: folder, toString: () => `file://${folder}` }, name: 'work', index: 0 }];
    standIn.settings.set('claudeBedrock.identityCheckTimeoutSeconds', { user: timeoutS });
    // The usage view's webview needs the extension's folder (its script and style).
    const context = { ...extensionContext(standIn), extensionUri: { scheme: 'file', fsPath: join(__dirname, '..', '..'), path: join(__dirname, '..', '..') } };
    loadWithStandIn<{ activate(context: unknown): void }>(bundle, standIn, (extension) => extension.activate(context));
    subscriptions = (context as unknown as { subscriptions: { dispose(): unknown }[] }).subscriptions;
    const item = standIn.statusItems.find((candidate) => candidate.id === 'claudeBedrock.health')!;
    await waitForHealth(item);
    return { standIn, item };
  }

  it('words a check that could not be read in Japanese in a Japanese window', async () => {
    world.fake.inject({ service: 'servicequotas', operation: '*', fault: 'html-503' });
    const { standIn, item } = await activate('static-dev', 10, 'ja');
    assert.match(item.text, /^\$\(warning\) Bedrock$/);
    const shown = await screen(standIn, item);
    assert.match(shown, /クォータと使用状況は未確認です: Service Quotas を読み取れませんでした \(ListServiceQuotas: HTTP 503 \(サービス利用不可\)/);
    assert.match(shown, /数分後にもう一度試してください/);
    world.fake.clearFaults();
    world.fake.inject({ service: 'sts', operation: 'GetCallerIdentity', fault: 'hang' });
    const unread = await activate('static-dev', HANG_TIMEOUT_S, 'ja');
    assert.match(unread.item.text, /^\$\(warning\) Bedrock$/);
    assert.match(tooltipText(unread.item), /ID を確認できませんでした: 確認が時間内に終わりませんでした。/);
  });

  for (const path of PATHS) {
    it(`${path.name}: a clean run is healthy and makes exactly the calls its row lists`, async () => {
      // The calls of the test before (an SDK retry after its fault, a hung call given up) may still
      // arrive: wait until the fake has been quiet, then count from an empty log.
      await quietFor(world.fake, 1_500);
      world.fake.clearLog();
      const seen = await path.run(() => activate(path.profile, 10), () => undefined);
      const calls = [...new Set(world.fake.requests.map((entry) => `${entry.service}:${entry.operation}`))].sort();
      assert.match(seen.item.text, /^\$\(pass\) Bedrock$/, await seen.screen());
      assert.deepEqual(calls, [...path.calls].sort());
    });

    for (const target of targetsOf(path)) {
      for (const fault of FAULT_KINDS) {
        it(`${path.name}: ${fault} on ${target.label}`, async () => {
          faultRunStarted(SUITE);
          unhandled.length = 0;
          const seen = await path.run(
            () => activate(path.profile, fault === 'hang' ? HANG_TIMEOUT_S : 10),
            () => world.fake.inject({ service: target.service, operation: target.operation, fault }),
          );
          const { item } = seen;
          const shown = `${seen.item.text}\n${await seen.screen()}`;
          assert.ok(world.fake.requests.some((entry) => entry.fault === fault), `the fault was never served\n${shown}`);
          assert.deepEqual(unhandled, [], 'nothing rejected unhandled');
          assert.deepEqual(leakedSecrets(shown, secretsOf([world.fake])), [], 'no secret on screen');
          for (const [pattern, what] of FORBIDDEN) assert.doesNotMatch(shown, pattern, `${what}\n${shown}`);
          // Never green: the status bar is a warning or an error, and says so.
          assert.match(item.text, /^\$\((warning|error)\) Bedrock$/, `the status bar after ${fault}\n${shown}`);
          assert.notEqual(item.accessibilityInformation?.label, 'Claude on Bedrock is healthy');
          if (seen.usage) assert.ok(seen.usage.problems.length > 0 || seen.usage.error !== undefined, `the usage view says what could not be read\n${shown}`);
          assert.match(shown, FAULT_WORDS[fault], `names the failure\n${shown}`);
          assert.match(shown, FAULT_FIXES[fault], `says what to do\n${shown}`);
          faultRunPassed(SUITE);
        });
      }
    }
  }
});
