/**
 * Whether Bedrock model invocation logging is on, asked of the account for setups whose policy
 * requires it: one read per distinct profile and Region, kept until that setup is checked again.
 */

import { answerInvocationLogging } from '../../aws/policy/compliance';
import { setupProfile, setupRegion } from '../../core/health/health';
import type { LoggingAnswer } from '../../core/policy/policyLogging';
import type { EffectivePolicy } from '../../core/policy/policyTypes';
import type { ProfileDiscovery } from '../../core/profiles/profiles';
import type { EffectiveSetup } from '../../core/setup/settingsTypes';

function keyOf(setup: EffectiveSetup, discovery: ProfileDiscovery): { key: string; profile: string; region?: string } {
  const profile = setupProfile(setup, discovery);
  const region = setupRegion(setup, discovery);
  return { key: JSON.stringify([profile, region]), profile, ...(region ? { region } : {}) };
}

export class LoggingMemo {
  private readonly answers = new Map<string, LoggingAnswer>();

  /** The last answer for this setup's profile and Region, when the policy requires logging. */
  answer(setup: EffectiveSetup, policy: EffectivePolicy, discovery: ProfileDiscovery): LoggingAnswer | undefined {
    if (!policy.requireInvocationLogging?.value) return undefined;
    return this.answers.get(keyOf(setup, discovery).key);
  }

  /** Reads logging for the setups whose policy requires it (the caller passes those whose identity check passed). */
  async check(entries: readonly { readonly setup: EffectiveSetup; readonly policy: EffectivePolicy }[], discovery: ProfileDiscovery, timeoutMs: number): Promise<void> {
    const wanted = new Map<string, { profile: string; region: string }>();
    for (const { setup, policy } of entries) {
      if (!policy.requireInvocationLogging?.value) continue;
      const subject = keyOf(setup, discovery);
      if (subject.region) wanted.set(subject.key, { profile: subject.profile, region: subject.region });
    }
    await Promise.all([...wanted].map(async ([key, subject]) => this.answers.set(key, await answerInvocationLogging(subject, timeoutMs))));
  }
}
