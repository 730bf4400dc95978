// The residency check through the real Bedrock and STS SDK clients against the fake AWS: every
// configured ID resolved with GetInferenceProfile (bare IDs need no call), its destinations judged
// against Tokyo and Osaka, and a profile that gains a destination abroad caught.
import assert from 'node:assert/strict';
import { checkResidency, type ResidencyModel } from '../../src/aws/residency/residency';
import type { ResidencyCheck } from '../../src/core/policy/policyTypes';
import { residencyProof } from '../../src/core/residency/residency';
import { BASIC_ACCOUNT_ID, BASIC_APP_PROFILE, BASIC_CHAIN_ACCOUNT_ID } from '../fake-aws/scenarios/basic';
import { BEDROCK_GEO_DESTINATIONS, BEDROCK_MODEL_IDS, BEDROCK_PROFILE_IDS } from '../fake-aws/scenarios/bedrockCatalog';
import { RESIDENCY_ABROAD_PROFILE_ID, RESIDENCY_ABROAD_REGION, RESIDENCY_ABROAD_SOURCE_REGION } from '../fake-aws/scenarios/residencyScenarios';
import { useFakeAwsHome } from '../support/fakeAwsHome';

const TOKYO = 'ap-northeast-1';
const JAPAN = [...BEDROCK_GEO_DESTINATIONS.jp].sort();
const JP_SONNET = `jp.${BEDROCK_MODEL_IDS.sonnet45}`;
const JP_HAIKU = `jp.${BEDROCK_MODEL_IDS.haiku45}`;
const GLOBAL_SONNET = `global.${BEDROCK_MODEL_IDS.sonnet45}`;
const APAC_SONNET = `apac.${BEDROCK_MODEL_IDS.sonnet45}`;
const BARE_HAIKU3 = BEDROCK_MODEL_IDS.haiku3;
const profile = (name: string) => ({ type: 'profile' as const, profile: name });
const FIXED_NOW = Date.parse('2026-03-10T01:02:03.004Z');

function check(checks: readonly ResidencyCheck[], key: string): ResidencyCheck {
  const found = checks.find((candidate) => candidate.key === key);
  assert.ok(found, `a check for ${key}`);
  return found;
}

async function run(models: readonly ResidencyModel[], target = profile('static-dev'), extra: { timeoutMs?: number; account?: boolean } = {}) {
  const result = await checkResidency({ target, region: TOKYO, models, allowedRegions: JAPAN, now: () => FIXED_NOW, ...extra });
  assert.ok(result.ok, `credentials worked: ${JSON.stringify(result)}`);
  return result;
}

