/**
 * Plans a Claude-on-Bedrock setup as changes to Claude Code's settings files: which keys go to
 * the shared file and which to the personal one, what managed settings forbid, what a file of
 * higher precedence would shadow. Keys the extension does not own are kept with their order;
 * a file that does not parse is never planned over.
 */

import { formatSettings, parseSettings, styleOf } from './settingsJson';
import { scopeOf } from '../models/catalog';
import { isOwnRefreshCommand, REGION_PREFIX_SCOPES, SECRET_ENV_KEYS, ssoRefreshCommand } from './settingsKeys';
import type { FilePlan, KeyChange, PlanNotice, SettingsFileInput, SettingsSource, SetupChoices, SetupPlan } from './settingsTypes';

/** The settings files of one workspace folder (absent without a folder), the user and managed ones. */
export interface SettingsFiles {
  readonly project?: SettingsFileInput;
  readonly local?: SettingsFileInput;
  readonly user: SettingsFileInput;
  /** `managed-settings.json` first, then the `managed-settings.d/*.json` drop-ins in name order. */
  readonly managed: readonly SettingsFileInput[];
}

type WritableSource = Exclude<SettingsSource, 'managed'>;

/** One key to set (`value`) or remove (`undefined`): `env.NAME` or a top-level key. */
interface KeyWrite {
  readonly key: string;
  readonly value: string | undefined;
  /** For removals: only when the present value satisfies this. */
  readonly removeIf?: (present: unknown) => boolean;
}

/** Higher precedence first, as Claude Code merges them. */
const PRECEDENCE: readonly SettingsSource[] = ['managed', 'local', 'project', 'user'];

function sharedWrites(choices: SetupChoices): KeyWrite[] {
  const writes: KeyWrite[] = [
    { key: 'env.CLAUDE_CODE_USE_BEDROCK', value: '1' },
    { key: 'env.AWS_REGION', value: choices.region },
    { key: 'env.ANTHROPIC_MODEL', value: choices.primaryModel },
  ];
  const scope = scopeOf(choices.primaryModel);
  if (scope !== undefined && REGION_PREFIX_SCOPES.has(scope)) writes.push({ key: 'env.ANTHROPIC_BEDROCK_REGION_PREFIX', value: scope });
  if (choices.backgroundModel !== undefined) {
    writes.push({ key: 'env.ANTHROPIC_DEFAULT_HAIKU_MODEL', value: choices.backgroundModel });
    // Deprecated in favour of the Haiku pin; two values for one job would only confuse.
    writes.push({ key: 'env.ANTHROPIC_SMALL_FAST_MODEL', value: undefined });
  }
  if (choices.sonnetModel !== undefined) writes.push({ key: 'env.ANTHROPIC_DEFAULT_SONNET_MODEL', value: choices.sonnetModel });
  if (choices.opusModel !== undefined) writes.push({ key: 'env.ANTHROPIC_DEFAULT_OPUS_MODEL', value: choices.opusModel });
  if (choices.maxOutputTokens !== undefined) writes.push({ key: 'env.CLAUDE_CODE_MAX_OUTPUT_TOKENS', value: String(choices.maxOutputTokens) });
  return writes;
}

function personalWrites(choices: SetupChoices): KeyWrite[] {
  return [
    { key: 'env.AWS_PROFILE', value: choices.profile },
    choices.ssoProfile
      ? { key: 'awsAuthRefresh', value: ssoRefreshCommand(choices.profile) }
      : // A refresh command for another profile would sign in to the wrong one; someone else's command stays.
        { key: 'awsAuthRefresh', value: undefined, removeIf: isOwnRefreshCommand },
  ];
}

/** Which file each group of keys goes to, by scope. */
function targetsOf(scope: SetupChoices['scope']): { shared: WritableSource; personal: WritableSource } {
  if (scope === 'project') return { shared: 'project', personal: 'local' };
  if (scope === 'local') return { shared: 'local', personal: 'local' };
  return { shared: 'user', personal: 'user' };
}

/** The value of `env.NAME` or a top-level key in a parsed settings object. */
export function readKey(settings: Record<string, unknown>, key: string): unknown {
  if (!key.startsWith('env.')) return settings[key];
  const env = settings.env;
  return env && typeof env === 'object' ? (env as Record<string, unknown>)[key.slice(4)] : undefined;
}

