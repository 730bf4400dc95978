/**
 * Profile discovery: which AWS identities this machine has, of which kind, and what is wrong with
 * them, decided by the same rules the AWS SDK for JavaScript v3 applies (`fromIni`). Pure: the
 * file texts, the environment, the token caches and the clock come in as values. Secret values
 * (secret keys, session tokens, SSO tokens, the arguments of credential processes) never leave.
 */

import { mergeEntries, parseAwsFile, type IniEntry, type IniSection, type ParsedAwsFile } from './awsIni';
import type { Problem, ProblemCode, Severity } from './problems';

export type ProfileKind =
  | 'static'
  | 'session'
  | 'sso'
  | 'sso-legacy'
  | 'assume-role'
  | 'credential-process'
  | 'web-identity'
  | 'login'
  | 'none';

export type TokenState =
  | { readonly state: 'valid'; readonly expiresAt: string }
  | { readonly state: 'expired'; readonly expiresAt: string; readonly refreshable: boolean }
  | { readonly state: 'missing' }
  | { readonly state: 'unreadable' };

/** What a token cache holds for a key, as read by the file layer. */
export type CachedToken =
  | { readonly state: 'found'; readonly expiresAt?: string; readonly refreshable: boolean }
  | { readonly state: 'missing' }
  | { readonly state: 'unreadable' };

/** `sso`: ~/.aws/sso/cache keyed by sso-session name or start URL; `login`: the `aws login` cache. */
export type TokenLookup = (cache: 'sso' | 'login', key: string) => CachedToken;

export interface SourceLocation {
  readonly file: string;
  readonly line: number;
}

export interface SsoDetails {
  readonly sessionName?: string;
  readonly startUrl?: string;
  readonly ssoRegion?: string;
  readonly accountId?: string;
  readonly roleName?: string;
  readonly token: TokenState;
}

/** One hop of a role chain, from the profile asked for towards where the first credentials come from. */
export interface ChainLink {
  readonly profile: string;
  /** The role this hop assumes; absent on the last link. */
  readonly roleArn?: string;
  /** `Environment`, `Ec2InstanceMetadata` or `EcsContainer` when the hop takes credentials from there. */
  readonly credentialSource?: string;
  /** Kind of the last link: where the chain's first credentials come from. */
  readonly kind?: ProfileKind;
}

export interface AwsProfile {
  readonly name: string;
  readonly kind: ProfileKind;
  readonly region?: string;
  /** The sections that define this profile, config file first. */
  readonly sources: readonly SourceLocation[];
  /** `AKIA…WXYZ`: enough to tell keys apart, never the whole key. */
  readonly accessKeyIdHint?: string;
  readonly sso?: SsoDetails;
  readonly roleArn?: string;
  /** For assume-role profiles: the chain to the credentials it starts from, this profile first. */
  readonly chain?: readonly ChainLink[];
  readonly mfaSerial?: boolean;
  /** Only the program of a `credential_process`, whose arguments may hold secrets. */
  readonly credentialProcessProgram?: string;
  readonly webIdentityTokenFile?: string;
  readonly loginSession?: { readonly name: string; readonly token: TokenState };
  /** True for the profile the SDK uses when none is named (`AWS_PROFILE`, else `default`). */
  readonly isActive: boolean;
  readonly problems: readonly Problem[];
}

export interface EnvironmentState {
  readonly credentials?: { readonly kind: 'static' | 'session'; readonly accessKeyIdHint: string };
  readonly profile?: string;
  readonly region?: string;
  readonly bedrockApiKey: boolean;
  /** Endpoint override variables (`AWS_ENDPOINT_URL`, `AWS_ENDPOINT_URL_STS`, …) and their values. */
  readonly endpointOverrides: Readonly<Record<string, string>>;
}

export type FileInput =
  | { readonly path: string; readonly text: string }
  | { readonly path: string; readonly error: 'missing' | 'unreadable'; readonly detail?: string };

