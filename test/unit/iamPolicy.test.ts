import assert from 'node:assert/strict';
import type { CatalogOffer } from '../../src/core/models/bedrockTypes';
import { buildIamPolicy, partitionOf, renderIamPolicy, type IamPolicyDocument, type PolicyOffer } from '../../src/core/iam/iamPolicy';

const ACCOUNT = '111122223333';
const SONNET_4_5 = 'anthropic.claude-sonnet-4-5-20250929-v1:0';
const HAIKU_4_5 = 'anthropic.claude-haiku-4-5-20251001-v1:0';
const HAIKU_3 = 'anthropic.claude-3-haiku-20240307-v1:0';
const JP = ['ap-northeast-1', 'ap-northeast-3'];
const INVOKE = ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'];

// ------------------------------------------------------------------------------------------------
// A small policy simulator: does any Allow statement match the action, the resource and the request
// context? Wildcards as IAM reads them (`*` any run, `?` one character); actions case-insensitive.

function glob(pattern: string, value: string, ignoreCase = false): boolean {
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${source}$`, ignoreCase ? 'i' : '').test(value);
}

type Context = Readonly<Record<string, string>>;

function conditionsHold(condition: IamPolicyDocument['Statement'][number]['Condition'], context: Context): boolean {
  if (condition === undefined) return true;
  return Object.entries(condition).every(([operator, keys]) =>
    Object.entries(keys).every(([key, expected]) => {
      const actual = context[key];
      if (actual === undefined) return false;
      const values = typeof expected === 'string' ? [expected] : expected;
      if (operator === 'StringEquals') return values.includes(actual);
      if (operator === 'StringLike') return values.some((pattern) => glob(pattern, actual));
      throw new Error(`the simulator does not know ${operator}`);
    }),
  );
}

function allows(policy: IamPolicyDocument, action: string, resource: string, context: Context = {}): boolean {
  return policy.Statement.some(
    (statement) =>
      statement.Effect === 'Allow' &&
      statement.Action.some((pattern) => glob(pattern, action, true)) &&
      statement.Resource.some((pattern) => glob(pattern, resource)) &&
      conditionsHold(statement.Condition, context),
  );
}

/** Both invoke actions, as Claude Code uses both. */
function invokes(policy: IamPolicyDocument, resource: string, context: Context = {}): boolean {
  const answers = INVOKE.map((action) => allows(policy, action, resource, context));
  assert.equal(answers[0], answers[1], `InvokeModel and the streaming variant disagree on ${resource}`);
  return answers[0]!;
}

// ------------------------------------------------------------------------------------------------

function profileOffer(scope: string, base: string, destinations: readonly string[], anyRegion = false, region = 'ap-northeast-1'): PolicyOffer {
  const modelId = `${scope}.${base}`;
  return { modelId, scope, arn: `arn:aws:bedrock:${region}:${ACCOUNT}:inference-profile/${modelId}`, destinations, anyRegion, status: 'ACTIVE', baseModelId: base };
}

const fm = (region: string, base: string, partition = 'aws') => `arn:${partition}:bedrock:${region}::foundation-model/${base}`;
const profileArn = (region: string, id: string, account = ACCOUNT) => `arn:aws:bedrock:${region}:${account}:inference-profile/${id}`;
const via = (arn: string): Context => ({ 'bedrock:InferenceProfileArn': arn });

const ALL_REGIONS = ['ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3', 'ap-south-1', 'ap-southeast-1', 'ap-southeast-2', 'us-east-1', 'us-west-2', 'eu-central-1', 'eu-west-1'];

describe('IAM policy', () => {
  describe('a jp. profile from Tokyo', () => {
    const policy = buildIamPolicy({ region: 'ap-northeast-1', accountId: ACCOUNT, offers: [profileOffer('jp', SONNET_4_5, JP)] });
    const jpArn = profileArn('ap-northeast-1', `jp.${SONNET_4_5}`);

    it('allows the profile itself', () => {
      assert.ok(invokes(policy, jpArn));
      assert.ok(!invokes(policy, profileArn('ap-northeast-1', `apac.${SONNET_4_5}`)));
      assert.ok(!invokes(policy, profileArn('ap-northeast-1', `global.${SONNET_4_5}`)));
      assert.ok(!invokes(policy, profileArn('ap-northeast-1', `jp.${HAIKU_4_5}`)));
    });

    it('allows the model in both Japanese Regions, through that profile, and in no other Region', () => {
      for (const region of ALL_REGIONS) {
        assert.equal(invokes(policy, fm(region, SONNET_4_5), via(jpArn)), JP.includes(region), region);
      }
      assert.ok(!invokes(policy, `arn:aws:bedrock:::foundation-model/${SONNET_4_5}`, via(jpArn)), 'no Region-less ARN for jp');
      assert.ok(!invokes(policy, fm('ap-northeast-1', HAIKU_4_5), via(jpArn)), 'only the chosen model');
    });

    it('does not allow the model outside the profile', () => {
      assert.ok(!invokes(policy, fm('ap-northeast-1', SONNET_4_5)), 'direct on-demand call');
      assert.ok(!invokes(policy, fm('ap-northeast-3', SONNET_4_5), via(profileArn('ap-northeast-1', `apac.${SONNET_4_5}`))), 'through apac.');
      assert.ok(!invokes(policy, fm('ap-northeast-3', SONNET_4_5), via(profileArn('ap-northeast-1', `jp.${SONNET_4_5}`, '999988887777'))), 'another account');
    });
  });

  describe('a global. profile', () => {
    const policy = buildIamPolicy({ region: 'ap-northeast-1', accountId: ACCOUNT, offers: [profileOffer('global', SONNET_4_5, [], true)] });
    const globalArn = profileArn('ap-northeast-1', `global.${SONNET_4_5}`);

    it('allows the Region-less model ARN and the source-Region model, through the profile only', () => {
      assert.ok(invokes(policy, globalArn));
      assert.ok(invokes(policy, `arn:aws:bedrock:::foundation-model/${SONNET_4_5}`, via(globalArn)));
      assert.ok(invokes(policy, fm('ap-northeast-1', SONNET_4_5), via(globalArn)));
      assert.ok(!invokes(policy, `arn:aws:bedrock:::foundation-model/${SONNET_4_5}`), 'not without the profile');
      assert.ok(!invokes(policy, fm('eu-west-1', SONNET_4_5), via(globalArn)), 'AWS names only the source Region and the Region-less ARN');
      const resources = policy.Statement.flatMap((statement) => statement.Resource);
      assert.ok(resources.includes(`arn:aws:bedrock:::foundation-model/${SONNET_4_5}`));
    });

    it('is treated as global from its scope even when the offer forgot anyRegion', () => {
      const forgetful = buildIamPolicy({ region: 'us-east-1', accountId: ACCOUNT, offers: [profileOffer('global', HAIKU_4_5, [], false, 'us-east-1')] });
      assert.ok(invokes(forgetful, `arn:aws:bedrock:::foundation-model/${HAIKU_4_5}`, via(profileArn('us-east-1', `global.${HAIKU_4_5}`))));
    });
  });

  it('allows a bare in-Region model directly, in its Region only', () => {
    const offer: PolicyOffer = { modelId: HAIKU_3, scope: 'in-region', destinations: ['ap-northeast-1'], anyRegion: false, status: 'ACTIVE', baseModelId: HAIKU_3 };
    const policy = buildIamPolicy({ region: 'ap-northeast-1', accountId: ACCOUNT, offers: [offer] });
    assert.ok(invokes(policy, fm('ap-northeast-1', HAIKU_3)));
    assert.ok(!invokes(policy, fm('ap-northeast-3', HAIKU_3)));
    assert.ok(!invokes(policy, fm('ap-northeast-1', SONNET_4_5)));
  });

  it('allows an application profile and its destination models through it', () => {
    const appArn = `arn:aws:bedrock:ap-northeast-1:${ACCOUNT}:application-inference-profile/team0sonnet`;
    const offer: PolicyOffer = { modelId: appArn, scope: 'application', arn: appArn, destinations: JP, anyRegion: false, status: 'ACTIVE', baseModelId: SONNET_4_5 };
    const policy = buildIamPolicy({ region: 'ap-northeast-1', offers: [offer] });
    assert.ok(invokes(policy, appArn));
    for (const region of ALL_REGIONS) assert.equal(invokes(policy, fm(region, SONNET_4_5), via(appArn)), JP.includes(region), region);
    assert.ok(!invokes(policy, fm('ap-northeast-1', SONNET_4_5)));
    assert.ok(!invokes(policy, `arn:aws:bedrock:ap-northeast-1:${ACCOUNT}:application-inference-profile/other`));
  });

  it('keeps an unknown base model or route safe through the profile condition', () => {
    // What a caller passes when it knows only the ID: no scope, no destinations, no base.
    const bare: CatalogOffer = { modelId: `jp.${SONNET_4_5}`, scope: '', destinations: [], anyRegion: false, status: '' };
    const policy = buildIamPolicy({ region: 'ap-northeast-1', accountId: ACCOUNT, offers: [{ ...bare, baseModelId: undefined }] });
    const jpArn = profileArn('ap-northeast-1', `jp.${SONNET_4_5}`);
    assert.ok(invokes(policy, jpArn));
    assert.ok(invokes(policy, fm('ap-northeast-3', SONNET_4_5), via(jpArn)), 'the base is read from the ID; the route is unknown');
    assert.ok(!invokes(policy, fm('ap-northeast-3', SONNET_4_5)), 'never without the profile');

    const appArn = `arn:aws:bedrock:ap-northeast-1:${ACCOUNT}:application-inference-profile/x1`;
    const app = buildIamPolicy({ region: 'ap-northeast-1', offers: [{ modelId: appArn, scope: 'application', destinations: JP, anyRegion: false, status: 'ACTIVE' }] });
    assert.ok(invokes(app, fm('ap-northeast-3', HAIKU_4_5), via(appArn)), 'unknown base: any model, through that profile');
    assert.ok(!invokes(app, fm('us-east-1', HAIKU_4_5), via(appArn)));
    assert.ok(!invokes(app, fm('ap-northeast-3', HAIKU_4_5)));
  });

  it('uses * for an unknown account, the account of the listed ARN when it has one', () => {
    const offer = profileOffer('jp', SONNET_4_5, JP);
    const anonymous = buildIamPolicy({ region: 'ap-northeast-1', offers: [{ ...offer, arn: undefined }] });
    const someArn = profileArn('ap-northeast-1', `jp.${SONNET_4_5}`, '444455556666');
    assert.ok(invokes(anonymous, someArn));
    assert.ok(invokes(anonymous, fm('ap-northeast-3', SONNET_4_5), via(someArn)));
    assert.ok(anonymous.Statement.some((statement) => statement.Resource.includes(profileArn('ap-northeast-1', `jp.${SONNET_4_5}`, '*'))));
    const fromArn = buildIamPolicy({ region: 'ap-northeast-1', offers: [offer] });
    assert.ok(!invokes(fromArn, someArn));
    assert.ok(invokes(fromArn, profileArn('ap-northeast-1', `jp.${SONNET_4_5}`)));
  });

  it('lets Claude Code list and read inference profiles of the Region', () => {
    const policy = buildIamPolicy({ region: 'ap-northeast-1', accountId: ACCOUNT, offers: [] });
    assert.ok(allows(policy, 'bedrock:ListInferenceProfiles', '*'));
    assert.ok(allows(policy, 'bedrock:GetInferenceProfile', profileArn('ap-northeast-1', `jp.${SONNET_4_5}`)));
    assert.ok(allows(policy, 'bedrock:GetInferenceProfile', `arn:aws:bedrock:ap-northeast-1:${ACCOUNT}:application-inference-profile/abc`));
    assert.ok(!allows(policy, 'bedrock:GetInferenceProfile', profileArn('us-east-1', `us.${SONNET_4_5}`)));
    assert.ok(!invokes(policy, profileArn('ap-northeast-1', `jp.${SONNET_4_5}`)), 'no offers, no invoke');
  });

  it('allows the Marketplace subscription only when Bedrock makes the call', () => {
    const policy = buildIamPolicy({ region: 'ap-northeast-1', offers: [profileOffer('jp', SONNET_4_5, JP)] });
    const marketplace = policy.Statement.find((statement) => statement.Action.includes('aws-marketplace:Subscribe'))!;
    assert.deepEqual(marketplace.Action, ['aws-marketplace:Subscribe', 'aws-marketplace:ViewSubscriptions']);
    assert.deepEqual(marketplace.Condition, { StringEquals: { 'aws:CalledViaLast': 'bedrock.amazonaws.com' } });
    for (const action of marketplace.Action) {
      assert.ok(allows(policy, action, '*', { 'aws:CalledViaLast': 'bedrock.amazonaws.com' }));
      assert.ok(!allows(policy, action, '*'));
      assert.ok(!allows(policy, action, '*', { 'aws:CalledViaLast': 'cloudformation.amazonaws.com' }));
    }
    assert.ok(!allows(policy, 'aws-marketplace:Unsubscribe', '*', { 'aws:CalledViaLast': 'bedrock.amazonaws.com' }));
  });

  it('adds the read-only diagnostics only when asked', () => {
    const offers = [profileOffer('jp', SONNET_4_5, JP)];
    const without = buildIamPolicy({ region: 'ap-northeast-1', offers });
    const withDiagnostics = buildIamPolicy({ region: 'ap-northeast-1', offers, includeDiagnostics: true });
    const diagnostics = [
      'sts:GetCallerIdentity',
      'bedrock:GetFoundationModelAvailability',
      'bedrock:ListFoundationModels',
      'servicequotas:ListServiceQuotas',
      'servicequotas:ListAWSDefaultServiceQuotas',
      'servicequotas:ListRequestedServiceQuotaChangeHistory',
      'cloudwatch:GetMetricData',
      'cloudwatch:DescribeAlarms',
    ];
    for (const action of diagnostics) {
      assert.ok(!allows(without, action, '*'), action);
      assert.ok(allows(withDiagnostics, action, '*'), action);
    }
    assert.ok(!allows(withDiagnostics, 'servicequotas:RequestServiceQuotaIncrease', '*'));
    assert.ok(!allows(withDiagnostics, 'cloudwatch:PutMetricAlarm', '*'), 'creating alarms is the admin policy\'s');
    assert.ok(!allows(withDiagnostics, 'bedrock:CreateInferenceProfile', '*'));
  });

  it('names every action exactly: no wildcard actions, only Allow, unique Sids', () => {
    const policy = buildIamPolicy({
      region: 'ap-northeast-1',
      offers: [profileOffer('jp', SONNET_4_5, JP), profileOffer('global', SONNET_4_5, [], true), profileOffer('apac', HAIKU_4_5, ['ap-northeast-1', 'ap-south-1'])],
      includeDiagnostics: true,
    });
    assert.equal(policy.Version, '2012-10-17');
    for (const statement of policy.Statement) {
      assert.equal(statement.Effect, 'Allow');
      assert.match(statement.Sid, /^[A-Za-z0-9]+$/);
      for (const action of statement.Action) assert.match(action, /^[a-z-]+:[A-Za-z]+$/, action);
    }
    assert.ok(!allows(policy, 'bedrock:DeleteInferenceProfile', '*'));
    assert.ok(!invokes(policy, 'arn:aws:bedrock:ap-northeast-1::foundation-model/amazon.nova-pro-v1:0', via(profileArn('ap-northeast-1', 'jp.amazon.nova-pro-v1:0'))));
    const sids = policy.Statement.map((statement) => statement.Sid);
    assert.equal(new Set(sids).size, sids.length);
  });

  it('is deterministic: order and duplicates of the offers do not matter, resources sorted and unique', () => {
    const offers = [profileOffer('jp', SONNET_4_5, JP), profileOffer('global', SONNET_4_5, [], true), profileOffer('apac', HAIKU_4_5, ['ap-south-1', 'ap-northeast-1'])];
    const one = renderIamPolicy(buildIamPolicy({ region: 'ap-northeast-1', accountId: ACCOUNT, offers, includeDiagnostics: true }));
    const other = renderIamPolicy(buildIamPolicy({ region: 'ap-northeast-1', accountId: ACCOUNT, offers: [...offers].reverse().concat(offers), includeDiagnostics: true }));
    assert.equal(one, other);
    const policy = JSON.parse(one) as IamPolicyDocument;
    for (const statement of policy.Statement) {
      assert.deepEqual(statement.Resource, [...new Set(statement.Resource)].sort(), statement.Sid);
      assert.deepEqual(statement.Action, [...statement.Action].sort(), statement.Sid);
    }
  });

  it('renders pretty JSON with two spaces', () => {
    const policy = buildIamPolicy({ region: 'ap-northeast-1', offers: [] });
    const text = renderIamPolicy(policy);
    assert.deepEqual(JSON.parse(text), policy);
    assert.ok(text.startsWith('{\n  "Version": "2012-10-17",\n  "Statement": [\n    {'), text.slice(0, 80));
  });

  it('uses the partition of the Region', () => {
    assert.equal(partitionOf('us-gov-west-1'), 'aws-us-gov');
    assert.equal(partitionOf('cn-north-1'), 'aws-cn');
    assert.equal(partitionOf('ap-northeast-1'), 'aws');
    const offer = profileOffer('us-gov', SONNET_4_5, ['us-gov-east-1', 'us-gov-west-1'], false, 'us-gov-west-1');
    const policy = buildIamPolicy({ region: 'us-gov-west-1', accountId: ACCOUNT, offers: [offer] });
    const arns = policy.Statement.flatMap((statement) => statement.Resource).filter((resource) => resource !== '*');
    assert.ok(arns.length > 0 && arns.every((arn) => arn.startsWith('arn:aws-us-gov:')), arns.join('\n'));
    const govProfile = `arn:aws-us-gov:bedrock:us-gov-west-1:${ACCOUNT}:inference-profile/us-gov.${SONNET_4_5}`;
    assert.ok(invokes(policy, fm('us-gov-east-1', SONNET_4_5, 'aws-us-gov'), via(govProfile)));
  });
});
