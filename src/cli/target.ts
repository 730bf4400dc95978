/** Whose credentials and which region a CLI command uses, resolved the way the SDK would. */

import type { Environment } from '../aws/awsFiles';
import type { CredentialTarget } from '../aws/clients';
import type { Locale } from '../core/locale';
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

/** "profile X" or "environment credentials", for messages. */
export function targetText(target: CredentialTarget, locale: Locale): string {
  return target.type === 'profile' ? cliText(locale, 'profileTarget', { profile: printable(target.profile) }) : cliText(locale, 'environmentTarget');
}
