// The catalog and access validation through the real Bedrock SDK clients against the fake AWS:
// what the account lists becomes the catalog (nothing more, nothing less), and every failure the
// fake can produce comes back as its own diagnosis, described in English and Japanese.
import assert from 'node:assert/strict';
import { loadCatalog, validateModelAccess } from '../../src/aws/models/modelAccess';
import type { DiagnosisCode } from '../../src/core/models/bedrockTypes';
import { describeDiagnosis } from '../../src/core/models/diagnosis';
import { BEDROCK_GEO_DESTINATIONS, BEDROCK_MODEL_IDS, BEDROCK_PROFILE_IDS } from '../fake-aws/scenarios/bedrockCatalog';
import type { ScenarioName } from '../fake-aws/scenarios';
import { useFakeAwsHome } from '../support/fakeAwsHome';

const TOKYO = 'ap-northeast-1';
const JP_SONNET = `jp.${BEDROCK_MODEL_IDS.sonnet45}`;
const JP_HAIKU = `jp.${BEDROCK_MODEL_IDS.haiku45}`;
const GLOBAL_SONNET = `global.${BEDROCK_MODEL_IDS.sonnet45}`;
const profile = (name: string) => ({ type: 'profile' as const, profile: name });

describe('model catalog from the account (fake AWS, real SDK)', () => {
  const context = useFakeAwsHome('catalog');

  it('offers exactly the Claude profiles Tokyo lists, across every page, with their destinations', async () => {
    const result = await loadCatalog({ target: profile('static-dev'), region: TOKYO, pageSize: 3 });
    assert.deepEqual(result.diagnoses, []);
    const catalog = result.catalog!;
    assert.equal(catalog.source, 'account');
    const offered = catalog.models.flatMap((model) => model.offers.filter((offer) => offer.scope !== 'in-region').map((offer) => offer.modelId)).sort();
    const claudeProfiles = BEDROCK_PROFILE_IDS[TOKYO].filter((id) => id.includes('anthropic.claude')).sort();
    assert.deepEqual(offered, claudeProfiles, 'every Claude profile of the scenario, nothing else');
    assert.ok(claudeProfiles.includes(JP_SONNET) && claudeProfiles.includes(GLOBAL_SONNET));

    const sonnet = catalog.models.find((model) => model.baseModelId === BEDROCK_MODEL_IDS.sonnet45)!;
    const jp = sonnet.offers.find((offer) => offer.scope === 'jp')!;
    assert.deepEqual(jp.destinations, [...BEDROCK_GEO_DESTINATIONS.jp].sort());
    assert.equal(jp.anyRegion, false);
    const global = sonnet.offers.find((offer) => offer.scope === 'global')!;
    assert.equal(global.anyRegion, true);
    assert.deepEqual(global.destinations, []);
    assert.ok(jp.priceFactor! > global.priceFactor!, 'the Japan premium is visible');

    const pages = context.fake.requests.filter((entry) => entry.operation === 'ListInferenceProfiles');
    assert.ok(pages.length > 2, `listing took several pages (${pages.length})`);
    assert.equal(catalog.applicationProfiles.length, 1);
    assert.deepEqual(catalog.applicationProfiles[0]!.destinations, [...BEDROCK_GEO_DESTINATIONS.jp].sort());
  });

  it('takes scopes from the listing, not from the region: Frankfurt has no jp.', async () => {
    const { catalog } = await loadCatalog({ target: profile('static-dev'), region: 'eu-central-1' });
    const scopes = new Set(catalog!.models.flatMap((model) => model.offers.map((offer) => offer.scope)));
    assert.ok(scopes.has('eu') && scopes.has('global'));
    assert.ok(!scopes.has('jp') && !scopes.has('apac'));
  });

  it('reports credentials that do not work instead of a catalog', async () => {
    const result = await loadCatalog({ target: profile('sso-expired'), region: TOKYO });
    assert.equal(result.catalog, undefined);
    assert.equal(result.diagnoses[0]!.code, 'credentials');
    assert.match(describeDiagnosis(result.diagnoses[0]!, 'en').command ?? '', /aws sso login --profile sso-expired/);
  });
});

