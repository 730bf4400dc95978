/**
 * The part of Logs Insights the fake evaluates: `filter` on the invocation-log schema, and one
 * `stats` of `count(*)` and `sum(<token field>)` by `identity.arn`, `modelId` and `bin(1d)`, over
 * a log group's invocation series. Anything it cannot parse is a MalformedQueryException, as at AWS.
 * Two guards AWS does not have, for this project's promise: a query that names a message-body field
 * (`input.inputBodyJson`, `output.outputBodyJson`, `@message`) is refused, and so is one that does
 * not group by `identity.arn` or leaves out a token count the Team view needs.
 */
import type { FakeInvocationSeries } from '../scenario';
import { AwsError } from '../protocols';
import { requestsByDay } from '../scenarios/teamData';

export const BODY_FIELDS = ['inputBodyJson', 'outputBodyJson', '@message'] as const;

/** What the Team query must read (the invocation-log record's metadata fields). */
const REQUIRED_SUMS = ['input.inputTokenCount', 'output.outputTokenCount', 'input.cacheReadInputTokenCount', 'input.cacheWriteInputTokenCount'] as const;

const FIELD_OF_SERIES: Readonly<Record<(typeof REQUIRED_SUMS)[number], keyof FakeInvocationSeries>> = {
  'input.inputTokenCount': 'inputTokens',
  'output.outputTokenCount': 'outputTokens',
  'input.cacheReadInputTokenCount': 'cacheReadTokens',
  'input.cacheWriteInputTokenCount': 'cacheWriteTokens',
};

const SUPPORTED_FILTERS = ['schemaType = "ModelInvocationLog"', 'ispresent(identity.arn)'];
const GROUPS = ['identity.arn', 'modelId', 'bin(1d)'] as const;

interface Aggregate {
  readonly name: string;
  readonly fn: 'count' | 'sum';
  readonly field?: (typeof REQUIRED_SUMS)[number];
}

export interface ParsedQuery {
  readonly aggregates: readonly Aggregate[];
  readonly groupBy: readonly (typeof GROUPS)[number][];
}

/** MalformedQueryException with the location of the trouble, as Logs Insights reports it. */
function malformed(message: string, start = 0, end = 0): AwsError {
  return new AwsError(400, 'MalformedQueryException', message, { __type: 'MalformedQueryException', message, queryCompileError: { location: { start, end }, message } });
}

function guard(message: string): AwsError {
  return new AwsError(400, 'InvalidParameterException', `fake-aws: ${message}`);
}

