/**
 * End-to-end test of the setup wizard under an organisation policy, in a real VS Code (code-server)
 * driven through Chromium, against the loopback fake AWS (scenario "basic": Tokyo lists global.,
 * jp., apac. and an application profile).
 *
 *   scripts/e2e-tools.sh              # once: chromium, Node 24, code-server, playwright-core
 *   npm run package                   # builds vsix/claude-bedrock-setup-<version>.vsix
 *   npm run test:e2e:policy           # this test
 *
 * The workspace is a git repository with a Japan-only team policy committed at
 * .claude/bedrock-policy.json (Tokyo and Osaka, the jp scope, data in Japan, the Opus and Haiku
 * pins required, no static keys). The machine policy and managed-settings folders are empty.
 *
 * Run 1 goes through every step: the profile step lists static-dev under "Not allowed by the
 * organisation policy" and picking it does not advance; the Region step offers only Tokyo and
 * Osaka; the scope step only jp (global, apac and the application profile below, with reasons,
 * and picking global does not advance); the primary step only jp. IDs; "None" is not allowed as
 * the background model; the options step shows the Opus pin as required and it cannot be unticked;
 * the preview writes. Every model ID written starts with jp., the Region prefix is jp, and the fake
 * AWS saw no invocation outside jp.
 *
 * Run 2 tightens the policy while the wizard is open (an output-token cap): the preview lists the
 * violation and offers no Write; nothing changes. Run 3 breaks the policy file: the profile step
 * names the file and line and refuses to go on (fail closed).
 *
 * Screenshots go to test-results/e2e/wizard-policy/. The last line printed is "N passed, M failed";
 * the exit code is non-zero when anything failed. Nothing leaves 127.0.0.1.
 *
 * Options: --headed (needs a display), --keep (keep temp dirs), E2E_TOOLS_DIR, E2E_CHROMIUM.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fakeAwsEnv, EXTENSION_ID, findVsix, launchBrowser, mkTempDir, readExtensionHostLogs, startCodeServer, toolPaths, type BrowserSession, type CodeServer } from './codeServer';
import type { PwPage } from './pw';
import { chooseRow, E2eRun, errorToasts, focusedRow, modelRow, quickInput, runFromPalette, toasts, waitFor, waitForWizardStep } from './workbench';
import { startFakeAws, writeDemoHome, type FakeAws } from '../fake-aws';

const WIZARD_COMMAND = 'Claude on Bedrock: Run Setup Wizard';
const TOTAL_STEPS = 9;
const NOT_ALLOWED = 'Not allowed by the organisation policy';
const JP_SONNET = 'jp.anthropic.claude-sonnet-4-5-20250929-v1:0';
const JP_HAIKU = 'jp.anthropic.claude-haiku-4-5-20251001-v1:0';
const JP_OPUS = 'jp.anthropic.claude-opus-4-6-v1';
const JAPAN = ['ap-northeast-1', 'ap-northeast-3'];

/** The team's Japan-only policy, as committed. */
const POLICY = {
  version: 1,
  allowedRegions: JAPAN,
  allowedScopes: ['jp'],
  dataResidency: 'japan',
  requiredModelPins: ['opus', 'haiku'],
  credentials: { forbidStaticKeys: true },
};

/** Settings keys that name a model Claude Code may invoke. */
const MODEL_KEYS = ['ANTHROPIC_MODEL', 'ANTHROPIC_DEFAULT_HAIKU_MODEL', 'ANTHROPIC_SMALL_FAST_MODEL', 'ANTHROPIC_DEFAULT_SONNET_MODEL', 'ANTHROPIC_DEFAULT_OPUS_MODEL'];

const argv = process.argv.slice(2);
const HEADED = argv.includes('--headed');
const KEEP = argv.includes('--keep');

const run = new E2eRun('wizard-policy');

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Every file under `dir` (relative path → text), leaving out `.git`. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (current: string): void => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      if (entry.name === '.git') continue;
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) files.set(path.relative(dir, full), fs.readFileSync(full, 'utf8'));
    }
  };
  walk(dir);
  return files;
}

function sameFiles(before: Map<string, string>, after: Map<string, string>): string[] {
  const problems = [...after].filter(([file, text]) => before.get(file) !== text).map(([file]) => `${file} ${before.has(file) ? 'changed' : 'is new'}`);
  return [...problems, ...[...before.keys()].filter((file) => !after.has(file)).map((file) => `${file} was deleted`)];
}

