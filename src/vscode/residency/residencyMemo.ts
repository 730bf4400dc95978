/**
 * Where each configured model runs, asked of the account (GetInferenceProfile) for setups whose
 * policy asks for data residency: one check per distinct profile, Region, allowed Regions and
 * model list, kept until that setup is checked again.
 */

import { answerResidency, type ResidencyAnswer } from '../../aws/policy/compliance';
import { setupProfile, setupRegion } from '../../core/health/health';
import { residencyModels } from '../../core/policy/policyResidency';
import type { EffectivePolicy } from '../../core/policy/policyTypes';
import type { ProfileDiscovery } from '../../core/profiles/profiles';
import type { EffectiveSetup } from '../../core/setup/settingsTypes';

export type { ResidencyAnswer } from '../../aws/policy/compliance';

interface Subject {
  readonly profile: string;
  readonly region?: string;
  readonly models: ReturnType<typeof residencyModels>;
}

function subjectOf(setup: EffectiveSetup, policy: EffectivePolicy, discovery: ProfileDiscovery): Subject {
  const region = setupRegion(setup, discovery);
  return { profile: setupProfile(setup, discovery), ...(region ? { region } : {}), models: residencyModels(setup, policy) };
}

function keyOf(subject: Subject, policy: EffectivePolicy): string {
  return JSON.stringify([subject.profile, subject.region, policy.dataResidency?.value, subject.models]);
}

export class ResidencyMemo {
  private readonly answers = new Map<string, ResidencyAnswer>();

  /** The last answer for this setup, if it was checked with the same profile, Region, Regions and models. */
  answer(setup: EffectiveSetup, policy: EffectivePolicy, discovery: ProfileDiscovery): ResidencyAnswer | undefined {
    return this.answers.get(keyOf(subjectOf(setup, policy, discovery), policy));
  }

  /** Checks the setups whose policy asks for residency (the caller passes those whose identity check passed). */
  async check(entries: readonly { readonly setup: EffectiveSetup; readonly policy: EffectivePolicy }[], discovery: ProfileDiscovery, timeoutMs: number): Promise<void> {
    const wanted = new Map<string, { subject: Subject; policy: EffectivePolicy }>();
    for (const { setup, policy } of entries) {
      if (!policy.dataResidency) continue;
      const subject = subjectOf(setup, policy, discovery);
      if (subject.region && subject.models.length > 0) wanted.set(keyOf(subject, policy), { subject, policy });
    }
    if (wanted.size === 0) return;
    await Promise.all(
      [...wanted].map(async ([key, { subject, policy }]) => {
        this.answers.set(key, await answerResidency({ profile: subject.profile, region: subject.region!, models: subject.models }, policy, timeoutMs));
      }),
    );
  }
}
