/**
 * The answers of the setup wizard so far. Steps read them to show earlier answers again after
 * Back, and write them when the user moves on; nothing is written to disk until the last step.
 * No `vscode` here: the choices a plan is made from are derived in plain code.
 */

import type { CatalogResult, ValidationResult } from '../../aws/models/modelAccess';
import type { Scope } from '../../core/models/bedrockTypes';
import { withoutLongContext } from '../../core/models/contextWindow';
import type { EffectivePolicy } from '../../core/policy/policyTypes';
import type { SetupChoices, SetupScope } from '../../core/setup/settingsTypes';

/** What the background (Haiku) model is: a model ID, the primary model, or left to Claude Code. */
export type BackgroundChoice = { readonly kind: 'model'; readonly modelId: string } | { readonly kind: 'same' } | { readonly kind: 'none' };

/** The background model ID the answers stand for; the primary without `[1m]` for "same as primary". */
export function backgroundModelOf(state: WizardState): string | undefined {
  if (state.background?.kind === 'model') return state.background.modelId;
  if (state.background?.kind === 'same' && state.primary) return withoutLongContext(state.primary);
  return undefined;
}

export interface WizardOptions {
  /** Set `claudeCode.disableLoginPrompt: true` in the folder's `.vscode/settings.json`. */
  readonly disableLoginPrompt: boolean;
  /** `CLAUDE_CODE_MAX_OUTPUT_TOKENS`, when the user limits it. */
  readonly maxOutputTokens?: number;
  /** `ANTHROPIC_DEFAULT_SONNET_MODEL` / `ANTHROPIC_DEFAULT_OPUS_MODEL`, when pinned. */
  readonly sonnetModel?: string;
  readonly opusModel?: string;
}

export interface WizardState {
  readonly multiRoot: boolean;
  /** The workspace folder the project files belong to; absent without an open folder. */
  folder?: { readonly name: string; readonly path: string };
  /**
   * The organisation policy in force for `policyFolder` (the folder's path, undefined without a
   * folder): loaded by the first step that needs it, again when the folder changes.
   */
  policy?: EffectivePolicy;
  policyFolder?: string;
  profile?: string;
  /** The profile signs in through IAM Identity Center itself (so `awsAuthRefresh` can sign it in). */
  ssoProfile?: boolean;
  /** The profile's kind (`static`, `sso`, …), which the policy's credential rules judge. */
  profileKind?: string;
  /** The profile's own `region`, offered first. */
  profileRegion?: string;
  region?: string;
  /** The last catalog loaded, and for which profile and region. */
  catalog?: { readonly profile: string; readonly region: string; readonly result: CatalogResult };
  scope?: Scope;
  primary?: string;
  background?: BackgroundChoice;
  /** The last validation, and what it validated (a changed choice invalidates it). */
  validation?: { readonly key: string; readonly probed: boolean; readonly result: ValidationResult };
  target?: SetupScope;
  options?: WizardOptions;
  /** Add `.claude/settings.local.json` to `.gitignore` when writing. */
  gitignoreLocal?: boolean;
  /** Set by the last step once the files are written. */
  written?: { readonly files: readonly string[]; readonly main?: string; readonly warnings: readonly string[] };
}

/** The model IDs the validation step checks: the primary, then the background model when it differs. */
export function modelsToValidate(state: WizardState): string[] {
  const ids = [state.primary, backgroundModelOf(state)].filter((id): id is string => id !== undefined);
  // "Same as primary" without the [1m] suffix calls the same ID: one check is enough.
  return [...new Set(ids)].filter((id, index, all) => index === 0 || withoutLongContext(id) !== withoutLongContext(all[0]!));
}

/** What a validation result belongs to: changing any of these makes it stale. */
export function validationKey(state: WizardState): string {
  return JSON.stringify([state.profile, state.region, modelsToValidate(state)]);
}

/** The choices a settings plan is made from, once every step before the preview has an answer. */
export function choicesOf(state: WizardState): SetupChoices {
  if (!state.profile || !state.region || !state.primary || !state.target) throw new Error('the wizard has not collected every answer yet');
  const options = state.options;
  const backgroundModel = backgroundModelOf(state);
  return {
    profile: state.profile,
    ssoProfile: state.ssoProfile ?? false,
    region: state.region,
    primaryModel: state.primary,
    ...(backgroundModel ? { backgroundModel } : {}),
    ...(options?.sonnetModel ? { sonnetModel: options.sonnetModel } : {}),
    ...(options?.opusModel ? { opusModel: options.opusModel } : {}),
    ...(options?.maxOutputTokens !== undefined ? { maxOutputTokens: options.maxOutputTokens } : {}),
    scope: state.target,
  };
}
