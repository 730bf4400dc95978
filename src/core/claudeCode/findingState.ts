/**
 * The states of a Claude Code finding and the worst of several: a tiny module of its own, so the
 * Setup view's eager bundle can judge findings without the support table of installVerdict.ts.
 */

export type FindingState = 'ok' | 'info' | 'warning' | 'error' | 'not-verified';

const ORDER: readonly FindingState[] = ['ok', 'info', 'not-verified', 'warning', 'error'];

/** The worst state among findings (`ok` when there are none). */
export function worstState(findings: readonly { readonly state: FindingState }[]): FindingState {
  return findings.reduce<FindingState>((worst, finding) => (ORDER.indexOf(finding.state) > ORDER.indexOf(worst) ? finding.state : worst), 'ok');
}
