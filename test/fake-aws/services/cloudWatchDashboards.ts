/**
 * CloudWatch dashboards: PutDashboard checks the body as CloudWatch does (JSON with `widgets`,
 * each widget's type and place on the 24-column grid, metric lines, ids, expressions it can parse
 * with ids of the widget, a Region) and answers DashboardInvalidInputError with
 * `dashboardValidationMessages`. A body that is valid but that CloudWatch would not lay out as
 * written (two widgets placed on the same cells: CloudWatch moves one) is saved, and the answer's
 * `DashboardValidationMessages` hold warnings, as AWS documents for messages that are only warnings.
 * GetDashboard returns the body as stored. Texts are fake-aws's own.
 */
import { jsonBody, jsonResponse, type FakeResponse } from '../http';
import { AwsError } from '../protocols';
import type { ServiceContext } from '../serviceModule';
import { accountOf, callerOf, isObject, missing, requireAllowed } from './cloudWatchAccount';
import { MathError, expressionIds, parseExpression } from './metricMath';

const NAME = /^[A-Za-z0-9_-]{1,255}$/;
const ID = /^[a-z][a-zA-Z0-9_]*$/;
const WIDGET_TYPES = ['metric', 'text', 'alarm', 'log', 'explorer', 'custom'];
const STAT = /^(?:Sum|Average|Maximum|Minimum|SampleCount|p\d{1,2}(?:\.\d+)?|p100)$/;

interface Message {
  DataPath: string;
  Message: string;
}

function checkMetricWidget(properties: Record<string, unknown>, path: string, messages: Message[]): void {
  if (typeof properties.region !== 'string' || !/^[a-z]{2}(?:-[a-z]+)+-\d+$/.test(properties.region)) messages.push({ DataPath: `${path}/properties/region`, Message: 'Should be a Region name' });
  if (properties.stat !== undefined && (typeof properties.stat !== 'string' || !STAT.test(properties.stat))) messages.push({ DataPath: `${path}/properties/stat`, Message: 'Invalid statistic' });
  const metrics = properties.metrics;
  if (!Array.isArray(metrics) || metrics.length === 0) {
    messages.push({ DataPath: `${path}/properties/metrics`, Message: 'Should be a non-empty array of metric lines' });
    return;
  }
  const ids = new Set<string>();
  const expressions: { id: string; text: string; at: string }[] = [];
  metrics.forEach((line, index) => {
    const at = `${path}/properties/metrics/${index}`;
    if (!Array.isArray(line) || line.length === 0) return void messages.push({ DataPath: at, Message: 'Should be an array' });
    const last = line[line.length - 1];
    const options = isObject(last) ? last : undefined;
    const parts = options === undefined ? line : line.slice(0, -1);
    if (options?.id !== undefined) {
      if (typeof options.id !== 'string' || !ID.test(options.id)) messages.push({ DataPath: `${at}/id`, Message: 'Should match ^[a-z][a-zA-Z0-9_]*$' });
      else if (ids.has(options.id)) messages.push({ DataPath: `${at}/id`, Message: `Duplicate id ${options.id}` });
      else ids.add(options.id);
    }
    if (options?.stat !== undefined && (typeof options.stat !== 'string' || !STAT.test(options.stat))) messages.push({ DataPath: `${at}/stat`, Message: 'Invalid statistic' });
    if (options?.expression !== undefined) {
      if (parts.length > 0 || typeof options.expression !== 'string') messages.push({ DataPath: at, Message: 'An expression line holds only its options' });
      else expressions.push({ id: String(options.id ?? ''), text: options.expression, at: `${at}/expression` });
      return;
    }
    // Namespace, metric name, then dimension name and value pairs.
    if (parts.length < 2 || parts.length % 2 !== 0 || !parts.every((part) => typeof part === 'string' && part !== '')) {
      messages.push({ DataPath: at, Message: 'Should be [Namespace, MetricName, (DimensionName, DimensionValue)*, {options}]' });
    }
  });
  for (const { id, text, at } of expressions) {
    try {
      for (const name of expressionIds(parseExpression(text))) if (!ids.has(name) || name === id) messages.push({ DataPath: at, Message: `Unknown id ${name}` });
    } catch (error) {
      if (!(error instanceof MathError)) throw error;
      messages.push({ DataPath: at, Message: error.message });
    }
  }
  const annotations = properties.annotations;
  if (annotations !== undefined) {
    const horizontal = isObject(annotations) ? annotations.horizontal : undefined;
    if (!Array.isArray(horizontal) || !horizontal.every((entry) => isObject(entry) && typeof entry.value === 'number')) {
      messages.push({ DataPath: `${path}/properties/annotations`, Message: 'Horizontal annotations need a numeric value' });
    }
  }
}

