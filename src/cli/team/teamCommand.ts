/**
 * `claude-bedrock team [--range 1h|24h|7d|30d]`: per-developer usage from the Bedrock invocation
 * logs (one Logs Insights query of metadata fields), and `claude-bedrock logging plan|apply`: what
 * turning invocation logging on to CloudWatch Logs sets, applied only with a confirmation (`--yes`
 * without a terminal). Exit 1 when something could not be verified.
 */

import { loadAwsLayer } from '../../aws/loadLayer';
import { answerLostText } from '../../core/team/adminProblem';
import { DEFAULT_LOG_GROUP, DEFAULT_LOGGING_ROLE, planInvocationLogging } from '../../core/team/loggingPlan';
import { developerCells, loggingLines, loggingPlanLines, teamColumns, teamRangeText, teamText, teamTotalsText } from '../../core/team/teamText';
import { TEAM_RANGES, type TeamRange, type TeamReport } from '../../core/team/teamTypes';
import { formatCount } from '../../core/usage/usageText';
import type { Locale } from '../../core/text/locale';
import { UsageError, type CommandOutput } from '../output';
import { REPORT_SCHEMA_VERSION } from '../report';
import { printable, renderTable } from '../table';
import { targetJson } from '../target';
import { adminTarget, confirmWrite, credentialsFailure, problemLines, problemsJson, stringValue, type AdminOptions } from './adminOptions';

const RANGE_WORDS = {
  en: '--range must be 1h, 24h, 7d or 30d, not "{value}".',
  ja: '--range には 1h、24h、7d、30d のいずれかを指定してください ("{value}" は使えません)。',
} as const;

function teamRange(value: string | undefined, locale: Locale): TeamRange {
  if (value === undefined) return '24h';
  if (Object.prototype.hasOwnProperty.call(TEAM_RANGES, value)) return value as TeamRange;
  throw new UsageError(RANGE_WORDS[locale].replace('{value}', value));
}

/** The developers as a table, the caller's own row marked. */
function developerTable(report: TeamReport, locale: Locale): string[] {
  const columns = teamColumns(locale);
  const rows = (report.developers ?? []).map((developer) => [
    `${developer.self ? '▶ ' : '  '}${printable(developer.name)}${developer.self ? ` ${teamText(locale, 'you')}` : ''}`,
    ...developerCells(developer, locale),
  ]);
  return renderTable([columns.developer, columns.requests, columns.input, columns.output, columns.cacheRead, columns.cacheWrite, columns.cost, columns.share], rows).split('\n');
}

function reportLines(report: TeamReport, locale: Locale): string[] {
  const logGroup = DEFAULT_LOG_GROUP;
  const role = DEFAULT_LOGGING_ROLE;
  const lines = [teamText(locale, 'title', { region: report.region, range: teamRangeText(report.range, locale) }), teamText(locale, 'privacy'), '', ...loggingLines(report, locale, logGroup, role)];
  if (report.developers) {
    lines.push('');
    if (report.developers.length === 0) lines.push(teamText(locale, 'noDevelopers'));
    else lines.push(...developerTable(report, locale));
    const totals = teamTotalsText(report, locale);
    if (totals && report.developers.length > 0) lines.push('', totals);
    if (report.activeDays && report.activeDays.length > 0) lines.push(teamText(locale, 'activeDays', { days: report.activeDays.map((day) => `${day.day.slice(5)} ${day.developers}`).join(', ') }));
    if (report.statistics) lines.push(teamText(locale, 'statistics', { matched: formatCount(report.statistics.recordsMatched, locale), scanned: formatCount(report.statistics.recordsScanned, locale) }));
    if (report.truncated) lines.push(`⚠ ${teamText(locale, 'truncated', { limit: formatCount(report.query?.limit ?? 0, locale) })}`);
  }
  return [...lines, ...problemLines(report.problems, locale)];
}

export async function teamCommand(options: AdminOptions): Promise<CommandOutput> {
  const { locale } = options;
  const range = teamRange(options.range, locale);
  const target = await adminTarget(options);
  const { fetchTeamReport } = await loadAwsLayer();
  const result = await fetchTeamReport({ target: target.target, region: target.region, range, timeoutMs: options.timeoutMs });
  if (!result.ok) return credentialsFailure(result.credentials, options, target);
  const report = result.report;
  const exitCode = report.problems.length > 0 ? 1 : 0;
  if (options.json) {
    return { stdout: JSON.stringify({ schemaVersion: REPORT_SCHEMA_VERSION, target: targetJson(target.target), ...report, problems: problemsJson(report.problems, locale) }, null, 2), exitCode };
  }
  return { stdout: reportLines(report, locale).join('\n'), exitCode };
}

