/**
 * What every e2e script shares: a small runner (ordered checks, a screenshot per step and on
 * failure, "N passed, M failed" and the exit code) and helpers that drive VS Code's workbench.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findVsix, REPO_ROOT, RESULTS_DIR, toolPaths } from './codeServer';
import type { PwFrameLocator, PwPage } from './pw';

export interface CheckResult {
  name: string;
  ok: boolean;
  detail?: string;
}

/** A failing fatal check stops the run; the remaining checks are not run. */
export class FatalError extends Error {}

export class E2eRun {
  readonly results: CheckResult[] = [];
  readonly shotsDir: string;
  page: PwPage | undefined;
  private shotNo = 0;
  private readonly t0 = Date.now();

  constructor(readonly name: string) {
    this.shotsDir = path.join(RESULTS_DIR, name);
    fs.mkdirSync(this.shotsDir, { recursive: true });
    for (const file of fs.readdirSync(this.shotsDir)) if (file.endsWith('.png')) fs.rmSync(path.join(this.shotsDir, file));
  }

  elapsed(): string {
    return `${((Date.now() - this.t0) / 1000).toFixed(1)}s`;
  }

  log(message: string): void {
    console.log(`[${this.name} ${this.elapsed()}] ${message}`);
  }

  async shot(name: string): Promise<void> {
    if (!this.page) return;
    const file = path.join(this.shotsDir, `${String(++this.shotNo).padStart(2, '0')}-${name}.png`);
    try {
      await this.page.screenshot({ path: file, timeout: 30_000 });
      this.log(`  screenshot ${path.relative(process.cwd(), file)}`);
    } catch (error) {
      this.log(`  (screenshot ${name} failed: ${String(error)})`);
    }
  }

  async check(name: string, fn: () => Promise<string | void>, options: { fatal?: boolean } = {}): Promise<boolean> {
    this.log(`▶ ${name}`);
    try {
      const detail = await fn();
      this.results.push({ name, ok: true, ...(detail ? { detail } : {}) });
      this.log(`  ✔ ${name}${detail ? ` (${detail})` : ''}`);
      return true;
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      this.results.push({ name, ok: false, detail });
      this.log(`  ✘ ${name}: ${detail}`);
      await this.shot(`FAILED-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase().slice(0, 60)}`);
      if (options.fatal) throw new FatalError(name);
      return false;
    }
  }

  /** Records an unexpected error of the script itself as a failure. */
  async unexpected(error: unknown): Promise<void> {
    if (error instanceof FatalError) return;
    this.results.push({ name: 'unexpected error', ok: false, detail: error instanceof Error ? error.stack ?? error.message : String(error) });
    this.log(`unexpected error: ${String(error)}`);
    await this.shot('FAILED-unexpected');
  }

  /** Prints the summary and exits: non-zero when anything failed or nothing ran. */
  finish(): never {
    const passed = this.results.filter((result) => result.ok).length;
    const failed = this.results.length - passed;
    console.log('');
    for (const result of this.results) {
      console.log(`${result.ok ? 'PASS' : 'FAIL'}  ${result.name}${!result.ok && result.detail ? `\n      ${result.detail.split('\n').join('\n      ')}` : ''}`);
    }
    console.log(`${this.name} took ${this.elapsed()}`);
    console.log(`${passed} passed, ${failed} failed`);
    process.exit(failed > 0 || passed === 0 ? 1 : 0);
  }
}

/** Error notifications currently shown (toasts), as text. */
export async function errorToasts(p: PwPage): Promise<string[]> {
  const toasts = p.locator('.notifications-toasts .notification-toast').filter({ has: p.locator('.codicon-error') });
  return (await toasts.allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
}

/** Every notification toast currently shown, as text. */
export async function toasts(p: PwPage): Promise<string[]> {
  return (await p.locator('.notifications-toasts .notification-toast').allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
}

/** The description shown beside a tree row's label (`label` is a regular-expression source). */
export async function rowDescription(p: PwPage, label: string): Promise<string> {
  const row = p.locator('.part.sidebar .monaco-list-row', { has: p.locator('.label-name', { hasText: new RegExp(`^${label}$`) }) }).first();
  return (await row.locator('.label-description').allInnerTexts()).join(' ').trim();
}

/** Labels of the rows of the tree views in the side bar. */
export async function treeLabels(p: PwPage): Promise<string[]> {
  const labels = await p.locator('.part.sidebar .monaco-list-row .label-name').allInnerTexts();
  return labels.map((label) => label.trim()).filter(Boolean);
}

export async function waitForLabels(p: PwPage, want: string[], timeoutMs: number): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  let seen: string[] = [];
  for (;;) {
    seen = await treeLabels(p);
    if (want.every((label) => seen.includes(label))) return seen;
    if (Date.now() > deadline) throw new Error(`tree shows [${seen.join(', ')}], expected to include [${want.join(', ')}]`);
    await p.waitForTimeout(1_000);
  }
}

/** Opens the command palette, types the title, checks the entry exists and runs it. */
export async function runFromPalette(p: PwPage, title: string, options: { waitHidden?: boolean } = {}): Promise<void> {
  await p.keyboard.press('Escape');
  await p.keyboard.press('F1');
  const input = p.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 30_000 });
  await p.keyboard.type(title);
  const entry = p.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first();
  await entry.waitFor({ state: 'visible', timeout: 30_000 });
  await p.keyboard.press('Enter');
  if (options.waitHidden ?? true) await p.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 30_000 });
}

