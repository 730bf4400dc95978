/** Words for profile kinds and sign-in states, shared by the CLI and the extension. */

import { format, type Locale } from '../text/locale';
import type { ProfileKind, TokenState } from './profiles';

const KIND_LABELS: Record<Locale, Record<ProfileKind, string>> = {
  en: {
    static: 'static keys',
    session: 'session keys',
    sso: 'SSO',
    'sso-legacy': 'SSO (legacy)',
    'assume-role': 'assume role',
    'credential-process': 'credential process',
    'web-identity': 'web identity',
    login: 'aws login',
    none: 'no credentials',
  },
  ja: {
    static: '静的キー',
    session: 'セッションキー',
    sso: 'SSO',
    'sso-legacy': 'SSO (レガシー)',
    'assume-role': 'ロール引き受け',
    'credential-process': '認証情報プロセス',
    'web-identity': 'Web ID',
    login: 'aws login',
    none: '認証情報なし',
  },
};

/** A profile kind in the user's words. */
export function kindLabel(kind: ProfileKind, locale: Locale): string {
  return KIND_LABELS[locale][kind];
}

const TOKEN_LABELS: Record<Locale, Record<TokenState['state'] | 'expiredRefreshable', string>> = {
  en: {
    valid: 'signed in until {time}',
    expired: 'expired at {time}',
    expiredRefreshable: 'expired at {time} (refresh will be tried)',
    missing: 'not signed in',
    unreadable: 'sign-in cache unreadable',
  },
  ja: {
    valid: '{time} までサインイン済み',
    expired: '{time} に期限切れ',
    expiredRefreshable: '{time} に期限切れ (更新を試みます)',
    missing: '未サインイン',
    unreadable: 'サインインのキャッシュを読めません',
  },
};

/** A sign-in state with its time, e.g. "signed in until 2026-11-22 09:00 UTC". */
export function tokenLabel(token: TokenState, locale: Locale, formatTime: (iso: string) => string = formatUtc): string {
  const labels = TOKEN_LABELS[locale];
  switch (token.state) {
    case 'valid':
      return format(labels.valid, { time: formatTime(token.expiresAt) });
    case 'expired':
      return format(token.refreshable ? labels.expiredRefreshable : labels.expired, { time: formatTime(token.expiresAt) });
    default:
      return labels[token.state];
  }
}

/** `2026-11-22 09:00 UTC`: unambiguous and the same on every machine. */
export function formatUtc(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