export interface DiscoveryInput {
  readonly config: FileInput;
  readonly credentials: FileInput;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly tokens: TokenLookup;
  readonly now: Date;
}

export interface FileState {
  readonly path: string;
  readonly state: 'read' | 'missing' | 'unreadable';
}

export interface ProfileDiscovery {
  readonly profiles: readonly AwsProfile[];
  readonly activeProfile: string;
  readonly environment: EnvironmentState;
  readonly files: { readonly config: FileState; readonly credentials: FileState };
  /** Problems not tied to one profile: file syntax, the environment. */
  readonly problems: readonly Problem[];
}

type ProfileData = Map<string, IniEntry>;

interface Assembled {
  readonly data: Map<string, ProfileData>;
  readonly sources: Map<string, SourceLocation[]>;
  readonly ssoSessions: Map<string, ProfileData>;
}

const SUPPORTED_CREDENTIAL_SOURCES = new Set(['Environment', 'Ec2InstanceMetadata', 'EcsContainer']);
/** Sources served from link-local metadata addresses, which the extension never contacts. */
const METADATA_CREDENTIAL_SOURCES = new Set(['Ec2InstanceMetadata', 'EcsContainer']);

/**
 * True when the profile's credentials would come from the EC2 instance or ECS container metadata
 * service. The extension never calls those addresses, so such a profile is listed but not checked.
 */
export function usesMetadataService(profile: AwsProfile): boolean {
  const source = profile.chain?.[profile.chain.length - 1]?.credentialSource;
  return source !== undefined && METADATA_CREDENTIAL_SOURCES.has(source);
}

/** Discovers every profile of the shared files and the credentials in the environment. */
export function discoverProfiles(input: DiscoveryInput): ProfileDiscovery {
  const problems: Problem[] = [];
  const config = parseInput(input.config, 'config', problems);
  const credentials = parseInput(input.credentials, 'credentials', problems);
  const assembled = assemble(config, credentials, problems);
  const activeProfile = nonEmpty(input.env.AWS_PROFILE) ?? 'default';
  const context: ClassifyContext = { ...assembled, tokens: input.tokens, now: input.now };

  const profiles: AwsProfile[] = [];
  for (const name of assembled.data.keys()) {
    profiles.push(classifyProfile(name, context, name === activeProfile));
  }

  const environment = readEnvironment(input.env);
  problems.push(...environmentProblems(environment, input.env, assembled.data));

  return {
    profiles,
    activeProfile,
    environment,
    files: { config: fileState(input.config), credentials: fileState(input.credentials) },
    problems,
  };
}

function fileState(input: FileInput): FileState {
  return { path: input.path, state: 'text' in input ? 'read' : input.error };
}

function parseInput(input: FileInput, kind: 'config' | 'credentials', problems: Problem[]): ParsedAwsFile | undefined {
  if (!('text' in input)) {
    if (input.error === 'unreadable') {
      problems.push({
        code: 'file-unreadable',
        severity: 'error',
        file: input.path,
        params: { detail: input.detail ?? '' },
      });
    }
    return undefined;
  }
  const parsed = parseAwsFile(input.text, input.path, kind);
  problems.push(...parsed.problems);
  return parsed;
}

function addSource(sources: Map<string, SourceLocation[]>, name: string, file: string, section: IniSection): void {
  const list = sources.get(name);
  const location = { file, line: section.line };
  if (list) list.push(location);
  else sources.set(name, [location]);
}

