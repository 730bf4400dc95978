/**
 * *Create or Update Team Dashboard…*: the dashboard's body read from AWS and the planned one as a
 * diff, a modal confirmation, PutDashboard, and a button that opens it in the CloudWatch console
 * of its Region. Loaded on first use (dist/dashboard.js).
 */

import * as vscode from 'vscode';
import { loadAwsLayer } from '../../aws/loadLayer';
import { nothingCreatedText } from '../../core/alarms/alarmText';
import { dashboardConsoleUrl } from '../../core/dashboard/dashboardBody';
import { dashboardMessageLines, dashboardNotSavedText, dashboardPlanLines } from '../../core/dashboard/dashboardText';
import { mayHaveTakenEffect } from '../../core/models/diagnosis';
import { adminFailureText, confirmWithPreview } from '../alarms/adminPreview';
import type { AdminFlowContext } from '../alarms/alarmsFlow';
import { checkTimeoutMs } from '../profiles/identityCommands';
import { uiLocale } from '../uiLocale';

/** Opens the Region's team dashboard in the CloudWatch console. */
export async function openDashboard(region: string): Promise<void> {
  await vscode.env.openExternal(vscode.Uri.parse(dashboardConsoleUrl(region)));
}

export async function createDashboard(context: AdminFlowContext): Promise<void> {
  const { target } = context;
  const locale = uiLocale();
  const session = { target: { type: 'profile' as const, profile: target.profile }, region: target.region, timeoutMs: checkTimeoutMs() };
  const layer = await loadAwsLayer();
  const planned = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Reading the quotas and the dashboard of {0}…', target.region) }, () =>
    layer.planTeamDashboard({ ...session, modelIds: target.modelIds }),
  );
  if (!planned.ok) {
    const detail = 'problem' in planned ? vscode.l10n.t('The dashboard takes 1 to 20 models.') : adminFailureText(planned.failure);
    await vscode.window.showErrorMessage(vscode.l10n.t('The dashboard cannot be planned.'), { modal: true, detail: `${detail}\n\n${nothingCreatedText(locale)}` });
    return;
  }
  const plan = planned.plan;
  const detail = dashboardPlanLines(plan, locale).join('\n\n');
  const open = vscode.l10n.t('Open in the CloudWatch console');
  if (plan.change === 'unchanged') {
    const chosen = await vscode.window.showInformationMessage(detail, open);
    if (chosen === open) await openDashboard(plan.region);
    return;
  }
  const confirmed = await confirmWithPreview({
    key: 'dashboard',
    fileName: `${plan.name}.json`,
    before: plan.existingBody,
    after: `${plan.body}\n`,
    title: vscode.l10n.t('Dashboard {0} (now ↔ after saving)', plan.name),
    question: vscode.l10n.t('Save the CloudWatch dashboard {0} in {1} with profile {2}?', plan.name, plan.region, target.profile),
    detail,
    button: vscode.l10n.t('Save the dashboard'),
  });
  if (!confirmed) return;
  const applied = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Saving the dashboard {0}…', plan.name) }, () => layer.applyTeamDashboard({ ...session, plan }));
  if (!applied.ok) {
    const messages = applied.messages ?? [];
    const unknown = mayHaveTakenEffect(applied.failure) || (messages.length > 0 && applied.failure.operation === 'GetDashboard');
    const title = unknown ? vscode.l10n.t('The dashboard may or may not have been saved.') : vscode.l10n.t('The dashboard was not saved.');
    const validation = dashboardMessageLines(messages, false, locale);
    await vscode.window.showErrorMessage(title, {
      modal: true,
      detail: [adminFailureText(applied.failure), ...(validation.length > 0 ? [validation.join('\n')] : []), dashboardNotSavedText(plan.name, applied.failure, locale, messages)].join('\n\n'),
    });
    return;
  }
  context.refresh();
  const warnings = applied.warnings ?? [];
  if (warnings.length > 0) {
    // Saved, but CloudWatch warned that parts of it may not render: a warning, not a plain success.
    const chosen = await vscode.window.showWarningMessage(
      vscode.l10n.t('Dashboard {0} saved in {1}, but CloudWatch reported problems with its body: some widgets may not render.', plan.name, plan.region),
      { modal: true, detail: dashboardMessageLines(warnings, true, locale).join('\n') },
      open,
    );
    if (chosen === open) await openDashboard(plan.region);
    return;
  }
  const chosen = await vscode.window.showInformationMessage(vscode.l10n.t('Dashboard {0} saved in {1}.', plan.name, plan.region), open);
  if (chosen === open) await openDashboard(plan.region);
}
