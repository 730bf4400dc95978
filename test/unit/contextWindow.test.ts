import assert from 'node:assert/strict';
import { isLongContext, LONG_CONTEXT_TABLE, supportsLongContext, withLongContext, withoutLongContext } from '../../src/core/models/contextWindow';

describe('1M-token context table', () => {
  it('is dated and sourced', () => {
    assert.match(LONG_CONTEXT_TABLE.asOf, /^\d{4}-\d{2}-\d{2}$/);
    assert.ok(LONG_CONTEXT_TABLE.source.includes('Anthropic'));
  });

  it('knows Sonnet 4, 4.5, 4.6 and Opus 4.6 through any scope', () => {
    for (const id of [
      'jp.anthropic.claude-sonnet-4-5-20250929-v1:0',
      'global.anthropic.claude-sonnet-4-6',
      'us.anthropic.claude-opus-4-6-v1',
      'apac.anthropic.claude-sonnet-4-20250514-v1:0',
      'anthropic.claude-sonnet-4-5-20250929-v1:0',
      'arn:aws:bedrock:ap-northeast-1::foundation-model/anthropic.claude-sonnet-4-6',
      'jp.anthropic.claude-sonnet-4-5-20250929-v1:0[1m]',
    ]) {
      assert.ok(supportsLongContext(id), id);
    }
  });

  it('does not offer it for Haiku, Opus 4.5 or an application profile it cannot see into', () => {
    for (const id of [
      'jp.anthropic.claude-haiku-4-5-20251001-v1:0',
      'global.anthropic.claude-opus-4-5-20251101-v1:0',
      'anthropic.claude-3-haiku-20240307-v1:0',
      'arn:aws:bedrock:ap-northeast-1:111122223333:application-inference-profile/a1b2c3d4e5f6',
      '',
    ]) {
      assert.ok(!supportsLongContext(id), id);
    }
  });

  it('adds the suffix once and removes it', () => {
    const id = 'jp.anthropic.claude-sonnet-4-5-20250929-v1:0';
    assert.equal(withLongContext(id), `${id}[1m]`);
    assert.equal(withLongContext(`${id}[1m]`), `${id}[1m]`);
    assert.equal(withoutLongContext(`${id}[1M]`), id);
    assert.equal(withoutLongContext(id), id);
    assert.ok(isLongContext(`${id}[1m]`));
    assert.ok(!isLongContext(id));
  });
});