/** Builds each profile's key/value view as the SDK sees it: config, then credentials on top. */
function assemble(config: ParsedAwsFile | undefined, credentials: ParsedAwsFile | undefined, problems: Problem[]): Assembled {
  const data = new Map<string, ProfileData>();
  const sources = new Map<string, SourceLocation[]>();
  const ssoSessions = new Map<string, ProfileData>();

  if (config) {
    const byName = new Map<string, IniSection[]>();
    const sessionSections = new Map<string, IniSection[]>();
    const plainDefault: IniSection[] = [];
    for (const section of config.sections) {
      if (section.kind === 'profile') pushTo(byName, section.name, section);
      else if (section.kind === 'default') plainDefault.push(section);
      else if (section.kind === 'sso-session') pushTo(sessionSections, section.name, section);
    }
    // `[profile default]` replaces `[default]` wholesale in the SDK, it does not merge with it.
    const prefixedDefault = byName.get('default');
    if (plainDefault.length > 0 && prefixedDefault) {
      for (const section of plainDefault) {
        problems.push({
          code: 'default-section-shadowed',
          severity: 'warning',
          file: config.file,
          line: section.line,
          params: { line: String(prefixedDefault[0]?.line ?? '') },
        });
      }
    } else if (plainDefault.length > 0) {
      byName.set('default', plainDefault);
    }
    const ordered = [...byName.entries()].sort((a, b) => (a[1][0]?.line ?? 0) - (b[1][0]?.line ?? 0));
    for (const [name, sections] of ordered) {
      data.set(name, mergeEntries(sections));
      for (const section of sections) addSource(sources, name, config.file, section);
    }
    for (const [name, sections] of sessionSections) ssoSessions.set(name, mergeEntries(sections));
  }

  if (credentials) {
    const byName = new Map<string, IniSection[]>();
    for (const section of credentials.sections) {
      if (section.kind === 'profile') pushTo(byName, section.name, section);
    }
    for (const [name, sections] of byName) {
      const fromCredentials = mergeEntries(sections);
      const existing = data.get(name);
      if (existing) {
        for (const [key, entry] of fromCredentials) existing.set(key, entry);
      } else {
        data.set(name, fromCredentials);
      }
      for (const section of sections) addSource(sources, name, credentials.file, section);
    }
  }
  return { data, sources, ssoSessions };
}

function pushTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

interface ClassifyContext extends Assembled {
  readonly tokens: TokenLookup;
  readonly now: Date;
}

function value(data: ProfileData | undefined, key: string): string | undefined {
  return data?.get(key)?.value;
}

function has(data: ProfileData | undefined, key: string): boolean {
  return data?.get(key) !== undefined;
}

// The predicates below are the SDK's (`@aws-sdk/credential-provider-ini`), key for key.
function isStatic(data: ProfileData | undefined): boolean {
  return has(data, 'aws_access_key_id') && has(data, 'aws_secret_access_key');
}

function isAssumeRole(data: ProfileData | undefined): boolean {
  if (!has(data, 'role_arn')) return false;
  return has(data, 'source_profile') !== has(data, 'credential_source');
}

function isCredentialSourceWithoutRoleArn(data: ProfileData | undefined): boolean {
  return !has(data, 'role_arn') && has(data, 'credential_source');
}

function isWebIdentity(data: ProfileData | undefined): boolean {
  return has(data, 'web_identity_token_file') && has(data, 'role_arn');
}

function isSso(data: ProfileData | undefined): boolean {
  return ['sso_start_url', 'sso_account_id', 'sso_session', 'sso_region', 'sso_role_name'].some((key) => has(data, key));
}

/** The kind of credentials a profile holds itself, ignoring role assumption. */
function baseKind(data: ProfileData | undefined): ProfileKind {
  if (isStatic(data)) return has(data, 'aws_session_token') ? 'session' : 'static';
  if (isWebIdentity(data)) return 'web-identity';
  if (has(data, 'credential_process')) return 'credential-process';
  if (isSso(data)) return has(data, 'sso_session') ? 'sso' : 'sso-legacy';
  if (has(data, 'login_session')) return 'login';
  return 'none';
}

function problemAt(
  context: ClassifyContext,
  profile: string,
  key: string | undefined,
  code: ProblemCode,
  severity: Severity,
  params: Record<string, string>,
): Problem {
  const entry = key ? context.data.get(profile)?.get(key) : undefined;
  const location = entry ?? context.sources.get(profile)?.[0];
  return { code, severity, file: location?.file, line: location?.line, params: { profile, ...params } };
}

