/** Quotes an argument for a POSIX shell, leaving plain words as they are so commands stay readable. */
export function shellQuote(argument: string): string {
  if (/^[\w@%+=:,./-]+$/.test(argument)) return argument;
  return `'${argument.replace(/'/g, `'\\''`)}'`;
}
