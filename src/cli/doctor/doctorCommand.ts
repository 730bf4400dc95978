/**
 * `claude-bedrock doctor`: does what Claude Code would use here work right now? In a folder that
 * `setup` configured, the folder's effective settings (merged as Claude Code merges them) name
 * the profile, Region and models; explicit options win. Every check is ok (verified now, and
 * how), a problem (cause and fix) or not verified (which call could not be read, and why);
 * anything not verified makes doctor exit 1.
 */

import type { Environment } from '../../aws/profiles/awsFiles';
import type { CredentialTarget } from '../../aws/clients';
import { describeIdentityFailure } from '../../core/profiles/identityFailure';
import type { Locale } from '../../core/text/locale';
import { kindLabel } from '../../core/profiles/profileLabels';
import { usesMetadataService } from '../../core/profiles/profiles';
import { diagnosisReport, REPORT_SCHEMA_VERSION, problemReport, type DiagnosisReport, type ProblemReport } from '../report';
import { renderDiagnoses } from '../models/modelsCommand';
import { routeText } from '../../core/regions/regions';
import { isUnreadCall, type ModelAccessReport } from '../../core/models/modelAccess';
import type { Diagnosis } from '../../core/models/bedrockTypes';
import { allVerified, identityVerification, type Verification } from '../../core/verification/verification';
import { effectiveValue } from '../../core/setup/effectiveSetup';
import { quotasVerdict, usageVerdict } from '../../core/usage/usageVerdict';
import { probeCostCeiling } from '../../core/models/probeCost';
import { UsageError, type CommandOutput } from '../output';
import { printable } from '../table';
import { profileMissingText, targetJson, targetText } from '../target';
import { cliText } from '../text';
import { loadAwsLayer } from '../../aws/loadLayer';
import { alertText, problemText, recommendationText } from '../../core/usage/usageText';
import { fetchReport, quotaLines, rangeText, reportJson } from '../usage/usageCommand';
import { usageCliText } from '../usage/usageText';
import { claudeCodeChecks } from '../claudeCode/installCheck';
import { resolveUsageTarget, type UsageTarget } from '../usage/usageTarget';
import { sessionSection, type SessionReport } from '../claudeCode/sessionSection';
import { readSettingsFiles } from '../../files/claudeSettingsFiles';
import { loadPolicy } from '../../files/policyFiles';

export interface DoctorOptions {
  readonly profile?: string;
  readonly region?: string;
  /** Model IDs whose access to check, as they would be written. */
  readonly models?: readonly string[];
  /** Also send each model a one-token request. */
  readonly probe?: boolean;
  /** The folder whose effective Claude settings name the profile, Region and models (default: cwd). */
  readonly folder?: string;
  readonly cwd?: string;
  readonly timeoutMs: number;
  readonly json: boolean;
  readonly locale: Locale;
  readonly env: Environment;
  /** How many days of Claude Code's own sessions to read for API errors (0: none; default 7). */
  readonly sessionDays?: number;
}


export type CheckId = 'settings' | 'claude-code' | 'profile' | 'identity' | 'model' | 'quotas' | 'usage' | 'sessions';

