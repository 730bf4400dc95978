// The Setup view and the status-bar health item through the built bundle (with a `vscode` stand-in
// that translates like VS Code) against the fake AWS: one identity call per check, never a model
// request; healthy, expired sign-in and not configured, in English and Japanese.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BEDROCK_MODEL_IDS } from '../fake-aws/scenarios/bedrockCatalog';
import { BASIC_STATIC_KEY } from '../fake-aws/scenarios/basic';
import { useFakeAwsHome } from '../support/fakeAwsHome';
import { getScenario } from '../fake-aws/scenarios';
import { QUOTA_THROTTLED, QUOTA_THROTTLED_EXPECTED } from '../fake-aws/scenarios/quotaData';
import { createVscodeStandIn, extensionContext, loadWithStandIn, type StandIn, type StatusItemStandIn } from '../support/vscodeStandIn';

const bundle = join(__dirname, '..', '..', 'dist', 'extension.js');
const JP_SONNET = `jp.${BEDROCK_MODEL_IDS.sonnet45}`;

interface Item {
  label?: unknown;
  description?: unknown;
  command?: { command: string; arguments?: unknown[] };
}
interface Provider {
  getChildren(node?: unknown): unknown[] | Promise<unknown[]>;
  getTreeItem(node: unknown): Item;
}

