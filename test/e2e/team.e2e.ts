/**
 * End to end in a real VS Code (code-server + Chromium), in English and then in Japanese: the Team
 * view through the `team` scenario of the fake AWS, on a workspace configured by the CLI's `setup`
 * (sso-dev in Tokyo): the per-developer table with the developer's own row highlighted, actual
 * spend beside the CloudWatch estimate, a budget created after its preview and confirmation, the
 * cost plan with the per-seat comparison, and turning invocation logging on when AWS fails the write
 * (not confirmed on, and what to do). Screenshots of each, per language.
 *
 *   scripts/e2e-tools.sh && npm run package && npx tsx test/e2e/team.e2e.ts [--headed] [--keep] [--only en|ja]
 *
 * Screenshots go to test-results/e2e/team/. Nothing leaves 127.0.0.1.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fakeAwsEnv, EXTENSION_ID, launchBrowser, mkTempDir, REPO_ROOT, startCodeServer, type BrowserSession, type CodeServer } from './codeServer';
import { installJapaneseLanguagePack } from './languagePack';
import type { PwFrameLocator, PwPage } from './pw';
import { checkVsixAndCli, E2eRun, errorToasts, foldViews, openContainer, quickInput, runFromPalette, tearDown, waitFor } from './workbench';
import { startFakeAws, writeDemoHome, type FakeAws } from '../fake-aws';
import { BASIC_ACCOUNT_ID } from '../fake-aws/scenarios/basic';
import { TEAM_DEVELOPERS } from '../fake-aws/scenarios/teamData';

const TOKYO = 'ap-northeast-1';
const JP_SONNET = 'jp.anthropic.claude-sonnet-4-5-20250929-v1:0';
const JP_HAIKU = 'jp.anthropic.claude-haiku-4-5-20251001-v1:0';
const argv = process.argv.slice(2);
const HEADED = argv.includes('--headed');
const KEEP = argv.includes('--keep');
const ONLY = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : undefined;
const run = new E2eRun('team');

type Lang = 'en' | 'ja';

/** What each language shows (the view's own words from package.nls / the l10n bundle and the core text tables). */
const WORDS: Readonly<Record<Lang, Record<string, string | RegExp>>> = {
  en: {
    container: 'Claude on Bedrock',
    folds: 'Setup|AWS Profiles|Claude Models|Quotas & Usage',
    team: 'Team',
    you: '(you)',
    privacy: 'Prompts, code and answers in the logs are never read',
    estimate: 'Estimate from CloudWatch metrics',
    why: 'Why they differ',
    toDate: 'to date:',
    createConfirm: 'Create budget',
    planTitle: 'Create a monthly budget in account',
    created: 'Claude on Bedrock (monthly)',
    seats: 'Per-seat price:',
    breakEven: 'Break-even:',
    planFor12: /12 developers × \d+ working days/,
    loggingCommand: 'Turn On Invocation Logging',
    loggingStep2: '(2/2)',
    loggingConfirm: 'Turn on logging',
    loggingNotConfirmed: 'Could not confirm that invocation logging is on:',
    loggingFix: 'Refresh the Team view to read where the logs go now.',
  },
  ja: {
    container: 'Claude on Bedrock',
    folds: 'セットアップ|AWS プロファイル|Claude モデル|クォータと使用状況',
    team: 'チーム',
    you: '(あなた)',
    privacy: 'ログ内のプロンプト、コード、応答は読み取りも表示もしません',
    estimate: 'CloudWatch メトリクスからの見積もり',
    why: '差が出る理由',
    toDate: '(今日まで):',
    createConfirm: '予算を作成',
    planTitle: 'に月次予算を作成します',
    created: 'Claude on Bedrock (monthly)',
    seats: '席単位の価格:',
    breakEven: '損益分岐点:',
    planFor12: /開発者 12 人 × 稼働日 \d+ 日/,
    loggingCommand: '呼び出しログを有効にする',
    loggingStep2: '(2/2)',
    loggingConfirm: 'ログを有効にする',
    loggingNotConfirmed: '呼び出しログが有効になったことを確認できませんでした:',
    loggingFix: '「チーム」ビューを更新すると、現在のログの送信先を読み取ります。',
  },
};

