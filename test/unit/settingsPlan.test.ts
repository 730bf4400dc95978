import assert from 'node:assert/strict';
import { planSetup, type SettingsFiles } from '../../src/core/setup/settingsPlan';
import type { SettingsFileInput, SetupChoices, SetupPlan } from '../../src/core/setup/settingsTypes';

const SONNET_JP = 'jp.anthropic.claude-sonnet-4-5-20250929-v1:0';
const HAIKU_GLOBAL = 'global.anthropic.claude-haiku-4-5-20251001-v1:0';

const choices: SetupChoices = { profile: 'sso-dev', ssoProfile: true, region: 'ap-northeast-1', primaryModel: SONNET_JP, backgroundModel: HAIKU_GLOBAL, scope: 'project' };

function files(texts: { project?: string; local?: string; user?: string; managed?: string[] } = {}): SettingsFiles {
  const file = (source: SettingsFileInput['source'], path: string, text: string | undefined): SettingsFileInput => ({ source, path, ...(text === undefined ? {} : { text }) });
  return {
    project: file('project', '/w/.claude/settings.json', texts.project),
    local: file('local', '/w/.claude/settings.local.json', texts.local),
    user: file('user', '/home/u/.claude/settings.json', texts.user),
    managed: (texts.managed ?? []).map((text, index) => file('managed', `/etc/claude-code/${index}.json`, text)),
  };
}

function ok(plan: SetupPlan): Extract<SetupPlan, { ok: true }> {
  assert.ok(plan.ok, `plan refused: ${JSON.stringify(plan)}`);
  return plan;
}

function written(plan: Extract<SetupPlan, { ok: true }>, source: string): unknown {
  const file = plan.files.find((candidate) => candidate.source === source);
  return file === undefined ? undefined : JSON.parse(file.after);
}

