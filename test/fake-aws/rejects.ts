// One assertion shared by the fake's tests: a call fails with this AWS error name (and message).
import assert from 'node:assert/strict';

/** Awaits a call that must fail with the error `name` (and `message`); returns the error. */
export async function rejects(promise: Promise<unknown>, name: string, message?: string | RegExp): Promise<Error & { $metadata?: { httpStatusCode?: number } }> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof Error);
    assert.equal(error.name, name, `expected ${name}, got ${error.name}: ${error.message}`);
    if (typeof message === 'string') assert.equal(error.message, message);
    else if (message) assert.match(error.message, message);
    return error;
  }
  assert.fail(`expected ${name}, but the call succeeded`);
}
