/**
 * The Team report from the rows Logs Insights returned: one row per caller, model and day, already
 * summed by Logs Insights. Here the rows are only parsed and shaped: merged per person (an SSO
 * user, a role, a user), priced per model at list prices with the scope's premium, their share of
 * the team's tokens, and the developers active on each day. Pure.
 */

import { MODEL_TABLE } from '../models/modelTable';
import type { TokenTotals, UsageCost } from '../usage/quotaTypes';
import { usageCost } from '../usage/usageCost';
import type { AdminProblem } from './adminProblem';
import { callerName } from './callerName';
import { MAX_QUERY_ROWS } from './teamQuery';
import type { ActiveDay, DeveloperUsage, LoggingState, QueryRow, TeamQuery, TeamRange, TeamReport } from './teamTypes';

function count(value: string | undefined): number {
  if (value === undefined || value === '') return 0;
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? n : 0;
}

interface Accumulator {
  readonly key: string;
  readonly name: string;
  readonly kind: DeveloperUsage['kind'];
  readonly arns: Set<string>;
  requests: number;
  /** Tokens per model: each model is priced at its own (scope's) prices. */
  readonly byModel: Map<string, { input: number; output: number; cacheRead: number; cacheWrite: number }>;
}

function addCost(sum: UsageCost, cost: UsageCost, tokens: TokenTotals): UsageCost {
  const used = tokens.input + tokens.output + tokens.cacheRead + tokens.cacheWrite > 0;
  // A model that used tokens but is not priced leaves the total unknown: a partial sum would understate it.
  const usd = cost.usd === undefined ? (used ? Number.NaN : (sum.usd ?? 0)) : (sum.usd ?? 0) + cost.usd;
  const globalUsd = cost.globalUsd === undefined ? (used ? Number.NaN : (sum.globalUsd ?? 0)) : (sum.globalUsd ?? 0) + cost.globalUsd;
  const premiumUsd = cost.premiumUsd === undefined ? sum.premiumUsd : (sum.premiumUsd ?? 0) + cost.premiumUsd;
  return { usd, globalUsd, ...(premiumUsd === undefined ? {} : { premiumUsd }) };
}

function finite(cost: UsageCost): UsageCost {
  const usd = cost.usd !== undefined && Number.isFinite(cost.usd) ? cost.usd : undefined;
  const globalUsd = cost.globalUsd !== undefined && Number.isFinite(cost.globalUsd) ? cost.globalUsd : undefined;
  const premiumUsd = usd !== undefined && cost.premiumUsd !== undefined && cost.premiumUsd !== 0 ? cost.premiumUsd : undefined;
  return { ...(usd === undefined ? {} : { usd }), ...(globalUsd === undefined ? {} : { globalUsd }), ...(premiumUsd === undefined ? {} : { premiumUsd }) };
}

const ZERO: TokenTotals = { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 };

function plus(a: TokenTotals, b: TokenTotals): TokenTotals {
  return { input: a.input + b.input, output: a.output + b.output, cacheRead: a.cacheRead + b.cacheRead, cacheWrite: a.cacheWrite + b.cacheWrite };
}

function tokenSum(tokens: TokenTotals): number {
  return tokens.input + tokens.output + tokens.cacheRead + tokens.cacheWrite;
}

export interface ShapedRows {
  readonly developers: DeveloperUsage[];
  readonly activeDays: ActiveDay[];
  readonly totals: { readonly requests: number; readonly tokens: TokenTotals; readonly cost: UsageCost & { readonly pricesAsOf: string } };
}

