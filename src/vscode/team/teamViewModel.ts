/**
 * The Team view's state turned into what its webview draws: every word translated here (the core
 * text tables for what the CLI says too, `l10n.t` for the view's own labels), so the webview only
 * lays out strings and numbers. Pure: the translator comes in as an argument.
 */

import type { BudgetsReport } from '../../aws/budgets/budgets';
import { budgetLine, budgetText } from '../../core/budgets/budgetText';
import { planTeamCost, type CostPlanInput } from '../../core/costPlan/costPlan';
import { costPlanErrorText, costPlanLines } from '../../core/costPlan/costPlanText';
import { describeScope, MODEL_TABLE } from '../../core/models/modelTable';
import { ageText, comparisonLines, monthLines, spendText } from '../../core/spend/spendText';
import type { SpendReport } from '../../core/spend/spendTypes';
import { adminProblemText } from '../../core/team/adminProblem';
import { DEFAULT_LOG_GROUP, DEFAULT_LOGGING_ROLE } from '../../core/team/loggingPlan';
import { developerCells, loggingLines, teamColumns, teamRangeText, teamText, teamTotalsText } from '../../core/team/teamText';
import type { TeamRange, TeamReport } from '../../core/team/teamTypes';
import type { Locale } from '../../core/text/locale';
import { formatCount } from '../../core/usage/usageText';
import type { DevelopersModel, PlanModel, SectionModel, TeamViewModel } from '../../webview/team/protocol';
import type { Translator } from '../usage/usageViewModel';

export interface TeamViewState {
  /** Why there is nothing to read. */
  readonly notConfigured?: 'no-setup' | 'restricted';
  readonly target?: { readonly profile: string; readonly region: string; readonly modelIds: readonly string[] };
  readonly range: TeamRange;
  readonly team?: TeamReport;
  readonly teamLoading: boolean;
  /** The running query's status and records scanned so far. */
  readonly teamProgress?: { readonly status: string; readonly scanned: number };
  readonly teamError?: string;
  readonly spend?: SpendReport;
  /** What the spend read is asking now: Cost Explorer (and CloudWatch), or CloudWatch's estimate alone. */
  readonly spendLoading: false | 'cost-explorer' | 'estimate';
  readonly spendError?: string;
  readonly budgets?: BudgetsReport;
  readonly budgetsLoading: boolean;
  readonly budgetsError?: string;
  readonly plan: CostPlanInput;
  readonly planLoading: boolean;
  readonly planNote?: string;
  readonly planError?: string;
}

export interface TeamViewModelOptions {
  readonly locale: Locale;
  readonly l10n: Translator;
  readonly now: number;
}

const SCOPES = ['global', 'jp', 'apac', 'au', 'us', 'eu'];

/** The view model of one state of the Team view. */
export function toTeamViewModel(state: TeamViewState, options: TeamViewModelOptions): TeamViewModel {
  const { l10n } = options;
  const target = state.target;
  const header = {
    rangeGroupLabel: l10n.t('Time range'),
    ranges: (['1h', '24h', '7d', '30d'] as const).map((range) => ({ range, label: teamRangeText(range, options.locale) })),
    refresh: l10n.t('Refresh'),
    adminPolicy: l10n.t('Admin IAM policy'),
    ...(target ? { context: l10n.t('Profile {0} · Region {1}', target.profile, target.region) } : {}),
  };
  const base = { lang: options.locale, range: state.range, header, developers: developersModel(state, options), spend: spendModel(state, options), budgets: budgetsModel(state, options), plan: planModel(state, options) };
  if (state.notConfigured === 'restricted') return { ...base, notConfigured: { message: l10n.t('Restricted Mode: the Team view reads AWS once you trust this workspace.') } };
  if (state.notConfigured === 'no-setup') {
    return { ...base, notConfigured: { message: l10n.t('The Team view reads with the profile and Region of this workspace\'s Claude on Bedrock setup. Set it up first.'), wizardButton: l10n.t('Run Setup Wizard') } };
  }
  return base;
}

