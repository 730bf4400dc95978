/**
 * The Team view's source (the lazily loaded part: dist/teamView.js). It reads only while the view
 * is visible and never blocks the other views: per-developer usage (one Logs Insights query, its
 * progress shown, stopped when the view is hidden), actual spend (Cost Explorer at most once an
 * hour, cached in the extension's global storage with its age) and budgets (hourly). Concurrent
 * refreshes of the same thing are merged by key, as GitLens's `gate` does: a second refresh while
 * one runs starts nothing new. The cost plan is computed here from the inputs the webview sends.
 */

import * as vscode from 'vscode';
import { loadAwsLayer } from '../../aws/loadLayer';
import type { BudgetsReport } from '../../aws/budgets/budgets';
import { readSpendWithCache } from '../../aws/spend/spendCached';
import { DEFAULT_COST_PLAN_INPUT, fillFromMeasured, type CostPlanInput } from '../../core/costPlan/costPlan';
import { costPlanText } from '../../core/costPlan/costPlanText';
import { MEASURED_DAYS, measuredPartialText } from '../../core/costPlan/measuredUsage';
import { adminProblemText } from '../../core/team/adminProblem';
import type { TeamRange } from '../../core/team/teamTypes';
import { spendCacheFile } from '../../files/spendCache';
import type { PlanInputs, TeamViewModel } from '../../webview/team/protocol';
import { adminFailureText } from '../alarms/adminPreview';
import { checkTimeoutMs } from '../profiles/identityCommands';
import type { SetupState, UsageTarget } from '../setup/setupState';
import { uiLocale } from '../uiLocale';
import { Gate } from './gate';
import { toTeamViewModel, type TeamViewState } from './teamViewModel';

/** A Logs Insights query scans (and bills) the log group: not more often than this while visible. */
const TEAM_INTERVAL_MS = 5 * 60_000;
/** Budgets change slowly; read as seldom as Cost Explorer. */
const BUDGETS_INTERVAL_MS = 60 * 60_000;
const PLAN_KEY = 'claudeBedrock.team.plan';

export interface TeamControllerDeps {
  readonly setup: SetupState;
  readonly storageDir: string;
  readonly memento: vscode.Memento;
}