describe('model access validation (fake AWS, real SDK)', () => {
  const context = useFakeAwsHome('access');

  it('proves access with a probe on exactly the ID that would be written', async () => {
    const result = await validateModelAccess({ target: profile('role-dev'), region: TOKYO, models: [JP_SONNET, JP_HAIKU], probe: true });
    assert.equal(result.credentials, undefined);
    assert.deepEqual(
      result.reports.map((report) => [report.modelId, report.state]),
      [
        [JP_SONNET, 'accessible'],
        [JP_HAIKU, 'accessible'],
      ],
    );
    const sonnet = result.reports[0]!;
    assert.deepEqual(sonnet.destinations, ['ap-northeast-1', 'ap-northeast-3']);
    assert.equal(sonnet.probe!.outputTokens, 1);
    assert.ok(sonnet.probe!.inputTokens > 0);
    const probes = context.fake.requests.filter((entry) => entry.operation === 'Converse');
    assert.deepEqual(probes.map((entry) => entry.resource).sort(), [JP_HAIKU, JP_SONNET].sort());
    assert.ok(probes.every((entry) => entry.status === 200));
  });

  it('without the probe, a clean control plane is unverified and nothing is invoked', async () => {
    const result = await validateModelAccess({ target: profile('static-dev'), region: TOKYO, models: [GLOBAL_SONNET], probe: false });
    assert.equal(result.reports[0]!.state, 'unverified');
    assert.ok(!context.fake.requests.some((entry) => entry.service === 'bedrock-runtime' || entry.operation === 'Converse'));
  });

  it('gives each call its own timeout: a hanging probe times out while the other checks answer', async () => {
    context.fake.inject({ operation: 'Converse', latencyMs: 5_000 });
    const result = await validateModelAccess({ target: profile('static-dev'), region: TOKYO, models: [JP_SONNET], probe: true, timeoutMs: 300 });
    const report = result.reports[0]!;
    assert.equal(report.availability?.authorization, 'AUTHORIZED');
    assert.deepEqual(report.destinations, ['ap-northeast-1', 'ap-northeast-3']);
    assert.deepEqual(
      report.diagnoses.map((diagnosis) => `${diagnosis.code}/${diagnosis.operation}`),
      ['timeout/Converse'],
    );
    assert.equal(report.state, 'unverified', 'a probe that did not answer proves nothing either way');
  });

  it('finds an application profile\'s base model through its ARNs', async () => {
    const { catalog } = await loadCatalog({ target: profile('static-dev'), region: TOKYO });
    const arn = catalog!.applicationProfiles[0]!.arn;
    const result = await validateModelAccess({ target: profile('static-dev'), region: TOKYO, models: [arn], probe: true });
    const report = result.reports[0]!;
    assert.equal(report.state, 'accessible');
    assert.equal(report.baseModelId, BEDROCK_MODEL_IDS.sonnet45);
    assert.deepEqual(report.destinations, ['ap-northeast-1', 'ap-northeast-3']);
  });

  const natural: [string, string, string, DiagnosisCode][] = [
    ['a bare model ID without on-demand throughput', TOKYO, BEDROCK_MODEL_IDS.sonnet45, 'on-demand-not-supported'],
    ['a jp. profile outside Japan', 'us-east-1', JP_SONNET, 'invalid-identifier'],
    ['a profile the region does not list for this model', TOKYO, `jp.${BEDROCK_MODEL_IDS.opus45}`, 'invalid-identifier'],
    ['a model the region lacks', TOKYO, BEDROCK_MODEL_IDS.opus41, 'model-not-in-region'],
  ];
  for (const [what, region, modelId, code] of natural) {
    it(`diagnoses ${what} as ${code}`, async () => {
      const result = await validateModelAccess({ target: profile('static-dev'), region, models: [modelId], probe: true });
      const report = result.reports[0]!;
      assert.equal(report.state, 'not-accessible');
      assert.ok(
        report.diagnoses.some((diagnosis) => diagnosis.code === code),
        `${code} in ${report.diagnoses.map((diagnosis) => diagnosis.code).join(', ')}`,
      );
    });
  }

  it('diagnoses expired keys as a credentials problem before any Bedrock call', async () => {
    const result = await validateModelAccess({ target: profile('expired-keys'), region: TOKYO, models: [JP_SONNET], probe: true });
    // Static keys that expired surface only when a service rejects them.
    const diagnoses = result.credentials ? [result.credentials] : result.reports.flatMap((report) => report.diagnoses);
    assert.ok(diagnoses.some((diagnosis) => diagnosis.code === 'credentials' && diagnosis.identity?.reason === 'expired-keys'));
  });
});

