/**
 * CloudWatch metric math, as much as fake-aws needs to check and evaluate what it receives: numbers,
 * query ids, + - * /, parentheses, unary minus, and the functions FILL(series, value) and
 * ABS(series). Anything else is a syntax error or an unrecognised function, which the service
 * rejects as CloudWatch does (the wording is fake-aws's own, not verified against AWS).
 *
 * Semantics (CloudWatch's documented ones): an operation between two series keeps the timestamps
 * both have; between a series and a number it applies to every point; FILL gives the series a value
 * at every period of the query's range; a division by zero leaves the point out.
 */

export type MathNode =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'id'; readonly name: string }
  | { readonly kind: 'negate'; readonly operand: MathNode }
  | { readonly kind: 'binary'; readonly operator: '+' | '-' | '*' | '/'; readonly left: MathNode; readonly right: MathNode }
  | { readonly kind: 'call'; readonly name: string; readonly args: readonly MathNode[] };

/** The functions fake-aws evaluates, with their argument counts. */
export const MATH_FUNCTIONS: Readonly<Record<string, number>> = { FILL: 2, ABS: 1 };

export class MathError extends Error {}

type Token = { readonly kind: 'number'; readonly value: number } | { readonly kind: 'name'; readonly value: string } | { readonly kind: 'symbol'; readonly value: string };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /\s*(?:(\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)|([A-Za-z_][A-Za-z0-9_]*)|([-+*/(),]))/y;
  let index = 0;
  while (index < text.length) {
    if (/^\s*$/.test(text.slice(index))) break;
    pattern.lastIndex = index;
    const match = pattern.exec(text);
    if (match === null) throw new MathError(`Syntax error at position ${index + 1}: unexpected "${text.slice(index).trim()[0]}".`);
    if (match[1] !== undefined) tokens.push({ kind: 'number', value: Number(match[1]) });
    else if (match[2] !== undefined) tokens.push({ kind: 'name', value: match[2] });
    else tokens.push({ kind: 'symbol', value: match[3]! });
    index = pattern.lastIndex;
  }
  return tokens;
}

/** Parses an expression; throws MathError for bad syntax, unknown functions and wrong argument counts. */
export function parseExpression(text: string): MathNode {
  if (text.trim() === '') throw new MathError('The expression is empty.');
  const tokens = tokenize(text);
  let position = 0;
  const peek = () => tokens[position];
  const take = (symbol: string): boolean => {
    const token = peek();
    if (token?.kind === 'symbol' && token.value === symbol) {
      position += 1;
      return true;
    }
    return false;
  };
  const expression = (): MathNode => {
    let node = term();
    for (;;) {
      if (take('+')) node = { kind: 'binary', operator: '+', left: node, right: term() };
      else if (take('-')) node = { kind: 'binary', operator: '-', left: node, right: term() };
      else return node;
    }
  };
  const term = (): MathNode => {
    let node = unary();
    for (;;) {
      if (take('*')) node = { kind: 'binary', operator: '*', left: node, right: unary() };
      else if (take('/')) node = { kind: 'binary', operator: '/', left: node, right: unary() };
      else return node;
    }
  };
  const unary = (): MathNode => (take('-') ? { kind: 'negate', operand: unary() } : primary());
  const primary = (): MathNode => {
    const token = peek();
    if (token === undefined) throw new MathError('Syntax error: the expression ends too early.');
    position += 1;
    if (token.kind === 'number') return { kind: 'number', value: token.value };
    if (token.kind === 'symbol') {
      if (token.value !== '(') throw new MathError(`Syntax error: unexpected "${token.value}".`);
      const inner = expression();
      if (!take(')')) throw new MathError('Syntax error: missing ")".');
      return inner;
    }
    if (!take('(')) return { kind: 'id', name: token.value };
    const name = token.value.toUpperCase();
    const arity = MATH_FUNCTIONS[name];
    if (arity === undefined) throw new MathError(`Unrecognized function: ${token.value}.`);
    const args: MathNode[] = [];
    if (!take(')')) {
      do args.push(expression());
      while (take(','));
      if (!take(')')) throw new MathError(`Syntax error: missing ")" after the arguments of ${name}.`);
    }
    if (args.length !== arity) throw new MathError(`${name} takes ${arity} argument(s), not ${args.length}.`);
    return { kind: 'call', name, args };
  };
  const node = expression();
  if (position < tokens.length) throw new MathError(`Syntax error: unexpected "${String(tokens[position]!.value)}".`);
  return node;
}

/** The ids an expression reads, each once. */
export function expressionIds(node: MathNode, found = new Set<string>()): Set<string> {
  if (node.kind === 'id') found.add(node.name);
  else if (node.kind === 'negate') expressionIds(node.operand, found);
  else if (node.kind === 'binary') {
    expressionIds(node.left, found);
    expressionIds(node.right, found);
  } else if (node.kind === 'call') node.args.forEach((arg) => expressionIds(arg, found));
  return found;
}

/** A time series: timestamp (epoch ms, a period start) → value, ascending. */
export type Series = Map<number, number>;
export type MathValue = number | Series;

export interface MathContext {
  /** The value of an id (a query's series, or another expression's result). */
  resolve(name: string): MathValue;
  /** Every period start of the query's range, ascending (where FILL puts values). */
  readonly grid: readonly number[];
}

function combine(left: MathValue, right: MathValue, apply: (a: number, b: number) => number | undefined): MathValue {
  if (typeof left === 'number' && typeof right === 'number') return apply(left, right) ?? Number.NaN;
  const result: Series = new Map();
  if (typeof left === 'number' || typeof right === 'number') {
    const series = (typeof left === 'number' ? right : left) as Series;
    for (const [time, value] of series) {
      const out = typeof left === 'number' ? apply(left, value) : apply(value, right as number);
      if (out !== undefined && Number.isFinite(out)) result.set(time, out);
    }
    return result;
  }
  for (const [time, value] of left) {
    const other = right.get(time);
    if (other === undefined) continue;
    const out = apply(value, other);
    if (out !== undefined && Number.isFinite(out)) result.set(time, out);
  }
  return result;
}

const OPERATIONS: Readonly<Record<'+' | '-' | '*' | '/', (a: number, b: number) => number | undefined>> = {
  '+': (a, b) => a + b,
  '-': (a, b) => a - b,
  '*': (a, b) => a * b,
  '/': (a, b) => (b === 0 ? undefined : a / b),
};

export function evaluate(node: MathNode, context: MathContext): MathValue {
  switch (node.kind) {
    case 'number':
      return node.value;
    case 'id':
      return context.resolve(node.name);
    case 'negate':
      return combine(-1, evaluate(node.operand, context), (a, b) => a * b);
    case 'binary':
      return combine(evaluate(node.left, context), evaluate(node.right, context), OPERATIONS[node.operator]);
    case 'call': {
      const [first, second] = node.args.map((arg) => evaluate(arg, context));
      if (node.name === 'ABS') return combine(first!, 0, (a) => Math.abs(a));
      // FILL(series, value): a value at every period of the range.
      if (typeof first === 'number') throw new MathError('FILL takes a time series as its first argument.');
      if (typeof second !== 'number') throw new MathError('FILL takes a number as its second argument.');
      const filled: Series = new Map();
      for (const time of context.grid) filled.set(time, first!.get(time) ?? second);
      return filled;
    }
  }
}
