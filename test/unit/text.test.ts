import assert from 'node:assert/strict';
import { displayWidth, printable, renderTable } from '../../src/cli/table';
import { format, pickLocale } from '../../src/core/text/locale';
import { redactSecrets } from '../../src/core/text/redact';
import { shellQuote } from '../../src/core/text/shell';

describe('text helpers', () => {
  it('picks Japanese from every usual spelling of the locale, English otherwise', () => {
    for (const tag of ['ja', 'ja-JP', 'ja_JP.UTF-8', 'JA']) assert.equal(pickLocale(tag), 'ja', tag);
    for (const tag of [undefined, '', 'en-US', 'C', 'jam', 'fr_FR.UTF-8']) assert.equal(pickLocale(tag), 'en', String(tag));
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    assert.equal(format('{a} and {b}', { a: 1 }), '1 and {b}');
  });

  it('quotes shell arguments only when needed', () => {
    assert.equal(shellQuote('dev-profile.1'), 'dev-profile.1');
    assert.equal(shellQuote("it's; rm -rf ~"), `'it'\\''s; rm -rf ~'`);
  });

  it('redacts secret keys, tokens and assignments, and shortens access key ids', () => {
    // Built from parts so that no whole key-shaped string sits in the source.
    const keyId = ['AKIA', 'ABCDEFGHIJKL', '1234'].join('');
    const text = redactSecrets(`key ${keyId} secret ${'wJalrXUtnFEMI/K7MDENG'}/bPxRfiCYEXAMPLEKEY token=${'x'.repeat(80)} sessionToken: "abc"`);
    assert.ok(!text.includes('wJalrXUtnFEMI'), text);
    assert.ok(!text.includes('x'.repeat(80)), text);
    assert.ok(!text.includes('"abc"'), text);
    assert.ok(text.includes('AKIA…1234'), text);
  });

  it('leaves ordinary messages alone', () => {
    const message = 'The security token included in the request is invalid.';
    assert.equal(redactSecrets(message), message);
  });

  it('aligns tables with wide characters', () => {
    assert.equal(displayWidth('日本a'), 5);
    const table = renderTable(['名前', 'X'], [['ab', 'y']]);
    assert.deepEqual(table.split('\n'), ['名前  X', 'ab    y']);
  });

  it('escapes terminal control characters', () => {
    assert.equal(printable('a\u001b[31mb'), 'a\\u001b[31mb');
  });
});
