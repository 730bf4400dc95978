/**
 * `claude-bedrock spend`: what Claude on Bedrock really cost (Cost Explorer: the month so far, the
 * last two full months, the forecast), split by model and token kind, beside the CloudWatch
 * estimate of the folder's models for the same month, and why the two differ. Cost Explorer is
 * asked at most once an hour: a younger answer comes from the cache folder, with its age.
 */

import { readSpendWithCache } from '../../aws/spend/spendCached';
import { ageText, comparisonLines, monthLines, spendText } from '../../core/spend/spendText';
import type { SpendReport } from '../../core/spend/spendTypes';
import type { Locale } from '../../core/text/locale';
import { cliCacheDir, spendCacheFile } from '../../files/spendCache';
import type { CommandOutput } from '../output';
import { REPORT_SCHEMA_VERSION } from '../report';
import { printable } from '../table';
import { targetJson } from '../target';
import { adminTarget, credentialsFailure, problemLines, problemsJson, type AdminOptions } from '../team/adminOptions';

/** The report's lines: months, comparison, the filter, and the age of the read. */
export function spendLines(report: SpendReport, locale: Locale, now: number): string[] {
  const lines = [spendText(locale, 'title'), spendText(locale, 'read', { age: ageText(report.generatedAt, now, locale) }), ''];
  if (report.months) {
    for (const month of [...report.months].reverse()) lines.push(...monthLines(month, locale));
    lines.push('');
  }
  lines.push(...comparisonLines(report, locale));
  if (report.months) lines.push('', report.services.some((service) => /claude/i.test(service)) ? spendText(locale, 'filter', { services: report.services.filter((service) => /claude/i.test(service)).map(printable).join(', ') }) : spendText(locale, 'noServices'));
  return [...lines, ...problemLines(report.problems, locale)];
}

export async function spendCommand(options: AdminOptions): Promise<CommandOutput> {
  const { locale } = options;
  const target = await adminTarget(options);
  const now = Date.now();
  const file = spendCacheFile(cliCacheDir(options.env), { profile: target.target.type === 'profile' ? target.target.profile : '(environment)', region: target.region, modelIds: target.modelIds });
  const read = await readSpendWithCache({ file, now, target: target.target, region: target.region, modelIds: target.modelIds, timeoutMs: options.timeoutMs });
  if (!read.ok) return credentialsFailure(read.credentials, options, target);
  const { report, fromCache } = read;
  const exitCode = report.problems.length > 0 ? 1 : 0;
  if (options.json) {
    return { stdout: JSON.stringify({ schemaVersion: REPORT_SCHEMA_VERSION, target: targetJson(target.target), region: target.region, fromCache, ...report, problems: problemsJson(report.problems, locale) }, null, 2), exitCode };
  }
  return { stdout: spendLines(report, locale, now).join('\n'), exitCode };
}
