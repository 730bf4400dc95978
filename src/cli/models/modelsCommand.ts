/**
 * `claude-bedrock models`: the Claude models a profile can use in a region, each with its scopes
 * (global, Japan-domestic, …), the exact ID to write, where requests are served and the price
 * premium, from the account's own listing, or the bundled table, marked unverified, when denied.
 */

import { loadProfiles, type Environment } from '../../aws/profiles/awsFiles';
import type { CatalogOffer, ModelCatalog } from '../../core/models/bedrockTypes';
import type { Locale } from '../../core/text/locale';
import { describeScope } from '../../core/models/modelTable';
import { regionName, routeText } from '../../core/regions/regions';
import { diagnosisReport, REPORT_SCHEMA_VERSION, type DiagnosisReport } from '../report';
import { UsageError, type CommandOutput } from '../output';
import { printable, renderTable } from '../table';
import { profileMissingText, resolveTarget, targetJson, targetText } from '../target';
import { cliText } from '../text';
import { loadAwsLayer } from '../../aws/loadLayer';

/** Diagnosis codes of a listing call whose answer could not be read. */
const UNREAD_LISTING: ReadonlySet<string> = new Set(['throttled', 'timeout', 'unreachable', 'service-error', 'cancelled']);

export interface ModelsOptions {
  readonly profile?: string;
  readonly region?: string;
  readonly timeoutMs: number;
  readonly json: boolean;
  readonly locale: Locale;
  readonly env: Environment;
}

function premiumText(offer: CatalogOffer): string {
  if (offer.priceFactor === undefined) return '-';
  if (offer.priceFactor === 1) return '±0%';
  return `+${Math.round((offer.priceFactor - 1) * 100)}%`;
}

function catalogJson(catalog: ModelCatalog, locale: Locale) {
  const scopeLabel = (scope: string) => describeScope(scope, locale).label;
  return {
    source: catalog.source,
    fallback: catalog.fallback,
    models: catalog.models.map((model) => ({ ...model, offers: model.offers.map((offer) => ({ ...offer, scopeLabel: scopeLabel(offer.scope) })) })),
    applicationProfiles: catalog.applicationProfiles,
  };
}

export async function modelsCommand(options: ModelsOptions): Promise<CommandOutput> {
  const { locale } = options;
  const discovery = await loadProfiles(options.env);
  const { target, profile, region } = resolveTarget(options, discovery);
  if (target.type === 'profile' && !profile) {
    const cause = profileMissingText(target.profile, discovery, locale);
    return { stderr: `${cause}\n${cliText(locale, 'fixLabel')}: ${cliText(locale, 'profileMissingFix')}`, exitCode: 1 };
  }
  if (!region) throw new UsageError(cliText(locale, 'noRegion', { target: targetText(target, locale) }));

  // Loaded only now: listing profiles never pays for the AWS SDK.
  const { loadCatalog } = await loadAwsLayer();
  const result = await loadCatalog({ target, region, timeoutMs: options.timeoutMs });
  const diagnoses = result.diagnoses.map((diagnosis) => diagnosisReport(diagnosis, locale));
  // A listing that could not be read (throttled, timed out, a 5xx or an unreadable answer) leaves the
  // bundled table on screen: not the account's answer, so not verified. A denial is read and warns.
  const unread = result.diagnoses.some((diagnosis) => UNREAD_LISTING.has(diagnosis.code));
  const failed = result.catalog === undefined || unread || diagnoses.some((diagnosis) => diagnosis.severity === 'error');
  const exitCode = failed ? 1 : 0;

  if (options.json) {
    const document = {
      schemaVersion: REPORT_SCHEMA_VERSION,
      target: targetJson(target),
      region,
      ...(result.catalog ? catalogJson(result.catalog, locale) : { source: null, models: [], applicationProfiles: [] }),
      diagnoses,
    };
    return { stdout: JSON.stringify(document, null, 2), exitCode };
  }

  const lines = [cliText(locale, 'modelsTitle', { target: targetText(target, locale), region: printable(region), regionName: regionName(region, locale) })];
  const catalog = result.catalog;
  if (catalog?.source === 'account') lines.push(cliText(locale, 'modelsFromAccount'));
  if (catalog?.source === 'fallback') lines.push(`⚠ ${cliText(locale, 'modelsFallback', { asOf: catalog.fallback?.asOf ?? '?', source: catalog.fallback?.source ?? '?' })}`);
  lines.push(...renderDiagnoses(diagnoses, locale));
  if (catalog) {
    lines.push('');
    if (catalog.models.length === 0) lines.push(cliText(locale, 'modelsNone', { region: printable(region) }));
    else {
      const rows: string[][] = [];
      for (const model of catalog.models) {
        model.offers.forEach((offer, index) => {
          rows.push([
            index === 0 ? `${model.name}${model.lifecycle === 'LEGACY' ? ` (${cliText(locale, 'legacy')})` : ''}` : '',
            offer.scope,
            printable(offer.modelId),
            routeText(offer, locale),
            premiumText(offer),
          ]);
        });
      }
      lines.push(
        renderTable(
          [cliText(locale, 'headerModel'), cliText(locale, 'headerScope'), cliText(locale, 'headerModelId'), cliText(locale, 'headerRoutes'), cliText(locale, 'headerPrice')],
          rows,
        ),
      );
      const scopes = [...new Set(catalog.models.flatMap((model) => model.offers.map((offer) => offer.scope)))];
      lines.push('', ...scopes.map((scope) => `  ${scope}: ${describeScope(scope, locale).description || describeScope(scope, locale).label}`));
    }
    if (catalog.applicationProfiles.length > 0) {
      lines.push('', cliText(locale, 'applicationProfiles'));
      lines.push(
        renderTable(
          [cliText(locale, 'headerName'), 'ARN', cliText(locale, 'headerRoutes')],
          catalog.applicationProfiles.map((entry) => [printable(entry.name), printable(entry.arn), routeText(entry, locale)]),
        ),
      );
    }
  }
  return { stdout: lines.join('\n'), exitCode };
}

/** Diagnoses as text lines: the cause, the AWS code and message, the fix, a command or console link. */
export function renderDiagnoses(diagnoses: readonly DiagnosisReport[], locale: Locale, indent = ''): string[] {
  const lines: string[] = [];
  for (const diagnosis of diagnoses) {
    lines.push(`${indent}${diagnosis.severity === 'error' ? '✖' : '⚠'} ${printable(diagnosis.cause)}`);
    if (diagnosis.awsCode || diagnosis.detail) lines.push(`${indent}    ${[diagnosis.awsCode, diagnosis.detail].filter(Boolean).map((text) => printable(text!)).join(': ')}`);
    lines.push(`${indent}    ${cliText(locale, 'fixLabel')}: ${printable(diagnosis.fix)}`);
    if (diagnosis.command) lines.push(`${indent}      $ ${printable(diagnosis.command)}`);
    if (diagnosis.consoleUrl) lines.push(`${indent}      ${printable(diagnosis.consoleUrl)}`);
  }
  return lines;
}
