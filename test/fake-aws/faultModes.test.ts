// The fault modes of the fake, seen through real SDK clients of every protocol it serves:
// awsQuery XML (STS), restJson1 (Bedrock, over HTTP/1.1), restJson1 over h2c (Bedrock Runtime),
// awsJson1_1 (Service Quotas) and awsJson1_0 with query compatibility (CloudWatch).
import assert from 'node:assert/strict';
import { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { BedrockClient, ListInferenceProfilesCommand } from '@aws-sdk/client-bedrock';
import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
import { ServiceQuotasClient, ListServiceQuotasCommand } from '@aws-sdk/client-service-quotas';
import { CloudWatchClient, GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { BASIC_REGION } from './scenarios/basic';
import { BEDROCK_MODEL_IDS } from './scenarios/bedrockCatalog';
import { FAULT_KINDS, startFakeAws, type FakeAws, type FaultKind } from './index';
import { STATIC_CREDENTIALS } from './useFakeClients';

interface Target {
  service: string;
  operation: string;
  /** Error names the protocol gives a 500, a 503 and an expired token. */
  names: { 500: string; 503: string; expired: string };
  /** Whether the client reaches the runtime listener over h2c. */
  h2?: true;
  call(fake: FakeAws, signal: AbortSignal): Promise<unknown>;
}

const config = (endpoint: string | undefined) => ({ endpoint, region: BASIC_REGION, credentials: STATIC_CREDENTIALS, maxAttempts: 1 });
const JSON_NAMES = { 500: 'InternalServerException', 503: 'ServiceUnavailableException', expired: 'ExpiredTokenException' };

/** Builds a client, sends one command, destroys the client. */
async function once<C extends { destroy(): void }>(client: C, send: (client: C) => Promise<unknown>): Promise<unknown> {
  try {
    return await send(client);
  } finally {
    client.destroy();
  }
}

const TARGETS: Target[] = [
  {
    service: 'sts',
    operation: 'GetCallerIdentity',
    names: { 500: 'InternalFailure', 503: 'ServiceUnavailable', expired: 'ExpiredToken' },
    call: (fake, abortSignal) => once(new STSClient(config(fake.endpoint)), (c) => c.send(new GetCallerIdentityCommand({}), { abortSignal })),
  },
  {
    service: 'bedrock',
    operation: 'ListInferenceProfiles',
    names: JSON_NAMES,
    call: (fake, abortSignal) => once(new BedrockClient(config(fake.endpoint)), (c) => c.send(new ListInferenceProfilesCommand({}), { abortSignal })),
  },
  {
    service: 'bedrock-runtime',
    operation: 'Converse',
    names: JSON_NAMES,
    h2: true,
    call: (fake, abortSignal) =>
      once(new BedrockRuntimeClient(config(fake.runtimeEndpoint)), (c) =>
        c.send(
          new ConverseCommand({ modelId: `jp.${BEDROCK_MODEL_IDS.sonnet45}`, messages: [{ role: 'user', content: [{ text: 'hi' }] }], inferenceConfig: { maxTokens: 1 } }),
          { abortSignal },
        ),
      ),
  },
  {
    service: 'servicequotas',
    operation: 'ListServiceQuotas',
    names: JSON_NAMES,
    call: (fake, abortSignal) => once(new ServiceQuotasClient(config(fake.endpoint)), (c) => c.send(new ListServiceQuotasCommand({ ServiceCode: 'bedrock' }), { abortSignal })),
  },
  {
    service: 'cloudwatch',
    operation: 'GetMetricData',
    names: JSON_NAMES,
    call: (fake, abortSignal) =>
      once(new CloudWatchClient(config(fake.endpoint)), (c) =>
        c.send(
          new GetMetricDataCommand({
            StartTime: new Date(Date.now() - 3_600_000),
            EndTime: new Date(),
            MetricDataQueries: [{ Id: 'm1', MetricStat: { Metric: { Namespace: 'AWS/Bedrock', MetricName: 'Invocations' }, Period: 60, Stat: 'Sum' } }],
          }),
          { abortSignal },
        ),
      ),
  },
];

interface SdkError extends Error {
  code?: string;
  $metadata?: { httpStatusCode?: number };
  $response?: { statusCode?: number; headers?: Record<string, string> };
}

async function failure(promise: Promise<unknown>): Promise<SdkError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof Error, `not an Error: ${String(error)}`);
    return error as SdkError;
  }
  assert.fail('expected the call to fail, but it succeeded');
}

