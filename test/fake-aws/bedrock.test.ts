import assert from 'node:assert/strict';
import {
  BedrockClient,
  GetFoundationModelAvailabilityCommand,
  GetInferenceProfileCommand,
  ListFoundationModelAgreementOffersCommand,
  ListFoundationModelsCommand,
  ListInferenceProfilesCommand,
  paginateListInferenceProfiles,
  type InferenceProfileSummary,
} from '@aws-sdk/client-bedrock';
import {
  BedrockRuntimeClient,
  ConverseCommand,
  CountTokensCommand,
  InvokeModelCommand,
  type ConverseCommandOutput,
} from '@aws-sdk/client-bedrock-runtime';
import { BASIC_ACCOUNT_ID, BASIC_APP_PROFILE, BASIC_EXPIRED_KEY, BASIC_OUTSIDER_KEY, BASIC_REGION, BASIC_STATIC_KEY } from './scenarios/basic';
import { BEDROCK_FOUNDATION_MODEL_IDS, BEDROCK_GEO_DESTINATIONS, BEDROCK_MODEL_IDS, BEDROCK_PROFILE_IDS, BEDROCK_REGIONS } from './scenarios/bedrockCatalog';
import { BEDROCK_ERROR_MESSAGES, foundationModelArn, getScenario, inferenceProfileArn, scenarioNames, startFakeAws } from './index';
import { rejects } from './rejects';
import { STATIC_CREDENTIALS, useFakeClients, type Credentials } from './useFakeClients';


const STATIC = STATIC_CREDENTIALS;
const OUTSIDER: Credentials = { accessKeyId: BASIC_OUTSIDER_KEY.accessKeyId, secretAccessKey: BASIC_OUTSIDER_KEY.secretAccessKey };
const M = BEDROCK_MODEL_IDS;
const JP_SONNET_45 = `jp.${M.sonnet45}`;


/** One fake per test, with Bedrock clients that are destroyed afterwards. */
function useFake(scenario: string) {
  const { fake, client } = useFakeClients(scenario);
  return {
    fake,
    control: (region?: string, credentials?: Credentials) => client((config) => new BedrockClient(config), region, credentials),
    runtime: (region?: string, credentials?: Credentials) =>
      client((config, current) => {
        assert.ok(current.runtimeEndpoint, 'the runtime listener runs by default');
        return new BedrockRuntimeClient({ ...config, endpoint: current.runtimeEndpoint });
      }, region, credentials),
  };
}

function converse(client: BedrockRuntimeClient, modelId: string, maxTokens = 1): Promise<ConverseCommandOutput> {
  return client.send(
    new ConverseCommand({ modelId, messages: [{ role: 'user', content: [{ text: 'Reply with OK.' }] }], inferenceConfig: { maxTokens } }),
  );
}

async function allProfiles(client: BedrockClient, typeEquals?: 'SYSTEM_DEFINED' | 'APPLICATION'): Promise<InferenceProfileSummary[]> {
  const out: InferenceProfileSummary[] = [];
  for await (const page of paginateListInferenceProfiles({ client, pageSize: 3 }, typeEquals ? { typeEquals } : {})) {
    out.push(...(page.inferenceProfileSummaries ?? []));
  }
  return out;
}

