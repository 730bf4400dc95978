/**
 * The Claude Code settings keys a Bedrock setup is made of, in one table: which the extension
 * writes, which are personal, which hold secrets. Facts from the Claude Code settings and
 * environment-variable docs and the SchemaStore schema (as of v2.1.240, 2026-11).
 */


/** `env` keys the sidebar shows from the effective settings, in display order. */
export const BEDROCK_ENV_KEYS = [
  'CLAUDE_CODE_USE_BEDROCK',
  'AWS_REGION',
  'AWS_DEFAULT_REGION',
  'AWS_PROFILE',
  'ANTHROPIC_MODEL',
  'ANTHROPIC_DEFAULT_SONNET_MODEL',
  'ANTHROPIC_DEFAULT_OPUS_MODEL',
  'ANTHROPIC_DEFAULT_HAIKU_MODEL',
  'ANTHROPIC_SMALL_FAST_MODEL',
  'ANTHROPIC_SMALL_FAST_MODEL_AWS_REGION',
  'ANTHROPIC_BEDROCK_REGION_PREFIX',
  'CLAUDE_CODE_MAX_OUTPUT_TOKENS',
  'ANTHROPIC_BEDROCK_BASE_URL',
  'CLAUDE_CODE_SKIP_BEDROCK_AUTH',
  'AWS_BEARER_TOKEN_BEDROCK',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
] as const;

/**
 * Values `ANTHROPIC_BEDROCK_REGION_PREFIX` accepts (Claude Code v2.1.224+). With it, the IDs Claude Code
 * derives or probes on its own (the Opus alias, for one) use the chosen scope instead of the region's
 * default (`apac.` in Tokyo): a Japan-domestic setup stays on `jp.`.
 */
export const REGION_PREFIX_SCOPES: ReadonlySet<string> = new Set(['us', 'eu', 'apac', 'jp', 'au', 'global']);

/** Top-level keys that matter to a Bedrock setup. */
export const BEDROCK_TOP_LEVEL_KEYS = ['awsAuthRefresh', 'awsCredentialExport', 'model'] as const;

/** `env` keys whose values are secrets: never shown, never copied, never in a shared file. */
export const SECRET_ENV_KEYS: ReadonlySet<string> = new Set([
  'AWS_BEARER_TOKEN_BEDROCK',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_ACCESS_KEY_ID',
  'ANTHROPIC_API_KEY',
  'ANTHROPIC_AUTH_TOKEN',
]);

/** What `awsAuthRefresh` holds for an SSO profile. */
export function ssoRefreshCommand(profile: string): string {
  return `aws sso login --profile ${profile}`;
}

/** True for an `awsAuthRefresh` this extension would have written (so it may replace or remove it). */
export function isOwnRefreshCommand(command: unknown): boolean {
  return typeof command === 'string' && /^aws sso login --profile \S+$/.test(command.trim());
}

/** `CLAUDE_CODE_USE_BEDROCK` as Claude Code reads it: `1`, `true`, `yes`, `on` turn Bedrock on. */
export function isTruthyFlag(value: string | undefined): boolean {
  return value !== undefined && /^(1|true|yes|on)$/i.test(value.trim());
}