const LOGGING_WORDS = {
  en: { subcommand: 'logging needs plan or apply: claude-bedrock logging plan|apply [--log-group NAME] [--role-arn ARN] [--yes].' },
  ja: { subcommand: 'logging には plan か apply を指定してください: claude-bedrock logging plan|apply [--log-group 名前] [--role-arn ARN] [--yes]。' },
} as const;

export async function loggingCommand(options: AdminOptions): Promise<CommandOutput> {
  const { locale } = options;
  if (options.subcommand !== 'plan' && options.subcommand !== 'apply') throw new UsageError(LOGGING_WORDS[locale].subcommand);
  const target = await adminTarget(options);
  const layer = await loadAwsLayer();
  const setup = await layer.readLoggingSetup({ target: target.target, region: target.region, timeoutMs: options.timeoutMs });
  if (!setup.ok) return credentialsFailure(setup.credentials, options, target);
  if (setup.accountId === undefined || (setup.problems.length > 0 && setup.config === undefined && setup.problems.some((problem) => problem.service === 'bedrock'))) {
    // Without the account or the current configuration a plan would be a guess.
    const lines = setup.accountId === undefined ? [teamText(locale, 'badAccount')] : [];
    return options.json
      ? { stdout: JSON.stringify({ schemaVersion: REPORT_SCHEMA_VERSION, target: targetJson(target.target), region: target.region, problems: problemsJson(setup.problems, locale) }, null, 2), exitCode: 1 }
      : { stdout: [...lines, ...problemLines(setup.problems, locale)].join('\n').trim(), exitCode: 1 };
  }
  const logGroupName = stringValue(options, 'log-group');
  const roleArn = stringValue(options, 'role-arn');
  const planned = planInvocationLogging({ region: target.region, accountId: setup.accountId, ...(setup.config ? { current: setup.config } : {}), ...(logGroupName ? { logGroupName } : {}), ...(roleArn ? { roleArn } : {}) });
  if (!planned.ok) {
    throw new UsageError(planned.reason === 'bad-log-group' ? teamText(locale, 'badLogGroup', { value: logGroupName }) : planned.reason === 'bad-role' ? teamText(locale, 'badRole', { value: roleArn }) : teamText(locale, 'badAccount'));
  }
  const plan = planned.plan;
  const planText = loggingPlanLines(plan, locale);
  if (options.subcommand === 'plan' || plan.unchanged) {
    return options.json ? { stdout: JSON.stringify({ schemaVersion: REPORT_SCHEMA_VERSION, target: targetJson(target.target), plan }, null, 2), exitCode: 0 } : { stdout: planText.join('\n'), exitCode: 0 };
  }
  const confirmed = await confirmWrite(options, planText);
  const shown = confirmed.planShown ? [] : [...planText, ''];
  if (!confirmed.ok) {
    return options.json
      ? { stdout: JSON.stringify({ schemaVersion: REPORT_SCHEMA_VERSION, target: targetJson(target.target), plan, applied: false, message: confirmed.message }, null, 2), exitCode: confirmed.exitCode }
      : { stdout: [...shown, confirmed.message].join('\n'), exitCode: confirmed.exitCode };
  }
  const applied = await layer.applyInvocationLogging({ target: target.target, region: target.region, plan, timeoutMs: options.timeoutMs });
  if (!applied.ok) {
    return options.json
      ? { stdout: JSON.stringify({ schemaVersion: REPORT_SCHEMA_VERSION, target: targetJson(target.target), plan, applied: applied.uncertain ? 'unknown' : false, problems: problemsJson([applied.problem], locale) }, null, 2), exitCode: 1 }
      : { stdout: [...shown, ...problemLines([applied.problem], locale), ...(applied.uncertain ? [teamText(locale, 'applyUncertain', { region: target.region })] : [])].join('\n').trim(), exitCode: 1 };
  }
  const text = teamText(locale, 'applied', { region: target.region, logGroup: applied.config?.cloudWatch?.logGroupName ?? plan.logGroupName });
  // The change's answer was lost, but the read-back shows the change: verified, with what was lost said.
  const lost = applied.answerLost && answerLostText(applied.answerLost, locale);
  return options.json
    ? { stdout: JSON.stringify({ schemaVersion: REPORT_SCHEMA_VERSION, target: targetJson(target.target), plan, applied: true, config: applied.config, ...(applied.answerLost && lost ? { problems: [{ ...applied.answerLost, state: 'not-verified', message: lost }] } : {}) }, null, 2), exitCode: 0 }
    : { stdout: [...shown, `✔ ${text}`, ...(lost ? [`  ${lost}`] : [])].join('\n'), exitCode: 0 };
}
