/**
 * The thin file reader under profile discovery: where the AWS shared files and token caches are
 * (resolved exactly as the SDK resolves them), and their contents. No AWS SDK import here, so the
 * extension can list profiles without loading the SDK.
 */

import { createHash } from 'node:crypto';
import { promises as fs, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { discoverProfiles, type CachedToken, type FileInput, type ProfileDiscovery } from '../../core/profiles/profiles';

export type Environment = Readonly<Record<string, string | undefined>>;

/** The home folder as the SDK finds it: HOME, USERPROFILE, HOMEDRIVE+HOMEPATH, then the OS. */
export function awsHomeDir(env: Environment): string {
  if (env.HOME) return env.HOME;
  if (env.USERPROFILE) return env.USERPROFILE;
  if (env.HOMEPATH) return `${env.HOMEDRIVE ?? 'C:\\'}${env.HOMEPATH}`;
  return homedir();
}

function expandHome(path: string, env: Environment): string {
  return path.startsWith('~/') ? join(awsHomeDir(env), path.slice(2)) : path;
}

export interface AwsFilePaths {
  readonly config: string;
  readonly credentials: string;
  readonly ssoCacheDir: string;
  readonly loginCacheDir: string;
}

/** Paths of the shared files and caches, honouring AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE. */
export function awsFilePaths(env: Environment): AwsFilePaths {
  const home = awsHomeDir(env);
  return {
    config: expandHome(env.AWS_CONFIG_FILE || join(home, '.aws', 'config'), env),
    credentials: expandHome(env.AWS_SHARED_CREDENTIALS_FILE || join(home, '.aws', 'credentials'), env),
    ssoCacheDir: join(home, '.aws', 'sso', 'cache'),
    loginCacheDir: env.AWS_LOGIN_CACHE_DIRECTORY || join(home, '.aws', 'login', 'cache'),
  };
}

async function readInput(path: string): Promise<FileInput> {
  try {
    return { path, text: await fs.readFile(path, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { path, error: 'missing' };
    return { path, error: 'unreadable', detail: code ?? String(error) };
  }
}

/** The SSO token cache file of an sso-session name or legacy start URL (SHA-1, as the SDK names it). */
export function ssoTokenPath(paths: AwsFilePaths, key: string): string {
  return join(paths.ssoCacheDir, `${createHash('sha1').update(key).digest('hex')}.json`);
}

/** The `aws login` token cache file of a login session (SHA-256 of its name). */
export function loginTokenPath(paths: AwsFilePaths, session: string): string {
  return join(paths.loginCacheDir, `${createHash('sha256').update(Buffer.from(session, 'utf8')).digest('hex')}.json`);
}

function readToken(path: string, cache: 'sso' | 'login'): CachedToken {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? { state: 'missing' } : { state: 'unreadable' };
  }
  try {
    const token = JSON.parse(text) as Record<string, unknown>;
    if (cache === 'sso') {
      return {
        state: 'found',
        expiresAt: typeof token.expiresAt === 'string' ? token.expiresAt : undefined,
        refreshable: typeof token.refreshToken === 'string' && typeof token.clientId === 'string' && typeof token.clientSecret === 'string',
      };
    }
    const accessToken = token.accessToken as Record<string, unknown> | undefined;
    return {
      state: 'found',
      expiresAt: typeof accessToken?.expiresAt === 'string' ? accessToken.expiresAt : undefined,
      refreshable: typeof token.refreshToken === 'string',
    };
  } catch {
    return { state: 'unreadable' };
  }
}

/** Reads the files and caches afresh and discovers every profile. Never throws for bad files. */
export async function loadProfiles(env: Environment = process.env, now: Date = new Date()): Promise<ProfileDiscovery> {
  const paths = awsFilePaths(env);
  const [config, credentials] = await Promise.all([readInput(paths.config), readInput(paths.credentials)]);
  const tokenReads = new Map<string, CachedToken>();
  return discoverProfiles({
    config,
    credentials,
    env,
    now,
    tokens: (cache, key) => {
      const path = cache === 'sso' ? ssoTokenPath(paths, key) : loginTokenPath(paths, key);
      let token = tokenReads.get(path);
      if (!token) {
        token = readToken(path, cache);
        tokenReads.set(path, token);
      }
      return token;
    },
  });
}
