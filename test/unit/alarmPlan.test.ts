import assert from 'node:assert/strict';
import { alarmName, alarmNamesFor, comparableRequest, parseAlarmName, quotaTokensExpression } from '../../src/core/alarms/alarmDefinitions';
import { isEmailAddress } from '../../src/core/text/addresses';
import { alarmSteps, buildAlarmPlan, parsePercent, parseThrottleThreshold, summarizeApply, validateAlarmOptions, withTopicArn } from '../../src/core/alarms/alarmPlan';
import { alarmProblemText, alarmResultLines } from '../../src/core/alarms/alarmText';
import type { AlarmOptions, ExistingAlarm, StepOutcome } from '../../src/core/alarms/alarmTypes';
import { matchModelQuotas } from '../../src/core/usage/quotaMatch';
import type { QuotaListing } from '../../src/core/usage/quotaTypes';

const TOKYO = 'ap-northeast-1';
const JP_SONNET = 'jp.anthropic.claude-sonnet-4-5-20250929-v1:0';
const JP_HAIKU = 'jp.anthropic.claude-haiku-4-5-20251001-v1:0';
const OPUS_3 = 'us.anthropic.claude-3-opus-20240229-v1:0';
const TOPIC = 'arn:aws:sns:ap-northeast-1:111122223333:team-alarms';

const listing: QuotaListing = {
  region: TOKYO,
  applied: [
    { code: 'L-F4DDD3EB', name: 'Cross-region model inference tokens per minute for Anthropic Claude Sonnet 4.5 V1', value: 200_000, adjustable: true },
    { code: 'L-58BE175A', name: 'Cross-region model inference tokens per minute for Anthropic Claude Haiku 4.5', value: 0, adjustable: true },
  ],
  defaults: [],
  requests: [],
};
const quotas = matchModelQuotas([JP_SONNET, JP_HAIKU, OPUS_3], listing);
const options = (change: Partial<AlarmOptions> = {}): AlarmOptions => ({ percent: 80, throttleThreshold: 1, action: { kind: 'topic', topicArn: TOPIC }, ...change });

