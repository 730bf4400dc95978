import assert from 'node:assert/strict';
import { effectiveSetup } from '../../src/core/setup/effectiveSetup';
import { assessHealth, runsCredentialProcess, type HealthInput } from '../../src/core/health/health';
import { discoverProfiles, type CachedToken } from '../../src/core/profiles/profiles';
import type { SettingsFileInput } from '../../src/core/setup/settingsTypes';

const CONFIG = `[profile sso-dev]
sso_session = corp
sso_account_id = 111122223333
sso_role_name = Developer
region = ap-northeast-1

[profile sso-old]
sso_session = old
sso_account_id = 111122223333
sso_role_name = Developer

[sso-session corp]
sso_start_url = https://corp.example/start
sso_region = ap-northeast-1

[sso-session old]
sso_start_url = https://old.example/start
sso_region = ap-northeast-1

[profile tool]
credential_process = /usr/local/bin/get-creds

[profile tool-role]
role_arn = arn:aws:iam::111122223333:role/Dev
source_profile = tool
`;

const now = new Date('2026-11-22T03:00:00Z');
const tokens = (_cache: 'sso' | 'login', key: string): CachedToken =>
  key === 'corp' ? { state: 'found', expiresAt: '2026-11-22T08:00:00Z', refreshable: false } : { state: 'found', expiresAt: '2026-11-21T08:00:00Z', refreshable: false };
const discovery = discoverProfiles({ config: { path: '/h/.aws/config', text: CONFIG }, credentials: { path: '/h/.aws/credentials', error: 'missing' }, env: {}, tokens, now });

const file = (source: SettingsFileInput['source'], value: unknown): SettingsFileInput => ({ source, path: `/w/${source}.json`, text: typeof value === 'string' ? value : JSON.stringify(value) });
const configured = (env: Record<string, string>, local: Record<string, string> = { AWS_PROFILE: 'sso-dev' }) =>
  effectiveSetup([file('project', { env: { CLAUDE_CODE_USE_BEDROCK: '1', ...env } }), file('local', { env: local })]);

function health(input: Partial<HealthInput> & Pick<HealthInput, 'setup'>) {
  return assessHealth({ discovery, trusted: true, ...input });
}

const codes = (report: ReturnType<typeof health>) => report.checks.map((check) => `${check.state}:${check.code}`);

