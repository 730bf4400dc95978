/** The words, icons and fixes of the health checks, localised. */

import * as vscode from 'vscode';
import { loadPolicyText, loadUsageText } from '../lazyBundles';
import { describeIdentityFailure } from '../../core/profiles/identityFailure';
import type { CheckState, HealthCheck, HealthState } from '../../core/health/health';
import { formatUtc, kindLabel } from '../../core/profiles/profileLabels';
import type { SettingsSource } from '../../core/setup/settingsTypes';
import { localTime, uiLocale } from '../uiLocale';
import { loadClaudeCodeText } from '../lazyBundles';
import type { ClaudeCodeFinding } from '../../core/claudeCode/installVerdict';

export interface CheckText {
  readonly label: string;
  readonly detail?: string;
  /** A command that fixes or explains the check. */
  readonly fix?: vscode.Command;
}

export function stateIcon(state: CheckState): string {
  return { ok: 'pass', info: 'info', warning: 'warning', error: 'error' }[state];
}

export function stateColor(state: CheckState): vscode.ThemeColor | undefined {
  if (state === 'error') return new vscode.ThemeColor('problemsErrorIcon.foreground');
  if (state === 'warning') return new vscode.ThemeColor('problemsWarningIcon.foreground');
  if (state === 'ok') return new vscode.ThemeColor('testing.iconPassed');
  return undefined;
}

export function healthLabel(state: HealthState): string {
  switch (state) {
    case 'not-configured':
      return vscode.l10n.t('Claude on Bedrock is not set up in this workspace');
    case 'healthy':
      return vscode.l10n.t('Claude on Bedrock is healthy');
    case 'warning':
      return vscode.l10n.t('Claude on Bedrock works, with warnings');
    case 'error':
      return vscode.l10n.t('Claude on Bedrock has a problem');
  }
}

/** The command that shows the Quotas & Usage view. */
export const showUsage = (): vscode.Command => ({ title: vscode.l10n.t('Show Quotas & Usage'), command: 'claudeBedrock.usage.focus' });

const openFile = (path: string, line?: number): vscode.Command => ({
  title: vscode.l10n.t('Open the settings file'),
  command: 'claudeBedrock.openClaudeSettings',
  arguments: [{ path, line }],
});

