/**
 * The source of the Quotas & Usage view and of the status bar's usage warning. It reads while the
 * view is visible (on the user's interval, backing off after errors and after AWS throttled our own
 * calls), and once per health check otherwise. Quotas are cached for ten minutes: they change
 * rarely, and Service Quotas pages through hundreds of them. Every refresh costs one CloudWatch call.
 */

import * as vscode from 'vscode';
import { loadDiagnosis, loadUsageText } from '../lazyBundles';
import { loadAwsLayer } from '../../aws/loadLayer';
import { type QuotaListing, type UsageRange, type UsageReport } from '../../core/usage/quotaTypes';
import type { UsageRead } from '../../core/health/health';
import { isThrottling } from '../../core/usage/usageReport';
import type { SetupState, UsageTarget } from '../setup/setupState';
import { checkTimeoutMs } from '../profiles/identityCommands';
import { uiLocale } from '../uiLocale';
import type { UsageSource, UsageViewState } from './usageSource';

const QUOTA_CACHE_MS = 10 * 60_000;

/** What the status bar keeps of a report: its alert, what could not be read and the alarms, or why they could not be read. */
function readingOf(report: UsageReport): UsageRead {
  const alarms = report.alarms;
  const alarmsRead = alarms === undefined ? {} : alarms.ok ? { alarms: alarms.alarms } : { alarmsUnread: { ...(alarms.missingPermission !== undefined ? { missingPermission: alarms.missingPermission } : {}), error: alarms.error } };
  return { ...(report.alert ? { alert: report.alert } : {}), checkedAt: report.generatedAt, problems: report.problems, ...alarmsRead };
}
const MAX_BACKOFF_MS = 15 * 60_000;
// The 1-hour range's current minute fills as it goes, so it may refresh faster than its period.
const PERIOD_OF: Readonly<Record<UsageRange, number>> = { '1h': 30_000, '24h': 300_000, '7d': 3_600_000 };

/** Seconds between refreshes while the view is visible (`claudeBedrock.usage.refreshIntervalSeconds`). */
function intervalMs(range: UsageRange): number {
  const seconds = vscode.workspace.getConfiguration('claudeBedrock').get<number>('usage.refreshIntervalSeconds', 60);
  // A longer range changes only once per period: no point asking more often.
  return Math.max(Math.max(30, seconds) * 1000, PERIOD_OF[range]);
}

