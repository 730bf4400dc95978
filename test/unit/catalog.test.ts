import assert from 'node:assert/strict';
import type { FoundationModelRecord, InferenceProfileRecord, ModelCatalog } from '../../src/core/models/bedrockTypes';
import { baseModelIdOf, buildCatalog, fallbackCatalog, findOffer, japanPremium, scopeOf } from '../../src/core/models/catalog';
import { compareVersions, describeScope, FALLBACK_PROFILES, listPrices, MODEL_TABLE, modelFacts, parseClaudeModelId, priceFactorFor } from '../../src/core/models/modelTable';

const ACCOUNT = '111122223333';
const JP = ['ap-northeast-1', 'ap-northeast-3'];
const APAC = ['ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3', 'ap-south-1', 'ap-southeast-1', 'ap-southeast-2'];

const SONNET_4_5 = 'anthropic.claude-sonnet-4-5-20250929-v1:0';
const SONNET_4_6 = 'anthropic.claude-sonnet-4-6';
const OPUS_4_6 = 'anthropic.claude-opus-4-6-v1';
const HAIKU_4_5 = 'anthropic.claude-haiku-4-5-20251001-v1:0';
const SONNET_3_7 = 'anthropic.claude-3-7-sonnet-20250219-v1:0';
const HAIKU_3 = 'anthropic.claude-3-haiku-20240307-v1:0';
const FUTURE_OPUS = 'anthropic.claude-opus-4-9';

function systemProfile(region: string, id: string, destinations: readonly string[] | 'any', status = 'ACTIVE'): InferenceProfileRecord {
  const base = id.slice(id.indexOf('.') + 1);
  return {
    id,
    arn: `arn:aws:bedrock:${region}:${ACCOUNT}:inference-profile/${id}`,
    name: `profile ${id}`,
    type: 'SYSTEM_DEFINED',
    status,
    modelArns: destinations === 'any' ? [`arn:aws:bedrock:::foundation-model/${base}`] : destinations.map((destination) => `arn:aws:bedrock:${destination}::foundation-model/${base}`),
  };
}

function foundationModel(region: string, modelId: string, inferenceTypes: string[], lifecycle = 'ACTIVE'): FoundationModelRecord {
  return {
    modelId,
    modelArn: `arn:aws:bedrock:${region}::foundation-model/${modelId}`,
    modelName: modelId,
    providerName: modelId.startsWith('anthropic.') ? 'Anthropic' : 'Amazon',
    inferenceTypes,
    lifecycle,
  };
}

const APP_ARN = `arn:aws:bedrock:ap-northeast-1:${ACCOUNT}:application-inference-profile/team0sonnet`;

/** What a Tokyo account lists: three pages' worth, in the order AWS happened to return them. */
const TOKYO_PROFILES: InferenceProfileRecord[] = [
  systemProfile('ap-northeast-1', `apac.${SONNET_4_5}`, APAC),
  systemProfile('ap-northeast-1', `global.${SONNET_4_5}`, 'any'),
  systemProfile('ap-northeast-1', `jp.${SONNET_4_5}`, JP),
  systemProfile('ap-northeast-1', `global.${SONNET_4_6}`, 'any'),
  systemProfile('ap-northeast-1', `jp.${SONNET_4_6}`, JP),
  systemProfile('ap-northeast-1', `global.${OPUS_4_6}`, 'any'),
  systemProfile('ap-northeast-1', `jp.${OPUS_4_6}`, JP),
  systemProfile('ap-northeast-1', `global.${HAIKU_4_5}`, 'any'),
  systemProfile('ap-northeast-1', `apac.${HAIKU_4_5}`, APAC),
  systemProfile('ap-northeast-1', `apac.${SONNET_3_7}`, APAC),
  systemProfile('ap-northeast-1', `apac.${HAIKU_3}`, APAC),
  systemProfile('ap-northeast-1', `global.${FUTURE_OPUS}`, 'any'),
  systemProfile('ap-northeast-1', `jp.${FUTURE_OPUS}`, JP),
  systemProfile('ap-northeast-1', 'apac.amazon.nova-pro-v1:0', APAC),
  systemProfile('ap-northeast-1', 'global.cohere.embed-v4:0', 'any'),
  {
    id: 'team0sonnet',
    arn: APP_ARN,
    name: 'Team Sonnet (Japan)',
    type: 'APPLICATION',
    status: 'ACTIVE',
    modelArns: JP.map((region) => `arn:aws:bedrock:${region}::foundation-model/${SONNET_4_5}`),
  },
  {
    id: 'nova0app',
    arn: `arn:aws:bedrock:ap-northeast-1:${ACCOUNT}:application-inference-profile/nova0app`,
    name: 'Nova tracking',
    type: 'APPLICATION',
    status: 'ACTIVE',
    modelArns: ['arn:aws:bedrock:ap-northeast-1::foundation-model/amazon.nova-pro-v1:0'],
  },
];

