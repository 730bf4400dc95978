/**
 * Which Claude Code honours what this extension writes: one dated table of the settings and values
 * the planner writes (src/core/setup/settingsPlan.ts) with the first version that honours each, what
 * an older version does instead, and where each fact comes from. Checked against Claude Code's
 * CHANGELOG.md (anthropics/claude-code, up to 2.1.240, 2026-08-22), its docs (settings, amazon-bedrock,
 * model-config, vs-code, setup) and the real CLI from the npm registry run against the loopback fake
 * AWS (npm run test:interop; the versions in `VERIFIED_VERSIONS`). Facts as of `SUPPORT_TABLE_DATE`:
 * one edit here follows the next release. docs/claude-code-versions.md says the same in words.
 */

import { atLeast } from './versionNumbers';

/** When the facts of this table were last checked. */
export const SUPPORT_TABLE_DATE = '2026-12-06';

/**
 * The oldest Claude Code this extension supports: the first that honours every setting it writes
 * (ANTHROPIC_BEDROCK_REGION_PREFIX came last, in 2.1.224). Older versions are "too old": each setting
 * they ignore is named, with what they do instead. The README states it; the interop test runs it.
 */
export const MINIMUM_SUPPORTED_VERSION = '2.1.224';

/** The newest Claude Code the interop test runs (pinned in scripts/claude-code-tools.sh). */
export const NEWEST_TESTED_VERSION = '2.1.332';

/** The last version before the minimum: the interop test runs it to prove what the warning about it says. */
export const LAST_UNSUPPORTED_VERSION = '2.1.223';

/** Versions run against the fake to learn (not guess) the behaviours this table describes. */
export const VERIFIED_VERSIONS = ['2.0.15', '2.0.19', '2.1.110', '2.1.172', '2.1.223', '2.1.224', '2.1.332'] as const;

export { CLAUDE_CODE_EXTENSION_ID } from './installTypes';

/** What a version that ignores a setting does instead (the words are in supportText.ts). */
export type IgnoredEffect =
  /** The IDs it picks itself carry the prefix it derives from the Region (`apac.` in Tokyo). */
  | 'region-default-prefix'
  /** The `sonnet` / `opus` alias means its own default model. */
  | 'alias-default'
  /** Background tasks use its own default Haiku model. */
  | 'background-default'
  /** Not known to understand the `[1m]` suffix: it may send it to Bedrock, which rejects the ID. */
  | 'suffix-unknown'
  /** Compaction requests reserve the default output limit. */
  | 'compaction-default-limit'
  /** An expired sign-in is not renewed: the user runs the command themself. */
  | 'no-auth-refresh';

export interface SettingSupport {
  /** `env.NAME`, a top-level key, or `model[1m]` for the 1M-context suffix on any model pin. */
  readonly key: string;
  /**
   * The first version that honours it; `always` when every release in the changelog does.
   * Undefined when no source dates it (no warning is ever derived from such a row).
   */
  readonly since: string | 'always' | undefined;
  /** `first`: a source names the release; `oldest-verified`: the oldest release seen honouring it (none names one). */
  readonly sinceKind?: 'first' | 'oldest-verified';
  /** What an older version does instead. */
  readonly effect?: IgnoredEffect;
  /** `error` when an older version breaks the setup or leaves its scope for certain; `warning` when it may. */
  readonly severity?: 'error' | 'warning';
  /** Where the fact comes from. */
  readonly source: string;
  /** What running the real CLI against the fake showed, when it was run for this. */
  readonly verified?: string;
}

