import assert from 'node:assert/strict';
import { formatSettings, lineAndColumn, parseSettings, styleOf } from '../../src/core/setup/settingsJson';

function errorOf(text: string) {
  const parsed = parseSettings(text);
  assert.equal(parsed.ok, false, `expected ${JSON.stringify(text)} to be refused`);
  return (parsed as Extract<typeof parsed, { ok: false }>).error;
}

describe('settings JSON', () => {
  it('parses strict JSON objects and keeps key order', () => {
    const parsed = parseSettings('{\n  "b": 1,\n  "a": {"y": [1, 2.5e3, true, null], "x": "\\u00e9\\n"}\n}\n');
    assert.ok(parsed.ok);
    assert.deepEqual(Object.keys(parsed.value), ['b', 'a']);
    assert.deepEqual(parsed.value.a, { y: [1, 2500, true, null], x: 'é\n' });
  });

  it('keeps "__proto__" as a plain key', () => {
    const parsed = parseSettings('{"__proto__": {"polluted": true}}');
    assert.ok(parsed.ok);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.deepEqual(Object.keys(parsed.value), ['__proto__']);
  });

  it('names line and column of a trailing comma', () => {
    const error = errorOf('{\n  "env": {\n    "A": "1",\n  }\n}');
    assert.deepEqual([error.line, error.column, error.code], [4, 3, 'syntax']);
    assert.match(error.message, /Trailing comma/);
  });

  it('names line and column of a comment', () => {
    const error = errorOf('{\n  // team settings\n  "a": 1\n}');
    assert.deepEqual([error.line, error.column], [2, 3]);
    assert.match(error.message, /comment/);
  });

  it('refuses unquoted keys, single quotes, unterminated strings, missing commas and trailing text', () => {
    assert.deepEqual([errorOf('{a: 1}').line, errorOf('{a: 1}').column], [1, 2]);
    assert.equal(errorOf("{'a': 1}").column, 2);
    assert.equal(errorOf('{"a": "x\n"}').line, 1);
    assert.deepEqual([errorOf('{"a": 1\n "b": 2}').line, errorOf('{"a": 1\n "b": 2}').column], [2, 2]);
    assert.deepEqual([errorOf('{} {}').line, errorOf('{} {}').column], [1, 4]);
    assert.equal(errorOf('{"a": 01}').column, 8);
    assert.equal(errorOf('').code, 'syntax');
  });

  it('refuses a non-object document, a byte-order mark and an env that is not an object', () => {
    assert.equal(errorOf('[1]').code, 'not-an-object');
    assert.equal(errorOf('\uFEFF{}').code, 'byte-order-mark');
    const env = errorOf('{\n  "env": "AWS_REGION=x"\n}');
    assert.deepEqual([env.code, env.line, env.column], ['env-not-an-object', 2, 10]);
  });

  it('computes line and column from an offset', () => {
    assert.deepEqual(lineAndColumn('ab\ncd', 4), { line: 2, column: 2 });
  });

  it('writes in the style of the file it replaces', () => {
    assert.deepEqual(styleOf('{\r\n\t"a": 1\r\n}'), { indent: '\t', eol: '\r\n', finalNewline: false });
    assert.equal(formatSettings({ a: 1 }, styleOf('{\r\n\t"a": 1\r\n}')), '{\r\n\t"a": 1\r\n}');
    assert.equal(formatSettings({ a: { b: 1 } }, styleOf('{\n    "x": 2\n}\n')), '{\n    "a": {\n        "b": 1\n    }\n}\n');
    assert.equal(formatSettings({ a: 1 }, styleOf(undefined)), '{\n  "a": 1\n}\n');
  });
});
