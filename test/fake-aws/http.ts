/**
 * Transport-neutral request and response shapes. The HTTP/1.1 listener and the (future) HTTP/2
 * listener for Bedrock Runtime both turn what they receive into a FakeRequest, so the pipeline,
 * the SigV4 check and every service module never see a Node stream.
 */
export interface FakeRequest {
  method: string;
  /** Path exactly as received, still percent-encoded: SigV4 canonicalises the raw path. */
  path: string;
  /** Decoded query parameters; a repeated name keeps every value in order. */
  query: Record<string, string | string[]>;
  /** Lower-case header names. */
  headers: Record<string, string>;
  body: Buffer;
}

export interface FakeResponse {
  status: number;
  headers: Record<string, string>;
  body: string | Uint8Array;
  /** The AWS error code this response carries, for the request log. */
  errorCode?: string;
  /**
   * How the transport delivers it (fault modes): `hang` writes nothing and keeps the connection
   * open until the client leaves; `reset` sends the headers and half the body, then destroys the
   * connection. Absent: the whole answer.
   */
  delivery?: 'hang' | 'reset';
}

/** Builds a FakeRequest from the parts every Node HTTP flavour exposes. */
export function toFakeRequest(
  method: string,
  url: string,
  rawHeaders: Record<string, string | string[] | undefined>,
  body: Buffer,
): FakeRequest {
  const queryStart = url.indexOf('?');
  const path = queryStart === -1 ? url : url.slice(0, queryStart);
  const query: Record<string, string | string[]> = {};
  if (queryStart !== -1) {
    for (const [name, value] of new URLSearchParams(url.slice(queryStart + 1))) {
      const existing = query[name];
      if (existing === undefined) query[name] = value;
      else query[name] = Array.isArray(existing) ? [...existing, value] : [existing, value];
    }
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(rawHeaders)) {
    if (value === undefined) continue;
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
  }
  return { method: method.toUpperCase(), path: path || '/', query, headers, body };
}

/** The first value of a query parameter. */
export function queryValue(req: FakeRequest, name: string): string | undefined {
  const value = req.query[name];
  return Array.isArray(value) ? value[0] : value;
}

export function jsonResponse(status: number, value: unknown, headers: Record<string, string> = {}): FakeResponse {
  return {
    status,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(value),
  };
}

/** Parses a JSON request body; undefined when the body is not a JSON object. */
export function jsonBody(req: FakeRequest): Record<string, unknown> | undefined {
  if (req.body.length === 0) return {};
  try {
    const value: unknown = JSON.parse(req.body.toString('utf8'));
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
