/**
 * Minting temporary credentials and tokens. Issued values are added to the scenario state, so a
 * later request signed with them is recognised, and they carry the FAKE marker so nobody takes
 * them for real AWS values.
 */
import { randomBytes } from 'node:crypto';
import type { FakeAccessKey, Scenario } from './scenario';

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function randomId(length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const byte of bytes) out += ID_ALPHABET[byte % ID_ALPHABET.length];
  return out;
}

export function randomSecret(prefix: string): string {
  return `${prefix}${randomBytes(24).toString('base64url')}`;
}

export interface TemporaryIdentity {
  account: string;
  arn: string;
  userId: string;
  expiresAt: number;
  issuedBy: string;
}

/** New ASIA… session credentials for the identity, remembered in the state. */
export function issueTemporaryKey(state: Scenario, identity: TemporaryIdentity): FakeAccessKey {
  const key: FakeAccessKey = {
    // ASIA marks temporary credentials, which callers may rely on; FAKE keeps it unmistakable.
    accessKeyId: `ASIAFAKE${randomId(12)}`,
    secretAccessKey: randomSecret('fakeSecret/'),
    sessionToken: randomSecret('FakeSessionToken/'),
    ...identity,
  };
  state.accessKeys.push(key);
  return key;
}

/** A new SSO access token for the user, remembered in the state. */
export function issueSsoAccessToken(state: Scenario, user: string, expiresAt: number): string {
  const token = randomSecret('fake-sso-access-token-');
  state.sso.accessTokens.push({ token, user, expiresAt });
  return token;
}
