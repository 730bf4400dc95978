/**
 * Names shared by the in-host suite and its launchers. No `vscode` import: the launchers (plain
 * Node) import this too.
 */

export const EXTENSION_ID = 'claude-bedrock-setup.claude-bedrock-setup';

/** Environment variables the launchers set for VS Code; the extension host inherits them. */
export const SUITE_ENV = {
  /** Where the companion writes its results (JSON). Unset: the companion does nothing. */
  results: 'CBS_SUITE_RESULTS',
  /** http://127.0.0.1:PORT of the fake AWS (its /__fake/ control API). */
  fakeAws: 'CBS_SUITE_FAKE_AWS',
  /** Comma-separated profile names of the demo HOME (written by writeDemoHome). */
  profiles: 'CBS_SUITE_PROFILES',
  /** The fake AWS scenario the demo HOME was written for (e.g. "basic"). */
  scenario: 'CBS_SUITE_SCENARIO',
  /** Only these test files (comma-separated substrings of their paths); unset: all. */
  grep: 'CBS_SUITE_GREP',
} as const;
