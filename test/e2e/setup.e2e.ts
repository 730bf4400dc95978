/**
 * End to end in a real VS Code (code-server + Chromium): the Setup view and the status-bar health
 * item on a workspace configured by the CLI's `setup`, their reaction to edited settings files,
 * and Restricted Mode, in which nothing is written. A fake `claude` first on code-server's PATH
 * (a script that prints a version) shows the Claude Code section: a current version, one too old
 * that ignores the region prefix, and, in Restricted Mode, one inside the workspace that is never run.
 *
 *   scripts/e2e-tools.sh && npm run package && npx tsx test/e2e/setup.e2e.ts [--headed] [--keep]
 *
 * Screenshots go to test-results/e2e/setup/. Nothing leaves 127.0.0.1: the AWS environment is
 * cleared and every endpoint points at the in-process fake AWS.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fakeAwsEnv, launchBrowser, mkTempDir, REPO_ROOT, startCodeServer, type BrowserSession, type CodeServer } from './codeServer';
import type { PwPage } from './pw';
import { checkVsixAndCli, E2eRun, errorToasts, statusText, waitFor, foldViews, openContainer, rowDescription, runFromPalette, statusBarItem, toasts, waitForLabels } from './workbench';
import { startFakeAws, writeDemoHome, type FakeAws } from '../fake-aws';
import { getScenario } from '../fake-aws/scenarios';
import { LAST_UNSUPPORTED_VERSION, MINIMUM_SUPPORTED_VERSION, NEWEST_TESTED_VERSION } from '../../src/core/claudeCode/supportTable';
import { installFakeClaude, writeFakeClaude } from '../support/installClaude';

const CONTAINER_TITLE = 'Claude on Bedrock';
const JP_SONNET = 'jp.anthropic.claude-sonnet-4-5-20250929-v1:0';
const GLOBAL_HAIKU = 'global.anthropic.claude-haiku-4-5-20251001-v1:0';
const argv = process.argv.slice(2);
const HEADED = argv.includes('--headed');
const KEEP = argv.includes('--keep');
const run = new E2eRun('setup');

function cliSetup(folder: string, env: Record<string, string>, profile: string): void {
  execFileSync(process.execPath, [path.join(REPO_ROOT, 'dist', 'cli.js'), 'setup', '--folder', folder, '--profile', profile, '--region', 'ap-northeast-1', '--model', JP_SONNET, '--background-model', GLOBAL_HAIKU], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

async function hoverStatus(p: PwPage): Promise<string> {
  await statusBarItem(p, 'Bedrock').hover();
  const hover = p.locator('.monaco-hover, .workbench-hover').filter({ hasText: /Claude on Bedrock/ }).first();
  await hover.waitFor({ state: 'visible', timeout: 30_000 });
  const text = (await hover.innerText()).replace(/\s+/g, ' ');
  await run.shot('status-tooltip');
  await p.mouse.move(600, 300);
  return text;
}

async function openWorkbench(server: CodeServer, browser: BrowserSession): Promise<PwPage> {
  const page = browser.page;
  run.page = page;
  await page.goto(server.folderUrl, { timeout: 120_000, waitUntil: 'domcontentloaded' });
  await page.waitForSelector('.monaco-workbench', { timeout: 180_000 });
  await page.locator('.part.activitybar').waitFor({ state: 'visible', timeout: 120_000 });
  return page;
}

async function main(): Promise<void> {
  const tmp = mkTempDir('cbs-e2e-setup-');
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
    const demo = await writeDemoHome(path.join(tmp, 'home'), getScenario('basic'));
    // Claude Code as its native installer leaves it (test/support/installClaude.ts). The untrusted workspace's
    // tools folder comes first on PATH: it exists only in the Restricted Mode part below.
    const untrusted = path.join(tmp, 'untrusted');
    const workspaceClaude = path.join(untrusted, 'tools', 'claude');
    const { version, use: useVersion } = installFakeClaude(demo.home, [NEWEST_TESTED_VERSION, LAST_UNSUPPORTED_VERSION], [path.dirname(workspaceClaude)]);
    const env = fakeAwsEnv(demo.home, fakeAws.env(), { CLAUDE_BEDROCK_MANAGED_SETTINGS_DIR: path.join(tmp, 'managed') });
    const workspace = path.join(tmp, 'workspace');
    fs.mkdirSync(workspace);
    execFileSync('git', ['init', '-q'], { cwd: workspace, env });
    fs.writeFileSync(path.join(workspace, 'README.md'), '# setup e2e\n');
    cliSetup(workspace, env, 'sso-dev');
    const settingsFile = path.join(workspace, '.claude', 'settings.json');
    const localFile = path.join(workspace, '.claude', 'settings.local.json');

    // ------------------------------------------------------------------ trusted workspace
    await run.check('code-server starts with the VSIX and the configured workspace', async () => {
      server = await startCodeServer({ env, vsix, folder: workspace, extensionsDir: path.join(tmp, 'ext'), userDataDir: path.join(tmp, 'ud'), disableWorkspaceTrust: true, logName: 'setup-code-server' });
      browser = await launchBrowser({ headless: !HEADED });
      await openWorkbench(server, browser);
    }, { fatal: true });
    const p = run.page!;

    await run.check('the status bar shows a healthy setup after the activation check, which called STS with the configured SSO profile', async () => {
      await waitFor('the health item to show healthy', async () => (await statusText(p)).includes('codicon-pass'), 90_000);
      await run.shot('status-healthy');
      const calls = fakeAws.requests.filter((entry) => entry.operation === 'GetCallerIdentity');
      if (!calls.some((entry) => entry.status === 200)) throw new Error(`no successful GetCallerIdentity: ${JSON.stringify(calls)}`);
      const probes = fakeAws.requests.filter((entry) => /Converse|InvokeModel/.test(entry.operation ?? ''));
      if (probes.length > 0) throw new Error(`the health check invoked a model: ${JSON.stringify(probes)}`);
      const tooltip = await hoverStatus(p);
      for (const expected of ['Claude on Bedrock is healthy', 'AWS profile sso-dev', 'Region ap-northeast-1', `Model set: ${JP_SONNET}`]) {
        if (!tooltip.includes(expected)) throw new Error(`tooltip lacks "${expected}": ${tooltip}`);
      }
      return `${await statusText(p)}; ${calls.length} GetCallerIdentity`;
    });

    await run.check('the Setup view shows the effective settings with the file each value comes from', async () => {
      await openContainer(p, CONTAINER_TITLE);
      // Room for the Setup view: the other views of the container are folded.
      await foldViews(p, ['AWS Profiles', 'Claude Models', 'Quotas & Usage']);
      await waitForLabels(p, ['Claude on Bedrock is healthy', 'Effective settings', 'AWS_REGION', 'AWS_PROFILE', 'ANTHROPIC_MODEL', 'awsAuthRefresh'], 60_000);
      await run.shot('setup-view');
      const region = await rowDescription(p, 'AWS_REGION');
      const profile = await rowDescription(p, 'AWS_PROFILE');
      if (region !== 'ap-northeast-1 · project') throw new Error(`AWS_REGION row: "${region}"`);
      if (profile !== 'sso-dev · local') throw new Error(`AWS_PROFILE row: "${profile}"`);
      return `${region}; ${profile}`;
    });

    await run.check('the Setup view names the Claude Code found here: the CLI on PATH with the version it printed', async () => {
      await waitForLabels(p, ['Claude Code'], 60_000);
      const description = await rowDescription(p, 'Claude Code');
      if (description !== `CLI ${NEWEST_TESTED_VERSION}`) throw new Error(`Claude Code row: "${description}"`);
      if (!fs.existsSync(`${version(NEWEST_TESTED_VERSION)}.runs`)) throw new Error('claude --version was never run');
      await p.locator('.part.sidebar .monaco-list-row', { has: p.locator('.label-name', { hasText: /^Claude Code$/ }) }).first().click();
      await waitForLabels(p, [`Claude Code ${NEWEST_TESTED_VERSION} (native installer, ~/.local/bin/claude)`], 30_000);
      await run.shot('setup-view-claude-code');
      return description;
    });

    await run.check(`a Claude Code too old (${LAST_UNSUPPORTED_VERSION}): a warning, what it ignores here and the update as its fix; updated, healthy again`, async () => {
      useVersion(LAST_UNSUPPORTED_VERSION);
      await runFromPalette(p, 'Claude on Bedrock: Check Setup Health');
      await waitFor('the health item to warn', async () => (await statusText(p)).includes('codicon-warning'), 60_000);
      const ignored = `Claude Code ${LAST_UNSUPPORTED_VERSION} ignores ANTHROPIC_BEDROCK_REGION_PREFIX=jp (honoured from ${MINIMUM_SUPPORTED_VERSION})`;
      await waitForLabels(p, [`Claude Code ${LAST_UNSUPPORTED_VERSION} is older than ${MINIMUM_SUPPORTED_VERSION}, the oldest version this extension supports`, ignored], 60_000);
      const fix = await rowDescription(p, ignored.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
      if (fix !== 'Run claude update in a terminal') throw new Error(`the fix of the ignored setting: "${fix}"`);
      await run.shot('setup-view-claude-code-too-old');
      const tooltip = await hoverStatus(p);
      if (!tooltip.includes(ignored)) throw new Error(`tooltip lacks "${ignored}": ${tooltip}`);
      useVersion(NEWEST_TESTED_VERSION);
      await runFromPalette(p, 'Claude on Bedrock: Check Setup Health');
      await waitFor('the health item to recover', async () => (await statusText(p)).includes('codicon-pass'), 60_000);
      return fix;
    });

    await run.check('the Setup view\'s rows are reachable with the keyboard, with their source in the accessible name, and Enter opens the file', async () => {
      await runFromPalette(p, 'Focus on Setup View');
      await p.keyboard.press('Home');
      let label = '';
      for (let step = 0; step < 12 && !/^AWS_REGION is ap-northeast-1, from project/.test(label); step++) {
        await p.keyboard.press('ArrowDown');
        label = (await p.locator('.part.sidebar .monaco-list-row.focused').first().getAttribute('aria-label')) ?? '';
      }
      if (!/^AWS_REGION is ap-northeast-1, from project/.test(label)) throw new Error(`the keyboard never reached the AWS_REGION row; last: "${label}"`);
      await p.keyboard.press('Enter');
      await p.locator('.tabs-container .tab', { hasText: 'settings.json' }).first().waitFor({ state: 'visible', timeout: 30_000 });
      await run.shot('keyboard-opened-settings');
      return label;
    });

    await run.check('switching to an expired SSO profile turns the status bar to error, with the sign-in fix in the view', async () => {
      const local = JSON.parse(fs.readFileSync(localFile, 'utf8'));
      local.env.AWS_PROFILE = 'sso-expired';
      local.awsAuthRefresh = 'aws sso login --profile sso-expired';
      fs.writeFileSync(localFile, JSON.stringify(local, null, 2) + '\n');
      await waitFor('the health item to show an error', async () => (await statusText(p)).includes('codicon-error'));
      await waitForLabels(p, ['Claude on Bedrock has a problem'], 30_000);
      const labels = await p.locator('.part.sidebar .monaco-list-row .label-name').allInnerTexts();
      const expired = labels.find((label) => /^SSO sign-in of sso-expired expired at/.test(label));
      if (!expired) throw new Error(`no expired sign-in row: ${labels.join(' | ')}`);
      await run.shot('status-error-sso-expired');
      return expired;
    });

    await run.check('a settings file that does not parse is shown with line and column and left byte-identical', async () => {
      const broken = fs.readFileSync(settingsFile, 'utf8').replace('"CLAUDE_CODE_USE_BEDROCK": "1",', '"CLAUDE_CODE_USE_BEDROCK": "1",,');
      fs.writeFileSync(settingsFile, broken);
      // The broken file may be the one that turns Bedrock on: not known, never "not set to use Bedrock".
      await waitForLabels(p, [`${settingsFile} is not valid JSON (line 3, column 36)`, 'Whether Claude Code uses Bedrock here is not known: a settings file does not parse'], 60_000);
      await run.shot('setup-view-broken-file');
      if (fs.readFileSync(settingsFile, 'utf8') !== broken) throw new Error('the broken file was changed');
      fs.writeFileSync(settingsFile, broken.replace(',,', ','));
      fs.writeFileSync(localFile, fs.readFileSync(localFile, 'utf8').replace(/sso-expired/g, 'sso-dev'));
      await waitFor('the health item to recover', async () => (await statusText(p)).includes('codicon-pass'));
    });

    await run.check('Validate the Configured Models checks both configured IDs against the fake, without a probe', async () => {
      fakeAws.clearLog();
      await runFromPalette(p, 'Claude on Bedrock: Validate the Configured Models');
      await waitFor('the model rows to show a validation result', async () => (await rowDescription(p, JP_SONNET.replace(/\./g, '\\.'))).includes('access granted and inference profile found'));
      await run.shot('setup-view-validated');
      const checked = new Set(fakeAws.requests.filter((entry) => entry.operation === 'GetInferenceProfile').map((entry) => entry.resource));
      if (!checked.has(JP_SONNET) || !checked.has(GLOBAL_HAIKU)) throw new Error(`GetInferenceProfile on ${[...checked].join(', ')}`);
      if (fakeAws.requests.some((entry) => /Converse|InvokeModel/.test(entry.operation ?? ''))) throw new Error('a model was invoked without a probe confirmation');
      const errors = await errorToasts(p);
      if (errors.length > 0) throw new Error(errors.join(' | '));
      return `${await rowDescription(p, JP_SONNET.replace(/\./g, '\\.'))}`;
    });

    await stop();

    // ------------------------------------------------------------------ Restricted Mode
    fs.mkdirSync(untrusted);
    cliSetup(untrusted, { ...env }, 'sso-dev');
    fs.rmSync(path.join(untrusted, '.gitignore'));
    const before = new Map(['.claude/settings.json', '.claude/settings.local.json'].map((file) => [file, fs.readFileSync(path.join(untrusted, file), 'utf8')]));

    // The workspace's own claude, first on PATH (~/.profile): in Restricted Mode it must never run.
    writeFakeClaude(workspaceClaude, NEWEST_TESTED_VERSION);

    await run.check('an untrusted folder opens in Restricted Mode', async () => {
      server = await startCodeServer({ env, vsix, folder: untrusted, extensionsDir: path.join(tmp, 'ext2'), userDataDir: path.join(tmp, 'ud2'), disableWorkspaceTrust: false, logName: 'setup-restricted-code-server' });
      browser = await launchBrowser({ headless: !HEADED });
      await openWorkbench(server, browser);
      // code-server opens a new folder straight in Restricted Mode (desktop VS Code asks first).
      const dialog = run.page!.locator('.monaco-dialog-box');
      if (await dialog.isVisible()) await dialog.locator('.monaco-button', { hasText: /don't trust|Restricted/i }).first().click();
      await run.page!.locator('.part.statusbar', { hasText: /Restricted Mode/ }).first().waitFor({ state: 'visible', timeout: 60_000 });
      await run.shot('restricted-mode');
    }, { fatal: true });
    const q = run.page!;

    await run.check('the health tooltip says the setup is read only in Restricted Mode', async () => {
      await waitFor('the health item', async () => (await statusText(q)).includes('Bedrock'));
      const tooltip = await hoverStatus(q);
      if (!tooltip.includes('Restricted Mode: the setup is read only')) throw new Error(`tooltip: ${tooltip}`);
      return tooltip.slice(0, 160);
    });

    await run.check('Restricted Mode: the claude inside the workspace is not run, and the Setup view says why', async () => {
      await openContainer(q, CONTAINER_TITLE);
      await foldViews(q, ['AWS Profiles', 'Claude Models', 'Quotas & Usage']);
      const label = `Claude Code at ${workspaceClaude} was not run: Restricted Mode`;
      await waitForLabels(q, [label], 60_000);
      await run.shot('restricted-claude-code-not-run');
      if (fs.existsSync(`${workspaceClaude}.runs`)) throw new Error('the workspace\'s claude ran in Restricted Mode');
      return `${label} · ${await rowDescription(q, label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))}`;
    });

    await run.check('writing is refused in Restricted Mode with the reason, and no file changes', async () => {
      await runFromPalette(q, 'Claude on Bedrock: Add settings.local.json to .gitignore');
      await waitFor('the Restricted Mode message', async () => (await toasts(q)).some((text) => text.includes('Restricted Mode, so the extension writes nothing')), 30_000);
      await run.shot('restricted-refused');
      if (fs.existsSync(path.join(untrusted, '.gitignore'))) throw new Error('.gitignore was written');
      for (const [file, text] of before) if (fs.readFileSync(path.join(untrusted, file), 'utf8') !== text) throw new Error(`${file} changed`);
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
