/**
 * The team's alarms against AWS: plan (the quotas and the alarms that exist, and the topics when a
 * new one is asked for), apply a plan exactly as previewed (step by step, stopping at the first
 * failure, so the result says which alarms exist), and list the alarms this extension made.
 * Every function returns values, never throws.
 */

import { alarmNamesFor, alarmStatus, ALARM_NAME_PREFIX } from '../../core/alarms/alarmDefinitions';
import { alarmSteps, buildAlarmPlan, existingTopicArn, summarizeApply, validateAlarmOptions, withTopicArn } from '../../core/alarms/alarmPlan';
import type { AlarmApplyResult, AlarmInputProblem, AlarmOptions, AlarmPlan, AlarmStatus, StepOutcome } from '../../core/alarms/alarmTypes';
import type { Diagnosis, RawAwsError } from '../../core/models/bedrockTypes';
import { diagnoseAwsError, mayHaveTakenEffect } from '../../core/models/diagnosis';
import { matchModelQuotas } from '../../core/usage/quotaMatch';
import { profileNameOf } from '../clients';
import { openAwsSession, type AwsSession, type AwsSessionOptions, type CallResult } from '../session';
import { listQuotaValues } from '../usage/quotas';
import { describeAlarmsByName } from '../usage/alarmStates';
import { describeAlarmsByPrefix, putAlarm } from './cloudWatchAlarms';
import { createTopic, listEmailSubscriptions, listTopics, subscribeEmail } from './snsTopics';

export type AlarmPlanResult =
  | { readonly ok: true; readonly plan: AlarmPlan }
  | { readonly ok: false; readonly problems: readonly AlarmInputProblem[] }
  | { readonly ok: false; readonly failure: Diagnosis };

/** A failed call as a diagnosis of the session's profile and Region. */
export function failureOf(options: AwsSessionOptions, error: RawAwsError): Diagnosis {
  return diagnoseAwsError(error, { profile: profileNameOf(options.target), region: options.region });
}

/** Opens a session, runs `work` and closes it; a credentials failure is the result. */
async function withSession<T>(options: AwsSessionOptions, work: (session: AwsSession) => Promise<T>): Promise<T | { readonly ok: false; readonly failure: Diagnosis }> {
  const opened = await openAwsSession(options);
  if (!opened.ok) return { ok: false, failure: failureOf(options, opened.error) };
  try {
    return await work(opened.value);
  } finally {
    opened.value.close();
  }
}

/** The plan of the models' alarms; bad input is refused before any call. */
export async function planAlarms(options: AwsSessionOptions & { readonly modelIds: readonly string[]; readonly alarmOptions: AlarmOptions }): Promise<AlarmPlanResult> {
  const problems = validateAlarmOptions(options.alarmOptions, options.modelIds);
  if (problems.length > 0) return { ok: false, problems };
  return withSession(options, async (session): Promise<AlarmPlanResult> => {
    const wantsTopics = options.alarmOptions.action.kind === 'new-topic';
    const [listing, existing, topics] = await Promise.all([
      listQuotaValues(session),
      describeAlarmsByName(session, alarmNamesFor(options.modelIds)),
      wantsTopics ? listTopics(session) : Promise.resolve(undefined),
    ]);
    // In a fixed order, whichever answered first.
    for (const result of [listing, existing, topics]) if (result !== undefined && !result.ok) return { ok: false, failure: failureOf(options, result.error) };
    if (!listing.ok || !existing.ok) throw new Error('unreachable');
    // The topic exists and an address is to be subscribed: is it already? (Then no Subscribe, and no second confirmation e-mail.)
    const action = options.alarmOptions.action;
    const topicArn = action.kind === 'new-topic' && action.email !== undefined && topics?.ok ? existingTopicArn(topics.value, action.topicName, options.region) : undefined;
    const subscriptions = topicArn === undefined ? undefined : await listEmailSubscriptions(session, topicArn);
    if (subscriptions !== undefined && !subscriptions.ok) return { ok: false, failure: failureOf(options, subscriptions.error) };
    const planned = buildAlarmPlan({
      region: options.region,
      modelIds: options.modelIds,
      options: options.alarmOptions,
      quotas: matchModelQuotas(options.modelIds, listing.value),
      existing: existing.value,
      ...(topics?.ok ? { topics: topics.value } : {}),
      ...(subscriptions?.ok ? { subscriptions: subscriptions.value } : {}),
    });
    return planned.ok ? { ok: true, plan: planned.plan } : { ok: false, problems: planned.problems };
  });
}

