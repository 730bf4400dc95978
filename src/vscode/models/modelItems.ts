/**
 * How model offers, access reports and diagnoses look as rows and tooltips of the models view, and
 * how an offer the organisation policy refuses is marked (with the reason).
 */

import * as vscode from 'vscode';
import { loadDiagnosis, loadPolicyText } from '../lazyBundles';
import type { CatalogOffer, Diagnosis } from '../../core/models/bedrockTypes';
import type { ModelAccessReport } from '../../core/models/modelAccess';
import type { EffectivePolicy, PolicyViolation } from '../../core/policy/policyTypes';
import { modelViolations, residencyVerdict } from '../../core/policy/policyVerdicts';
import { routeText } from '../../core/regions/regions';
import { describeScope } from '../../core/models/modelTable';
import type { ModelRole, ModelsState } from './modelsState';
import { localTime, uiLocale } from '../uiLocale';

export function accessIcon(report: ModelAccessReport | undefined, running: boolean): vscode.ThemeIcon {
  if (running) return new vscode.ThemeIcon('loading~spin');
  switch (report?.state) {
    case 'accessible':
      return new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
    case 'not-accessible':
      return new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'));
    case 'unverified':
      return report.verification === 'ok' ? new vscode.ThemeIcon('check') : new vscode.ThemeIcon('question', new vscode.ThemeColor('problemsWarningIcon.foreground'));
    default:
      return new vscode.ThemeIcon('circle-outline');
  }
}

export function accessText(report: ModelAccessReport | undefined, running: boolean): string {
  if (running) return vscode.l10n.t('checking…');
  switch (report?.state) {
    case 'accessible':
      return vscode.l10n.t('accessible');
    case 'not-accessible':
      return vscode.l10n.t('not accessible');
    case 'unverified':
      // Only what was read in this run: a control-plane "ok" names its two reads; anything unread says so.
      if (report.verification === 'not-verified') return vscode.l10n.t('not verified: a check could not be read');
      if (report.verification === 'ok') return vscode.l10n.t('access granted and inference profile found; not probed');
      return report.probed ? vscode.l10n.t('not proven: the probe did not succeed') : vscode.l10n.t('not probed');
    default:
      return vscode.l10n.t('not validated');
  }
}

/** Why the organisation policy refuses an offer, per role; a role the policy allows is absent. */
export type OfferRefusals = Partial<Record<ModelRole, PolicyViolation>>;

/**
 * The policy's verdict on an offer in a role: its scope, the role's allow-list, an enforced
 * `availableModels`, and residency (a bare ID in `region`; an application profile by its known routes).
 */
export function offerRefusal(policy: EffectivePolicy | undefined, offer: CatalogOffer, role: ModelRole, region?: string): PolicyViolation | undefined {
  if (!policy) return undefined;
  const routed = offer.scope === 'application' && (offer.anyRegion || offer.destinations.length > 0);
  const found = modelViolations(policy, offer.modelId, role, region).filter((violation) => !(routed && violation.code === 'residency-unverified'));
  if (found[0]) return found[0];
  if (routed) {
    const verdict = residencyVerdict(policy, offer.modelId, offer);
    if (!verdict.allowed) return verdict.violation;
  }
  return undefined;
}

/** The refusals of an offer as primary and as background model. */
export function offerRefusals(policy: EffectivePolicy | undefined, offer: CatalogOffer, region?: string): OfferRefusals {
  const primary = offerRefusal(policy, offer, 'primary', region);
  const background = offerRefusal(policy, offer, 'background', region);
  return { ...(primary ? { primary } : {}), ...(background ? { background } : {}) };
}

/** The reason a refused choice is refused, in one line: what is wrong, then the rule and its source. */
export function refusalText(violation: PolicyViolation): string {
  const locale = uiLocale();
  const text = loadPolicyText().violationText(violation, locale);
  return locale === 'ja' ? `${text.title}。${text.detail}` : `${text.title}. ${text.detail}`;
}

/**
 * A row for one way of invoking a model; its icon is the access state of the last validation, or a
 * prohibition sign when the organisation policy allows it in no role.
 */
