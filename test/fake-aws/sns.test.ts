// The fake's SNS through the real SDK client: awsQuery with XML answers, topics per account and
// Region, idempotent CreateTopic, e-mail subscriptions pending confirmation, and denials named as SNS names them.
import assert from 'node:assert/strict';
import { CreateTopicCommand, ListSubscriptionsByTopicCommand, ListTopicsCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { BASIC_ACCOUNT_ID, BASIC_STATIC_KEY } from './scenarios/basic';
import { EXISTING_TOPIC } from './scenarios/adminScenarios';
import { rejects } from './rejects';
import { SNS_ERROR_MESSAGES } from './services/sns';
import { useFakeClients } from './useFakeClients';

describe('fake-aws SNS', () => {
  const { fake, client } = useFakeClients('basic');
  const sns = (region?: string) => client((config) => new SNSClient(config), region);

  it('creates a topic once, lists it in its Region only, and subscribes an e-mail address pending its confirmation', async () => {
    assert.deepEqual((await sns().send(new ListTopicsCommand({}))).Topics, []);
    const first = await sns().send(new CreateTopicCommand({ Name: 'claude-bedrock-alarms' }));
    const again = await sns().send(new CreateTopicCommand({ Name: 'claude-bedrock-alarms' }));
    assert.equal(first.TopicArn, `arn:aws:sns:ap-northeast-1:${BASIC_ACCOUNT_ID}:claude-bedrock-alarms`);
    assert.equal(again.TopicArn, first.TopicArn);
    assert.deepEqual((await sns().send(new ListTopicsCommand({}))).Topics, [{ TopicArn: first.TopicArn }]);
    assert.deepEqual((await sns('us-east-1').send(new ListTopicsCommand({}))).Topics, []);
    const subscribed = await sns().send(new SubscribeCommand({ TopicArn: first.TopicArn, Protocol: 'email', Endpoint: 'admin@example.com' }));
    assert.equal(subscribed.SubscriptionArn, 'pending confirmation');
    await sns().send(new SubscribeCommand({ TopicArn: first.TopicArn, Protocol: 'email', Endpoint: 'admin@example.com' }));
    assert.equal(fake().state.sns!.accounts[BASIC_ACCOUNT_ID]!.topics!['ap-northeast-1']![0]!.subscriptions.length, 1, 'the same address once');
    const { Subscriptions } = await sns().send(new ListSubscriptionsByTopicCommand({ TopicArn: first.TopicArn }));
    assert.deepEqual(Subscriptions, [{ SubscriptionArn: 'PendingConfirmation', Owner: BASIC_ACCOUNT_ID, Protocol: 'email', Endpoint: 'admin@example.com', TopicArn: first.TopicArn }]);
    assert.ok(fake().requests.filter((entry) => entry.service === 'sns').every((entry) => entry.signingService === 'sns' && entry.status === 200));
  });

  it('pages ListTopics by 100', async () => {
    for (let index = 0; index < 101; index += 1) await sns().send(new CreateTopicCommand({ Name: `t${String(index).padStart(3, '0')}` }));
    const first = await sns().send(new ListTopicsCommand({}));
    assert.equal(first.Topics!.length, 100);
    const second = await sns().send(new ListTopicsCommand({ NextToken: first.NextToken }));
    assert.deepEqual(second.Topics!.map((topic) => topic.TopicArn!.split(':')[5]), ['t100']);
    assert.equal(second.NextToken, undefined);
  });

  it('refuses a bad name, a missing topic and an address that is not one, as SNS does', async () => {
    await rejects(sns().send(new CreateTopicCommand({ Name: 'has space' })), 'InvalidParameterException', SNS_ERROR_MESSAGES.badName);
    await rejects(sns().send(new SubscribeCommand({ TopicArn: `arn:aws:sns:ap-northeast-1:${BASIC_ACCOUNT_ID}:absent`, Protocol: 'email', Endpoint: 'a@example.com' })), 'NotFoundException', SNS_ERROR_MESSAGES.noTopic);
    const { TopicArn } = await sns().send(new CreateTopicCommand({ Name: 'ok' }));
    await rejects(sns().send(new SubscribeCommand({ TopicArn, Protocol: 'email', Endpoint: 'not-an-address' })), 'InvalidParameterException', SNS_ERROR_MESSAGES.badEmail);
  });

  it('names a denied action as SNS does (SNS:CreateTopic)', async () => {
    fake().state.sns = { accounts: { [BASIC_ACCOUNT_ID]: { deniedActions: ['sns:CreateTopic'] } } };
    const error = await rejects(sns().send(new CreateTopicCommand({ Name: 'x' })), 'AuthorizationErrorException', /is not authorized to perform: SNS:CreateTopic on resource/);
    assert.equal(error.$metadata?.httpStatusCode, 403);
    assert.match(error.message, new RegExp(BASIC_STATIC_KEY.arn));
    await sns().send(new ListTopicsCommand({}));
  });

  describe('a topic that exists', () => {
    const existing = useFakeClients('alarms-existing');
    it('is listed', async () => {
      const { Topics } = await existing.client((config) => new SNSClient(config)).send(new ListTopicsCommand({}));
      assert.deepEqual(Topics, [{ TopicArn: EXISTING_TOPIC.arn }]);
    });
  });
});
