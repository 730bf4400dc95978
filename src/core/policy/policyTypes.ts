/**
 * The vocabulary of organisation policy: the policy file an admin deploys to machines or a team
 * commits, the effective policy merged from every source (Claude Code's managed settings included),
 * the violations a setup can have, and the proof of data residency.
 */

import type { Diagnosis, Scope } from '../models/bedrockTypes';
import type { AdminProblem } from '../team/adminProblem';
import type { SettingsSource } from '../setup/settingsTypes';

/** `.claude/bedrock-policy.json` in a repository, or `policy.json` in the machine's policy folder. */
export interface PolicyDocument {
  readonly $schema?: string;
  /** Always 1 for now; a newer version is refused rather than half understood. */
  readonly version: 1;
  /** Regions `AWS_REGION` may name. */
  readonly allowedRegions?: readonly string[];
  /**
   * Inference-profile scopes every configured model may use: `jp`, `global`, `apac`, `us`, `eu`, `au`,
   * `ca`, `us-gov`, …, plus `in-region` (a bare model ID) and `application` (an application profile).
   */
  readonly allowedScopes?: readonly string[];
  /**
   * Where inference may run: every configured model's destination Regions (from GetInferenceProfile)
   * must lie within these. `japan` is short for Tokyo and Osaka.
   */
  readonly dataResidency?: 'japan' | { readonly allowedRegions: readonly string[] };
  /** Base model IDs (`anthropic.claude-sonnet-4-5-20250929-v1:0`) or prefixes ending in `*`, for every pin. */
  readonly allowedModels?: readonly string[];
  /** The same for the background model (`ANTHROPIC_DEFAULT_HAIKU_MODEL`); default: `allowedModels`. */
  readonly allowedBackgroundModels?: readonly string[];
  /** Alias pins that must be set, so Claude Code never picks a model itself (`opus` for Japan-only). */
  readonly requiredModelPins?: readonly ModelPin[];
  /** Credentials: forbid long-lived static keys, require IAM Identity Center (SSO). */
  readonly credentials?: { readonly forbidStaticKeys?: boolean; readonly requireSso?: boolean };
  /** The largest `CLAUDE_CODE_MAX_OUTPUT_TOKENS` allowed; also required to be set when present. */
  readonly maxOutputTokens?: number;
  /** `env` values that must be set exactly (for instance telemetry: `CLAUDE_CODE_ENABLE_TELEMETRY`). */
  readonly requiredEnv?: Readonly<Record<string, string>>;
  /** `env` keys that must not be set at all. */
  readonly forbiddenEnv?: readonly string[];
  /** Whether setups may be written to the user's `~/.claude/settings.json` (default true). */
  readonly allowUserScope?: boolean;
  /** Bedrock model invocation logging must be on in the setup's Region (GetModelInvocationLoggingConfiguration). */
  readonly requireInvocationLogging?: boolean;
}

export type ModelPin = 'haiku' | 'sonnet' | 'opus';

/** Where a rule comes from: the machine's policy file, the repository's, or Claude Code's managed settings. */
export type PolicySource = 'machine' | 'team' | 'managed';

/** A policy file as read from disk. */
export interface PolicyFileInput {
  readonly source: 'machine' | 'team';
  readonly path: string;
  /** Absent when the file does not exist. */
  readonly text?: string;
  readonly unreadable?: string;
}

/** Where one rule's value came from (two entries when machine and team both set it and were combined). */
export interface RuleOrigin {
  readonly source: PolicySource;
  readonly path: string;
}

export interface PolicyRule<T> {
  readonly value: T;
  readonly origins: readonly RuleOrigin[];
}

/** The names of the rules, as `PolicySourceSummary.rules` lists them and violations refer to them. */
export type PolicyRuleName =
  | 'allowedRegions'
  | 'allowedScopes'
  | 'dataResidency'
  | 'allowedModels'
  | 'allowedBackgroundModels'
  | 'requiredModelPins'
  | 'forbidStaticKeys'
  | 'requireSso'
  | 'maxOutputTokens'
  | 'requiredEnv'
  | 'forbiddenEnv'
  | 'allowUserScope'
  | 'requireInvocationLogging'
  | 'availableModels'
  | 'managedLock';

/**
 * The policy in force. Machine and team combine so that a team can only narrow what the machine
 * allows: allow-lists intersect, limits take the smaller, prohibitions add up, and where both
 * require a value for the same `env` key, the machine's wins.
 */
export interface EffectivePolicy {
  readonly allowedRegions?: PolicyRule<readonly string[]>;
  readonly allowedScopes?: PolicyRule<readonly Scope[]>;
  /** Destination Regions inference must stay within. */
  readonly dataResidency?: PolicyRule<readonly string[]>;
  readonly allowedModels?: PolicyRule<readonly string[]>;
  readonly allowedBackgroundModels?: PolicyRule<readonly string[]>;
  readonly requiredModelPins?: PolicyRule<readonly ModelPin[]>;
  readonly forbidStaticKeys?: PolicyRule<boolean>;
  readonly requireSso?: PolicyRule<boolean>;
  readonly maxOutputTokens?: PolicyRule<number>;
  /** Per `env` key. */
  readonly requiredEnv: readonly PolicyRule<{ readonly key: string; readonly value: string }>[];
  readonly forbiddenEnv?: PolicyRule<readonly string[]>;
  readonly allowUserScope?: PolicyRule<boolean>;
  readonly requireInvocationLogging?: PolicyRule<boolean>;
  /** Claude Code's managed `availableModels`; a lock only with `enforceAvailableModels`. */
  readonly availableModels?: PolicyRule<{ readonly models: readonly string[]; readonly enforced: boolean }>;
  /** Settings keys Claude Code's managed settings set (`env.ANTHROPIC_MODEL`, …): locks, never overwritten. */
  readonly locks: readonly ManagedLock[];
  /** Every source that was read, with the rules it contributed (empty when it contributed none). */
  readonly sources: readonly PolicySourceSummary[];
  /** Policy files that exist but could not be used; they contribute nothing and are reported. */
  readonly problems: readonly PolicyFileProblem[];
}

