/**
 * How each AWS wire protocol spells an error. The pipeline only knows abstract failures
 * (an unknown key, a bad signature, a throttle); a module's protocol turns them into the exact
 * status, code and body the real service sends, because the SDK derives the error `name` from
 * them and the extension's diagnosis keys on that name.
 */
import { jsonResponse, type FakeResponse } from './http';
import { renderXml } from './xml';

/** An error a handler throws; rendered by the module's protocol. */
export class AwsError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Extra JSON fields some services put in the body (SSO OIDC: `error`, `error_description`). */
    readonly fields?: Record<string, unknown>,
  ) {
    super(message);
    this.name = code;
  }
}

export type AuthFailureKind =
  | 'missing' // no Authorization header at all
  | 'incomplete' // Authorization present but not parseable, or no x-amz-date
  | 'unknown-key' // access key unknown, or session token does not belong to it
  | 'expired' // temporary key past its expiry
  | 'wrong-service' // credential scope names another service than this endpoint
  | 'signature-mismatch'
  | 'signature-expired'; // x-amz-date too far from the server clock

export interface AuthFailure {
  kind: AuthFailureKind;
  /** Text AWS puts in the message for this case; never contains secrets. */
  detail?: string;
}

/** What a proxy or gateway in front of AWS sends instead of the service's answer (nginx's page). */
export function htmlErrorPage(status: 500 | 503): FakeResponse {
  const title = status === 503 ? '503 Service Temporarily Unavailable' : '500 Internal Server Error';
  return {
    status,
    headers: { 'content-type': 'text/html' },
    body: `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`,
  };
}

export interface Protocol {
  renderError(error: AwsError, requestId: string): FakeResponse;
  authError(failure: AuthFailure): AwsError;
  /** The service's own throttling error, used by `throttle: true` faults. */
  throttle(): AwsError;
  /** The service's own 500 / 503 error (`json-500`, `json-503` faults). */
  serverError(status: 500 | 503): AwsError;
  /** Status 200 whose body the protocol's parser cannot read (`malformed` faults). */
  malformed(operation: string, requestId: string): FakeResponse;
}

/** A document cut off in the middle, as a truncated answer or a broken proxy would deliver. */
const MALFORMED_JSON = '{"fake-aws":"this body is cut off';

const SIGNATURE_MISMATCH_TEXT =
  'The request signature we calculated does not match the signature you provided. ' +
  'Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';
const INVALID_TOKEN_TEXT = 'The security token included in the request is invalid.';
const EXPIRED_TOKEN_TEXT = 'The security token included in the request is expired';

/** Error codes for one protocol family; the messages are shared. */
interface AuthCodes {
  missing: [number, string, string];
  incomplete: string;
  unknownKey: string;
  expired: string;
  signature: string;
}

function authErrorFrom(codes: AuthCodes, failure: AuthFailure): AwsError {
  switch (failure.kind) {
    case 'missing':
      return new AwsError(...codes.missing);
    case 'incomplete':
      return new AwsError(400, codes.incomplete, failure.detail ?? 'Authorization header is malformed.');
    case 'unknown-key':
      return new AwsError(403, codes.unknownKey, INVALID_TOKEN_TEXT);
    case 'expired':
      return new AwsError(403, codes.expired, EXPIRED_TOKEN_TEXT);
    case 'wrong-service':
    case 'signature-expired':
      return new AwsError(403, codes.signature, failure.detail ?? SIGNATURE_MISMATCH_TEXT);
    case 'signature-mismatch':
      return new AwsError(403, codes.signature, SIGNATURE_MISMATCH_TEXT);
  }
}

/** awsQuery (STS): XML `<ErrorResponse>` whose `<Code>` becomes the SDK error name. */
export function awsQueryProtocol(xmlns: string): Protocol {
  const codes: AuthCodes = {
    missing: [403, 'MissingAuthenticationToken', 'Request is missing Authentication Token'],
    incomplete: 'IncompleteSignature',
    unknownKey: 'InvalidClientTokenId',
    expired: 'ExpiredToken',
    signature: 'SignatureDoesNotMatch',
  };
  return {
    renderError(error, requestId) {
      const body = renderXml(
        'ErrorResponse',
        {
          Error: { Type: error.status >= 500 ? 'Receiver' : 'Sender', Code: error.code, Message: error.message },
          RequestId: requestId,
        },
        xmlns,
      );
      return {
        status: error.status,
        headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId },
        body,
        errorCode: error.code,
      };
    },
    authError: (failure) => authErrorFrom(codes, failure),
    throttle: () => new AwsError(400, 'Throttling', 'Rate exceeded'),
    serverError: (status) =>
      status === 503
        ? new AwsError(503, 'ServiceUnavailable', 'Service is unable to handle request.')
        : new AwsError(500, 'InternalFailure', 'An internal error occurred.'),
    malformed: (operation, requestId) => ({
      status: 200,
      headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId },
      // Not well-formed: an unclosed attribute quote and no end tags.
      body: `<${operation}Response xmlns="${xmlns}"><${operation}Result><Arn attr="cut off`,
    }),
  };
}

const JSON_AUTH_CODES: AuthCodes = {
  missing: [403, 'MissingAuthenticationTokenException', 'Missing Authentication Token'],
  incomplete: 'IncompleteSignatureException',
  unknownKey: 'UnrecognizedClientException',
  expired: 'ExpiredTokenException',
  signature: 'InvalidSignatureException',
};

export interface JsonProtocolOptions {
  /** restJson1 sends `{"message"}`; awsJson adds `__type` to the body. */
  style: 'restJson1' | 'awsJson1_0' | 'awsJson1_1';
  /** Some services capitalise it (Service Quotas: `Message`). */
  messageKey?: 'message' | 'Message';
  /** Overrides the default 429 ThrottlingException (Service Quotas: TooManyRequestsException). */
  throttle?: () => AwsError;
}

/** restJson1 / awsJson1_x: status + `x-amzn-errortype` header + JSON body. */
export function jsonProtocol(options: JsonProtocolOptions): Protocol {
  const messageKey = options.messageKey ?? 'message';
  const contentType =
    options.style === 'awsJson1_0'
      ? 'application/x-amz-json-1.0'
      : options.style === 'awsJson1_1'
        ? 'application/x-amz-json-1.1'
        : 'application/json';
  return {
    renderError(error, requestId) {
      const body: Record<string, unknown> = error.fields ?? { [messageKey]: error.message };
      if (options.style !== 'restJson1' && error.fields === undefined) body.__type = error.code;
      const response = jsonResponse(error.status, body, {
        'content-type': contentType,
        'x-amzn-errortype': error.code,
        'x-amzn-requestid': requestId,
      });
      return { ...response, errorCode: error.code };
    },
    authError: (failure) => authErrorFrom(JSON_AUTH_CODES, failure),
    throttle: options.throttle ?? (() => new AwsError(429, 'ThrottlingException', 'Rate exceeded')),
    serverError: (status) =>
      status === 503
        ? new AwsError(503, 'ServiceUnavailableException', 'Service Unavailable. Please try again later.')
        : new AwsError(500, 'InternalServerException', 'Internal server error.'),
    malformed: (_operation, requestId) => ({
      status: 200,
      headers: { 'content-type': contentType, 'x-amzn-requestid': requestId },
      body: MALFORMED_JSON,
    }),
  };
}
