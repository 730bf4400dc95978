/**
 * InvokeModelWithResponseStream, the event-stream framing, and the runtime listener's HTTP/1.1
 * side (Claude Code's transport, including its ListInferenceProfiles on the runtime URL).
 */
import assert from 'node:assert/strict';
import { BedrockClient, ListInferenceProfilesCommand } from '@aws-sdk/client-bedrock';
import {
  BedrockRuntimeClient,
  InvokeModelWithResponseStreamCommand,
  type InvokeModelWithResponseStreamCommandOutput,
} from '@aws-sdk/client-bedrock-runtime';
import { SignatureV4 } from '@smithy/signature-v4';
import { decodeEventStream, encodeEventStreamMessage, eventMessage } from './eventStream';
import { BASIC_ACCOUNT_ID, BASIC_REGION, BASIC_STATIC_KEY } from './scenarios/basic';
import { BEDROCK_MODEL_IDS, BEDROCK_PROFILE_IDS } from './scenarios/bedrockCatalog';
import { STREAMING_UNSUPPORTED } from './services/bedrockRuntime';
import { NodeSha256 } from './sigv4';
import { BEDROCK_ERROR_MESSAGES, getScenario, inferenceProfileArn, startFakeAws, type FakeAws } from './index';
import { rejects } from './rejects';

const STATIC = { accessKeyId: BASIC_STATIC_KEY.accessKeyId, secretAccessKey: BASIC_STATIC_KEY.secretAccessKey };
const M = BEDROCK_MODEL_IDS;
const JP_SONNET_45 = `jp.${M.sonnet45}`;
const ANSWER = 'OK, the fake model answers.';

function anthropicBody(maxTokens = 1024, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ anthropic_version: 'bedrock-2023-05-31', max_tokens: maxTokens, messages: [{ role: 'user', content: 'say hi' }], ...extra });
}


/** The JSON events of a response stream, in order (the SDK decodes the framing and the chunk's base64). */
async function streamEvents(output: InvokeModelWithResponseStreamCommandOutput): Promise<Record<string, unknown>[]> {
  assert.ok(output.body);
  const events: Record<string, unknown>[] = [];
  for await (const event of output.body) {
    assert.ok(event.chunk?.bytes, `expected only chunk events, got ${Object.keys(event).join(', ')}`);
    events.push(JSON.parse(new TextDecoder().decode(event.chunk.bytes)) as Record<string, unknown>);
  }
  return events;
}

function textOf(events: Record<string, unknown>[]): string {
  return events
    .filter((event) => event.type === 'content_block_delta')
    .map((event) => (event.delta as { text: string }).text)
    .join('');
}

describe('fake-aws: event-stream framing', () => {
  it('round-trips messages and checks both CRCs', () => {
    const frames = Buffer.concat([
      eventMessage('chunk', { bytes: Buffer.from('{"type":"message_stop"}').toString('base64') }),
      encodeEventStreamMessage({ headers: { ':message-type': 'exception', ':exception-type': 'throttlingException' }, payload: Buffer.from('{"message":"slow down"}') }),
    ]);
    const messages = decodeEventStream(frames);
    assert.equal(messages.length, 2);
    assert.deepEqual(messages[0]?.headers, { ':event-type': 'chunk', ':content-type': 'application/json', ':message-type': 'event' });
    assert.deepEqual(JSON.parse(messages[1]?.payload.toString() ?? ''), { message: 'slow down' });

    // Total length = 12-byte prelude + headers + payload + 4-byte message CRC.
    const first = eventMessage('chunk', { bytes: '' });
    assert.equal(first.readUInt32BE(0), first.length);

    const flip = (frame: Buffer, at: number, mask: number): Buffer => {
      const copy = Buffer.from(frame);
      copy.writeUInt8(copy.readUInt8(at) ^ mask, at);
      return copy;
    };
    const badPayload = flip(first, first.length - 6, 0xff);
    assert.throws(() => decodeEventStream(badPayload), /message CRC mismatch/);
    const badPrelude = flip(first, 5, 0x01);
    assert.throws(() => decodeEventStream(badPrelude), /prelude CRC mismatch/);
  });
});

