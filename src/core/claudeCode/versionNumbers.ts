/**
 * Claude Code's version numbers: read from what `claude --version` prints ("2.1.332 (Claude Code)")
 * or from a package manifest, and compared numerically (2.1.100 is newer than 2.1.99).
 */

import { compareVersions as compareDottedVersions } from '../text/versionOrder';

/** `major.minor.patch`, as Claude Code numbers its releases. */
const VERSION = /^(\d{1,4})\.(\d{1,4})\.(\d{1,6})$/;

/** The version at the start of `claude --version`'s output; undefined for anything else (garbage, an error text). */
export function versionFromOutput(output: string): string | undefined {
  const first = output.trim().split(/\r?\n/, 1)[0] ?? '';
  // "2.1.332 (Claude Code)" today; older builds printed the bare number.
  const match = /^v?(\d{1,4}\.\d{1,4}\.\d{1,6})(?:\s+\(Claude Code\))?$/.exec(first.trim());
  return match?.[1];
}

/** True for a plain `major.minor.patch` (what a manifest's `version` holds for a release). */
export function isVersion(value: unknown): value is string {
  return typeof value === 'string' && VERSION.test(value);
}

/** Negative when `a` is older than `b`, 0 when equal, positive when newer; throws for anything but `major.minor.patch`. */
export function compareVersions(a: string, b: string): number {
  if (!isVersion(a)) throw new Error(`not a version: ${a}`);
  if (!isVersion(b)) throw new Error(`not a version: ${b}`);
  return compareDottedVersions(a, b);
}

/** True when `version` is `minimum` or newer. */
export function atLeast(version: string, minimum: string): boolean {
  return compareVersions(version, minimum) >= 0;
}
