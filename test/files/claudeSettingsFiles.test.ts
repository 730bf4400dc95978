import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync, chmodSync, lstatSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planSetup } from '../../src/core/setup/settingsPlan';
import { ChangedSinceReadError, SymlinkLoopError, writeFileAtomic } from '../../src/files/atomicWrite';
import { applyPlan, claudeSettingsPaths, readSettingsFile, readSettingsFiles } from '../../src/files/claudeSettingsFiles';
import { localSettingsIgnored } from '../../src/files/gitignore';

describe('settings files on disk', () => {
  let root: string;
  beforeEach(() => (root = mkdtempSync(join(tmpdir(), 'cbs-files-'))));
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('knows where each OS keeps managed settings, and honours CLAUDE_CONFIG_DIR', () => {
    assert.equal(claudeSettingsPaths(undefined, { HOME: '/h' }, 'linux').managedFile, '/etc/claude-code/managed-settings.json');
    assert.equal(claudeSettingsPaths(undefined, { HOME: '/h' }, 'darwin').managedDropIns, '/Library/Application Support/ClaudeCode/managed-settings.d');
    assert.equal(claudeSettingsPaths(undefined, { USERPROFILE: 'C:\\u' }, 'win32').managedFile, 'C:\\Program Files\\ClaudeCode\\managed-settings.json');
    assert.equal(claudeSettingsPaths(undefined, { HOME: '/h', CLAUDE_CONFIG_DIR: '/cfg' }, 'linux').user, '/cfg/settings.json');
    assert.deepEqual(claudeSettingsPaths('/w', { HOME: '/h' }, 'linux').local, '/w/.claude/settings.local.json');
  });

  it('reads managed settings and their drop-ins in name order', async () => {
    const managed = join(root, 'managed');
    mkdirSync(join(managed, 'managed-settings.d'), { recursive: true });
    writeFileSync(join(managed, 'managed-settings.json'), '{}');
    writeFileSync(join(managed, 'managed-settings.d', '20-b.json'), '{"b":1}');
    writeFileSync(join(managed, 'managed-settings.d', '10-a.json'), '{"a":1}');
    writeFileSync(join(managed, 'managed-settings.d', 'notes.txt'), 'x');
    const files = await readSettingsFiles(join(root, 'w'), { HOME: root, CLAUDE_BEDROCK_MANAGED_SETTINGS_DIR: managed });
    assert.deepEqual(files.managed.map((file) => file.text), ['{}', '{"a":1}', '{"b":1}']);
    assert.equal(files.project?.text, undefined);
  });

  it('writes atomically, keeps the file mode and leaves no temporary file', async () => {
    const file = join(root, 'd', 'settings.json');
    await writeFileAtomic(file, 'one');
    chmodSync(file, 0o600);
    await writeFileAtomic(file, 'two');
    assert.equal(readFileSync(file, 'utf8'), 'two');
    assert.equal(statSync(file).mode & 0o777, 0o600);
    assert.deepEqual(readdirSync(join(root, 'd')), ['settings.json']);
  });

  it('writes through a symbolic link to its target, atomically beside it, and keeps the link', async () => {
    const folder = join(root, 'w');
    const shared = join(root, 'shared');
    mkdirSync(join(folder, '.claude'), { recursive: true });
    mkdirSync(shared);
    writeFileSync(join(shared, 'team.json'), '{\n  "permissions": {}\n}\n');
    chmodSync(join(shared, 'team.json'), 0o640);
    // Two links in a row, both relative: .claude/settings.json -> ../link.json -> shared/team.json.
    symlinkSync(join('shared', 'team.json'), join(root, 'link.json'));
    symlinkSync(join('..', '..', 'link.json'), join(folder, '.claude', 'settings.json'));
    const env = { HOME: root, CLAUDE_BEDROCK_MANAGED_SETTINGS_DIR: join(root, 'none') };
    const files = await readSettingsFiles(folder, env);
    assert.equal(files.project?.text, '{\n  "permissions": {}\n}\n', 'read through the links');
    const plan = planSetup({ profile: 'p', ssoProfile: false, region: 'ap-northeast-1', primaryModel: 'jp.x', scope: 'project' }, files, { localIgnored: true });
    assert.ok(plan.ok);
    await applyPlan(plan);
    assert.ok(lstatSync(join(folder, '.claude', 'settings.json')).isSymbolicLink(), 'the link is still a link');
    assert.ok(lstatSync(join(root, 'link.json')).isSymbolicLink(), 'the middle link is still a link');
    assert.equal(readlinkSync(join(folder, '.claude', 'settings.json')), join('..', '..', 'link.json'));
    const written = JSON.parse(readFileSync(join(shared, 'team.json'), 'utf8')) as { env: Record<string, string>; permissions: object };
    assert.equal(written.env.ANTHROPIC_MODEL, 'jp.x', 'the shared file got the change');
    assert.deepEqual(written.permissions, {});
    assert.equal(statSync(join(shared, 'team.json')).mode & 0o777, 0o640, 'the target keeps its mode');
    assert.deepEqual(readdirSync(shared), ['team.json'], 'no temporary file left beside the target');
    assert.deepEqual(readdirSync(join(folder, '.claude')).sort(), ['settings.json', 'settings.local.json']);
  });

  it('refuses to write through a symbolic link loop and changes nothing', async () => {
    const dir = join(root, 'loop');
    mkdirSync(dir);
    symlinkSync('b.json', join(dir, 'a.json'));
    symlinkSync('a.json', join(dir, 'b.json'));
    await assert.rejects(writeFileAtomic(join(dir, 'a.json'), '{}'), (error: unknown) => error instanceof SymlinkLoopError && /loop/.test(error.message));
    assert.deepEqual(readdirSync(dir).sort(), ['a.json', 'b.json']);
    assert.ok(lstatSync(join(dir, 'a.json')).isSymbolicLink() && lstatSync(join(dir, 'b.json')).isSymbolicLink());
    const read = await readSettingsFile('project', join(dir, 'a.json'));
    assert.equal(read.unreadable, 'ELOOP');
  });

  it('refuses to apply a plan over a file edited since it was read', async () => {
    const folder = join(root, 'w');
    mkdirSync(join(folder, '.claude'), { recursive: true });
    writeFileSync(join(folder, '.claude', 'settings.json'), '{"env":{}}');
    const env = { HOME: root, CLAUDE_BEDROCK_MANAGED_SETTINGS_DIR: join(root, 'none') };
    const plan = planSetup({ profile: 'p', ssoProfile: false, region: 'ap-northeast-1', primaryModel: 'jp.x', scope: 'project' }, await readSettingsFiles(folder, env), { localIgnored: true });
    assert.ok(plan.ok);
    writeFileSync(join(folder, '.claude', 'settings.json'), '{"env":{"EDITED":"1"}}');
    await assert.rejects(applyPlan(plan), ChangedSinceReadError);
    assert.equal(readFileSync(join(folder, '.claude', 'settings.json'), 'utf8'), '{"env":{"EDITED":"1"}}');
    assert.deepEqual(readdirSync(join(folder, '.claude')), ['settings.json'], 'the personal file was not written either');
  });

  it('asks the folder\'s .gitignore when the folder is not a git repository', async () => {
    const folder = join(root, 'plain');
    mkdirSync(folder);
    assert.equal(await localSettingsIgnored(folder), false);
    writeFileSync(join(folder, '.gitignore'), 'node_modules/\n.claude/settings.local.json\n');
    assert.equal(await localSettingsIgnored(folder), true);
  });
});
