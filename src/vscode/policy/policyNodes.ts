/**
 * The organisation policy in the *Setup* view: the sources with the rules each contributed, the
 * locks of Claude Code's managed settings, data residency as the account answered it (with the proof
 * to export), and the setup's violations with their quick fixes, or a line saying it complies.
 */

import { relative, isAbsolute } from 'node:path';
import * as vscode from 'vscode';
import { loadDiagnosis, loadPolicyText, loadResidencyText } from '../lazyBundles';
import type { Diagnosis } from '../../core/models/bedrockTypes';
import { policyApplies as appliesAtAll } from '../../core/policy/policyEvaluate';
import type { ManagedLock, PolicyFileProblem, PolicySource, PolicySourceSummary, PolicyViolation, ResidencyCheck } from '../../core/policy/policyTypes';
import { regionCity, routeText } from '../../core/regions/regions';
import { localTime, uiLocale } from '../uiLocale';
import { sourceLabel } from '../health/healthText';
import type { FolderSetup } from '../setup/setupState';

export type PolicyNode =
  | { readonly type: 'policy'; readonly folder: FolderSetup }
  | { readonly type: 'policySource'; readonly source: PolicySourceSummary; readonly index: number; readonly folder: FolderSetup }
  | { readonly type: 'policyLock'; readonly lock: ManagedLock; readonly folder: FolderSetup }
  | { readonly type: 'policyModels'; readonly folder: FolderSetup }
  | { readonly type: 'residency'; readonly folder: FolderSetup }
  | { readonly type: 'residencyCheck'; readonly check: ResidencyCheck; readonly folder: FolderSetup }
  | { readonly type: 'residencyFailure'; readonly diagnosis: Diagnosis; readonly folder: FolderSetup }
  | { readonly type: 'residencyPending'; readonly folder: FolderSetup }
  /** `key` is the violating settings key: the inline fix passes the node itself, and the fix command reads `key`. */
  | { readonly type: 'violation'; readonly violation: PolicyViolation; readonly index: number; readonly key?: string; readonly folder: FolderSetup }
  | { readonly type: 'policyProblem'; readonly problem: PolicyFileProblem; readonly index: number; readonly folder: FolderSetup }
  | { readonly type: 'policyOk'; readonly folder: FolderSetup };

const ERROR_COLOR = 'problemsErrorIcon.foreground';

/** Whether a policy applies to the folder: a source with rules, a managed lock, or a policy file that could not be used. */
export function policyApplies(folder: FolderSetup): boolean {
  return appliesAtAll(folder.policy);
}

/** The children of a policy node; an empty list for the other nodes. */
export function policyChildren(node: PolicyNode): PolicyNode[] {
  const { folder } = node;
  switch (node.type) {
    case 'policy': {
      const { policy, violations } = folder;
      const nodes: PolicyNode[] = [
        ...policy.problems.map((problem, index): PolicyNode => ({ type: 'policyProblem', problem, index, folder })),
        ...violations.map((violation, index): PolicyNode => ({ type: 'violation', violation, index, ...(violation.key === undefined ? {} : { key: violation.key }), folder })),
      ];
      if (nodes.length === 0) nodes.push({ type: 'policyOk', folder });
      nodes.push(...policy.sources.flatMap((source, index): PolicyNode[] => (source.rules.length > 0 ? [{ type: 'policySource', source, index, folder }] : [])));
      nodes.push(...policy.locks.map((lock): PolicyNode => ({ type: 'policyLock', lock, folder })));
      if (policy.availableModels) nodes.push({ type: 'policyModels', folder });
      if (policy.dataResidency) nodes.push({ type: 'residency', folder });
      return nodes;
    }
    case 'residency': {
      const answer = folder.residency;
      if (!answer) return [{ type: 'residencyPending', folder }];
      if ('credentials' in answer) return [{ type: 'residencyFailure', diagnosis: answer.credentials, folder }];
      return answer.checks.map((check): PolicyNode => ({ type: 'residencyCheck', check, folder }));
    }
    default:
      return [];
  }
}

