/**
 * `claude-bedrock policy check`: the folder's effective Claude settings against its organisation
 * policy, for terminals and CI. Exit 1 on any violation or unusable policy file, so a pipeline
 * fails on a hand-edited `global.` pin; `--proof FILE` writes the data-residency proof for an audit.
 */

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Environment } from '../../aws/profiles/awsFiles';
import { checkCompliance, type ComplianceReport } from '../../aws/policy/compliance';
import { describeDiagnosis } from '../../core/models/diagnosis';
import type { Locale } from '../../core/text/locale';
import { policyProblemText, ruleText, sourceText, violationText } from '../../core/policy/policyText';
import type { ResidencyCheck } from '../../core/policy/policyTypes';
import { UsageError, type CommandOutput } from '../output';
import { policyCliText as t } from './policyText';
import { REPORT_SCHEMA_VERSION } from '../report';
import { printable } from '../table';

export interface PolicyCommandOptions {
  readonly subcommand?: string;
  readonly folder?: string;
  readonly profile?: string;
  readonly region?: string;
  readonly proof?: string;
  readonly offline: boolean;
  readonly timeoutMs: number;
  readonly json: boolean;
  readonly locale: Locale;
  readonly env: Environment;
  readonly cwd: string;
}

/** Why a lookup failed, in the reader's language when its diagnosis is known (else the proof's English words). */
function lookupText(check: ResidencyCheck, locale: Locale): string {
  if (check.diagnosis === undefined) return check.error ?? '';
  const { cause, fix } = describeDiagnosis(check.diagnosis, locale);
  return `${cause}${locale === 'ja' ? '' : ' '}${fix}`;
}

function destinationsText(check: ResidencyCheck, locale: Locale): string {
  if (check.verdict === 'unverified') return `? ${lookupText(check, locale)}`.trim();
  return check.anyRegion ? t(locale, 'anyRegion') : check.destinations.join(', ');
}

/** A settings file the check cannot see into, and what to do. */
function unusableText(file: ComplianceReport['unusable'][number], locale: Locale): string {
  if (file.error) return t(locale, 'settingsUnparsable', { path: file.path, line: file.error.line, column: file.error.column, message: file.error.message });
  return t(locale, 'settingsUnreadable', { path: file.path, detail: file.unreadable ?? '' });
}

function jsonReport(report: ComplianceReport, folder: string, locale: Locale, proofPath: string | undefined) {
  const { policy } = report;
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    folder,
    compliant: report.compliant,
    sources: policy.sources,
    locks: policy.locks,
    problems: policy.problems.map((problem) => ({ ...problem, ...policyProblemText(problem, locale) })),
    violations: report.violations.map((violation) => ({ ...violation, ...violationText(violation, locale) })),
    unusableSettings: report.unusable.map((file) => ({ ...file, text: unusableText(file, locale) })),
    residency: report.residency === undefined ? null : 'credentials' in report.residency ? { error: describeDiagnosis(report.residency.credentials, locale) } : report.residency.proof,
    ...(report.residency && 'accountError' in report.residency && report.residency.accountError ? { residencyAccountError: describeDiagnosis(report.residency.accountError, locale) } : {}),
    ...(proofPath ? { proofPath } : {}),
  };
}

