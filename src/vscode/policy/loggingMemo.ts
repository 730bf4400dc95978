/**
 * Whether Bedrock model invocation logging is on, asked of the account for setups whose policy
 * requires it: one read per distinct profile and Region. Each check keeps only the answers it read:
 * a setup that was not asked in the latest check (its credentials check failed or was skipped)
 * gets no earlier answer, but a "not read" with the reason.
 */

import { answerInvocationLogging } from '../../aws/policy/compliance';
import { setupProfile, setupRegion } from '../../core/health/health';
import type { LoggingAnswer, LoggingNotRead } from '../../core/policy/policyLogging';
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
  private checked = false;

  /**
   * For a Bedrock setup whose policy requires logging: the answer of the latest check, or why the
   * account was not asked (no Region, credentials check not passed, no check yet). Undefined when
   * the rule does not apply.
   */
  answer(setup: EffectiveSetup, policy: EffectivePolicy, discovery: ProfileDiscovery): LoggingAnswer | LoggingNotRead | undefined {
    if (!policy.requireInvocationLogging?.value || !setup.bedrock) return undefined;
    const subject = keyOf(setup, discovery);
    if (!subject.region) return { unread: 'no-region' };
    return this.answers.get(subject.key) ?? { region: subject.region, unread: this.checked ? 'identity' : 'not-checked' };
  }

  /** Reads logging for the setups whose policy requires it (the caller passes those whose identity check passed); forgets every other answer. */
  async check(entries: readonly { readonly setup: EffectiveSetup; readonly policy: EffectivePolicy }[], discovery: ProfileDiscovery, timeoutMs: number): Promise<void> {
    const wanted = new Map<string, { profile: string; region: string }>();
    for (const { setup, policy } of entries) {
      if (!policy.requireInvocationLogging?.value) continue;
      const subject = keyOf(setup, discovery);
      if (subject.region) wanted.set(subject.key, { profile: subject.profile, region: subject.region });
    }
    const read = await Promise.all([...wanted].map(async ([key, subject]) => [key, await answerInvocationLogging(subject, timeoutMs)] as const));
    // An earlier answer never stands in for a setup this check did not ask (its credentials failed now).
    this.answers.clear();
    for (const [key, answer] of read) this.answers.set(key, answer);
    this.checked = true;
  }
}
