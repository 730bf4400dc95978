/**
 * The effective policy from every source: the machine's policy file, the team's, and Claude Code's
 * managed settings. A team can only narrow what the machine allows: allow-lists intersect, limits
 * take the smaller, prohibitions add up; where both require a value for the same `env` key the
 * machine's wins. Managed model pins become locks, managed `availableModels` a model list.
 */

import { parseSettings } from '../setup/settingsJson';
import { parsePolicyFile } from './policyFile';
import { intersectPatterns, JAPAN_REGIONS } from './policyScopes';
import type { EffectivePolicy, ManagedLock, ModelPin, PolicyDocument, PolicyFileInput, PolicyFileProblem, PolicyRule, PolicyRuleName, PolicySourceSummary, RuleOrigin } from './policyTypes';
import { MODEL_SETTING_KEYS } from '../setup/effectiveSetup';

/** Managed-settings keys that become locks: the model pins, the Region prefix, the Region, the output limit. */
export const MANAGED_LOCK_KEYS: readonly string[] = [...MODEL_SETTING_KEYS, 'env.ANTHROPIC_BEDROCK_REGION_PREFIX', 'env.AWS_REGION', 'env.CLAUDE_CODE_MAX_OUTPUT_TOKENS'];

interface Read {
  readonly origin: RuleOrigin & { readonly source: 'machine' | 'team' };
  readonly document: PolicyDocument;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Intersects lists of plain values (or of patterns) over the files that set them. */
function intersected(entries: readonly { origin: RuleOrigin; value: readonly string[] }[], patterns = false): PolicyRule<readonly string[]> | undefined {
  const first = entries[0];
  if (first === undefined) return undefined;
  let value: readonly string[] = [...new Set(first.value)];
  for (const entry of entries.slice(1)) value = patterns ? intersectPatterns(value, entry.value) : value.filter((item) => entry.value.includes(item));
  return { value, origins: entries.map((entry) => entry.origin) };
}

/** The value one file's rule gives; the origins are the files that gave the winning value. */
function decided<T>(entries: readonly { origin: RuleOrigin; value: T }[], pick: (values: T[]) => T): PolicyRule<T> | undefined {
  if (entries.length === 0) return undefined;
  const value = pick(entries.map((entry) => entry.value));
  return { value, origins: entries.filter((entry) => entry.value === value).map((entry) => entry.origin) };
}

function unioned<T extends string>(entries: readonly { origin: RuleOrigin; value: readonly T[] }[]): PolicyRule<readonly T[]> | undefined {
  if (entries.length === 0) return undefined;
  return { value: [...new Set(entries.flatMap((entry) => entry.value))], origins: entries.map((entry) => entry.origin) };
}

function residencyRegions(residency: NonNullable<PolicyDocument['dataResidency']>): readonly string[] {
  return residency === 'japan' ? JAPAN_REGIONS : residency.allowedRegions;
}

/** Combines the valid policy files (machine files first) into the rules of the effective policy. */
function combine(files: readonly Read[]): Omit<Mutable<EffectivePolicy>, 'locks' | 'sources' | 'problems' | 'availableModels'> {
  const set = <T>(pick: (document: PolicyDocument) => T | undefined) =>
    files.flatMap((file) => {
      const value = pick(file.document);
      return value === undefined ? [] : [{ origin: file.origin, value }];
    });
  const policy: Omit<Mutable<EffectivePolicy>, 'locks' | 'sources' | 'problems' | 'availableModels'> = { requiredEnv: [] };
  const put = <K extends keyof typeof policy>(key: K, rule: (typeof policy)[K] | undefined) => {
    if (rule !== undefined) policy[key] = rule;
  };
  put('allowedRegions', intersected(set((document) => document.allowedRegions)));
  put('allowedScopes', intersected(set((document) => document.allowedScopes)));
  put('dataResidency', intersected(set((document) => (document.dataResidency === undefined ? undefined : residencyRegions(document.dataResidency)))));
  put('allowedModels', intersected(set((document) => document.allowedModels), true));
  // A file's background list defaults to its model list, so a machine's `allowedModels` still binds a team's background list.
  if (files.some((file) => file.document.allowedBackgroundModels !== undefined)) {
    put('allowedBackgroundModels', intersected(set((document) => document.allowedBackgroundModels ?? document.allowedModels), true));
  }
  put('requiredModelPins', unioned<ModelPin>(set((document) => document.requiredModelPins)));
  put('forbidStaticKeys', decided(set((document) => document.credentials?.forbidStaticKeys), (values) => values.some(Boolean)));
  put('requireSso', decided(set((document) => document.credentials?.requireSso), (values) => values.some(Boolean)));
  put('maxOutputTokens', decided(set((document) => document.maxOutputTokens), (values) => Math.min(...values)));
  put('allowUserScope', decided(set((document) => document.allowUserScope), (values) => values.every(Boolean)));
  put('requireInvocationLogging', decided(set((document) => document.requireInvocationLogging), (values) => values.some(Boolean)));

  // Required env: the first file (machine before team) decides a key; a later file agreeing joins its origins.
  const required = new Map<string, Mutable<PolicyRule<{ key: string; value: string }>>>();
  for (const file of files) {
    for (const [key, value] of Object.entries(file.document.requiredEnv ?? {})) {
      const present = required.get(key);
      if (present === undefined) required.set(key, { value: { key, value }, origins: [file.origin] });
      else if (present.value.value === value) present.origins = [...present.origins, file.origin];
    }
  }
  // A key one file forbids and another requires: the earlier (machine) file decides.
  const forbidden = new Map<string, RuleOrigin[]>();
  for (const file of files) {
    for (const key of file.document.forbiddenEnv ?? []) {
      const requiredBy = required.get(key);
      if (requiredBy !== undefined && requiredBy.origins[0]!.source === 'machine' && file.origin.source === 'team') continue;
      if (requiredBy !== undefined && requiredBy.origins[0]!.source === 'team' && file.origin.source === 'machine') required.delete(key);
      forbidden.set(key, [...(forbidden.get(key) ?? []), file.origin]);
    }
  }
  policy.requiredEnv = [...required.values()];
  if (forbidden.size > 0) {
    const origins = [...new Map([...forbidden.values()].flat().map((origin) => [`${origin.source}\u0000${origin.path}`, origin])).values()];
    policy.forbiddenEnv = { value: [...forbidden.keys()], origins };
  }
  return policy;
}

interface ManagedRead {
  locks: ManagedLock[];
  availableModels?: PolicyRule<{ readonly models: readonly string[]; readonly enforced: boolean }>;
  problems: PolicyFileProblem[];
}

function shown(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Locks and the model list from managed settings; a later drop-in overrides an earlier file key by key. */
function readManaged(managed: readonly { path: string; text?: string }[]): ManagedRead {
  const locks = new Map<string, ManagedLock>();
  let models: { value: readonly string[]; path: string } | undefined;
  let enforced: { value: boolean; path: string } | undefined;
  const problems: PolicyFileProblem[] = [];
  for (const file of managed) {
    if (file.text === undefined) continue;
    const parsed = parseSettings(file.text);
    if (!parsed.ok) {
      const code = parsed.error.code === 'syntax' || parsed.error.code === 'byte-order-mark' ? 'syntax' : 'invalid';
      problems.push({ source: 'managed', path: file.path, line: parsed.error.line, column: parsed.error.column, code, detail: parsed.error.message });
      continue;
    }
    const env = (parsed.value.env ?? {}) as Record<string, unknown>;
    for (const key of MANAGED_LOCK_KEYS) {
      const value = env[key.slice('env.'.length)];
      if (value !== undefined) locks.set(key, { key, value: shown(value), path: file.path });
    }
    const available = parsed.value.availableModels;
    if (Array.isArray(available) && available.every((entry) => typeof entry === 'string')) models = { value: available as string[], path: file.path };
    else if (available !== undefined) problems.push({ source: 'managed', path: file.path, code: 'invalid', detail: '"availableModels" must be an array of strings' });
    const enforce = parsed.value.enforceAvailableModels;
    if (typeof enforce === 'boolean') enforced = { value: enforce, path: file.path };
    else if (enforce !== undefined) problems.push({ source: 'managed', path: file.path, code: 'invalid', detail: '"enforceAvailableModels" must be true or false' });
  }
  const read: ManagedRead = { locks: [...locks.values()], problems };
  if (models !== undefined) {
    const paths = [...new Set([models.path, ...(enforced === undefined ? [] : [enforced.path])])];
    read.availableModels = { value: { models: models.value, enforced: enforced?.value ?? false }, origins: paths.map((path) => ({ source: 'managed', path })) };
  }
  return read;
}

const RULE_NAMES: readonly Exclude<PolicyRuleName, 'managedLock'>[] = [
  'allowedRegions',
  'allowedScopes',
  'dataResidency',
  'allowedModels',
  'allowedBackgroundModels',
  'requiredModelPins',
  'forbidStaticKeys',
  'requireSso',
  'maxOutputTokens',
  'requiredEnv',
  'forbiddenEnv',
  'allowUserScope',
  'requireInvocationLogging',
  'availableModels',
];

/** The rules in which a file appears as an origin: what it contributed to the effective policy. */
function contributed(policy: Omit<EffectivePolicy, 'sources'>, path: string, source: string): PolicyRuleName[] {
  const has = (origins: readonly RuleOrigin[] | undefined) => origins?.some((origin) => origin.path === path && origin.source === source) ?? false;
  const rules: PolicyRuleName[] = RULE_NAMES.filter((name) => {
    if (name === 'requiredEnv') return policy.requiredEnv.some((rule) => has(rule.origins));
    const rule = policy[name] as PolicyRule<unknown> | undefined;
    return has(rule?.origins);
  });
  if (source === 'managed' && policy.locks.some((lock) => lock.path === path)) rules.push('managedLock');
  return rules;
}

/** Merges the policy files and Claude Code's managed settings (main file first, then drop-ins in name order) into the policy in force. */
export function mergePolicies(files: readonly PolicyFileInput[], managed: readonly { path: string; text?: string }[]): EffectivePolicy {
  const problems: PolicyFileProblem[] = [];
  const reads: Read[] = [];
  const read: { source: 'machine' | 'team' | 'managed'; path: string }[] = [];
  const ordered = [...files.filter((file) => file.source === 'machine'), ...files.filter((file) => file.source === 'team')];
  for (const file of ordered) {
    if (file.unreadable !== undefined) {
      problems.push({ source: file.source, path: file.path, code: 'unreadable', detail: file.unreadable });
      continue;
    }
    if (file.text === undefined) continue;
    read.push({ source: file.source, path: file.path });
    const parsed = parsePolicyFile(file.text, file.source, file.path);
    if (parsed.ok) reads.push({ origin: { source: file.source, path: file.path }, document: parsed.document });
    else problems.push(...parsed.problems);
  }
  const fromManaged = readManaged(managed);
  problems.push(...fromManaged.problems);
  for (const file of managed) if (file.text !== undefined) read.push({ source: 'managed', path: file.path });

  const base: Omit<EffectivePolicy, 'sources'> = {
    ...combine(reads),
    ...(fromManaged.availableModels === undefined ? {} : { availableModels: fromManaged.availableModels }),
    locks: fromManaged.locks,
    problems,
  };
  const sources: PolicySourceSummary[] = read.map((entry) => ({ ...entry, rules: contributed(base, entry.path, entry.source) }));
  return { ...base, sources };
}
