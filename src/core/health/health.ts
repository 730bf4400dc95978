/**
 * The health of a workspace's Claude-on-Bedrock setup, from cheap facts only: the settings files,
 * the profile they name (with its sign-in expiry from the token cache) and, when it ran, one
 * identity call. No model is probed here. The surfaces turn each check's code into words.
 */

import { effectiveValue } from '../setup/effectiveSetup';
import type { IdentityFailure } from '../profiles/identityFailure';
import type { AwsProfile, ProfileDiscovery } from '../profiles/profiles';
import type { EffectiveSetup } from '../setup/settingsTypes';
import { SECRET_ENV_KEYS } from '../setup/settingsKeys';
import { ALERT_PERCENT, type QuotaMeasure, type UsageAlert, type UsageProblem } from '../usage/quotaTypes';
import { identityVerification } from '../verification/verification';
import type { PolicyFileProblem, PolicyViolation } from '../policy/policyTypes';
import type { AlarmStatus } from '../alarms/alarmTypes';
import type { RawAwsError } from '../models/bedrockTypes';
import type { ClaudeCodeFinding } from '../claudeCode/installVerdict';

export type CheckState = 'ok' | 'warning' | 'error' | 'info';

export type HealthCheck =
  | { readonly id: 'files'; readonly state: 'error'; readonly code: 'file-broken'; readonly path: string; readonly line?: number; readonly column?: number; readonly detail: string }
  | { readonly id: 'bedrock'; readonly state: 'ok' | 'info'; readonly code: 'bedrock-on' | 'bedrock-off' | 'bedrock-unknown'; readonly path?: string }
  | { readonly id: 'secrets'; readonly state: 'error'; readonly code: 'secret-in-shared-file'; readonly key: string; readonly path: string }
  | { readonly id: 'profile'; readonly state: CheckState; readonly code: 'profile-ok' | 'profile-missing' | 'profile-unset'; readonly profile: string; readonly kind?: AwsProfile['kind'] }
  | { readonly id: 'sign-in'; readonly state: 'ok' | 'error'; readonly code: 'sso-valid' | 'sso-expired' | 'sso-missing'; readonly profile: string; readonly expiresAt?: string }
  | { readonly id: 'identity'; readonly state: 'ok'; readonly code: 'identity-ok'; readonly account: string; readonly arn: string }
  /** `warning` when STS could not be read (not verified), `error` when it said the credentials do not work. */
  | { readonly id: 'identity'; readonly state: 'warning' | 'error'; readonly code: 'identity-failed'; readonly failure: IdentityFailure }
  | { readonly id: 'identity'; readonly state: 'info'; readonly code: 'identity-restricted' | 'identity-not-run'; readonly profile: string }
  | { readonly id: 'region'; readonly state: 'ok' | 'warning'; readonly code: 'region-ok' | 'region-missing'; readonly region?: string }
  | { readonly id: 'model'; readonly state: 'ok' | 'warning'; readonly code: 'model-ok' | 'model-missing' | 'model-bare-id'; readonly model?: string }
  | { readonly id: 'gitignore'; readonly state: 'warning'; readonly code: 'local-not-ignored'; readonly path: string }
  | { readonly id: 'trust'; readonly state: 'info'; readonly code: 'restricted-mode' }
  | { readonly id: 'policy'; readonly state: 'error'; readonly code: 'policy-violation'; readonly violation: PolicyViolation }
  | { readonly id: 'policy'; readonly state: 'error'; readonly code: 'policy-file-broken'; readonly problem: PolicyFileProblem }
  | { readonly id: 'policy'; readonly state: 'ok'; readonly code: 'policy-ok'; readonly sources: number; readonly residencyCheckedAt?: number }
  | { readonly id: 'usage'; readonly state: 'ok'; readonly code: 'usage-ok'; readonly checkedAt: number }
  | { readonly id: 'usage'; readonly state: 'warning'; readonly code: 'usage-throttled'; readonly throttles: number; readonly checkedAt: number }
  | { readonly id: 'usage'; readonly state: 'warning'; readonly code: 'usage-near-quota'; readonly modelId: string; readonly measure: QuotaMeasure; readonly percent: number; readonly checkedAt: number }
  | { readonly id: 'alarms'; readonly state: 'warning'; readonly code: 'alarms-firing'; readonly alarms: readonly AlarmStatus[]; readonly checkedAt: number }
  | { readonly id: 'alarms'; readonly state: 'ok'; readonly code: 'alarms-ok'; readonly count: number; readonly checkedAt: number }
  /** DescribeAlarms failed: whether an alarm is in ALARM is not verified (the refused permission, or the call's error). */
  | { readonly id: 'alarms'; readonly state: 'warning'; readonly code: 'alarms-unread'; readonly missingPermission?: string; readonly error: RawAwsError; readonly checkedAt: number }
  /** Quotas or metrics could not be read: not verified, with the calls that failed or why the whole read did. */
  | { readonly id: 'usage'; readonly state: 'warning'; readonly code: 'usage-unread'; readonly problems: readonly UsageProblem[]; readonly failure?: string; readonly checkedAt: number }
  /** Which Claude Code reads the settings, and what it would ignore (a version not read warns). */
  | { readonly id: 'claude-code'; readonly state: CheckState; readonly code: 'claude-code'; readonly finding: ClaudeCodeFinding };