export class TeamController implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TeamViewModel>();
  readonly onDidChange = this.changed.event;
  private state: TeamViewState;
  private visible = false;
  private timer: NodeJS.Timeout | undefined;
  private readonly gate = new Gate();
  /** Aborts the running team query when the view is hidden or the target changes. */
  private teamAbort: AbortController | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];
  private targetKey: string | undefined;

  constructor(private readonly deps: TeamControllerDeps) {
    const plan = { ...DEFAULT_COST_PLAN_INPUT, ...deps.memento.get<Partial<CostPlanInput>>(PLAN_KEY, {}) };
    this.state = { range: '24h', teamLoading: false, spendLoading: false, budgetsLoading: false, planLoading: false, plan };
    this.subscriptions.push(deps.setup.onDidChange(() => this.setupChanged()));
    this.setupChanged();
  }

  /** The view model of the current state. */
  model(): TeamViewModel {
    return toTeamViewModel(this.state, { locale: uiLocale(), l10n: vscode.l10n, now: Date.now() });
  }

  current(): TeamViewState {
    return this.state;
  }

  private target(): UsageTarget | undefined {
    return this.deps.setup.current.find((folder) => folder.usageTarget)?.usageTarget;
  }

  private setupChanged(): void {
    const target = this.target();
    const restricted = !vscode.workspace.isTrusted;
    const notConfigured = target ? undefined : restricted ? 'restricted' : 'no-setup';
    const key = target ? `${target.profile}|${target.region}` : undefined;
    const changedTarget = key !== this.targetKey;
    this.targetKey = key;
    this.publish({ notConfigured, target: target ? { profile: target.profile, region: target.region, modelIds: target.modelIds } : undefined });
    if (!changedTarget) return;
    // Another profile or Region: what was read belongs to the old one.
    this.teamAbort?.abort();
    this.publish({ team: undefined, spend: undefined, budgets: undefined, teamError: undefined, spendError: undefined, budgetsError: undefined });
    if (this.visible && target) this.refresh(false);
  }

  setVisible(visible: boolean): void {
    if (visible === this.visible) return;
    this.visible = visible;
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!visible) {
      // A hidden view stops polling: the running query is stopped (StopQuery), nothing new starts.
      this.teamAbort?.abort();
      return;
    }
    this.refresh(false);
  }

  setRange(range: TeamRange): void {
    if (range === this.state.range) return;
    this.teamAbort?.abort();
    this.publish({ range, team: undefined });
    this.refresh(false);
  }

  /** Reads what is due (all of it when `force`, within the hour limit of Cost Explorer). */
  refresh(force: boolean): void {
    const target = this.target();
    if (!target || !this.visible) return;
    const now = Date.now();
    if (force || !this.state.team || now - this.state.team.generatedAt >= TEAM_INTERVAL_MS) void this.readTeam(target);
    const budgetsDue = force || !this.state.budgets || now - this.state.budgets.generatedAt >= BUDGETS_INTERVAL_MS;
    // Budgets after spend: they reuse the Claude services Cost Explorer named, instead of asking it again.
    void this.readSpend(target).then(() => (budgetsDue ? this.readBudgets(target) : undefined));
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.refresh(false), TEAM_INTERVAL_MS);
    this.timer.unref?.();
  }

  private readTeam(target: UsageTarget): Promise<void> {
    const range = this.state.range;
    return this.gate.run(`team|${target.profile}|${target.region}|${range}`, async () => {
      const abort = new AbortController();
      this.teamAbort = abort;
      this.publish({ teamLoading: true, teamProgress: undefined });
      try {
        const { fetchTeamReport } = await loadAwsLayer();
        const result = await fetchTeamReport({
          target: { type: 'profile', profile: target.profile },
          region: target.region,
          range,
          timeoutMs: checkTimeoutMs(),
          signal: abort.signal,
          onQueryStatus: (status, scanned) => this.publish({ teamProgress: { status, scanned } }),
        });
        // A cancelled read (hidden view, another range) leaves the last result on screen.
        if (abort.signal.aborted) return;
        if (result.ok) this.publish({ team: result.report, teamError: undefined });
        else this.publish({ teamError: adminFailureText(result.credentials) });
      } catch (error) {
        this.publish({ teamError: error instanceof Error ? error.message : String(error) });
      } finally {
        if (this.teamAbort === abort) this.teamAbort = undefined;
        this.publish({ teamLoading: false, teamProgress: undefined });
      }
    });
  }

  private cacheFile(target: UsageTarget): string {
    return spendCacheFile(this.deps.storageDir, { profile: target.profile, region: target.region, modelIds: target.modelIds });
  }

  private readSpend(target: UsageTarget): Promise<void> {
    return this.gate.run(`spend|${target.profile}|${target.region}`, async () => {
      let reading = false;
      try {
        const shown = this.state.spend;
        const read = await readSpendWithCache({
          file: this.cacheFile(target),
          now: Date.now(),
          ...(shown ? { shown } : {}),
          target: { type: 'profile', profile: target.profile },
          region: target.region,
          modelIds: target.modelIds,
          timeoutMs: checkTimeoutMs(),
          onRead: (kind) => {
            reading = true;
            this.publish({ spendLoading: kind });
          },
        });
        if (!read.ok) return this.publish({ spendError: adminFailureText(read.credentials) });
        // Still the report on screen: nothing to publish.
        if (read.report === shown) return;
        this.publish({ spend: read.report, spendError: undefined });
      } catch (error) {
        this.publish({ spendError: error instanceof Error ? error.message : String(error) });
      } finally {
        if (reading) this.publish({ spendLoading: false });
      }
    });
  }

  private readBudgets(target: UsageTarget): Promise<void> {
    return this.gate.run(`budgets|${target.profile}`, async () => {
      this.publish({ budgetsLoading: true });
      try {
        const { fetchBudgets } = await loadAwsLayer();
        // The services the spend read found; none known when Cost Explorer failed (asking again would fail again).
        const spend = this.state.spend;
        const services = spend?.months ? spend.services : spend?.problems.some((problem) => problem.service === 'ce') ? [] : undefined;
        const result = await fetchBudgets({ target: { type: 'profile', profile: target.profile }, region: target.region, timeoutMs: checkTimeoutMs(), ...(services ? { services } : {}) });
        if (result.ok) this.publish({ budgets: result.report, budgetsError: undefined });
        else this.publish({ budgetsError: adminFailureText(result.credentials) });
      } catch (error) {
        this.publish({ budgetsError: error instanceof Error ? error.message : String(error) });
      } finally {
        this.publish({ budgetsLoading: false });
      }
    });
  }

  /** Budgets again now (after one was created). */
  refreshBudgets(): void {
    const target = this.target();
    if (target) void this.readBudgets(target);
  }

  /** The team again now (after logging was turned on). */
  refreshTeam(): void {
    const target = this.target();
    if (target) void this.readTeam(target);
  }

  budgetsReport(): BudgetsReport | undefined {
    return this.state.budgets;
  }

  setPlan(inputs: PlanInputs): void {
    const plan: CostPlanInput = {
      developers: inputs.developers,
      workingDays: inputs.workingDays,
      sessionsPerDay: inputs.sessionsPerDay,
      inputTokensPerSession: inputs.inputTokensPerSession,
      outputTokensPerSession: inputs.outputTokensPerSession,
      cacheReadShare: inputs.cacheReadPercent / 100,
      restTo: inputs.restTo,
      modelId: inputs.modelId,
      scope: inputs.scope,
      usdToJpy: inputs.usdToJpy,
      seatPriceUsd: inputs.seatPriceUsd,
    };
    void this.deps.memento.update(PLAN_KEY, plan);
    this.publish({ plan, planError: undefined });
  }

  /** Fills the plan's per-session figures from the last 30 days of the workspace's models. */
  fillPlan(): Promise<void> {
    const target = this.target();
    if (!target) return Promise.resolve();
    return this.gate.run(`plan|${target.profile}|${target.region}`, async () => {
      this.publish({ planLoading: true, planError: undefined });
      const locale = uiLocale();
      try {
        const { fetchMeasuredUsage } = await loadAwsLayer();
        const result = await fetchMeasuredUsage({ target: { type: 'profile', profile: target.profile }, region: target.region, modelIds: target.modelIds, timeoutMs: checkTimeoutMs() });
        const models = target.modelIds.join(', ');
        if (!result.ok) return this.publish({ planError: adminProblemText(result.problem, locale) });
        // A partial read (a series cut short, a query without an answer) counts only what was read, and says so.
        const partial = result.measured.partial === true;
        const withPartial = (note: string) => (partial ? `${note} ${measuredPartialText(locale)}` : note);
        if (result.measured.activeDays === 0) return this.publish({ planNote: withPartial(costPlanText(locale, 'measuredNone', { days: MEASURED_DAYS, models })) });
        const plan = fillFromMeasured(this.state.plan, result.measured, result.measured.topModel);
        void this.deps.memento.update(PLAN_KEY, plan);
        this.publish({ plan, planNote: withPartial(costPlanText(locale, 'measured', { days: MEASURED_DAYS, active: result.measured.activeDays, models })) });
      } catch (error) {
        this.publish({ planError: error instanceof Error ? error.message : String(error) });
      } finally {
        this.publish({ planLoading: false });
      }
    });
  }

  private publish(change: Partial<TeamViewState>): void {
    this.state = { ...this.state, ...change };
    this.changed.fire(this.model());
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.teamAbort?.abort();
    for (const subscription of this.subscriptions) subscription.dispose();
    this.changed.dispose();
  }
}
