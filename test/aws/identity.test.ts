// The identity check end to end: the real SDK credential chain resolves every kind of profile
// from real files, and the real STS client calls the loopback fake AWS over HTTP.
import assert from 'node:assert/strict';
import { appendFileSync, chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { loadProfiles } from '../../src/aws/profiles/awsFiles';
import { checkIdentities, checkIdentity } from '../../src/aws/profiles/identity';
import { describeIdentityFailure } from '../../src/core/profiles/identityFailure';
import type { FakeAws } from '../fake-aws';
import { BASIC_ACCOUNT_ID, BASIC_CHAIN_ACCOUNT_ID, BASIC_STATIC_KEY } from '../fake-aws/scenarios/basic';
import { useFakeAwsHome } from '../support/fakeAwsHome';

const REGION = 'ap-northeast-1';

describe('identity check against the fake AWS', function () {
  const context = useFakeAwsHome('identity');
  let fake: FakeAws;
  let home: string;
  beforeEach(() => {
    ({ fake, home } = context);
  });

  const profile = (name: string, timeoutMs = 10_000) => checkIdentity({ target: { type: 'profile', profile: name }, region: REGION, timeoutMs });

  it('returns the identity of static keys, signed with that key in the chosen region', async () => {
    const result = await profile('static-dev');
    assert.ok(result.ok, JSON.stringify(result));
    assert.deepEqual(result.identity, { account: BASIC_ACCOUNT_ID, arn: BASIC_STATIC_KEY.arn, userId: BASIC_STATIC_KEY.userId });
    const call = fake.requests.find((entry) => entry.operation === 'GetCallerIdentity');
    assert.equal(call?.accessKeyId, BASIC_STATIC_KEY.accessKeyId);
    assert.equal(call?.signingRegion, REGION);
  });

  it('walks an assume-role chain through AssumeRole into a second account', async () => {
    const result = await profile('chain-invoker');
    assert.ok(result.ok, JSON.stringify(result));
    assert.equal(result.identity.account, BASIC_CHAIN_ACCOUNT_ID);
    assert.match(result.identity.arn, /^arn:aws:sts::444455556666:assumed-role\/BedrockInvoker\//);
    assert.ok(result.expiresAt, 'temporary credentials carry their expiry');
    assert.deepEqual(
      fake.requests.map((entry) => entry.operation),
      ['AssumeRole', 'AssumeRole', 'GetCallerIdentity'],
    );
    assert.equal(fake.requests[0]?.accessKeyId, BASIC_STATIC_KEY.accessKeyId, 'the first hop is signed with the source profile keys');
  });

  it('signs in through SSO with a valid cached token (GetRoleCredentials)', async () => {
    const result = await profile('sso-dev');
    assert.ok(result.ok, JSON.stringify(result));
    assert.equal(result.identity.account, BASIC_ACCOUNT_ID);
    assert.match(result.identity.arn, /assumed-role\/AWSReservedSSO_BedrockUser_/);
    assert.deepEqual(
      fake.requests.map((entry) => entry.operation),
      ['GetRoleCredentials', 'GetCallerIdentity'],
    );
  });

  it('refreshes an expired SSO token through OIDC when the refresh token is still good', async () => {
    const result = await profile('sso-refresh');
    assert.ok(result.ok, JSON.stringify(result));
    assert.ok(fake.requests.some((entry) => entry.operation === 'CreateToken'));
  });

  it('classifies an expired SSO sign-in and names the exact command that fixes it', async () => {
    const result = await profile('sso-expired');
    assert.equal(result.ok, false);
    assert.ok(!result.ok);
    assert.equal(result.failure.reason, 'sso-expired');
    assert.equal(result.failure.phase, 'credentials');
    const description = describeIdentityFailure(result.failure, 'en');
    assert.equal(description.command, 'aws sso login --profile sso-expired');
    assert.ok(!fake.requests.some((entry) => entry.operation === 'GetCallerIdentity'), 'no STS call without credentials');
  });

  it('classifies keys AWS rejects as expired, and unknown keys as invalid', async () => {
    const expired = await profile('expired-keys');
    assert.ok(!expired.ok);
    assert.equal(expired.failure.reason, 'expired-keys');
    assert.equal(expired.failure.code, 'ExpiredToken');

    appendFileSync(join(home, '.aws', 'credentials'), '\n[unknown-key]\naws_access_key_id = FAKEAKIDNOBODY0001\naws_secret_access_key = fake-secret-nobody\n');
    const unknown = await profile('unknown-key');
    assert.ok(!unknown.ok);
    assert.equal(unknown.failure.reason, 'invalid-keys');
    assert.equal(unknown.failure.code, 'InvalidClientTokenId');
    assert.equal(unknown.failure.phase, 'call');
  });

  it('runs a credential_process and uses the keys it prints', async () => {
    const script = join(home, 'print-keys.js');
    writeFileSync(
      script,
      `process.stdout.write(JSON.stringify({ Version: 1, AccessKeyId: ${JSON.stringify(BASIC_STATIC_KEY.accessKeyId)}, SecretAccessKey: ${JSON.stringify(BASIC_STATIC_KEY.secretAccessKey)} }));\n`,
    );
    chmodSync(script, 0o700);
    appendFileSync(join(home, '.aws', 'config'), `\n[profile process-dev]\ncredential_process = ${process.execPath} ${script}\nregion = ${REGION}\n`);
    const result = await profile('process-dev');
    assert.ok(result.ok, JSON.stringify(result));
    assert.equal(result.identity.arn, BASIC_STATIC_KEY.arn);
  });

  it('reports a failing credential_process without echoing its command line', async () => {
    appendFileSync(join(home, '.aws', 'config'), `\n[profile broken-process]\ncredential_process = ${process.execPath} -e "process.exit(3)" --token hunter2-secret\n`);
    const result = await profile('broken-process');
    assert.ok(!result.ok);
    assert.equal(result.failure.reason, 'credential-process-failed');
    assert.ok(!JSON.stringify(result).includes('hunter2'));
  });

  it('checks the environment variables credentials', async () => {
    process.env.AWS_ACCESS_KEY_ID = BASIC_STATIC_KEY.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY = BASIC_STATIC_KEY.secretAccessKey;
    const result = await checkIdentity({ target: { type: 'environment' }, region: REGION });
    assert.ok(result.ok, JSON.stringify(result));
    assert.equal(result.identity.arn, BASIC_STATIC_KEY.arn);
  });

  it('reads the files afresh on every check', async () => {
    assert.equal((await profile('later')).ok, false);
    appendFileSync(join(home, '.aws', 'credentials'), `\n[later]\naws_access_key_id = ${BASIC_STATIC_KEY.accessKeyId}\naws_secret_access_key = ${BASIC_STATIC_KEY.secretAccessKey}\n`);
    const result = await profile('later');
    assert.ok(result.ok, JSON.stringify(result));
  });

  it('classifies access denied and throttling injected into GetCallerIdentity', async () => {
    fake.inject({ operation: 'GetCallerIdentity', error: { status: 403, code: 'AccessDenied', message: 'explicit deny in a service control policy' }, times: 1 });
    const denied = await profile('static-dev');
    assert.ok(!denied.ok);
    assert.equal(denied.failure.reason, 'access-denied');
    assert.match(denied.failure.detail ?? '', /service control policy/);

    fake.inject({ operation: 'GetCallerIdentity', throttle: true, times: 1 });
    const throttled = await profile('static-dev');
    assert.ok(!throttled.ok);
    assert.equal(throttled.failure.reason, 'throttled');
  });

  it('gives up after the timeout and says so', async () => {
    fake.inject({ operation: 'GetCallerIdentity', latencyMs: 5_000, times: 1 });
    const result = await profile('static-dev', 300);
    assert.ok(!result.ok);
    assert.equal(result.failure.reason, 'timeout');
    assert.equal(result.failure.phase, 'call');
  });

  it('reports an endpoint nobody listens on as unreachable', async () => {
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
      });
    });
    process.env.AWS_ENDPOINT_URL = `http://127.0.0.1:${port}`;
    const result = await profile('static-dev');
    assert.ok(!result.ok);
    assert.equal(result.failure.reason, 'unreachable');
  });

  it('honours AWS_ENDPOINT_URL_STS over AWS_ENDPOINT_URL, as the SDK does', async () => {
    process.env.AWS_ENDPOINT_URL = 'http://127.0.0.1:9';
    process.env.AWS_ENDPOINT_URL_STS = fake.endpoint;
    const result = await profile('static-dev');
    assert.ok(result.ok, JSON.stringify(result));
  });

  it('checks several profiles concurrently and keeps their order', async () => {
    const latencyMs = 1_000;
    fake.inject({ operation: 'GetCallerIdentity', latencyMs });
    const names = ['static-dev', 'sso-dev', 'expired-keys', 'role-dev'];
    const results = await checkIdentities(names.map((name) => ({ target: { type: 'profile' as const, profile: name }, region: REGION })));
    assert.deepEqual(
      results.map((result) => (result.ok ? result.identity.account : result.failure.reason)),
      [BASIC_ACCOUNT_ID, BASIC_ACCOUNT_ID, 'expired-keys', BASIC_ACCOUNT_ID],
    );
    // The fake answers no GetCallerIdentity before `latencyMs` has passed, so one run after
    // another could not have the last call arrive before the first could be answered.
    const arrivals = fake.requests
      .filter((entry) => entry.operation === 'GetCallerIdentity')
      .map((entry) => Date.parse(entry.time))
      .sort((a, b) => a - b);
    assert.equal(arrivals.length, 4);
    assert.ok(arrivals[3]! < arrivals[0]! + latencyMs, `the calls did not overlap: arrivals ${arrivals.map((t) => t - arrivals[0]!).join(', ')} ms`);
  });

  it('discovers the demo home with the right kinds and sign-in states', async () => {
    const discovery = await loadProfiles(process.env);
    const kinds = Object.fromEntries(discovery.profiles.map((found) => [found.name, found.kind]));
    assert.deepEqual(kinds, {
      'static-dev': 'static',
      'expired-keys': 'session',
      'role-dev': 'assume-role',
      'chain-invoker': 'assume-role',
      'sso-dev': 'sso',
      'sso-refresh': 'sso',
      'sso-expired': 'sso',
    });
    const states = Object.fromEntries(discovery.profiles.filter((found) => found.sso).map((found) => [found.name, found.sso!.token.state]));
    assert.deepEqual(states, { 'sso-dev': 'valid', 'sso-refresh': 'expired', 'sso-expired': 'expired' });
  });
});