function textReport(report: ComplianceReport, folder: string, options: PolicyCommandOptions): string[] {
  const { locale } = options;
  const { policy } = report;
  const lines = [t(locale, 'title', { folder })];
  const active = policy.sources.filter((source) => source.rules.length > 0);
  if (active.length === 0 && policy.locks.length === 0 && policy.problems.length === 0) lines.push('', t(locale, 'noPolicy'));
  else {
    lines.push('', t(locale, 'sources'));
    for (const source of policy.sources) {
      const rules = source.rules.length > 0 ? source.rules.map((rule) => ruleText(rule, locale)).join(', ') : t(locale, 'noRules');
      lines.push(`  ${sourceText(source.source, locale)}  ${printable(source.path)} — ${rules}`);
    }
  }
  if (policy.locks.length > 0) {
    lines.push('', t(locale, 'locks'));
    for (const lock of policy.locks) lines.push(`  ${t(locale, 'lock', { key: lock.key, value: printable(lock.value), path: printable(lock.path) })}`);
  }
  if (policy.dataResidency) {
    const allowed = policy.dataResidency.value.join(', ');
    lines.push('');
    if (report.residency === undefined) lines.push(t(locale, 'residencySkipped', { allowed }));
    else if ('credentials' in report.residency) {
      const text = describeDiagnosis(report.residency.credentials, locale);
      lines.push(`✖ ${t(locale, 'residencyNoCredentials', { cause: printable(text.cause) })}`, `    ${t(locale, 'fixLabel')}: ${printable(text.fix)}`);
    } else {
      const { checks, accountError } = report.residency;
      const resolved = checks.filter((check) => check.verdict !== 'unverified').length;
      lines.push(t(locale, 'residencyChecked', { allowed, count: resolved, total: checks.length, time: report.residency.proof.checkedAt }));
      for (const check of checks) {
        const mark = check.verdict === 'inside' ? '✔' : '✖';
        lines.push(`  ${mark} ${t(locale, 'residencyInside', { modelId: printable(check.modelId), destinations: printable(destinationsText(check, locale)) })}`);
      }
      if (accountError) {
        const text = describeDiagnosis(accountError, locale);
        lines.push(`⚠ ${t(locale, 'residencyNoAccount', { cause: printable(text.cause) })}`, `    ${t(locale, 'fixLabel')}: ${printable(text.fix)}`);
      }
    }
  }
  for (const problem of policy.problems) {
    const text = policyProblemText(problem, locale);
    lines.push('', `✖ ${printable(text.title)}`, `    ${printable(text.detail)}`);
  }
  for (const violation of report.violations) {
    const text = violationText(violation, locale);
    lines.push('', `✖ ${printable(text.title)}`, `    ${printable(text.detail)}`);
    if (violation.path) lines.push(`    ${t(locale, 'fileLabel')}: ${printable(violation.path)}`);
    if (text.fixLabel) lines.push(`    ${t(locale, 'fixLabel')}: ${printable(text.fixLabel)}`);
  }
  for (const file of report.unusable) lines.push('', `✖ ${printable(unusableText(file, locale))}`);
  lines.push('');
  if (report.violations.length > 0) lines.push(t(locale, 'violations', { count: report.violations.length }));
  if (report.unusable.length > 0 && !report.compliant) lines.push(t(locale, 'unusable', { count: report.unusable.length }));
  if (policy.problems.length > 0) lines.push(t(locale, 'problems', { count: policy.problems.length }));
  if (report.compliant) lines.push(t(locale, 'compliant'));
  return lines;
}

export async function policyCommand(options: PolicyCommandOptions): Promise<CommandOutput> {
  const { locale } = options;
  if (options.subcommand !== 'check') throw new UsageError(t(locale, 'badSubcommand', { command: options.subcommand ?? '' }));
  const folder = path.resolve(options.cwd, options.folder ?? '.');
  const report = await checkCompliance({
    folder,
    env: options.env,
    online: !options.offline,
    timeoutMs: options.timeoutMs,
    ...(options.profile ? { profile: options.profile } : {}),
    ...(options.region ? { region: options.region } : {}),
  });
  const notes: string[] = [];
  let proofPath: string | undefined;
  if (options.proof && report.residency && 'proof' in report.residency) {
    proofPath = path.resolve(options.cwd, options.proof);
    try {
      await fs.writeFile(proofPath, `${JSON.stringify(report.residency.proof, null, 2)}\n`);
      notes.push(t(locale, 'proofWritten', { path: proofPath }));
    } catch (error) {
      notes.push(t(locale, 'proofUnwritable', { path: proofPath, detail: (error as NodeJS.ErrnoException).code ?? String(error) }));
      proofPath = undefined;
    }
  }
  const exitCode = report.compliant ? 0 : 1;
  if (options.json) return { stdout: JSON.stringify(jsonReport(report, folder, locale, proofPath), null, 2), exitCode };
  return { stdout: [...textReport(report, folder, options), ...notes].join('\n'), exitCode };
}
