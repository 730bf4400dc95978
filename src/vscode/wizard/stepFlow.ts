/**
 * The order of a multi-step input, without any UI: steps are functions that return the next step,
 * the history is a stack, Back re-runs the previous step (its answers stay in the shared state, so
 * it shows them again), and Cancel ends the whole flow. No `vscode` here, so it is unit-tested.
 */

/** Thrown by a step when the user pressed Back. */
export class GoBack extends Error {
  constructor() {
    super('back');
  }
}

/** Thrown by a step when the user cancelled (Escape, or the input was closed). */
export class Cancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

/** One step: asks, stores the answer in `state`, and names the step that follows (none: finished). */
export type Step<S> = (state: S) => Promise<Step<S> | undefined>;

/**
 * Runs steps from `first` until one returns no next step (`true`) or the user cancels (`false`).
 * Back on the first step stays there. Any other error ends the flow and is rethrown.
 */
export async function runSteps<S>(first: Step<S>, state: S): Promise<boolean> {
  const history: Step<S>[] = [first];
  for (;;) {
    const step = history[history.length - 1]!;
    try {
      const next = await step(state);
      if (next === undefined) return true;
      history.push(next);
    } catch (error) {
      if (error instanceof GoBack) {
        if (history.length > 1) history.pop();
        continue;
      }
      if (error instanceof Cancelled) return false;
      throw error;
    }
  }
}

/** The numbered steps of the setup wizard, in order; `folder` only in a multi-root workspace. */
export const WIZARD_STEPS = ['folder', 'profile', 'region', 'scope', 'primary', 'background', 'validation', 'target', 'options', 'preview'] as const;

export type WizardStepName = (typeof WIZARD_STEPS)[number];

/** "Step n of m" for a named step. */
export interface StepPosition {
  readonly step: number;
  readonly totalSteps: number;
}

/** The position of a step; sub-steps (signing in, a token limit) share their parent's number. */
export function stepPosition(name: WizardStepName, multiRoot: boolean): StepPosition {
  const steps: readonly WizardStepName[] = multiRoot ? WIZARD_STEPS : WIZARD_STEPS.filter((step) => step !== 'folder');
  const index = steps.indexOf(name);
  if (index < 0) throw new Error(`the ${name} step is not part of this wizard`);
  return { step: index + 1, totalSteps: steps.length };
}
