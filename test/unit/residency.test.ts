// Residency judged from GetInferenceProfile answers, and the proof an auditor gets (pure core).
import assert from 'node:assert/strict';
import type { InferenceProfileRecord } from '../../src/core/models/bedrockTypes';
import type { ResidencyCheck } from '../../src/core/policy/policyTypes';
import { invokedModelId, needsProfileLookup, outsideOf, residencyOf, residencyProof } from '../../src/core/residency/residency';
import { residencyProofText } from '../../src/core/residency/residencyText';

const TOKYO = 'ap-northeast-1';
const OSAKA = 'ap-northeast-3';
const JAPAN = [TOKYO, OSAKA];
const ACCOUNT = '111122223333';
const SONNET = 'anthropic.claude-sonnet-4-5-20250929-v1:0';
const JP_SONNET = `jp.${SONNET}`;
const GLOBAL_SONNET = `global.${SONNET}`;
const APP_ARN = `arn:aws:bedrock:${TOKYO}:${ACCOUNT}:application-inference-profile/a1b2c3d4e5f6`;
const AT = Date.parse('2026-03-10T01:02:03.004Z');

const modelArn = (region: string, model = SONNET) => `arn:aws:bedrock:${region}::foundation-model/${model}`;

function record(id: string, regions: readonly string[], type: InferenceProfileRecord['type'] = 'SYSTEM_DEFINED'): InferenceProfileRecord {
  return {
    id,
    arn: type === 'APPLICATION' ? APP_ARN : `arn:aws:bedrock:${TOKYO}:${ACCOUNT}:inference-profile/${id}`,
    name: id,
    type,
    status: 'ACTIVE',
    modelArns: regions.map((region) => modelArn(region)),
  };
}

const base = { key: 'env.ANTHROPIC_MODEL', region: TOKYO, allowedRegions: JAPAN, checkedAt: AT };

describe('residencyOf', () => {
  it('keeps a jp. profile inside Tokyo and Osaka, with its ARN', () => {
    const check = residencyOf({ ...base, modelId: JP_SONNET, record: record(JP_SONNET, [OSAKA, TOKYO]) });
    assert.equal(check.verdict, 'inside');
    assert.deepEqual(check.destinations, JAPAN, 'sorted');
    assert.deepEqual(check.outside, []);
    assert.equal(check.anyRegion, false);
    assert.equal(check.profileArn, `arn:aws:bedrock:${TOKYO}:${ACCOUNT}:inference-profile/${JP_SONNET}`);
    assert.equal(check.checkedAt, AT);
    assert.equal(check.key, 'env.ANTHROPIC_MODEL');
  });

  it('puts a global. profile outside with `*`, naming the replacement', () => {
    const check = residencyOf({ ...base, modelId: GLOBAL_SONNET, record: record(GLOBAL_SONNET, ['']), replacement: JP_SONNET });
    assert.equal(check.verdict, 'outside');
    assert.equal(check.anyRegion, true);
    assert.deepEqual(check.destinations, []);
    assert.deepEqual(check.outside, ['*']);
    assert.equal(check.replacement, JP_SONNET);
  });

  it('lists exactly the destinations abroad of an apac. profile, or of a jp. profile that gained one', () => {
    const apac = residencyOf({ ...base, modelId: `apac.${SONNET}`, record: record(`apac.${SONNET}`, [TOKYO, 'ap-northeast-2', OSAKA, 'ap-southeast-1']) });
    assert.equal(apac.verdict, 'outside');
    assert.deepEqual(apac.outside, ['ap-northeast-2', 'ap-southeast-1']);
    const grown = residencyOf({ ...base, modelId: JP_SONNET, record: record(JP_SONNET, [TOKYO, OSAKA, 'ap-southeast-1']) });
    assert.deepEqual(grown.outside, ['ap-southeast-1']);
  });

  it('runs a bare model ID in the configured Region without a record', () => {
    const bare = 'anthropic.claude-3-haiku-20240307-v1:0';
    assert.equal(needsProfileLookup(bare), false);
    const check = residencyOf({ ...base, modelId: bare });
    assert.equal(check.verdict, 'inside');
    assert.deepEqual(check.destinations, [TOKYO]);
    const elsewhere = residencyOf({ ...base, modelId: bare, region: 'us-east-1' });
    assert.equal(elsewhere.verdict, 'outside');
    assert.deepEqual(elsewhere.outside, ['us-east-1']);
  });

  it('takes a foundation-model ARN at its own Region', () => {
    const arn = modelArn('us-west-2', 'anthropic.claude-3-haiku-20240307-v1:0');
    assert.equal(needsProfileLookup(arn), false);
    assert.deepEqual(residencyOf({ ...base, modelId: arn }).outside, ['us-west-2']);
  });

  it('resolves an application profile by its model ARNs', () => {
    assert.equal(needsProfileLookup(APP_ARN), true);
    const check = residencyOf({ ...base, key: 'app', modelId: APP_ARN, record: record('a1b2c3d4e5f6', JAPAN, 'APPLICATION') });
    assert.equal(check.verdict, 'inside');
    assert.equal(check.profileArn, APP_ARN);
  });

  it('is unverified when the lookup failed, was not made, or listed no destinations', () => {
    const failed = residencyOf({ ...base, modelId: GLOBAL_SONNET, error: 'GetInferenceProfile failed (throttled)', replacement: JP_SONNET });
    assert.equal(failed.verdict, 'unverified');
    assert.equal(failed.error, 'GetInferenceProfile failed (throttled)');
    assert.deepEqual([failed.destinations, failed.outside], [[], []]);
    assert.equal(failed.replacement, JP_SONNET);
    assert.equal(residencyOf({ ...base, modelId: JP_SONNET }).verdict, 'unverified');
    const empty = residencyOf({ ...base, modelId: JP_SONNET, record: record(JP_SONNET, []) });
    assert.equal(empty.verdict, 'unverified');
    assert.ok(empty.profileArn);
    assert.equal(residencyOf({ ...base, modelId: '  ' }).verdict, 'unverified');
  });

  it('ignores a [1m] suffix for routing and keeps the configured ID', () => {
    assert.equal(invokedModelId(`${JP_SONNET}[1m]`), JP_SONNET);
    assert.equal(invokedModelId(`${JP_SONNET}[1M]`), JP_SONNET);
    assert.equal(needsProfileLookup(`${JP_SONNET}[1m]`), true);
    assert.equal(needsProfileLookup('anthropic.claude-3-haiku-20240307-v1:0[1m]'), false);
    const check = residencyOf({ ...base, modelId: `${JP_SONNET}[1m]`, record: record(JP_SONNET, JAPAN) });
    assert.equal(check.modelId, `${JP_SONNET}[1m]`);
    assert.equal(check.verdict, 'inside');
  });

  it('drops a replacement for a model that is inside, or one equal to the model', () => {
    assert.equal(residencyOf({ ...base, modelId: JP_SONNET, record: record(JP_SONNET, JAPAN), replacement: `jp.other` }).replacement, undefined);
    assert.equal(residencyOf({ ...base, modelId: GLOBAL_SONNET, record: record(GLOBAL_SONNET, ['']), replacement: GLOBAL_SONNET }).replacement, undefined);
  });

  it('outsideOf: `*` for any Region, else the destinations not allowed in their order', () => {
    assert.deepEqual(outsideOf({ destinations: [TOKYO], anyRegion: true }, JAPAN), ['*']);
    assert.deepEqual(outsideOf({ destinations: ['us-east-1', TOKYO, 'eu-west-1'], anyRegion: false }, JAPAN), ['us-east-1', 'eu-west-1']);
  });
});

