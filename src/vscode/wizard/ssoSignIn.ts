/**
 * Signing in from inside the wizard: `aws sso login` runs in a terminal, as the profiles view
 * runs it, while the wizard waits with a busy pick and checks the sign-in cache until the profile
 * is signed in (or the user goes on without waiting).
 */

import * as vscode from 'vscode';
import { loadProfiles } from '../../aws/profiles/awsFiles';
import { needsSignIn, ssoLoginProfile, type AwsProfile } from '../../core/profiles/profiles';
import { shellQuote } from '../../core/text/shell';
import { pickOne } from './multiStepInput';
import type { StepFrame } from './wizardContext';

const POLL_MS = 1500;

type WaitItem = vscode.QuickPickItem & { readonly action: 'again' | 'skip' | 'signed-in' };

/** The profile as the files say now. */
export async function currentProfile(name: string): Promise<AwsProfile | undefined> {
  return (await loadProfiles(process.env)).profiles.find((profile) => profile.name === name);
}

/** Opens a terminal running `aws sso login` for the profile whose sign-in the named profile uses. */
export function startSsoLogin(profile: AwsProfile): vscode.Terminal | undefined {
  const loginProfile = ssoLoginProfile(profile);
  if (!loginProfile) return undefined;
  const terminal = vscode.window.createTerminal({ name: vscode.l10n.t('AWS SSO sign-in: {0}', loginProfile) });
  // Focus stays in the wizard: the command opens the browser by itself.
  terminal.show(true);
  terminal.sendText(`aws sso login --profile ${shellQuote(loginProfile)}`);
  return terminal;
}

function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/**
 * Runs `aws sso login` and waits until the profile's sign-in is valid: `signed-in`, or `skipped`
 * when the user goes on without it. Back and Escape propagate as usual.
 */
export async function signInAndWait(frame: StepFrame, profile: AwsProfile): Promise<'signed-in' | 'skipped'> {
  startSsoLogin(profile);
  const signedIn: WaitItem = { label: vscode.l10n.t('Signed in'), action: 'signed-in' };
  const again: WaitItem = { label: `$(refresh) ${vscode.l10n.t('Check again')}`, action: 'again' };
  const skip: WaitItem = {
    label: `$(arrow-right) ${vscode.l10n.t('Continue without waiting')}`,
    detail: vscode.l10n.t('The checks of the next steps fail until the profile is signed in.'),
    action: 'skip',
  };
  for (;;) {
    const picked = await pickOne<WaitItem>({
      ...frame,
      placeholder: vscode.l10n.t('Waiting for the sign-in of {0} in the terminal: the wizard goes on by itself once it is done.', profile.name),
      items: [again, skip],
      run: async ({ signal, setBusy }) => {
        setBusy(true);
        // `aws sso login` writes the token cache when it is done: reading it is cheap and local.
        while (!signal.aborted) {
          const now = await currentProfile(profile.name);
          if (now && !needsSignIn(now)) return signedIn;
          await delay(POLL_MS, signal);
        }
        return undefined;
      },
    });
    if (picked.action === 'signed-in') return 'signed-in';
    if (picked.action === 'skip') return 'skipped';
    const now = await currentProfile(profile.name);
    if (now && !needsSignIn(now)) return 'signed-in';
  }
}