describe('fake-aws: InvokeModelWithResponseStream through the real SDK', () => {
  let fake: FakeAws;
  const clients: { destroy(): void }[] = [];
  beforeEach(async () => {
    fake = await startFakeAws({ scenario: 'basic' });
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await fake.stop();
  });
  function runtime(region = BASIC_REGION): BedrockRuntimeClient {
    assert.ok(fake.runtimeEndpoint);
    const client = new BedrockRuntimeClient({ endpoint: fake.runtimeEndpoint, region, credentials: STATIC, maxAttempts: 1 });
    clients.push(client);
    return client;
  }
  function stream(client: BedrockRuntimeClient, modelId: string, body = anthropicBody()): Promise<InvokeModelWithResponseStreamCommandOutput> {
    return client.send(new InvokeModelWithResponseStreamCommand({ modelId, contentType: 'application/json', accept: 'application/json', body }));
  }

  it('streams an Anthropic Messages answer as chunk events, and logs the resolved model', async () => {
    const output = await stream(runtime(), JP_SONNET_45);
    assert.equal(output.contentType, 'application/json');
    const events = await streamEvents(output);
    assert.deepEqual(
      events.map((event) => event.type),
      ['message_start', 'content_block_start', ...Array(7).fill('content_block_delta'), 'content_block_stop', 'message_delta', 'message_stop'],
    );
    const start = events[0]?.message as Record<string, unknown>;
    assert.equal(start.model, 'claude-sonnet-4-5-20250929');
    assert.equal(start.role, 'assistant');
    assert.match(String(start.id), /^msg_bdrk_/);
    assert.deepEqual(start.content, []);
    assert.equal((start.usage as { input_tokens: number }).input_tokens, 5);
    assert.deepEqual(events[1], { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } });
    assert.equal(textOf(events), ANSWER);
    assert.deepEqual(events.at(-2), { type: 'message_delta', delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: 7 } });
    const metrics = events.at(-1)?.['amazon-bedrock-invocationMetrics'] as Record<string, number>;
    assert.equal(metrics.inputTokenCount, 5);
    assert.equal(metrics.outputTokenCount, 7);

    const entry = fake.requests.at(-1);
    assert.equal(entry?.service, 'bedrock-runtime');
    assert.equal(entry?.operation, 'InvokeModelWithResponseStream');
    assert.equal(entry?.resource, JP_SONNET_45);
    assert.equal(entry?.signingRegion, BASIC_REGION);
    assert.equal(entry?.accessKeyId, BASIC_STATIC_KEY.accessKeyId);
    assert.equal(entry?.status, 200);
  });

  it('cuts the answer at max_tokens with stop_reason max_tokens', async () => {
    const events = await streamEvents(await stream(runtime(), `global.${M.haiku45}`, anthropicBody(2)));
    assert.equal(textOf(events), 'OK,');
    assert.deepEqual(events.find((event) => event.type === 'message_delta')?.delta, { stop_reason: 'max_tokens', stop_sequence: null });
    assert.equal((events[0]?.message as { model: string }).model, 'claude-haiku-4-5-20251001');
  });

  it('applies the same checks as InvokeModel before any stream starts', async () => {
    // Unknown in the signing region, profile-only bare ID, malformed body.
    await rejects(stream(runtime('us-east-1'), JP_SONNET_45), 'ValidationException', BEDROCK_ERROR_MESSAGES.invalidIdentifier);
    await rejects(stream(runtime(), M.sonnet45), 'ValidationException', BEDROCK_ERROR_MESSAGES.onDemandNotSupported(M.sonnet45));
    await rejects(stream(runtime(), JP_SONNET_45, JSON.stringify({ max_tokens: 1, messages: [{ role: 'user', content: 'x' }] })), 'ValidationException', /required key \[anthropic_version\] not found/);
    // Streaming is its own IAM action.
    const bedrock = fake.state.bedrock;
    assert.ok(bedrock);
    bedrock.accounts[BASIC_ACCOUNT_ID] = { deniedActions: ['bedrock:InvokeModelWithResponseStream'] };
    const denied = await rejects(
      stream(runtime(), JP_SONNET_45),
      'AccessDeniedException',
      BEDROCK_ERROR_MESSAGES.iamDenied(BASIC_STATIC_KEY.arn, 'bedrock:InvokeModelWithResponseStream', inferenceProfileArn(BASIC_REGION, BASIC_ACCOUNT_ID, JP_SONNET_45)),
    );
    assert.equal(denied.$metadata?.httpStatusCode, 403);
    assert.deepEqual(
      fake.requests.map((entry) => [entry.resource, entry.status, entry.errorCode]),
      [
        [JP_SONNET_45, 400, 'ValidationException'],
        [M.sonnet45, 400, 'ValidationException'],
        [JP_SONNET_45, 400, 'ValidationException'],
        [JP_SONNET_45, 403, 'AccessDeniedException'],
      ],
    );
  });

  it('refuses models without streaming, and streams Nova in its own event schema', async () => {
    await rejects(stream(runtime(), M.titanEmbedV2, JSON.stringify({ inputText: 'x' })), 'ValidationException', STREAMING_UNSUPPORTED);
    const events = await streamEvents(
      await stream(runtime(), `apac.${M.novaLite}`, JSON.stringify({ messages: [{ role: 'user', content: [{ text: 'hi' }] }], inferenceConfig: { maxTokens: 3 } })),
    );
    assert.deepEqual(events[0], { messageStart: { role: 'assistant' } });
    assert.equal(events.flatMap((event) => (event.contentBlockDelta ? [(event.contentBlockDelta as { delta: { text: string } }).delta.text] : [])).join(''), 'OK, the');
    assert.deepEqual(events.find((event) => event.messageStop), { messageStop: { stopReason: 'max_tokens' } });
  });

  it('answers injected throttles and the throttled scenario with an HTTP 429 ThrottlingException', async () => {
    fake.inject({ service: 'bedrock-runtime', operation: 'InvokeModelWithResponseStream', throttle: true, times: 1 });
    await rejects(stream(runtime(), JP_SONNET_45), 'ThrottlingException', BEDROCK_ERROR_MESSAGES.throttled);
    assert.equal(textOf(await streamEvents(await stream(runtime(), JP_SONNET_45))), ANSWER);

    const throttled = await startFakeAws({ scenario: getScenario('bedrock-throttled') });
    try {
      assert.ok(throttled.runtimeEndpoint);
      const client = new BedrockRuntimeClient({ endpoint: throttled.runtimeEndpoint, region: BASIC_REGION, credentials: STATIC, maxAttempts: 1 });
      clients.push(client);
      const error = await rejects(stream(client, JP_SONNET_45), 'ThrottlingException', BEDROCK_ERROR_MESSAGES.throttled);
      assert.equal(error.$metadata?.httpStatusCode, 429);
    } finally {
      await throttled.stop();
    }
  });
});