describe('residency check (fake AWS, real SDK)', () => {
  const context = useFakeAwsHome('residency');
  const lookups = () => context.fake.requests.filter((entry) => entry.operation === 'GetInferenceProfile');

  it('keeps jp. profiles, the application profile and a bare ID inside Japan; global. and apac. are outside', async () => {
    assert.ok(BEDROCK_PROFILE_IDS[TOKYO].includes(APAC_SONNET) && BEDROCK_PROFILE_IDS[TOKYO].includes(GLOBAL_SONNET));
    const result = await run([
      { key: 'env.ANTHROPIC_MODEL', modelId: JP_SONNET },
      { key: 'env.ANTHROPIC_DEFAULT_HAIKU_MODEL', modelId: JP_HAIKU },
      { key: 'env.ANTHROPIC_DEFAULT_SONNET_MODEL', modelId: GLOBAL_SONNET, replacement: JP_SONNET },
      { key: 'env.ANTHROPIC_DEFAULT_OPUS_MODEL', modelId: APAC_SONNET, replacement: JP_SONNET },
      { key: 'env.ANTHROPIC_SMALL_FAST_MODEL', modelId: BARE_HAIKU3 },
      { key: 'app', modelId: BASIC_APP_PROFILE.arn },
    ]);
    assert.equal(result.account, BASIC_ACCOUNT_ID);

    for (const key of ['env.ANTHROPIC_MODEL', 'env.ANTHROPIC_DEFAULT_HAIKU_MODEL']) {
      const jp = check(result.checks, key);
      assert.equal(jp.verdict, 'inside', key);
      assert.deepEqual(jp.destinations, JAPAN, 'exactly Tokyo and Osaka');
      assert.deepEqual(jp.outside, []);
      assert.equal(jp.anyRegion, false);
      assert.match(jp.profileArn ?? '', new RegExp(`^arn:aws:bedrock:${TOKYO}:${BASIC_ACCOUNT_ID}:inference-profile/jp\\.`));
      assert.equal(jp.checkedAt, FIXED_NOW);
    }

    const global = check(result.checks, 'env.ANTHROPIC_DEFAULT_SONNET_MODEL');
    assert.equal(global.verdict, 'outside');
    assert.equal(global.anyRegion, true);
    assert.deepEqual(global.outside, ['*']);
    assert.equal(global.replacement, JP_SONNET, 'the replacement is passed through');

    const apac = check(result.checks, 'env.ANTHROPIC_DEFAULT_OPUS_MODEL');
    assert.equal(apac.verdict, 'outside');
    assert.deepEqual(apac.destinations, [...BEDROCK_GEO_DESTINATIONS.apac].sort());
    const abroad = BEDROCK_GEO_DESTINATIONS.apac.filter((region) => !(BEDROCK_GEO_DESTINATIONS.jp as readonly string[]).includes(region)).sort();
    assert.deepEqual(apac.outside, abroad);
    assert.ok(abroad.length > 0 && !abroad.includes(TOKYO));
    assert.equal(apac.replacement, JP_SONNET);

    const bare = check(result.checks, 'env.ANTHROPIC_SMALL_FAST_MODEL');
    assert.equal(bare.verdict, 'inside');
    assert.deepEqual(bare.destinations, [TOKYO], 'a bare ID runs in AWS_REGION itself');
    assert.equal(bare.profileArn, undefined);

    const app = check(result.checks, 'app');
    assert.equal(app.verdict, 'inside');
    assert.equal(app.profileArn, BASIC_APP_PROFILE.arn);
    assert.deepEqual(app.destinations, JAPAN);

    assert.deepEqual(
      lookups().map((entry) => entry.resource).sort(),
      [JP_SONNET, JP_HAIKU, GLOBAL_SONNET, APAC_SONNET, BASIC_APP_PROFILE.arn].sort(),
      'one lookup per profile, none for the bare ID',
    );
    assert.ok(lookups().every((entry) => entry.status === 200 && entry.signingRegion === TOKYO));
    assert.ok(!context.fake.requests.some((entry) => entry.resource === BARE_HAIKU3));
    assert.ok(!context.fake.requests.some((entry) => entry.service === 'bedrock-runtime'), 'nothing is invoked');
    const sessions = context.fake.requests.filter((entry) => entry.operation === 'GetCallerIdentity');
    assert.equal(sessions.length, 1, 'STS asked once, for the account');

    const proof = residencyProof({ region: TOKYO, profile: 'static-dev', account: result.account, allowedRegions: JAPAN, policySources: [], checks: result.checks, checkedAt: FIXED_NOW });
    assert.equal(proof.compliant, false);
    assert.equal(proof.checkedAt, '2026-03-10T01:02:03.004Z');
  });

  it('looks up an ID with a [1m] suffix without it, once, and keeps the configured ID in the check', async () => {
    const result = await run([
      { key: 'env.ANTHROPIC_MODEL', modelId: `${JP_SONNET}[1m]` },
      { key: 'env.ANTHROPIC_DEFAULT_SONNET_MODEL', modelId: JP_SONNET },
    ]);
    assert.deepEqual(
      result.checks.map((entry) => [entry.modelId, entry.verdict]),
      [
        [`${JP_SONNET}[1m]`, 'inside'],
        [JP_SONNET, 'inside'],
      ],
    );
    assert.deepEqual(lookups().map((entry) => entry.resource), [JP_SONNET]);
    const proof = residencyProof({ region: TOKYO, allowedRegions: JAPAN, policySources: [], checks: result.checks, checkedAt: FIXED_NOW });
    assert.equal(proof.compliant, true);
  });

  it('says why the account could not be read, and asks no account when told not to (setup)', async () => {
    context.fake.inject({ service: 'sts', operation: 'GetCallerIdentity', fault: 'html-503' });
    const failed = await run([{ key: 'env.ANTHROPIC_MODEL', modelId: JP_SONNET }]);
    assert.equal(failed.account, undefined);
    assert.equal(failed.accountError?.code, 'service-error');
    assert.equal(failed.accountError?.httpStatus, 503);
    assert.equal(check(failed.checks, 'env.ANTHROPIC_MODEL').verdict, 'inside', 'where the model runs was read');
    context.fake.clearLog();
    const without = await run([{ key: 'env.ANTHROPIC_MODEL', modelId: JP_SONNET }], profile('static-dev'), { account: false });
    assert.equal(without.accountError, undefined);
    assert.deepEqual(context.fake.requests.map((entry) => entry.operation), ['GetInferenceProfile']);
  });

  it('names the account of the credentials that made the lookups (role chain into another account)', async () => {
    const result = await run([{ key: 'env.ANTHROPIC_MODEL', modelId: JP_SONNET }], profile('chain-invoker'));
    assert.equal(result.account, BASIC_CHAIN_ACCOUNT_ID);
    assert.equal(check(result.checks, 'env.ANTHROPIC_MODEL').verdict, 'inside');
  });

  it('marks a model unverified when its lookup fails, and keeps the others', async () => {
    context.fake.inject({ service: 'bedrock', operation: 'GetInferenceProfile', error: { status: 500, code: 'InternalServerException', message: 'Fake internal failure.' }, times: 1 });
    const result = await run([
      { key: 'env.ANTHROPIC_MODEL', modelId: GLOBAL_SONNET, replacement: JP_SONNET },
      { key: 'env.ANTHROPIC_SMALL_FAST_MODEL', modelId: BARE_HAIKU3 },
    ]);
    const failed = check(result.checks, 'env.ANTHROPIC_MODEL');
    assert.equal(failed.verdict, 'unverified');
    assert.deepEqual(failed.destinations, []);
    assert.deepEqual(failed.outside, []);
    // In words, by its status and the AWS message; never the diagnosis code.
    assert.match(failed.error ?? '', /^GetInferenceProfile in ap-northeast-1 was answered with HTTP 500 \(internal server error\) \(InternalServerException\).*Fake internal failure/);
    assert.doesNotMatch(failed.error ?? '', /service-error/);
    assert.equal(failed.replacement, JP_SONNET);
    assert.equal(check(result.checks, 'env.ANTHROPIC_SMALL_FAST_MODEL').verdict, 'inside');
  });

  it('marks a lookup that does not answer in time unverified (timeout)', async () => {
    context.fake.inject({ service: 'bedrock', operation: 'GetInferenceProfile', latencyMs: 3_000 });
    const result = await run([{ key: 'env.ANTHROPIC_MODEL', modelId: JP_SONNET }], profile('static-dev'), { timeoutMs: 300 });
    const timedOut = check(result.checks, 'env.ANTHROPIC_MODEL');
    assert.equal(timedOut.verdict, 'unverified');
    assert.match(timedOut.error ?? '', /did not finish in time/);
  });

  it('marks a profile the Region does not know unverified, not inside', async () => {
    const result = await run([{ key: 'env.ANTHROPIC_MODEL', modelId: `jp.${BEDROCK_MODEL_IDS.opus45}` }]);
    const unknown = check(result.checks, 'env.ANTHROPIC_MODEL');
    assert.equal(unknown.verdict, 'unverified');
    assert.match(unknown.error ?? '', /The region ap-northeast-1 does not offer jp\.anthropic\.claude-opus-4-5/);
  });

  it('reports expired static keys as a credentials problem (Bedrock rejects them)', async () => {
    const result = await checkResidency({ target: profile('expired-keys'), region: TOKYO, models: [{ key: 'env.ANTHROPIC_MODEL', modelId: JP_SONNET }], allowedRegions: JAPAN });
    assert.equal(result.ok, false);
    assert.ok(!result.ok);
    assert.equal(result.credentials.code, 'credentials');
    assert.equal(result.credentials.identity?.reason, 'expired-keys');
  });

  it('reports expired keys even when only a bare ID is configured (STS rejects them)', async () => {
    const result = await checkResidency({ target: profile('expired-keys'), region: TOKYO, models: [{ key: 'env.ANTHROPIC_MODEL', modelId: BARE_HAIKU3 }], allowedRegions: JAPAN });
    assert.ok(!result.ok);
    assert.equal(result.credentials.code, 'credentials');
    assert.equal(lookups().length, 0);
  });

  it('reports an expired SSO session before any call', async () => {
    const result = await checkResidency({ target: profile('sso-expired'), region: TOKYO, models: [{ key: 'env.ANTHROPIC_MODEL', modelId: JP_SONNET }], allowedRegions: JAPAN });
    assert.ok(!result.ok);
    assert.equal(result.credentials.code, 'credentials');
    assert.equal(lookups().length, 0);
  });
});

