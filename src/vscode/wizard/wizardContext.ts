/**
 * What every step of the setup wizard shares: the title, "step n of m", whether Back is offered,
 * which step follows, the models view's answers to preselect, and the preview documents.
 */

import * as vscode from 'vscode';
import type { ModelsState } from '../models/modelsState';
import type { ClaudeCodeInstalls } from '../../core/claudeCode/installTypes';
import type { PreviewDocuments } from './steps/previewDocuments';
import { stepPosition, WIZARD_STEPS, type Step, type StepPosition, type WizardStepName } from './stepFlow';
import type { WizardState } from './wizardState';

/** What the wizard needs from the rest of the extension. */
export interface WizardDependencies {
  /** The models view's profile, region and chosen models are preselected, and updated after writing. */
  readonly models?: ModelsState;
  /** Finds the Claude Code that will read what is written (the health check's, with the versions it read). */
  readonly claudeCode?: { detect(): Promise<ClaudeCodeInstalls> };
}

export interface StepFrame {
  readonly title: string;
  readonly position: StepPosition;
  readonly canGoBack: boolean;
}

export interface WizardContext extends WizardDependencies {
  readonly preview: PreviewDocuments;
  /** Title, position and Back button of a step. */
  frame(name: WizardStepName, state: WizardState): StepFrame;
  /** The step that follows a named step (none after the preview). */
  after(name: WizardStepName, state: WizardState): Step<WizardState> | undefined;
}

export type StepFactory = (context: WizardContext) => Step<WizardState>;

/** Builds the context from the step factories, in the order WIZARD_STEPS gives. */
export function wizardContext(dependencies: WizardDependencies, preview: PreviewDocuments, factories: Readonly<Record<WizardStepName, StepFactory>>): WizardContext {
  const context: WizardContext = {
    ...dependencies,
    preview,
    frame: (name, state) => ({
      title: vscode.l10n.t('Set Up Claude Code on Bedrock'),
      position: stepPosition(name, state.multiRoot),
      canGoBack: name !== firstStepName(state),
    }),
    after: (name, state) => {
      const names = stepNames(state);
      const next = names[names.indexOf(name) + 1];
      return next === undefined ? undefined : factories[next](context);
    },
  };
  return context;
}

function stepNames(state: WizardState): readonly WizardStepName[] {
  return state.multiRoot ? WIZARD_STEPS : WIZARD_STEPS.filter((name) => name !== 'folder');
}

/** The step a wizard starts with. */
export function firstStepName(state: WizardState): WizardStepName {
  return stepNames(state)[0]!;
}
