/**
 * What the admin commands (`team`, `logging`, `spend`, `budgets`, `cost plan`) share: their options,
 * the profile, Region and models they read (the options, else the folder's Claude settings, else
 * what the SDK would choose), the confirmation a write needs (`--yes`, or a "y" at a terminal; CI
 * has no terminal), and how a credentials failure or an unread part is printed.
 */

import type { Environment } from '../../aws/profiles/awsFiles';
import type { CredentialTarget } from '../../aws/clients';
import { describeDiagnosis } from '../../core/models/diagnosis';
import type { Diagnosis } from '../../core/models/bedrockTypes';
import { adminProblemText, type AdminProblem } from '../../core/team/adminProblem';
import { format, type Locale } from '../../core/text/locale';
import type { Confirm } from '../confirm';
import { UsageError, type CommandOutput } from '../output';
import { REPORT_SCHEMA_VERSION } from '../report';
import { printable } from '../table';
import { profileMissingText, targetJson, targetText } from '../target';
import { cliText } from '../text';
import { resolveUsageTarget } from '../usage/usageTarget';

export interface AdminOptions {
  readonly subcommand?: string;
  readonly profile?: string;
  readonly region?: string;
  readonly models: readonly string[];
  readonly folder?: string;
  readonly range?: string;
  readonly yes: boolean;
  readonly timeoutMs: number;
  readonly json: boolean;
  readonly locale: Locale;
  readonly env: Environment;
  readonly cwd: string;
  /** Asks on the terminal (after the plan); absent without one, as in CI. */
  readonly confirm?: Confirm;
  /** Every other option as given (budget limits, plan figures …), by its name on the command line. */
  readonly values: Readonly<Record<string, string | boolean | readonly string[] | undefined>>;
}

export interface AdminTarget {
  readonly target: CredentialTarget;
  readonly region: string;
  readonly modelIds: readonly string[];
}

/** The profile, Region and models of a command, or a usage error saying what to pass. */
export async function adminTarget(options: AdminOptions): Promise<AdminTarget> {
  const { locale } = options;
  const resolved = await resolveUsageTarget(options);
  if (resolved.target.type === 'profile' && !resolved.profile) throw new UsageError(profileMissingText(resolved.target.profile, resolved.discovery, locale));
  if (!resolved.region) throw new UsageError(cliText(locale, 'noRegion', { target: targetText(resolved.target, locale) }));
  return { target: resolved.target, region: resolved.region, modelIds: resolved.modelIds };
}

const WORDS = {
  en: {
    confirm: 'Apply this?',
    notConfirmed: 'Nothing was changed: {reason}',
    noTerminal: 'there is no terminal to confirm at. Read the plan above and run the same command with --yes to apply it.',
    declined: 'not confirmed.',
    problems: 'Could not read everything:',
    notVerified: 'not verified',
  },
  ja: {
    confirm: 'これを適用しますか?',
    notConfirmed: '何も変更していません: {reason}',
    noTerminal: '確認できる端末がありません。上のプランを確認し、同じコマンドに --yes を付けて実行すると適用します。',
    declined: '確認されませんでした。',
    problems: '読み取れなかったもの:',
    notVerified: '未確認',
  },
} as const;

function adminWords(locale: Locale, key: keyof (typeof WORDS)['en'], params: Readonly<Record<string, string>> = {}): string {
  return format(WORDS[locale][key], params);
}

/**
 * Whether a write may go ahead: `--yes`, or "y" typed at a terminal after the plan was shown there.
 * `planShown` says whether the person saw the plan already (at the prompt), so the output need not
 * repeat it. Without a terminal and without `--yes` it is a usage error (exit 2), as for `alarms
 * apply`; a "no" at the terminal is exit 1.
 */
export async function confirmWrite(options: AdminOptions, plan: readonly string[]): Promise<{ ok: true; planShown: boolean } | { ok: false; planShown: boolean; message: string; exitCode: 1 | 2 }> {
  if (options.yes) return { ok: true, planShown: false };
  if (options.confirm === undefined || options.json) return { ok: false, planShown: false, message: adminWords(options.locale, 'notConfirmed', { reason: adminWords(options.locale, 'noTerminal') }), exitCode: 2 };
  const yes = await options.confirm(`${plan.join('\n')}\n\n${adminWords(options.locale, 'confirm')}`);
  return yes ? { ok: true, planShown: true } : { ok: false, planShown: true, message: adminWords(options.locale, 'notConfirmed', { reason: adminWords(options.locale, 'declined') }), exitCode: 1 };
}

/** A refresh that failed as a whole (credentials): exit 1, cause and fix. */
export function credentialsFailure(diagnosis: Diagnosis, options: AdminOptions, target: AdminTarget): CommandOutput {
  const text = describeDiagnosis(diagnosis, options.locale);
  if (options.json) {
    return { stdout: JSON.stringify({ schemaVersion: REPORT_SCHEMA_VERSION, target: targetJson(target.target), region: target.region, error: { cause: text.cause, fix: text.fix } }, null, 2), exitCode: 1 };
  }
  return { stdout: `✖ ${printable(text.cause)}\n  ${cliText(options.locale, 'fixLabel')}: ${printable(text.fix)}`, exitCode: 1 };
}

/** The problems of a read as lines (each one not verified, with the missing permission named). */
export function problemLines(problems: readonly AdminProblem[], locale: Locale): string[] {
  if (problems.length === 0) return [];
  return ['', adminWords(locale, 'problems'), ...problems.map((problem) => `  ✖ ${adminWords(locale, 'notVerified')}: ${printable(adminProblemText(problem, locale))}`)];
}

/** Problems for JSON: each with its words. */
export function problemsJson(problems: readonly AdminProblem[], locale: Locale) {
  return problems.map((problem) => ({ ...problem, state: 'not-verified' as const, message: adminProblemText(problem, locale) }));
}

/** A string option, when given. */
export function stringValue(options: AdminOptions, name: string): string | undefined {
  const value = options.values[name];
  return typeof value === 'string' ? value : undefined;
}

/** Every value of a repeatable option. */
export function listValue(options: AdminOptions, name: string): string[] {
  const value = options.values[name];
  return Array.isArray(value) ? [...(value as string[])] : typeof value === 'string' ? [value] : [];
}