/** The subscription step when no topic ARN is known: a failure before any call (nothing was sent). */
function noTopicResult(): CallResult<string> {
  return { ok: false, error: { operation: 'Subscribe', phase: 'call', message: 'No SNS topic ARN to subscribe the address to; Subscribe was not called.' }, durationMs: 0 };
}

export type AlarmApplyOutcome = { readonly ok: true; readonly result: AlarmApplyResult<Diagnosis> } | { readonly ok: false; readonly failure: Diagnosis };

/**
 * Applies exactly the previewed plan: the topic, the subscription, then each alarm that changes,
 * one call at a time; the first failure stops it, and the result says which alarms exist.
 */
export async function applyAlarms(options: AwsSessionOptions & { readonly plan: AlarmPlan }): Promise<AlarmApplyOutcome> {
  return withSession(options, async (session): Promise<AlarmApplyOutcome> => {
    const steps = alarmSteps(options.plan);
    const outcomes: StepOutcome<Diagnosis>[] = [];
    let topicArn = options.plan.topic?.kind === 'existing' ? options.plan.topic.topicArn : options.plan.topic?.arn;
    let failed = false;
    for (const step of steps) {
      if (failed) {
        outcomes.push({ step, status: 'not-attempted' });
        continue;
      }
      let result;
      if (step.kind === 'create-topic') {
        result = await createTopic(session, step.name);
        if (result.ok) topicArn = result.value;
      } else if (step.kind === 'subscribe') {
        // No topic to subscribe to: Subscribe was never called, so the subscription is not done.
        result = topicArn === undefined ? noTopicResult() : await subscribeEmail(session, topicArn, step.email);
      } else {
        result = await putAlarm(session, withTopicArn(step.alarm.request, topicArn));
      }
      if (result.ok) outcomes.push({ step, status: 'done' });
      else {
        failed = true;
        const error = failureOf(options, result.error);
        outcomes.push({ step, status: mayHaveTakenEffect(error) ? 'unknown' : 'failed', error });
      }
    }
    return { ok: true, result: summarizeApply(options.plan, outcomes, topicArn) };
  });
}

export type AlarmListResult = { readonly ok: true; readonly alarms: readonly AlarmStatus[] } | { readonly ok: false; readonly failure: Diagnosis };

/** Every alarm this extension made in the Region (by name prefix), with its state. */
export async function listAlarms(options: AwsSessionOptions): Promise<AlarmListResult> {
  return withSession(options, async (session): Promise<AlarmListResult> => {
    const result = await describeAlarmsByPrefix(session, ALARM_NAME_PREFIX);
    if (!result.ok) return { ok: false, failure: failureOf(options, result.error) };
    return { ok: true, alarms: result.value.flatMap((alarm) => alarmStatus(alarm) ?? []) };
  });
}

export type TopicListResult = { readonly ok: true; readonly topicArns: readonly string[] } | { readonly ok: false; readonly failure: Diagnosis };

/** The SNS topics of the Region, for the user to pick one (ListTopics, every page). */
export async function listTopicArns(options: AwsSessionOptions): Promise<TopicListResult> {
  return withSession(options, async (session): Promise<TopicListResult> => {
    const result = await listTopics(session);
    return result.ok ? { ok: true, topicArns: result.value } : { ok: false, failure: failureOf(options, result.error) };
  });
}
