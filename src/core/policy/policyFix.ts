/**
 * The quick fixes of a compliance check as one plan of file edits: each violating key is changed in
 * the file its value comes from (never in managed settings), a forbidden key is removed from every
 * file the extension may edit, a missing key goes where the setup itself lives. Every other key, its
 * order and the file's style are kept, as planSetup keeps them; a file that does not parse is never
 * planned over.
 */

import { effectiveSetup } from '../setup/effectiveSetup';
import type { PolicyViolation } from './policyTypes';
import { formatSettings, parseSettings, styleOf } from '../setup/settingsJson';
import { readKey, withKey, type SettingsFiles } from '../setup/settingsPlan';
import { SECRET_ENV_KEYS } from '../setup/settingsKeys';
import type { FilePlan, KeyChange, SettingsFileInput, SettingsSource, SetupPlan } from '../setup/settingsTypes';

type WritableSource = Exclude<SettingsSource, 'managed'>;

const WRITABLE: readonly WritableSource[] = ['project', 'local', 'user'];

function isWritable(source: SettingsSource | undefined): source is WritableSource {
  return source !== undefined && source !== 'managed';
}

function shown(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function inputsOf(files: SettingsFiles): Partial<Record<WritableSource, SettingsFileInput>> {
  return { project: files.project, local: files.local, user: files.user };
}

/** Where a key no file sets should go: the file of the primary model, else of the Bedrock switch, else the project's. */
function missingTarget(files: SettingsFiles): WritableSource {
  const all = [...files.managed, ...[files.local, files.project, files.user].filter((file): file is SettingsFileInput => file !== undefined)];
  const setup = effectiveSetup(all);
  for (const key of ['env.ANTHROPIC_MODEL', 'env.CLAUDE_CODE_USE_BEDROCK']) {
    const source = setup.values.find((value) => value.key === key)?.source;
    if (isWritable(source) && inputsOf(files)[source] !== undefined) return source;
  }
  return files.project !== undefined ? 'project' : 'user';
}

function parsed(input: SettingsFileInput | undefined): Record<string, unknown> | undefined {
  if (input?.text === undefined) return undefined;
  const result = parseSettings(input.text);
  return result.ok ? result.value : undefined;
}

/**
 * Plans the fixes of the violations. `target` says where a missing key goes (default: where the
 * setup's primary model is set). Violations without a fix, and values set by managed settings, are left out.
 */
export function planPolicyFixes(files: SettingsFiles, violations: readonly PolicyViolation[], options: { target?: WritableSource } = {}): SetupPlan {
  const inputs = inputsOf(files);
  const writes = new Map<WritableSource, Map<string, string | undefined>>();
  const write = (source: WritableSource, key: string, value: string | undefined) => {
    const keys = writes.get(source) ?? new Map<string, string | undefined>();
    if (!keys.has(key)) keys.set(key, value);
    writes.set(source, keys);
  };
  let fallback: WritableSource | undefined;
  for (const violation of violations) {
    const fix = violation.fix;
    if (fix === undefined || violation.source === 'managed') continue;
    if (fix.value === undefined) {
      // Removing the key from the winning file only would let a lower file's value through.
      for (const source of WRITABLE) {
        if (inputs[source] !== undefined && (source === violation.source || readKey(parsed(inputs[source]) ?? {}, fix.key) !== undefined)) write(source, fix.key, undefined);
      }
      continue;
    }
    let source = isWritable(violation.source) ? violation.source : (options.target ?? (fallback ??= missingTarget(files)));
    if (inputs[source] === undefined) source = 'user';
    write(source, fix.key, fix.value);
  }

  const unparsable: Extract<SetupPlan, { ok: false }>['unparsable'][number][] = [];
  const unreadable: Extract<SetupPlan, { ok: false }>['unreadable'][number][] = [];
  for (const source of writes.keys()) {
    const input = inputs[source]!;
    if (input.unreadable !== undefined) unreadable.push({ source, path: input.path, detail: input.unreadable });
    else if (input.text !== undefined) {
      const result = parseSettings(input.text);
      if (!result.ok) unparsable.push({ source, path: input.path, error: result.error });
    }
  }
  if (unparsable.length > 0 || unreadable.length > 0) return { ok: false, unparsable, unreadable };

  const plans: FilePlan[] = [];
  for (const source of WRITABLE) {
    const keys = writes.get(source);
    if (keys === undefined) continue;
    const input = inputs[source]!;
    let after = parsed(input) ?? {};
    const changes: KeyChange[] = [];
    for (const [key, value] of keys) {
      const present = readKey(after, key);
      if (present === undefined && value === undefined) continue;
      if (present === value) continue;
      after = withKey(after, key, value);
      const secret = key.startsWith('env.') && SECRET_ENV_KEYS.has(key.slice(4));
      changes.push({ key, ...(present === undefined ? {} : { before: secret ? '(set)' : shown(present) }), ...(value === undefined ? {} : { after: value }) });
    }
    if (changes.length === 0) continue;
    plans.push({ source, path: input.path, ...(input.text === undefined ? {} : { before: input.text }), after: formatSettings(after, styleOf(input.text)), changes });
  }
  return { ok: true, files: plans, notices: [] };
}
