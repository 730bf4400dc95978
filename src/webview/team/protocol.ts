/**
 * The one message protocol between the *Team* webview and the extension. Both sides import this
 * module and nothing else of each other: the extension turns its state into a {@link TeamViewModel}
 * with every word translated, the webview lays it out and sends back the admin's actions and the
 * cost plan's inputs. Plain data only (it crosses `postMessage`), no import from any other layer.
 */

export type TeamRangeChoice = '1h' | '24h' | '7d' | '30d';

export const TEAM_RANGE_CHOICES: readonly TeamRangeChoice[] = ['1h', '24h', '7d', '30d'];

/** The cost plan's inputs as the form edits them. */
export interface PlanInputs {
  readonly developers: number;
  readonly workingDays: number;
  readonly sessionsPerDay: number;
  readonly inputTokensPerSession: number;
  readonly outputTokensPerSession: number;
  /** Percent, 0–100. */
  readonly cacheReadPercent: number;
  readonly restTo: 'cache-write' | 'uncached';
  readonly modelId: string;
  readonly scope: string;
  readonly usdToJpy: number;
  readonly seatPriceUsd: number;
}

export const PLAN_NUMBER_FIELDS = ['developers', 'workingDays', 'sessionsPerDay', 'inputTokensPerSession', 'outputTokensPerSession', 'cacheReadPercent', 'usdToJpy', 'seatPriceUsd'] as const;

/** What the webview asks of the extension. */
export type TeamWebviewMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'setRange'; readonly range: TeamRangeChoice }
  | { readonly type: 'refresh' }
  /** Opens the preview of turning invocation logging on; nothing changes before the confirmation. */
  | { readonly type: 'enableLogging' }
  /** Asks for the budget's figures, previews it, creates it only after the confirmation. */
  | { readonly type: 'createBudget' }
  | { readonly type: 'setPlan'; readonly plan: PlanInputs }
  /** Fills the per-session figures from the last 30 days of CloudWatch metrics. */
  | { readonly type: 'fillPlan' }
  | { readonly type: 'showAdminPolicy' }
  | { readonly type: 'openSetupWizard' };

export type TeamExtensionMessage = { readonly type: 'state'; readonly model: TeamViewModel };

function planInputs(value: unknown): PlanInputs | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const plan = value as Record<string, unknown>;
  for (const field of PLAN_NUMBER_FIELDS) if (typeof plan[field] !== 'number' || !Number.isFinite(plan[field])) return undefined;
  if (plan.restTo !== 'cache-write' && plan.restTo !== 'uncached') return undefined;
  if (typeof plan.modelId !== 'string' || typeof plan.scope !== 'string' || !/^[a-z][a-z0-9-]*$/.test(plan.scope)) return undefined;
  return plan as unknown as PlanInputs;
}

/** The webview's message if `value` is one, checked field by field (a webview is another process). */
export function parseTeamWebviewMessage(value: unknown): TeamWebviewMessage | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const message = value as Record<string, unknown>;
  switch (message.type) {
    case 'ready':
    case 'refresh':
    case 'enableLogging':
    case 'createBudget':
    case 'fillPlan':
    case 'showAdminPolicy':
    case 'openSetupWizard':
      return { type: message.type };
    case 'setRange':
      return TEAM_RANGE_CHOICES.includes(message.range as TeamRangeChoice) ? { type: 'setRange', range: message.range as TeamRangeChoice } : undefined;
    case 'setPlan': {
      const plan = planInputs(message.plan);
      return plan ? { type: 'setPlan', plan } : undefined;
    }
    default:
      return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// The view model: what the webview draws, every string translated by the extension

export interface TeamViewModel {
  readonly lang: string;
  readonly range: TeamRangeChoice;
  readonly header: {
    readonly rangeGroupLabel: string;
    readonly ranges: readonly { readonly range: TeamRangeChoice; readonly label: string }[];
    readonly refresh: string;
    readonly adminPolicy: string;
    /** "Profile dev · Region ap-northeast-1". */
    readonly context?: string;
  };
  /** The whole view when there is nothing to read. */
  readonly notConfigured?: { readonly message: string; readonly wizardButton?: string };
  readonly developers: DevelopersModel;
  readonly spend: SectionModel;
  readonly budgets: SectionModel & { readonly createButton?: string };
  readonly plan: PlanModel;
}

export interface DevelopersModel {
  readonly title: string;
  readonly privacy: string;
  /** Where the logs go; when not queryable, what enabling involves. */
  readonly logging: readonly string[];
  /** Present when logging is off or S3-only: the button that opens the preview. */
  readonly enableButton?: string;
  /** A Logs Insights query is running (its status and progress). */
  readonly progress?: string;
  readonly placeholder?: string;
  readonly columns: readonly string[];
  readonly rows: readonly DeveloperRowModel[];
  readonly notes: readonly string[];
  readonly problems: readonly string[];
  readonly updatedAt?: number;
}

export interface DeveloperRowModel {
  readonly name: string;
  /** The full identity ARNs, for the hover. */
  readonly title: string;
  readonly self: boolean;
  /** Requests, input, output, cache read, cache write, cost, share: formatted. */
  readonly cells: readonly string[];
  /** Share of the team's tokens, 0–100, for the bar. */
  readonly share: number;
}

/** A section of lines (spend, budgets): headings, the lines, and what could not be read. */
export interface SectionModel {
  readonly title: string;
  readonly progress?: string;
  readonly placeholder?: string;
  /** Groups of lines; the first line of a group is its lead. */
  readonly groups: readonly { readonly kind: string; readonly lines: readonly string[] }[];
  readonly age?: string;
  readonly problems: readonly string[];
}

export interface PlanModel {
  readonly title: string;
  readonly inputs: PlanInputs;
  readonly labels: Readonly<Record<(typeof PLAN_NUMBER_FIELDS)[number] | 'restTo' | 'modelId' | 'scope', string>>;
  readonly restChoices: readonly { readonly value: 'cache-write' | 'uncached'; readonly label: string }[];
  readonly modelChoices: readonly { readonly value: string; readonly label: string }[];
  readonly scopeChoices: readonly { readonly value: string; readonly label: string }[];
  readonly fillButton: string;
  readonly progress?: string;
  readonly note?: string;
  readonly error?: string;
  /** The plan's result, when the inputs make one. */
  readonly result?: {
    readonly summary: readonly string[];
    readonly partsTitle: string;
    readonly parts: readonly string[];
    readonly alternatives: readonly string[];
    readonly seats: readonly string[];
    /** Bedrock is cheaper than the seats. */
    readonly bedrockCheaper: boolean;
  };
}