const TOKYO_MODELS: FoundationModelRecord[] = [
  foundationModel('ap-northeast-1', SONNET_4_5, ['INFERENCE_PROFILE']),
  foundationModel('ap-northeast-1', HAIKU_3, ['ON_DEMAND', 'INFERENCE_PROFILE']),
  foundationModel('ap-northeast-1', SONNET_3_7, ['INFERENCE_PROFILE'], 'LEGACY'),
  foundationModel('ap-northeast-1', 'amazon.titan-text-express-v1', ['ON_DEMAND']),
];

function tokyo(profiles: readonly InferenceProfileRecord[] = TOKYO_PROFILES): ModelCatalog {
  return buildCatalog({ region: 'ap-northeast-1', profiles, foundationModels: TOKYO_MODELS });
}

function model(catalog: ModelCatalog, baseModelId: string) {
  const found = catalog.models.find((candidate) => candidate.baseModelId === baseModelId);
  assert.ok(found, `${baseModelId} should be in the catalog; got ${catalog.models.map((m) => m.baseModelId).join(', ')}`);
  return found;
}

const scopes = (catalog: ModelCatalog, baseModelId: string) => model(catalog, baseModelId).offers.map((offer) => offer.scope);

describe('model catalog', () => {
  it('does not depend on page order or on pages that overlap', () => {
    const reference = tokyo();
    const reversed = tokyo([...TOKYO_PROFILES].reverse());
    const half = Math.floor(TOKYO_PROFILES.length / 2);
    // A second page that repeats the last record of the first (a token race) changes nothing.
    const overlapping = tokyo([...TOKYO_PROFILES.slice(half), ...TOKYO_PROFILES.slice(0, half + 1)]);
    assert.deepEqual(reversed, reference);
    assert.deepEqual(overlapping, reference);
    assert.equal(reference.source, 'account');
    assert.equal(reference.fallback, undefined);
  });

  it('groups by family, newest version first, with names', () => {
    const catalog = tokyo();
    assert.deepEqual(
      catalog.models.map((entry) => [entry.family, entry.version, entry.name]),
      [
        ['opus', '4.9', 'Claude Opus 4.9'],
        ['opus', '4.6', 'Claude Opus 4.6'],
        ['sonnet', '4.6', 'Claude Sonnet 4.6'],
        ['sonnet', '4.5', 'Claude Sonnet 4.5'],
        ['sonnet', '3.7', 'Claude 3.7 Sonnet'],
        ['haiku', '4.5', 'Claude Haiku 4.5'],
        ['haiku', '3', 'Claude 3 Haiku'],
      ],
    );
  });

  it('orders offers global, jp, other geographic scopes, in-region last', () => {
    const catalog = tokyo();
    assert.deepEqual(scopes(catalog, SONNET_4_5), ['global', 'jp', 'apac']);
    assert.deepEqual(scopes(catalog, HAIKU_4_5), ['global', 'apac']);
    assert.deepEqual(scopes(catalog, HAIKU_3), ['apac', 'in-region']);
    const mixed = buildCatalog({
      region: 'ap-northeast-1',
      profiles: [systemProfile('ap-northeast-1', `zz.${SONNET_4_5}`, ['ap-northeast-1']), ...TOKYO_PROFILES],
    });
    assert.deepEqual(scopes(mixed, SONNET_4_5), ['global', 'jp', 'apac', 'zz']);
  });

  it('takes destinations from the model ARNs: both Japanese Regions for jp, any Region for global', () => {
    const offers = model(tokyo(), SONNET_4_5).offers;
    const jp = offers.find((offer) => offer.scope === 'jp')!;
    assert.deepEqual(jp.destinations, JP);
    assert.equal(jp.anyRegion, false);
    assert.equal(jp.modelId, `jp.${SONNET_4_5}`);
    assert.equal(jp.arn, `arn:aws:bedrock:ap-northeast-1:${ACCOUNT}:inference-profile/jp.${SONNET_4_5}`);
    const global = offers.find((offer) => offer.scope === 'global')!;
    assert.deepEqual(global.destinations, []);
    assert.equal(global.anyRegion, true);
    const apac = offers.find((offer) => offer.scope === 'apac')!;
    assert.deepEqual(apac.destinations, [...APAC].sort());
  });

  it('prices geographic scopes from the table: 1.1 from Sonnet 4.5 on, 1 before, unknown for new models', () => {
    const catalog = tokyo();
    const factor = (base: string, scope: string) => model(catalog, base).offers.find((offer) => offer.scope === scope)?.priceFactor;
    assert.equal(factor(SONNET_4_5, 'global'), 1);
    assert.equal(factor(SONNET_4_5, 'jp'), 1.1);
    assert.equal(factor(SONNET_4_5, 'apac'), 1.1);
    assert.equal(factor(SONNET_3_7, 'apac'), 1);
    assert.equal(factor(FUTURE_OPUS, 'global'), 1);
    assert.equal(factor(FUTURE_OPUS, 'jp'), undefined);
    assert.equal(japanPremium(catalog, SONNET_4_5), 1.1);
    assert.equal(japanPremium(catalog, HAIKU_4_5), undefined, 'no jp. profile');
    assert.equal(japanPremium(catalog, FUTURE_OPUS), undefined, 'not priced');
  });

  it('keeps only Anthropic Claude models and application profiles', () => {
    const catalog = tokyo();
    assert.ok(catalog.models.every((entry) => entry.baseModelId.startsWith('anthropic.claude')));
    assert.ok(catalog.models.every((entry) => entry.offers.every((offer) => !/nova|cohere|titan/.test(offer.modelId))));
    assert.deepEqual(catalog.applicationProfiles.map((entry) => entry.id), ['team0sonnet']);
  });

  it('describes application profiles and derives their base model from the model ARNs', () => {
    const [entry] = tokyo().applicationProfiles;
    assert.deepEqual(entry, {
      id: 'team0sonnet',
      arn: APP_ARN,
      name: 'Team Sonnet (Japan)',
      baseModelId: SONNET_4_5,
      destinations: JP,
      anyRegion: false,
      status: 'ACTIVE',
    });
  });

  it('takes on-demand support and lifecycle from the foundation models', () => {
    const catalog = tokyo();
    assert.equal(model(catalog, HAIKU_3).onDemand, true);
    const inRegion = model(catalog, HAIKU_3).offers.at(-1)!;
    assert.deepEqual(inRegion, {
      modelId: HAIKU_3,
      scope: 'in-region',
      arn: `arn:aws:bedrock:ap-northeast-1::foundation-model/${HAIKU_3}`,
      destinations: ['ap-northeast-1'],
      anyRegion: false,
      priceFactor: 1,
      status: 'ACTIVE',
    });
    assert.equal(model(catalog, SONNET_4_5).onDemand, false);
    assert.equal(model(catalog, SONNET_3_7).lifecycle, 'LEGACY');
    assert.equal(model(catalog, OPUS_4_6).lifecycle, undefined, 'not in the foundation-model listing');
    const withoutModels = buildCatalog({ region: 'ap-northeast-1', profiles: TOKYO_PROFILES });
    assert.ok(withoutModels.models.every((entry) => !entry.onDemand && entry.offers.every((offer) => offer.scope !== 'in-region')));
  });

  it('never derives a scope from the Region name: Seoul listing apac and global gets no jp', () => {
    const seoul = buildCatalog({
      region: 'ap-northeast-2',
      profiles: [
        systemProfile('ap-northeast-2', `apac.${SONNET_4_5}`, APAC),
        systemProfile('ap-northeast-2', `global.${SONNET_4_5}`, 'any'),
        systemProfile('ap-northeast-2', `apac.${HAIKU_4_5}`, APAC),
      ],
    });
    const all = new Set(seoul.models.flatMap((entry) => entry.offers.map((offer) => offer.scope)));
    assert.deepEqual([...all].sort(), ['apac', 'global']);
    assert.equal(japanPremium(seoul, SONNET_4_5), undefined);
    // Tokyo too gets jp only where the listing has it.
    const tokyoWithoutJp = buildCatalog({ region: 'ap-northeast-1', profiles: [systemProfile('ap-northeast-1', `apac.${HAIKU_4_5}`, APAC)] });
    assert.deepEqual(scopes(tokyoWithoutJp, HAIKU_4_5), ['apac']);
  });

  it('groups a model the table does not know by what its ID says', () => {
    const catalog = buildCatalog({
      region: 'us-east-1',
      profiles: [
        systemProfile('us-east-1', 'us.anthropic.claude-haiku-5-20270101-v1:0', ['us-east-1', 'us-west-2']),
        systemProfile('us-east-1', 'us.anthropic.claude-sonnet-5', ['us-east-1']),
        systemProfile('us-east-1', 'us.anthropic.claude-sonnet-4-5-20250929-v1:0', ['us-east-1']),
        systemProfile('us-east-1', 'us.anthropic.claude-mythos-1', ['us-east-1']),
      ],
    });
    assert.deepEqual(
      catalog.models.map((entry) => [entry.family, entry.version, entry.name]),
      [
        ['sonnet', '5', 'Claude Sonnet 5'],
        ['sonnet', '4.5', 'Claude Sonnet 4.5'],
        ['haiku', '5', 'Claude Haiku 5'],
        ['other', '1', 'Claude Mythos 1'],
      ],
    );
  });

  it('keeps an unknown prefix the listing reports as its own scope', () => {
    const catalog = buildCatalog({ region: 'ca-central-1', profiles: [systemProfile('ca-central-1', `ca.${SONNET_4_5}`, ['ca-central-1', 'ca-west-1'])] });
    assert.deepEqual(scopes(catalog, SONNET_4_5), ['ca']);
  });
});

