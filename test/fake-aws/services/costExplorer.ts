/**
 * Cost Explorer over awsJson1_1 (`POST /`, `X-Amz-Target: AWSInsightsIndexService.<Op>`, SigV4 name
 * `ce`, signed for us-east-1 only, as AWS requires): GetDimensionValues (SERVICE, with SearchString;
 * 1,000 values a page, then an opaque NextPageToken),
 * GetCostAndUsage (DAILY or MONTHLY, Filter on SERVICE values, GroupBy up to two dimensions of
 * SERVICE and USAGE_TYPE, UnblendedCost and UsageQuantity) and GetCostForecast. Costs come from the
 * caller account's daily cost lines (scenario.costExplorer). Dates are `YYYY-MM-DD`, UTC, start
 * inclusive, end exclusive; amounts are strings, as Cost Explorer sends them.
 */
import type { FakeRequest, FakeResponse } from '../http';
import { awsJsonBody, awsJsonOk, awsJsonOperation } from './awsJsonTarget';
import { AwsError, jsonProtocol } from '../protocols';
import type { FakeCostLine, Scenario } from '../scenario';
import type { ServiceContext, ServiceModule } from '../serviceModule';
import { lineCostOn, lineForecastOn } from '../scenarios/teamData';
import { BEDROCK_ERROR_MESSAGES } from './bedrockWorld';

const TARGET_PREFIX = 'AWSInsightsIndexService.';
/** GetDimensionValues' page without SortBy. */
const DIMENSION_PAGE_SIZE = 1000;
const DAY = 86_400_000;
/** The only Region Cost Explorer answers in. */
const COST_EXPLORER_REGION = 'us-east-1';

const COST_EXPLORER_ERROR_MESSAGES = {
  region: 'Credential should be scoped to a valid region. ',
  dates: 'Start date (and hour) should be before end date (and hour)',
  forecastPast: 'Start date must be equal to or no later than the current date to avoid a mismatch between the actual and forecasted costs',
  noData: 'Insufficient amount of historical data to generate forecast.',
  badDate: (value: string): string => `Invalid date format: ${value}`,
} as const;

function targetOf(req: FakeRequest): string | undefined {
  return awsJsonOperation(req, TARGET_PREFIX);
}

function validation(message: string): AwsError {
  return new AwsError(400, 'ValidationException', message);
}

/** The caller's account, after the Region and IAM checks every operation makes. */
export function usEast1Caller(ctx: ServiceContext, action: string, deniedOf: (state: Scenario, account: string) => readonly string[] | undefined, service: string): { account: string; arn: string } {
  const signer = ctx.caller;
  if (!signer) throw new AwsError(403, 'MissingAuthenticationTokenException', 'Missing Authentication Token');
  if (signer.region !== COST_EXPLORER_REGION) throw new AwsError(403, 'InvalidSignatureException', COST_EXPLORER_ERROR_MESSAGES.region);
  const denied = deniedOf(ctx.state, signer.key.account) ?? [];
  if (denied.includes(action) || denied.includes(`${service}:*`)) throw new AwsError(400, 'AccessDeniedException', BEDROCK_ERROR_MESSAGES.iamDenied(signer.key.arn, action));
  return { account: signer.key.account, arn: signer.key.arn };
}

function caller(ctx: ServiceContext, action: string): { account: string; lines: FakeCostLine[] } {
  const { account } = usEast1Caller(ctx, action, (state, id) => state.costExplorer?.accounts[id]?.deniedActions, 'ce');
  return { account, lines: ctx.state.costExplorer?.accounts[account]?.lines ?? [] };
}

function parseDay(value: unknown): number {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) throw validation(COST_EXPLORER_ERROR_MESSAGES.badDate(String(value)));
  const ms = Date.parse(`${value}T00:00:00Z`);
  if (Number.isNaN(ms)) throw validation(COST_EXPLORER_ERROR_MESSAGES.badDate(value));
  return ms;
}

function period(input: Record<string, unknown>): { start: number; end: number } {
  const time = input.TimePeriod as Record<string, unknown> | undefined;
  if (!time) throw validation("1 validation error detected: Value null at 'timePeriod' failed to satisfy constraint: Member must not be null");
  const start = parseDay(time.Start);
  const end = parseDay(time.End);
  if (end <= start) throw validation(COST_EXPLORER_ERROR_MESSAGES.dates);
  return { start, end };
}

