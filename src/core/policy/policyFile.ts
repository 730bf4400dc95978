/**
 * One policy file read strictly: JSON with the line and column where it stops being JSON, then every
 * rule checked for its type. A file with any problem contributes no rule at all (half a policy would
 * look compliant while it is not); each problem names the rule and its place in the file.
 */

import { lineAndColumn, parseSettings } from '../setup/settingsJson';
import { jsonLocations, pointerSegment, type JsonLocation } from './policyJsonLocations';
import type { ModelPin, PolicyDocument, PolicyFileProblem } from './policyTypes';

export type PolicyFileResult =
  | { readonly ok: true; readonly document: PolicyDocument }
  | { readonly ok: false; readonly problems: readonly PolicyFileProblem[] };

/** The rules a policy file may hold (and `$schema`, `version`), in the order the schema lists them. */
export const POLICY_FILE_KEYS = [
  '$schema',
  'version',
  'allowedRegions',
  'allowedScopes',
  'dataResidency',
  'allowedModels',
  'allowedBackgroundModels',
  'requiredModelPins',
  'credentials',
  'maxOutputTokens',
  'requiredEnv',
  'forbiddenEnv',
  'allowUserScope',
  'requireInvocationLogging',
] as const;

export const MODEL_PINS: readonly ModelPin[] = ['haiku', 'sonnet', 'opus'];

const REGION = /^[a-z]{2,4}(-[a-z]+)+-\d+$/;
const SCOPE = /^[a-z][a-z0-9-]*$/;
const MODEL = /^[^\s*]+\*?$|^\*$/;
const ENV_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

interface Found {
  readonly pointer: string;
  /** Point at the property name rather than the value (unknown rules). */
  readonly atKey?: boolean;
  readonly detail: string;
}

type Check = (value: unknown, pointer: string, found: Found[]) => void;

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function stringArray(what: string, pattern: RegExp, example: string): Check {
  return (value, pointer, found) => {
    if (!Array.isArray(value)) {
      found.push({ pointer, detail: `"${pointer.slice(1)}" must be an array of ${what} (for example ${example})` });
      return;
    }
    value.forEach((item, index) => {
      if (typeof item !== 'string' || !pattern.test(item)) {
        found.push({ pointer: `${pointer}/${index}`, detail: `Item ${index + 1} of "${pointer.slice(1)}" must be ${what === 'strings' ? 'a string' : `one of the ${what}`}, such as ${example}: ${JSON.stringify(item)}` });
      }
    });
  };
}

const boolean: Check = (value, pointer, found) => {
  if (typeof value !== 'boolean') found.push({ pointer, detail: `"${pointer.slice(1).replace(/\//g, '.')}" must be true or false` });
};

const CHECKS: Readonly<Record<Exclude<(typeof POLICY_FILE_KEYS)[number], 'version'>, Check>> = {
  $schema: (value, pointer, found) => {
    if (typeof value !== 'string') found.push({ pointer, detail: '"$schema" must be a string' });
  },
  allowedRegions: stringArray('AWS Region codes', REGION, '"ap-northeast-1"'),
  allowedScopes: stringArray('inference-profile scopes', SCOPE, '"jp" or "in-region"'),
  dataResidency: (value, pointer, found) => {
    if (value === 'japan') return;
    if (!isObject(value)) {
      found.push({ pointer, detail: '"dataResidency" must be "japan" or { "allowedRegions": [ … ] }' });
      return;
    }
    for (const key of Object.keys(value)) {
      if (key !== 'allowedRegions') found.push({ pointer: `${pointer}/${pointerSegment(key)}`, atKey: true, detail: `Unknown key "${key}" in "dataResidency" (only "allowedRegions" is allowed)` });
    }
    if (value.allowedRegions === undefined) found.push({ pointer, detail: '"dataResidency" needs "allowedRegions"' });
    else stringArray('AWS Region codes', REGION, '"ap-northeast-1"')(value.allowedRegions, `${pointer}/allowedRegions`, found);
  },
  allowedModels: stringArray('model IDs or prefixes ending in "*"', MODEL, '"anthropic.claude-sonnet-4-5*"'),
  allowedBackgroundModels: stringArray('model IDs or prefixes ending in "*"', MODEL, '"anthropic.claude-haiku-4-5*"'),
  requiredModelPins: (value, pointer, found) => {
    const pins = MODEL_PINS.map((pin) => `"${pin}"`).join(', ');
    stringArray('model pins', new RegExp(`^(${MODEL_PINS.join('|')})$`), pins)(value, pointer, found);
  },
  credentials: (value, pointer, found) => {
    if (!isObject(value)) {
      found.push({ pointer, detail: '"credentials" must be an object: { "forbidStaticKeys": true, "requireSso": true }' });
      return;
    }
    for (const [key, item] of Object.entries(value)) {
      const at = `${pointer}/${pointerSegment(key)}`;
      if (key === 'forbidStaticKeys' || key === 'requireSso') boolean(item, at, found);
      else found.push({ pointer: at, atKey: true, detail: `Unknown key "${key}" in "credentials" (allowed: "forbidStaticKeys", "requireSso")` });
    }
  },
  maxOutputTokens: (value, pointer, found) => {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) found.push({ pointer, detail: '"maxOutputTokens" must be a whole number of at least 1' });
  },
  requiredEnv: (value, pointer, found) => {
    if (!isObject(value)) {
      found.push({ pointer, detail: '"requiredEnv" must be an object of strings: { "CLAUDE_CODE_ENABLE_TELEMETRY": "1" }' });
      return;
    }
    for (const [key, item] of Object.entries(value)) {
      const at = `${pointer}/${pointerSegment(key)}`;
      if (!ENV_KEY.test(key)) found.push({ pointer: at, atKey: true, detail: `"${key}" in "requiredEnv" is not an environment variable name` });
      else if (typeof item !== 'string') found.push({ pointer: at, detail: `"requiredEnv.${key}" must be a string (write "1", not 1)` });
    }
  },
  forbiddenEnv: stringArray('environment variable names', ENV_KEY, '"ANTHROPIC_API_KEY"'),
  allowUserScope: boolean,
  requireInvocationLogging: boolean,
};

