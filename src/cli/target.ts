/** Whose credentials and which region a CLI command uses, resolved the way the SDK would. */

import type { Environment } from '../aws/profiles/awsFiles';
import type { AwsProfile, ProfileDiscovery } from '../core/profiles/profiles';
import type { CredentialTarget } from '../aws/clients';
import type { Locale } from '../core/text/locale';
import { printable } from './table';
import { cliText } from './text';

/** The profile named, else AWS_PROFILE, else the environment's keys, else `default`: what the SDK would use. */
export function chooseTarget(profile: string | undefined, env: Environment, hasEnvironmentKeys: boolean): CredentialTarget {
  if (profile) return { type: 'profile', profile };
  const envProfile = env.AWS_PROFILE?.trim();
  if (envProfile) return { type: 'profile', profile: envProfile };
  if (hasEnvironmentKeys) return { type: 'environment' };
  return { type: 'profile', profile: 'default' };
}

export interface ResolvedTarget {
  readonly target: CredentialTarget;
  /** The named profile as discovered; absent for the environment, or when the name is not defined. */
  readonly profile?: AwsProfile;
  /** --region, else the profile's region, else AWS_REGION / AWS_DEFAULT_REGION. */
  readonly region?: string;
}

/** The target, its discovered profile and the region a command runs in, as the SDK would choose them. */
export function resolveTarget(options: { readonly profile?: string; readonly region?: string; readonly env: Environment }, discovery: ProfileDiscovery): ResolvedTarget {
  const target = chooseTarget(options.profile, options.env, discovery.environment.credentials !== undefined);
  const profile = target.type === 'profile' ? discovery.profiles.find((candidate) => candidate.name === target.profile) : undefined;
  return { target, profile, region: options.region ?? profile?.region ?? discovery.environment.region };
}

/** Why a named profile cannot be used: it is defined in neither file (and where we looked). */
export function profileMissingText(name: string, discovery: ProfileDiscovery, locale: Locale): string {
  return cliText(locale, 'profileMissing', { profile: printable(name), config: discovery.files.config.path, credentials: discovery.files.credentials.path });
}

/** The target as the JSON reports name it. */
export function targetJson(target: CredentialTarget): { profile: string } | { environment: true } {
  return target.type === 'profile' ? { profile: target.profile } : { environment: true };
}

/** "profile X" or "environment credentials", for messages. */
export function targetText(target: CredentialTarget, locale: Locale): string {
  return target.type === 'profile' ? cliText(locale, 'profileTarget', { profile: printable(target.profile) }) : cliText(locale, 'environmentTarget');
}
