// The project's home is the public git repository it is released from. No URL is written into
// package.json by hand: the packaging scripts take it from CLAUDE_BEDROCK_REPOSITORY_URL, else from
// the `origin` remote when that is a web-hosted repository, and derive `repository`, `bugs` (its
// issues) and `homepage` (its README) from it. Without one, `home` is undefined and the caller says so.
import { execFileSync } from 'node:child_process';

/** https://host/owner/repo for an https or scp-style (git@host:owner/repo.git) remote, else undefined. */
export function webUrlOf(remote) {
  const text = remote.trim();
  const https = /^https:\/\/(?:[^@/]+@)?([^/]+)\/([^/]+)\/([^/]+?)(?:\.git)?\/?$/.exec(text);
  const scp = /^(?:ssh:\/\/)?git@([^:/]+)[:/]([^/]+)\/([^/]+?)(?:\.git)?\/?$/.exec(text);
  const match = https ?? scp;
  return match ? `https://${match[1]}/${match[2]}/${match[3]}` : undefined;
}

/** { url, source } of the project's home, or undefined when there is none to name. */
export function projectHome(cwd) {
  const fromEnv = process.env.CLAUDE_BEDROCK_REPOSITORY_URL;
  if (fromEnv) {
    const url = webUrlOf(fromEnv);
    if (!url) throw new Error(`CLAUDE_BEDROCK_REPOSITORY_URL=${fromEnv} is not a repository URL such as https://github.com/owner/repo.`);
    return { url, source: 'CLAUDE_BEDROCK_REPOSITORY_URL' };
  }
  let remote;
  try {
    remote = execFileSync('git', ['remote', 'get-url', 'origin'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return undefined;
  }
  const url = webUrlOf(remote);
  return url ? { url, source: 'git remote origin' } : undefined;
}

/** The manifest fields that name the home. */
export function homeFields(home) {
  return {
    repository: { type: 'git', url: `${home.url}.git` },
    bugs: { url: `${home.url}/issues` },
    homepage: `${home.url}#readme`,
  };
}
