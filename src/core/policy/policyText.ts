/**
 * Policy violations and policy-file problems in words, English and Japanese: what is wrong, where the
 * value comes from, which rule of which source file forbids it, and what the quick fix would write.
 * Residency words say where a model would run (Regions with their city names) and name the replacement.
 */

import { scopeOf } from '../models/catalog';
import { describeDiagnosis } from '../models/diagnosis';
import { adminProblemText } from '../team/adminProblem';
import { format, type Locale } from '../text/locale';
import { describeScope } from '../models/modelTable';
import { POLICY_TEXTS, type PolicyTextTable, type ViolationTextKey } from './policyTextTable';
import type { PolicyFileProblem, PolicyRuleName, PolicySource, PolicyViolation, RuleOrigin } from './policyTypes';
import { regionCity } from '../regions/regions';

const REGION_KEYS = new Set(['env.AWS_REGION', 'env.AWS_DEFAULT_REGION']);
const PREFIX_KEY = 'env.ANTHROPIC_BEDROCK_REGION_PREFIX';
const REGION_CODE = /^[a-z]{2,4}(-[a-z]+)+-\d+$/;

/** The name of a rule, as the sidebar and the check list show it. */
export function ruleText(name: PolicyRuleName, locale: Locale): string {
  return POLICY_TEXTS[locale].rules[name];
}

/** The name of a policy source: machine policy, team policy, managed settings. */
export function sourceText(source: PolicySource, locale: Locale): string {
  return POLICY_TEXTS[locale].sources[source];
}

/** `team policy (.claude/bedrock-policy.json) and machine policy (/etc/…)`. */
export function originsText(origins: readonly RuleOrigin[], locale: Locale): string {
  const t = POLICY_TEXTS[locale];
  if (origins.length === 0) return t.none;
  return origins.map((origin) => `${t.sources[origin.source]} (${origin.path})`).join(t.and);
}

function regionLabel(code: string, locale: Locale): string {
  const city = regionCity(code, locale);
  return city === code ? code : `${code} (${city})`;
}

/** Where requests may be served: `*` as any Region worldwide, else the Regions with their cities. */
function whereText(outside: readonly string[] | undefined, t: PolicyTextTable, locale: Locale): string {
  if (outside === undefined || outside.length === 0) return t.none;
  if (outside.includes('*')) return t.anyRegion;
  return format(t.whereCodes, { list: outside.map((code) => regionLabel(code, locale)).join(t.listSeparator) });
}

function allowedText(violation: PolicyViolation, t: PolicyTextTable, locale: Locale): string {
  const allowed = violation.allowed ?? [];
  if (allowed.length === 0) return t.none;
  const regions = violation.rule === 'dataResidency' || violation.rule === 'allowedRegions';
  return allowed.map((item) => (regions ? regionLabel(item, locale) : item)).join(t.listSeparator);
}

/** A sentence that ends as one (`.` or `。`), so a template never doubles or drops the stop. */
function asSentence(text: string, locale: Locale): string {
  const trimmed = text.trim();
  if (trimmed === '' || /[.!?。！？]$/.test(trimmed)) return trimmed;
  return `${trimmed}${locale === 'ja' ? '。' : '.'}`;
}

/** Why the account's answer could not be read, in the reader's language when the failure itself is known. */
function unreadText(v: PolicyViolation, t: PolicyTextTable, locale: Locale): { reason: string; error: string } {
  const described = v.diagnosis === undefined ? undefined : describeDiagnosis(v.diagnosis, locale);
  const error = described === undefined ? (v.lookupError ?? '') : [described.cause, described.fix].map((part) => asSentence(part, locale)).filter((part) => part !== '').join(t.sentenceSeparator);
  return { reason: v.problem === undefined ? '' : asSentence(adminProblemText(v.problem, locale), locale), error: asSentence(error, locale) };
}

