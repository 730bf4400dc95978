/**
 * End to end in a real VS Code (code-server + Chromium): the Setup view's *Claude Code sessions*
 * section on a workspace configured by the CLI's `setup` under a Japan-only team policy, whose
 * Claude Code sessions (in the e2e HOME) hold what Claude Code 2.1.330 wrote against the fake in
 * the throttled, not-authorized, expired-credential and other scenarios (test/fixtures/claude-sessions/,
 * an hour old, with prompts and answers around them). In English, then in Japanese (code-server
 * `--locale ja` with the minimal language pack):
 *   - the status bar stays healthy: past errors are history, not the setup's health;
 *   - the section sums up the last 7 days and lists each error with its count, model and time;
 *   - Claude Code's apac. suggestion is refused with the compliant jp. model, in the tooltip;
 *   - no content of the sessions (a sentinel in every prompt, answer and tool output) is shown.
 *
 *   scripts/e2e-tools.sh && npm run package && npx tsx test/e2e/sessions.e2e.ts [--headed] [--keep]
 *
 * Screenshots go to test-results/e2e/sessions/. Nothing leaves 127.0.0.1.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fakeAwsEnv, launchBrowser, mkTempDir, REPO_ROOT, startCodeServer, type BrowserSession, type CodeServer } from './codeServer';
import { installJapaneseLanguagePack } from './languagePack';
import type { PwPage } from './pw';
import { checkVsixAndCli, E2eRun, foldViews, openContainer, rowDescription, statusText, waitFor, waitForLabels, treeLabels, escapeRegExp } from './workbench';
import { startFakeAws, writeDemoHome, type FakeAws } from '../fake-aws';
import { NEWEST_TESTED_VERSION } from '../../src/core/claudeCode/supportTable';
import { installFakeClaude } from '../support/installClaude';
import { CONTENT_SENTINEL, layOutSessions, SESSION_FIXTURES } from '../support/claudeSessions';

const JP_SONNET = 'jp.anthropic.claude-sonnet-4-5-20250929-v1:0';
const JP_HAIKU = 'jp.anthropic.claude-haiku-4-5-20251001-v1:0';
const APAC_SUGGESTION = 'apac.anthropic.claude-sonnet-4-20250514-v1:0';
const SIDEBAR_WIDTH = 900;
const argv = process.argv.slice(2);
const HEADED = argv.includes('--headed');
const KEEP = argv.includes('--keep');
const run = new E2eRun('sessions');

const nlsJa = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.nls.ja.json'), 'utf8')) as Record<string, string>;
const bundleJa = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'l10n', 'bundle.l10n.ja.json'), 'utf8')) as Record<string, string>;

const SIDEBAR_BOX = `(() => { const r = document.querySelector('.part.sidebar').getBoundingClientRect(); return { left: r.left, right: r.right, top: r.top, height: r.height, width: r.width }; })()`;
/** The centre of the vertical sash nearest the side bar's right edge (the handle that resizes it). */
const SIDEBAR_SASH = `(() => {
  const right = document.querySelector('.part.sidebar').getBoundingClientRect().right;
  let best;
  for (const sash of document.querySelectorAll('.monaco-sash.vertical')) {
    const r = sash.getBoundingClientRect();
    if (r.height < 100) continue;
    const distance = Math.abs(r.left + r.width / 2 - right);
    if (!best || distance < best.distance) best = { distance, x: r.left + r.width / 2, y: r.top + r.height / 2 };
  }
  return best ?? null;
})()`;

