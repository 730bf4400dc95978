/** The SNS calls of the alarms' notifications: ListTopics (every page), CreateTopic and an e-mail Subscribe. */

import { CreateTopicCommand, ListSubscriptionsByTopicCommand, ListTopicsCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { callAsValue, type AwsSession, type CallResult } from '../session';

function snsClient(session: AwsSession): SNSClient {
  return session.client('sns', (config) => new SNSClient(config));
}

/** Every topic ARN of the Region, following NextToken. */
export function listTopics(session: AwsSession): Promise<CallResult<string[]>> {
  const client = snsClient(session);
  return callAsValue(session, 'ListTopics', async (abortSignal) => {
    const arns: string[] = [];
    let NextToken: string | undefined;
    do {
      const output = await client.send(new ListTopicsCommand({ NextToken }), { abortSignal });
      arns.push(...(output.Topics ?? []).flatMap((topic) => (topic.TopicArn === undefined ? [] : [topic.TopicArn])));
      NextToken = output.NextToken || undefined;
    } while (NextToken !== undefined);
    return arns;
  });
}

/** The e-mail subscriptions of a topic (every page); a pending one has no ARN yet. */
export function listEmailSubscriptions(session: AwsSession, topicArn: string): Promise<CallResult<{ endpoint: string; confirmed: boolean }[]>> {
  const client = snsClient(session);
  return callAsValue(session, 'ListSubscriptionsByTopic', async (abortSignal) => {
    const found: { endpoint: string; confirmed: boolean }[] = [];
    let NextToken: string | undefined;
    do {
      const output = await client.send(new ListSubscriptionsByTopicCommand({ TopicArn: topicArn, NextToken }), { abortSignal });
      for (const subscription of output.Subscriptions ?? []) {
        if (subscription.Protocol !== 'email' || subscription.Endpoint === undefined) continue;
        found.push({ endpoint: subscription.Endpoint, confirmed: (subscription.SubscriptionArn ?? '').startsWith('arn:') });
      }
      NextToken = output.NextToken || undefined;
    } while (NextToken !== undefined);
    return found;
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