export interface Check {
  readonly id: CheckId;
  /** ok: verified now; problem: verified, with cause and fix; not-verified: could not be read. */
  readonly state: Verification;
  /** For a problem: `error` fails doctor, `warning` does not. */
  readonly severity?: 'error' | 'warning';
  readonly title: string;
  readonly summary?: string;
  readonly problems?: readonly ProblemReport[];
  readonly identity?: { account: string; arn: string; userId: string; durationMs: number };
  readonly failure?: { reason: string; code?: string; detail?: string; cause: string; fix: string; command?: string };
  readonly model?: string;
  readonly access?: Omit<ModelAccessReport, 'diagnoses' | 'modelId'>;
  readonly diagnoses?: readonly DiagnosisReport[];
  /** Where the folder's settings came from (settings check). */
  readonly settings?: { readonly folder: string; readonly files: UsageTarget['files']; readonly values: readonly { key: string; value: string; path: string }[] };
  /** The calls that could not be read, for a not-verified check. */
  readonly unread?: readonly string[];
  /** A line printed under the check in text output. */
  readonly hint?: string;
  /** Lines printed under the check in text output. */
  readonly details?: readonly string[];
  /** The quota and usage report (quotas and usage checks). */
  readonly report?: ReturnType<typeof reportJson>;
  /** What a Claude Code check was judged from: the install or setting, and the versions. */
  readonly claudeCode?: Readonly<Record<string, unknown>>;
  /** What Claude Code's own sessions recorded (sessions check). */
  readonly sessions?: SessionReport;
}

const problem = (severity: 'error' | 'warning') => ({ state: 'problem' as const, severity });

/** The settings keys doctor follows, as Claude Code reads them. */
const FOLLOWED_KEYS = ['env.AWS_PROFILE', 'env.AWS_REGION', 'env.ANTHROPIC_MODEL', 'env.ANTHROPIC_DEFAULT_HAIKU_MODEL', 'env.ANTHROPIC_DEFAULT_SONNET_MODEL', 'env.ANTHROPIC_DEFAULT_OPUS_MODEL', 'awsAuthRefresh'];

/** The folder's effective setup, when it configures Bedrock: which folder, which files, which values doctor follows. */
function settingsCheck(resolved: UsageTarget, options: DoctorOptions): Check | undefined {
  const { locale } = options;
  const { setup } = resolved;
  if (!setup.bedrock && setup.broken.length === 0) return undefined;
  const values = FOLLOWED_KEYS.map((key) => effectiveValue(setup, key)).filter((value) => value !== undefined).map((value) => ({ key: value.key, value: value.value, path: value.path }));
  const overridden = (key: string, option: string | undefined) => option !== undefined && effectiveValue(setup, key) !== undefined;
  const details = [
    ...resolved.files.map((file) => cliText(locale, 'settingsFile', { source: file.source, path: printable(file.path) })),
    ...values.map((value) => cliText(locale, 'settingsValue', { key: value.key, value: printable(value.value), path: printable(value.path) })),
    ...(overridden('env.AWS_PROFILE', options.profile) || overridden('env.AWS_REGION', options.region) || (options.models?.length ?? 0) > 0 ? [cliText(locale, 'settingsOverridden')] : []),
  ];
  const broken = setup.broken.map((file) => printable(file.path));
  const title = cliText(locale, 'checkSettings', { folder: printable(resolved.folder) });
  if (broken.length > 0) {
    return {
      id: 'settings',
      ...problem('error'),
      title,
      summary: cliText(locale, 'settingsBroken', { files: broken.join(', ') }),
      failure: { reason: 'settings-broken', cause: cliText(locale, 'settingsBroken', { files: broken.join(', ') }), fix: cliText(locale, 'settingsBrokenFix') },
      settings: { folder: resolved.folder, files: resolved.files, values },
      details,
    };
  }
  return { id: 'settings', state: 'ok', title, summary: cliText(locale, 'settingsRead', { count: resolved.files.length }), settings: { folder: resolved.folder, files: resolved.files, values }, details };
}

