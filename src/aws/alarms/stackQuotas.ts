/** The quotas the admin stack takes its parameters' defaults from: one read of Service Quotas. */

import type { Diagnosis } from '../../core/models/bedrockTypes';
import { matchModelQuotas } from '../../core/usage/quotaMatch';
import type { ModelQuotas } from '../../core/usage/quotaTypes';
import { openAwsSession, type AwsSessionOptions } from '../session';
import { listQuotaValues } from '../usage/quotas';
import { failureOf } from './alarms';

export async function readModelQuotas(options: AwsSessionOptions & { readonly modelIds: readonly string[] }): Promise<{ readonly ok: true; readonly quotas: ModelQuotas[] } | { readonly ok: false; readonly failure: Diagnosis }> {
  const opened = await openAwsSession(options);
  if (!opened.ok) return { ok: false, failure: failureOf(options, opened.error) };
  try {
    const listing = await listQuotaValues(opened.value);
    return listing.ok ? { ok: true, quotas: matchModelQuotas(options.modelIds, listing.value) } : { ok: false, failure: failureOf(options, listing.error) };
  } finally {
    opened.value.close();
  }
}
