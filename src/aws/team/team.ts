/**
 * One refresh of per-developer usage: credentials once; the caller's identity and the Region's
 * logging configuration side by side; then, when the logs go to CloudWatch Logs, one Logs Insights
 * query run to its end. A part that fails becomes a problem of the report (which permission is
 * missing is named); only a credentials failure fails the refresh. Also the one write of this room:
 * turning invocation logging on, after the caller's confirmation of the exact plan.
 */

import type { Diagnosis } from '../../core/models/bedrockTypes';
import { diagnoseAwsError, mayHaveTakenEffect } from '../../core/models/diagnosis';
import { adminProblem, notAppliedProblem, type AdminProblem } from '../../core/team/adminProblem';
import { loggingApplied, type LoggingPlan } from '../../core/team/loggingPlan';
import { loggingState, planTeamQuery } from '../../core/team/teamQuery';
import { buildTeamReport } from '../../core/team/teamReport';
import type { InvocationLoggingConfig, LoggingState, QueryStatus, TeamRange, TeamReport } from '../../core/team/teamTypes';
import { profileNameOf } from '../clients';
import { openAwsSession, type AwsSessionOptions } from '../session';
import { getCallerIdentity, getLoggingConfiguration, putLoggingConfiguration, runLogsQuery } from './invocationLogs';

export interface TeamFetchOptions extends AwsSessionOptions {
  readonly range: TeamRange;
  /** The clock, for tests. */
  readonly now?: number;
  readonly pollIntervalMs?: number;
  /** The query's own deadline (start and polls); default six call timeouts, at least 30 s. */
  readonly queryDeadlineMs?: number;
  readonly onQueryStatus?: (status: QueryStatus, recordsScanned: number) => void;
}

export type TeamFetchResult = { readonly ok: true; readonly report: TeamReport } | { readonly ok: false; readonly credentials: Diagnosis };

/** Per-developer usage of one Region over the range. Never throws. */
export async function fetchTeamReport(options: TeamFetchOptions): Promise<TeamFetchResult> {
  const opened = await openAwsSession(options);
  if (!opened.ok) return { ok: false, credentials: diagnoseAwsError(opened.error, { profile: profileNameOf(options.target), region: options.region }) };
  const session = opened.value;
  try {
    const now = options.now ?? Date.now();
    const problems: AdminProblem[] = [];
    // The query needs the logging configuration only, not the caller: it starts as soon as Bedrock
    // answers, beside STS, so a slow STS does not delay it (nor stack its deadline on the query's).
    const configuring = getLoggingConfiguration(session);
    const querying = configuring.then((config) => {
      const logging = config.ok ? loggingState(config.value) : undefined;
      if (logging?.state !== 'cloudwatch') return undefined;
      const query = planTeamQuery(logging.logGroupName, options.range, now);
      return runLogsQuery(session, query, {
        deadlineMs: options.queryDeadlineMs ?? Math.max(30_000, session.timeoutMs * 6),
        ...(options.pollIntervalMs === undefined ? {} : { pollIntervalMs: options.pollIntervalMs }),
        ...(options.onQueryStatus ? { onStatus: options.onQueryStatus } : {}),
      }).then((run) => ({ query, run }));
    });
    const [identity, config, queried] = await Promise.all([getCallerIdentity(session), configuring, querying]);
    if (!identity.ok) problems.push(adminProblem('sts', identity.error));
    if (!config.ok) problems.push(adminProblem('bedrock', config.error));
    const base = { region: options.region, range: options.range, generatedAt: now, ...(identity.ok ? { callerArn: identity.value.arn } : {}) };
    if (!config.ok) return { ok: true, report: buildTeamReport({ ...base, problems }) };
    const logging = loggingState(config.value);
    if (queried === undefined) return { ok: true, report: buildTeamReport({ ...base, logging, problems }) };
    const { query, run } = queried;
    if (!run.ok) {
      problems.push(adminProblem('logs', run.error));
      return { ok: true, report: buildTeamReport({ ...base, logging, query, problems }) };
    }
    return { ok: true, report: buildTeamReport({ ...base, logging, query, rows: run.rows, statistics: run.statistics, problems }) };
  } finally {
    session.close();
  }
}

