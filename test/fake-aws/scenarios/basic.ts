/**
 * `basic`: one developer with static keys, a role to assume, a second-hop role in another
 * account, and an IAM Identity Center user. Every value is visibly fake: key ids never have the
 * AKIA shape of real keys, so secret scanners and humans cannot mistake them.
 */
import { applicationProfileArn, foundationModelArn, type Scenario } from '../scenario';
import { BEDROCK_GEO_DESTINATIONS, BEDROCK_MODEL_IDS, bedrockCatalog } from './bedrockCatalog';
import { bedrockQuotaRegions } from './quotaCatalog';
import { USAGE_REGION, basicQuotaAccount, basicUsageSeries } from './quotaData';

export const BASIC_REGION = 'ap-northeast-1';
export const BASIC_ACCOUNT_ID = '111122223333';
/** The account of the second-hop role. */
export const BASIC_CHAIN_ACCOUNT_ID = '444455556666';
/** An account nobody trusts. */
export const BASIC_OUTSIDER_ACCOUNT_ID = '999988887777';

export const BASIC_STATIC_KEY = {
  accessKeyId: 'FAKEAKIDSTATIC0001',
  secretAccessKey: 'fake-secret-static-0001-NOT-A-REAL-SECRET',
  arn: `arn:aws:iam::${BASIC_ACCOUNT_ID}:user/fake-developer`,
  userId: 'AIDAFAKEDEVELOPER0001',
  account: BASIC_ACCOUNT_ID,
} as const;

/** Temporary credentials someone pasted into ~/.aws/credentials an hour before they expired. */
export const BASIC_EXPIRED_KEY = {
  accessKeyId: 'FAKEAKIDEXPIRED001',
  secretAccessKey: 'fake-secret-expired-0001-NOT-A-REAL-SECRET',
  sessionToken: 'fake-session-token-expired-0001',
  arn: `arn:aws:sts::${BASIC_ACCOUNT_ID}:assumed-role/ClaudeDeveloper/stale-session`,
  userId: 'AROAFAKECLAUDEDEV0001:stale-session',
  account: BASIC_ACCOUNT_ID,
} as const;

/** A valid user in an account no role of the scenario trusts. */
export const BASIC_OUTSIDER_KEY = {
  accessKeyId: 'FAKEAKIDOUTSIDER01',
  secretAccessKey: 'fake-secret-outsider-0001-NOT-A-REAL-SECRET',
  arn: `arn:aws:iam::${BASIC_OUTSIDER_ACCOUNT_ID}:user/outsider`,
  userId: 'AIDAFAKEOUTSIDER00001',
  account: BASIC_OUTSIDER_ACCOUNT_ID,
} as const;

/** Assumable by BASIC_STATIC_KEY's user. */
export const BASIC_DEVELOPER_ROLE_ARN = `arn:aws:iam::${BASIC_ACCOUNT_ID}:role/ClaudeDeveloper`;
/** Assumable only from a ClaudeDeveloper session (role chaining). */
export const BASIC_INVOKER_ROLE_ARN = `arn:aws:iam::${BASIC_CHAIN_ACCOUNT_ID}:role/BedrockInvoker`;

export const BASIC_SSO = {
  startUrl: 'https://fake-corp.awsapps.com/start',
  region: BASIC_REGION,
  user: 'fake-sso-user',
  accountId: BASIC_ACCOUNT_ID,
  roleName: 'BedrockUser',
  clientId: 'fake-oidc-client-0001',
  clientSecret: 'fake-oidc-client-secret-0001-NOT-A-REAL-SECRET',
  /** Valid for 8 hours after the server starts. */
  validAccessToken: 'fake-sso-access-token-valid-0001',
  /** Expired an hour before the server started. */
  expiredAccessToken: 'fake-sso-access-token-expired-0001',
  /** Accepted by CreateToken, so an expired session can be refreshed. */
  refreshToken: 'fake-sso-refresh-token-0001',
  /** Unknown to the fake: CreateToken refuses it with InvalidGrantException. */
  revokedRefreshToken: 'fake-sso-refresh-token-revoked-0001',
} as const;

/**
 * The application inference profile of BASIC_ACCOUNT_ID in ap-northeast-1, copied from the jp.
 * Sonnet 4.5 profile. Listed only with `type=APPLICATION`, only to that account in that region.
 */
export const BASIC_APP_PROFILE = {
  account: BASIC_ACCOUNT_ID,
  region: BASIC_REGION,
  id: 'a1b2c3d4e5f6',
  name: 'team-sonnet-jp',
  description: 'Team Claude Sonnet 4.5, Japan-domestic routing',
  arn: applicationProfileArn({ account: BASIC_ACCOUNT_ID, region: BASIC_REGION, id: 'a1b2c3d4e5f6' }),
  modelId: BEDROCK_MODEL_IDS.sonnet45,
  modelArns: BEDROCK_GEO_DESTINATIONS.jp.map((region) => foundationModelArn(region, BEDROCK_MODEL_IDS.sonnet45)),
  createdAt: '2025-11-04T02:15:00.000Z',
  updatedAt: '2025-11-04T02:15:00.000Z',
} as const;

