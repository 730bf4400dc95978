/**
 * The world a fake AWS serves. A server deep-copies its scenario at start, so tests may mutate
 * `fake.state` (expire a key, revoke a token, add a role) without leaking into other tests.
 * Times are epoch milliseconds so a test can write `key.expiresAt = Date.now() - 1`.
 *
 * Later service modules (Bedrock, Service Quotas, CloudWatch) add their own optional sections
 * here; modules that find their section absent should serve an empty world.
 */
export interface Scenario {
  name: string;
  description: string;
  accounts: FakeAccount[];
  /** Static keys of the scenario plus every key the fake issues (AssumeRole, SSO). */
  accessKeys: FakeAccessKey[];
  roles: FakeRole[];
  sso: FakeSsoDirectory;
  /** Which scenario entries play which part in a demo ~/.aws (see demoHome.ts). */
  demoHome?: DemoHomeSpec;
}

export interface FakeAccount {
  id: string;
  alias?: string;
}

export interface FakeAccessKey {
  accessKeyId: string;
  secretAccessKey: string;
  /** Present for temporary credentials; the request's x-amz-security-token must equal it. */
  sessionToken?: string;
  account: string;
  /** What GetCallerIdentity answers: a user ARN or an sts assumed-role ARN. */
  arn: string;
  userId: string;
  /** Absent: never expires (IAM user keys). */
  expiresAt?: number;
  /** Where the key came from, for debugging a test: 'scenario', 'AssumeRole', 'GetRoleCredentials'. */
  issuedBy?: string;
}

export interface FakeRole {
  /** arn:aws:iam::ACCOUNT:role[/path]/NAME */
  arn: string;
  /** Unique role id, AROA…; the assumed-role UserId is `${roleId}:${sessionName}`. */
  roleId: string;
  /**
   * Who may assume the role: account ids, `arn:aws:iam::ACCOUNT:root`, user ARNs, role ARNs
   * (which admit that role's assumed-role sessions, as IAM trust policies do) or exact
   * assumed-role ARNs. Absent: any valid caller may assume it.
   */
  trustedPrincipals?: string[];
  /** IAM's MaxSessionDuration; default 3600. */
  maxSessionDurationSeconds?: number;
}

export interface FakeSsoDirectory {
  accessTokens: FakeSsoAccessToken[];
  clients: FakeOidcClient[];
  refreshTokens: FakeRefreshToken[];
  assignments: FakeSsoAssignment[];
  /** Lifetime of access tokens minted by a refresh; default 3600. */
  accessTokenLifetimeSeconds?: number;
}

export interface FakeSsoAccessToken {
  token: string;
  /** The Identity Center user name; becomes the role session name of issued credentials. */
  user: string;
  expiresAt: number;
}

export interface FakeOidcClient {
  clientId: string;
  clientSecret: string;
  /** The registration's expiry; absent: never. */
  expiresAt?: number;
}

export interface FakeRefreshToken {
  token: string;
  clientId: string;
  user: string;
}

export interface FakeSsoAssignment {
  user: string;
  accountId: string;
  roleName: string;
  /** Permission set session duration; default 3600. */
  sessionDurationSeconds?: number;
}

/** References (ids, ARNs, tokens) into the scenario for each demo profile. */
export interface DemoHomeSpec {
  region: string;
  /** static-dev */
  staticAccessKeyId: string;
  /** expired-keys: a temporary key whose expiry has passed. */
  expiredAccessKeyId: string;
  /** role-dev: assumed with static-dev as source. */
  roleArn: string;
  /** chain-invoker: assumed with role-dev as source. */
  chainRoleArn: string;
  sso: {
    startUrl: string;
    region: string;
    accountId: string;
    roleName: string;
    clientId: string;
    /** sso-dev: a valid token. */
    validAccessToken: string;
    /** sso-refresh and sso-expired: a token past its expiry. */
    expiredAccessToken: string;
    /** sso-dev and sso-refresh: a refresh token the fake accepts. */
    refreshToken: string;
    /** sso-expired: a refresh token the fake refuses, so the session stays expired. */
    deadRefreshToken: string;
  };
}

/** A deep copy, so one server's mutations never reach another server or the registry. */
export function cloneScenario(scenario: Scenario): Scenario {
  return structuredClone(scenario);
}

/** `arn:aws:iam::123:role/path/Name` → `{ account: '123', name: 'Name' }`. */
export function parseRoleArn(arn: string): { account: string; name: string } | undefined {
  const match = /^arn:aws[a-z-]*:iam::(\d{12}):role\/(?:[^/]+\/)*([\w+=,.@-]+)$/.exec(arn);
  return match?.[1] !== undefined && match[2] !== undefined ? { account: match[1], name: match[2] } : undefined;
}