describe('fallback catalog', () => {
  it('is marked fallback with the date and source of its table', () => {
    const catalog = fallbackCatalog('ap-northeast-1');
    assert.equal(catalog.source, 'fallback');
    assert.deepEqual(catalog.fallback, { asOf: FALLBACK_PROFILES.asOf, source: FALLBACK_PROFILES.source });
    assert.match(catalog.fallback!.asOf, /^\d{4}-\d{2}-\d{2}$/);
    assert.deepEqual(scopes(catalog, SONNET_4_5), ['global', 'jp', 'apac']);
    const jp = model(catalog, SONNET_4_5).offers.find((offer) => offer.scope === 'jp')!;
    assert.deepEqual(jp.destinations, JP);
    assert.equal(jp.arn, undefined, 'no ARN without the account');
    assert.ok(!scopes(catalog, HAIKU_4_5).includes('jp'), 'disputed: left to the account');
  });

  it('covers the Regions the setup needs and nothing it does not know', () => {
    assert.deepEqual(scopes(fallbackCatalog('ap-northeast-3'), SONNET_4_5), ['global', 'jp', 'apac']);
    for (const region of ['us-east-1', 'us-east-2', 'us-west-2']) assert.deepEqual(scopes(fallbackCatalog(region), SONNET_4_5), ['global', 'us']);
    for (const region of ['eu-central-1', 'eu-west-1', 'eu-north-1']) assert.deepEqual(scopes(fallbackCatalog(region), SONNET_4_5), ['global', 'eu']);
    const sydney = fallbackCatalog('ap-southeast-2');
    assert.deepEqual(scopes(sydney, SONNET_4_5), ['global', 'au']);
    assert.deepEqual(model(sydney, SONNET_4_5).offers[1]!.destinations, ['ap-southeast-2', 'ap-southeast-4']);
    const seoul = fallbackCatalog('ap-northeast-2');
    assert.ok(seoul.models.every((entry) => entry.offers.every((offer) => offer.scope !== 'jp')));
    const unknown = fallbackCatalog('xx-north-9');
    assert.equal(unknown.source, 'fallback');
    assert.deepEqual(unknown.models, []);
    assert.deepEqual(unknown.applicationProfiles, []);
  });
});

