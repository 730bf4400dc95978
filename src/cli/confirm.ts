/**
 * How `apply` commands get their confirmation. With a terminal the CLI asks (y/N) after printing
 * the plan; without one (CI has no standard input) nothing is applied unless `--yes` was given,
 * which says yes to exactly the plan printed above it.
 */

import { createInterface } from 'node:readline/promises';
import { format, type Locale } from '../core/text/locale';

/** Asks a yes/no question; absent when there is no terminal to ask on. */
export type Confirm = (question: string) => Promise<boolean>;

/** A question on the process's terminal, when both standard input and output are one. */
export function terminalConfirm(): Confirm | undefined {
  if (!process.stdin.isTTY || !process.stdout.isTTY) return undefined;
  return async (question) => {
    const prompt = createInterface({ input: process.stdin, output: process.stdout });
    try {
      return /^(?:y|yes|はい)$/i.test((await prompt.question(`${question} [y/N] `)).trim());
    } finally {
      prompt.close();
    }
  };
}

const TEXT = {
  en: {
    question: 'Apply this plan in {region}?',
    declined: 'Not applied: nothing was created or changed.',
    noTerminal: 'Not applied: there is no terminal to confirm on. Pass --yes to apply exactly the plan above (in CI, after reviewing it).',
  },
  ja: {
    question: '{region} でこの計画を適用しますか?',
    declined: '適用しませんでした。何も作成・変更していません。',
    noTerminal: '適用しませんでした: 確認できる端末がありません。上の計画をそのまま適用するには --yes を付けてください (CI では計画を確認してから)。',
  },
} as const;

export type ConfirmOutcome = 'yes' | 'declined' | 'no-terminal';

/** Whether to apply: `--yes`, else the terminal's answer, else no. */
export async function confirmApply(yes: boolean, confirm: Confirm | undefined, region: string, locale: Locale): Promise<ConfirmOutcome> {
  if (yes) return 'yes';
  if (confirm === undefined) return 'no-terminal';
  return (await confirm(format(TEXT[locale].question, { region }))) ? 'yes' : 'declined';
}

/** What the CLI says when it did not apply. */
export function notAppliedText(outcome: Exclude<ConfirmOutcome, 'yes'>, locale: Locale): string {
  return outcome === 'declined' ? TEXT[locale].declined : TEXT[locale].noTerminal;
}
