/** How profiles, problems and details look as rows and tooltips of the profiles tree. */

import * as vscode from 'vscode';
import type { IdentityResult } from '../../aws/profiles/identity';
import { describeIdentityFailure } from '../../core/profiles/identityFailure';
import { kindLabel, tokenLabel } from '../../core/profiles/profileLabels';
import type { Problem } from '../../core/profiles/problems';
import type { AwsProfile, EnvironmentState } from '../../core/profiles/profiles';
import { loadProfileProblems } from '../lazyBundles';
import { uiLocale } from '../uiLocale';

export type ProfileNode =
  | { readonly type: 'profile'; readonly profile: AwsProfile }
  | { readonly type: 'environment'; readonly environment: EnvironmentState; readonly problems: readonly Problem[] }
  | { readonly type: 'fileProblems'; readonly problems: readonly Problem[] }
  | { readonly type: 'problem'; readonly problem: Problem; readonly parentId: string; readonly index: number }
  | { readonly type: 'detail'; readonly id: string; readonly item: vscode.TreeItem };

export function detail(id: string, label: string, description: string, icon: string): ProfileNode {
  const item = new vscode.TreeItem(label);
  item.id = id;
  item.description = description;
  item.tooltip = `${label}: ${description}`;
  item.iconPath = new vscode.ThemeIcon(icon);
  return { type: 'detail', id, item };
}

export function problemItem(problem: Problem, id: string): vscode.TreeItem {
  const text = loadProfileProblems().describeProblem(problem, uiLocale());
  const item = new vscode.TreeItem(text.message);
  item.id = id;
  item.iconPath =
    problem.severity === 'error'
      ? new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'))
      : problem.severity === 'warning'
        ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'))
        : new vscode.ThemeIcon('info', new vscode.ThemeColor('problemsInfoIcon.foreground'));
  const tooltip = new vscode.MarkdownString();
  tooltip.appendText(text.message);
  tooltip.appendMarkdown('\n\n**' + vscode.l10n.t('Fix') + ':** ');
  tooltip.appendText(text.fix);
  if (problem.file) {
    tooltip.appendMarkdown('\n\n');
    tooltip.appendText(`${problem.file}${problem.line ? `:${problem.line}` : ''}`);
  }
  item.tooltip = tooltip;
  item.description = text.fix;
  if (problem.file) {
    item.command = { command: 'claudeBedrock.openAwsConfig', title: vscode.l10n.t('Open AWS Config File'), arguments: [{ file: problem.file, line: problem.line }] };
  }
  return item;
}

export function profileTooltip(profile: AwsProfile, result: IdentityResult | undefined): vscode.MarkdownString {
  const locale = uiLocale();
  const tooltip = new vscode.MarkdownString();
  tooltip.appendMarkdown('**');
  tooltip.appendText(profile.name);
  tooltip.appendMarkdown('**\n\n');
  const rows: [string, string][] = [[vscode.l10n.t('Kind'), kindLabel(profile.kind, locale)]];
  rows.push([vscode.l10n.t('Region'), profile.region ?? vscode.l10n.t('no region')]);
  if (profile.sso) rows.push([vscode.l10n.t('Sign-in'), tokenLabel(profile.sso.token, locale)]);
  if (profile.chain && profile.chain.length > 1) rows.push([vscode.l10n.t('Role chain'), profile.chain.map((link) => link.profile).join(' → ')]);
  if (result?.ok) rows.push([vscode.l10n.t('Identity'), result.identity.arn]);
  else if (result) rows.push([vscode.l10n.t('Identity'), describeIdentityFailure(result.failure, locale).cause]);
  for (const [label, value] of rows) {
    tooltip.appendText(`${label}: ${value}`);
    tooltip.appendMarkdown('  \n');
  }
  for (const source of profile.sources) {
    tooltip.appendText(`${source.file}:${source.line}`);
    tooltip.appendMarkdown('  \n');
  }
  return tooltip;
}

