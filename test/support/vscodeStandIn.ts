/**
 * A minimal stand-in for the `vscode` module, enough to load and activate the bundled extension
 * in plain Node: for the activation test and the activation benchmark. Real behaviour is tested
 * in a real VS Code (test/e2e); this only records what the extension registers.
 */
import { existsSync, readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { CLAUDE_CODE_EXTENSION_ID, NEWEST_TESTED_VERSION } from '../../src/core/claudeCode/supportTable';

type Listener<T> = (value: T) => unknown;

class EventEmitter<T> {
  private listeners: Listener<T>[] = [];
  event = (listener: Listener<T>) => {
    this.listeners.push(listener);
    return { dispose: () => (this.listeners = this.listeners.filter((candidate) => candidate !== listener)) };
  };
  fire(value: T) {
    for (const listener of this.listeners) listener(value);
  }
  dispose() {
    this.listeners = [];
  }
}

class Disposable {
  static from(...disposables: { dispose(): unknown }[]) {
    return new Disposable(() => disposables.forEach((disposable) => disposable.dispose()));
  }
  constructor(private readonly callback: () => void) {}
  dispose() {
    this.callback();
  }
}

/** What the extension put in the status bar. */
export interface StatusItemStandIn {
  id: string;
  text: string;
  tooltip?: { value: string } | string;
  command?: unknown;
  backgroundColor?: { id: string };
  accessibilityInformation?: { label: string };
  name?: string;
  visible: boolean;
}

export interface StandIn {
  readonly api: Record<string, unknown>;
  readonly commands: Map<string, (...args: unknown[]) => unknown>;
  readonly treeProviders: Map<string, { getChildren(node?: unknown): Promise<unknown[]>; getTreeItem(node: unknown): { label?: unknown; description?: unknown; contextValue?: string } }>;
  /** Webview view providers by view id (the Quotas & Usage view). */
  readonly webviewProviders: Map<string, unknown>;
  readonly watchers: unknown[];
  /** Every message the extension showed, in order. */
  readonly messages: { readonly level: 'info' | 'warning' | 'error'; readonly text: string; readonly items: readonly unknown[] }[];
  /** Decides which button a message's user presses (default: none, as if dismissed). */
  answer: (text: string, items: readonly unknown[]) => unknown;
  /** Decides what a QuickPick returns (default: dismissed). */
  pick: (items: readonly unknown[]) => unknown;
  /** Decides where a save dialog saves (a `Uri.file(…)`; default: dismissed). */
  save: (options: unknown) => unknown;
  /** Decides what an input box returns (default: dismissed). */
  type: (options: { title?: string; prompt?: string; value?: string }) => string | undefined;
  /** Every untitled document the extension opened (its language and content), in order. */
  readonly documents: { readonly language?: string; readonly content?: string }[];
  readonly clipboard: string[];
  readonly memento: Map<string, unknown>;
  readonly statusItems: StatusItemStandIn[];
  /** Workspace folders the stand-in reports (default: none) and whether the workspace is trusted. */
  workspaceFolders: { uri: { fsPath: string; toString(): string }; name: string; index: number }[] | undefined;
  isTrusted: boolean;
  /**
   * Other extensions the editor reports, by id. By default Claude Code's own (`anthropic.claude-code`)
   * at the newest version the support table knows, as in a typical user's VS Code; delete it to test
   * a VS Code without it.
   */
  readonly extensions: Map<string, { packageJSON: unknown; extensionPath: string }>;
  /** Settings by full key (`claudeBedrock.claudeCode.path`): the user's value, and the workspace's (which `get` returns when set). */
  readonly settings: Map<string, { user?: unknown; workspace?: unknown }>;
}

export function createVscodeStandIn(language = 'en'): StandIn {
  const commands = new Map<string, (...args: unknown[]) => unknown>();
  const treeProviders: StandIn['treeProviders'] = new Map();
  const webviewProviders: StandIn['webviewProviders'] = new Map();
  const watchers: unknown[] = [];
  const noopDisposable = { dispose() {} };
  const messages: StandIn['messages'] = [];
  const clipboard: string[] = [];
  const memento = new Map<string, unknown>();
  const statusItems: StatusItemStandIn[] = [];
  const bundleFile = join(__dirname, '..', '..', 'l10n', `bundle.l10n.${language}.json`);
  const translations: Record<string, string> = language !== 'en' && existsSync(bundleFile) ? JSON.parse(readFileSync(bundleFile, 'utf8')) : {};
  const documents: StandIn['documents'] = [];
  const standIn: Pick<StandIn, 'answer' | 'pick' | 'save' | 'type' | 'workspaceFolders' | 'isTrusted' | 'extensions' | 'settings'> = {
    answer: (() => undefined) as StandIn['answer'],
    pick: (() => undefined) as StandIn['pick'],
    save: (() => undefined) as StandIn['save'],
    type: (() => undefined) as StandIn['type'],
    workspaceFolders: undefined as StandIn['workspaceFolders'],
    isTrusted: true,
    extensions: new Map([[CLAUDE_CODE_EXTENSION_ID, { packageJSON: { name: 'claude-code', publisher: 'anthropic', version: NEWEST_TESTED_VERSION }, extensionPath: '/nonexistent/extensions/anthropic.claude-code' }]]),
    settings: new Map(),
  };
  const noEvent = () => noopDisposable;
  const show = (level: 'info' | 'warning' | 'error') => async (text: string, ...rest: unknown[]) => {
    const items = rest.filter((item) => typeof item === 'string');
    messages.push({ level, text, items });
    return standIn.answer(text, items);
  };
  const api = {
    EventEmitter,
    Disposable,
    TreeItem: class {
      constructor(
        public label: unknown,
        public collapsibleState = 0,
      ) {}
    },
    TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
    ThemeIcon: class {
      constructor(
        public id: string,
        public color?: unknown,
      ) {}
    },
    ThemeColor: class {
      constructor(public id: string) {}
    },
    MarkdownString: class {
      value = '';
      appendText(text: string) {
        this.value += text;
        return this;
      }
      appendMarkdown(text: string) {
        this.value += text;
        return this;
      }
      appendCodeblock(code: string, language = '') {
        this.value += `\n\`\`\`${language}\n${code}\n\`\`\`\n`;
        return this;
      }
    },
    StatusBarAlignment: { Left: 1, Right: 2 },
    ProgressLocation: { SourceControl: 1, Window: 10, Notification: 15 },
    RelativePattern: class {
      constructor(
        public base: unknown,
        public pattern: string,
      ) {}
    },
    Uri: {
      file: (path: string) => ({ scheme: 'file', fsPath: path, path, with: () => ({}) }),
      joinPath: (base: { fsPath: string }, ...parts: string[]) => {
        const path = join(base.fsPath, ...parts);
        return { scheme: 'file', fsPath: path, path, with: () => ({}) };
      },
    },
    Position: class {},
    Range: class {},
    // As VS Code does: the display language's bundle when there is one, else the English source text.
    l10n: { t: (message: string, ...args: unknown[]) => (translations[message] ?? message).replace(/\{(\d+)\}/g, (_, index: string) => String(args[Number(index)])) },
    env: {
      language,
      clipboard: { writeText: async (text: string) => void clipboard.push(text) },
      openExternal: async () => true,
    },
    window: {
      createTreeView: (id: string, options: { treeDataProvider: StandIn['treeProviders'] extends Map<string, infer P> ? P : never }) => {
        treeProviders.set(id, options.treeDataProvider);
        return noopDisposable;
      },
      registerWebviewViewProvider: (id: string, provider: unknown) => {
        webviewProviders.set(id, provider);
        return noopDisposable;
      },
      withProgress: (_options: unknown, task: () => Promise<unknown>) => task(),
      showInformationMessage: show('info'),
      showWarningMessage: show('warning'),
      showErrorMessage: show('error'),
      showQuickPick: async (items: readonly unknown[]) => standIn.pick(await items),
      showSaveDialog: async (options: unknown) => standIn.save(options),
      showInputBox: async (options: { title?: string; prompt?: string; value?: string }) => standIn.type(options),
      showTextDocument: async (document: unknown) => document,
      setStatusBarMessage: () => noopDisposable,
      createStatusBarItem: (id: string) => {
        const item: StatusItemStandIn & { show(): void; hide(): void; dispose(): void } = {
          id,
          text: '',
          visible: false,
          show() {
            item.visible = true;
          },
          hide() {
            item.visible = false;
          },
          dispose() {},
        };
        statusItems.push(item);
        return item;
      },
      state: { focused: true },
    },
    commands: {
      registerCommand: (id: string, handler: (...args: unknown[]) => unknown) => {
        commands.set(id, handler);
        return noopDisposable;
      },
      executeCommand: async (id: string, ...args: unknown[]) => commands.get(id)?.(...args),
    },
    workspace: {
      createFileSystemWatcher: (pattern: unknown) => {
        watchers.push(pattern);
        return { onDidChange: () => noopDisposable, onDidCreate: () => noopDisposable, onDidDelete: () => noopDisposable, dispose() {} };
      },
      getConfiguration: (section?: string) => {
        const full = (key: string) => (section ? `${section}.${key}` : key);
        return {
          get: (key: string, fallback: unknown) => {
            const setting = standIn.settings.get(full(key));
            return setting?.workspace ?? setting?.user ?? fallback;
          },
          inspect: (key: string) => {
            const setting = standIn.settings.get(full(key));
            return { key: full(key), globalValue: setting?.user, workspaceValue: setting?.workspace };
          },
        };
      },
      get workspaceFolders() {
        return standIn.workspaceFolders;
      },
      get isTrusted() {
        return standIn.isTrusted;
      },
      onDidGrantWorkspaceTrust: noEvent,
      onDidChangeWorkspaceFolders: noEvent,
      onDidChangeConfiguration: noEvent,
      registerTextDocumentContentProvider: () => noopDisposable,
      openTextDocument: async (options: { language?: string; content?: string }) => {
        documents.push({ ...options });
        return { ...options, getText: () => options.content ?? '' };
      },
    },
    extensions: {
      getExtension: (id: string) => {
        const extension = standIn.extensions.get(id);
        return extension && { id, ...extension };
      },
    },
  };
  // The returned object is the mutable state the closures above read: setting `answer` or
  // `isTrusted` on it changes what the extension sees.
  return Object.assign(standIn, { api, commands, treeProviders, webviewProviders, watchers, messages, documents, clipboard, memento, statusItems });
}

/** An ExtensionContext with the parts the extension uses, its workspaceState backed by the stand-in's memento. */
export function extensionContext(standIn: StandIn) {
  return {
    subscriptions: [] as { dispose(): unknown }[],
    workspaceState: {
      get: (key: string, fallback?: unknown) => (standIn.memento.has(key) ? standIn.memento.get(key) : fallback),
      update: async (key: string, value: unknown) => void standIn.memento.set(key, value),
      keys: () => [...standIn.memento.keys()],
    },
  };
}

/**
 * Loads a CommonJS bundle with `vscode` resolved to the stand-in, and records every module the
 * bundle itself requires while `during` runs.
 */
export function loadWithStandIn<T>(bundlePath: string, standIn: StandIn, during: (exports: T) => void): string[] {
  const required: string[] = [];
  const moduleApi = Module as unknown as { _load: (request: string, parent: unknown, isMain: boolean) => unknown };
  const originalLoad = moduleApi._load;
  moduleApi._load = function (request: string, parent: unknown, isMain: boolean) {
    if (request === 'vscode') return standIn.api;
    if ((parent as { filename?: string } | undefined)?.filename === bundlePath) required.push(request.replace(/^node:/, ''));
    return originalLoad.call(this, request, parent, isMain);
  };
  try {
    const load = createRequire(__filename);
    delete load.cache[bundlePath];
    during(load(bundlePath) as T);
  } finally {
    moduleApi._load = originalLoad;
  }
  return required;
}

/**
 * Runs `run` (a command of an activated bundle) while `vscode` resolves to this stand-in, with the
 * bundles in the same folder as `bundlePath` loaded afresh: a command that loads a lazy bundle (an
 * admin flow, the Team view) gets this stand-in, never the one of an earlier test that loaded it first.
 */
export async function whileStandIn<T>(bundlePath: string, standIn: StandIn, run: () => Promise<T>): Promise<T> {
  const load = createRequire(__filename);
  const folder = dirname(bundlePath);
  for (const file of Object.keys(load.cache)) if (file !== bundlePath && dirname(file) === folder) delete load.cache[file];
  const moduleApi = Module as unknown as { _load: (request: string, parent: unknown, isMain: boolean) => unknown };
  const originalLoad = moduleApi._load;
  moduleApi._load = function (request: string, parent: unknown, isMain: boolean) {
    return request === 'vscode' ? standIn.api : originalLoad.call(this, request, parent, isMain);
  };
  try {
    return await run();
  } finally {
    moduleApi._load = originalLoad;
  }
}

/** A sidebar webview view as VS Code hands it to a provider: what the extension posts, and a way to send it the webview's messages. */
export interface WebviewViewStandIn<M> {
  /** Pass to `resolveWebviewView`. */
  readonly view: unknown;
  /** Every message the extension posted, in order. */
  readonly posted: M[];
  /** Sends a message as the webview would. */
  send(message: unknown): void;
}

export function webviewViewStandIn<M>(visible = true): WebviewViewStandIn<M> {
  const posted: M[] = [];
  const listeners: ((message: unknown) => void)[] = [];
  const noop = () => ({ dispose() {} });
  const view = {
    visible,
    webview: {
      options: {},
      html: '',
      cspSource: 'vscode-resource:',
      asWebviewUri: (uri: { fsPath: string }) => ({ toString: () => uri.fsPath }),
      onDidReceiveMessage: (listener: (message: unknown) => void) => (listeners.push(listener), { dispose() {} }),
      postMessage: async (message: M) => (posted.push(message), true),
    },
    onDidChangeVisibility: noop,
    onDidDispose: noop,
  };
  return { view, posted, send: (message) => listeners.forEach((listener) => listener(message)) };
}

/** The status-bar item's tooltip as plain text (the markdown escapes removed). */
export function tooltipText(item: StatusItemStandIn): string {
  return (typeof item.tooltip === 'string' ? item.tooltip : (item.tooltip?.value ?? '')).replace(/\\(.)/g, '$1');
}

/** Waits (at most 10 s) until the health item shows a result, not its spinner; fails when it never does. */
export async function healthSettled(item: StatusItemStandIn): Promise<void> {
  const settled = () => item.text !== '' && !item.text.includes('sync~spin');
  for (let attempt = 0; attempt < 400 && !settled(); attempt++) await new Promise((resolve) => setTimeout(resolve, 25));
  if (!settled()) throw new Error(`the health check did not finish: the status bar shows "${item.text}"`);
}