export type HealthState = 'not-configured' | 'healthy' | 'warning' | 'error';

export interface HealthReport {
  readonly state: HealthState;
  readonly checks: readonly HealthCheck[];
  /** The profile and region the setup uses, when it names them (what an identity check should target). */
  readonly profile?: string;
  readonly region?: string;
}

/** What an identity call (if one ran) said. */
export type IdentityOutcome =
  | { readonly ok: true; readonly account: string; readonly arn: string }
  | { readonly ok: false; readonly failure: IdentityFailure }
  | { readonly skipped: 'restricted' | 'not-run' };

export interface HealthInput {
  readonly setup: EffectiveSetup;
  readonly discovery: ProfileDiscovery;
  /** Whether `.claude/settings.local.json` is git-ignored (absent: unknown or no folder). */
  readonly localIgnored?: boolean;
  readonly localPath?: string;
  readonly trusted: boolean;
  readonly identity?: IdentityOutcome;
  /** The organisation policy's verdict, when a policy applies (a source with rules, a lock, or a broken file). */
  readonly policy?: { readonly violations: readonly PolicyViolation[]; readonly problems: readonly PolicyFileProblem[]; readonly sources: number; readonly residencyCheckedAt?: number };
  /** The latest usage read for this setup's profile, Region and models, when one was made. */
  readonly usage?: UsageRead;
  /** The Claude Code installs found, judged against this setup (core/claudeCode/installVerdict.ts). */
  readonly claudeCode?: readonly ClaudeCodeFinding[];
}

/** A usage read for the status bar: the alert when the metrics were read, and what could not be read. */
export interface UsageRead {
  readonly alert?: UsageAlert;
  readonly checkedAt: number;
  /** The Service Quotas and CloudWatch calls that failed. */
  readonly problems?: readonly UsageProblem[];
  /** The whole read failed (credentials, network): what happened and what to do, in words. */
  readonly failure?: string;
  /** The models' alarms, when they were read with the metrics. */
  readonly alarms?: readonly AlarmStatus[];
  /** DescribeAlarms failed with the metrics: the refused permission, or the call's error. */
  readonly alarmsUnread?: { readonly missingPermission?: string; readonly error: RawAwsError };
}

/** True when a profile gets its credentials by running a program (itself or anywhere in its role chain). */
export function runsCredentialProcess(profile: AwsProfile): boolean {
  return profile.kind === 'credential-process' || (profile.chain ?? []).some((link) => link.kind === 'credential-process');
}

/** The profile a setup uses: `AWS_PROFILE` from the settings, else the one the SDK would pick. */
export function setupProfile(setup: EffectiveSetup, discovery: ProfileDiscovery): string {
  return effectiveValue(setup, 'env.AWS_PROFILE')?.value ?? discovery.environment.profile ?? 'default';
}