/** Clicks the activity-bar entry of a view container and waits for its title. */
export async function openContainer(p: PwPage, title: string): Promise<void> {
  const item = p.locator(`.part.activitybar .action-item [aria-label^="${title}"], .part.activitybar .action-item[aria-label^="${title}"]`).first();
  await item.waitFor({ state: 'visible', timeout: 120_000 });
  await item.click();
  await p.locator('.part.sidebar .composite.title', { hasText: new RegExp(title, 'i') }).first().waitFor({ state: 'visible', timeout: 60_000 });
}

/** The status-bar entry whose text contains `text`. */
export function statusBarItem(p: PwPage, text: string) {
  return p.locator('.part.statusbar .statusbar-item', { hasText: text }).first();
}

/** Folds the named views of the side bar (by their header), to give the others room. */
export async function foldViews(p: PwPage, names: readonly string[]): Promise<void> {
  for (const name of names) {
    const header = p.locator(`.part.sidebar .pane-header[aria-label^="${name}"]`).first();
    // Near the twistie: the middle of a narrow header can be one of the view's title actions.
    if ((await header.getAttribute('aria-expanded')) === 'true') await header.click({ position: { x: 12, y: 10 } });
  }
}

/** Opens (`open` true) or folds the named view of the side bar, waiting for its header first. */
export async function foldView(p: PwPage, name: string, open: boolean): Promise<void> {
  const header = p.locator(`.part.sidebar .pane-header[aria-label^="${name}"]`).first();
  await header.waitFor({ state: 'visible', timeout: 60_000 });
  if (((await header.getAttribute('aria-expanded')) === 'true') !== open) await header.click({ position: { x: 12, y: 10 } });
}

const SIDEBAR_BOX = `(() => { const r = document.querySelector('.part.sidebar').getBoundingClientRect(); return { left: r.left, right: r.right, top: r.top, height: r.height, width: r.width }; })()`;

/** Drags the side bar's edge so that it is `width` pixels wide. */
export async function widenSidebar(p: PwPage, width: number): Promise<void> {
  const box = await p.evaluate<{ left: number; right: number; top: number; height: number; width: number }>(SIDEBAR_BOX);
  await p.mouse.move(box.right + 1, box.top + box.height / 2);
  await p.mouse.down();
  await p.mouse.move(box.left + width, box.top + box.height / 2, { steps: 10 });
  await p.mouse.up();
  const now = (await p.evaluate<{ width: number }>(SIDEBAR_BOX)).width;
  if (Math.abs(now - width) > 20) throw new Error(`the side bar is ${now} px wide after dragging its edge, expected ${width}`);
}

/**
 * The document of this extension's webview view: VS Code nests it in two iframes, the outer one
 * named by the extension's id, the inner `#active-frame` holding the page.
 */
export function extensionWebview(p: PwPage, extensionId: string): PwFrameLocator {
  return p.frameLocator(`iframe.webview[src*="extensionId=${extensionId}"]`).frameLocator('iframe#active-frame');
}

