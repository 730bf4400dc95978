/**
 * The IAM Identity Center portal's GetRoleCredentials, which the SDK's SSO credential provider
 * calls with the cached access token: `GET /federation/credentials`, bearer token in a header,
 * no SigV4.
 */
import { createHash } from 'node:crypto';
import { jsonResponse, queryValue } from '../http';
import { issueTemporaryKey } from '../credentials';
import { AwsError, jsonProtocol } from '../protocols';
import type { ServiceModule } from '../serviceModule';

/** Identity Center names the role it provisions AWSReservedSSO_<permission set>_<16 hex>. */
function reservedRoleName(accountId: string, roleName: string): string {
  const suffix = createHash('sha1').update(`${accountId}:${roleName}`).digest('hex').slice(0, 16);
  return `AWSReservedSSO_${roleName}_${suffix}`;
}

/** The ARN GetCallerIdentity reports for credentials from GetRoleCredentials. */
export function ssoRoleSessionArn(accountId: string, roleName: string, user: string): string {
  return `arn:aws:sts::${accountId}:assumed-role/${reservedRoleName(accountId, roleName)}/${user}`;
}

function ssoRoleId(accountId: string, roleName: string): string {
  const digest = createHash('sha1').update(`role:${accountId}:${roleName}`).digest('hex').toUpperCase();
  return `AROAFAKE${digest.slice(0, 13)}`;
}

export const ssoModule: ServiceModule = {
  name: 'sso',
  protocol: jsonProtocol({ style: 'restJson1', throttle: () => new AwsError(429, 'TooManyRequestsException', 'Rate exceeded') }),
  matches: (req) => req.method === 'GET' && req.path === '/federation/credentials',
  operation: () => 'GetRoleCredentials',
  handle(ctx) {
    const bearer = ctx.req.headers['x-amz-sso_bearer_token'];
    const token = ctx.state.sso.accessTokens.find((candidate) => candidate.token === bearer);
    if (bearer === undefined || !token || token.expiresAt <= ctx.now) {
      throw new AwsError(401, 'UnauthorizedException', 'Session token not found or invalid');
    }
    const accountId = queryValue(ctx.req, 'account_id');
    const roleName = queryValue(ctx.req, 'role_name');
    if (!accountId || !roleName) throw new AwsError(400, 'InvalidRequestException', 'account_id and role_name are required');
    const assignment = ctx.state.sso.assignments.find(
      (candidate) => candidate.user === token.user && candidate.accountId === accountId && candidate.roleName === roleName,
    );
    if (!assignment) throw new AwsError(403, 'ForbiddenException', 'No access');

    const expiresAt = ctx.now + (assignment.sessionDurationSeconds ?? 3600) * 1000;
    const key = issueTemporaryKey(ctx.state, {
      account: accountId,
      arn: ssoRoleSessionArn(accountId, roleName, token.user),
      userId: `${ssoRoleId(accountId, roleName)}:${token.user}`,
      expiresAt,
      issuedBy: 'GetRoleCredentials',
    });
    return jsonResponse(
      200,
      {
        roleCredentials: {
          accessKeyId: key.accessKeyId,
          secretAccessKey: key.secretAccessKey,
          sessionToken: key.sessionToken,
          // The SSO API, unlike STS, gives the expiry as epoch milliseconds.
          expiration: expiresAt,
        },
      },
      { 'x-amzn-requestid': ctx.requestId },
    );
  },
};
