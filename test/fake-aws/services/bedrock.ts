/**
 * The Bedrock control plane over restJson1 (HTTP/1.1, SigV4 name `bedrock`): model and
 * inference-profile listings, one profile, a model's availability and its agreement offers. What
 * it answers depends on the request's signing region and the caller's account (bedrockWorld.ts).
 */
import { createHash } from 'node:crypto';
import { jsonBody, jsonResponse, queryValue, type FakeRequest, type FakeResponse } from '../http';
import { AwsError, jsonProtocol } from '../protocols';
import { foundationModelArn, inferenceProfileArn, parseBedrockArn, parseRoleArn, type FakeFoundationModel, type FakeLoggingConfig } from '../scenario';
import type { ServiceContext, ServiceModule } from '../serviceModule';
import {
  BEDROCK_ERROR_MESSAGES,
  allProfiles,
  bedrockView,
  iamDenied,
  modelAccess,
  pathSegment,
  resolveProfile,
  summaryOfModel,
  summaryOfProfile,
  type BedrockView,
} from './bedrockWorld';

interface Route {
  operation: string;
  /** Default GET. */
  method?: 'GET' | 'PUT';
  path: RegExp;
  /** Whether the last path segment is a model or profile identifier (logged as `resource`). */
  hasResource: boolean;
}

const ROUTES: Route[] = [
  { operation: 'ListFoundationModels', path: /^\/foundation-models\/?$/, hasResource: false },
  { operation: 'GetFoundationModel', path: /^\/foundation-models\/[^/]+$/, hasResource: true },
  { operation: 'ListInferenceProfiles', path: /^\/inference-profiles\/?$/, hasResource: false },
  { operation: 'GetInferenceProfile', path: /^\/inference-profiles\/[^/]+$/, hasResource: true },
  { operation: 'GetFoundationModelAvailability', path: /^\/foundation-model-availability\/[^/]+$/, hasResource: true },
  { operation: 'ListFoundationModelAgreementOffers', path: /^\/list-foundation-model-agreement-offers\/[^/]+$/, hasResource: true },
  { operation: 'GetModelInvocationLoggingConfiguration', path: /^\/logging\/modelinvocations\/?$/, hasResource: false },
  { operation: 'PutModelInvocationLoggingConfiguration', method: 'PUT', path: /^\/logging\/modelinvocations\/?$/, hasResource: false },
];

function routeOf(req: FakeRequest): Route | undefined {
  return ROUTES.find((route) => (route.method ?? 'GET') === req.method && route.path.test(req.path));
}

function ok(ctx: { requestId: string }, value: unknown): FakeResponse {
  return jsonResponse(200, value, { 'x-amzn-requestid': ctx.requestId });
}

function validation(message: string): AwsError {
  return new AwsError(400, 'ValidationException', message);
}

/** An optional enum query parameter, refused the way AWS's model validation does. */
function enumQuery(req: FakeRequest, name: string, member: string, allowed: readonly string[]): string | undefined {
  const value = queryValue(req, name);
  if (value !== undefined && !allowed.includes(value)) {
    throw validation(
      `1 validation error detected: Value '${value}' at '${member}' failed to satisfy constraint: Member must satisfy enum value set: [${allowed.join(', ')}]`,
    );
  }
  return value;
}

function listFoundationModels(view: BedrockView, req: FakeRequest): Record<string, unknown> {
  iamDenied(view, 'bedrock:ListFoundationModels');
  const provider = queryValue(req, 'byProvider')?.toLowerCase();
  const inferenceType = enumQuery(req, 'byInferenceType', 'byInferenceType', ['ON_DEMAND', 'PROVISIONED']);
  const outputModality = enumQuery(req, 'byOutputModality', 'byOutputModality', ['TEXT', 'IMAGE', 'EMBEDDING']);
  const customization = enumQuery(req, 'byCustomizationType', 'byCustomizationType', ['FINE_TUNING', 'CONTINUED_PRE_TRAINING', 'DISTILLATION']);
  const models = view.regionData.foundationModels.filter(
    (model) =>
      (provider === undefined || model.providerName.toLowerCase() === provider) &&
      (inferenceType === undefined || model.inferenceTypesSupported.includes(inferenceType)) &&
      (outputModality === undefined || model.outputModalities.includes(outputModality)) &&
      (customization === undefined || (model.customizationsSupported ?? []).includes(customization)),
  );
  return { modelSummaries: models.map((model) => summaryOfModel(view.region, model)) };
}

/** A model of the signing region by ID or in-region ARN, else 404 (models of other regions too). */
function findModel(view: BedrockView, identifier: string): FakeFoundationModel {
  const arn = parseBedrockArn(identifier);
  const modelId = arn?.kind === 'foundation-model' && arn.region === view.region ? arn.id : identifier;
  const model = view.regionData.foundationModels.find((candidate) => candidate.modelId === modelId);
  if (!model) throw new AwsError(404, 'ResourceNotFoundException', BEDROCK_ERROR_MESSAGES.modelNotFound);
  return model;
}