function classifyProfile(name: string, context: ClassifyContext, isActive: boolean): AwsProfile {
  const data = context.data.get(name);
  const problems: Problem[] = [];
  const region = value(data, 'region');
  const assumeRole = isAssumeRole(data);
  const kind: ProfileKind = assumeRole ? 'assume-role' : baseKind(data);

  if (has(data, 'role_arn') && has(data, 'source_profile') && has(data, 'credential_source')) {
    problems.push(problemAt(context, name, 'credential_source', 'source-profile-and-credential-source', 'error', {}));
  }
  if (has(data, 'aws_access_key_id') !== has(data, 'aws_secret_access_key')) {
    problems.push(problemAt(context, name, has(data, 'aws_access_key_id') ? 'aws_access_key_id' : 'aws_secret_access_key', 'incomplete-static-keys', 'error', {}));
  }

  let chain: ChainLink[] | undefined;
  let sso: SsoDetails | undefined;
  let loginSession: AwsProfile['loginSession'];
  if (kind === 'assume-role') {
    chain = resolveChain(name, context, problems);
  } else if (kind === 'sso' || kind === 'sso-legacy') {
    sso = ssoDetails(name, context, problems, name);
  } else if (kind === 'login') {
    loginSession = loginDetails(name, context, problems, name);
  } else if (kind === 'none' && !has(data, 'aws_access_key_id') && !has(data, 'aws_secret_access_key')) {
    problems.push(problemAt(context, name, undefined, 'no-credentials', 'warning', {}));
  }

  if (!region) problems.push(problemAt(context, name, undefined, 'no-region', 'info', {}));

  const accessKeyId = value(data, 'aws_access_key_id');
  return {
    name,
    kind,
    region,
    sources: context.sources.get(name) ?? [],
    accessKeyIdHint: accessKeyId && isStatic(data) ? accessKeyHint(accessKeyId) : undefined,
    sso,
    roleArn: value(data, 'role_arn'),
    chain,
    mfaSerial: has(data, 'mfa_serial') || undefined,
    credentialProcessProgram: kind === 'credential-process' ? processProgram(value(data, 'credential_process') ?? '') : undefined,
    webIdentityTokenFile: kind === 'web-identity' ? value(data, 'web_identity_token_file') : undefined,
    loginSession,
    isActive,
    problems,
  };
}

/**
 * Walks source_profile links as `resolveProfileData` does: a visited source profile with static
 * keys ends the chain (which lets a profile name itself as its source), any other revisit is a cycle.
 */
function resolveChain(name: string, context: ClassifyContext, problems: Problem[]): ChainLink[] {
  const chain: ChainLink[] = [];
  const visited: string[] = [];
  let current = name;
  let recursiveCredentialSource = false;
  let previous: string | undefined;
  for (;;) {
    const data = context.data.get(current);
    if (!data) {
      problems.push(problemAt(context, previous ?? name, 'source_profile', 'missing-source-profile', 'error', { source: current }));
      break;
    }
    if (visited.length > 0 && isStatic(data)) {
      chain.push({ profile: current, kind: baseKind(data) });
      break;
    }
    if (recursiveCredentialSource || isAssumeRole(data)) {
      const credentialSource = value(data, 'credential_source');
      const sourceProfile = value(data, 'source_profile');
      if (credentialSource !== undefined && sourceProfile === undefined) {
        chain.push({ profile: current, roleArn: value(data, 'role_arn'), credentialSource });
        if (!SUPPORTED_CREDENTIAL_SOURCES.has(credentialSource)) {
          problems.push(problemAt(context, current, 'credential_source', 'unsupported-credential-source', 'error', { value: credentialSource }));
        } else if (METADATA_CREDENTIAL_SOURCES.has(credentialSource)) {
          problems.push(problemAt(context, current, 'credential_source', 'metadata-credential-source', 'info', { value: credentialSource }));
        }
        break;
      }
      chain.push({ profile: current, roleArn: value(data, 'role_arn') });
      if (has(data, 'mfa_serial')) {
        problems.push(problemAt(context, current, 'mfa_serial', 'mfa-required', 'info', {}));
      }
      const source = sourceProfile ?? '';
      if (visited.includes(source)) {
        problems.push(problemAt(context, name, 'source_profile', 'role-chain-cycle', 'error', { path: cyclePath([name, ...visited, source]) }));
        break;
      }
      visited.push(source);
      recursiveCredentialSource = isCredentialSourceWithoutRoleArn(context.data.get(source));
      previous = current;
      current = source;
      continue;
    }
    const kind = baseKind(data);
    chain.push({ profile: current, kind });
    if (kind === 'none') {
      problems.push(problemAt(context, previous ?? name, 'source_profile', 'source-profile-without-credentials', 'error', { source: current }));
    } else if (kind === 'sso' || kind === 'sso-legacy') {
      // A chain that starts from SSO fails when that sign-in has expired: say so on this profile.
      ssoDetails(current, context, problems, current);
    } else if (kind === 'login') {
      loginDetails(current, context, problems, current);
    }
    break;
  }
  return chain;
}

