/**
 * Injected faults: latency, a given error, or the service's own throttle, for the next N calls
 * of one operation. A fault replaces the real answer before authentication, so it behaves the
 * same whoever signs the request.
 */
export interface InjectedError {
  status: number;
  code: string;
  message: string;
}

export interface FaultRule {
  /** Module name ('sts', 'sso', 'sso-oidc', …); absent: any service with this operation. */
  service?: string;
  /** Operation name as AWS spells it ('GetCallerIdentity', 'GetRoleCredentials', …). */
  operation: string;
  latencyMs?: number;
  error?: InjectedError;
  /** Answer with the service's own throttling error. */
  throttle?: true;
  /** How many matching requests the rule affects; absent: all of them. */
  times?: number;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Checks a rule from a test or from the control API; throws TypeError with the reason. */
export function validateFaultRule(value: unknown): FaultRule {
  if (!isObject(value)) throw new TypeError('fault rule must be a JSON object');
  const { service, operation, latencyMs, error, throttle, times } = value;
  if (typeof operation !== 'string' || operation === '') throw new TypeError('operation must be a non-empty string');
  if (service !== undefined && typeof service !== 'string') throw new TypeError('service must be a string');
  if (latencyMs !== undefined && (typeof latencyMs !== 'number' || !Number.isFinite(latencyMs) || latencyMs < 0)) {
    throw new TypeError('latencyMs must be a non-negative number');
  }
  if (times !== undefined && (typeof times !== 'number' || !Number.isInteger(times) || times < 1)) {
    throw new TypeError('times must be a positive integer');
  }
  if (throttle !== undefined && throttle !== true) throw new TypeError('throttle must be true when present');
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
  if (injected && throttle) throw new TypeError('use either error or throttle, not both');
  if (latencyMs === undefined && !injected && !throttle) {
    throw new TypeError('a fault needs latencyMs, error or throttle');
  }
  return {
    ...(service !== undefined && { service }),
    operation,
    ...(latencyMs !== undefined && { latencyMs }),
    ...(injected && { error: injected }),
    ...(throttle && { throttle }),
    ...(times !== undefined && { times }),
  };
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
        remaining > 0 && rule.operation === operation && (rule.service === undefined || rule.service === service),
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
