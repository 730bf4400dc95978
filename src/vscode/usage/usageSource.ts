/**
 * What the usage view shows and asks for, between the view (a webview) and the monitor that
 * fetches quotas and metrics. The monitor owns every AWS call, the refresh timer and its backoff;
 * the view only renders the state and forwards the user's actions.
 */

import type * as vscode from 'vscode';
import type { UsageRange, UsageReport } from '../../core/usage/quotaTypes';

export interface UsageViewState {
  /** Why there is nothing to fetch: no Bedrock setup, no region, no model, Restricted Mode. */
  readonly notConfigured?: 'no-setup' | 'no-region' | 'no-models' | 'restricted';
  readonly range: UsageRange;
  /** The last complete result; kept on screen (with its age) while a refresh runs or after one failed. */
  readonly report?: UsageReport;
  readonly refreshing: boolean;
  /** The last refresh failed as a whole (credentials, network); words already translated. */
  readonly lastError?: string;
  /** When the next automatic refresh is due (epoch ms), while the view is visible. */
  readonly nextRefreshAt?: number;
  /** The current delay grew after errors or throttling of our own calls. */
  readonly backingOff: boolean;
  /** The profile the data is read with (never a secret). */
  readonly profile?: string;
}

export interface UsageSource {
  readonly onDidChange: vscode.Event<UsageViewState>;
  current(): UsageViewState;
  /** The view tells when it becomes visible or hidden: data refreshes only while visible. */
  setVisible(visible: boolean): void;
  setRange(range: UsageRange): void;
  /** A refresh now (the user's button). */
  refresh(): void;
  /** Asks for confirmation showing the exact request, then calls RequestServiceQuotaIncrease. */
  requestIncrease(modelId: string, quotaCode: string, desiredValue: number): Promise<void>;
}
