/**
 * A small, deterministic YAML writer for the admin stack's CloudFormation template: block maps and
 * sequences in insertion order, two-space indentation, strings plain only when YAML cannot read them
 * as anything else, multi-line strings as literal blocks. Intrinsic functions are written in their
 * long form (`Fn::Sub:`), so any YAML parser reads the template, not only CloudFormation's.
 * No dependency: the output is a few hundred lines of a known shape.
 */

export type YamlValue = string | number | boolean | readonly YamlValue[] | { readonly [key: string]: YamlValue };

/** Plain scalars YAML 1.1 or 1.2 would read as something other than a string. */
const RESERVED = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|y|Y|n|N)$/;
const NUMBER_LIKE = /^[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$|^0x|^0o|^[-+]?\.(?:inf|Inf|INF|nan|NaN|NAN)$|^\d+:\d+/;
/**
 * A conservative plain scalar: starts with a letter, underscore or slash (never a digit: `2010-09-09`
 * would read as a date), holds no `: `, ` #` or flow characters.
 */
const PLAIN = /^[A-Za-z_/][A-Za-z0-9 _./@:()+=,'*&!%?-]*$/;

function isPlain(text: string): boolean {
  return PLAIN.test(text) && !RESERVED.test(text) && !NUMBER_LIKE.test(text) && !/: |\s#|:$|\s$/.test(text);
}

/** A string as a YAML scalar on one line: plain when safe, else double-quoted (JSON escapes are YAML escapes). */
function scalar(text: string): string {
  return isPlain(text) ? text : JSON.stringify(text);
}

/** Whether a multi-line string can be a literal block: no tabs, no trailing blanks, no leading blank on line one. */
function blockable(text: string): boolean {
  return text.includes('\n') && !/[\t\r]/.test(text) && !/ \n| $/.test(text) && !text.startsWith(' ') && !text.endsWith('\n');
}

function key(name: string): string {
  return isPlain(name) && /^[A-Za-z0-9_:.-]+$/.test(name) ? name : JSON.stringify(name);
}

function isMap(value: YamlValue): value is { readonly [key: string]: YamlValue } {
  return typeof value === 'object' && !Array.isArray(value);
}

/** The value after `key:` or `- `: inline for scalars and empty collections, else on the following lines. */
function nested(value: YamlValue, indent: number): string {
  if (typeof value === 'string') {
    if (blockable(value)) return ` |-\n${value.split('\n').map((line) => (line === '' ? '' : `${' '.repeat(indent + 2)}${line}`)).join('\n')}`;
    return ` ${scalar(value)}`;
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`YAML: not a finite number: ${value}`);
    return ` ${String(value)}`;
  }
  if (typeof value === 'boolean') return ` ${String(value)}`;
  if (Array.isArray(value)) return value.length === 0 ? ' []' : `\n${lines(value, indent + 2)}`;
  return Object.keys(value).length === 0 ? ' {}' : `\n${lines(value, indent + 2)}`;
}

function lines(value: YamlValue, indent: number): string {
  const pad = ' '.repeat(indent);
  if (Array.isArray(value)) {
    return value
      .map((item: YamlValue) => {
        if (isMap(item) && Object.keys(item).length > 0) {
          // The map's first key on the dash's line, the others under it.
          const body = lines(item, indent + 2);
          return `${pad}- ${body.slice(indent + 2)}`;
        }
        return `${pad}-${nested(item, indent)}`;
      })
      .join('\n');
  }
  if (isMap(value)) {
    return Object.entries(value)
      .map(([name, item]) => `${pad}${key(name)}:${nested(item, indent)}`)
      .join('\n');
  }
  throw new Error('YAML: a document is a map or a sequence');
}

/** The document: a map or sequence, ending in a newline. */
export function toYaml(value: YamlValue): string {
  return `${lines(value, 0)}\n`;
}
