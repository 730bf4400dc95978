/**
 * The policy's invocation-logging rule as the account answers it: the Region's logging
 * configuration read (GetModelInvocationLoggingConfiguration), turned into a violation when
 * logging is off, when it could not be read, or when it was not read in this check at all (not
 * verified is never compliant). Logs that go to S3 only count as on: the rule is about a record
 * being kept, not where.
 */

import type { AdminProblem } from '../team/adminProblem';
import type { LoggingState } from '../team/teamTypes';
import type { EffectivePolicy, LoggingUnread, PolicyViolation } from './policyTypes';

/** What the account said about logging in the setup's Region, or why it could not say (the failed call, worded where it is shown). */
export type LoggingAnswer = { readonly region: string; readonly state: LoggingState } | { readonly region: string; readonly problem: AdminProblem };

/** The account was not asked in this check, and why (a Region when one is known). */
export type LoggingNotRead = { readonly region?: string; readonly unread: LoggingUnread };

/**
 * The violations for a Bedrock setup under the policy (none when the policy does not ask for
 * logging): the account's answer, or, when it was not asked in this check, not verified.
 */
export function withInvocationLogging(known: readonly PolicyViolation[], answer: LoggingAnswer | LoggingNotRead, policy: EffectivePolicy): PolicyViolation[] {
  const rule = policy.requireInvocationLogging;
  if (!rule?.value) return [...known];
  if ('unread' in answer) return [...known, { code: 'invocation-logging-unverified', rule: 'requireInvocationLogging', origins: rule.origins, ...(answer.region === undefined ? {} : { value: answer.region }), unread: answer.unread }];
  if ('problem' in answer) return [...known, { code: 'invocation-logging-unverified', rule: 'requireInvocationLogging', origins: rule.origins, value: answer.region, problem: answer.problem }];
  if (answer.state.state !== 'off') return [...known];
  return [...known, { code: 'invocation-logging-off', rule: 'requireInvocationLogging', origins: rule.origins, value: answer.region }];
}
