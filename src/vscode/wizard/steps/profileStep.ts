/**
 * Step 1: the AWS profile, with its kind, Region and sign-in state as the profiles view shows
 * them. A profile whose SSO sign-in expired gets a sub-step that offers `aws sso login`. The
 * organisation policy is read here, on every visit: profiles it forbids (static keys, not SSO) come
 * last with the reason, and a policy file that cannot be used stops the wizard here (fail closed),
 * named with its place and offered to open.
 */

import * as vscode from 'vscode';
import { loadProfiles } from '../../../aws/profiles/awsFiles';
import { kindLabel, tokenLabel } from '../../../core/profiles/profileLabels';
import { credentialKind, isCheckable, needsSignIn, ssoLoginProfile, type AwsProfile } from '../../../core/profiles/profiles';
import type { PolicyFileProblem } from '../../../core/policy/policyTypes';
import { uiLocale } from '../../uiLocale';
import { pickOne } from '../multiStepInput';
import { compliantDefault, partitionOffers, profileChoiceVerdict } from '../policyOffers';
import { openPolicyProblem, policyOf, problemItem, refuseBlocked, refuseProblems, withBlocked, type PolicyItem } from '../policyItems';
import { Cancelled, GoBack } from '../stepFlow';
import { currentProfile, signInAndWait } from '../ssoSignIn';
import type { StepFactory, WizardContext } from '../wizardContext';
import type { WizardState } from '../wizardState';

type ProfileItem = PolicyItem & { readonly profile?: AwsProfile; readonly problem?: PolicyFileProblem };

/** The sign-in line of a profile: the SSO or `aws login` token state, or that the chain needs one. */
function signInText(profile: AwsProfile): string | undefined {
  const locale = uiLocale();
  const token = profile.sso?.token ?? profile.loginSession?.token;
  if (token) return `${token.state === 'valid' ? '$(unlock)' : '$(lock)'} ${tokenLabel(token, locale)}`;
  const login = ssoLoginProfile(profile);
  if (login && needsSignIn(profile)) return `$(lock) ${vscode.l10n.t('needs a sign-in through {0}', login)}`;
  return undefined;
}

function profileItem(profile: AwsProfile): ProfileItem & { readonly profile: AwsProfile } {
  const locale = uiLocale();
  const parts = [kindLabel(profile.kind, locale), profile.region ?? vscode.l10n.t('no region')];
  if (profile.isActive) parts.push(vscode.l10n.t('active'));
  const signIn = signInText(profile);
  return { label: profile.name, description: parts.join(' · '), ...(signIn ? { detail: signIn } : {}), profile };
}

function remember(state: WizardState, profile: AwsProfile): void {
  state.profile = profile.name;
  state.ssoProfile = profile.kind === 'sso' || profile.kind === 'sso-legacy';
  state.profileKind = credentialKind(profile);
  state.profileRegion = profile.region;
}

export const profileStep: StepFactory = (context) => async (state) => {
  for (;;) {
    const discovery = await loadProfiles(process.env);
    const profiles = discovery.profiles.filter((profile) => isCheckable(profile));
    if (profiles.length === 0) {
      const open = vscode.l10n.t('Open AWS Config File');
      void vscode.window.showWarningMessage(vscode.l10n.t('There are no AWS profiles with credentials to use.'), open).then((answer) => {
        if (answer === open) void vscode.commands.executeCommand('claudeBedrock.openAwsConfig');
      });
      throw new Cancelled();
    }
    // Read afresh on every visit: a policy file fixed meanwhile counts at once.
    const policy = await policyOf(state, true);
    const judged = partitionOffers(profiles, (profile) => profileChoiceVerdict(policy, { name: profile.name, kind: credentialKind(profile) }));
    const allowed = judged.allowed.map(profileItem);
    const problems: ProfileItem[] = policy.problems.map(problemItem);
    const items: ProfileItem[] = [
      ...problems,
      ...(problems.length > 0 ? [{ label: vscode.l10n.t('AWS profiles'), kind: vscode.QuickPickItemKind.Separator }] : []),
      ...withBlocked(allowed, judged.blocked.map(({ offer, violation }) => ({ item: profileItem(offer), violation }))),
    ];
    const preferred = state.profile ?? context.models?.profile ?? discovery.activeProfile;
    const placeholder =
      problems.length > 0
        ? vscode.l10n.t('Fix the organisation policy file first: select the problem to open it.')
        : allowed.length === 0
          ? vscode.l10n.t('The organisation policy allows none of these AWS profiles.')
          : vscode.l10n.t('Which AWS profile should Claude Code use?');
    const picked = await pickOne<ProfileItem>({
      ...context.frame('profile', state),
      placeholder,
      items,
      active: problems[0] ?? compliantDefault(allowed, (item) => item.profile.name === preferred),
      matchOnDescription: true,
    });
    if (picked.problem) {
      await openPolicyProblem(picked.problem);
      continue;
    }
    if (picked.blocked) {
      refuseBlocked(picked.blocked);
      continue;
    }
    // Fail closed: a policy file that cannot be read may forbid anything.
    if (policy.problems.length > 0) {
      refuseProblems(policy.problems);
      continue;
    }
    if (!picked.profile) continue;
    remember(state, picked.profile);
    if (needsSignIn(picked.profile) && ssoLoginProfile(picked.profile)) return signInStep(context, picked.profile);
    return context.after('profile', state);
  }
};

type SignInItem = vscode.QuickPickItem & { readonly action: 'sign-in' | 'skip' };

/** The sub-step of an expired SSO profile: sign in now (and wait for it), or go on without. */
function signInStep(context: WizardContext, profile: AwsProfile) {
  return async (state: WizardState) => {
    const frame = context.frame('profile', state);
    // Come back to after signing in (Back from the next step): nothing to offer, go on back.
    const now = await currentProfile(profile.name);
    if (now && !needsSignIn(now)) throw new GoBack();
    const login = ssoLoginProfile(profile)!;
    const signIn: SignInItem = {
      label: `$(sign-in) ${vscode.l10n.t('Sign in with aws sso login')}`,
      description: `aws sso login --profile ${login}`,
      detail: vscode.l10n.t('Runs in a terminal; the wizard goes on once the sign-in is done.'),
      action: 'sign-in',
    };
    const skip: SignInItem = {
      label: `$(arrow-right) ${vscode.l10n.t('Continue without signing in')}`,
      detail: vscode.l10n.t('The checks of the next steps fail until the profile is signed in.'),
      action: 'skip',
    };
    const picked = await pickOne<SignInItem>({
      ...frame,
      placeholder: vscode.l10n.t('The sign-in of {0} is missing or expired ({1}).', profile.name, signInText(profile)?.replace(/^\$\([\w-]+\) /, '') ?? ''),
      items: [signIn, skip],
    });
    if (picked.action === 'sign-in') await signInAndWait(frame, profile);
    return context.after('profile', state);
  };
}