describe('fake-aws: fault modes through the real SDK', function () {
  this.timeout(10_000);
  let fake: FakeAws;
  beforeEach(async () => {
    fake = await startFakeAws({ scenario: 'basic' });
  });
  afterEach(async () => {
    await fake.stop();
  });

  const run = (target: Target, ms = 5_000): Promise<unknown> => target.call(fake, AbortSignal.timeout(ms));
  const inject = (target: Target, fault: FaultKind, times = 1): void => fake.inject({ service: target.service, operation: target.operation, fault, times });
  const lastEntry = () => fake.requests.at(-1);

  for (const target of TARGETS) {
    describe(`${target.service} ${target.operation}`, () => {
      it('answers normally without a fault (the control case)', async () => {
        await run(target);
        assert.equal(lastEntry()?.status, 200);
      });

      for (const status of [500, 503] as const) {
        it(`json-${status}: the service's own ${status} error, which the SDK names`, async () => {
          inject(target, `json-${status}`);
          const error = await failure(run(target));
          assert.equal(error.name, target.names[status]);
          assert.equal(error.$metadata?.httpStatusCode, status);
          const entry = lastEntry();
          assert.deepEqual(
            { status: entry?.status, injected: entry?.injected, fault: entry?.fault, errorCode: entry?.errorCode },
            { status, injected: true, fault: `json-${status}`, errorCode: target.names[status] },
          );
          // The fault is used up: the next call is answered normally.
          await run(target);
        });

        it(`html-${status}: a gateway's HTML page, which the SDK cannot parse`, async () => {
          inject(target, `html-${status}`);
          const error = await failure(run(target));
          assert.equal(error.$metadata?.httpStatusCode, status);
          assert.match(error.$response?.headers?.['content-type'] ?? '', /^text\/html/);
          assert.match(error.message, /Deserialization error/, 'the SDK reports a parse failure, which the extension must translate');
          assert.equal(lastEntry()?.fault, `html-${status}`);
        });
      }

      it('hang: accepts the request and never answers, until the client gives up', async () => {
        inject(target, 'hang');
        const started = Date.now();
        const error = await failure(run(target, 300));
        assert.ok(Date.now() - started >= 290, 'the call waited for its own deadline');
        assert.equal(error.name, 'AbortError');
        assert.equal(lastEntry()?.status, 0);
        assert.equal(lastEntry()?.fault, 'hang');
      });

      it('malformed: status 200 with a body the protocol parser rejects', async () => {
        inject(target, 'malformed');
        const error = await failure(run(target));
        assert.equal(error.$metadata?.httpStatusCode, 200);
        assert.match(error.message, /Deserialization error/);
        assert.equal(lastEntry()?.status, 200);
        assert.equal(lastEntry()?.fault, 'malformed');
      });

      it('reset: headers and half the real answer, then the connection breaks', async () => {
        inject(target, 'reset');
        const error = await failure(run(target));
        assert.equal(error.$metadata?.httpStatusCode, 200);
        assert.equal(error.code, target.h2 ? 'ERR_HTTP2_STREAM_ERROR' : 'ECONNRESET');
        assert.equal(lastEntry()?.fault, 'reset');
        // The listener survives the broken connection.
        await run(target);
      });

      it('expired-credentials: the next N calls answer as for an expired token, then the key works again', async () => {
        inject(target, 'expired-credentials', 2);
        for (let call = 0; call < 2; call++) {
          const error = await failure(run(target));
          assert.equal(error.name, target.names.expired);
          assert.equal(error.$metadata?.httpStatusCode, 403);
          assert.match(error.message, /security token included in the request is expired/);
        }
        await run(target);
        assert.equal(lastEntry()?.status, 200);
      });
    });
  }

  it('a rule for operation "*" of one service hits every operation of it and nothing else', async () => {
    fake.inject({ service: 'bedrock', operation: '*', fault: 'json-503' });
    const [bedrock, sts] = [TARGETS[1], TARGETS[0]];
    assert.ok(bedrock && sts);
    assert.equal((await failure(run(bedrock))).name, 'ServiceUnavailableException');
    await run(sts);
  });

  it('throttle: true and fault: "throttle" give the same answer', async () => {
    const sts = TARGETS[0];
    assert.ok(sts);
    fake.inject({ service: 'sts', operation: 'GetCallerIdentity', throttle: true, times: 1 });
    fake.inject({ service: 'sts', operation: 'GetCallerIdentity', fault: 'throttle', times: 1 });
    const first = await failure(run(sts));
    const second = await failure(run(sts));
    assert.deepEqual([first.name, second.name], ['Throttling', 'Throttling']);
  });

  it('the control API takes fault rules and refuses unknown modes and mixed rules', async () => {
    const post = (body: unknown) =>
      fetch(`${fake.endpoint}/__fake/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    assert.equal((await post({ service: 'sts', operation: 'GetCallerIdentity', fault: 'html-503', times: 1 })).status, 201);
    const unknown = await post({ operation: 'GetCallerIdentity', fault: 'html-504' });
    assert.equal(unknown.status, 400);
    assert.match(((await unknown.json()) as { message: string }).message, new RegExp(`fault must be one of ${FAULT_KINDS.join(', ')}`));
    const mixed = await post({ operation: 'GetCallerIdentity', fault: 'hang', throttle: true });
    assert.equal(mixed.status, 400);
    const typo = await post({ operation: 'GetCallerIdentity', fualt: 'hang' });
    assert.match(((await typo.json()) as { message: string }).message, /unknown field\(s\) in fault rule: fualt/);
    const listed = (await (await fetch(`${fake.endpoint}/__fake/faults`)).json()) as unknown[];
    assert.deepEqual(listed, [{ service: 'sts', operation: 'GetCallerIdentity', fault: 'html-503', times: 1 }]);
    const sts = TARGETS[0];
    assert.ok(sts);
    assert.equal((await failure(run(sts))).$metadata?.httpStatusCode, 503);
  });

  it('stop() ends a hung connection instead of waiting for it', async () => {
    const sts = TARGETS[0];
    assert.ok(sts);
    inject(sts, 'hang');
    const pending = failure(run(sts, 5_000));
    while (fake.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    const started = Date.now();
    await fake.stop();
    assert.ok(Date.now() - started < 1_000, 'stop() did not wait for the hung request');
    await pending;
  });
});
