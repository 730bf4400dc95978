/**
 * Node transports in front of the pipeline. The main listener is HTTP/1.1. Bedrock Runtime's SDK
 * client speaks HTTP/2 (h2c with prior knowledge) by default, while Claude Code, pointed at the same
 * runtime URL by ANTHROPIC_BEDROCK_BASE_URL, speaks HTTP/1.1; Node's `allowHTTP1` only works with
 * TLS (ALPN), so the runtime listener reads the first bytes of each connection and hands the socket
 * to an HTTP/2 or an HTTP/1.1 server (started only when a runtime module is registered).
 */
import http from 'node:http';
import http2 from 'node:http2';
import net, { type AddressInfo } from 'node:net';
import { Duplex } from 'node:stream';
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

/** Drops the connection under a half-sent answer, as a crashing proxy or a network fault does. */
function resetConnection(res: CompatResponse): void {
  if (res instanceof http.ServerResponse) res.socket?.destroy();
  // HTTP/2: the stream is reset (RST_STREAM INTERNAL_ERROR), as a gateway that fails mid-answer does.
  else res.stream.close(http2.constants.NGHTTP2_INTERNAL_ERROR);
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
      // A hung answer: nothing is written; the client's timeout or stop() ends the connection.
      if (response.delivery === 'hang') return;
      const payload = typeof response.body === 'string' ? Buffer.from(response.body) : response.body;
      res.writeHead(response.status, { ...response.headers, 'content-length': String(payload.byteLength) });
      if (response.delivery === 'reset') {
        const half = payload.subarray(0, Math.floor(payload.byteLength / 2));
        (res as http.ServerResponse).write(half, () => resetConnection(res));
        return;
      }
      res.end(payload);
    })().catch((error: unknown) => {
      console.error('fake-aws: listener failure:', error);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: 'fake-aws internal error' }));
    });
  };
}

function listen(server: net.Server, host: string, port: number): Promise<number> {
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

/** The connection preface every HTTP/2 client with prior knowledge sends first (RFC 9113 §3.4). */
const H2_PREFACE = Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n', 'latin1');

/** Whether the bytes received so far are (a prefix of) the HTTP/2 preface. */
function looksLikeH2(received: Buffer): boolean {
  const length = Math.min(received.length, H2_PREFACE.length);
  return received.subarray(0, length).equals(H2_PREFACE.subarray(0, length));
}

/** A duplex over `socket` whose readable side starts with `head`, the bytes already read from it. */
function replaying(socket: net.Socket, head: Buffer): Duplex {
  const duplex = new Duplex({
    read: () => {
      socket.resume();
    },
    write: (chunk: Buffer, _encoding, callback) => {
      socket.write(chunk, callback);
    },
    final: (callback) => {
      socket.end(callback);
    },
    destroy: (error, callback) => {
      socket.destroy(error ?? undefined);
      callback(error);
    },
  });
  duplex.push(head);
  socket.on('data', (chunk: Buffer) => {
    if (!duplex.push(chunk)) socket.pause();
  });
  socket.on('end', () => duplex.push(null));
  socket.on('close', () => duplex.destroy());
  return duplex;
}

/**
 * Cleartext HTTP/2 (h2c with prior knowledge, as the SDK's NodeHttp2Handler speaks to http://
 * endpoints) and HTTP/1.1 (Claude Code, the SDK's NodeHttpHandler) on one port: the first bytes of
 * a connection decide which server gets the socket, with those bytes put back in front.
 */
export async function startHttp2Listener(handler: RequestHandler, host: string, port: number): Promise<Listener> {
  const h2 = http2.createServer(serve(handler));
  const h1 = http.createServer(serve(handler));
  const sessions = new Set<http2.ServerHttp2Session>();
  h2.on('session', (session) => {
    sessions.add(session);
    session.on('close', () => sessions.delete(session));
  });
  const sockets = new Set<net.Socket>();
  const front = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    let received = Buffer.alloc(0);
    const onData = (chunk: Buffer): void => {
      received = Buffer.concat([received, chunk]);
      // Decide as soon as the bytes tell: the full preface, or a byte that differs from it.
      if (received.length < H2_PREFACE.length && looksLikeH2(received)) return;
      socket.off('data', onData);
      socket.pause();
      if (looksLikeH2(received)) {
        // Node 20's HTTP/2 session reads the socket's native handle and would miss bytes already
        // read: it gets a stream that replays them first (wrapped by Node in a JSStreamSocket).
        h2.emit('connection', replaying(socket, received));
      } else {
        // The HTTP/1.1 server reads through the socket's 'data' events, which deliver unshifted bytes first.
        socket.unshift(received);
        h1.emit('connection', socket);
        socket.resume();
      }
    };
    socket.on('data', onData);
    socket.on('error', () => socket.destroy());
  });
  return listenerOf(front, await listen(front, host, port), () => {
    for (const session of sessions) session.destroy();
    h1.closeAllConnections();
    for (const socket of sockets) socket.destroy();
  });
}

/** A listener whose close() stops accepting, drops the open connections, and waits for the server to end. */
function listenerOf(server: net.Server, port: number, dropConnections: () => void): Listener {
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        dropConnections();
      }),
  };
}
