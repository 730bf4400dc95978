/**
 * What a user sees of a planned write: the diff of each file with secret values hidden (a context
 * line of the preview must not show an API key that happens to sit in the file).
 */

import { SECRET_ENV_KEYS } from './settingsKeys';
import type { FilePlan } from './settingsTypes';
import { unifiedDiff } from '../text/textDiff';

const SECRET_VALUE = new RegExp(`("(?:${[...SECRET_ENV_KEYS].join('|')})"\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"`, 'g');

/** The text with the values of secret keys replaced by `"(hidden)"`. */
export function redactSecrets(text: string): string {
  return text.replace(SECRET_VALUE, '$1"(hidden)"');
}

/** The unified diff of one planned file, secrets hidden; `label` names the file (relative path). */
export function filePlanDiff(file: FilePlan, label: string): string {
  return unifiedDiff(file.before === undefined ? undefined : redactSecrets(file.before), redactSecrets(file.after), label);
}