/** The walk up to the first profile that comes round again: `a → b → a`. */
function cyclePath(walk: readonly string[]): string {
  const end = walk.findIndex((profile, index) => walk.indexOf(profile) < index);
  return (end < 0 ? walk : walk.slice(0, end + 1)).join(' → ');
}

function ssoDetails(name: string, context: ClassifyContext, problems: Problem[], loginProfile: string): SsoDetails {
  const data = context.data.get(name);
  const sessionName = value(data, 'sso_session');
  let startUrl = value(data, 'sso_start_url');
  let ssoRegion = value(data, 'sso_region');
  const accountId = value(data, 'sso_account_id');
  const roleName = value(data, 'sso_role_name');
  let cacheKey: string | undefined;

  if (sessionName !== undefined) {
    const session = context.ssoSessions.get(sessionName);
    if (!session) {
      problems.push(problemAt(context, name, 'sso_session', 'sso-session-missing', 'error', { session: sessionName }));
    } else {
      const sessionUrl = value(session, 'sso_start_url');
      const sessionRegion = value(session, 'sso_region');
      if ((startUrl && sessionUrl && startUrl !== sessionUrl) || (ssoRegion && sessionRegion && ssoRegion !== sessionRegion)) {
        problems.push(problemAt(context, name, 'sso_session', 'sso-conflict', 'error', { session: sessionName }));
      }
      const missing = ['sso_start_url', 'sso_region'].filter((key) => !has(session, key));
      if (missing.length > 0) {
        problems.push(problemAt(context, name, 'sso_session', 'sso-session-incomplete', 'error', { session: sessionName, keys: missing.join(', ') }));
      }
      startUrl = sessionUrl ?? startUrl;
      ssoRegion = sessionRegion ?? ssoRegion;
      cacheKey = sessionName;
    }
    const missing = ['sso_account_id', 'sso_role_name'].filter((key) => !has(data, key));
    if (missing.length > 0) {
      problems.push(problemAt(context, name, undefined, 'sso-incomplete', 'error', { keys: missing.join(', ') }));
    }
  } else {
    const missing = ['sso_start_url', 'sso_account_id', 'sso_region', 'sso_role_name'].filter((key) => !has(data, key));
    if (missing.length > 0) {
      problems.push(problemAt(context, name, undefined, 'sso-incomplete', 'error', { keys: missing.join(', ') }));
    }
    cacheKey = startUrl;
  }

  const token: TokenState = cacheKey === undefined ? { state: 'missing' } : tokenState(context.tokens('sso', cacheKey), context.now);
  const refreshable = sessionName !== undefined;
  if (cacheKey !== undefined) {
    if (token.state === 'missing') {
      problems.push(problemAt(context, name, undefined, 'sso-token-missing', 'error', { loginProfile }));
    } else if (token.state === 'unreadable') {
      problems.push(problemAt(context, name, undefined, 'sso-token-unreadable', 'error', { loginProfile }));
    } else if (token.state === 'expired') {
      problems.push(
        problemAt(context, name, undefined, 'sso-token-expired', token.refreshable && refreshable ? 'warning' : 'error', {
          loginProfile,
          expiresAt: token.expiresAt,
        }),
      );
    }
  }
  return { sessionName, startUrl, ssoRegion, accountId, roleName, token };
}

