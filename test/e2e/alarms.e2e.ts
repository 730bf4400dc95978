/**
 * End to end in a real VS Code (code-server + Chromium): the team admin's features in the
 * throttled scenario of the fake AWS, on a workspace configured by the CLI's `setup` (jp. Sonnet 4.5
 * and jp. Haiku 4.5 in Tokyo with the sso-dev profile). From the Quotas & Usage view: the alarms
 * (models, percentage, a new topic with an e-mail address, the preview as a diff and a modal that
 * lists them, then the calls), their state in the view and in the status bar (jp. Sonnet 4.5's
 * alarms in ALARM → a warning), the dashboard (diff, modal, PutDashboard), and the admin stack
 * from the command palette. Then the same preview in Japanese, declined: nothing created.
 *
 *   scripts/e2e-tools.sh && npm run package && npx tsx test/e2e/alarms.e2e.ts [--headed] [--keep]
 *
 * Screenshots go to test-results/e2e/alarms/. Nothing leaves 127.0.0.1 (the console link is not followed).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fakeAwsEnv, EXTENSION_ID, launchBrowser, mkTempDir, REPO_ROOT, startCodeServer, type BrowserSession, type CodeServer } from './codeServer';
import { installJapaneseLanguagePack } from './languagePack';
import type { PwLocator, PwPage } from './pw';
import { checkVsixAndCli, E2eRun, errorToasts, extensionWebview, foldViews, openContainer, quickInputSnapshot, runFromPalette, statusBarItem, statusText, tearDown, toasts, waitFor } from './workbench';
import { startFakeAws, writeDemoHome, type FakeAws } from '../fake-aws';
import { BASIC_ACCOUNT_ID } from '../fake-aws/scenarios/basic';

const CONTAINER_TITLE = 'Claude on Bedrock';
const TOKYO = 'ap-northeast-1';
const JP_SONNET = 'jp.anthropic.claude-sonnet-4-5-20250929-v1:0';
const JP_HAIKU = 'jp.anthropic.claude-haiku-4-5-20251001-v1:0';
const EMAIL = 'platform-team@example.com';
const argv = process.argv.slice(2);
const HEADED = argv.includes('--headed');
const KEEP = argv.includes('--keep');
const run = new E2eRun('alarms');

const count = (fake: FakeAws, operation: string) => fake.requests.filter((entry) => entry.operation === operation).length;
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

async function openUsageView(p: PwPage, header: string): Promise<void> {
  await openContainer(p, CONTAINER_TITLE);
  const headers = p.locator('.part.sidebar .pane-header');
  const names = (await headers.allInnerTexts()).map((text) => text.split('\n')[0]!.trim()).filter((name) => name !== '' && !name.startsWith(header));
  await foldViews(p, names);
  const usage = p.locator(`.part.sidebar .pane-header[aria-label^="${header}"]`).first();
  if ((await usage.getAttribute('aria-expanded')) !== 'true') await usage.click({ position: { x: 12, y: 10 } });
}

async function dialogText(p: PwPage): Promise<string> {
  const dialog = p.locator('.monaco-dialog-box').first();
  await dialog.waitFor({ state: 'visible', timeout: 60_000 });
  return oneLine(await dialog.innerText());
}

async function quickInputShows(p: PwPage, text: string | RegExp): Promise<string> {
  let seen = '';
  await waitFor(`the quick input to show ${String(text)}`, async () => {
    const widget = p.locator('.quick-input-widget');
    if (!(await widget.isVisible())) return false;
    // One read: the placeholder and the rows of the same pick.
    seen = await quickInputSnapshot(p);
    return typeof text === 'string' ? seen.includes(text) : text.test(seen);
  }, 60_000);
  return seen;
}

/** The `data-state` of each alarm row, in order. */
async function alarmStates(rows: PwLocator): Promise<string[]> {
  const states: string[] = [];
  for (let index = 0; index < (await rows.count()); index += 1) states.push((await rows.nth(index).getAttribute('data-state')) ?? '');
  return states;
}

/**
 * *Export Admin Stack* with every Service Quotas call failing: the template still opens, and the
 * warning (found by `marker`) holds each expected text: the cause and the fix.
 */
