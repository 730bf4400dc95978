// The organisation policy in the setup wizard, without a UI: which offers of each step are allowed
// and why the others are not, compliant defaults, the pins and token limit the options step sets,
// managed locks, and the writer's check (application profiles settled by the account's listing).
import assert from 'node:assert/strict';
import type { InferenceProfileRecord } from '../../src/core/models/bedrockTypes';
import { buildCatalog, fallbackCatalog } from '../../src/core/models/catalog';
import { mergePolicies } from '../../src/core/policy/policyMerge';
import { lockVerdict } from '../../src/core/policy/policyVerdicts';
import type { EffectivePolicy } from '../../src/core/policy/policyTypes';
import type { SetupChoices } from '../../src/core/setup/settingsTypes';
import { planSetup, type SettingsFiles } from '../../src/core/setup/settingsPlan';
import {
  backgroundChoiceVerdict,
  compliantDefault,
  modelChoiceVerdict,
  partitionOffers,
  pinOffer,
  planPolicyCheck,
  policyCheck,
  profileChoiceVerdict,
  regionChoiceVerdict,
  scopeChoiceVerdict,
  targetChoiceVerdict,
  tokenRule,
  tokensViolation,
} from '../../src/vscode/wizard/policyOffers';
import { modelsInScope, scopeSummaries } from '../../src/vscode/wizard/stepOffers';

const ACCOUNT = '111122223333';
const JP = ['ap-northeast-1', 'ap-northeast-3'];
const APAC = ['ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3', 'ap-southeast-1'];
const SONNET_4_5 = 'anthropic.claude-sonnet-4-5-20250929-v1:0';
const HAIKU_4_5 = 'anthropic.claude-haiku-4-5-20251001-v1:0';
const OPUS_4_6 = 'anthropic.claude-opus-4-6-v1';
const APP_ARN = `arn:aws:bedrock:ap-northeast-1:${ACCOUNT}:application-inference-profile/team0sonnet`;
const TEAM_PATH = '/w/.claude/bedrock-policy.json';

function profile(id: string, destinations: readonly string[] | 'any'): InferenceProfileRecord {
  const base = id.slice(id.indexOf('.') + 1);
  return {
    id,
    arn: `arn:aws:bedrock:ap-northeast-1:${ACCOUNT}:inference-profile/${id}`,
    name: id,
    type: 'SYSTEM_DEFINED',
    status: 'ACTIVE',
    modelArns: destinations === 'any' ? [`arn:aws:bedrock:::foundation-model/${base}`] : destinations.map((region) => `arn:aws:bedrock:${region}::foundation-model/${base}`),
  };
}

function application(destinations: readonly string[]): InferenceProfileRecord {
  return {
    id: 'team0sonnet',
    arn: APP_ARN,
    name: 'team-sonnet',
    type: 'APPLICATION',
    status: 'ACTIVE',
    modelArns: destinations.map((region) => `arn:aws:bedrock:${region}::foundation-model/${SONNET_4_5}`),
  };
}

function tokyo(app: InferenceProfileRecord = application(JP)) {
  return buildCatalog({
    region: 'ap-northeast-1',
    profiles: [
      profile(`global.${SONNET_4_5}`, 'any'),
      profile(`jp.${SONNET_4_5}`, JP),
      profile(`apac.${SONNET_4_5}`, APAC),
      profile(`global.${HAIKU_4_5}`, 'any'),
      profile(`jp.${HAIKU_4_5}`, JP),
      profile(`apac.${HAIKU_4_5}`, APAC),
      profile(`global.${OPUS_4_6}`, 'any'),
      profile(`jp.${OPUS_4_6}`, JP),
      app,
    ],
  });
}

function policy(rules: Record<string, unknown>, managed?: Record<string, unknown>): EffectivePolicy {
  return mergePolicies(
    [{ source: 'team', path: TEAM_PATH, text: JSON.stringify({ version: 1, ...rules }) }],
    managed === undefined ? [] : [{ path: '/etc/claude-code/managed-settings.json', text: JSON.stringify(managed) }],
  );
}

/** The Japan-only team policy of the e2e scenario. */
const JAPAN_ONLY = {
  allowedRegions: ['ap-northeast-1', 'ap-northeast-3'],
  allowedScopes: ['jp'],
  dataResidency: 'japan',
  requiredModelPins: ['opus', 'haiku'],
  credentials: { forbidStaticKeys: true },
};

const NO_POLICY = policy({});

