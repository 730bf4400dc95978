/**
 * A workspace against its organisation policy, for the CLI and the extension alike: the settings
 * files and policy sources read, the effective settings judged, and, when the policy asks for data
 * residency, every configured model ID resolved with GetInferenceProfile. The SDK is loaded only
 * for that last step.
 */

import type { Diagnosis } from '../../core/models/bedrockTypes';
import { effectiveSetup, effectiveValue } from '../../core/setup/effectiveSetup';
import { setupProfile } from '../../core/health/health';
import { evaluatePolicy, policyApplies, policyEnvKeys } from '../../core/policy/policyEvaluate';
import { withInvocationLogging, type LoggingAnswer } from '../../core/policy/policyLogging';
import { residencyModels, withResidency } from '../../core/policy/policyResidency';
import type { EffectivePolicy, PolicyViolation, ResidencyCheck, ResidencyProof } from '../../core/policy/policyTypes';
import { credentialKind, type AwsProfile, type ProfileDiscovery } from '../../core/profiles/profiles';
import { residencyProof } from '../../core/residency/residency';
import type { SettingsFiles } from '../../core/setup/settingsPlan';
import type { EffectiveSetup } from '../../core/setup/settingsTypes';
import { readSettingsFiles, settingsFileList } from '../../files/claudeSettingsFiles';
import { loadPolicy } from '../../files/policyFiles';
import { loadProfiles } from '../profiles/awsFiles';
import { loadAwsLayer } from '../loadLayer';

/** What a residency check found: each model's destinations and the proof, or why it could not run. */
export type ResidencyAnswer =
  | { readonly checks: readonly ResidencyCheck[]; readonly proof: ResidencyProof; /** Why the proof names no account. */ readonly accountError?: Diagnosis }
  | { readonly credentials: Diagnosis };

/** Resolves the models of a setup in the account and builds the proof (the policy must ask for residency). */
export async function answerResidency(
  subject: { readonly profile: string; readonly region: string; readonly models: ReturnType<typeof residencyModels> },
  policy: EffectivePolicy,
  timeoutMs?: number,
  /** Ask STS for the account, which only the proof shows (setup does not need it). */
  withAccount = true,
): Promise<ResidencyAnswer> {
  const rule = policy.dataResidency;
  if (!rule) throw new Error('the policy asks for no data residency');
  const { checkResidency } = await loadAwsLayer();
  const result = await checkResidency({ target: { type: 'profile', profile: subject.profile }, region: subject.region, models: subject.models, allowedRegions: rule.value, timeoutMs, account: withAccount });
  if (!result.ok) return { credentials: result.credentials };
  const proof = residencyProof({
    region: subject.region,
    profile: subject.profile,
    ...(result.account ? { account: result.account } : {}),
    allowedRegions: rule.value,
    policySources: rule.origins,
    checks: result.checks,
    checkedAt: Date.now(),
  });
  return { checks: result.checks, proof, ...(result.accountError ? { accountError: result.accountError } : {}) };
}

/** Whether invocation logging is on in the Region, for the policy's logging rule (the policy must ask for it). */
export async function answerInvocationLogging(subject: { readonly profile: string; readonly region: string }, timeoutMs?: number): Promise<LoggingAnswer> {
  const { checkInvocationLogging } = await loadAwsLayer();
  const result = await checkInvocationLogging({ target: { type: 'profile', profile: subject.profile }, region: subject.region, ...(timeoutMs === undefined ? {} : { timeoutMs }) });
  return result.ok ? { region: subject.region, state: result.logging } : { region: subject.region, problem: result.problem };
}

export interface ComplianceReport {
  readonly policy: EffectivePolicy;
  readonly files: SettingsFiles;
  readonly setup: EffectiveSetup;
  readonly profile?: AwsProfile;
  readonly region?: string;
  /** Static violations first, then those the account's answers add. */
  readonly violations: readonly PolicyViolation[];
  /** Present when the policy asks for residency and the account was asked. */
  readonly residency?: ResidencyAnswer;
  /** Present when the policy requires invocation logging and the account was asked (else the violations say why it was not). */
  readonly logging?: LoggingAnswer;
  /** Under a policy, settings files (not managed ones) that cannot be parsed or read: the check cannot see their values. */
  readonly unusable: EffectiveSetup['broken'];
  /** True when nothing is wrong: no violation, every policy file usable and, under a policy, every settings file too. */
  readonly compliant: boolean;
}

export interface ComplianceOptions {
  readonly folder?: string;
  readonly env: NodeJS.ProcessEnv;
  /** Ask the account (GetInferenceProfile) where each model runs; off: judge by scope only. */
  readonly online: boolean;
  readonly timeoutMs?: number;
  /** Profiles already discovered (the extension has them); read afresh otherwise. */
  readonly discovery?: ProfileDiscovery;
  /** The profile to ask the account with, instead of the one the settings name. */
  readonly profile?: string;
  readonly region?: string;
}

/** Judges a folder's effective Claude settings against its policy. Never throws for AWS failures. */
export async function checkCompliance(options: ComplianceOptions): Promise<ComplianceReport> {
  const files = await readSettingsFiles(options.folder, options.env);
  const policy = await loadPolicy(options.folder, files, options.env);
  const setup = effectiveSetup(settingsFileList(files), { extraEnvKeys: policyEnvKeys(policy) });
  const discovery = options.discovery ?? (await loadProfiles(options.env));
  const profileName = options.profile ?? setupProfile(setup, discovery);
  const profile = discovery.profiles.find((candidate) => candidate.name === profileName);
  const region = options.region ?? effectiveValue(setup, 'env.AWS_REGION')?.value ?? profile?.region;
  let violations: PolicyViolation[] = evaluatePolicy(setup, policy, { ...(profile ? { profileKind: credentialKind(profile) } : {}) });
  // A file that does not parse hides its values: under a policy that is not verified, never compliant.
  const unusable = policyApplies(policy) ? setup.broken.filter((file) => file.source !== 'managed') : [];
  let residency: ComplianceReport['residency'];
  const models = residencyModels(setup, policy);
  if (policy.dataResidency && options.online && setup.bedrock && profile && region && models.length > 0) {
    residency = await answerResidency({ profile: profile.name, region, models }, policy, options.timeoutMs);
    if ('checks' in residency) violations = withResidency(violations, residency.checks, setup, policy);
  }
  let logging: LoggingAnswer | undefined;
  if (policy.requireInvocationLogging?.value && setup.bedrock) {
    if (options.online && profile && region) {
      logging = await answerInvocationLogging({ profile: profile.name, region }, options.timeoutMs);
      violations = withInvocationLogging(violations, logging, policy);
    } else {
      // Not asked is not verified, never compliant: say why (offline, no Region, no such profile).
      const unread = !options.online ? 'offline' : !region ? 'no-region' : 'no-profile';
      violations = withInvocationLogging(violations, { ...(region ? { region } : {}), unread }, policy);
    }
  }
  return {
    policy,
    files,
    setup,
    ...(profile ? { profile } : {}),
    ...(region ? { region } : {}),
    violations,
    ...(residency ? { residency } : {}),
    ...(logging ? { logging } : {}),
    unusable,
    compliant: violations.length === 0 && policy.problems.length === 0 && !(residency && 'credentials' in residency) && unusable.length === 0,
  };
}