/** One fake per failure scenario: the model, the expected code, and a word the English cause must contain. */
const failures: [ScenarioName, string, DiagnosisCode, RegExp][] = [
  ['bedrock-not-authorized', JP_HAIKU, 'model-access-not-granted', /access/i],
  ['bedrock-marketplace', JP_SONNET, 'marketplace-actions-missing', /Marketplace/],
  ['bedrock-use-case', JP_SONNET, 'use-case-form-missing', /use case/i],
  ['bedrock-legacy', `apac.${BEDROCK_MODEL_IDS.sonnet37}`, 'legacy-model', /legacy/i],
  ['bedrock-throttled', JP_SONNET, 'throttled', /throttl|too many/i],
  ['bedrock-scp-osaka', JP_SONNET, 'scp-denied-region', /ap-northeast-3|Osaka/],
];

for (const [scenario, modelId, code, cause] of failures) {
  describe(`failure scenario ${scenario}`, () => {
    useFakeAwsHome(scenario.replace('bedrock-', ''), scenario);

    it(`diagnoses ${code} from the probe, in English and Japanese`, async () => {
      const result = await validateModelAccess({ target: profile('static-dev'), region: TOKYO, models: [modelId], probe: true });
      const report = result.reports[0]!;
      assert.notEqual(report.state, 'accessible');
      const diagnosis = report.diagnoses.find((candidate) => candidate.code === code);
      assert.ok(diagnosis, `${code} in ${report.diagnoses.map((candidate) => candidate.code).join(', ')}`);
      const en = describeDiagnosis(diagnosis, 'en');
      const ja = describeDiagnosis(diagnosis, 'ja');
      assert.match(en.cause, cause);
      assert.match(ja.cause + ja.fix, /[\u3040-\u30ff\u4e00-\u9fff]/);
      assert.notEqual(en.fix, ja.fix);
      if (code === 'scp-denied-region') assert.equal(diagnosis.deniedRegion, 'ap-northeast-3');
    });
  });
}

describe('failure scenario bedrock-not-authorized without a probe', () => {
  useFakeAwsHome('not-authorized-control', 'bedrock-not-authorized');

  it('shows the model as not accessible from availability alone, with the console fix', async () => {
    const result = await validateModelAccess({ target: profile('static-dev'), region: TOKYO, models: [JP_HAIKU, JP_SONNET], probe: false });
    const [haiku, sonnet] = result.reports;
    assert.equal(haiku!.state, 'not-accessible');
    assert.equal(haiku!.availability?.authorization, 'NOT_AUTHORIZED');
    const text = describeDiagnosis(haiku!.diagnoses.find((diagnosis) => diagnosis.code === 'model-access-not-granted')!, 'en');
    assert.match(text.consoleUrl ?? '', /ap-northeast-1\.console\.aws\.amazon\.com\/bedrock/);
    assert.equal(sonnet!.state, 'unverified');
  });
});

describe('failure scenario bedrock-list-denied', () => {
  useFakeAwsHome('list-denied', 'bedrock-list-denied');

  it('falls back to the bundled table, marked unverified, and says which permission is missing', async () => {
    const result = await loadCatalog({ target: profile('static-dev'), region: TOKYO });
    assert.equal(result.catalog!.source, 'fallback');
    assert.match(result.catalog!.fallback!.asOf, /^\d{4}-\d{2}-\d{2}$/);
    assert.ok(result.catalog!.models.some((model) => model.offers.some((offer) => offer.scope === 'jp')));
    const denied = result.diagnoses.find((diagnosis) => diagnosis.code === 'list-profiles-denied')!;
    assert.equal(denied.severity, 'warning');
    assert.equal(denied.deniedAction, 'bedrock:ListInferenceProfiles');
    // Invocation still works: the fallback's IDs can be proven one by one.
    const validation = await validateModelAccess({ target: profile('static-dev'), region: TOKYO, models: [JP_SONNET], probe: true });
    assert.equal(validation.reports[0]!.state, 'accessible');
  });
});
