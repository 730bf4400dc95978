/**
 * SNS over awsQuery (`POST /`, form body `Action=…&Version=2010-03-31`, XML answers, SigV4 name
 * `sns`): ListTopics and ListSubscriptionsByTopic (pages of 100), CreateTopic (idempotent: a topic of the same name is returned,
 * not made twice) and Subscribe (an e-mail subscription waits for its confirmation; subscribing the
 * same address again returns the same subscription). Topics live per caller account and signing
 * Region (scenario.sns). Denials name the action as SNS does (`SNS:CreateTopic`); the other error
 * texts are fake-aws's own, not verified against AWS.
 */
import { randomUUID } from 'node:crypto';
import type { FakeResponse } from '../http';
import { AwsError, awsQueryProtocol } from '../protocols';
import type { FakeSnsAccount, FakeTopic } from '../scenario';
import type { ServiceContext, ServiceModule } from '../serviceModule';
import { awsQueryForm, awsQueryResponse, isAwsQuery, type XmlTree } from '../xml';

const SNS_XMLNS = 'http://sns.amazonaws.com/doc/2010-03-31/';
const SNS_VERSION = '2010-03-31';

function xmlResponse(action: string, result: XmlTree, requestId: string): FakeResponse {
  return awsQueryResponse(action, result, requestId, SNS_XMLNS);
}
const TOPIC_NAME = /^[A-Za-z0-9_-]{1,256}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PAGE = 100;

export const SNS_ERROR_MESSAGES = {
  denied: (callerArn: string, action: string, resource: string): string =>
    `User: ${callerArn} is not authorized to perform: SNS:${action} on resource: ${resource} because no identity-based policy allows the SNS:${action} action`,
  badName: 'Invalid parameter: Topic Name',
  noTopic: 'Topic does not exist',
  badEmail: 'Invalid parameter: Email address',
  badProtocol: (protocol: string): string => `Invalid parameter: Amazon SNS does not support this protocol string: ${protocol}`,
  missing: (name: string): string => `Invalid parameter: ${name} Reason: cannot be empty`,
  badToken: 'Invalid parameter: NextToken',
} as const;

const invalid = (message: string): AwsError => new AwsError(400, 'InvalidParameter', message);

function caller(ctx: ServiceContext): NonNullable<ServiceContext['caller']> {
  if (!ctx.caller) throw new AwsError(403, 'MissingAuthenticationToken', 'Request is missing Authentication Token');
  return ctx.caller;
}

function account(ctx: ServiceContext, create: boolean): FakeSnsAccount | undefined {
  const id = caller(ctx).key.account;
  if (!create) return ctx.state.sns?.accounts[id];
  ctx.state.sns ??= { accounts: {} };
  return (ctx.state.sns.accounts[id] ??= {});
}

function topicArn(ctx: ServiceContext, name: string): string {
  const { region, key } = caller(ctx);
  return `arn:aws:sns:${region}:${key.account}:${name}`;
}

function requireAllowed(ctx: ServiceContext, action: string, resource: string): void {
  const denied = account(ctx, false)?.deniedActions ?? [];
  if (denied.includes(`sns:${action}`) || denied.includes('sns:*')) throw new AwsError(403, 'AuthorizationError', SNS_ERROR_MESSAGES.denied(caller(ctx).key.arn, action, resource));
}

function topicsIn(ctx: ServiceContext, create: boolean): FakeTopic[] {
  const found = account(ctx, create);
  const region = caller(ctx).region;
  if (!found) return [];
  if (!create) return found.topics?.[region] ?? [];
  return ((found.topics ??= {})[region] ??= []);
}

function listTopics(ctx: ServiceContext): FakeResponse {
  const { region, key } = caller(ctx);
  requireAllowed(ctx, 'ListTopics', `arn:aws:sns:${region}:${key.account}:*`);
  const raw = awsQueryForm(ctx.req).get('NextToken');
  const offset = raw === null ? 0 : Number(Buffer.from(raw, 'base64url').toString('utf8'));
  const topics = [...topicsIn(ctx, false)].sort((a, b) => (a.name < b.name ? -1 : 1));
  if (!Number.isInteger(offset) || offset < 0 || offset > topics.length) throw invalid(SNS_ERROR_MESSAGES.badToken);
  const page = topics.slice(offset, offset + PAGE);
  const next = offset + PAGE < topics.length ? Buffer.from(String(offset + PAGE)).toString('base64url') : undefined;
  return xmlResponse('ListTopics', { Topics: { member: page.map((topic) => ({ TopicArn: topicArn(ctx, topic.name) })) }, ...(next === undefined ? {} : { NextToken: next }) }, ctx.requestId);
}

