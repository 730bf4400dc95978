/**
 * The team dashboard: one CloudWatch dashboard per Region with, for each model (and so each scope),
 * its tokens (input, output, cache read, cache write, and the quota tokens the TPM quota counts)
 * against the quota as a horizontal annotation, its requests against the RPM quota, throttles and
 * errors, latency, and the cache hit ratio. The body is the JSON PutDashboard takes; values may be
 * template placeholders (`${AWS::Region}`, `${TpmQuota…}`) for the CloudFormation stack.
 */

import { BEDROCK_NAMESPACE, QUOTA_QUERY_IDS, quotaTokensExpression } from '../alarms/alarmDefinitions';

/** The dashboard of a Region: one name, so the stack and the extension update the same one. */
export function dashboardName(region: string): string {
  return `claude-bedrock-${region}`;
}

/** Where the dashboard opens in the CloudWatch console. */
export function dashboardConsoleUrl(region: string, name: string = dashboardName(region)): string {
  return `https://${region}.console.aws.amazon.com/cloudwatch/home?region=${region}#dashboards/dashboard/${encodeURIComponent(name)}`;
}

/** A number, or a placeholder the template fills in (the quota value of each account). */
export type DashboardNumber = number | { readonly placeholder: string };

export interface DashboardModel {
  readonly modelId: string;
  readonly burndown: number;
  readonly tpmQuota?: { readonly code: string; readonly value: DashboardNumber };
  readonly rpmQuota?: { readonly code: string; readonly value: DashboardNumber };
}

export interface DashboardInput {
  /** A Region, or `${AWS::Region}` in the template. */
  readonly region: string;
  readonly models: readonly DashboardModel[];
}

type MetricLine = readonly (string | Record<string, unknown>)[];

const PLACEHOLDER_PREFIX = '@@claude-bedrock-placeholder:';

function numberValue(value: DashboardNumber): number | string {
  return typeof value === 'number' ? value : `${PLACEHOLDER_PREFIX}${value.placeholder}@@`;
}

function metric(modelId: string, name: string, options: Record<string, unknown>): MetricLine {
  return [BEDROCK_NAMESPACE, name, 'ModelId', modelId, options];
}

function widget(x: number, y: number, width: number, height: number, properties: Record<string, unknown>): Record<string, unknown> {
  return { type: 'metric', x, y, width, height, properties };
}

function annotation(label: string, quota: { readonly code: string; readonly value: DashboardNumber } | undefined): Record<string, unknown> {
  return quota === undefined ? {} : { annotations: { horizontal: [{ label: `${label} (${quota.code})`, value: numberValue(quota.value) }] } };
}

/** The widgets of one model, from row `y`: a title, then two rows of charts. */
function modelWidgets(model: DashboardModel, region: string, y: number): Record<string, unknown>[] {
  const { modelId } = model;
  const common = { view: 'timeSeries', stacked: false, region, period: 60 };
  const ids = QUOTA_QUERY_IDS;
  return [
    { type: 'text', x: 0, y, width: 24, height: 1, properties: { markdown: `### ${modelId}` } },
    widget(0, y + 1, 12, 6, {
      ...common,
      title: `Tokens per minute — ${modelId}`,
      stat: 'Sum',
      metrics: [
        metric(modelId, 'InputTokenCount', { id: ids.input, label: 'Input' }),
        metric(modelId, 'OutputTokenCount', { id: ids.output, label: 'Output' }),
        metric(modelId, 'CacheReadInputTokenCount', { id: 'cacheRead', label: 'Cache read' }),
        metric(modelId, 'CacheWriteInputTokenCount', { id: ids.cacheWrite, label: 'Cache write' }),
        [{ expression: quotaTokensExpression(model.burndown), id: ids.tokens, label: `Quota tokens (input + cache write + output × ${model.burndown})` }],
      ],
      ...annotation('TPM quota', model.tpmQuota),
      yAxis: { left: { min: 0 } },
    }),
    widget(12, y + 1, 6, 6, {
      ...common,
      title: `Requests per minute — ${modelId}`,
      stat: 'Sum',
      metrics: [metric(modelId, 'Invocations', { id: 'requests', label: 'Requests' })],
      ...annotation('RPM quota', model.rpmQuota),
      yAxis: { left: { min: 0 } },
    }),
    widget(18, y + 1, 6, 6, {
      ...common,
      title: `Throttles and errors — ${modelId}`,
      stat: 'Sum',
      metrics: [
        metric(modelId, 'InvocationThrottles', { id: 'throttles', label: 'Throttled' }),
        metric(modelId, 'InvocationClientErrors', { id: 'clientErrors', label: 'Client errors' }),
        metric(modelId, 'InvocationServerErrors', { id: 'serverErrors', label: 'Server errors' }),
      ],
      yAxis: { left: { min: 0 } },
    }),
    widget(0, y + 7, 12, 6, {
      ...common,
      title: `Latency (ms) — ${modelId}`,
      metrics: [
        metric(modelId, 'InvocationLatency', { id: 'latency', stat: 'Average', label: 'Average' }),
        metric(modelId, 'InvocationLatency', { id: 'latencyP90', stat: 'p90', label: 'p90' }),
      ],
      yAxis: { left: { min: 0 } },
    }),
    widget(12, y + 7, 12, 6, {
      ...common,
      title: `Cache hit ratio (%) — ${modelId}`,
      stat: 'Sum',
      metrics: [
        metric(modelId, 'CacheReadInputTokenCount', { id: 'hitRead', visible: false }),
        metric(modelId, 'CacheWriteInputTokenCount', { id: 'hitWrite', visible: false }),
        metric(modelId, 'InputTokenCount', { id: 'hitInput', visible: false }),
        [{ expression: '100 * FILL(hitRead, 0) / (FILL(hitRead, 0) + FILL(hitWrite, 0) + FILL(hitInput, 0))', id: 'hitRatio', label: 'Cache reads of all input tokens (%)' }],
      ],
      yAxis: { left: { min: 0, max: 100 } },
    }),
  ];
}

/** Rows of one model's block: a title row and two rows of charts. */
const MODEL_ROWS = 13;

/** The dashboard body as an object: `widgets`, laid out on CloudWatch's 24-column grid. */
export function dashboardBody(input: DashboardInput): { readonly widgets: readonly Record<string, unknown>[] } {
  const title = {
    type: 'text',
    x: 0,
    y: 0,
    width: 24,
    height: 2,
    properties: {
      markdown: `## Claude on Bedrock — ${input.region}\nTokens, requests, throttles, latency and cache hits per model and scope, per minute. Quota lines come from Service Quotas. Made by claude-bedrock.`,
    },
  };
  return { widgets: [title, ...input.models.flatMap((model, index) => modelWidgets(model, input.region, 2 + index * MODEL_ROWS))] };
}

/**
 * The body as PutDashboard takes it (and GetDashboard returns it): JSON, two-space indented so a
 * preview's diff reads line by line (compact in a template, which has a size limit), placeholders
 * as `${Name}`.
 */
export function renderDashboardBody(body: { readonly widgets: readonly Record<string, unknown>[] }, options: { readonly compact?: boolean } = {}): string {
  return JSON.stringify(body, null, options.compact === true ? undefined : 2).replace(new RegExp(`"${PLACEHOLDER_PREFIX}([A-Za-z0-9:]+)@@"`, 'g'), (_match, name: string) => `\${${name}}`);
}
