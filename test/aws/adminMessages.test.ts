// What the extension's admin commands say when AWS fails them, through the built bundle (with a
// `vscode` stand-in) against the fake AWS, as the CLI says it: *Export Admin Stack* without the
// quota defaults gives the cause and the fix (and still opens the template); *Turn On Invocation
// Logging* whose write is not answered, or answered with an error, says logging is not confirmed on
// (never that it is off, which was not read) and what to do; in English and Japanese.
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { BASIC_ACCOUNT_ID } from '../fake-aws/scenarios/basic';
import { BEDROCK_MODEL_IDS } from '../fake-aws/scenarios/bedrockCatalog';
import { TEAM_REGION } from '../fake-aws/scenarios/teamData';
import { makeBedrockFolder } from '../support/bedrockFolder';
import { useFakeAwsHome } from '../support/fakeAwsHome';
import { NEVER_SHOWN } from '../support/faultExpectations';
import { leakedSecrets, secretsOf } from '../support/faultFigures';
import { createVscodeStandIn, extensionContext, healthSettled, loadWithStandIn, whileStandIn, type StandIn } from '../support/vscodeStandIn';

const bundle = join(__dirname, '..', '..', 'dist', 'extension.js');
const JP_SONNET = `jp.${BEDROCK_MODEL_IDS.sonnet45}`;
/** Code words or a stack (besides the shared NEVER_SHOWN list). */
const CODE_OR_STACK = /undefined|\[object Object\]|NaN|\n\s+at /;

describe('the admin commands under AWS failures: cause and fix, never a claim that was not read (built bundle, fake AWS)', () => {
  const world = useFakeAwsHome('admin-messages', 'team-logging-off');
  let folder: string;
  let subscriptions: { dispose(): unknown }[] = [];

  beforeEach(() => {
    delete world.fake.state.bedrock!.accounts[BASIC_ACCOUNT_ID]?.invocationLogging;
    folder = makeBedrockFolder('cbs-admin-messages-', { region: TEAM_REGION, model: JP_SONNET, profile: 'static-dev' });
  });
  afterEach(() => {
    world.fake.clearFaults();
    for (const subscription of subscriptions) subscription.dispose();
    subscriptions = [];
    rmSync(folder, { recursive: true, force: true });
  });

  /** What no message may show: code words, a parser's text, a stack, or any secret the fake knows (its keys, tokens and client secrets). */
  function assertNothingUnfit(text: string): void {
    assert.doesNotMatch(text, CODE_OR_STACK);
    for (const [pattern, what] of NEVER_SHOWN) assert.doesNotMatch(text, pattern, `${what} in: ${text}`);
    assert.deepEqual(leakedSecrets(text, secretsOf([world.fake])), [], 'no secret in the message');
  }

  async function activate(language: string, timeoutS = 10): Promise<StandIn> {
    const standIn = createVscodeStandIn(language);
    standIn.workspaceFolders = [{ uri: { fsPath: folder, toString: () => `file://${folder}` }, name: 'work', index: 0 }];
    standIn.settings.set('claudeBedrock.identityCheckTimeoutSeconds', { user: timeoutS });
    // The Team view keeps its spend cache in the extension's storage folder.
    const storage = join(folder, '.storage');
    const globalState = { get: (_key: string, fallback?: unknown) => fallback, update: async () => undefined, keys: () => [] };
    const context = { ...extensionContext(standIn), globalState, globalStorageUri: { scheme: 'file', fsPath: storage, path: storage } };
    loadWithStandIn<{ activate(context: unknown): void }>(bundle, standIn, (extension) => extension.activate(context));
    subscriptions = (context as unknown as { subscriptions: { dispose(): unknown }[] }).subscriptions;
    const item = standIn.statusItems.find((candidate) => candidate.id === 'claudeBedrock.health')!;
    await healthSettled(item);
    return standIn;
  }

  for (const [language, words] of [
    ['en', { cause: /without quota defaults: ListServiceQuotas in ap-northeast-1 was answered with HTTP 503/, fix: /Try again in a few minutes; .*AWS_ENDPOINT_URL_SERVICE_QUOTAS.* Or pass the quota parameters when you deploy\.$/ }],
    ['ja', { cause: /クォータの既定値なし.*ListServiceQuotas.*HTTP 503/, fix: /AWS_ENDPOINT_URL_SERVICE_QUOTAS.*または、デプロイ時にクォータのパラメーターを指定してください。$/ }],
  ] as const) {
    it(`Export Admin Stack, Service Quotas unavailable: the template without defaults, and a warning with the cause and the fix (${language})`, async () => {
      const standIn = await activate(language);
      world.fake.inject({ service: 'servicequotas', operation: '*', fault: 'json-503' });
      await whileStandIn(bundle, standIn, async () => standIn.commands.get('claudeBedrock.exportAdminStack')!());
      assert.equal(standIn.documents.length, 1, 'the template is still opened');
      assert.equal(standIn.documents[0]!.language, 'yaml');
      assert.ok(standIn.documents[0]!.content!.startsWith('# Claude Code on Amazon Bedrock'), standIn.documents[0]!.content!.slice(0, 200));
      const warnings = standIn.messages.filter((message) => message.level === 'warning');
      assert.equal(warnings.length, 1, JSON.stringify(standIn.messages));
      assert.match(warnings[0]!.text, words.cause);
      assert.match(warnings[0]!.text, words.fix);
      assertNothingUnfit(warnings[0]!.text);
    });
  }

  for (const [language, fault, words] of [
    ['en', 'hang', /^Could not confirm that invocation logging is on: .*PutModelInvocationLoggingConfiguration.*did not finish in time.* Refresh the Team view to read where the logs go now\.$/],
    ['en', 'json-500', /^Could not confirm that invocation logging is on: .*PutModelInvocationLoggingConfiguration.*HTTP 500.* Refresh the Team view to read where the logs go now\.$/],
    ['ja', 'json-500', /^呼び出しログが有効になったことを確認できませんでした: .*PutModelInvocationLoggingConfiguration.*HTTP 500.*「チーム」ビューを更新すると、現在のログの送信先を読み取ります。$/],
  ] as const) {
    it(`Turn On Invocation Logging, the write ${fault === 'hang' ? 'not answered' : 'failing'}: not confirmed on, with what to do, never "off" (${language}, ${fault})`, async () => {
      const standIn = await activate(language, fault === 'hang' ? 1 : 10);
      standIn.type = (options) => options.value;
      standIn.answer = (_text, items) => items[0];
      world.fake.inject({ service: 'bedrock', operation: 'PutModelInvocationLoggingConfiguration', fault });
      await whileStandIn(bundle, standIn, async () => standIn.commands.get('claudeBedrock.enableInvocationLogging')!());
      assert.ok(
        world.fake.requests.some((entry) => entry.operation === 'PutModelInvocationLoggingConfiguration' && entry.fault === fault),
        'the write was asked and the fault served',
      );
      const confirmation = standIn.messages.find((message) => message.level === 'warning');
      assert.ok(confirmation && confirmation.items.length === 1, `the write was confirmed first: ${JSON.stringify(standIn.messages)}`);
      const errors = standIn.messages.filter((message) => message.level === 'error');
      assert.equal(errors.length, 1, JSON.stringify(standIn.messages));
      assert.match(errors[0]!.text, words);
      assertNothingUnfit(errors[0]!.text);
      assert.ok(!standIn.messages.some((message) => message.level === 'info'), 'nothing says it was turned on');
    });
  }
});