function createTopic(ctx: ServiceContext): FakeResponse {
  const name = awsQueryForm(ctx.req).get('Name');
  if (name === null) throw invalid(SNS_ERROR_MESSAGES.missing('Name'));
  requireAllowed(ctx, 'CreateTopic', topicArn(ctx, name));
  if (!TOPIC_NAME.test(name)) throw invalid(SNS_ERROR_MESSAGES.badName);
  const topics = topicsIn(ctx, true);
  if (!topics.some((topic) => topic.name === name)) topics.push({ name, subscriptions: [] });
  return xmlResponse('CreateTopic', { TopicArn: topicArn(ctx, name) }, ctx.requestId);
}

function listSubscriptionsByTopic(ctx: ServiceContext): FakeResponse {
  const params = awsQueryForm(ctx.req);
  const arn = params.get('TopicArn');
  if (arn === null) throw invalid(SNS_ERROR_MESSAGES.missing('TopicArn'));
  requireAllowed(ctx, 'ListSubscriptionsByTopic', arn);
  const topic = topicsIn(ctx, false).find((candidate) => topicArn(ctx, candidate.name) === arn);
  if (!topic) throw new AwsError(404, 'NotFound', SNS_ERROR_MESSAGES.noTopic);
  const raw = params.get('NextToken');
  const offset = raw === null ? 0 : Number(Buffer.from(raw, 'base64url').toString('utf8'));
  if (!Number.isInteger(offset) || offset < 0 || offset > topic.subscriptions.length) throw invalid(SNS_ERROR_MESSAGES.badToken);
  const page = topic.subscriptions.slice(offset, offset + PAGE);
  const next = offset + PAGE < topic.subscriptions.length ? Buffer.from(String(offset + PAGE)).toString('base64url') : undefined;
  const owner = caller(ctx).key.account;
  return xmlResponse(
    'ListSubscriptionsByTopic',
    {
      Subscriptions: {
        member: page.map((subscription) => ({ SubscriptionArn: subscription.confirmed ? subscription.arn : 'PendingConfirmation', Owner: owner, Protocol: subscription.protocol, Endpoint: subscription.endpoint, TopicArn: arn })),
      },
      ...(next === undefined ? {} : { NextToken: next }),
    },
    ctx.requestId,
  );
}

function subscribe(ctx: ServiceContext): FakeResponse {
  const params = awsQueryForm(ctx.req);
  const arn = params.get('TopicArn');
  const protocol = params.get('Protocol');
  const endpoint = params.get('Endpoint');
  if (arn === null) throw invalid(SNS_ERROR_MESSAGES.missing('TopicArn'));
  if (protocol === null) throw invalid(SNS_ERROR_MESSAGES.missing('Protocol'));
  requireAllowed(ctx, 'Subscribe', arn);
  const topic = topicsIn(ctx, false).find((candidate) => topicArn(ctx, candidate.name) === arn);
  if (!topic) throw new AwsError(404, 'NotFound', SNS_ERROR_MESSAGES.noTopic);
  if (protocol !== 'email' && protocol !== 'email-json') throw invalid(SNS_ERROR_MESSAGES.badProtocol(protocol));
  if (endpoint === null || !EMAIL.test(endpoint)) throw invalid(SNS_ERROR_MESSAGES.badEmail);
  let subscription = topic.subscriptions.find((candidate) => candidate.protocol === protocol && candidate.endpoint === endpoint);
  if (!subscription) {
    subscription = { protocol, endpoint, arn: `${arn}:${randomUUID()}`, confirmed: false };
    topic.subscriptions.push(subscription);
  }
  const returnArn = params.get('ReturnSubscriptionArn') === 'true';
  return xmlResponse('Subscribe', { SubscriptionArn: subscription.confirmed || returnArn ? subscription.arn : 'pending confirmation' }, ctx.requestId);
}

export const snsModule: ServiceModule = {
  name: 'sns',
  signingName: 'sns',
  protocol: { ...awsQueryProtocol(SNS_XMLNS), throttle: () => new AwsError(429, 'Throttled', 'Rate exceeded') },
  matches: (req) => isAwsQuery(req, SNS_VERSION),
  operation: (req) => awsQueryForm(req).get('Action') ?? 'Unknown',
  handle(ctx) {
    switch (ctx.operation) {
      case 'ListTopics':
        return listTopics(ctx);
      case 'CreateTopic':
        return createTopic(ctx);
      case 'Subscribe':
        return subscribe(ctx);
      case 'ListSubscriptionsByTopic':
        return listSubscriptionsByTopic(ctx);
      default:
        throw new AwsError(400, 'InvalidAction', `fake-aws sns does not serve ${ctx.operation}`);
    }
  },
};
