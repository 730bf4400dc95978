/**
 * A failed call of the admin features in words: an access denial of an admin action names the
 * action and points at the admin policy (not the developer's); every other failure reads as the
 * Bedrock diagnoses do. English and Japanese.
 */

import type { Diagnosis, DiagnosisText } from '../models/bedrockTypes';
import { denialKind, describeDiagnosis } from '../models/diagnosis';
import { format, type Locale } from '../text/locale';
import { adminActions } from './adminPolicy';
import { normalizeAction } from './awsActions';

const TEXTS: Readonly<Record<Locale, { readonly cause: string; readonly fix: string }>> = {
  en: {
    cause: 'Your IAM identity may not call {action} ({operation} in {region}), which the team-admin features need.',
    fix: 'Attach the admin policy to your role or user (claude-bedrock admin-stack writes it as AdminPolicy; it allows {action} and the other admin actions), or ask your administrator to.',
  },
  ja: {
    cause: 'あなたの IAM ID には {action} を呼び出す権限がありません ({region} の {operation})。チーム管理の機能に必要です。',
    fix: '管理者用ポリシー (claude-bedrock admin-stack が AdminPolicy として書き出します。{action} などの管理操作を許可します) をロールまたはユーザーにアタッチするか、管理者に依頼してください。',
  },
};

/** Cause and fix of a failed admin call; an access denial of an admin action names it and the admin policy. */
export function describeAdminFailure(diagnosis: Diagnosis, locale: Locale): DiagnosisText {
  const action = diagnosis.deniedAction === undefined ? undefined : normalizeAction(diagnosis.deniedAction);
  const kind = denialKind(diagnosis.detail);
  if (diagnosis.code === 'iam-denied' && action !== undefined && adminActions().includes(action) && (kind === 'no-allow' || kind === 'unspecified')) {
    const params = { action, operation: diagnosis.operation ?? action, region: diagnosis.region ?? '' };
    return { cause: format(TEXTS[locale].cause, params), fix: format(TEXTS[locale].fix, params) };
  }
  const text = describeDiagnosis(diagnosis, locale);
  return action === undefined || action === diagnosis.deniedAction ? text : { ...text, cause: text.cause.split(diagnosis.deniedAction!).join(action), fix: text.fix.split(diagnosis.deniedAction!).join(action) };
}
