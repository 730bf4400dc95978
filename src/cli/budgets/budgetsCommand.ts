/**
 * `claude-bedrock budgets list`: the AWS Budgets that cover Claude on Bedrock, with actual and
 * forecast spend against the limit. `claude-bedrock budgets create --limit USD --threshold PCT …
 * --email ADDR | --sns-topic ARN [--name NAME] [--yes]`: a monthly budget on the Claude services with
 * those alerts, created only after its plan is shown and confirmed (`--yes` without a terminal).
 */

import { loadAwsLayer } from '../../aws/loadLayer';
import { budgetServices, planBudget } from '../../core/budgets/budgetPlan';
import { budgetErrorText, budgetLine, budgetPageLimitLines, budgetPlanLines, budgetText } from '../../core/budgets/budgetText';
import { UsageError, type CommandOutput } from '../output';
import { REPORT_SCHEMA_VERSION } from '../report';
import { printable } from '../table';
import { targetJson } from '../target';
import { adminTarget, confirmWrite, credentialsFailure, listValue, problemLines, problemsJson, stringValue, type AdminOptions } from '../team/adminOptions';

const WORDS = {
  en: { subcommand: 'budgets needs list or create: claude-bedrock budgets list | budgets create --limit USD --threshold PCT --email ADDR [--sns-topic ARN] [--name NAME] [--yes].' },
  ja: { subcommand: 'budgets には list か create を指定してください: claude-bedrock budgets list | budgets create --limit 金額 --threshold % --email アドレス [--sns-topic ARN] [--name 名前] [--yes]。' },
} as const;

export async function budgetsCommand(options: AdminOptions): Promise<CommandOutput> {
  const { locale } = options;
  if (options.subcommand !== 'list' && options.subcommand !== 'create') throw new UsageError(WORDS[locale].subcommand);
  const target = await adminTarget(options);
  const layer = await loadAwsLayer();
  const result = await layer.fetchBudgets({ target: target.target, region: target.region, timeoutMs: options.timeoutMs });
  if (!result.ok) return credentialsFailure(result.credentials, options, target);
  const report = result.report;
  if (options.subcommand === 'list') {
    const exitCode = report.problems.length > 0 || report.budgets === undefined ? 1 : 0;
    if (options.json) return { stdout: JSON.stringify({ schemaVersion: REPORT_SCHEMA_VERSION, target: targetJson(target.target), ...report, problems: problemsJson(report.problems, locale) }, null, 2), exitCode };
    const lines = [budgetText(locale, 'title'), ''];
    if (report.budgets) lines.push(...(report.budgets.length === 0 ? [budgetText(locale, 'none')] : report.budgets.map((budget) => `  ${printable(budgetLine(budget, locale))}`)));
    // A listing cut at its page limit: say so in words, beside the failed call.
    lines.push(...budgetPageLimitLines(report.problems, locale).map((line) => `✖ ${line}`));
    return { stdout: [...lines, ...problemLines(report.problems, locale)].join('\n'), exitCode };
  }
  // create: the plan needs the account (STS) and the Claude services (Cost Explorer).
  if (report.accountId === undefined || report.services.length === 0) {
    return options.json
      ? { stdout: JSON.stringify({ schemaVersion: REPORT_SCHEMA_VERSION, target: targetJson(target.target), created: false, problems: problemsJson(report.problems, locale) }, null, 2), exitCode: 1 }
      : { stdout: problemLines(report.problems, locale).join('\n').trim() || budgetErrorText('no-services', undefined, locale), exitCode: 1 };
  }
  const { services, wholeBedrock } = budgetServices(report.services);
  const limit = stringValue(options, 'limit');
  const name = stringValue(options, 'name');
  const topic = stringValue(options, 'sns-topic');
  const planned = planBudget({
    accountId: report.accountId,
    ...(name === undefined ? {} : { name }),
    limitUsd: limit === undefined ? Number.NaN : Number(limit),
    thresholds: listValue(options, 'threshold').map(Number),
    emails: listValue(options, 'email'),
    ...(topic === undefined ? {} : { snsTopicArn: topic }),
    services,
  });
  if (!planned.ok) throw new UsageError(budgetErrorText(planned.error, planned.value ?? limit, locale));
  const planText = budgetPlanLines(planned.plan, wholeBedrock, locale);
  const confirmed = await confirmWrite(options, planText);
  const shown = confirmed.planShown ? [] : [...planText, ''];
  if (!confirmed.ok) {
    return options.json
      ? { stdout: JSON.stringify({ schemaVersion: REPORT_SCHEMA_VERSION, target: targetJson(target.target), plan: planned.plan, created: false, message: confirmed.message }, null, 2), exitCode: confirmed.exitCode }
      : { stdout: [...shown, confirmed.message].join('\n'), exitCode: confirmed.exitCode };
  }
  const created = await layer.createBudget({ target: target.target, region: target.region, plan: planned.plan, timeoutMs: options.timeoutMs });
  if (!created.ok) {
    return options.json
      ? { stdout: JSON.stringify({ schemaVersion: REPORT_SCHEMA_VERSION, target: targetJson(target.target), plan: planned.plan, created: created.uncertain ? 'unknown' : false, problems: problemsJson([created.problem], locale) }, null, 2), exitCode: 1 }
      : { stdout: [...shown, ...problemLines([created.problem], locale), ...(created.uncertain ? [printable(budgetText(locale, 'createUncertain', { name: planned.plan.name }))] : [])].join('\n').trim(), exitCode: 1 };
  }
  const done = budgetText(locale, 'created', { name: planned.plan.name });
  return options.json
    ? { stdout: JSON.stringify({ schemaVersion: REPORT_SCHEMA_VERSION, target: targetJson(target.target), plan: planned.plan, created: true }, null, 2), exitCode: 0 }
    : { stdout: [...shown, `✔ ${printable(done)}`].join('\n'), exitCode: 0 };
}
