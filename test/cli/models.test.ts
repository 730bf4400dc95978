// `models` and `doctor --model` as a user runs them, against the fake AWS: the catalog JSON, the
// probe on exactly the written ID, and each failure scenario's own diagnosis in both languages.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeAws, writeDemoHome, type FakeAws } from '../fake-aws';
import { BEDROCK_GEO_DESTINATIONS, BEDROCK_MODEL_IDS, BEDROCK_PROFILE_IDS } from '../fake-aws/scenarios/bedrockCatalog';
import type { ScenarioName } from '../fake-aws/scenarios';
import { assertNoSecrets, run } from './runCli';

const TOKYO = 'ap-northeast-1';
const JP_SONNET = `jp.${BEDROCK_MODEL_IDS.sonnet45}`;
const JP_HAIKU = `jp.${BEDROCK_MODEL_IDS.haiku45}`;

/** A fake of one scenario and a demo HOME for it, for the duration of a describe block. */
function useFake(scenario: ScenarioName) {
  const state: { fake?: FakeAws; home?: string } = {};
  before(async () => {
    state.fake = await startFakeAws({ scenario });
    state.home = mkdtempSync(join(tmpdir(), 'cbs-cli-models-'));
    await writeDemoHome(state.home, state.fake.state, { ssoSessionSuffix: `-cli-${scenario}` });
  });
  after(async () => {
    await state.fake?.stop();
    if (state.home) rmSync(state.home, { recursive: true, force: true });
  });
  beforeEach(() => state.fake!.clearLog());
  return {
    get fake() {
      return state.fake!;
    },
    env: (extra: Record<string, string> = {}) => ({ HOME: state.home!, ...state.fake!.env(), ...extra }),
  };
}

describe('CLI models', () => {
  const context = useFake('basic');

  it('prints the Tokyo catalog as JSON: exactly the scenario\'s Claude profiles, with destinations', async () => {
    const result = await run(['models', '--profile', 'sso-dev', '--region', TOKYO, '--json'], context.env());
    assert.equal(result.code, 0, result.stderr);
    assertNoSecrets(result);
    const report = JSON.parse(result.stdout);
    assert.equal(report.source, 'account');
    assert.equal(report.region, TOKYO);
    const offers = (report.models as { offers: { modelId: string; scope: string; destinations: string[]; anyRegion: boolean; scopeLabel: string }[] }[]).flatMap(
      (model) => model.offers,
    );
    assert.deepEqual(
      offers.filter((offer) => offer.scope !== 'in-region').map((offer) => offer.modelId).sort(),
      BEDROCK_PROFILE_IDS[TOKYO].filter((id) => id.includes('anthropic.claude')).sort(),
    );
    const jp = offers.find((offer) => offer.modelId === JP_SONNET)!;
    assert.deepEqual(jp.destinations, [...BEDROCK_GEO_DESTINATIONS.jp].sort());
    assert.match(jp.scopeLabel, /Japan/);
    assert.equal(offers.find((offer) => offer.modelId === `global.${BEDROCK_MODEL_IDS.sonnet45}`)!.anyRegion, true);
    assert.equal(report.applicationProfiles.length, 1);
  });

  it('prints a table in Japanese with the Japan-domestic scope explained', async () => {
    const result = await run(['models', '--profile', 'sso-dev', '--region', TOKYO, '--lang', 'ja'], context.env());
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /東京, 大阪/);
    assert.match(result.stdout, /jp: .*日本/);
    assert.ok(result.stdout.includes(JP_SONNET));
  });

  it('doctor --model --probe invokes exactly the given IDs and reports latency and tokens', async () => {
    const result = await run(['doctor', '--profile', 'role-dev', '--region', TOKYO, '--model', JP_SONNET, '--model', JP_HAIKU, '--probe', '--json'], context.env());
    assert.equal(result.code, 0, result.stdout + result.stderr);
    const report = JSON.parse(result.stdout);
    const models = report.checks.filter((check: { id: string }) => check.id === 'model');
    assert.deepEqual(
      models.map((check: { model: string; state: string; access: { state: string } }) => [check.model, check.state, check.access.state]),
      [
        [JP_SONNET, 'ok', 'accessible'],
        [JP_HAIKU, 'ok', 'accessible'],
      ],
    );
    assert.equal(models[0].access.probe.outputTokens, 1);
    const invoked = context.fake.requests.filter((entry) => entry.operation === 'Converse').map((entry) => entry.resource);
    assert.deepEqual(invoked.sort(), [JP_HAIKU, JP_SONNET].sort());
  });

  it('doctor --model without --probe invokes nothing and says how to prove access, with the cost', async () => {
    const result = await run(['doctor', '--profile', 'static-dev', '--region', TOKYO, '--model', JP_SONNET], context.env());
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /not probed/);
    assert.match(result.stdout, /--probe .*\$0\.\d+/);
    assert.ok(!context.fake.requests.some((entry) => entry.operation === 'Converse'));
  });
});

