/**
 * The three-state verdict of the quota and usage checks of one refresh, shared by doctor and the
 * Setup view: a sentence such as "every quota below 80 %" is chosen only when the quotas and the
 * metrics behind it were read in this refresh. Pure.
 */

import type { Verification } from '../verification/verification';
import type { UsageProblem, UsageReport } from './quotaTypes';

export interface QuotasVerdict {
  readonly state: Verification;
  /** `quotas-read`: every listing answered; `quotas-partial`: applied values read, defaults or requests not; `quotas-unread`: no quota read. */
  readonly code: 'quotas-read' | 'quotas-partial' | 'quotas-unread';
  /** The Service Quotas calls that could not be read, in a stable order. */
  readonly unread: readonly UsageProblem[];
  /** Quotas matched to the models (0 when unread). */
  readonly count: number;
}

export interface UsageVerdict {
  readonly state: Verification;
  /**
   * `usage-unread`: CloudWatch could not be read. `usage-alert`: throttles or a quota past 80 %.
   * `usage-ok`: metrics and every model's TPM/RPM quota read, no throttles, all below 80 %.
   * `usage-ok-no-quotas`: metrics read, no throttles, but the quotas could not be read.
   * `usage-ok-unmatched`: metrics read, no throttles, but some model has no TPM or RPM quota to compare with.
   */
  readonly code: 'usage-unread' | 'usage-alert' | 'usage-ok' | 'usage-ok-no-quotas' | 'usage-ok-unmatched';
  readonly unread: readonly UsageProblem[];
  /** For `usage-ok-unmatched`: the models without a TPM or RPM quota. */
  readonly unmatched?: readonly string[];
}

function stable(problems: readonly UsageProblem[]): UsageProblem[] {
  const key = (problem: UsageProblem) => `${problem.service}\u0000${problem.error.operation}\u0000${problem.missingPermission ?? ''}\u0000${problem.error.name ?? ''}`;
  return [...problems].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

export function quotasVerdict(report: UsageReport): QuotasVerdict {
  const unread = stable(report.problems.filter((problem) => problem.service === 'servicequotas'));
  const count = (report.quotas ?? []).reduce((sum, model) => sum + model.quotas.length, 0);
  if (report.quotas === undefined) return { state: 'not-verified', code: 'quotas-unread', unread, count: 0 };
  if (unread.length > 0) return { state: 'not-verified', code: 'quotas-partial', unread, count };
  return { state: 'ok', code: 'quotas-read', unread, count };
}

export function usageVerdict(report: UsageReport): UsageVerdict {
  const unread = stable(report.problems.filter((problem) => problem.service === 'cloudwatch'));
  if (report.series === undefined || report.models === undefined) return { state: 'not-verified', code: 'usage-unread', unread };
  if (report.alert?.state === 'warning') return { state: 'problem', code: 'usage-alert', unread };
  if (report.quotas === undefined) return { state: 'ok', code: 'usage-ok-no-quotas', unread };
  const unmatched = report.models.filter((model) => model.tpm.quota === undefined && model.rpm.quota === undefined).map((model) => model.modelId);
  if (unmatched.length > 0) return { state: 'ok', code: 'usage-ok-unmatched', unread, unmatched };
  return { state: 'ok', code: 'usage-ok', unread };
}
