// The dated support table of Claude Code versions, what an installed version would ignore of a
// setup and what it does instead, the verdict on the installs found, and its words in both languages.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ClaudeCodeInstalls, CliInstall, ExtensionInstall, VersionRead } from '../../src/core/claudeCode/installTypes';
import { attentionFindings, claudeCodeFindings, worstState, type ClaudeCodeFinding } from '../../src/core/claudeCode/installVerdict';
import { ignoredSettings, type VersionInUse, type WrittenSetting } from '../../src/core/claudeCode/supportCheck';
import {
  LAST_UNSUPPORTED_VERSION,
  MINIMUM_SUPPORTED_VERSION,
  NEWEST_TESTED_VERSION,
  regionDefaultPrefix,
  SETTING_SUPPORT,
  supportOf,
} from '../../src/core/claudeCode/supportTable';
import { findingText, printableOutput } from '../../src/core/claudeCode/supportText';
import { atLeast, compareVersions, versionFromOutput } from '../../src/core/claudeCode/versionNumbers';
import { planSetup } from '../../src/core/setup/settingsPlan';

const ROOT = join(__dirname, '..', '..');
const JP_SONNET = 'jp.anthropic.claude-sonnet-4-5-20250929-v1:0';
const JP_HAIKU = 'jp.anthropic.claude-haiku-4-5-20251001-v1:0';
const JP_OPUS = 'jp.anthropic.claude-opus-4-6-v1';

/** What the wizard writes for a Japan-domestic setup in Tokyo, every alias pinned. */
const TOKYO_JP: WrittenSetting[] = [
  { key: 'env.CLAUDE_CODE_USE_BEDROCK', value: '1' },
  { key: 'env.AWS_REGION', value: 'ap-northeast-1' },
  { key: 'env.ANTHROPIC_MODEL', value: JP_SONNET },
  { key: 'env.ANTHROPIC_BEDROCK_REGION_PREFIX', value: 'jp' },
  { key: 'env.ANTHROPIC_DEFAULT_HAIKU_MODEL', value: JP_HAIKU },
  { key: 'env.ANTHROPIC_DEFAULT_SONNET_MODEL', value: JP_SONNET },
  { key: 'env.ANTHROPIC_DEFAULT_OPUS_MODEL', value: JP_OPUS },
  { key: 'env.AWS_PROFILE', value: 'sso-dev' },
  { key: 'awsAuthRefresh', value: 'aws sso login --profile sso-dev' },
];
const cli = (version: string): VersionInUse => ({ what: 'cli', version, path: '/home/me/.local/bin/claude', kind: 'native' });

const read = (version: string): VersionRead => ({ state: 'read', version, how: 'version-command' });
const install = (version: VersionRead, extra: Partial<CliInstall> = {}): CliInstall => ({ path: '/home/me/.local/bin/claude', realPath: '/home/me/.local/share/claude/versions/x', kind: 'native', onPath: true, fromWorkspace: false, version, ...extra });
const extension = (version: string): ExtensionInstall => ({ where: 'vscode', version: { state: 'read', version, how: 'extensions-api' } });
const installs = (cliInstalls: CliInstall[], extensions?: ExtensionInstall[]): ClaudeCodeInstalls => ({
  cli: cliInstalls,
  ...(extensions === undefined ? {} : { extensions }),
  searched: ['~/.local/bin/claude', '~/.claude/local/claude'],
  platform: 'linux',
});

