/**
 * `claude-bedrock cost plan`: what a month of Claude Code on Bedrock costs the team (developers,
 * working days, sessions a day, tokens per session, the prompt cache's share), in USD and JPY, on
 * every other model of the price table, and against a per-seat price with the break-even usage.
 * Offline from the price table; `--measured` first fills the per-session figures and the cache ratio
 * from the last 30 days of the folder's models in CloudWatch.
 */

import { loadAwsLayer } from '../../aws/loadLayer';
import { DEFAULT_COST_PLAN_INPUT, fillFromMeasured, planTeamCost, type CostPlanInput } from '../../core/costPlan/costPlan';
import { costPlanErrorText, costPlanLines, costPlanText } from '../../core/costPlan/costPlanText';
import { MEASURED_DAYS, measuredPartialText } from '../../core/costPlan/measuredUsage';
import { baseModelIdOf, scopeOf } from '../../core/models/catalog';
import type { AdminProblem } from '../../core/team/adminProblem';
import { format } from '../../core/text/locale';
import { UsageError, type CommandOutput } from '../output';
import { REPORT_SCHEMA_VERSION } from '../report';
import { usageCliText } from '../usage/usageText';
import { adminTarget, problemLines, problemsJson, stringValue, type AdminOptions } from '../team/adminOptions';

const WORDS = {
  en: {
    subcommand: 'cost needs plan: claude-bedrock cost plan [--developers N] [--working-days N] [--sessions N] [--input-tokens N] [--output-tokens N] [--cache-read-share 0-1] [--cache-rest write|uncached] [--plan-model ID] [--scope S] [--yen-rate N] [--seat-price USD] [--measured].',
    number: '--{name} must be a number, not "{value}".',
    rest: '--cache-rest must be write or uncached, not "{value}".',
  },
  ja: {
    subcommand: 'cost には plan を指定してください: claude-bedrock cost plan [--developers 人数] [--working-days 日数] [--sessions 回数] [--input-tokens N] [--output-tokens N] [--cache-read-share 0〜1] [--cache-rest write|uncached] [--plan-model ID] [--scope S] [--yen-rate N] [--seat-price USD] [--measured]。',
    number: '--{name} には数値を指定してください ("{value}" は使えません)。',
    rest: '--cache-rest には write か uncached を指定してください ("{value}" は使えません)。',
  },
} as const;

const NUMBER_OPTIONS: readonly [string, keyof CostPlanInput][] = [
  ['developers', 'developers'],
  ['working-days', 'workingDays'],
  ['sessions', 'sessionsPerDay'],
  ['input-tokens', 'inputTokensPerSession'],
  ['output-tokens', 'outputTokensPerSession'],
  ['cache-read-share', 'cacheReadShare'],
  ['yen-rate', 'usdToJpy'],
  ['seat-price', 'seatPriceUsd'],
];

/** The plan's inputs from the options over the defaults. */
function costPlanInput(options: AdminOptions): CostPlanInput {
  const words = WORDS[options.locale];
  let input: CostPlanInput = { ...DEFAULT_COST_PLAN_INPUT };
  for (const [name, field] of NUMBER_OPTIONS) {
    const value = stringValue(options, name);
    if (value === undefined) continue;
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n)) throw new UsageError(format(words.number, { name, value }));
    input = { ...input, [field]: n };
  }
  const rest = stringValue(options, 'cache-rest');
  if (rest !== undefined) {
    if (rest !== 'write' && rest !== 'uncached') throw new UsageError(format(words.rest, { value: rest }));
    input = { ...input, restTo: rest === 'write' ? 'cache-write' : 'uncached' };
  }
  const model = stringValue(options, 'plan-model');
  if (model !== undefined) {
    const base = baseModelIdOf(model) ?? model;
    const scope = model.startsWith('anthropic.') ? undefined : scopeOf(model);
    input = { ...input, modelId: base, ...(scope !== undefined && scope !== 'in-region' ? { scope } : {}) };
  }
  const scope = stringValue(options, 'scope');
  if (scope !== undefined) input = { ...input, scope };
  return input;
}

export async function costCommand(options: AdminOptions): Promise<CommandOutput> {
  const { locale } = options;
  if (options.subcommand !== 'plan') throw new UsageError(WORDS[locale].subcommand);
  let input = costPlanInput(options);
  const notes: string[] = [];
  const problems: AdminProblem[] = [];
  let partial = false;
  if (options.values.measured === true) {
    const target = await adminTarget(options);
    if (target.modelIds.length === 0) throw new UsageError(usageCliText(locale, 'noModels'));
    const { fetchMeasuredUsage } = await loadAwsLayer();
    const measured = await fetchMeasuredUsage({ target: target.target, region: target.region, modelIds: target.modelIds, timeoutMs: options.timeoutMs });
    const models = target.modelIds.join(', ');
    if (!measured.ok) problems.push(measured.problem);
    else if (measured.measured.activeDays === 0) notes.push(costPlanText(locale, 'measuredNone', { days: MEASURED_DAYS, models }));
    else {
      // An explicit --plan-model wins over the busiest measured model.
      input = fillFromMeasured(input, measured.measured, stringValue(options, 'plan-model') === undefined ? measured.measured.topModel : undefined);
      notes.push(costPlanText(locale, 'measured', { days: MEASURED_DAYS, active: measured.measured.activeDays, models }));
      // A partial read fills in only what was read: said, and not a clean exit.
      if (measured.measured.partial) {
        notes.push(measuredPartialText(locale));
        partial = true;
      }
    }
  }
  const planned = planTeamCost(input);
  if (!planned.ok) throw new UsageError(costPlanErrorText(planned.error, input, locale));
  const exitCode = problems.length > 0 || partial ? 1 : 0;
  if (options.json) {
    return { stdout: JSON.stringify({ schemaVersion: REPORT_SCHEMA_VERSION, plan: planned.plan, notes, ...(partial ? { partial: true } : {}), problems: problemsJson(problems, locale) }, null, 2), exitCode };
  }
  const blocks = costPlanLines(planned.plan, locale);
  const lines = [...notes, ...(notes.length > 0 ? [''] : []), ...blocks.summary, '', ...blocks.parts.map((line) => `  ${line}`), '', ...blocks.alternatives, '', ...blocks.seats];
  const unread = problems.length > 0 ? problemLines(problems, locale) : [];
  return { stdout: [...lines, ...unread].join('\n'), exitCode };
}