/** Polls `probe` every half second until it holds; a probe that throws counts as not yet. */
export async function waitFor(what: string, probe: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** The health item's icons and text, e.g. "codicon codicon-warning Bedrock". */
export async function statusText(p: PwPage): Promise<string> {
  const item = statusBarItem(p, 'Bedrock');
  await item.waitFor({ state: 'visible', timeout: 60_000 });
  const icons = await item.locator('.codicon').evaluateAll((nodes) => nodes.map((node) => node.className));
  return `${icons.join(' ')} ${(await item.innerText()).trim()}`;
}

// ------------------------------------------------------------------------------------------------
// The setup wizard's quick input (shared by the wizard scripts)

/**
 * The end of a script: closes the browser, code-server and the fake AWS, and removes the run's
 * temporary folder (code-server's user data and extensions); with `keep`, leaves all of it and says where.
 */
export async function tearDown(run: E2eRun, parts: { readonly browser?: { close(): Promise<unknown> }; readonly server?: { stop(): Promise<unknown> }; readonly fake?: { stop(): Promise<unknown> }; readonly tmp: string }, keep: boolean): Promise<void> {
  if (keep) {
    run.log(`kept ${parts.tmp}`);
    return;
  }
  await parts.browser?.close().catch(() => undefined);
  await parts.server?.stop().catch(() => undefined);
  await parts.fake?.stop().catch(() => undefined);
  fs.rmSync(parts.tmp, { recursive: true, force: true });
}

/** The quick input widget (the wizard's picks and input boxes). */
export function quickInput(p: PwPage) {
  return p.locator('.quick-input-widget');
}

/** The quick input's placeholder and text, read in one go (a page expression: the e2e code has no DOM types). */
const QUICK_INPUT_SNAPSHOT = `(() => {
  const widget = document.querySelector('.quick-input-widget');
  if (!widget) return '';
  const input = widget.querySelector('.quick-input-box input');
  return (input ? input.getAttribute('placeholder') || '' : '') + ' ' + widget.innerText;
})()`;

/** The quick input's placeholder and text as one line, from one read of the page ('' when it is not there). */
export async function quickInputSnapshot(p: PwPage): Promise<string> {
  return (await p.evaluate<string>(QUICK_INPUT_SNAPSHOT).catch(() => '')).replace(/\s+/g, ' ').trim();
}

/**
 * Waits for a wizard step's pick: its title shows "n/total" and `text` appears in it (a text only
 * that step shows). Returns the placeholder and the visible rows as one line.
 */
export async function waitForWizardStep(p: PwPage, step: number, totalSteps: number, text: string | RegExp, timeoutMs = 60_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let seen = '';
  for (;;) {
    if (await quickInput(p).isVisible()) {
      // One read of the widget, in one task of the page: the placeholder, the title ("… (n/9)") and the
      // rows must belong to the same pick. (Two reads let a step-1 placeholder pass with step-2 rows.)
      seen = await quickInputSnapshot(p);
      const stepShown = new RegExp(`\\(${step}\\s*/\\s*${totalSteps}\\)`).test(seen);
      const textShown = typeof text === 'string' ? seen.includes(text) : text.test(seen);
      if (stepShown && textShown) return seen;
    }
    if (Date.now() > deadline) throw new Error(`step ${step}/${totalSteps} with "${String(text)}" did not show; the quick input shows: ${seen.slice(0, 600)}`);
    await p.waitForTimeout(300);
  }
}

/** The focused row of the quick input as its accessible name: label, description and detail, comma-separated. */
export async function focusedRow(p: PwPage): Promise<string> {
  const row = p.locator('.quick-input-widget .monaco-list-row.focused').first();
  if (!(await row.count())) return '';
  return ((await row.getAttribute('aria-label')) ?? (await row.innerText())).replace(/\s+/g, ' ').trim();
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A row with this label and exactly this model ID (not its [1m] variant). */
export function modelRow(label: string, modelId: string): RegExp {
  return new RegExp(`^${escapeRegExp(label)}\\W+${escapeRegExp(modelId)}(?!\\[)`);
}

/** Types into the quick input, waits until the focused row matches, and accepts it. */
export async function chooseRow(p: PwPage, typed: string, expected: RegExp, timeoutMs = 30_000): Promise<string> {
  await p.keyboard.type(typed);
  const deadline = Date.now() + timeoutMs;
  let focused: string;
  for (;;) {
    focused = await focusedRow(p);
    if (expected.test(focused)) break;
    if (Date.now() > deadline) throw new Error(`after typing "${typed}" the focused row is "${focused}", expected ${expected}`);
    await p.waitForTimeout(200);
  }
  await p.keyboard.press('Enter');
  return focused;
}

/** The fatal first check of a script that drives the VSIX and the built CLI: returns the VSIX path. */
export async function checkVsixAndCli(run: E2eRun): Promise<string> {
  let vsix = '';
  await run.check('VSIX, built CLI and e2e tools are present', async () => {
    vsix = findVsix();
    toolPaths();
    if (!fs.existsSync(path.join(REPO_ROOT, 'dist', 'cli.js'))) throw new Error('dist/cli.js is missing: run npm run build');
    return path.relative(process.cwd(), vsix);
  }, { fatal: true });
  return vsix;
}