function shown(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Returns a copy with the key set or removed, keeping the order of everything else. */
export function withKey(settings: Record<string, unknown>, key: string, value: string | undefined): Record<string, unknown> {
  if (!key.startsWith('env.')) {
    const next = { ...settings };
    if (value === undefined) delete next[key];
    else next[key] = value;
    return next;
  }
  const name = key.slice(4);
  const env = { ...((settings.env as Record<string, unknown> | undefined) ?? {}) };
  if (value === undefined) delete env[name];
  else env[name] = value;
  return { ...settings, env };
}

function parsedFiles(files: SettingsFiles): Map<SettingsSource, { input: SettingsFileInput; value?: Record<string, unknown> }[]> {
  const bySource = new Map<SettingsSource, { input: SettingsFileInput; value?: Record<string, unknown> }[]>();
  const add = (input: SettingsFileInput | undefined) => {
    if (!input) return;
    const parsed = input.text === undefined ? undefined : parseSettings(input.text);
    const entry = { input, ...(parsed?.ok ? { value: parsed.value } : {}) };
    bySource.set(input.source, [...(bySource.get(input.source) ?? []), entry]);
  };
  for (const managed of files.managed) add(managed);
  add(files.local);
  add(files.project);
  add(files.user);
  return bySource;
}

/** The value managed settings give a key (drop-ins override the main file), if any. */
function managedValue(managed: readonly { value?: Record<string, unknown> }[], key: string): unknown {
  let found: unknown;
  for (const file of managed) {
    const value = file.value === undefined ? undefined : readKey(file.value, key);
    if (value !== undefined) found = value;
  }
  return found;
}

/**
 * Plans the writes of a setup. `localIgnored` says whether `.claude/settings.local.json` is
 * git-ignored in the folder (a notice when it is not and the plan writes it).
 */
export function planSetup(choices: SetupChoices, files: SettingsFiles, options: { localIgnored: boolean }): SetupPlan {
  const targets = targetsOf(choices.scope);
  const inputs: Partial<Record<WritableSource, SettingsFileInput>> = { project: files.project, local: files.local, user: files.user };
  const parsed = parsedFiles(files);
  const managed = parsed.get('managed') ?? [];

  const groups: [WritableSource, KeyWrite[]][] = [
    [targets.shared, sharedWrites(choices)],
    [targets.personal, personalWrites(choices)],
  ];
  const writesBySource = new Map<WritableSource, KeyWrite[]>();
  for (const [source, writes] of groups) writesBySource.set(source, [...(writesBySource.get(source) ?? []), ...writes]);

  const unparsable: Extract<SetupPlan, { ok: false }>['unparsable'][number][] = [];
  const unreadable: Extract<SetupPlan, { ok: false }>['unreadable'][number][] = [];
  for (const source of writesBySource.keys()) {
    const input = inputs[source];
    if (!input) throw new Error(`planSetup: the ${source} settings file is needed for scope ${choices.scope}`);
    if (input.unreadable !== undefined) {
      unreadable.push({ source, path: input.path, detail: input.unreadable });
      continue;
    }
    const result = input.text === undefined ? undefined : parseSettings(input.text);
    if (result && !result.ok) unparsable.push({ source, path: input.path, error: result.error });
  }
  if (unparsable.length > 0 || unreadable.length > 0) return { ok: false, unparsable, unreadable };

  const notices: PlanNotice[] = [];
  const plans: FilePlan[] = [];
  const planned = new Map<SettingsSource, Record<string, unknown>>();
  for (const source of ['project', 'local', 'user'] as const) {
    const writes = writesBySource.get(source);
    if (!writes) continue;
    const input = inputs[source]!;
    const before = parsed.get(source)?.[0]?.value ?? {};
    let after = before;
    const changes: KeyChange[] = [];
    for (const write of writes) {
      const present = readKey(after, write.key);
      const locked = managedValue(managed, write.key);
      if (locked !== undefined) {
        if (write.value !== undefined && shown(locked) !== write.value) {
          notices.push({ kind: 'managed-override', key: write.key, managedValue: shown(locked)!, wanted: write.value });
        }
        continue;
      }
      if (write.value === undefined && (present === undefined || (write.removeIf && !write.removeIf(present)))) continue;
      if (present === write.value) continue;
      after = withKey(after, write.key, write.value);
      changes.push({ key: write.key, ...(present === undefined ? {} : { before: shown(present) }), ...(write.value === undefined ? {} : { after: write.value }) });
    }
    planned.set(source, after);
    if (changes.length === 0) continue;
    plans.push({ source, path: input.path, ...(input.text === undefined ? {} : { before: input.text }), after: formatSettings(after, styleOf(input.text)), changes });
  }

  notices.push(...shadowingNotices(writesBySource, parsed, planned));
  if (plans.some((plan) => plan.source === 'local') && !options.localIgnored && files.local) {
    notices.push({ kind: 'local-not-ignored', path: files.local.path });
  }
  if (targets.shared === 'project') {
    const shared = parsed.get('project')?.[0];
    const env = shared?.value?.env as Record<string, unknown> | undefined;
    for (const key of Object.keys(env ?? {})) {
      if (SECRET_ENV_KEYS.has(key)) notices.push({ kind: 'secret-in-shared-file', key: `env.${key}`, path: shared!.input.path });
    }
  }
  return { ok: true, files: plans, notices };
}

/** Values of higher-precedence files (as they will be after the plan) that would hide what the plan writes. */
function shadowingNotices(
  writesBySource: Map<WritableSource, KeyWrite[]>,
  parsed: Map<SettingsSource, { input: SettingsFileInput; value?: Record<string, unknown> }[]>,
  planned: Map<SettingsSource, Record<string, unknown>>,
): PlanNotice[] {
  const notices: PlanNotice[] = [];
  for (const [source, writes] of writesBySource) {
    const higher = PRECEDENCE.slice(1, PRECEDENCE.indexOf(source));
    for (const write of writes) {
      if (write.value === undefined) continue;
      for (const other of higher) {
        for (const file of parsed.get(other) ?? []) {
          const settings = planned.get(other) ?? file.value;
          const value = settings === undefined ? undefined : readKey(settings, write.key);
          if (value !== undefined && shown(value) !== write.value) {
            notices.push({ kind: 'shadowed', key: write.key, source: other, path: file.input.path, value: shown(value)! });
          }
        }
      }
    }
  }
  return notices;
}