describe('finding an offer', () => {
  const catalog = tokyo();

  it('finds a profile by ID or ARN and reports a [1m] suffix separately', () => {
    const plain = findOffer(catalog, `jp.${SONNET_4_5}`)!;
    assert.equal(plain.offer.scope, 'jp');
    assert.equal(plain.baseModelId, SONNET_4_5);
    assert.equal(plain.model?.name, 'Claude Sonnet 4.5');
    assert.equal(plain.longContext, false);
    const long = findOffer(catalog, `global.${SONNET_4_5}[1m]`)!;
    assert.equal(long.offer.scope, 'global');
    assert.equal(long.longContext, true);
    assert.equal(long.invokedId, `global.${SONNET_4_5}`);
    const byArn = findOffer(catalog, `arn:aws:bedrock:ap-northeast-1:${ACCOUNT}:inference-profile/jp.${SONNET_4_5}`)!;
    assert.equal(byArn.offer.modelId, `jp.${SONNET_4_5}`);
  });

  it('finds a bare ID only where the Region serves it on demand', () => {
    assert.equal(findOffer(catalog, HAIKU_3)?.offer.scope, 'in-region');
    assert.equal(findOffer(catalog, `arn:aws:bedrock:ap-northeast-1::foundation-model/${HAIKU_3}`)?.offer.scope, 'in-region');
    assert.equal(findOffer(catalog, SONNET_4_5), undefined);
    assert.equal(findOffer(catalog, `us.${SONNET_4_5}`), undefined);
    assert.equal(findOffer(catalog, 'sonnet'), undefined);
  });

  it('finds an application profile by ARN or ID, with its model', () => {
    for (const id of [APP_ARN, 'team0sonnet', `${APP_ARN}[1m]`]) {
      const match = findOffer(catalog, id)!;
      assert.equal(match.offer.scope, 'application');
      assert.equal(match.offer.modelId, APP_ARN);
      assert.deepEqual(match.offer.destinations, JP);
      assert.equal(match.applicationProfile?.id, 'team0sonnet');
      assert.equal(match.baseModelId, SONNET_4_5);
      assert.equal(match.model?.baseModelId, SONNET_4_5);
    }
  });
});