/** Drags the side bar's sash so that the section's long rows can be read in the screenshots. */
async function widenSidebar(p: PwPage, width: number): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const box = await p.evaluate<{ left: number; right: number; top: number; height: number; width: number }>(SIDEBAR_BOX);
    if (Math.abs(box.width - width) <= 20) return;
    const sash = await p.evaluate<{ x: number; y: number } | null>(SIDEBAR_SASH);
    const from = sash ?? { x: box.right + 1, y: box.top + box.height / 2 };
    await p.mouse.move(from.x, from.y);
    await p.mouse.down();
    await p.mouse.move(from.x + (box.left + width - box.right), from.y, { steps: 10 });
    await p.mouse.up();
    await p.waitForTimeout(500);
  }
  const now = (await p.evaluate<{ width: number }>(SIDEBAR_BOX)).width;
  if (Math.abs(now - width) > 20) throw new Error(`the side bar is ${now} px wide after dragging its edge, expected ${width}`);
}

async function open(server: CodeServer, browser: BrowserSession): Promise<PwPage> {
  run.page = browser.page;
  await browser.page.goto(server.folderUrl, { timeout: 120_000, waitUntil: 'domcontentloaded' });
  await browser.page.waitForSelector('.monaco-workbench', { timeout: 180_000 });
  await browser.page.locator('.part.activitybar').waitFor({ state: 'visible', timeout: 120_000 });
  return browser.page;
}

/** The rows of the sessions section (after its header row), as "label — description". */
async function sectionRows(p: PwPage, header: string): Promise<string[]> {
  const labels = await treeLabels(p);
  const start = labels.indexOf(header);
  return start < 0 ? [] : labels.slice(start);
}

async function hoverRow(p: PwPage, label: RegExp): Promise<string> {
  const row = p.locator('.part.sidebar .monaco-list-row', { has: p.locator('.label-name', { hasText: label }) }).first();
  await row.hover();
  const hover = p.locator('.monaco-hover, .workbench-hover').filter({ hasText: APAC_SUGGESTION }).first();
  await hover.waitFor({ state: 'visible', timeout: 30_000 });
  return (await hover.innerText()).replace(/\s+/g, ' ');
}

