/**
 * Plans the team's alarms from what the user chose and what AWS said (the quotas, the alarms and
 * topics that exist), checks the input before any call, orders the steps of applying a plan, and
 * says afterwards exactly which alarms exist and which do not. Pure.
 */

import { baseModelIdOf } from '../models/catalog';
import { isEmailAddress, isTopicArn } from '../text/addresses';
import { ownQuota } from '../usage/quotaMatch';
import { outputBurndown } from '../usage/quotaMath';
import type { ModelQuotas } from '../usage/quotaTypes';
import { comparableRequest, quotaAlarm, throttleAlarm } from './alarmDefinitions';
import type {
  AlarmApplyResult,
  AlarmInputProblem,
  AlarmOptions,
  AlarmPlan,
  AlarmRequest,
  AlarmStep,
  ExistingAlarm,
  PlannedAlarm,
  PlannedTopic,
  StepOutcome,
} from './alarmTypes';

/** Models one plan covers: DescribeAlarms takes at most 100 names in one call, two alarms per model. */
export const MAX_ALARM_MODELS = 50;

/** SNS topic names: up to 256 letters, digits, hyphens and underscores. */
const TOPIC_NAME = /^[A-Za-z0-9_-]{1,256}$/;

/** A percentage of the quota, as typed: a number from 1 to 100. */
export function parsePercent(value: string): number | undefined {
  const percent = Number(value.trim());
  return value.trim() !== '' && Number.isFinite(percent) && percent >= 1 && percent <= 100 ? percent : undefined;
}

/** Throttled requests per minute, as typed: a whole number from 1 to 100,000. */
export function parseThrottleThreshold(value: string): number | undefined {
  const count = Number(value.trim());
  return /^\d+$/.test(value.trim()) && count >= 1 && count <= 100_000 ? count : undefined;
}

/** Everything wrong with the user's choices, before any AWS call; empty when they can be planned. */
export function validateAlarmOptions(options: AlarmOptions, modelIds: readonly string[]): AlarmInputProblem[] {
  const problems: AlarmInputProblem[] = [];
  if (!(Number.isFinite(options.percent) && options.percent >= 1 && options.percent <= 100)) problems.push({ code: 'bad-percent', value: String(options.percent) });
  if (!(Number.isInteger(options.throttleThreshold) && options.throttleThreshold >= 1 && options.throttleThreshold <= 100_000)) {
    problems.push({ code: 'bad-throttle-threshold', value: String(options.throttleThreshold) });
  }
  const action = options.action;
  if (action.kind === 'topic' && !isTopicArn(action.topicArn)) problems.push({ code: 'bad-topic-arn', value: action.topicArn });
  if (action.kind === 'new-topic') {
    if (!TOPIC_NAME.test(action.topicName)) problems.push({ code: 'bad-topic-name', value: action.topicName });
    if (action.email !== undefined && !isEmailAddress(action.email)) problems.push({ code: 'bad-email', value: action.email });
  }
  const distinct = new Set(modelIds);
  if (distinct.size === 0) problems.push({ code: 'no-models' });
  if (distinct.size > MAX_ALARM_MODELS) problems.push({ code: 'too-many-models', count: distinct.size, max: MAX_ALARM_MODELS });
  return problems;
}

export interface AlarmPlanInput {
  readonly region: string;
  readonly modelIds: readonly string[];
  readonly options: AlarmOptions;
  /** The quotas of the models, matched from the Region's Service Quotas listing. */
  readonly quotas: readonly ModelQuotas[];
  /** The alarms of these names that exist now (DescribeAlarms). */
  readonly existing: readonly ExistingAlarm[];
  /** The topic ARNs ListTopics gave, when a new topic was asked for. */
  readonly topics?: readonly string[];
  /** The e-mail subscriptions of that topic, when it exists (ListSubscriptionsByTopic). */
  readonly subscriptions?: readonly { readonly endpoint: string; readonly confirmed: boolean }[];
}

/** The topic name of an SNS topic ARN. */
export function topicNameOf(topicArn: string): string {
  return topicArn.slice(topicArn.lastIndexOf(':') + 1);
}

function plannedTopic(input: AlarmPlanInput): PlannedTopic | undefined {
  const action = input.options.action;
  if (action.kind === 'none') return undefined;
  if (action.kind === 'topic') return { kind: 'existing', topicArn: action.topicArn };
  const arn = existingTopicArn(input.topics ?? [], action.topicName, input.region);
  const subscription = arn === undefined || action.email === undefined ? undefined : input.subscriptions?.find((candidate) => candidate.endpoint.toLowerCase() === action.email!.toLowerCase());
  return {
    kind: 'new',
    name: action.topicName,
    ...(arn === undefined ? {} : { arn }),
    ...(action.email === undefined ? {} : { email: action.email }),
    ...(subscription === undefined ? {} : { subscribed: subscription.confirmed ? 'confirmed' : 'pending' }),
  };
}

/** The ARN of the topic of this name that ListTopics listed in the Region, if any. */
export function existingTopicArn(topics: readonly string[], name: string, region: string): string | undefined {
  return topics.find((topicArn) => topicNameOf(topicArn) === name && topicArn.split(':')[3] === region);
}

/** The ARN alarms notify, when it is known before applying (an existing topic, or one ListTopics found). */
export function knownTopicArn(topic: PlannedTopic | undefined): string | undefined {
  if (topic === undefined) return undefined;
  return topic.kind === 'existing' ? topic.topicArn : topic.arn;
}