describe('settings plan', () => {
  it('writes shared keys to settings.json and personal ones to settings.local.json', () => {
    const plan = ok(planSetup(choices, files(), { localIgnored: true }));
    assert.deepEqual(plan.files.map((file) => file.path), ['/w/.claude/settings.json', '/w/.claude/settings.local.json']);
    assert.equal(
      plan.files[0]!.after,
      JSON.stringify({ env: { CLAUDE_CODE_USE_BEDROCK: '1', AWS_REGION: 'ap-northeast-1', ANTHROPIC_MODEL: SONNET_JP, ANTHROPIC_BEDROCK_REGION_PREFIX: 'jp', ANTHROPIC_DEFAULT_HAIKU_MODEL: HAIKU_GLOBAL } }, null, 2) + '\n',
    );
    assert.deepEqual(written(plan, 'local'), { env: { AWS_PROFILE: 'sso-dev' }, awsAuthRefresh: 'aws sso login --profile sso-dev' });
    assert.deepEqual(plan.notices, []);
    assert.equal(plan.files[0]!.before, undefined);
  });

  it('keeps every key it does not own, in its order, and changes values in place', () => {
    const project = JSON.stringify({ permissions: { allow: ['Bash(npm test)'] }, env: { NODE_ENV: 'dev', AWS_REGION: 'us-east-1', OTHER: 'x' }, hooks: {} }, null, 2);
    const plan = ok(planSetup(choices, files({ project }), { localIgnored: true }));
    const after = written(plan, 'project') as Record<string, Record<string, string>>;
    assert.deepEqual(Object.keys(after), ['permissions', 'env', 'hooks'], 'no $schema: the bundled schema validates offline, a $schema URL would need the network');
    assert.deepEqual(Object.keys(after.env!), ['NODE_ENV', 'AWS_REGION', 'OTHER', 'CLAUDE_CODE_USE_BEDROCK', 'ANTHROPIC_MODEL', 'ANTHROPIC_BEDROCK_REGION_PREFIX', 'ANTHROPIC_DEFAULT_HAIKU_MODEL']);
    assert.equal(after.env!.AWS_REGION, 'ap-northeast-1');
    assert.deepEqual(after.permissions, { allow: ['Bash(npm test)'] });
    assert.deepEqual(plan.files[0]!.changes.find((change) => change.key === 'env.AWS_REGION'), { key: 'env.AWS_REGION', before: 'us-east-1', after: 'ap-northeast-1' });
    assert.equal(plan.files[0]!.before, project);
    assert.ok(!plan.files[0]!.after.endsWith('\n'), 'a file without a final newline keeps that');
  });

  it('plans nothing when the files already hold the setup', () => {
    const first = ok(planSetup(choices, files(), { localIgnored: true }));
    const again = ok(planSetup(choices, files({ project: first.files[0]!.after, local: first.files[1]!.after }), { localIgnored: true }));
    assert.deepEqual(again.files, []);
  });

  it('refuses files it must change that do not parse, naming line and column, and ignores broken files it does not touch', () => {
    const plan = planSetup(choices, files({ project: '{\n  "env": {},\n}', user: '{ broken' }), { localIgnored: true });
    assert.equal(plan.ok, false);
    assert.deepEqual(!plan.ok && plan.unparsable.map((entry) => [entry.path, entry.error.line, entry.error.column]), [['/w/.claude/settings.json', 3, 1]]);
  });

  it('puts everything in one file for the local and user scopes', () => {
    const local = ok(planSetup({ ...choices, scope: 'local' }, files(), { localIgnored: true }));
    assert.deepEqual(local.files.map((file) => file.source), ['local']);
    assert.deepEqual((written(local, 'local') as { env: Record<string, string> }).env.AWS_PROFILE, 'sso-dev');
    const user = ok(planSetup({ ...choices, scope: 'user' }, { user: files().user, managed: [] }, { localIgnored: false }));
    assert.deepEqual(user.files.map((file) => file.path), ['/home/u/.claude/settings.json']);
    assert.deepEqual(Object.keys((written(user, 'user') as { env: object }).env), ['CLAUDE_CODE_USE_BEDROCK', 'AWS_REGION', 'ANTHROPIC_MODEL', 'ANTHROPIC_BEDROCK_REGION_PREFIX', 'ANTHROPIC_DEFAULT_HAIKU_MODEL', 'AWS_PROFILE']);
    assert.deepEqual(user.notices, []);
  });

  it('never writes what managed settings set, and says so when they differ', () => {
    const managed = [JSON.stringify({ env: { AWS_REGION: 'ap-northeast-1', ANTHROPIC_MODEL: 'global.anthropic.claude-sonnet-4-5-20250929-v1:0' } })];
    const plan = ok(planSetup(choices, files({ managed }), { localIgnored: true }));
    const env = (written(plan, 'project') as { env: Record<string, string> }).env;
    assert.equal(env.AWS_REGION, undefined);
    assert.equal(env.ANTHROPIC_MODEL, undefined);
    assert.deepEqual(plan.notices, [{ kind: 'managed-override', key: 'env.ANTHROPIC_MODEL', managedValue: 'global.anthropic.claude-sonnet-4-5-20250929-v1:0', wanted: SONNET_JP }]);
  });

  it('lets a later managed drop-in win over the main managed file', () => {
    const managed = [JSON.stringify({ env: { ANTHROPIC_MODEL: 'a' } }), JSON.stringify({ env: { ANTHROPIC_MODEL: SONNET_JP } })];
    const plan = ok(planSetup(choices, files({ managed }), { localIgnored: true }));
    assert.deepEqual(plan.notices, []);
    assert.equal((written(plan, 'project') as { env: Record<string, string> }).env.ANTHROPIC_MODEL, undefined);
  });

  it('warns when a personal file would shadow a shared value, and when the personal file is not git-ignored', () => {
    const local = JSON.stringify({ env: { ANTHROPIC_MODEL: 'us.anthropic.claude-sonnet-4-5-20250929-v1:0', AWS_PROFILE: 'old' } });
    const plan = ok(planSetup(choices, files({ local }), { localIgnored: false }));
    assert.deepEqual(plan.notices, [
      { kind: 'shadowed', key: 'env.ANTHROPIC_MODEL', source: 'local', path: '/w/.claude/settings.local.json', value: 'us.anthropic.claude-sonnet-4-5-20250929-v1:0' },
      { kind: 'local-not-ignored', path: '/w/.claude/settings.local.json' },
    ]);
  });

  it('warns about a secret in the shared file without copying it anywhere', () => {
    const project = JSON.stringify({ env: { AWS_BEARER_TOKEN_BEDROCK: 'bedrock-api-key-value' } });
    const plan = ok(planSetup(choices, files({ project }), { localIgnored: true }));
    assert.deepEqual(plan.notices, [{ kind: 'secret-in-shared-file', key: 'env.AWS_BEARER_TOKEN_BEDROCK', path: '/w/.claude/settings.json' }]);
    assert.ok(!written(plan, 'local') || !JSON.stringify(written(plan, 'local')).includes('bedrock-api-key-value'));
  });

  it('replaces its own refresh command for a non-SSO profile but keeps someone else\'s', () => {
    const ours = ok(planSetup({ ...choices, profile: 'static-dev', ssoProfile: false }, files({ local: JSON.stringify({ awsAuthRefresh: 'aws sso login --profile sso-dev' }) }), { localIgnored: true }));
    assert.equal((written(ours, 'local') as Record<string, unknown>).awsAuthRefresh, undefined);
    const theirs = ok(planSetup({ ...choices, profile: 'static-dev', ssoProfile: false }, files({ local: JSON.stringify({ awsAuthRefresh: './refresh.sh' }) }), { localIgnored: true }));
    assert.equal((written(theirs, 'local') as Record<string, unknown>).awsAuthRefresh, './refresh.sh');
  });

  it('writes the optional pins and drops the deprecated small-fast model', () => {
    const project = JSON.stringify({ env: { ANTHROPIC_SMALL_FAST_MODEL: 'old-haiku' } });
    const plan = ok(
      planSetup({ ...choices, primaryModel: `${SONNET_JP}[1m]`, sonnetModel: SONNET_JP, opusModel: 'global.anthropic.claude-opus-4-6-v1', maxOutputTokens: 16000 }, files({ project }), { localIgnored: true }),
    );
    const env = (written(plan, 'project') as { env: Record<string, string> }).env;
    assert.equal(env.ANTHROPIC_SMALL_FAST_MODEL, undefined);
    assert.equal(env.ANTHROPIC_MODEL, `${SONNET_JP}[1m]`);
    assert.equal(env.ANTHROPIC_DEFAULT_SONNET_MODEL, SONNET_JP);
    assert.equal(env.ANTHROPIC_DEFAULT_OPUS_MODEL, 'global.anthropic.claude-opus-4-6-v1');
    assert.equal(env.CLAUDE_CODE_MAX_OUTPUT_TOKENS, '16000');
  });

  it('pins the region prefix to the primary model\'s scope, so Claude Code\'s own probes stay in it', () => {
    const prefixOf = (primaryModel: string) => {
      const plan = ok(planSetup({ ...choices, primaryModel }, files(), { localIgnored: true }));
      return (written(plan, 'project') as { env: Record<string, string> }).env.ANTHROPIC_BEDROCK_REGION_PREFIX;
    };
    assert.equal(prefixOf(`${SONNET_JP}[1m]`), 'jp');
    assert.equal(prefixOf('global.anthropic.claude-sonnet-4-5-20250929-v1:0'), 'global');
    assert.equal(prefixOf('apac.anthropic.claude-sonnet-4-5-20250929-v1:0'), 'apac');
    assert.equal(prefixOf('arn:aws:bedrock:ap-northeast-1:111122223333:application-inference-profile/abc123'), undefined);
    assert.equal(prefixOf('anthropic.claude-sonnet-4-5-20250929-v1:0'), undefined);
  });

  it('reports an unreadable file instead of planning over it', () => {
    const input = files();
    const plan = planSetup(choices, { ...input, local: { source: 'local', path: '/w/.claude/settings.local.json', unreadable: 'EACCES' } }, { localIgnored: true });
    assert.deepEqual(!plan.ok && plan.unreadable, [{ source: 'local', path: '/w/.claude/settings.local.json', detail: 'EACCES' }]);
  });
});
