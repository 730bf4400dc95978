/**
 * Strict JSON for Claude Code's settings files: the parser says the line and column where a file
 * stops being JSON (Claude Code accepts no comments and no trailing commas), and the formatter
 * writes a value back in the file's own indentation and line endings.
 */

import type { ParsedSettings, SettingsParseError } from './settingsTypes';

class JsonSyntaxError extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

/** Position (1-based line and column) of a character offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < offset && index < text.length; index++) {
    if (text[index] === '\n') {
      line++;
      lineStart = index + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** A validating scanner over the JSON grammar (RFC 8259); values come from JSON.parse afterwards. */
class Scanner {
  private at = 0;
  /** Offset of each top-level member's value, by key. */
  readonly topLevel = new Map<string, number>();

  constructor(private readonly text: string) {}

  document(): void {
    this.space();
    this.value(0);
    this.space();
    if (this.at < this.text.length) this.fail('Unexpected text after the end of the JSON value');
  }

  private fail(message: string): never {
    throw new JsonSyntaxError(this.at, message);
  }

  private space(): void {
    while (this.at < this.text.length && ' \t\n\r'.includes(this.text[this.at]!)) this.at++;
  }

  private describe(): string {
    if (this.at >= this.text.length) return 'the end of the file';
    const char = this.text[this.at]!;
    if (char === '/') return 'a comment (settings files allow none)';
    // A control character (a NUL byte, say) would be invisible, or worse, in the message: name its code.
    const code = char.codePointAt(0)!;
    if (code < 0x20 || code === 0x7f) return `the control character U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
    return `"${char}"`;
  }

  private value(depth: number): void {
    if (depth > 512) this.fail('Nested too deeply');
    const char = this.text[this.at];
    if (char === '{') return this.object(depth);
    if (char === '[') return this.array(depth);
    if (char === '"') return this.string();
    if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) return this.number();
    for (const word of ['true', 'false', 'null']) {
      if (this.text.startsWith(word, this.at)) {
        this.at += word.length;
        return;
      }
    }
    this.fail(`Expected a value but found ${this.describe()}`);
  }

  /** `{…}` or `[…]`: members separated by commas, no trailing comma. */
  private sequence(close: '}' | ']', member: () => void): void {
    this.at++;
    this.space();
    if (this.text[this.at] === close) {
      this.at++;
      return;
    }
    for (;;) {
      this.space();
      if (this.text[this.at] === close) this.fail(`Trailing comma before "${close}" (settings files allow none)`);
      member();
      this.space();
      const next = this.text[this.at];
      if (next === ',') {
        this.at++;
        continue;
      }
      if (next === close) {
        this.at++;
        return;
      }
      this.fail(`Expected "," or "${close}" but found ${this.describe()}`);
    }
  }

  private object(depth: number): void {
    this.sequence('}', () => {
      if (this.text[this.at] !== '"') this.fail(`Expected a property name in double quotes but found ${this.describe()}`);
      const keyStart = this.at;
      this.string();
      const key = JSON.parse(this.text.slice(keyStart, this.at)) as string;
      this.space();
      if (this.text[this.at] !== ':') this.fail(`Expected ":" after the property name but found ${this.describe()}`);
      this.at++;
      this.space();
      if (depth === 0) this.topLevel.set(key, this.at);
      this.value(depth + 1);
    });
  }

  private array(depth: number): void {
    this.sequence(']', () => this.value(depth + 1));
  }

  private string(): void {
    this.at++;
    while (this.at < this.text.length) {
      const char = this.text[this.at]!;
      if (char === '"') {
        this.at++;
        return;
      }
      if (char === '\\') {
        const escape = this.text[this.at + 1];
        if (escape === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.at + 2, this.at + 6))) this.fail('Invalid \\u escape in a string');
          this.at += 6;
          continue;
        }
        if (escape === undefined || !'"\\/bfnrt'.includes(escape)) this.fail('Invalid escape in a string');
        this.at += 2;
        continue;
      }
      if (char < ' ') this.fail(char === '\n' ? 'Unterminated string (a line break inside quotes)' : 'Control character inside a string');
      this.at++;
    }
    this.fail('Unterminated string');
  }

  private number(): void {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(this.text.slice(this.at));
    if (!match) this.fail('Invalid number');
    this.at += match[0].length;
  }
}

function failure(text: string, offset: number, message: string, code: SettingsParseError['code']): ParsedSettings {
  return { ok: false, error: { ...lineAndColumn(text, offset), message, code } };
}

/** Parses a settings file strictly; the error names the line and column where it stops being valid. */
export function parseSettings(text: string): ParsedSettings {
  if (text.startsWith('\uFEFF')) return failure(text, 0, 'The file starts with a byte-order mark, which JSON does not allow', 'byte-order-mark');
  const scanner = new Scanner(text);
  try {
    scanner.document();
  } catch (error) {
    if (error instanceof JsonSyntaxError) return failure(text, error.offset, error.message, 'syntax');
    throw error;
  }
  const value = JSON.parse(text) as unknown;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return failure(text, text.length - text.trimStart().length, 'The file must hold one JSON object ({ … })', 'not-an-object');
  }
  const record = value as Record<string, unknown>;
  const env = record.env;
  if (env !== undefined && (env === null || typeof env !== 'object' || Array.isArray(env))) {
    return failure(text, scanner.topLevel.get('env') ?? 0, '"env" must be an object of strings', 'env-not-an-object');
  }
  return { ok: true, value: record };
}

/** The indentation and line ending a file uses, so a rewrite looks like the original. */
export interface JsonStyle {
  readonly indent: string;
  readonly eol: '\n' | '\r\n';
  readonly finalNewline: boolean;
}

const DEFAULT_STYLE: JsonStyle = { indent: '  ', eol: '\n', finalNewline: true };

/** The style of an existing file; two spaces and LF for a new one. */
export function styleOf(text: string | undefined): JsonStyle {
  if (text === undefined || text.trim() === '') return DEFAULT_STYLE;
  const indent = /\n([ \t]+)\S/.exec(text)?.[1] ?? DEFAULT_STYLE.indent;
  return { indent, eol: text.includes('\r\n') ? '\r\n' : '\n', finalNewline: /\n$/.test(text) };
}

/** Serialises a settings object in the given style (key order as in the object). */
export function formatSettings(value: Record<string, unknown>, style: JsonStyle = DEFAULT_STYLE): string {
  const body = JSON.stringify(value, null, style.indent);
  const text = style.eol === '\r\n' ? body.replace(/\n/g, '\r\n') : body;
  return style.finalNewline ? text + style.eol : text;
}
