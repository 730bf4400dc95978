/**
 * An HTTP(S) proxy on 127.0.0.1 that forwards to loopback only: what claude gets as HTTP_PROXY and
 * HTTPS_PROXY in the interop test. Some Claude Code versions send requests through the proxy even
 * for a host NO_PROXY names (2.1.224 does so for its Bedrock requests with an SSO profile), so a
 * proxy that refuses everything would fail them for a reason that has nothing to do with the
 * setup; this one forwards requests and CONNECT tunnels to 127.0.0.1 / ::1 / localhost, refuses every
 * other destination with 403 (nothing leaves the machine), and records each, so the test can
 * assert that nothing was refused.
 */
import * as http from 'node:http';
import * as net from 'node:net';

export interface ProxiedRequest {
  readonly method: string;
  /** host:port asked for. */
  readonly target: string;
  readonly refused: boolean;
}

export interface LoopbackProxy {
  readonly url: string;
  readonly requests: ProxiedRequest[];
  clear(): void;
  stop(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

export async function startLoopbackProxy(): Promise<LoopbackProxy> {
  const requests: ProxiedRequest[] = [];
  const sockets = new Set<net.Socket>();
  const server = http.createServer((req, res) => {
    let url: URL;
    try {
      url = new URL(req.url ?? '');
    } catch {
      res.writeHead(400).end('absolute-form request expected');
      return;
    }
    const target = `${url.hostname}:${url.port || 80}`;
    const refused = url.protocol !== 'http:' || !LOOPBACK.has(url.hostname);
    requests.push({ method: req.method ?? '?', target, refused });
    if (refused) {
      res.writeHead(403, { 'content-type': 'text/plain' }).end(`interop proxy: ${target} is not loopback`);
      return;
    }
    const upstream = http.request({ host: url.hostname.replace(/^\[|\]$/g, ''), port: url.port || 80, method: req.method, path: `${url.pathname}${url.search}`, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', (error) => {
      if (!res.headersSent) res.writeHead(502);
      res.end(String(error));
    });
    req.pipe(upstream);
  });
  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    const [host = '', port = '443'] = (req.url ?? '').replace(/^\[([^\]]+)\]/, '$1').split(/:(?=\d+$)/);
    const refused = !LOOPBACK.has(host);
    requests.push({ method: 'CONNECT', target: `${host}:${port}`, refused });
    if (refused) {
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = net.connect(Number(port), host === 'localhost' ? '127.0.0.1' : host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    requests,
    clear: () => void requests.splice(0),
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