const failures: [ScenarioName, string, string, RegExp, RegExp][] = [
  ['bedrock-not-authorized', JP_HAIKU, 'model-access-not-granted', /access/i, /アクセス/],
  ['bedrock-marketplace', JP_SONNET, 'marketplace-actions-missing', /Marketplace/, /Marketplace/],
  ['bedrock-use-case', JP_SONNET, 'use-case-form-missing', /use case/i, /ユースケース/],
  ['bedrock-legacy', `apac.${BEDROCK_MODEL_IDS.sonnet37}`, 'legacy-model', /legacy/i, /レガシー/],
  ['bedrock-throttled', JP_SONNET, 'throttled', /throttl|too many/i, /上限|クォータ/],
  ['bedrock-scp-osaka', JP_SONNET, 'scp-denied-region', /ap-northeast-3|Osaka/, /ap-northeast-3|大阪/],
];

for (const [scenario, modelId, code, english, japanese] of failures) {
  describe(`CLI doctor --model in ${scenario}`, () => {
    const context = useFake(scenario);

    it(`reports ${code} in JSON and in both languages`, async () => {
      const args = ['doctor', '--profile', 'static-dev', '--region', TOKYO, '--model', modelId, '--probe'];
      const json = await run([...args, '--json'], context.env());
      assert.equal(json.code, code === 'throttled' ? 0 : 1, json.stdout + json.stderr);
      const check = JSON.parse(json.stdout).checks.find((candidate: { id: string }) => candidate.id === 'model');
      const diagnosis = check.diagnoses.find((candidate: { code: string }) => candidate.code === code);
      assert.ok(diagnosis, `${code} in ${check.diagnoses.map((candidate: { code: string }) => candidate.code).join(', ')}`);
      assert.ok(diagnosis.fix.length > 0);

      const en = await run([...args, '--lang', 'en'], context.env());
      assert.match(en.stdout, english);
      const ja = await run([...args, '--lang', 'ja'], context.env());
      assert.match(ja.stdout, japanese);
      assert.match(ja.stdout, /対処/);
    });
  });
}

describe('CLI models with a throttled listing', () => {
  const context = useFake('basic');
  afterEach(() => context.fake.clearFaults());

  it('shows the bundled table marked unverified and exits 1: the account did not answer', async () => {
    context.fake.inject({ service: 'bedrock', operation: 'ListInferenceProfiles', fault: 'throttle' });
    const json = await run(['models', '--profile', 'static-dev', '--region', TOKYO, '--json'], context.env());
    assert.equal(json.code, 1, json.stdout + json.stderr);
    const report = JSON.parse(json.stdout);
    assert.equal(report.source, 'fallback');
    assert.ok(report.diagnoses.some((diagnosis: { code: string }) => diagnosis.code === 'throttled'));
  });
});

describe('CLI models in bedrock-list-denied', () => {
  const context = useFake('bedrock-list-denied');

  it('shows the bundled table marked unverified and names the missing permission', async () => {
    const json = await run(['models', '--profile', 'static-dev', '--region', TOKYO, '--json'], context.env());
    assert.equal(json.code, 0, json.stderr);
    const report = JSON.parse(json.stdout);
    assert.equal(report.source, 'fallback');
    assert.match(report.fallback.asOf, /^\d{4}-\d{2}-\d{2}$/);
    const denied = report.diagnoses.find((diagnosis: { code: string }) => diagnosis.code === 'list-profiles-denied');
    assert.equal(denied.deniedAction, 'bedrock:ListInferenceProfiles');
    const text = await run(['models', '--profile', 'static-dev', '--region', TOKYO], context.env());
    assert.match(text.stdout, /Unverified/);
    assert.match(text.stdout, /bedrock:ListInferenceProfiles/);
  });
});
