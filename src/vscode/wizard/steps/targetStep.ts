/**
 * Steps 7 and 8: where the settings are written (the project's shared and personal files, the
 * personal file only, or the user file), and the extras: Claude Code's VS Code login screen, a
 * limit on output tokens, and pins of the Sonnet and Opus aliases. The organisation policy may
 * forbid the user file, require pins (ticked for good, to an ID it allows) and cap the token limit
 * (then required, preset to the cap); values managed settings lock are shown as locked.
 */

import * as vscode from 'vscode';
import type { SetupScope } from '../../../core/setup/settingsTypes';
import { inputText, pickMany } from '../multiStepInput';
import { compliantDefault, partitionOffers, pinOffer, targetChoiceVerdict, tokenRule, tokensViolation } from '../policyOffers';
import { lockedText, pickAllowed, policyOf, withBlocked, type PolicyItem } from '../policyItems';
import type { StepFactory, WizardContext } from '../wizardContext';
import type { WizardOptions, WizardState } from '../wizardState';

type TargetItem = PolicyItem & { readonly target: SetupScope };

export const targetStep: StepFactory = (context) => async (state) => {
  const items: TargetItem[] = [];
  if (state.folder) {
    items.push(
      {
        label: `$(repo) ${vscode.l10n.t('Project, shared with the team (recommended)')}`,
        description: '.claude/settings.json + .claude/settings.local.json',
        detail: vscode.l10n.t('The Bedrock switch, Region and models go to the shared file in git; your profile name and sign-in command stay in your personal file.'),
        target: 'project',
      },
      {
        label: `$(lock) ${vscode.l10n.t('This folder, only for me')}`,
        description: '.claude/settings.local.json',
        detail: vscode.l10n.t('Everything goes to your personal settings of this folder; nothing is shared.'),
        target: 'local',
      },
    );
  }
  items.push({
    label: `$(home) ${vscode.l10n.t('All my projects')}`,
    description: '~/.claude/settings.json',
    detail: vscode.l10n.t('Applies wherever you start Claude Code, unless a project says otherwise (what /setup-bedrock writes).'),
    target: 'user',
  });
  const policy = await policyOf(state);
  const judged = partitionOffers(items, (item) => targetChoiceVerdict(policy, item.target));
  const picked = await pickAllowed<TargetItem>({
    ...context.frame('target', state),
    placeholder:
      judged.allowed.length === 0
        ? vscode.l10n.t('The organisation policy does not allow your user settings, and no folder is open: open a folder first.')
        : state.folder
          ? vscode.l10n.t('Where should the settings be written?')
          : vscode.l10n.t('No folder is open, so the settings can only go to your user settings.'),
    items: withBlocked(judged.allowed, judged.blocked.map(({ offer, violation }) => ({ item: offer, violation }))),
    active: compliantDefault(judged.allowed, (item) => item.target === (state.target ?? 'project')),
    matchOnDescription: true,
  });
  state.target = picked.target;
  return context.after('target', state);
};

type OptionItem = vscode.QuickPickItem & { readonly option: 'login-prompt' | 'max-tokens' | 'sonnet' | 'opus'; readonly modelId?: string };

/** The largest output-token limit accepted (Claude 3.7 Sonnet's extended output). */
export const MAX_OUTPUT_TOKENS_LIMIT = 128_000;

/** An error message for a typed output-token limit, or undefined when it is a whole number in range. */
export function outputTokensProblem(value: string): string | undefined {
  const text = value.trim();
  const number = Number(text);
  if (!/^\d+$/.test(text) || number < 1 || number > MAX_OUTPUT_TOKENS_LIMIT) return vscode.l10n.t('Enter a whole number from 1 to {0}.', MAX_OUTPUT_TOKENS_LIMIT);
  return undefined;
}

