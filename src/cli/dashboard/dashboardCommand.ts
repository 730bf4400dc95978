/**
 * `claude-bedrock dashboard plan|apply`: the team's CloudWatch dashboard from a terminal or CI.
 * `plan` prints what changes and the body's diff; `apply` prints the same and saves it after a
 * confirmation (`--yes` without a terminal). Exit codes as for `alarms`.
 */

import { loadAwsLayer } from '../../aws/loadLayer';
import { MAX_DASHBOARD_MODELS, type DashboardPlan } from '../../core/dashboard/dashboardPlan';
import { dashboardMessageLines, dashboardNotSavedText, dashboardPlanLines, dashboardText } from '../../core/dashboard/dashboardText';
import { nothingCreatedText } from '../../core/alarms/alarmText';
import { describeAdminFailure } from '../../core/iam/adminDenial';
import type { Diagnosis } from '../../core/models/bedrockTypes';
import type { Locale } from '../../core/text/locale';
import { unifiedDiff } from '../../core/text/textDiff';
import { confirmApply, notAppliedText } from '../confirm';
import { UsageError, type CommandOutput } from '../output';
import { REPORT_SCHEMA_VERSION } from '../report';
import { printable } from '../table';
import { targetJson } from '../target';
import { cliText } from '../text';
import { usageTarget } from '../usage/usageCommand';
import type { AdminCommandOptions } from '../alarms/alarmsCommand';
import { adminCliText as t } from '../alarms/alarmsText';

function failure(diagnosis: Diagnosis, locale: Locale) {
  const text = describeAdminFailure(diagnosis, locale);
  return { code: diagnosis.code, operation: diagnosis.operation, awsCode: diagnosis.awsCode, deniedAction: diagnosis.deniedAction, cause: text.cause, fix: text.fix };
}

function planJson(plan: DashboardPlan) {
  return { name: plan.name, change: plan.change, modelIds: plan.modelIds, withoutQuota: plan.withoutQuota, url: plan.url, body: JSON.parse(plan.body) as unknown };
}

export async function dashboardCommand(options: AdminCommandOptions): Promise<CommandOutput> {
  const { locale } = options;
  const subcommand = options.subcommand;
  if (subcommand !== 'plan' && subcommand !== 'apply') throw new UsageError(t(locale, 'badDashboardSubcommand', { value: subcommand ?? '' }));
  const resolved = await usageTarget(options);
  const region = resolved.region;
  const session = { target: resolved.target, region, timeoutMs: options.timeoutMs };
  const base = { schemaVersion: REPORT_SCHEMA_VERSION, target: targetJson(resolved.target), region, subcommand };
  const layer = await loadAwsLayer();
  const planned = await layer.planTeamDashboard({ ...session, modelIds: resolved.modelIds });
  if (!planned.ok) {
    if ('problem' in planned) throw new UsageError(planned.problem === 'no-models' ? dashboardText(locale, 'noModels') : dashboardText(locale, 'tooMany', { count: resolved.modelIds.length, max: MAX_DASHBOARD_MODELS }));
    if (options.json) return { stdout: JSON.stringify({ ...base, error: failure(planned.failure, locale) }, null, 2), exitCode: 1 };
    const text = describeAdminFailure(planned.failure, locale);
    return { stdout: [`✖ ${printable(text.cause)}`, `  ${cliText(locale, 'fixLabel')}: ${printable(text.fix)}`, nothingCreatedText(locale)].join('\n'), exitCode: 1 };
  }
  const plan = planned.plan;
  const lines = dashboardPlanLines(plan, locale).map(printable);
  if (plan.change !== 'unchanged') lines.push('', unifiedDiff(plan.existingBody, plan.body, plan.name));
  if (subcommand === 'plan' || plan.change === 'unchanged') {
    if (plan.change !== 'unchanged') lines.push('', t(locale, 'dashboardHint'));
    return options.json ? { stdout: JSON.stringify({ ...base, plan: planJson(plan) }, null, 2), exitCode: 0 } : { stdout: lines.join('\n'), exitCode: 0 };
  }
  const interactive = !options.json && options.confirm !== undefined && !options.yes;
  if (interactive) process.stdout.write(`${lines.join('\n')}\n`);
  const answer = await confirmApply(options.yes, options.json ? undefined : options.confirm, region, locale);
  if (answer !== 'yes') {
    const reason = notAppliedText(answer, locale);
    const exitCode = answer === 'no-terminal' ? 2 : 1;
    if (options.json) return { stdout: JSON.stringify({ ...base, plan: planJson(plan), notApplied: reason }, null, 2), stderr: reason, exitCode };
    return { stdout: interactive ? reason : [...lines, '', reason].join('\n'), exitCode };
  }
  const applied = await layer.applyTeamDashboard({ ...session, plan });
  if (!applied.ok) {
    const messages = applied.messages ?? [];
    if (options.json) return { stdout: JSON.stringify({ ...base, plan: planJson(plan), error: failure(applied.failure, locale), ...(messages.length > 0 ? { validationMessages: messages } : {}) }, null, 2), exitCode: 1 };
    const text = describeAdminFailure(applied.failure, locale);
    return {
      stdout: [
        ...(interactive ? [] : lines),
        '',
        `✖ ${printable(text.cause)}`,
        `  ${cliText(locale, 'fixLabel')}: ${printable(text.fix)}`,
        ...dashboardMessageLines(messages, false, locale).map(printable),
        dashboardNotSavedText(plan.name, applied.failure, locale, messages),
      ].join('\n'),
      exitCode: 1,
    };
  }
  const warnings = applied.warnings ?? [];
  if (warnings.length > 0) {
    // Saved, but CloudWatch warned that parts of it may not render: not a plain success.
    if (options.json) return { stdout: JSON.stringify({ ...base, plan: planJson(plan), applied: true, validationMessages: warnings }, null, 2), exitCode: 1 };
    return {
      stdout: [
        ...(interactive ? [] : lines),
        '',
        `⚠ ${dashboardText(locale, 'savedWithWarnings', { name: plan.name, region, count: warnings.length })}`,
        ...dashboardMessageLines(warnings, true, locale).map(printable),
        dashboardText(locale, 'open', { url: plan.url }),
      ].join('\n'),
      exitCode: 1,
    };
  }
  if (options.json) return { stdout: JSON.stringify({ ...base, plan: planJson(plan), applied: true }, null, 2), exitCode: 0 };
  return { stdout: [...(interactive ? [] : lines), '', dashboardText(locale, 'done', { name: plan.name, region }), dashboardText(locale, 'open', { url: plan.url })].join('\n'), exitCode: 0 };
}
