/**
 * End-to-end test of the setup wizard in a real VS Code (code-server 4.139.1) driven through
 * Debian's Chromium, against the loopback fake AWS (scenario "basic": Tokyo lists jp. profiles).
 *
 *   scripts/e2e-tools.sh              # once: chromium, Node 24, code-server, playwright-core
 *   npm run package                   # builds vsix/claude-bedrock-setup-<version>.vsix
 *   npm run test:e2e:wizard           # this test
 *
 * The walkthrough is checked first (four steps, the images' alt texts) and again after run 1 (its
 * "Run the setup wizard" step is done). The workspace is a git repository whose
 * .claude/settings.json already holds a permissions block and another env variable.
 *
 * Run 1 goes through every step from the command palette (F1): the SSO profile sso-dev,
 * ap-northeast-1, the jp scope, jp. Sonnet 4.5, jp. Haiku 4.5, validation with the probe (after
 * its cost confirmation), project scope, the preview with its diffs, write. The written files
 * must hold exactly the kept keys plus the setup, and no secret.
 *
 * Run 2 picks a profile that never signed in: the wizard offers `aws sso login` in a terminal (a
 * stand-in CLI that writes the token cache) and goes on by itself once signed in; Back returns to
 * the profile; then other answers (user scope, a token limit) up to the preview, and Escape:
 * every file must be byte-identical, none new.
 *
 * Run 3 opens a folder in Restricted Mode: the wizard reaches the preview, but writing is refused
 * with the reason and a way to trust the folder; nothing is written.
 *
 * Screenshots of each step go to test-results/e2e/wizard/. The last line printed is
 * "N passed, M failed"; the exit code is non-zero when anything failed. Nothing leaves 127.0.0.1.
 *
 * Options: --headed (needs a display), --keep (keep temp dirs), E2E_TOOLS_DIR, E2E_CHROMIUM.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fakeAwsEnv, EXTENSION_ID, findVsix, launchBrowser, mkTempDir, readExtensionHostLogs, startCodeServer, toolPaths, type BrowserSession, type CodeServer } from './codeServer';
import type { PwPage } from './pw';
import { chooseRow, E2eRun, errorToasts, escapeRegExp, focusedRow, foldViews, modelRow, openContainer, quickInput, rowDescription, runFromPalette, waitForWizardStep } from './workbench';
import { ssoRoleSessionArn, startFakeAws, writeDemoHome, type FakeAws } from '../fake-aws';
import { LAST_UNSUPPORTED_VERSION } from '../../src/core/claudeCode/supportTable';
import { installFakeClaude } from '../support/installClaude';
import { claudeEnv, installedClaude, run as runProcess, writeAwsStub } from '../interop/claudeProcess';
import { ssoCacheFileName } from '../fake-aws/demoHome';
import { BASIC_EXPIRED_KEY, BASIC_SSO, BASIC_STATIC_KEY } from '../fake-aws/scenarios/basic';

const WIZARD_COMMAND = 'Claude on Bedrock: Run Setup Wizard';
const TITLE = 'Set Up Claude Code on Bedrock';
const TOTAL_STEPS = 9;
const JP_SONNET = 'jp.anthropic.claude-sonnet-4-5-20250929-v1:0';
const JP_HAIKU = 'jp.anthropic.claude-haiku-4-5-20251001-v1:0';
const JP_OPUS = 'jp.anthropic.claude-opus-4-6-v1';
const GLOBAL_OPUS = 'global.anthropic.claude-opus-4-6-v1';
/** A profile of the demo home's IAM Identity Center that has never signed in. */
const SIGN_IN_PROFILE = 'sso-signin';
const SIGN_IN_SESSION = 'corp-signin';

/** What the team had in .claude/settings.json before the wizard: it must survive. */
const EXISTING_SHARED = {
  permissions: { allow: ['Bash(npm run test:*)'], deny: ['Read(./.env)'] },
  env: { TEAM_FLAG: 'kept' },
};

/** Every secret-looking value of the scenario: none may appear in a written file. */
const SECRETS = [
  BASIC_STATIC_KEY.accessKeyId,
  BASIC_STATIC_KEY.secretAccessKey,
  BASIC_EXPIRED_KEY.accessKeyId,
  BASIC_EXPIRED_KEY.secretAccessKey,
  BASIC_EXPIRED_KEY.sessionToken,
  BASIC_SSO.validAccessToken,
  BASIC_SSO.expiredAccessToken,
  BASIC_SSO.refreshToken,
  BASIC_SSO.clientSecret,
];

const argv = process.argv.slice(2);
const HEADED = argv.includes('--headed');
const KEEP = argv.includes('--keep');

const run = new E2eRun('wizard');

// ------------------------------------------------------------------------------------------------
// Files

/** Every file under `dir` (relative path → bytes), leaving out `.git`. */
function snapshot(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (current: string): void => {
    if (!fs.existsSync(current)) return;
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      if (entry.name === '.git') continue;
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) files.set(path.relative(dir, full), fs.readFileSync(full));
    }
  };
  walk(dir);
  return files;
}