function sourceName(source: PolicySource): string {
  switch (source) {
    case 'machine':
      return vscode.l10n.t('Machine policy');
    case 'team':
      return vscode.l10n.t('Team policy');
    case 'managed':
      return vscode.l10n.t('Claude Code managed settings');
  }
}

/** A path inside the workspace folder as the folder sees it (`.claude/bedrock-policy.json`), any other path as it is. */
function shownPath(path: string, folder: FolderSetup): string {
  const root = folder.folder?.uri.fsPath;
  if (root === undefined) return path;
  const inside = relative(root, path);
  return inside !== '' && !inside.startsWith('..') && !isAbsolute(inside) ? inside.split('\\').join('/') : path;
}

function openFile(path: string): vscode.Command {
  return { title: vscode.l10n.t('Open the policy file'), command: 'vscode.open', arguments: [vscode.Uri.file(path)] };
}

/** Opens a settings file at a key's line, or a file at a line. */
function openAt(path: string, place: { key?: string; line?: number }): vscode.Command {
  return { title: vscode.l10n.t('Open the settings file'), command: 'claudeBedrock.openClaudeSettings', arguments: [{ path, ...place }] };
}

/** Between the items of a list: `、` in Japanese. */
function separator(): string {
  return uiLocale() === 'ja' ? '、' : ', ';
}

function regionList(codes: readonly string[]): string {
  const locale = uiLocale();
  return codes.map((code) => (regionCity(code, locale) === code ? code : `${code} (${regionCity(code, locale)})`)).join(separator());
}

function errorIcon(): vscode.ThemeIcon {
  return new vscode.ThemeIcon('error', new vscode.ThemeColor(ERROR_COLOR));
}

/** `2 violations`, `1 broken policy file`, or both. */
function countText(violations: number, problems: number): string {
  const parts: string[] = [];
  if (problems > 0) parts.push(problems === 1 ? vscode.l10n.t('1 broken policy file') : vscode.l10n.t('{0} broken policy files', problems));
  if (violations > 0) parts.push(violations === 1 ? vscode.l10n.t('1 violation') : vscode.l10n.t('{0} violations', violations));
  return parts.join(' · ');
}

