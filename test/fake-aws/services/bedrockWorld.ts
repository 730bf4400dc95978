/**
 * What the Bedrock control plane and runtime share: the view of the scenario one signed request
 * gets (its signing region, its account), identifier resolution, access state, and the exact
 * texts of the errors AWS answers with.
 */
import type { FakeRequest } from '../http';
import { AwsError } from '../protocols';
import {
  applicationProfileArn,
  foundationModelArn,
  inferenceProfileArn,
  parseBedrockArn,
  type FakeApplicationProfile,
  type FakeBedrockAccount,
  type FakeBedrockRegion,
  type FakeFoundationModel,
  type FakeModelAccess,
  type FakeSystemProfile,
} from '../scenario';
import type { ServiceContext } from '../serviceModule';

/** Error texts as Bedrock sends them; tests and diagnosis code may match on them. */
export const BEDROCK_ERROR_MESSAGES = {
  invalidIdentifier: 'The provided model identifier is invalid.',
  onDemandNotSupported: (modelId: string): string =>
    `Invocation of model ID ${modelId} with on-demand throughput isn't supported. Retry your request with the ID or ARN of an inference profile that contains this model.`,
  notAuthorized: "You don't have access to the model with the specified model ID.",
  marketplace:
    'Model access is denied due to IAM user or service role is not authorized to perform the required AWS Marketplace actions (aws-marketplace:ViewSubscriptions, aws-marketplace:Subscribe) to enable access to this model. Refer to the Amazon Bedrock documentation for further details. Your AWS Marketplace subscription for this model cannot be completed at this time. If you recently fixed this issue, try again after 15 minutes.',
  useCase:
    'Model use case details have not been submitted for this account. Fill out the Anthropic use case details form before using the model. If you have already filled out the form, try again in 15 minutes.',
  legacy:
    'Access denied. This Model is marked by provider as Legacy and you have not been actively using the model in the last 15 days. Please upgrade to an active model on Amazon Bedrock',
  throttled: 'Too many tokens, please wait before trying again.',
  /** CountTokens takes base model IDs only. */
  countTokensUnsupported: "The provided model doesn't support counting tokens.",
  /** Converse on a model that does not chat (embeddings). */
  converseUnsupported: "This action doesn't support the model that you provided. Try again with a supported text or chat model.",
  modelNotFound: 'Could not resolve the foundation model from the provided model identifier.',
  profileNotFound: (identifier: string): string => `The specified inference profile ${identifier} was not found.`,
  /** IAM: no identity-based policy allows the action (resource omitted for actions on `*`). */
  iamDenied: (callerArn: string, action: string, resource?: string): string =>
    `User: ${callerArn} is not authorized to perform: ${action}${resource === undefined ? '' : ` on resource: ${resource}`} because no identity-based policy allows the ${action} action`,
  scpDenied: (callerArn: string, action: string, resource: string): string =>
    `User: ${callerArn} is not authorized to perform: ${action} on resource: ${resource} with an explicit deny in a service control policy`,
} as const;

/** The part of the scenario one request sees. */
export interface BedrockView {
  /** The SigV4 signing region. */
  region: string;
  account: string;
  callerArn: string;
  regionData: FakeBedrockRegion;
  accountState: FakeBedrockAccount;
  /** The caller account's application profiles in the signing region. */
  applicationProfiles: FakeApplicationProfile[];
}

const EMPTY_REGION: FakeBedrockRegion = { foundationModels: [], systemProfiles: [] };

export function bedrockView(ctx: ServiceContext): BedrockView {
  const caller = ctx.caller;
  // The core verified SigV4 before calling the module, so a caller is always there.
  if (!caller) throw new AwsError(403, 'MissingAuthenticationTokenException', 'Missing Authentication Token');
  const bedrock = ctx.state.bedrock;
  const account = caller.key.account;
  return {
    region: caller.region,
    account,
    callerArn: caller.key.arn,
    regionData: bedrock?.regions[caller.region] ?? EMPTY_REGION,
    accountState: bedrock?.accounts[account] ?? {},
    applicationProfiles: (bedrock?.applicationProfiles ?? []).filter(
      (profile) => profile.account === account && profile.region === caller.region,
    ),
  };
}

