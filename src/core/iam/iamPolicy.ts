/**
 * The least-privilege IAM policy for the models a person chose. What AWS documents for cross-Region
 * inference decides its shape: invoking a profile needs the profile ARN, the foundation model in the
 * source Region and in every destination Region (for `global.` the Region-less foundation-model ARN),
 * and those foundation-model grants are limited to calls made through that profile.
 */

import type { CatalogOffer } from '../models/bedrockTypes';
import { baseModelIdOf, scopeOf } from '../models/catalog';

/** One chosen offer and the base model it invokes (absent when unknown: then any model, through that profile only). */
export interface PolicyOffer extends CatalogOffer {
  readonly baseModelId?: string;
}

export interface IamPolicyInput {
  /** The source Region Claude Code calls (`AWS_REGION`). */
  readonly region: string;
  /** The account of the caller; `*` in the ARNs when unknown. */
  readonly accountId?: string;
  readonly offers: readonly PolicyOffer[];
  /** Also allow the read-only calls of this extension's health checks. */
  readonly includeDiagnostics?: boolean;
  /** `aws`, `aws-us-gov`, `aws-cn`; derived from the Region when absent. */
  readonly partition?: string;
}

export type IamConditionBlock = Readonly<Record<string, Readonly<Record<string, string | readonly string[]>>>>;

export interface IamPolicyStatement {
  readonly Sid: string;
  readonly Effect: 'Allow';
  readonly Action: readonly string[];
  readonly Resource: readonly string[];
  readonly Condition?: IamConditionBlock;
}

export interface IamPolicyDocument {
  readonly Version: '2012-10-17';
  readonly Statement: readonly IamPolicyStatement[];
}

const INVOKE_ACTIONS = ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'];
const DIAGNOSTIC_ACTIONS = [
  'sts:GetCallerIdentity',
  'bedrock:GetFoundationModelAvailability',
  'bedrock:ListFoundationModels',
  'servicequotas:ListServiceQuotas',
  'servicequotas:ListAWSDefaultServiceQuotas',
  'servicequotas:ListRequestedServiceQuotaChangeHistory',
  'cloudwatch:GetMetricData',
  // The Quotas & Usage view and the status bar show the state of the team's alarms.
  'cloudwatch:DescribeAlarms',
];

/** The ARN partition of a Region: `aws-us-gov` for GovCloud, `aws-cn` for China, `aws` otherwise. */
export function partitionOf(region: string): string {
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  if (region.startsWith('cn-')) return 'aws-cn';
  return 'aws';
}

function sorted(values: Iterable<string>): string[] {
  return [...new Set(values)].sort();
}

function accountInArn(arn: string | undefined): string | undefined {
  const account = arn?.split(':')[4];
  return account === undefined || account === '' ? undefined : account;
}

function resourceIdOf(arn: string): string {
  return arn.slice(arn.indexOf('/') + 1);
}

/** `jp.anthropic.claude-sonnet-4-5-20250929-v1:0` → `JpSonnet4520250929V10` (Sids allow only letters and digits). */
function sidPart(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter((token) => token !== '' && token !== 'anthropic' && token !== 'claude')
    .map((token) => token[0]!.toUpperCase() + token.slice(1))
    .join('');
}

interface ProfileGrant {
  readonly profileArn: string;
  readonly sidName: string;
  readonly modelArns: readonly string[];
}