function problems(list: readonly Parameters<typeof adminProblemText>[0][] | undefined, locale: Locale): string[] {
  return (list ?? []).map((problem) => adminProblemText(problem, locale));
}

function developersModel(state: TeamViewState, { l10n, locale }: TeamViewModelOptions): DevelopersModel {
  const report = state.team;
  const columns = teamColumns(locale);
  const count = (value: number) => formatCount(value, locale);
  const progress = state.teamLoading
    ? state.teamProgress === undefined
      ? teamText(locale, 'queryStarting')
      : teamText(locale, 'queryRunning', { scanned: count(state.teamProgress.scanned) })
    : undefined;
  const logging = report ? loggingLines(report, locale, DEFAULT_LOG_GROUP, DEFAULT_LOGGING_ROLE) : [];
  const notes: string[] = [];
  if (report?.developers?.length === 0) notes.push(teamText(locale, 'noDevelopers'));
  const totals = report ? teamTotalsText(report, locale) : undefined;
  if (totals && (report?.developers?.length ?? 0) > 0) notes.push(totals);
  if (report?.activeDays && report.activeDays.length > 0) notes.push(teamText(locale, 'activeDays', { days: report.activeDays.map((day) => `${day.day.slice(5)} ${day.developers}`).join(', ') }));
  if (report?.truncated) notes.push(teamText(locale, 'truncated', { limit: count(report.query?.limit ?? 0) }));
  const offOrS3 = report?.logging !== undefined && report.logging.state !== 'cloudwatch';
  return {
    title: l10n.t('Developers'),
    privacy: teamText(locale, 'privacy'),
    logging,
    ...(offOrS3 ? { enableButton: l10n.t('Turn On Invocation Logging…') } : {}),
    ...(progress ? { progress } : {}),
    ...(report === undefined && !state.teamLoading ? { placeholder: state.teamError ?? l10n.t('No data yet.') } : state.teamError ? { placeholder: state.teamError } : {}),
    columns: [columns.developer, columns.requests, columns.input, columns.output, columns.cacheRead, columns.cacheWrite, columns.cost, columns.share],
    rows: (report?.developers ?? []).map((developer) => ({
      name: developer.self ? `${developer.name} ${teamText(locale, 'you')}` : developer.name,
      title: developer.arns.join('\n'),
      self: developer.self,
      cells: developerCells(developer, locale),
      share: Math.round(developer.share * 1000) / 10,
    })),
    notes,
    problems: problems(report?.problems, locale),
    ...(report ? { updatedAt: report.generatedAt } : {}),
  };
}

function spendModel(state: TeamViewState, { l10n, locale, now }: TeamViewModelOptions): SectionModel {
  const report = state.spend;
  const groups: { kind: string; lines: string[] }[] = [];
  if (report?.months) for (const month of [...report.months].reverse()) groups.push({ kind: month.toDate ? 'month current' : 'month', lines: monthLines(month, locale).map((line) => line.trim()) });
  if (report) {
    const comparison = comparisonLines(report, locale);
    if (comparison.length > 0) groups.push({ kind: 'comparison', lines: comparison });
    if (report.months) {
      const named = report.services.filter((service) => /claude/i.test(service));
      groups.push({ kind: 'filter', lines: [named.length > 0 ? spendText(locale, 'filter', { services: named.join(', ') }) : spendText(locale, 'noServices')] });
    }
  }
  return {
    title: spendText(locale, 'title'),
    ...(state.spendLoading ? { progress: state.spendLoading === 'estimate' ? l10n.t('Reading the estimate from CloudWatch…') : l10n.t('Reading Cost Explorer…') } : {}),
    ...(report === undefined && !state.spendLoading ? { placeholder: state.spendError ?? l10n.t('No data yet.') } : state.spendError ? { placeholder: state.spendError } : {}),
    groups,
    ...(report ? { age: spendText(locale, 'read', { age: ageText(report.generatedAt, now, locale) }) } : {}),
    problems: problems(report?.problems, locale),
  };
}