export async function doctorCommand(options: DoctorOptions): Promise<CommandOutput> {
  const { locale } = options;
  // One deadline for the whole command: the identity check, then the model, quota and usage checks
  // side by side, each with what is left of it, so doctor ends within --timeout whatever hangs.
  const deadline = Date.now() + options.timeoutMs;
  const remaining = (): number => Math.max(1, deadline - Date.now());
  // What Claude Code would use in the folder: its effective AWS_PROFILE, AWS_REGION and models, unless an option names them.
  const resolved = await resolveUsageTarget({ profile: options.profile, region: options.region, models: options.models, folder: options.folder, cwd: options.cwd ?? process.cwd(), env: options.env });
  const { target, profile, region, discovery } = resolved;
  const checks: Check[] = [];
  const settings = settingsCheck(resolved, options);
  if (settings) checks.push(settings);
  // Which Claude Code reads these settings here, and what it would ignore.
  checks.push(...(await claudeCodeChecks({ env: options.env, locale, timeoutMs: options.timeoutMs, setup: resolved.setup, ...(region ? { region } : {}) })).checks);

  if (target.type === 'profile' && !profile) {
    const cause = profileMissingText(target.profile, discovery, locale);
    checks.push({
      id: 'profile',
      ...problem('error'),
      title: cliText(locale, 'checkProfile', { profile: printable(target.profile), kind: '?' }),
      summary: cause,
      failure: { reason: 'profile-missing', cause, fix: cliText(locale, 'profileMissingFix') },
    });
    return finish(options, resolved, region, checks, () => render(options, target, region ?? '-', checks));
  }
  if (!region) throw new UsageError(cliText(locale, 'noRegion', { target: targetText(target, locale) }));

  if (profile) {
    const problems = profile.problems.filter((entry) => entry.severity !== 'info').map((entry) => problemReport(entry, locale));
    const severity = problems.some((entry) => entry.severity === 'error') ? 'error' : problems.length > 0 ? 'warning' : undefined;
    checks.push({
      id: 'profile',
      ...(severity ? problem(severity) : { state: 'ok' as const }),
      title: cliText(locale, 'checkProfile', { profile: printable(profile.name), kind: kindLabel(profile.kind, locale) }),
      summary: severity || profile.sources.length === 0 ? undefined : cliText(locale, 'profileRead', { file: profile.sources.map((source) => printable(`${source.file}:${source.line}`)).join(', ') }),
      problems,
    });
    const refresh = effectiveValue(resolved.setup, 'awsAuthRefresh');
    if (resolved.setup.bedrock && (profile.kind === 'sso' || profile.kind === 'sso-legacy') && !refresh) {
      checks.push({
        id: 'profile',
        ...problem('warning'),
        title: cliText(locale, 'checkRefresh'),
        summary: cliText(locale, 'refreshMissing', { profile: printable(profile.name) }),
        failure: { reason: 'auth-refresh-missing', cause: cliText(locale, 'refreshMissing', { profile: printable(profile.name) }), fix: cliText(locale, 'refreshMissingFix') },
      });
    } else if (refresh) {
      checks.push({ id: 'profile', state: 'ok', title: cliText(locale, 'checkRefresh'), summary: cliText(locale, 'refreshSet', { command: printable(refresh.value), path: printable(refresh.path) }) });
    }
  } else if (discovery.environment.credentials) {
    checks.push({
      id: 'profile',
      state: 'ok',
      title: cliText(locale, 'checkEnvironment', {
        kind: kindLabel(discovery.environment.credentials.kind, locale),
        hint: discovery.environment.credentials.accessKeyIdHint,
      }),
    });
  }

  const metadataProblem = profile && usesMetadataService(profile) ? profile.problems.find((entry) => entry.code === 'metadata-credential-source') : undefined;
  if (metadataProblem) {
    const text = problemReport(metadataProblem, locale);
    checks.push({ id: 'identity', state: 'not-verified', title: cliText(locale, 'checkIdentity'), summary: cliText(locale, 'identityNotRun'), problems: [{ ...text, severity: 'warning' }], unread: ['GetCallerIdentity'] });
    return finish(options, resolved, region, checks, () => render(options, target, region, checks));
  }

  // Loaded only now: listing profiles never pays for the AWS SDK.
  const { checkIdentity } = await loadAwsLayer();
  const result = await checkIdentity({ target, region, timeoutMs: remaining() });
  if (result.ok) {
    checks.push({
      id: 'identity',
      state: 'ok',
      title: cliText(locale, 'checkIdentity'),
      summary: cliText(locale, 'identityOk', { arn: result.identity.arn, account: result.identity.account, ms: result.durationMs }),
      identity: { ...result.identity, durationMs: result.durationMs },
    });
    const left = { ...options, timeoutMs: remaining() };
    const [models, usage] = await Promise.all([modelChecks(left, resolved, region), usageChecks(left, resolved, region)]);
    checks.push(...models, ...usage);
  } else {
    const description = describeIdentityFailure(result.failure, locale);
    const state = identityVerification(result.failure);
    checks.push({
      id: 'identity',
      ...(state === 'problem' ? problem('error') : { state }),
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
      ...(state === 'not-verified' ? { unread: [result.failure.phase === 'credentials' ? 'ResolveCredentials' : 'GetCallerIdentity'] } : {}),
    });
    if (resolved.modelIds.length > 0) {
      checks.push({
        id: 'model',
        state: 'not-verified',
        title: cliText(locale, 'checkModel', { model: resolved.modelIds.map(printable).join(', ') }),
        summary: cliText(locale, state === 'not-verified' ? 'modelsSkippedUnread' : 'modelsSkipped'),
      });
    }
  }
  return finish(options, resolved, region, checks, () => render(options, target, region, checks));
}

