/** The JSON shapes the CLI prints: the discovery result with every problem's words attached. */

import type { Diagnosis } from '../core/models/bedrockTypes';
import { describeDiagnosis } from '../core/models/diagnosis';
import type { Locale } from '../core/text/locale';
import { describeProblem } from '../core/profiles/problemMessages';
import type { Problem } from '../core/profiles/problems';
import type { AwsProfile, ProfileDiscovery } from '../core/profiles/profiles';

export const REPORT_SCHEMA_VERSION = 1;

export interface ProblemReport extends Problem {
  readonly message: string;
  readonly fix: string;
  readonly command?: string;
}

/** A problem with its message and fix in a locale. */
export function problemReport(problem: Problem, locale: Locale): ProblemReport {
  return { ...problem, ...describeProblem(problem, locale) };
}

/** A profile for JSON output: everything discovered, problems in words. */
export function profileReport(profile: AwsProfile, locale: Locale) {
  return { ...profile, problems: profile.problems.map((problem) => problemReport(problem, locale)) };
}

/** The whole `profiles --json` document. */
export function profilesReport(discovery: ProfileDiscovery, locale: Locale) {
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    activeProfile: discovery.activeProfile,
    files: discovery.files,
    environment: discovery.environment,
    profiles: discovery.profiles.map((profile) => profileReport(profile, locale)),
    problems: discovery.problems.map((problem) => problemReport(problem, locale)),
  };
}

export interface DiagnosisReport extends Diagnosis {
  readonly cause: string;
  readonly fix: string;
  readonly command?: string;
  readonly consoleUrl?: string;
}

/** A diagnosis with its cause and fix in a locale, for JSON and text output. */
export function diagnosisReport(diagnosis: Diagnosis, locale: Locale): DiagnosisReport {
  const text = describeDiagnosis(diagnosis, locale);
  const { identity: _identity, ...rest } = diagnosis;
  return { ...rest, ...(diagnosis.identity ? { identityReason: diagnosis.identity.reason } : {}), ...text };
}