/** The Team view's document: the extension's webviews are told apart by what they hold. */
async function teamWebview(p: PwPage): Promise<PwFrameLocator> {
  let found: PwFrameLocator | undefined;
  await waitFor('the Team webview', async () => {
    for (let n = 1; n <= 4; n += 1) {
      const frame = p.frameLocator(`:nth-match(iframe.webview[src*="extensionId=${EXTENSION_ID}"], ${n})`).frameLocator('iframe#active-frame');
      if ((await frame.locator('[data-test="team-developers-section"]').count()) > 0) {
        found = frame;
        return true;
      }
    }
    return false;
  }, 120_000);
  return found!;
}

/** Drags the side bar's edge so the Team view has room for its table (the default side bar is narrow). */
async function widenSideBar(p: PwPage, right: number): Promise<void> {
  const edge = await p.evaluate<{ x: number; y: number } | null>(
    `(() => { const bar = document.querySelector('.part.sidebar'); if (!bar) return null; const box = bar.getBoundingClientRect(); return { x: box.right, y: box.top + box.height / 2 }; })()`,
  );
  if (!edge) throw new Error('no side bar');
  await p.mouse.move(edge.x + 1, edge.y);
  await p.mouse.down();
  await p.mouse.move(right, edge.y, { steps: 12 });
  await p.mouse.up();
}

/** Scrolls the webview so the section's top is in view (a section can be taller than the frame). */
async function scrollTo(view: PwFrameLocator, hook: string): Promise<void> {
  await view.locator(`[data-test="${hook}"]`).evaluateAll((elements) => (elements[0] as unknown as { scrollIntoView(): void } | undefined)?.scrollIntoView());
}

async function sectionText(view: PwFrameLocator, hook: string): Promise<string> {
  return (await view.locator(`[data-test="${hook}"]`).first().innerText({ timeout: 30_000 })).replace(/\s+/g, ' ').trim();
}

