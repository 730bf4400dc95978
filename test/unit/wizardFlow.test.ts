// The setup wizard's logic without a UI: the step history (Back keeps answers, Cancel ends
// everything), step numbering, what each step offers, and the choices a plan is made from.
import assert from 'node:assert/strict';
import type { InferenceProfileRecord } from '../../src/core/models/bedrockTypes';
import { buildCatalog } from '../../src/core/models/catalog';
import { Cancelled, GoBack, runSteps, stepPosition, type Step } from '../../src/vscode/wizard/stepFlow';
import {
  aliasPin,
  backgroundCandidates,
  defaultPrimary,
  defaultScope,
  modelsInScope,
  regionGroups,
  scopeSummaries,
} from '../../src/vscode/wizard/stepOffers';
import { choicesOf, modelsToValidate, validationKey, type WizardState } from '../../src/vscode/wizard/wizardState';

const ACCOUNT = '111122223333';
const JP = ['ap-northeast-1', 'ap-northeast-3'];
const APAC = ['ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3', 'ap-southeast-1'];
const SONNET_4_5 = 'anthropic.claude-sonnet-4-5-20250929-v1:0';
const HAIKU_4_5 = 'anthropic.claude-haiku-4-5-20251001-v1:0';
const OPUS_4_6 = 'anthropic.claude-opus-4-6-v1';
const OPUS_4_5 = 'anthropic.claude-opus-4-5-20251101-v1:0';

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

const TOKYO = buildCatalog({
  region: 'ap-northeast-1',
  profiles: [
    profile(`global.${SONNET_4_5}`, 'any'),
    profile(`jp.${SONNET_4_5}`, JP),
    profile(`apac.${SONNET_4_5}`, APAC),
    profile(`global.${HAIKU_4_5}`, 'any'),
    profile(`apac.${HAIKU_4_5}`, APAC),
    profile(`global.${OPUS_4_6}`, 'any'),
    profile(`jp.${OPUS_4_6}`, JP),
    profile(`global.${OPUS_4_5}`, 'any'),
    {
      id: 'team0sonnet',
      arn: `arn:aws:bedrock:ap-northeast-1:${ACCOUNT}:application-inference-profile/team0sonnet`,
      name: 'team-sonnet',
      type: 'APPLICATION',
      status: 'ACTIVE',
      modelArns: JP.map((region) => `arn:aws:bedrock:${region}::foundation-model/${SONNET_4_5}`),
    },
  ],
});

/** A step that records its visits and answers from a script. */
function scripted(name: string, visits: string[], script: (string | Error)[], next?: () => Step<Record<string, string>>): Step<Record<string, string>> {
  return async (state) => {
    visits.push(`${name}:${state[name] ?? '-'}`);
    const answer = script.shift();
    if (answer instanceof Error) throw answer;
    state[name] = answer ?? 'done';
    return next?.();
  };
}

describe('setup wizard: step flow', () => {
  it('goes back to the previous step, which still shows its earlier answer', async () => {
    const visits: string[] = [];
    const state: Record<string, string> = {};
    const third = scripted('third', visits, ['z']);
    const second = scripted('second', visits, [new GoBack(), 'y2'], () => third);
    const first = scripted('first', visits, ['x1', 'x2'], () => second);
    assert.equal(await runSteps(first, state), true);
    assert.deepEqual(visits, ['first:-', 'second:-', 'first:x1', 'second:-', 'third:-']);
    assert.deepEqual(state, { first: 'x2', second: 'y2', third: 'z' });
  });

  it('stays on the first step on Back, and ends on Cancel without running later steps', async () => {
    const visits: string[] = [];
    const later = scripted('later', visits, ['never']);
    const first = scripted('first', visits, [new GoBack(), new Cancelled()], () => later);
    assert.equal(await runSteps(first, {}), false);
    assert.deepEqual(visits, ['first:-', 'first:-']);
  });

  it('lets other errors through', async () => {
    const failing: Step<object> = async () => {
      throw new Error('boom');
    };
    await assert.rejects(runSteps(failing, {}), /boom/);
  });

  it('numbers the steps, with the folder step only in a multi-root workspace', () => {
    assert.deepEqual(stepPosition('profile', false), { step: 1, totalSteps: 9 });
    assert.deepEqual(stepPosition('preview', false), { step: 9, totalSteps: 9 });
    assert.deepEqual(stepPosition('folder', true), { step: 1, totalSteps: 10 });
    assert.deepEqual(stepPosition('profile', true), { step: 2, totalSteps: 10 });
    assert.throws(() => stepPosition('folder', false));
  });
});

