/**
 * The spend read's cache policy, shared by `claude-bedrock spend` and the Team view: a read younger
 * than an hour is shown as it is (the one on screen first, then the cache file); within that hour a
 * failed or partial CloudWatch estimate is read again alone (free), never Cost Explorer (billed per
 * request); an older one reads Cost Explorer and the estimate and writes the cache; when Cost
 * Explorer fails, the cached months stay, with their age and why they are not newer. Loads the AWS
 * layer only when it asks AWS. Never throws for an AWS failure (the credentials' failure is a value).
 */

import type { Diagnosis } from '../../core/models/bedrockTypes';
import { estimateFailed, spendCacheFresh, withNewEstimate } from '../../core/spend/spendReport';
import type { SpendReport } from '../../core/spend/spendTypes';
import { readSpendCache, writeSpendCache } from '../../files/spendCache';
import { loadAwsLayer } from '../loadLayer';
import type { SpendFetchOptions } from './spend';

/** What a read asks AWS for: CloudWatch's estimate alone, or Cost Explorer (and the estimate). */
export type SpendRead = 'estimate' | 'cost-explorer';

export interface CachedSpendOptions extends SpendFetchOptions {
  /** The cache file of this profile, Region and model list. */
  readonly file: string;
  readonly now: number;
  /** A report already on screen: preferred to the file while it is fresh. */
  readonly shown?: SpendReport;
  /** Told before AWS is asked, and what for. */
  readonly onRead?: (read: SpendRead) => void;
}

export type CachedSpendResult =
  /** `fromCache`: the Cost Explorer figures are a cached read's (their age is `generatedAt`'s). */
  | { readonly ok: true; readonly report: SpendReport; readonly fromCache: boolean }
  | { readonly ok: false; readonly credentials: Diagnosis };

/** The spend report under the cache policy; the same object as `shown` when nothing was read. */
export async function readSpendWithCache(options: CachedSpendOptions): Promise<CachedSpendResult> {
  const { file, now } = options;
  const shown = options.shown && spendCacheFresh(options.shown.generatedAt, now) ? options.shown : undefined;
  const cached = shown ? undefined : await readSpendCache(file);
  const fresh = shown ?? (cached?.months && spendCacheFresh(cached.generatedAt, now) ? cached : undefined);
  if (fresh && !estimateFailed(fresh)) return { ok: true, report: fresh, fromCache: true };
  options.onRead?.(fresh ? 'estimate' : 'cost-explorer');
  const layer = await loadAwsLayer();
  const session = { target: options.target, region: options.region, modelIds: options.modelIds, timeoutMs: options.timeoutMs, now };
  if (fresh) {
    // Within the hour, only the estimate had failed: ask CloudWatch again (free), never Cost Explorer.
    const read = await layer.fetchSpendEstimate({ ...session, periods: fresh.periods });
    if (!read.ok) return read;
    const report = withNewEstimate(fresh, read);
    if (report.months) await writeSpendCache(file, report).catch(() => undefined);
    return { ok: true, report, fromCache: true };
  }
  const result = await layer.fetchSpendReport(session);
  if (!result.ok) return result;
  const report = result.report;
  if (report.months) {
    await writeSpendCache(file, report).catch(() => undefined);
    return { ok: true, report, fromCache: false };
  }
  // Cost Explorer could not be read now: the last answer stays, with its age and why it is not newer.
  if (cached?.months) return { ok: true, report: { ...cached, problems: report.problems, ...(report.estimate ? { estimate: report.estimate } : {}) }, fromCache: true };
  return { ok: true, report, fromCache: false };
}
