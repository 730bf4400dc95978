/**
 * Where organisation policy lives on disk, and reading it: the machine's policy file (deployed by
 * an admin or MDM, per OS), the team's file committed in the repository, and Claude Code's managed
 * settings (read with the other settings files; their pins and model list act as locks).
 */

import * as path from 'node:path';
import { mergePolicies } from '../core/policy/policyMerge';
import type { EffectivePolicy, PolicyFileInput } from '../core/policy/policyTypes';
import type { SettingsFiles } from '../core/setup/settingsPlan';
import { readSettingsFile } from './claudeSettingsFiles';

/** Overrides the folder of the machine policy (tests, unusual installs). */
export const POLICY_DIR_VARIABLE = 'CLAUDE_BEDROCK_POLICY_DIR';

/** The machine policy's file name inside its folder. */
export const MACHINE_POLICY_FILE = 'policy.json';

/** The team policy, relative to a workspace folder. */
export const TEAM_POLICY_PATH = path.posix.join('.claude', 'bedrock-policy.json');

/** The folder of the machine policy on each OS (beside, not inside, Claude Code's managed folder). */
export function machinePolicyDir(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string {
  const override = env[POLICY_DIR_VARIABLE];
  if (override) return override;
  if (platform === 'darwin') return '/Library/Application Support/ClaudeBedrock';
  if (platform === 'win32') return path.win32.join(env.ProgramData ?? 'C:\\ProgramData', 'ClaudeBedrock');
  return '/etc/claude-bedrock';
}

/** Paths of the machine and (for a folder) the team policy file. */
export function policyPaths(folder: string | undefined, env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): { readonly machine: string; readonly team?: string } {
  const paths = platform === 'win32' ? path.win32 : path.posix;
  return {
    machine: paths.join(machinePolicyDir(platform, env), MACHINE_POLICY_FILE),
    ...(folder === undefined ? {} : { team: paths.join(folder, ...TEAM_POLICY_PATH.split('/')) }),
  };
}

async function readPolicyFile(source: 'machine' | 'team', file: string): Promise<PolicyFileInput> {
  const read = await readSettingsFile('managed', file);
  return { source, path: file, ...(read.text === undefined ? {} : { text: read.text }), ...(read.unreadable === undefined ? {} : { unreadable: read.unreadable }) };
}

/** The policy inputs of a folder: the two policy files (missing ones without text) and the managed settings texts. */
export async function readPolicyInputs(
  folder: string | undefined,
  settings: SettingsFiles,
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform = process.platform,
): Promise<{ readonly files: PolicyFileInput[]; readonly managed: { readonly path: string; readonly text?: string }[] }> {
  const paths = policyPaths(folder, env, platform);
  const files = await Promise.all([readPolicyFile('machine', paths.machine), ...(paths.team ? [readPolicyFile('team', paths.team)] : [])]);
  return { files, managed: settings.managed.map((file) => ({ path: file.path, ...(file.text === undefined ? {} : { text: file.text }) })) };
}

/** The effective policy of a folder: both policy files and the managed settings, merged. */
export async function loadPolicy(folder: string | undefined, settings: SettingsFiles, env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): Promise<EffectivePolicy> {
  const inputs = await readPolicyInputs(folder, settings, env, platform);
  return mergePolicies(inputs.files, inputs.managed);
}
