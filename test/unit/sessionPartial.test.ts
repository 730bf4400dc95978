// The sessions section's few words and verdict when part of the period was not read: older files past
// the byte budget, or lines that did not parse. "No API errors in 7 days" (a pass) is said only when
// all of the 7 days was read; else the partial wording, not verified.
import assert from 'node:assert/strict';
import type { SessionScanFacts } from '../../src/core/claudeCode/sessionFindings';
import { sessionShortText, sessionVerdict } from '../../src/core/claudeCode/sessionText';

const facts = (extra: Partial<SessionScanFacts> = {}): SessionScanFacts => ({ state: 'read', days: 7, files: 3, bytes: 4200, unread: { files: 0, bytes: 0 }, longLines: 0, brokenLines: 0, problems: [], ...extra });
const none = { findings: [], otherErrors: 0 };

describe('Claude Code sessions read in part', () => {
  it('say "no API errors in what could be read", not verified, when older files were left unread', () => {
    const scan = facts({ unread: { files: 2, bytes: 300_000_000 } });
    assert.equal(sessionShortText(scan, none, 'en'), 'no API errors in what could be read');
    assert.equal(sessionShortText(scan, none, 'ja'), '読み取れた範囲では API エラーなし');
    assert.equal(sessionVerdict(scan, none), 'not-verified');
  });

  it('say the same when lines could not be parsed', () => {
    const scan = facts({ brokenLines: 1 });
    assert.equal(sessionShortText(scan, none, 'en'), 'no API errors in what could be read');
    assert.equal(sessionVerdict(scan, none), 'not-verified');
  });

  it('still pass when everything of the period was read (long lines are skipped by design: error records are short)', () => {
    assert.equal(sessionShortText(facts({ longLines: 2 }), none, 'en'), 'no API errors in 7 days');
    assert.equal(sessionVerdict(facts({ longLines: 2 }), none), 'ok');
  });
});
