import assert from 'node:assert/strict';
import { planVscodeSetting } from '../../src/core/setup/vscodeSettings';

describe('VS Code settings edit', () => {
  it('creates the file with the key', () => {
    const edit = planVscodeSetting(undefined, 'claudeCode.disableLoginPrompt', true);
    assert.ok(edit.ok && edit.changed);
    assert.deepEqual(JSON.parse(edit.after), { 'claudeCode.disableLoginPrompt': true });
  });

  it('adds the key and keeps comments and other settings', () => {
    const before = '{\n    // editor\n    "editor.tabSize": 4, /* keep */\n}\n';
    const edit = planVscodeSetting(before, 'claudeCode.disableLoginPrompt', true);
    assert.ok(edit.ok && edit.changed);
    assert.match(edit.after, /\/\/ editor/);
    assert.match(edit.after, /\/\* keep \*\//);
    assert.match(edit.after, /"editor.tabSize": 4/);
    assert.match(edit.after, /\n {4}"claudeCode.disableLoginPrompt": true/);
  });

  it('does nothing when the key is already set', () => {
    const before = '{ "claudeCode.disableLoginPrompt": true }';
    assert.deepEqual(planVscodeSetting(before, 'claudeCode.disableLoginPrompt', true), { ok: true, changed: false, after: before });
  });

  it('refuses a file that does not parse, with line and column', () => {
    const edit = planVscodeSetting('{\n  "a": 1\n  "b": 2\n}', 'claudeCode.disableLoginPrompt', true);
    assert.equal(edit.ok, false);
    assert.deepEqual(!edit.ok && [edit.line, edit.column], [3, 3]);
  });
});
