/**
 * The Team view's writes and documents: turning invocation logging on and creating a budget (each
 * after a modal preview of exactly what AWS will be asked; Escape or Cancel changes nothing), and
 * the admin IAM policy (the Team view's reads and writes, the alarms and the dashboard) opened as a
 * JSON document.
 */

import * as vscode from 'vscode';
import { loadAwsLayer } from '../../aws/loadLayer';
import { budgetServices, planBudget } from '../../core/budgets/budgetPlan';
import { budgetErrorText, budgetPlanLines, budgetText } from '../../core/budgets/budgetText';
import { buildAdminPolicy } from '../../core/iam/adminPolicy';
import { adminProblemText, answerLostText } from '../../core/team/adminProblem';
import { DEFAULT_LOG_GROUP, planInvocationLogging } from '../../core/team/loggingPlan';
import { loggingPlanLines, teamText } from '../../core/team/teamText';
import { adminFailureText } from '../alarms/adminPreview';
import { checkTimeoutMs } from '../profiles/identityCommands';
import { uiLocale } from '../uiLocale';
import type { TeamController } from './teamController';

/** Opens the admin IAM policy (Team view, alarms, dashboard) as an untitled JSON document. */
export async function showTeamAdminPolicy(): Promise<void> {
  const document = await vscode.workspace.openTextDocument({ language: 'json', content: `${JSON.stringify(buildAdminPolicy(), null, 2)}\n` });
  await vscode.window.showTextDocument(document);
}

/** Previews turning invocation logging on to CloudWatch Logs, and applies it after the confirmation. */
export async function enableInvocationLogging(controller: TeamController): Promise<void> {
  const target = controller.current().target;
  if (!target) return;
  const locale = uiLocale();
  const profile = { type: 'profile' as const, profile: target.profile };
  const layer = await loadAwsLayer();
  const setup = await layer.readLoggingSetup({ target: profile, region: target.region, timeoutMs: checkTimeoutMs() });
  if (!setup.ok) {
    void vscode.window.showErrorMessage(adminFailureText(setup.credentials));
    return;
  }
  if (setup.accountId === undefined || setup.problems.some((problem) => problem.service === 'bedrock')) {
    void vscode.window.showErrorMessage(setup.problems.map((problem) => adminProblemText(problem, locale)).join(' ') || teamText(locale, 'badAccount'));
    return;
  }
  const logGroupName = await vscode.window.showInputBox({
    title: vscode.l10n.t('Turn On Invocation Logging (1/2): log group'),
    prompt: vscode.l10n.t('The CloudWatch Logs group Bedrock writes the invocation logs to, in {0}. It must exist.', target.region),
    value: setup.config?.cloudWatch?.logGroupName ?? DEFAULT_LOG_GROUP,
    ignoreFocusOut: true,
  });
  if (logGroupName === undefined) return;
  const initial = planInvocationLogging({ region: target.region, accountId: setup.accountId, ...(setup.config ? { current: setup.config } : {}), logGroupName });
  const roleArn = await vscode.window.showInputBox({
    title: vscode.l10n.t('Turn On Invocation Logging (2/2): role'),
    prompt: vscode.l10n.t('The IAM role Bedrock writes with (trusted by bedrock.amazonaws.com, allowed logs:CreateLogStream and logs:PutLogEvents on the log group). It must exist.'),
    value: initial.ok ? initial.plan.roleArn : '',
    ignoreFocusOut: true,
  });
  if (roleArn === undefined) return;
  const planned = planInvocationLogging({ region: target.region, accountId: setup.accountId, ...(setup.config ? { current: setup.config } : {}), logGroupName, roleArn });
  if (!planned.ok) {
    void vscode.window.showErrorMessage(planned.reason === 'bad-log-group' ? teamText(locale, 'badLogGroup', { value: logGroupName }) : planned.reason === 'bad-role' ? teamText(locale, 'badRole', { value: roleArn }) : teamText(locale, 'badAccount'));
    return;
  }
  const plan = planned.plan;
  if (plan.unchanged) {
    void vscode.window.showInformationMessage(teamText(locale, 'planUnchanged', { logGroup: plan.logGroupName }));
    return;
  }
  const apply = vscode.l10n.t('Turn on logging');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('Turn on model invocation logging in {0}? Every prompt and answer of the account in that Region will be stored in {1}.', target.region, plan.logGroupName),
    { modal: true, detail: loggingPlanLines(plan, locale).join('\n') },
    apply,
  );
  if (answer !== apply) return;
  const applied = await layer.applyInvocationLogging({ target: profile, region: target.region, plan, timeoutMs: checkTimeoutMs() });
  if (!applied.ok) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not confirm that invocation logging is on: {0} Refresh the Team view to read where the logs go now.', adminProblemText(applied.problem, locale)));
    return;
  }
  const on = teamText(locale, 'applied', { region: target.region, logGroup: applied.config?.cloudWatch?.logGroupName ?? plan.logGroupName });
  // Verified by the read-back; a lost answer to the change is still said, with what to check.
  if (applied.answerLost) void vscode.window.showWarningMessage(`${on} ${answerLostText(applied.answerLost, locale)}`);
  else void vscode.window.showInformationMessage(on);
  controller.refreshTeam();
}