async function exportWithoutQuotas(p: PwPage, fakeAws: FakeAws, command: string, marker: string, expected: readonly string[], shot: string): Promise<string> {
  fakeAws.inject({ service: 'servicequotas', operation: '*', fault: 'json-503' });
  try {
    const tabs = p.locator('.tabs-container .tab');
    const before = await tabs.count();
    await runFromPalette(p, command);
    let shown = '';
    await waitFor(`the warning "${marker}"`, async () => {
      shown = (await toasts(p)).find((toast) => toast.includes(marker)) ?? '';
      return shown !== '';
    }, 60_000);
    for (const text of expected) if (!shown.includes(text)) throw new Error(`the warning lacks "${text}": ${shown}`);
    // A new editor holds the template (the warning comes after it opened).
    if ((await tabs.count()) !== before + 1) throw new Error(`${await tabs.count()} editor tabs, ${before} before: no new editor`);
    const template = oneLine(await p.locator('.editor-instance .view-lines').last().innerText());
    if (!template.includes('AWSTemplateFormatVersion')) throw new Error(`the new editor holds no template: ${template.slice(0, 200)}`);
    // Let the toasts finish moving (the progress one leaves) before the picture.
    await p.waitForTimeout(1_000);
    await run.shot(shot);
    return shown.slice(0, 200);
  } finally {
    fakeAws.clearFaults();
  }
}

