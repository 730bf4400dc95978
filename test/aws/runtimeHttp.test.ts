// The 1-token probe speaks as Claude Code speaks: HTTP/1.1 to Bedrock Runtime, so it works through
// an endpoint that offers HTTP/1.1 only (a gateway or proxy set by AWS_ENDPOINT_URL_BEDROCK_RUNTIME)
// as well as through one that also offers HTTP/2. Real SDK clients, the fake's runtime listener.
import assert from 'node:assert/strict';
import { BedrockRuntimeClient, ConverseCommand, InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';
import { openBedrockSession, probeModel, type BedrockSession } from '../../src/aws/models/bedrock';
import { BEDROCK_MODEL_IDS } from '../fake-aws/scenarios/bedrockCatalog';
import { BASIC_STATIC_KEY } from '../fake-aws/scenarios/basic';
import { useFakeAwsHome } from '../support/fakeAwsHome';

const TOKYO = 'ap-northeast-1';
const JP_SONNET = `jp.${BEDROCK_MODEL_IDS.sonnet45}`;

async function session(): Promise<BedrockSession> {
  const opened = await openBedrockSession({ target: { type: 'profile', profile: 'static-dev' }, region: TOKYO, timeoutMs: 5_000 });
  assert.ok(opened.ok, 'credentials resolve');
  return opened.value;
}

for (const [label, runtimeHttp1Only] of [
  ['an HTTP/2-capable runtime endpoint', false],
  ['an HTTP/1.1-only runtime endpoint', true],
] as const) {
  describe(`Bedrock Runtime through ${label} (fake AWS, real SDK)`, () => {
    const context = useFakeAwsHome(runtimeHttp1Only ? 'rt-h1' : 'rt-h2', 'basic', { runtimeHttp1Only });

    it('the probe answers with one token', async () => {
      const bedrock = await session();
      try {
        const result = await probeModel(bedrock, JP_SONNET);
        assert.ok(result.ok, `probe failed: ${JSON.stringify(!result.ok && result.error)}`);
        assert.equal(result.value.outputTokens, 1);
      } finally {
        bedrock.close();
      }
      const probes = context.fake.requests.filter((entry) => entry.operation === 'Converse');
      assert.deepEqual(probes.map((entry) => [entry.resource, entry.status]), [[JP_SONNET, 200]]);
    });

    it('the same runtime client streams an answer', async () => {
      const bedrock = await session();
      try {
        const output = await bedrock.runtime.send(
          new InvokeModelWithResponseStreamCommand({
            modelId: JP_SONNET,
            contentType: 'application/json',
            body: JSON.stringify({ anthropic_version: 'bedrock-2023-05-31', max_tokens: 16, messages: [{ role: 'user', content: 'say hi' }] }),
          }),
        );
        const types: string[] = [];
        for await (const event of output.body ?? []) {
          const bytes = event.chunk?.bytes;
          if (bytes) types.push((JSON.parse(Buffer.from(bytes).toString('utf8')) as { type: string }).type);
        }
        assert.equal(types[0], 'message_start');
        assert.equal(types.at(-1), 'message_stop');
      } finally {
        bedrock.close();
      }
    });
  });
}

describe('the fake HTTP/1.1-only runtime refuses what the SDK sends by default (the case the probe used to hit)', () => {
  const context = useFakeAwsHome('rt-h2c', 'basic', { runtimeHttp1Only: true });

  it('a runtime client with the default HTTP/2 handler does not get through', async () => {
    // The SDK's default for Bedrock Runtime is NodeHttp2Handler (h2c with prior knowledge on http://).
    const client = new BedrockRuntimeClient({
      endpoint: context.fake.runtimeEndpoint,
      region: TOKYO,
      credentials: { accessKeyId: BASIC_STATIC_KEY.accessKeyId, secretAccessKey: BASIC_STATIC_KEY.secretAccessKey },
      maxAttempts: 1,
    });
    try {
      await assert.rejects(
        client.send(new ConverseCommand({ modelId: JP_SONNET, messages: [{ role: 'user', content: [{ text: 'hi' }] }], inferenceConfig: { maxTokens: 1 } }), {
          abortSignal: AbortSignal.timeout(3_000),
        }),
      );
    } finally {
      client.destroy();
    }
    assert.equal(context.fake.requests.filter((entry) => entry.operation === 'Converse').length, 0, 'no request reached the runtime');
  });
});