describe('setup health', () => {
  it('is not configured without CLAUDE_CODE_USE_BEDROCK, and calls nothing for it', () => {
    const report = health({ setup: effectiveSetup([file('project', { permissions: {} })]) });
    assert.equal(report.state, 'not-configured');
    assert.deepEqual(codes(report), ['info:bedrock-off']);
  });

  it('is healthy with profile, valid sign-in, identity, region and a pinned profile ID', () => {
    const report = health({
      setup: configured({ AWS_REGION: 'ap-northeast-1', ANTHROPIC_MODEL: 'jp.anthropic.claude-sonnet-4-5-20250929-v1:0' }),
      identity: { ok: true, account: '111122223333', arn: 'arn:aws:sts::111122223333:assumed-role/Developer/me' },
      localIgnored: true,
      localPath: '/w/.claude/settings.local.json',
    });
    assert.equal(report.state, 'healthy');
    assert.deepEqual(codes(report), ['ok:bedrock-on', 'ok:profile-ok', 'ok:sso-valid', 'ok:identity-ok', 'ok:region-ok', 'ok:model-ok']);
    assert.deepEqual([report.profile, report.region], ['sso-dev', 'ap-northeast-1']);
  });

  it('is an error when the SSO sign-in expired, read from the token cache without a call', () => {
    const report = health({ setup: configured({ AWS_REGION: 'ap-northeast-1', ANTHROPIC_MODEL: 'jp.x' }, { AWS_PROFILE: 'sso-old' }) });
    assert.equal(report.state, 'error');
    assert.ok(codes(report).includes('error:sso-expired'));
  });

  it('warns about a missing region, a missing or bare model, an unnamed profile and an unignored personal file', () => {
    const report = health({ setup: configured({ ANTHROPIC_MODEL: 'anthropic.claude-sonnet-4-5-20250929-v1:0' }), localIgnored: false, localPath: '/w/.claude/settings.local.json' });
    assert.equal(report.state, 'warning');
    assert.deepEqual(codes(report).filter((code) => code.startsWith('warning')), ['warning:region-missing', 'warning:model-bare-id', 'warning:local-not-ignored']);
    const unnamed = health({ setup: effectiveSetup([file('project', { env: { CLAUDE_CODE_USE_BEDROCK: '1' } })]) });
    assert.ok(codes(unnamed).includes('error:profile-missing'), 'the default profile does not exist here');
    assert.ok(codes(unnamed).includes('warning:model-missing'));
  });

  it('is an error for a missing profile, a broken settings file, a failed identity and a secret in the shared file', () => {
    const broken = health({ setup: effectiveSetup([file('project', '{ "env": { "CLAUDE_CODE_USE_BEDROCK": "1", } }')]) });
    assert.equal(broken.state, 'error');
    assert.deepEqual(broken.checks[0], { id: 'files', state: 'error', code: 'file-broken', path: '/w/project.json', line: 1, column: 44, detail: 'Trailing comma before "}" (settings files allow none)' });
    // The broken file may be the one that turns Bedrock on: not known, never "not set to use Bedrock".
    assert.deepEqual(codes(broken).slice(1), ['info:bedrock-unknown']);
    const secret = health({ setup: configured({ AWS_BEARER_TOKEN_BEDROCK: 'xyz' }) });
    assert.ok(codes(secret).includes('error:secret-in-shared-file'));
    assert.ok(!JSON.stringify(secret).includes('xyz'));
    const failed = health({ setup: configured({}), identity: { ok: false, failure: { reason: 'invalid-key', phase: 'call', profile: 'sso-dev' } as never } });
    assert.ok(codes(failed).includes('error:identity-failed'));
    assert.ok(codes(health({ setup: configured({}, { AWS_PROFILE: 'nobody' }) })).includes('error:profile-missing'));
  });

  it('says when Restricted Mode kept a check from running', () => {
    const report = assessHealth({ setup: configured({}, { AWS_PROFILE: 'tool' }), discovery, trusted: false, identity: { skipped: 'restricted' } });
    assert.deepEqual(codes(report).slice(0, 2), ['info:restricted-mode', 'ok:bedrock-on']);
    assert.ok(codes(report).includes('info:identity-restricted'));
  });

  it('knows which profiles run a program for their credentials', () => {
    const byName = (name: string) => discovery.profiles.find((profile) => profile.name === name)!;
    assert.equal(runsCredentialProcess(byName('tool')), true);
    assert.equal(runsCredentialProcess(byName('tool-role')), true);
    assert.equal(runsCredentialProcess(byName('sso-dev')), false);
  });

  describe('usage', () => {
    const setup = configured({ AWS_REGION: 'ap-northeast-1', ANTHROPIC_MODEL: 'jp.anthropic.claude-sonnet-4-5-20250929-v1:0' });
    const identity = { ok: true as const, account: '111122223333', arn: 'arn:aws:sts::111122223333:assumed-role/Developer/me' };
    const base = { setup, identity, localIgnored: true, localPath: '/w/local.json' };

    it('warns about throttles of the last 15 minutes before a quota near its limit', () => {
      const report = health({ ...base, usage: { checkedAt: 1, alert: { state: 'warning', recentThrottles: 12, highestPercent: { modelId: 'jp.x', measure: 'tokens-per-minute', percent: 91 } } } });
      assert.equal(report.state, 'warning');
      assert.deepEqual(report.checks.filter((check) => check.id === 'usage'), [{ id: 'usage', state: 'warning', code: 'usage-throttled', throttles: 12, checkedAt: 1 }]);
    });

    it('warns at 80 % of a quota without throttles, and is healthy below it', () => {
      const near = health({ ...base, usage: { checkedAt: 2, alert: { state: 'warning', recentThrottles: 0, highestPercent: { modelId: 'jp.x', measure: 'requests-per-minute', percent: 80 } } } });
      assert.deepEqual(codes(near).filter((code) => code.includes('usage')), ['warning:usage-near-quota']);
      assert.equal(near.state, 'warning');
      const fine = health({ ...base, usage: { checkedAt: 3, alert: { state: 'ok', recentThrottles: 0, highestPercent: { modelId: 'jp.x', measure: 'requests-per-minute', percent: 79.9 } } } });
      assert.deepEqual(codes(fine).filter((code) => code.includes('usage')), ['ok:usage-ok']);
      assert.equal(fine.state, 'healthy');
      assert.deepEqual(codes(health(base)).filter((code) => code.includes('usage')), [], 'no usage read: no usage check');
    });

    it('warns when an alarm of the team is in ALARM, says so when none is, and claims nothing when none was read', () => {
      const alert = { state: 'ok' as const, recentThrottles: 0 };
      const alarm = (state: 'OK' | 'ALARM' | 'INSUFFICIENT_DATA', kind: 'throttles' | 'quota-tpm' = 'throttles') => ({ name: `claude-bedrock/${kind}/jp.x`, kind, modelId: 'jp.x', state });
      const firing = health({ ...base, usage: { checkedAt: 4, alert, alarms: [alarm('ALARM'), alarm('OK', 'quota-tpm')] } });
      assert.equal(firing.state, 'warning');
      assert.deepEqual(firing.checks.filter((check) => check.id === 'alarms'), [{ id: 'alarms', state: 'warning', code: 'alarms-firing', alarms: [alarm('ALARM')], checkedAt: 4 }]);
      assert.deepEqual(codes(health({ ...base, usage: { checkedAt: 5, alert, alarms: [alarm('OK'), alarm('INSUFFICIENT_DATA', 'quota-tpm')] } })).filter((code) => code.includes('alarms')), ['ok:alarms-ok']);
      assert.deepEqual(codes(health({ ...base, usage: { checkedAt: 6, alert, alarms: [] } })).filter((code) => code.includes('alarms')), [], 'no alarm exists: no alarm check');
      assert.deepEqual(codes(health({ ...base, usage: { checkedAt: 7, alert } })).filter((code) => code.includes('alarms')), [], 'alarms not read: no claim');
    });
    it('never says "every quota below 80 %" when the quotas or the metrics could not be read: not verified, a warning', () => {
      const quotasFailed = { service: 'servicequotas' as const, error: { operation: 'ListServiceQuotas', phase: 'call' as const, name: 'ServiceUnavailableException', message: 'x', httpStatus: 503 } };
      const partial = health({ ...base, usage: { checkedAt: 4, alert: { state: 'ok', recentThrottles: 0 }, problems: [quotasFailed] } });
      assert.deepEqual(partial.checks.filter((check) => check.id === 'usage'), [{ id: 'usage', state: 'warning', code: 'usage-unread', problems: [quotasFailed], checkedAt: 4 }]);
      assert.equal(partial.state, 'warning');
      const noMetrics = health({ ...base, usage: { checkedAt: 5, problems: [{ ...quotasFailed, service: 'cloudwatch' as const }] } });
      assert.deepEqual(codes(noMetrics).filter((code) => code.includes('usage')), ['warning:usage-unread']);
      const failed = health({ ...base, usage: { checkedAt: 6, failure: 'ResolveCredentials did not finish in time.' } });
      assert.deepEqual(failed.checks.filter((check) => check.id === 'usage'), [{ id: 'usage', state: 'warning', code: 'usage-unread', problems: [], failure: 'ResolveCredentials did not finish in time.', checkedAt: 6 }]);
      // Throttles that were read still say so, whatever else could not be read.
      const throttled = health({ ...base, usage: { checkedAt: 7, alert: { state: 'warning', recentThrottles: 3 }, problems: [quotasFailed] } });
      assert.deepEqual(codes(throttled).filter((code) => code.includes('usage')), ['warning:usage-throttled']);
    });
  });

  it('shows an identity check that could not be read as a warning, and credentials that do not work as an error', () => {
    const setup = configured({});
    const unread = health({ setup, identity: { ok: false, failure: { reason: 'timeout', phase: 'credentials', profile: 'sso-dev' } } });
    assert.ok(codes(unread).includes('warning:identity-failed'), codes(unread).join());
    const gateway = health({ setup, identity: { ok: false, failure: { reason: 'service-error', phase: 'call', profile: 'sso-dev', httpStatus: 503, unreadable: 'html' } } });
    assert.ok(codes(gateway).includes('warning:identity-failed'));
    const expired = health({ setup, identity: { ok: false, failure: { reason: 'expired-keys', phase: 'call', profile: 'sso-dev' } } });
    assert.ok(codes(expired).includes('error:identity-failed'));
    assert.equal(expired.state, 'error');
  });
});
