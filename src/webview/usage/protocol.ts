/**
 * The one message protocol between the *Quotas & Usage* webview and the extension. Both sides
 * import this module and nothing else of each other: the extension turns its state into a
 * {@link UsageViewModel} with every word already translated, the webview only lays it out.
 * Plain data only (it crosses `postMessage`), and no import from any other layer.
 */

export type RangeChoice = '1h' | '24h' | '7d';

export const RANGE_CHOICES: readonly RangeChoice[] = ['1h', '24h', '7d'];

/** The team admin's actions the view offers; each runs the extension command of the same name after its own preview and confirmation. */
export type AdminAction = 'createAlarms' | 'createDashboard' | 'openDashboard' | 'exportAdminStack';

export const ADMIN_ACTIONS: readonly AdminAction[] = ['createAlarms', 'createDashboard', 'openDashboard', 'exportAdminStack'];

// ---------------------------------------------------------------------------------------------
// Messages

/** What the webview asks of the extension. */
export type WebviewMessage =
  /** The script has loaded: the extension answers with the current state. */
  | { readonly type: 'ready' }
  | { readonly type: 'setRange'; readonly range: RangeChoice }
  | { readonly type: 'refresh' }
  /** The extension asks the user to confirm the exact request before anything is sent to AWS. */
  | { readonly type: 'requestIncrease'; readonly modelId: string; readonly quotaCode: string; readonly desiredValue: number }
  | { readonly type: 'openSetupWizard' }
  /** An admin action; the extension shows its preview and asks before anything is created. */
  | { readonly type: 'admin'; readonly action: AdminAction };

/** What the extension tells the webview. */
export type ExtensionMessage = { readonly type: 'state'; readonly model: UsageViewModel };

