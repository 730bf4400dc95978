/** What the sidebar can check, and how a check result is tied to what was checked. */

import { isCheckable, profileDefinitionKey, type AwsProfile, type EnvironmentState, type ProfileDiscovery } from '../../core/profiles/profiles';

/** The key of the environment's own credentials beside profile names: no profile name holds a line break. */
export const ENVIRONMENT_KEY = '\nenvironment';

/** What a check needs to know about its target. */
export interface CheckTarget {
  readonly key: string;
  readonly fingerprint: string;
  readonly region: string;
}

/** Identifies what was checked: a result is shown only while the definition is unchanged. */
export function fingerprint(target: AwsProfile | EnvironmentState): string {
  return 'name' in target ? profileDefinitionKey(target) : JSON.stringify(target);
}

// STS answers GetCallerIdentity in every region: any sensible region proves the identity.
const FALLBACK_REGION = 'us-east-1';

export function profileTarget(profile: AwsProfile, discovery: ProfileDiscovery): CheckTarget {
  return { key: profile.name, fingerprint: fingerprint(profile), region: profile.region ?? discovery.environment.region ?? FALLBACK_REGION };
}

export function environmentTarget(discovery: ProfileDiscovery): CheckTarget {
  return { key: ENVIRONMENT_KEY, fingerprint: fingerprint(discovery.environment), region: discovery.environment.region ?? FALLBACK_REGION };
}

/** Everything that can be checked: the environment's keys first, then every checkable profile. */
export function checkTargets(discovery: ProfileDiscovery): CheckTarget[] {
  const targets: CheckTarget[] = [];
  if (discovery.environment.credentials) targets.push(environmentTarget(discovery));
  for (const profile of discovery.profiles) {
    if (isCheckable(profile)) targets.push(profileTarget(profile, discovery));
  }
  return targets;
}
