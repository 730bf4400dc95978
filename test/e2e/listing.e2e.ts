/**
 * The listing's screenshots, end to end in a real VS Code (code-server + Chromium), in English
 * (default) or Japanese (`--locale ja`, with the minimal language pack of japanese.e2e.ts): one
 * scene for both READMEs. A repository with a Japan-only team policy, set up by the CLI's `setup`, in
 * the throttled scenario of the fake AWS; the side bar wide enough for the views' labels, no chat, no
 * welcome page. It shows and checks, in the chosen language,
 *   - the status-bar tooltip: a warning for the throttled requests, the setup complying with the policy;
 *   - the Setup view with its checks and the effective settings;
 *   - Quotas & Usage with the throttled model's peaks and charts;
 *   - the wizard's scope step, offering Japan (jp) with its Regions;
 *   - a hand-edited `global.` pin: the status bar turns to error naming the violation and its fix, the
 *     Setup view lists it, and one click on the item writes the fix (the file is as before the edit).
 * `npm run screenshots` cuts the README's images from these shots (scripts/lib/screenshots.mjs).
 *
 *   npm run package && npx tsx test/e2e/listing.e2e.ts [--locale ja] [--headed] [--keep]
 *
 * Screenshots go to test-results/e2e/listing/ (listing-ja/ in Japanese). Nothing leaves 127.0.0.1.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EXTENSION_ID, fakeAwsEnv, launchBrowser, mkTempDir, REPO_ROOT, startCodeServer, type BrowserSession, type CodeServer } from './codeServer';
import { installJapaneseLanguagePack } from './languagePack';
import type { PwPage } from './pw';
import { checkVsixAndCli, chooseRow, E2eRun, escapeRegExp, extensionWebview, foldView, openContainer, quickInput, runFromPalette, statusBarItem, statusText, tearDown, waitFor, waitForWizardStep, widenSidebar } from './workbench';
import { startFakeAws, writeDemoHome, type FakeAws } from '../fake-aws';
import { NEWEST_TESTED_VERSION } from '../../src/core/claudeCode/supportTable';
import { installFakeClaude } from '../support/installClaude';

const TOKYO = 'ap-northeast-1';
const JP_SONNET = 'jp.anthropic.claude-sonnet-4-5-20250929-v1:0';
const GLOBAL_SONNET = 'global.anthropic.claude-sonnet-4-5-20250929-v1:0';
const JP_HAIKU = 'jp.anthropic.claude-haiku-4-5-20251001-v1:0';
const JP_OPUS = 'jp.anthropic.claude-opus-4-6-v1';
const JAPAN_ONLY = { version: 1, allowedRegions: ['ap-northeast-1', 'ap-northeast-3'], allowedScopes: ['jp'], dataResidency: 'japan', requiredModelPins: ['opus', 'haiku'] };
const SIDEBAR_WIDTH = 760;
const TOTAL_STEPS = 9;
const argv = process.argv.slice(2);
const HEADED = argv.includes('--headed');
const KEEP = argv.includes('--keep');
const LOCALE = argv.includes('--locale') ? argv[argv.indexOf('--locale') + 1] : 'en';
if (LOCALE !== 'en' && LOCALE !== 'ja') throw new Error(`--locale must be en or ja, not ${LOCALE}`);
const JA = LOCALE === 'ja';
const run = new E2eRun(JA ? 'listing-ja' : 'listing');

const bundle = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'l10n', 'bundle.l10n.ja.json'), 'utf8')) as Record<string, string>;
const nlsEn = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;
const nlsJa = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.nls.ja.json'), 'utf8')) as Record<string, string>;

/** A vscode.l10n message in the run's language. */
function t(english: string): string {
  if (!JA) return english;
  const text = bundle[english];
  if (text === undefined) throw new Error(`l10n/bundle.l10n.ja.json has no translation of "${english}"`);
  return text;
}

/** A package.nls string in the run's language. */
function nls(key: string): string {
  const text = (JA ? nlsJa : nlsEn)[key];
  if (text === undefined) throw new Error(`package.nls has no ${key}`);
  return text;
}

const hasJapanese = (text: string): boolean => /[\u3040-\u30ff\u4e00-\u9fff]/.test(text);

/**
 * The health item's tooltip, one line per check; with `shot`, also a screenshot of the tooltip and the
 * status bar below it (test-results/e2e/<run>/<shot>.png), cut by the tooltip's own box, whose height
 * depends on the language.
 */
async function tooltipLines(p: PwPage, shot?: string): Promise<string[]> {
  await statusBarItem(p, 'Bedrock').hover();
  const hover = p.locator('.monaco-hover, .workbench-hover').filter({ hasText: /Claude on Bedrock/ }).first();
  await hover.waitFor({ state: 'visible', timeout: 30_000 });
  const lines = (await hover.innerText()).split('\n').map((line) => line.trim()).filter(Boolean);
  if (shot) {
    const box = await hover.boundingBox();
    const item = await statusBarItem(p, 'Bedrock').boundingBox();
    const statusBar = await p.locator('.part.statusbar').boundingBox();
    if (!box || !item || !statusBar) throw new Error('the tooltip, the health item or the status bar has no box to screenshot');
    const top = Math.max(0, Math.ceil(box.y));
    const left = Math.max(0, Math.floor(Math.min(box.x, item.x)));
    const clip = { x: left, y: top, width: Math.floor(Math.max(box.x + box.width, item.x + item.width)) - left, height: Math.ceil(statusBar.y + statusBar.height) - top };
    await p.screenshot({ path: path.join(run.shotsDir, `${shot}.png`), clip, timeout: 30_000 });
  }
  return lines;
}

