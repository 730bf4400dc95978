/**
 * One way to follow a listing's pages (NextToken, NextPageToken): every page, or at most a limit of
 * pages where each page is billed (Cost Explorer) or a listing could run long. A listing cut at its
 * limit is never returned as the whole: it is a failed call named PageLimitReached, which callers
 * report as not verified ("only the first N pages were read").
 */

import type { RawAwsError } from '../core/models/bedrockTypes';
import { PAGE_LIMIT_REACHED } from '../core/spend/spendTypes';
import { callAsValue, type CallLimits, type CallResult } from './session';

export interface Pages<T> {
  readonly items: T[];
  readonly pages: number;
  /** More pages were left when the limit was reached. */
  readonly truncated: boolean;
}

/** One page: its items and the token of the next (absent or '' on the last). */
export type PageStep<T> = (token: string | undefined) => Promise<{ readonly items: readonly T[]; readonly next?: string | undefined }>;

/** Follows the pages, at most `maxPages` of them (every page when absent). */
export async function readPages<T>(page: PageStep<T>, maxPages = Number.POSITIVE_INFINITY): Promise<Pages<T>> {
  const items: T[] = [];
  let token: string | undefined;
  let pages = 0;
  do {
    const output = await page(token);
    items.push(...output.items);
    token = output.next || undefined;
    pages += 1;
  } while (token !== undefined && pages < maxPages);
  return { items, pages, truncated: token !== undefined };
}

/** A listing cut at its limit, as the failure of its operation. */
export function pageLimitError(operation: string): RawAwsError {
  return { operation, phase: 'call', name: PAGE_LIMIT_REACHED };
}

/** Whether a failure is a listing cut at its page limit. */
export function isPageLimit(error: RawAwsError): boolean {
  return error.name === PAGE_LIMIT_REACHED;
}

/**
 * A listing with the session's deadline, as a value: at most `maxPages` pages; a listing with more
 * is a failure (pageLimitError), never a partial list shown as the whole.
 */
export async function listAsValue<T>(limits: CallLimits, operation: string, maxPages: number, page: (token: string | undefined, signal: AbortSignal) => ReturnType<PageStep<T>>): Promise<CallResult<T[]>> {
  const read = await callAsValue(limits, operation, (signal) => readPages((token) => page(token, signal), maxPages));
  if (!read.ok) return read;
  if (read.value.truncated) return { ok: false, error: pageLimitError(operation), durationMs: read.durationMs };
  return { ok: true, value: read.value.items, durationMs: read.durationMs };
}
