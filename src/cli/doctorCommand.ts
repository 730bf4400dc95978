/**
 * `claude-bedrock doctor`: does this profile work right now? The profile's own problems from
 * discovery, then a real identity check against STS. More checks join as the extension grows.
 */

import { loadProfiles, type Environment } from '../aws/awsFiles';
import type { CredentialTarget } from '../aws/clients';
import { describeIdentityFailure } from '../core/identityFailure';
import type { Locale } from '../core/locale';
import { kindLabel } from '../core/profileLabels';
import { usesMetadataService } from '../core/profiles';
import { REPORT_SCHEMA_VERSION, problemReport, type ProblemReport } from './report';
import { UsageError, type CommandOutput } from './output';
import { printable } from './table';
import { cliText } from './text';

export interface DoctorOptions {
  readonly profile?: string;
  readonly region?: string;
  readonly timeoutMs: number;
  readonly json: boolean;
  readonly locale: Locale;
  readonly env: Environment;
}

type CheckStatus = 'ok' | 'warning' | 'error';

interface Check {
  readonly id: 'profile' | 'identity';
  readonly status: CheckStatus;
  readonly title: string;
  readonly summary?: string;
  readonly problems?: readonly ProblemReport[];
  readonly identity?: { account: string; arn: string; userId: string; durationMs: number };
  readonly failure?: { reason: string; code?: string; detail?: string; cause: string; fix: string; command?: string };
}

/** The profile named, else AWS_PROFILE, else the environment's keys, else `default`: what the SDK would use. */
function chooseTarget(options: DoctorOptions, hasEnvironmentKeys: boolean): CredentialTarget {
  if (options.profile) return { type: 'profile', profile: options.profile };
  const envProfile = options.env.AWS_PROFILE?.trim();
  if (envProfile) return { type: 'profile', profile: envProfile };
  if (hasEnvironmentKeys) return { type: 'environment' };
  return { type: 'profile', profile: 'default' };
}

export async function doctorCommand(options: DoctorOptions): Promise<CommandOutput> {
  const { locale } = options;
  const discovery = await loadProfiles(options.env);
  const target = chooseTarget(options, discovery.environment.credentials !== undefined);
  const profile = target.type === 'profile' ? discovery.profiles.find((candidate) => candidate.name === target.profile) : undefined;
  const region = options.region ?? profile?.region ?? discovery.environment.region;
  const checks: Check[] = [];

  if (target.type === 'profile' && !profile) {
    const cause = cliText(locale, 'profileMissing', {
      profile: printable(target.profile),
      config: discovery.files.config.path,
      credentials: discovery.files.credentials.path,
    });
    checks.push({
      id: 'profile',
      status: 'error',
      title: cliText(locale, 'checkProfile', { profile: printable(target.profile), kind: '?' }),
      summary: cause,
      failure: { reason: 'profile-missing', cause, fix: cliText(locale, 'profileMissingFix') },
    });
    return render(options, target, region ?? '-', checks);
  }
  if (!region) throw new UsageError(cliText(locale, 'noRegion', { target: targetText(target, locale) }));

  if (profile) {
    const problems = profile.problems.filter((problem) => problem.severity !== 'info').map((problem) => problemReport(problem, locale));
    checks.push({
      id: 'profile',
      status: problems.some((problem) => problem.severity === 'error') ? 'error' : problems.length > 0 ? 'warning' : 'ok',
      title: cliText(locale, 'checkProfile', { profile: printable(profile.name), kind: kindLabel(profile.kind, locale) }),
      problems,
    });
  } else if (discovery.environment.credentials) {
    checks.push({
      id: 'profile',
      status: 'ok',
      title: cliText(locale, 'checkEnvironment', {
        kind: kindLabel(discovery.environment.credentials.kind, locale),
        hint: discovery.environment.credentials.accessKeyIdHint,
      }),
    });
  }

  const metadataProblem = profile && usesMetadataService(profile) ? profile.problems.find((problem) => problem.code === 'metadata-credential-source') : undefined;
  if (metadataProblem) {
    const text = problemReport(metadataProblem, locale);
    checks.push({ id: 'identity', status: 'warning', title: cliText(locale, 'checkIdentity'), problems: [{ ...text, severity: 'warning' }] });
    return render(options, target, region, checks);
  }

  // Loaded only now: listing profiles never pays for the AWS SDK.
  const { checkIdentity } = await import('../aws/identity');
  const result = await checkIdentity({ target, region, timeoutMs: options.timeoutMs });
  if (result.ok) {
    checks.push({
      id: 'identity',
      status: 'ok',
      title: cliText(locale, 'checkIdentity'),
      summary: cliText(locale, 'identityOk', { arn: result.identity.arn, account: result.identity.account, ms: result.durationMs }),
      identity: { ...result.identity, durationMs: result.durationMs },
    });
  } else {
    const description = describeIdentityFailure(result.failure, locale);
    checks.push({
      id: 'identity',
      status: 'error',
      title: cliText(locale, 'checkIdentity'),
      summary: description.cause,
      failure: {
        reason: result.failure.reason,
        code: result.failure.code,
        detail: result.failure.detail,
        cause: description.cause,
        fix: description.fix,
        command: description.command,
      },
    });
  }
  return render(options, target, region, checks);
}

function targetText(target: CredentialTarget, locale: Locale): string {
  return target.type === 'profile' ? cliText(locale, 'profileTarget', { profile: printable(target.profile) }) : cliText(locale, 'environmentTarget');
}

function render(options: DoctorOptions, target: CredentialTarget, region: string, checks: readonly Check[]): CommandOutput {
  const { locale } = options;
  const failed = checks.filter((check) => check.status === 'error').length;
  const exitCode = failed > 0 ? 1 : 0;
  if (options.json) {
    const document = {
      schemaVersion: REPORT_SCHEMA_VERSION,
      healthy: failed === 0,
      target: target.type === 'profile' ? { profile: target.profile } : { environment: true },
      region,
      checks,
    };
    return { stdout: JSON.stringify(document, null, 2), exitCode };
  }
  const lines = [cliText(locale, 'doctorTitle', { target: targetText(target, locale), region: printable(region) }), ''];
  const mark: Record<CheckStatus, string> = { ok: '✔', warning: '⚠', error: '✖' };
  for (const check of checks) {
    lines.push(`${mark[check.status]} ${check.title}${check.summary ? `: ${check.summary}` : ''}`);
    for (const problem of check.problems ?? []) {
      lines.push(`    ${mark[problem.severity === 'error' ? 'error' : 'warning']} ${printable(problem.message)}`);
      lines.push(`      ${cliText(locale, 'fixLabel')}: ${printable(problem.fix)}`);
    }
    if (check.failure) {
      if (check.failure.code || check.failure.detail) {
        lines.push(`    ${[check.failure.code, check.failure.detail].filter(Boolean).map((text) => printable(text!)).join(': ')}`);
      }
      lines.push(`    ${cliText(locale, 'fixLabel')}: ${printable(check.failure.fix)}`);
    }
  }
  const warned = checks.filter((check) => check.status === 'warning').length;
  const summary =
    failed > 0
      ? cliText(locale, 'summaryProblems', { count: failed })
      : warned > 0
        ? cliText(locale, 'summaryWarnings', { count: warned })
        : cliText(locale, 'summaryHealthy');
  lines.push('', summary);
  return { stdout: lines.join('\n'), exitCode };
}
