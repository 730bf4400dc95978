/**
 * The whole team setup as one CloudFormation template: the developers' least-privilege policy (what
 * *Show IAM Policy* builds, for the configured models and scopes), the admin policy, an SNS topic
 * with an optional e-mail subscription, both alarms of every model and the team dashboard. What
 * differs per account is a Parameter (the e-mail, the thresholds, each model's quota values), so
 * the same template deploys as a stack or through StackSets. Pure; `toYaml` writes it.
 */

import { quotaAlarm, throttleAlarm } from '../alarms/alarmDefinitions';
import { DEFAULT_ALARM_PERCENT, DEFAULT_THROTTLE_THRESHOLD, type AlarmRequest } from '../alarms/alarmTypes';
import { dashboardBody, renderDashboardBody, type DashboardModel } from '../dashboard/dashboardBody';
import { buildAdminPolicy } from '../iam/adminPolicy';
import { buildIamPolicy, type PolicyOffer } from '../iam/iamPolicy';
import { baseModelIdOf } from '../models/catalog';
import { ownQuota } from '../usage/quotaMatch';
import { outputBurndown } from '../usage/quotaMath';
import { OPTIONAL_EMAIL_PATTERN } from '../text/addresses';
import type { ModelQuotas } from '../usage/quotaTypes';
import { toYaml, type YamlValue } from './yaml';

export interface AdminStackModel {
  /** The model as Claude Code invokes it, with where it routes (from the account's catalog or the bundled one). */
  readonly offer: PolicyOffer;
  /** Its quotas in the Region, when Service Quotas could be read: they become the quota parameters' defaults. */
  readonly quotas?: ModelQuotas;
}

export interface AdminStackInput {
  /** The Region Claude Code calls (AWS_REGION): the developer policy's Region. Deploy the stack there. */
  readonly region: string;
  readonly models: readonly AdminStackModel[];
  readonly percent?: number;
  readonly throttleThreshold?: number;
}

type Template = { readonly [key: string]: YamlValue };

/** `jp.anthropic.claude-sonnet-4-5-20250929-v1:0` → `JpSonnet4520250929V10`: letters and digits, as logical IDs need. */
export function logicalPart(modelId: string): string {
  return modelId
    .split(/[^A-Za-z0-9]+/)
    .filter((token) => token !== '' && token !== 'anthropic' && token !== 'claude')
    .map((token) => token[0]!.toUpperCase() + token.slice(1))
    .join('');
}

/** Every string holding `${…}` becomes `Fn::Sub` of itself; everything else is kept. */
function substitute(value: unknown): YamlValue {
  if (typeof value === 'string') return value.includes('${') ? { 'Fn::Sub': value } : value;
  if (Array.isArray(value)) return value.map(substitute);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, substitute(item)]));
  return value as YamlValue;
}

/** An alarm's properties: the request PutMetricAlarm would get, its threshold from a parameter, its action the topic. */
function alarmResource(request: AlarmRequest, thresholdParameter: string): YamlValue {
  const properties = { ...(substitute({ ...request, AlarmActions: [] }) as { readonly [key: string]: YamlValue }), AlarmActions: [{ Ref: 'AlarmTopic' }], Threshold: { Ref: thresholdParameter } };
  return { Type: 'AWS::CloudWatch::Alarm', Properties: properties };
}

interface ModelNames {
  readonly modelId: string;
  readonly part: string;
  readonly tpmParameter: string;
  readonly rpmParameter: string;
}

/** Unique logical names per model (two IDs that read alike get a counter). */
function namesOf(models: readonly AdminStackModel[]): ModelNames[] {
  const used = new Set<string>();
  return models.map(({ offer }) => {
    let part = logicalPart(offer.modelId) || 'Model';
    for (let counter = 2; used.has(part); counter += 1) part = `${logicalPart(offer.modelId)}${counter}`;
    used.add(part);
    return { modelId: offer.modelId, part, tpmParameter: `TpmQuota${part}`, rpmParameter: `RpmQuota${part}` };
  });
}

function quotaParameter(measure: string, modelId: string, quota: { code: string; name: string; value: number } | undefined, region: string): YamlValue {
  return {
    Type: 'Number',
    MinValue: 1,
    ...(quota === undefined || quota.value <= 0 ? {} : { Default: quota.value }),
    Description:
      quota === undefined
        ? `The ${measure} quota of ${modelId} in this account (Service Quotas, Amazon Bedrock). No default: Service Quotas was not read when this template was written.`
        : `The ${measure} quota of ${modelId} in this account: ${quota.code} "${quota.name}". Default: the value Service Quotas gave in ${region} when this template was written.`,
  };
}

