/**
 * Dotted version numbers in numeric order (`4.10` after `4.9`, `2.1.100` after `2.1.99`): the model
 * table's model versions and Claude Code's release numbers both sort by it.
 */

/** Orders versions numerically (`4.10` after `4.9`); negative when `a` is older. An empty version is oldest. */
export function compareVersions(a: string, b: string): number {
  const left = a === '' ? [] : a.split('.').map(Number);
  const right = b === '' ? [] : b.split('.').map(Number);
  if (left.length === 0 || right.length === 0) return left.length - right.length;
  for (let index = 0; index < Math.max(left.length, right.length); index += 1) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}
