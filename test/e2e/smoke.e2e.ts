/**
 * End-to-end smoke test in a real VS Code (code-server 4.139.1 = VS Code 1.139.1) driven through
 * Debian's Chromium by playwright-core.
 *
 *   scripts/e2e-tools.sh            # once: chromium, Node 24, code-server, playwright-core
 *   npm run package                 # builds vsix/claude-bedrock-setup-<version>.vsix
 *   npx tsx test/e2e/smoke.e2e.ts   # this test
 *
 * It installs the packaged VSIX into a fresh extensions dir, starts code-server on a random free
 * 127.0.0.1 port with a temporary HOME holding a small AWS config fixture, opens a temporary
 * workspace folder in Chromium, opens the "Claude on Bedrock" activity-bar container and checks
 * that the "AWS Profiles" tree lists the fixture's profiles and that the extension's commands run,
 * then that the "Claude Models" view lists a region's models and probes one against the fake AWS.
 *
 * Screenshots go to test-results/e2e/smoke/, logs to test-results/e2e/. The last line printed is "N passed, M failed";
 * the exit code is non-zero when anything failed. Nothing here leaves 127.0.0.1: the AWS
 * environment is cleared and AWS_ENDPOINT_URL points at a closed loopback port.
 *
 * Options: --headed (needs a display), --keep (keep temp dirs), E2E_TOOLS_DIR, E2E_CHROMIUM.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fakeAwsEnv, EXTENSION_ID, findVsix, launchBrowser, mkTempDir, readExtensionHostLogs, startCodeServer, toolPaths, type BrowserSession, type CodeServer } from './codeServer';
import type { PwPage } from './pw';
import { E2eRun, errorToasts, foldViews, rowDescription, runFromPalette, waitForLabels } from './workbench';
import { startFakeAws, type FakeAws } from '../fake-aws';
import { BASIC_ACCOUNT_ID, BASIC_STATIC_KEY } from '../fake-aws/scenarios/basic';

const CONTAINER_TITLE = 'Claude on Bedrock';
const VIEW_NAME = 'AWS Profiles';
const PROFILES = ['e2e-static', 'e2e-sso'];
/** Appended to ~/.aws/config just before the refresh command runs. */
const ADDED_PROFILE = 'e2e-added';
const REFRESH_COMMAND = 'Claude on Bedrock: Refresh AWS Profiles';
const CHECK_ALL_COMMAND = 'Claude on Bedrock: Check All AWS Identities';
const MODELS_VIEW = 'Claude Models';
const CHOOSE_PROFILE_COMMAND = 'Claude on Bedrock: Choose AWS Profile for Models';
const JP_SONNET = 'jp.anthropic.claude-sonnet-4-5-20250929-v1:0';
const GLOBAL_SONNET = 'global.anthropic.claude-sonnet-4-5-20250929-v1:0';
/** Appended to ~/.aws/config with no command run: the file watcher must pick it up. */
const WATCHED_PROFILE = 'e2e-watched';

const argv = process.argv.slice(2);
const HEADED = argv.includes('--headed');
const KEEP = argv.includes('--keep');

const run = new E2eRun('smoke');
const shot = (name: string) => run.shot(name);
const check = run.check.bind(run);
const log = run.log.bind(run);
let page: PwPage | undefined;

// ------------------------------------------------------------------------------------------------
// Fixture: a HOME with ~/.aws/config and ~/.aws/credentials, and a workspace folder.

function writeFixture(root: string): { home: string; workspace: string } {
  const home = path.join(root, 'home');
  const workspace = path.join(root, 'workspace');
  fs.mkdirSync(path.join(home, '.aws'), { recursive: true });
  fs.mkdirSync(workspace, { recursive: true });
  fs.writeFileSync(
    path.join(home, '.aws', 'config'),
    [
      '[profile e2e-static]',
      'region = ap-northeast-1',
      'output = json',
      '',
      '[profile e2e-sso]',
      'sso_session = e2e-session',
      'sso_account_id = 111122223333',
      'sso_role_name = E2EReadOnly',
      'region = us-east-1',
      '',
      '[sso-session e2e-session]',
      'sso_start_url = http://127.0.0.1:9/start',
      'sso_region = us-east-1',
      'sso_registration_scopes = sso:account:access',
      '',
    ].join('\n'),
  );
  fs.writeFileSync(
    path.join(home, '.aws', 'credentials'),
    // The fake AWS knows this key: the identity check from the UI must reach it and succeed.
    ['[e2e-static]', `aws_access_key_id = ${BASIC_STATIC_KEY.accessKeyId}`, `aws_secret_access_key = ${BASIC_STATIC_KEY.secretAccessKey}`, ''].join('\n'),
  );
  fs.writeFileSync(path.join(workspace, 'README.md'), '# e2e smoke workspace\n');
  return { home, workspace };
}