function compareSnapshots(before: Map<string, Buffer>, after: Map<string, Buffer>, where: string): string[] {
  const problems: string[] = [];
  for (const [file, bytes] of after) {
    const old = before.get(file);
    if (!old) problems.push(`${where}/${file} is new`);
    else if (!old.equals(bytes)) problems.push(`${where}/${file} changed`);
  }
  for (const file of before.keys()) if (!after.has(file)) problems.push(`${where}/${file} was deleted`);
  return problems;
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** The accessible names of the open editor tabs (a file's name and folder, a diff's title). */
async function tabLabels(p: PwPage): Promise<string[]> {
  const tabs = p.locator('.tabs-container .tab');
  const labels: string[] = [];
  for (let index = 0; index < (await tabs.count()); index += 1) {
    const tab = tabs.nth(index);
    labels.push(((await tab.getAttribute('aria-label')) ?? (await tab.innerText())).replace(/\s+/g, ' ').trim());
  }
  return labels;
}

const WALKTHROUGH = 'Claude Code on Amazon Bedrock';
const WALKTHROUGH_STEPS = ['Sign in and check your AWS profile', 'Choose your models', 'Run the setup wizard', 'Check the health of your setup'];

/** Opens the extension's walkthrough from the palette; returns whether each step (by title) is shown as done. */
async function openWalkthrough(p: PwPage): Promise<Map<string, boolean>> {
  await runFromPalette(p, 'Welcome: Open Walkthrough...', { waitHidden: false });
  await p.locator('.quick-input-widget .monaco-list-row', { hasText: WALKTHROUGH }).first().waitFor({ state: 'visible', timeout: 30_000 });
  await chooseRow(p, WALKTHROUGH, new RegExp(escapeRegExp(WALKTHROUGH)));
  await p.locator('.gettingStartedContainer', { hasText: WALKTHROUGH_STEPS[0]! }).first().waitFor({ state: 'visible', timeout: 30_000 });
  const done = new Map<string, boolean>();
  for (const title of WALKTHROUGH_STEPS) {
    const step = p.locator('.gettingStartedContainer .getting-started-step', { hasText: title }).first();
    if ((await step.count()) === 0) continue;
    // A done step's check box is a filled check mark.
    done.set(title, (await step.locator('.codicon-pass-filled, .complete').count()) > 0);
  }
  return done;
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

// ------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const tmp = mkTempDir('cbs-e2e-wizard-');
  let server: CodeServer | undefined;
  let browser: BrowserSession | undefined;
  let fake: FakeAws | undefined;
  try {
    let vsix = '';
    await run.check('VSIX and e2e tools are present', async () => {
      vsix = findVsix();
      toolPaths();
      return path.relative(process.cwd(), vsix);
    }, { fatal: true });

    fake = await startFakeAws({ scenario: 'basic' });
    const fakeAws = fake;
    const home = path.join(tmp, 'home');
    const workspace = path.join(tmp, 'workspace');
    const managed = path.join(tmp, 'managed-settings');
    fs.mkdirSync(managed, { recursive: true });
    const demo = await writeDemoHome(home, fakeAws.state);
    // The Claude Code that will read the files: one release too old (test/support/installClaude.ts), so the preview warns.
    installFakeClaude(home, [LAST_UNSUPPORTED_VERSION]);
    // A profile that has never signed in, and a stand-in `aws` whose `sso login` signs it in by
    // writing the token cache (a copy of the valid demo session's): the wizard must notice and go on.
    fs.appendFileSync(
      demo.configFile,
      [
        '',
        `[profile ${SIGN_IN_PROFILE}]`,
        `sso_session = ${SIGN_IN_SESSION}`,
        `sso_account_id = ${BASIC_SSO.accountId}`,
        `sso_role_name = ${BASIC_SSO.roleName}`,
        'region = ap-northeast-1',
        '',
        `[sso-session ${SIGN_IN_SESSION}]`,
        `sso_start_url = ${BASIC_SSO.startUrl}`,
        `sso_region = ${BASIC_SSO.region}`,
        'sso_registration_scopes = sso:account:access',
        '',
      ].join('\n'),
    );
    const fakeBin = path.join(tmp, 'bin');
    const awsCalls = path.join(tmp, 'aws-calls.log');
    fs.mkdirSync(fakeBin, { recursive: true });
    fs.writeFileSync(
      path.join(fakeBin, 'aws'),
      [
        '#!/bin/sh',
        '# Stand-in for the AWS CLI in the wizard e2e: nothing leaves the machine.',
        `echo "$*" >> '${awsCalls}'`,
        `cp '${path.join(demo.ssoCacheDir, ssoCacheFileName(demo.ssoSessions.valid))}' '${path.join(demo.ssoCacheDir, ssoCacheFileName(SIGN_IN_SESSION))}'`,
        'echo "Successfully signed in (fake)."',
        '',
      ].join('\n'),
      { mode: 0o755 },
    );
    fs.mkdirSync(path.join(workspace, '.claude'), { recursive: true });
    execFileSync('git', ['init', '-q', workspace]);
    fs.writeFileSync(path.join(workspace, 'README.md'), '# e2e wizard workspace\n');
    fs.writeFileSync(path.join(workspace, '.claude', 'settings.json'), json(EXISTING_SHARED));
    const env = fakeAwsEnv(home, fakeAws.env(), {
      // This machine's own managed settings (if any) must not shape the test.
      CLAUDE_BEDROCK_MANAGED_SETTINGS_DIR: managed,
      // No global git excludes: .claude/settings.local.json is not ignored until the wizard adds it.
      GIT_CONFIG_GLOBAL: path.join(home, '.gitconfig'),
      GIT_CONFIG_NOSYSTEM: '1',
    });

    await run.check('VSIX installs and code-server answers', async () => {
      server = await startCodeServer({
        env,
        vsix,
        folder: workspace,
        extensionsDir: path.join(tmp, 'extensions'),
        userDataDir: path.join(tmp, 'user-data'),
        disableWorkspaceTrust: true,
        settings: {
          // Screenshots show the wizard, not the welcome page or the chat panel.
          'workbench.startupEditor': 'none',
          'workbench.secondarySideBar.defaultVisibility': 'hidden',
          // Terminals run a plain bash whose `aws` is the stand-in above, never the machine's CLI.
          'terminal.integrated.profiles.linux': { e2e: { path: '/bin/bash', args: ['--noprofile', '--norc'] } },
          'terminal.integrated.defaultProfile.linux': 'e2e',
          'terminal.integrated.env.linux': { PATH: `${fakeBin}:/usr/bin:/bin` },
          'terminal.integrated.shellIntegration.enabled': false,
        },
        logName: 'wizard-code-server',
      });
      return server.url;
    }, { fatal: true });
    const srv = server as unknown as CodeServer;

    await run.check('workbench loads in Chromium with the folder open', async () => {
      browser = await launchBrowser({ headless: !HEADED });
      run.page = browser.page;
      await browser.page.goto(srv.folderUrl, { timeout: 120_000, waitUntil: 'domcontentloaded' });
      await browser.page.waitForSelector('.monaco-workbench', { timeout: 180_000 });
      await browser.page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'README.md' }).first().waitFor({ state: 'visible', timeout: 120_000 });
      // The extension's contributions are in once its view container shows in the activity bar.
      await browser.page.locator('.part.activitybar .action-item [aria-label^="Claude on Bedrock"], .part.activitybar .action-item[aria-label^="Claude on Bedrock"]').first().waitFor({ state: 'visible', timeout: 120_000 });
      await run.shot('workbench');
    }, { fatal: true });
    const p = browser!.page;

    await run.check('the walkthrough lists its four steps, with the images\' alt texts', async () => {
      const done = await openWalkthrough(p);
      const missing = WALKTHROUGH_STEPS.filter((title) => !done.has(title));
      if (missing.length > 0) throw new Error(`steps missing: ${missing.join(', ')}`);
      const alt = await p.locator('.gettingStartedContainer img[alt^="The AWS Profiles view"]').count();
      await run.shot('walkthrough');
      if (alt === 0) throw new Error('the first step\'s image with its alt text is not shown');
      if (done.get('Run the setup wizard')) throw new Error('the wizard step is done before the wizard ran');
    });

    // ---------------------------------------------------------------------------------------------
    // Run 1: every step, then write.

    const sharedFile = path.join(workspace, '.claude', 'settings.json');
    const localFile = path.join(workspace, '.claude', 'settings.local.json');
    const beforeRun1 = snapshot(workspace);

    await run.check('step 1/9: the wizard starts from the palette and lists profiles with kind and sign-in state', async () => {
      await runFromPalette(p, WIZARD_COMMAND, { waitHidden: false });
      const text = await waitForWizardStep(p, 1, TOTAL_STEPS, 'sso-dev');
      await run.shot('1-profile');
      if (!text.includes(TITLE)) throw new Error(`no wizard title: ${text.slice(0, 200)}`);
      if (!/sso-dev.*SSO/.test(text)) throw new Error(`sso-dev is not shown as an SSO profile: ${text.slice(0, 400)}`);
      if (!/signed in until/.test(text) || !/sso-expired/.test(text) || !/expired at/.test(text)) throw new Error(`sign-in states missing: ${text.slice(0, 600)}`);
      return await chooseRow(p, 'sso-dev', /^sso-dev\b/);
    }, { fatal: true });

    await run.check('step 2/9: Regions, the profile\'s Region first, Japan prominent', async () => {
      const text = await waitForWizardStep(p, 2, TOTAL_STEPS, 'ap-northeast-1');
      await run.shot('2-region');
      if (!/Region of the profile/.test(text) || !/Japan/.test(text)) throw new Error(`groups missing: ${text.slice(0, 300)}`);
      const focused = await focusedRow(p);
      if (!focused.startsWith('ap-northeast-1')) throw new Error(`the profile's Region is not preselected: "${focused}"`);
      return await chooseRow(p, 'ap-northeast-1', /^ap-northeast-1\b/);
    }, { fatal: true });

    await run.check('step 3/9: the account\'s scopes in Tokyo with route and price, jp preselected', async () => {
      const text = await waitForWizardStep(p, 3, TOTAL_STEPS, 'Japan (jp)');
      await run.shot('3-scope');
      for (const scope of ['Global (global)', 'Japan (jp)', 'Asia Pacific (apac)']) if (!text.includes(scope)) throw new Error(`${scope} missing: ${text.slice(0, 500)}`);
      if (/\(us\)|\(eu\)/.test(text)) throw new Error(`scopes Tokyo does not list are offered: ${text.slice(0, 500)}`);
      if (!/Tokyo, Osaka/.test(text) || !/10% more than global/.test(text)) throw new Error(`route or price missing: ${text.slice(0, 500)}`);
      return await chooseRow(p, 'Japan (jp)', /^Japan \(jp\)/);
    }, { fatal: true });

    await run.check('step 4/9: jp. models with a 1M-context variant for Sonnet 4.5', async () => {
      const text = await waitForWizardStep(p, 4, TOTAL_STEPS, JP_SONNET);
      await run.shot('4-primary');
      if (!text.includes(`${JP_SONNET}[1m]`)) throw new Error(`no [1m] variant: ${text.slice(0, 500)}`);
      if (text.includes('claude-opus-4-5')) throw new Error('Opus 4.5 has no jp. profile but is offered');
      return await chooseRow(p, 'Claude Sonnet 4.5', modelRow('Claude Sonnet 4.5', JP_SONNET));
    }, { fatal: true });

    await run.check('step 5/9: Haiku in the jp scope, same as primary, none, and other scopes', async () => {
      const text = await waitForWizardStep(p, 5, TOTAL_STEPS, JP_HAIKU);
      await run.shot('5-background');
      if (!/Same as the primary model/.test(text) || !/None: leave it to Claude Code/.test(text)) throw new Error(`choices missing: ${text.slice(0, 500)}`);
      return await chooseRow(p, 'Claude Haiku 4.5', modelRow('Claude Haiku 4.5', JP_HAIKU));
    }, { fatal: true });

    await run.check('step 6/9: validation checks both models, the probe asks first, then proves access', async () => {
      fakeAws.clearLog();
      const text = await waitForWizardStep(p, 6, TOTAL_STEPS, /access granted and inference profile found; not probed[\s\S]*access granted and inference profile found; not probed/);
      await run.shot('6-validation');
      if (fakeAws.requests.some((entry) => entry.operation === 'Converse')) throw new Error('a model was invoked without asking');
      await chooseRow(p, 'Probe', /Probe: send one 1-token request per model/);
      const dialog = p.locator('.monaco-dialog-box');
      await dialog.waitFor({ state: 'visible', timeout: 30_000 });
      const question = (await dialog.innerText()).replace(/\s+/g, ' ');
      if (!/less than \$0\.\d+/.test(question)) throw new Error(`the confirmation does not state the cost: ${question}`);
      await run.shot('6-validation-probe-confirm');
      await dialog.locator('.monaco-button', { hasText: /^Probe$/ }).first().click();
      const probed = await waitForWizardStep(p, 6, TOTAL_STEPS, /Every model answered: access works/);
      await run.shot('6-validation-probed');
      const invoked = fakeAws.requests.filter((entry) => entry.operation === 'Converse' && entry.status === 200).map((entry) => entry.resource).sort();
      if (JSON.stringify(invoked) !== JSON.stringify([JP_HAIKU, JP_SONNET].sort())) throw new Error(`the fake AWS saw Converse on ${JSON.stringify(invoked)}`);
      await chooseRow(p, 'Continue', /\bContinue$/);
      return `${text.length} chars before; probed: ${probed.slice(0, 80)}`;
    }, { fatal: true });

    await run.check('step 7/9: where to write, project recommended', async () => {
      await waitForWizardStep(p, 7, TOTAL_STEPS, 'Project, shared with the team (recommended)');
      await run.shot('7-target');
      return await chooseRow(p, 'Project', /\bProject, shared with the team/);
    }, { fatal: true });

    await run.check('step 8/9: extras, the login prompt setting and the jp. alias pins ticked', async () => {
      await waitForWizardStep(p, 8, TOTAL_STEPS, 'Turn off the Claude Code login screen in VS Code');
      await run.shot('8-options');
      const ticked = await p.locator('.quick-input-widget .monaco-list-row[aria-checked="true"]').allInnerTexts();
      for (const expected of ['login screen', JP_OPUS, JP_SONNET]) {
        if (!ticked.some((text) => text.includes(expected))) throw new Error(`"${expected}" not ticked by default: ${JSON.stringify(ticked)}`);
      }
      await p.keyboard.press('Enter');
    }, { fatal: true });

    await run.check('step 9/9: the preview opens diffs, lists notices, and nothing is written yet', async () => {
      const text = await waitForWizardStep(p, 9, TOTAL_STEPS, 'Write these files');
      const tabs = await waitFor('the diff tabs', async () => {
        const labels = await tabLabels(p);
        return labels.some((label) => label.includes('.claude/settings.json (current ↔ after setup)')) && labels.some((label) => label.includes('.claude/settings.local.json (new file)'))
          ? labels
          : undefined;
      });
      await run.shot('9-preview');
      if (!/Add \.claude\/settings\.local\.json to \.gitignore/.test(text)) throw new Error(`no .gitignore notice: ${text.slice(0, 600)}`);
      const ignored = `Claude Code ${LAST_UNSUPPORTED_VERSION} ignores ANTHROPIC_BEDROCK_REGION_PREFIX=jp`;
      if (!text.includes(ignored)) throw new Error(`no warning that the installed Claude Code ignores the region prefix: ${text.slice(0, 900)}`);
      const problems = compareSnapshots(beforeRun1, snapshot(workspace), 'workspace');
      if (problems.length > 0) throw new Error(`written before confirming: ${problems.join(', ')}`);
      return tabs.join(' | ');
    }, { fatal: true });

    await run.check('write: the files are written, the shared file opens, a message says so', async () => {
      await chooseRow(p, 'Write these files', /Write these files/);
      await quickInput(p).waitFor({ state: 'hidden', timeout: 30_000 });
      const message = await waitFor('the success message', async () => {
        const texts = (await p.locator('.notifications-toasts .notification-toast').allInnerTexts()).map((t) => t.replace(/\s+/g, ' '));
        return texts.find((t) => t.includes('Claude Code on Bedrock is set up'));
      });
      const tabs = await waitFor('settings.json opened', async () => {
        const labels = await tabLabels(p);
        return labels.some((label) => label.startsWith('settings.json')) ? labels : undefined;
      }, 30_000).catch(async (error: Error) => {
        throw new Error(`${error.message}; tabs: ${JSON.stringify(await tabLabels(p))}`);
      });
      const leftovers = (await tabLabels(p)).filter((label) => label.includes('↔') || label.includes('(new file)'));
      await run.shot('10-written');
      if (leftovers.length > 0) throw new Error(`preview tabs left open: ${leftovers.join(', ')}`);
      const errors = await errorToasts(p);
      if (errors.length > 0) throw new Error(`error notification: ${errors.join(' | ')}`);
      return `${message}; tabs: ${tabs.join(', ')}`;
    });

    await run.check('.claude/settings.json holds exactly the kept keys plus the shared setup', async () => {
      const expected = json({
        permissions: EXISTING_SHARED.permissions,
        env: {
          TEAM_FLAG: 'kept',
          CLAUDE_CODE_USE_BEDROCK: '1',
          AWS_REGION: 'ap-northeast-1',
          ANTHROPIC_MODEL: JP_SONNET,
          ANTHROPIC_BEDROCK_REGION_PREFIX: 'jp',
          ANTHROPIC_DEFAULT_HAIKU_MODEL: JP_HAIKU,
          ANTHROPIC_DEFAULT_SONNET_MODEL: JP_SONNET,
          ANTHROPIC_DEFAULT_OPUS_MODEL: JP_OPUS,
        },
      });
      const actual = fs.readFileSync(sharedFile, 'utf8');
      if (actual !== expected) throw new Error(`got:\n${actual}\nexpected:\n${expected}`);
    });

    await run.check('.claude/settings.local.json holds the profile and its sign-in command', async () => {
      const expected = json({ env: { AWS_PROFILE: 'sso-dev' }, awsAuthRefresh: 'aws sso login --profile sso-dev' });
      const actual = fs.readFileSync(localFile, 'utf8');
      if (actual !== expected) throw new Error(`got:\n${actual}\nexpected:\n${expected}`);
    });

    await run.check('.gitignore ignores the personal file and .vscode/settings.json turns the login prompt off', async () => {
      const gitignore = fs.readFileSync(path.join(workspace, '.gitignore'), 'utf8');
      if (!gitignore.split(/\r?\n/).includes('.claude/settings.local.json')) throw new Error(`.gitignore: ${gitignore}`);
      const ignored = execFileSync('git', ['check-ignore', '.claude/settings.local.json'], { cwd: workspace, env }).toString().trim();
      const vscodeSettings = JSON.parse(fs.readFileSync(path.join(workspace, '.vscode', 'settings.json'), 'utf8')) as Record<string, unknown>;
      if (vscodeSettings['claudeCode.disableLoginPrompt'] !== true) throw new Error(`.vscode/settings.json: ${JSON.stringify(vscodeSettings)}`);
      const written = [...snapshot(workspace).keys()].filter((file) => !beforeRun1.has(file)).sort();
      const expectedNew = ['.claude/settings.local.json', '.gitignore', '.vscode/settings.json'];
      if (JSON.stringify(written) !== JSON.stringify(expectedNew)) throw new Error(`new files: ${JSON.stringify(written)}`);
      if (fs.existsSync(path.join(home, '.claude', 'settings.json'))) throw new Error('the user settings file was written');
      return `git check-ignore: ${ignored}`;
    });

    await run.check('the Setup view shows the wizard\'s own verdict: both models accessible (probed at step 6), not "not validated"', async () => {
      await openContainer(p, 'Claude on Bedrock');
      // The Setup view's model rows sit below the effective settings: give the view the height.
      await foldViews(p, ['AWS Profiles', 'Claude Models', 'Quotas & Usage']);
      const rows = await waitFor('the configured models\' rows', async () => {
        const sonnet = await rowDescription(p, escapeRegExp(JP_SONNET));
        const haiku = await rowDescription(p, escapeRegExp(JP_HAIKU));
        return sonnet === 'primary · accessible' && haiku === 'background · accessible' ? `${sonnet} | ${haiku}` : undefined;
      }, 30_000).catch(async (error: Error) => {
        throw new Error(`${error.message}: ${await rowDescription(p, escapeRegExp(JP_SONNET))} | ${await rowDescription(p, escapeRegExp(JP_HAIKU))}`);
      });
      await run.shot('setup-view-after-wizard');
      return rows;
    });

    await run.check('the walkthrough marks "Run the setup wizard" done', async () => {
      const done = await openWalkthrough(p);
      await run.shot('walkthrough-after-wizard');
      if (!done.get('Run the setup wizard')) throw new Error(`steps done: ${JSON.stringify([...done])}`);
      return JSON.stringify([...done]);
    });

    await run.check('no secret of the scenario in any written file', async () => {
      const leaks: string[] = [];
      for (const [file, bytes] of snapshot(workspace)) {
        const text = bytes.toString('utf8');
        for (const secret of SECRETS) if (text.includes(secret)) leaks.push(file);
      }
      if (leaks.length > 0) throw new Error(`secrets in ${[...new Set(leaks)].join(', ')}`);
    });

    await run.check('the real Claude Code CLI, run in the folder the wizard wrote, streams from jp. Sonnet 4.5 in Tokyo with sso-dev\'s SSO role credentials', async () => {
      const claude = installedClaude();
      if (!claude) throw new Error('Claude Code is not installed: run npm run tools:claude-code (.ci/run does)');
      const binDir = path.join(tmp, 'claude-bin');
      const refreshLog = path.join(tmp, 'aws-calls.log');
      writeAwsStub(binDir, refreshLog);
      const claudeHome = path.join(tmp, 'claude-home');
      fs.cpSync(home, claudeHome, { recursive: true });
      const claudeEnvironment = claudeEnv(claudeHome, binDir, fakeAws);
      fs.mkdirSync(claudeEnvironment.TMPDIR!, { recursive: true });
      const keysBefore = new Set(fakeAws.state.accessKeys.map((key) => key.accessKeyId));
      fakeAws.clearLog();
      const result = await runProcess(claude, ['-p', 'say hi'], { cwd: workspace, env: claudeEnvironment, timeoutMs: 120_000 });
      fs.writeFileSync(path.join(run.shotsDir, 'claude-code.log'), `exit ${result.code}\n--- stdout ---\n${result.stdout}\n--- stderr ---\n${result.stderr}`);
      if (result.code !== 0) throw new Error(`claude exited ${result.code ?? result.signal}: ${(result.stderr || result.stdout).slice(0, 300)}`);
      if (!result.stdout.includes('OK, the fake model answers.')) throw new Error(`stdout: ${result.stdout.slice(0, 300)}`);
      const streams = fakeAws.requests.filter((entry) => entry.operation === 'InvokeModelWithResponseStream');
      const issued = new Set(
        fakeAws.state.accessKeys
          .filter((key) => !keysBefore.has(key.accessKeyId) && key.issuedBy === 'GetRoleCredentials' && key.arn === ssoRoleSessionArn(BASIC_SSO.accountId, BASIC_SSO.roleName, BASIC_SSO.user))
          .map((key) => key.accessKeyId),
      );
      if (streams.length === 0) throw new Error('claude sent no InvokeModelWithResponseStream');
      for (const entry of streams) {
        if (entry.resource !== JP_SONNET) throw new Error(`streamed ${entry.resource}`);
        if (entry.signingRegion !== 'ap-northeast-1') throw new Error(`signed for ${entry.signingRegion}`);
        if (!entry.accessKeyId || !issued.has(entry.accessKeyId)) throw new Error(`signed with ${entry.accessKeyId}, not a key the fake SSO issued for sso-dev's role`);
      }
      if (fs.existsSync(refreshLog)) throw new Error(`awsAuthRefresh ran: ${fs.readFileSync(refreshLog, 'utf8')}`);
      // Claude Code probes models of its own (the Opus alias); the written region prefix keeps them on jp.
      const outside = fakeAws.requests.filter((entry) => /^InvokeModel/.test(entry.operation) && !entry.resource?.startsWith('jp.'));
      if (outside.length > 0) throw new Error(`requests outside the jp. scope: ${outside.map((entry) => entry.resource).join(', ')}`);
      return `${streams.length} stream(s) on ${JP_SONNET}, ap-northeast-1, key ${streams[0]!.accessKeyId}`;
    });

    // ---------------------------------------------------------------------------------------------
    // Run 2: different answers, one Back, Escape at the preview: nothing changes.

    const beforeRun2 = snapshot(workspace);
    const homeBeforeRun2 = snapshot(path.join(home, '.claude'));

    await run.check('run 2: a profile without sign-in offers aws sso login; the wizard goes on once signed in; Back keeps the answer', async () => {
      await p.keyboard.press('Escape');
      await runFromPalette(p, WIZARD_COMMAND, { waitHidden: false });
      const profiles = await waitForWizardStep(p, 1, TOTAL_STEPS, SIGN_IN_PROFILE);
      if (!new RegExp(`${SIGN_IN_PROFILE}.*not signed in`).test(profiles)) throw new Error(`${SIGN_IN_PROFILE} is not shown as signed out: ${profiles.slice(0, 600)}`);
      await chooseRow(p, SIGN_IN_PROFILE, new RegExp(`^${SIGN_IN_PROFILE}\\b`));
      await waitForWizardStep(p, 1, TOTAL_STEPS, 'Sign in with aws sso login');
      await run.shot('run2-1-sign-in-offered');
      await chooseRow(p, 'Sign in with aws sso login', /Sign in with aws sso login/);
      // The stand-in CLI writes the token; the wizard reads the cache and moves to the Region step.
      await waitForWizardStep(p, 2, TOTAL_STEPS, 'ap-northeast-1', 60_000);
      await run.shot('run2-2-region-after-sign-in');
      const calls = fs.existsSync(awsCalls) ? fs.readFileSync(awsCalls, 'utf8').trim() : '';
      if (calls !== `sso login --profile ${SIGN_IN_PROFILE}`) throw new Error(`the terminal ran aws with "${calls}"`);
      await p.locator('.quick-input-widget .codicon-quick-input-back').first().click();
      const again = await waitForWizardStep(p, 1, TOTAL_STEPS, SIGN_IN_PROFILE);
      const focused = await focusedRow(p);
      await run.shot('run2-1-back-to-profile');
      if (!focused.startsWith(SIGN_IN_PROFILE)) throw new Error(`after Back the focused profile is "${focused}"`);
      if (!new RegExp(`${SIGN_IN_PROFILE}.*signed in until`).test(again)) throw new Error(`${SIGN_IN_PROFILE} is not shown as signed in now: ${again.slice(0, 600)}`);
      return `aws ${calls}; focused after Back: ${focused.slice(0, 60)}`;
    });

    await run.check('run 2: other answers up to the preview, then Escape writes nothing', async () => {
      await chooseRow(p, 'sso-dev', /^sso-dev\b/);
      await waitForWizardStep(p, 2, TOTAL_STEPS, 'ap-northeast-1');
      await p.keyboard.press('Enter');
      await waitForWizardStep(p, 3, TOTAL_STEPS, 'Global (global)');
      await chooseRow(p, 'Global (global)', /^Global \(global\)/);
      await waitForWizardStep(p, 4, TOTAL_STEPS, GLOBAL_OPUS);
      await chooseRow(p, GLOBAL_OPUS, modelRow('Claude Opus 4.6', GLOBAL_OPUS));
      await waitForWizardStep(p, 5, TOTAL_STEPS, 'Same as the primary model');
      await chooseRow(p, 'Same as the primary model', /Same as the primary model/);
      await waitForWizardStep(p, 6, TOTAL_STEPS, /Continue/);
      await run.shot('run2-6-validation');
      await chooseRow(p, 'Continue', /\bContinue$/);
      await waitForWizardStep(p, 7, TOTAL_STEPS, 'All my projects');
      await chooseRow(p, 'All my projects', /All my projects/);
      await waitForWizardStep(p, 8, TOTAL_STEPS, 'Limit the output tokens per response');
      const limitRow = p.locator('.quick-input-widget .monaco-list-row', { hasText: 'Limit the output tokens per response' }).first();
      await limitRow.locator('input[type="checkbox"], .monaco-checkbox, .quick-input-list-checkbox').first().click();
      await p.locator('.quick-input-widget .quick-input-box input').first().click();
      await p.keyboard.press('Enter');
      // The sub-step of the same step number: a number, checked as it is typed.
      // A text only the sub-step has (the options list also names CLAUDE_CODE_MAX_OUTPUT_TOKENS).
      await waitForWizardStep(p, 8, TOTAL_STEPS, 'Maximum output tokens per response');
      await p.keyboard.type('0');
      await waitForWizardStep(p, 8, TOTAL_STEPS, 'Enter a whole number from 1 to 128000.');
      await run.shot('run2-8-max-tokens-invalid');
      await p.keyboard.press('Backspace');
      await p.keyboard.type('8192');
      await p.keyboard.press('Enter');
      const preview = await waitForWizardStep(p, 9, TOTAL_STEPS, 'Write these files');
      if (!preview.includes('env.CLAUDE_CODE_MAX_OUTPUT_TOKENS')) throw new Error(`the token limit is not in the plan: ${preview.slice(0, 500)}`);
      await waitFor('the user-file diff', async () => ((await tabLabels(p)).some((label) => label.includes('~/.claude/settings.json')) ? true : undefined));
      await run.shot('run2-9-preview');
      await p.keyboard.press('Escape');
      await quickInput(p).waitFor({ state: 'hidden', timeout: 30_000 });
      await p.waitForTimeout(2_000);
      await run.shot('run2-cancelled');
      const problems = [...compareSnapshots(beforeRun2, snapshot(workspace), 'workspace'), ...compareSnapshots(homeBeforeRun2, snapshot(path.join(home, '.claude')), '~/.claude')];
      if (problems.length > 0) throw new Error(problems.join(', '));
      const leftovers = (await tabLabels(p)).filter((label) => label.includes('↔') || label.includes('(new file)'));
      if (leftovers.length > 0) throw new Error(`preview tabs left open: ${leftovers.join(', ')}`);
      return `${beforeRun2.size} workspace files byte-identical, no new file`;
    });

    await run.check('run 4: a shared settings file that does not parse is named with line and column at the preview, and stays byte-identical', async () => {
      const good = fs.readFileSync(sharedFile, 'utf8');
      // A comment on line 2: Claude Code reads strict JSON only.
      const broken = good.replace('{\n', '{\n  // team defaults\n');
      fs.writeFileSync(sharedFile, broken);
      const before = snapshot(workspace);
      await p.keyboard.press('Escape');
      await runFromPalette(p, WIZARD_COMMAND, { waitHidden: false });
      await waitForWizardStep(p, 1, TOTAL_STEPS, 'sso-dev');
      await chooseRow(p, 'sso-dev', /^sso-dev\b/);
      await waitForWizardStep(p, 2, TOTAL_STEPS, 'ap-northeast-1');
      await p.keyboard.press('Enter');
      await waitForWizardStep(p, 3, TOTAL_STEPS, 'Japan (jp)');
      await chooseRow(p, 'Japan (jp)', /^Japan \(jp\)/);
      await waitForWizardStep(p, 4, TOTAL_STEPS, JP_SONNET);
      await chooseRow(p, JP_SONNET, modelRow('Claude Sonnet 4.5', JP_SONNET));
      await waitForWizardStep(p, 5, TOTAL_STEPS, 'Same as the primary model');
      await chooseRow(p, 'Same as the primary model', /Same as the primary model/);
      await waitForWizardStep(p, 6, TOTAL_STEPS, /Continue/);
      await chooseRow(p, 'Continue', /\bContinue$/);
      await waitForWizardStep(p, 7, TOTAL_STEPS, 'Project, shared with the team (recommended)');
      await chooseRow(p, 'Project', /\bProject, shared with the team/);
      await waitForWizardStep(p, 8, TOTAL_STEPS, 'Turn off the Claude Code login screen in VS Code');
      await p.keyboard.press('Enter');
      const preview = await waitForWizardStep(p, 9, TOTAL_STEPS, /settings\.json is not valid JSON \(line 2, column 3\)/);
      await run.shot('run4-9-unparsable');
      if (preview.includes('Write these files')) throw new Error(`the preview offers to write over a file it cannot parse: ${preview.slice(0, 400)}`);
      await p.keyboard.press('Escape');
      await quickInput(p).waitFor({ state: 'hidden', timeout: 30_000 });
      const problems = compareSnapshots(before, snapshot(workspace), 'workspace');
      if (problems.length > 0) throw new Error(problems.join(', '));
      if (fs.readFileSync(sharedFile, 'utf8') !== broken) throw new Error('the broken file changed');
      fs.writeFileSync(sharedFile, good);
      return preview.match(/\S*settings\.json is not valid JSON[^.]*/)?.[0] ?? '';
    });

    await run.check('extension host logged no error of the extension', async () => {
      const logs = readExtensionHostLogs(srv.userDataDir);
      const escaped = EXTENSION_ID.replace(/\./g, '\\.');
      const failed = logs.split('\n').filter((line) => new RegExp(`Activating extension '?${escaped}'? failed|${escaped}.*\\[error\\]|\\[error\\].*${escaped}`, 'i').test(line));
      if (failed.length > 0) throw new Error(failed.slice(0, 5).join('\n'));
    });

    // ---------------------------------------------------------------------------------------------
    // Run 3: a folder in Restricted Mode: the wizard reaches the preview, writing is refused.

    await srv.stop();
    const untrusted = path.join(tmp, 'untrusted');
    fs.mkdirSync(path.join(untrusted, '.claude'), { recursive: true });
    fs.writeFileSync(path.join(untrusted, 'README.md'), '# untrusted workspace\n');
    fs.writeFileSync(path.join(untrusted, '.claude', 'settings.json'), json(EXISTING_SHARED));
    const beforeRun3 = snapshot(untrusted);
    const homeBeforeRun3 = snapshot(path.join(home, '.claude'));

    await run.check('run 3: in Restricted Mode the preview shows the changes but writing is refused with the reason', async () => {
      server = await startCodeServer({
        env,
        folder: untrusted,
        extensionsDir: srv.extensionsDir,
        userDataDir: path.join(tmp, 'user-data-untrusted'),
        // Workspace trust on, no startup prompt: the folder opens in Restricted Mode.
        settings: { 'workbench.startupEditor': 'none', 'workbench.secondarySideBar.defaultVisibility': 'hidden', 'security.workspace.trust.startupPrompt': 'never' },
        logName: 'wizard-code-server-untrusted',
      });
      await p.goto(server.folderUrl, { timeout: 120_000, waitUntil: 'domcontentloaded' });
      await p.waitForSelector('.monaco-workbench', { timeout: 180_000 });
      await p.locator('.part.activitybar .action-item [aria-label^="Claude on Bedrock"], .part.activitybar .action-item[aria-label^="Claude on Bedrock"]').first().waitFor({ state: 'visible', timeout: 120_000 });
      await runFromPalette(p, WIZARD_COMMAND, { waitHidden: false });
      await waitForWizardStep(p, 1, TOTAL_STEPS, 'sso-dev');
      await chooseRow(p, 'sso-dev', /^sso-dev\b/);
      await waitForWizardStep(p, 2, TOTAL_STEPS, 'ap-northeast-1');
      await p.keyboard.press('Enter');
      await waitForWizardStep(p, 3, TOTAL_STEPS, 'Japan (jp)');
      await p.keyboard.press('Enter');
      await waitForWizardStep(p, 4, TOTAL_STEPS, JP_SONNET);
      await p.keyboard.press('Enter');
      await waitForWizardStep(p, 5, TOTAL_STEPS, JP_HAIKU);
      await p.keyboard.press('Enter');
      await waitForWizardStep(p, 6, TOTAL_STEPS, /Continue/);
      await chooseRow(p, 'Continue', /\bContinue$/);
      await waitForWizardStep(p, 7, TOTAL_STEPS, 'Project, shared with the team (recommended)');
      await p.keyboard.press('Enter');
      await waitForWizardStep(p, 8, TOTAL_STEPS, 'Turn off the Claude Code login screen in VS Code');
      await p.keyboard.press('Enter');
      const text = await waitForWizardStep(p, 9, TOTAL_STEPS, 'Writing is turned off in Restricted Mode');
      await run.shot('run3-9-preview-restricted');
      if (text.includes('Write these files')) throw new Error(`a write is offered in Restricted Mode: ${text.slice(0, 400)}`);
      await chooseRow(p, 'Writing is turned off', /Writing is turned off in Restricted Mode/);
      const warning = await waitFor('the Restricted Mode message', async () => {
        const texts = (await p.locator('.notifications-toasts .notification-toast').allInnerTexts()).map((t) => t.replace(/\s+/g, ' '));
        return texts.find((t) => t.includes('not trusted'));
      });
      if (!warning.includes('Manage Workspace Trust')) throw new Error(`the message offers no way to trust the folder: ${warning}`);
      await waitForWizardStep(p, 9, TOTAL_STEPS, 'Writing is turned off in Restricted Mode');
      await run.shot('run3-refused');
      await p.keyboard.press('Escape');
      await quickInput(p).waitFor({ state: 'hidden', timeout: 30_000 });
      await p.waitForTimeout(1_000);
      const problems = [...compareSnapshots(beforeRun3, snapshot(untrusted), 'untrusted'), ...compareSnapshots(homeBeforeRun3, snapshot(path.join(home, '.claude')), '~/.claude')];
      if (problems.length > 0) throw new Error(problems.join(', '));
      return warning;
    });
  } catch (error) {
    await run.unexpected(error);
  } finally {
    if (browser) await browser.close().catch((error) => run.log(`closing chromium: ${String(error)}`));
    if (server) await server.stop().catch((error) => run.log(`stopping code-server: ${String(error)}`));
    if (fake) await fake.stop().catch((error) => run.log(`stopping the fake AWS: ${String(error)}`));
    if (KEEP) run.log(`kept ${tmp}`);
    else fs.rmSync(tmp, { recursive: true, force: true });
  }
}

void main().finally(() => run.finish());
