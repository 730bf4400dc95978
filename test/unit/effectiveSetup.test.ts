import assert from 'node:assert/strict';
import { configuredModels, effectiveSetup, effectiveValue } from '../../src/core/setup/effectiveSetup';
import type { SettingsFileInput } from '../../src/core/setup/settingsTypes';

const file = (source: SettingsFileInput['source'], path: string, value: unknown): SettingsFileInput => ({ source, path, text: typeof value === 'string' ? value : JSON.stringify(value) });

describe('effective setup', () => {
  it('merges key by key: managed over local over project over user, with the source of each value', () => {
    const setup = effectiveSetup([
      file('user', 'u', { env: { CLAUDE_CODE_USE_BEDROCK: '1', AWS_REGION: 'us-east-1', AWS_PROFILE: 'user-profile' } }),
      file('project', 'p', { env: { AWS_REGION: 'ap-northeast-1', ANTHROPIC_MODEL: 'jp.x' } }),
      file('local', 'l', { env: { AWS_PROFILE: 'mine' }, awsAuthRefresh: 'aws sso login --profile mine' }),
      file('managed', 'm', { env: { ANTHROPIC_MODEL: 'jp.locked' } }),
    ]);
    assert.equal(setup.bedrock, true);
    assert.deepEqual(
      setup.values.map((value) => [value.key, value.value, value.source]),
      [
        ['env.CLAUDE_CODE_USE_BEDROCK', '1', 'user'],
        ['env.AWS_REGION', 'ap-northeast-1', 'project'],
        ['env.AWS_PROFILE', 'mine', 'local'],
        ['env.ANTHROPIC_MODEL', 'jp.locked', 'managed'],
        ['awsAuthRefresh', 'aws sso login --profile mine', 'local'],
      ],
    );
    assert.deepEqual(effectiveValue(setup, 'env.AWS_REGION')?.overrides, [{ source: 'user', path: 'u' }]);
  });

  it('hides secret values and lists broken files without their values', () => {
    const setup = effectiveSetup([file('project', 'p', { env: { AWS_BEARER_TOKEN_BEDROCK: 'secret-value' } }), file('local', 'l', '{ "env": { ')]);
    assert.equal(setup.bedrock, false);
    assert.deepEqual(effectiveValue(setup, 'env.AWS_BEARER_TOKEN_BEDROCK'), { key: 'env.AWS_BEARER_TOKEN_BEDROCK', value: '(set)', secret: true, source: 'project', path: 'p', overrides: [] });
    assert.ok(!JSON.stringify(setup).includes('secret-value'));
    assert.deepEqual(setup.broken.map((entry) => [entry.path, entry.error?.line]), [['l', 1]]);
  });

  it('reads CLAUDE_CODE_USE_BEDROCK the way Claude Code does', () => {
    assert.equal(effectiveSetup([file('project', 'p', { env: { CLAUDE_CODE_USE_BEDROCK: 'true' } })]).bedrock, true);
    assert.equal(effectiveSetup([file('project', 'p', { env: { CLAUDE_CODE_USE_BEDROCK: '0' } })]).bedrock, false);
    assert.equal(effectiveSetup([file('project', 'p', { env: { CLAUDE_CODE_USE_BEDROCK: '1' } }), file('local', 'l', { env: { CLAUDE_CODE_USE_BEDROCK: '' } })]).bedrock, false);
  });

  it('names the configured primary and background models, whichever file pins them', () => {
    const setup = effectiveSetup([
      file('project', 'p', { env: { ANTHROPIC_MODEL: 'jp.a' } }),
      file('local', 'l', { env: { ANTHROPIC_DEFAULT_HAIKU_MODEL: 'jp.h' } }),
    ]);
    assert.deepEqual(configuredModels(setup), { primary: 'jp.a', background: 'jp.h' });
    assert.deepEqual(configuredModels(effectiveSetup([])), {});
  });
});
