/**
 * Where each member of a JSON text sits, by JSON Pointer (`/credentials/requireSso`, `/allowedRegions/2`):
 * the offset of its name and of its value, so a policy problem can name a line and column.
 * Only for text that is already known to be valid JSON.
 */

/** Offsets of one member: its property name (absent for array items) and its value. */
export interface JsonLocation {
  readonly key?: number;
  readonly value: number;
}

/** Escapes one pointer segment (RFC 6901). */
export function pointerSegment(name: string): string {
  return name.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Every member's location in a valid JSON text, keyed by JSON Pointer ('' for the document). */
export function jsonLocations(text: string): Map<string, JsonLocation> {
  const locations = new Map<string, JsonLocation>();
  let at = 0;
  const space = () => {
    while (at < text.length && ' \t\n\r'.includes(text[at]!)) at++;
  };
  const skipString = () => {
    at++;
    while (at < text.length && text[at] !== '"') at += text[at] === '\\' ? 2 : 1;
    at++;
  };
  const value = (pointer: string, key: number | undefined): void => {
    space();
    locations.set(pointer, key === undefined ? { value: at } : { key, value: at });
    const char = text[at];
    if (char === '{') {
      at++;
      space();
      while (at < text.length && text[at] !== '}') {
        const keyAt = at;
        skipString();
        const name = JSON.parse(text.slice(keyAt, at)) as string;
        space();
        at++; // ':'
        value(`${pointer}/${pointerSegment(name)}`, keyAt);
        space();
        if (text[at] === ',') at++;
        space();
      }
      at++;
      return;
    }
    if (char === '[') {
      at++;
      space();
      let index = 0;
      while (at < text.length && text[at] !== ']') {
        value(`${pointer}/${index++}`, undefined);
        space();
        if (text[at] === ',') at++;
        space();
      }
      at++;
      return;
    }
    if (char === '"') return skipString();
    while (at < text.length && !',}] \t\n\r'.includes(text[at]!)) at++;
  };
  value('', undefined);
  return locations;
}