describe('Setup view and status-bar health (built bundle, fake AWS)', () => {
  const world = useFakeAwsHome('setup-view');
  let folder: string;
  let subscriptions: { dispose(): unknown }[] = [];

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'cbs-setup-view-'));
    process.env.CLAUDE_BEDROCK_MANAGED_SETTINGS_DIR = join(folder, 'no-managed-settings');
  });
  afterEach(() => {
    for (const subscription of subscriptions) subscription.dispose();
    subscriptions = [];
    rmSync(folder, { recursive: true, force: true });
  });

  function configure(profile: string): void {
    mkdirSync(join(folder, '.claude'), { recursive: true });
    writeFileSync(join(folder, '.claude', 'settings.json'), JSON.stringify({ env: { CLAUDE_CODE_USE_BEDROCK: '1', AWS_REGION: 'ap-northeast-1', ANTHROPIC_MODEL: JP_SONNET } }));
    writeFileSync(join(folder, '.claude', 'settings.local.json'), JSON.stringify({ env: { AWS_PROFILE: profile } }));
    writeFileSync(join(folder, '.gitignore'), '.claude/settings.local.json\n');
  }

  async function activate(language: string): Promise<{ standIn: StandIn; item: StatusItemStandIn; provider: Provider }> {
    const standIn = createVscodeStandIn(language);
    standIn.workspaceFolders = [{ uri: { fsPath: folder, toString: () => `file://${folder}` }, name: 'work', index: 0 }];
    const context = extensionContext(standIn);
    loadWithStandIn<{ activate(context: unknown): void }>(bundle, standIn, (extension) => extension.activate(context));
    subscriptions = (context as unknown as { subscriptions: { dispose(): unknown }[] }).subscriptions;
    const item = standIn.statusItems.find((candidate) => candidate.id === 'claudeBedrock.health')!;
    // The first check starts on activation; wait until it has drawn its result.
    for (let attempt = 0; attempt < 400 && (item.text === '' || item.text.includes('sync~spin')); attempt++) await new Promise((resolve) => setTimeout(resolve, 25));
    return { standIn, item, provider: standIn.treeProviders.get('claudeBedrock.setup') as unknown as Provider };
  }

  const tooltipOf = (item: StatusItemStandIn) => (typeof item.tooltip === 'string' ? item.tooltip : (item.tooltip?.value ?? ''));

  async function labels(provider: Provider): Promise<{ label: string; description: string }[]> {
    const rows: { label: string; description: string }[] = [];
    const stack = [...(await provider.getChildren())];
    while (stack.length > 0) {
      const node = stack.shift()!;
      const item = provider.getTreeItem(node);
      rows.push({ label: String(item.label), description: String(item.description ?? '') });
      stack.push(...(await provider.getChildren(node)));
    }
    return rows;
  }

  it('is healthy after one identity call and one usage read with the configured profile and region, and shows where each value comes from', async () => {
    configure('static-dev');
    const { item, provider } = await activate('en');
    assert.match(item.text, /^\$\(pass\) Bedrock$/);
    assert.equal(item.accessibilityInformation?.label, 'Claude on Bedrock is healthy');
    assert.ok(tooltipOf(item).includes('AWS profile static\\-dev \\(static keys\\)'), tooltipOf(item));
    const calls = world.fake.requests.filter((entry) => entry.operation === 'GetCallerIdentity');
    assert.deepEqual(calls.map((entry) => [entry.accessKeyId, entry.signingRegion, entry.status]), [[BASIC_STATIC_KEY.accessKeyId, 'ap-northeast-1', 200]]);
    // Besides STS: the usage part of the check, quotas and exactly one CloudWatch call; never a model.
    assert.deepEqual([...new Set(world.fake.requests.map((entry) => entry.service))].sort(), ['cloudwatch', 'servicequotas', 'sts']);
    assert.equal(world.fake.requests.filter((entry) => entry.operation === 'GetMetricData').length, 1);
    assert.ok(tooltipOf(item).includes('No throttling in the last 15 minutes'), tooltipOf(item));
    const rows = await labels(provider);
    assert.deepEqual(rows.find((row) => row.label === 'AWS_REGION'), { label: 'AWS_REGION', description: 'ap-northeast-1 · project' });
    assert.deepEqual(rows.find((row) => row.label === 'AWS_PROFILE'), { label: 'AWS_PROFILE', description: 'static-dev · local' });
    assert.ok(rows.some((row) => row.label === JP_SONNET && row.description.startsWith('primary')));
  });

  it('speaks Japanese in a Japanese window', async () => {
    configure('static-dev');
    const { item, provider } = await activate('ja');
    assert.equal(item.accessibilityInformation?.label, 'Claude on Bedrock は正常です');
    assert.ok(tooltipOf(item).includes('$(pass) リージョン ap\\-northeast\\-1 \\(AWS\\_REGION\\)'), tooltipOf(item));
    assert.ok(tooltipOf(item).includes('AWS プロファイル static\\-dev \\(静的キー\\)'), 'the profile kind in Japanese');
    const rows = await labels(provider);
    assert.deepEqual(rows.find((row) => row.label === 'AWS_REGION'), { label: 'AWS_REGION', description: 'ap-northeast-1 · プロジェクト' });
    assert.ok(rows.some((row) => row.label === '有効な設定'));
  });

  it('warns when requests were throttled in the last 15 minutes, with the figure in the tooltip, and a click shows Quotas & Usage', async () => {
    // The throttled scenario's quotas and metrics, served live by this suite's fake.
    const throttled = getScenario('quota-throttled');
    const { serviceQuotas, cloudWatch } = world.fake.state;
    world.fake.state.serviceQuotas = throttled.serviceQuotas;
    world.fake.state.cloudWatch = throttled.cloudWatch;
    try {
      configure('static-dev');
      const recent = (QUOTA_THROTTLED.recentPeak.toMinutesAgo - QUOTA_THROTTLED.recentPeak.fromMinutesAgo + 1) * QUOTA_THROTTLED_EXPECTED.recentPeakThrottlesPerMinute;
      const { item } = await activate('en');
      assert.match(item.text, /^\$\(warning\) Bedrock$/);
      assert.ok(tooltipOf(item).includes(`${recent} throttled requests in the last 15 minutes`), tooltipOf(item));
      assert.equal((item.command as { command: string }).command, 'claudeBedrock.usage.focus');
      assert.equal(world.fake.requests.filter((entry) => entry.operation === 'GetMetricData').length, 1);
      for (const subscription of subscriptions) subscription.dispose();
      const japanese = await activate('ja');
      assert.ok(tooltipOf(japanese.item).includes(`直近 15 分間に ${recent} 件のリクエストがスロットリングされました`), tooltipOf(japanese.item));
    } finally {
      // The suite shares one fake: the next tests see basic's quotas and metrics again.
      Object.assign(world.fake.state, { serviceQuotas, cloudWatch });
    }
  });

  it('is an error for an expired SSO sign-in, and a click signs in', async () => {
    configure('sso-expired');
    const { item, provider } = await activate('en');
    assert.match(item.text, /^\$\(error\) Bedrock$/);
    assert.equal(item.backgroundColor?.id, 'statusBarItem.errorBackground');
    assert.deepEqual(item.command, { title: 'Sign in with AWS SSO', command: 'claudeBedrock.ssoLogin', arguments: ['sso-expired'] });
    const rows = await labels(provider);
    assert.ok(rows.some((row) => /^SSO sign-in of sso-expired expired at /.test(row.label) && row.description === 'Sign in with AWS SSO'));
  });

  it('warns when the personal file is not git-ignored', async () => {
    configure('static-dev');
    rmSync(join(folder, '.gitignore'));
    const { item } = await activate('en');
    assert.match(item.text, /^\$\(warning\) Bedrock$/);
    assert.match(tooltipOf(item), /settings\\\.local\\\.json is not git\\-ignored — \[Add to \\\.gitignore\]\(command:claudeBedrock\.ignoreLocalSettings\)/);
  });

  it('is "not configured" without settings, calls AWS for nothing, and a click runs the wizard', async () => {
    const { item, provider } = await activate('en');
    assert.match(item.text, /^\$\(circle-slash\) Bedrock$/);
    assert.equal((item.command as { command: string }).command, 'claudeBedrock.setupWizard');
    assert.deepEqual(world.fake.requests, []);
    assert.deepEqual(await provider.getChildren(), [], 'the view shows its welcome text');
  });
});