export const optionsStep: StepFactory = (context) => async (state) => {
  const policy = await policyOf(state);
  const previous = state.options;
  const catalog = state.catalog?.result.catalog;
  const tokens = tokenRule(policy);
  const items: OptionItem[] = [];
  const required: OptionItem[] = [];
  if (state.folder) {
    items.push({
      label: vscode.l10n.t('Turn off the Claude Code login screen in VS Code'),
      description: 'claudeCode.disableLoginPrompt: true',
      detail: vscode.l10n.t('In this folder\'s .vscode/settings.json, so that Claude Code\'s VS Code extension uses Bedrock instead of asking you to log in.'),
      option: 'login-prompt',
    });
  }
  const usualTokens = vscode.l10n.t('A large limit reserves more of the tokens-per-minute quota for every request.');
  const tokensItem: OptionItem = {
    label: vscode.l10n.t('Limit the output tokens per response'),
    description: 'CLAUDE_CODE_MAX_OUTPUT_TOKENS',
    detail:
      tokens.locked !== undefined
        ? lockedText(tokens.locked.value)
        : tokens.limit !== undefined
          ? `${vscode.l10n.t('Required by the organisation policy: at most {0}.', tokens.limit)} ${usualTokens}`
          : usualTokens,
    option: 'max-tokens',
  };
  items.push(tokensItem);
  if (tokens.locked !== undefined || tokens.limit !== undefined) required.push(tokensItem);
  for (const family of ['sonnet', 'opus'] as const) {
    const pin = pinOffer(policy, family, { ...(catalog ? { catalog } : {}), ...(state.scope ? { scope: state.scope } : {}), ...(state.primary ? { primary: state.primary } : {}), ...(state.region ? { region: state.region } : {}) });
    if (pin.modelId === undefined) continue;
    const usual = vscode.l10n.t('Without a pin, /model {0} uses an ID Claude Code derives from the Region, which may leave this scope.', family);
    const item: OptionItem = {
      label: family === 'sonnet' ? vscode.l10n.t('Pin the "sonnet" alias') : vscode.l10n.t('Pin the "opus" alias'),
      description: pin.modelId,
      detail: pin.locked !== undefined ? lockedText(pin.locked.value) : pin.required ? `${vscode.l10n.t('Required by the organisation policy.')} ${usual}` : usual,
      option: family,
      modelId: pin.modelId,
    };
    items.push(item);
    if (pin.required || pin.locked !== undefined) required.push(item);
  }
  const picked = previous
    ? items.filter(
        (item) =>
          (item.option === 'login-prompt' && previous.disableLoginPrompt) ||
          (item.option === 'max-tokens' && previous.maxOutputTokens !== undefined) ||
          (item.option === 'sonnet' && previous.sonnetModel !== undefined) ||
          (item.option === 'opus' && previous.opusModel !== undefined),
      )
    : // The alias pins are ticked too: without them Claude Code probes Opus IDs of its own choosing,
      // some of which (global.) route outside the chosen scope.
      items.filter((item) => item.option === 'login-prompt' || item.option === 'sonnet' || item.option === 'opus');
  const chosen = await pickMany<OptionItem>({
    ...context.frame('options', state),
    placeholder: vscode.l10n.t('Optional settings: tick what you want, then press Enter.'),
    items,
    picked,
    required,
  });
  const has = (option: OptionItem['option']) => chosen.find((item) => item.option === option);
  // A locked token limit is what managed settings say: nothing to write or ask.
  const asksTokens = has('max-tokens') !== undefined && tokens.locked === undefined;
  state.options = {
    disableLoginPrompt: has('login-prompt') !== undefined,
    ...(asksTokens ? { maxOutputTokens: previous?.maxOutputTokens ?? tokens.limit ?? 0 } : {}),
    ...(has('sonnet')?.modelId ? { sonnetModel: has('sonnet')!.modelId } : {}),
    ...(has('opus')?.modelId ? { opusModel: has('opus')!.modelId } : {}),
  };
  if (asksTokens) return maxTokensStep(context);
  return context.after('options', state);
};

/** The sub-step of the token limit: a number, checked as it is typed (against the policy's cap too). */
function maxTokensStep(context: WizardContext) {
  return async (state: WizardState) => {
    const policy = await policyOf(state);
    const options: WizardOptions = state.options ?? { disableLoginPrompt: false };
    const value = await inputText({
      ...context.frame('options', state),
      prompt: vscode.l10n.t('Maximum output tokens per response (CLAUDE_CODE_MAX_OUTPUT_TOKENS)'),
      value: options.maxOutputTokens ? String(options.maxOutputTokens) : '',
      placeholder: String(policy.maxOutputTokens?.value ?? 8192),
      validate: (text) => {
        const problem = outputTokensProblem(text);
        if (problem !== undefined) return problem;
        const violation = tokensViolation(policy, Number(text.trim()));
        return violation === undefined ? undefined : vscode.l10n.t('The organisation policy allows at most {0} output tokens per response.', violation.limit ?? 0);
      },
    });
    state.options = { ...options, maxOutputTokens: Number(value.trim()) };
    return context.after('options', state);
  };
}
