import assert from 'node:assert/strict';
import { load } from 'js-yaml';
import { buildAdminStack, renderAdminStack, type AdminStackInput } from '../../src/core/adminStack/adminStack';
import { toYaml } from '../../src/core/adminStack/yaml';
import { adminActions, buildAdminPolicy } from '../../src/core/iam/adminPolicy';
import { alarmNamesFor } from '../../src/core/alarms/alarmDefinitions';
import { matchModelQuotas } from '../../src/core/usage/quotaMatch';
import { validateTemplate } from '../support/cfnSpec';

const TOKYO = 'ap-northeast-1';
const JP_SONNET = 'jp.anthropic.claude-sonnet-4-5-20250929-v1:0';
const GLOBAL_HAIKU = 'global.anthropic.claude-haiku-4-5-20251001-v1:0';
const SONNET = 'anthropic.claude-sonnet-4-5-20250929-v1:0';
const HAIKU = 'anthropic.claude-haiku-4-5-20251001-v1:0';

const quotas = matchModelQuotas([JP_SONNET, GLOBAL_HAIKU], {
  region: TOKYO,
  applied: [
    { code: 'L-F4DDD3EB', name: 'Cross-region model inference tokens per minute for Anthropic Claude Sonnet 4.5 V1', value: 200_000, adjustable: true },
    { code: 'L-4A6BFAB1', name: 'Cross-region model inference requests per minute for Anthropic Claude Sonnet 4.5 V1', value: 200, adjustable: true },
  ],
  defaults: [],
  requests: [],
});

const input: AdminStackInput = {
  region: TOKYO,
  models: [
    { offer: { modelId: JP_SONNET, scope: 'jp', destinations: ['ap-northeast-1', 'ap-northeast-3'], anyRegion: false, status: 'ACTIVE', baseModelId: SONNET }, quotas: quotas[0]! },
    { offer: { modelId: GLOBAL_HAIKU, scope: 'global', destinations: [], anyRegion: true, status: 'ACTIVE', baseModelId: HAIKU }, quotas: quotas[1]! },
  ],
};

