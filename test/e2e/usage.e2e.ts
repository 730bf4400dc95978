/**
 * End to end in a real VS Code (code-server + Chromium): the Quotas & Usage view and the status
 * bar's usage warning in the throttled scenario of the fake AWS, on a workspace configured by the
 * CLI's `setup` (jp. Sonnet 4.5 and jp. Haiku 4.5 in Tokyo with the sso-dev profile).
 *
 *   scripts/e2e-tools.sh && npm run package && npx tsx test/e2e/usage.e2e.ts [--headed] [--keep]
 *
 * Screenshots go to test-results/e2e/usage/. Nothing leaves 127.0.0.1.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fakeAwsEnv, EXTENSION_ID, launchBrowser, mkTempDir, REPO_ROOT, startCodeServer, type BrowserSession, type CodeServer } from './codeServer';
import type { PwFrameLocator, PwLocator } from './pw';
import { checkVsixAndCli, E2eRun, errorToasts, extensionWebview, foldViews, openContainer, statusBarItem, statusText, tearDown, waitFor } from './workbench';
import { startFakeAws, writeDemoHome, type FakeAws } from '../fake-aws';
import { BASIC_ACCOUNT_ID } from '../fake-aws/scenarios/basic';
import { QUOTA_CODES } from '../fake-aws/scenarios/quotaCatalog';
import { QUOTA_THROTTLED_EXPECTED } from '../fake-aws/scenarios/quotaData';

const CONTAINER_TITLE = 'Claude on Bedrock';
const TOKYO = 'ap-northeast-1';
const JP_SONNET = 'jp.anthropic.claude-sonnet-4-5-20250929-v1:0';
const JP_HAIKU = 'jp.anthropic.claude-haiku-4-5-20251001-v1:0';
/** The shortest interval the setting allows: the automatic refresh is observed within it. */
const REFRESH_SECONDS = 30;
const argv = process.argv.slice(2);
const HEADED = argv.includes('--headed');
const KEEP = argv.includes('--keep');
const run = new E2eRun('usage');

function metricCalls(fake: FakeAws): number {
  return fake.requests.filter((entry) => entry.operation === 'GetMetricData').length;
}

async function text(within: PwFrameLocator | PwLocator, hook: string): Promise<string> {
  return (await within.locator(`[data-test="${hook}"]`).first().innerText({ timeout: 30_000 })).replace(/\s+/g, ' ').trim();
}

