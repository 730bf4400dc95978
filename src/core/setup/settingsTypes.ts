/**
 * Types of the Claude Code settings files the extension reads and writes: the four sources in
 * Claude Code's order of precedence, the choices a setup is made of, and the plan of changes that
 * the wizard previews and the VS Code layer and the CLI apply.
 */

/** Where a settings value comes from, highest precedence first: managed, local, project, user. */
export type SettingsSource = 'managed' | 'local' | 'project' | 'user';

/**
 * Where a setup is written:
 * - `project`: shared keys to `.claude/settings.json`, `AWS_PROFILE` and `awsAuthRefresh` to `.claude/settings.local.json`;
 * - `local`: everything to `.claude/settings.local.json` (a personal setup of this workspace);
 * - `user`: everything to `~/.claude/settings.json` (what Claude Code's `/setup-bedrock` writes).
 */
export type SetupScope = 'project' | 'local' | 'user';

export const SETUP_SCOPES: readonly SetupScope[] = ['project', 'local', 'user'];

/** What the user chose. Model IDs are written as given (a `[1m]` suffix included). */
export interface SetupChoices {
  readonly profile: string;
  /** True for IAM Identity Center profiles: `awsAuthRefresh` runs `aws sso login --profile …`. */
  readonly ssoProfile: boolean;
  readonly region: string;
  /** `ANTHROPIC_MODEL`: an inference-profile ID or an application inference-profile ARN. */
  readonly primaryModel: string;
  /** `ANTHROPIC_DEFAULT_HAIKU_MODEL`: the model of background tasks. */
  readonly backgroundModel?: string;
  /** `ANTHROPIC_DEFAULT_SONNET_MODEL` / `ANTHROPIC_DEFAULT_OPUS_MODEL`: what the aliases mean. */
  readonly sonnetModel?: string;
  readonly opusModel?: string;
  /** `CLAUDE_CODE_MAX_OUTPUT_TOKENS`. */
  readonly maxOutputTokens?: number;
  readonly scope: SetupScope;
}

/** Where strict JSON parsing stopped (1-based line and column) and why. */
export interface SettingsParseError {
  readonly line: number;
  readonly column: number;
  /** English; the surfaces localise through `code`. */
  readonly message: string;
  readonly code: 'syntax' | 'not-an-object' | 'byte-order-mark' | 'env-not-an-object';
}

/** A settings file as read from disk: its text, or why there is none. */
export interface SettingsFileInput {
  readonly source: SettingsSource;
  readonly path: string;
  /** Absent when the file does not exist. */
  readonly text?: string;
  /** Set when the file exists but could not be read (permissions, a folder in the way). */
  readonly unreadable?: string;
}

export type ParsedSettings =
  | { readonly ok: true; readonly value: Record<string, unknown> }
  | { readonly ok: false; readonly error: SettingsParseError };

/** One key of one file the plan changes: `env.AWS_REGION`, `awsAuthRefresh`. */
export interface KeyChange {
  readonly key: string;
  readonly before?: string;
  readonly after?: string;
}

export interface FilePlan {
  readonly source: Exclude<SettingsSource, 'managed'>;
  readonly path: string;
  /** Absent when the file does not exist yet. */
  readonly before?: string;
  readonly after: string;
  readonly changes: readonly KeyChange[];
}

/** Why part of a setup will not take effect, or was not written. */
export type PlanNotice =
  /** Managed settings set this key: the plan leaves it out. */
  | { readonly kind: 'managed-override'; readonly key: string; readonly managedValue: string; readonly wanted: string }
  /** A file of higher precedence sets the same key to something else, so the written value would not apply. */
  | { readonly kind: 'shadowed'; readonly key: string; readonly source: SettingsSource; readonly path: string; readonly value: string }
  /** `.claude/settings.local.json` is not git-ignored: it would be committed with a personal profile name. */
  | { readonly kind: 'local-not-ignored'; readonly path: string }
  /** A secret sits in a file shared with the team (never copied anywhere by the plan). */
  | { readonly kind: 'secret-in-shared-file'; readonly key: string; readonly path: string };

export type SetupPlan =
  | {
      readonly ok: true;
      /** Only files whose text changes, in writing order. */
      readonly files: readonly FilePlan[];
      readonly notices: readonly PlanNotice[];
    }
  | {
      readonly ok: false;
      /** Files the plan would have to change but cannot parse: they are left exactly as they are. */
      readonly unparsable: readonly { readonly source: SettingsSource; readonly path: string; readonly error: SettingsParseError }[];
      readonly unreadable: readonly { readonly source: SettingsSource; readonly path: string; readonly detail: string }[];
    };

/** One Bedrock-relevant value of the effective settings, with the file it comes from. */
export interface EffectiveValue {
  /** `env.AWS_REGION`, `awsAuthRefresh`, `model`. */
  readonly key: string;
  /** Shown as-is, except secrets, which show as `(set)`. */
  readonly value: string;
  readonly secret: boolean;
  readonly source: SettingsSource;
  readonly path: string;
  /** Files of lower precedence that set the same key to something else. */
  readonly overrides: readonly { readonly source: SettingsSource; readonly path: string }[];
}

/** The workspace's Claude-on-Bedrock setup as Claude Code would see it. */
export interface EffectiveSetup {
  /** `CLAUDE_CODE_USE_BEDROCK` is set to a true value. */
  readonly bedrock: boolean;
  readonly values: readonly EffectiveValue[];
  /** Files that exist but could not be parsed or read: their values are missing from `values`. */
  readonly broken: readonly { readonly source: SettingsSource; readonly path: string; readonly error?: SettingsParseError; readonly unreadable?: string }[];
}
