/**
 * `claude-bedrock doctor`: does this profile work right now? The profile's own problems from
 * discovery, then a real identity check against STS. More checks join as the extension grows.
 */

import { loadProfiles, type Environment } from '../../aws/profiles/awsFiles';
import type { CredentialTarget } from '../../aws/clients';
import { describeIdentityFailure } from '../../core/profiles/identityFailure';
import type { Locale } from '../../core/text/locale';
import { kindLabel } from '../../core/profiles/profileLabels';
import { usesMetadataService, type ProfileDiscovery } from '../../core/profiles/profiles';
import { diagnosisReport, REPORT_SCHEMA_VERSION, problemReport, type DiagnosisReport, type ProblemReport } from '../report';
import { renderDiagnoses } from '../models/modelsCommand';
import { routeText } from '../../core/regions/regions';
import type { ModelAccessReport } from '../../core/models/modelAccess';
import { probeCostCeiling } from '../../core/models/probeCost';
import { UsageError, type CommandOutput } from '../output';
import { printable } from '../table';
import { profileMissingText, resolveTarget, targetJson, targetText } from '../target';
import { cliText } from '../text';
import { loadAwsLayer } from '../../aws/loadLayer';
import { alertText, problemText, recommendationText } from '../../core/usage/usageText';
import { fetchReport, quotaLines, rangeText, reportJson } from '../usage/usageCommand';
import { usageCliText } from '../usage/usageText';
import { resolveUsageTarget } from '../usage/usageTarget';

export interface DoctorOptions {
  readonly profile?: string;
  readonly region?: string;
  /** Model IDs whose access to check, as they would be written. */
  readonly models?: readonly string[];
  /** Also send each model a one-token request. */
  readonly probe?: boolean;
  /** The folder whose Claude settings name the models for the quota and usage checks (without --model). */
  readonly folder?: string;
  readonly cwd?: string;
  readonly timeoutMs: number;
  readonly json: boolean;
  readonly locale: Locale;
  readonly env: Environment;
}

type CheckStatus = 'ok' | 'warning' | 'error';

interface Check {
  readonly id: 'profile' | 'identity' | 'model' | 'quotas' | 'usage';
  readonly status: CheckStatus;
  readonly title: string;
  readonly summary?: string;
  readonly problems?: readonly ProblemReport[];
  readonly identity?: { account: string; arn: string; userId: string; durationMs: number };
  readonly failure?: { reason: string; code?: string; detail?: string; cause: string; fix: string; command?: string };
  readonly model?: string;
  readonly access?: Omit<ModelAccessReport, 'diagnoses' | 'modelId'>;
  readonly diagnoses?: readonly DiagnosisReport[];
  /** A line printed under the check in text output. */
  readonly hint?: string;
  /** Lines printed under the check in text output. */
  readonly details?: readonly string[];
  /** The quota and usage report (quotas and usage checks). */
  readonly report?: ReturnType<typeof reportJson>;
}

