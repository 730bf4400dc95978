/**
 * Enough of gitignore's pattern rules to tell whether one path is ignored by one `.gitignore`
 * text: comments, negation, anchoring, directory-only patterns, `*`, `?`, `**` and classes.
 * Used only when git itself cannot be asked (the folder is not a repository).
 */

function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let index = 0; index < glob.length; index++) {
    const char = glob[index]!;
    if (char === '*') {
      if (glob[index + 1] === '*') {
        const slashAfter = glob[index + 2] === '/';
        source += slashAfter ? '(?:.*/)?' : '.*';
        index += slashAfter ? 2 : 1;
      } else {
        source += '[^/]*';
      }
    } else if (char === '?') {
      source += '[^/]';
    } else if (char === '[') {
      const close = glob.indexOf(']', index + 1);
      if (close < 0) source += '\\[';
      else {
        source += `[${glob.slice(index + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        index = close;
      }
    } else if (char === '\\' && index + 1 < glob.length) {
      source += `\\${glob[++index]}`;
    } else {
      source += char.replace(/[.+^${}()|\]\\/]/g, (special) => `\\${special}`);
    }
  }
  return new RegExp(`^${source}$`);
}

interface Rule {
  readonly negate: boolean;
  readonly directoryOnly: boolean;
  readonly pattern: RegExp;
  readonly anchored: boolean;
}

function rulesOf(text: string): Rule[] {
  const rules: Rule[] = [];
  for (const raw of text.split(/\r?\n/)) {
    let line = raw.replace(/(?<!\\)\s+$/, '');
    if (line === '' || line.startsWith('#')) continue;
    const negate = line.startsWith('!');
    if (negate) line = line.slice(1);
    if (line.startsWith('\\#') || line.startsWith('\\!')) line = line.slice(1);
    const directoryOnly = line.endsWith('/');
    if (directoryOnly) line = line.slice(0, -1);
    const anchored = line.includes('/');
    if (line.startsWith('/')) line = line.slice(1);
    if (line === '') continue;
    rules.push({ negate, directoryOnly, anchored, pattern: globToRegExp(line) });
  }
  return rules;
}

function matches(rule: Rule, relativePath: string, isDirectory: boolean): boolean {
  if (rule.directoryOnly && !isDirectory) return false;
  if (rule.anchored) return rule.pattern.test(relativePath);
  return rule.pattern.test(relativePath.slice(relativePath.lastIndexOf('/') + 1));
}

function ignoredBy(rules: readonly Rule[], relativePath: string, isDirectory: boolean): boolean {
  let ignored = false;
  for (const rule of rules) if (matches(rule, relativePath, isDirectory)) ignored = !rule.negate;
  return ignored;
}

/** True when the `.gitignore` text ignores the file at `relativePath` (relative to that file, `/`-separated). */
export function gitignoreCovers(text: string, relativePath: string): boolean {
  const rules = rulesOf(text);
  const parts = relativePath.split('/');
  // A file inside an ignored directory cannot be re-included.
  for (let depth = 1; depth < parts.length; depth++) {
    if (ignoredBy(rules, parts.slice(0, depth).join('/'), true)) return true;
  }
  return ignoredBy(rules, relativePath, false);
}