describe('fake-aws: Bedrock control plane through the real SDK', () => {
  const { fake, control } = useFake('basic');

  it('paginates ListInferenceProfiles: maxResults 3 gathers every profile exactly once, in every region', async () => {
    for (const region of BEDROCK_REGIONS) {
      fake().clearLog();
      const profiles = await allProfiles(control(region));
      const ids = profiles.map((profile) => profile.inferenceProfileId);
      assert.deepEqual(ids, [...BEDROCK_PROFILE_IDS[region]], region);
      assert.equal(new Set(ids).size, ids.length);
      const calls = fake().requests.filter((entry) => entry.operation === 'ListInferenceProfiles');
      assert.equal(calls.length, Math.ceil(ids.length / 3), `${region}: one request per page`);
      assert.ok(calls.every((entry) => entry.status === 200 && entry.signingRegion === region && entry.resource === undefined));
      const hasJp = ids.some((id) => id?.startsWith('jp.'));
      assert.equal(hasJp, region === 'ap-northeast-1' || region === 'ap-northeast-3', `${region}: jp. only in Japan`);
    }
  });

  it('pages 10 at a time without maxResults, and refuses a foreign or broken nextToken', async () => {
    const first = await control().send(new ListInferenceProfilesCommand({}));
    assert.equal(first.inferenceProfileSummaries?.length, 10);
    assert.ok(first.nextToken);
    await rejects(
      control('us-east-1').send(new ListInferenceProfilesCommand({ nextToken: first.nextToken })),
      'ValidationException',
    );
    await rejects(control().send(new ListInferenceProfilesCommand({ nextToken: 'garbage' })), 'ValidationException');
    await rejects(control().send(new ListInferenceProfilesCommand({ maxResults: 1001 })), 'ValidationException', /less than or equal to 1000/);
  });

  it('describes jp. profiles with both Japanese destinations and the caller account in the ARN', async () => {
    const profiles = await allProfiles(control());
    const jp = profiles.find((profile) => profile.inferenceProfileId === JP_SONNET_45);
    assert.ok(jp);
    assert.equal(jp.inferenceProfileName, 'JP Anthropic Claude Sonnet 4.5');
    assert.equal(jp.inferenceProfileArn, inferenceProfileArn('ap-northeast-1', BASIC_ACCOUNT_ID, JP_SONNET_45));
    assert.equal(jp.type, 'SYSTEM_DEFINED');
    assert.equal(jp.status, 'ACTIVE');
    assert.ok(jp.createdAt instanceof Date && !Number.isNaN(jp.createdAt.getTime()));
    assert.deepEqual(jp.models, [
      { modelArn: `arn:aws:bedrock:ap-northeast-1::foundation-model/${M.sonnet45}` },
      { modelArn: `arn:aws:bedrock:ap-northeast-3::foundation-model/${M.sonnet45}` },
    ]);
    assert.ok(!profiles.some((profile) => profile.inferenceProfileId === `jp.${M.opus45}`), 'no jp. Opus 4.5');
    // Another account sees its own account id in the same profile's ARN.
    const outsider = await control(BASIC_REGION, OUTSIDER).send(new GetInferenceProfileCommand({ inferenceProfileIdentifier: JP_SONNET_45 }));
    assert.equal(outsider.inferenceProfileArn, inferenceProfileArn('ap-northeast-1', BASIC_OUTSIDER_KEY.account, JP_SONNET_45));
  });

  it('lists global. profiles with one empty-region model ARN, and apac. with six regions', async () => {
    const profiles = await allProfiles(control('us-west-2'));
    const global = profiles.find((profile) => profile.inferenceProfileId === `global.${M.opus46}`);
    assert.deepEqual(global?.models, [{ modelArn: `arn:aws:bedrock:::foundation-model/${M.opus46}` }]);
    assert.equal(foundationModelArn('', M.opus46), `arn:aws:bedrock:::foundation-model/${M.opus46}`);
    const tokyo = await control().send(new GetInferenceProfileCommand({ inferenceProfileIdentifier: `apac.${M.sonnet4}` }));
    assert.deepEqual(
      tokyo.models?.map((model) => model.modelArn),
      BEDROCK_GEO_DESTINATIONS.apac.map((region) => foundationModelArn(region, M.sonnet4)),
    );
  });

  it('lists the application profile only with type APPLICATION, to its account, in its region', async () => {
    const apps = await allProfiles(control(), 'APPLICATION');
    assert.equal(apps.length, 1);
    const [app] = apps;
    assert.equal(app?.type, 'APPLICATION');
    assert.equal(app?.inferenceProfileId, BASIC_APP_PROFILE.id);
    assert.equal(app?.inferenceProfileName, BASIC_APP_PROFILE.name);
    assert.equal(app?.inferenceProfileArn, BASIC_APP_PROFILE.arn);
    assert.deepEqual(app?.models?.map((model) => model.modelArn), [...BASIC_APP_PROFILE.modelArns]);
    assert.ok(!(await allProfiles(control())).some((profile) => profile.type === 'APPLICATION'), 'not in the default listing');
    assert.deepEqual(await allProfiles(control('us-east-1'), 'APPLICATION'), []);
    assert.deepEqual(await allProfiles(control(BASIC_REGION, OUTSIDER), 'APPLICATION'), []);
  });

  it('gets a profile by id and by ARN, and answers unknown ones with ResourceNotFoundException', async () => {
    const byId = await control().send(new GetInferenceProfileCommand({ inferenceProfileIdentifier: JP_SONNET_45 }));
    const byArn = await control().send(
      new GetInferenceProfileCommand({ inferenceProfileIdentifier: inferenceProfileArn('ap-northeast-1', BASIC_ACCOUNT_ID, JP_SONNET_45) }),
    );
    assert.equal(byId.inferenceProfileId, JP_SONNET_45);
    assert.deepEqual({ ...byArn, $metadata: undefined }, { ...byId, $metadata: undefined });
    const app = await control().send(new GetInferenceProfileCommand({ inferenceProfileIdentifier: BASIC_APP_PROFILE.arn }));
    assert.equal(app.type, 'APPLICATION');
    assert.equal((await control().send(new GetInferenceProfileCommand({ inferenceProfileIdentifier: BASIC_APP_PROFILE.id }))).inferenceProfileArn, BASIC_APP_PROFILE.arn);
    assert.equal(fake().requests.at(-1)?.resource, BASIC_APP_PROFILE.id);
    await rejects(control('us-east-1').send(new GetInferenceProfileCommand({ inferenceProfileIdentifier: JP_SONNET_45 })), 'ResourceNotFoundException');
    await rejects(control().send(new GetInferenceProfileCommand({ inferenceProfileIdentifier: `${JP_SONNET_45}[1m]` })), 'ResourceNotFoundException');
    assert.equal(fake().requests.at(-1)?.resource, `${JP_SONNET_45}[1m]`);
  });

  it('lists foundation models per region and honours byProvider, byInferenceType and byOutputModality', async () => {
    const all = await control().send(new ListFoundationModelsCommand({}));
    assert.deepEqual(all.modelSummaries?.map((model) => model.modelId), [...BEDROCK_FOUNDATION_MODEL_IDS['ap-northeast-1']]);
    const sonnet = all.modelSummaries?.find((model) => model.modelId === M.sonnet45);
    assert.equal(sonnet?.modelArn, foundationModelArn('ap-northeast-1', M.sonnet45));
    assert.deepEqual(sonnet?.inferenceTypesSupported, ['INFERENCE_PROFILE']);
    assert.equal(sonnet?.modelLifecycle?.status, 'ACTIVE');
    assert.equal(all.modelSummaries?.find((model) => model.modelId === M.sonnet37)?.modelLifecycle?.status, 'LEGACY');

    const anthropic = await control().send(new ListFoundationModelsCommand({ byProvider: 'anthropic' }));
    assert.ok(anthropic.modelSummaries?.length && anthropic.modelSummaries.every((model) => model.providerName === 'Anthropic'));
    const onDemand = await control().send(new ListFoundationModelsCommand({ byInferenceType: 'ON_DEMAND' }));
    assert.deepEqual(onDemand.modelSummaries?.map((model) => model.modelId), [M.haiku3, M.novaLite, M.titanEmbedV2]);
    const embeddings = await control().send(new ListFoundationModelsCommand({ byOutputModality: 'EMBEDDING' }));
    assert.deepEqual(embeddings.modelSummaries?.map((model) => model.modelId), [M.titanEmbedV2]);
    const us = await control('us-east-1').send(new ListFoundationModelsCommand({ byProvider: 'Anthropic' }));
    assert.ok(us.modelSummaries?.some((model) => model.modelId === M.opus41));
  });

  it('reports availability and agreement offers, and 404s a model the region does not list', async () => {
    const availability = await control().send(new GetFoundationModelAvailabilityCommand({ modelId: M.haiku45 }));
    assert.deepEqual(
      { ...availability, $metadata: undefined },
      {
        $metadata: undefined,
        modelId: M.haiku45,
        agreementAvailability: { status: 'AVAILABLE' },
        authorizationStatus: 'AUTHORIZED',
        entitlementAvailability: 'AVAILABLE',
        regionAvailability: 'AVAILABLE',
      },
    );
    assert.equal(fake().requests.at(-1)?.resource, M.haiku45);
    await rejects(control('ap-northeast-3').send(new GetFoundationModelAvailabilityCommand({ modelId: M.haiku3 })), 'ResourceNotFoundException');
    const offers = await control().send(new ListFoundationModelAgreementOffersCommand({ modelId: M.sonnet45 }));
    assert.equal(offers.offers?.length, 1);
    assert.ok(offers.offers?.[0]?.offerToken);
    assert.deepEqual((await control().send(new ListFoundationModelAgreementOffersCommand({ modelId: M.novaLite }))).offers, []);
  });

  it('still verifies SigV4: a wrong secret, an expired key', async () => {
    await rejects(
      control(BASIC_REGION, { ...STATIC, secretAccessKey: 'not-the-secret' }).send(new ListInferenceProfilesCommand({})),
      'InvalidSignatureException',
      /signature we calculated does not match/,
    );
    await rejects(control(BASIC_REGION, BASIC_EXPIRED_KEY).send(new ListFoundationModelsCommand({})), 'ExpiredTokenException');
  });
});