/** The template as an object, in CloudFormation's section order. */
export function buildAdminStack(input: AdminStackInput): Template {
  const region = input.region;
  const names = namesOf(input.models);
  const parameters: Record<string, YamlValue> = {
    AlarmEmail: {
      Type: 'String',
      Default: '',
      AllowedPattern: OPTIONAL_EMAIL_PATTERN,
      ConstraintDescription: 'an e-mail address, or empty for no subscription',
      Description: 'Who the alarms notify: subscribed to the alarm topic by e-mail (AWS sends a confirmation link). Empty: no subscription.',
    },
    QuotaAlarmPercent: {
      Type: 'Number',
      Default: input.percent ?? DEFAULT_ALARM_PERCENT,
      MinValue: 1,
      MaxValue: 100,
      Description: 'The quota alarm fires when a minute\'s quota tokens reach this percentage of the model\'s tokens-per-minute quota.',
    },
    ThrottleAlarmThreshold: {
      Type: 'Number',
      Default: input.throttleThreshold ?? DEFAULT_THROTTLE_THRESHOLD,
      MinValue: 1,
      MaxValue: 100000,
      Description: 'The throttling alarm fires when a minute has this many throttled requests or more.',
    },
  };
  const resources: Record<string, YamlValue> = {};
  const offers = input.models.map((model) => model.offer);
  const developer = buildIamPolicy({ region, accountId: '${AWS::AccountId}', offers, includeDiagnostics: true });
  resources.DeveloperPolicy = {
    Type: 'AWS::IAM::ManagedPolicy',
    Properties: {
      Description: `Claude Code on Amazon Bedrock in ${region}: invoke ${offers.map((offer) => offer.modelId).join(', ')} and run the claude-bedrock checks`,
      PolicyDocument: substitute(developer),
    },
  };
  resources.AdminPolicy = {
    Type: 'AWS::IAM::ManagedPolicy',
    Properties: { Description: 'Claude on Bedrock team admin: alarms, their notifications, the dashboard, quota values and increase requests', PolicyDocument: substitute(buildAdminPolicy()) },
  };
  resources.AlarmTopic = { Type: 'AWS::SNS::Topic', Properties: { DisplayName: 'Claude on Bedrock alarms' } };
  resources.AlarmEmailSubscription = {
    Type: 'AWS::SNS::Subscription',
    Condition: 'HasAlarmEmail',
    Properties: { Protocol: 'email', Endpoint: { Ref: 'AlarmEmail' }, TopicArn: { Ref: 'AlarmTopic' } },
  };
  const dashboardModels: DashboardModel[] = [];
  input.models.forEach((model, index) => {
    const { modelId, part, tpmParameter, rpmParameter } = names[index]!;
    const tpm = model.quotas === undefined ? undefined : ownQuota(model.quotas, 'tokens-per-minute');
    const rpm = model.quotas === undefined ? undefined : ownQuota(model.quotas, 'requests-per-minute');
    parameters[tpmParameter] = quotaParameter('tokens-per-minute', modelId, tpm, region);
    parameters[rpmParameter] = quotaParameter('requests-per-minute', modelId, rpm, region);
    const burndown = outputBurndown(model.quotas?.baseModelId ?? model.offer.baseModelId ?? baseModelIdOf(modelId));
    resources[`ThrottleAlarm${part}`] = alarmResource(throttleAlarm(modelId, '${AWS::Region}', '${ThrottleAlarmThreshold}', []), 'ThrottleAlarmThreshold');
    const quota = { code: tpm?.code ?? 'the TPM quota', name: tpm?.name ?? `tokens per minute for ${modelId}`, value: `\${${tpmParameter}}` };
    resources[`QuotaAlarm${part}`] = alarmResource(quotaAlarm(modelId, '${AWS::Region}', quota, '${QuotaAlarmPercent}', burndown, []), 'QuotaAlarmPercent');
    dashboardModels.push({
      modelId,
      burndown,
      tpmQuota: { code: tpm?.code ?? 'TPM', value: { placeholder: tpmParameter } },
      rpmQuota: { code: rpm?.code ?? 'RPM', value: { placeholder: rpmParameter } },
    });
  });
  resources.Dashboard = {
    Type: 'AWS::CloudWatch::Dashboard',
    Properties: {
      DashboardName: { 'Fn::Sub': 'claude-bedrock-${AWS::Region}' },
      DashboardBody: { 'Fn::Sub': renderDashboardBody(dashboardBody({ region: '${AWS::Region}', models: dashboardModels }), { compact: true }) },
    },
  };
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: `Claude Code on Amazon Bedrock for a team (claude-bedrock admin-stack): developer and admin IAM policies, alarms on throttling and quota use, an SNS topic and the team dashboard for ${offers.map((offer) => offer.modelId).join(', ')}. Deploy it in ${region}.`,
    Parameters: parameters,
    Conditions: { HasAlarmEmail: { 'Fn::Not': [{ 'Fn::Equals': [{ Ref: 'AlarmEmail' }, ''] }] } },
    Resources: resources,
    Outputs: {
      DeveloperPolicyArn: { Description: 'Attach to the developers\' roles or permission sets', Value: { Ref: 'DeveloperPolicy' } },
      AdminPolicyArn: { Description: 'Attach to the team admins\' roles', Value: { Ref: 'AdminPolicy' } },
      AlarmTopicArn: { Description: 'The topic the alarms notify', Value: { Ref: 'AlarmTopic' } },
      DashboardUrl: { Description: 'The team dashboard', Value: { 'Fn::Sub': 'https://${AWS::Region}.console.aws.amazon.com/cloudwatch/home?region=${AWS::Region}#dashboards/dashboard/claude-bedrock-${AWS::Region}' } },
    },
  };
}

/** The template as YAML. */
export function renderAdminStack(input: AdminStackInput): string {
  return `# Claude Code on Amazon Bedrock: the team's admin stack, written by claude-bedrock admin-stack.\n# Deploy in ${input.region}; see docs/admin.md for aws cloudformation deploy and StackSets.\n${toYaml(buildAdminStack(input))}`;
}
