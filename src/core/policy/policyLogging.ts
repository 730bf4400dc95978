/**
 * The policy's invocation-logging rule as the account answers it: the Region's logging
 * configuration read (GetModelInvocationLoggingConfiguration), turned into a violation when
 * logging is off, or when it could not be read (not verified is never compliant). Logs that go to
 * S3 only count as on: the rule is about a record being kept, not where.
 */

import type { AdminProblem } from '../team/adminProblem';
import type { LoggingState } from '../team/teamTypes';
import type { EffectivePolicy, PolicyViolation } from './policyTypes';

/** What the account said about logging in the setup's Region, or why it could not say (the failed call, worded where it is shown). */
export type LoggingAnswer = { readonly region: string; readonly state: LoggingState } | { readonly region: string; readonly problem: AdminProblem };

/** The violations once the account has answered (none when the policy does not ask for logging). */
export function withInvocationLogging(known: readonly PolicyViolation[], answer: LoggingAnswer | undefined, policy: EffectivePolicy): PolicyViolation[] {
  const rule = policy.requireInvocationLogging;
  if (!rule?.value || answer === undefined) return [...known];
  if ('problem' in answer) return [...known, { code: 'invocation-logging-unverified', rule: 'requireInvocationLogging', origins: rule.origins, value: answer.region, problem: answer.problem }];
  if (answer.state.state !== 'off') return [...known];
  return [...known, { code: 'invocation-logging-off', rule: 'requireInvocationLogging', origins: rule.origins, value: answer.region }];
}