describe('fake-aws: the runtime listener over HTTP/1.1 (how Claude Code talks to ANTHROPIC_BEDROCK_BASE_URL)', () => {
  let fake: FakeAws;
  beforeEach(async () => {
    fake = await startFakeAws({ scenario: 'basic' });
  });
  afterEach(() => fake.stop());

  /** A SigV4-signed request over Node's fetch, which speaks HTTP/1.1 with keep-alive. */
  async function signedFetch(method: string, path: string, query: Record<string, string> = {}, body?: string): Promise<Response> {
    assert.ok(fake.runtimeEndpoint);
    const url = new URL(fake.runtimeEndpoint);
    const headers: Record<string, string> = { host: url.host, accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const signer = new SignatureV4({ credentials: STATIC, region: BASIC_REGION, service: 'bedrock', sha256: NodeSha256 });
    const signed = await signer.sign({ method, protocol: 'http:', hostname: url.hostname, port: Number(url.port), path, query, headers, body });
    const search = new URLSearchParams(query).toString();
    return fetch(`${fake.runtimeEndpoint}${path}${search ? `?${search}` : ''}`, {
      method,
      headers: Object.fromEntries(Object.entries(signed.headers).filter(([name]) => name !== 'host')),
      ...(body !== undefined && { body }),
    });
  }

  it('serves the stream with the event-stream content type and valid frames', async () => {
    const response = await signedFetch('POST', `/model/${encodeURIComponent(JP_SONNET_45)}/invoke-with-response-stream`, {}, anthropicBody());
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/vnd.amazon.eventstream');
    assert.equal(response.headers.get('x-amzn-bedrock-content-type'), 'application/json');
    const messages = decodeEventStream(new Uint8Array(await response.arrayBuffer()));
    assert.ok(messages.length >= 6);
    for (const message of messages) {
      assert.deepEqual(message.headers, { ':event-type': 'chunk', ':content-type': 'application/json', ':message-type': 'event' });
      const payload = JSON.parse(message.payload.toString()) as { bytes: string };
      assert.deepEqual(Object.keys(payload), ['bytes']);
      assert.ok((JSON.parse(Buffer.from(payload.bytes, 'base64').toString()) as { type: string }).type);
    }
  });

  it('answers ListInferenceProfiles on the runtime URL, signed as bedrock, through the real control-plane SDK', async () => {
    assert.ok(fake.runtimeEndpoint);
    const raw = await signedFetch('GET', '/inference-profiles', { type: 'SYSTEM_DEFINED' });
    assert.equal(raw.status, 200);
    const ids: string[] = [];
    // The control-plane client speaks HTTP/1.1 (NodeHttpHandler) and pages through every profile.
    const client = new BedrockClient({ endpoint: fake.runtimeEndpoint, region: BASIC_REGION, credentials: STATIC, maxAttempts: 1 });
    try {
      let nextToken: string | undefined;
      do {
        const page = await client.send(new ListInferenceProfilesCommand({ typeEquals: 'SYSTEM_DEFINED', ...(nextToken !== undefined && { nextToken }) }));
        ids.push(...(page.inferenceProfileSummaries ?? []).map((profile) => profile.inferenceProfileId ?? ''));
        nextToken = page.nextToken;
      } while (nextToken !== undefined);
    } finally {
      client.destroy();
    }
    assert.deepEqual(ids, BEDROCK_PROFILE_IDS[BASIC_REGION]);
    const listings = fake.requests.filter((entry) => entry.operation === 'ListInferenceProfiles');
    assert.ok(listings.length >= 2);
    for (const entry of listings) {
      assert.equal(entry.service, 'bedrock-runtime');
      assert.equal(entry.signingService, 'bedrock');
      assert.equal(entry.status, 200);
    }
  });

  it('keeps HTTP/1.1 and HTTP/2 clients apart on the same port', async () => {
    assert.ok(fake.runtimeEndpoint);
    const h2 = new BedrockRuntimeClient({ endpoint: fake.runtimeEndpoint, region: BASIC_REGION, credentials: STATIC, maxAttempts: 1 });
    try {
      const [h1Response, h2Output] = await Promise.all([
        signedFetch('POST', `/model/${encodeURIComponent(JP_SONNET_45)}/invoke`, {}, anthropicBody(1)),
        h2.send(new InvokeModelWithResponseStreamCommand({ modelId: JP_SONNET_45, contentType: 'application/json', body: anthropicBody(1) })),
      ]);
      assert.equal(h1Response.status, 200);
      assert.deepEqual((JSON.parse(await h1Response.text()) as { content: unknown }).content, [{ type: 'text', text: 'OK' }]);
      assert.equal(textOf(await streamEvents(h2Output)), 'OK');
      // More HTTP/1.1 requests in a row (fetch keeps the connection alive between them).
      for (let index = 0; index < 3; index += 1) {
        const again = await signedFetch('POST', `/model/${encodeURIComponent(JP_SONNET_45)}/invoke`, {}, anthropicBody(1));
        assert.equal(again.status, 200);
        await again.arrayBuffer();
      }
    } finally {
      h2.destroy();
    }
    assert.deepEqual(
      fake.requests.map((entry) => entry.status),
      [200, 200, 200, 200, 200],
    );
  });
});
