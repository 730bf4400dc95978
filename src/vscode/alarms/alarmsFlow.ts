/**
 * *Create or Update Alarms…*: which models, the quota-use percentage, where notifications go; then
 * the plan read from AWS shown as a diff of the alarms as they are and as they will be (names,
 * metric math, thresholds, actions), a modal confirmation that lists each alarm with its change and
 * state, and only then the calls. A failure says which alarms exist now and which do not. Loaded
 * on first use (dist/alarms.js).
 */

import * as vscode from 'vscode';
import { loadAwsLayer } from '../../aws/loadLayer';
import { canonicalRequest } from '../../core/alarms/alarmDefinitions';
import { parsePercent } from '../../core/alarms/alarmPlan';
import { isEmailAddress } from '../../core/text/addresses';
import { alarmPlanLine, alarmProblemText, alarmResultLines, nothingCreatedText, topicLines } from '../../core/alarms/alarmText';
import { DEFAULT_ALARM_PERCENT, DEFAULT_THROTTLE_THRESHOLD, DEFAULT_TOPIC_NAME, type AlarmActionChoice, type AlarmPlan, type AlarmRequest } from '../../core/alarms/alarmTypes';
import { alarmSteps } from '../../core/alarms/alarmPlan';
import { checkTimeoutMs } from '../profiles/identityCommands';
import type { UsageTarget } from '../setup/setupState';
import { uiLocale } from '../uiLocale';
import { adminFailureText, confirmWithPreview } from './adminPreview';

/** What the flow needs from the extension: where, and what to refresh afterwards. */
export interface AdminFlowContext {
  readonly target: UsageTarget;
  /** Refreshes the Quotas & Usage view (the alarms' state). */
  readonly refresh: () => void;
}

async function chooseModels(target: UsageTarget): Promise<string[] | undefined> {
  if (target.modelIds.length === 1) return [...target.modelIds];
  const picked = await vscode.window.showQuickPick(
    target.modelIds.map((modelId) => ({ label: modelId, picked: true })),
    { canPickMany: true, title: vscode.l10n.t('Alarms (1/3): models'), placeHolder: vscode.l10n.t('The models to alarm on, in {0}', target.region), ignoreFocusOut: true },
  );
  return picked === undefined || picked.length === 0 ? undefined : picked.map((item) => item.label);
}

async function choosePercent(): Promise<number | undefined> {
  const value = await vscode.window.showInputBox({
    title: vscode.l10n.t('Alarms (2/3): quota use'),
    prompt: vscode.l10n.t('Alarm when a minute\'s quota tokens reach this percentage of the model\'s tokens-per-minute quota (1–100).'),
    value: String(DEFAULT_ALARM_PERCENT),
    ignoreFocusOut: true,
    validateInput: (text) => (parsePercent(text) === undefined ? vscode.l10n.t('Enter a percentage from 1 to 100.') : undefined),
  });
  return value === undefined ? undefined : parsePercent(value);
}

type ActionItem = vscode.QuickPickItem & { readonly kind2: 'none' | 'existing' | 'new' };

async function chooseAction(target: UsageTarget): Promise<AlarmActionChoice | undefined> {
  const items: ActionItem[] = [
    { label: vscode.l10n.t('A new SNS topic with an e-mail subscription…'), description: DEFAULT_TOPIC_NAME, kind2: 'new' },
    { label: vscode.l10n.t('An existing SNS topic…'), kind2: 'existing' },
    { label: vscode.l10n.t('No notifications'), detail: vscode.l10n.t('The alarms change state (Quotas & Usage and the status bar show it) without notifying anyone.'), kind2: 'none' },
  ];
  const choice = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Alarms (3/3): notifications'), placeHolder: vscode.l10n.t('Where the alarms send notifications'), ignoreFocusOut: true });
  if (choice === undefined) return undefined;
  if (choice.kind2 === 'none') return { kind: 'none' };
  if (choice.kind2 === 'new') {
    const email = await vscode.window.showInputBox({
      title: vscode.l10n.t('Alarms (3/3): e-mail address'),
      prompt: vscode.l10n.t('Subscribed to the new topic {0}; AWS e-mails it a confirmation link.', DEFAULT_TOPIC_NAME),
      placeHolder: 'admin@example.com',
      ignoreFocusOut: true,
      validateInput: (text) => (isEmailAddress(text.trim()) ? undefined : vscode.l10n.t('Enter an e-mail address such as admin@example.com.')),
    });
    return email === undefined ? undefined : { kind: 'new-topic', topicName: DEFAULT_TOPIC_NAME, email: email.trim() };
  }
  const { listTopicArns } = await loadAwsLayer();
  const listed = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Listing the SNS topics of {0}…', target.region) }, () =>
    listTopicArns({ target: { type: 'profile', profile: target.profile }, region: target.region, timeoutMs: checkTimeoutMs() }),
  );
  if (!listed.ok) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The SNS topics could not be listed: {0}', adminFailureText(listed.failure)));
    return undefined;
  }
  if (listed.topicArns.length === 0) {
    void vscode.window.showWarningMessage(vscode.l10n.t('There is no SNS topic in {0}: choose a new topic instead.', target.region));
    return undefined;
  }
  const topic = await vscode.window.showQuickPick(listed.topicArns.map((arn) => ({ label: arn.slice(arn.lastIndexOf(':') + 1), description: arn })), {
    title: vscode.l10n.t('Alarms (3/3): SNS topic'),
    ignoreFocusOut: true,
  });
  return topic === undefined ? undefined : { kind: 'topic', topicArn: topic.description! };
}