function getFoundationModel(view: BedrockView, identifier: string): Record<string, unknown> {
  const arn = parseBedrockArn(identifier);
  iamDenied(view, 'bedrock:GetFoundationModel', foundationModelArn(view.region, arn?.id ?? identifier));
  return { modelDetails: summaryOfModel(view.region, findModel(view, identifier)) };
}

// --- ListInferenceProfiles pagination -------------------------------------------------------

const DEFAULT_PAGE = 10;
const MAX_PAGE = 1000;

interface PageToken {
  region: string;
  type: string;
  offset: number;
}

function encodeToken(token: PageToken): string {
  return Buffer.from(JSON.stringify({ v: 1, r: token.region, t: token.type, o: token.offset })).toString('base64url');
}

/** The offset a token stands for; a token from another region or filter is as invalid as garbage. */
function decodeToken(raw: string, region: string, type: string): number {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const token = parsed as { v?: unknown; r?: unknown; t?: unknown; o?: unknown } | undefined;
  if (
    !token ||
    typeof token !== 'object' ||
    token.v !== 1 ||
    token.r !== region ||
    token.t !== type ||
    typeof token.o !== 'number' ||
    !Number.isInteger(token.o) ||
    token.o < 0
  ) {
    throw validation('The provided pagination token is invalid.');
  }
  return token.o;
}

function maxResultsOf(req: FakeRequest): number {
  const raw = queryValue(req, 'maxResults');
  if (raw === undefined) return DEFAULT_PAGE;
  const value = Number(raw);
  if (!Number.isInteger(value)) throw validation(`1 validation error detected: Value '${raw}' at 'maxResults' failed to satisfy constraint: Member must be an integer`);
  if (value < 1) throw validation(`1 validation error detected: Value '${value}' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1`);
  if (value > MAX_PAGE) {
    throw validation(`1 validation error detected: Value '${value}' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to ${MAX_PAGE}`);
  }
  return value;
}

function listInferenceProfiles(view: BedrockView, req: FakeRequest): Record<string, unknown> {
  iamDenied(view, 'bedrock:ListInferenceProfiles', inferenceProfileArn(view.region, view.account, '*'));
  // As at AWS: without a type filter only the system-defined profiles are listed.
  const type = enumQuery(req, 'type', 'typeEquals', ['SYSTEM_DEFINED', 'APPLICATION']) ?? 'SYSTEM_DEFINED';
  const pageSize = maxResultsOf(req);
  const rawToken = queryValue(req, 'nextToken');
  const offset = rawToken === undefined ? 0 : decodeToken(rawToken, view.region, type);
  const wanted = type === 'APPLICATION' ? 'application-profile' : 'system-profile';
  const profiles = allProfiles(view).filter((profile) => profile.kind === wanted);
  const page = profiles.slice(offset, offset + pageSize);
  const next = offset + pageSize;
  return {
    inferenceProfileSummaries: page.map(summaryOfProfile),
    ...(next < profiles.length && { nextToken: encodeToken({ region: view.region, type, offset: next }) }),
  };
}

function getInferenceProfile(view: BedrockView, identifier: string): Record<string, unknown> {
  const resolved = resolveProfile(view, identifier);
  const resource = resolved?.arn ?? (parseBedrockArn(identifier) ? identifier : inferenceProfileArn(view.region, view.account, identifier));
  iamDenied(view, 'bedrock:GetInferenceProfile', resource);
  if (!resolved) throw new AwsError(404, 'ResourceNotFoundException', BEDROCK_ERROR_MESSAGES.profileNotFound(identifier));
  return summaryOfProfile(resolved);
}

/**
 * Only NOT_AUTHORIZED and a Marketplace problem show here. A missing use-case form or a Legacy
 * model look AVAILABLE / AUTHORIZED and fail only when invoked, as at AWS.
 */
function getFoundationModelAvailability(view: BedrockView, identifier: string): Record<string, unknown> {
  iamDenied(view, 'bedrock:GetFoundationModelAvailability');
  const model = findModel(view, identifier);
  const access = modelAccess(view.accountState, model.modelId);
  return {
    modelId: model.modelId,
    agreementAvailability: { status: access === 'marketplace' ? 'NOT_AVAILABLE' : 'AVAILABLE' },
    authorizationStatus: access === 'not-authorized' ? 'NOT_AUTHORIZED' : 'AUTHORIZED',
    entitlementAvailability: 'AVAILABLE',
    regionAvailability: 'AVAILABLE',
  };
}

/** USD per million input / output tokens, for the rate card of Anthropic offers. */
const PRICES: [RegExp, number, number][] = [
  [/haiku-4-5/, 1, 5],
  [/3-haiku/, 0.25, 1.25],
  [/opus-4-(5|6)/, 5, 25],
  [/opus/, 15, 75],
  [/./, 3, 15],
];

