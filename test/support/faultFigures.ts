/**
 * The figures of the fault suites (issue 12): how many fault runs passed, per suite, and how many
 * secrets leaked into any output of any run, both suites together. Each suite counts here; one
 * root hook prints the line at the end of the mocha run (`faults N/N …, secret leaks 0`).
 */
import type { FakeAws } from '../fake-aws';
import { SECRETS } from '../cli/runCli';

interface SuiteFigures {
  total: number;
  passed: number;
}

const suites = new Map<string, SuiteFigures>();
let outputs = 0;
let leaks = 0;

/** A fault run of a suite starts: counted in the total. */
export function faultRunStarted(suite: string): void {
  const figures = suites.get(suite) ?? { total: 0, passed: 0 };
  figures.total += 1;
  suites.set(suite, figures);
}

/** A fault run of a suite held every assertion. */
export function faultRunPassed(suite: string): void {
  const figures = suites.get(suite);
  if (figures) figures.passed += 1;
}

/**
 * Every secret a fake knows, for scanning outputs: the scenario's keys and the keys it issued (role
 * and SSO credentials), session tokens, SSO access and refresh tokens, OIDC client secrets, and the
 * fixed test secrets of the CLI tests.
 */
export function secretsOf(fakes: readonly FakeAws[]): string[] {
  const found = new Set<string>(SECRETS);
  for (const { state } of fakes) {
    for (const key of state.accessKeys) {
      found.add(key.secretAccessKey);
      if (key.sessionToken) found.add(key.sessionToken);
    }
    for (const token of state.sso.accessTokens) found.add(token.token);
    for (const token of state.sso.refreshTokens) found.add(token.token);
    for (const client of state.sso.clients) found.add(client.clientSecret);
    if (state.demoHome) found.add(state.demoHome.sso.deadRefreshToken);
  }
  return [...found].filter((secret) => secret.length >= 8);
}

/** The secrets found in one output; each counts as a leak in the figures. */
export function leakedSecrets(output: string, secrets: readonly string[]): string[] {
  outputs += 1;
  const found = secrets.filter((secret) => output.includes(secret));
  leaks += found.length;
  return found;
}

after(() => {
  if (suites.size === 0) return;
  const total = [...suites.values()].reduce((sum, figures) => ({ total: sum.total + figures.total, passed: sum.passed + figures.passed }), { total: 0, passed: 0 });
  const parts = [...suites.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([suite, figures]) => `${suite} ${figures.passed}/${figures.total}`).join(', ');
  // The suites' figures, for the log.
  console.log(`      faults ${total.passed}/${total.total} (${parts}), secret leaks ${leaks} in ${outputs} outputs`);
});
