/**
 * `claude-bedrock alarms plan|apply|list`: the team's CloudWatch alarms from a terminal or CI. The
 * models, profile and Region come from the options or the folder's Claude settings, as for
 * `usage`. `plan` reads and prints; `apply` prints the same plan and applies it after a
 * confirmation (`--yes` without a terminal); `list` shows every alarm claude-bedrock made.
 * Exit codes: 0 done, 1 something could not be read or applied (or was declined), 2 usage error.
 */

import { loadAwsLayer } from '../../aws/loadLayer';
import { ALARM_NAME_PREFIX } from '../../core/alarms/alarmDefinitions';
import { alarmSteps, parsePercent, parseThrottleThreshold, validateAlarmOptions } from '../../core/alarms/alarmPlan';
import { alarmPlanLine, alarmProblemText, alarmResultLines, nothingCreatedText, stateText, topicLines } from '../../core/alarms/alarmText';
import { DEFAULT_ALARM_PERCENT, DEFAULT_THROTTLE_THRESHOLD, DEFAULT_TOPIC_NAME, type AlarmActionChoice, type AlarmApplyResult, type AlarmOptions, type AlarmPlan } from '../../core/alarms/alarmTypes';
import { describeAdminFailure } from '../../core/iam/adminDenial';
import type { Diagnosis } from '../../core/models/bedrockTypes';
import type { Locale } from '../../core/text/locale';
import { confirmApply, notAppliedText, type Confirm } from '../confirm';
import { UsageError, type CommandOutput } from '../output';
import { REPORT_SCHEMA_VERSION } from '../report';
import { printable, renderTable } from '../table';
import { profileMissingText, targetJson, targetText } from '../target';
import { cliText } from '../text';
import { usageTarget, type UsageCommandOptions } from '../usage/usageCommand';
import { resolveUsageTarget } from '../usage/usageTarget';
import { adminCliText as t } from './alarmsText';

export interface AdminCommandOptions extends UsageCommandOptions {
  readonly subcommand?: string;
  readonly percent?: string;
  readonly throttleThreshold?: string;
  readonly email?: string;
  readonly topicArn?: string;
  readonly topicName?: string;
  readonly yes: boolean;
  /** Asks on the terminal; absent without one. */
  readonly confirm?: Confirm;
}

/** The alarm options of the command line, checked before any call (a usage error says what is wrong, and that nothing was created). */
export function alarmOptionsOf(options: AdminCommandOptions): AlarmOptions {
  const { locale } = options;
  const percent = options.percent === undefined ? DEFAULT_ALARM_PERCENT : parsePercent(options.percent);
  if (percent === undefined) throw new UsageError(t(locale, 'badPercent', { value: options.percent }));
  const threshold = options.throttleThreshold === undefined ? DEFAULT_THROTTLE_THRESHOLD : parseThrottleThreshold(options.throttleThreshold);
  if (threshold === undefined) throw new UsageError(t(locale, 'badThrottleThreshold', { value: options.throttleThreshold }));
  if (options.topicArn !== undefined && (options.email !== undefined || options.topicName !== undefined)) throw new UsageError(t(locale, 'bothActions'));
  const action: AlarmActionChoice =
    options.topicArn !== undefined
      ? { kind: 'topic', topicArn: options.topicArn }
      : options.email !== undefined || options.topicName !== undefined
        ? { kind: 'new-topic', topicName: options.topicName ?? DEFAULT_TOPIC_NAME, ...(options.email === undefined ? {} : { email: options.email }) }
        : { kind: 'none' };
  const alarmOptions: AlarmOptions = { percent, throttleThreshold: threshold, action };
  const problems = validateAlarmOptions(alarmOptions, ['(checked later)']);
  if (problems.length > 0) throw new UsageError([...problems.map((problem) => alarmProblemText(problem, locale)), nothingCreatedText(locale)].join('\n'));
  return alarmOptions;
}

function failureJson(diagnosis: Diagnosis, locale: Locale) {
  const text = describeAdminFailure(diagnosis, locale);
  return { code: diagnosis.code, operation: diagnosis.operation, awsCode: diagnosis.awsCode, deniedAction: diagnosis.deniedAction, cause: text.cause, fix: text.fix };
}

