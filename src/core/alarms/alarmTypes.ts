/**
 * The vocabulary of the team's CloudWatch alarms: what PutMetricAlarm receives (in its own field
 * names, so the preview, the CloudFormation template and the wire carry one shape), what
 * DescribeAlarms tells of existing alarms, the plan a preview shows and the outcome of applying it.
 */

/** The two alarms of one model: throttled requests, and tokens per minute against the TPM quota. */
export type AlarmKind = 'throttles' | 'quota-tpm';

export const ALARM_KINDS: readonly AlarmKind[] = ['throttles', 'quota-tpm'];

/** A CloudWatch alarm state. */
export type AlarmStateValue = 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';

/** One dimension, as CloudWatch spells it. */
export interface AlarmDimension {
  readonly Name: string;
  readonly Value: string;
}

/** One query of a metric-math alarm (PutMetricAlarm `Metrics`, AWS::CloudWatch::Alarm `Metrics`). */
export interface AlarmMetricQuery {
  readonly Id: string;
  readonly Label?: string;
  readonly ReturnData: boolean;
  readonly Expression?: string;
  readonly MetricStat?: {
    readonly Metric: { readonly Namespace: string; readonly MetricName: string; readonly Dimensions: readonly AlarmDimension[] };
    readonly Period: number;
    readonly Stat: string;
  };
}

/**
 * One alarm exactly as PutMetricAlarm takes it (and AWS::CloudWatch::Alarm, whose properties have
 * the same names): a single metric (`MetricName` …) or metric math (`Metrics`).
 */
export interface AlarmRequest {
  readonly AlarmName: string;
  readonly AlarmDescription: string;
  readonly ActionsEnabled: boolean;
  readonly AlarmActions: readonly string[];
  readonly ComparisonOperator: string;
  readonly EvaluationPeriods: number;
  readonly DatapointsToAlarm: number;
  readonly Threshold: number;
  readonly TreatMissingData: string;
  readonly Namespace?: string;
  readonly MetricName?: string;
  readonly Dimensions?: readonly AlarmDimension[];
  readonly Period?: number;
  readonly Statistic?: string;
  readonly Metrics?: readonly AlarmMetricQuery[];
}

/** An alarm as DescribeAlarms describes it: its definition and its state. */
export interface ExistingAlarm {
  readonly request: AlarmRequest;
  readonly state: AlarmStateValue;
  readonly stateReason?: string;
  /** Epoch ms of the last state change. */
  readonly stateUpdatedAt?: number;
}

/** Where an alarm's notifications go. */
export type AlarmActionChoice =
  | { readonly kind: 'none' }
  | { readonly kind: 'topic'; readonly topicArn: string }
  | { readonly kind: 'new-topic'; readonly topicName: string; readonly email?: string };

/** What the user chose; validated by validateAlarmOptions before any AWS call. */
export interface AlarmOptions {
  /** Quota use that alarms, in percent of the TPM quota: 1–100 (default 80). */
  readonly percent: number;
  /** Throttled requests in one minute that alarm: a whole number from 1 (default 1). */
  readonly throttleThreshold: number;
  readonly action: AlarmActionChoice;
}

export const DEFAULT_ALARM_PERCENT = 80;
export const DEFAULT_THROTTLE_THRESHOLD = 1;
/** The topic a new-topic choice creates unless named otherwise. */
export const DEFAULT_TOPIC_NAME = 'claude-bedrock-alarms';

/** Bad input, caught before anything is created. */
export type AlarmInputProblem =
  | { readonly code: 'bad-percent'; readonly value: string }
  | { readonly code: 'bad-throttle-threshold'; readonly value: string }
  | { readonly code: 'bad-email'; readonly value: string }
  | { readonly code: 'bad-topic-name'; readonly value: string }
  | { readonly code: 'bad-topic-arn'; readonly value: string }
  | { readonly code: 'no-models' }
  | { readonly code: 'too-many-models'; readonly count: number; readonly max: number }
  | { readonly code: 'no-quota'; readonly modelId: string; readonly region: string }
  | { readonly code: 'quota-zero'; readonly modelId: string; readonly quotaCode: string };

/** What applying does to one alarm: PutMetricAlarm is an upsert, so an existing alarm is updated in place. */
export type AlarmChange = 'create' | 'update' | 'unchanged';

export interface PlannedAlarm {
  readonly kind: AlarmKind;
  readonly modelId: string;
  /** The alarm as it will be sent; `AlarmActions` names the new topic once CreateTopic gave its ARN. */
  readonly request: AlarmRequest;
  readonly change: AlarmChange;
  /** The alarm of the same name that exists now, with its state. */
  readonly existing?: ExistingAlarm;
  /** For quota-tpm: the quota it measures against. */
  readonly quota?: { readonly code: string; readonly name: string; readonly value: number };
}

/** The SNS side of a plan. */
export type PlannedTopic =
  | { readonly kind: 'existing'; readonly topicArn: string }
  /**
   * `arn` when ListTopics already lists a topic of that name (CreateTopic then returns it, creating
   * nothing); `subscribed` when the e-mail address is subscribed to it already (no Subscribe then).
   */
  | { readonly kind: 'new'; readonly name: string; readonly arn?: string; readonly email?: string; readonly subscribed?: 'confirmed' | 'pending' };

export interface AlarmPlan {
  readonly region: string;
  readonly percent: number;
  readonly throttleThreshold: number;
  readonly topic?: PlannedTopic;
  readonly alarms: readonly PlannedAlarm[];
}

/** One step of applying a plan, in order. */
export type AlarmStep =
  | { readonly kind: 'create-topic'; readonly name: string }
  | { readonly kind: 'subscribe'; readonly email: string }
  | { readonly kind: 'put-alarm'; readonly alarm: PlannedAlarm };

/** How one step went; `error` is the failed call as the surfaces describe it. */
export interface StepOutcome<E> {
  readonly step: AlarmStep;
  /** `unknown`: it failed without a whole answer (a timeout, a cut answer), so it may have taken effect. */
  readonly status: 'done' | 'failed' | 'unknown' | 'not-attempted';
  readonly error?: E;
}

/** After applying: which alarms exist now and which do not, exactly. */
export interface AlarmApplyResult<E> {
  readonly created: readonly string[];
  readonly updated: readonly string[];
  readonly unchanged: readonly string[];
  /** The step that failed (applying stops there), with its error. */
  readonly failed?: { readonly step: AlarmStep; readonly error: E };
  /** Alarms not reached that exist as they were before. */
  readonly notReachedExisting: readonly string[];
  /** Alarms not reached (or failed) that do not exist. */
  readonly missing: readonly string[];
  /** Alarms whose put got no whole answer: they may or may not be as planned now. */
  readonly uncertain: readonly string[];
  readonly topicArn?: string;
  /** The e-mail subscription waits for its confirmation: notifications start once the recipient confirms. */
  readonly subscriptionPending?: string;
}

/** An alarm's state for the Quotas & Usage view and the status bar. */
export interface AlarmStatus {
  readonly name: string;
  readonly kind: AlarmKind;
  readonly modelId: string;
  readonly state: AlarmStateValue;
  readonly reason?: string;
  readonly updatedAt?: number;
}

/** The alarms of the shown models, read once per refresh (absent alarms are simply not listed). */
export type AlarmStates =
  | { readonly ok: true; readonly alarms: readonly AlarmStatus[] }
  | { readonly ok: false; readonly missingPermission?: string; readonly error: import('../models/bedrockTypes').RawAwsError };