/** The Region a setup calls Bedrock in: `AWS_REGION` from the settings, else its profile's own. */
export function setupRegion(setup: EffectiveSetup, discovery: ProfileDiscovery): string | undefined {
  const profile = setupProfile(setup, discovery);
  return effectiveValue(setup, 'env.AWS_REGION')?.value ?? discovery.profiles.find((candidate) => candidate.name === profile)?.region;
}

const ORDER: readonly CheckState[] = ['ok', 'info', 'warning', 'error'];

/** Evaluates the checks; the report's state is the worst of them, or not-configured without Bedrock. */
export function assessHealth(input: HealthInput): HealthReport {
  const { setup, discovery } = input;
  const checks: HealthCheck[] = [];
  for (const broken of setup.broken) {
    checks.push({ id: 'files', state: 'error', code: 'file-broken', path: broken.path, line: broken.error?.line, column: broken.error?.column, detail: broken.error?.message ?? broken.unreadable ?? '' });
  }
  if (!input.trusted) checks.push({ id: 'trust', state: 'info', code: 'restricted-mode' });
  const flag = effectiveValue(setup, 'env.CLAUDE_CODE_USE_BEDROCK');
  if (!setup.bedrock) {
    // A settings file that does not parse may be the one that turns Bedrock on: not known, never "off".
    checks.push({ id: 'bedrock', state: 'info', code: setup.broken.length > 0 ? 'bedrock-unknown' : 'bedrock-off' });
    // A policy still judges what is set (a forbidden key, a broken policy file), but not what is missing.
    if (input.policy) checks.push(...policyChecks(input.policy).filter((check) => check.state === 'error'));
    return { state: checks.some((check) => check.state === 'error') ? 'error' : 'not-configured', checks };
  }
  checks.push({ id: 'bedrock', state: 'ok', code: 'bedrock-on', path: flag?.path });

  for (const value of setup.values) {
    if (value.secret && value.source === 'project' && SECRET_ENV_KEYS.has(value.key.slice(4))) {
      checks.push({ id: 'secrets', state: 'error', code: 'secret-in-shared-file', key: value.key, path: value.path });
    }
  }

  const profileName = setupProfile(setup, discovery);
  const named = effectiveValue(setup, 'env.AWS_PROFILE') !== undefined;
  const profile = discovery.profiles.find((candidate) => candidate.name === profileName);
  if (!profile) {
    checks.push({ id: 'profile', state: 'error', code: 'profile-missing', profile: profileName });
  } else {
    checks.push({ id: 'profile', state: named ? 'ok' : 'warning', code: named ? 'profile-ok' : 'profile-unset', profile: profileName, kind: profile.kind });
    const token = profile.sso?.token;
    if (token) {
      if (token.state === 'valid') checks.push({ id: 'sign-in', state: 'ok', code: 'sso-valid', profile: profileName, expiresAt: token.expiresAt });
      else if (token.state === 'expired') checks.push({ id: 'sign-in', state: 'error', code: 'sso-expired', profile: profileName, expiresAt: token.expiresAt });
      else checks.push({ id: 'sign-in', state: 'error', code: 'sso-missing', profile: profileName });
    }
  }

  const identity = input.identity;
  if (identity && 'skipped' in identity) checks.push({ id: 'identity', state: 'info', code: identity.skipped === 'restricted' ? 'identity-restricted' : 'identity-not-run', profile: profileName });
  else if (identity?.ok) checks.push({ id: 'identity', state: 'ok', code: 'identity-ok', account: identity.account, arn: identity.arn });
  else if (identity) checks.push({ id: 'identity', state: identityVerification(identity.failure) === 'not-verified' ? 'warning' : 'error', code: 'identity-failed', failure: identity.failure });

  const region = effectiveValue(setup, 'env.AWS_REGION')?.value;
  checks.push(region ? { id: 'region', state: 'ok', code: 'region-ok', region } : { id: 'region', state: 'warning', code: 'region-missing' });

  const model = effectiveValue(setup, 'env.ANTHROPIC_MODEL')?.value;
  if (!model) checks.push({ id: 'model', state: 'warning', code: 'model-missing' });
  else if (/^anthropic\./.test(model)) checks.push({ id: 'model', state: 'warning', code: 'model-bare-id', model });
  else checks.push({ id: 'model', state: 'ok', code: 'model-ok', model });

  for (const finding of input.claudeCode ?? []) {
    checks.push({ id: 'claude-code', state: finding.state === 'not-verified' ? 'warning' : finding.state, code: 'claude-code', finding });
  }

  if (input.policy) checks.push(...policyChecks(input.policy));
  if (input.usage) checks.push(usageCheck(input.usage));
  const alarms = input.usage?.alarms;
  // Only alarms that exist and were read now: none read, nothing claimed.
  if (alarms !== undefined && alarms.length > 0) {
    const firing = alarms.filter((alarm) => alarm.state === 'ALARM');
    checks.push(
      firing.length > 0
        ? { id: 'alarms', state: 'warning', code: 'alarms-firing', alarms: firing, checkedAt: input.usage!.checkedAt }
        : { id: 'alarms', state: 'ok', code: 'alarms-ok', count: alarms.length, checkedAt: input.usage!.checkedAt },
    );
  }
  // Alarms that could not be read: one of them may be in ALARM, so not verified (never left out).
  const alarmsUnread = input.usage?.alarmsUnread;
  if (alarmsUnread) {
    checks.push({ id: 'alarms', state: 'warning', code: 'alarms-unread', ...(alarmsUnread.missingPermission !== undefined ? { missingPermission: alarmsUnread.missingPermission } : {}), error: alarmsUnread.error, checkedAt: input.usage!.checkedAt });
  }

  if (input.localIgnored === false && input.localPath && setup.values.some((value) => value.source === 'local')) {
    checks.push({ id: 'gitignore', state: 'warning', code: 'local-not-ignored', path: input.localPath });
  }

  const worst = checks.reduce<CheckState>((state, check) => (ORDER.indexOf(check.state) > ORDER.indexOf(state) ? check.state : state), 'ok');
  return { state: worst === 'error' ? 'error' : worst === 'warning' ? 'warning' : 'healthy', checks, profile: profileName, region: setupRegion(setup, discovery) };
}