function failureLines(diagnosis: Diagnosis, locale: Locale): string[] {
  const text = describeAdminFailure(diagnosis, locale);
  return [`✖ ${printable(text.cause)}`, `  ${cliText(locale, 'fixLabel')}: ${printable(text.fix)}`];
}

function planJson(plan: AlarmPlan) {
  return {
    percent: plan.percent,
    throttleThreshold: plan.throttleThreshold,
    ...(plan.topic === undefined ? {} : { topic: plan.topic }),
    alarms: plan.alarms.map((alarm) => ({
      name: alarm.request.AlarmName,
      kind: alarm.kind,
      modelId: alarm.modelId,
      change: alarm.change,
      ...(alarm.existing === undefined ? {} : { state: alarm.existing.state }),
      ...(alarm.quota === undefined ? {} : { quota: alarm.quota }),
      request: alarm.request,
    })),
  };
}

function planLines(plan: AlarmPlan, locale: Locale): string[] {
  const lines: string[] = [];
  for (const alarm of plan.alarms) {
    lines.push(`  ${printable(alarmPlanLine(alarm, plan, locale))}`);
    const expression = alarm.request.Metrics?.find((query) => query.ReturnData)?.Expression;
    const tokens = alarm.request.Metrics?.find((query) => query.Id === 'tokens')?.Expression;
    if (expression !== undefined && tokens !== undefined) lines.push(`      tokens = ${tokens}; ${expression} ≥ ${alarm.request.Threshold}`);
  }
  lines.push(`  ${t(locale, 'notifications', { text: topicLines(plan, locale).join('; ') })}`);
  return lines;
}

function resultJson(result: AlarmApplyResult<Diagnosis>, locale: Locale) {
  const { failed, ...rest } = result;
  return { ...rest, ...(failed === undefined ? {} : { failed: { step: failed.step.kind === 'put-alarm' ? { kind: 'put-alarm', name: failed.step.alarm.request.AlarmName } : failed.step, ...failureJson(failed.error, locale) } }) };
}