function loginDetails(name: string, context: ClassifyContext, problems: Problem[], loginProfile: string): { name: string; token: TokenState } {
  const session = value(context.data.get(name), 'login_session') ?? '';
  const token = tokenState(context.tokens('login', session), context.now);
  if (token.state === 'missing' || token.state === 'unreadable') {
    problems.push(problemAt(context, name, 'login_session', 'login-token-missing', 'error', { loginProfile }));
  } else if (token.state === 'expired' && !token.refreshable) {
    problems.push(problemAt(context, name, 'login_session', 'login-token-expired', 'error', { loginProfile, expiresAt: token.expiresAt }));
  }
  return { name: session, token };
}

/** Token state at `now` from what the cache holds. */
export function tokenState(cached: CachedToken, now: Date): TokenState {
  if (cached.state !== 'found') return cached;
  const expires = cached.expiresAt ? Date.parse(cached.expiresAt) : Number.NaN;
  if (Number.isNaN(expires)) return { state: 'unreadable' };
  const expiresAt = new Date(expires).toISOString();
  if (expires > now.getTime()) return { state: 'valid', expiresAt };
  return { state: 'expired', expiresAt, refreshable: cached.refreshable };
}

/** `AKIA…WXYZ`: the key's class and its last four characters. */
export function accessKeyHint(accessKeyId: string): string {
  if (accessKeyId.length <= 8) return '…';
  return `${accessKeyId.slice(0, 4)}…${accessKeyId.slice(-4)}`;
}

/** The program of a command line, without its arguments. */
function processProgram(command: string): string {
  const trimmed = command.trim();
  const quoted = /^"([^"]*)"|^'([^']*)'/.exec(trimmed);
  if (quoted) return quoted[1] ?? quoted[2] ?? '';
  return trimmed.split(/\s+/)[0] ?? '';
}

function nonEmpty(text: string | undefined): string | undefined {
  return text === undefined || text.trim() === '' ? undefined : text.trim();
}

const ENDPOINT_VARIABLE = /^AWS_ENDPOINT_URL(?:_[A-Z0-9_]+)?$/;

function readEnvironment(env: Readonly<Record<string, string | undefined>>): EnvironmentState {
  const accessKeyId = nonEmpty(env.AWS_ACCESS_KEY_ID);
  const secret = nonEmpty(env.AWS_SECRET_ACCESS_KEY);
  const endpointOverrides: Record<string, string> = {};
  for (const [key, text] of Object.entries(env)) {
    if (ENDPOINT_VARIABLE.test(key) && nonEmpty(text)) endpointOverrides[key] = text!.trim();
  }
  return {
    credentials:
      accessKeyId && secret
        ? { kind: nonEmpty(env.AWS_SESSION_TOKEN) ? 'session' : 'static', accessKeyIdHint: accessKeyHint(accessKeyId) }
        : undefined,
    profile: nonEmpty(env.AWS_PROFILE),
    region: nonEmpty(env.AWS_REGION) ?? nonEmpty(env.AWS_DEFAULT_REGION),
    bedrockApiKey: nonEmpty(env.AWS_BEARER_TOKEN_BEDROCK) !== undefined,
    endpointOverrides,
  };
}

