import * as vscode from 'vscode';
import { pickLocale, type Locale } from '../core/text/locale';

/** The display language of this VS Code window, for messages that come from `core`. */
export function uiLocale(): Locale {
  return pickLocale(vscode.env.language);
}