// ------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const tmp = mkTempDir('cbs-e2e-smoke-');
  let server: CodeServer | undefined;
  let browser: BrowserSession | undefined;
  let fake: FakeAws | undefined;

  try {
    let vsix = '';
    await check('VSIX and e2e tools are present', async () => {
      vsix = findVsix();
      toolPaths();
      return path.relative(process.cwd(), vsix);
    }, { fatal: true });

    const { home, workspace } = writeFixture(tmp);
    fake = await startFakeAws({ scenario: 'basic' });
    const fakeAws = fake;
    // Every AWS call the extension makes goes to the loopback fake AWS.
    const env = fakeAwsEnv(home, fakeAws.env());

    await check('VSIX installs into a fresh extensions dir and code-server answers HTTP', async () => {
      server = await startCodeServer({
        env,
        vsix,
        folder: workspace,
        extensionsDir: path.join(tmp, 'extensions'),
        userDataDir: path.join(tmp, 'user-data'),
        disableWorkspaceTrust: true,
        logName: 'smoke-code-server',
      });
      const installed = fs.readdirSync(server.extensionsDir).filter((d) => d.startsWith(`${EXTENSION_ID}-`));
      if (installed.length !== 1) throw new Error(`extension folder not found in ${server.extensionsDir}`);
      return `${server.url}, ${installed[0]}`;
    }, { fatal: true });
    const srv = server as unknown as CodeServer;

    await check('workbench loads in Chromium with the folder open', async () => {
      browser = await launchBrowser({ headless: !HEADED });
      run.page = page = browser.page;
      await page.goto(srv.folderUrl, { timeout: 120_000, waitUntil: 'domcontentloaded' });
      await page.waitForSelector('.monaco-workbench', { timeout: 180_000 });
      // The explorer shows the workspace's file once the folder is open and the workbench is ready.
      await page.locator('.part.activitybar').waitFor({ state: 'visible', timeout: 120_000 });
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'README.md' })
        .first().waitFor({ state: 'visible', timeout: 120_000 });
      await shot('workbench');
      return await page.title();
    }, { fatal: true });
    const p = page as unknown as PwPage;

    await check(`activity bar has "${CONTAINER_TITLE}" and clicking it opens the "${VIEW_NAME}" view`, async () => {
      const item = p.locator(`.part.activitybar .action-item [aria-label^="${CONTAINER_TITLE}"], .part.activitybar .action-item[aria-label^="${CONTAINER_TITLE}"]`).first();
      await item.waitFor({ state: 'visible', timeout: 120_000 });
      await item.click();
      await p.locator('.part.sidebar .composite.title', { hasText: new RegExp(CONTAINER_TITLE, 'i') })
        .first().waitFor({ state: 'visible', timeout: 60_000 });
      // With a single view in the container VS Code hides the view's own header (its name joins the
      // container title), so the header only has to be in the DOM.
      await p.locator(`.part.sidebar .pane-header[aria-label^="${VIEW_NAME}"]`)
        .first().waitFor({ state: 'attached', timeout: 60_000 });
      await shot('container-opened');
      return (await p.locator('.part.sidebar .composite.title').first().innerText()).replace(/\s+/g, ' ').trim();
    }, { fatal: true });

    await check(`tree lists the fixture's profiles (${PROFILES.join(', ')})`, async () => {
      const seen = await waitForLabels(p, PROFILES, 120_000);
      await shot('profiles');
      return `rows: ${seen.join(', ')}`;
    });

    await check('no error notifications after opening the view', async () => {
      const errs = await errorToasts(p);
      if (errs.length) throw new Error(errs.join(' | '));
    });

    await check(`"${REFRESH_COMMAND}" runs from the command palette without an error and shows a newly added profile`, async () => {
      fs.appendFileSync(path.join(home, '.aws', 'config'), `\n[profile ${ADDED_PROFILE}]\nregion = eu-west-1\n`);
      await runFromPalette(p, REFRESH_COMMAND);
      // Give a failing command (or a failed activation) time to show its error toast.
      await p.waitForTimeout(3_000);
      await shot('after-refresh');
      const errs = await errorToasts(p);
      if (errs.length) throw new Error(`error notification: ${errs.join(' | ')}`);
      const seen = await waitForLabels(p, [...PROFILES, ADDED_PROFILE], 60_000);
      await shot('profile-added');
      return `tree after refresh: ${seen.join(', ')}`;
    });

    await check(`the file watcher shows a profile added to ~/.aws/config without any command`, async () => {
      fs.appendFileSync(path.join(home, '.aws', 'config'), `\n[profile ${WATCHED_PROFILE}]\nregion = ap-northeast-3\n`);
      const seen = await waitForLabels(p, [WATCHED_PROFILE], 60_000);
      await shot('profile-watched');
      return `tree: ${seen.join(', ')}`;
    });

    await check(`"${CHECK_ALL_COMMAND}" checks identities against the fake AWS and shows the account`, async () => {
      fakeAws.clearLog();
      await runFromPalette(p, CHECK_ALL_COMMAND);
      const deadline = Date.now() + 60_000;
      let description = '';
      while (!description.includes(BASIC_ACCOUNT_ID)) {
        if (Date.now() > deadline) throw new Error(`e2e-static row shows "${description}", expected the account ${BASIC_ACCOUNT_ID}`);
        await p.waitForTimeout(500);
        description = await rowDescription(p, 'e2e-static');
      }
      await shot('identities-checked');
      const calls = fakeAws.requests.filter((entry) => entry.operation === 'GetCallerIdentity');
      if (!calls.some((entry) => entry.accessKeyId === BASIC_STATIC_KEY.accessKeyId && entry.status === 200)) {
        throw new Error(`the fake AWS saw no successful GetCallerIdentity signed by the e2e-static key: ${JSON.stringify(calls)}`);
      }
      return `e2e-static: ${description}; fake AWS saw ${calls.length} GetCallerIdentity call(s)`;
    });

    await check(`"${MODELS_VIEW}" lists Tokyo's jp. and global. Sonnet 4.5 for the chosen profile`, async () => {
      fakeAws.clearLog();
      await foldViews(p, ['Setup', 'AWS Profiles', 'Quotas & Usage']);
      await p.keyboard.press('Escape');
      await p.keyboard.press('F1');
      await p.locator('.quick-input-widget input').waitFor({ state: 'visible', timeout: 30_000 });
      await p.keyboard.type(CHOOSE_PROFILE_COMMAND);
      await p.locator('.quick-input-widget .monaco-list-row', { hasText: CHOOSE_PROFILE_COMMAND }).first().waitFor({ state: 'visible', timeout: 30_000 });
      await p.keyboard.press('Enter');
      // The profile picker replaces the palette: choose the static profile (region ap-northeast-1).
      await p.locator('.quick-input-widget .monaco-list-row', { hasText: 'e2e-static' }).first().waitFor({ state: 'visible', timeout: 30_000 });
      await shot('models-profile-picker');
      await p.keyboard.type('e2e-static');
      await p.keyboard.press('Enter');
      await p.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 30_000 });
      await waitForLabels(p, ['Sonnet', 'Claude Sonnet 4.5'], 60_000);
      await p.locator('.part.sidebar .monaco-list-row', { has: p.locator('.label-name', { hasText: /^Claude Sonnet 4\.5$/ }) }).first().click();
      await waitForLabels(p, ['Japan (jp)', 'Global (global)'], 30_000);
      await shot('models-sonnet-scopes');
      const jp = await rowDescription(p, 'Japan \\(jp\\)');
      const global = await rowDescription(p, 'Global \\(global\\)');
      if (!jp.endsWith(JP_SONNET) || !jp.startsWith('Tokyo, Osaka')) throw new Error(`jp row shows "${jp}"`);
      if (!global.endsWith(GLOBAL_SONNET)) throw new Error(`global row shows "${global}"`);
      const listed = fakeAws.requests.filter((entry) => entry.operation === 'ListInferenceProfiles' && entry.status === 200);
      if (listed.length === 0) throw new Error('the fake AWS saw no ListInferenceProfiles');
      return `jp: ${jp}; global: ${global}`;
    });

    await check('probing the jp. Sonnet row asks first, then invokes exactly that ID and shows it accessible', async () => {
      fakeAws.clearLog();
      const row = p.locator('.part.sidebar .monaco-list-row', { has: p.locator('.label-name', { hasText: /^Japan \(jp\)$/ }) }).first();
      await row.click({ button: 'right' });
      const item = p.locator('.context-view .action-label', { hasText: 'Probe Model (1-Token Request)' }).first();
      await item.waitFor({ state: 'visible', timeout: 30_000 });
      // Menu items are chosen with the keyboard: a mouse click on them is not reliable in code-server.
      for (let step = 0; step < 8; step++) {
        await p.keyboard.press('ArrowDown');
        const focused = await p.locator('.context-view .action-item.focused').first().innerText().catch(() => '');
        if (focused.includes('Probe Model')) break;
      }
      await p.keyboard.press('Enter');
      const dialog = p.locator('.monaco-dialog-box');
      await dialog.waitFor({ state: 'visible', timeout: 30_000 });
      const text = (await dialog.innerText()).replace(/\s+/g, ' ');
      if (!/less than \$0\.\d+/.test(text)) throw new Error(`the confirmation does not state the cost: ${text}`);
      await shot('models-probe-confirm');
      if (fakeAws.requests.some((entry) => entry.operation === 'Converse')) throw new Error('invoked before the confirmation');
      await dialog.locator('.monaco-button', { hasText: /^Probe$/ }).first().click();
      const deadline = Date.now() + 60_000;
      while (!(await row.locator('.codicon-pass').count())) {
        if (Date.now() > deadline) throw new Error(`the row never showed accessible: ${await row.innerText()}`);
        await p.waitForTimeout(500);
      }
      await shot('models-probed');
      const invoked = fakeAws.requests.filter((entry) => entry.operation === 'Converse').map((entry) => entry.resource);
      if (invoked.length !== 1 || invoked[0] !== JP_SONNET) throw new Error(`the fake AWS saw Converse on ${JSON.stringify(invoked)}`);
      return `Converse on ${invoked[0]}; ${text.slice(0, 120)}`;
    });

    await check('extension host activated the extension without errors', async () => {
      const logs = readExtensionHostLogs(srv.userDataDir);
      const escaped = EXTENSION_ID.replace(/\./g, '\\.');
      const failed = logs.split('\n').filter((l) => new RegExp(`Activating extension '?${escaped}'? failed|${escaped}.*\\[error\\]|\\[error\\].*${escaped}`, 'i').test(l));
      if (failed.length) throw new Error(failed.slice(0, 5).join('\n'));
      const activated = logs.split('\n').find((l) => l.includes(EXTENSION_ID) && /activat/i.test(l));
      return activated ? activated.replace(/^.*?\[(info|trace|debug)\]\s*/, '').slice(0, 160) : 'no activation line logged (tree already proves activation)';
    });
  } catch (e) {
    await run.unexpected(e);
  } finally {
    if (browser) {
      const errs = browser.errors.filter((e) => !/marketplace|gallery|ERR_|Failed to load resource/i.test(e));
      if (errs.length) log(`browser console errors (not asserted):\n    ${errs.slice(0, 10).join('\n    ')}`);
      await browser.close().catch((e) => log(`closing chromium: ${String(e)}`));
    }
    if (server) {
      await server.stop().catch((e) => log(`stopping code-server: ${String(e)}`));
      log(`code-server log: ${path.relative(process.cwd(), server.logFile)}`);
    }
    if (fake) await fake.stop().catch((e) => log(`stopping the fake AWS: ${String(e)}`));
    if (KEEP) log(`kept ${tmp}`);
    else fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main()
  .catch((e) => run.results.push({ name: 'harness', ok: false, detail: String(e) }))
  .finally(() => run.finish());
