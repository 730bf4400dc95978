/** Step 2: the Region Claude Code calls Bedrock in: the profile's first, then Japan's, then the rest. */

import * as vscode from 'vscode';
import type { ClaudeRegion } from '../../core/regions';
import { uiLocale } from '../uiLocale';
import { pickOne } from './multiStepInput';
import { regionGroups } from './stepOffers';
import type { StepFactory } from './wizardContext';

type RegionItem = vscode.QuickPickItem & { readonly code?: string };

function separator(label: string): RegionItem {
  return { label, kind: vscode.QuickPickItemKind.Separator };
}

function regionItem(code: string, region: ClaudeRegion | undefined, detail?: string): RegionItem {
  const name = region?.name[uiLocale()];
  return { label: code, ...(name ? { description: name } : {}), ...(detail ? { detail } : {}), code };
}

export const regionStep: StepFactory = (context) => async (state) => {
  const groups = regionGroups(state.profileRegion);
  const japanDetail = vscode.l10n.t('Japan-domestic (jp.) inference profiles keep requests in Tokyo and Osaka');
  const items: RegionItem[] = [];
  if (groups.profile) {
    items.push(separator(vscode.l10n.t('Region of the profile')));
    items.push(regionItem(groups.profile.code, groups.profile.region, groups.profile.region?.geography === 'jp' ? japanDetail : undefined));
  }
  if (groups.japan.length > 0) {
    items.push(separator(vscode.l10n.t('Japan')));
    items.push(...groups.japan.map((region) => regionItem(region.code, region, japanDetail)));
  }
  items.push(separator(vscode.l10n.t('Other Regions')));
  items.push(...groups.others.map((region) => regionItem(region.code, region)));

  const preferred = state.region ?? context.models?.region ?? state.profileRegion;
  const picked = await pickOne<RegionItem>({
    ...context.frame('region', state),
    placeholder: vscode.l10n.t('Which Region should Claude Code call Bedrock in?'),
    items,
    active: items.find((item) => item.code !== undefined && item.code === preferred),
    matchOnDescription: true,
  });
  state.region = picked.code;
  return context.after('region', state);
};