describe('setup wizard: what the steps offer', () => {
  it('lists the profile Region first, then Tokyo and Osaka, then the rest', () => {
    const fromUs = regionGroups('us-west-2');
    assert.equal(fromUs.profile?.code, 'us-west-2');
    assert.deepEqual(fromUs.japan.map((entry) => entry.code), ['ap-northeast-1', 'ap-northeast-3']);
    assert.ok(!fromUs.others.some((entry) => entry.code === 'us-west-2'));
    const fromTokyo = regionGroups('ap-northeast-1');
    assert.deepEqual(fromTokyo.japan.map((entry) => entry.code), ['ap-northeast-3']);
    assert.equal(regionGroups(undefined).profile, undefined);
    assert.deepEqual(regionGroups('xx-test-1').profile, { code: 'xx-test-1' });
  });

  it('summarises only the scopes the listing has, with routes and price factors', () => {
    const summaries = scopeSummaries(TOKYO);
    assert.deepEqual(summaries.map((summary) => summary.scope), ['global', 'jp', 'apac', 'application']);
    const jp = summaries.find((summary) => summary.scope === 'jp')!;
    assert.deepEqual(jp.destinations, JP);
    assert.equal(jp.anyRegion, false);
    assert.equal(jp.priceFactor, 1.1);
    assert.equal(jp.modelCount, 2);
    const global = summaries.find((summary) => summary.scope === 'global')!;
    assert.equal(global.anyRegion, true);
    assert.equal(global.priceFactor, 1);
    assert.equal(summaries.find((summary) => summary.scope === 'application')!.priceFactor, undefined);
  });

  it('preselects jp. in Japan, the earlier answer when it still exists, else the first scope', () => {
    const summaries = scopeSummaries(TOKYO);
    assert.equal(defaultScope(summaries, 'ap-northeast-1', undefined), 'jp');
    assert.equal(defaultScope(summaries, 'ap-northeast-1', 'apac'), 'apac');
    assert.equal(defaultScope(summaries, 'ap-northeast-1', 'eu'), 'jp');
    assert.equal(defaultScope(summaries, 'us-east-1', undefined), 'global');
  });

  it('lists a scope\'s models and the Haiku candidates inside and outside it', () => {
    const jp = modelsInScope(TOKYO, 'jp');
    assert.deepEqual(jp.map((entry) => entry.offer.modelId), [`jp.${OPUS_4_6}`, `jp.${SONNET_4_5}`]);
    const background = backgroundCandidates(TOKYO, 'jp');
    assert.deepEqual(background.inScope, []);
    assert.deepEqual(background.otherScopes.map((entry) => entry.offer.modelId), [`global.${HAIKU_4_5}`, `apac.${HAIKU_4_5}`]);
    assert.deepEqual(backgroundCandidates(TOKYO, 'global').inScope.map((entry) => entry.offer.modelId), [`global.${HAIKU_4_5}`]);
    const application = modelsInScope(TOKYO, 'application');
    assert.equal(application[0]!.name, 'team-sonnet');
    assert.equal(application[0]!.family, 'sonnet');
  });

  it('preselects the newest Sonnet, or the earlier answer (a [1m] one too)', () => {
    const jp = modelsInScope(TOKYO, 'jp');
    assert.equal(defaultPrimary(jp, undefined), `jp.${SONNET_4_5}`);
    assert.equal(defaultPrimary(jp, `jp.${OPUS_4_6}`), `jp.${OPUS_4_6}`);
    assert.equal(defaultPrimary(jp, `jp.${SONNET_4_5}[1m]`), `jp.${SONNET_4_5}[1m]`);
    assert.equal(defaultPrimary(jp, `global.${OPUS_4_6}`), `jp.${SONNET_4_5}`);
  });

  it('pins an alias to the primary when it is of that family, else to the scope\'s newest', () => {
    const jp = modelsInScope(TOKYO, 'jp');
    assert.equal(aliasPin(jp, 'sonnet', `jp.${SONNET_4_5}[1m]`), `jp.${SONNET_4_5}[1m]`);
    assert.equal(aliasPin(jp, 'opus', `jp.${SONNET_4_5}`), `jp.${OPUS_4_6}`);
    assert.equal(aliasPin(modelsInScope(TOKYO, 'apac'), 'opus', undefined), undefined);
  });
});

describe('setup wizard: answers', () => {
  const answered: WizardState = {
    multiRoot: false,
    folder: { name: 'w', path: '/w' },
    profile: 'sso-dev',
    ssoProfile: true,
    region: 'ap-northeast-1',
    scope: 'jp',
    primary: `jp.${SONNET_4_5}`,
    background: { kind: 'model', modelId: `global.${HAIKU_4_5}` },
    target: 'project',
    options: { disableLoginPrompt: true, maxOutputTokens: 8192 },
  };

  it('validates the primary and a different background model once each', () => {
    assert.deepEqual(modelsToValidate(answered), [`jp.${SONNET_4_5}`, `global.${HAIKU_4_5}`]);
    assert.deepEqual(modelsToValidate({ ...answered, background: { kind: 'model', modelId: `jp.${SONNET_4_5}` } }), [`jp.${SONNET_4_5}`]);
    assert.deepEqual(modelsToValidate({ ...answered, background: { kind: 'none' } }), [`jp.${SONNET_4_5}`]);
    assert.deepEqual(modelsToValidate({ ...answered, primary: `jp.${SONNET_4_5}[1m]`, background: { kind: 'same' } }), [`jp.${SONNET_4_5}[1m]`]);
    assert.notEqual(validationKey(answered), validationKey({ ...answered, region: 'ap-northeast-3' }));
    assert.equal(validationKey(answered), validationKey({ ...answered, target: 'user' }));
  });

  it('turns the answers into setup choices', () => {
    assert.deepEqual(choicesOf(answered), {
      profile: 'sso-dev',
      ssoProfile: true,
      region: 'ap-northeast-1',
      primaryModel: `jp.${SONNET_4_5}`,
      backgroundModel: `global.${HAIKU_4_5}`,
      maxOutputTokens: 8192,
      scope: 'project',
    });
    const bare = choicesOf({ ...answered, background: { kind: 'none' }, options: { disableLoginPrompt: false, sonnetModel: `jp.${SONNET_4_5}` } });
    assert.equal(bare.backgroundModel, undefined);
    assert.equal(bare.maxOutputTokens, undefined);
    assert.equal(bare.sonnetModel, `jp.${SONNET_4_5}`);
    assert.equal(choicesOf({ ...answered, primary: `jp.${SONNET_4_5}[1m]`, background: { kind: 'same' } }).backgroundModel, `jp.${SONNET_4_5}`);
    assert.throws(() => choicesOf({ multiRoot: false }));
  });
});
