/**
 * The writer's judgement of a whole setup: not only the keys this run sets, but every file as it
 * will be after the write, merged the way Claude Code merges them. A value already in a file this
 * run writes that breaks the policy (a `global.` pin kept from earlier) is rewritten to its
 * compliant replacement, so it shows in the plan's diff; a value lower down (the user's file) is
 * overridden in the file this run writes. What cannot be fixed that way (a managed value, a file
 * of higher precedence, a value without a replacement) is left for the caller to refuse, named.
 */

import { effectiveSetup } from '../setup/effectiveSetup';
import { formatSettings, parseSettings, styleOf } from '../setup/settingsJson';
import { readKey, withKey, type SettingsFiles } from '../setup/settingsPlan';
import { SECRET_ENV_KEYS } from '../setup/settingsKeys';
import type { EffectiveSetup, FilePlan, KeyChange, SettingsFileInput, SettingsSource, SetupChoices, SetupPlan } from '../setup/settingsTypes';
import { evaluatePolicy, policyEnvKeys } from './policyEvaluate';
import { choiceWrites } from './policyChoices';
import type { EffectivePolicy, PolicyViolation } from './policyTypes';

type WritableSource = Exclude<SettingsSource, 'managed'>;
type OkPlan = Extract<SetupPlan, { ok: true }>;

/** Higher precedence first, as Claude Code merges the files the extension may write. */
const WRITABLE_ORDER: readonly WritableSource[] = ['local', 'project', 'user'];

/** A value the writer changed beyond this run's choices so that the result complies. */
export interface PolicyRewrite {
  readonly key: string;
  readonly source: WritableSource;
  readonly path: string;
  /** The value in this file before (absent when it came from a lower file, which is left as it is). */
  readonly before?: string;
  /** Absent when the key is removed. */
  readonly after?: string;
  /** The value that broke the policy and where it was. */
  readonly violation: PolicyViolation;
}

export interface PlanJudgement {
  /** The plan with the rewrites folded in (the same plan when nothing needed rewriting). */
  readonly plan: OkPlan;
  readonly rewrites: readonly PolicyRewrite[];
  /** The settings files as they will be after the plan. */
  readonly files: SettingsFiles;
  /** Their effective setup: residency checks resolve its models. */
  readonly setup: EffectiveSetup;
  /** What still breaks the policy after the rewrites; the writer refuses unless it is empty. */
  readonly violations: readonly PolicyViolation[];
}

/** Which files a scope writes: the shared keys' file first, then the personal keys'. */
function targetsOf(scope: SetupChoices['scope']): readonly WritableSource[] {
  if (scope === 'project') return ['project', 'local'];
  if (scope === 'local') return ['local'];
  return ['user'];
}

