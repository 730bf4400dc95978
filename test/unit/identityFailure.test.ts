import assert from 'node:assert/strict';
import { classifyIdentityError, describeIdentityFailure, type IdentityFailureReason, type RawIdentityError } from '../../src/core/profiles/identityFailure';
import { identityVerification } from '../../src/core/verification/verification';

const cases: [string, RawIdentityError, IdentityFailureReason][] = [
  ['an expired sso-session token', { phase: 'credentials', name: 'TokenProviderError', message: "Token is expired. To refresh this SSO session run 'aws sso login' with the corresponding profile." }, 'sso-expired'],
  ['an expired legacy SSO token', { phase: 'credentials', name: 'CredentialsProviderError', message: 'The SSO session associated with this profile has expired. To refresh this SSO session run aws sso login with the corresponding profile.' }, 'sso-expired'],
  ['a missing SSO token', { phase: 'credentials', name: 'TokenProviderError', message: "The SSO session token associated with profile=dev was not found or is invalid. To refresh this SSO session run 'aws sso login' with the corresponding profile." }, 'sso-not-signed-in'],
  ['the portal refusing the token', { phase: 'credentials', name: 'UnauthorizedException', message: 'Session token not found or invalid' }, 'sso-not-signed-in'],
  ['no profile', { phase: 'credentials', name: 'CredentialsProviderError', message: 'Could not resolve credentials using profile: [x] in configuration/credentials file(s).' }, 'no-credentials'],
  ['MFA', { phase: 'credentials', name: 'CredentialsProviderError', message: 'Profile r requires multi-factor authentication, but no MFA code callback was provided.' }, 'mfa-required'],
  ['a failed process', { phase: 'credentials', name: 'CredentialsProviderError', message: 'Command failed: /bin/creds --token abc' }, 'credential-process-failed'],
  ['AssumeRole denied', { phase: 'credentials', name: 'AccessDenied', message: 'User: arn:aws:iam::1:user/u is not authorized to perform: sts:AssumeRole' }, 'role-assumption-denied'],
  ['unknown keys', { phase: 'call', name: 'InvalidClientTokenId', message: 'The security token included in the request is invalid.' }, 'invalid-keys'],
  ['a wrong secret', { phase: 'call', name: 'SignatureDoesNotMatch', message: 'The request signature we calculated does not match' }, 'invalid-keys'],
  ['expired STS keys', { phase: 'call', name: 'ExpiredToken', message: 'The security token included in the request is expired' }, 'expired-keys'],
  ['JSON-protocol expiry', { phase: 'call', name: 'ExpiredTokenException', message: 'expired' }, 'expired-keys'],
  ['denied', { phase: 'call', name: 'AccessDenied', message: 'denied' }, 'access-denied'],
  ['throttled', { phase: 'call', name: 'Throttling', message: 'Rate exceeded' }, 'throttled'],
  ['a gateway HTML page', { phase: 'call', message: '', httpStatus: 503, unreadable: 'html' }, 'service-error'],
  ['an STS 503', { phase: 'call', name: 'ServiceUnavailable', message: 'Service is unable to handle request.', httpStatus: 503 }, 'service-error'],
  ['an SSO portal 500 while resolving credentials', { phase: 'credentials', name: 'InternalServerException', message: 'Internal server error.', httpStatus: 500 }, 'service-error'],
  ['an AssumeRole 503', { phase: 'credentials', name: 'ServiceUnavailable', message: 'Service is unable to handle request.', httpStatus: 503 }, 'service-error'],
  ['a throttled SSO portal', { phase: 'credentials', name: 'TooManyRequestsException', message: 'Rate exceeded', httpStatus: 429 }, 'throttled'],
  ['refused connection', { phase: 'call', name: 'Error', message: 'connect ECONNREFUSED 127.0.0.1:9', networkCode: 'ECONNREFUSED' }, 'unreachable'],
  ['DNS failure', { phase: 'call', name: 'Error', message: 'getaddrinfo ENOTFOUND sts.example', networkCode: 'ENOTFOUND' }, 'unreachable'],
  ['the deadline', { phase: 'call', timedOut: true }, 'timeout'],
  ['a cancel', { phase: 'credentials', cancelled: true }, 'cancelled'],
  ['something new', { phase: 'call', name: 'BrandNewException', message: 'what is this' }, 'unknown'],
];