/** The SERVICE values a filter allows; undefined without a filter. Only `Dimensions` on SERVICE with EQUALS is served. */
function serviceFilter(input: Record<string, unknown>): Set<string> | undefined {
  const filter = input.Filter as Record<string, unknown> | undefined;
  if (filter === undefined) return undefined;
  const dimensions = filter.Dimensions as { Key?: string; Values?: string[]; MatchOptions?: string[] } | undefined;
  if (!dimensions || dimensions.Key !== 'SERVICE' || !Array.isArray(dimensions.Values)) throw validation('fake-aws serves Filter.Dimensions on SERVICE only');
  if (dimensions.MatchOptions && dimensions.MatchOptions.some((option) => option !== 'EQUALS' && option !== 'CASE_SENSITIVE')) {
    throw validation('MatchOptions is only applicable for actions related to Cost Category and Anomaly Subscriptions');
  }
  return new Set(dimensions.Values);
}

function iso(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function amount(value: number): { Amount: string; Unit: string } {
  return { Amount: value.toFixed(10).replace(/\.?0+$/, '') || '0', Unit: 'USD' };
}

function getDimensionValues(ctx: ServiceContext): FakeResponse {
  const { lines } = caller(ctx, 'ce:GetDimensionValues');
  const input = awsJsonBody(ctx.req);
  const { start, end } = period(input);
  if (input.Dimension !== 'SERVICE' && input.Dimension !== 'USAGE_TYPE') throw validation('fake-aws serves the SERVICE and USAGE_TYPE dimensions only');
  const search = typeof input.SearchString === 'string' ? input.SearchString.toLowerCase() : '';
  const values = new Set<string>();
  for (const line of lines) {
    const value = input.Dimension === 'SERVICE' ? line.service : line.usageType;
    if (!value.toLowerCase().includes(search)) continue;
    for (let day = start; day < end; day += DAY) {
      if (lineCostOn(line, day, ctx.now).usd !== 0) {
        values.add(value);
        break;
      }
    }
  }
  const sorted = [...values].sort();
  // Without SortBy, Cost Explorer answers 1,000 values a page and an opaque NextPageToken for the rest.
  let offset = 0;
  if (input.NextPageToken !== undefined) {
    offset = Number(Buffer.from(String(input.NextPageToken), 'base64url').toString('utf8'));
    if (!Number.isInteger(offset) || offset <= 0 || offset >= sorted.length) throw validation('Invalid NextPageToken');
  }
  const page = sorted.slice(offset, offset + DIMENSION_PAGE_SIZE);
  const next = offset + DIMENSION_PAGE_SIZE < sorted.length ? Buffer.from(String(offset + DIMENSION_PAGE_SIZE), 'utf8').toString('base64url') : undefined;
  return awsJsonOk(ctx, { DimensionValues: page.map((Value) => ({ Value, Attributes: {} })), ReturnSize: page.length, TotalSize: sorted.length, ...(next === undefined ? {} : { NextPageToken: next }) });
}

function getCostAndUsage(ctx: ServiceContext): FakeResponse {
  const { lines } = caller(ctx, 'ce:GetCostAndUsage');
  const input = awsJsonBody(ctx.req);
  const { start, end } = period(input);
  const granularity = input.Granularity;
  if (granularity !== 'DAILY' && granularity !== 'MONTHLY') throw validation('fake-aws serves DAILY and MONTHLY granularity');
  const metrics = input.Metrics;
  if (!Array.isArray(metrics) || metrics.length === 0) throw validation("1 validation error detected: Value null at 'metrics' failed to satisfy constraint: Member must not be null");
  const groupBy = (Array.isArray(input.GroupBy) ? input.GroupBy : []) as { Type?: string; Key?: string }[];
  if (groupBy.length > 2) throw validation('Group by can have at most two dimensions');
  for (const group of groupBy) if (group.Type !== 'DIMENSION' || (group.Key !== 'SERVICE' && group.Key !== 'USAGE_TYPE')) throw validation('fake-aws groups by the SERVICE and USAGE_TYPE dimensions only');
  const services = serviceFilter(input);
  const chosen = lines.filter((line) => services === undefined || services.has(line.service));
  const buckets: { start: number; end: number }[] = [];
  for (let at = start; at < end; ) {
    const next = granularity === 'DAILY' ? at + DAY : Math.min(end, Date.UTC(new Date(at).getUTCFullYear(), new Date(at).getUTCMonth() + 1, 1));
    buckets.push({ start: at, end: next });
    at = next;
  }
  const today = Math.floor(ctx.now / DAY) * DAY;
  const ResultsByTime = buckets.map((bucket) => {
    const groups = new Map<string, { keys: string[]; usd: number; quantity: number }>();
    let total = 0;
    let quantityTotal = 0;
    for (const line of chosen) {
      let usd = 0;
      let quantity = 0;
      for (let day = bucket.start; day < bucket.end; day += DAY) {
        const cost = lineCostOn(line, day, ctx.now);
        usd += cost.usd;
        quantity += cost.quantity;
      }
      if (usd === 0 && quantity === 0) continue;
      total += usd;
      quantityTotal += quantity;
      if (groupBy.length === 0) continue;
      const keys = groupBy.map((group) => (group.Key === 'SERVICE' ? line.service : line.usageType));
      const id = keys.join('\u0000');
      const entry = groups.get(id) ?? { keys, usd: 0, quantity: 0 };
      entry.usd += usd;
      entry.quantity += quantity;
      groups.set(id, entry);
    }
    const metricsOf = (usd: number, quantity: number) =>
      Object.fromEntries((metrics as string[]).map((metric) => [metric, metric === 'UsageQuantity' ? { Amount: String(quantity), Unit: 'N/A' } : amount(usd)]));
    return {
      TimePeriod: { Start: iso(bucket.start), End: iso(bucket.end) },
      Total: groupBy.length === 0 ? metricsOf(total, quantityTotal) : {},
      Groups: [...groups.values()].sort((a, b) => (a.keys.join() < b.keys.join() ? -1 : 1)).map((group) => ({ Keys: group.keys, Metrics: metricsOf(group.usd, group.quantity) })),
      // Cost Explorer marks periods that are not final yet.
      Estimated: bucket.end > today,
    };
  });
  return awsJsonOk(ctx, { GroupDefinitions: groupBy, ResultsByTime, DimensionValueAttributes: [] });
}

function getCostForecast(ctx: ServiceContext): FakeResponse {
  const { lines } = caller(ctx, 'ce:GetCostForecast');
  const input = awsJsonBody(ctx.req);
  const { start, end } = period(input);
  const today = Math.floor(ctx.now / DAY) * DAY;
  if (start < today) throw validation(COST_EXPLORER_ERROR_MESSAGES.forecastPast);
  if (input.Metric !== 'UNBLENDED_COST' && input.Metric !== 'BLENDED_COST' && input.Metric !== 'NET_UNBLENDED_COST') throw validation('fake-aws forecasts cost metrics only');
  const services = serviceFilter(input);
  const chosen = lines.filter((line) => services === undefined || services.has(line.service));
  // Cost Explorer needs history to forecast: at least a line that ran before today.
  if (!chosen.some((line) => line.toDaysAgo === 0 && line.fromDaysAgo >= 1)) throw new AwsError(400, 'DataUnavailableException', COST_EXPLORER_ERROR_MESSAGES.noData);
  let mean = 0;
  for (const line of chosen) for (let day = start; day < end; day += DAY) mean += lineForecastOn(line, day, ctx.now);
  return awsJsonOk(ctx, {
    Total: amount(mean),
    ForecastResultsByTime: [{ TimePeriod: { Start: iso(start), End: iso(end) }, MeanValue: amount(mean).Amount, PredictionIntervalLowerBound: amount(mean * 0.9).Amount, PredictionIntervalUpperBound: amount(mean * 1.1).Amount }],
  });
}

export const costExplorerModule: ServiceModule = {
  name: 'ce',
  signingName: 'ce',
  protocol: jsonProtocol({ style: 'awsJson1_1', throttle: () => new AwsError(400, 'LimitExceededException', 'Rate exceeded') }),
  matches: (req) => targetOf(req) !== undefined,
  operation: (req) => targetOf(req) ?? 'Unknown',
  handle(ctx) {
    switch (ctx.operation) {
      case 'GetDimensionValues':
        return getDimensionValues(ctx);
      case 'GetCostAndUsage':
        return getCostAndUsage(ctx);
      case 'GetCostForecast':
        return getCostForecast(ctx);
      default:
        throw new AwsError(400, 'UnknownOperationException', `fake-aws ce does not serve ${ctx.operation}`);
    }
  },
};