function environmentProblems(
  environment: EnvironmentState,
  env: Readonly<Record<string, string | undefined>>,
  profiles: Map<string, ProfileData>,
): Problem[] {
  const problems: Problem[] = [];
  if (environment.profile && !profiles.has(environment.profile)) {
    problems.push({ code: 'env-profile-missing', severity: 'error', params: { profile: environment.profile } });
  }
  if ((nonEmpty(env.AWS_ACCESS_KEY_ID) === undefined) !== (nonEmpty(env.AWS_SECRET_ACCESS_KEY) === undefined)) {
    problems.push({ code: 'env-keys-incomplete', severity: 'error', params: {} });
  }
  if (environment.credentials && environment.profile) {
    problems.push({ code: 'env-keys-shadow-profile', severity: 'warning', params: { profile: environment.profile } });
  }
  if (environment.bedrockApiKey) {
    problems.push({ code: 'bedrock-api-key-in-env', severity: 'info', params: {} });
  }
  return problems;
}

/**
 * Every profile's keys and values as the SDK's `parseKnownFiles` sees them. Holds secrets: for
 * parity tests against the SDK only, never for display.
 */
export function profileValues(configText: string | undefined, credentialsText: string | undefined): Record<string, Record<string, string>> {
  const problems: Problem[] = [];
  const config = configText === undefined ? undefined : parseAwsFile(configText, 'config', 'config');
  const credentials = credentialsText === undefined ? undefined : parseAwsFile(credentialsText, 'credentials', 'credentials');
  const { data } = assemble(config, credentials, problems);
  const result: Record<string, Record<string, string>> = {};
  for (const [name, entries] of data) {
    result[name] = Object.fromEntries([...entries].map(([key, entry]) => [key, entry.value]));
  }
  return result;
}

const SIGN_IN_PROBLEMS = new Set<ProblemCode>([
  'sso-token-missing',
  'sso-token-expired',
  'sso-token-unreadable',
  'login-token-missing',
  'login-token-expired',
]);

/**
 * What identifies a profile's definition, leaving out its sign-in state: a check result stays
 * valid while this is unchanged, even when the SDK refreshed the SSO token during the check.
 */
export function profileDefinitionKey(profile: AwsProfile): string {
  return JSON.stringify({
    ...profile,
    sso: profile.sso && { ...profile.sso, token: undefined },
    loginSession: profile.loginSession && { ...profile.loginSession, token: undefined },
    problems: profile.problems.filter((problem) => !SIGN_IN_PROBLEMS.has(problem.code)),
  });
}

/** True when the profile, or the start of its role chain, has a sign-in that is missing or expired. */
export function needsSignIn(profile: AwsProfile): boolean {
  return profile.problems.some((problem) => SIGN_IN_PROBLEMS.has(problem.code) && problem.severity === 'error');
}

/** Profiles whose credentials the extension may resolve: not settings-only, not from metadata services. */
export function isCheckable(profile: AwsProfile): boolean {
  return profile.kind !== 'none' && !usesMetadataService(profile);
}

/**
 * The kind of credentials a profile signs in with in the end: its own kind, or for a role the kind
 * of the profile its chain starts from (a role sourced from SSO signs in through SSO, one sourced
 * from static keys rests on them). A role from `credential_source`, or a broken chain, stays
 * `assume-role`. Policy credential rules judge this kind.
 */
export function credentialKind(profile: AwsProfile): ProfileKind {
  if (profile.kind !== 'assume-role') return profile.kind;
  const last = profile.chain?.[profile.chain.length - 1];
  return last?.kind !== undefined && last.kind !== 'none' && last.kind !== 'assume-role' ? last.kind : 'assume-role';
}

/** The profile whose `aws sso login` fixes this profile's sign-in: itself, or the start of its chain. */
export function ssoLoginProfile(profile: AwsProfile): string | undefined {
  if (profile.kind === 'sso' || profile.kind === 'sso-legacy') return profile.name;
  const last = profile.chain?.[profile.chain.length - 1];
  if (last && (last.kind === 'sso' || last.kind === 'sso-legacy')) return last.profile;
  return undefined;
}