export function offerItem(offer: CatalogOffer, state: ModelsState, id: string, refusals: OfferRefusals = {}): vscode.TreeItem {
  const locale = uiLocale();
  const entry = state.report(offer.modelId);
  const running = state.isRunning(offer.modelId);
  const report = entry?.report;
  const scope = offer.scope === 'application' ? { label: vscode.l10n.t('application profile'), description: '' } : describeScope(offer.scope, locale);
  const hasChildren = report !== undefined && (report.diagnoses.length > 0 || report.probe !== undefined || report.inferenceProfile !== undefined);
  // "Japan (jp)": the words, and the prefix the ID starts with.
  const label = offer.scope === 'application' || offer.scope === 'in-region' ? scope.label : `${scope.label} (${offer.scope})`;
  const item = new vscode.TreeItem(label, hasChildren ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
  item.id = id;
  const premium = offer.priceFactor !== undefined && offer.priceFactor !== 1 ? `+${Math.round((offer.priceFactor - 1) * 100)}%` : undefined;
  // Where it routes first: the sidebar is narrow and the ID is long (it is in the tooltip too).
  const refused = refusals.primary !== undefined && refusals.background !== undefined;
  const policyNote = refused
    ? vscode.l10n.t('not allowed by the organisation policy')
    : refusals.primary
      ? vscode.l10n.t('not allowed as the primary model')
      : refusals.background
        ? vscode.l10n.t('not allowed as the background model')
        : undefined;
  item.description = [policyNote, routeText(offer, uiLocale()), premium, offer.modelId].filter(Boolean).join(' · ');
  item.iconPath = refused ? new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('problemsErrorIcon.foreground')) : accessIcon(report, running);
  const roles = [state.chosen('primary') === offer.modelId ? 'primary' : '', state.chosen('background') === offer.modelId ? 'background' : ''].filter(Boolean);
  item.contextValue = ['offer', ...roles, ...(refused ? ['notAllowed'] : [])].join(' ');

  const tooltip = new vscode.MarkdownString();
  tooltip.appendMarkdown('**');
  tooltip.appendText(scope.label);
  tooltip.appendMarkdown('**  \n');
  tooltip.appendMarkdown('`');
  tooltip.appendText(offer.modelId);
  tooltip.appendMarkdown('`\n\n');
  if (scope.description) {
    tooltip.appendText(scope.description);
    tooltip.appendMarkdown('  \n');
  }
  tooltip.appendText(vscode.l10n.t('Routes to: {0}', routeText(offer, uiLocale())));
  tooltip.appendMarkdown('  \n');
  if (premium) {
    tooltip.appendText(vscode.l10n.t('Price: {0} compared with global', premium));
    tooltip.appendMarkdown('  \n');
  }
  tooltip.appendText(vscode.l10n.t('Access: {0}', accessText(report, running)));
  if (entry) tooltip.appendText(` (${localTime(entry.checkedAt)})`);
  for (const diagnosis of report?.diagnoses ?? []) {
    const text = loadDiagnosis().describeDiagnosis(diagnosis, locale);
    tooltip.appendMarkdown('\n\n');
    tooltip.appendMarkdown(diagnosis.severity === 'error' ? '$(error) ' : '$(warning) ');
    tooltip.appendText(text.cause);
    tooltip.appendMarkdown('  \n**' + vscode.l10n.t('Fix') + ':** ');
    tooltip.appendText(text.fix);
  }
  const reasons: [string, PolicyViolation][] = refused
    ? [[vscode.l10n.t('Not allowed by the organisation policy'), refusals.primary!]]
    : [
        ...(refusals.primary ? [[vscode.l10n.t('Not allowed as the primary model'), refusals.primary] as [string, PolicyViolation]] : []),
        ...(refusals.background ? [[vscode.l10n.t('Not allowed as the background model'), refusals.background] as [string, PolicyViolation]] : []),
      ];
  for (const [heading, violation] of reasons) {
    const text = loadPolicyText().violationText(violation, locale);
    tooltip.appendMarkdown('\n\n$(circle-slash) **');
    tooltip.appendText(heading);
    tooltip.appendMarkdown(':** ');
    tooltip.appendText(text.title);
    tooltip.appendMarkdown('  \n');
    tooltip.appendText(text.detail);
  }
  tooltip.supportThemeIcons = true;
  item.tooltip = tooltip;
  item.accessibilityInformation = { label: [scope.label, offer.modelId, policyNote, accessText(report, running)].filter(Boolean).join(', ') };
  return item;
}

/** A diagnosis row: the cause, the fix beside it, and a click that runs the fix when there is one. */
export function diagnosisItem(diagnosis: Diagnosis, id: string): vscode.TreeItem {
  const text = loadDiagnosis().describeDiagnosis(diagnosis, uiLocale());
  const item = new vscode.TreeItem(text.cause);
  item.id = id;
  item.description = text.fix;
  item.iconPath =
    diagnosis.severity === 'error'
      ? new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'))
      : new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
  const tooltip = new vscode.MarkdownString();
  tooltip.appendText(text.cause);
  tooltip.appendMarkdown('\n\n**' + vscode.l10n.t('Fix') + ':** ');
  tooltip.appendText(text.fix);
  if (text.command) {
    tooltip.appendMarkdown('\n\n');
    tooltip.appendCodeblock(text.command, 'shell');
  }
  if (diagnosis.awsCode || diagnosis.detail) {
    tooltip.appendMarkdown('\n\n');
    tooltip.appendText([diagnosis.operation, diagnosis.awsCode, diagnosis.detail].filter(Boolean).join(': '));
  }
  item.tooltip = tooltip;
  item.contextValue = text.command ? 'diagnosis command' : text.consoleUrl ? 'diagnosis console' : 'diagnosis';
  if (text.command || text.consoleUrl) {
    item.command = {
      command: 'claudeBedrock.runDiagnosisFix',
      title: text.command ? vscode.l10n.t('Run the fix in a terminal') : vscode.l10n.t('Open the AWS console'),
      arguments: [{ command: text.command, consoleUrl: text.consoleUrl, profile: diagnosis.profile }],
    };
  }
  return item;
}

/** Rows under a validated model: the probe's latency and tokens, the profile's destinations. */
export function reportDetailItems(report: ModelAccessReport, prefix: string): vscode.TreeItem[] {
  const items: vscode.TreeItem[] = [];
  if (report.probe) {
    const item = new vscode.TreeItem(vscode.l10n.t('Probe'));
    item.id = `${prefix}/probe`;
    item.description = vscode.l10n.t('{0} ms · {1} input + {2} output tokens', report.probe.latencyMs, report.probe.inputTokens, report.probe.outputTokens);
    item.iconPath = new vscode.ThemeIcon('zap');
    items.push(item);
  }
  if (report.inferenceProfile) {
    const item = new vscode.TreeItem(vscode.l10n.t('Destinations'));
    item.id = `${prefix}/destinations`;
    item.description = routeText(report, uiLocale());
    item.tooltip = report.inferenceProfile.modelArns.join('\n');
    item.iconPath = new vscode.ThemeIcon('location');
    items.push(item);
  }
  return items;
}
