import * as vscode from 'vscode';
import { pickLocale, type Locale } from '../core/text/locale';

/** The display language of this VS Code window, for messages that come from `core`. */
export function uiLocale(): Locale {
  return pickLocale(vscode.env.language);
}

/** A time of day in this window's display language ("13:04:25" in Japanese), not the extension host's default locale. */
export function localTime(when: Date | number): string {
  return new Date(when).toLocaleTimeString(vscode.env.language);
}