async function main(): Promise<void> {
  const tmp = mkTempDir('cbs-e2e-alarms-');
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

    const start = async (locale: 'en' | 'ja') => {
      const extensionsDir = path.join(tmp, `ext-${locale}`);
      const userDataDir = path.join(tmp, `ud-${locale}`);
      if (locale === 'ja') await installJapaneseLanguagePack({ extensionsDir, userDataDir, env, logFile: path.join(run.shotsDir, '..', 'alarms-language-pack.install.log') });
      server = await startCodeServer({
        env,
        vsix,
        folder: workspace,
        extensionsDir,
        userDataDir,
        ...(locale === 'ja' ? { locale: 'ja' } : {}),
        disableWorkspaceTrust: true,
        logName: `alarms-code-server-${locale}`,
        settings: { 'claudeBedrock.usage.refreshIntervalSeconds': 3600, 'workbench.secondarySideBar.defaultVisibility': 'hidden', 'workbench.startupEditor': 'none' },
      });
      browser = await launchBrowser({ headless: !HEADED, ...(locale === 'ja' ? { locale: 'ja-JP' } : {}) });
      run.page = browser.page;
      await browser.page.goto(server.folderUrl, { timeout: 120_000, waitUntil: 'domcontentloaded' });
      await browser.page.waitForSelector('.monaco-workbench', { timeout: 180_000 });
      await browser.page.locator('.part.activitybar').waitFor({ state: 'visible', timeout: 120_000 });
    };

    await run.check('code-server starts with the VSIX and the configured workspace', () => start('en'), { fatal: true });
    const p = run.page!;
    const view = extensionWebview(p, EXTENSION_ID);
    const sonnet = view.locator(`[data-test="model-section"][data-model-id="${JP_SONNET}"]`);

    await run.check('the Quotas & Usage view offers the team admin\'s actions, and no alarm exists yet', async () => {
      await openUsageView(p, 'Quotas & Usage');
      await sonnet.waitFor({ state: 'visible', timeout: 90_000 });
      const admin = oneLine(await view.locator('[data-test="admin-actions"]').innerText({ timeout: 30_000 }));
      for (const label of ['Alarms…', 'Dashboard…', 'Open dashboard', 'Admin stack…']) if (!admin.includes(label)) throw new Error(`the admin row lacks "${label}": ${admin}`);
      if ((await view.locator('[data-test="alarm"]').count()) !== 0) throw new Error('alarms shown before any exists');
      if (count(fakeAws, 'DescribeAlarms') === 0) throw new Error('the refresh did not read the alarms');
      await run.shot('usage-view-admin-row');
      return admin;
    });

    await run.check('"Alarms…" asks for models, percentage and notifications, then previews the alarms as a diff and in a modal before creating anything', async () => {
      fakeAws.clearLog();
      await view.locator('[data-test="admin-createAlarms"]').click();
      await quickInputShows(p, 'Alarms (1/3): models');
      await p.keyboard.press('Enter');
      const percent = await quickInputShows(p, 'Alarms (2/3): quota use');
      await p.keyboard.press('Enter');
      await quickInputShows(p, 'Alarms (3/3): notifications');
      await p.keyboard.press('Enter');
      await quickInputShows(p, 'Alarms (3/3): e-mail address');
      await p.keyboard.type('not-an-address');
      await quickInputShows(p, 'Enter an e-mail address such as admin@example.com.');
      await p.keyboard.press('ControlOrMeta+a');
      await p.keyboard.type(EMAIL);
      await p.keyboard.press('Enter');
      const shown = await dialogText(p);
      for (const expected of [
        `create: claude-bedrock/throttles/${JP_SONNET}`,
        `create: claude-bedrock/quota-tpm/${JP_SONNET} — quota tokens per minute at 80% or more of the TPM quota 200,000 (L-F4DDD3EB)`,
        `create: claude-bedrock/quota-tpm/${JP_HAIKU}`,
        'create the SNS topic claude-bedrock-alarms',
        `subscribe ${EMAIL}`,
        'Create or update 4 alarms',
      ]) {
        if (!shown.includes(expected)) throw new Error(`the confirmation lacks "${expected}": ${shown}`);
      }
      const diffTab = p.locator('.tabs-container .tab', { hasText: 'Alarms in ap-northeast-1' });
      await diffTab.first().waitFor({ state: 'visible', timeout: 30_000 });
      // The diff editor renders the lines in view: the first alarm's request, as PutMetricAlarm will get it.
      const editor = oneLine(await p.locator('.editor-instance').first().innerText());
      for (const expected of [`"claude-bedrock/throttles/${JP_SONNET}": {`, `"AlarmName": "claude-bedrock/throttles/${JP_SONNET}"`, '"MetricName": "InvocationThrottles"', '"Threshold": 1']) {
        if (!editor.includes(expected)) throw new Error(`the diff lacks ${expected}: ${editor.slice(0, 300)}`);
      }
      for (const operation of ['PutMetricAlarm', 'CreateTopic', 'Subscribe']) if (count(fakeAws, operation) !== 0) throw new Error(`${operation} before the confirmation`);
      await run.shot('alarms-preview-en');
      return `${percent.slice(0, 80)} | ${shown.slice(0, 200)}`;
    });

    await run.check('confirming creates the topic, the subscription and the four alarms, once each', async () => {
      await p.locator('.monaco-dialog-box .monaco-button', { hasText: 'Create or update 4 alarms' }).first().click();
      await waitFor('four PutMetricAlarm calls', async () => count(fakeAws, 'PutMetricAlarm') === 4, 60_000);
      if (count(fakeAws, 'CreateTopic') !== 1 || count(fakeAws, 'Subscribe') !== 1) throw new Error(`CreateTopic ${count(fakeAws, 'CreateTopic')}, Subscribe ${count(fakeAws, 'Subscribe')}`);
      const stored = fakeAws.state.cloudWatch!.accounts[BASIC_ACCOUNT_ID]!.alarms![TOKYO]!;
      if (stored.length !== 4) throw new Error(`${stored.length} alarms stored`);
      await waitFor('the saved message', async () => (await toasts(p)).some((text) => text.includes('Alarms saved in ap-northeast-1')), 30_000);
      const errors = await errorToasts(p);
      if (errors.length > 0) throw new Error(errors.join(' | '));
      await run.shot('alarms-created');
      return (await toasts(p)).find((text) => text.includes('Alarms saved'))!.slice(0, 200);
    });

    await run.check('the view shows each alarm\'s state: jp. Sonnet 4.5\'s in ALARM (its throttled minutes), jp. Haiku 4.5\'s OK', async () => {
      await waitFor('the alarms in the view', async () => (await sonnet.locator('[data-test="alarm"]').count()) === 2, 60_000);
      const states = await alarmStates(sonnet.locator('[data-test="alarm"]'));
      if (states.join(',') !== 'ALARM,ALARM') throw new Error(`jp. Sonnet 4.5 alarms: ${states.join(',')}`);
      const haiku = await alarmStates(view.locator(`[data-test="model-section"][data-model-id="${JP_HAIKU}"] [data-test="alarm"]`));
      if (haiku.join(',') !== 'OK,OK') throw new Error(`jp. Haiku 4.5 alarms: ${haiku.join(',')}`);
      await sonnet.screenshot({ path: path.join(run.shotsDir, 'alarms-state-in-view.png'), timeout: 30_000 });
      return oneLine(await sonnet.locator('[data-test="alarms"]').innerText());
    });

    await run.check('a refresh of the view reads the alarms with one DescribeAlarms', async () => {
      fakeAws.clearLog();
      await view.locator('[data-test="refresh"]').click();
      await waitFor('a refresh', async () => count(fakeAws, 'GetMetricData') >= 1, 30_000);
      await waitFor('the refresh to finish', async () => (await view.locator('[data-test="usage-refreshing"]').count()) === 0, 30_000);
      if (count(fakeAws, 'DescribeAlarms') !== 1 || count(fakeAws, 'GetMetricData') !== 1) throw new Error(`DescribeAlarms ${count(fakeAws, 'DescribeAlarms')}, GetMetricData ${count(fakeAws, 'GetMetricData')}`);
      return '1 DescribeAlarms, 1 GetMetricData';
    });

    await run.check('the status bar warns and names the alarms in ALARM in its tooltip', async () => {
      await waitFor('the health item to warn', async () => (await statusText(p)).includes('codicon-warning'), 60_000);
      let tooltip = '';
      await waitFor('the alarm line in the tooltip', async () => {
        await p.mouse.move(600, 300);
        await statusBarItem(p, 'Bedrock').hover();
        const hover = p.locator('.monaco-hover, .workbench-hover').filter({ hasText: /Claude on Bedrock/ }).first();
        await hover.waitFor({ state: 'visible', timeout: 10_000 });
        tooltip = oneLine(await hover.innerText());
        return tooltip.includes('alarms in ALARM');
      }, 60_000);
      await run.shot('status-bar-alarm-warning');
      await p.mouse.move(600, 300);
      const match = /2 alarms in ALARM: [^·]*/.exec(tooltip);
      if (!match || !match[0].includes(`claude-bedrock/throttles/${JP_SONNET}`)) throw new Error(`tooltip: ${tooltip}`);
      return match[0].slice(0, 160);
    });

    await run.check('"Dashboard…" previews the body as a diff and in a modal, then saves it with PutDashboard once', async () => {
      fakeAws.clearLog();
      await view.locator('[data-test="admin-createDashboard"]').click();
      const shown = await dialogText(p);
      if (!shown.includes('Create the CloudWatch dashboard claude-bedrock-ap-northeast-1 in ap-northeast-1')) throw new Error(`dashboard confirmation: ${shown}`);
      await p.locator('.tabs-container .tab', { hasText: 'claude-bedrock-ap-northeast-1' }).first().waitFor({ state: 'visible', timeout: 30_000 });
      if (count(fakeAws, 'PutDashboard') !== 0) throw new Error('PutDashboard before the confirmation');
      await run.shot('dashboard-preview-en');
      await p.locator('.monaco-dialog-box .monaco-button', { hasText: 'Save the dashboard' }).first().click();
      await waitFor('PutDashboard', async () => count(fakeAws, 'PutDashboard') === 1, 60_000);
      await waitFor('the saved message with the console link', async () => (await toasts(p)).some((text) => text.includes('Dashboard claude-bedrock-ap-northeast-1 saved in ap-northeast-1') && text.includes('Open in the CloudWatch console')), 30_000);
      const body = fakeAws.state.cloudWatch!.accounts[BASIC_ACCOUNT_ID]!.dashboards![TOKYO]!['claude-bedrock-ap-northeast-1']!;
      if (!body.includes('"value": 200000')) throw new Error('the saved body lacks the TPM quota line');
      await run.shot('dashboard-saved');
      return shown.slice(0, 160);
    });

    await run.check('"Export Admin Stack" from the palette opens the CloudFormation template as YAML, with the quota read now as a default', async () => {
      fakeAws.clearLog();
      await runFromPalette(p, 'Export Admin Stack (CloudFormation)');
      await waitFor('the template in an editor', async () => (await p.locator('.editor-instance .view-lines').first().innerText()).includes('AWSTemplateFormatVersion'), 60_000);
      const text = oneLine(await p.locator('.editor-instance .view-lines').first().innerText());
      await waitFor('the deploy message', async () => (await toasts(p)).some((toast) => toast.includes('Copy the deploy command')), 30_000);
      await run.shot('admin-stack-exported');
      if (['PutMetricAlarm', 'PutDashboard', 'CreateTopic'].some((operation) => count(fakeAws, operation) > 0)) throw new Error('exporting the stack created something');
      // The quota was read now (one listing) and is the TPM parameter's default.
      if (count(fakeAws, 'ListServiceQuotas') === 0) throw new Error('Service Quotas was not read for the defaults');
      if (!text.includes('Default: 200000')) throw new Error(`no quota parameter has the read TPM quota 200000 as its default: ${text.slice(0, 1200)}`);
      return text.slice(0, 160);
    });

    await run.check('"Export Admin Stack" with Service Quotas failing still opens the template, and its warning gives the cause and the fix', () =>
      exportWithoutQuotas(p, fakeAws, 'Export Admin Stack (CloudFormation)', 'without quota defaults', ['ListServiceQuotas in ap-northeast-1 was answered with HTTP 503', 'AWS_ENDPOINT_URL_SERVICE_QUOTAS', 'Or pass the quota parameters when you deploy.'], 'admin-stack-without-quotas'),
    );

    await run.check('in Japanese, the alarms\' preview and its confirmation read in Japanese; declining creates nothing', async () => {
      await browser?.close();
      await server?.stop();
      await start('ja');
      const q = run.page!;
      const jaView = extensionWebview(q, EXTENSION_ID);
      await openUsageView(q, 'クォータと使用状況');
      await jaView.locator(`[data-test="model-section"][data-model-id="${JP_SONNET}"]`).waitFor({ state: 'visible', timeout: 90_000 });
      await jaView.locator('[data-test="admin-actions"]').waitFor({ state: 'visible', timeout: 30_000 });
      const admin = oneLine(await jaView.locator('[data-test="admin-actions"]').innerText());
      if (!admin.includes('チーム管理') || !admin.includes('アラーム…')) throw new Error(`admin row: ${admin}`);
      const states = oneLine(await jaView.locator(`[data-test="model-section"][data-model-id="${JP_SONNET}"] [data-test="alarms"]`).innerText({ timeout: 30_000 }));
      if (!states.includes('アラーム')) throw new Error(`alarm states: ${states}`);
      fakeAws.clearLog();
      await jaView.locator('[data-test="admin-createAlarms"]').click();
      await quickInputShows(q, 'アラーム (1/3): モデル');
      await q.keyboard.press('Enter');
      await quickInputShows(q, 'アラーム (2/3): クォータ使用率');
      await q.keyboard.press('ControlOrMeta+a');
      await q.keyboard.type('90');
      await q.keyboard.press('Enter');
      await quickInputShows(q, 'アラーム (3/3): 通知');
      await q.keyboard.press('Enter');
      await quickInputShows(q, 'アラーム (3/3): メールアドレス');
      await q.keyboard.type(EMAIL);
      await q.keyboard.press('Enter');
      const shown = await dialogText(q);
      for (const expected of ['更新: claude-bedrock/quota-tpm/', 'TPM クォータ 200,000 (L-F4DDD3EB) の 90% 以上', '(現在 アラーム)', 'SNS トピック claude-bedrock-alarms は既にあります', `${EMAIL} はサブスクライブ済みで`]) {
        if (!shown.includes(expected)) throw new Error(`the Japanese confirmation lacks "${expected}": ${shown}`);
      }
      await run.shot('alarms-preview-ja');
      await q.keyboard.press('Escape');
      await q.locator('.monaco-dialog-box').first().waitFor({ state: 'hidden', timeout: 30_000 });
      await q.waitForTimeout(2_000);
      if (['PutMetricAlarm', 'CreateTopic', 'Subscribe'].some((operation) => count(fakeAws, operation) > 0)) throw new Error('declining created something');
      return shown.slice(0, 200);
    });

    await run.check('in Japanese, "Export Admin Stack" with Service Quotas failing warns with the cause and the fix in Japanese', () =>
      exportWithoutQuotas(run.page!, fakeAws, '管理スタック (CloudFormation) を書き出す', 'クォータの既定値なし', ['ListServiceQuotas', 'HTTP 503', 'AWS_ENDPOINT_URL_SERVICE_QUOTAS', 'または、デプロイ時にクォータのパラメーターを指定してください。'], 'admin-stack-without-quotas-ja'),
    );
  } catch (error) {
    await run.unexpected(error);
  } finally {
    await tearDown(run, { browser, server, fake, tmp }, KEEP);
  }
  run.finish();
}

void main();
