/**
 * Figures the fake AWS computes from the current minute (its usage data is anchored to it): a read
 * whose calls straddle a minute boundary compared the test's anchor with figures of the next minute.
 * Such a read is made again, up to three times; three boundaries in a row fail the test (never a
 * silent pass).
 */
import assert from 'node:assert/strict';
import { anchorMinute } from '../fake-aws/scenarios/usageData';

/** Runs `read` with the current minute's anchor until no minute boundary passed during it (at most three times). */
export async function atStableMinute<T>(read: (anchor: number) => Promise<T>): Promise<{ result: T; anchor: number }> {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const anchor = anchorMinute(Date.now());
    const result = await read(anchor);
    if (anchorMinute(Date.now()) === anchor) return { result, anchor };
  }
  assert.fail('three minute boundaries in a row');
}