/**
 * The last section, whatever the checks before it found: what Claude Code's own sessions of the last
 * days recorded (an expired sign-in at 3 pm is worth knowing most when the identity check fails now).
 */
async function finish(options: DoctorOptions, resolved: UsageTarget, region: string | undefined, checks: Check[], rendered: () => CommandOutput): Promise<CommandOutput> {
  const days = options.sessionDays ?? 7;
  if (days > 0) {
    const policy = await loadPolicy(resolved.folder, await readSettingsFiles(resolved.folder, options.env), options.env);
    const profile = resolved.profile?.name ?? (resolved.target.type === 'profile' ? resolved.target.profile : undefined);
    checks.push(await sessionSection({ folder: resolved.folder, days, env: options.env, locale: options.locale, region, profile, policy }));
  }
  return rendered();
}

/** The operations whose answers a model check could not read, in check order. */
function unreadCalls(report: ModelAccessReport, unreadDiagnoses: readonly Diagnosis[]): string[] {
  const calls = unreadDiagnoses.map((diagnosis) => diagnosis.operation ?? 'ResolveCredentials');
  if (report.facts.inferenceProfile === 'unread') calls.push('GetInferenceProfile');
  if (report.facts.availability === 'unread') calls.push('GetFoundationModelAvailability');
  if (report.facts.probe === 'failed') calls.push('Converse');
  const order = ['GetInferenceProfile', 'GetFoundationModelAvailability', 'Converse'];
  return [...new Set(calls)].sort((a, b) => (order.indexOf(a) + 1 || 9) - (order.indexOf(b) + 1 || 9) || (a < b ? -1 : 1));
}

