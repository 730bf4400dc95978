/** The languages every user-facing string exists in. */
export type Locale = 'en' | 'ja';

/** Picks a supported locale from a BCP 47 tag or a POSIX locale (`ja`, `ja-JP`, `ja_JP.UTF-8`). */
export function pickLocale(tag: string | undefined): Locale {
  return tag !== undefined && /^ja(?:[-_.]|$)/i.test(tag.trim()) ? 'ja' : 'en';
}

/** Replaces `{name}` placeholders; unknown placeholders stay visible rather than vanish. */
export function format(template: string, params: Readonly<Record<string, string | number | undefined>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = params[key];
    return value === undefined ? whole : String(value);
  });
}
