/**
 * Test helper: one fake per test and SDK clients pointed at it, destroyed afterwards. Each suite
 * names its own clients (`control`, `quotas`, `cloudWatch`) over `client(build, region, credentials)`.
 */
import assert from 'node:assert/strict';
import { startFakeAws, type FakeAws } from './index';
import { BASIC_REGION, BASIC_STATIC_KEY } from './scenarios/basic';
import { getScenario } from './scenarios';

export type Credentials = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };

export const STATIC_CREDENTIALS: Credentials = { accessKeyId: BASIC_STATIC_KEY.accessKeyId, secretAccessKey: BASIC_STATIC_KEY.secretAccessKey };

/** What every client of these tests is built with: the fake's endpoint, no retries. */
export interface FakeClientConfig {
  endpoint: string;
  region: string;
  credentials: Credentials;
  maxAttempts: 1;
}

export function useFakeClients(scenario: string): {
  fake: () => FakeAws;
  client: <T extends { destroy(): void }>(build: (config: FakeClientConfig, fake: FakeAws) => T, region?: string, credentials?: Credentials) => T;
} {
  let fake: FakeAws | undefined;
  const clients: { destroy(): void }[] = [];
  beforeEach(async () => {
    fake = await startFakeAws({ scenario: getScenario(scenario) });
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await fake?.stop();
  });
  const current = (): FakeAws => {
    assert.ok(fake);
    return fake;
  };
  return {
    fake: current,
    client(build, region = BASIC_REGION, credentials = STATIC_CREDENTIALS) {
      const client = build({ endpoint: current().endpoint, region, credentials, maxAttempts: 1 }, current());
      clients.push(client);
      return client;
    },
  };
}