/** Placeholder in a preview for the ARN CreateTopic will return. */
export function pendingTopicArn(region: string, name: string): string {
  return `arn:aws:sns:${region}:<account>:${name}`;
}

/**
 * The plan: for each model its throttling alarm and its quota alarm, each marked create, update
 * (with the existing alarm and its state) or unchanged. A model without a TPM quota value (or with
 * 0) is a problem, and then nothing is planned at all.
 */
export function buildAlarmPlan(input: AlarmPlanInput): { readonly ok: true; readonly plan: AlarmPlan } | { readonly ok: false; readonly problems: readonly AlarmInputProblem[] } {
  const { region, options } = input;
  const modelIds = [...new Set(input.modelIds)];
  const problems = validateAlarmOptions(options, modelIds);
  const topic = plannedTopic(input);
  const topicArn = knownTopicArn(topic) ?? (topic?.kind === 'new' ? pendingTopicArn(region, topic.name) : undefined);
  const actions = topicArn === undefined ? [] : [topicArn];
  const existing = new Map(input.existing.map((alarm) => [alarm.request.AlarmName, alarm]));
  const alarms: PlannedAlarm[] = [];
  for (const modelId of modelIds) {
    const quotas = input.quotas.find((entry) => entry.modelId === modelId);
    const quota = quotas === undefined ? undefined : ownQuota(quotas, 'tokens-per-minute');
    if (quota === undefined) {
      problems.push({ code: 'no-quota', modelId, region });
      continue;
    }
    if (quota.value <= 0) {
      problems.push({ code: 'quota-zero', modelId, quotaCode: quota.code });
      continue;
    }
    const burndown = outputBurndown(quotas?.baseModelId ?? baseModelIdOf(modelId));
    const requests: [PlannedAlarm['kind'], AlarmRequest][] = [
      ['throttles', throttleAlarm(modelId, region, options.throttleThreshold, actions)],
      ['quota-tpm', quotaAlarm(modelId, region, quota, options.percent, burndown, actions)],
    ];
    for (const [kind, request] of requests) {
      const current = existing.get(request.AlarmName);
      const change = current === undefined ? 'create' : comparableRequest(current.request) === comparableRequest(request) ? 'unchanged' : 'update';
      alarms.push({
        kind,
        modelId,
        request,
        change,
        ...(current === undefined ? {} : { existing: current }),
        ...(kind === 'quota-tpm' ? { quota: { code: quota.code, name: quota.name, value: quota.value } } : {}),
      });
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, plan: { region, percent: options.percent, throttleThreshold: options.throttleThreshold, ...(topic === undefined ? {} : { topic }), alarms } };
}

/**
 * The steps of applying a plan, in order: the topic (CreateTopic returns an existing topic of the
 * same name instead of making another), the e-mail subscription, then each alarm that changes.
 */
export function alarmSteps(plan: AlarmPlan): AlarmStep[] {
  const steps: AlarmStep[] = [];
  const topic = plan.topic;
  if (topic?.kind === 'new') {
    if (topic.arn === undefined) steps.push({ kind: 'create-topic', name: topic.name });
    if (topic.email !== undefined && topic.subscribed === undefined) steps.push({ kind: 'subscribe', email: topic.email });
  }
  for (const alarm of plan.alarms) if (alarm.change !== 'unchanged') steps.push({ kind: 'put-alarm', alarm });
  return steps;
}

/** A planned alarm notifying the topic CreateTopic returned. */
export function withTopicArn(request: AlarmRequest, topicArn: string | undefined): AlarmRequest {
  return topicArn === undefined || request.AlarmActions.length === 0 ? request : { ...request, AlarmActions: [topicArn] };
}

/**
 * Which alarms exist now and which do not, from the outcome of each step: an alarm that was not
 * reached (or whose call failed) exists only if it existed before, unchanged.
 */
export function summarizeApply<E>(plan: AlarmPlan, outcomes: readonly StepOutcome<E>[], topicArn?: string): AlarmApplyResult<E> {
  const created: string[] = [];
  const updated: string[] = [];
  const notReachedExisting: string[] = [];
  const missing: string[] = [];
  const uncertain: string[] = [];
  let failed: AlarmApplyResult<E>['failed'];
  let subscriptionPending: string | undefined;
  for (const outcome of outcomes) {
    const { step } = outcome;
    if ((outcome.status === 'failed' || outcome.status === 'unknown') && outcome.error !== undefined && failed === undefined) failed = { step, error: outcome.error };
    if (step.kind === 'subscribe' && outcome.status === 'done') subscriptionPending = step.email;
    if (step.kind !== 'put-alarm') continue;
    const { alarm } = step;
    const name = alarm.request.AlarmName;
    if (outcome.status === 'done') (alarm.change === 'create' ? created : updated).push(name);
    // Its answer never came back whole: AWS may have created or changed it. Never claimed either way.
    else if (outcome.status === 'unknown') uncertain.push(name);
    else if (alarm.existing !== undefined) notReachedExisting.push(name);
    else missing.push(name);
  }
  const unchanged = plan.alarms.filter((alarm) => alarm.change === 'unchanged').map((alarm) => alarm.request.AlarmName);
  return {
    created,
    updated,
    unchanged,
    ...(failed === undefined ? {} : { failed }),
    notReachedExisting,
    missing,
    uncertain,
    ...(topicArn === undefined ? {} : { topicArn }),
    ...(subscriptionPending === undefined ? {} : { subscriptionPending }),
  };
}
