/**
 * End to end in a real VS Code (code-server + Chromium) in Japanese: code-server runs with
 * `--locale ja` and the minimal Japanese language pack of scripts/language-pack-ja.mjs, so the
 * extension host runs with `vscode.env.language` 'ja'. On a workspace configured by the CLI's
 * `setup` in the throttled scenario of the fake AWS, with a Claude Code too old for its settings
 * (a fake native install of 2.1.223), it shows the status-bar tooltip, the Setup view (its Claude
 * Code section included), Quotas & Usage and the wizard's first steps, and checks that
 *   - our strings are the Japanese ones: the expected texts are read from l10n/bundle.l10n.ja.json
 *     and package.nls.ja.json, and no visible string of ours is still the English one where a
 *     translation exists;
 *   - no Japanese label of a tree row is cut off (its text ends inside its row).
 * VS Code's own strings stay English (the pack carries no translations of them).
 *
 *   scripts/e2e-tools.sh && npm run package && npx tsx test/e2e/japanese.e2e.ts [--headed] [--keep]
 *
 * Screenshots go to test-results/e2e/japanese/. Nothing leaves 127.0.0.1.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fakeAwsEnv, EXTENSION_ID, launchBrowser, mkTempDir, REPO_ROOT, startCodeServer, type BrowserSession, type CodeServer } from './codeServer';
import { installJapaneseLanguagePack } from './languagePack';
import type { PwPage } from './pw';
import { checkVsixAndCli, chooseRow, E2eRun, extensionWebview, foldView, quickInput, runFromPalette, statusBarItem, statusText, tearDown, waitFor, waitForWizardStep, widenSidebar } from './workbench';
import { startFakeAws, writeDemoHome, type FakeAws } from '../fake-aws';
import { LAST_UNSUPPORTED_VERSION } from '../../src/core/claudeCode/supportTable';
import { claudeCodeFindings } from '../../src/core/claudeCode/installVerdict';
import { findingText } from '../../src/core/claudeCode/supportText';
import { installFakeClaude } from '../support/installClaude';

const TOKYO = 'ap-northeast-1';
const JP_SONNET = 'jp.anthropic.claude-sonnet-4-5-20250929-v1:0';
const JP_HAIKU = 'jp.anthropic.claude-haiku-4-5-20251001-v1:0';
const TOTAL_STEPS = 9;
/**
 * The side bar's width for the cut-off check. At VS Code's default (about 300 px) long labels are
 * cut in any language; this is the width at which the Japanese labels of ours must fit.
 */
const SIDEBAR_WIDTH = 760;
const argv = process.argv.slice(2);
const HEADED = argv.includes('--headed');
const KEEP = argv.includes('--keep');
const run = new E2eRun('japanese');

// ------------------------------------------------------------------------------------------------
// Our strings: English → Japanese, from the translation files themselves

const bundle = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'l10n', 'bundle.l10n.ja.json'), 'utf8')) as Record<string, string>;
const nlsEn = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;
const nlsJa = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.nls.ja.json'), 'utf8')) as Record<string, string>;

/** The Japanese of an English vscode.l10n message, with {0}, {1}, … filled in. */
function ja(english: string, ...args: (string | number)[]): string {
  const text = bundle[english];
  if (text === undefined) throw new Error(`l10n/bundle.l10n.ja.json has no translation of "${english}"`);
  return text.replace(/\{(\d+)\}/g, (whole, index: string) => String(args[Number(index)] ?? whole));
}