describe('fake-aws: Bedrock Runtime through the real SDK (HTTP/2)', () => {
  const { fake, runtime, control } = useFake('basic');

  it('answers Converse on a jp. profile with usage, and logs exactly which ID was invoked', async () => {
    const answer = await converse(runtime(), JP_SONNET_45);
    assert.deepEqual(answer.output, { message: { role: 'assistant', content: [{ text: 'OK' }] } });
    assert.equal(answer.stopReason, 'max_tokens');
    // 'Reply with OK.' is 14 characters: ceil(14 / 4) + 3.
    assert.deepEqual(answer.usage, { inputTokens: 7, outputTokens: 1, totalTokens: 8 });
    assert.equal(typeof answer.metrics?.latencyMs, 'number');
    const [entry] = fake().requests;
    assert.deepEqual(
      { ...entry, time: undefined },
      {
        time: undefined,
        service: 'bedrock-runtime',
        operation: 'Converse',
        resource: JP_SONNET_45,
        accessKeyId: STATIC.accessKeyId,
        signingRegion: BASIC_REGION,
        signingService: 'bedrock',
        status: 200,
      },
    );
    const longer = await converse(runtime(), JP_SONNET_45, 1000);
    assert.equal(longer.stopReason, 'end_turn');
    assert.ok((longer.usage?.outputTokens ?? 0) > 1 && (longer.usage?.outputTokens ?? 0) < 10);
  });

  it('invokes application profiles by ARN and id, system profiles by ARN, and on-demand models by bare ID', async () => {
    await converse(runtime(), BASIC_APP_PROFILE.arn);
    await converse(runtime(), BASIC_APP_PROFILE.id);
    await converse(runtime(), inferenceProfileArn('ap-northeast-1', BASIC_ACCOUNT_ID, `global.${M.haiku45}`));
    await converse(runtime('us-east-1'), `us.${M.opus41}`);
    await converse(runtime(), M.haiku3);
    await converse(runtime(), M.novaLite);
    assert.deepEqual(
      fake().requests.map((entry) => [entry.resource, entry.status]),
      [
        [BASIC_APP_PROFILE.arn, 200],
        [BASIC_APP_PROFILE.id, 200],
        [inferenceProfileArn('ap-northeast-1', BASIC_ACCOUNT_ID, `global.${M.haiku45}`), 200],
        [`us.${M.opus41}`, 200],
        [M.haiku3, 200],
        [M.novaLite, 200],
      ],
    );
  });

  it('passes raw Anthropic bodies through InvokeModel', async () => {
    const body = { anthropic_version: 'bedrock-2023-05-31', max_tokens: 1, messages: [{ role: 'user', content: 'ping' }] };
    const response = await runtime().send(
      new InvokeModelCommand({ modelId: `jp.${M.haiku45}`, contentType: 'application/json', accept: 'application/json', body: JSON.stringify(body) }),
    );
    const parsed = JSON.parse(new TextDecoder().decode(response.body)) as Record<string, unknown>;
    assert.equal(parsed.type, 'message');
    assert.equal(parsed.model, 'claude-haiku-4-5-20251001');
    assert.deepEqual(parsed.content, [{ type: 'text', text: 'OK' }]);
    assert.equal(parsed.stop_reason, 'max_tokens');
    assert.deepEqual(parsed.usage, { input_tokens: 4, output_tokens: 1 });
    assert.equal(fake().requests.at(-1)?.operation, 'InvokeModel');

    const { max_tokens: _dropped, ...withoutMax } = body;
    await rejects(
      runtime().send(new InvokeModelCommand({ modelId: `jp.${M.haiku45}`, contentType: 'application/json', body: JSON.stringify(withoutMax) })),
      'ValidationException',
      /required key \[max_tokens\] not found/,
    );
  });

  it('counts tokens on base model IDs only', async () => {
    const counted = await runtime().send(
      new CountTokensCommand({ modelId: M.sonnet45, input: { converse: { messages: [{ role: 'user', content: [{ text: 'Reply with OK.' }] }] } } }),
    );
    assert.equal(counted.inputTokens, 7);
    await rejects(
      runtime().send(new CountTokensCommand({ modelId: JP_SONNET_45, input: { converse: { messages: [{ role: 'user', content: [{ text: 'x' }] }] } } })),
      'ValidationException',
      BEDROCK_ERROR_MESSAGES.countTokensUnsupported,
    );
  });

  it('refuses identifiers the signing region does not know with "The provided model identifier is invalid."', async () => {
    for (const [region, modelId] of [
      ['us-east-1', JP_SONNET_45],
      [BASIC_REGION, `${JP_SONNET_45}[1m]`],
      [BASIC_REGION, 'jp.anthropic.claude-sonet-4-5-20250929-v1:0'],
      [BASIC_REGION, `eu.${M.sonnet45}`],
      ['ap-northeast-3', M.haiku3],
      ['us-east-1', BASIC_APP_PROFILE.arn],
    ] as const) {
      const error = await rejects(converse(runtime(region), modelId), 'ValidationException', BEDROCK_ERROR_MESSAGES.invalidIdentifier);
      assert.equal(error.$metadata?.httpStatusCode, 400);
    }
    assert.equal(fake().requests[1]?.resource, `${JP_SONNET_45}[1m]`);
  });

  it('refuses a bare ID of a profile-only model with the on-demand throughput error', async () => {
    await rejects(
      converse(runtime(), M.sonnet45),
      'ValidationException',
      `Invocation of model ID ${M.sonnet45} with on-demand throughput isn't supported. Retry your request with the ID or ARN of an inference profile that contains this model.`,
    );
  });

  it('follows state changes: an IAM denial of bedrock:InvokeModel added by the test', async () => {
    const bedrock = fake().state.bedrock;
    assert.ok(bedrock);
    bedrock.accounts[BASIC_ACCOUNT_ID] = { deniedActions: ['bedrock:InvokeModel'] };
    await rejects(
      converse(runtime(), JP_SONNET_45),
      'AccessDeniedException',
      `User: ${BASIC_STATIC_KEY.arn} is not authorized to perform: bedrock:InvokeModel on resource: ${inferenceProfileArn(BASIC_REGION, BASIC_ACCOUNT_ID, JP_SONNET_45)} because no identity-based policy allows the bedrock:InvokeModel action`,
    );
  });

  it('serves an empty world when the scenario has no bedrock section', async () => {
    await fake().stop();
    const { bedrock: _dropped, ...withoutBedrock } = getScenario('basic');
    const bare = await startFakeAws({ scenario: withoutBedrock });
    const clients = [
      new BedrockClient({ endpoint: bare.endpoint, region: BASIC_REGION, credentials: STATIC, maxAttempts: 1 }),
      new BedrockRuntimeClient({ endpoint: bare.runtimeEndpoint, region: BASIC_REGION, credentials: STATIC, maxAttempts: 1 }),
    ] as const;
    try {
      assert.deepEqual((await clients[0].send(new ListInferenceProfilesCommand({}))).inferenceProfileSummaries, []);
      assert.deepEqual((await clients[0].send(new ListFoundationModelsCommand({}))).modelSummaries, []);
      await rejects(converse(clients[1], JP_SONNET_45), 'ValidationException', BEDROCK_ERROR_MESSAGES.invalidIdentifier);
    } finally {
      for (const client of clients) client.destroy();
      await bare.stop();
    }
  });

  it('still verifies SigV4 (wrong secret, expired key) and throttles with the runtime message when injected', async () => {
    await rejects(converse(runtime(BASIC_REGION, { ...STATIC, secretAccessKey: 'not-the-secret' }), JP_SONNET_45), 'InvalidSignatureException');
    await rejects(converse(runtime(BASIC_REGION, BASIC_EXPIRED_KEY), JP_SONNET_45), 'ExpiredTokenException');
    fake().inject({ service: 'bedrock-runtime', operation: 'Converse', throttle: true, times: 1 });
    const throttled = await rejects(converse(runtime(), JP_SONNET_45), 'ThrottlingException', BEDROCK_ERROR_MESSAGES.throttled);
    assert.equal(throttled.$metadata?.httpStatusCode, 429);
    await converse(runtime(), JP_SONNET_45);
    assert.deepEqual(
      fake().requests.map((entry) => [entry.status, entry.errorCode, entry.resource]),
      [
        [403, 'InvalidSignatureException', JP_SONNET_45],
        [403, 'ExpiredTokenException', JP_SONNET_45],
        [429, 'ThrottlingException', JP_SONNET_45],
        [200, undefined, JP_SONNET_45],
      ],
    );
    // The control plane keeps the generic throttle text.
    fake().inject({ service: 'bedrock', operation: 'ListInferenceProfiles', throttle: true, times: 1 });
    await rejects(control().send(new ListInferenceProfilesCommand({})), 'ThrottlingException', 'Rate exceeded');
  });
});