export interface ManagedLock {
  readonly key: string;
  readonly value: string;
  readonly path: string;
}

export interface PolicySourceSummary {
  readonly source: PolicySource;
  readonly path: string;
  readonly rules: readonly PolicyRuleName[];
}

export interface PolicyFileProblem {
  readonly source: 'machine' | 'team' | 'managed';
  readonly path: string;
  /** 1-based, when the problem has a place in the file. */
  readonly line?: number;
  readonly column?: number;
  /** `syntax`, `unreadable`, `invalid` (a rule of the wrong type or an unknown rule), `version`. */
  readonly code: 'syntax' | 'unreadable' | 'invalid' | 'version';
  /** English detail (what is wrong and where); the surfaces add the localised frame. */
  readonly detail: string;
}

/** A settings value a fix writes (in the file the violating value lives in). */
export interface PolicyFix {
  readonly key: string;
  /** Undefined removes the key. */
  readonly value?: string;
}

export type PolicyViolationCode =
  | 'region-not-allowed'
  | 'scope-not-allowed'
  | 'model-not-allowed'
  | 'background-model-not-allowed'
  | 'not-in-available-models'
  | 'pin-required'
  | 'static-keys-forbidden'
  | 'sso-required'
  | 'max-output-tokens-too-high'
  | 'max-output-tokens-missing'
  | 'env-required'
  | 'env-forbidden'
  | 'user-scope-forbidden'
  | 'residency-outside'
  | 'residency-unverified'
  | 'invocation-logging-off'
  | 'invocation-logging-unverified'
  | 'managed-lock';

/**
 * Why the account's logging configuration was not read in this check: `policy check --offline`, no
 * Region or no defined profile to ask with, the credentials check did not pass (or was skipped), or
 * no check with the account has run yet.
 */
export type LoggingUnread = 'offline' | 'no-region' | 'no-profile' | 'identity' | 'not-checked';

/** One way a setup (or a planned setup) breaks the policy. */
export interface PolicyViolation {
  readonly code: PolicyViolationCode;
  readonly rule: PolicyRuleName;
  /** Where the rule comes from. */
  readonly origins: readonly RuleOrigin[];
  /** The settings key at fault (`env.ANTHROPIC_MODEL`), when there is one. */
  readonly key?: string;
  /** Its value as set (never a secret). */
  readonly value?: string;
  /** The settings file the value comes from, when it is set. */
  readonly source?: SettingsSource;
  readonly path?: string;
  /** What would comply: the replacement value of `key` (`jp.` for a `global.` pin), or a removal. */
  readonly fix?: PolicyFix;
  /** Rule-specific figures for the words: the allowed list, the limit, the destinations abroad. */
  readonly allowed?: readonly string[];
  readonly limit?: number;
  readonly outside?: readonly string[];
  /** `invocation-logging-unverified`: the call that failed, worded in the reader's language where it is shown. */
  readonly problem?: AdminProblem;
  /** `invocation-logging-unverified` when the account was not asked at all in this check: why. */
  readonly unread?: LoggingUnread;
  /** `residency-unverified` after the account was asked: why its lookup failed (the English detail of the proof). */
  readonly lookupError?: string;
  /** The same failure as a diagnosis, worded in the reader's language where it is shown (absent when only the English detail is known). */
  readonly diagnosis?: Diagnosis;
}

/** Why a choice the wizard or the sidebar would offer is hidden. */
export type ChoiceVerdict = { readonly allowed: true } | { readonly allowed: false; readonly violation: PolicyViolation };

// ---------------------------------------------------------------------------------------------
// Data residency

/** One configured model ID resolved to where it runs. */
export interface ResidencyCheck {
  readonly modelId: string;
  /** The settings key that names it. */
  readonly key: string;
  /** The profile's ARN when GetInferenceProfile answered. */
  readonly profileArn?: string;
  /** Destination Regions of the profile (the Region itself for a bare model ID). */
  readonly destinations: readonly string[];
  /** A `global.` profile: any commercial Region. */
  readonly anyRegion: boolean;
  /** Destinations outside the allowed Regions (`*` for any-region). */
  readonly outside: readonly string[];
  readonly verdict: 'inside' | 'outside' | 'unverified';
  /** Why it could not be verified (the lookup failed): an English detail, the proof's words. */
  readonly error?: string;
  /** The failed lookup as a diagnosis, to word it in the reader's language; never written into the proof. */
  readonly diagnosis?: Diagnosis;
  /** The compliant ID to use instead, when the policy allows one. */
  readonly replacement?: string;
  /** Epoch ms. */
  readonly checkedAt: number;
}

/** What an auditor gets: which policy, which account and Region, what each model resolved to, when. */
export interface ResidencyProof {
  readonly kind: 'claude-bedrock-residency-proof';
  readonly version: 1;
  /** ISO 8601. */
  readonly checkedAt: string;
  readonly region: string;
  readonly profile?: string;
  readonly account?: string;
  readonly allowedRegions: readonly string[];
  readonly policySources: readonly RuleOrigin[];
  readonly models: readonly ResidencyCheck[];
  readonly compliant: boolean;
}