describe('identity failure classification', () => {
  it('calls an identity check that got no readable answer not verified, and wrong credentials a problem', () => {
    const state = (raw: RawIdentityError) => identityVerification(classifyIdentityError(raw, 'dev'));
    // A 5xx or a gateway's page says nothing about the credentials: the check could not be read.
    assert.equal(state({ phase: 'call', name: 'ServiceUnavailable', message: 'x', httpStatus: 503 }), 'not-verified');
    assert.equal(state({ phase: 'credentials', message: '', httpStatus: 502, unreadable: 'html' }), 'not-verified');
    assert.equal(state({ phase: 'call', timedOut: true }), 'not-verified');
    assert.equal(state({ phase: 'call', name: 'ExpiredToken', message: 'expired' }), 'problem');
    assert.equal(state({ phase: 'call', name: 'InvalidClientTokenId', message: 'invalid' }), 'problem');
  });

  for (const [label, raw, reason] of cases) {
    it(`classifies ${label} as ${reason}`, () => {
      assert.equal(classifyIdentityError(raw, 'dev').reason, reason);
    });
  }

  it('keeps the code and message of unknown errors visible', () => {
    const failure = classifyIdentityError({ phase: 'call', name: 'BrandNewException', message: 'what is this' }, 'dev');
    assert.equal(failure.code, 'BrandNewException');
    assert.equal(failure.detail, 'what is this');
  });

  it('never keeps the command line of a failed credential process', () => {
    const failure = classifyIdentityError({ phase: 'credentials', name: 'CredentialsProviderError', message: 'Command failed: /bin/creds --token abc123' }, 'p');
    assert.equal(failure.detail, undefined);
  });

  it('redacts secrets that an error message echoes', () => {
    // Assembled at run time so that no secret-shaped assignment sits in the source.
    const assignment = ['aws_secret_access_key', '=', 'abcdEFGHijklMNOP', 'qrstUVWXyz0123456789ABCD'].join('');
    const failure = classifyIdentityError({ phase: 'call', name: 'Weird', message: `bad ${assignment} here` });
    assert.ok(!failure.detail?.includes('abcdEFGH'), failure.detail);
  });

  it('gives the exact sign-in command, quoted for the shell when needed, in both languages', () => {
    const failure = classifyIdentityError({ phase: 'credentials', message: 'Token is expired.' }, 'my profile');
    const en = describeIdentityFailure(failure, 'en');
    const ja = describeIdentityFailure(failure, 'ja');
    assert.equal(en.command, "aws sso login --profile 'my profile'");
    assert.ok(en.fix.includes(en.command!));
    assert.ok(ja.fix.includes(en.command!));
    assert.notEqual(en.cause, ja.cause);
    assert.equal(describeIdentityFailure(classifyIdentityError({ phase: 'call', name: 'ExpiredToken' }, 'x'), 'en').command, undefined);
  });
});

describe('identity failures on the wire', () => {
  it('an unreachable STS names AWS_ENDPOINT_URL_STS; resolving credentials names the providers\' variables', () => {
    const call = classifyIdentityError({ phase: 'call', name: 'Error', message: 'connect ECONNREFUSED', networkCode: 'ECONNREFUSED' });
    assert.equal(describeIdentityFailure(call, 'en').fix, 'Check the network, proxy and any endpoint setting (AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_STS).');
    assert.match(describeIdentityFailure(call, 'ja').fix, /AWS_ENDPOINT_URL、AWS_ENDPOINT_URL_STS/);
    const credentials = classifyIdentityError({ phase: 'credentials', name: 'Error', message: 'connect ECONNREFUSED', networkCode: 'ECONNREFUSED' });
    assert.match(describeIdentityFailure(credentials, 'en').fix, /AWS_ENDPOINT_URL_STS, AWS_ENDPOINT_URL_SSO, AWS_ENDPOINT_URL_SSO_OIDC/);
  });

  it('an HTML page is reported by its status and as a proxy or gateway, never by the parser', () => {
    const failure = classifyIdentityError({ phase: 'call', message: '', httpStatus: 503, unreadable: 'html' }, 'dev');
    assert.equal(failure.code, 'HTTP 503');
    assert.equal(failure.detail, undefined);
    assert.equal(
      describeIdentityFailure(failure, 'en').cause,
      'The identity check was answered with HTTP 503 (service unavailable), an HTML page instead of an AWS answer: a proxy or gateway answered, not AWS.',
    );
    assert.match(describeIdentityFailure(failure, 'ja').cause, /HTTP 503 \(サービス利用不可\)/);
    const json = classifyIdentityError({ phase: 'call', name: 'ServiceUnavailable', message: 'Service is unable to handle request.', httpStatus: 503 });
    assert.match(describeIdentityFailure(json, 'en').cause, /HTTP 503 \(service unavailable\), ServiceUnavailable/);
  });
});
