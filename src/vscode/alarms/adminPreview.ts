/**
 * What the admin's flows share: the preview (a diff of how things are and how they will be, on a
 * scheme of its own) open while a modal asks, closed whatever the answer; and a failed call in words.
 */

import * as vscode from 'vscode';
import { describeAdminFailure } from '../../core/iam/adminDenial';
import type { Diagnosis } from '../../core/models/bedrockTypes';
import { uiLocale } from '../uiLocale';
import { PreviewDocuments } from '../wizard/steps/previewDocuments';

const ADMIN_PREVIEW_SCHEME = 'claude-bedrock-admin-preview';

export interface PreviewQuestion {
  /** Names the preview among the admin's (`alarms`, `dashboard`). */
  readonly key: string;
  /** Gives the documents their language (`….json`). */
  readonly fileName: string;
  /** Undefined: nothing exists yet (an empty left side). */
  readonly before: string | undefined;
  readonly after: string;
  readonly title: string;
  readonly question: string;
  readonly detail: string;
  /** The one button that goes ahead. */
  readonly button: string;
}

/** Shows the diff, asks in a modal, closes the diff: true only when the user pressed `button`. */
export async function confirmWithPreview(question: PreviewQuestion): Promise<boolean> {
  const preview = new PreviewDocuments(ADMIN_PREVIEW_SCHEME);
  try {
    await preview.showDiff(question.key, question.fileName, question.before, question.after, question.title);
    return (await vscode.window.showWarningMessage(question.question, { modal: true, detail: question.detail }, question.button)) === question.button;
  } finally {
    await preview.closeTabs();
    preview.dispose();
  }
}

/** A failed admin call: its cause and fix, the denied action named. */
export function adminFailureText(diagnosis: Diagnosis): string {
  const text = describeAdminFailure(diagnosis, uiLocale());
  return `${text.cause} ${text.fix}`;
}
