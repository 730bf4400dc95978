// The Team view's actual spend when CloudWatch fails and recovers within Cost Explorer's hour,
// through the built bundle (with a `vscode` stand-in) against the fake AWS: the failed estimate is
// shown as not read; a refresh asks CloudWatch again (and says so), never Cost Explorer (billed per
// request), and the estimate is back with the cached Cost Explorer figures and their age.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { BEDROCK_MODEL_IDS } from '../fake-aws/scenarios/bedrockCatalog';
import { TEAM_REGION } from '../fake-aws/scenarios/teamData';
import { makeBedrockFolder } from '../support/bedrockFolder';
import { useFakeAwsHome } from '../support/fakeAwsHome';
import { createVscodeStandIn, extensionContext, healthSettled, loadWithStandIn, webviewViewStandIn, whileStandIn, type StandIn } from '../support/vscodeStandIn';

const bundle = join(__dirname, '..', '..', 'dist', 'extension.js');

interface SpendSection {
  readonly progress?: string;
  readonly placeholder?: string;
  readonly groups: readonly { readonly kind: string; readonly lines: readonly string[] }[];
  readonly age?: string;
  readonly problems: readonly string[];
}

async function until<T>(what: string, read: () => T | undefined, limitMs = 20_000): Promise<T> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${limitMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The spend cache files in the extension's storage folder (src/files/spendCache.ts names them spend-<digest>.json), by name. */
function cachedReads(storage: string): Map<string, { generatedAt: number; estimate?: unknown }> {
  const files = readdirSync(storage).filter((name) => /^spend-[0-9a-f]{24}\.json$/.test(name));
  return new Map(files.map((name) => [name, (JSON.parse(readFileSync(join(storage, name), 'utf8')) as { report: { generatedAt: number; estimate?: unknown } }).report]));
}

describe('the Team view\'s spend when CloudWatch fails and recovers within the hour (built bundle, fake AWS)', () => {
  const world = useFakeAwsHome('team-spend', 'team');
  let folder: string;
  let subscriptions: { dispose(): unknown }[] = [];

  beforeEach(() => {
    folder = makeBedrockFolder('cbs-team-spend-', { region: TEAM_REGION, model: `jp.${BEDROCK_MODEL_IDS.sonnet45}`, profile: 'static-dev' });
  });
  afterEach(() => {
    world.fake.clearFaults();
    for (const subscription of subscriptions) subscription.dispose();
    subscriptions = [];
    rmSync(folder, { recursive: true, force: true });
  });

  async function activate(): Promise<StandIn> {
    const standIn = createVscodeStandIn('en');
    standIn.workspaceFolders = [{ uri: { fsPath: folder, toString: () => `file://${folder}` }, name: 'work', index: 0 }];
    const storage = join(folder, '.storage');
    const globalState = { get: (_key: string, fallback?: unknown) => fallback, update: async () => undefined, keys: () => [] };
    const context = { ...extensionContext(standIn), globalState, extensionUri: { scheme: 'file', fsPath: folder, path: folder }, globalStorageUri: { scheme: 'file', fsPath: storage, path: storage } };
    loadWithStandIn<{ activate(context: unknown): void }>(bundle, standIn, (extension) => extension.activate(context));
    subscriptions = (context as unknown as { subscriptions: { dispose(): unknown }[] }).subscriptions;
    const item = standIn.statusItems.find((candidate) => candidate.id === 'claudeBedrock.health')!;
    await healthSettled(item);
    return standIn;
  }

  it('a refresh reads the failed estimate again from CloudWatch, and Cost Explorer not again', async () => {
    const standIn = await activate();
    world.fake.inject({ service: 'cloudwatch', operation: 'GetMetricData', fault: 'json-503' });
    world.fake.clearLog();
    const { view, posted: messages, send } = webviewViewStandIn<{ model: { spend: SpendSection } }>();
    const provider = standIn.webviewProviders.get('claudeBedrock.team') as { resolveWebviewView(view: unknown): void };
    const last = () => messages.at(-1)?.model.spend;
    const done = (section: SpendSection | undefined) => (section && !section.progress && section.age ? section : undefined);

    await whileStandIn(bundle, standIn, async () => provider.resolveWebviewView(view));
    const failed = await until('the first spend read', () => done(last()));
    assert.ok(failed.problems.some((problem) => /GetMetricData.*HTTP 503/.test(problem)), JSON.stringify(failed));
    assert.ok(!failed.groups.some((group) => group.lines.some((line) => /Estimate from CloudWatch metrics/.test(line))), 'no estimate shown while it could not be read');
    assert.equal(world.fake.requests.filter((entry) => entry.service === 'ce').length, 3, 'Cost Explorer read once (three requests)');
    const readFirst = cachedReads(join(folder, '.storage'));
    assert.equal(readFirst.size, 1, 'one cached Cost Explorer read');
    const [cacheFile, firstRead] = [...readFirst][0]!;
    assert.equal(firstRead.estimate, undefined, 'the failed estimate is not cached');

    world.fake.clearFaults();
    world.fake.clearLog();
    const before = messages.length;
    await whileStandIn(bundle, standIn, async () => send({ type: 'refresh' }));
    const healed = await until('the estimate read again', () => (messages.length > before ? done(last()) : undefined));
    assert.ok(messages.slice(before).some((message) => message.model.spend.progress === 'Reading the estimate from CloudWatch…'), 'the progress names what is read');
    assert.deepEqual(healed.problems, [], JSON.stringify(healed));
    assert.ok(healed.groups.some((group) => group.lines.some((line) => /Estimate from CloudWatch metrics/.test(line))), JSON.stringify(healed.groups));
    assert.equal(healed.age, failed.age, 'the Cost Explorer figures keep the age of their read');
    const readAfter = cachedReads(join(folder, '.storage'));
    assert.deepEqual([...readAfter.keys()], [cacheFile], 'the same cache file, no other');
    assert.notEqual(readAfter.get(cacheFile)!.estimate, undefined, 'the healed estimate was written to the cache');
    assert.equal(readAfter.get(cacheFile)!.generatedAt, firstRead.generatedAt, 'the cached Cost Explorer read keeps its time');
    assert.equal(world.fake.requests.filter((entry) => entry.service === 'ce').length, 0, 'no Cost Explorer request within the hour');
    assert.ok(world.fake.requests.some((entry) => entry.service === 'cloudwatch' && entry.operation === 'GetMetricData'));
  });
});