export function policyTreeItem(node: PolicyNode, base: string): vscode.TreeItem {
  const locale = uiLocale();
  const { folder } = node;
  switch (node.type) {
    case 'policy': {
      const wrong = folder.violations.length + folder.policy.problems.length;
      const item = new vscode.TreeItem(vscode.l10n.t('Organisation policy'), vscode.TreeItemCollapsibleState.Expanded);
      // The state is in the id, so a policy that starts to be broken opens afresh.
      item.id = `${base}/policy/${wrong > 0 ? 'broken' : 'ok'}`;
      item.description = wrong === 0 ? vscode.l10n.t('complies') : countText(folder.violations.length, folder.policy.problems.length);
      item.iconPath = wrong > 0 ? new vscode.ThemeIcon('law', new vscode.ThemeColor(ERROR_COLOR)) : new vscode.ThemeIcon('law');
      item.contextValue = 'policy';
      return item;
    }
    case 'policySource': {
      const { source } = node;
      const rules = source.rules.map((rule) => loadPolicyText().ruleText(rule, locale)).join(separator());
      const item = new vscode.TreeItem(sourceName(source.source), vscode.TreeItemCollapsibleState.None);
      item.id = `${base}/policy/source/${node.index}/${source.source}`;
      item.description = `${shownPath(source.path, folder)} · ${rules}`;
      item.iconPath = new vscode.ThemeIcon(source.source === 'managed' ? 'lock' : source.source === 'team' ? 'organization' : 'vm');
      const tooltip = new vscode.MarkdownString();
      tooltip.appendText(source.path);
      tooltip.appendMarkdown('\n\n');
      tooltip.appendText(vscode.l10n.t('Rules: {0}', rules));
      item.tooltip = tooltip;
      item.command = openFile(source.path);
      item.contextValue = 'policySource';
      item.accessibilityInformation = { label: vscode.l10n.t('{0} at {1}, rules: {2}', sourceName(source.source), source.path, rules) };
      return item;
    }
    case 'policyLock': {
      const { lock } = node;
      const item = new vscode.TreeItem(vscode.l10n.t('Locked by managed settings: {0} = {1}', lock.key.replace(/^env\./, ''), lock.value), vscode.TreeItemCollapsibleState.None);
      item.id = `${base}/policy/lock/${lock.key}`;
      item.description = shownPath(lock.path, folder);
      item.iconPath = new vscode.ThemeIcon('lock');
      item.tooltip = `${lock.path}\n${vscode.l10n.t('Locked by managed settings: the extension never writes this key.')}`;
      item.command = openAt(lock.path, { key: lock.key });
      item.contextValue = 'policyLock';
      return item;
    }
    case 'policyModels': {
      const rule = folder.policy.availableModels!;
      const models = rule.value.models.join(separator());
      const item = new vscode.TreeItem(
        rule.value.enforced ? vscode.l10n.t('Only these models (managed settings): {0}', models) : vscode.l10n.t('Models offered by managed settings: {0}', models),
        vscode.TreeItemCollapsibleState.None,
      );
      item.id = `${base}/policy/availableModels`;
      const path = rule.origins[0]?.path;
      if (path !== undefined) {
        item.description = shownPath(path, folder);
        item.command = openAt(path, { key: 'availableModels' });
      }
      item.iconPath = new vscode.ThemeIcon(rule.value.enforced ? 'lock' : 'list-unordered');
      item.tooltip = rule.value.enforced
        ? vscode.l10n.t('enforceAvailableModels is on: Claude Code uses no other model, and the extension offers no other.')
        : vscode.l10n.t('enforceAvailableModels is off: the list is what Claude Code offers, not a limit.');
      item.contextValue = 'policyLock';
      return item;
    }
    case 'residency': {
      const allowed = folder.policy.dataResidency!.value;
      const answer = folder.residency;
      const proven = answer !== undefined && 'proof' in answer;
      const item = new vscode.TreeItem(vscode.l10n.t('Data residency'), vscode.TreeItemCollapsibleState.Expanded);
      item.id = `${base}/policy/residency`;
      item.description = regionList(allowed);
      item.iconPath = !proven
        ? new vscode.ThemeIcon('globe')
        : answer.proof.compliant
          ? new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'))
          : new vscode.ThemeIcon('error', new vscode.ThemeColor(ERROR_COLOR));
      item.tooltip = vscode.l10n.t('Inference must stay within: {0}', regionList(allowed));
      item.contextValue = proven ? 'policyResidency proof' : 'policyResidency';
      return item;
    }
    case 'residencyCheck': {
      const { check } = node;
      const where = check.verdict === 'unverified' ? vscode.l10n.t('not verified') : routeText(check, locale);
      const mark = check.verdict === 'inside' ? '✔' : '✖';
      const item = new vscode.TreeItem(check.modelId, vscode.TreeItemCollapsibleState.None);
      item.id = `${base}/policy/residency/${check.key}`;
      item.description = `→ ${where} ${mark} · ${vscode.l10n.t('checked at {0}', localTime(check.checkedAt))}`;
      item.iconPath =
        check.verdict === 'inside'
          ? new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'))
          : check.verdict === 'outside'
            ? errorIcon()
            : new vscode.ThemeIcon('question', new vscode.ThemeColor('problemsWarningIcon.foreground'));
      item.tooltip = loadResidencyText().residencyCheckText(check, locale).join('\n');
      item.accessibilityInformation = {
        label: check.verdict === 'inside' ? vscode.l10n.t('{0} runs in {1}: allowed', check.modelId, where) : check.verdict === 'outside' ? vscode.l10n.t('{0} runs in {1}: not allowed', check.modelId, where) : vscode.l10n.t('{0}: not verified', check.modelId),
      };
      return item;
    }
    case 'residencyFailure': {
      const text = loadDiagnosis().describeDiagnosis(node.diagnosis, locale);
      const item = new vscode.TreeItem(vscode.l10n.t('Not checked with the account: {0}', text.cause), vscode.TreeItemCollapsibleState.None);
      item.id = `${base}/policy/residency/failure`;
      item.description = text.fix;
      item.tooltip = `${text.cause}\n${text.fix}`;
      item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
      if (text.command || text.consoleUrl) {
        item.command = { title: vscode.l10n.t('Run the fix'), command: 'claudeBedrock.runDiagnosisFix', arguments: [{ command: text.command, consoleUrl: text.consoleUrl, profile: node.diagnosis.profile }] };
      }
      return item;
    }
    case 'residencyPending': {
      const item = new vscode.TreeItem(vscode.l10n.t('Not checked with the account yet'), vscode.TreeItemCollapsibleState.None);
      item.id = `${base}/policy/residency/pending`;
      item.description = vscode.l10n.t('needs a Bedrock setup whose identity check passed');
      item.iconPath = new vscode.ThemeIcon('info');
      item.command = { title: vscode.l10n.t('Check again'), command: 'claudeBedrock.checkHealth' };
      return item;
    }
    case 'violation': {
      const { violation } = node;
      const text = loadPolicyText().violationText(violation, locale);
      const item = new vscode.TreeItem(text.title, vscode.TreeItemCollapsibleState.None);
      item.id = `${base}/policy/violation/${node.index}/${violation.code}/${violation.key ?? ''}`;
      item.description = violation.source ? sourceLabel(violation.source) : vscode.l10n.t('not set');
      const tooltip = new vscode.MarkdownString();
      tooltip.appendText(text.detail);
      if (text.fixLabel && violation.source !== 'managed') {
        tooltip.appendMarkdown('\n\n**' + vscode.l10n.t('Fix') + ':** ');
        tooltip.appendText(text.fixLabel);
      }
      item.tooltip = tooltip;
      item.iconPath = errorIcon();
      const fixable = violation.fix !== undefined && violation.source !== 'managed';
      item.contextValue = fixable ? 'policyViolation fixable' : 'policyViolation';
      const path = violation.path ?? folder.projectPath ?? folder.userPath;
      item.command = openAt(path, violation.key === undefined ? {} : { key: violation.key });
      item.accessibilityInformation = { label: [text.title, text.detail, fixable ? text.fixLabel : undefined].filter(Boolean).join('. ') };
      return item;
    }
    case 'policyProblem': {
      const { problem } = node;
      const text = loadPolicyText().policyProblemText(problem, locale);
      const item = new vscode.TreeItem(text.title, vscode.TreeItemCollapsibleState.None);
      item.id = `${base}/policy/problem/${node.index}`;
      item.description = problem.line === undefined ? shownPath(problem.path, folder) : vscode.l10n.t('{0}: line {1}, column {2}', shownPath(problem.path, folder), problem.line, problem.column ?? 1);
      item.tooltip = text.detail;
      item.iconPath = errorIcon();
      item.command = openAt(problem.path, problem.line === undefined ? {} : { line: problem.line });
      item.contextValue = 'policyProblem';
      item.accessibilityInformation = { label: `${text.title}. ${text.detail}` };
      return item;
    }
    case 'policyOk': {
      const item = new vscode.TreeItem(vscode.l10n.t('Complies with the organisation policy'), vscode.TreeItemCollapsibleState.None);
      item.id = `${base}/policy/ok`;
      item.iconPath = new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
      return item;
    }
  }
}
