// The policy's invocation-logging rule in the status bar, through the built bundle (with a `vscode`
// stand-in) against the fake AWS: logging off in the setup's Region is an error naming the rule, in
// English and Japanese; once logging is on, the next health check no longer reports it.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BASIC_ACCOUNT_ID } from '../fake-aws/scenarios/basic';
import { BEDROCK_MODEL_IDS } from '../fake-aws/scenarios/bedrockCatalog';
import { cloudWatchLogging, TEAM_REGION } from '../fake-aws/scenarios/teamData';
import { useFakeAwsHome } from '../support/fakeAwsHome';
import { createVscodeStandIn, extensionContext, healthSettled, loadWithStandIn, tooltipText, type StatusItemStandIn } from '../support/vscodeStandIn';

const bundle = join(__dirname, '..', '..', 'dist', 'extension.js');

describe('the invocation-logging rule in the status bar (built bundle, fake AWS)', () => {
  const world = useFakeAwsHome('sidebar-team', 'team-logging-off');
  let folder: string;
  let subscriptions: { dispose(): unknown }[] = [];

  beforeEach(() => {
    // Logging off again: a test may have turned it on.
    delete world.fake.state.bedrock!.accounts[BASIC_ACCOUNT_ID]?.invocationLogging;
    folder = mkdtempSync(join(tmpdir(), 'cbs-sidebar-team-'));
    mkdirSync(join(folder, '.claude'));
    writeFileSync(join(folder, '.claude', 'bedrock-policy.json'), JSON.stringify({ version: 1, requireInvocationLogging: true }));
    writeFileSync(join(folder, '.claude', 'settings.json'), JSON.stringify({ env: { CLAUDE_CODE_USE_BEDROCK: '1', AWS_REGION: TEAM_REGION, ANTHROPIC_MODEL: `jp.${BEDROCK_MODEL_IDS.sonnet45}` } }));
    writeFileSync(join(folder, '.claude', 'settings.local.json'), JSON.stringify({ env: { AWS_PROFILE: 'static-dev' } }));
    writeFileSync(join(folder, '.gitignore'), '.claude/settings.local.json\n');
  });
  afterEach(() => {
    for (const subscription of subscriptions) subscription.dispose();
    subscriptions = [];
    rmSync(folder, { recursive: true, force: true });
  });

  async function activate(language: string): Promise<{ item: StatusItemStandIn; check: () => Promise<void> }> {
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
      check: async () => {
        await standIn.commands.get('claudeBedrock.checkHealth')!();
        await wait();
      },
    };
  }

  it('reports logging off as a policy error, then nothing once logging is on', async () => {
    const { item, check } = await activate('en');
    assert.match(item.text, /^\$\(error\) Bedrock$/);
    assert.match(tooltipText(item), /Bedrock model invocation logging is off in/);
    assert.ok(world.fake.requests.some((entry) => entry.operation === 'GetModelInvocationLoggingConfiguration' && entry.signingRegion === TEAM_REGION));
    ((world.fake.state.bedrock!.accounts[BASIC_ACCOUNT_ID] ??= {}).invocationLogging ??= {})[TEAM_REGION] = cloudWatchLogging();
    await check();
    assert.doesNotMatch(tooltipText(item), /invocation logging/);
  });

  it('says it in Japanese', async () => {
    const { item } = await activate('ja');
    assert.match(tooltipText(item), /モデル呼び出しログがオフです/);
  });
});
