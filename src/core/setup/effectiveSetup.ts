/**
 * The Claude-on-Bedrock setup a workspace really has: the Bedrock keys of every settings file
 * merged the way Claude Code merges them (managed over local over project over user, key by key),
 * each value with the file it comes from. Secret values are replaced before they leave.
 */

import { parseSettings } from './settingsJson';
import { BEDROCK_ENV_KEYS, BEDROCK_TOP_LEVEL_KEYS, isTruthyFlag, SECRET_ENV_KEYS } from './settingsKeys';
import type { EffectiveSetup, EffectiveValue, SettingsFileInput, SettingsSource } from './settingsTypes';

const ORDER: readonly SettingsSource[] = ['managed', 'local', 'project', 'user'];

function text(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * Merges the files (any order; several managed files allowed, later drop-ins winning) into the effective
 * setup. `extraEnvKeys` adds `env` keys beyond the Bedrock ones (those a policy requires or forbids).
 */
export function effectiveSetup(files: readonly SettingsFileInput[], options: { readonly extraEnvKeys?: readonly string[] } = {}): EffectiveSetup {
  const broken: EffectiveSetup['broken'][number][] = [];
  const layers: { source: SettingsSource; path: string; value: Record<string, unknown> }[] = [];
  const sorted = [...files].map((file, index) => ({ file, index })).sort((a, b) => ORDER.indexOf(a.file.source) - ORDER.indexOf(b.file.source) || b.index - a.index);
  for (const { file } of sorted) {
    if (file.unreadable !== undefined) {
      broken.push({ source: file.source, path: file.path, unreadable: file.unreadable });
      continue;
    }
    if (file.text === undefined) continue;
    const parsed = parseSettings(file.text);
    if (!parsed.ok) broken.push({ source: file.source, path: file.path, error: parsed.error });
    else layers.push({ source: file.source, path: file.path, value: parsed.value });
  }

  const values: EffectiveValue[] = [];
  const lookup = (key: string, read: (settings: Record<string, unknown>) => unknown, secret: boolean) => {
    const found = layers.map((layer) => ({ layer, value: read(layer.value) })).filter((entry) => entry.value !== undefined);
    const winner = found[0];
    if (!winner) return;
    values.push({
      key,
      value: secret ? '(set)' : text(winner.value),
      secret,
      source: winner.layer.source,
      path: winner.layer.path,
      overrides: found
        .slice(1)
        .filter((entry) => text(entry.value) !== text(winner.value))
        .map((entry) => ({ source: entry.layer.source, path: entry.layer.path })),
    });
  };
  const bedrockKeys: readonly string[] = BEDROCK_ENV_KEYS;
  for (const name of [...bedrockKeys, ...new Set((options.extraEnvKeys ?? []).filter((key) => !bedrockKeys.includes(key)))]) {
    lookup(`env.${name}`, (settings) => (settings.env as Record<string, unknown> | undefined)?.[name], SECRET_ENV_KEYS.has(name));
  }
  for (const name of BEDROCK_TOP_LEVEL_KEYS) lookup(name, (settings) => settings[name], false);

  const flag = values.find((value) => value.key === 'env.CLAUDE_CODE_USE_BEDROCK');
  return { bedrock: isTruthyFlag(flag?.value), values, broken };
}

/** The effective value of one key (`env.AWS_REGION`), if any file sets it. */
export function effectiveValue(setup: EffectiveSetup, key: string): EffectiveValue | undefined {
  return setup.values.find((value) => value.key === key);
}

/** The models a setup pins: primary (`ANTHROPIC_MODEL`) and background (`ANTHROPIC_DEFAULT_HAIKU_MODEL`). */
export function configuredModels(setup: EffectiveSetup): { readonly primary?: string; readonly background?: string } {
  const primary = effectiveValue(setup, 'env.ANTHROPIC_MODEL')?.value;
  const background = effectiveValue(setup, 'env.ANTHROPIC_DEFAULT_HAIKU_MODEL')?.value;
  return { ...(primary === undefined ? {} : { primary }), ...(background === undefined ? {} : { background }) };
}

/** `CLAUDE_CODE_MAX_OUTPUT_TOKENS` of the setup, when it is a positive whole number. */
export function setupMaxOutputTokens(setup: EffectiveSetup): number | undefined {
  const value = Number(effectiveValue(setup, 'env.CLAUDE_CODE_MAX_OUTPUT_TOKENS')?.value);
  return Number.isInteger(value) && value > 0 ? value : undefined;
}

/** The settings keys that name a model Claude Code may invoke, in the order surfaces list them. */
export const MODEL_SETTING_KEYS = ['env.ANTHROPIC_MODEL', 'env.ANTHROPIC_DEFAULT_HAIKU_MODEL', 'env.ANTHROPIC_DEFAULT_SONNET_MODEL', 'env.ANTHROPIC_DEFAULT_OPUS_MODEL'] as const;

/** Every distinct model ID the setup may invoke: the primary, background and alias pins. */
export function modelsInUse(setup: EffectiveSetup): string[] {
  const values = MODEL_SETTING_KEYS.map((key) => effectiveValue(setup, key)?.value?.trim()).filter((value): value is string => value !== undefined && value !== '');
  return [...new Set(values)];
}
