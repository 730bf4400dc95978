/**
 * Edits one key of a VS Code settings file (`.vscode/settings.json`), which is JSON with comments:
 * the edit keeps comments and formatting, and a file that does not parse is refused with its line
 * and column rather than rewritten.
 */

import { applyEdits, modify, parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { lineAndColumn, styleOf } from './settingsJson';

export type VscodeSettingEdit =
  | { readonly ok: true; readonly changed: boolean; readonly after: string }
  | { readonly ok: false; readonly line: number; readonly column: number; readonly message: string };

/** Plans `"key": value` in a VS Code settings file (absent: a new file). */
export function planVscodeSetting(text: string | undefined, key: string, value: unknown): VscodeSettingEdit {
  const source = text ?? '';
  const errors: ParseError[] = [];
  const current = source.trim() === '' ? undefined : (parse(source, errors, { allowTrailingComma: true, disallowComments: false }) as unknown);
  if (errors.length > 0) {
    const first = errors[0]!;
    return { ok: false, ...lineAndColumn(source, first.offset), message: printParseErrorCode(first.error) };
  }
  if (source.trim() !== '' && (current === null || typeof current !== 'object' || Array.isArray(current))) {
    return { ok: false, line: 1, column: 1, message: 'The file must hold one JSON object ({ … })' };
  }
  if (current && (current as Record<string, unknown>)[key] === value) return { ok: true, changed: false, after: source };
  const style = styleOf(text);
  const base = source.trim() === '' ? '{}' : source;
  const edits = modify(base, [key], value, {
    formattingOptions: { insertSpaces: !style.indent.startsWith('\t'), tabSize: style.indent.startsWith('\t') ? 1 : style.indent.length, eol: style.eol },
  });
  let after = applyEdits(base, edits);
  if (!after.endsWith('\n')) after += style.eol;
  return { ok: true, changed: true, after };
}