export function checkText(check: HealthCheck): CheckText {
  const locale = uiLocale();
  switch (check.code) {
    case 'file-broken':
      return {
        label: check.line === undefined ? vscode.l10n.t('{0} cannot be read', check.path) : vscode.l10n.t('{0} is not valid JSON (line {1}, column {2})', check.path, check.line, check.column ?? 1),
        detail: vscode.l10n.t('{0}. Claude Code ignores the file until it is fixed; the extension leaves it as it is.', check.detail),
        fix: openFile(check.path, check.line),
      };
    case 'bedrock-on':
      return { label: vscode.l10n.t('Claude Code uses Bedrock (CLAUDE_CODE_USE_BEDROCK)'), detail: check.path };
    case 'bedrock-off':
      return {
        label: vscode.l10n.t('Claude Code is not set to use Bedrock here'),
        detail: vscode.l10n.t('Run the setup wizard to write the settings.'),
        fix: { title: vscode.l10n.t('Set up Claude on Bedrock'), command: 'claudeBedrock.setupWizard' },
      };
    case 'bedrock-unknown':
      return {
        label: vscode.l10n.t('Whether Claude Code uses Bedrock here is not known: a settings file does not parse'),
        detail: vscode.l10n.t('Fix the file above; the check runs again when it is saved.'),
      };
    case 'secret-in-shared-file':
      return {
        label: vscode.l10n.t('{0} is a secret in the shared file {1}', check.key, check.path),
        detail: vscode.l10n.t('Remove it from the file, keep it out of version control, and rotate it.'),
        fix: openFile(check.path),
      };
    case 'profile-ok':
      return { label: vscode.l10n.t('AWS profile {0} ({1})', check.profile, check.kind ? kindLabel(check.kind, locale) : '') };
    case 'profile-unset':
      return {
        label: vscode.l10n.t('No AWS_PROFILE in the settings: Claude Code uses {0} from the environment', check.profile),
        detail: vscode.l10n.t('Pin your profile in .claude/settings.local.json with the setup wizard.'),
      };
    case 'profile-missing':
      return {
        label: vscode.l10n.t('AWS profile {0} does not exist on this machine', check.profile),
        detail: vscode.l10n.t('Create it (for example with aws configure sso) or choose another profile with the setup wizard.'),
        fix: { title: vscode.l10n.t('Open AWS config'), command: 'claudeBedrock.openAwsConfig' },
      };
    case 'sso-valid':
      return { label: vscode.l10n.t('SSO sign-in valid until {0}', formatUtc(check.expiresAt ?? '')) };
    case 'sso-expired':
    case 'sso-missing':
      return {
        label: check.code === 'sso-expired' ? vscode.l10n.t('SSO sign-in of {0} expired at {1}', check.profile, formatUtc(check.expiresAt ?? '')) : vscode.l10n.t('{0} is not signed in to SSO', check.profile),
        detail: vscode.l10n.t('Sign in with aws sso login --profile {0}.', check.profile),
        fix: { title: vscode.l10n.t('Sign in with AWS SSO'), command: 'claudeBedrock.ssoLogin', arguments: [check.profile] },
      };
    case 'identity-ok':
      return { label: vscode.l10n.t('Signed in as {0}', check.arn), detail: vscode.l10n.t('Account {0}', check.account) };
    case 'identity-failed': {
      const text = describeIdentityFailure(check.failure, locale);
      return {
        // A check that could not be read says nothing about the credentials.
        label: check.state === 'warning' ? vscode.l10n.t('The identity could not be checked: {0}', text.cause) : vscode.l10n.t('The credentials do not work: {0}', text.cause),
        detail: text.fix,
        ...(text.command ? { fix: { title: vscode.l10n.t('Run the fix'), command: 'claudeBedrock.runDiagnosisFix', arguments: [{ command: text.command }] } } : {}),
      };
    }
    case 'identity-restricted':
      return {
        label: vscode.l10n.t('Identity not checked: Restricted Mode'),
        detail: vscode.l10n.t('Profile {0} runs a credential process and this workspace chose it. Trust the workspace to check it.', check.profile),
        fix: { title: vscode.l10n.t('Manage Workspace Trust'), command: 'workbench.trust.manage' },
      };
    case 'identity-not-run':
      return { label: vscode.l10n.t('Identity not checked yet') };
    case 'region-ok':
      return { label: vscode.l10n.t('Region {0} (AWS_REGION)', check.region ?? '') };
    case 'region-missing':
      return { label: vscode.l10n.t('AWS_REGION is not set'), detail: vscode.l10n.t('Older Claude Code versions ignore the profile\'s region: write AWS_REGION with the setup wizard.') };
    case 'model-ok':
      // What this check read: a model is set, and it is not a bare model ID (the policy and access are other checks).
      return { label: vscode.l10n.t('Model set: {0}', check.model ?? '') };
    case 'model-missing':
      return {
        label: vscode.l10n.t('No model pinned (ANTHROPIC_MODEL)'),
        detail: vscode.l10n.t('Claude Code then derives an inference profile from the region (apac. in Tokyo, not jp.). Pin one with the setup wizard.'),
      };
    case 'model-bare-id':
      return {
        label: vscode.l10n.t('{0} is a bare model ID', check.model ?? ''),
        detail: vscode.l10n.t('Claude models need an inference profile ID (global., jp., us., …) for on-demand use.'),
      };
    case 'local-not-ignored':
      return {
        label: vscode.l10n.t('{0} is not git-ignored', check.path),
        detail: vscode.l10n.t('Your profile name could be committed. Add .claude/settings.local.json to .gitignore.'),
        fix: { title: vscode.l10n.t('Add to .gitignore'), command: 'claudeBedrock.ignoreLocalSettings' },
      };
    case 'policy-violation': {
      const text = loadPolicyText().violationText(check.violation, locale);
      const fix = check.violation.fix
        ? { title: text.fixLabel ?? vscode.l10n.t('Fix for the policy'), command: 'claudeBedrock.applyPolicyFix', arguments: [{ key: check.violation.key, ...(check.violation.path ? { path: check.violation.path } : {}) }] }
        : check.violation.path && check.violation.source !== 'managed'
          ? openFile(check.violation.path)
          : undefined;
      return { label: text.title, detail: text.detail, ...(fix ? { fix } : {}) };
    }
    case 'policy-file-broken': {
      const text = loadPolicyText().policyProblemText(check.problem, locale);
      return { label: text.title, detail: text.detail, fix: { ...openFile(check.problem.path, check.problem.line), title: vscode.l10n.t('Open the policy file') } };
    }
    case 'policy-ok':
      return {
        label: vscode.l10n.t('Complies with the organisation policy'),
        ...(check.residencyCheckedAt === undefined ? {} : { detail: vscode.l10n.t('Data residency verified with the account at {0}', localTime(check.residencyCheckedAt)) }),
      };
    case 'usage-ok':
      return { label: vscode.l10n.t('No throttling in the last 15 minutes; every quota below 80%'), fix: showUsage() };
    case 'usage-throttled':
      return {
        label: vscode.l10n.t('{0} throttled requests in the last 15 minutes', check.throttles),
        detail: vscode.l10n.t('Open Quotas & Usage for the throttled minutes, the quota they hit and what to change.'),
        fix: showUsage(),
      };
    case 'usage-unread': {
      // Each call that failed, with what to do; or why the whole read failed.
      const texts = check.failure !== undefined ? [check.failure] : check.problems.map((problem) => loadUsageText().problemText(problem, locale));
      return {
        label: vscode.l10n.t('Quotas and usage not verified: {0}', texts[0] ?? ''),
        ...(texts.length > 1 ? { detail: texts.join('\n') } : {}),
        fix: showUsage(),
      };
    }
    case 'usage-near-quota':
      return {
        label: vscode.l10n.t('{0}: {1}% of the {2} quota', check.modelId, Math.round(check.percent), loadUsageText().measureText(check.measure, locale)),
        detail: vscode.l10n.t('Open Quotas & Usage for the quota and the increase to request.'),
        fix: showUsage(),
      };
    case 'alarms-firing':
      return {
        label:
          check.alarms.length === 1
            ? vscode.l10n.t('Alarm in ALARM: {0}', check.alarms[0]!.name)
            : vscode.l10n.t('{0} alarms in ALARM: {1}', check.alarms.length, check.alarms.map((alarm) => alarm.name).join(', ')),
        detail: vscode.l10n.t('CloudWatch says so now. Open Quotas & Usage for the throttled minutes and the quota use behind it.'),
        fix: showUsage(),
      };
    case 'alarms-ok':
      return { label: vscode.l10n.t('{0} alarms of the team, none in ALARM', check.count), fix: showUsage() };
    case 'alarms-unread': {
      // Whether one of the team's alarms is in ALARM is not known: the refused permission, or the failed call with what to do.
      const detail = vscode.l10n.t('Whether an alarm is in ALARM is not known until DescribeAlarms can be read.');
      if (check.missingPermission !== undefined) {
        return { label: vscode.l10n.t('Team alarms not verified: the permission {0} is missing; ask your AWS administrator to allow it, then check again.', check.missingPermission), detail, fix: showUsage() };
      }
      const usageText = loadUsageText();
      const throttled = usageText.isThrottledCall(check.error);
      return {
        label: vscode.l10n.t('Team alarms not verified: {0} failed ({1}).{2}', check.error.operation, usageText.failedCallDetail(check.error, throttled, locale), usageText.failedCallFix(check.error, throttled, locale)),
        detail,
        fix: showUsage(),
      };
    }
    case 'claude-code':
      return claudeCodeText(check.finding);
    case 'restricted-mode':
      return {
        label: vscode.l10n.t('Restricted Mode: the setup is read only'),
        detail: vscode.l10n.t('Nothing is written and no credential process or awsAuthRefresh from this workspace runs until you trust it.'),
        fix: { title: vscode.l10n.t('Manage Workspace Trust'), command: 'workbench.trust.manage' },
      };
  }
}