async function main(): Promise<void> {
  const tmp = mkTempDir('cbs-e2e-usage-');
  let server: CodeServer | undefined;
  let browser: BrowserSession | undefined;
  let fake: FakeAws | undefined;
  try {
    const vsix = await checkVsixAndCli(run);

    fake = await startFakeAws({ scenario: 'quota-throttled' });
    const fakeAws = fake;
    const demo = await writeDemoHome(path.join(tmp, 'home'), fakeAws.state);
    const env = fakeAwsEnv(demo.home, fakeAws.env(), { CLAUDE_BEDROCK_MANAGED_SETTINGS_DIR: path.join(tmp, 'managed'), TZ: 'UTC' });
    const workspace = path.join(tmp, 'workspace');
    fs.mkdirSync(workspace);
    execFileSync('git', ['init', '-q'], { cwd: workspace, env });
    execFileSync(process.execPath, [path.join(REPO_ROOT, 'dist', 'cli.js'), 'setup', '--folder', workspace, '--profile', 'sso-dev', '--region', TOKYO, '--model', JP_SONNET, '--background-model', JP_HAIKU], { env, stdio: 'pipe' });

    await run.check('code-server starts with the VSIX and the configured workspace', async () => {
      server = await startCodeServer({
        env,
        vsix,
        folder: workspace,
        extensionsDir: path.join(tmp, 'ext'),
        userDataDir: path.join(tmp, 'ud'),
        disableWorkspaceTrust: true,
        logName: 'usage-code-server',
        settings: { 'claudeBedrock.usage.refreshIntervalSeconds': REFRESH_SECONDS },
      });
      browser = await launchBrowser({ headless: !HEADED });
      run.page = browser.page;
      await browser.page.goto(server.folderUrl, { timeout: 120_000, waitUntil: 'domcontentloaded' });
      await browser.page.waitForSelector('.monaco-workbench', { timeout: 180_000 });
      await browser.page.locator('.part.activitybar').waitFor({ state: 'visible', timeout: 120_000 });
    }, { fatal: true });
    const p = run.page!;

    await run.check('the status bar warns about the throttling of the last 15 minutes, with the figure in the tooltip', async () => {
      await waitFor('the health item to warn', async () => (await statusText(p)).includes('codicon-warning'), 90_000);
      await statusBarItem(p, 'Bedrock').hover();
      const hover = p.locator('.monaco-hover, .workbench-hover').filter({ hasText: /Claude on Bedrock/ }).first();
      await hover.waitFor({ state: 'visible', timeout: 30_000 });
      const tooltip = (await hover.innerText()).replace(/\s+/g, ' ');
      await run.shot('status-usage-warning');
      await p.mouse.move(600, 300);
      const match = /(\d+) throttled requests in the last 15 minutes/.exec(tooltip);
      if (!match) throw new Error(`tooltip lacks the throttle figure: ${tooltip}`);
      if (fakeAws.requests.some((entry) => /Converse|InvokeModel/.test(entry.operation ?? ''))) throw new Error('the health check invoked a model');
      if ((await p.locator('.quick-input-widget').isVisible()) === true) throw new Error('a quick pick opened by itself');
      return `${await statusText(p)}; ${match[0]}`;
    });

    const view = extensionWebview(p, EXTENSION_ID);
    await run.check('the Quotas & Usage view shows the throttled minutes, usage against the jp. TPM quota and the charts', async () => {
      await openContainer(p, CONTAINER_TITLE);
      await foldViews(p, ['Setup', 'AWS Profiles', 'Claude Models']);
      const header = p.locator('.part.sidebar .pane-header[aria-label^="Quotas & Usage"]').first();
      if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click({ position: { x: 12, y: 10 } });
      const section = view.locator(`[data-test="model-section"][data-model-id="${JP_SONNET}"]`);
      await section.waitFor({ state: 'visible', timeout: 90_000 });
      const minutes = await text(section, 'throttled-minutes');
      // 15 throttled minutes in the scenario; at most ten listed, then "+N more".
      const listed = (minutes.match(/\d\d:\d\d/g) ?? []).length;
      const more = Number(/\+(\d+)/.exec(minutes)?.[1] ?? 0);
      if (listed + more !== QUOTA_THROTTLED_EXPECTED.throttledMinutesAgo.length) throw new Error(`throttled minutes: "${minutes}"`);
      for (const chart of ['chart-tokens', 'chart-requests', 'chart-throttles']) {
        if ((await section.locator(`[data-test="${chart}"] svg`).count()) !== 1) throw new Error(`no ${chart}`);
      }
      if ((await section.locator('[data-test="chart-tokens"] [data-test="quota-line"]').count()) !== 1) throw new Error('the tokens chart has no quota line');
      const row = section.locator(`[data-test="quota-row"][data-code="${QUOTA_CODES.sonnet45.geoTpm}"]`).first();
      const rowText = (await row.innerText()).replace(/\s+/g, ' ');
      if (!rowText.includes(QUOTA_THROTTLED_EXPECTED.tpmQuota.toLocaleString('en-US'))) throw new Error(`TPM quota row: ${rowText}`);
      const section3 = (await section.innerText()).replace(/\s+/g, ' ');
      if (!/\d+%/.test(section3)) throw new Error('no percentage of the quota');
      await run.shot('usage-view-throttled');
      // The charts sit below the fold of a 900-pixel window: a picture of the model's section itself.
      await section.screenshot({ path: path.join(run.shotsDir, 'usage-view-throttled-charts.png'), timeout: 30_000 });
      return `${minutes}; ${rowText}`;
    });

    await run.check('a concrete recommendation names the quota value to request and the scope with a larger quota', async () => {
      const increase = await text(view, 'recommendation');
      if (!/Request [\d,]+ TPM for jp\.anthropic\.claude-sonnet-4-5/.test(increase)) throw new Error(`first recommendation: ${increase}`);
      const all = (await view.locator('[data-test="recommendation"]').allInnerTexts()).join(' | ');
      if (!/global\.anthropic\.claude-sonnet-4-5/.test(all) || !/outside Japan/.test(all)) throw new Error(`no switch-scope with its residency consequence: ${all}`);
      if (!/CLAUDE_CODE_MAX_OUTPUT_TOKENS/.test(all)) throw new Error(`no max_tokens advice: ${all}`);
      const cost = await text(view, 'usage-cost');
      if (!/\$[\d.]+/.test(cost)) throw new Error(`cost: ${cost}`);
      return `${increase.slice(0, 80)}…; ${cost}`;
    });

    await run.check('a refresh costs exactly one CloudWatch call, and the view shows the data\'s age', async () => {
      fakeAws.clearLog();
      await view.locator('[data-test="refresh"]').click();
      await waitFor('a GetMetricData after the click', async () => metricCalls(fakeAws) >= 1, 30_000);
      await waitFor('the refresh to finish', async () => (await view.locator('[data-test="usage-refreshing"]').count()) === 0, 30_000);
      const age = await text(view, 'usage-age');
      if (metricCalls(fakeAws) !== 1) throw new Error(`${metricCalls(fakeAws)} GetMetricData calls for one refresh`);
      return `1 GetMetricData; "${age}"`;
    });

    await run.check('"Request increase…" asks for confirmation showing the exact request, then calls RequestServiceQuotaIncrease once', async () => {
      fakeAws.clearLog();
      await view.locator('[data-test="request-increase"]').first().click();
      const dialog = p.locator('.monaco-dialog-box').first();
      await dialog.waitFor({ state: 'visible', timeout: 30_000 });
      const shown = (await dialog.innerText()).replace(/\s+/g, ' ');
      await run.shot('request-increase-confirmation');
      for (const expected of [QUOTA_CODES.sonnet45.geoTpm, `Region: ${TOKYO}`, 'Profile: sso-dev', `Current value: ${QUOTA_THROTTLED_EXPECTED.tpmQuota.toLocaleString('en-US')}`, 'Requested value:']) {
        if (!shown.includes(expected)) throw new Error(`the confirmation lacks "${expected}": ${shown}`);
      }
      if (fakeAws.requests.some((entry) => entry.operation === 'RequestServiceQuotaIncrease')) throw new Error('requested before the confirmation');
      await dialog.locator('.monaco-button', { hasText: 'Send request' }).first().click();
      await waitFor('the request', async () => fakeAws.requests.some((entry) => entry.operation === 'RequestServiceQuotaIncrease'), 30_000);
      await waitFor('the recommendation to show the pending request', async () => (await view.locator('[data-test="requested"]').count()) > 0, 60_000);
      const sent = fakeAws.requests.filter((entry) => entry.operation === 'RequestServiceQuotaIncrease');
      if (sent.length !== 1 || sent[0]!.status !== 200) throw new Error(JSON.stringify(sent));
      const errors = await errorToasts(p);
      if (errors.length > 0) throw new Error(errors.join(' | '));
      await run.shot('request-increase-sent');
      return shown.slice(0, 160);
    });

    await run.check('with CloudWatch denied, the view names cloudwatch:GetMetricData and still shows the quotas', async () => {
      const account = fakeAws.state.cloudWatch!.accounts[BASIC_ACCOUNT_ID]!;
      account.deniedActions = ['cloudwatch:GetMetricData'];
      await view.locator('[data-test="refresh"]').click();
      await waitFor('the problem line', async () => (await text(view, 'usage-problem')).includes('cloudwatch:GetMetricData'), 30_000);
      if ((await view.locator('[data-test="chart-tokens"]').count()) !== 0) throw new Error('charts of data that could not be read');
      const rows = await view.locator('[data-test="quota-row"]').count();
      if (rows === 0) throw new Error('the quota table went away');
      await run.shot('usage-view-cloudwatch-denied');
      account.deniedActions = [];
      return `${await text(view, 'usage-problem')}; ${rows} quota rows`;
    });

    await run.check('data refreshes on its own while the view is visible, and not at all while it is hidden', async () => {
      await view.locator('[data-test="refresh"]').click();
      await waitFor('the view to recover', async () => (await view.locator('[data-test="usage-problem"]').count()) === 0, 30_000);
      fakeAws.clearLog();
      await waitFor('an automatic refresh', async () => metricCalls(fakeAws) >= 1, (REFRESH_SECONDS + 15) * 1000);
      await foldViews(p, ['Quotas & Usage']);
      fakeAws.clearLog();
      await p.waitForTimeout((REFRESH_SECONDS + 10) * 1000);
      const hidden = metricCalls(fakeAws);
      if (hidden !== 0) throw new Error(`${hidden} GetMetricData calls while the view was hidden`);
      return `hidden for ${REFRESH_SECONDS + 10} s: 0 calls`;
    });
  } catch (error) {
    await run.unexpected(error);
  } finally {
    await tearDown(run, { browser, server, fake, tmp }, KEEP);
  }
  run.finish();
}

void main();