/** The settings and values the planner writes, in the order docs/claude-code-versions.md lists them. */
export const SETTING_SUPPORT: readonly SettingSupport[] = [
  { key: 'env.CLAUDE_CODE_USE_BEDROCK', since: 'always', source: 'Claude Code docs (amazon-bedrock); the changelog documents Bedrock from 0.2.125 on' },
  {
    key: 'env.AWS_REGION',
    since: 'always',
    source: 'docs (amazon-bedrock: required); changelog 2.1.172: when it is unset, the region of the ~/.aws config is read',
    verified: 'every version in VERIFIED_VERSIONS signs for the written Region',
  },
  { key: 'env.AWS_PROFILE', since: 'always', source: 'docs (amazon-bedrock): credentials come from the AWS SDK default chain', verified: 'every version in VERIFIED_VERSIONS signs with the profile\'s key' },
  { key: 'env.ANTHROPIC_MODEL', since: 'always', source: 'changelog 0.2.125 (Bedrock ARNs in ANTHROPIC_MODEL); docs (model-config)' },
  {
    key: 'env.ANTHROPIC_DEFAULT_SONNET_MODEL',
    since: '1.0.88',
    sinceKind: 'first',
    effect: 'alias-default',
    severity: 'warning',
    source: 'changelog 1.0.88: ANTHROPIC_DEFAULT_SONNET_MODEL and ANTHROPIC_DEFAULT_OPUS_MODEL introduced for the aliases',
  },
  {
    key: 'env.ANTHROPIC_DEFAULT_OPUS_MODEL',
    since: '1.0.88',
    sinceKind: 'first',
    effect: 'alias-default',
    severity: 'warning',
    source: 'changelog 1.0.88',
    verified: 'pinned, 2.1.223, 2.1.224 and 2.1.332 invoke no Opus ID of their own; unpinned, they probe several Opus IDs at start-up (2.1.110 and 2.1.172 none)',
  },
  {
    key: 'env.ANTHROPIC_DEFAULT_HAIKU_MODEL',
    since: '2.0.17',
    sinceKind: 'first',
    effect: 'background-default',
    severity: 'error',
    source: 'changelog 2.0.17: Bedrock moves to Haiku 4.5 through ANTHROPIC_DEFAULT_HAIKU_MODEL (2.0.17 is not on the npm registry; 2.0.19 is the next)',
    verified: '2.0.19 runs its background request on the pinned jp. Haiku',
  },
  {
    key: 'env.ANTHROPIC_BEDROCK_REGION_PREFIX',
    since: '2.1.224',
    sinceKind: 'first',
    effect: 'region-default-prefix',
    severity: 'warning',
    source: 'changelog 2.1.224: ANTHROPIC_BEDROCK_REGION_PREFIX prefers a cross-region profile over the AWS_REGION-derived one',
    verified: 'Opus alias unpinned, ap-northeast-1, prefix jp: 2.1.223 probes apac.anthropic.claude-opus-5 and other apac. IDs; 2.1.224 and 2.1.332 probe jp. IDs',
  },
  {
    key: 'model[1m]',
    since: '2.0.19',
    sinceKind: 'oldest-verified',
    effect: 'suffix-unknown',
    severity: 'warning',
    source: 'docs (model-config: the [1m] suffix); no changelog entry dates it',
    verified: '2.0.19, 2.1.110, 2.1.172, 2.1.223, 2.1.224 and 2.1.332 invoke a pinned ID[1m] without the suffix',
  },
  {
    key: 'env.CLAUDE_CODE_MAX_OUTPUT_TOKENS',
    since: '2.1.69',
    sinceKind: 'first',
    effect: 'compaction-default-limit',
    severity: 'warning',
    source: 'changelog 2.1.69: no longer ignored during conversation compaction (honoured for ordinary requests before)',
  },
  { key: 'awsAuthRefresh', since: '1.0.53', sinceKind: 'first', effect: 'no-auth-refresh', severity: 'warning', source: 'changelog 1.0.53: awsAuthRefresh and awsCredentialExport added' },
  {
    key: 'claudeCode.disableLoginPrompt',
    since: undefined,
    source: 'a VS Code setting of the Claude Code extension (docs: vs-code); no changelog entry dates it, and issues report it ignored in some releases (anthropics/claude-code#30128, #73392)',
  },
];

/** The row of a key (`model[1m]` for the suffix). */
export function supportOf(key: string): SettingSupport | undefined {
  return SETTING_SUPPORT.find((row) => row.key === key);
}

/** Whether a version honours a row: `always`, or at least its first version. Undefined rows are never judged. */
export function honours(row: SettingSupport, version: string): boolean {
  if (row.since === undefined || row.since === 'always') return true;
  return atLeast(version, row.since);
}

/**
 * The prefix Claude Code derives from the Region for the IDs it picks itself, when it does not
 * honour (or is not given) ANTHROPIC_BEDROCK_REGION_PREFIX: `us-gov-*` → `us-gov` (`global` before
 * 2.1.174, changelog), `us-*` → `us`, `eu-*` → `eu`, every `ap-*` → `apac`, anything else → `global`.
 * So in Tokyo it is `apac`, never `jp`.
 */
export function regionDefaultPrefix(region: string, version?: string): string {
  if (region.startsWith('us-gov-')) return version === undefined || atLeast(version, '2.1.174') ? 'us-gov' : 'global';
  if (region.startsWith('us-')) return 'us';
  if (region.startsWith('eu-')) return 'eu';
  if (region.startsWith('ap-')) return 'apac';
  return 'global';
}

/** The model-pin keys whose `[1m]` suffix the `model[1m]` row judges, and the alias each pins. */
export const MODEL_PIN_ALIASES: Readonly<Record<string, 'sonnet' | 'opus' | 'haiku' | undefined>> = {
  'env.ANTHROPIC_MODEL': undefined,
  'env.ANTHROPIC_DEFAULT_SONNET_MODEL': 'sonnet',
  'env.ANTHROPIC_DEFAULT_OPUS_MODEL': 'opus',
  'env.ANTHROPIC_DEFAULT_HAIKU_MODEL': 'haiku',
};
