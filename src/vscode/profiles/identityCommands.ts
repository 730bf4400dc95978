/** Identity checks and SSO sign-in as the sidebar runs them: progress, MFA prompts, re-checks. */

import * as vscode from 'vscode';
import type { CredentialTarget } from '../../aws/clients';
import { shellQuote } from '../../core/text/shell';
import type { IdentityState } from './identityState';
import { ssoLoginProfile } from '../../core/profiles/profiles';
import { ENVIRONMENT_KEY, type CheckTarget } from './checkTargets';
import type { ProfilesView } from './profilesView';
import { loadAwsLayer } from '../../aws/loadLayer';

/** The per-call timeout the user set for checks against AWS (`claudeBedrock.identityCheckTimeoutSeconds`). */
export function checkTimeoutMs(): number {
  const seconds = vscode.workspace.getConfiguration('claudeBedrock').get<number>('identityCheckTimeoutSeconds', 10);
  return Math.min(120, Math.max(1, seconds)) * 1000;
}

async function askMfaCode(profile: string, serial: string): Promise<string> {
  const code = await vscode.window.showInputBox({
    title: vscode.l10n.t('MFA code for {0}', profile),
    prompt: vscode.l10n.t('Enter the current code of the MFA device {0}.', serial),
    ignoreFocusOut: true,
    validateInput: (text) => (/^\d{6}$/.test(text.trim()) ? undefined : vscode.l10n.t('An MFA code is six digits.')),
  });
  if (code === undefined) throw new Error(vscode.l10n.t('MFA code entry was cancelled.'));
  return code.trim();
}

/** Checks the targets concurrently, showing progress on the view; results land in `identities`. */
export async function runChecks(identities: IdentityState, targets: readonly CheckTarget[]): Promise<void> {
  if (targets.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('There are no AWS profiles with credentials to check.'));
    return;
  }
  for (const target of targets) identities.start(target.key);
  await vscode.window.withProgress({ location: { viewId: 'claudeBedrock.profiles' } }, async () => {
    // The AWS SDK is loaded here, on the first check, never during activation.
    const { checkIdentities } = await loadAwsLayer();
    const limit = checkTimeoutMs();
    await checkIdentities(
      targets.map((target) => ({
        target: (target.key === ENVIRONMENT_KEY ? { type: 'environment' } : { type: 'profile', profile: target.key }) satisfies CredentialTarget,
        region: target.region,
        timeoutMs: limit,
        mfaCodeProvider: (serial: string) => askMfaCode(target.key, serial),
      })),
      {
        onResult: (index, result) => {
          const target = targets[index]!;
          identities.finish(target.key, { result, checkedAt: new Date(), fingerprint: target.fingerprint });
        },
      },
    );
  });
}

/** Opens a terminal running `aws sso login` for the profile's sign-in, and checks again when it closes. */
export async function runSsoLogin(view: ProfilesView, identities: IdentityState, key: string | undefined): Promise<void> {
  const discovery = await view.current();
  const profile = discovery.profiles.find((candidate) => candidate.name === key);
  const loginProfile = profile ? ssoLoginProfile(profile) : undefined;
  if (!profile || !loginProfile) {
    void vscode.window.showWarningMessage(vscode.l10n.t('The profile "{0}" does not sign in through AWS SSO.', key ?? ''));
    return;
  }
  const terminal = vscode.window.createTerminal({ name: vscode.l10n.t('AWS SSO sign-in: {0}', loginProfile) });
  terminal.show();
  terminal.sendText(`aws sso login --profile ${shellQuote(loginProfile)}`);
  const closed = vscode.window.onDidCloseTerminal(async (closedTerminal) => {
    if (closedTerminal !== terminal) return;
    closed.dispose();
    const targets = (await view.checkTargets()).filter((target) => target.key === profile.name);
    await runChecks(identities, targets);
  });
}