async function pass(lang: Lang): Promise<void> {
  const words = WORDS[lang];
  const tmp = mkTempDir(`cbs-e2e-team-${lang}-`);
  let server: CodeServer | undefined;
  let browser: BrowserSession | undefined;
  let fake: FakeAws | undefined;
  try {
    const vsix = await checkVsixAndCli(run);
    fake = await startFakeAws({ scenario: 'team' });
    const fakeAws = fake;
    const demo = await writeDemoHome(path.join(tmp, 'home'), fakeAws.state, { ssoSessionSuffix: `-e2e-team-${lang}` });
    const env = fakeAwsEnv(demo.home, fakeAws.env(), { CLAUDE_BEDROCK_MANAGED_SETTINGS_DIR: path.join(tmp, 'managed'), TZ: 'UTC' });
    const workspace = path.join(tmp, 'workspace');
    fs.mkdirSync(workspace);
    execFileSync('git', ['init', '-q'], { cwd: workspace, env });
    execFileSync(process.execPath, [path.join(REPO_ROOT, 'dist', 'cli.js'), 'setup', '--folder', workspace, '--profile', 'sso-dev', '--region', TOKYO, '--model', JP_SONNET, '--background-model', JP_HAIKU], { env, stdio: 'pipe' });
    const extensionsDir = path.join(tmp, 'ext');
    const userDataDir = path.join(tmp, 'ud');

    if (lang === 'ja') {
      await run.check('[ja] the Japanese language pack installs', async () => path.relative(extensionsDir, await installJapaneseLanguagePack({ extensionsDir, userDataDir, env })), { fatal: true });
    }
    await run.check(`[${lang}] code-server starts with the VSIX and the configured workspace`, async () => {
      server = await startCodeServer({
        env,
        vsix,
        folder: workspace,
        extensionsDir,
        userDataDir,
        ...(lang === 'ja' ? { locale: 'ja' } : {}),
        disableWorkspaceTrust: true,
        logName: `team-${lang}-code-server`,
        settings: { 'workbench.secondarySideBar.defaultVisibility': 'hidden', 'workbench.startupEditor': 'none' },
      });
      browser = await launchBrowser({ headless: !HEADED, ...(lang === 'ja' ? { locale: 'ja-JP' } : {}) });
      run.page = browser.page;
      await browser.page.goto(server.folderUrl, { timeout: 120_000, waitUntil: 'domcontentloaded' });
      await browser.page.waitForSelector('.monaco-workbench', { timeout: 180_000 });
      await browser.page.locator('.part.activitybar').waitFor({ state: 'visible', timeout: 120_000 });
    }, { fatal: true });
    const p = run.page!;
    let view: PwFrameLocator | undefined;

    await run.check(`[${lang}] the Team view lists the developers from one Logs Insights query, the developer's own row highlighted`, async () => {
      await openContainer(p, words.container as string);
      await foldViews(p, (words.folds as string).split('|'));
      const header = p.locator(`.part.sidebar .pane-header[aria-label^="${words.team as string}"]`).first();
      await header.waitFor({ state: 'visible', timeout: 60_000 });
      if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click({ position: { x: 12, y: 10 } });
      await widenSideBar(p, 980);
      view = await teamWebview(p);
      const rows = view.locator('[data-test="developer-row"]');
      await waitFor('three developer rows', async () => (await rows.count()) === 3, 120_000);
      const self = (await view.locator('[data-test="developer-row"][data-self="true"]').allInnerTexts()).map((text) => text.replace(/\s+/g, ' '));
      if (self.length !== 1 || !self[0]!.includes(`${TEAM_DEVELOPERS.sso.name} ${words.you as string}`)) throw new Error(`own row: ${JSON.stringify(self)}`);
      const first = (await rows.first().innerText()).replace(/\s+/g, ' ');
      if (!first.includes(TEAM_DEVELOPERS.heavy.name) || !/8\d(\.\d)?%/.test(first)) throw new Error(`first row: ${first}`);
      const title = await view.locator('[data-test="developer-row"][data-self="true"]').first().getAttribute('title');
      if (title !== TEAM_DEVELOPERS.sso.arn) throw new Error(`the full ARN on hover: ${title}`);
      const privacy = await sectionText(view, 'team-privacy');
      if (!privacy.includes(words.privacy as string)) throw new Error(`privacy note: ${privacy}`);
      const logs = fakeAws.requests.filter((entry) => entry.service === 'logs');
      const queries = logs.filter((entry) => entry.operation === 'StartQuery').length;
      if (queries !== 1 || !logs.some((entry) => entry.operation === 'GetQueryResults')) throw new Error(`${queries} StartQuery, not one; logs calls: ${logs.map((entry) => entry.operation).join(', ')}`);
      await run.shot(`${lang}-team-developers`);
      return `${self[0]}; ${first.slice(0, 80)}`;
    });

    await run.check(`[${lang}] actual spend from Cost Explorer sits beside the CloudWatch estimate, the difference explained`, async () => {
      const spend = view!.locator('[data-test="team-spend"]');
      await waitFor('the spend months', async () => (await spend.innerText()).includes(words.toDate as string), 90_000);
      const text = (await spend.innerText()).replace(/\s+/g, ' ');
      for (const expected of [words.estimate, words.why]) if (!text.includes(expected as string)) throw new Error(`spend lacks "${String(expected)}": ${text.slice(0, 400)}`);
      const ce = fakeAws.requests.filter((entry) => entry.service === 'ce');
      if (ce.length !== 3 || ce.some((entry) => entry.signingRegion !== 'us-east-1')) throw new Error(`Cost Explorer calls: ${JSON.stringify(ce.map((entry) => [entry.operation, entry.signingRegion]))}`);
      await scrollTo(view!, 'team-spend');
      await run.shot(`${lang}-team-spend`);
      return text.slice(0, 160);
    });

    await run.check(`[${lang}] a budget is created after its preview and confirmation, and then listed`, async () => {
      const budgets = view!.locator('[data-test="team-budgets"]');
      await waitFor('the budgets list', async () => (await budgets.innerText()).includes('Claude team monthly'), 90_000);
      await view!.locator('[data-test="team-create-budget"]').click();
      const input = p.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible', timeout: 60_000 });
      await p.keyboard.type('5000');
      await p.keyboard.press('Enter');
      await waitFor('the alerts step', async () => (await quickInput(p).innerText()).includes('2/3'), 30_000);
      await p.keyboard.press('Enter');
      await waitFor('the recipients step', async () => (await quickInput(p).innerText()).includes('3/3'), 30_000);
      await p.keyboard.type('lead@example.com');
      await p.keyboard.press('Enter');
      const dialog = p.locator('.monaco-dialog-box').first();
      await dialog.waitFor({ state: 'visible', timeout: 60_000 });
      const shown = (await dialog.innerText()).replace(/\s+/g, ' ');
      await run.shot(`${lang}-budget-preview`);
      for (const expected of [words.planTitle as string, BASIC_ACCOUNT_ID, 'lead@example.com', '$5,000.00']) if (!shown.includes(expected)) throw new Error(`the preview lacks "${expected}": ${shown}`);
      if (fakeAws.requests.some((entry) => entry.operation === 'CreateBudget')) throw new Error('created before the confirmation');
      await dialog.locator('.monaco-button', { hasText: words.createConfirm as string }).first().click();
      await waitFor('CreateBudget', async () => fakeAws.requests.some((entry) => entry.operation === 'CreateBudget' && entry.status === 200), 30_000);
      await waitFor('the new budget in the list', async () => (await budgets.innerText()).includes(words.created as string), 60_000);
      const errors = await errorToasts(p);
      if (errors.length > 0) throw new Error(errors.join(' | '));
      await scrollTo(view!, 'team-budgets');
      await run.shot(`${lang}-team-budget-created`);
      return shown.slice(0, 160);
    });

    await run.check(`[${lang}] the cost plan compares Bedrock with the per-seat price and names the break-even`, async () => {
      const developers = view!.locator('[data-test="plan-developers"]');
      await developers.fill('12');
      await developers.press('Tab');
      // The summary's own line for 12 developers (a bare "12" could be any price or date already shown).
      await waitFor('the plan for 12 developers', async () => (words.planFor12 as RegExp).test(await sectionText(view!, 'plan-summary')), 30_000);
      const seats = await sectionText(view!, 'plan-seats');
      if (!seats.includes(words.seats as string) || !seats.includes(words.breakEven as string)) throw new Error(`seat comparison: ${seats}`);
      const summary = await sectionText(view!, 'plan-summary');
      if (!/[¥￥][\d,]+/.test(summary)) throw new Error(`no yen in the plan: ${summary}`);
      const alternatives = await view!.locator('[data-test="plan-alternatives"] .detail').count();
      if (alternatives < 3) throw new Error(`${alternatives} other models`);
      await scrollTo(view!, 'team-plan');
      await run.shot(`${lang}-team-plan`);
      await scrollTo(view!, 'plan-summary');
      await run.shot(`${lang}-team-plan-seats`);
      return seats.slice(0, 200);
    });

    await run.check(`[${lang}] turning invocation logging on, when the write fails: not confirmed on (never "off"), and what to do`, async () => {
      fakeAws.inject({ service: 'bedrock', operation: 'PutModelInvocationLoggingConfiguration', fault: 'json-500' });
      try {
        await runFromPalette(p, words.loggingCommand as string, { waitHidden: false });
        const input = p.locator('.quick-input-widget input');
        await input.waitFor({ state: 'visible', timeout: 60_000 });
        // Another log group than the one configured, so that there is a change to write.
        await p.keyboard.press('ControlOrMeta+a');
        await p.keyboard.type('/aws/bedrock/claude-code-e2e');
        await p.keyboard.press('Enter');
        await waitFor('the role step', async () => (await quickInput(p).innerText()).includes(words.loggingStep2 as string), 30_000);
        await p.keyboard.press('Enter');
        const dialog = p.locator('.monaco-dialog-box').first();
        await dialog.waitFor({ state: 'visible', timeout: 60_000 });
        await dialog.locator('.monaco-button', { hasText: words.loggingConfirm as string }).first().click();
        let shown = '';
        await waitFor('the error message', async () => {
          shown = (await errorToasts(p)).find((toast) => toast.includes(words.loggingNotConfirmed as string)) ?? '';
          return shown !== '';
        }, 60_000);
        for (const expected of ['PutModelInvocationLoggingConfiguration', 'HTTP 500', words.loggingFix as string]) if (!shown.includes(expected)) throw new Error(`the message lacks "${expected}": ${shown}`);
        if (!fakeAws.requests.some((entry) => entry.operation === 'PutModelInvocationLoggingConfiguration' && entry.fault === 'json-500')) throw new Error('the write was never asked');
        // Expanded, as a user reads a long message.
        const toast = p.locator('.notifications-toasts .notification-toast', { hasText: words.loggingNotConfirmed as string }).first();
        await toast.hover().catch(() => undefined);
        const expand = toast.locator('.action-label.codicon-notifications-expand');
        if ((await expand.count()) > 0) await expand.first().click({ timeout: 5_000 }).catch(() => undefined);
        await p.waitForTimeout(300);
        await run.shot(`${lang}-logging-not-confirmed`);
        return shown.slice(0, 200);
      } finally {
        fakeAws.clearFaults();
      }
    });
  } catch (error) {
    await run.unexpected(error);
  } finally {
    await tearDown(run, { browser, server, fake, tmp }, KEEP);
  }
}

async function main(): Promise<void> {
  for (const lang of ['en', 'ja'] as const) {
    if (ONLY !== undefined && ONLY !== lang) continue;
    await pass(lang);
  }
  run.finish();
}

void main();
