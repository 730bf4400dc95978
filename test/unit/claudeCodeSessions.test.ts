// The record classification of Claude Code's session files (core/claudeCode): the lines Claude Code
// 2.1.330 wrote against the fake (test/fixtures/claude-sessions/) become the diagnoses a live check
// gives the same errors, with counts, models and times; content is never kept; Claude Code's own
// suggestion is judged against the organisation policy.
import assert from 'node:assert/strict';
import { isProjectOf, projectDirectoryName, readSessionLine, SESSION_ERROR_MARKERS, SessionFileReader, splitErrorText, type SessionErrorRecord } from '../../src/core/claudeCode/sessionRecords';
import { classifySessionError, compliantReplacement, summariseSessionErrors, type SessionContext, type SessionScanFacts } from '../../src/core/claudeCode/sessionFindings';
import { countText, describeFinding, seenText, sessionNotes, sessionShortText, sessionSummaryText, sessionVerdict, suggestionText } from '../../src/core/claudeCode/sessionText';
import { describeDiagnosis, maxTokensLimit } from '../../src/core/models/diagnosis';
import { mergePolicies } from '../../src/core/policy/policyMerge';
import { CONTENT_SENTINEL, contentLines, fixtureLines, SESSION_FIXTURES, type SessionFixture } from '../support/claudeSessions';

const TOKYO: SessionContext = { region: 'ap-northeast-1', profile: 'sso-dev' };
const JP_SONNET = 'jp.anthropic.claude-sonnet-4-5-20250929-v1:0';
const JAPAN_POLICY = mergePolicies([{ source: 'team', path: '.claude/bedrock-policy.json', text: JSON.stringify({ version: 1, allowedScopes: ['jp'], dataResidency: 'japan' }) }], []);
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

function read(name: SessionFixture): SessionErrorRecord[] {
  const reader = new SessionFileReader();
  for (const line of fixtureLines(name)) assert.ok(reader.accept(line), line);
  return reader.records;
}

const facts = (extra: Partial<SessionScanFacts> = {}): SessionScanFacts => ({ state: 'read', days: 7, files: 3, bytes: 4200, unread: { files: 0, bytes: 0 }, longLines: 0, brokenLines: 0, problems: [], ...extra });

describe('Claude Code session fixtures (what 2.1.330 wrote, scrubbed)', () => {
  it('hold only the three kinds of record the reader uses, each with its markers, and no content, path or id', () => {
    const allowed: Record<string, string[]> = {
      'api-request': ['type', 'timestamp', 'version', 'params'],
      system: ['type', 'subtype', 'level', 'timestamp', 'version', 'error', 'retryInMs', 'retryAttempt', 'maxRetries', 'source'],
      assistant: ['type', 'timestamp', 'version', 'error', 'apiError', 'isApiErrorMessage', 'apiErrorStatus', 'message'],
    };
    for (const name of SESSION_FIXTURES) {
      for (const line of fixtureLines(name)) {
        const record = JSON.parse(line) as Record<string, unknown>;
        assert.equal(record.version, '2.1.330', `${name}: written by 2.1.330`);
        const keys = allowed[String(record.type)];
        assert.ok(keys, `${name}: unexpected record type ${String(record.type)}`);
        assert.deepEqual(Object.keys(record).filter((key) => !keys.includes(key)), [], `${name}: ${line}`);
        assert.ok(SESSION_ERROR_MARKERS.some((marker) => line.includes(marker)), `${name}: a kept line carries a marker`);
        assert.doesNotMatch(line, /\/tmp\/|\/home\/|\/root|Fixture prompt|cwd|sessionId|uuid|AKIA|ASIA/, `${name}: ${line}`);
      }
    }
  });
});

