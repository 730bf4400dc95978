import assert from 'node:assert/strict';
import { unifiedDiff } from '../../src/core/text/textDiff';

describe('unified diff', () => {
  it('is empty when nothing changes', () => {
    assert.equal(unifiedDiff('a\nb\n', 'a\nb\n', 'f'), '');
    assert.equal(unifiedDiff('a\r\nb\r\n', 'a\nb\n', 'f'), '');
  });

  it('shows a new file as all additions', () => {
    assert.equal(unifiedDiff(undefined, '{\n}\n', '.claude/settings.json'), '--- /dev/null\n+++ b/.claude/settings.json\n@@ -0,0 +1,2 @@\n+{\n+}\n');
  });

  it('shows a change with three lines of context and correct ranges', () => {
    const before = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'].join('\n') + '\n';
    const after = ['1', '2', '3', '4', '5', 'six', '7', '8', '9', '10'].join('\n') + '\n';
    assert.equal(unifiedDiff(before, after, 'f'), '--- a/f\n+++ b/f\n@@ -3,7 +3,7 @@\n 3\n 4\n 5\n-6\n+six\n 7\n 8\n 9\n');
  });

  it('splits changes far apart into two hunks and joins near ones', () => {
    const lines = Array.from({ length: 20 }, (_, index) => String(index + 1));
    const far = [...lines];
    far[1] = 'two';
    far[18] = 'nineteen';
    const diff = unifiedDiff(lines.join('\n'), far.join('\n'), 'f');
    assert.equal(diff.match(/^@@/gm)?.length, 2);
    assert.match(diff, /@@ -1,5 \+1,5 @@/);
    assert.match(diff, /@@ -16,5 \+16,5 @@/);
    const near = [...lines];
    near[4] = 'five';
    near[9] = 'ten';
    assert.equal(unifiedDiff(lines.join('\n'), near.join('\n'), 'f').match(/^@@/gm)?.length, 1);
  });
});

describe('settings preview', () => {
  it('hides secret values in both sides of the diff', async () => {
    const { filePlanDiff } = await import('../../src/core/setup/settingsPreview');
    const before = '{\n  "env": {\n    "AWS_BEARER_TOKEN_BEDROCK": "abc\\"def",\n    "AWS_REGION": "us-east-1"\n  }\n}\n';
    const after = before.replace('us-east-1', 'ap-northeast-1');
    const diff = filePlanDiff({ source: 'project', path: '/w/.claude/settings.json', before, after, changes: [] }, '.claude/settings.json');
    assert.match(diff, /"AWS_BEARER_TOKEN_BEDROCK": "\(hidden\)"/);
    assert.doesNotMatch(diff, /abc/);
    assert.match(diff, /\+ {4}"AWS_REGION": "ap-northeast-1"/);
  });
});