/** Splits on commas outside parentheses. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '(') depth += 1;
    if (char === ')') depth -= 1;
    if (char === ',' && depth === 0) {
      parts.push(current.trim());
      current = '';
    } else current += char;
  }
  if (current.trim() !== '') parts.push(current.trim());
  return parts;
}

/** Parses the supported subset; throws MalformedQueryException or the fake's guards. */
export function parseTeamQuery(queryString: string): ParsedQuery {
  for (const field of BODY_FIELDS) {
    if (queryString.includes(field)) throw guard(`the query reads the message body field ${field}; the Team view must read metadata fields only`);
  }
  let stats: ParsedQuery | undefined;
  let offset = 0;
  for (const raw of queryString.split('|')) {
    const command = raw.trim();
    const at = offset + raw.indexOf(command);
    offset += raw.length + 1;
    if (command === '') throw malformed('Expected a command', at, at);
    const [keyword] = command.split(/\s+/, 1);
    const rest = command.slice(keyword!.length).trim();
    if (keyword === 'filter') {
      for (const condition of rest.split(/\s+and\s+/)) {
        if (!SUPPORTED_FILTERS.includes(condition.trim())) throw malformed(`Unexpected filter condition: ${condition.trim()}`, at, at + command.length);
      }
    } else if (keyword === 'fields') {
      if (rest === '') throw malformed('Expected a field list after fields', at, at + command.length);
    } else if (keyword === 'stats') {
      const by = /^(.*)\sby\s(.*)$/s.exec(rest);
      if (!by) throw malformed('Expected "by" in stats', at, at + command.length);
      const aggregates = splitTopLevel(by[1]!).map((text): Aggregate => {
        const match = /^(count|sum)\(([^)]*)\)(?:\s+as\s+(\w+))?$/.exec(text);
        if (!match) throw malformed(`Unexpected aggregate: ${text}`, at, at + command.length);
        const [, fn, argument, alias] = match;
        if (fn === 'count') {
          if (argument!.trim() !== '*') throw malformed(`Unexpected count argument: ${argument}`, at, at + command.length);
          return { name: alias ?? 'count(*)', fn: 'count' };
        }
        const field = argument!.trim() as (typeof REQUIRED_SUMS)[number];
        if (!REQUIRED_SUMS.includes(field)) throw malformed(`Unexpected sum field: ${field}`, at, at + command.length);
        return { name: alias ?? `sum(${field})`, fn: 'sum', field };
      });
      const groupBy = splitTopLevel(by[2]!).map((text) => {
        if (!(GROUPS as readonly string[]).includes(text)) throw malformed(`Unexpected grouping: ${text}`, at, at + command.length);
        return text as (typeof GROUPS)[number];
      });
      stats = { aggregates, groupBy };
    } else {
      throw malformed(`Unexpected command: ${keyword}`, at, at + command.length);
    }
  }
  if (!stats) throw malformed('Expected a stats command');
  if (!stats.groupBy.includes('identity.arn')) throw guard('the Team query must group by identity.arn');
  for (const field of REQUIRED_SUMS) {
    if (!stats.aggregates.some((aggregate) => aggregate.field === field)) throw guard(`the Team query must sum ${field}`);
  }
  if (!stats.aggregates.some((aggregate) => aggregate.fn === 'count')) throw guard('the Team query must count(*) the requests');
  return stats;
}

export interface QueryOutcome {
  readonly rows: { field: string; value: string }[][];
  readonly recordsMatched: number;
}

/** The result rows of a parsed query over a log group's series in [startMs, endMs). */
export function evaluateTeamQuery(query: ParsedQuery, series: readonly FakeInvocationSeries[], startMs: number, endMs: number, now: number, limit: number): QueryOutcome {
  const groups = new Map<string, { keys: Record<string, string>; requests: number; sums: Map<string, number> }>();
  let recordsMatched = 0;
  for (const entry of series) {
    for (const [day, requests] of requestsByDay(entry, startMs, endMs, now)) {
      recordsMatched += requests;
      const keys: Record<string, string> = {};
      for (const group of query.groupBy) keys[group] = group === 'identity.arn' ? entry.callerArn : group === 'modelId' ? entry.modelId : `${day} 00:00:00.000`;
      const id = query.groupBy.map((group) => keys[group]).join('\u0000');
      let bucket = groups.get(id);
      if (!bucket) groups.set(id, (bucket = { keys, requests: 0, sums: new Map() }));
      bucket.requests += requests;
      for (const aggregate of query.aggregates) {
        if (aggregate.fn !== 'sum' || !aggregate.field) continue;
        const perRequest = entry[FIELD_OF_SERIES[aggregate.field]] as number;
        bucket.sums.set(aggregate.name, (bucket.sums.get(aggregate.name) ?? 0) + perRequest * requests);
      }
    }
  }
  const rows = [...groups.values()].slice(0, limit).map((bucket) => [
    ...query.groupBy.map((group) => ({ field: group, value: bucket.keys[group]! })),
    ...query.aggregates.map((aggregate) => ({ field: aggregate.name, value: String(aggregate.fn === 'count' ? bucket.requests : (bucket.sums.get(aggregate.name) ?? 0)) })),
  ]);
  return { rows, recordsMatched };
}
