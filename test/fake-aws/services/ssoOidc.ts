/**
 * SSO OIDC CreateToken with the refresh_token grant: what the SDK's token provider calls when the
 * cached access token is within five minutes of expiry. `POST /token`, JSON, no SigV4. Errors
 * carry the OAuth `error` / `error_description` body the real service sends.
 */
import { jsonBody, jsonResponse } from '../http';
import { issueSsoAccessToken } from '../credentials';
import { AwsError, jsonProtocol } from '../protocols';
import type { ServiceModule } from '../serviceModule';

function oauthError(status: number, code: string, error: string, description: string): AwsError {
  return new AwsError(status, code, description, { error, error_description: description });
}

export const ssoOidcModule: ServiceModule = {
  name: 'sso-oidc',
  protocol: jsonProtocol({
    style: 'restJson1',
    throttle: () => oauthError(400, 'SlowDownException', 'slow_down', 'Rate exceeded'),
  }),
  matches: (req) => req.method === 'POST' && req.path === '/token',
  operation: () => 'CreateToken',
  handle(ctx) {
    const body = jsonBody(ctx.req);
    if (!body) throw oauthError(400, 'InvalidRequestException', 'invalid_request', 'Request body is not valid JSON');
    const { clientId, clientSecret, grantType, refreshToken } = body;
    if (grantType !== 'refresh_token') {
      throw oauthError(400, 'UnsupportedGrantTypeException', 'unsupported_grant_type', 'The fake supports only the refresh_token grant');
    }
    const client = ctx.state.sso.clients.find((candidate) => candidate.clientId === clientId);
    if (!client || client.clientSecret !== clientSecret || (client.expiresAt !== undefined && client.expiresAt <= ctx.now)) {
      throw oauthError(401, 'InvalidClientException', 'invalid_client', 'Invalid client provided');
    }
    const grant = ctx.state.sso.refreshTokens.find(
      (candidate) => candidate.token === refreshToken && candidate.clientId === clientId,
    );
    if (!grant) throw oauthError(400, 'InvalidGrantException', 'invalid_grant', 'Invalid refresh token provided');

    const expiresIn = ctx.state.sso.accessTokenLifetimeSeconds ?? 3600;
    const accessToken = issueSsoAccessToken(ctx.state, grant.user, ctx.now + expiresIn * 1000);
    return jsonResponse(
      200,
      { accessToken, tokenType: 'Bearer', expiresIn, refreshToken: grant.token },
      { 'x-amzn-requestid': ctx.requestId },
    );
  },
};
