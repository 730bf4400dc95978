/**
 * The sidebar's first cut: a native tree of the detected AWS profiles with kind, region, SSO
 * sign-in state, role chains, problems and the identity check result. Profiles are read afresh
 * from the files on every refresh; nothing about them is stored in extension state.
 */

import * as vscode from 'vscode';
import { loadProfiles } from '../../aws/profiles/awsFiles';
import type { IdentityResult } from '../../aws/profiles/identity';
import { describeIdentityFailure } from '../../core/profiles/identityFailure';
import { formatUtc, kindLabel, tokenLabel } from '../../core/profiles/profileLabels';
import type { Problem } from '../../core/profiles/problems';
import { isCheckable, needsSignIn, ssoLoginProfile, type AwsProfile, type EnvironmentState, type ProfileDiscovery } from '../../core/profiles/profiles';
import { checkTargets, ENVIRONMENT_KEY, fingerprint, type CheckTarget } from './checkTargets';
import type { IdentityEntry, IdentityState } from './identityState';
import { detail, problemItem, profileTooltip, type ProfileNode } from './treeItems';
import { uiLocale } from '../uiLocale';

/** Failures that signing in fixes: stale as soon as the files say the sign-in is good again. */
const SIGN_IN_FAILURES = new Set(['sso-expired', 'sso-not-signed-in', 'login-expired']);