function listAgreementOffers(view: BedrockView, identifier: string): Record<string, unknown> {
  iamDenied(view, 'bedrock:ListFoundationModelAgreementOffers');
  const model = findModel(view, identifier);
  // Amazon's own models are not sold through AWS Marketplace: no offer to accept.
  if (model.providerName !== 'Anthropic') return { modelId: model.modelId, offers: [] };
  const [, input, output] = PRICES.find(([pattern]) => pattern.test(model.modelId)) ?? [/./, 3, 15];
  const digest = createHash('sha256').update(`${view.region}:${model.modelId}`).digest('hex');
  const perThousand = (usd: number): string => (usd / 1000).toFixed(6).replace(/0+$/, '');
  return {
    modelId: model.modelId,
    offers: [
      {
        offerId: `offer-fake${digest.slice(0, 20)}`,
        offerToken: `fake-offer-token-${digest.slice(20, 52)}`,
        termDetails: {
          usageBasedPricingTerm: {
            rateCard: [
              { dimension: 'InputTokenCount', price: perThousand(input), description: 'Input tokens', unit: '1K tokens' },
              { dimension: 'OutputTokenCount', price: perThousand(output), description: 'Output tokens', unit: '1K tokens' },
            ],
          },
          legalTerm: { url: 'https://example.invalid/fake-aws/anthropic-eula' },
          supportTerm: { refundPolicyDescription: 'Fake offer of fake-aws: no refunds, no charges.' },
        },
      },
    ],
  };
}

/** The Region's logging configuration; without one the answer has no `loggingConfig`, as at AWS. */
function getLoggingConfiguration(view: BedrockView, ctx: ServiceContext): Record<string, unknown> {
  iamDenied(view, 'bedrock:GetModelInvocationLoggingConfiguration');
  const config = ctx.state.bedrock?.accounts[view.account]?.invocationLogging?.[view.region];
  return config ? { loggingConfig: config } : {};
}

/**
 * Sets the Region's logging configuration. As Bedrock does, it checks the destinations first: the
 * CloudWatch Logs group must exist in the account and Region and the role must exist in the account.
 */
function putLoggingConfiguration(view: BedrockView, ctx: ServiceContext): Record<string, unknown> {
  iamDenied(view, 'bedrock:PutModelInvocationLoggingConfiguration');
  const config = jsonBody(ctx.req)?.loggingConfig as FakeLoggingConfig | undefined;
  if (!config || typeof config !== 'object') throw validation("1 validation error detected: Value null at 'loggingConfig' failed to satisfy constraint: Member must not be null");
  const cloudWatch = config.cloudWatchConfig;
  if (!cloudWatch && !config.s3Config) throw validation('At least one of cloudWatchConfig or s3Config must be provided.');
  if (cloudWatch) {
    const { logGroupName, roleArn } = cloudWatch;
    const role = ctx.state.roles.find((candidate) => candidate.arn === roleArn);
    const roleAccount = typeof roleArn === 'string' ? parseRoleArn(roleArn)?.account : undefined;
    const group = ctx.state.cloudWatchLogs?.accounts[view.account]?.logGroups?.[view.region]?.find((candidate) => candidate.name === logGroupName);
    if (!role || roleAccount !== view.account || !group) {
      throw validation(`Failed to validate permissions for log group: ${String(logGroupName)}, with role: ${String(roleArn)}. Verify the IAM role permissions are correct.`);
    }
  }
  const bedrock = (ctx.state.bedrock ??= { regions: {}, applicationProfiles: [], accounts: {} });
  const account = (bedrock.accounts[view.account] ??= {});
  (account.invocationLogging ??= {})[view.region] = structuredClone(config);
  return {};
}

export const bedrockModule: ServiceModule = {
  name: 'bedrock',
  signingName: 'bedrock',
  protocol: jsonProtocol({ style: 'restJson1' }),
  matches: (req) => routeOf(req) !== undefined,
  operation: (req) => routeOf(req)?.operation ?? 'Unknown',
  resource: (req) => (routeOf(req)?.hasResource ? pathSegment(req, 1) : undefined),
  handle(ctx) {
    const view = bedrockView(ctx);
    const identifier = pathSegment(ctx.req, 1) ?? '';
    switch (ctx.operation) {
      case 'ListFoundationModels':
        return ok(ctx, listFoundationModels(view, ctx.req));
      case 'GetFoundationModel':
        return ok(ctx, getFoundationModel(view, identifier));
      case 'ListInferenceProfiles':
        return ok(ctx, listInferenceProfiles(view, ctx.req));
      case 'GetInferenceProfile':
        return ok(ctx, getInferenceProfile(view, identifier));
      case 'GetFoundationModelAvailability':
        return ok(ctx, getFoundationModelAvailability(view, identifier));
      case 'ListFoundationModelAgreementOffers':
        return ok(ctx, listAgreementOffers(view, identifier));
      case 'GetModelInvocationLoggingConfiguration':
        return ok(ctx, getLoggingConfiguration(view, ctx));
      case 'PutModelInvocationLoggingConfiguration':
        return ok(ctx, putLoggingConfiguration(view, ctx));
      default:
        throw new AwsError(404, 'UnknownOperationException', `fake-aws bedrock does not serve ${ctx.operation}`);
    }
  },
};