/** The Region's logging configuration and the account, for a logging plan. Never throws. */
export async function readLoggingSetup(
  options: AwsSessionOptions,
): Promise<{ ok: true; config?: InvocationLoggingConfig; accountId?: string; problems: AdminProblem[] } | { ok: false; credentials: Diagnosis }> {
  const opened = await openAwsSession(options);
  if (!opened.ok) return { ok: false, credentials: diagnoseAwsError(opened.error, { profile: profileNameOf(options.target), region: options.region }) };
  try {
    const [identity, config] = await Promise.all([getCallerIdentity(opened.value), getLoggingConfiguration(opened.value)]);
    const problems: AdminProblem[] = [];
    if (!identity.ok) problems.push(adminProblem('sts', identity.error));
    if (!config.ok) problems.push(adminProblem('bedrock', config.error));
    return { ok: true, ...(config.ok && config.value ? { config: config.value } : {}), ...(identity.ok ? { accountId: identity.value.account } : {}), problems };
  } finally {
    opened.value.close();
  }
}

/** Turns invocation logging on as the plan says, after the caller's confirmation; then reads it back. Never throws. */
export async function applyInvocationLogging(options: AwsSessionOptions & { readonly plan: LoggingPlan }): Promise<{ ok: true; config?: InvocationLoggingConfig; readonly answerLost?: AdminProblem } | { ok: false; problem: AdminProblem; readonly uncertain?: true }> {
  const opened = await openAwsSession(options);
  if (!opened.ok) return { ok: false, problem: adminProblem('bedrock', opened.error) };
  try {
    const put = await putLoggingConfiguration(opened.value, options.plan.config);
    // A write whose answer did not come back whole may have been made: only the read-back tells.
    const unsure = !put.ok && mayHaveTakenEffect(diagnoseAwsError(put.error, { region: options.region }));
    if (!put.ok && !unsure) return { ok: false, problem: adminProblem('bedrock', put.error) };
    const read = await getLoggingConfiguration(opened.value);
    if (!read.ok) return { ok: false, problem: adminProblem('bedrock', put.ok ? read.error : put.error), ...(put.ok ? {} : { uncertain: true as const }) };
    if (!put.ok) return loggingApplied(read.value, options.plan) ? { ok: true, ...(read.value ? { config: read.value } : {}), answerLost: adminProblem('bedrock', put.error) } : { ok: false, problem: adminProblem('bedrock', put.error) };
    // Only what is read back counts: an answer that looked fine (an empty body the SDK does not parse)
    // may not mean the change was made.
    if (!loggingApplied(read.value, options.plan)) return { ok: false, problem: notAppliedProblem('bedrock', 'PutModelInvocationLoggingConfiguration') };
    return { ok: true, ...(read.value ? { config: read.value } : {}) };
  } finally {
    opened.value.close();
  }
}

/**
 * Where the Region's invocation logs go, for the policy's logging rule: the configuration only.
 * A failure comes back as the problem itself, worded later in the reader's language. Never throws.
 */
export async function checkInvocationLogging(options: AwsSessionOptions): Promise<{ ok: true; logging: LoggingState } | { ok: false; problem: AdminProblem }> {
  const opened = await openAwsSession(options);
  if (!opened.ok) return { ok: false, problem: adminProblem('bedrock', opened.error) };
  try {
    const config = await getLoggingConfiguration(opened.value);
    if (config.ok) return { ok: true, logging: loggingState(config.value) };
    return { ok: false, problem: adminProblem('bedrock', config.error) };
  } finally {
    opened.value.close();
  }
}
