/**
 * One QuickPick or InputBox per step, as microsoft/vscode-extension-samples' quickinput-sample
 * does it: "step n of m" in the title, a Back button that throws GoBack, and Escape (or closing)
 * throws Cancelled. A pick may load or update its items while it is shown (`run`), with the
 * progress bar on, and may accept by itself (a sign-in noticed, a check finished).
 */

import * as vscode from 'vscode';
import { Cancelled, GoBack, type StepPosition } from './stepFlow';

/** What a pick's `run` may do while the pick is shown. */
export interface PickControls<T extends vscode.QuickPickItem> {
  /** Aborted when the pick closes for any reason (accepted, Back, Escape). */
  readonly signal: AbortSignal;
  setItems(items: readonly T[], active?: T): void;
  setBusy(busy: boolean): void;
  setPlaceholder(text: string): void;
}

interface InputCommon {
  readonly title: string;
  readonly position: StepPosition;
  /** False on the first step. */
  readonly canGoBack: boolean;
}

export interface PickOptions<T extends vscode.QuickPickItem> extends InputCommon {
  readonly placeholder: string;
  readonly items: readonly T[];
  readonly active?: T;
  readonly matchOnDescription?: boolean;
  readonly matchOnDetail?: boolean;
  /**
   * Runs while the pick is shown: loads or updates items. Resolving with an item accepts that
   * item as if the user had chosen it; resolving with nothing leaves the choice to the user.
   */
  readonly run?: (controls: PickControls<T>) => Promise<T | void>;
}

function isSeparator(item: vscode.QuickPickItem): boolean {
  return item.kind === vscode.QuickPickItemKind.Separator;
}

function configure(input: vscode.QuickPick<vscode.QuickPickItem> | vscode.InputBox, options: InputCommon): void {
  input.title = options.title;
  input.step = options.position.step;
  input.totalSteps = options.position.totalSteps;
  input.buttons = options.canGoBack ? [vscode.QuickInputButtons.Back] : [];
  // The preview opens diff editors and the sign-in a terminal: the wizard must survive losing focus.
  input.ignoreFocusOut = true;
}

/** Shows one pick and resolves with the chosen item; throws GoBack or Cancelled. */
export async function pickOne<T extends vscode.QuickPickItem>(options: PickOptions<T>): Promise<T> {
  const pick = vscode.window.createQuickPick<T>();
  const abort = new AbortController();
  const disposables: vscode.Disposable[] = [pick];
  try {
    return await new Promise<T>((resolve, reject) => {
      configure(pick as unknown as vscode.QuickPick<vscode.QuickPickItem>, options);
      pick.placeholder = options.placeholder;
      pick.matchOnDescription = options.matchOnDescription ?? false;
      pick.matchOnDetail = options.matchOnDetail ?? false;
      const setItems = (items: readonly T[], active?: T) => {
        pick.items = items;
        const first = active ?? items.find((item) => !isSeparator(item));
        if (first) pick.activeItems = [first];
      };
      setItems(options.items, options.active);
      disposables.push(
        pick.onDidTriggerButton((button) => {
          if (button === vscode.QuickInputButtons.Back) reject(new GoBack());
        }),
        pick.onDidAccept(() => {
          const item = pick.selectedItems[0] ?? pick.activeItems[0];
          if (item && !isSeparator(item)) resolve(item);
        }),
        pick.onDidHide(() => reject(new Cancelled())),
      );
      pick.show();
      if (options.run) {
        const controls: PickControls<T> = {
          signal: abort.signal,
          setItems: (items, active) => {
            if (!abort.signal.aborted) setItems(items, active);
          },
          setBusy: (busy) => {
            if (!abort.signal.aborted) pick.busy = busy;
          },
          setPlaceholder: (text) => {
            if (!abort.signal.aborted) pick.placeholder = text;
          },
        };
        options.run(controls).then(
          (item) => {
            if (item && !abort.signal.aborted) resolve(item);
          },
          (error: unknown) => {
            if (!abort.signal.aborted) reject(error);
          },
        );
      }
    });
  } finally {
    abort.abort();
    for (const disposable of disposables) disposable.dispose();
  }
}

export interface PickManyOptions<T extends vscode.QuickPickItem> extends InputCommon {
  readonly placeholder: string;
  readonly items: readonly T[];
  /** Items ticked when the pick opens. */
  readonly picked: readonly T[];
  /** Items that stay ticked: unticking one ticks it again (what a policy requires). */
  readonly required?: readonly T[];
}

/** Shows a pick with check boxes and resolves with the ticked items (possibly none). */
export async function pickMany<T extends vscode.QuickPickItem>(options: PickManyOptions<T>): Promise<readonly T[]> {
  const pick = vscode.window.createQuickPick<T>();
  const disposables: vscode.Disposable[] = [pick];
  try {
    return await new Promise<readonly T[]>((resolve, reject) => {
      configure(pick as unknown as vscode.QuickPick<vscode.QuickPickItem>, options);
      pick.placeholder = options.placeholder;
      pick.canSelectMany = true;
      pick.items = options.items;
      const required = options.required ?? [];
      const withRequired = (selected: readonly T[]) => [...selected, ...required.filter((item) => !selected.includes(item))];
      pick.selectedItems = withRequired(options.picked);
      disposables.push(
        pick.onDidTriggerButton((button) => {
          if (button === vscode.QuickInputButtons.Back) reject(new GoBack());
        }),
        pick.onDidChangeSelection((selected) => {
          if (required.some((item) => !selected.includes(item))) pick.selectedItems = withRequired(selected);
        }),
        pick.onDidAccept(() => resolve(withRequired(pick.selectedItems))),
        pick.onDidHide(() => reject(new Cancelled())),
      );
      pick.show();
    });
  } finally {
    for (const disposable of disposables) disposable.dispose();
  }
}

export interface InputTextOptions extends InputCommon {
  readonly prompt: string;
  readonly value: string;
  readonly placeholder?: string;
  /** An error message for a value that cannot be accepted, or undefined. */
  readonly validate: (value: string) => string | undefined;
}

/** Shows an input box and resolves with an accepted value; throws GoBack or Cancelled. */
export async function inputText(options: InputTextOptions): Promise<string> {
  const box = vscode.window.createInputBox();
  const disposables: vscode.Disposable[] = [box];
  try {
    return await new Promise<string>((resolve, reject) => {
      configure(box, options);
      box.prompt = options.prompt;
      box.value = options.value;
      if (options.placeholder) box.placeholder = options.placeholder;
      // An empty box is not an error yet: it is shown once the user types or accepts.
      box.validationMessage = options.value === '' ? undefined : options.validate(options.value);
      disposables.push(
        box.onDidTriggerButton((button) => {
          if (button === vscode.QuickInputButtons.Back) reject(new GoBack());
        }),
        box.onDidChangeValue((value) => {
          box.validationMessage = options.validate(value);
        }),
        box.onDidAccept(() => {
          const message = options.validate(box.value);
          box.validationMessage = message;
          if (message === undefined) resolve(box.value);
        }),
        box.onDidHide(() => reject(new Cancelled())),
      );
      box.show();
    });
  } finally {
    for (const disposable of disposables) disposable.dispose();
  }
}