describe('readSessionLine', () => {
  it('reads a request envelope: its model and max_tokens only', () => {
    const line = fixtureLines('max-tokens')[0]!;
    assert.deepEqual(readSessionLine(line), { kind: 'request', model: JP_SONNET, maxTokens: 64000 });
  });

  it('reads a retried attempt: status and the API message without the status prefix', () => {
    const line = fixtureLines('throttled')[1]!;
    const read = readSessionLine(line);
    assert.deepEqual(read, { kind: 'error', record: { timestamp: '2026-12-06T20:57:37.735Z', stage: 'retry', status: 429, message: 'Too many tokens, please wait before trying again.' } });
  });

  it('reads the error Claude Code gave up with: model, status, message and its own suggestion apart', () => {
    const line = fixtureLines('on-demand').at(-1)!;
    const read = readSessionLine(line);
    assert.equal(read.kind, 'error');
    if (read.kind !== 'error') return;
    assert.equal(read.record.stage, 'final');
    assert.equal(read.record.status, 400);
    assert.equal(read.record.model, 'anthropic.claude-sonnet-4-5-20250929-v1:0');
    assert.equal(read.record.suggestedModel, 'apac.anthropic.claude-sonnet-4-20250514-v1:0');
    assert.equal(read.record.category, 'model_not_found');
    assert.match(read.record.message!, /^Invocation of model ID anthropic\.claude-sonnet-4-5-20250929-v1:0 with on-demand throughput isn't supported\./);
    assert.doesNotMatch(read.record.message!, /Try --model/);
  });

  it('marks an expired SSO sign-in as a credentials failure (no HTTP status: no request was sent)', () => {
    const records = read('sso-expired');
    assert.deepEqual(records.map((record) => [record.stage, record.status, record.credentials]), [['retry', undefined, true], ['retry', undefined, true], ['final', undefined, true]]);
    assert.match(records[0]!.message!, /^Token is expired\. To refresh this SSO session run 'aws sso login'/);
  });

  it('splits every wording of a final error Claude Code uses', () => {
    assert.deepEqual(splitErrorText('API Error: Request rejected (429) · Too many tokens, please wait before trying again.'), { model: undefined, status: 429, message: 'Too many tokens, please wait before trying again.', suggestedModel: undefined });
    assert.deepEqual(splitErrorText('AWS authentication failed · refresh your AWS credentials · API Error: 403 The security token included in the request is expired'), {
      model: undefined,
      status: 403,
      message: 'The security token included in the request is expired',
      suggestedModel: undefined,
    });
    assert.deepEqual(splitErrorText(`API Error (${JP_SONNET}): 400 The provided model identifier is invalid.. Try --model to switch to us.anthropic.claude-sonnet-4-20250514-v1:0.`), {
      model: JP_SONNET,
      status: 400,
      message: 'The provided model identifier is invalid.',
      suggestedModel: 'us.anthropic.claude-sonnet-4-20250514-v1:0',
    });
    assert.deepEqual(splitErrorText('Something else entirely'), { message: 'Something else entirely' });
  });

  it('keeps no field of a marked line but the error\'s: content, paths and ids are dropped while parsing', () => {
    const line = JSON.stringify({ type: 'system', subtype: 'api_error', timestamp: '2026-12-06T20:57:37.735Z', cwd: `/home/${CONTENT_SENTINEL}`, content: CONTENT_SENTINEL, error: { status: 429, message: '429 Too many tokens', request: CONTENT_SENTINEL }, extra: { text: CONTENT_SENTINEL } });
    const read = readSessionLine(line);
    assert.equal(read.kind, 'error');
    assert.ok(!JSON.stringify(read).includes(CONTENT_SENTINEL), JSON.stringify(read));
  });

  it('takes nothing from content lines, even those that hold marker-like keys in a tool call', () => {
    const reader = new SessionFileReader();
    for (const line of contentLines('2026-12-06T20:00:00.000Z')) assert.ok(reader.accept(line));
    assert.deepEqual(reader.records, []);
  });

  it('says a marked line that is not JSON is broken, and one without a valid time too', () => {
    assert.deepEqual(readSessionLine('{"type":"system","subtype":"api_error","error":{"status":4'), { kind: 'broken' });
    assert.deepEqual(readSessionLine('{"type":"system","subtype":"api_error","timestamp":"yesterday","error":{"status":429}}'), { kind: 'broken' });
    assert.deepEqual(readSessionLine('"isApiErrorMessage":true'), { kind: 'broken' });
    assert.deepEqual(readSessionLine('{"type":"assistant","isApiErrorMessage":false}'), { kind: 'other' });
  });

  it('gives an error the model and max_tokens of the request before it when the error does not name one', () => {
    const records = read('throttled');
    assert.deepEqual(records.map((record) => [record.stage, record.model, record.maxTokens]), [
      ['retry', JP_SONNET, 32000],
      ['retry', JP_SONNET, 32000],
      ['final', JP_SONNET, 32000],
    ]);
  });
});

describe('project folder names', () => {
  it('are the folder path with every other character than A–Z, a–z, 0–9 as "-" (as 2.1.330 named them)', () => {
    assert.equal(projectDirectoryName('/tmp/sx/enc-NwbNjq/My Proj.v2_日本/sub'), '-tmp-sx-enc-NwbNjq-My-Proj-v2----sub');
    assert.equal(projectDirectoryName('C:\\Users\\dev\\proj'), 'C--Users-dev-proj');
  });

  it('cut a name over 200 characters and add the hash of the path Claude Code adds', () => {
    const folder = `/tmp/sx/enc-NwbNjq/${'x'.repeat(120)}/${'y'.repeat(120)}`;
    assert.equal(projectDirectoryName(folder), `-tmp-sx-enc-NwbNjq-${'x'.repeat(120)}-${'y'.repeat(60)}-238pqm`);
    assert.ok(isProjectOf(projectDirectoryName(folder), folder));
  });

  it('belong to the folder when Claude Code ran in it or a sub-folder, not elsewhere', () => {
    assert.ok(isProjectOf('-work-app', '/work/app'));
    assert.ok(isProjectOf('-work-app-packages-web', '/work/app'));
    assert.ok(!isProjectOf('-work-application', '/work/app'));
    assert.ok(!isProjectOf('-work', '/work/app'));
  });

  it('match a Windows folder whatever the case of its drive letter (VS Code lowercases it)', () => {
    assert.ok(isProjectOf('C--Users-dev-proj', 'c:\\Users\\dev\\proj'));
    assert.ok(isProjectOf('c--Users-dev-proj-web', 'C:\\Users\\dev\\proj'));
    assert.ok(!isProjectOf('C--Users-dev-other', 'c:\\Users\\dev\\proj'));
  });
});

describe('classifySessionError (same cause, same fix as a live check)', () => {
  const cases: [SessionFixture, string, string][] = [
    ['throttled', 'throttled', 'throttled'],
    ['not-authorized', 'access-denied', 'model-access-not-granted'],
    ['expired-credentials', 'credentials', 'credentials'],
    ['sso-expired', 'credentials', 'credentials'],
    ['invalid-identifier', 'model-id', 'invalid-identifier'],
    ['on-demand', 'on-demand', 'on-demand-not-supported'],
    ['max-tokens', 'max-tokens', 'max-tokens-invalid'],
  ];
  for (const [fixture, kind, code] of cases) {
    it(`reads ${fixture} as ${kind} (${code})`, () => {
      const records = read(fixture);
      assert.ok(records.length > 0);
      for (const record of records) {
        const classified = classifySessionError(record, TOKYO);
        assert.equal(classified?.kind, kind, JSON.stringify(record));
        assert.equal(classified?.diagnosis.code, code);
        assert.equal(classified?.diagnosis.region, 'ap-northeast-1');
      }
    });
  }

  it('names the sign-in command for the folder\'s profile, as the live identity check does', () => {
    const diagnosis = classifySessionError(read('sso-expired')[0]!, TOKYO)!.diagnosis;
    assert.equal(diagnosis.identity?.reason, 'sso-expired');
    assert.equal(describeDiagnosis(diagnosis, 'en').command, 'aws sso login --profile sso-dev');
    assert.equal(classifySessionError(read('expired-credentials')[0]!, TOKYO)!.diagnosis.identity?.reason, 'expired-keys');
  });

  it('counts other API errors without diagnosing them', () => {
    const overloaded: SessionErrorRecord = { timestamp: '2026-12-06T20:00:00.000Z', stage: 'final', status: 529, message: 'Overloaded' };
    const server: SessionErrorRecord = { timestamp: '2026-12-06T20:00:01.000Z', stage: 'retry', status: 500, message: 'Internal server error' };
    assert.equal(classifySessionError(overloaded, TOKYO), undefined);
    const summary = summariseSessionErrors([overloaded, server, ...read('throttled')], TOKYO);
    assert.equal(summary.otherErrors, 2);
    assert.equal(summary.findings.length, 1);
  });
});

describe('maxTokensLimit', () => {
  it('reads the limit from the Anthropic API\'s and Bedrock\'s wordings', () => {
    assert.equal(maxTokensLimit('max_tokens: 200000 > 64000, which is the maximum allowed number of output tokens for claude-sonnet-4-5-20250929'), 64000);
    assert.equal(maxTokensLimit('The maximum tokens you requested exceeds the model limit of 8192. Try again'), 8192);
    assert.equal(maxTokensLimit('Too many tokens, please wait'), undefined);
  });
});

describe('summariseSessionErrors', () => {
  const all = SESSION_FIXTURES.flatMap(read);

  it('groups by cause and model with every attempt, the failures, and the time first and last seen', () => {
    const summary = summariseSessionErrors(all, TOKYO);
    const throttled = summary.findings.find((finding) => finding.kind === 'throttled')!;
    // throttled.jsonl: two retries and the final error; throttled-recovered.jsonl: one retry, then the answer.
    assert.deepEqual([throttled.attempts, throttled.failed, throttled.modelId], [4, 1, JP_SONNET]);
    assert.equal(throttled.firstSeen, '2026-12-06T20:57:37.735Z');
    assert.equal(throttled.lastSeen, '2026-12-06T20:57:40.894Z');
    const credentials = summary.findings.filter((finding) => finding.kind === 'credentials').map((finding) => [finding.diagnosis.identity?.reason, finding.attempts, finding.failed]);
    assert.deepEqual(credentials.sort(), [['expired-keys', 4, 1], ['sso-expired', 3, 1]]);
    assert.equal(summary.findings.length, 7);
    assert.deepEqual(summary.findings.map((finding) => finding.lastSeen), [...summary.findings.map((finding) => finding.lastSeen)].sort().reverse(), 'newest first');
  });

  it('gives the same summary whatever order the records arrive in', () => {
    const once = summariseSessionErrors(all, TOKYO);
    const reversed = summariseSessionErrors([...all].reverse(), TOKYO);
    const shuffled = summariseSessionErrors([...all].sort((a, b) => (a.message ?? '').localeCompare(b.message ?? '')), TOKYO);
    assert.deepEqual(reversed, once);
    assert.deepEqual(shuffled, once);
  });

  it('repeats Claude Code\'s suggestion neutrally when no policy applies', () => {
    const onDemand = summariseSessionErrors(read('on-demand'), TOKYO).findings[0]!;
    assert.deepEqual(onDemand.suggestion, { modelId: 'apac.anthropic.claude-sonnet-4-20250514-v1:0', violations: [] });
    assert.equal(suggestionText(onDemand.suggestion!, 'en'), 'Claude Code suggested switching to apac.anthropic.claude-sonnet-4-20250514-v1:0.');
    assert.deepEqual(onDemand.suggestedModelIds, ['jp.anthropic.claude-sonnet-4-5-20250929-v1:0', 'global.anthropic.claude-sonnet-4-5-20250929-v1:0']);
  });

  it('gives the compliant fix and says why when Claude Code suggests an apac. model to a Japan-only setup', () => {
    const onDemand = summariseSessionErrors(read('on-demand'), { ...TOKYO, policy: JAPAN_POLICY }).findings[0]!;
    assert.equal(onDemand.suggestion?.modelId, 'apac.anthropic.claude-sonnet-4-20250514-v1:0');
    assert.deepEqual(onDemand.suggestion?.violations.map((violation) => violation.code), ['scope-not-allowed', 'residency-outside']);
    assert.equal(onDemand.suggestion?.compliant, JP_SONNET);
    // The diagnosis's own fix no longer offers global. either.
    assert.deepEqual(onDemand.suggestedModelIds, [JP_SONNET]);
    for (const locale of ['en', 'ja'] as const) {
      const text = describeFinding(onDemand, locale, 'UTC');
      assert.ok(text.fix.includes(JP_SONNET) && !text.fix.includes('global.'), text.fix);
      assert.ok(text.suggestion!.includes('apac.anthropic.claude-sonnet-4-20250514-v1:0') && text.suggestion!.includes(JP_SONNET) && text.suggestion!.includes('.claude/bedrock-policy.json'), text.suggestion);
      if (locale === 'ja') assert.match(text.suggestion!, JAPANESE);
    }
    assert.match(describeFinding(onDemand, 'en').suggestion!, /^Claude Code suggested switching to apac\.anthropic\.claude-sonnet-4-20250514-v1:0, which your organisation's policy does not allow: .*"apac\." scope.* Use jp\.anthropic\.claude-sonnet-4-5-20250929-v1:0 instead\.$/);
  });

  it('names no replacement the bundled table does not list in an allowed scope', () => {
    const invalid = summariseSessionErrors(read('invalid-identifier'), { region: 'us-east-1', policy: JAPAN_POLICY }).findings[0]!;
    assert.equal(invalid.suggestion?.modelId, 'us.anthropic.claude-sonnet-4-20250514-v1:0');
    assert.ok(invalid.suggestion!.violations.length > 0);
    // No jp. Sonnet 4 in the table, and the failing jp. Sonnet 4.5 is already in scope: ask for an allowed model.
    assert.equal(invalid.suggestion?.compliant, undefined);
    assert.match(suggestionText(invalid.suggestion!, 'en'), /Choose a model the policy allows/);
    assert.equal(compliantReplacement(JAPAN_POLICY, 'anthropic.claude-haiku-4-5-20251001-v1:0', undefined, 'ap-northeast-1'), undefined);
    assert.equal(compliantReplacement(JAPAN_POLICY, 'global.anthropic.claude-sonnet-4-5-20250929-v1:0', undefined, 'ap-northeast-1'), JP_SONNET);
  });
});

describe('session texts', () => {
  const summary = summariseSessionErrors(SESSION_FIXTURES.flatMap(read), TOKYO);

  it('sum the section up in one line, in English and Japanese', () => {
    assert.equal(
      sessionSummaryText(facts(), summary, 'en'),
      'In your sessions of the last 7 days: max_tokens refused ×1, model ID without on-demand throughput ×1, invalid or unsupported model ID ×1, expired or missing credentials ×7, access denied ×1, throttled ×4.',
    );
    assert.match(sessionSummaryText(facts(), summary, 'ja'), /^過去 7 日間のセッション: .*スロットリング ×4。$/);
    const none = { findings: [], otherErrors: 0 };
    assert.equal(sessionSummaryText(facts(), none, 'en'), 'In your sessions of the last 7 days: no API errors (3 files, 4 KB read).');
    assert.equal(sessionSummaryText(facts({ state: 'missing', files: 0, bytes: 0 }), none, 'en'), 'No Claude Code sessions of this folder in the last 7 days.');
    assert.equal(sessionSummaryText(facts({ state: 'unreadable', problems: [{ path: '/x/projects', reason: 'EACCES' }] }), none, 'en'), 'Claude Code\'s sessions could not be read: /x/projects: permission denied.');
    assert.equal(sessionSummaryText(facts({ problems: [{ path: '/x/a.jsonl', reason: 'not-a-file' }] }), none, 'en'), 'In the sessions of the last 7 days that could be read (3 files): no API errors; 1 could not be read.');
    assert.equal(sessionSummaryText(facts({ state: 'cancelled' }), none, 'ja'), 'Claude Code のセッションの読み取りは完了前に中止されました。');
  });

  it('say it in a few words for a tree row', () => {
    const none = { findings: [], otherErrors: 0 };
    assert.equal(sessionShortText(facts(), summary, 'en'), '15 API errors in 7 days');
    assert.equal(sessionShortText(facts(), summary, 'ja'), '7 日間に API エラー 15 件');
    assert.equal(sessionShortText(facts(), summariseSessionErrors(read('not-authorized'), TOKYO), 'en'), '1 API error in 7 days');
    assert.equal(sessionShortText(facts(), none, 'en'), 'no API errors in 7 days');
    assert.equal(sessionShortText(facts({ state: 'missing', files: 0 }), none, 'en'), 'no sessions in 7 days');
    assert.equal(sessionShortText(facts({ problems: [{ path: 'a', reason: 'EACCES' }] }), none, 'en'), 'no API errors in what could be read');
    assert.equal(sessionShortText(facts({ state: 'unreadable' }), none, 'ja'), '読み取れませんでした');
  });

  it('name a credentials failure by its cause: an SSO sign-in apart from expired keys', () => {
    const kinds = summary.findings.filter((finding) => finding.kind === 'credentials').map((finding) => [describeFinding(finding, 'en').kind, describeFinding(finding, 'ja').kind]);
    assert.deepEqual(kinds.sort(), [
      ['SSO sign-in expired', 'SSO サインインの期限切れ'],
      ['temporary credentials expired', '一時認証情報の期限切れ'],
    ]);
  });

  it('have a verdict: past errors a problem (the surfaces make it a warning), unread parts not verified, else ok', () => {
    const none = { findings: [], otherErrors: 0 };
    assert.equal(sessionVerdict(facts(), summary), 'problem');
    assert.equal(sessionVerdict(facts({ problems: [{ path: 'a', reason: 'EACCES' }] }), summary), 'problem');
    assert.equal(sessionVerdict(facts(), none), 'ok');
    assert.equal(sessionVerdict(facts({ state: 'missing' }), none), 'ok');
    assert.equal(sessionVerdict(facts({ problems: [{ path: 'a', reason: 'EACCES' }] }), none), 'not-verified');
    assert.equal(sessionVerdict(facts({ state: 'cancelled' }), none), 'not-verified');
    assert.equal(sessionVerdict(facts({ state: 'unreadable' }), none), 'not-verified');
  });

  it('say what was not read or not diagnosed', () => {
    const notes = sessionNotes(facts({ unread: { files: 2, bytes: 3_000_000 }, longLines: 1, brokenLines: 4, problems: [{ path: '/x/b.jsonl', reason: 'EACCES' }] }), { findings: [], otherErrors: 3 }, { maxBytes: 256 * 1024 * 1024, maxLineBytes: 256 * 1024 }, 'en');
    assert.deepEqual(notes, [
      '2 older session files (3.0 MB) were not read: a scan reads the newest 268.4 MB.',
      '/x/b.jsonl: permission denied',
      '4 lines could not be parsed (broken, or being written).',
      '1 lines longer than 262 KB were skipped unread (error records are far shorter).',
      '3 other API errors (the service or the network failing) are not diagnosed here.',
    ]);
    assert.equal(sessionNotes(facts({ longLines: 1 }), { findings: [], otherErrors: 0 }, { maxBytes: 1, maxLineBytes: 1 }, 'ja').length, 1);
  });

  it('word every finding in both languages with the count, model and time, and the live diagnosis\'s cause and fix', () => {
    for (const finding of summary.findings) {
      const en = describeFinding(finding, 'en', 'UTC');
      const ja = describeFinding(finding, 'ja', 'UTC');
      assert.ok(en.title.includes('2026-12-06 20:57') && ja.title.includes('2026/12/06 20:57'), en.title);
      if (finding.modelId) assert.ok(en.title.includes(finding.modelId) && ja.title.includes(finding.modelId));
      assert.equal(en.cause, describeDiagnosis(finding.diagnosis, 'en', { suggestedModelIds: finding.suggestedModelIds }).cause);
      assert.match(ja.cause + ja.fix + ja.kind, JAPANESE);
      assert.doesNotMatch(en.cause + en.fix + ja.cause + ja.fix, /\{\w+\}/);
    }
    assert.equal(countText({ attempts: 4, failed: 1 }, 'en'), '4× (1 request failed after retries)');
    assert.equal(countText({ attempts: 1, failed: 0 }, 'en'), '1× (retried; no request failed)');
    assert.equal(countText({ attempts: 5, failed: 2 }, 'ja'), '5 回 (うち 2 件のリクエストは再試行後も失敗)');
    assert.equal(seenText('2026-12-06T20:57:39.527Z', 'ja', 'Asia/Tokyo'), '2026/12/07 05:57');
  });
});
