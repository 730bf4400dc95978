// The streaming reader of Claude Code's session files (files/claudeCode/sessionFiles.ts) on real
// files: the fixtures laid out as Claude Code lays them out, the last N days newest first within a
// byte budget, broken lines, a huge file, a line longer than the bound, a file appended to while it
// is read, unreadable entries, a folder where a file should be, cancellation, and no content kept.
import assert from 'node:assert/strict';
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { claudeConfigDir, readMarkedLines, scanSessions } from '../../src/files/claudeCode/sessionFiles';
import { projectDirectoryName } from '../../src/core/claudeCode/sessionRecords';
import { CONTENT_SENTINEL, contentLines, fixtureLines, fixturesNewest, layOutSessions, SESSION_FIXTURES } from '../support/claudeSessions';

const DAY = 24 * 60 * 60 * 1000;

describe('Claude Code session files (streaming reader)', () => {
  let root: string;
  let configDir: string;
  let folder: string;
  const now = fixturesNewest() + 60 * 60 * 1000;
  const env = () => ({ CLAUDE_CONFIG_DIR: configDir, HOME: join(root, 'home') });

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'cbs-sessions-'));
    configDir = join(root, 'claude-config');
    folder = join(root, 'work', 'my app');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('finds Claude Code\'s folder: CLAUDE_CONFIG_DIR, else ~/.claude', () => {
    assert.equal(claudeConfigDir({ CLAUDE_CONFIG_DIR: '/opt/claude', HOME: '/home/a' }, 'linux'), '/opt/claude');
    assert.equal(claudeConfigDir({ HOME: '/home/a' }, 'linux'), '/home/a/.claude');
    assert.equal(claudeConfigDir({ USERPROFILE: 'C:\\Users\\a' }, 'win32'), 'C:\\Users\\a\\.claude');
  });

  it('reads every fixture of the folder (and its sub-folders) and nothing of other folders', async () => {
    layOutSessions(configDir, folder, SESSION_FIXTURES.map((fixture) => ({ fixture, mtime: now - DAY })));
    layOutSessions(configDir, join(folder, 'packages', 'web'), [{ fixture: 'throttled', mtime: now - DAY }]);
    layOutSessions(configDir, join(root, 'work', 'other'), [{ fixture: 'not-authorized', mtime: now - DAY }]);
    const scan = await scanSessions({ folders: [folder], env: env(), now });
    assert.equal(scan.state, 'read');
    assert.equal(scan.files, SESSION_FIXTURES.length + 1);
    const expected = SESSION_FIXTURES.reduce((sum, fixture) => sum + fixtureLines(fixture).filter((line) => !line.includes('"type":"api-request"')).length, 0) + 3;
    assert.equal(scan.records.length, expected);
    assert.ok(scan.records.every((record) => record.folder === 0));
    assert.equal(scan.directory, join(configDir, 'projects'));
    assert.deepEqual(scan.problems, []);
  });

  it('uses ~/.claude when CLAUDE_CONFIG_DIR is not set', async () => {
    layOutSessions(join(root, 'home', '.claude'), folder, [{ fixture: 'throttled', mtime: now }]);
    const scan = await scanSessions({ folders: [folder], env: { HOME: join(root, 'home') }, now });
    assert.equal(scan.records.length, 3);
  });

  it('tags each record with its workspace folder', async () => {
    const second = join(root, 'work', 'api');
    layOutSessions(configDir, folder, [{ fixture: 'throttled', mtime: now }]);
    layOutSessions(configDir, second, [{ fixture: 'not-authorized', mtime: now }]);
    const scan = await scanSessions({ folders: [folder, second], env: env(), now });
    assert.deepEqual([...new Set(scan.records.map((record) => `${record.folder}:${record.status}`))].sort(), ['0:429', '1:403']);
  });

  it('reads only the last N days: older files are not opened, older records in a recent file are left out', async () => {
    layOutSessions(configDir, folder, [
      { fixture: 'throttled', mtime: now - 8 * DAY },
      { fixture: 'not-authorized', mtime: now - DAY },
    ]);
    const oldRecord = fixtureLines('expired-credentials')[1]!.replace(/"timestamp":"[^"]+"/, `"timestamp":"${new Date(now - 9 * DAY).toISOString()}"`);
    layOutSessions(configDir, folder, [{ lines: [oldRecord, ...fixtureLines('max-tokens')], mtime: now, name: 'mixed.jsonl' }]);
    const scan = await scanSessions({ folders: [folder], env: env(), now, days: 7 });
    assert.equal(scan.files, 2);
    assert.deepEqual(scan.records.map((record) => record.status).sort(), [400, 403]);
    const wider = await scanSessions({ folders: [folder], env: env(), now, days: 30 });
    assert.equal(wider.files, 3);
    assert.equal(wider.records.length, 1 + 3 + 1 + 1);
  });

  it('reads the newest files first within the byte budget and counts the rest as unread', async () => {
    const laid = layOutSessions(configDir, folder, [
      { fixture: 'throttled', withContent: true, mtime: now - 3 * DAY },
      { fixture: 'not-authorized', withContent: true, mtime: now - 2 * DAY },
      { fixture: 'max-tokens', withContent: true, mtime: now - DAY },
    ]);
    const { statSync } = await import('node:fs');
    const sizes = laid.files.map((file) => statSync(file).size);
    const scan = await scanSessions({ folders: [folder], env: env(), now, maxBytes: sizes[2]! + sizes[1]! });
    assert.equal(scan.files, 2);
    assert.deepEqual(scan.unread, { files: 1, bytes: sizes[0] });
    assert.deepEqual(scan.records.map((record) => record.status).sort(), [400, 403]);
  });

  it('counts a broken marked line and reads on; unmarked garbage is never parsed', async () => {
    const lines = fixtureLines('throttled');
    layOutSessions(configDir, folder, [{ lines: ['{"type":"system","subtype":"api_error","error":{', 'not json at all', '\u0000\u0001binary', ...lines, '{"isApiErrorMessage":true,'], mtime: now }]);
    const scan = await scanSessions({ folders: [folder], env: env(), now });
    assert.equal(scan.brokenLines, 2);
    assert.equal(scan.records.length, 3);
  });

  it('streams a huge file and finds the errors at its end', async function () {
    this.timeout(60_000);
    const file = join(configDir, 'projects', projectDirectoryName(folder), 'huge.jsonl');
    mkdirSync(join(file, '..'), { recursive: true });
    const content = contentLines('2026-12-06T20:00:00.000Z').join('\n') + '\n';
    const block = content.repeat(Math.ceil((1024 * 1024) / content.length));
    const fd = openSync(file, 'w');
    for (let megabytes = 0; megabytes < 64; megabytes++) writeSync(fd, block);
    writeSync(fd, fixtureLines('throttled').join('\n') + '\n');
    closeSync(fd);
    utimesSync(file, now / 1000, now / 1000);
    const scan = await scanSessions({ folders: [folder], env: env(), now });
    assert.ok(scan.bytes > 64 * 1024 * 1024, `${scan.bytes}`);
    assert.equal(scan.records.length, 3);
    assert.equal(scan.brokenLines, 0);
  });

  it('skips a line longer than the bound without holding it, even one that carries a marker, and reads the next', async () => {
    const long = `{"type":"system","subtype":"api_error","timestamp":"${new Date(now).toISOString()}","error":{"status":429,"message":"${'x'.repeat(300_000)}"}}`;
    layOutSessions(configDir, folder, [{ lines: [long, 'y'.repeat(5_000_000), ...fixtureLines('not-authorized')], mtime: now }]);
    const scan = await scanSessions({ folders: [folder], env: env(), now, maxLineBytes: 64 * 1024 });
    assert.equal(scan.longLines, 2);
    assert.deepEqual(scan.records.map((record) => record.status), [403]);
    const generous = await scanSessions({ folders: [folder], env: env(), now, maxLineBytes: 1024 * 1024 });
    assert.equal(generous.longLines, 1);
    assert.deepEqual(generous.records.map((record) => record.status).sort(), [403, 429]);
  });

  it('reads a file being appended to up to the size it had, whatever is written meanwhile', async () => {
    const file = join(root, 'growing.jsonl');
    writeFileSync(file, fixtureLines('throttled').join('\n') + '\n');
    const { statSync } = await import('node:fs');
    const size = statSync(file).size;
    let appended = false;
    const seen: string[] = [];
    const result = await readMarkedLines(file, size, 64 * 1024, (line) => {
      seen.push(line.toString('utf8'));
      if (!appended) {
        // Claude Code writes on while the scan reads: a whole record and half of the next.
        appendFileSync(file, fixtureLines('not-authorized').join('\n') + '\n{"type":"system","subtype":"api_er');
        appended = true;
      }
      return true;
    });
    assert.equal(result.bytes, size);
    assert.equal(seen.length, fixtureLines('throttled').length);
    assert.ok(statSync(file).size > size);
  });

  it('counts an unterminated last line that does not parse (being written) as broken', async () => {
    layOutSessions(configDir, folder, [{ lines: fixtureLines('throttled'), mtime: now }]);
    const [file] = layOutSessions(configDir, folder, [{ lines: fixtureLines('throttled'), mtime: now, name: 'live.jsonl' }]).files;
    appendFileSync(file!, '{"type":"system","subtype":"api_error","timestamp":"2026-12-06T20:5');
    utimesSync(file!, now / 1000, now / 1000);
    const scan = await scanSessions({ folders: [folder], env: env(), now });
    assert.equal(scan.brokenLines, 1);
    assert.equal(scan.records.length, 6);
  });

  it('reports an unreadable entry and a folder where a session file should be, and reads the rest', async () => {
    const { projectDir } = layOutSessions(configDir, folder, [{ fixture: 'throttled', mtime: now }]);
    mkdirSync(join(projectDir, 'not-a-file.jsonl'));
    symlinkSync(join(projectDir, 'loop.jsonl'), join(projectDir, 'loop.jsonl'));
    const scan = await scanSessions({ folders: [folder], env: env(), now });
    assert.equal(scan.state, 'read');
    assert.equal(scan.records.length, 3);
    assert.deepEqual(
      scan.problems.map((problem) => [problem.path, problem.reason]).sort(),
      [
        [join(projectDir, 'loop.jsonl'), 'ELOOP'],
        [join(projectDir, 'not-a-file.jsonl'), 'not-a-file'],
      ],
    );
  });

  it('says when there is no projects folder, and when a file stands where it should be', async () => {
    const missing = await scanSessions({ folders: [folder], env: env(), now });
    assert.equal(missing.state, 'missing');
    mkdirSync(configDir, { recursive: true });
    writeFileSync(join(configDir, 'projects'), 'not a folder');
    const blocked = await scanSessions({ folders: [folder], env: env(), now });
    assert.equal(blocked.state, 'unreadable');
    assert.deepEqual(blocked.problems, [{ path: join(configDir, 'projects'), reason: 'not-a-folder' }]);
  });

  it('stops when cancelled and returns nothing half read', async () => {
    layOutSessions(configDir, folder, SESSION_FIXTURES.map((fixture) => ({ fixture, mtime: now })));
    const controller = new AbortController();
    controller.abort();
    const scan = await scanSessions({ folders: [folder], env: env(), now, signal: controller.signal });
    assert.equal(scan.state, 'cancelled');
    assert.deepEqual(scan.records, []);
  });

  it('lets the event loop turn between chunks while it reads (never one long blocking read)', async function () {
    this.timeout(60_000);
    const file = join(configDir, 'projects', projectDirectoryName(folder), 'big.jsonl');
    mkdirSync(join(file, '..'), { recursive: true });
    const block = `${contentLines('2026-12-06T20:00:00.000Z').join('\n')}\n`.repeat(2000);
    const fd = openSync(file, 'w');
    let written = 0;
    while (written < 16 * 1024 * 1024) written += writeSync(fd, block);
    closeSync(fd);
    utimesSync(file, now / 1000, now / 1000);
    // One tick per turn of the event loop while the scan runs: a read that blocked would leave a handful.
    let turns = 0;
    let done = false;
    const turn = (): void => {
      turns++;
      if (!done) setImmediate(turn);
    };
    setImmediate(turn);
    const scan = await scanSessions({ folders: [folder], env: env(), now });
    done = true;
    assert.ok(scan.bytes >= 16 * 1024 * 1024);
    assert.ok(turns >= 16, `${turns} turns of the event loop while ${scan.bytes} bytes were read`);
  });

  it('keeps no content: prompts, answers and tool output around the errors never reach a record', async () => {
    layOutSessions(configDir, folder, SESSION_FIXTURES.map((fixture) => ({ fixture, withContent: true, mtime: now })));
    const scan = await scanSessions({ folders: [folder], env: env(), now });
    assert.ok(scan.records.length > 10);
    assert.ok(!JSON.stringify(scan).includes(CONTENT_SENTINEL));
  });
});