describe('model IDs', () => {
  const cases: [string, string | undefined, string | undefined][] = [
    [`jp.${SONNET_4_5}`, 'jp', SONNET_4_5],
    [`global.${OPUS_4_6}[1m]`, 'global', OPUS_4_6],
    [`us-gov.${SONNET_3_7}`, 'us-gov', SONNET_3_7],
    [HAIKU_3, 'in-region', HAIKU_3],
    [`arn:aws:bedrock:us-east-1::foundation-model/${HAIKU_3}`, 'in-region', HAIKU_3],
    [`arn:aws:bedrock:::foundation-model/${SONNET_4_5}`, 'in-region', SONNET_4_5],
    [`arn:aws:bedrock:eu-west-1:${ACCOUNT}:inference-profile/eu.${SONNET_4_5}`, 'eu', SONNET_4_5],
    [APP_ARN, 'application', undefined],
    ['sonnet', undefined, undefined],
  ];
  for (const [id, scope, base] of cases) {
    it(`reads ${id} as scope ${scope}, base ${base}`, () => {
      assert.equal(scopeOf(id), scope);
      assert.equal(baseModelIdOf(id), base);
    });
  }
});

describe('model table', () => {
  it('carries a date and a source, and every row agrees with what its ID says', () => {
    assert.match(MODEL_TABLE.asOf, /^\d{4}-\d{2}-\d{2}$/);
    assert.ok(MODEL_TABLE.source.length > 20);
    for (const entry of MODEL_TABLE.models) {
      const parsed = parseClaudeModelId(entry.baseModelId);
      assert.deepEqual([parsed.family, parsed.version, parsed.name], [entry.family, entry.version, entry.name], entry.baseModelId);
    }
  });

  it('parses IDs it does not know', () => {
    const cases: [string, string, string, string][] = [
      ['anthropic.claude-opus-4-7', 'opus', '4.7', 'Claude Opus 4.7'],
      ['anthropic.claude-3-7-sonnet-20250219-v1:0', 'sonnet', '3.7', 'Claude 3.7 Sonnet'],
      ['anthropic.claude-3-5-sonnet-20241022-v2:0', 'sonnet', '3.5', 'Claude 3.5 Sonnet v2'],
      ['anthropic.claude-sonnet-4-10-20280101-v1:0', 'sonnet', '4.10', 'Claude Sonnet 4.10'],
      ['anthropic.claude-haiku-5', 'haiku', '5', 'Claude Haiku 5'],
      ['anthropic.claude-instant-v1', 'other', '', 'Claude Instant'],
      ['anthropic.claude-v2:1', 'other', '2.1', 'Claude 2.1'],
    ];
    for (const [id, family, version, name] of cases) assert.deepEqual(parseClaudeModelId(id), { family, version, name }, id);
    assert.equal(modelFacts('anthropic.claude-opus-4-7').prices, undefined);
  });

  it('orders versions numerically', () => {
    assert.ok(compareVersions('4.10', '4.9') > 0);
    assert.ok(compareVersions('4', '3.7') > 0);
    assert.ok(compareVersions('', '3') < 0);
    assert.equal(compareVersions('4.5', '4.5'), 0);
  });

  it('derives cache prices and the geographic premium', () => {
    assert.deepEqual(modelFacts(SONNET_4_5).prices, { input: 3, output: 15, cacheWrite: 3.75, cacheRead: 0.3 });
    assert.deepEqual(listPrices(SONNET_4_5, 'jp'), { input: 3.3, output: 16.5, cacheWrite: 4.125, cacheRead: 0.33 });
    assert.deepEqual(listPrices(HAIKU_4_5, 'global'), { input: 1, output: 5, cacheWrite: 1.25, cacheRead: 0.1 });
    assert.equal(priceFactorFor(SONNET_3_7, 'us'), 1);
    assert.equal(priceFactorFor(SONNET_4_5, 'application'), undefined);
    assert.equal(listPrices('anthropic.claude-opus-4-7', 'global'), undefined);
  });

  it('describes scopes in both languages, unknown prefixes as themselves', () => {
    assert.deepEqual(describeScope('jp', 'en'), { label: 'Japan', description: 'Japan (Tokyo, Osaka) — data stays in Japan' });
    assert.deepEqual(describeScope('jp', 'ja'), { label: '日本', description: '日本国内 (東京・大阪) — データは日本国内に留まります' });
    assert.match(describeScope('global', 'en').description, /any commercial AWS Region/i);
    for (const scope of ['global', 'apac', 'au', 'us', 'eu', 'us-gov', 'in-region', 'application']) {
      assert.ok(describeScope(scope, 'en').label !== '' && describeScope(scope, 'ja').label !== '', scope);
      assert.notEqual(describeScope(scope, 'en').description, describeScope(scope, 'ja').description, scope);
    }
    assert.equal(describeScope('xy', 'en').label, 'xy.');
    assert.match(describeScope('xy', 'ja').description, /xy\./);
    assert.equal(describeScope('constructor', 'en').label, 'constructor.');
  });
});