function parseNumbers(text: string): number[] {
  return text
    .split(/[,\s]+/)
    .filter((part) => part !== '')
    .map(Number);
}

/** Asks for the budget's figures, previews it, and creates it after the confirmation. */
export async function createTeamBudget(controller: TeamController): Promise<void> {
  const target = controller.current().target;
  if (!target) return;
  const locale = uiLocale();
  const profile = { type: 'profile' as const, profile: target.profile };
  const layer = await loadAwsLayer();
  let report = controller.budgetsReport();
  if (!report?.accountId || report.services.length === 0) {
    const fetched = await layer.fetchBudgets({ target: profile, region: target.region, timeoutMs: checkTimeoutMs() });
    if (!fetched.ok) {
      void vscode.window.showErrorMessage(adminFailureText(fetched.credentials));
      return;
    }
    report = fetched.report;
  }
  if (!report.accountId || report.services.length === 0) {
    void vscode.window.showErrorMessage(report.problems.map((problem) => adminProblemText(problem, locale)).join(' ') || budgetErrorText('no-services', undefined, locale));
    return;
  }
  const limit = await vscode.window.showInputBox({
    title: vscode.l10n.t('Create Budget (1/3): monthly limit'),
    prompt: vscode.l10n.t('The monthly limit of Claude on Bedrock, in US dollars.'),
    validateInput: (value) => (Number.isFinite(Number(value)) && Number(value) > 0 ? undefined : budgetErrorText('bad-limit', value, locale)),
    ignoreFocusOut: true,
  });
  if (limit === undefined) return;
  const thresholds = await vscode.window.showInputBox({
    title: vscode.l10n.t('Create Budget (2/3): alerts'),
    prompt: vscode.l10n.t('Alert when actual spend passes these percentages of the limit (up to 5, separated by commas).'),
    value: '50, 80, 100',
    ignoreFocusOut: true,
  });
  if (thresholds === undefined) return;
  const recipients = await vscode.window.showInputBox({
    title: vscode.l10n.t('Create Budget (3/3): where alerts go'),
    prompt: vscode.l10n.t('E-mail addresses, or an SNS topic ARN, separated by commas.'),
    ignoreFocusOut: true,
  });
  if (recipients === undefined) return;
  const parts = recipients.split(/[,\s]+/).filter((part) => part !== '');
  const topic = parts.find((part) => part.startsWith('arn:'));
  const { services, wholeBedrock } = budgetServices(report.services);
  const planned = planBudget({ accountId: report.accountId, limitUsd: Number(limit), thresholds: parseNumbers(thresholds), emails: parts.filter((part) => !part.startsWith('arn:')), ...(topic ? { snsTopicArn: topic } : {}), services });
  if (!planned.ok) {
    void vscode.window.showErrorMessage(budgetErrorText(planned.error, planned.value, locale));
    return;
  }
  const create = vscode.l10n.t('Create budget');
  const answer = await vscode.window.showWarningMessage(vscode.l10n.t('Create this budget in AWS Budgets?'), { modal: true, detail: budgetPlanLines(planned.plan, wholeBedrock, locale).join('\n') }, create);
  if (answer !== create) return;
  const created = await layer.createBudget({ target: profile, region: target.region, plan: planned.plan, timeoutMs: checkTimeoutMs() });
  if (!created.ok) {
    if (created.uncertain) {
      // The answer did not come back whole: the budget may exist. Say so, and list the budgets again.
      void vscode.window.showErrorMessage(vscode.l10n.t('Whether budget "{0}" was created is not known: {1} The Team view lists the budgets again now.', planned.plan.name, adminProblemText(created.problem, locale)));
      controller.refreshBudgets();
    } else void vscode.window.showErrorMessage(vscode.l10n.t('The budget was not created: {0}', adminProblemText(created.problem, locale)));
    return;
  }
  void vscode.window.showInformationMessage(budgetText(locale, 'created', { name: planned.plan.name }));
  controller.refreshBudgets();
}