/** The webview's message if `value` is one, checked field by field (a webview is another process). */
export function parseWebviewMessage(value: unknown): WebviewMessage | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const message = value as Record<string, unknown>;
  switch (message.type) {
    case 'ready':
    case 'refresh':
    case 'openSetupWizard':
      return { type: message.type };
    case 'setRange':
      return RANGE_CHOICES.includes(message.range as RangeChoice) ? { type: 'setRange', range: message.range as RangeChoice } : undefined;
    case 'admin':
      return ADMIN_ACTIONS.includes(message.action as AdminAction) ? { type: 'admin', action: message.action as AdminAction } : undefined;
    case 'requestIncrease': {
      const { modelId, quotaCode, desiredValue } = message;
      if (typeof modelId !== 'string' || typeof quotaCode !== 'string' || typeof desiredValue !== 'number' || !Number.isFinite(desiredValue) || desiredValue <= 0) return undefined;
      return { type: 'requestIncrease', modelId, quotaCode, desiredValue };
    }
    default:
      return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// The view model: what the webview draws, every string translated by the extension

export interface UsageViewModel {
  /** The display language (`<html lang>`, number and time formats in the webview). */
  readonly lang: string;
  /** The range the user chose (the buttons); the data may still be of the previous one while refreshing. */
  readonly range: RangeChoice;
  readonly header: HeaderModel;
  readonly status: StatusModel;
  /** The whole view when there is nothing to fetch. */
  readonly notConfigured?: NotConfiguredModel;
  /** Shown instead of data: "Loading…" on the first refresh, or "No data yet". */
  readonly placeholder?: string;
  /** The last refresh failed as a whole (credentials, network). */
  readonly error?: string;
  /** Throttles in the last 15 minutes, or a quota above the alert percentage. */
  readonly alert?: { readonly text: string; readonly level: 'ok' | 'warning' };
  /** One line per service that could not be read. */
  readonly problems: readonly string[];
  readonly notes: readonly string[];
  /** The cost of the period, the Japan (geographic) premium visible. */
  readonly cost?: { readonly text: string; readonly tooltip: string };
  /** The data shown is of another range than the one chosen (a refresh is on its way). */
  readonly stale: boolean;
  readonly models: readonly ModelSectionModel[];
  /** The team admin's actions (alarms, dashboard, admin stack). */
  readonly admin?: AdminModel;
  /** The alarms' state could not be read (which permission is missing). */
  readonly alarmsNote?: string;
}

export interface AdminModel {
  readonly label: string;
  readonly actions: readonly { readonly action: AdminAction; readonly label: string; readonly tooltip: string }[];
}

/** One alarm of a model, as CloudWatch said its state in this refresh. */
export interface AlarmModel {
  readonly name: string;
  /** What it watches, in words. */
  readonly label: string;
  readonly state: 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';
  readonly stateText: string;
  /** When the state last changed, epoch ms. */
  readonly since?: number;
  readonly reason?: string;
}

export interface HeaderModel {
  readonly rangeGroupLabel: string;
  readonly ranges: readonly { readonly range: RangeChoice; readonly label: string; readonly tooltip: string }[];
  readonly refresh: string;
  /** "Profile dev · Region ap-northeast-1". */
  readonly context?: string;
}

export interface StatusModel {
  /** When the data shown was fetched (epoch ms); the webview turns it into "Updated 2 min ago". */
  readonly updatedAt?: number;
  /** Templates with `{0}` for the number; the webview recomputes the age every 15 seconds. */
  readonly age: { readonly justNow: string; readonly minutes: string; readonly hours: string; readonly days: string };
  /** "Refreshing…" while a refresh runs, else absent. */
  readonly refreshing?: string;
  /** While backing off after errors: when the next try is due, and the template with `{0}` seconds. */
  readonly retry?: { readonly at: number; readonly template: string };
}

export interface NotConfiguredModel {
  readonly message: string;
  /** The label of the "Run Setup Wizard" button; absent when the wizard cannot help (Restricted Mode). */
  readonly wizardButton?: string;
}

export interface FigureModel {
  readonly label: string;
  readonly value: string;
  readonly level?: 'warning';
}

export interface ModelSectionModel {
  readonly modelId: string;
  /** The routing in words (`Japan (cross-Region)`), when the ID tells it. */
  readonly routing?: string;
  readonly figures: readonly FigureModel[];
  /** Start of each throttled period, epoch ms: the webview prints them as local times. */
  readonly throttled?: {
    readonly label: string;
    readonly times: readonly number[];
    /** Hours or coarser: the times carry the date. */
    readonly withDate: boolean;
    /** "+12 more" when more periods were throttled than listed. */
    readonly more?: string;
  };
  /** Absent when CloudWatch could not be read. */
  readonly charts?: ChartsModel;
  /** "No requests in this range" (the charts are then left out), "No quota found …". */
  readonly notes: readonly string[];
  /** Absent when Service Quotas could not be read. */
  readonly quotaTable?: QuotaTableModel;
  readonly recommendations: readonly RecommendationModel[];
  /** The model's alarms that exist, with their state; absent when none was read. */
  readonly alarms?: { readonly label: string; readonly items: readonly AlarmModel[] };
}

export interface ChartsModel {
  /** Start of each period, epoch ms, oldest first. */
  readonly times: readonly number[];
  readonly periodMs: number;
  /** Periods longer than an hour: time labels carry the date. */
  readonly withDate: boolean;
  readonly tokens: ChartModel;
  readonly requests: ChartModel;
  readonly throttles: ChartModel;
}

export interface ChartModel {
  readonly caption: string;
  /** What a screen reader says of the chart: its peak and its quota. */
  readonly ariaLabel: string;
  /** One value per period; null where there was no data (a gap). */
  readonly values: readonly (number | null)[];
  readonly quota?: number;
  /** "Quota 200,000", the legend and the hover text of the quota line. */
  readonly quotaLabel?: string;
}

export interface QuotaTableModel {
  readonly columns: { readonly measure: string; readonly routing: string; readonly value: string; readonly defaultValue: string; readonly adjustable: string; readonly pending: string };
  readonly rows: readonly QuotaRowModel[];
}

export interface QuotaRowModel {
  readonly code: string;
  /** The quota's name at AWS, for the hover text. */
  readonly name: string;
  readonly measure: string;
  readonly routing: string;
  readonly value: string;
  readonly defaultValue: string;
  readonly adjustable: string;
  readonly pending: string;
  /** A quota of the model's own routing; the others are shown dimmed, for comparison. */
  readonly own: boolean;
}

export interface RecommendationModel {
  readonly code: string;
  readonly title: string;
  readonly detail: string;
  /** A 'request-increase' recommendation: a button, or a "requested" mark when a request is open. */
  readonly increase?: {
    readonly modelId: string;
    readonly quotaCode: string;
    readonly desiredValue: number;
    readonly button: string;
    /** Set when a request is already open: shown instead of the button. */
    readonly requested?: string;
  };
}
