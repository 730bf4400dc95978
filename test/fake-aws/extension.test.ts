import assert from 'node:assert/strict';
import http2 from 'node:http2';
import { jsonResponse } from './http';
import { jsonProtocol } from './protocols';
import type { ServiceModule } from './serviceModule';
import { defaultModules, startFakeAws, type FakeAws } from './index';

/** The extension points later service modules rely on: extra modules and the HTTP/2 listener. */
describe('fake-aws: service module extension points', () => {
  let fake: FakeAws;
  afterEach(() => fake.stop());

  const runtimeProbe: ServiceModule = {
    name: 'runtime-probe',
    listener: 'runtime',
    protocol: jsonProtocol({ style: 'restJson1' }),
    // A path the default Bedrock Runtime module does not claim, so the extra module is reached.
    matches: (req) => req.method === 'POST' && /^\/model\/[^/]+\/probe$/.test(req.path),
    operation: () => 'Probe',
    handle: (ctx) => jsonResponse(200, { echoed: ctx.req.body.toString('utf8'), host: ctx.req.headers.host }),
  };

  it('serves runtime modules on a separate HTTP/2 listener and logs them with the rest', async () => {
    fake = await startFakeAws({ scenario: 'basic', extraModules: [runtimeProbe] });
    assert.ok(fake.runtimeEndpoint);
    assert.equal(fake.env().AWS_ENDPOINT_URL_BEDROCK_RUNTIME, fake.runtimeEndpoint);

    const session = http2.connect(fake.runtimeEndpoint);
    try {
      const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const stream = session.request({ ':method': 'POST', ':path': '/model/m/probe', 'content-type': 'application/json' });
        let status = 0;
        let body = '';
        stream.on('response', (headers) => {
          status = Number(headers[':status']);
        });
        stream.setEncoding('utf8');
        stream.on('data', (chunk: string) => (body += chunk));
        stream.on('end', () => resolve({ status, body }));
        stream.on('error', reject);
        stream.end('{"messages":[]}');
      });
      assert.equal(status, 200);
      assert.deepEqual(JSON.parse(body), { echoed: '{"messages":[]}', host: new URL(fake.runtimeEndpoint).host });
    } finally {
      session.close();
    }
    assert.deepEqual(
      fake.requests.map(({ service, operation, status }) => [service, operation, status]),
      [['runtime-probe', 'Probe', 200]],
    );
    // Runtime modules are not reachable on the HTTP/1.1 port.
    assert.equal((await fetch(`${fake.endpoint}/model/m/probe`, { method: 'POST' })).status, 404);
  });

  it('serves Bedrock Runtime by default, and starts no HTTP/2 listener when no runtime module is registered', async () => {
    fake = await startFakeAws({ scenario: 'basic' });
    assert.ok(fake.runtimeEndpoint);
    assert.equal(fake.env().AWS_ENDPOINT_URL_BEDROCK_RUNTIME, fake.runtimeEndpoint);
    await fake.stop();

    fake = await startFakeAws({ scenario: 'basic', modules: defaultModules().filter((module) => module.listener !== 'runtime') });
    assert.equal(fake.runtimeEndpoint, undefined);
    assert.deepEqual(Object.keys(fake.env()).sort(), ['AWS_EC2_METADATA_DISABLED', 'AWS_ENDPOINT_URL', 'AWS_ENDPOINT_URL_BUDGETS', 'AWS_ENDPOINT_URL_CLOUDWATCH_LOGS', 'AWS_ENDPOINT_URL_COST_EXPLORER']);
  });

  it('deep-copies scenario objects, so servers never share state', async () => {
    const { getScenario } = await import('./index');
    const scenario = getScenario('basic');
    fake = await startFakeAws({ scenario });
    fake.state.accessKeys.length = 0;
    assert.ok(scenario.accessKeys.length > 0);
    assert.ok(getScenario('basic').accessKeys.length > 0);
  });
});
