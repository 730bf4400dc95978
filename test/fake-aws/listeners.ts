/**
 * Node transports in front of the pipeline. The main listener is HTTP/1.1; Bedrock Runtime's SDK
 * client speaks HTTP/2 by default and one Node 20 port cannot serve both, so runtime modules get
 * their own `http2.createServer` listener (started only when such a module is registered).
 */
import http from 'node:http';
import http2 from 'node:http2';
import type { AddressInfo } from 'node:net';
import { toFakeRequest, type FakeRequest, type FakeResponse } from './http';

/** Answers one request; undefined means the client is gone and nothing should be written. */
export type RequestHandler = (req: FakeRequest, signal: AbortSignal) => Promise<FakeResponse | undefined>;

export interface Listener {
  port: number;
  close(): Promise<void>;
}

/** Request bodies beyond this are refused: nothing the SDK sends these services comes close. */
const MAX_BODY_BYTES = 10 * 1024 * 1024;

type CompatRequest = http.IncomingMessage | http2.Http2ServerRequest;
type CompatResponse = http.ServerResponse | http2.Http2ServerResponse;

async function readBody(req: CompatRequest): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer | string>) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

function headersOf(req: CompatRequest): Record<string, string | string[] | undefined> {
  const headers: Record<string, string | string[] | undefined> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    // HTTP/2 pseudo-headers are not HTTP headers; SigV4 signed `host`, which HTTP/2 carries as :authority.
    if (name.startsWith(':')) continue;
    headers[name] = value;
  }
  const authority = req.headers[':authority'];
  if (headers.host === undefined && typeof authority === 'string') headers.host = authority;
  return headers;
}

function serve(handler: RequestHandler) {
  return (req: CompatRequest, res: CompatResponse): void => {
    const aborted = new AbortController();
    // 'close' before the answer is finished means the client gave up (e.g. its timeout fired).
    res.on('close', () => {
      if (!res.writableFinished) aborted.abort();
    });
    void (async () => {
      const body = await readBody(req);
      if (body === undefined) {
        res.writeHead(413, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ message: 'fake-aws: request body too large' }));
        return;
      }
      const fakeRequest = toFakeRequest(req.method ?? 'GET', req.url ?? '/', headersOf(req), body);
      const response = await handler(fakeRequest, aborted.signal);
      if (!response || aborted.signal.aborted) return;
      const payload = typeof response.body === 'string' ? Buffer.from(response.body) : response.body;
      res.writeHead(response.status, { ...response.headers, 'content-length': String(payload.byteLength) });
      res.end(payload);
    })().catch((error: unknown) => {
      console.error('fake-aws: listener failure:', error);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: 'fake-aws internal error' }));
    });
  };
}

function listen(server: http.Server | http2.Http2Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** HTTP/1.1 on host:port (port 0: a free one). */
export async function startHttp1Listener(handler: RequestHandler, host: string, port: number): Promise<Listener> {
  const server = http.createServer(serve(handler));
  // The SDK keeps connections alive; without dropping them, close() would wait for them to idle out.
  return listenerOf(server, await listen(server, host, port), () => server.closeAllConnections());
}

/** Cleartext HTTP/2 (h2c with prior knowledge, as the SDK's NodeHttp2Handler speaks to http:// endpoints). */
export async function startHttp2Listener(handler: RequestHandler, host: string, port: number): Promise<Listener> {
  const server = http2.createServer(serve(handler));
  const sessions = new Set<http2.ServerHttp2Session>();
  server.on('session', (session) => {
    sessions.add(session);
    session.on('close', () => sessions.delete(session));
  });
  return listenerOf(server, await listen(server, host, port), () => {
    for (const session of sessions) session.destroy();
  });
}

/** A listener whose close() stops accepting, drops the open connections, and waits for the server to end. */
function listenerOf(server: http.Server | http2.Http2Server, port: number, dropConnections: () => void): Listener {
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        dropConnections();
      }),
  };
}