/** Merges the rows per person, prices them, and counts the developers of each day. `callerArn` marks the caller's own row. */
export function shapeTeamRows(rows: readonly QueryRow[], callerArn?: string): ShapedRows {
  const people = new Map<string, Accumulator>();
  const days = new Map<string, Set<string>>();
  const selfKey = callerArn === undefined ? undefined : callerName(callerArn).key;
  // One caller has many rows (a model and a day each): read each ARN once.
  const names = new Map<string, ReturnType<typeof callerName>>();
  for (const row of rows) {
    const arn = row['identity.arn'];
    if (arn === undefined || arn === '') continue;
    let caller = names.get(arn);
    if (caller === undefined) names.set(arn, (caller = callerName(arn)));
    let person = people.get(caller.key);
    if (person === undefined) {
      person = { key: caller.key, name: caller.name, kind: caller.kind, arns: new Set(), requests: 0, byModel: new Map() };
      people.set(caller.key, person);
    }
    person.arns.add(arn);
    const requests = count(row.requests);
    person.requests += requests;
    const modelId = row.modelId ?? '';
    let tokens = person.byModel.get(modelId);
    if (tokens === undefined) {
      tokens = { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 };
      person.byModel.set(modelId, tokens);
    }
    tokens.input += count(row.inputTokens);
    tokens.output += count(row.outputTokens);
    tokens.cacheRead += count(row.cacheReadTokens);
    tokens.cacheWrite += count(row.cacheWriteTokens);
    const day = (row['bin(1d)'] ?? '').slice(0, 10);
    if (day !== '' && requests > 0) {
      let developers = days.get(day);
      if (developers === undefined) days.set(day, (developers = new Set()));
      developers.add(caller.key);
    }
  }
  let teamTokens = ZERO;
  let teamRequests = 0;
  let teamCost: UsageCost = {};
  const developers: DeveloperUsage[] = [];
  for (const person of people.values()) {
    let tokens = ZERO;
    let cost: UsageCost = {};
    for (const [modelId, modelTokens] of person.byModel) {
      tokens = plus(tokens, modelTokens);
      cost = addCost(cost, usageCost(modelId, modelTokens), modelTokens);
    }
    teamTokens = plus(teamTokens, tokens);
    teamRequests += person.requests;
    teamCost = addCost(teamCost, { usd: cost.usd, globalUsd: cost.globalUsd, premiumUsd: cost.premiumUsd }, tokens);
    developers.push({
      key: person.key,
      name: person.name,
      kind: person.kind,
      arns: [...person.arns].sort(),
      requests: person.requests,
      tokens,
      cost: finite(cost),
      share: 0,
      models: [...person.byModel.keys()].filter((id) => id !== '').sort(),
      self: person.key === selfKey,
    });
  }
  const total = tokenSum(teamTokens);
  const withShares = developers
    .map((developer) => ({ ...developer, share: total > 0 ? tokenSum(developer.tokens) / total : 0 }))
    // Busiest first; the name breaks ties so the same rows always come out in the same order.
    .sort((a, b) => tokenSum(b.tokens) - tokenSum(a.tokens) || b.requests - a.requests || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const activeDays = [...days.entries()].map(([day, set]) => ({ day, developers: set.size })).sort((a, b) => (a.day < b.day ? -1 : 1));
  return { developers: withShares, activeDays, totals: { requests: teamRequests, tokens: teamTokens, cost: { ...finite(teamCost), pricesAsOf: MODEL_TABLE.asOf } } };
}

export interface TeamReportInput {
  readonly region: string;
  readonly range: TeamRange;
  readonly generatedAt: number;
  readonly logging?: LoggingState;
  readonly callerArn?: string;
  readonly query?: TeamQuery;
  /** Present when the query completed. */
  readonly rows?: readonly QueryRow[];
  readonly statistics?: TeamReport['statistics'];
  readonly problems: readonly AdminProblem[];
}

/** The report of one refresh; whatever part failed is absent, and its problem says why. */
export function buildTeamReport(input: TeamReportInput): TeamReport {
  const base = {
    region: input.region,
    range: input.range,
    generatedAt: input.generatedAt,
    ...(input.logging ? { logging: input.logging } : {}),
    ...(input.callerArn ? { callerArn: input.callerArn } : {}),
    ...(input.query ? { query: input.query } : {}),
    problems: [...input.problems],
  };
  if (input.rows === undefined) return { ...base, truncated: false };
  const shaped = shapeTeamRows(input.rows, input.callerArn);
  return {
    ...base,
    developers: shaped.developers,
    activeDays: shaped.activeDays,
    totals: shaped.totals,
    ...(input.statistics ? { statistics: input.statistics } : {}),
    truncated: input.rows.length >= (input.query?.limit ?? MAX_QUERY_ROWS),
  };
}