export async function alarmsCommand(options: AdminCommandOptions): Promise<CommandOutput> {
  const { locale } = options;
  const subcommand = options.subcommand;
  if (subcommand !== 'plan' && subcommand !== 'apply' && subcommand !== 'list') throw new UsageError(t(locale, 'badSubcommand', { value: subcommand ?? '' }));
  if (subcommand === 'list') return listCommand(options);
  const alarmOptions = alarmOptionsOf(options);
  const resolved = await usageTarget(options);
  const region = resolved.region;
  const session = { target: resolved.target, region, timeoutMs: options.timeoutMs };
  const layer = await loadAwsLayer();
  const base = { schemaVersion: REPORT_SCHEMA_VERSION, target: targetJson(resolved.target), region, subcommand };
  const title = t(locale, 'alarmsTitle', { target: targetText(resolved.target, locale), region: printable(region) });
  const planned = await layer.planAlarms({ ...session, modelIds: resolved.modelIds, alarmOptions });
  if (!planned.ok) {
    if ('problems' in planned) {
      const problems = planned.problems.map((problem) => ({ ...problem, message: alarmProblemText(problem, locale) }));
      if (options.json) return { stdout: JSON.stringify({ ...base, problems }, null, 2), exitCode: 1 };
      return { stdout: [title, ...problems.map((problem) => `✖ ${printable(problem.message)}`), nothingCreatedText(locale)].join('\n'), exitCode: 1 };
    }
    if (options.json) return { stdout: JSON.stringify({ ...base, error: failureJson(planned.failure, locale) }, null, 2), exitCode: 1 };
    return { stdout: [title, ...failureLines(planned.failure, locale), nothingCreatedText(locale)].join('\n'), exitCode: 1 };
  }
  const plan = planned.plan;
  const lines = [title, ...planLines(plan, locale)];
  const changes = alarmSteps(plan).length > 0;
  if (subcommand === 'plan' || !changes) {
    if (!changes) lines.push('', t(locale, 'nothingToChange'));
    else lines.push('', t(locale, 'planHint'));
    return options.json ? { stdout: JSON.stringify({ ...base, plan: planJson(plan) }, null, 2), exitCode: 0 } : { stdout: lines.join('\n'), exitCode: 0 };
  }
  // The plan is printed before the question, so what is confirmed is what was read.
  if (!options.json && options.confirm !== undefined && !options.yes) process.stdout.write(`${lines.join('\n')}\n`);
  const answer = await confirmApply(options.yes, options.json ? undefined : options.confirm, region, locale);
  if (answer !== 'yes') {
    const reason = notAppliedText(answer, locale);
    const exitCode = answer === 'no-terminal' ? 2 : 1;
    if (options.json) return { stdout: JSON.stringify({ ...base, plan: planJson(plan), notApplied: reason }, null, 2), stderr: reason, exitCode };
    return { stdout: options.confirm !== undefined ? reason : [...lines, '', reason].join('\n'), exitCode };
  }
  const applied = await layer.applyAlarms({ ...session, plan });
  if (!applied.ok) {
    if (options.json) return { stdout: JSON.stringify({ ...base, plan: planJson(plan), error: failureJson(applied.failure, locale) }, null, 2), exitCode: 1 };
    return { stdout: [...(options.confirm !== undefined && !options.yes ? [] : lines), '', ...failureLines(applied.failure, locale), nothingCreatedText(locale)].join('\n'), exitCode: 1 };
  }
  const result = applied.result;
  const exitCode = result.failed === undefined ? 0 : 1;
  if (options.json) return { stdout: JSON.stringify({ ...base, plan: planJson(plan), applied: resultJson(result, locale) }, null, 2), exitCode };
  const outcome = alarmResultLines(result, locale, (diagnosis) => {
    const text = describeAdminFailure(diagnosis, locale);
    return `${text.cause} ${cliText(locale, 'fixLabel')}: ${text.fix}`;
  });
  return { stdout: [...(options.confirm !== undefined && !options.yes ? [] : lines), '', t(locale, 'applied', { region }), ...outcome.map((line) => `  ${printable(line)}`)].join('\n'), exitCode };
}

async function listCommand(options: AdminCommandOptions): Promise<CommandOutput> {
  const { locale } = options;
  // Every alarm of the Region: the models do not matter, the profile and Region do.
  const resolved = await resolveUsageTarget(options);
  if (resolved.target.type === 'profile' && !resolved.profile) throw new UsageError(profileMissingText(resolved.target.profile, resolved.discovery, locale));
  const region = resolved.region;
  if (!region) throw new UsageError(cliText(locale, 'noRegion', { target: targetText(resolved.target, locale) }));
  const layer = await loadAwsLayer();
  const listed = await layer.listAlarms({ target: resolved.target, region, timeoutMs: options.timeoutMs });
  const base = { schemaVersion: REPORT_SCHEMA_VERSION, target: targetJson(resolved.target), region, subcommand: 'list' };
  const title = t(locale, 'listTitle', { target: targetText(resolved.target, locale), region: printable(region) });
  if (!listed.ok) {
    if (options.json) return { stdout: JSON.stringify({ ...base, error: failureJson(listed.failure, locale) }, null, 2), exitCode: 1 };
    return { stdout: [title, ...failureLines(listed.failure, locale)].join('\n'), exitCode: 1 };
  }
  if (options.json) return { stdout: JSON.stringify({ ...base, prefix: ALARM_NAME_PREFIX, alarms: listed.alarms }, null, 2), exitCode: 0 };
  if (listed.alarms.length === 0) return { stdout: [title, t(locale, 'noAlarms', { region })].join('\n'), exitCode: 0 };
  const since = (at: number | undefined) => (at === undefined ? '-' : new Date(at).toISOString().replace('T', ' ').slice(0, 16));
  const rows = listed.alarms.map((alarm) => [printable(alarm.name), stateText(alarm.state, locale), since(alarm.updatedAt)]);
  return { stdout: [title, renderTable([t(locale, 'headerName'), t(locale, 'headerState'), t(locale, 'headerSince')], rows)].join('\n'), exitCode: 0 };
}
