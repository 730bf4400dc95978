/**
 * SigV4 verification. The fake recomputes the signature with @smithy/signature-v4 (the signer the
 * SDK itself uses) from what arrived on the wire: the signed headers only, the raw path, the
 * decoded query and the exact body bytes. A wrong secret, a tampered body or a header changed
 * after signing therefore fails here just as it would at AWS.
 */
import { createHash, createHmac, timingSafeEqual, type Hash, type Hmac } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import type { FakeRequest } from './http';

export interface SigV4Authorization {
  accessKeyId: string;
  /** yyyymmdd from the credential scope. */
  scopeDate: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

const AUTHORIZATION =
  /^AWS4-HMAC-SHA256\s+Credential=([^/\s,]+)\/(\d{8})\/([^/\s,]+)\/([^/\s,]+)\/aws4_request\s*,\s*SignedHeaders=([a-z0-9;_.:-]+)\s*,\s*Signature=([0-9a-f]{64})\s*$/;

/** Parses the Authorization header; undefined when it is not a well-formed SigV4 header. */
export function parseAuthorization(header: string): SigV4Authorization | undefined {
  const match = AUTHORIZATION.exec(header.trim());
  if (!match) return undefined;
  const [, accessKeyId, scopeDate, region, service, signedHeaders, signature] = match;
  if (!accessKeyId || !scopeDate || !region || !service || !signedHeaders || !signature) return undefined;
  return { accessKeyId, scopeDate, region, service, signedHeaders: signedHeaders.split(';'), signature };
}

/** `20250102T030405Z` → Date; undefined when malformed. */
export function parseAmzDate(value: string): Date | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s] = match.map(Number);
  const date = new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, s!));
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** SHA-256 / HMAC-SHA256 on node:crypto, in the shape the smithy signer expects. */
export class NodeSha256 {
  private hash: Hash | Hmac;
  constructor(private readonly secret?: string | ArrayBuffer | ArrayBufferView) {
    this.hash = NodeSha256.create(secret);
  }
  private static create(secret?: string | ArrayBuffer | ArrayBufferView): Hash | Hmac {
    if (secret === undefined) return createHash('sha256');
    const key =
      typeof secret === 'string'
        ? secret
        : ArrayBuffer.isView(secret)
          ? Buffer.from(secret.buffer, secret.byteOffset, secret.byteLength)
          : Buffer.from(secret);
    return createHmac('sha256', key);
  }
  update(data: string | ArrayBuffer | ArrayBufferView): void {
    this.hash.update(
      typeof data === 'string'
        ? data
        : ArrayBuffer.isView(data)
          ? Buffer.from(data.buffer, data.byteOffset, data.byteLength)
          : Buffer.from(data),
    );
  }
  digest(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array(this.hash.digest()));
  }
  reset(): void {
    this.hash = NodeSha256.create(this.secret);
  }
}

/** Hex SHA-256 of the body, to check a client-supplied x-amz-content-sha256. */
export function sha256Hex(body: Uint8Array): string {
  return createHash('sha256').update(body).digest('hex');
}

/** The signature AWS would compute for this request with this secret. */
export async function computeSignature(
  req: FakeRequest,
  auth: SigV4Authorization,
  secretAccessKey: string,
  signingDate: Date,
): Promise<string> {
  const headers: Record<string, string> = {};
  for (const name of auth.signedHeaders) {
    // Over HTTP/2 the SDK signs the `:authority` pseudo-header instead of `host`; the listener
    // hands it over as `host` (see listeners.ts).
    const value = name === ':authority' ? req.headers.host : req.headers[name];
    if (value !== undefined) headers[name] = value;
  }
  const host = req.headers.host ?? '';
  const signer = new SignatureV4({
    // The session token is not handed over: if the client signed x-amz-security-token, it is
    // among the signed headers already; otherwise the signer must not invent it.
    credentials: { accessKeyId: auth.accessKeyId, secretAccessKey },
    region: auth.region,
    service: auth.service,
    sha256: NodeSha256,
    // Otherwise the signer would add and sign an x-amz-content-sha256 the client never sent.
    applyChecksum: false,
  });
  const signed = await signer.sign(
    {
      method: req.method,
      protocol: 'http:',
      hostname: host.replace(/:\d+$/, ''),
      path: req.path,
      query: req.query,
      headers,
      body: req.body,
    },
    {
      signingDate,
      // Sign exactly what the client listed, even headers the signer would normally skip.
      signableHeaders: new Set(auth.signedHeaders),
      signingRegion: auth.region,
      signingService: auth.service,
    },
  );
  const authorization = signed.headers.authorization ?? signed.headers.Authorization ?? '';
  return /Signature=([0-9a-f]{64})/.exec(authorization)?.[1] ?? '';
}

export function signaturesEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
