/**
 * A minimal stand-in for the `vscode` module, enough to load and activate the bundled extension
 * in plain Node: for the activation test and the activation benchmark. Real behaviour is tested
 * in a real VS Code (test/e2e); this only records what the extension registers.
 */
import Module, { createRequire } from 'node:module';

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
  constructor(private readonly callback: () => void) {}
  dispose() {
    this.callback();
  }
}

export interface StandIn {
  readonly api: Record<string, unknown>;
  readonly commands: Map<string, (...args: unknown[]) => unknown>;
  readonly treeProviders: Map<string, { getChildren(node?: unknown): Promise<unknown[]>; getTreeItem(node: unknown): { label?: unknown; description?: unknown; contextValue?: string } }>;
  readonly watchers: unknown[];
}

export function createVscodeStandIn(language = 'en'): StandIn {
  const commands = new Map<string, (...args: unknown[]) => unknown>();
  const treeProviders: StandIn['treeProviders'] = new Map();
  const watchers: unknown[] = [];
  const noopDisposable = { dispose() {} };
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
    },
    RelativePattern: class {
      constructor(
        public base: unknown,
        public pattern: string,
      ) {}
    },
    Uri: { file: (path: string) => ({ scheme: 'file', fsPath: path, path, with: () => ({}) }) },
    Position: class {},
    Range: class {},
    l10n: { t: (message: string, ...args: unknown[]) => message.replace(/\{(\d+)\}/g, (_, index: string) => String(args[Number(index)])) },
    env: { language },
    window: {
      createTreeView: (id: string, options: { treeDataProvider: StandIn['treeProviders'] extends Map<string, infer P> ? P : never }) => {
        treeProviders.set(id, options.treeDataProvider);
        return noopDisposable;
      },
      withProgress: (_options: unknown, task: () => Promise<unknown>) => task(),
      showInformationMessage: async () => undefined,
      showWarningMessage: async () => undefined,
    },
    commands: {
      registerCommand: (id: string, handler: (...args: unknown[]) => unknown) => {
        commands.set(id, handler);
        return noopDisposable;
      },
    },
    workspace: {
      createFileSystemWatcher: (pattern: unknown) => {
        watchers.push(pattern);
        return { onDidChange: () => noopDisposable, onDidCreate: () => noopDisposable, onDidDelete: () => noopDisposable, dispose() {} };
      },
      getConfiguration: () => ({ get: (_key: string, fallback: unknown) => fallback }),
    },
  };
  return { api, commands, treeProviders, watchers };
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