describe('residency check in scenario residency-abroad (a jp. profile gained a destination abroad)', () => {
  const context = useFakeAwsHome('residency-abroad', 'residency-abroad');

  it('catches exactly the added Region for jp. Sonnet, while jp. Haiku stays inside', async () => {
    assert.equal(RESIDENCY_ABROAD_SOURCE_REGION, TOKYO);
    assert.equal(RESIDENCY_ABROAD_PROFILE_ID, JP_SONNET);
    const result = await run([
      { key: 'env.ANTHROPIC_MODEL', modelId: JP_SONNET },
      { key: 'env.ANTHROPIC_DEFAULT_HAIKU_MODEL', modelId: JP_HAIKU },
    ]);
    const sonnet = check(result.checks, 'env.ANTHROPIC_MODEL');
    assert.equal(sonnet.verdict, 'outside');
    assert.deepEqual(sonnet.outside, [RESIDENCY_ABROAD_REGION]);
    assert.deepEqual(sonnet.destinations, [...JAPAN, RESIDENCY_ABROAD_REGION].sort());
    const haiku = check(result.checks, 'env.ANTHROPIC_DEFAULT_HAIKU_MODEL');
    assert.equal(haiku.verdict, 'inside');
    assert.deepEqual(haiku.destinations, JAPAN);

    const proof = residencyProof({ region: TOKYO, account: result.account, allowedRegions: JAPAN, policySources: [], checks: result.checks, checkedAt: FIXED_NOW });
    assert.equal(proof.compliant, false);
    assert.equal(context.fake.requests.filter((entry) => entry.operation === 'GetInferenceProfile').length, 2);
  });

  it('leaves the application profile (its own model ARNs) inside', async () => {
    const result = await run([{ key: 'app', modelId: BASIC_APP_PROFILE.arn }]);
    assert.equal(check(result.checks, 'app').verdict, 'inside');
  });
});
