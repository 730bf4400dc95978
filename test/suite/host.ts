/**
 * What the in-host tests share: the environment variables the launchers set, the real extension's
 * id, and small helpers that read the loopback fake AWS's request log from inside the host.
 *
 * This module runs inside the extension host (it is bundled into the companion extension and into
 * the @vscode/test-electron suite index). It imports no Node-only test code and nothing that starts
 * a server: the launchers (test/e2e/suite.e2e.ts, test/suite/runElectron.ts) prepare the world.
 */
import * as vscode from 'vscode';

export { EXTENSION_ID, SUITE_ENV } from './env';
import { EXTENSION_ID, SUITE_ENV } from './env';

/** The real extension; fails the calling test when it is not installed. */
export function realExtension(): vscode.Extension<unknown> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) {
    const ours = vscode.extensions.all.map((candidate) => candidate.id).filter((id) => !id.startsWith('vscode.'));
    throw new Error(`extension ${EXTENSION_ID} is not installed in this host (non-builtin extensions: ${ours.join(', ') || 'none'})`);
  }
  return extension;
}

/** A required launcher-provided variable. */
export function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the suite through npm run test:suite or test:suite:electron`);
  return value;
}

/** The demo HOME's profile names, as the launcher wrote them. */
export function demoProfiles(): string[] {
  return requiredEnv(SUITE_ENV.profiles).split(',').filter(Boolean);
}

/** What the fake AWS logs for each request (a subset of test/fake-aws/requestLog.ts). */
export interface FakeRequest {
  service: string;
  operation: string;
  accessKeyId?: string;
  signingRegion?: string;
  status: number;
  errorCode?: string;
}

/** The fake AWS's endpoint; refuses anything that is not loopback. */
export function fakeAwsEndpoint(): string {
  const endpoint = process.env[SUITE_ENV.fakeAws] ?? process.env.AWS_ENDPOINT_URL;
  if (!endpoint) throw new Error(`${SUITE_ENV.fakeAws} (or AWS_ENDPOINT_URL) is not set`);
  const host = new URL(endpoint).hostname;
  if (host !== '127.0.0.1' && host !== 'localhost' && host !== '[::1]') {
    throw new Error(`the fake AWS endpoint ${endpoint} is not a loopback address`);
  }
  return endpoint.replace(/\/$/, '');
}

export async function fakeAwsRequests(): Promise<FakeRequest[]> {
  const response = await fetch(`${fakeAwsEndpoint()}/__fake/requests`, { signal: AbortSignal.timeout(5_000) });
  if (!response.ok) throw new Error(`GET /__fake/requests answered ${response.status}`);
  return (await response.json()) as FakeRequest[];
}

export async function clearFakeAwsRequests(): Promise<void> {
  const response = await fetch(`${fakeAwsEndpoint()}/__fake/requests`, { method: 'DELETE', signal: AbortSignal.timeout(5_000) });
  if (!response.ok) throw new Error(`DELETE /__fake/requests answered ${response.status}`);
}

/** Polls `predicate` until it holds; fails with `describe()` after `timeoutMs`. */
export async function waitFor(predicate: () => boolean | Promise<boolean>, timeoutMs: number, describe: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms: ${describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** State captured by the runner before any test file is loaded. */
export const startup: { realExtensionActive?: boolean } = {};