export class UsageMonitor implements UsageSource, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<UsageViewState>();
  readonly onDidChange = this.changed.event;
  private state: UsageViewState = { range: '1h', refreshing: false, backingOff: false };
  /** The target and range of `state.report`. */
  private reportKey: string | undefined;
  /** The latest report of every target and range read so far (by the view or a health check). */
  private readonly reports = new Map<string, UsageReport>();
  private visible = false;
  private timer: NodeJS.Timeout | undefined;
  private failures = 0;
  private running: Promise<void> | undefined;
  private readonly listings = new Map<string, { readonly listing: QuotaListing; readonly at: number }>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly setup: SetupState) {
    setup.setUsageProvider((target) => this.alertFor(target));
    this.subscriptions.push(setup.onDidChange(() => this.setupChanged()));
    this.setupChanged();
  }

  current(): UsageViewState {
    return this.state;
  }

  setVisible(visible: boolean): void {
    if (visible === this.visible) return;
    this.visible = visible;
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!visible) return this.publish({ nextRefreshAt: undefined });
    const report = this.showLatest();
    if (report && this.young(report)) this.schedule(intervalMs(this.state.range) - (Date.now() - report.generatedAt));
    else void this.refreshNow();
  }

  setRange(range: UsageRange): void {
    if (range === this.state.range) return;
    this.publish({ range });
    void this.refreshNow();
  }

  refresh(): void {
    const target = this.target();
    if (target) this.listings.delete(target.key);
    this.failures = 0;
    void this.refreshNow();
  }

  async requestIncrease(modelId: string, quotaCode: string, desiredValue: number): Promise<void> {
    const target = this.target();
    const quota = this.state.report?.quotas?.find((model) => model.modelId === modelId)?.quotas.find((candidate) => candidate.code === quotaCode);
    if (!target || !quota) return;
    const locale = uiLocale();
    const request = [
      vscode.l10n.t('Service: Amazon Bedrock (bedrock)'),
      vscode.l10n.t('Region: {0}', target.region),
      vscode.l10n.t('Profile: {0}', target.profile),
      vscode.l10n.t('Quota: {0} ({1})', quota.name, quota.code),
      vscode.l10n.t('Current value: {0}; AWS default: {1}', loadUsageText().formatCount(quota.value, locale), quota.defaultValue === undefined ? '-' : loadUsageText().formatCount(quota.defaultValue, locale)),
      vscode.l10n.t('Requested value: {0}', loadUsageText().formatCount(desiredValue, locale)),
    ].join('\n');
    const send = vscode.l10n.t('Send request');
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t('Request a Bedrock quota increase from AWS?'),
      { modal: true, detail: `${request}\n\n${vscode.l10n.t('AWS Support reviews the request; it may take days and can be refused.')}` },
      send,
    );
    if (answer !== send) return;
    const { requestBedrockQuotaIncrease } = await loadAwsLayer();
    const result = await requestBedrockQuotaIncrease({ target: { type: 'profile', profile: target.profile }, region: target.region, quotaCode, desiredValue, timeoutMs: checkTimeoutMs() });
    if (result.ok) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Requested {0} for {1}: status {2}, request {3}.', loadUsageText().formatCount(result.request.desiredValue, locale), quota.code, result.request.status, result.request.id));
      this.listings.delete(target.key);
      void this.refreshNow();
    } else {
      void vscode.window.showErrorMessage(vscode.l10n.t('The quota increase was not requested: {0}', loadUsageText().problemText(result.problem, locale)));
    }
  }

  /** The first folder's usage target (multi-root workspaces show the first configured folder). */
  private target(): UsageTarget | undefined {
    return this.setup.current.find((folder) => folder.usageTarget)?.usageTarget;
  }

  private keyOf(target: UsageTarget | undefined, range: UsageRange = this.state.range): string | undefined {
    return target ? `${target.key}|${range}` : undefined;
  }

  /** Why there is nothing to read, when there is not. */
  private notConfigured(): UsageViewState['notConfigured'] {
    if (this.target()) return undefined;
    const folders = this.setup.current;
    const configured = folders.find((folder) => folder.setup.bedrock);
    if (!configured) return 'no-setup';
    if (configured.health.checks.some((check) => check.code === 'identity-restricted')) return 'restricted';
    if (!configured.health.checks.some((check) => check.code === 'region-ok') && !configured.health.region) return 'no-region';
    return 'no-models';
  }

  private setupChanged(): void {
    const notConfigured = this.notConfigured();
    const target = this.target();
    const key = this.keyOf(target);
    const profile = target?.profile;
    if (notConfigured !== this.state.notConfigured || profile !== this.state.profile) this.publish({ notConfigured, profile });
    if (!target || key === this.reportKey) return;
    // The setup now points elsewhere: show what was read for it (a health check may have), else read.
    const report = this.showLatest();
    if (this.visible && !this.running && !(report && this.young(report))) void this.refreshNow();
  }

  /** Shows the latest report of the current target and range, when there is one; returns it. */
  private showLatest(): UsageReport | undefined {
    const key = this.keyOf(this.target());
    const report = key === undefined ? undefined : this.reports.get(key);
    if (report && (key !== this.reportKey || report !== this.state.report)) {
      this.reportKey = key;
      this.publish({ report, lastError: undefined });
    }
    return report;
  }

  /** Younger than the refresh interval of the shown range. */
  private young(report: UsageReport): boolean {
    return Date.now() - report.generatedAt < intervalMs(this.state.range);
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    if (!this.visible) return;
    this.timer = setTimeout(() => void this.refreshNow(), Math.max(1_000, delayMs));
    this.timer.unref?.();
    this.publish({ nextRefreshAt: Date.now() + delayMs });
  }

  private refreshNow(): Promise<void> {
    if (this.running) return this.running;
    this.running = this.read().finally(() => (this.running = undefined));
    return this.running;
  }

  private async read(): Promise<void> {
    const target = this.target();
    const range = this.state.range;
    if (!target) return this.publish({ notConfigured: this.notConfigured(), refreshing: false });
    this.publish({ refreshing: true, notConfigured: undefined, profile: target.profile });
    let failed: boolean;
    try {
      const outcome = await this.fetch(target, range);
      if (!outcome.ok) {
        failed = true;
        this.publish({ lastError: outcome.error });
      } else {
        failed = outcome.report.problems.length > 0;
        // A problem that is AWS throttling us counts twice: back off harder.
        if (outcome.report.problems.some(isThrottling)) this.failures += 1;
        this.reportKey = this.keyOf(target, range);
        this.publish({ report: outcome.report, lastError: undefined });
      }
    } catch (error) {
      failed = true;
      this.publish({ lastError: error instanceof Error ? error.message : String(error) });
    }
    this.failures = failed ? this.failures + 1 : 0;
    const delay = failed ? Math.min(MAX_BACKOFF_MS, intervalMs(range) * 2 ** this.failures) : intervalMs(range);
    this.publish({ refreshing: false, backingOff: failed });
    this.schedule(delay);
  }

  /** One refresh through the AWS layer, with the cached quotas when they are young enough. */
  private async fetch(target: UsageTarget, range: UsageRange): Promise<{ ok: true; report: UsageReport } | { ok: false; error: string }> {
    const cached = this.listings.get(target.key);
    const listing = cached && Date.now() - cached.at < QUOTA_CACHE_MS ? cached.listing : undefined;
    const { fetchUsageReport } = await loadAwsLayer();
    const result = await fetchUsageReport({
      target: { type: 'profile', profile: target.profile },
      region: target.region,
      modelIds: target.modelIds,
      range,
      maxOutputTokens: target.maxOutputTokens,
      timeoutMs: checkTimeoutMs(),
      // The models' alarms in the same session: one DescribeAlarms per refresh.
      alarms: true,
      ...(listing ? { listing } : {}),
    });
    if (!result.ok) {
      const text = loadDiagnosis().describeDiagnosis(result.credentials, uiLocale());
      return { ok: false, error: `${text.cause} ${text.fix}` };
    }
    if (result.listing && !listing) this.listings.set(target.key, { listing: result.listing, at: Date.now() });
    this.reports.set(this.keyOf(target, range)!, result.report);
    // The status bar judges the last hour only: a week's peak says nothing about now.
    if (range === '1h') this.setup.updateUsage(target.key, readingOf(result.report));
    return { ok: true, report: result.report };
  }

  /** The alert for a health check (which reuses a young enough one itself): one read of the last hour, and what it could not read. */
  private async alertFor(target: UsageTarget): Promise<UsageRead> {
    const outcome = await this.fetch(target, '1h');
    if (!outcome.ok) return { checkedAt: Date.now(), failure: outcome.error };
    // Shown at once when it is the view's target and range; otherwise kept for when it becomes so.
    this.showLatest();
    return readingOf(outcome.report);
  }

  /** The target the view shows: where the admin commands create alarms and the dashboard. */
  currentTarget(): UsageTarget | undefined {
    return this.target();
  }

  private publish(change: Partial<UsageViewState>): void {
    this.state = { ...this.state, ...change };
    this.changed.fire(this.state);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.setup.setUsageProvider(undefined);
    for (const subscription of this.subscriptions) subscription.dispose();
    this.changed.dispose();
  }
}
