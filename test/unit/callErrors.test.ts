// What the AWS layer keeps of an SDK error that could not be read: shaped as SDK v3 throws them
// (the field names and suffix are the SDK's; faultModes.test.ts shows the real ones).
import assert from 'node:assert/strict';
import { credentialErrorFields, errorFields } from '../../src/aws/callErrors';

const SUFFIX = '\n  Deserialization error: to see the raw response, inspect the hidden field {error}.$response on this object.';

function sdkError(name: string, message: string, extra: Record<string, unknown>): Error {
  return Object.assign(Object.assign(new Error(message + SUFFIX), { name }), extra);
}

describe('errorFields', () => {
  it('keeps an HTML page as its status and "html", dropping the parser exception', () => {
    const error = sdkError('SyntaxError', `Unexpected token '<', "<html>" is not valid JSON`, {
      $metadata: { httpStatusCode: 503 },
      $response: { statusCode: 503, headers: { 'content-type': 'text/html' } },
    });
    assert.deepEqual(errorFields(error), { message: '', unreadable: 'html', httpStatus: 503 });
  });

  it('recognises an HTML body without a content type (STS keeps the body text)', () => {
    const error = sdkError('Error', '@aws-sdk XML parse error: mismatched tags', { $metadata: { httpStatusCode: 502 }, $responseBodyText: '<!DOCTYPE html><html>…' });
    assert.equal(errorFields(error).unreadable, 'html');
  });

  it('tells a malformed body from a connection cut mid-answer', () => {
    assert.equal(errorFields(sdkError('SyntaxError', 'Unterminated string in JSON', { $metadata: { httpStatusCode: 200 }, $response: { headers: { 'content-type': 'application/json' } } })).unreadable, 'malformed');
    assert.deepEqual(errorFields(sdkError('Error', 'aborted', { code: 'ECONNRESET', $metadata: { httpStatusCode: 200 } })), {
      message: '',
      unreadable: 'cut',
      networkCode: 'ECONNRESET',
      httpStatus: 200,
    });
  });

  it('leaves AWS errors and plain network failures as they were', () => {
    const aws = Object.assign(new Error('Service Unavailable.'), { name: 'ServiceUnavailableException', $metadata: { httpStatusCode: 503 } });
    assert.deepEqual(errorFields(aws), { name: 'ServiceUnavailableException', message: 'Service Unavailable.', networkCode: undefined, httpStatus: 503 });
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
    assert.deepEqual(errorFields(refused), { name: 'Error', message: 'connect ECONNREFUSED 127.0.0.1:9', networkCode: 'ECONNREFUSED', httpStatus: undefined });
  });
});

// The SDK's SSO provider rethrows the portal's error as `new CredentialsProviderError(error)`: only
// "Name: message" survives (see the fault matrix). The status comes from what our handler saw.
function wrapped(message: string): Error {
  return Object.assign(new Error(message), { name: 'CredentialsProviderError', tryNextLink: false });
}

describe('credentialErrorFields', () => {
  it('recovers the service error name and the status from a wrapped SSO error', () => {
    const fields = credentialErrorFields(wrapped('InternalServerException: Internal server error.'), { status: 500, contentType: 'application/json', cut: false });
    assert.deepEqual(fields, { name: 'InternalServerException', message: 'Internal server error.', httpStatus: 500 });
  });

  it('tells an HTML page and a cut answer by what came back, not by the parser', () => {
    const html = wrapped(`SyntaxError: Unexpected token '<', "<html>" is not valid JSON${SUFFIX}`);
    assert.deepEqual(credentialErrorFields(html, { status: 503, contentType: 'text/html', cut: false }), { message: '', unreadable: 'html', httpStatus: 503 });
    const cut = wrapped(`Error: aborted${SUFFIX}`);
    assert.deepEqual(credentialErrorFields(cut, { status: 200, contentType: 'application/json', cut: true }), { message: '', unreadable: 'cut', httpStatus: 200 });
    const malformed = wrapped(`SyntaxError: Unterminated string in JSON at position 33${SUFFIX}`);
    assert.equal(credentialErrorFields(malformed, { status: 200, contentType: 'application/json', cut: false }).unreadable, 'malformed');
  });

  it("keeps the provider's own sentences, and errors that are not wrapped, as they are", () => {
    const own = wrapped('Profile dev was not found.');
    assert.deepEqual(credentialErrorFields(own, undefined), errorFields(own));
    // Without an answer a "Name: message" proves nothing about a status.
    assert.equal(credentialErrorFields(wrapped('InternalServerException: x'), undefined).httpStatus, undefined);
    const sts = Object.assign(new Error('An internal error occurred.'), { name: 'InternalFailure', $metadata: { httpStatusCode: 500 } });
    assert.deepEqual(credentialErrorFields(sts, { status: 200, cut: false }), errorFields(sts));
  });
});