async function main(): Promise<void> {
  const tmp = mkTempDir('cbs-e2e-sessions-');
  let server: CodeServer | undefined;
  let browser: BrowserSession | undefined;
  let fake: FakeAws | undefined;
  const stop = async () => {
    await browser?.close().catch(() => undefined);
    await server?.stop().catch(() => undefined);
    browser = undefined;
    server = undefined;
  };
  try {
    const vsix = await checkVsixAndCli(run);
    fake = await startFakeAws({ scenario: 'basic' });
    const fakeAws = fake;
    const demo = await writeDemoHome(path.join(tmp, 'home'), fakeAws.state);
    // A current Claude Code reads the settings (test/support/installClaude.ts), as on a user's machine.
    installFakeClaude(demo.home, [NEWEST_TESTED_VERSION]);
    const configDir = path.join(demo.home, '.claude');
    const env = fakeAwsEnv(demo.home, fakeAws.env(), { CLAUDE_BEDROCK_MANAGED_SETTINGS_DIR: path.join(tmp, 'managed'), CLAUDE_CONFIG_DIR: configDir });
    const workspace = path.join(tmp, 'workspace');
    fs.mkdirSync(workspace);
    execFileSync('git', ['init', '-q'], { cwd: workspace, env });
    // (Synchronously, so before the team policy exists: under it, setup would ask this process's fake AWS.)
    execFileSync(process.execPath, [path.join(REPO_ROOT, 'dist', 'cli.js'), 'setup', '--folder', workspace, '--profile', 'sso-dev', '--region', 'ap-northeast-1', '--model', JP_SONNET, '--background-model', JP_HAIKU], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    fs.writeFileSync(path.join(workspace, '.claude', 'bedrock-policy.json'), JSON.stringify({ version: 1, allowedRegions: ['ap-northeast-1', 'ap-northeast-3'], allowedScopes: ['jp'], dataResidency: 'japan' }, null, 2));
    // What Claude Code 2.1.330 wrote in this folder an hour ago, with the conversation around it.
    layOutSessions(configDir, workspace, SESSION_FIXTURES.map((fixture) => ({ fixture, withContent: true })), { newest: Date.now() - 60 * 60 * 1000 });

    // ------------------------------------------------------------------ English
    await run.check('code-server starts with the VSIX and the configured workspace', async () => {
      server = await startCodeServer({ env, vsix, folder: workspace, extensionsDir: path.join(tmp, 'ext'), userDataDir: path.join(tmp, 'ud'), disableWorkspaceTrust: true, logName: 'sessions-code-server', settings: { 'workbench.secondarySideBar.defaultVisibility': 'hidden', 'workbench.startupEditor': 'none' } });
      browser = await launchBrowser({ headless: !HEADED });
      await open(server, browser);
    }, { fatal: true });
    const p = run.page!;

    const summary = 'In your sessions of the last 7 days: max_tokens refused ×1, model ID without on-demand throughput ×1, invalid or unsupported model ID ×1, expired or missing credentials ×7, access denied ×1, throttled ×4.';
    await run.check('the Setup view shows the sessions of the last 7 days: a summary and each kind of error with count, model and time', async () => {
      await openContainer(p, 'Claude on Bedrock');
      await foldViews(p, ['AWS Profiles', 'Claude Models', 'Quotas & Usage']);
      await waitForLabels(p, ['Claude Code sessions', summary, 'throttled · 4× (1 request failed after retries)', 'access denied · 1×', 'SSO sign-in expired · 3× (1 request failed after retries)'], 90_000);
      // The other rows of the Setup view fold away, so the section fills the screenshot.
      for (const header of ['Claude on Bedrock is healthy', 'Effective settings', 'Organisation policy', 'Models']) {
        const row = p.locator('.part.sidebar .monaco-list-row[aria-expanded="true"]', { has: p.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(header)}`) }) }).first();
        if (await row.isVisible().catch(() => false)) await row.click();
      }
      await widenSidebar(p, SIDEBAR_WIDTH);
      await run.shot('sessions-en');
      const throttled = await rowDescription(p, escapeRegExp('throttled · 4× (1 request failed after retries)'));
      if (!new RegExp(`^${escapeRegExp(JP_SONNET)} · last \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}$`).test(throttled)) throw new Error(`throttled row: "${throttled}"`);
      const section = await rowDescription(p, 'Claude Code sessions');
      if (section !== '15 API errors in 7 days') throw new Error(`section row: "${section}"`);
      return `${(await sectionRows(p, 'Claude Code sessions')).length} rows; ${throttled}`;
    });

    await run.check('the status bar stays healthy: errors in past sessions are history, not the setup\'s health', async () => {
      // After the Setup view showed the section: the sessions have been read, so this can fail.
      await waitFor('the health item to show healthy', async () => (await statusText(p)).includes('codicon-pass'), 90_000);
      return await statusText(p);
    });

    await run.check('Claude Code\'s apac. suggestion is refused by the team policy, with the compliant jp. model (tooltip)', async () => {
      const tooltip = await hoverRow(p, /^model ID without on-demand throughput/);
      await run.shot('sessions-policy-tooltip-en');
      await p.mouse.move(1200, 700);
      for (const expected of [`Claude Code suggested switching to ${APAC_SUGGESTION}, which your organisation's policy does not allow`, `Use ${JP_SONNET} instead.`, 'Fix: Use an inference profile ID instead']) {
        if (!tooltip.includes(expected)) throw new Error(`the tooltip lacks "${expected}": ${tooltip}`);
      }
      return tooltip.slice(0, 200);
    });

    await run.check('nothing of the sessions\' content is shown anywhere in the side bar', async () => {
      const text = await p.locator('.part.sidebar').innerText();
      if (text.includes(CONTENT_SENTINEL)) throw new Error('a prompt, answer or tool output of the sessions is shown');
      if (text.includes('please wait before trying again')) throw new Error('a raw error text is shown');
    });
    await stop();

    // ------------------------------------------------------------------ Japanese
    const extensionsDir = path.join(tmp, 'ext-ja');
    const userDataDir = path.join(tmp, 'ud-ja');
    await run.check('code-server starts in Japanese (--locale ja and the language pack)', async () => {
      await installJapaneseLanguagePack({ extensionsDir, userDataDir, env, logFile: path.join(run.shotsDir, '..', 'sessions-language-pack.install.log') });
      server = await startCodeServer({ env, vsix, folder: workspace, extensionsDir, userDataDir, locale: 'ja', disableWorkspaceTrust: true, logName: 'sessions-ja-code-server', settings: { 'workbench.secondarySideBar.defaultVisibility': 'hidden', 'workbench.startupEditor': 'none' } });
      browser = await launchBrowser({ headless: !HEADED, locale: 'ja-JP' });
      await open(server, browser);
    }, { fatal: true });
    const q = run.page!;

    const title = bundleJa['Claude Code sessions']!;
    await run.check('the section is Japanese: the summary, each error and its words', async () => {
      await openContainer(q, nlsJa['viewContainer.title']!);
      await foldViews(q, ['view.profiles.name', 'view.models.name', 'view.usage.name'].map((key) => nlsJa[key]!));
      await waitForLabels(q, [title, 'スロットリング · 4 回 (うち 1 件のリクエストは再試行後も失敗)', 'アクセス拒否 · 1 回', 'SSO サインインの期限切れ · 3 回 (うち 1 件のリクエストは再試行後も失敗)'], 90_000);
      const section = await rowDescription(q, escapeRegExp(title));
      if (section !== '7 日間に API エラー 15 件') throw new Error(`section row: "${section}"`);
      const rows = await sectionRows(q, title);
      const summaryRow = rows.find((row) => row.startsWith('過去 7 日間のセッション: '));
      if (!summaryRow) throw new Error(`no Japanese summary row: ${rows.join(' | ')}`);
      for (const header of [bundleJa['Organisation policy'], bundleJa['Effective settings'], bundleJa['Models']].filter(Boolean)) {
        const row = q.locator('.part.sidebar .monaco-list-row[aria-expanded="true"]', { has: q.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(header!)}$`) }) }).first();
        if (await row.isVisible().catch(() => false)) await row.click();
      }
      await widenSidebar(q, SIDEBAR_WIDTH);
      await run.shot('sessions-ja');
      const description = await rowDescription(q, escapeRegExp('スロットリング · 4 回 (うち 1 件のリクエストは再試行後も失敗)'));
      if (!/ · 最終 \d{4}\/\d{2}\/\d{2} \d{2}:\d{2}$/.test(description)) throw new Error(`throttled row: "${description}"`);
      return summaryRow;
    });

    await run.check('the policy\'s refusal of the apac. suggestion is Japanese too', async () => {
      const tooltip = await hoverRow(q, /^オンデマンド非対応のモデル ID/);
      await run.shot('sessions-policy-tooltip-ja');
      if (!tooltip.includes(`Claude Code は ${APAC_SUGGESTION} への切り替えを提案しましたが、組織のポリシーでは許可されていません`)) throw new Error(`tooltip: ${tooltip}`);
      if (!tooltip.includes(`代わりに ${JP_SONNET} を使ってください。`)) throw new Error(`tooltip: ${tooltip}`);
      const text = await q.locator('.part.sidebar').innerText();
      if (text.includes(CONTENT_SENTINEL)) throw new Error('content of the sessions is shown');
      return tooltip.slice(0, 160);
    });
  } catch (error) {
    await run.unexpected(error);
  } finally {
    await stop();
    if (fake) await fake.stop().catch(() => undefined);
    if (KEEP) run.log(`kept ${tmp}`);
    else fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main()
  .catch((error) => run.results.push({ name: 'harness', ok: false, detail: String(error) }))
  .finally(() => run.finish());