/** Lines in the wrong language: Japanese in the English UI, or none in the Japanese UI (where every tooltip line has some). */
function wrongLanguage(lines: readonly string[]): string[] {
  return lines.filter((line) => hasJapanese(line) !== JA);
}

async function sidebarRowNames(p: PwPage): Promise<string[]> {
  return (await p.locator('.part.sidebar .monaco-list-row .label-name').allInnerTexts()).map((text) => text.trim());
}

async function main(): Promise<void> {
  const tmp = mkTempDir('cbs-e2e-listing-');
  let server: CodeServer | undefined;
  let browser: BrowserSession | undefined;
  let fake: FakeAws | undefined;
  try {
    const vsix = await checkVsixAndCli(run);

    fake = await startFakeAws({ scenario: 'quota-throttled' });
    const demo = await writeDemoHome(path.join(tmp, 'home'), fake.state);
    // A current Claude Code reads the settings (test/support/installClaude.ts), as on a user's machine.
    installFakeClaude(demo.home, [NEWEST_TESTED_VERSION]);
    const env = fakeAwsEnv(demo.home, fake.env(), { CLAUDE_BEDROCK_MANAGED_SETTINGS_DIR: path.join(tmp, 'managed'), CLAUDE_BEDROCK_POLICY_DIR: path.join(tmp, 'machine-policy'), TZ: 'UTC' });
    const workspace = path.join(tmp, 'workspace');
    fs.mkdirSync(path.join(workspace, '.claude'), { recursive: true });
    execFileSync('git', ['init', '-q'], { cwd: workspace, env });
    fs.writeFileSync(path.join(workspace, '.claude', 'bedrock-policy.json'), JSON.stringify(JAPAN_ONLY, null, 2) + '\n');
    execFileSync(process.execPath, [path.join(REPO_ROOT, 'dist', 'cli.js'), 'setup', '--folder', workspace, '--profile', 'sso-dev', '--region', TOKYO, '--model', JP_SONNET, '--background-model', JP_HAIKU, '--opus-model', JP_OPUS, '--offline'], { env, stdio: 'pipe' });
    const settingsFile = path.join(workspace, '.claude', 'settings.json');
    const compliant = fs.readFileSync(settingsFile, 'utf8');
    const extensionsDir = path.join(tmp, 'ext');
    const userDataDir = path.join(tmp, 'ud');

    await run.check(`code-server starts in ${JA ? 'Japanese' : 'English'} with the VSIX and the governed workspace`, async () => {
      if (JA) await installJapaneseLanguagePack({ extensionsDir, userDataDir, env, logFile: path.join(run.shotsDir, '..', 'listing-ja-language-pack.install.log') });
      server = await startCodeServer({
        env,
        vsix,
        folder: workspace,
        extensionsDir,
        userDataDir,
        ...(JA ? { locale: 'ja' } : {}),
        disableWorkspaceTrust: true,
        logName: `${run.name}-code-server`,
        settings: { 'workbench.secondarySideBar.defaultVisibility': 'hidden', 'workbench.startupEditor': 'none' },
      });
      browser = await launchBrowser({ headless: !HEADED, ...(JA ? { locale: 'ja-JP' } : {}) });
      run.page = browser.page;
      await browser.page.goto(server.folderUrl, { timeout: 120_000, waitUntil: 'domcontentloaded' });
      await browser.page.waitForSelector('.monaco-workbench', { timeout: 180_000 });
      await browser.page.locator('.part.activitybar').waitFor({ state: 'visible', timeout: 120_000 });
    }, { fatal: true });
    const p = run.page!;

    const warning = t('Claude on Bedrock works, with warnings');
    await run.check('the status-bar tooltip warns of the throttled requests, in the chosen language', async () => {
      await waitFor('the health item to warn', async () => (await statusText(p)).includes('codicon-warning'), 90_000);
      const lines = await tooltipLines(p, 'status-tooltip-clip');
      await run.shot('status-tooltip');
      await p.mouse.move(600, 300);
      if (!lines.includes(warning)) throw new Error(`the tooltip lacks "${warning}": ${lines.join(' | ')}`);
      // The throttled requests themselves, not only the header.
      const throttled = new RegExp(`^${escapeRegExp(t('{0} throttled requests in the last 15 minutes')).replace('\\{0\\}', '\\d+')}`);
      if (!lines.some((line) => throttled.test(line))) throw new Error(`the tooltip names no throttled requests: ${lines.join(' | ')}`);
      const wrong = wrongLanguage(lines);
      if (wrong.length > 0) throw new Error(`lines in the wrong language: ${wrong.join(' | ')}`);
      return lines.join(' | ').slice(0, 240);
    });

    await run.check('the Setup view shows the checks and the effective settings', async () => {
      await openContainer(p, nls('viewContainer.title'));
      await widenSidebar(p, SIDEBAR_WIDTH);
      for (const key of ['view.profiles.name', 'view.models.name', 'view.usage.name']) await foldView(p, nls(key), false);
      await foldView(p, nls('view.setup.name'), true);
      const want = [warning, t('Effective settings'), 'AWS_REGION', 'ANTHROPIC_MODEL'];
      await waitFor('the Setup view rows', async () => {
        const names = await sidebarRowNames(p);
        return want.every((label) => names.includes(label));
      }, 60_000).catch(async () => { throw new Error(`rows [${(await sidebarRowNames(p)).join(', ')}], expected to include [${want.join(', ')}]`); });
      await p.waitForTimeout(1_000);
      await run.shot('setup-view');
      return `${(await sidebarRowNames(p)).length} rows`;
    });

    await run.check('Quotas & Usage shows the throttled model with its peaks', async () => {
      await foldView(p, nls('view.setup.name'), false);
      await foldView(p, nls('view.usage.name'), true);
      const view = extensionWebview(p, EXTENSION_ID);
      const section = view.locator(`[data-test="model-section"][data-model-id="${JP_SONNET}"]`);
      await section.waitFor({ state: 'visible', timeout: 90_000 });
      await p.waitForTimeout(1_000);
      await run.shot('usage-view');
      const body = await view.locator('body').innerText();
      if (!body.includes(t('Peak tokens per minute'))) throw new Error(`no "${t('Peak tokens per minute')}" in the view`);
      return `${body.split('\n').filter((line) => line.trim()).length} lines`;
    });

    await run.check('the wizard offers Japan (jp) with its Regions at the scope step', async () => {
      await runFromPalette(p, `${nls('command.category')}: ${nls('command.setupWizard')}`, { waitHidden: false });
      await waitForWizardStep(p, 1, TOTAL_STEPS, 'sso-dev');
      await chooseRow(p, 'sso-dev', /^sso-dev\b/);
      await waitForWizardStep(p, 2, TOTAL_STEPS, TOKYO);
      await chooseRow(p, TOKYO, new RegExp(`^${TOKYO}\\b`));
      const step3 = await waitForWizardStep(p, 3, TOTAL_STEPS, 'jp');
      await run.shot('wizard-3-scope');
      if (!step3.includes(`${t('Japan')} (jp)`)) throw new Error(`step 3 lacks "${t('Japan')} (jp)": ${step3.slice(0, 300)}`);
      await p.keyboard.press('Escape');
      await quickInput(p).waitFor({ state: 'hidden', timeout: 30_000 });
      if (fs.readFileSync(settingsFile, 'utf8') !== compliant) throw new Error('Escape changed .claude/settings.json');
      return step3.slice(0, 200);
    });

    await run.check('a hand-edited global. pin: the status bar names the violation and its fix, the Setup view lists it', async () => {
      await foldView(p, nls('view.usage.name'), false);
      await foldView(p, nls('view.setup.name'), true);
      fs.writeFileSync(settingsFile, compliant.replace(`"ANTHROPIC_MODEL": "${JP_SONNET}"`, `"ANTHROPIC_MODEL": "${GLOBAL_SONNET}"`));
      await waitFor('the health item to show an error', async () => (await statusText(p)).includes('codicon-error'), 60_000);
      const lines = await tooltipLines(p, 'policy-violation-clip');
      await run.shot('policy-violation');
      await p.mouse.move(900, 300);
      const violations = lines.filter((line) => line.startsWith(GLOBAL_SONNET) && line.includes(JP_SONNET));
      if (violations.length === 0) throw new Error(`no line names ${GLOBAL_SONNET} with its fix ${JP_SONNET}: ${lines.join(' | ')}`);
      const wrong = wrongLanguage(violations);
      if (wrong.length > 0) throw new Error(`violations in the wrong language: ${wrong.join(' | ')}`);
      await waitFor('the Setup view to list the violation', async () => (await sidebarRowNames(p)).some((name) => name.startsWith(GLOBAL_SONNET)), 60_000);
      await p.waitForTimeout(1_000);
      await run.shot('setup-view-violation');
      return violations.join(' | ').slice(0, 240);
    });

    await run.check('one click on the status-bar item writes the fix: the file is as before the edit', async () => {
      await statusBarItem(p, 'Bedrock').click();
      await waitFor('the fix to be written', async () => fs.readFileSync(settingsFile, 'utf8') === compliant, 30_000);
      await waitFor('the health item to leave the error', async () => !(await statusText(p)).includes('codicon-error'), 60_000);
      await p.waitForTimeout(1_000);
      await run.shot('policy-fixed');
      return (await statusText(p)).trim();
    });
  } catch (error) {
    await run.unexpected(error);
  } finally {
    await tearDown(run, { browser, server, fake, tmp }, KEEP);
  }
  run.finish();
}

void main();