/**
 * The status-bar view of a usage read: throttles in the last 15 minutes first (read, whatever else
 * was not), then anything that could not be read (never "every quota below 80 %" without the
 * quotas), then a quota past 80 %.
 */
function usageCheck(usage: UsageRead): HealthCheck {
  const { alert, checkedAt } = usage;
  const problems = usage.problems ?? [];
  if (alert && alert.recentThrottles > 0) return { id: 'usage', state: 'warning', code: 'usage-throttled', throttles: alert.recentThrottles, checkedAt };
  if (alert === undefined || usage.failure !== undefined || problems.length > 0) {
    return { id: 'usage', state: 'warning', code: 'usage-unread', problems, ...(usage.failure !== undefined ? { failure: usage.failure } : {}), checkedAt };
  }
  const highest = alert.highestPercent;
  if (highest && highest.percent >= ALERT_PERCENT) return { id: 'usage', state: 'warning', code: 'usage-near-quota', modelId: highest.modelId, measure: highest.measure, percent: highest.percent, checkedAt };
  return { id: 'usage', state: 'ok', code: 'usage-ok', checkedAt };
}

/** The key under which a usage alert belongs to a setup: its profile, Region and models. */
export function usageKey(profile: string, region: string, modelIds: readonly string[]): string {
  return JSON.stringify([profile, region, modelIds]);
}

/** One error per policy violation and per unusable policy file; one ok line when the setup complies. */
function policyChecks(policy: NonNullable<HealthInput['policy']>): HealthCheck[] {
  const checks: HealthCheck[] = [
    ...policy.problems.map((problem): HealthCheck => ({ id: 'policy', state: 'error', code: 'policy-file-broken', problem })),
    ...policy.violations.map((violation): HealthCheck => ({ id: 'policy', state: 'error', code: 'policy-violation', violation })),
  ];
  if (checks.length > 0) return checks;
  return [{ id: 'policy', state: 'ok', code: 'policy-ok', sources: policy.sources, ...(policy.residencyCheckedAt === undefined ? {} : { residencyCheckedAt: policy.residencyCheckedAt }) }];
}
