import assert from 'node:assert/strict';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { SignatureV4 } from '@smithy/signature-v4';
import {
  BASIC_ACCOUNT_ID,
  BASIC_CHAIN_ACCOUNT_ID,
  BASIC_DEVELOPER_ROLE_ARN,
  BASIC_EXPIRED_KEY,
  BASIC_INVOKER_ROLE_ARN,
  BASIC_OUTSIDER_KEY,
  BASIC_REGION,
  BASIC_STATIC_KEY,
} from './scenarios/basic';
import { NodeSha256 } from './sigv4';
import { startFakeAws, type FakeAws } from './index';

type AwsCredentialIdentity = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };

const STATIC: AwsCredentialIdentity = {
  accessKeyId: BASIC_STATIC_KEY.accessKeyId,
  secretAccessKey: BASIC_STATIC_KEY.secretAccessKey,
};

/** The SDK rejects with an error whose `name` is the AWS code. */
async function rejectsWithName(promise: Promise<unknown>, name: string, message?: RegExp): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof Error);
    assert.equal(error.name, name, `expected ${name}, got ${error.name}: ${error.message}`);
    if (message) assert.match(error.message, message);
    return error;
  }
  assert.fail(`expected ${name}, but the call succeeded`);
}

describe('fake-aws: STS through the real SDK', () => {
  let fake: FakeAws;
  const clients: STSClient[] = [];

  function sts(credentials: AwsCredentialIdentity): STSClient {
    const client = new STSClient({ endpoint: fake.endpoint, region: BASIC_REGION, credentials, maxAttempts: 1 });
    clients.push(client);
    return client;
  }

  beforeEach(async () => {
    fake = await startFakeAws({ scenario: 'basic' });
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await fake.stop();
  });

  it('answers GetCallerIdentity with the scenario identity and logs who signed', async () => {
    const identity = await sts(STATIC).send(new GetCallerIdentityCommand({}));
    assert.equal(identity.Account, BASIC_ACCOUNT_ID);
    assert.equal(identity.Arn, BASIC_STATIC_KEY.arn);
    assert.equal(identity.UserId, BASIC_STATIC_KEY.userId);
    assert.deepEqual(
      fake.requests.map(({ time: _time, ...rest }) => rest),
      [
        {
          service: 'sts',
          operation: 'GetCallerIdentity',
          accessKeyId: BASIC_STATIC_KEY.accessKeyId,
          signingRegion: BASIC_REGION,
          signingService: 'sts',
          status: 200,
        },
      ],
    );
  });

  it('refuses an unknown key with InvalidClientTokenId', async () => {
    await rejectsWithName(
      sts({ accessKeyId: 'FAKEAKIDUNKNOWN001', secretAccessKey: 'whatever' }).send(new GetCallerIdentityCommand({})),
      'InvalidClientTokenId',
      /security token included in the request is invalid/,
    );
    assert.equal(fake.requests[0]?.status, 403);
    assert.equal(fake.requests[0]?.errorCode, 'InvalidClientTokenId');
  });

  it('refuses an expired temporary key with ExpiredToken', async () => {
    await rejectsWithName(sts(BASIC_EXPIRED_KEY).send(new GetCallerIdentityCommand({})), 'ExpiredToken', /expired/);
  });

  it('verifies the signature: a wrong secret gives SignatureDoesNotMatch', async () => {
    await rejectsWithName(
      sts({ ...STATIC, secretAccessKey: 'not-the-secret' }).send(new GetCallerIdentityCommand({})),
      'SignatureDoesNotMatch',
      /signature we calculated does not match/,
    );
  });

  it('follows state changes: a key expired by the test is refused', async () => {
    const key = fake.state.accessKeys.find((candidate) => candidate.accessKeyId === STATIC.accessKeyId);
    assert.ok(key);
    key.expiresAt = Date.now() - 1;
    await rejectsWithName(sts(STATIC).send(new GetCallerIdentityCommand({})), 'ExpiredToken');
  });

  it('AssumeRole issues keys that identify as the assumed role, and chains into a second account', async () => {
    const assumed = await sts(STATIC).send(
      new AssumeRoleCommand({ RoleArn: BASIC_DEVELOPER_ROLE_ARN, RoleSessionName: 'dev-session', DurationSeconds: 7200 }),
    );
    const creds = assumed.Credentials;
    assert.ok(creds?.AccessKeyId && creds.SecretAccessKey && creds.SessionToken && creds.Expiration);
    assert.match(creds.AccessKeyId, /^ASIA/);
    assert.doesNotMatch(creds.AccessKeyId, /AKIA[0-9A-Z]{16}/);
    const lifetime = creds.Expiration.getTime() - Date.now();
    assert.ok(lifetime > 7000_000 && lifetime <= 7200_000, `expiration ${creds.Expiration.toISOString()}`);
    const developerArn = `arn:aws:sts::${BASIC_ACCOUNT_ID}:assumed-role/ClaudeDeveloper/dev-session`;
    assert.equal(assumed.AssumedRoleUser?.Arn, developerArn);

    const session = {
      accessKeyId: creds.AccessKeyId,
      secretAccessKey: creds.SecretAccessKey,
      sessionToken: creds.SessionToken,
    };
    const asDeveloper = await sts(session).send(new GetCallerIdentityCommand({}));
    assert.equal(asDeveloper.Arn, developerArn);
    assert.match(asDeveloper.UserId ?? '', /^AROA.+:dev-session$/);

    const hop = await sts(session).send(new AssumeRoleCommand({ RoleArn: BASIC_INVOKER_ROLE_ARN, RoleSessionName: 'hop' }));
    assert.ok(hop.Credentials?.AccessKeyId && hop.Credentials.SecretAccessKey && hop.Credentials.SessionToken);
    const asInvoker = await sts({
      accessKeyId: hop.Credentials.AccessKeyId,
      secretAccessKey: hop.Credentials.SecretAccessKey,
      sessionToken: hop.Credentials.SessionToken,
    }).send(new GetCallerIdentityCommand({}));
    assert.equal(asInvoker.Account, BASIC_CHAIN_ACCOUNT_ID);
    assert.equal(asInvoker.Arn, `arn:aws:sts::${BASIC_CHAIN_ACCOUNT_ID}:assumed-role/BedrockInvoker/hop`);

    // A session key without its session token is as unknown to AWS as a made-up key.
    await rejectsWithName(
      sts({ accessKeyId: session.accessKeyId, secretAccessKey: session.secretAccessKey }).send(new GetCallerIdentityCommand({})),
      'InvalidClientTokenId',
    );
    // Role chaining caps sessions at one hour.
    await rejectsWithName(
      sts(session).send(new AssumeRoleCommand({ RoleArn: BASIC_INVOKER_ROLE_ARN, RoleSessionName: 'long', DurationSeconds: 7200 })),
      'ValidationError',
      /1 hour session limit/,
    );
  });

  it('refuses AssumeRole on a role that does not trust the caller with AccessDenied', async () => {
    await rejectsWithName(
      sts(STATIC).send(new AssumeRoleCommand({ RoleArn: BASIC_INVOKER_ROLE_ARN, RoleSessionName: 'skip-a-hop' })),
      'AccessDenied',
      new RegExp(`User: ${BASIC_STATIC_KEY.arn} is not authorized to perform: sts:AssumeRole on resource: ${BASIC_INVOKER_ROLE_ARN}`),
    );
    await rejectsWithName(
      sts(BASIC_OUTSIDER_KEY).send(new AssumeRoleCommand({ RoleArn: BASIC_DEVELOPER_ROLE_ARN, RoleSessionName: 'outsider' })),
      'AccessDenied',
    );
    await rejectsWithName(
      sts(STATIC).send(
        new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${BASIC_ACCOUNT_ID}:role/DoesNotExist`, RoleSessionName: 'probe' }),
      ),
      'AccessDenied',
    );
  });

  it('injects the service throttle for the requested number of calls', async () => {
    fake.inject({ service: 'sts', operation: 'GetCallerIdentity', throttle: true, times: 1 });
    await rejectsWithName(sts(STATIC).send(new GetCallerIdentityCommand({})), 'Throttling', /Rate exceeded/);
    const identity = await sts(STATIC).send(new GetCallerIdentityCommand({}));
    assert.equal(identity.Account, BASIC_ACCOUNT_ID);
    assert.deepEqual(
      fake.requests.map(({ operation, status, errorCode, injected }) => ({ operation, status, errorCode, injected })),
      [
        { operation: 'GetCallerIdentity', status: 400, errorCode: 'Throttling', injected: true },
        { operation: 'GetCallerIdentity', status: 200, errorCode: undefined, injected: undefined },
      ],
    );
  });

  it('injects a given error, and clearFaults removes it', async () => {
    fake.inject({ operation: 'AssumeRole', error: { status: 403, code: 'AccessDenied', message: 'Injected denial' } });
    const assume = (): Promise<unknown> =>
      sts(STATIC).send(new AssumeRoleCommand({ RoleArn: BASIC_DEVELOPER_ROLE_ARN, RoleSessionName: 'injected' }));
    await rejectsWithName(assume(), 'AccessDenied', /Injected denial/);
    await rejectsWithName(assume(), 'AccessDenied', /Injected denial/);
    fake.clearFaults();
    await assume();
  });

  it('injects latency, and drops the timer when the client gives up', async () => {
    fake.inject({ operation: 'GetCallerIdentity', latencyMs: 20, times: 1 });
    await sts(STATIC).send(new GetCallerIdentityCommand({}));
    assert.equal(fake.requests[0]?.operation, 'GetCallerIdentity');
    assert.equal(fake.requests[0]?.status, 200);

    fake.inject({ operation: 'GetCallerIdentity', latencyMs: 60_000, times: 1 });
    const abort = new AbortController();
    const pending = sts(STATIC).send(new GetCallerIdentityCommand({}), { abortSignal: abort.signal });
    // The one-shot rule leaves the fault list once the request has reached the fake and is waiting.
    const activeFaults = async (): Promise<number> =>
      ((await (await fetch(`${fake.endpoint}/__fake/faults`)).json()) as unknown[]).length;
    while ((await activeFaults()) > 0) await new Promise((resolve) => setTimeout(resolve, 5));
    abort.abort();
    await assert.rejects(pending);
    await waitFor(() => fake.requests.some((entry) => entry.aborted === true));
    const aborted = fake.requests.find((entry) => entry.aborted === true);
    assert.equal(aborted?.operation, 'GetCallerIdentity');
    assert.equal(aborted?.status, 0);
  });

  it('never puts a secret or token into the request log', async () => {
    const assumed = await sts(STATIC).send(new AssumeRoleCommand({ RoleArn: BASIC_DEVELOPER_ROLE_ARN, RoleSessionName: 'log-check' }));
    const issued = assumed.Credentials;
    assert.ok(issued?.AccessKeyId && issued.SecretAccessKey && issued.SessionToken);
    await sts({
      accessKeyId: issued.AccessKeyId,
      secretAccessKey: issued.SecretAccessKey,
      sessionToken: issued.SessionToken,
    }).send(new GetCallerIdentityCommand({}));
    await rejectsWithName(sts(BASIC_EXPIRED_KEY).send(new GetCallerIdentityCommand({})), 'ExpiredToken');
    await rejectsWithName(
      sts({ ...STATIC, secretAccessKey: 'wrong-secret-value' }).send(new GetCallerIdentityCommand({})),
      'SignatureDoesNotMatch',
    );

    const logText = JSON.stringify(fake.requests);
    assert.equal(fake.requests.length, 4);
    const secrets = [
      ...fake.state.accessKeys.flatMap((key) => [key.secretAccessKey, key.sessionToken ?? '']),
      'wrong-secret-value',
      ...fake.state.sso.accessTokens.map((token) => token.token),
      ...fake.state.sso.refreshTokens.map((token) => token.token),
      ...fake.state.sso.clients.map((client) => client.clientSecret),
    ].filter((secret) => secret !== '');
    for (const secret of secrets) assert.ok(!logText.includes(secret), 'the log contains a secret value');
    assert.ok(logText.includes(issued.AccessKeyId), 'access key ids are identifiers, and are logged');
  });
});

describe('fake-aws: SigV4 verification on the wire', () => {
  let fake: FakeAws;
  beforeEach(async () => {
    fake = await startFakeAws({ scenario: 'basic' });
  });
  afterEach(() => fake.stop());

  async function signedFetch(options: {
    service: string;
    path: string;
    method?: string;
    query?: Record<string, string>;
    body?: string;
    tamper?: (init: { body?: string; headers: Record<string, string> }) => void;
  }): Promise<Response> {
    const url = new URL(fake.endpoint);
    const headers: Record<string, string> = { host: url.host };
    if (options.body !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded; charset=utf-8';
    const signer = new SignatureV4({ credentials: STATIC, region: BASIC_REGION, service: options.service, sha256: NodeSha256 });
    const signed = await signer.sign({
      method: options.method ?? 'POST',
      protocol: 'http:',
      hostname: url.hostname,
      port: Number(url.port),
      path: options.path,
      query: options.query ?? {},
      headers,
      body: options.body,
    });
    const init = { body: options.body, headers: signed.headers };
    options.tamper?.(init);
    const search = new URLSearchParams(options.query ?? {}).toString();
    return fetch(`${fake.endpoint}${options.path}${search ? `?${search}` : ''}`, {
      method: options.method ?? 'POST',
      headers: Object.fromEntries(Object.entries(init.headers).filter(([name]) => name !== 'host')),
      ...(init.body !== undefined && { body: init.body }),
    });
  }

  it('accepts a correctly signed hand-made request', async () => {
    const response = await signedFetch({ service: 'sts', path: '/', body: 'Action=GetCallerIdentity&Version=2011-06-15' });
    assert.equal(response.status, 200);
    assert.match(await response.text(), /<Arn>arn:aws:iam::111122223333:user\/fake-developer<\/Arn>/);
  });

  it('refuses a body changed after signing', async () => {
    const response = await signedFetch({
      service: 'sts',
      path: '/',
      body: 'Action=GetCallerIdentity&Version=2011-06-15',
      tamper: (init) => {
        init.body = 'Action=GetCallerIdentity&Version=2011-06-15&Extra=1';
      },
    });
    assert.equal(response.status, 403);
    assert.match(await response.text(), /<Code>SignatureDoesNotMatch<\/Code>/);
  });

  it('refuses a credential scoped to another service, in the protocol of the endpoint', async () => {
    const response = await signedFetch({ service: 'bedrock', path: '/', body: 'Action=GetCallerIdentity&Version=2011-06-15' });
    assert.equal(response.status, 403);
    const text = await response.text();
    assert.match(text, /<Code>SignatureDoesNotMatch<\/Code>/);
    assert.match(text, /Credential should be scoped to correct service: 'sts'/);
    assert.equal(fake.requests[0]?.signingService, 'bedrock');
  });

  it('answers a missing Authorization header with MissingAuthenticationToken', async () => {
    const response = await fetch(fake.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=GetCallerIdentity&Version=2011-06-15',
    });
    assert.equal(response.status, 403);
    assert.match(await response.text(), /<Code>MissingAuthenticationToken<\/Code>/);
  });

  it('verifies restJson-style requests with encoded paths and queries, and renders JSON auth errors', async () => {
    const arn = 'arn:aws:bedrock:ap-northeast-1:111122223333:inference-profile/jp.anthropic.claude-sonnet-4-5-20250929-v1:0';
    const path = `/inference-profiles/${encodeURIComponent(arn)}`;
    const ok = await signedFetch({ service: 'bedrock', method: 'GET', path });
    assert.equal(ok.status, 200, await ok.clone().text());
    assert.equal(((await ok.json()) as { inferenceProfileArn: string }).inferenceProfileArn, arn);
    const listed = await signedFetch({ service: 'bedrock', method: 'GET', path: '/inference-profiles', query: { maxResults: '2', type: 'SYSTEM_DEFINED' } });
    assert.equal(listed.status, 200, await listed.clone().text());
    assert.equal(((await listed.json()) as { inferenceProfileSummaries: unknown[] }).inferenceProfileSummaries.length, 2);

    const wrong = await signedFetch({ service: 'sts', method: 'GET', path });
    assert.equal(wrong.status, 403);
    assert.equal(wrong.headers.get('x-amzn-errortype'), 'InvalidSignatureException');
    assert.match(((await wrong.json()) as { message: string }).message, /scoped to correct service: 'bedrock'/);
  });

  it('answers requests no module claims with a logged 404', async () => {
    const response = await fetch(`${fake.endpoint}/nothing-here?secret=x`);
    assert.equal(response.status, 404);
    assert.deepEqual(
      fake.requests.map(({ service, operation, status }) => ({ service, operation, status })),
      [{ service: 'unknown', operation: 'GET /nothing-here', status: 404 }],
    );
  });
});

describe('fake-aws: control API', () => {
  let fake: FakeAws;
  let client: STSClient;
  beforeEach(async () => {
    fake = await startFakeAws({ scenario: 'basic' });
    client = new STSClient({ endpoint: fake.endpoint, region: BASIC_REGION, credentials: STATIC, maxAttempts: 1 });
  });
  afterEach(async () => {
    client.destroy();
    await fake.stop();
  });

  it('reports health, serves the log and takes faults over HTTP', async () => {
    const health = await fetch(`${fake.endpoint}/__fake/health`);
    assert.deepEqual(await health.json(), { ok: true, scenario: 'basic' });

    const added = await fetch(`${fake.endpoint}/__fake/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ service: 'sts', operation: 'GetCallerIdentity', throttle: true }),
    });
    assert.equal(added.status, 201);
    const faults = await fetch(`${fake.endpoint}/__fake/faults`);
    assert.deepEqual(await faults.json(), [{ service: 'sts', operation: 'GetCallerIdentity', throttle: true }]);
    await rejectsWithName(client.send(new GetCallerIdentityCommand({})), 'Throttling');

    assert.equal((await fetch(`${fake.endpoint}/__fake/faults`, { method: 'DELETE' })).status, 204);
    await client.send(new GetCallerIdentityCommand({}));

    const log = (await (await fetch(`${fake.endpoint}/__fake/requests`)).json()) as { operation: string; status: number }[];
    assert.deepEqual(
      log.map(({ operation, status }) => [operation, status]),
      [
        ['GetCallerIdentity', 400],
        ['GetCallerIdentity', 200],
      ],
    );
    assert.equal((await fetch(`${fake.endpoint}/__fake/requests`, { method: 'DELETE' })).status, 204);
    assert.equal(fake.requests.length, 0);
  });

  it('refuses malformed fault rules and unknown routes', async () => {
    const bad = await fetch(`${fake.endpoint}/__fake/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ operation: 'GetCallerIdentity' }),
    });
    assert.equal(bad.status, 400);
    assert.match(((await bad.json()) as { message: string }).message, /latencyMs, error, throttle or fault/);
    assert.equal((await fetch(`${fake.endpoint}/__fake/nope`)).status, 404);
    assert.throws(() => fake.inject({ operation: '', throttle: true }), TypeError);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