export async function doctorCommand(options: DoctorOptions): Promise<CommandOutput> {
  const { locale } = options;
  const discovery = await loadProfiles(options.env);
  const { target, profile, region } = resolveTarget(options, discovery);
  const checks: Check[] = [];

  if (target.type === 'profile' && !profile) {
    const cause = profileMissingText(target.profile, discovery, locale);
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
  const { checkIdentity } = await loadAwsLayer();
  const result = await checkIdentity({ target, region, timeoutMs: options.timeoutMs });
  if (result.ok) {
    checks.push({
      id: 'identity',
      status: 'ok',
      title: cliText(locale, 'checkIdentity'),
      summary: cliText(locale, 'identityOk', { arn: result.identity.arn, account: result.identity.account, ms: result.durationMs }),
      identity: { ...result.identity, durationMs: result.durationMs },
    });
    checks.push(...(await modelChecks(options, target, region)));
    checks.push(...(await usageChecks(options, target, region, discovery)));
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
    if (options.models?.length) {
      checks.push({ id: 'model', status: 'warning', title: cliText(locale, 'checkModel', { model: options.models.map(printable).join(', ') }), summary: cliText(locale, 'modelsSkipped') });
    }
  }
  return render(options, target, region, checks);
}

/** One check per --model: availability, the inference profile and, with --probe, a one-token call. */
async function modelChecks(options: DoctorOptions, target: CredentialTarget, region: string): Promise<Check[]> {
  const { locale } = options;
  const models = options.models ?? [];
  if (models.length === 0) return [];
  const { validateModelAccess } = await loadAwsLayer();
  const result = await validateModelAccess({ target, region, models, probe: options.probe ?? false, timeoutMs: options.timeoutMs });
  if (result.credentials) {
    const diagnosis = diagnosisReport(result.credentials, locale);
    return [{ id: 'model', status: 'error', title: cliText(locale, 'checkModel', { model: models.map(printable).join(', ') }), summary: diagnosis.cause, diagnoses: [diagnosis] }];
  }
  return result.reports.map((report): Check => {
    const { diagnoses, modelId, ...access } = report;
    const status: CheckStatus = report.state === 'accessible' ? (diagnoses.length > 0 ? 'warning' : 'ok') : report.state === 'unverified' ? 'warning' : 'error';
    const summary =
      report.state === 'accessible' && report.probe
        ? cliText(locale, 'modelAccessible', { ms: report.probe.latencyMs, input: report.probe.inputTokens, output: report.probe.outputTokens })
        : report.state === 'unverified'
          ? cliText(locale, report.probed ? 'modelUnproven' : 'modelUnverified')
          : cliText(locale, 'modelNotAccessible');
    const routes = report.anyRegion || report.destinations.length > 0 ? cliText(locale, 'modelRoutes', { routes: routeText(report, locale) }) : undefined;
    return {
      id: 'model',
      status,
      title: cliText(locale, 'checkModel', { model: printable(modelId) }),
      summary: [summary, routes].filter(Boolean).join('; '),
      model: modelId,
      access,
      diagnoses: diagnoses.map((diagnosis) => diagnosisReport(diagnosis, locale)),
      hint: report.state === 'unverified' && !report.probed ? cliText(locale, 'probeHint', { cost: probeCostCeiling([modelId]) }) : undefined,
    };
  });
}

/** The quota and usage checks, for the --model list or the models the folder's settings name; one refresh serves both. */
async function usageChecks(options: DoctorOptions, target: CredentialTarget, region: string, discovery: ProfileDiscovery): Promise<Check[]> {
  const { locale } = options;
  const resolved = await resolveUsageTarget({ models: options.models, folder: options.folder, cwd: options.cwd ?? process.cwd(), env: options.env, discovery });
  if (resolved.modelIds.length === 0) return [];
  const outcome = await fetchReport(target, region, resolved, '1h', { ...options, json: false, cwd: options.cwd ?? process.cwd() }, false);
  const modelsText = resolved.modelIds.map(printable).join(', ');
  if (!outcome.ok) {
    return [{ id: 'quotas', status: 'error', title: usageCliText(locale, 'checkQuotas', { models: modelsText }), summary: outcome.cause, failure: { reason: 'credentials', cause: outcome.cause, fix: outcome.fix } }];
  }
  const report = outcome.report;
  const json = reportJson(report, locale);
  const problemsOf = (service: 'servicequotas' | 'cloudwatch') => report.problems.filter((problem) => problem.service === service).map((problem) => printable(problemText(problem, locale)));
  const quotaProblems = problemsOf('servicequotas');
  const quotaCount = (report.quotas ?? []).reduce((sum, model) => sum + model.quotas.length, 0);
  const quotas: Check = {
    id: 'quotas',
    status: report.quotas === undefined || quotaProblems.length > 0 ? 'warning' : 'ok',
    title: usageCliText(locale, 'checkQuotas', { models: modelsText }),
    summary: report.quotas === undefined ? quotaProblems[0] : usageCliText(locale, 'quotasFound', { count: quotaCount }),
    details: [...(report.quotas ?? []).flatMap((model) => [printable(model.modelId), ...quotaLines(model, region, locale)]), ...quotaProblems],
    report: json,
  };
  const usageProblems = problemsOf('cloudwatch');
  const alert = report.alert?.state === 'warning' ? alertText(report.alert, locale) : undefined;
  const usage: Check = {
    id: 'usage',
    status: report.series === undefined || alert !== undefined ? 'warning' : 'ok',
    title: usageCliText(locale, 'checkUsage', { range: rangeText('1h', locale) }),
    summary: report.series === undefined ? usageProblems[0] : (alert ?? usageCliText(locale, 'usageOk')),
    details: report.recommendations.flatMap((recommendation) => {
      const text = recommendationText(recommendation, locale);
      return [`→ ${printable(text.title)}`, `  ${printable(text.detail)}`];
    }),
  };
  return [quotas, usage];
}

function render(options: DoctorOptions, target: CredentialTarget, region: string, checks: readonly Check[]): CommandOutput {
  const { locale } = options;
  const failed = checks.filter((check) => check.status === 'error').length;
  const exitCode = failed > 0 ? 1 : 0;
  if (options.json) {
    const document = {
      schemaVersion: REPORT_SCHEMA_VERSION,
      healthy: failed === 0,
      target: targetJson(target),
      region,
      checks,
    };
    return { stdout: JSON.stringify(document, null, 2), exitCode };
  }
  const lines = [cliText(locale, 'doctorTitle', { target: targetText(target, locale), region: printable(region) }), ''];
  if (options.probe && options.models?.length) lines.splice(1, 0, cliText(locale, 'probeCost', { cost: probeCostCeiling(options.models) }));
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
    lines.push(...renderDiagnoses(check.diagnoses ?? [], locale, '    '));
    if (check.hint) lines.push(`    ${check.hint}`);
    for (const detail of check.details ?? []) lines.push(`    ${detail}`);
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