function step(p: PwPage, n: number, text: string | RegExp, timeoutMs?: number): Promise<string> {
  return waitForWizardStep(p, n, TOTAL_STEPS, text, timeoutMs);
}

/**
 * The pick's rendered rows in list order (label, description, detail as their accessible name),
 * split at the row the "Not allowed by the organisation policy" separator heads. Long lists are
 * virtualised: only the rows on screen are there, the allowed ones (at the top) among them.
 */
async function sections(p: PwPage): Promise<{ allowed: string[]; blocked: string[] }> {
  const rows = p.locator('.quick-input-widget .monaco-list-row');
  const read: { index: number; text: string; heads: string }[] = [];
  for (let at = 0; at < (await rows.count()); at += 1) {
    const row = rows.nth(at);
    const index = Number((await row.getAttribute('data-index')) ?? at);
    // The accessible name spells a leading $(circle-slash) as "circle-slash".
    const text = ((await row.getAttribute('aria-label')) ?? (await row.innerText())).replace(/\s+/g, ' ').trim().replace(/^circle-slash /, '');
    const separator = row.locator('.quick-input-list-separator');
    const heads = (await separator.count()) > 0 ? (await separator.first().innerText()).trim() : '';
    read.push({ index, text, heads });
  }
  read.sort((a, b) => a.index - b.index);
  const first = read.findIndex((row) => row.heads.includes(NOT_ALLOWED));
  const texts = read.map((row) => row.text);
  return first < 0 ? { allowed: texts, blocked: [] } : { allowed: texts.slice(0, first), blocked: texts.slice(first) };
}

/** Waits for a notification that contains `text`. */
async function toast(p: PwPage, text: string): Promise<string> {
  let found = '';
  await waitFor(`a notification with "${text}"`, async () => {
    found = (await toasts(p)).find((shown) => shown.includes(text)) ?? '';
    return found !== '';
  }, 30_000);
  return found;
}

async function clearToasts(p: PwPage): Promise<void> {
  // The notification centre's "Clear All Notifications" keeps later toast checks unambiguous.
  await runFromPalette(p, 'Notifications: Clear All Notifications');
}

/** Ticked rows of the options step's check-box pick. */
async function tickedRows(p: PwPage): Promise<string[]> {
  return (await p.locator('.quick-input-widget .monaco-list-row[aria-checked="true"]').allInnerTexts()).map((text) => text.replace(/\s+/g, ' '));
}

/** Goes through steps 1 to 7 with the compliant answers; the options step (8) is then shown. */
async function compliantAnswers(p: PwPage): Promise<string> {
  await runFromPalette(p, WIZARD_COMMAND, { waitHidden: false });
  await step(p, 1, 'sso-dev');
  await chooseRow(p, 'sso-dev', /^sso-dev\b/);
  await step(p, 2, 'ap-northeast-1');
  await p.keyboard.press('Enter');
  await step(p, 3, 'Japan (jp)');
  await p.keyboard.press('Enter');
  await step(p, 4, JP_SONNET);
  await chooseRow(p, 'Claude Sonnet 4.5', modelRow('Claude Sonnet 4.5', JP_SONNET));
  await step(p, 5, JP_HAIKU);
  await p.keyboard.press('Enter');
  await step(p, 6, /Continue/);
  await chooseRow(p, 'Continue', /\bContinue$/);
  await step(p, 7, 'Project, shared with the team (recommended)');
  await p.keyboard.press('Enter');
  return step(p, 8, 'Turn off the Claude Code login screen in VS Code');
}

