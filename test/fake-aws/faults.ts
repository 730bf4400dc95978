/**
 * Injected faults for the next N calls of one operation: latency, a given error, the service's own
 * throttle, or one of the named fault modes (`fault`) a gateway, a proxy or an expiring session
 * produces. A fault replaces the real answer before authentication, so it behaves the same
 * whoever signs the request (`reset` excepted: it cuts the real answer short).
 */
export interface InjectedError {
  status: number;
  code: string;
  message: string;
}

/**
 * The named fault modes (README: "Fault modes"):
 * - `throttle`: the service's own throttling error (as `throttle: true`).
 * - `json-500` / `json-503`: the service's own 5xx error in its protocol's shape (JSON; STS: its XML).
 * - `html-500` / `html-503`: a proxy's or gateway's HTML error page (`text/html`).
 * - `hang`: the request is read and never answered; the connection stays open until the client leaves.
 * - `malformed`: status 200 with a body that is not valid JSON (XML for STS) for the protocol.
 * - `reset`: the real answer's headers and half its body, then the connection is destroyed.
 * - `expired-credentials`: the protocol's answer to an expired session token (403 ExpiredTokenException,
 *   STS: ExpiredToken), whatever the credentials; with `times` the credentials "expire" between calls.
 */
export const FAULT_KINDS = [
  'throttle',
  'json-500',
  'json-503',
  'html-500',
  'html-503',
  'hang',
  'malformed',
  'reset',
  'expired-credentials',
] as const;

export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultRule {
  /** Module name ('sts', 'sso', 'sso-oidc', 'bedrock', 'bedrock-runtime', 'servicequotas', 'cloudwatch', 'logs', 'ce', 'budgets', 'sns'); absent: any service with this operation. */
  service?: string;
  /** Operation name as AWS spells it ('GetCallerIdentity', 'Converse', …); '*': every operation. */
  operation: string;
  latencyMs?: number;
  error?: InjectedError;
  /** Answer with the service's own throttling error (the same as `fault: 'throttle'`). */
  throttle?: true;
  /** One of FAULT_KINDS. */
  fault?: FaultKind;
  /** How many matching requests the rule affects; absent: all of them. */
  times?: number;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isFaultKind(value: unknown): value is FaultKind {
  return typeof value === 'string' && (FAULT_KINDS as readonly string[]).includes(value);
}

/** Checks a rule from a test or from the control API; throws TypeError with the reason. */
export function validateFaultRule(value: unknown): FaultRule {
  if (!isObject(value)) throw new TypeError('fault rule must be a JSON object');
  const { service, operation, latencyMs, error, throttle, fault, times } = value;
  const known = new Set(['service', 'operation', 'latencyMs', 'error', 'throttle', 'fault', 'times']);
  const unknown = Object.keys(value).filter((key) => !known.has(key));
  if (unknown.length > 0) throw new TypeError(`unknown field(s) in fault rule: ${unknown.join(', ')}`);
  if (typeof operation !== 'string' || operation === '') throw new TypeError('operation must be a non-empty string');
  if (service !== undefined && typeof service !== 'string') throw new TypeError('service must be a string');
  if (latencyMs !== undefined && (typeof latencyMs !== 'number' || !Number.isFinite(latencyMs) || latencyMs < 0)) {
    throw new TypeError('latencyMs must be a non-negative number');
  }
  if (times !== undefined && (typeof times !== 'number' || !Number.isInteger(times) || times < 1)) {
    throw new TypeError('times must be a positive integer');
  }
  if (throttle !== undefined && throttle !== true) throw new TypeError('throttle must be true when present');
  if (fault !== undefined && !isFaultKind(fault)) throw new TypeError(`fault must be one of ${FAULT_KINDS.join(', ')}`);
  let injected: InjectedError | undefined;
  if (error !== undefined) {
    if (
      !isObject(error) ||
      typeof error.status !== 'number' ||
      !Number.isInteger(error.status) ||
      error.status < 400 ||
      error.status > 599 ||
      typeof error.code !== 'string' ||
      typeof error.message !== 'string'
    ) {
      throw new TypeError('error must be { status: 400..599, code: string, message: string }');
    }
    injected = { status: error.status, code: error.code, message: error.message };
  }
  if ([injected, throttle, fault].filter((part) => part !== undefined).length > 1) {
    throw new TypeError('use one of error, throttle or fault, not several');
  }
  if (latencyMs === undefined && !injected && !throttle && fault === undefined) {
    throw new TypeError('a fault needs latencyMs, error, throttle or fault');
  }
  return {
    ...(service !== undefined && { service }),
    operation,
    ...(latencyMs !== undefined && { latencyMs }),
    ...(injected && { error: injected }),
    ...(throttle && { throttle }),
    ...(fault !== undefined && { fault }),
    ...(times !== undefined && { times }),
  };
}

/** The fault mode a rule asks for, `throttle: true` included; undefined for latency or `error` only. */
export function faultKindOf(rule: FaultRule): FaultKind | undefined {
  return rule.fault ?? (rule.throttle ? 'throttle' : undefined);
}

export class FaultBook {
  private rules: { rule: FaultRule; remaining: number }[] = [];

  add(rule: FaultRule): void {
    const checked = validateFaultRule(rule);
    this.rules.push({ rule: checked, remaining: checked.times ?? Number.POSITIVE_INFINITY });
  }

  clear(): void {
    this.rules = [];
  }

  list(): FaultRule[] {
    return this.rules.map(({ rule }) => structuredClone(rule));
  }

  /** The first rule matching this call, counting it against the rule's `times`. */
  take(service: string, operation: string): FaultRule | undefined {
    const entry = this.rules.find(
      ({ rule, remaining }) =>
        remaining > 0 && (rule.operation === operation || rule.operation === '*') && (rule.service === undefined || rule.service === service),
    );
    if (!entry) return undefined;
    entry.remaining -= 1;
    if (entry.remaining <= 0) this.rules = this.rules.filter((candidate) => candidate !== entry);
    return entry.rule;
  }
}

/** Waits, unless the client goes away first: then the timer is cleared and false returned. */
export function delay(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