describe('admin stack', function () {
  // Loading the resource specification takes a second or two.
  this.timeout(60_000);

  it('lets the e-mail parameter take what the alarm plan takes: empty or the one e-mail shape', () => {
    const pattern = new RegExp((buildAdminStack(input).Parameters as Record<string, { AllowedPattern: string }>).AlarmEmail!.AllowedPattern);
    assert.equal(pattern.source, '^$|^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$');
    for (const value of ['', 'admin@example.com']) assert.ok(pattern.test(value), value);
    for (const value of ['admin@example', 'two words@example.com', 'a@b@example.com']) assert.ok(!pattern.test(value), value);
  });

  it('reads back as the same template (the YAML writer loses nothing)', () => {
    const text = renderAdminStack(input);
    assert.deepEqual(load(text), JSON.parse(JSON.stringify(buildAdminStack(input))));
    assert.equal(renderAdminStack(input), text, 'same input, same bytes');
  });

  it('holds to the CloudFormation resource specification: types, properties, nested property types, references', () => {
    const errors = validateTemplate(load(renderAdminStack(input)));
    assert.deepEqual(errors, []);
  });

  it('the check fails on a misspelt property, a wrong nested property, a wrong type and an unknown reference', () => {
    const template = JSON.parse(JSON.stringify(buildAdminStack(input)));
    const alarm = template.Resources.QuotaAlarmJpSonnet4520250929V10.Properties;
    alarm.AlarmDescripton = alarm.AlarmDescription;
    alarm.Metrics[0].MetricStat.Metric.Dimension = [];
    alarm.EvaluationPeriods = 'fifteen';
    template.Resources.AlarmEmailSubscription.Properties.TopicArn = { Ref: 'AlarmTopick' };
    template.Resources.Extra = { Type: 'AWS::CloudWatch::Alarms', Properties: {} };
    const errors = validateTemplate(template).join('\n');
    assert.match(errors, /AlarmDescripton: no such property/);
    assert.match(errors, /MetricStat \(MetricStat\)\.Metric \(Metric\)\.Dimension: no such property/);
    assert.match(errors, /EvaluationPeriods: expected an integer/);
    assert.match(errors, /names AlarmTopick, which the template does not define/);
    assert.match(errors, /AWS::CloudWatch::Alarms is not a CloudFormation resource type/);
  });

  it('takes what differs per account as parameters, with the quotas read now as defaults', () => {
    const template = buildAdminStack(input) as Record<string, Record<string, Record<string, unknown>>>;
    const parameters = template.Parameters!;
    assert.equal(parameters.TpmQuotaJpSonnet4520250929V10!.Default, 200_000);
    assert.equal(parameters.RpmQuotaJpSonnet4520250929V10!.Default, 200);
    assert.equal(parameters.TpmQuotaGlobalHaiku4520251001V10!.Default, undefined, 'no quota was listed for it: the deployer gives it');
    assert.equal(parameters.QuotaAlarmPercent!.Default, 80);
    const quotaAlarm = template.Resources!.QuotaAlarmJpSonnet4520250929V10 as { Properties: { Threshold: unknown; Metrics: { Id: string; Expression?: unknown }[]; AlarmName: string } };
    assert.deepEqual(quotaAlarm.Properties.Threshold, { Ref: 'QuotaAlarmPercent' });
    assert.deepEqual(quotaAlarm.Properties.Metrics.find((query) => query.Id === 'quotaPercent')!.Expression, { 'Fn::Sub': '100 * tokens / ${TpmQuotaJpSonnet4520250929V10}' });
    const stackAlarmNames = Object.values(template.Resources!)
      .filter((resource) => (resource as { Type: string }).Type === 'AWS::CloudWatch::Alarm')
      .map((resource) => (resource as { Properties: { AlarmName: string } }).Properties.AlarmName);
    assert.deepEqual(stackAlarmNames.sort(), alarmNamesFor([JP_SONNET, GLOBAL_HAIKU]).sort(), 'the same names as the extension gives its alarms');
  });

  it('grants the developer policy for the models and scopes, and the admin policy with every admin action', () => {
    const template = buildAdminStack(input) as { Resources: Record<string, { Properties: { PolicyDocument: unknown } }> };
    const admin = template.Resources.AdminPolicy!.Properties.PolicyDocument as ReturnType<typeof buildAdminPolicy>;
    assert.deepEqual([...new Set(admin.Statement.flatMap((statement) => statement.Action))].sort(), adminActions());
    const developer = JSON.stringify(template.Resources.DeveloperPolicy!.Properties.PolicyDocument);
    assert.match(developer, /"Fn::Sub":"arn:aws:bedrock:ap-northeast-1:\$\{AWS::AccountId\}:inference-profile\/jp\.anthropic\.claude-sonnet-4-5-20250929-v1:0"/);
    assert.match(developer, /arn:aws:bedrock:::foundation-model\/anthropic\.claude-haiku-4-5-20251001-v1:0/);
    assert.ok(!developer.includes('PutMetricAlarm'), 'no admin action in the developer policy');
  });

  it('writes YAML that needs no quoting knowledge to read: dates, numbers, booleans and colons stay strings', () => {
    const text = toYaml({ a: '2010-09-09', b: '80', c: 'true', d: 'x: y', e: 'ok-plain', f: '', g: 'line one\nline two', h: [], i: {}, j: [{ k: 1, l: ['m'] }], 'n n': '#x', o: 'No' });
    assert.deepEqual(load(text), { a: '2010-09-09', b: '80', c: 'true', d: 'x: y', e: 'ok-plain', f: '', g: 'line one\nline two', h: [], i: {}, j: [{ k: 1, l: ['m'] }], 'n n': '#x', o: 'No' });
    assert.match(text, /^e: ok-plain$/m);
    assert.match(text, /^g: \|-\n {2}line one\n {2}line two$/m);
  });
});
