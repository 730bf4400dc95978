/** The SNS calls of the alarms' notifications: ListTopics (every page), CreateTopic and an e-mail Subscribe. */

import { CreateTopicCommand, ListSubscriptionsByTopicCommand, ListTopicsCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { readPages } from '../paging';
import { callAsValue, type AwsSession, type CallResult } from '../session';

function snsClient(session: AwsSession): SNSClient {
  return session.client('sns', (config) => new SNSClient(config));
}

/** Every topic ARN of the Region, following NextToken. */
export function listTopics(session: AwsSession): Promise<CallResult<string[]>> {
  const client = snsClient(session);
  return callAsValue(session, 'ListTopics', async (abortSignal) => {
    const listed = await readPages<string>(async (NextToken) => {
      const output = await client.send(new ListTopicsCommand({ NextToken }), { abortSignal });
      return { items: (output.Topics ?? []).flatMap((topic) => (topic.TopicArn === undefined ? [] : [topic.TopicArn])), next: output.NextToken };
    });
    return listed.items;
  });
}

/** The e-mail subscriptions of a topic (every page); a pending one has no ARN yet. */
export function listEmailSubscriptions(session: AwsSession, topicArn: string): Promise<CallResult<{ endpoint: string; confirmed: boolean }[]>> {
  const client = snsClient(session);
  return callAsValue(session, 'ListSubscriptionsByTopic', async (abortSignal) => {
    const listed = await readPages<{ endpoint: string; confirmed: boolean }>(async (NextToken) => {
      const output = await client.send(new ListSubscriptionsByTopicCommand({ TopicArn: topicArn, NextToken }), { abortSignal });
      const items = (output.Subscriptions ?? []).flatMap((subscription) =>
        subscription.Protocol !== 'email' || subscription.Endpoint === undefined ? [] : [{ endpoint: subscription.Endpoint, confirmed: (subscription.SubscriptionArn ?? '').startsWith('arn:') }],
      );
      return { items, next: output.NextToken };
    });
    return listed.items;
  });
}

/** The topic of this name: created, or the existing one returned (CreateTopic makes no second topic). */
export function createTopic(session: AwsSession, name: string): Promise<CallResult<string>> {
  const client = snsClient(session);
  return callAsValue(session, 'CreateTopic', async (abortSignal) => {
    const output = await client.send(new CreateTopicCommand({ Name: name }), { abortSignal });
    if (output.TopicArn === undefined) throw new Error('CreateTopic answered without a TopicArn.');
    return output.TopicArn;
  });
}

/** Subscribes an e-mail address; AWS e-mails it a confirmation link. */
export function subscribeEmail(session: AwsSession, topicArn: string, email: string): Promise<CallResult<string>> {
  const client = snsClient(session);
  return callAsValue(session, 'Subscribe', async (abortSignal) => {
    const output = await client.send(new SubscribeCommand({ TopicArn: topicArn, Protocol: 'email', Endpoint: email }), { abortSignal });
    return output.SubscriptionArn ?? 'pending confirmation';
  });
}