/** Every problem CloudWatch would list for a dashboard body; empty when it takes it. */
export function dashboardBodyMessages(text: string): Message[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return [{ DataPath: '', Message: 'The dashboard body is not valid JSON' }];
  }
  if (!isObject(parsed) || !Array.isArray(parsed.widgets)) return [{ DataPath: '/widgets', Message: 'Should be an array of widgets' }];
  const messages: Message[] = [];
  parsed.widgets.forEach((widget, index) => {
    const path = `/widgets/${index}`;
    if (!isObject(widget)) return void messages.push({ DataPath: path, Message: 'Should be an object' });
    if (!WIDGET_TYPES.includes(String(widget.type))) messages.push({ DataPath: `${path}/type`, Message: `Should be one of ${WIDGET_TYPES.join(', ')}` });
    for (const [key, min, max] of [['x', 0, 23], ['y', 0, 10_000], ['width', 1, 24], ['height', 1, 1_000]] as const) {
      const value = widget[key];
      if (value !== undefined && (!Number.isInteger(value) || (value as number) < min || (value as number) > max)) messages.push({ DataPath: `${path}/${key}`, Message: `Should be an integer from ${min} to ${max}` });
    }
    if (Number.isInteger(widget.x) && Number.isInteger(widget.width) && (widget.x as number) + (widget.width as number) > 24) messages.push({ DataPath: `${path}/width`, Message: 'x + width should be at most 24' });
    const properties = widget.properties;
    if (!isObject(properties)) return void messages.push({ DataPath: `${path}/properties`, Message: 'Should be an object' });
    if (widget.type === 'text' && typeof properties.markdown !== 'string') messages.push({ DataPath: `${path}/properties/markdown`, Message: 'Should be a string' });
    if (widget.type === 'metric') checkMetricWidget(properties, path, messages);
  });
  return messages;
}

/** Warnings of a body CloudWatch takes: widgets with an explicit place that overlap an earlier one. */
export function dashboardBodyWarnings(text: string): Message[] {
  const parsed = JSON.parse(text) as { widgets: Record<string, unknown>[] };
  const placed: { index: number; x: number; y: number; width: number; height: number }[] = [];
  const messages: Message[] = [];
  parsed.widgets.forEach((widget, index) => {
    if (!Number.isInteger(widget.x) || !Number.isInteger(widget.y)) return;
    const box = { index, x: widget.x as number, y: widget.y as number, width: Number.isInteger(widget.width) ? (widget.width as number) : 6, height: Number.isInteger(widget.height) ? (widget.height as number) : 6 };
    const other = placed.find((earlier) => box.x < earlier.x + earlier.width && earlier.x < box.x + box.width && box.y < earlier.y + earlier.height && earlier.y < box.y + box.height);
    if (other) messages.push({ DataPath: `/widgets/${index}`, Message: `Overlaps /widgets/${other.index}; the widget will be moved` });
    placed.push(box);
  });
  return messages;
}

function nameOf(request: Record<string, unknown>): string {
  const name = request.DashboardName;
  if (typeof name !== 'string') throw missing('DashboardName');
  if (!NAME.test(name)) throw new AwsError(400, 'InvalidParameterValueException', 'The value for DashboardName contains characters other than A-Z, a-z, 0-9, - and _, or is longer than 255.');
  return name;
}

export function putDashboard(ctx: ServiceContext): FakeResponse {
  requireAllowed(ctx, 'cloudwatch:PutDashboard');
  const request = jsonBody(ctx.req) ?? {};
  const name = nameOf(request);
  if (typeof request.DashboardBody !== 'string') throw missing('DashboardBody');
  const messages = dashboardBodyMessages(request.DashboardBody);
  if (messages.length > 0) throw new AwsError(400, 'DashboardInvalidInputError', 'The field DashboardBody contains invalid JSON or an invalid widget.', { dashboardValidationMessages: messages });
  const region = callerOf(ctx).region;
  ((accountOf(ctx, true)!.dashboards ??= {})[region] ??= {})[name] = request.DashboardBody;
  return jsonResponse(200, { DashboardValidationMessages: dashboardBodyWarnings(request.DashboardBody) }, { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': ctx.requestId });
}

export function getDashboard(ctx: ServiceContext): FakeResponse {
  requireAllowed(ctx, 'cloudwatch:GetDashboard');
  const name = nameOf(jsonBody(ctx.req) ?? {});
  const caller = callerOf(ctx);
  const body = accountOf(ctx, false)?.dashboards?.[caller.region]?.[name];
  if (body === undefined) throw new AwsError(404, 'DashboardNotFoundError', `Dashboard ${name} does not exist`);
  return jsonResponse(
    200,
    { DashboardArn: `arn:aws:cloudwatch::${caller.key.account}:dashboard/${name}`, DashboardBody: body, DashboardName: name },
    { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': ctx.requestId },
  );
}