/** One check per model (the --model list, else the folder's): availability, the inference profile and, with --probe, a one-token call. */
async function modelChecks(options: DoctorOptions, resolved: UsageTarget, region: string): Promise<Check[]> {
  const { locale } = options;
  const models = resolved.modelIds;
  if (models.length === 0) return [];
  const { validateModelAccess } = await loadAwsLayer();
  const result = await validateModelAccess({ target: resolved.target, region, models, probe: options.probe ?? false, timeoutMs: options.timeoutMs });
  if (result.credentials) {
    const diagnosis = diagnosisReport(result.credentials, locale);
    const unread = ['timeout', 'unreachable', 'cancelled', 'unknown', 'throttled'].includes(result.credentials.identity?.reason ?? result.credentials.code);
    return [{ id: 'model', ...(unread ? { state: 'not-verified' as const } : problem('error')), title: cliText(locale, 'checkModel', { model: models.map(printable).join(', ') }), summary: diagnosis.cause, diagnoses: [diagnosis] }];
  }
  return result.reports.map((report): Check => {
    const { diagnoses, modelId, ...access } = report;
    const unreadDiagnoses = diagnoses.filter(isUnreadCall);
    const unread = report.verification === 'not-verified' ? unreadCalls(report, unreadDiagnoses) : undefined;
    const summary =
      report.verification === 'ok'
        ? report.verifiedBy === 'probe' && report.probe
          ? cliText(locale, 'modelAccessible', { ms: report.probe.latencyMs, input: report.probe.inputTokens, output: report.probe.outputTokens })
          : cliText(locale, report.facts.inferenceProfile === 'read' ? 'modelReadNotProbed' : 'modelReadInRegionNotProbed')
        : report.verification === 'not-verified'
          ? cliText(locale, 'modelNotVerified', { calls: (unread ?? []).join(', ') })
          : report.blocking
            ? cliText(locale, 'modelNotAccessible')
            : cliText(locale, 'modelWarning');
    const routes = report.anyRegion || report.destinations.length > 0 ? cliText(locale, 'modelRoutes', { routes: routeText(report, locale) }) : undefined;
    return {
      id: 'model',
      ...(report.verification === 'problem' ? problem(report.blocking ? 'error' : 'warning') : { state: report.verification }),
      title: cliText(locale, 'checkModel', { model: printable(modelId) }),
      summary: [summary, routes].filter(Boolean).join('; '),
      model: modelId,
      access,
      diagnoses: diagnoses.map((diagnosis) => diagnosisReport(diagnosis, locale)),
      ...(unread ? { unread } : {}),
      hint: report.verification === 'ok' && report.verifiedBy === 'control-plane' ? cliText(locale, 'probeHint', { cost: probeCostCeiling([modelId]) }) : undefined,
    };
  });
}

/** The quota and usage checks, for the --model list or the models the folder's settings name; one refresh serves both. */
async function usageChecks(options: DoctorOptions, resolved: UsageTarget, region: string): Promise<Check[]> {
  const { locale } = options;
  if (resolved.modelIds.length === 0) return [];
  const outcome = await fetchReport(resolved.target, region, resolved, '1h', { ...options, json: false, cwd: options.cwd ?? process.cwd() }, false);
  const modelsText = resolved.modelIds.map(printable).join(', ');
  if (!outcome.ok) {
    const failure = { reason: 'credentials', cause: outcome.cause, fix: outcome.fix };
    return [
      { id: 'quotas', state: 'not-verified', title: usageCliText(locale, 'checkQuotas', { models: modelsText }), summary: outcome.cause, failure, unread: ['ResolveCredentials'] },
      { id: 'usage', state: 'not-verified', title: usageCliText(locale, 'checkUsage', { range: rangeText('1h', locale) }), summary: outcome.cause, unread: ['ResolveCredentials'] },
    ];
  }
  const report = outcome.report;
  const json = reportJson(report, locale);
  const quotaVerdict = quotasVerdict(report);
  const quotaProblems = quotaVerdict.unread.map((entry) => printable(problemText(entry, locale)));
  const quotas: Check = {
    id: 'quotas',
    state: quotaVerdict.state,
    title: usageCliText(locale, 'checkQuotas', { models: modelsText }),
    summary:
      quotaVerdict.code === 'quotas-unread'
        ? usageCliText(locale, 'quotasUnread')
        : quotaVerdict.code === 'quotas-partial'
          ? usageCliText(locale, 'quotasPartial', { count: quotaVerdict.count })
          : usageCliText(locale, 'quotasFound', { count: quotaVerdict.count }),
    details: [...(report.quotas ?? []).flatMap((model) => [printable(model.modelId), ...quotaLines(model, region, locale)]), ...quotaProblems],
    ...(quotaVerdict.unread.length > 0 ? { unread: quotaVerdict.unread.map((entry) => entry.error.operation) } : {}),
    report: json,
  };
  const verdict = usageVerdict(report);
  const usageProblems = verdict.unread.map((entry) => printable(problemText(entry, locale)));
  const alert = report.alert?.state === 'warning' ? alertText(report.alert, locale) : undefined;
  const summary =
    verdict.code === 'usage-unread'
      ? usageCliText(locale, 'usageUnread')
      : verdict.code === 'usage-alert'
        ? alert
        : verdict.code === 'usage-ok'
          ? usageCliText(locale, 'usageOk')
          : verdict.code === 'usage-ok-no-quotas'
            ? usageCliText(locale, 'usageOkNoQuotas')
            : usageCliText(locale, 'usageOkUnmatched', { models: (verdict.unmatched ?? []).map(printable).join(', ') });
  const usage: Check = {
    id: 'usage',
    ...(verdict.state === 'problem' ? problem('warning') : { state: verdict.state }),
    title: usageCliText(locale, 'checkUsage', { range: rangeText('1h', locale) }),
    summary,
    ...(verdict.unread.length > 0 ? { unread: verdict.unread.map((entry) => entry.error.operation) } : {}),
    details: [
      ...usageProblems,
      ...report.recommendations.flatMap((recommendation) => {
        const text = recommendationText(recommendation, locale);
        return [`→ ${printable(text.title)}`, `  ${printable(text.detail)}`];
      }),
    ],
  };
  return [quotas, usage];
}

