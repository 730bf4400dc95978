/**
 * Step 2: the Region Claude Code calls Bedrock in: the profile's first, then Japan's, then the rest;
 * Regions the organisation policy (or a managed lock on AWS_REGION) forbids come last, with the reason.
 */

import * as vscode from 'vscode';
import type { PolicyViolation } from '../../../core/policy/policyTypes';
import type { ClaudeRegion } from '../../../core/regions/regions';
import { uiLocale } from '../../uiLocale';
import { lockOf } from '../../../core/policy/policyVerdicts';
import { CHOICE_KEYS, compliantDefault, regionChoiceVerdict } from '../policyOffers';
import { lockedText, pickAllowed, policyOf, withBlocked, type PolicyItem } from '../policyItems';
import { regionGroups } from '../stepOffers';
import type { StepFactory } from '../wizardContext';

type RegionItem = PolicyItem & { readonly code?: string };

function separator(label: string): RegionItem {
  return { label, kind: vscode.QuickPickItemKind.Separator };
}

function regionItem(code: string, region: ClaudeRegion | undefined, detail?: string): RegionItem {
  const name = region?.name[uiLocale()];
  return { label: code, ...(name ? { description: name } : {}), ...(detail ? { detail } : {}), code };
}

export const regionStep: StepFactory = (context) => async (state) => {
  const policy = await policyOf(state);
  const groups = regionGroups(state.profileRegion);
  const japanDetail = vscode.l10n.t('Japan-domestic (jp.) inference profiles keep requests in Tokyo and Osaka');
  const lock = lockOf(policy, CHOICE_KEYS.region);
  const items: RegionItem[] = [];
  const blocked: { item: RegionItem; violation: PolicyViolation }[] = [];
  /** The group's allowed Regions under its separator (none: no separator); the others to the end. */
  const group = (label: string, entries: readonly RegionItem[]) => {
    const allowed: RegionItem[] = [];
    for (const item of entries) {
      const verdict = regionChoiceVerdict(policy, item.code!);
      if (verdict.allowed) allowed.push(lock !== undefined && lock.value === item.code ? { ...item, detail: lockedText(lock.value) } : item);
      else blocked.push({ item, violation: verdict.violation });
    }
    if (allowed.length > 0) items.push(separator(label), ...allowed);
  };
  if (groups.profile) group(vscode.l10n.t('Region of the profile'), [regionItem(groups.profile.code, groups.profile.region, groups.profile.region?.geography === 'jp' ? japanDetail : undefined)]);
  if (groups.japan.length > 0) group(vscode.l10n.t('Japan'), groups.japan.map((region) => regionItem(region.code, region, japanDetail)));
  group(vscode.l10n.t('Other Regions'), groups.others.map((region) => regionItem(region.code, region)));

  const preferred = state.region ?? context.models?.region ?? state.profileRegion;
  const allowed = items.filter((item) => item.code !== undefined);
  const picked = await pickAllowed<RegionItem>({
    ...context.frame('region', state),
    placeholder: allowed.length > 0 ? vscode.l10n.t('Which Region should Claude Code call Bedrock in?') : vscode.l10n.t('The organisation policy allows none of these Regions.'),
    items: withBlocked(items, blocked),
    active: compliantDefault(allowed, (item) => item.code === preferred),
    matchOnDescription: true,
  });
  state.region = picked.code;
  return context.after('region', state);
};