export class ProfilesView implements vscode.TreeDataProvider<ProfileNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ProfileNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;
  /** The rows on screen by profile key, so a finished check redraws its row without re-reading the files. */
  private readonly shownRows = new Map<string, ProfileNode>();

  constructor(private readonly identities: IdentityState) {
    this.subscription = identities.onDidChange((key) => this.changed.fire(this.shownRows.get(key)));
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  /** The profiles as the files say now: read afresh for every command, like the tree itself. */
  current(): Promise<ProfileDiscovery> {
    return loadProfiles(process.env);
  }

  /** Everything that can be checked now, as the files say now. */
  async checkTargets(): Promise<CheckTarget[]> {
    return checkTargets(await this.current());
  }

  async getChildren(node?: ProfileNode): Promise<ProfileNode[]> {
    if (!node) {
      const discovery = await this.current();
      const nodes: ProfileNode[] = [];
      const environment = discovery.environment;
      const envProblems = discovery.problems.filter((problem) => !problem.file);
      if (environment.credentials || environment.profile || environment.bedrockApiKey || envProblems.length > 0 || Object.keys(environment.endpointOverrides).length > 0) {
        nodes.push({ type: 'environment', environment, problems: envProblems });
      }
      const fileProblems = discovery.problems.filter((problem) => problem.file && problem.severity !== 'info');
      if (fileProblems.length > 0) nodes.push({ type: 'fileProblems', problems: fileProblems });
      for (const profile of discovery.profiles) nodes.push({ type: 'profile', profile });
      this.shownRows.clear();
      for (const row of nodes) {
        if (row.type === 'profile') this.shownRows.set(row.profile.name, row);
        else if (row.type === 'environment') this.shownRows.set(ENVIRONMENT_KEY, row);
      }
      return nodes;
    }
    switch (node.type) {
      case 'profile':
        return this.profileChildren(node.profile);
      case 'environment':
        return this.environmentChildren(node.environment, node.problems);
      case 'fileProblems':
        return node.problems.map((problem, index) => ({ type: 'problem', problem, parentId: 'files', index }));
      default:
        return [];
    }
  }

  getTreeItem(node: ProfileNode): vscode.TreeItem {
    switch (node.type) {
      case 'profile':
        return this.profileItem(node.profile);
      case 'environment':
        return this.environmentItem(node.environment);
      case 'fileProblems': {
        const item = new vscode.TreeItem(vscode.l10n.t('Problems in the AWS files'), vscode.TreeItemCollapsibleState.Expanded);
        item.id = 'fileProblems';
        item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
        item.description = String(node.problems.length);
        return item;
      }
      case 'problem':
        return problemItem(node.problem, `${node.parentId}/problem/${node.index}`);
      case 'detail':
        return node.item;
    }
  }

  /** The last check of a profile, unless the user has signed in since it failed for want of a sign-in. */
  private entryFor(profile: AwsProfile): IdentityEntry | undefined {
    const entry = this.identities.get(profile.name, fingerprint(profile));
    if (entry && !entry.result.ok && SIGN_IN_FAILURES.has(entry.result.failure.reason) && !needsSignIn(profile)) return undefined;
    return entry;
  }

  private profileItem(profile: AwsProfile): vscode.TreeItem {
    const locale = uiLocale();
    const item = new vscode.TreeItem(profile.name, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `profile:${profile.name}`;
    const parts = [kindLabel(profile.kind, locale), profile.region ?? vscode.l10n.t('no region')];
    if (profile.isActive) parts.push(vscode.l10n.t('active'));
    const entry = this.entryFor(profile);
    if (entry?.result.ok) parts.push(entry.result.identity.account);
    item.description = parts.join(' · ');
    item.iconPath = this.stateIcon(profile.name, entry?.result, profile.problems);
    item.tooltip = profileTooltip(profile, entry?.result);
    item.accessibilityInformation = { label: `${profile.name}, ${item.description}` };
    const context = ['profile', 'hasSource'];
    if (isCheckable(profile)) context.push('checkable');
    if (ssoLoginProfile(profile)) context.push('sso');
    item.contextValue = context.join(' ');
    return item;
  }

  private environmentItem(environment: EnvironmentState): vscode.TreeItem {
    const locale = uiLocale();
    const item = new vscode.TreeItem(vscode.l10n.t('Environment variables'), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = 'environment';
    item.description = environment.credentials
      ? `${kindLabel(environment.credentials.kind, locale)} ${environment.credentials.accessKeyIdHint}`
      : environment.profile
        ? `AWS_PROFILE=${environment.profile}`
        : '';
    const entry = this.identities.get(ENVIRONMENT_KEY, fingerprint(environment));
    item.iconPath = this.stateIcon(ENVIRONMENT_KEY, entry?.result, []);
    item.contextValue = environment.credentials ? 'environment checkable' : 'environment';
    return item;
  }

  private stateIcon(key: string, result: IdentityResult | undefined, problems: readonly Problem[]): vscode.ThemeIcon {
    if (this.identities.isRunning(key)) return new vscode.ThemeIcon('loading~spin');
    if (result?.ok) return new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
    if (result && !result.ok) return new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'));
    if (problems.some((problem) => problem.severity === 'error')) return new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
    return new vscode.ThemeIcon('account');
  }

  private identityDetail(key: string, entry: IdentityEntry | undefined, id: string): ProfileNode {
    const locale = uiLocale();
    const item = new vscode.TreeItem(vscode.l10n.t('Identity'));
    item.id = `${id}/identity`;
    if (this.identities.isRunning(key)) {
      item.description = vscode.l10n.t('checking…');
      item.iconPath = new vscode.ThemeIcon('loading~spin');
    } else if (!entry) {
      item.description = vscode.l10n.t('not checked yet: select to check');
      item.iconPath = new vscode.ThemeIcon('circle-outline');
      item.command = { command: 'claudeBedrock.checkIdentity', title: vscode.l10n.t('Check Identity'), arguments: [key] };
    } else if (entry.result.ok) {
      item.description = `${entry.result.identity.arn}`;
      item.iconPath = new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
      item.tooltip = new vscode.MarkdownString(
        vscode.l10n.t('Account {0}, checked {1} in {2} ms.', entry.result.identity.account, formatUtc(entry.checkedAt.toISOString()), entry.result.durationMs),
      );
    } else {
      const description = describeIdentityFailure(entry.result.failure, locale);
      item.description = description.cause;
      item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'));
      const tooltip = new vscode.MarkdownString();
      tooltip.appendText(description.cause);
      tooltip.appendMarkdown('\n\n');
      tooltip.appendText(description.fix);
      if (entry.result.failure.code || entry.result.failure.detail) {
        tooltip.appendMarkdown('\n\n');
        tooltip.appendText([entry.result.failure.code, entry.result.failure.detail].filter(Boolean).join(': '));
      }
      item.tooltip = tooltip;
      if (description.command) item.command = { command: 'claudeBedrock.ssoLogin', title: description.command, arguments: [key] };
    }
    return { type: 'detail', id: item.id, item };
  }

  private profileChildren(profile: AwsProfile): ProfileNode[] {
    const locale = uiLocale();
    const id = `profile:${profile.name}`;
    const nodes: ProfileNode[] = [this.identityDetail(profile.name, this.entryFor(profile), id)];
    if (profile.sso) {
      nodes.push(detail(`${id}/sso`, vscode.l10n.t('SSO'), [profile.sso.accountId, profile.sso.roleName].filter(Boolean).join(' · '), 'organization'));
      nodes.push(detail(`${id}/signin`, vscode.l10n.t('Sign-in'), tokenLabel(profile.sso.token, locale), profile.sso.token.state === 'valid' ? 'unlock' : 'lock'));
    }
    if (profile.loginSession) {
      nodes.push(detail(`${id}/signin`, vscode.l10n.t('Sign-in'), tokenLabel(profile.loginSession.token, locale), 'lock'));
    }
    if (profile.chain && profile.chain.length > 0) {
      const last = profile.chain[profile.chain.length - 1];
      const hops = profile.chain.map((link) => link.profile).join(' → ');
      const origin = last?.credentialSource ?? (last?.kind ? kindLabel(last.kind, locale) : '');
      nodes.push(detail(`${id}/chain`, vscode.l10n.t('Role chain'), origin ? `${hops} (${origin})` : hops, 'arrow-swap'));
    }
    if (profile.roleArn) nodes.push(detail(`${id}/role`, vscode.l10n.t('Role'), profile.roleArn, 'shield'));
    if (profile.credentialProcessProgram) nodes.push(detail(`${id}/process`, vscode.l10n.t('Credential process'), profile.credentialProcessProgram, 'terminal'));
    if (profile.webIdentityTokenFile) nodes.push(detail(`${id}/webIdentity`, vscode.l10n.t('Web identity token file'), profile.webIdentityTokenFile, 'file'));
    if (profile.accessKeyIdHint) nodes.push(detail(`${id}/key`, vscode.l10n.t('Access key'), profile.accessKeyIdHint, 'key'));
    profile.problems
      .filter((problem) => problem.severity !== 'info' || problem.code === 'no-region' || problem.code === 'metadata-credential-source')
      .forEach((problem, index) => nodes.push({ type: 'problem', problem, parentId: id, index }));
    return nodes;
  }

  private environmentChildren(environment: EnvironmentState, problems: readonly Problem[]): ProfileNode[] {
    const locale = uiLocale();
    const nodes: ProfileNode[] = [];
    if (environment.credentials) {
      nodes.push(this.identityDetail(ENVIRONMENT_KEY, this.identities.get(ENVIRONMENT_KEY, fingerprint(environment)), 'environment'));
      nodes.push(detail('environment/keys', 'AWS_ACCESS_KEY_ID', `${kindLabel(environment.credentials.kind, locale)} ${environment.credentials.accessKeyIdHint}`, 'key'));
    }
    if (environment.profile) nodes.push(detail('environment/profile', 'AWS_PROFILE', environment.profile, 'account'));
    if (environment.region) nodes.push(detail('environment/region', 'AWS_REGION', environment.region, 'globe'));
    if (environment.bedrockApiKey) nodes.push(detail('environment/apiKey', 'AWS_BEARER_TOKEN_BEDROCK', vscode.l10n.t('set (value hidden)'), 'key'));
    for (const [name, url] of Object.entries(environment.endpointOverrides)) {
      nodes.push(detail(`environment/${name}`, name, url, 'link'));
    }
    problems.forEach((problem, index) => nodes.push({ type: 'problem', problem, parentId: 'environment', index }));
    return nodes;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

