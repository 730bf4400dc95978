/**
 * End to end in a real VS Code (code-server + Chromium): a repository with a Japan-only team
 * policy and a compliant setup; a hand-edited `global.` pin turns the status bar to error, naming
 * the violation, and one click on the item rewrites the pin to its `jp.` replacement, leaving the
 * file otherwise byte-identical; `policy check` fails on the edit and passes after the fix.
 *
 *   scripts/e2e-tools.sh && npm run package && npx tsx test/e2e/policyStatus.e2e.ts [--headed] [--keep]
 *
 * Screenshots go to test-results/e2e/policy-status/. Nothing leaves 127.0.0.1.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fakeAwsEnv, launchBrowser, mkTempDir, REPO_ROOT, startCodeServer, type BrowserSession, type CodeServer } from './codeServer';
import type { PwPage } from './pw';
import { checkVsixAndCli, E2eRun, errorToasts, statusBarItem, statusText, tearDown, waitFor } from './workbench';
import { startFakeAws, writeDemoHome, type FakeAws } from '../fake-aws';
import { NEWEST_TESTED_VERSION } from '../../src/core/claudeCode/supportTable';
import { installFakeClaude } from '../support/installClaude';

const TOKYO = 'ap-northeast-1';
const JP_SONNET = 'jp.anthropic.claude-sonnet-4-5-20250929-v1:0';
const GLOBAL_SONNET = 'global.anthropic.claude-sonnet-4-5-20250929-v1:0';
const JP_HAIKU = 'jp.anthropic.claude-haiku-4-5-20251001-v1:0';
const JP_OPUS = 'jp.anthropic.claude-opus-4-6-v1';
const JAPAN_ONLY = { version: 1, allowedRegions: ['ap-northeast-1', 'ap-northeast-3'], allowedScopes: ['jp'], dataResidency: 'japan', requiredModelPins: ['opus', 'haiku'] };
const argv = process.argv.slice(2);
const HEADED = argv.includes('--headed');
const KEEP = argv.includes('--keep');
const run = new E2eRun('policy-status');

async function tooltip(p: PwPage): Promise<string> {
  await statusBarItem(p, 'Bedrock').hover();
  const hover = p.locator('.monaco-hover, .workbench-hover').filter({ hasText: /Claude on Bedrock/ }).first();
  await hover.waitFor({ state: 'visible', timeout: 30_000 });
  const text = (await hover.innerText()).replace(/\s+/g, ' ');
  return text;
}

function policyCheck(folder: string, env: Record<string, string>): { code: number | null; stdout: string } {
  const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'dist', 'cli.js'), 'policy', 'check', '--folder', folder, '--offline'], { env, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout };
}

async function main(): Promise<void> {
  const tmp = mkTempDir('cbs-e2e-policy-');
  let server: CodeServer | undefined;
  let browser: BrowserSession | undefined;
  let fake: FakeAws | undefined;
  try {
    const vsix = await checkVsixAndCli(run);

    fake = await startFakeAws({ scenario: 'basic' });
    const fakeAws = fake;
    const demo = await writeDemoHome(path.join(tmp, 'home'), fakeAws.state);
    // A current Claude Code reads the settings (test/support/installClaude.ts): the setup can be healthy.
    installFakeClaude(demo.home, [NEWEST_TESTED_VERSION]);
    const env = fakeAwsEnv(demo.home, fakeAws.env(), { CLAUDE_BEDROCK_MANAGED_SETTINGS_DIR: path.join(tmp, 'managed'), CLAUDE_BEDROCK_POLICY_DIR: path.join(tmp, 'machine-policy') });
    const workspace = path.join(tmp, 'workspace');
    fs.mkdirSync(path.join(workspace, '.claude'), { recursive: true });
    execFileSync('git', ['init', '-q'], { cwd: workspace, env });
    fs.writeFileSync(path.join(workspace, '.claude', 'bedrock-policy.json'), JSON.stringify(JAPAN_ONLY, null, 2) + '\n');
    execFileSync(process.execPath, [path.join(REPO_ROOT, 'dist', 'cli.js'), 'setup', '--folder', workspace, '--profile', 'sso-dev', '--region', TOKYO, '--model', JP_SONNET, '--background-model', JP_HAIKU, '--opus-model', JP_OPUS, '--offline'], { env, stdio: 'pipe' });
    const settingsFile = path.join(workspace, '.claude', 'settings.json');
    const compliant = fs.readFileSync(settingsFile, 'utf8');

    await run.check('code-server starts with the VSIX and the governed workspace', async () => {
      server = await startCodeServer({ env, vsix, folder: workspace, extensionsDir: path.join(tmp, 'ext'), userDataDir: path.join(tmp, 'ud'), disableWorkspaceTrust: true, logName: 'policy-status-code-server' });
      browser = await launchBrowser({ headless: !HEADED });
      run.page = browser.page;
      await browser.page.goto(server.folderUrl, { timeout: 120_000, waitUntil: 'domcontentloaded' });
      await browser.page.waitForSelector('.monaco-workbench', { timeout: 180_000 });
    }, { fatal: true });
    const p = run.page!;

    await run.check('the compliant setup is healthy, with the policy and its residency proof in the tooltip', async () => {
      await waitFor('the health item to show healthy', async () => (await statusText(p)).includes('codicon-pass'), 90_000);
      const text = await tooltip(p);
      await run.shot('status-compliant');
      await p.mouse.move(600, 300);
      if (!text.includes('Complies with the organisation policy')) throw new Error(`tooltip: ${text}`);
      const looked = new Set(fakeAws.requests.filter((entry) => entry.operation === 'GetInferenceProfile').map((entry) => entry.resource));
      for (const id of [JP_SONNET, JP_HAIKU, JP_OPUS]) if (!looked.has(id)) throw new Error(`residency never resolved ${id}: ${[...looked].join(', ')}`);
      return `${[...looked].length} profiles resolved`;
    });

    await run.check('a hand-edited global. pin turns the status bar to error, naming the violation; policy check fails on it', async () => {
      fs.writeFileSync(settingsFile, compliant.replace(`"ANTHROPIC_MODEL": "${JP_SONNET}"`, `"ANTHROPIC_MODEL": "${GLOBAL_SONNET}"`));
      await waitFor('the health item to show an error', async () => (await statusText(p)).includes('codicon-error'), 60_000);
      const text = await tooltip(p);
      await run.shot('status-violation');
      await p.mouse.move(600, 300);
      if (!text.includes(`${GLOBAL_SONNET} would run outside the allowed Regions`) && !text.includes(`${GLOBAL_SONNET} uses the "global." scope`)) throw new Error(`tooltip: ${text}`);
      const check = policyCheck(workspace, env);
      if (check.code !== 1) throw new Error(`policy check exited ${check.code}: ${check.stdout}`);
      return 'status error; policy check exit 1';
    });

    await run.check('one click on the status bar item applies the fix: the jp. pin is back and nothing else changed', async () => {
      await statusBarItem(p, 'Bedrock').click();
      await waitFor('the fix to be written', async () => fs.readFileSync(settingsFile, 'utf8') === compliant, 30_000);
      await waitFor('the health item to recover', async () => (await statusText(p)).includes('codicon-pass'), 60_000);
      await run.shot('status-fixed');
      const errors = await errorToasts(p);
      if (errors.length > 0) throw new Error(errors.join(' | '));
      const check = policyCheck(workspace, env);
      if (check.code !== 0) throw new Error(`policy check exited ${check.code} after the fix: ${check.stdout}`);
      return 'byte-identical to the compliant file; policy check exit 0';
    });

    await run.check('the bundled schemas validate a settings file and a policy file in the editor, offline', async () => {
      // In a subfolder: files the health check does not read, opened only to see the editor's diagnostics.
      const sub = path.join(workspace, 'schema-check', '.claude');
      fs.mkdirSync(sub, { recursive: true });
      fs.writeFileSync(path.join(sub, 'settings.json'), '{\n  "env": {\n    "AWS_REGION": 1\n  }\n}\n');
      fs.writeFileSync(path.join(sub, 'bedrock-policy.json'), '{\n  "version": 1,\n  "allowedScope": ["jp"]\n}\n');
      const messages: string[] = [];
      for (const file of ['schema-check/.claude/settings.json', 'schema-check/.claude/bedrock-policy.json']) {
        await p.keyboard.press('Escape');
        await p.keyboard.press('Control+P');
        await p.locator('.quick-input-widget input').waitFor({ state: 'visible', timeout: 30_000 });
        await p.keyboard.type(file);
        // Click the row of this file: Enter takes the focused row, which can still be a recently opened file
        // while the list filters (seen on a loaded machine: settings.json opened twice).
        const row = p.locator('.quick-input-widget .monaco-list-row', { hasText: path.basename(file) }).filter({ hasText: 'schema-check' }).first();
        await row.waitFor({ state: 'visible', timeout: 30_000 });
        await row.click();
        await p.locator('.tabs-container .tab', { hasText: path.basename(file) }).first().waitFor({ state: 'visible', timeout: 30_000 });
      }
      await p.keyboard.press('Control+Shift+M');
      const rows = p.locator('.markers-panel .monaco-list-row');
      await waitFor('both schema diagnostics', async () => {
        const texts = (await rows.allInnerTexts()).map((text) => text.replace(/\s+/g, ' '));
        messages.splice(0, messages.length, ...texts);
        return texts.some((text) => /Incorrect type\. Expected "string"/.test(text)) && texts.some((text) => /Property allowedScope is not allowed/.test(text));
      }, 60_000);
      await run.shot('schema-diagnostics');
      if (messages.some((text) => /Unable to load schema|schemastore/i.test(text))) throw new Error(`a schema had to be downloaded: ${messages.join(' | ')}`);
      return messages.filter((text) => /Incorrect type|not allowed/.test(text)).join(' | ');
    });
  } catch (error) {
    await run.unexpected(error);
  } finally {
    await tearDown(run, { browser, server, fake, tmp }, KEEP);
  }
  run.finish();
}

void main();