/**
 * The plan as two JSON documents keyed by alarm name, in the same order: each alarm as it exists
 * (null where it does not) and as PutMetricAlarm will receive it, every request in one key order,
 * so the diff shows what changes and nothing else.
 */
function previewTexts(plan: AlarmPlan): { before: string | undefined; after: string } {
  const document = (request: (alarm: AlarmPlan['alarms'][number]) => AlarmRequest | undefined) =>
    `${JSON.stringify(Object.fromEntries(plan.alarms.map((alarm) => [alarm.request.AlarmName, request(alarm) === undefined ? null : canonicalRequest(request(alarm)!)])), null, 2)}\n`;
  const before = plan.alarms.some((alarm) => alarm.existing !== undefined) ? document((alarm) => alarm.existing?.request) : undefined;
  return { before, after: document((alarm) => alarm.request) };
}

export async function createAlarms(context: AdminFlowContext): Promise<void> {
  const { target } = context;
  const locale = uiLocale();
  const modelIds = await chooseModels(target);
  if (modelIds === undefined) return;
  const percent = await choosePercent();
  if (percent === undefined) return;
  const action = await chooseAction(target);
  if (action === undefined) return;
  const session = { target: { type: 'profile' as const, profile: target.profile }, region: target.region, timeoutMs: checkTimeoutMs() };
  const layer = await loadAwsLayer();
  const planned = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Reading the quotas and the alarms of {0}…', target.region) }, () =>
    layer.planAlarms({ ...session, modelIds, alarmOptions: { percent, throttleThreshold: DEFAULT_THROTTLE_THRESHOLD, action } }),
  );
  if (!planned.ok) {
    const lines = 'problems' in planned ? planned.problems.map((problem) => alarmProblemText(problem, locale)) : [adminFailureText(planned.failure)];
    await vscode.window.showErrorMessage(vscode.l10n.t('The alarms cannot be planned.'), { modal: true, detail: [...lines, nothingCreatedText(locale)].join('\n\n') });
    return;
  }
  const plan = planned.plan;
  const steps = alarmSteps(plan);
  const detail = [...plan.alarms.map((alarm) => `• ${alarmPlanLine(alarm, plan, locale)}`), '', ...topicLines(plan, locale)].join('\n');
  if (steps.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Nothing to change: the alarms in {0} are as planned.', target.region), { modal: true, detail });
    return;
  }
  const texts = previewTexts(plan);
  const confirmed = await confirmWithPreview({
    key: 'alarms',
    fileName: `alarms-${target.region}.json`,
    before: texts.before,
    after: texts.after,
    title: vscode.l10n.t('Alarms in {0} (now ↔ after applying)', target.region),
    question: vscode.l10n.t('Create or update these CloudWatch alarms in {0} with profile {1}?', target.region, target.profile),
    detail,
    button: vscode.l10n.t('Create or update {0} alarms', plan.alarms.filter((alarm) => alarm.change !== 'unchanged').length),
  });
  if (!confirmed) return;
  const applied = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Creating the alarms in {0}…', target.region) }, () => layer.applyAlarms({ ...session, plan }));
  if (!applied.ok) {
    await vscode.window.showErrorMessage(vscode.l10n.t('The alarms were not created.'), { modal: true, detail: `${adminFailureText(applied.failure)}\n\n${nothingCreatedText(locale)}` });
    return;
  }
  const lines = alarmResultLines(applied.result, locale, adminFailureText).join('\n');
  context.refresh();
  if (applied.result.failed !== undefined) {
    await vscode.window.showErrorMessage(vscode.l10n.t('Not every alarm could be created.'), { modal: true, detail: lines });
    return;
  }
  const show = vscode.l10n.t('Show Quotas & Usage');
  const chosen = await vscode.window.showInformationMessage(vscode.l10n.t('Alarms saved in {0}. {1}', target.region, lines.replace(/\n/g, ' ')), show);
  if (chosen === show) await vscode.commands.executeCommand('claudeBedrock.usage.focus');
}