const japanChoices: SetupChoices = {
  profile: 'sso-dev',
  ssoProfile: true,
  region: 'ap-northeast-1',
  primaryModel: `jp.${SONNET_4_5}`,
  backgroundModel: `jp.${HAIKU_4_5}`,
  sonnetModel: `jp.${SONNET_4_5}`,
  opusModel: `jp.${OPUS_4_6}`,
  scope: 'project',
};

describe('setup wizard: the organisation policy', () => {
  it('splits offers into allowed and not allowed, in order, and keeps the default compliant', () => {
    const japan = policy(JAPAN_ONLY);
    const split = partitionOffers(['us-east-1', 'ap-northeast-1', 'eu-central-1', 'ap-northeast-3'], (region) => regionChoiceVerdict(japan, region));
    assert.deepEqual(split.allowed, ['ap-northeast-1', 'ap-northeast-3']);
    assert.deepEqual(
      split.blocked.map(({ offer, violation }) => [offer, violation.code, violation.origins[0]?.path]),
      [
        ['us-east-1', 'region-not-allowed', TEAM_PATH],
        ['eu-central-1', 'region-not-allowed', TEAM_PATH],
      ],
    );
    assert.equal(compliantDefault(split.allowed, (region) => region === 'us-east-1'), 'ap-northeast-1', 'a forbidden preference falls back to the first allowed');
    assert.equal(compliantDefault(split.allowed, (region) => region === 'ap-northeast-3'), 'ap-northeast-3');
    assert.equal(compliantDefault([], undefined), undefined);
    assert.equal(partitionOffers(['us-east-1'], (region) => regionChoiceVerdict(NO_POLICY, region)).blocked.length, 0, 'without a policy everything is offered');
  });

  it('refuses profiles with static keys, or without SSO when SSO is required, naming the profile', () => {
    const japan = policy(JAPAN_ONLY);
    const staticKeys = profileChoiceVerdict(japan, { name: 'static-dev', kind: 'static' });
    assert.ok(!staticKeys.allowed);
    assert.equal(staticKeys.violation.code, 'static-keys-forbidden');
    assert.equal(staticKeys.violation.value, 'static-dev');
    assert.equal(staticKeys.violation.key, 'env.AWS_PROFILE');
    assert.ok(profileChoiceVerdict(japan, { name: 'sso-dev', kind: 'sso' }).allowed);
    assert.ok(profileChoiceVerdict(japan, { name: 'role-dev', kind: 'assume-role' }).allowed);
    const sso = policy({ credentials: { requireSso: true } });
    const role = profileChoiceVerdict(sso, { name: 'role-dev', kind: 'assume-role' });
    assert.ok(!role.allowed && role.violation.code === 'sso-required');
    assert.ok(profileChoiceVerdict(sso, { name: 'sso-legacy', kind: 'sso-legacy' }).allowed);
  });

  it('offers only the jp scope under a Japan-only policy, with the reason for each other scope', () => {
    const japan = policy(JAPAN_ONLY);
    const split = partitionOffers(scopeSummaries(tokyo()), (summary) => scopeChoiceVerdict(japan, summary.scope, summary));
    assert.deepEqual(
      split.allowed.map((summary) => summary.scope),
      ['jp'],
    );
    assert.deepEqual(
      split.blocked.map(({ offer, violation }) => [offer.scope, violation.code]),
      [
        ['global', 'scope-not-allowed'],
        ['apac', 'scope-not-allowed'],
        ['application', 'scope-not-allowed'],
      ],
    );
    // Residency alone: the listed routes decide (apac leaves Japan, jp stays).
    const residency = policy({ dataResidency: 'japan' });
    const byResidency = partitionOffers(scopeSummaries(tokyo()), (summary) => scopeChoiceVerdict(residency, summary.scope, summary));
    assert.deepEqual(
      byResidency.allowed.map((summary) => summary.scope),
      ['jp', 'application'],
    );
    assert.deepEqual(
      byResidency.blocked.map(({ offer, violation }) => [offer.scope, violation.code]),
      [
        ['global', 'residency-outside'],
        ['apac', 'residency-outside'],
      ],
    );
  });

  it('judges models in their role, bare IDs by the Region, application profiles by their listed routes', () => {
    const japan = policy(JAPAN_ONLY);
    const catalog = tokyo();
    for (const entry of modelsInScope(catalog, 'jp')) assert.ok(modelChoiceVerdict(japan, entry.offer.modelId, 'primary', { region: 'ap-northeast-1', routes: entry.offer }).allowed, entry.offer.modelId);
    const global = modelChoiceVerdict(japan, `global.${SONNET_4_5}`, 'primary', { region: 'ap-northeast-1' });
    assert.ok(!global.allowed && global.violation.code === 'scope-not-allowed');
    assert.ok(modelChoiceVerdict(japan, `jp.${SONNET_4_5}[1m]`, 'primary', {}).allowed);

    const residency = policy({ dataResidency: 'japan' });
    const [app] = modelsInScope(catalog, 'application');
    assert.ok(modelChoiceVerdict(residency, APP_ARN, 'primary', { routes: app!.offer }).allowed, 'listed inside Japan');
    const unlisted = modelChoiceVerdict(residency, APP_ARN, 'primary', {});
    assert.ok(!unlisted.allowed && unlisted.violation.code === 'residency-unverified', 'without routes it stays unverified');
    const abroad = modelChoiceVerdict(residency, APP_ARN, 'primary', { routes: { destinations: ['ap-northeast-1', 'us-east-1'], anyRegion: false } });
    assert.ok(!abroad.allowed && abroad.violation.code === 'residency-outside');
    const bare = modelChoiceVerdict(residency, SONNET_4_5, 'primary', { region: 'us-east-1' });
    assert.ok(!bare.allowed && bare.violation.code === 'residency-outside', 'a bare ID runs in the Region');
    assert.ok(modelChoiceVerdict(residency, SONNET_4_5, 'primary', { region: 'ap-northeast-3' }).allowed);

    const listed = policy({ allowedModels: ['anthropic.claude-sonnet-*'], allowedBackgroundModels: [HAIKU_4_5] });
    assert.ok(modelChoiceVerdict(listed, `jp.${SONNET_4_5}`, 'primary', {}).allowed);
    const opus = modelChoiceVerdict(listed, `jp.${OPUS_4_6}`, 'primary', {});
    assert.ok(!opus.allowed && opus.violation.code === 'model-not-allowed');
    const sonnetInBackground = modelChoiceVerdict(listed, `jp.${SONNET_4_5}`, 'background', {});
    assert.ok(!sonnetInBackground.allowed && sonnetInBackground.violation.code === 'background-model-not-allowed');
  });

  it('judges the background choices: "same" as the primary\'s ID, "none" refused when a pin or residency is required', () => {
    const catalog = tokyo();
    const context = { primary: `jp.${SONNET_4_5}[1m]`, region: 'ap-northeast-1', catalog };
    const japan = policy(JAPAN_ONLY);
    const none = backgroundChoiceVerdict(japan, { kind: 'none' }, context);
    assert.ok(!none.allowed && none.violation.code === 'pin-required' && none.violation.rule === 'requiredModelPins');
    assert.ok(backgroundChoiceVerdict(japan, { kind: 'same' }, context).allowed);
    assert.ok(backgroundChoiceVerdict(japan, { kind: 'model', modelId: `jp.${HAIKU_4_5}` }, context).allowed);
    const apac = backgroundChoiceVerdict(japan, { kind: 'model', modelId: `apac.${HAIKU_4_5}` }, context);
    assert.ok(!apac.allowed && apac.violation.code === 'scope-not-allowed');
    const residencyNone = backgroundChoiceVerdict(policy({ dataResidency: 'japan' }), { kind: 'none' }, context);
    assert.ok(!residencyNone.allowed && residencyNone.violation.rule === 'dataResidency');
    assert.ok(backgroundChoiceVerdict(NO_POLICY, { kind: 'none' }, context).allowed);
    const onlyHaiku = policy({ allowedBackgroundModels: [HAIKU_4_5] });
    const same = backgroundChoiceVerdict(onlyHaiku, { kind: 'same' }, context);
    assert.ok(!same.allowed && same.violation.code === 'background-model-not-allowed' && same.violation.value === `jp.${SONNET_4_5}`, 'judged without [1m], in the background role');
  });

  it('forbids the user file only when the policy says so', () => {
    assert.ok(targetChoiceVerdict(NO_POLICY, 'user').allowed);
    const noUser = policy({ allowUserScope: false });
    const user = targetChoiceVerdict(noUser, 'user');
    assert.ok(!user.allowed && user.violation.code === 'user-scope-forbidden');
    assert.ok(targetChoiceVerdict(noUser, 'project').allowed);
    assert.ok(targetChoiceVerdict(noUser, 'local').allowed);
  });

  it('pins aliases to compliant IDs, required ones marked, even when the chosen scope is not allowed', () => {
    const catalog = tokyo();
    const japan = policy(JAPAN_ONLY);
    assert.deepEqual(pinOffer(japan, 'opus', { catalog, scope: 'jp', primary: `jp.${SONNET_4_5}`, region: 'ap-northeast-1' }), { family: 'opus', modelId: `jp.${OPUS_4_6}`, required: true });
    assert.deepEqual(pinOffer(japan, 'sonnet', { catalog, scope: 'jp', primary: `jp.${SONNET_4_5}`, region: 'ap-northeast-1' }), { family: 'sonnet', modelId: `jp.${SONNET_4_5}`, required: false });
    // The usual pin (global.) is not allowed: the same model in jp instead.
    assert.equal(pinOffer(japan, 'opus', { catalog, scope: 'global', primary: `global.${SONNET_4_5}`, region: 'ap-northeast-1' }).modelId, `jp.${OPUS_4_6}`);
    assert.deepEqual(pinOffer(NO_POLICY, 'opus', { catalog, scope: 'global', primary: `global.${SONNET_4_5}` }), { family: 'opus', modelId: `global.${OPUS_4_6}`, required: false });
    // Nothing compliant: no ID is offered (the preview then reports the missing pin).
    const noOpus = policy({ allowedModels: ['anthropic.claude-sonnet-*'], requiredModelPins: ['opus'] });
    assert.deepEqual(pinOffer(noOpus, 'opus', { catalog, scope: 'jp', primary: `jp.${SONNET_4_5}` }), { family: 'opus', required: true });
  });

  it('requires the token limit when the policy caps it, and refuses more', () => {
    assert.deepEqual(tokenRule(NO_POLICY), {});
    const capped = policy({ maxOutputTokens: 16000 });
    assert.deepEqual(tokenRule(capped), { limit: 16000 });
    assert.equal(tokensViolation(capped, 16000), undefined);
    assert.equal(tokensViolation(capped, 16001)?.code, 'max-output-tokens-too-high');
    assert.equal(tokensViolation(capped, 16001)?.limit, 16000);
    assert.equal(tokensViolation(NO_POLICY, 128000), undefined);
  });

  it('offers only what managed settings lock, and pins to the locked value', () => {
    const locked = policy({}, { env: { ANTHROPIC_MODEL: `jp.${SONNET_4_5}`, ANTHROPIC_DEFAULT_OPUS_MODEL: `jp.${OPUS_4_6}`, AWS_REGION: 'ap-northeast-3', CLAUDE_CODE_MAX_OUTPUT_TOKENS: '8000' } });
    assert.ok(lockVerdict(locked, 'env.ANTHROPIC_MODEL', `jp.${SONNET_4_5}`).allowed);
    const other = modelChoiceVerdict(locked, `jp.${OPUS_4_6}`, 'primary', { lockKey: 'env.ANTHROPIC_MODEL' });
    assert.ok(!other.allowed && other.violation.code === 'managed-lock' && other.violation.fix?.value === `jp.${SONNET_4_5}`);
    const region = regionChoiceVerdict(locked, 'ap-northeast-1');
    assert.ok(!region.allowed && region.violation.code === 'managed-lock');
    assert.ok(regionChoiceVerdict(locked, 'ap-northeast-3').allowed);
    const pin = pinOffer(locked, 'opus', { catalog: tokyo(), scope: 'global' });
    assert.equal(pin.modelId, `jp.${OPUS_4_6}`);
    assert.ok(pin.locked);
    assert.equal(tokenRule(locked).locked?.value, '8000');
    // A locked Haiku pin: leaving it to Claude Code means the locked value, so "none" is fine.
    const haiku = policy({ dataResidency: 'japan' }, { env: { ANTHROPIC_DEFAULT_HAIKU_MODEL: `jp.${HAIKU_4_5}` } });
    assert.ok(backgroundChoiceVerdict(haiku, { kind: 'none' }, {}).allowed);
    const scope = scopeChoiceVerdict(policy({}, { env: { ANTHROPIC_BEDROCK_REGION_PREFIX: 'jp' } }), 'global');
    assert.ok(!scope.allowed && scope.violation.code === 'managed-lock');
  });

  it('lets the writer go ahead only with compliant choices', () => {
    const japan = policy(JAPAN_ONLY);
    assert.deepEqual(policyCheck(japanChoices, japan, { profileKind: 'sso', catalog: tokyo() }), { violations: [], listed: [] });
    const global = policyCheck({ ...japanChoices, primaryModel: `global.${SONNET_4_5}`, opusModel: undefined }, japan, { profileKind: 'sso' });
    assert.deepEqual(
      global.violations.map((violation) => [violation.code, violation.key]),
      [
        ['scope-not-allowed', 'env.ANTHROPIC_MODEL'],
        ['residency-outside', 'env.ANTHROPIC_MODEL'],
        ['pin-required', 'env.ANTHROPIC_DEFAULT_OPUS_MODEL'],
      ],
    );
    const staticKeys = policyCheck(japanChoices, japan, { profileKind: 'static' });
    assert.deepEqual(
      staticKeys.violations.map((violation) => violation.code),
      ['static-keys-forbidden'],
    );
  });

  it('settles an application profile\'s residency by the account\'s listing, and only by it', () => {
    const residency = policy({ dataResidency: 'japan' });
    const choices: SetupChoices = { ...japanChoices, primaryModel: APP_ARN };
    const inside = policyCheck(choices, residency, { catalog: tokyo() });
    assert.deepEqual(inside, { violations: [], listed: [{ key: 'env.ANTHROPIC_MODEL', modelId: APP_ARN, destinations: JP }] });
    const abroad = policyCheck(choices, residency, { catalog: tokyo(application(['ap-northeast-1', 'us-west-2'])) });
    assert.deepEqual(
      abroad.violations.map((violation) => [violation.code, violation.key, violation.outside]),
      [['residency-outside', 'env.ANTHROPIC_MODEL', ['us-west-2']]],
    );
    // No listing (or only the bundled table): unverified, and the write is refused.
    for (const catalog of [undefined, fallbackCatalog('ap-northeast-1')]) {
      const unknown = policyCheck(choices, residency, catalog === undefined ? {} : { catalog });
      assert.deepEqual(
        unknown.violations.map((violation) => violation.code),
        ['residency-unverified'],
      );
      assert.deepEqual(unknown.listed, []);
    }
  });

  it('judges the files the write leaves, as setup does: a kept global. pin is rewritten in the plan, an application profile in a kept file is settled by the listing', () => {
    const japan = policy(JAPAN_ONLY);
    const files = (project: Record<string, unknown>): SettingsFiles => ({
      project: { source: 'project', path: '/w/.claude/settings.json', text: JSON.stringify(project, null, 2) + '\n' },
      local: { source: 'local', path: '/w/.claude/settings.local.json' },
      user: { source: 'user', path: '/home/u/.claude/settings.json' },
      managed: [],
    });
    const choices: SetupChoices = { ...japanChoices, sonnetModel: undefined };
    const kept = files({ env: { ANTHROPIC_DEFAULT_SONNET_MODEL: `global.${SONNET_4_5}` } });
    assert.deepEqual(policyCheck(choices, japan, { profileKind: 'sso' }).violations, [], 'the choices alone pass');
    const judged = planPolicyCheck(choices, kept, planSetup(choices, kept, { localIgnored: true }), japan, { profileKind: 'sso', catalog: tokyo() });
    assert.deepEqual(judged.violations, []);
    assert.deepEqual(judged.rewrites.map((rewrite) => [rewrite.key, rewrite.before, rewrite.after]), [['env.ANTHROPIC_DEFAULT_SONNET_MODEL', `global.${SONNET_4_5}`, `jp.${SONNET_4_5}`]]);
    assert.ok(judged.plan.ok && JSON.parse(judged.plan.files[0]!.after).env.ANTHROPIC_DEFAULT_SONNET_MODEL === `jp.${SONNET_4_5}`, 'the preview diff shows the rewrite');

    const residency = policy({ dataResidency: 'japan' });
    const withApp = files({ env: { ANTHROPIC_DEFAULT_SONNET_MODEL: APP_ARN } });
    const plan = planSetup(choices, withApp, { localIgnored: true });
    const inside = planPolicyCheck(choices, withApp, plan, residency, { catalog: tokyo() });
    assert.deepEqual([inside.violations, inside.listed], [[], [{ key: 'env.ANTHROPIC_DEFAULT_SONNET_MODEL', modelId: APP_ARN, destinations: JP }]]);
    const abroad = planPolicyCheck(choices, withApp, plan, residency, { catalog: tokyo(application(['ap-northeast-1', 'us-west-2'])) });
    assert.deepEqual(abroad.violations.map((violation) => [violation.code, violation.key, violation.path]), [['residency-outside', 'env.ANTHROPIC_DEFAULT_SONNET_MODEL', '/w/.claude/settings.json']], 'refused, naming the file');
  });
});
