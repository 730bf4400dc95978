/**
 * `claude-bedrock admin-stack [--output FILE]`: the team's whole setup as one CloudFormation template
 * (YAML), for the folder's models (or --model) in its Region. The quota parameters get the values
 * Service Quotas gives now as defaults, unless --offline. The template goes to stdout, or to
 * --output (atomically); what the command has to say goes to stderr then, so a pipe gets YAML only.
 * Exit 0 written and verified, 1 written without quota defaults because Service Quotas could not be
 * read, 2 usage error.
 */

import { loadAwsLayer } from '../../aws/loadLayer';
import { renderAdminStack, type AdminStackModel } from '../../core/adminStack/adminStack';
import { describeAdminFailure } from '../../core/iam/adminDenial';
import { baseModelIdOf, fallbackCatalog, findOffer } from '../../core/models/catalog';
import type { ModelQuotas } from '../../core/usage/quotaTypes';
import { writeFileAtomic } from '../../files/atomicWrite';
import type { AdminCommandOptions } from '../alarms/alarmsCommand';
import { alarmOptionsOf } from '../alarms/alarmsCommand';
import { adminCliText as t } from '../alarms/alarmsText';
import { UsageError, type CommandOutput } from '../output';
import { printable } from '../table';
import { usageTarget } from '../usage/usageCommand';
import * as path from 'node:path';

export interface AdminStackOptions extends AdminCommandOptions {
  readonly output?: string;
  readonly offline: boolean;
}

export async function adminStackCommand(options: AdminStackOptions): Promise<CommandOutput> {
  const { locale } = options;
  const alarmOptions = alarmOptionsOf(options);
  const resolved = await usageTarget(options);
  const region = resolved.region;
  const notes: string[] = [];
  let quotas: readonly ModelQuotas[] | undefined;
  let exitCode: 0 | 1 = 0;
  if (options.offline) notes.push(t(locale, 'stackOffline'));
  else {
    const { readModelQuotas } = await loadAwsLayer();
    const read = await readModelQuotas({ target: resolved.target, region, timeoutMs: options.timeoutMs, modelIds: resolved.modelIds });
    if (read.ok) quotas = read.quotas;
    else {
      exitCode = 1;
      const text = describeAdminFailure(read.failure, locale);
      notes.push(t(locale, 'stackQuotasUnread', { cause: text.cause, fix: text.fix }));
    }
  }
  // Where each model routes: the bundled, dated catalog (the account's own listing is not needed for a template).
  const catalog = fallbackCatalog(region);
  const models: AdminStackModel[] = resolved.modelIds.map((modelId) => {
    const match = findOffer(catalog, modelId);
    const offer = { ...(match?.offer ?? { modelId, scope: '', destinations: [], anyRegion: false, status: '' }), baseModelId: match?.baseModelId ?? baseModelIdOf(modelId) };
    const modelQuotas = quotas?.find((entry) => entry.modelId === modelId);
    return { offer, ...(modelQuotas === undefined ? {} : { quotas: modelQuotas }) };
  });
  const yaml = renderAdminStack({ region, models, percent: alarmOptions.percent, throttleThreshold: alarmOptions.throttleThreshold });
  if (options.output === undefined) return { stdout: yaml.trimEnd(), ...(notes.length > 0 ? { stderr: notes.join('\n') } : {}), exitCode };
  const file = path.resolve(options.cwd, options.output);
  try {
    await writeFileAtomic(file, yaml);
  } catch (error) {
    throw new UsageError(t(locale, 'cannotWrite', { file, detail: error instanceof Error ? error.message : String(error) }));
  }
  const lines = [t(locale, 'stackWritten', { models: resolved.modelIds.join(', '), region, file: printable(file) }), ...notes, t(locale, 'stackDeploy', { region, file: printable(options.output) })];
  return { stdout: lines.join('\n'), exitCode };
}