describe('alarm plan', () => {
  it('plans the throttling and the quota alarm of a model, named for model and kind, with the quota-token metric math', () => {
    const result = buildAlarmPlan({ region: TOKYO, modelIds: [JP_SONNET], options: options(), quotas, existing: [] });
    assert.ok(result.ok);
    const [throttles, quota] = result.plan.alarms;
    assert.equal(throttles!.request.AlarmName, `claude-bedrock/throttles/${JP_SONNET}`);
    assert.equal(throttles!.request.MetricName, 'InvocationThrottles');
    assert.deepEqual(throttles!.request.Dimensions, [{ Name: 'ModelId', Value: JP_SONNET }]);
    assert.equal(throttles!.request.Threshold, 1);
    assert.equal(quota!.request.AlarmName, `claude-bedrock/quota-tpm/${JP_SONNET}`);
    assert.equal(quota!.request.Threshold, 80);
    const returned = quota!.request.Metrics!.filter((query) => query.ReturnData);
    assert.deepEqual(returned.map((query) => query.Expression), ['100 * tokens / 200000']);
    assert.equal(quota!.request.Metrics!.find((query) => query.Id === 'tokens')!.Expression, 'FILL(input, 0) + FILL(cacheWrite, 0) + FILL(output, 0) * 5');
    assert.match(quota!.request.AlarmDescription, /80% or more of its tokens-per-minute quota \(200,000, L-F4DDD3EB "Cross-region model inference tokens per minute for Anthropic Claude Sonnet 4.5 V1"\)/);
    assert.match(throttles!.request.AlarmDescription, /scope jp\. \(geographic cross-Region inference\), in ap-northeast-1/);
    for (const alarm of result.plan.alarms) {
      assert.deepEqual(alarm.request.AlarmActions, [TOPIC]);
      assert.equal(alarm.change, 'create');
      assert.ok(alarm.request.AlarmName.length <= 255 && alarm.request.AlarmDescription.length <= 1024);
    }
    assert.deepEqual(alarmSteps(result.plan).map((step) => step.kind), ['put-alarm', 'put-alarm']);
  });

  it('uses burndown 1 for models older than Claude 3.7, as the usage view does', () => {
    assert.equal(quotaTokensExpression(1), 'FILL(input, 0) + FILL(cacheWrite, 0) + FILL(output, 0) * 1');
  });

  it('marks an existing alarm update (with its state) or unchanged, never a second create', () => {
    const first = buildAlarmPlan({ region: TOKYO, modelIds: [JP_SONNET], options: options(), quotas, existing: [] });
    assert.ok(first.ok);
    const existing: ExistingAlarm[] = [
      { request: first.plan.alarms[0]!.request, state: 'OK' },
      { request: { ...first.plan.alarms[1]!.request, Threshold: 90 }, state: 'ALARM', stateReason: 'Threshold Crossed' },
    ];
    const second = buildAlarmPlan({ region: TOKYO, modelIds: [JP_SONNET], options: options(), quotas, existing });
    assert.ok(second.ok);
    assert.deepEqual(second.plan.alarms.map((alarm) => [alarm.change, alarm.existing?.state]), [['unchanged', 'OK'], ['update', 'ALARM']]);
    assert.deepEqual(alarmSteps(second.plan).map((step) => (step.kind === 'put-alarm' ? step.alarm.request.AlarmName : step.kind)), [alarmName('quota-tpm', JP_SONNET)]);
  });

  it('compares alarms whatever the order of keys and actions', () => {
    const plan = buildAlarmPlan({ region: TOKYO, modelIds: [JP_SONNET], options: options(), quotas, existing: [] });
    assert.ok(plan.ok);
    const request = plan.plan.alarms[0]!.request;
    const reordered = Object.fromEntries(Object.entries(request).reverse()) as typeof request;
    assert.equal(comparableRequest(reordered), comparableRequest(request));
    assert.notEqual(comparableRequest({ ...request, Threshold: 2 }), comparableRequest(request));
  });

  it('refuses a model without a TPM quota value, or with 0, and plans nothing at all', () => {
    const result = buildAlarmPlan({ region: TOKYO, modelIds: [JP_SONNET, JP_HAIKU, OPUS_3], options: options(), quotas, existing: [] });
    assert.ok(!result.ok);
    assert.deepEqual(result.problems, [
      { code: 'quota-zero', modelId: JP_HAIKU, quotaCode: 'L-58BE175A' },
      { code: 'no-quota', modelId: OPUS_3, region: TOKYO },
    ]);
    assert.match(alarmProblemText(result.problems[1]!, 'en'), /^us\.anthropic\.claude-3-opus-20240229-v1:0 has no tokens-per-minute quota in Service Quotas in ap-northeast-1/);
    assert.match(alarmProblemText(result.problems[0]!, 'ja'), /クォータは 0 です \(L-58BE175A\)/);
  });

  it('checks the input before any call: percentage, throttling threshold, e-mail, topic name and ARN', () => {
    assert.deepEqual(validateAlarmOptions(options({ percent: 0 }), [JP_SONNET]).map((problem) => problem.code), ['bad-percent']);
    assert.deepEqual(validateAlarmOptions(options({ percent: 100.5 }), [JP_SONNET]).map((problem) => problem.code), ['bad-percent']);
    assert.deepEqual(validateAlarmOptions(options({ throttleThreshold: 1.5 }), [JP_SONNET]).map((problem) => problem.code), ['bad-throttle-threshold']);
    assert.deepEqual(validateAlarmOptions(options({ action: { kind: 'new-topic', topicName: 'ok-name', email: 'not-an-address' } }), [JP_SONNET]).map((problem) => problem.code), ['bad-email']);
    assert.deepEqual(validateAlarmOptions(options({ action: { kind: 'new-topic', topicName: 'has space' } }), [JP_SONNET]).map((problem) => problem.code), ['bad-topic-name']);
    assert.deepEqual(validateAlarmOptions(options({ action: { kind: 'topic', topicArn: 'arn:aws:sqs:ap-northeast-1:111122223333:q' } }), [JP_SONNET]).map((problem) => problem.code), ['bad-topic-arn']);
    assert.deepEqual(validateAlarmOptions(options(), []).map((problem) => problem.code), ['no-models']);
    assert.deepEqual(validateAlarmOptions(options(), [JP_SONNET]), []);
    assert.equal(parsePercent('80'), 80);
    assert.equal(parsePercent('101'), undefined);
    assert.equal(parsePercent(''), undefined);
    assert.equal(parseThrottleThreshold('3'), 3);
    assert.equal(parseThrottleThreshold('0'), undefined);
    assert.equal(parseThrottleThreshold('2.5'), undefined);
    assert.ok(isEmailAddress('admin@example.com'));
    assert.ok(!isEmailAddress('admin@example'));
    assert.ok(!isEmailAddress('two words@example.com'));
  });

  it('creates a new topic once (or reuses the one ListTopics found) before subscribing and putting the alarms', () => {
    const fresh = buildAlarmPlan({ region: TOKYO, modelIds: [JP_SONNET], options: options({ action: { kind: 'new-topic', topicName: 'claude-bedrock-alarms', email: 'admin@example.com' } }), quotas, existing: [] });
    assert.ok(fresh.ok);
    assert.deepEqual(alarmSteps(fresh.plan).map((step) => step.kind), ['create-topic', 'subscribe', 'put-alarm', 'put-alarm']);
    assert.deepEqual(fresh.plan.alarms[0]!.request.AlarmActions, ['arn:aws:sns:ap-northeast-1:<account>:claude-bedrock-alarms']);
    const arn = 'arn:aws:sns:ap-northeast-1:111122223333:claude-bedrock-alarms';
    assert.deepEqual(withTopicArn(fresh.plan.alarms[0]!.request, arn).AlarmActions, [arn]);
    const reused = buildAlarmPlan({ region: TOKYO, modelIds: [JP_SONNET], options: options({ action: { kind: 'new-topic', topicName: 'claude-bedrock-alarms' } }), quotas, existing: [], topics: [arn, 'arn:aws:sns:us-east-1:111122223333:claude-bedrock-alarms'] });
    assert.ok(reused.ok);
    assert.deepEqual(reused.plan.topic, { kind: 'new', name: 'claude-bedrock-alarms', arn });
    assert.deepEqual(alarmSteps(reused.plan).map((step) => step.kind), ['put-alarm', 'put-alarm']);
    const none = buildAlarmPlan({ region: TOKYO, modelIds: [JP_SONNET], options: options({ action: { kind: 'none' } }), quotas, existing: [] });
    assert.ok(none.ok);
    assert.deepEqual(none.plan.alarms[0]!.request.AlarmActions, []);
  });

  it('after a failure says exactly which alarms exist now and which do not', () => {
    const haikuListing: QuotaListing = { ...listing, applied: [listing.applied[0]!, { ...listing.applied[1]!, value: 400_000 }] };
    const plan = buildAlarmPlan({
      region: TOKYO,
      modelIds: [JP_SONNET, JP_HAIKU],
      options: options(),
      quotas: matchModelQuotas([JP_SONNET, JP_HAIKU], haikuListing),
      existing: [{ request: { ...throttlesOf(JP_HAIKU), Threshold: 5 }, state: 'OK' }],
    });
    assert.ok(plan.ok);
    const steps = alarmSteps(plan.plan);
    assert.equal(steps.length, 4);
    const outcomes: StepOutcome<string>[] = steps.map((step, index) => ({ step, status: index < 1 ? 'done' : index === 1 ? 'failed' : 'not-attempted', ...(index === 1 ? { error: 'denied' } : {}) }));
    const result = summarizeApply(plan.plan, outcomes);
    assert.deepEqual(result.created, [alarmName('throttles', JP_SONNET)]);
    assert.equal(result.failed?.error, 'denied');
    assert.deepEqual(result.missing, [alarmName('quota-tpm', JP_SONNET), alarmName('quota-tpm', JP_HAIKU)]);
    assert.deepEqual(result.notReachedExisting, [alarmName('throttles', JP_HAIKU)]);
    const lines = alarmResultLines(result, 'en', (error) => `it was ${error}`);
    assert.deepEqual(lines, [
      `Created: ${alarmName('throttles', JP_SONNET)}`,
      `Failed: PutMetricAlarm ${alarmName('quota-tpm', JP_SONNET)}: it was denied`,
      `Not updated, exist as before: ${alarmName('throttles', JP_HAIKU)}`,
      `Do not exist: ${alarmName('quota-tpm', JP_SONNET)}, ${alarmName('quota-tpm', JP_HAIKU)}`,
      'Run it again to complete the rest: existing alarms are updated in place, never duplicated.',
    ]);
  });

  it('never says an alarm does not exist when its put got no whole answer: it may or may not be as planned', () => {
    const plan = buildAlarmPlan({ region: TOKYO, modelIds: [JP_SONNET], options: options(), quotas, existing: [] });
    assert.ok(plan.ok);
    const steps = alarmSteps(plan.plan);
    const outcomes: StepOutcome<string>[] = steps.map((step, index) => ({ step, status: index === 0 ? 'unknown' : 'not-attempted', ...(index === 0 ? { error: 'cut' } : {}) }));
    const result = summarizeApply(plan.plan, outcomes);
    assert.equal(result.failed?.error, 'cut');
    assert.deepEqual(result.uncertain, [alarmName('throttles', JP_SONNET)]);
    assert.deepEqual(result.missing, [alarmName('quota-tpm', JP_SONNET)], 'only the alarm never tried is said not to exist');
    assert.deepEqual(alarmResultLines(result, 'en', (error) => `the answer was ${error}`), [
      `Failed: PutMetricAlarm ${alarmName('throttles', JP_SONNET)}: the answer was cut`,
      `Do not exist: ${alarmName('quota-tpm', JP_SONNET)}`,
      `Not known, the answer did not come back whole (they may or may not be as planned): ${alarmName('throttles', JP_SONNET)}`,
      'Run it again to complete the rest: existing alarms are updated in place, never duplicated.',
    ]);
    assert.match(alarmResultLines(result, 'ja', String).join('\n'), /応答が最後まで返らなかったため不明/);
  });

  it('names alarms so that they can be read back', () => {
    assert.deepEqual(parseAlarmName(alarmName('quota-tpm', JP_SONNET)), { kind: 'quota-tpm', modelId: JP_SONNET });
    assert.equal(parseAlarmName('someone-else/alarm'), undefined);
    assert.equal(parseAlarmName('claude-bedrock/other/x'), undefined);
    assert.deepEqual(alarmNamesFor([JP_SONNET, JP_SONNET]), [alarmName('throttles', JP_SONNET), alarmName('quota-tpm', JP_SONNET)]);
  });
});

function throttlesOf(modelId: string) {
  const plan = buildAlarmPlan({ region: TOKYO, modelIds: [JP_SONNET], options: options(), quotas, existing: [] });
  assert.ok(plan.ok);
  const request = plan.plan.alarms[0]!.request;
  return { ...request, AlarmName: alarmName('throttles', modelId), Dimensions: [{ Name: 'ModelId', Value: modelId }] };
}