const HOUR = 3600_000;

/** Built at call time so expiries are relative to now. */
export function basicScenario(): Scenario {
  const now = Date.now();
  return {
    name: 'basic',
    description:
      'Static-key developer, role chain into a second account, IAM Identity Center user; Bedrock in five regions, every model usable; generous Bedrock quotas and healthy usage metrics.',
    accounts: [
      { id: BASIC_ACCOUNT_ID, alias: 'fake-dev' },
      { id: BASIC_CHAIN_ACCOUNT_ID, alias: 'fake-bedrock' },
      { id: BASIC_OUTSIDER_ACCOUNT_ID, alias: 'fake-outsider' },
    ],
    accessKeys: [
      { ...BASIC_STATIC_KEY, issuedBy: 'scenario' },
      { ...BASIC_EXPIRED_KEY, expiresAt: now - HOUR, issuedBy: 'scenario' },
      { ...BASIC_OUTSIDER_KEY, issuedBy: 'scenario' },
    ],
    roles: [
      {
        arn: BASIC_DEVELOPER_ROLE_ARN,
        roleId: 'AROAFAKECLAUDEDEV0001',
        trustedPrincipals: [BASIC_STATIC_KEY.arn],
        maxSessionDurationSeconds: 12 * 3600,
      },
      {
        arn: BASIC_INVOKER_ROLE_ARN,
        roleId: 'AROAFAKEBEDROCKINV001',
        trustedPrincipals: [BASIC_DEVELOPER_ROLE_ARN],
        maxSessionDurationSeconds: 3600,
      },
    ],
    sso: {
      accessTokens: [
        { token: BASIC_SSO.validAccessToken, user: BASIC_SSO.user, expiresAt: now + 8 * HOUR },
        { token: BASIC_SSO.expiredAccessToken, user: BASIC_SSO.user, expiresAt: now - HOUR },
      ],
      clients: [{ clientId: BASIC_SSO.clientId, clientSecret: BASIC_SSO.clientSecret, expiresAt: now + 90 * 24 * HOUR }],
      refreshTokens: [{ token: BASIC_SSO.refreshToken, clientId: BASIC_SSO.clientId, user: BASIC_SSO.user }],
      assignments: [{ user: BASIC_SSO.user, accountId: BASIC_SSO.accountId, roleName: BASIC_SSO.roleName }],
    },
    // Every account may list and invoke everything; Claude 3.7 Sonnet still answers (actively used).
    bedrock: {
      regions: bedrockCatalog(),
      applicationProfiles: [
        {
          account: BASIC_APP_PROFILE.account,
          region: BASIC_APP_PROFILE.region,
          id: BASIC_APP_PROFILE.id,
          name: BASIC_APP_PROFILE.name,
          description: BASIC_APP_PROFILE.description,
          modelArns: [...BASIC_APP_PROFILE.modelArns],
          createdAt: BASIC_APP_PROFILE.createdAt,
          updatedAt: BASIC_APP_PROFILE.updatedAt,
        },
      ],
      accounts: {},
    },
    // Generous quotas in Tokyo and us-east-1; healthy traffic (no throttles) in Tokyo (quotaData.ts).
    serviceQuotas: {
      regions: bedrockQuotaRegions('new'),
      accounts: { [BASIC_ACCOUNT_ID]: basicQuotaAccount(BASIC_ACCOUNT_ID, BASIC_STATIC_KEY.arn, now) },
    },
    cloudWatch: {
      accounts: { [BASIC_ACCOUNT_ID]: { usage: { [USAGE_REGION]: basicUsageSeries() } } },
    },
    demoHome: {
      region: BASIC_REGION,
      staticAccessKeyId: BASIC_STATIC_KEY.accessKeyId,
      expiredAccessKeyId: BASIC_EXPIRED_KEY.accessKeyId,
      roleArn: BASIC_DEVELOPER_ROLE_ARN,
      chainRoleArn: BASIC_INVOKER_ROLE_ARN,
      sso: {
        startUrl: BASIC_SSO.startUrl,
        region: BASIC_SSO.region,
        accountId: BASIC_SSO.accountId,
        roleName: BASIC_SSO.roleName,
        clientId: BASIC_SSO.clientId,
        validAccessToken: BASIC_SSO.validAccessToken,
        expiredAccessToken: BASIC_SSO.expiredAccessToken,
        refreshToken: BASIC_SSO.refreshToken,
        deadRefreshToken: BASIC_SSO.revokedRefreshToken,
      },
    },
  };
}