function shown(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function inputOf(files: SettingsFiles, source: WritableSource): SettingsFileInput | undefined {
  return source === 'project' ? files.project : source === 'local' ? files.local : files.user;
}

function withInput(files: SettingsFiles, input: SettingsFileInput): SettingsFiles {
  return { ...files, [input.source]: input };
}

/** The settings files with each planned file's text replaced by what the plan writes. */
export function filesAfter(files: SettingsFiles, plan: OkPlan): SettingsFiles {
  let after = files;
  for (const file of plan.files) {
    const input = inputOf(after, file.source);
    if (input !== undefined) after = withInput(after, { source: input.source, path: input.path, text: file.after });
  }
  return after;
}

function list(files: SettingsFiles): SettingsFileInput[] {
  return [...files.managed, ...[files.local, files.project, files.user].filter((file): file is SettingsFileInput => file !== undefined)];
}

function evaluate(files: SettingsFiles, policy: EffectivePolicy, context: { profileKind?: string; writeScope: SetupChoices['scope'] }): { setup: EffectiveSetup; violations: PolicyViolation[] } {
  const setup = effectiveSetup(list(files), { extraEnvKeys: policyEnvKeys(policy) });
  return { setup, violations: evaluatePolicy(setup, policy, context) };
}

/**
 * Where a violation's fix can go among the files this run writes: its own file when that is one of
 * them; for a value to set, the shared file when the violating value sits lower down (it then
 * overrides it there) or nowhere. Undefined: no file this run writes can fix it.
 */
function fixTarget(violation: PolicyViolation, targets: readonly WritableSource[], choiceKeys: ReadonlySet<string>): WritableSource | undefined {
  const fix = violation.fix;
  if (fix === undefined || violation.source === 'managed') return undefined;
  // This run's own keys were judged as chosen; a fix there would overrule the choice.
  if (choiceKeys.has(fix.key)) return undefined;
  const source = violation.source;
  if (source !== undefined && targets.includes(source)) return source;
  if (fix.value === undefined) return undefined;
  const shared = targets[0]!;
  if (source === undefined) return shared;
  return WRITABLE_ORDER.indexOf(source) > WRITABLE_ORDER.indexOf(shared) ? shared : undefined;
}

/**
 * Judges the files a plan leaves behind against the policy and folds in the rewrites that make them
 * comply. `profileKind` is the credential kind of the chosen profile (`credentialKind`).
 */
export function judgePlan(choices: SetupChoices, files: SettingsFiles, plan: OkPlan, policy: EffectivePolicy, context: { profileKind?: string }): PlanJudgement {
  const evaluation = { ...context, writeScope: choices.scope };
  const planned = filesAfter(files, plan);
  const first = evaluate(planned, policy, evaluation);
  const targets = targetsOf(choices.scope);
  const choiceKeys = new Set(choiceWrites(choices).keys());

  const objects = new Map<WritableSource, Record<string, unknown>>();
  const rewrites: PolicyRewrite[] = [];
  const done = new Set<string>();
  for (const violation of first.violations) {
    const target = fixTarget(violation, targets, choiceKeys);
    if (target === undefined) continue;
    const fix = violation.fix!;
    if (done.has(`${target}\0${fix.key}`)) continue;
    const input = inputOf(planned, target);
    if (input === undefined || input.unreadable !== undefined) continue;
    const parsed = input.text === undefined ? { ok: true as const, value: {} } : parseSettings(input.text);
    if (!parsed.ok) continue;
    const current = objects.get(target) ?? parsed.value;
    const present = readKey(current, fix.key);
    if (present === undefined && fix.value === undefined) continue;
    if (present !== undefined && shown(present) === fix.value) continue;
    objects.set(target, withKey(current, fix.key, fix.value));
    done.add(`${target}\0${fix.key}`);
    const secret = fix.key.startsWith('env.') && SECRET_ENV_KEYS.has(fix.key.slice(4));
    rewrites.push({
      key: fix.key,
      source: target,
      path: input.path,
      ...(present === undefined ? {} : { before: secret ? '(set)' : shown(present)! }),
      ...(fix.value === undefined ? {} : { after: fix.value }),
      violation,
    });
  }
  if (rewrites.length === 0) return { plan, rewrites, files: planned, setup: first.setup, violations: first.violations };

  const byPath = new Map(plan.files.map((file) => [file.source, file]));
  for (const [source, value] of objects) {
    const original = inputOf(files, source)!;
    const existing = byPath.get(source);
    const changes: KeyChange[] = [...(existing?.changes ?? [])];
    for (const rewrite of rewrites.filter((entry) => entry.source === source)) {
      const change: KeyChange = { key: rewrite.key, ...(rewrite.before === undefined ? {} : { before: rewrite.before }), ...(rewrite.after === undefined ? {} : { after: rewrite.after }) };
      const index = changes.findIndex((entry) => entry.key === rewrite.key);
      if (index >= 0) changes[index] = { ...change, ...(changes[index]!.before === undefined ? {} : { before: changes[index]!.before }) };
      else changes.push(change);
    }
    const file: FilePlan = { source, path: original.path, ...(original.text === undefined ? {} : { before: original.text }), after: formatSettings(value, styleOf(original.text)), changes };
    byPath.set(source, file);
  }
  const order: readonly WritableSource[] = ['project', 'local', 'user'];
  const merged: OkPlan = { ok: true, files: order.flatMap((source) => (byPath.has(source) ? [byPath.get(source)!] : [])), notices: plan.notices };
  const final = filesAfter(files, merged);
  const second = evaluate(final, policy, evaluation);
  return { plan: merged, rewrites, files: final, setup: second.setup, violations: second.violations };
}