/** The least-privilege policy for invoking the chosen offers from one Region. */
export function buildIamPolicy(input: IamPolicyInput): IamPolicyDocument {
  const partition = input.partition ?? partitionOf(input.region);
  const bedrockArn = (region: string, account: string, resource: string) => `arn:${partition}:bedrock:${region}:${account}:${resource}`;
  const callerAccount = input.accountId ?? '*';

  const inRegionModels = new Set<string>();
  const grants = new Map<string, ProfileGrant>();

  for (const offer of input.offers) {
    const scope = offer.scope !== '' ? offer.scope : scopeOf(offer.modelId);
    const base = offer.baseModelId ?? baseModelIdOf(offer.modelId);
    // Unknown base model: any model, still only through the profile the condition names.
    const model = base ?? '*';
    const foundationModel = (region: string) => bedrockArn(region, '', `foundation-model/${model}`);

    if (scope === 'in-region') {
      inRegionModels.add(foundationModel(input.region));
      continue;
    }

    const isApplication = scope === 'application' || (offer.arn ?? offer.modelId).includes(':application-inference-profile/');
    let profileArn: string;
    if (isApplication) {
      const given = [offer.arn, offer.modelId].find((value) => value !== undefined && value.startsWith('arn:'));
      profileArn = given ?? bedrockArn(input.region, callerAccount, `application-inference-profile/${offer.modelId}`);
    } else {
      const profileId = offer.modelId.startsWith('arn:') ? resourceIdOf(offer.modelId) : offer.modelId;
      const account = input.accountId ?? accountInArn(offer.arn) ?? '*';
      profileArn = bedrockArn(input.region, account, `inference-profile/${profileId}`);
    }
    if (grants.has(profileArn)) continue;

    const anyRegion = offer.anyRegion || scope === 'global';
    const regions = new Set(offer.destinations);
    // The source Region is always part of a profile's route; for global it is the one Region AWS names.
    if (!isApplication || anyRegion) regions.add(input.region);
    // A geographic profile whose destinations are unknown: any Region, still only through this profile.
    if (!anyRegion && offer.destinations.length === 0) regions.add('*');
    const modelArns = [...regions].map(foundationModel);
    if (anyRegion) modelArns.push(bedrockArn('', '', `foundation-model/${model}`));

    const sidName = isApplication ? `Application${sidPart(resourceIdOf(profileArn))}` : sidPart(resourceIdOf(profileArn));
    grants.set(profileArn, { profileArn, sidName, modelArns: sorted(modelArns) });
  }

  const statements: IamPolicyStatement[] = [];
  const sids = new Set<string>();
  const uniqueSid = (wanted: string) => {
    let sid = wanted;
    for (let counter = 2; sids.has(sid); counter += 1) sid = `${wanted}${counter}`;
    sids.add(sid);
    return sid;
  };
  const push = (sid: string, actions: readonly string[], resources: Iterable<string>, condition?: IamConditionBlock) => {
    statements.push({
      Sid: uniqueSid(sid),
      Effect: 'Allow',
      Action: sorted(actions),
      Resource: sorted(resources),
      ...(condition === undefined ? {} : { Condition: condition }),
    });
  };

  const orderedGrants = [...grants.values()].sort((a, b) => (a.profileArn < b.profileArn ? -1 : a.profileArn > b.profileArn ? 1 : 0));
  if (orderedGrants.length > 0) {
    push('InvokeInferenceProfiles', INVOKE_ACTIONS, orderedGrants.map((grant) => grant.profileArn));
  }
  for (const grant of orderedGrants) {
    // StringLike so that an unknown account (`*`) still matches; the profile IDs hold no wildcards.
    push(`InvokeModelsVia${grant.sidName}`, INVOKE_ACTIONS, grant.modelArns, {
      StringLike: { 'bedrock:InferenceProfileArn': grant.profileArn },
    });
  }
  if (inRegionModels.size > 0) push('InvokeInRegionModels', INVOKE_ACTIONS, inRegionModels);

  push('GetInferenceProfiles', ['bedrock:GetInferenceProfile'], [
    bedrockArn(input.region, callerAccount, 'inference-profile/*'),
    bedrockArn(input.region, callerAccount, 'application-inference-profile/*'),
  ]);
  // A list call is authorised against no particular resource; `*` works whether or not the
  // service scopes it, and reveals only profile names.
  push('ListInferenceProfiles', ['bedrock:ListInferenceProfiles'], ['*']);
  push('SubscribeThroughBedrock', ['aws-marketplace:ViewSubscriptions', 'aws-marketplace:Subscribe'], ['*'], {
    StringEquals: { 'aws:CalledViaLast': 'bedrock.amazonaws.com' },
  });
  if (input.includeDiagnostics === true) push('ReadOnlyDiagnostics', DIAGNOSTIC_ACTIONS, ['*']);

  return { Version: '2012-10-17', Statement: statements };
}

/** The policy as pretty-printed JSON (2 spaces), ready to paste into the IAM console. */
export function renderIamPolicy(policy: IamPolicyDocument): string {
  return JSON.stringify(policy, null, 2);
}
