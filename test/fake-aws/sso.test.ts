import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { fromIni, fromSSO } from '@aws-sdk/credential-providers';
import { ssoCacheFileName, writeDemoHome, type DemoHome } from './demoHome';
import { BASIC_CHAIN_ACCOUNT_ID, BASIC_REGION, BASIC_SSO } from './scenarios/basic';
import { ssoRoleSessionArn } from './services/sso';
import { snapshotEnv } from './testEnv';
import { startFakeAws, type FakeAws } from './index';

type AwsCredentialIdentity = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };

/**
 * The SDK's own credential providers, pointed at the fake only through the environment
 * (HOME, AWS_CONFIG_FILE, AWS_ENDPOINT_URL) exactly as a user's shell would.
 */
describe('fake-aws: SSO and profiles through the SDK credential providers', () => {
  let fake: FakeAws;
  let dir: string;
  let home: DemoHome;
  let restoreEnv: () => void;
  let run = 0;

  beforeEach(async () => {
    restoreEnv = snapshotEnv();
    fake = await startFakeAws({ scenario: 'basic' });
    dir = await mkdtemp(join(tmpdir(), 'fake-aws-home-'));
    // A fresh sso-session name per test: the SDK skips a refresh retried within 30 s per name.
    home = await writeDemoHome(dir, fake.state, { ssoSessionSuffix: `-${process.pid}-${++run}` });
    process.env.HOME = dir;
    process.env.AWS_CONFIG_FILE = home.configFile;
    process.env.AWS_SHARED_CREDENTIALS_FILE = home.credentialsFile;
    Object.assign(process.env, fake.env());
  });
  afterEach(async () => {
    restoreEnv();
    await fake.stop();
    await rm(dir, { recursive: true, force: true });
  });

  async function whoAmI(credentials: AwsCredentialIdentity): Promise<string | undefined> {
    const client = new STSClient({ endpoint: fake.endpoint, region: BASIC_REGION, credentials, maxAttempts: 1 });
    try {
      return (await client.send(new GetCallerIdentityCommand({}))).Arn;
    } finally {
      client.destroy();
    }
  }

  it('gets role credentials with a valid cached token (GetRoleCredentials end to end)', async () => {
    const credentials = await fromSSO({ profile: 'sso-dev', ignoreCache: true })();
    assert.match(credentials.accessKeyId, /^ASIA/);
    assert.ok(credentials.expiration && credentials.expiration.getTime() > Date.now());
    assert.equal(await whoAmI(credentials), ssoRoleSessionArn(BASIC_SSO.accountId, BASIC_SSO.roleName, BASIC_SSO.user));
    assert.match(ssoRoleSessionArn(BASIC_SSO.accountId, BASIC_SSO.roleName, BASIC_SSO.user), /assumed-role\/AWSReservedSSO_BedrockUser_[0-9a-f]{16}\/fake-sso-user$/);
    assert.deepEqual(
      fake.requests.map(({ service, operation, status }) => [service, operation, status]),
      [
        ['sso', 'GetRoleCredentials', 200],
        ['sts', 'GetCallerIdentity', 200],
      ],
    );
  });

  it('refreshes an expired cached token through SSO OIDC, then gets role credentials', async () => {
    const credentials = await fromSSO({ profile: 'sso-refresh', ignoreCache: true })();
    assert.equal(await whoAmI(credentials), ssoRoleSessionArn(BASIC_SSO.accountId, BASIC_SSO.roleName, BASIC_SSO.user));
    assert.deepEqual(
      fake.requests.map(({ service, operation, status }) => [service, operation, status]),
      [
        ['sso-oidc', 'CreateToken', 200],
        ['sso', 'GetRoleCredentials', 200],
        ['sts', 'GetCallerIdentity', 200],
      ],
    );
    // The SDK writes the new token back to the cache, as after `aws sso login`.
    const cached = JSON.parse(await readFile(join(home.ssoCacheDir, ssoCacheFileName(home.ssoSessions.refreshable)), 'utf8')) as {
      accessToken: string;
      expiresAt: string;
    };
    assert.notEqual(cached.accessToken, BASIC_SSO.expiredAccessToken);
    assert.ok(new Date(cached.expiresAt).getTime() > Date.now());
  });

  it('gives the SDK expired-session error when the token is expired and cannot be refreshed', async () => {
    await assert.rejects(fromSSO({ profile: 'sso-expired', ignoreCache: true })(), /Token is expired/);
    assert.deepEqual(
      fake.requests.map(({ service, operation, status, errorCode }) => [service, operation, status, errorCode]),
      [['sso-oidc', 'CreateToken', 400, 'InvalidGrantException']],
    );
  });

  it('refuses unknown bearer tokens and unassigned roles like the SSO portal', async () => {
    const url = (role: string): string =>
      `${fake.endpoint}/federation/credentials?account_id=${BASIC_SSO.accountId}&role_name=${role}`;
    const unknown = await fetch(url(BASIC_SSO.roleName), { headers: { 'x-amz-sso_bearer_token': 'not-a-token' } });
    assert.equal(unknown.status, 401);
    assert.equal(unknown.headers.get('x-amzn-errortype'), 'UnauthorizedException');
    assert.deepEqual(await unknown.json(), { message: 'Session token not found or invalid' });

    const expired = await fetch(url(BASIC_SSO.roleName), { headers: { 'x-amz-sso_bearer_token': BASIC_SSO.expiredAccessToken } });
    assert.equal(expired.status, 401);

    const unassigned = await fetch(url('AdministratorAccess'), { headers: { 'x-amz-sso_bearer_token': BASIC_SSO.validAccessToken } });
    assert.equal(unassigned.status, 403);
    assert.equal(unassigned.headers.get('x-amzn-errortype'), 'ForbiddenException');
    assert.deepEqual(await unassigned.json(), { message: 'No access' });
  });

  it('resolves the two-hop role chain of a profile through the SDK (nested STS client)', async () => {
    const credentials = await fromIni({ profile: 'chain-invoker', ignoreCache: true })();
    const arn = await whoAmI(credentials);
    assert.match(arn ?? '', new RegExp(`^arn:aws:sts::${BASIC_CHAIN_ACCOUNT_ID}:assumed-role/BedrockInvoker/`));
    assert.deepEqual(
      fake.requests.map(({ operation, accessKeyId }) => [operation, accessKeyId?.slice(0, 4)]),
      [
        ['AssumeRole', 'FAKE'],
        ['AssumeRole', 'ASIA'],
        ['GetCallerIdentity', 'ASIA'],
      ],
    );
  });

  it('surfaces expired pasted keys as ExpiredToken', async () => {
    const credentials = await fromIni({ profile: 'expired-keys', ignoreCache: true })();
    await assert.rejects(whoAmI(credentials), (error: Error) => error.name === 'ExpiredToken');
  });
});
