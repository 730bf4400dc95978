import assert from 'node:assert/strict';
import { gitignoreCovers } from '../../src/core/setup/gitignorePatterns';

const FILE = '.claude/settings.local.json';

describe('gitignore patterns', () => {
  const covered: [string, boolean][] = [
    ['.claude/settings.local.json', true],
    ['/.claude/settings.local.json', true],
    ['settings.local.json', true],
    ['*.local.json', true],
    ['.claude/', true],
    ['.claude', true],
    ['**/settings.local.json', true],
    ['.claude/*.local.*', true],
    ['.claude/settings.json', false],
    ['# .claude/settings.local.json', false],
    ['node_modules/', false],
    ['settings.local.json/', false],
    ['.claude/*\n!.claude/settings.local.json', false],
    ['.claude/\n!.claude/settings.local.json', true],
    ['other/.claude/settings.local.json', false],
    ['', false],
  ];
  for (const [text, expected] of covered) {
    it(`${JSON.stringify(text)} ${expected ? 'ignores' : 'does not ignore'} the personal settings`, () => {
      assert.equal(gitignoreCovers(text, FILE), expected);
    });
  }
});
