/**
 * Who signed this request, or why AWS would refuse it. The order of checks follows what AWS
 * reveals: a malformed header before anything else, the credential scope's service, then the key
 * itself (unknown, wrong session token, expired), and only then the signature.
 */
import type { FakeRequest } from './http';
import type { AuthFailure } from './protocols';
import type { FakeAccessKey, Scenario } from './scenario';
import { computeSignature, parseAmzDate, parseAuthorization, sha256Hex, signaturesEqual } from './sigv4';

export interface SigningInfo {
  accessKeyId: string;
  region: string;
  service: string;
}

export interface Caller extends SigningInfo {
  key: FakeAccessKey;
}

export type AuthResult =
  | { ok: true; caller: Caller }
  | { ok: false; failure: AuthFailure; signing?: SigningInfo };

/** AWS refuses requests signed more than 15 minutes away from its clock. */
const MAX_CLOCK_SKEW_MS = 15 * 60_000;

/** What the Authorization header claims, for the request log, without verifying anything. */
export function claimedSigning(req: FakeRequest): SigningInfo | undefined {
  const header = req.headers.authorization;
  const auth = header === undefined ? undefined : parseAuthorization(header);
  return auth && { accessKeyId: auth.accessKeyId, region: auth.region, service: auth.service };
}

function compactDate(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

export async function authenticateSigV4(
  req: FakeRequest,
  expectedService: string,
  state: Scenario,
  now: number,
): Promise<AuthResult> {
  const header = req.headers.authorization;
  if (header === undefined) return { ok: false, failure: { kind: 'missing' } };
  const auth = parseAuthorization(header);
  if (!auth) {
    return {
      ok: false,
      failure: { kind: 'incomplete', detail: `Authorization header requires 'Credential', 'Signature' and 'SignedHeaders' parameters.` },
    };
  }
  const signing: SigningInfo = { accessKeyId: auth.accessKeyId, region: auth.region, service: auth.service };
  const amzDate = req.headers['x-amz-date'];
  const signingDate = amzDate === undefined ? undefined : parseAmzDate(amzDate);
  if (!signingDate || amzDate === undefined) {
    return {
      ok: false,
      signing,
      failure: { kind: 'incomplete', detail: `Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.` },
    };
  }
  if (auth.service !== expectedService) {
    return {
      ok: false,
      signing,
      failure: { kind: 'wrong-service', detail: `Credential should be scoped to correct service: '${expectedService}'. ` },
    };
  }

  const key = state.accessKeys.find((candidate) => candidate.accessKeyId === auth.accessKeyId);
  if (!key) return { ok: false, signing, failure: { kind: 'unknown-key' } };
  // A session key used without its token, or with another session's token, is as unknown to AWS
  // as a made-up key; so is a long-term key sent with a token.
  if (req.headers['x-amz-security-token'] !== key.sessionToken) {
    return { ok: false, signing, failure: { kind: 'unknown-key' } };
  }
  if (key.expiresAt !== undefined && key.expiresAt <= now) {
    return { ok: false, signing, failure: { kind: 'expired' } };
  }

  const skew = signingDate.getTime() - now;
  if (Math.abs(skew) > MAX_CLOCK_SKEW_MS) {
    const detail =
      skew < 0
        ? `Signature expired: ${amzDate} is now earlier than ${compactDate(now - MAX_CLOCK_SKEW_MS)} (${compactDate(now)} - 15 min.)`
        : `Signature not yet current: ${amzDate} is still later than ${compactDate(now + MAX_CLOCK_SKEW_MS)} (${compactDate(now)} + 15 min.)`;
    return { ok: false, signing, failure: { kind: 'signature-expired', detail } };
  }
  if (auth.scopeDate !== amzDate.slice(0, 8)) return { ok: false, signing, failure: { kind: 'signature-mismatch' } };

  const claimedPayloadHash = req.headers['x-amz-content-sha256'];
  if (
    claimedPayloadHash !== undefined &&
    !claimedPayloadHash.startsWith('UNSIGNED-PAYLOAD') &&
    !claimedPayloadHash.startsWith('STREAMING-') &&
    claimedPayloadHash !== sha256Hex(req.body)
  ) {
    return { ok: false, signing, failure: { kind: 'signature-mismatch' } };
  }

  const expected = await computeSignature(req, auth, key.secretAccessKey, signingDate);
  if (signaturesEqual(expected, auth.signature)) return { ok: true, caller: { ...signing, key } };
  // AWS endpoints listen on 443, so the Host header a client sends there never carries a port.
  // Some clients (Claude Code's Node builds before 2.1.114) sign the host without the port while
  // their HTTP stack sends it with one: only the fake's loopback port makes the two differ, so the
  // host is checked as AWS would see it, on the default port. Every other byte is still verified.
  const host = req.headers.host;
  if (host !== undefined && /:\d+$/.test(host) && auth.signedHeaders.includes('host')) {
    const onDefaultPort = { ...req, headers: { ...req.headers, host: host.replace(/:\d+$/, '') } };
    if (signaturesEqual(await computeSignature(onDefaultPort, auth, key.secretAccessKey, signingDate), auth.signature)) return { ok: true, caller: { ...signing, key } };
  }
  return { ok: false, signing, failure: { kind: 'signature-mismatch' } };
}