function render(options: DoctorOptions, target: CredentialTarget, region: string, checks: readonly Check[]): CommandOutput {
  const { locale } = options;
  const blocking = (check: Check) => check.state === 'problem' && check.severity === 'error';
  const failed = checks.filter(blocking).length;
  const unverified = checks.filter((check) => check.state === 'not-verified');
  const healthy = allVerified(checks.map((check) => ({ state: check.state, blocking: check.severity === 'error' })));
  const exitCode = healthy ? 0 : 1;
  if (options.json) {
    const document = {
      schemaVersion: REPORT_SCHEMA_VERSION,
      healthy,
      target: targetJson(target),
      region,
      notVerified: unverified.map((check) => check.title),
      checks,
    };
    return { stdout: JSON.stringify(document, null, 2), exitCode };
  }
  const lines = [cliText(locale, 'doctorTitle', { target: targetText(target, locale), region: printable(region) }), ''];
  if (options.probe && options.models?.length) lines.splice(1, 0, cliText(locale, 'probeCost', { cost: probeCostCeiling(options.models) }));
  const mark = (check: Check) => (check.state === 'ok' ? '✔' : check.state === 'not-verified' ? '?' : check.severity === 'error' ? '✖' : '⚠');
  for (const check of checks) {
    const state = check.state === 'not-verified' ? ` [${cliText(locale, 'notVerifiedLabel')}]` : '';
    lines.push(`${mark(check)} ${check.title}${state}${check.summary ? `: ${check.summary}` : ''}`);
    for (const entry of check.problems ?? []) {
      lines.push(`    ${entry.severity === 'error' ? '✖' : '⚠'} ${printable(entry.message)}`);
      lines.push(`      ${cliText(locale, 'fixLabel')}: ${printable(entry.fix)}`);
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
  const warned = checks.filter((check) => check.state === 'problem' && check.severity === 'warning').length;
  const summary: string[] = [];
  if (failed > 0) summary.push(cliText(locale, 'summaryProblems', { count: failed }));
  if (unverified.length > 0) summary.push(cliText(locale, 'summaryNotVerified', { count: unverified.length, checks: unverified.map((check) => check.title).join('; ') }));
  if (summary.length === 0) summary.push(warned > 0 ? cliText(locale, 'summaryWarnings', { count: warned }) : cliText(locale, 'summaryHealthy'));
  lines.push('', ...summary);
  return { stdout: lines.join('\n'), exitCode };
}