/** Which wording fits: the code, or a variant for a missing, derived or Region value. */
function textKey(v: PolicyViolation): ViolationTextKey {
  const set = v.value !== undefined && v.value !== '';
  const regionKey = v.key !== undefined && REGION_KEYS.has(v.key);
  const isRegion = set && (regionKey || (v.key === undefined && REGION_CODE.test(v.value!)));
  const isPrefix = v.key === PREFIX_KEY;
  const isScope = v.key === undefined && set && scopeOf(v.value!) === undefined;
  switch (v.code) {
    case 'region-not-allowed':
      return set ? v.code : 'region-not-allowed:missing';
    case 'residency-outside':
      if (isRegion) return 'residency-outside:region';
      if (regionKey) return 'residency-outside:missing';
      if (isPrefix) return set ? 'residency-outside:prefix' : 'residency-outside:derived';
      return isScope ? 'residency-outside:scope' : v.code;
    case 'scope-not-allowed':
      if (isPrefix) return set ? 'scope-not-allowed:prefix' : 'scope-not-allowed:derived';
      return isScope ? 'scope-not-allowed:scope' : v.code;
    case 'residency-unverified':
      if (v.lookupError !== undefined) return 'residency-unverified:lookup';
      return isPrefix && !set ? 'residency-unverified:derived' : v.code;
    case 'invocation-logging-unverified':
      return v.unread !== undefined ? 'invocation-logging-unverified:unread' : v.code;
    case 'env-required':
      return set ? v.code : 'env-required:missing';
    case 'static-keys-forbidden':
      if (v.key !== undefined && v.key !== 'env.AWS_PROFILE') return 'static-keys-forbidden:env';
      return set ? v.code : 'static-keys-forbidden:unnamed';
    case 'sso-required':
      return set ? v.code : 'sso-required:unnamed';
    default:
      return v.code;
  }
}

/** `Haiku` for `env.ANTHROPIC_DEFAULT_HAIKU_MODEL`. */
function aliasOf(key: string | undefined): string {
  const match = /ANTHROPIC_DEFAULT_([A-Z]+)_MODEL$/.exec(key ?? '');
  const word = match?.[1]?.toLowerCase() ?? '';
  return word === '' ? '' : word[0]!.toUpperCase() + word.slice(1);
}

function fixLabel(v: PolicyViolation, t: PolicyTextTable): string | undefined {
  const fix = v.fix;
  if (fix === undefined) return undefined;
  if (v.code === 'managed-lock') return format(t.fix.locked, { value: fix.value });
  if (fix.value === undefined) return format(t.fix.remove, { key: fix.key });
  if (v.code === 'pin-required') return format(t.fix.pin, { key: fix.key, value: fix.value });
  return format(t.fix.set, { key: fix.key, value: fix.value });
}

/** A violation in words: a title, a detail naming the value's file and the rule's sources, and the quick fix's label. */
export function violationText(v: PolicyViolation, locale: Locale): { title: string; detail: string; fixLabel?: string } {
  const t = POLICY_TEXTS[locale];
  const entry = t.violations[textKey(v)];
  const unread = unreadText(v, t, locale);
  const params = {
    value: v.value ?? '',
    region: v.value === undefined ? '' : regionLabel(v.value, locale),
    key: v.key ?? '',
    name: (v.key ?? '').replace(/^env\./, ''),
    scope: v.value === undefined ? '' : (scopeOf(v.value) ?? v.value),
    // A scope by its prefix (`global.`), or by name for the two without one.
    scopeName: v.value === 'in-region' || v.value === 'application' ? describeScope(v.value, locale).label : `${v.value ?? ''}.`,
    allowed: allowedText(v, t, locale),
    where: whereText(v.outside, t, locale),
    limit: v.limit,
    required: v.fix?.value ?? '',
    alias: aliasOf(v.key),
    locked: v.fix?.value ?? '',
    path: v.origins[0]?.path ?? '',
    reason: unread.reason,
    error: unread.error,
    cause: v.unread === undefined ? '' : t.loggingUnread[v.unread],
  };
  const detail = [format(entry.detail, params)];
  const replacement = v.fix?.value;
  if (replacement !== undefined && (v.code === 'residency-outside' || v.code === 'scope-not-allowed') && replacement !== v.value) detail.push(format(t.useInstead, { replacement }));
  if (v.source !== undefined && v.path !== undefined) detail.push(format(t.setIn, { source: t.settingsSources[v.source], path: v.path }));
  if (v.source === 'managed') detail.push(t.managedValue);
  if (v.code !== 'managed-lock') detail.push(format(t.ruleFrom, { rule: t.rules[v.rule], origins: originsText(v.origins, locale) }));
  const label = fixLabel(v, t);
  return { title: format(entry.title, params), detail: detail.join(t.sentenceSeparator), ...(label === undefined ? {} : { fixLabel: label }) };
}

/** A policy file's problem in words: which file, where in it, what is wrong (the English detail), and that it counts for nothing until fixed. */
export function policyProblemText(p: PolicyFileProblem, locale: Locale): { title: string; detail: string } {
  const t = POLICY_TEXTS[locale];
  const place = p.line === undefined ? '' : format(t.place, { line: p.line, column: p.column ?? 1 });
  const consequence = p.source !== 'managed' ? t.noRules : p.code === 'syntax' ? t.managedIgnored : undefined;
  const detail = `${p.path}${place}: ${p.detail}${/[.。]$/.test(p.detail) ? '' : '.'}`;
  return { title: format(t.problems[p.code], { source: t.sources[p.source] }), detail: consequence === undefined ? detail : `${detail}${t.sentenceSeparator}${consequence}` };
}
