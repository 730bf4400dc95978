/**
 * Which models, profile and Region the `quotas` and `usage` commands read: the options first, then
 * the folder's effective Claude settings (the models and AWS_PROFILE / AWS_REGION they pin), then
 * what the SDK would choose. A configured repository needs no options at all.
 */

import * as path from 'node:path';
import { loadProfiles, type Environment } from '../../aws/profiles/awsFiles';
import type { CredentialTarget } from '../../aws/clients';
import { effectiveSetup, effectiveValue, modelsInUse, setupMaxOutputTokens } from '../../core/setup/effectiveSetup';
import type { AwsProfile, ProfileDiscovery } from '../../core/profiles/profiles';
import type { EffectiveSetup, SettingsSource } from '../../core/setup/settingsTypes';
import { readSettingsFiles, settingsFileList } from '../../files/claudeSettingsFiles';
import { resolveTarget } from '../target';

export interface UsageTarget {
  readonly target: CredentialTarget;
  readonly profile?: AwsProfile;
  readonly region?: string;
  readonly discovery: ProfileDiscovery;
  readonly modelIds: readonly string[];
  /** CLAUDE_CODE_MAX_OUTPUT_TOKENS of the settings, when a positive integer. */
  readonly maxOutputTokens?: number;
  /** Where the models came from: the options, or the folder's settings. */
  readonly modelsFrom: 'options' | 'settings' | 'none';
  /** The folder whose settings were read. */
  readonly folder: string;
  /** Every settings file that exists and was read (in Claude Code's precedence, highest first). */
  readonly files: readonly { readonly source: SettingsSource; readonly path: string }[];
  /** The folder's effective setup, merged as Claude Code merges it. */
  readonly setup: EffectiveSetup;
}

export interface UsageTargetOptions {
  readonly profile?: string;
  readonly region?: string;
  readonly models?: readonly string[];
  readonly folder?: string;
  readonly cwd: string;
  readonly env: Environment;
  /** The profiles, when the caller has read them already. */
  readonly discovery?: ProfileDiscovery;
}

/** Models, credentials and Region for the quota and usage commands. */
export async function resolveUsageTarget(options: UsageTargetOptions): Promise<UsageTarget> {
  const folder = path.resolve(options.cwd, options.folder ?? '.');
  const inputs = settingsFileList(await readSettingsFiles(folder, options.env));
  const setup = effectiveSetup(inputs);
  const precedence: readonly SettingsSource[] = ['managed', 'local', 'project', 'user'];
  const files = inputs
    .filter((file) => file.text !== undefined || file.unreadable !== undefined)
    .map((file) => ({ source: file.source, path: file.path }))
    .sort((a, b) => precedence.indexOf(a.source) - precedence.indexOf(b.source) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const fromSettings = (key: string) => (setup.bedrock ? effectiveValue(setup, key)?.value : undefined);
  const discovery = options.discovery ?? (await loadProfiles(options.env));
  const resolved = resolveTarget(
    { profile: options.profile ?? fromSettings('env.AWS_PROFILE'), region: options.region ?? fromSettings('env.AWS_REGION'), env: options.env },
    discovery,
  );
  const given = (options.models ?? []).filter((model) => model.trim() !== '');
  const configured = setup.bedrock ? modelsInUse(setup) : [];
  const maxOutputTokens = setup.bedrock ? setupMaxOutputTokens(setup) : undefined;
  return {
    ...resolved,
    discovery,
    modelIds: given.length > 0 ? [...new Set(given)] : configured,
    modelsFrom: given.length > 0 ? 'options' : configured.length > 0 ? 'settings' : 'none',
    folder,
    files,
    setup,
    ...(maxOutputTokens === undefined ? {} : { maxOutputTokens }),
  };
}
