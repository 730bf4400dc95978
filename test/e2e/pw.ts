/**
 * The small part of playwright-core's API that the e2e tests use, typed by hand.
 *
 * playwright-core is installed by scripts/e2e-tools.sh into .e2e-tools/ (not into the repository's
 * node_modules, to keep the extension's dependencies light), so its own type declarations are not
 * visible to `tsc -p .`; these structural types keep the e2e code type-checked on a clean clone.
 * They are a subset of playwright-core's real signatures.
 */

export interface PwLocatorOptions {
  hasText?: string | RegExp;
  has?: PwLocator;
}

export interface PwLocator {
  first(): PwLocator;
  last(): PwLocator;
  nth(index: number): PwLocator;
  locator(selector: string, options?: PwLocatorOptions): PwLocator;
  filter(options: PwLocatorOptions): PwLocator;
  click(options?: { timeout?: number; button?: 'left' | 'right' | 'middle'; force?: boolean; position?: { x: number; y: number } }): Promise<void>;
  hover(options?: { timeout?: number }): Promise<void>;
  fill(value: string, options?: { timeout?: number }): Promise<void>;
  press(key: string, options?: { timeout?: number }): Promise<void>;
  waitFor(options?: { state?: 'attached' | 'detached' | 'visible' | 'hidden'; timeout?: number }): Promise<void>;
  count(): Promise<number>;
  isVisible(): Promise<boolean>;
  textContent(options?: { timeout?: number }): Promise<string | null>;
  innerText(options?: { timeout?: number }): Promise<string>;
  allTextContents(): Promise<string[]>;
  allInnerTexts(): Promise<string[]>;
  getAttribute(name: string, options?: { timeout?: number }): Promise<string | null>;
  screenshot(options?: { path?: string; timeout?: number }): Promise<Buffer>;
  boundingBox(options?: { timeout?: number }): Promise<{ x: number; y: number; width: number; height: number } | null>;
  evaluateAll<R>(fn: (elements: { className: string }[]) => R): Promise<R>;
}

/** A frame (a webview's iframe) to find elements in. */
export interface PwFrameLocator {
  locator(selector: string, options?: PwLocatorOptions): PwLocator;
  frameLocator(selector: string): PwFrameLocator;
}

export interface PwKeyboard {
  press(key: string, options?: { delay?: number }): Promise<void>;
  type(text: string, options?: { delay?: number }): Promise<void>;
  insertText(text: string): Promise<void>;
}

export interface PwMouse {
  move(x: number, y: number, options?: { steps?: number }): Promise<void>;
  down(): Promise<void>;
  up(): Promise<void>;
}

export interface PwConsoleMessage {
  type(): string;
  text(): string;
}

export interface PwPage {
  goto(url: string, options?: { timeout?: number; waitUntil?: 'load' | 'domcontentloaded' | 'networkidle' | 'commit' }): Promise<unknown>;
  url(): string;
  title(): Promise<string>;
  locator(selector: string, options?: PwLocatorOptions): PwLocator;
  getByRole(role: string, options?: { name?: string | RegExp; exact?: boolean }): PwLocator;
  getByText(text: string | RegExp, options?: { exact?: boolean }): PwLocator;
  frameLocator(selector: string): PwFrameLocator;
  waitForSelector(selector: string, options?: { state?: 'attached' | 'detached' | 'visible' | 'hidden'; timeout?: number }): Promise<unknown>;
  waitForTimeout(ms: number): Promise<void>;
  screenshot(options?: { path?: string; fullPage?: boolean; timeout?: number; clip?: { x: number; y: number; width: number; height: number } }): Promise<Buffer>;
  evaluate<R>(fn: () => R): Promise<R>;
  /** A JavaScript expression evaluated in the page (for code that needs DOM types). */
  evaluate<R>(expression: string): Promise<R>;
  keyboard: PwKeyboard;
  mouse: PwMouse;
  on(event: 'console', listener: (msg: PwConsoleMessage) => void): void;
  on(event: 'pageerror', listener: (err: Error) => void): void;
  close(): Promise<void>;
}

export interface PwBrowserContext {
  newPage(): Promise<PwPage>;
  pages(): PwPage[];
  close(): Promise<void>;
}

export interface PwBrowser {
  newContext(options?: { viewport?: { width: number; height: number }; locale?: string }): Promise<PwBrowserContext>;
  close(): Promise<void>;
}

export interface PwLaunchOptions {
  executablePath?: string;
  headless?: boolean;
  args?: string[];
  timeout?: number;
  env?: Record<string, string | undefined>;
}

export interface PwBrowserType {
  launch(options?: PwLaunchOptions): Promise<PwBrowser>;
  launchPersistentContext(userDataDir: string, options?: PwLaunchOptions & { viewport?: { width: number; height: number }; locale?: string }): Promise<PwBrowserContext>;
}

export interface PlaywrightCore {
  chromium: PwBrowserType;
}