/** Decoded path segment `index` (0 = the part after the first `/`), undefined if absent or undecodable. */
export function pathSegment(req: FakeRequest, index: number): string | undefined {
  const raw = req.path.split('/')[index + 1];
  if (raw === undefined || raw === '') return undefined;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export function iamDenied(view: BedrockView, action: string, resource?: string): void {
  if (view.accountState.deniedActions?.includes(action)) {
    throw new AwsError(403, 'AccessDeniedException', BEDROCK_ERROR_MESSAGES.iamDenied(view.callerArn, action, resource));
  }
}

/** The account's access to a base model: exact key, then the longest matching `prefix*` key. */
export function modelAccess(account: FakeBedrockAccount, modelId: string): FakeModelAccess {
  const table = account.modelAccess ?? {};
  const exact = table[modelId];
  if (exact !== undefined) return exact;
  let best: { length: number; access: FakeModelAccess } | undefined;
  for (const [key, access] of Object.entries(table)) {
    if (!key.endsWith('*')) continue;
    const prefix = key.slice(0, -1);
    if (modelId.startsWith(prefix) && (!best || prefix.length > best.length)) best = { length: prefix.length, access };
  }
  return best?.access ?? 'authorized';
}

/** The error an invocation meets for this access state, or undefined when it may proceed. */
export function accessError(access: FakeModelAccess): AwsError | undefined {
  switch (access) {
    case 'authorized':
      return undefined;
    case 'not-authorized':
      return new AwsError(403, 'AccessDeniedException', BEDROCK_ERROR_MESSAGES.notAuthorized);
    case 'marketplace':
      return new AwsError(403, 'AccessDeniedException', BEDROCK_ERROR_MESSAGES.marketplace);
    case 'use-case':
      return new AwsError(404, 'ResourceNotFoundException', BEDROCK_ERROR_MESSAGES.useCase);
    case 'legacy':
      return new AwsError(404, 'ResourceNotFoundException', BEDROCK_ERROR_MESSAGES.legacy);
    case 'throttled':
      return new AwsError(429, 'ThrottlingException', BEDROCK_ERROR_MESSAGES.throttled);
  }
}

export type ResolvedTarget =
  | { kind: 'system-profile'; profile: FakeSystemProfile; arn: string; modelId: string; destinations: string[] }
  | { kind: 'application-profile'; profile: FakeApplicationProfile; arn: string; modelId: string; destinations: string[] }
  | { kind: 'foundation-model'; model: FakeFoundationModel; arn: string; modelId: string; destinations: string[] };

export type ResolvedProfile = Extract<ResolvedTarget, { kind: 'system-profile' | 'application-profile' }>;

function systemTarget(view: BedrockView, profile: FakeSystemProfile): ResolvedProfile {
  return {
    kind: 'system-profile',
    profile,
    arn: inferenceProfileArn(view.region, view.account, profile.id),
    modelId: profile.modelId,
    destinations: [...profile.destinations],
  };
}

function applicationTarget(profile: FakeApplicationProfile): ResolvedProfile {
  const parsed = profile.modelArns.map(parseBedrockArn);
  return {
    kind: 'application-profile',
    profile,
    arn: applicationProfileArn(profile),
    modelId: parsed[0]?.id ?? '',
    destinations: parsed.map((arn) => arn?.region ?? ''),
  };
}

/** A system profile (ID or ARN) or an application profile (ID or ARN) of this account and region. */
export function resolveProfile(view: BedrockView, identifier: string): ResolvedProfile | undefined {
  const arn = parseBedrockArn(identifier);
  if (arn) {
    if (arn.region !== view.region || arn.account !== view.account) return undefined;
    if (arn.kind === 'inference-profile') {
      const profile = view.regionData.systemProfiles.find((candidate) => candidate.id === arn.id);
      return profile && systemTarget(view, profile);
    }
    if (arn.kind === 'application-inference-profile') {
      const profile = view.applicationProfiles.find((candidate) => candidate.id === arn.id);
      return profile && applicationTarget(profile);
    }
    return undefined;
  }
  const system = view.regionData.systemProfiles.find((candidate) => candidate.id === identifier);
  if (system) return systemTarget(view, system);
  const application = view.applicationProfiles.find((candidate) => candidate.id === identifier);
  return application && applicationTarget(application);
}

/** A foundation model the region lists, by bare ID or by its in-region ARN. */
export function resolveFoundationModel(view: BedrockView, identifier: string): FakeFoundationModel | undefined {
  const arn = parseBedrockArn(identifier);
  let modelId = identifier;
  if (arn) {
    if (arn.kind !== 'foundation-model' || arn.region !== view.region) return undefined;
    modelId = arn.id;
  }
  return view.regionData.foundationModels.find((candidate) => candidate.modelId === modelId);
}

/** What an invocation's `{modelId}` names in the signing region, or undefined (an invalid identifier). */
export function resolveTarget(view: BedrockView, identifier: string): ResolvedTarget | undefined {
  const profile = resolveProfile(view, identifier);
  if (profile) return profile;
  const model = resolveFoundationModel(view, identifier);
  return (
    model && {
      kind: 'foundation-model',
      model,
      arn: foundationModelArn(view.region, model.modelId),
      modelId: model.modelId,
      destinations: [view.region],
    }
  );
}

/**
 * The destination an organisation SCP denies, if the target routes to one. Routing is
 * deterministic: the first denied destination in the profile's order; a global profile's empty
 * region means "any region", so it reaches the first denied region of the account.
 */
export function scpDeniedDestination(view: BedrockView, target: ResolvedTarget): string | undefined {
  const denied = view.accountState.scpDeniedRegions ?? [];
  if (denied.length === 0) return undefined;
  if (target.destinations.includes('')) return denied[0];
  return target.destinations.find((region) => denied.includes(region));
}

export function summaryOfModel(region: string, model: FakeFoundationModel): Record<string, unknown> {
  return {
    modelArn: foundationModelArn(region, model.modelId),
    modelId: model.modelId,
    modelName: model.modelName,
    providerName: model.providerName,
    inputModalities: [...model.inputModalities],
    outputModalities: [...model.outputModalities],
    responseStreamingSupported: model.responseStreamingSupported,
    customizationsSupported: [...(model.customizationsSupported ?? [])],
    inferenceTypesSupported: [...model.inferenceTypesSupported],
    modelLifecycle: { status: model.lifecycle },
  };
}

export function summaryOfProfile(target: ResolvedProfile): Record<string, unknown> {
  const { profile } = target;
  const models =
    target.kind === 'system-profile'
      ? target.profile.destinations.map((region) => ({ modelArn: foundationModelArn(region, target.profile.modelId) }))
      : target.profile.modelArns.map((modelArn) => ({ modelArn }));
  return {
    inferenceProfileName: profile.name,
    ...(profile.description !== undefined && { description: profile.description }),
    createdAt: profile.createdAt,
    updatedAt: profile.updatedAt,
    inferenceProfileArn: target.arn,
    models,
    inferenceProfileId: profile.id,
    status: 'ACTIVE',
    type: target.kind === 'system-profile' ? 'SYSTEM_DEFINED' : 'APPLICATION',
  };
}

/** Every profile the caller may list in the signing region, system-defined first. */
export function allProfiles(view: BedrockView): ResolvedProfile[] {
  return [
    ...view.regionData.systemProfiles.map((profile) => systemTarget(view, profile)),
    ...[...view.applicationProfiles].sort((a, b) => a.createdAt.localeCompare(b.createdAt)).map(applicationTarget),
  ];
}
