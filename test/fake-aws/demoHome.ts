/**
 * Writes a demo home directory (~/.aws/config, ~/.aws/credentials, SSO token cache) whose
 * profiles exercise each way of signing in against the fake: static keys, expired keys, a role,
 * a two-hop role chain, and IAM Identity Center sessions that are valid, refreshable or expired.
 */
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FakeAccessKey, Scenario } from './scenario';

export interface WriteDemoHomeOptions {
  /**
   * Appended to every sso-session name. The SDK's token provider refuses to retry a refresh of
   * the same session name within 30 s in one process, so tests that refresh repeatedly in one
   * mocha run give each home its own suffix.
   */
  ssoSessionSuffix?: string;
}

export interface DemoHome {
  home: string;
  configFile: string;
  credentialsFile: string;
  ssoCacheDir: string;
  profiles: string[];
  /** sso-session names, by role: valid token, expired but refreshable, expired for good. */
  ssoSessions: { valid: string; refreshable: string; expired: string };
}

function section(header: string, entries: Record<string, string>): string {
  return `[${header}]\n${Object.entries(entries)
    .map(([key, value]) => `${key} = ${value}`)
    .join('\n')}\n`;
}

function findKey(scenario: Scenario, accessKeyId: string): FakeAccessKey {
  const key = scenario.accessKeys.find((candidate) => candidate.accessKeyId === accessKeyId);
  if (!key) throw new Error(`scenario ${scenario.name}: demo key ${accessKeyId} is not in accessKeys`);
  return key;
}

/** `DIR/.aws/sso/cache/<sha1 of the sso-session name>.json`, the SDK's cache file name. */
export function ssoCacheFileName(sessionName: string): string {
  return `${createHash('sha1').update(sessionName).digest('hex')}.json`;
}

export async function writeDemoHome(dir: string, scenario: Scenario, options: WriteDemoHomeOptions = {}): Promise<DemoHome> {
  const spec = scenario.demoHome;
  if (!spec) throw new Error(`scenario ${scenario.name} has no demoHome section`);
  const suffix = options.ssoSessionSuffix ?? '';
  const sessions = { valid: `corp${suffix}`, refreshable: `corp-refresh${suffix}`, expired: `corp-expired${suffix}` };
  const staticKey = findKey(scenario, spec.staticAccessKeyId);
  const expiredKey = findKey(scenario, spec.expiredAccessKeyId);
  const client = scenario.sso.clients.find((candidate) => candidate.clientId === spec.sso.clientId);
  if (!client) throw new Error(`scenario ${scenario.name}: demo OIDC client is not in sso.clients`);
  const tokenExpiry = (token: string): number => {
    const found = scenario.sso.accessTokens.find((candidate) => candidate.token === token);
    if (!found) throw new Error(`scenario ${scenario.name}: a demo SSO access token is not in sso.accessTokens`);
    return found.expiresAt;
  };

  const region = { region: spec.region };
  const ssoProfile = (session: string): Record<string, string> => ({
    sso_session: session,
    sso_account_id: spec.sso.accountId,
    sso_role_name: spec.sso.roleName,
    region: spec.region,
  });
  const ssoSession = { sso_start_url: spec.sso.startUrl, sso_region: spec.sso.region, sso_registration_scopes: 'sso:account:access' };
  const config = [
    `# Demo AWS config written by fake-aws for scenario '${scenario.name}'. Every credential is fake.\n`,
    section('profile static-dev', region),
    section('profile expired-keys', region),
    section('profile role-dev', { role_arn: spec.roleArn, source_profile: 'static-dev', ...region }),
    section('profile chain-invoker', { role_arn: spec.chainRoleArn, source_profile: 'role-dev', ...region }),
    section('profile sso-dev', ssoProfile(sessions.valid)),
    section('profile sso-refresh', ssoProfile(sessions.refreshable)),
    section('profile sso-expired', ssoProfile(sessions.expired)),
    section(`sso-session ${sessions.valid}`, ssoSession),
    section(`sso-session ${sessions.refreshable}`, ssoSession),
    section(`sso-session ${sessions.expired}`, ssoSession),
  ].join('\n');
  const credentials = [
    `# Demo AWS credentials written by fake-aws for scenario '${scenario.name}'. Every value is fake.\n`,
    section('static-dev', { aws_access_key_id: staticKey.accessKeyId, aws_secret_access_key: staticKey.secretAccessKey }),
    section('expired-keys', {
      aws_access_key_id: expiredKey.accessKeyId,
      aws_secret_access_key: expiredKey.secretAccessKey,
      ...(expiredKey.sessionToken !== undefined && { aws_session_token: expiredKey.sessionToken }),
    }),
  ].join('\n');

  const cachedToken = (accessToken: string, refreshToken: string): string =>
    JSON.stringify(
      {
        startUrl: spec.sso.startUrl,
        region: spec.sso.region,
        accessToken,
        expiresAt: new Date(tokenExpiry(accessToken)).toISOString(),
        clientId: client.clientId,
        clientSecret: client.clientSecret,
        registrationExpiresAt: new Date(client.expiresAt ?? Date.now() + 90 * 24 * 3600_000).toISOString(),
        refreshToken,
      },
      null,
      2,
    );

  const awsDir = join(dir, '.aws');
  const ssoCacheDir = join(awsDir, 'sso', 'cache');
  await mkdir(ssoCacheDir, { recursive: true, mode: 0o700 });
  const configFile = join(awsDir, 'config');
  const credentialsFile = join(awsDir, 'credentials');
  await writeFile(configFile, config, { mode: 0o600 });
  await writeFile(credentialsFile, credentials, { mode: 0o600 });
  const tokens: [string, string, string][] = [
    [sessions.valid, spec.sso.validAccessToken, spec.sso.refreshToken],
    [sessions.refreshable, spec.sso.expiredAccessToken, spec.sso.refreshToken],
    [sessions.expired, spec.sso.expiredAccessToken, spec.sso.deadRefreshToken],
  ];
  for (const [session, accessToken, refreshToken] of tokens) {
    await writeFile(join(ssoCacheDir, ssoCacheFileName(session)), cachedToken(accessToken, refreshToken), { mode: 0o600 });
  }
  return {
    home: dir,
    configFile,
    credentialsFile,
    ssoCacheDir,
    profiles: ['static-dev', 'expired-keys', 'role-dev', 'chain-invoker', 'sso-dev', 'sso-refresh', 'sso-expired'],
    ssoSessions: sessions,
  };
}