describe('Claude Code versions', () => {
  describe('version numbers', () => {
    it('reads what claude --version prints, and nothing else', () => {
      assert.equal(versionFromOutput('2.1.332 (Claude Code)\n'), '2.1.332');
      assert.equal(versionFromOutput('1.0.88\n'), '1.0.88');
      assert.equal(versionFromOutput('2.1.224 (Claude Code)\nUpdate available\n'), '2.1.224');
      for (const garbage of ['', 'command not found', 'Error: Cannot find module', '2.1', 'claude 2.1.332', '2.1.332-beta (Claude Code)', '\u001b[31m2.1.332']) {
        assert.equal(versionFromOutput(garbage), undefined, JSON.stringify(garbage));
      }
    });

    it('compares numerically, not as text', () => {
      assert.ok(compareVersions('2.1.100', '2.1.99') > 0);
      assert.ok(compareVersions('2.0.77', '2.1.0') < 0);
      assert.equal(compareVersions('2.1.224', '2.1.224'), 0);
      assert.ok(atLeast('2.1.224', MINIMUM_SUPPORTED_VERSION));
      assert.ok(!atLeast(LAST_UNSUPPORTED_VERSION, MINIMUM_SUPPORTED_VERSION));
      assert.throws(() => compareVersions('2.1', '2.1.0'), /not a version/);
    });
  });

  describe('the support table', () => {
    it('sets the minimum supported version at the newest first version of any setting it writes', () => {
      const firsts = SETTING_SUPPORT.filter((row) => row.sinceKind === 'first' && row.since !== undefined && row.since !== 'always').map((row) => row.since as string);
      const newest = firsts.sort(compareVersions).pop();
      assert.equal(newest, MINIMUM_SUPPORTED_VERSION);
      assert.equal(supportOf('env.ANTHROPIC_BEDROCK_REGION_PREFIX')?.since, MINIMUM_SUPPORTED_VERSION);
      assert.ok(compareVersions(LAST_UNSUPPORTED_VERSION, MINIMUM_SUPPORTED_VERSION) < 0 && compareVersions(NEWEST_TESTED_VERSION, MINIMUM_SUPPORTED_VERSION) > 0);
    });

    it('has a row, with a source, for every key the planner writes', () => {
      const empty = { source: 'user' as const, path: '/home/me/.claude/settings.json' };
      const plan = planSetup(
        { profile: 'sso-dev', ssoProfile: true, region: 'ap-northeast-1', primaryModel: `${JP_SONNET}[1m]`, backgroundModel: JP_HAIKU, sonnetModel: JP_SONNET, opusModel: JP_OPUS, maxOutputTokens: 16384, scope: 'project' },
        { project: { source: 'project', path: '/p/.claude/settings.json' }, local: { source: 'local', path: '/p/.claude/settings.local.json' }, user: empty, managed: [] },
        { localIgnored: true },
      );
      assert.ok(plan.ok);
      const written = plan.files.flatMap((file) => file.changes.filter((change) => change.after !== undefined).map((change) => change.key));
      assert.ok(written.length >= 10, written.join(', '));
      for (const key of written) {
        const row = supportOf(key);
        assert.ok(row, `no support row for ${key}`);
        assert.ok(row.source.length > 10, `no source for ${key}`);
      }
      assert.ok(supportOf('model[1m]'), 'the [1m] suffix has a row');
      assert.ok(supportOf('claudeCode.disableLoginPrompt'), 'the VS Code setting has a row');
    });

    it('derives the region default prefix as Claude Code does: apac. in Tokyo, us-gov only from 2.1.174', () => {
      assert.equal(regionDefaultPrefix('ap-northeast-1'), 'apac');
      assert.equal(regionDefaultPrefix('ap-northeast-3'), 'apac');
      assert.equal(regionDefaultPrefix('us-east-1'), 'us');
      assert.equal(regionDefaultPrefix('eu-central-1'), 'eu');
      assert.equal(regionDefaultPrefix('ca-central-1'), 'global');
      assert.equal(regionDefaultPrefix('us-gov-west-1', '2.1.173'), 'global');
      assert.equal(regionDefaultPrefix('us-gov-west-1', '2.1.174'), 'us-gov');
    });

    it('is stated alike by the README, docs/claude-code-versions.md and the tools script', () => {
      const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
      assert.ok(readme.includes(`Claude Code ${MINIMUM_SUPPORTED_VERSION}`), 'the README states the minimum version');
      const doc = readFileSync(join(ROOT, 'docs', 'claude-code-versions.md'), 'utf8');
      for (const version of [MINIMUM_SUPPORTED_VERSION, NEWEST_TESTED_VERSION, LAST_UNSUPPORTED_VERSION]) assert.ok(doc.includes(version), `the doc names ${version}`);
      for (const row of SETTING_SUPPORT) {
        const name = row.key === 'model[1m]' ? '`[1m]` suffix' : row.key.replace(/^env\./, '');
        assert.ok(doc.includes(name), `the doc lists ${name}`);
        if (row.since !== undefined && row.since !== 'always') assert.ok(doc.includes(row.since), `the doc dates ${name} (${row.since})`);
      }
      const tools = readFileSync(join(ROOT, 'scripts', 'claude-code-tools.sh'), 'utf8');
      assert.ok(tools.includes(`CLAUDE_CODE_VERSION="${NEWEST_TESTED_VERSION}"`), 'the tools script pins the newest tested version');
      assert.ok(tools.includes(`"${MINIMUM_SUPPORTED_VERSION}"`) && tools.includes(`"${LAST_UNSUPPORTED_VERSION}"`), 'the tools script installs the oldest supported and the last unsupported version');
    });
  });

  describe('what an installed version ignores', () => {
    it('2.1.223 in Tokyo ignores the jp prefix and derives apac.; 2.1.224 and newer ignore nothing', () => {
      const ignored = ignoredSettings(TOKYO_JP, [cli(LAST_UNSUPPORTED_VERSION)], { region: 'ap-northeast-1' });
      assert.deepEqual(ignored.map((entry) => entry.key), ['env.ANTHROPIC_BEDROCK_REGION_PREFIX']);
      assert.equal(ignored[0]!.derivedPrefix, 'apac');
      assert.equal(ignored[0]!.wantedPrefix, 'jp');
      assert.deepEqual(ignored[0]!.unpinnedAliases, []);
      assert.equal(ignored[0]!.row.severity, 'warning');
      for (const version of [MINIMUM_SUPPORTED_VERSION, NEWEST_TESTED_VERSION, '2.2.0']) assert.deepEqual(ignoredSettings(TOKYO_JP, [cli(version)], { region: 'ap-northeast-1' }), [], version);
    });

    it('names the aliases left unpinned, which then take the derived prefix', () => {
      const withoutOpus = TOKYO_JP.filter((setting) => !/SONNET|OPUS/.test(setting.key));
      const [ignored] = ignoredSettings(withoutOpus, [cli('2.1.200')], { region: 'ap-northeast-1' });
      assert.deepEqual(ignored?.unpinnedAliases, ['sonnet', 'opus']);
    });

    it('says nothing about a prefix that the version would derive anyway (us in us-east-1)', () => {
      const virginia = [{ key: 'env.AWS_REGION', value: 'us-east-1' }, { key: 'env.ANTHROPIC_BEDROCK_REGION_PREFIX', value: 'us' }];
      assert.deepEqual(ignoredSettings(virginia, [cli('2.1.100')], { region: 'us-east-1' }), []);
      const global = [{ key: 'env.ANTHROPIC_BEDROCK_REGION_PREFIX', value: 'global' }];
      assert.equal(ignoredSettings(global, [cli('2.1.100')], { region: 'us-east-1' })[0]?.derivedPrefix, 'us');
    });

    it('an old version ignores the pins, the Haiku model (an error), the output limit in compaction and awsAuthRefresh', () => {
      const setup = [...TOKYO_JP, { key: 'env.CLAUDE_CODE_MAX_OUTPUT_TOKENS', value: '16384' }];
      const ignored = ignoredSettings(setup, [cli('1.0.50')], { region: 'ap-northeast-1' });
      assert.deepEqual(
        ignored.map((entry) => [entry.settingKey, entry.row.effect, entry.row.severity]),
        [
          ['env.ANTHROPIC_DEFAULT_SONNET_MODEL', 'alias-default', 'warning'],
          ['env.ANTHROPIC_DEFAULT_OPUS_MODEL', 'alias-default', 'warning'],
          ['env.ANTHROPIC_DEFAULT_HAIKU_MODEL', 'background-default', 'error'],
          ['env.ANTHROPIC_BEDROCK_REGION_PREFIX', 'region-default-prefix', 'warning'],
          ['env.CLAUDE_CODE_MAX_OUTPUT_TOKENS', 'compaction-default-limit', 'warning'],
          ['awsAuthRefresh', 'no-auth-refresh', 'warning'],
        ],
      );
      assert.equal(ignored.find((entry) => entry.settingKey === 'env.ANTHROPIC_DEFAULT_OPUS_MODEL')?.alias, 'opus');
    });

    it('judges the [1m] suffix of each pin, from the oldest version seen honouring it', () => {
      const setup = [{ key: 'env.ANTHROPIC_MODEL', value: `${JP_SONNET}[1m]` }, { key: 'env.ANTHROPIC_DEFAULT_OPUS_MODEL', value: JP_OPUS }];
      const ignored = ignoredSettings(setup, [cli('2.0.15')], { region: 'ap-northeast-1' });
      assert.deepEqual(ignored.map((entry) => [entry.key, entry.settingKey]), [['model[1m]', 'env.ANTHROPIC_MODEL']]);
      assert.equal(ignored[0]!.row.sinceKind, 'oldest-verified');
      assert.deepEqual(ignoredSettings(setup, [cli('2.0.19')], { region: 'ap-northeast-1' }), []);
    });

    it('names every install that ignores a setting, oldest first, the VS Code extension included', () => {
      const ignored = ignoredSettings(TOKYO_JP, [cli('2.1.223'), { what: 'extension', version: '2.1.180' }, { what: 'extension', version: NEWEST_TESTED_VERSION }], { region: 'ap-northeast-1' });
      assert.deepEqual(ignored[0]!.by.map((version) => `${version.what} ${version.version}`), ['extension 2.1.180', 'cli 2.1.223']);
    });
  });

  describe('the verdict on the installs', () => {
    const judge = { settings: TOKYO_JP, region: 'ap-northeast-1' };
    const codes = (findings: readonly ClaudeCodeFinding[]) => findings.map((finding) => `${finding.code}:${finding.state}`);

    it('absent is a warning when a setup needs reading, and only worth knowing when none does', () => {
      assert.deepEqual(codes(claudeCodeFindings(installs([], []), judge)), ['absent:warning']);
      assert.deepEqual(codes(claudeCodeFindings(installs([], []))), ['absent:info']);
    });

    it('a current CLI is ok, a newer one than tested says so, an old one is a warning with the settings it ignores', () => {
      assert.deepEqual(codes(claudeCodeFindings(installs([install(read(NEWEST_TESTED_VERSION))]), judge)), ['cli-ok:ok']);
      const [newer] = claudeCodeFindings(installs([install(read('2.1.400'))]), judge);
      assert.ok(newer?.code === 'cli-ok' && newer.newerThanTested);
      const old = claudeCodeFindings(installs([install(read(LAST_UNSUPPORTED_VERSION))]), judge);
      assert.deepEqual(codes(old), ['cli-old:warning', 'setting-ignored:warning']);
      assert.equal(worstState(old), 'warning');
      assert.deepEqual(codes(claudeCodeFindings(installs([install(read('1.0.80'))]), judge)).slice(-1), ['setting-ignored:warning']);
      assert.equal(worstState(claudeCodeFindings(installs([install(read('1.0.80'))]), judge)), 'error', 'the Haiku pin ignored is an error');
    });

    it('a version that could not be read is not verified, and a program not run (Restricted Mode) too', () => {
      const timedOut = install({ state: 'failed', failure: { reason: 'timeout', timeoutMs: 10_000 } });
      assert.deepEqual(codes(claudeCodeFindings(installs([timedOut]), judge)), ['cli-unread:not-verified']);
      const notRun = install({ state: 'not-run', reason: 'restricted-mode' }, { fromWorkspace: true });
      assert.deepEqual(codes(claudeCodeFindings(installs([notRun]), judge)), ['cli-not-run:not-verified']);
      assert.deepEqual(codes(claudeCodeFindings(installs([notRun]))), ['cli-not-run:info']);
    });

    it('the extension alone: no CLI is only worth knowing; the extension\'s own version is judged', () => {
      assert.deepEqual(codes(claudeCodeFindings(installs([], [extension(NEWEST_TESTED_VERSION)]), judge)), ['cli-absent:info', 'extension-ok:ok']);
      assert.deepEqual(codes(claudeCodeFindings(installs([], [extension('2.1.100')]), judge)), ['cli-absent:info', 'extension-old:warning', 'setting-ignored:warning']);
      assert.deepEqual(codes(claudeCodeFindings(installs([install(read(NEWEST_TESTED_VERSION))], []), judge)), ['cli-ok:ok', 'extension-absent:info']);
      assert.deepEqual(codes(attentionFindings(claudeCodeFindings(installs([install(read(NEWEST_TESTED_VERSION))], []), judge))), []);
    });
  });

  describe('words', () => {
    const every: ClaudeCodeFinding[] = [
      ...claudeCodeFindings(installs([install(read('2.1.400'), { kind: 'npm-global' }), install(read('2.1.100'), { onPath: false, path: '/usr/local/bin/claude' })], [extension('2.1.300')]), { settings: TOKYO_JP, region: 'ap-northeast-1' }),
      ...claudeCodeFindings(installs([install(read('1.0.40'), { kind: 'homebrew' })], [extension('2.1.100'), { where: '/x', version: { state: 'failed', failure: { reason: 'garbage', output: 'x' } } }]), {
        settings: [...TOKYO_JP.filter((setting) => !/SONNET|ANTHROPIC_MODEL/.test(setting.key)), { key: 'env.ANTHROPIC_MODEL', value: `${JP_SONNET}[1m]` }, { key: 'env.CLAUDE_CODE_MAX_OUTPUT_TOKENS', value: '8192' }],
        region: 'ap-northeast-1',
      }),
      ...claudeCodeFindings(installs([install({ state: 'failed', failure: { reason: 'timeout', timeoutMs: 10_000 } })], [])),
      ...claudeCodeFindings(installs([install({ state: 'failed', failure: { reason: 'garbage', output: 'Error:\u001b[31m boom' } })])),
      ...claudeCodeFindings(installs([install({ state: 'failed', failure: { reason: 'exit-code', exitCode: 3, output: 'bad' } })])),
      ...claudeCodeFindings(installs([install({ state: 'failed', failure: { reason: 'spawn-error', code: 'EACCES' } })])),
      ...claudeCodeFindings(installs([install({ state: 'not-run', reason: 'restricted-mode' })])),
      ...claudeCodeFindings(installs([], [extension(NEWEST_TESTED_VERSION)])),
      ...claudeCodeFindings(installs([], [])),
    ];

    it('covers every finding code', () => {
      const all = new Set(every.map((finding) => finding.code));
      for (const code of ['cli-ok', 'cli-old', 'cli-unread', 'cli-not-run', 'cli-absent', 'extension-ok', 'extension-old', 'extension-unread', 'extension-absent', 'absent', 'setting-ignored']) assert.ok(all.has(code as ClaudeCodeFinding['code']), code);
      const effects = new Set(every.flatMap((finding) => (finding.code === 'setting-ignored' ? [finding.ignored.row.effect] : [])));
      assert.equal(effects.size, 6, [...effects].join(', '));
    });

    for (const locale of ['en', 'ja'] as const) {
      it(`says each one in ${locale === 'en' ? 'English' : 'Japanese'}, with no placeholder left and a fix for every problem`, () => {
        for (const finding of every) {
          const text = findingText(finding, locale);
          for (const part of [text.title, text.detail ?? '', text.fix ?? '']) assert.doesNotMatch(part, /\{\w+\}/, `${finding.code}: ${part}`);
          if (finding.state === 'warning' || finding.state === 'error' || finding.state === 'not-verified') assert.ok(text.fix, `${finding.code} has a fix`);
          if (locale === 'ja') assert.match(`${text.title}${text.detail ?? ''}${text.fix ?? ''}`, /[\u3040-\u30ff\u4e00-\u9fff]/, `${finding.code} in Japanese`);
        }
      });
    }

    it('names what the old version does instead, and the update command of its install', () => {
      const [, ignored] = claudeCodeFindings(installs([install(read(LAST_UNSUPPORTED_VERSION), { kind: 'npm-global' })]), { settings: TOKYO_JP.filter((setting) => !/OPUS/.test(setting.key)), region: 'ap-northeast-1' });
      const text = findingText(ignored!, 'en');
      assert.equal(text.title, 'Claude Code 2.1.223 ignores ANTHROPIC_BEDROCK_REGION_PREFIX=jp (honoured from 2.1.224)');
      assert.match(text.detail ?? '', /apac\. in ap-northeast-1, not jp\..*the opus alias \(not pinned\)/);
      assert.equal(text.command, 'npm install -g @anthropic-ai/claude-code@latest');
      assert.match(findingText(ignored!, 'ja').detail ?? '', /ap-northeast-1 では jp\. ではなく apac\. です/);
    });

    it('shows what a broken program printed without its control characters, cut short', () => {
      assert.equal(printableOutput('a\u001b[31mb\nc\u0007'), 'a [31mb c');
      assert.equal(printableOutput('x'.repeat(200)).length, 80);
    });
  });
});