/** The Japanese of a package.nls key. */
function nls(key: string): string {
  const text = nlsJa[key];
  if (text === undefined) throw new Error(`package.nls.ja.json has no ${key}`);
  return text;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A message template as a pattern that matches a whole visible string: {0}, {1}, … match anything. */
function templatePattern(template: string): RegExp {
  return new RegExp(`^${template.split(/\{\d+\}/).map(escapeRegExp).join('.+?')}$`, 's');
}

/** Every English text of ours that has a Japanese translation different from it. */
const ENGLISH = [
  ...Object.entries(bundle).filter(([en, jaText]) => en !== jaText).map(([en]) => en),
  ...Object.entries(nlsEn).filter(([key, en]) => nlsJa[key] !== undefined && nlsJa[key] !== en).map(([, en]) => en),
]
  // Single words that are also identifiers or product names shown untranslated (none today; kept explicit).
  .filter((en) => en.trim().length > 0)
  .map((en) => ({ en, pattern: templatePattern(en.trim()) }));

/** The visible strings (each a label, a description, a line) that are still our English text. */
function englishLeft(strings: readonly string[]): string[] {
  const left = new Set<string>();
  for (const raw of strings) {
    const text = raw.replace(/\s+/g, ' ').trim();
    if (!text || /[\u3040-\u30ff\u4e00-\u9fff]/.test(text)) continue;
    for (const { en, pattern } of ENGLISH) if (pattern.test(text)) left.add(`"${text}" (English of "${en}")`);
  }
  return [...left];
}

const hasJapanese = (text: string): boolean => /[\u3040-\u30ff\u4e00-\u9fff]/.test(text);

// ------------------------------------------------------------------------------------------------
// The workbench

interface RowLabel {
  name: string;
  description: string;
  /** The label's Japanese text runs past the visible right edge of its row (under the ellipsis). */
  cut: boolean;
}

/**
 * Runs in the page (a string: this project's TypeScript has no DOM types): every row of the side
 * bar's tree views with its label, description and whether the label's Japanese is cut off. The
 * label container clips with an ellipsis at its right edge (or the row's): a label is cut when its
 * last Japanese character ends past that edge, less the ellipsis' width. Identifiers after the
 * Japanese (an ARN, say) may be cut: the full text is in the row's tooltip.
 */
const SIDEBAR_ROWS = `(() => {
  const japanese = /[\\u3040-\\u30ff\\u4e00-\\u9fff\\uff01-\\uff5e]/;
  return [...document.querySelectorAll('.part.sidebar .monaco-list-row')].map((row) => {
    const name = row.querySelector('.label-name');
    const description = row.querySelector('.label-description');
    const container = row.querySelector('.monaco-icon-label-container');
    let cut = false;
    if (name && container) {
      const edge = Math.min(container.getBoundingClientRect().right, row.getBoundingClientRect().right);
      const clipped = container.scrollWidth > container.clientWidth + 1;
      const walker = document.createTreeWalker(name, NodeFilter.SHOW_TEXT);
      let last;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (let i = node.data.length - 1; i >= 0; i -= 1) if (japanese.test(node.data[i])) { last = { node, offset: i }; break; }
      }
      if (last) {
        const range = document.createRange();
        range.setStart(last.node, last.offset);
        range.setEnd(last.node, last.offset + 1);
        cut = range.getBoundingClientRect().right > edge - (clipped ? 14 : 0) + 0.5;
      }
    }
    return { name: name ? name.innerText.trim() : '', description: description ? description.innerText.trim() : '', cut };
  });
})()`;

async function sidebarRows(p: PwPage): Promise<RowLabel[]> {
  return await p.evaluate<RowLabel[]>(SIDEBAR_ROWS);
}


/** The headers of the side bar's views, as shown. */
async function viewHeaders(p: PwPage): Promise<string[]> {
  return (await p.locator('.part.sidebar .pane-header .title').allInnerTexts()).map((text) => text.trim());
}

async function main(): Promise<void> {
  const tmp = mkTempDir('cbs-e2e-japanese-');
  let server: CodeServer | undefined;
  let browser: BrowserSession | undefined;
  let fake: FakeAws | undefined;
  try {
    const vsix = await checkVsixAndCli(run);

    fake = await startFakeAws({ scenario: 'quota-throttled' });
    const fakeAws = fake;
    const demo = await writeDemoHome(path.join(tmp, 'home'), fakeAws.state);
    // Claude Code 2.1.223 as its native installer leaves it (test/support/installClaude.ts).
    const { claude } = installFakeClaude(demo.home, [LAST_UNSUPPORTED_VERSION]);
    const env = fakeAwsEnv(demo.home, fakeAws.env(), { CLAUDE_BEDROCK_MANAGED_SETTINGS_DIR: path.join(tmp, 'managed'), TZ: 'UTC' });
    const workspace = path.join(tmp, 'workspace');
    fs.mkdirSync(workspace);
    execFileSync('git', ['init', '-q'], { cwd: workspace, env });
    execFileSync(process.execPath, [path.join(REPO_ROOT, 'dist', 'cli.js'), 'setup', '--folder', workspace, '--profile', 'sso-dev', '--region', TOKYO, '--model', JP_SONNET, '--background-model', JP_HAIKU], { env, stdio: 'pipe' });
    const extensionsDir = path.join(tmp, 'ext');
    const userDataDir = path.join(tmp, 'ud');

    await run.check('the Japanese language pack installs and is registered for ja', async () => {
      const translations = await installJapaneseLanguagePack({ extensionsDir, userDataDir, env, logFile: path.join(run.shotsDir, '..', 'japanese-language-pack.install.log') });
      return path.relative(extensionsDir, translations);
    }, { fatal: true });

    await run.check('code-server starts with --locale ja, the VSIX and the configured workspace', async () => {
      server = await startCodeServer({
        env,
        vsix,
        folder: workspace,
        extensionsDir,
        userDataDir,
        locale: 'ja',
        disableWorkspaceTrust: true,
        logName: 'japanese-code-server',
        // Room for the side bar: no chat beside it, no welcome page.
        settings: { 'workbench.secondarySideBar.defaultVisibility': 'hidden', 'workbench.startupEditor': 'none' },
      });
      browser = await launchBrowser({ headless: !HEADED, locale: 'ja-JP' });
      run.page = browser.page;
      await browser.page.goto(server.folderUrl, { timeout: 120_000, waitUntil: 'domcontentloaded' });
      await browser.page.waitForSelector('.monaco-workbench', { timeout: 180_000 });
      await browser.page.locator('.part.activitybar').waitFor({ state: 'visible', timeout: 120_000 });
    }, { fatal: true });
    const p = run.page!;

    await run.check('VS Code resolved its display language to Japanese (the workbench and its translations file)', async () => {
      // The workbench loads the messages the server built from the pack (nls.messages.js), which
      // names the resolved language; without a pack it stays English.
      const lang = await p.evaluate(() => String((globalThis as { _VSCODE_NLS_LANGUAGE?: unknown })._VSCODE_NLS_LANGUAGE));
      if (lang !== 'ja') throw new Error(`the workbench's NLS language is "${lang}", expected "ja": the language pack was not used`);
      const clp = path.join(userDataDir, 'clp');
      const built = fs.existsSync(clp) ? fs.readdirSync(clp) : [];
      if (!built.some((entry) => entry.endsWith('.ja'))) throw new Error(`no translated messages were built in ${clp} (${built.join(', ') || 'empty'})`);
      return `NLS language ${lang}; clp/${built.join(', ')}`;
    }, { fatal: true });

    const warning = ja('Claude on Bedrock works, with warnings');
    await run.check('the status-bar tooltip is Japanese: the warning and the throttled requests of the last 15 minutes', async () => {
      await waitFor('the health item to warn', async () => (await statusText(p)).includes('codicon-warning'), 90_000);
      await statusBarItem(p, 'Bedrock').hover();
      const hover = p.locator('.monaco-hover, .workbench-hover').filter({ hasText: /Claude on Bedrock/ }).first();
      await hover.waitFor({ state: 'visible', timeout: 30_000 });
      const lines = (await hover.innerText()).split('\n').map((line) => line.trim()).filter(Boolean);
      await run.shot('status-tooltip');
      await p.mouse.move(600, 300);
      const tooltip = lines.join(' | ');
      if (!tooltip.includes(warning)) throw new Error(`the tooltip lacks "${warning}": ${tooltip}`);
      // The line goes on with a link to the view ("— クォータと使用状況を表示").
      const throttled = new RegExp(templatePattern(ja('{0} throttled requests in the last 15 minutes')).source.replace(/\$$/, ''));
      if (!lines.some((line) => throttled.test(line))) throw new Error(`no line matches the Japanese throttle text ${throttled}: ${tooltip}`);
      const left = englishLeft(lines);
      if (left.length > 0) throw new Error(`English left in the tooltip: ${left.join('; ')}`);
      return tooltip.slice(0, 240);
    });

    await run.check('the view container and its views are named from package.nls.ja.json', async () => {
      const title = nls('viewContainer.title');
      const item = p.locator(`.part.activitybar .action-item [aria-label^="${title}"], .part.activitybar .action-item[aria-label^="${title}"]`).first();
      await item.waitFor({ state: 'visible', timeout: 120_000 });
      await item.click();
      await widenSidebar(p, SIDEBAR_WIDTH);
      const names = ['view.setup.name', 'view.profiles.name', 'view.models.name', 'view.usage.name'].map(nls);
      await waitFor('the Japanese view headers', async () => {
        const headers = await viewHeaders(p);
        return names.every((name) => headers.some((header) => header.toLowerCase() === name.toLowerCase()));
      }, 60_000).catch(async () => { throw new Error(`view headers [${(await viewHeaders(p)).join(', ')}], expected [${names.join(', ')}]`); });
      const left = englishLeft(await viewHeaders(p));
      if (left.length > 0) throw new Error(`English view names: ${left.join('; ')}`);
      return (await viewHeaders(p)).join(', ');
    });

    await run.check('the Setup view is Japanese, and no Japanese label is cut off', async () => {
      for (const name of ['view.profiles.name', 'view.models.name', 'view.usage.name']) await foldView(p, nls(name), false);
      await foldView(p, nls('view.setup.name'), true);
      const want = [warning, ja('Effective settings'), 'AWS_REGION', 'ANTHROPIC_MODEL'];
      await waitFor('the Setup view rows', async () => {
        const names = (await sidebarRows(p)).map((row) => row.name);
        return want.every((label) => names.includes(label));
      }, 60_000).catch(async () => { throw new Error(`rows [${(await sidebarRows(p)).map((row) => row.name).join(', ')}], expected to include [${want.join(', ')}]`); });
      await p.waitForTimeout(1_000);
      await run.shot('setup-view');
      const rows = await sidebarRows(p);
      const left = englishLeft(rows.flatMap((row) => [row.name, row.description]));
      if (left.length > 0) throw new Error(`English left in the Setup view: ${left.join('; ')}`);
      const cut = rows.filter((row) => row.cut && hasJapanese(row.name)).map((row) => row.name);
      if (cut.length > 0) throw new Error(`cut-off labels: ${cut.join(' | ')}`);
      const japanese = rows.filter((row) => hasJapanese(row.name) || hasJapanese(row.description)).length;
      return `${rows.length} rows, ${japanese} with Japanese text, none cut off`;
    });

    await run.check('the Claude Code section is Japanese: the version too old and the setting it ignores, with its fix', async () => {
      // What the core text table says for this install and this setup, in Japanese.
      const installs = { cli: [{ path: claude, kind: 'native' as const, onPath: true, fromWorkspace: false, version: { state: 'read' as const, version: LAST_UNSUPPORTED_VERSION, how: 'version-command' as const } }], extensions: [], searched: [], platform: 'linux' as const };
      const settings = [{ key: 'env.ANTHROPIC_BEDROCK_REGION_PREFIX', value: 'jp' }];
      const expected = claudeCodeFindings(installs, { settings, region: TOKYO }).filter((finding) => finding.code === 'cli-old' || finding.code === 'setting-ignored').map((finding) => findingText(finding, 'ja').title);
      // The rows judged are the ones the wait saw (a second read could catch a health check's re-render).
      let rows: Awaited<ReturnType<typeof sidebarRows>> = [];
      await waitFor('the Claude Code rows', async () => {
        rows = await sidebarRows(p);
        const names = rows.map((row) => row.name);
        return expected.every((label) => names.includes(label));
      }, 60_000).catch(() => { throw new Error(`rows [${rows.map((row) => row.name).join(', ')}], expected to include [${expected.join(', ')}]`); });
      const section = rows.find((row) => row.name === 'Claude Code');
      if (section?.description !== `CLI ${LAST_UNSUPPORTED_VERSION}`) throw new Error(`the section's description: "${section?.description}"`);
      const fix = rows.find((row) => row.name === expected[1])?.description ?? '';
      if (fix !== ja('Run {0} in a terminal', 'claude update')) throw new Error(`the fix: "${fix}"`);
      await run.shot('setup-view-claude-code');
      const cut = rows.filter((row) => row.cut && expected.includes(row.name)).map((row) => row.name);
      if (cut.length > 0) throw new Error(`cut-off labels: ${cut.join(' | ')}`);
      return expected.join(' | ');
    });

    await run.check('the AWS Profiles and Claude Models views are Japanese, and no Japanese label is cut off', async () => {
      await foldView(p, nls('view.setup.name'), false);
      await foldView(p, nls('view.profiles.name'), true);
      await foldView(p, nls('view.models.name'), true);
      await waitFor('the profiles and models rows', async () => {
        const names = (await sidebarRows(p)).map((row) => row.name);
        return names.includes('sso-dev') && names.includes(ja('Profile'));
      }, 90_000).catch(async () => { throw new Error(`rows [${(await sidebarRows(p)).map((row) => row.name).join(', ')}]`); });
      await p.waitForTimeout(2_000);
      await run.shot('profiles-and-models');
      const rows = await sidebarRows(p);
      const left = englishLeft(rows.flatMap((row) => [row.name, row.description]));
      if (left.length > 0) throw new Error(`English left: ${left.join('; ')}`);
      const cut = rows.filter((row) => row.cut && hasJapanese(row.name)).map((row) => row.name);
      if (cut.length > 0) throw new Error(`cut-off labels: ${cut.join(' | ')}`);
      return `${rows.length} rows, ${rows.filter((row) => hasJapanese(row.name) || hasJapanese(row.description)).length} with Japanese text`;
    });

    await run.check('Quotas & Usage is Japanese: refresh, the peak tokens per minute, no English left', async () => {
      await foldView(p, nls('view.profiles.name'), false);
      await foldView(p, nls('view.models.name'), false);
      await foldView(p, nls('view.usage.name'), true);
      const view = extensionWebview(p, EXTENSION_ID);
      const section = view.locator(`[data-test="model-section"][data-model-id="${JP_SONNET}"]`);
      await section.waitFor({ state: 'visible', timeout: 90_000 });
      await run.shot('usage-view');
      await section.screenshot({ path: path.join(run.shotsDir, 'usage-view-section.png'), timeout: 30_000 });
      const refresh = (await view.locator('[data-test="refresh"]').first().innerText()).trim();
      if (refresh !== ja('Refresh')) throw new Error(`the refresh button says "${refresh}", expected "${ja('Refresh')}"`);
      const body = await view.locator('body').innerText();
      if (!body.includes(ja('Peak tokens per minute'))) throw new Error(`no "${ja('Peak tokens per minute')}" in the view`);
      const lines = body.split('\n').map((line) => line.trim()).filter(Boolean);
      const left = englishLeft(lines);
      if (left.length > 0) throw new Error(`English left in Quotas & Usage: ${left.join('; ')}`);
      return `${lines.length} lines, ${lines.filter(hasJapanese).length} with Japanese text`;
    });

    await run.check('the wizard starts from its Japanese command title, and its first steps are Japanese', async () => {
      await runFromPalette(p, `${nls('command.category')}: ${nls('command.setupWizard')}`, { waitHidden: false });
      const step1 = await waitForWizardStep(p, 1, TOTAL_STEPS, 'sso-dev');
      await run.shot('wizard-1-profile');
      for (const expected of [ja('Set Up Claude Code on Bedrock'), ja('Which AWS profile should Claude Code use?')]) {
        if (!step1.includes(expected)) throw new Error(`step 1 lacks "${expected}": ${step1.slice(0, 300)}`);
      }
      const rows1 = await quickInput(p).locator('.monaco-list-row').allInnerTexts();
      await chooseRow(p, 'sso-dev', /^sso-dev\b/);
      const step2 = await waitForWizardStep(p, 2, TOTAL_STEPS, TOKYO);
      await run.shot('wizard-2-region');
      for (const expected of [ja('Which Region should Claude Code call Bedrock in?'), ja('Region of the profile'), ja('Japan')]) {
        if (!step2.includes(expected)) throw new Error(`step 2 lacks "${expected}": ${step2.slice(0, 300)}`);
      }
      const rows2 = await quickInput(p).locator('.monaco-list-row').allInnerTexts();
      await chooseRow(p, TOKYO, new RegExp(`^${TOKYO}\\b`));
      const step3 = await waitForWizardStep(p, 3, TOTAL_STEPS, 'jp');
      await run.shot('wizard-3-scope');
      const rows3 = await quickInput(p).locator('.monaco-list-row').allInnerTexts();
      const placeholders = [step1, step2, step3].map((text) => text.split(' ')[0] ?? '');
      const left = englishLeft([...rows1, ...rows2, ...rows3].flatMap((row) => row.split('\n')).concat(placeholders));
      if (left.length > 0) throw new Error(`English left in the wizard: ${left.join('; ')}`);
      await p.keyboard.press('Escape');
      await quickInput(p).waitFor({ state: 'hidden', timeout: 30_000 });
      return step3.slice(0, 200);
    });
  } catch (error) {
    await run.unexpected(error);
  } finally {
    await tearDown(run, { browser, server, fake, tmp }, KEEP);
  }
  run.finish();
}

void main();