describe('fake-aws: Bedrock failure scenarios', () => {
  const expected = [
    'bedrock-legacy',
    'bedrock-list-denied',
    'bedrock-marketplace',
    'bedrock-not-authorized',
    'bedrock-scp-osaka',
    'bedrock-throttled',
    'bedrock-use-case',
  ];

  it('are registered, and each differs from basic only for account 111122223333', () => {
    for (const name of expected) {
      assert.ok((scenarioNames() as string[]).includes(name), name);
      const scenario = getScenario(name);
      assert.equal(scenario.name, name);
      assert.deepEqual(Object.keys(scenario.bedrock?.accounts ?? {}), [BASIC_ACCOUNT_ID]);
    }
  });

  describe('bedrock-not-authorized', () => {
    const { control, runtime } = useFake('bedrock-not-authorized');
    it('shows Haiku 4.5 NOT_AUTHORIZED and refuses to invoke it', async () => {
      const availability = await control().send(new GetFoundationModelAvailabilityCommand({ modelId: M.haiku45 }));
      assert.equal(availability.authorizationStatus, 'NOT_AUTHORIZED');
      assert.equal(availability.agreementAvailability?.status, 'AVAILABLE');
      const error = await rejects(converse(runtime(), `jp.${M.haiku45}`), 'AccessDeniedException', BEDROCK_ERROR_MESSAGES.notAuthorized);
      assert.equal(error.$metadata?.httpStatusCode, 403);
      await converse(runtime(), JP_SONNET_45);
      await converse(runtime(BASIC_REGION, OUTSIDER), `jp.${M.haiku45}`);
    });
  });

  describe('bedrock-marketplace', () => {
    const { control, runtime } = useFake('bedrock-marketplace');
    it('shows the agreement NOT_AVAILABLE for Sonnet 4.5 and refuses it with the Marketplace message', async () => {
      const availability = await control().send(new GetFoundationModelAvailabilityCommand({ modelId: M.sonnet45 }));
      assert.equal(availability.agreementAvailability?.status, 'NOT_AVAILABLE');
      assert.equal(availability.authorizationStatus, 'AUTHORIZED');
      await rejects(converse(runtime(), `global.${M.sonnet45}`), 'AccessDeniedException', BEDROCK_ERROR_MESSAGES.marketplace);
      assert.match(BEDROCK_ERROR_MESSAGES.marketplace, /aws-marketplace:ViewSubscriptions, aws-marketplace:Subscribe/);
    });
  });

  describe('bedrock-use-case', () => {
    const { control, runtime } = useFake('bedrock-use-case');
    it('looks available but refuses every Anthropic model on invocation; Nova still answers', async () => {
      const availability = await control().send(new GetFoundationModelAvailabilityCommand({ modelId: M.sonnet45 }));
      assert.equal(availability.authorizationStatus, 'AUTHORIZED');
      assert.equal(availability.agreementAvailability?.status, 'AVAILABLE');
      for (const modelId of [JP_SONNET_45, `apac.${M.haiku45}`, M.haiku3]) {
        const error = await rejects(converse(runtime(), modelId), 'ResourceNotFoundException', BEDROCK_ERROR_MESSAGES.useCase);
        assert.equal(error.$metadata?.httpStatusCode, 404);
      }
      await converse(runtime(), `apac.${M.novaLite}`);
    });
  });

  describe('bedrock-legacy', () => {
    const { control, runtime } = useFake('bedrock-legacy');
    it('refuses Claude 3.7 Sonnet as Legacy only on invocation', async () => {
      const availability = await control().send(new GetFoundationModelAvailabilityCommand({ modelId: M.sonnet37 }));
      assert.equal(availability.authorizationStatus, 'AUTHORIZED');
      await rejects(converse(runtime(), `apac.${M.sonnet37}`), 'ResourceNotFoundException', BEDROCK_ERROR_MESSAGES.legacy);
      await converse(runtime(), `apac.${M.sonnet4}`);
    });
  });

  describe('bedrock-throttled', () => {
    const { runtime } = useFake('bedrock-throttled');
    it('throttles every runtime call of the account with 429 Too many tokens', async () => {
      for (const modelId of [JP_SONNET_45, M.haiku3, `apac.${M.novaLite}`]) {
        const error = await rejects(converse(runtime(), modelId), 'ThrottlingException', BEDROCK_ERROR_MESSAGES.throttled);
        assert.equal(error.$metadata?.httpStatusCode, 429);
      }
      await converse(runtime(BASIC_REGION, OUTSIDER), JP_SONNET_45);
    });
  });

  describe('bedrock-scp-osaka', () => {
    const { runtime } = useFake('bedrock-scp-osaka');
    it('denies every profile that may route to ap-northeast-3, but not an in-region bare ID in Tokyo', async () => {
      for (const [modelId, base] of [
        [JP_SONNET_45, M.sonnet45],
        [`apac.${M.sonnet4}`, M.sonnet4],
        [`global.${M.haiku45}`, M.haiku45],
        [BASIC_APP_PROFILE.arn, M.sonnet45],
      ] as const) {
        await rejects(
          converse(runtime(), modelId),
          'AccessDeniedException',
          `User: ${BASIC_STATIC_KEY.arn} is not authorized to perform: bedrock:InvokeModel on resource: arn:aws:bedrock:ap-northeast-3::foundation-model/${base} with an explicit deny in a service control policy`,
        );
      }
      await converse(runtime(), M.haiku3);
      await converse(runtime('us-east-1'), `us.${M.sonnet45}`);
      // global. reaches any region, so the SCP applies wherever the caller signs.
      await rejects(converse(runtime('us-east-1'), `global.${M.sonnet45}`), 'AccessDeniedException', /ap-northeast-3::foundation-model/);
    });
  });

  describe('bedrock-list-denied', () => {
    const { control, runtime } = useFake('bedrock-list-denied');
    it('denies ListInferenceProfiles and ListFoundationModels, while Get and invocation still work', async () => {
      await rejects(
        control().send(new ListInferenceProfilesCommand({})),
        'AccessDeniedException',
        `User: ${BASIC_STATIC_KEY.arn} is not authorized to perform: bedrock:ListInferenceProfiles on resource: arn:aws:bedrock:ap-northeast-1:${BASIC_ACCOUNT_ID}:inference-profile/* because no identity-based policy allows the bedrock:ListInferenceProfiles action`,
      );
      await rejects(
        control().send(new ListFoundationModelsCommand({})),
        'AccessDeniedException',
        `User: ${BASIC_STATIC_KEY.arn} is not authorized to perform: bedrock:ListFoundationModels because no identity-based policy allows the bedrock:ListFoundationModels action`,
      );
      assert.equal((await control().send(new GetInferenceProfileCommand({ inferenceProfileIdentifier: JP_SONNET_45 }))).inferenceProfileId, JP_SONNET_45);
      await converse(runtime(), JP_SONNET_45);
      assert.equal((await control(BASIC_REGION, OUTSIDER).send(new ListInferenceProfilesCommand({}))).inferenceProfileSummaries?.length, 10);
    });
  });
});