/** The known name closest to a misspelt one, when it is close enough to be a likely typo. */
function closest(name: string, known: readonly string[]): string | undefined {
  const distance = (a: string, b: string): number => {
    let row = Array.from({ length: b.length + 1 }, (_, index) => index);
    for (let i = 1; i <= a.length; i++) {
      const next = [i];
      for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      row = next;
    }
    return row[b.length]!;
  };
  const lower = name.toLowerCase();
  return known.find((candidate) => candidate.toLowerCase() === lower) ?? known.find((candidate) => distance(lower, candidate.toLowerCase()) <= 2);
}

function problem(source: PolicyFileProblem['source'], path: string, code: PolicyFileProblem['code'], detail: string, place?: { text: string; offset: number }): PolicyFileProblem {
  return { source, path, ...(place === undefined ? {} : lineAndColumn(place.text, place.offset)), code, detail };
}

/** Parses and validates one policy file; any problem (syntax, version, type, unknown rule) means no rules from it. */
export function parsePolicyFile(rawText: string, source: 'machine' | 'team', path: string): PolicyFileResult {
  // Files written by Windows tools often start with a byte-order mark; editors do not count it as a column.
  const text = rawText.replace(/^\uFEFF/, '');
  const parsed = parseSettings(text);
  if (!parsed.ok && parsed.error.code === 'syntax') {
    return { ok: false, problems: [{ source, path, line: parsed.error.line, column: parsed.error.column, code: 'syntax', detail: parsed.error.message }] };
  }
  const value = JSON.parse(text) as unknown;
  const locations = jsonLocations(text);
  const at = (pointer: string, atKey = false): { text: string; offset: number } | undefined => {
    const location: JsonLocation | undefined = locations.get(pointer);
    if (location === undefined) return undefined;
    return { text, offset: atKey ? (location.key ?? location.value) : location.value };
  };
  if (!isObject(value)) return { ok: false, problems: [problem(source, path, 'invalid', 'A policy file must hold one JSON object ({ … })', at(''))] };
  if (value.version !== 1) {
    const detail = value.version === undefined ? 'The policy file must say "version": 1' : `Version ${JSON.stringify(value.version)} is not understood: this extension reads version 1 only`;
    return { ok: false, problems: [problem(source, path, 'version', detail, at(value.version === undefined ? '' : '/version'))] };
  }

  const found: Found[] = [];
  for (const [key, item] of Object.entries(value)) {
    const pointer = `/${pointerSegment(key)}`;
    if (key === 'version') continue;
    const check = Object.hasOwn(CHECKS, key) ? CHECKS[key as keyof typeof CHECKS] : undefined;
    if (check === undefined) {
      const guess = closest(key, POLICY_FILE_KEYS);
      found.push({ pointer, atKey: true, detail: `Unknown rule "${key}"${guess === undefined ? '' : ` (did you mean "${guess}"?)`}` });
      continue;
    }
    check(item, pointer, found);
  }
  if (isObject(value.requiredEnv) && Array.isArray(value.forbiddenEnv)) {
    for (const [index, key] of value.forbiddenEnv.entries()) {
      if (typeof key === 'string' && Object.hasOwn(value.requiredEnv, key)) found.push({ pointer: `/forbiddenEnv/${index}`, detail: `"${key}" is both required ("requiredEnv") and forbidden ("forbiddenEnv")` });
    }
  }
  if (found.length > 0) {
    const problems = found.map((entry) => ({ entry, place: at(entry.pointer, entry.atKey) }));
    problems.sort((a, b) => (a.place?.offset ?? 0) - (b.place?.offset ?? 0));
    return { ok: false, problems: problems.map(({ entry, place }) => problem(source, path, 'invalid', entry.detail, place)) };
  }
  return { ok: true, document: value as unknown as PolicyDocument };
}