/**
 * A Claude Code finding (vscode/claudeCode) in the window's language, its fix as a command: update in
 * a terminal, trust the workspace, or show the extension in the Extensions view.
 */
function claudeCodeText(finding: ClaudeCodeFinding): CheckText {
  const text = loadClaudeCodeText().findingText(finding, uiLocale());
  const detail = [text.detail, text.fix].filter(Boolean).join('\n');
  const extension = finding.code === 'extension-old' || finding.code === 'extension-absent' || finding.code === 'extension-unread';
  const fix: vscode.Command | undefined = text.trust
    ? { title: vscode.l10n.t('Manage Workspace Trust'), command: 'workbench.trust.manage' }
    : extension
      ? { title: vscode.l10n.t('Show Claude Code in the Extensions view'), command: 'workbench.extensions.search', arguments: ['@id:anthropic.claude-code'] }
      : text.command
        ? { title: vscode.l10n.t('Run {0} in a terminal', text.command), command: 'claudeBedrock.runDiagnosisFix', arguments: [{ command: text.command }] }
        : undefined;
  return { label: text.title, ...(detail ? { detail } : {}), ...(fix ? { fix } : {}) };
}

export function sourceLabel(source: SettingsSource): string {
  switch (source) {
    case 'managed':
      return vscode.l10n.t('managed');
    case 'local':
      return vscode.l10n.t('local');
    case 'project':
      return vscode.l10n.t('project');
    case 'user':
      return vscode.l10n.t('user');
  }
}
