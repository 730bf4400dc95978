/**
 * Which of the written settings the installed Claude Code would ignore, and what it would do
 * instead, from the dated table in supportTable.ts. The same judgement serves the planner (the
 * settings about to be written), the Setup view and `doctor` (the effective settings).
 */

import { compareVersions } from './versionNumbers';
import type { InstallKind } from './installTypes';
import { honours, MODEL_PIN_ALIASES, regionDefaultPrefix, SETTING_SUPPORT, supportOf, type IgnoredEffect, type SettingSupport } from './supportTable';

/** One setting as written: `env.NAME` or a top-level key, and its value. */
export interface WrittenSetting {
  readonly key: string;
  readonly value: string;
}

/** A Claude Code that reads the settings: the CLI on PATH, or the VS Code extension (which runs its own bundled CLI). */
export interface VersionInUse {
  readonly what: 'cli' | 'extension';
  readonly version: string;
  readonly path?: string;
  readonly kind?: InstallKind;
}

export type Alias = 'sonnet' | 'opus' | 'haiku';

export interface IgnoredSetting {
  /** The table's key: `env.NAME`, `awsAuthRefresh`, or `model[1m]`. */
  readonly key: string;
  /** For `model[1m]`: the pin that carries the suffix. */
  readonly settingKey: string;
  readonly value: string;
  readonly row: SettingSupport & { readonly since: string; readonly effect: IgnoredEffect; readonly severity: 'error' | 'warning' };
  /** The installs that ignore it, oldest first. */
  readonly by: readonly VersionInUse[];
  /** region-default-prefix: the Region, the prefix written, the one the oldest ignoring version derives, the aliases left unpinned. */
  readonly region?: string;
  readonly wantedPrefix?: string;
  readonly derivedPrefix?: string;
  readonly unpinnedAliases?: readonly Alias[];
  /** alias-default: the alias the key pins. */
  readonly alias?: Alias;
}

const ALIASES: readonly Alias[] = ['sonnet', 'opus', 'haiku'];

function rowFor(key: string): IgnoredSetting['row'] | undefined {
  const row = supportOf(key);
  if (!row || row.since === undefined || row.since === 'always' || !row.effect || !row.severity) return undefined;
  return row as IgnoredSetting['row'];
}

/**
 * The written settings each version in use would ignore, in the table's order. A region prefix is
 * reported only when ignoring it changes something: the prefix the version derives from the Region
 * differs from the one written (in us-east-1 a `us` prefix is what it would pick anyway).
 */
export function ignoredSettings(settings: readonly WrittenSetting[], versions: readonly VersionInUse[], context: { readonly region?: string } = {}): IgnoredSetting[] {
  const byKey = new Map(settings.map((setting) => [setting.key, setting.value]));
  const oldestFirst = [...versions].sort((a, b) => compareVersions(a.version, b.version));
  const found: IgnoredSetting[] = [];
  for (const table of SETTING_SUPPORT) {
    const row = rowFor(table.key);
    if (!row) continue;
    const targets: { settingKey: string; value: string }[] =
      row.key === 'model[1m]'
        ? Object.keys(MODEL_PIN_ALIASES).flatMap((settingKey) => {
            const value = byKey.get(settingKey);
            return value !== undefined && /\[1m\]$/i.test(value) ? [{ settingKey, value }] : [];
          })
        : byKey.has(row.key)
          ? [{ settingKey: row.key, value: byKey.get(row.key)! }]
          : [];
    for (const target of targets) {
      let by = oldestFirst.filter((version) => !honours(row, version.version));
      if (by.length === 0) continue;
      const base = { key: row.key, settingKey: target.settingKey, value: target.value, row };
      if (row.effect === 'region-default-prefix') {
        const region = context.region;
        if (region === undefined) continue;
        const wanted = target.value.trim().toLowerCase();
        by = by.filter((version) => regionDefaultPrefix(region, version.version) !== wanted);
        if (by.length === 0) continue;
        // A pinned alias is never derived; an unpinned one is, with the derived prefix.
        const unpinnedAliases = ALIASES.filter((alias) => byKey.get(Object.keys(MODEL_PIN_ALIASES).find((candidate) => MODEL_PIN_ALIASES[candidate] === alias)!) === undefined);
        found.push({ ...base, by, region, wantedPrefix: wanted, derivedPrefix: regionDefaultPrefix(region, by[0]!.version), unpinnedAliases });
      } else if (row.effect === 'alias-default') {
        found.push({ ...base, by, alias: MODEL_PIN_ALIASES[target.settingKey] as Alias });
      } else {
        found.push({ ...base, by });
      }
    }
  }
  return found;
}

/** The settings of an effective setup, as the check reads them (every Bedrock key it shows, with its value). */
export function writtenSettingsOf(setup: { readonly values: readonly { readonly key: string; readonly value: string }[] }): WrittenSetting[] {
  return setup.values.map((value) => ({ key: value.key, value: value.value }));
}