function budgetsModel(state: TeamViewState, { l10n, locale }: TeamViewModelOptions): TeamViewModel['budgets'] {
  const report = state.budgets;
  const lines = report?.budgets === undefined ? [] : report.budgets.length === 0 ? [budgetText(locale, 'none')] : report.budgets.map((budget) => budgetLine(budget, locale));
  return {
    title: budgetText(locale, 'title'),
    ...(state.budgetsLoading ? { progress: l10n.t('Reading AWS Budgets…') } : {}),
    ...(report === undefined && !state.budgetsLoading ? { placeholder: state.budgetsError ?? l10n.t('No data yet.') } : state.budgetsError ? { placeholder: state.budgetsError } : {}),
    groups: lines.length === 0 ? [] : [{ kind: 'budgets', lines }],
    problems: problems(report?.problems, locale),
    ...(state.target ? { createButton: l10n.t('Create Budget…') } : {}),
  };
}

function planModel(state: TeamViewState, { l10n, locale }: TeamViewModelOptions): PlanModel {
  const input = state.plan;
  const planned = planTeamCost(input);
  const models = MODEL_TABLE.models.filter((model) => model.prices !== undefined).map((model) => ({ value: model.baseModelId, label: model.name }));
  const scopes = [...new Set([...SCOPES, input.scope])].map((scope) => ({ value: scope, label: `${describeScope(scope, locale).label} (${scope}.)` }));
  let result: PlanModel['result'];
  if (planned.ok) {
    const lines = costPlanLines(planned.plan, locale);
    result = { summary: lines.summary, partsTitle: l10n.t('A month, by where the tokens go'), parts: lines.parts, alternatives: lines.alternatives, seats: lines.seats, bedrockCheaper: planned.plan.seats.cheaper === 'bedrock' };
  }
  const error = planned.ok ? state.planError : costPlanErrorText(planned.error, input, locale);
  return {
    title: l10n.t('Team cost plan'),
    inputs: {
      developers: input.developers,
      workingDays: input.workingDays,
      sessionsPerDay: input.sessionsPerDay,
      inputTokensPerSession: input.inputTokensPerSession,
      outputTokensPerSession: input.outputTokensPerSession,
      cacheReadPercent: Math.round(input.cacheReadShare * 1000) / 10,
      restTo: input.restTo,
      modelId: input.modelId,
      scope: input.scope,
      usdToJpy: input.usdToJpy,
      seatPriceUsd: input.seatPriceUsd,
    },
    labels: {
      developers: l10n.t('Developers'),
      workingDays: l10n.t('Working days a month'),
      sessionsPerDay: l10n.t('Sessions a day'),
      inputTokensPerSession: l10n.t('Input tokens per session'),
      outputTokensPerSession: l10n.t('Output tokens per session'),
      cacheReadPercent: l10n.t('Input read from the prompt cache (%)'),
      restTo: l10n.t('The rest of the input'),
      modelId: l10n.t('Model'),
      scope: l10n.t('Scope'),
      usdToJpy: l10n.t('Yen per US dollar'),
      seatPriceUsd: l10n.t('Per-seat price a month (USD)'),
    },
    restChoices: [
      { value: 'cache-write', label: l10n.t('written to the cache (Claude Code\'s default)') },
      { value: 'uncached', label: l10n.t('sent uncached') },
    ],
    modelChoices: models,
    scopeChoices: scopes,
    fillButton: l10n.t('Fill from measured usage'),
    ...(state.planLoading ? { progress: l10n.t('Reading 30 days of CloudWatch metrics…') } : {}),
    ...(state.planNote ? { note: state.planNote } : {}),
    ...(error ? { error } : {}),
    ...(result ? { result } : {}),
  };
}