async function main(): Promise<void> {
  const tmp = mkTempDir('cbs-e2e-wizard-policy-');
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
    const machinePolicy = path.join(tmp, 'machine-policy');
    fs.mkdirSync(managed, { recursive: true });
    fs.mkdirSync(machinePolicy, { recursive: true });
    await writeDemoHome(home, fakeAws.state);
    const policyFile = path.join(workspace, '.claude', 'bedrock-policy.json');
    fs.mkdirSync(path.dirname(policyFile), { recursive: true });
    fs.writeFileSync(path.join(workspace, 'README.md'), '# e2e wizard policy workspace\n');
    fs.writeFileSync(policyFile, json(POLICY));
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=e2e', '-c', 'user.email=e2e@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd: workspace, stdio: 'pipe' });
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'Japan-only team policy');
    const env = fakeAwsEnv(home, fakeAws.env(), {
      // This machine's own policy and managed settings (if any) must not shape the test.
      CLAUDE_BEDROCK_POLICY_DIR: machinePolicy,
      CLAUDE_BEDROCK_MANAGED_SETTINGS_DIR: managed,
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
        settings: { 'workbench.startupEditor': 'none', 'workbench.secondarySideBar.defaultVisibility': 'hidden' },
        logName: 'wizard-policy-code-server',
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
      await browser.page.locator('.part.activitybar .action-item [aria-label^="Claude on Bedrock"], .part.activitybar .action-item[aria-label^="Claude on Bedrock"]').first().waitFor({ state: 'visible', timeout: 120_000 });
      await run.shot('workbench');
    }, { fatal: true });
    const p = browser!.page;

    const sharedFile = path.join(workspace, '.claude', 'settings.json');
    const localFile = path.join(workspace, '.claude', 'settings.local.json');

    // ---------------------------------------------------------------------------------------------
    // Run 1: the Japan-only policy shapes every step; the setup written stays in Japan.

    await run.check('step 1/9: static-dev is listed under "Not allowed by the organisation policy" with the reason', async () => {
      await runFromPalette(p, WIZARD_COMMAND, { waitHidden: false });
      await step(p, 1, NOT_ALLOWED);
      await run.shot('1-profile');
      const { allowed, blocked } = await sections(p);
      if (!allowed.some((row) => row.startsWith('sso-dev'))) throw new Error(`sso-dev is not offered: ${JSON.stringify(allowed)}`);
      if (allowed.some((row) => row.includes('static-dev'))) throw new Error(`static-dev is offered above the separator: ${JSON.stringify(allowed)}`);
      const row = blocked.find((text) => text.includes('static-dev'));
      if (!row || !/long-lived access keys/.test(row)) throw new Error(`static-dev is not listed as not allowed, with the reason: ${JSON.stringify(blocked)}`);
      return row;
    }, { fatal: true });

    await run.check('step 1/9: picking static-dev does not advance; the reason is shown', async () => {
      const focused = await chooseRow(p, 'static-dev', /static-dev/);
      const warning = await toast(p, NOT_ALLOWED);
      const again = await step(p, 1, 'sso-dev');
      await run.shot('1-profile-refused');
      if (!/long-lived access keys/.test(warning)) throw new Error(`the message does not say why: ${warning}`);
      if (!again.includes(NOT_ALLOWED)) throw new Error(`the profile step did not show again: ${again.slice(0, 300)}`);
      return `${focused.slice(0, 60)} → ${warning.slice(0, 160)}`;
    }, { fatal: true });

    await run.check('step 2/9: only Tokyo and Osaka are offered above the separator', async () => {
      await chooseRow(p, 'sso-dev', /^sso-dev\b/);
      await step(p, 2, NOT_ALLOWED);
      await run.shot('2-region');
      const { allowed, blocked } = await sections(p);
      const offered = [...new Set(allowed.join(' ').match(/\b[a-z]{2}(?:-gov)?-[a-z]+-\d\b/g) ?? [])].sort();
      if (JSON.stringify(offered) !== JSON.stringify(JAPAN)) throw new Error(`Regions above the separator: ${offered.join(', ')}`);
      if (blocked.length === 0 || !blocked.every((row) => /Region \S+ is not allowed/.test(row))) throw new Error(`no reason below the separator: ${JSON.stringify(blocked.slice(0, 3))}`);
      const focused = await focusedRow(p);
      if (!focused.startsWith('ap-northeast-1')) throw new Error(`preselected: "${focused}"`);
      await p.keyboard.press('Enter');
      return `offered: ${offered.join(', ')}`;
    }, { fatal: true });

    await run.check('step 3/9: only jp is allowed; global, apac and the application profile are listed as not allowed with reasons', async () => {
      await step(p, 3, NOT_ALLOWED);
      await run.shot('3-scope');
      const { allowed, blocked } = await sections(p);
      if (allowed.length !== 1 || !allowed[0]!.startsWith('Japan (jp)')) throw new Error(`allowed scopes: ${JSON.stringify(allowed)}`);
      for (const [scope, reason] of [
        ['Global (global)', 'The "global." scope is not allowed'],
        ['Asia Pacific (apac)', 'The "apac." scope is not allowed'],
      ] as const) {
        const row = blocked.find((text) => text.startsWith(scope));
        if (!row || !row.includes(reason)) throw new Error(`${scope} is not listed as not allowed with "${reason}": ${JSON.stringify(blocked)}`);
      }
      const focused = await focusedRow(p);
      if (!focused.startsWith('Japan (jp)')) throw new Error(`preselected: "${focused}"`);
      return blocked.join(' | ').slice(0, 300);
    }, { fatal: true });

    await run.check('step 3/9: picking global does not advance', async () => {
      await chooseRow(p, 'Global (global)', /Global \(global\)/);
      const warning = await toast(p, 'The "global." scope is not allowed');
      await step(p, 3, 'Japan (jp)');
      await run.shot('3-scope-refused');
      const focused = await focusedRow(p);
      if (!focused.startsWith('Japan (jp)')) throw new Error(`after the refusal the focused scope is "${focused}"`);
      await p.keyboard.press('Enter');
      return warning.slice(0, 160);
    }, { fatal: true });

    await run.check('step 4/9: the primary step lists only jp. IDs', async () => {
      await step(p, 4, JP_SONNET);
      await run.shot('4-primary');
      const { allowed } = await sections(p);
      const ids = allowed.join(' ').match(/(?:\b[a-z-]+\.)?anthropic\.claude-[\w.:-]+/g) ?? [];
      const outside = ids.filter((id) => !id.startsWith('jp.'));
      if (ids.length === 0 || outside.length > 0) throw new Error(`IDs offered: ${ids.join(', ')}`);
      await chooseRow(p, 'Claude Sonnet 4.5', modelRow('Claude Sonnet 4.5', JP_SONNET));
      return `${new Set(ids).size} jp. IDs`;
    }, { fatal: true });

    await run.check('step 5/9: jp. Haiku offered; "None: leave it to Claude Code" and other scopes not allowed', async () => {
      await step(p, 5, JP_HAIKU);
      await run.shot('5-background');
      const { allowed, blocked } = await sections(p);
      const offered = allowed.join(' | ');
      if (!offered.includes(JP_HAIKU) || !offered.includes('Same as the primary model')) throw new Error(`allowed: ${offered}`);
      if (offered.includes('None: leave it to Claude Code')) throw new Error('"None" is offered under a policy that requires the Haiku pin');
      if (/\b(global|apac)\.anthropic/.test(offered)) throw new Error(`Haiku outside jp. is offered: ${offered}`);
      if (!blocked.some((row) => /None: leave it to Claude Code.*ANTHROPIC_DEFAULT_HAIKU_MODEL must be set/.test(row))) throw new Error(`"None" is not listed as not allowed with its reason: ${JSON.stringify(blocked)}`);
      const focused = await focusedRow(p);
      if (!focused.includes(JP_HAIKU)) throw new Error(`preselected: "${focused}"`);
      await p.keyboard.press('Enter');
    }, { fatal: true });

    await run.check('steps 6-7/9: validation (no probe) and the project scope', async () => {
      fakeAws.clearLog();
      await step(p, 6, /Continue/);
      await run.shot('6-validation');
      await chooseRow(p, 'Continue', /\bContinue$/);
      await step(p, 7, 'Project, shared with the team (recommended)');
      await run.shot('7-target');
      await chooseRow(p, 'Project', /\bProject, shared with the team/);
    }, { fatal: true });

    await run.check('step 8/9: the Opus pin is required by the organisation policy (jp.) and cannot be unticked', async () => {
      const text = await step(p, 8, 'Turn off the Claude Code login screen in VS Code');
      if (!/Pin the "opus" alias.*jp\.anthropic\.claude-opus-4-6-v1.*Required by the organisation policy/.test(text)) throw new Error(`the Opus pin is not shown as required: ${text.slice(0, 600)}`);
      const before = await tickedRows(p);
      if (!before.some((row) => row.includes(JP_OPUS))) throw new Error(`the Opus pin is not ticked: ${JSON.stringify(before)}`);
      await run.shot('8-options');
      // Try to untick it: it ticks again.
      const opusRow = p.locator('.quick-input-widget .monaco-list-row', { hasText: JP_OPUS }).first();
      await opusRow.locator('input[type="checkbox"], .monaco-checkbox, .quick-input-list-checkbox').first().click();
      await p.waitForTimeout(1_000);
      const after = await tickedRows(p);
      await run.shot('8-options-after-untick');
      if (!after.some((row) => row.includes(JP_OPUS))) throw new Error(`the Opus pin could be unticked: ${JSON.stringify(after)}`);
      await p.locator('.quick-input-widget .quick-input-box input').first().click();
      await p.keyboard.press('Enter');
      return `ticked: ${after.length} rows`;
    }, { fatal: true });

    await run.check('step 9/9: the preview offers to write; writing succeeds', async () => {
      const text = await step(p, 9, 'Write these files');
      await run.shot('9-preview');
      if (text.includes(NOT_ALLOWED)) throw new Error(`the preview reports violations: ${text.slice(0, 500)}`);
      await chooseRow(p, 'Write these files', /Write these files/);
      await quickInput(p).waitFor({ state: 'hidden', timeout: 30_000 });
      const message = await toast(p, 'Claude Code on Bedrock is set up');
      await run.shot('10-written');
      const errors = await errorToasts(p);
      if (errors.length > 0) throw new Error(`error notification: ${errors.join(' | ')}`);
      return message;
    }, { fatal: true });

    await run.check('every model ID written starts with jp., ANTHROPIC_BEDROCK_REGION_PREFIX is jp, the Region and pins comply', async () => {
      const written = [sharedFile, localFile].filter((file) => fs.existsSync(file)).map((file) => ({ file, env: ((JSON.parse(fs.readFileSync(file, 'utf8')) as { env?: Record<string, string> }).env ?? {}) }));
      const env = Object.assign({}, ...written.map((entry) => entry.env)) as Record<string, string>;
      const models = MODEL_KEYS.filter((key) => env[key] !== undefined).map((key) => [key, env[key]!] as const);
      const outside = models.filter(([, id]) => !id.startsWith('jp.'));
      if (outside.length > 0) throw new Error(`model IDs outside jp.: ${JSON.stringify(outside)}`);
      if (env.ANTHROPIC_BEDROCK_REGION_PREFIX !== 'jp') throw new Error(`ANTHROPIC_BEDROCK_REGION_PREFIX is ${env.ANTHROPIC_BEDROCK_REGION_PREFIX}`);
      if (!JAPAN.includes(env.AWS_REGION ?? '')) throw new Error(`AWS_REGION is ${env.AWS_REGION}`);
      const expected = { ANTHROPIC_MODEL: JP_SONNET, ANTHROPIC_DEFAULT_HAIKU_MODEL: JP_HAIKU, ANTHROPIC_DEFAULT_OPUS_MODEL: JP_OPUS };
      for (const [key, value] of Object.entries(expected)) if (env[key] !== value) throw new Error(`${key} is ${env[key]}, expected ${value}`);
      if (env.AWS_PROFILE !== 'sso-dev') throw new Error(`AWS_PROFILE is ${env.AWS_PROFILE}`);
      return models.map(([key, id]) => `${key}=${id}`).join(', ');
    });

    await run.check('the fake AWS saw no model invocation outside jp.', async () => {
      const invocations = fakeAws.requests.filter((entry) => /^(InvokeModel|Converse)/.test(entry.operation));
      const outside = invocations.filter((entry) => !entry.resource?.startsWith('jp.'));
      if (outside.length > 0) throw new Error(`invocations outside jp.: ${outside.map((entry) => `${entry.operation} ${entry.resource}`).join(', ')}`);
      const bedrock = fakeAws.requests.filter((entry) => entry.resource !== undefined).map((entry) => `${entry.operation} ${entry.resource}`);
      const foreign = bedrock.filter((line) => /\b(global|apac|us|eu)\.anthropic/.test(line));
      if (foreign.length > 0) throw new Error(`requests naming models outside jp.: ${foreign.join(', ')}`);
      return `${invocations.length} invocation(s); ${bedrock.length} request(s) naming a model, all jp.`;
    });

    // ---------------------------------------------------------------------------------------------
    // Run 2: a token cap makes the limit required; a rule no step judges is caught at the preview.

    await run.check('run 2: a policy token cap makes the limit required, preset to the cap, and refuses more', async () => {
      await p.keyboard.press('Escape');
      fs.writeFileSync(policyFile, json({ ...POLICY, maxOutputTokens: 4096 }));
      const options = await compliantAnswers(p);
      await run.shot('run2-8-options-token-cap');
      if (!/Limit the output tokens per response.*Required by the organisation policy: at most 4096/.test(options)) throw new Error(`the token limit is not shown as required: ${options.slice(0, 600)}`);
      const ticked = await tickedRows(p);
      if (!ticked.some((row) => row.includes('Limit the output tokens per response'))) throw new Error(`the token limit is not ticked: ${JSON.stringify(ticked)}`);
      await p.keyboard.press('Enter');
      await step(p, 8, 'Maximum output tokens per response');
      const preset = await p.locator('.quick-input-widget .quick-input-box input').first().evaluateAll((inputs) => (inputs[0] as unknown as { value: string } | undefined)?.value ?? '');
      if (preset !== '4096') throw new Error(`the limit is preset to "${preset}"`);
      await p.keyboard.press('End');
      await p.keyboard.type('0');
      await step(p, 8, 'The organisation policy allows at most 4096 output tokens per response.');
      await run.shot('run2-8-token-cap-refused');
      await p.keyboard.press('Backspace');
      return `preset ${preset}`;
    });

    await run.check('run 2: a policy changed while the wizard is open is checked at the preview: the violation is listed, no Write', async () => {
      const before = snapshot(workspace);
      // A rule none of the steps judges (and that the wizard's answers break): only the preview's check sees it.
      fs.writeFileSync(policyFile, json({ ...POLICY, maxOutputTokens: 4096, forbiddenEnv: ['AWS_PROFILE'] }));
      await step(p, 8, 'Maximum output tokens per response');
      await p.keyboard.press('Enter');
      const preview = await step(p, 9, NOT_ALLOWED);
      await run.shot('run2-9-preview-refused');
      if (preview.includes('Write these files') || /\bFinish\b/.test(preview)) throw new Error(`the preview offers to write: ${preview.slice(0, 500)}`);
      if (!preview.includes('AWS_PROFILE must not be set')) throw new Error(`the violation is not named: ${preview.slice(0, 500)}`);
      await p.keyboard.press('Escape');
      await quickInput(p).waitFor({ state: 'hidden', timeout: 30_000 });
      const problems = sameFiles(new Map([...before].filter(([file]) => !file.endsWith('bedrock-policy.json'))), new Map([...snapshot(workspace)].filter(([file]) => !file.endsWith('bedrock-policy.json'))));
      fs.writeFileSync(policyFile, json(POLICY));
      if (problems.length > 0) throw new Error(problems.join(', '));
      return preview.match(/AWS_PROFILE must not be set[^.]*/)?.[0] ?? '';
    });

    // ---------------------------------------------------------------------------------------------
    // Run 3: a policy file that cannot be used: the wizard names it and stops at the profile step.

    await run.check('run 3: a broken policy file is named with its line at the profile step, and the wizard does not go on', async () => {
      await p.keyboard.press('Escape');
      await clearToasts(p).catch(() => undefined);
      fs.writeFileSync(policyFile, '{\n  "version": 1,\n  "allowedRegions": ["ap-northeast-1",]\n}\n');
      const before = snapshot(workspace);
      await runFromPalette(p, WIZARD_COMMAND, { waitHidden: false });
      const text = await step(p, 1, /team policy is not valid JSON/);
      await run.shot('run3-1-broken-policy');
      if (!/bedrock-policy\.json, line 3/.test(text)) throw new Error(`the file and line are not named: ${text.slice(0, 500)}`);
      await chooseRow(p, 'sso-dev', /^sso-dev\b/);
      const error = await toast(p, 'The wizard cannot go on until the policy file is fixed');
      await step(p, 1, /team policy is not valid JSON/);
      await run.shot('run3-1-refused');
      if (!error.includes('bedrock-policy.json')) throw new Error(`the message does not name the file: ${error}`);
      await p.keyboard.press('Escape');
      await quickInput(p).waitFor({ state: 'hidden', timeout: 30_000 });
      const problems = sameFiles(before, snapshot(workspace));
      fs.writeFileSync(policyFile, json(POLICY));
      if (problems.length > 0) throw new Error(problems.join(', '));
      return error.slice(0, 200);
    });

    await run.check('extension host logged no error of the extension', async () => {
      const logs = readExtensionHostLogs(srv.userDataDir);
      const escaped = EXTENSION_ID.replace(/\./g, '\\.');
      const failed = logs.split('\n').filter((line) => new RegExp(`Activating extension '?${escaped}'? failed|${escaped}.*\\[error\\]|\\[error\\].*${escaped}`, 'i').test(line));
      if (failed.length > 0) throw new Error(failed.slice(0, 5).join('\n'));
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
