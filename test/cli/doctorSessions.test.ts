// doctor's section on Claude Code's own sessions, through the built CLI against the fake AWS: the
// captured session records of a configured folder become "in your sessions of the last 7 days: …"
// with each diagnosis (en, ja, --json); past errors warn (exit 0), sessions that could not be read
// are not verified (exit 1), --session-days 0 skips the section; no content ever reaches the output.
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTENT_SENTINEL, layOutSessions, SESSION_FIXTURES } from '../support/claudeSessions';
import { JP_HAIKU, JP_SONNET, TOKYO, useConfiguredFolder } from './configuredFolder';
import { assertNoSecrets, run } from './runCli';
import { installFakeClaude } from '../support/installClaude';
import { NEWEST_TESTED_VERSION } from '../../src/core/claudeCode/supportTable';

interface SessionsCheck {
  id: string;
  state: string;
  severity?: string;
  title: string;
  summary: string;
  unread?: string[];
  sessions: {
    state: string;
    days: number;
    files: number;
    problems: { path: string; reason: string }[];
    findings: { kind: string; code: string; model?: string; attempts: number; failed: number; lastSeen: string; cause: string; fix: string; command?: string; suggestion?: { model: string; allowed: boolean; compliant?: string; text: string } }[];
  };
}

describe('CLI doctor: Claude Code\'s own sessions', function () {
  this.timeout(90_000);
  const folder = useConfiguredFolder('basic', 'sso-dev', 'cli-sessions');
  const dir = () => folder.dir;
  const repo = () => folder.repo;
  const home = () => join(dir(), 'home');
  // PATH holds the fake `claude` (~/.local/bin) and the system's folders only: never the developer's own `claude`.
  const env = (extra: Record<string, string> = {}) => folder.env({ PATH: `${join(home(), '.local', 'bin')}:/usr/bin:/bin`, ...extra });

  before(() => {
    // A current Claude Code reads the folder's settings (its own checks are test/cli/claudeCode.test.ts).
    installFakeClaude(home(), [NEWEST_TESTED_VERSION]);
    // What Claude Code 2.1.330 wrote, an hour ago, with the prompts and answers around it.
    layOutSessions(join(home(), '.claude'), repo(), SESSION_FIXTURES.map((fixture) => ({ fixture, withContent: true })), { newest: Date.now() - 60 * 60 * 1000 });
  });

  it('sums up the last 7 days and gives each error its diagnosis; a warning: exit 0 (English)', async () => {
    const result = await run(['doctor'], env(), { cwd: repo() });
    assert.equal(result.code, 0, result.stdout + result.stderr);
    const out = result.stdout.trimEnd();
    assert.match(
      out,
      /^⚠ Claude Code sessions: In your sessions of the last 7 days: max_tokens refused ×1, model ID without on-demand throughput ×1, invalid or unsupported model ID ×1, expired or missing credentials ×7, access denied ×1, throttled ×4\.$/m,
    );
    assert.match(out, new RegExp(`^ {4}⚠ throttled · 4× \\(1 request failed after retries\\) · model ${JP_SONNET.replace(/\./g, '\\.')} · last \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}$`, 'm'));
    assert.ok(out.includes('The AWS SSO sign-in has expired.'), out);
    assert.ok(out.includes('$ aws sso login --profile sso-dev'), out);
    assert.ok(out.includes(`This AWS account has no access to ${JP_HAIKU} in ap-northeast-1.`), out);
    assert.ok(out.includes('Claude Code suggested switching to apac.anthropic.claude-sonnet-4-20250514-v1:0.'), out);
    assert.match(out, /Every check was read and nothing blocks; 1 check\(s\) with a warning\.$/);
    assert.ok(!out.includes(CONTENT_SENTINEL) && !result.stderr.includes(CONTENT_SENTINEL), 'no content of the sessions');
    assert.ok(!out.includes('Too many tokens, please wait'), 'no raw error text either');
    assertNoSecrets(result);
  });

  it('speaks Japanese', async () => {
    const result = await run(['doctor', '--lang', 'ja'], env(), { cwd: repo() });
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /^⚠ Claude Code のセッション: 過去 7 日間のセッション: .*スロットリング ×4。$/m);
    assert.match(result.stdout, /スロットリング · 4 回 \(うち 1 件のリクエストは再試行後も失敗\) · モデル jp\.anthropic\.claude-sonnet-4-5-20250929-v1:0 · 最終 \d{4}\/\d{2}\/\d{2} \d{2}:\d{2}/);
    assert.ok(result.stdout.includes('AWS SSO のサインインが期限切れです。'));
    assert.ok(!result.stdout.includes(CONTENT_SENTINEL));
  });

  it('prints the findings as JSON: classified facts and words, no raw message', async () => {
    const result = await run(['doctor', '--json'], env(), { cwd: repo() });
    assert.equal(result.code, 0, result.stderr);
    const document = JSON.parse(result.stdout) as { healthy: boolean; checks: SessionsCheck[] };
    assert.equal(document.healthy, true);
    const check = document.checks.find((candidate) => candidate.id === 'sessions')!;
    assert.equal(check.state, 'problem');
    assert.equal(check.severity, 'warning');
    assert.equal(check.sessions.days, 7);
    assert.equal(check.sessions.files, SESSION_FIXTURES.length);
    assert.deepEqual(
      check.sessions.findings.map((finding) => [finding.kind, finding.code, finding.attempts, finding.failed]).sort(),
      [
        ['access-denied', 'model-access-not-granted', 1, 1],
        ['credentials', 'credentials', 3, 1],
        ['credentials', 'credentials', 4, 1],
        ['max-tokens', 'max-tokens-invalid', 1, 1],
        ['model-id', 'invalid-identifier', 1, 1],
        ['on-demand', 'on-demand-not-supported', 1, 1],
        ['throttled', 'throttled', 4, 1],
      ],
    );
    const onDemand = check.sessions.findings.find((finding) => finding.kind === 'on-demand')!;
    assert.deepEqual(onDemand.suggestion && [onDemand.suggestion.model, onDemand.suggestion.allowed], ['apac.anthropic.claude-sonnet-4-20250514-v1:0', true]);
    assert.ok(!result.stdout.includes(CONTENT_SENTINEL));
    assert.ok(!result.stdout.includes('please wait before trying again'), 'no raw AWS message in the JSON');
  });

  it('under a Japan-only team policy, refuses Claude Code\'s apac. suggestion and names the compliant model', async () => {
    writeFileSync(join(repo(), '.claude', 'bedrock-policy.json'), JSON.stringify({ version: 1, allowedScopes: ['jp'], dataResidency: 'japan' }));
    try {
      const result = await run(['doctor', '--json'], env(), { cwd: repo() });
      const check = (JSON.parse(result.stdout) as { checks: SessionsCheck[] }).checks.find((candidate) => candidate.id === 'sessions')!;
      const onDemand = check.sessions.findings.find((finding) => finding.kind === 'on-demand')!;
      assert.equal(onDemand.suggestion?.allowed, false);
      assert.equal(onDemand.suggestion?.compliant, JP_SONNET);
      assert.ok(onDemand.fix.includes(JP_SONNET) && !onDemand.fix.includes('global.'), onDemand.fix);
      const text = await run(['doctor'], env(), { cwd: repo() });
      assert.ok(text.stdout.includes(`which your organisation's policy does not allow: apac.anthropic.claude-sonnet-4-20250514-v1:0 uses the "apac." scope, which is not allowed.`), text.stdout);
      assert.ok(text.stdout.includes(`Use ${JP_SONNET} instead.`));
    } finally {
      rmSync(join(repo(), '.claude', 'bedrock-policy.json'));
    }
  });

  it('says so when Claude Code has no sessions of the folder: ok', async () => {
    const other = join(dir(), 'other');
    mkdirSync(other, { recursive: true });
    const result = await run(['doctor', '--profile', 'static-dev', '--region', TOKYO, '--json'], env(), { cwd: other });
    const check = (JSON.parse(result.stdout) as { checks: SessionsCheck[] }).checks.find((candidate) => candidate.id === 'sessions')!;
    assert.equal(check.state, 'ok');
    assert.equal(check.summary, 'No Claude Code sessions of this folder in the last 7 days.');
    assert.equal(result.code, 0);
  });

  it('is not verified when the sessions could not be read (exit 1), and --session-days 0 skips them', async () => {
    const broken = join(dir(), 'broken');
    mkdirSync(broken, { recursive: true });
    const { projectDir } = layOutSessions(join(home(), '.claude'), broken, []);
    mkdirSync(join(projectDir, 'session.jsonl'));
    const result = await run(['doctor', '--profile', 'static-dev', '--region', TOKYO], env(), { cwd: broken });
    assert.equal(result.code, 1, result.stdout);
    assert.match(result.stdout, /^\? Claude Code sessions \[not verified\]: In your sessions of the last 7 days: none of the files could be read\.$/m);
    assert.ok(result.stdout.includes('session.jsonl: a folder where a session file should be'), result.stdout);
    const skipped = await run(['doctor', '--profile', 'static-dev', '--region', TOKYO, '--session-days', '0', '--json'], env(), { cwd: broken });
    assert.equal(skipped.code, 0, skipped.stdout);
    assert.ok(!(JSON.parse(skipped.stdout) as { checks: SessionsCheck[] }).checks.some((check) => check.id === 'sessions'));
  });

  it('reads more days when asked, and refuses a bad --session-days', async () => {
    const wide = await run(['doctor', '--session-days', '30', '--json'], env(), { cwd: repo() });
    const check = (JSON.parse(wide.stdout) as { checks: SessionsCheck[] }).checks.find((candidate) => candidate.id === 'sessions')!;
    assert.match(check.summary, /^In your sessions of the last 30 days: /);
    for (const value of ['abc', '-1', '91', '1.5']) {
      const bad = await run(['doctor', `--session-days=${value}`], env(), { cwd: repo() });
      assert.equal(bad.code, 2, value);
      assert.match(bad.stderr, /--session-days must be a whole number of days from 0 \(skip\) to 90/);
    }
  });
});
