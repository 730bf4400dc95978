// Usage errors in the reader's language: `--lang ja` words every one in Japanese, including an
// extra argument and a repeated --email for alarms (they were English-only before).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { cli, run } from './runCli';

const everyKind = join(__dirname, '..', 'fixtures', 'every-kind');

describe('CLI usage errors in Japanese', function () {
  before(() => {
    if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run npm run build (npm test does it first)');
  });

  const cases: [string, string[], RegExp, RegExp, RegExp][] = [
    ['an unexpected argument', ['profiles', 'extra'], /予期しない引数 "extra" があります。/, /Unexpected argument/, /Unexpected argument "extra"\./],
    ['--email given twice for alarms', ['alarms', 'apply', '--email', 'a@example.com', '--email', 'b@example.com'], /alarms の --email は 1 回だけ指定してください/, /is given once/, /--email is given once for alarms/],
  ];
  for (const [label, args, ja, english, en] of cases) {
    it(`for ${label}: exit 2, Japanese with --lang ja, English with --lang en`, async () => {
      const result = await run([...args, '--lang', 'ja'], { HOME: everyKind });
      assert.equal(result.code, 2, result.stdout + result.stderr);
      assert.match(result.stderr, ja);
      assert.doesNotMatch(result.stderr, english);
      assert.match(result.stderr, /claude-bedrock --help でオプションを確認してください。/);
      const inEnglish = await run([...args, '--lang', 'en'], { HOME: everyKind });
      assert.equal(inEnglish.code, 2, inEnglish.stdout + inEnglish.stderr);
      assert.match(inEnglish.stderr, en);
    });
  }
});