describe('residencyProof', () => {
  const inside: ResidencyCheck = residencyOf({ ...base, modelId: JP_SONNET, record: record(JP_SONNET, JAPAN) });
  const outside: ResidencyCheck = residencyOf({ ...base, key: 'env.ANTHROPIC_DEFAULT_HAIKU_MODEL', modelId: GLOBAL_SONNET, record: record(GLOBAL_SONNET, ['']), replacement: JP_SONNET });
  const unverified: ResidencyCheck = residencyOf({ ...base, modelId: JP_SONNET, error: 'GetInferenceProfile failed (timeout)' });
  const origins = [{ source: 'machine' as const, path: '/etc/claude-bedrock/policy.json' }];
  const proofOf = (checks: ResidencyCheck[]) =>
    residencyProof({ region: TOKYO, profile: 'static-dev', account: ACCOUNT, allowedRegions: JAPAN, policySources: origins, checks, checkedAt: AT });

  it('is compliant only when every check is inside, and when there is at least one', () => {
    assert.equal(proofOf([inside]).compliant, true);
    assert.equal(proofOf([inside, outside]).compliant, false);
    assert.equal(proofOf([inside, unverified]).compliant, false);
    assert.equal(proofOf([]).compliant, false);
  });

  it('carries kind, version, the ISO time, account, profile, Region, policy and every check', () => {
    const proof = proofOf([inside, outside]);
    assert.equal(proof.kind, 'claude-bedrock-residency-proof');
    assert.equal(proof.version, 1);
    assert.equal(proof.checkedAt, '2026-03-10T01:02:03.004Z');
    assert.equal(proof.account, ACCOUNT);
    assert.equal(proof.profile, 'static-dev');
    assert.equal(proof.region, TOKYO);
    assert.deepEqual(proof.allowedRegions, JAPAN);
    assert.deepEqual(proof.policySources, origins);
    assert.deepEqual(proof.models, [inside, outside]);
    // JSON round trip: what is exported is what an auditor reads back.
    assert.deepEqual(JSON.parse(JSON.stringify(proof)), proof);
    const bare = residencyProof({ region: TOKYO, allowedRegions: JAPAN, policySources: [], checks: [inside], checkedAt: AT });
    assert.ok(!('account' in bare) && !('profile' in bare));
  });

  it('reads as plain text in English and Japanese', () => {
    const proof = proofOf([inside, outside, unverified]);
    const en = residencyProofText(proof, 'en');
    assert.match(en, /NOT COMPLIANT/);
    assert.match(en, /2026-03-10T01:02:03\.004Z/);
    assert.match(en, new RegExp(ACCOUNT));
    assert.match(en, /ap-northeast-1 \(Tokyo\), ap-northeast-3 \(Osaka\)/);
    assert.match(en, new RegExp(`env\\.ANTHROPIC_DEFAULT_HAIKU_MODEL = ${GLOBAL_SONNET.replace(/\./g, '\\.')}`));
    assert.match(en, new RegExp(`Use instead: ${JP_SONNET.replace(/\./g, '\\.')}`));
    assert.match(en, /any commercial Region/);
    assert.match(en, /GetInferenceProfile failed \(timeout\)/);
    assert.match(en, /machine policy: \/etc\/claude-bedrock\/policy\.json/);
    const ja = residencyProofText(proof, 'ja');
    assert.match(ja, /非準拠/);
    assert.match(ja, /ap-northeast-1 \(東京\)/);
    assert.match(ja, /未検証/);
    assert.match(residencyProofText(proofOf([inside]), 'en'), /^Result: COMPLIANT/m);
    assert.match(residencyProofText(proofOf([inside]), 'ja'), /^結果: 準拠/m);
    assert.match(residencyProofText(proofOf([]), 'en'), /no model is configured/);
  });
});
