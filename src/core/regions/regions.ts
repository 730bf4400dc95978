/**
 * The AWS Regions where Claude on Amazon Bedrock is offered, with their names in both languages.
 * The table is a bundled guess that the account's own listing refines: a Region the account
 * reports but the table lacks is still shown (by its code), and reported Regions are marked verified.
 */

import type { Locale } from '../text/locale';

/** Where a Region lies, in the terms the inference-profile scopes use. */
export type RegionGeography = 'jp' | 'apac' | 'au' | 'us' | 'eu' | 'ca' | 'sa' | 'us-gov';

export interface ClaudeRegion {
  readonly code: string;
  readonly geography: RegionGeography;
  /** The console name: `Asia Pacific (Tokyo)` / `アジアパシフィック (東京)`. */
  readonly name: Readonly<Record<Locale, string>>;
  /** A short name for tight spaces: `Tokyo` / `東京`. */
  readonly city: Readonly<Record<Locale, string>>;
}

function region(code: string, geography: RegionGeography, en: string, ja: string, cityEn: string, cityJa: string): ClaudeRegion {
  return { code, geography, name: { en, ja }, city: { en: cityEn, ja: cityJa } };
}

/** Regions offering Claude models (in-region, geographic or global profiles), Japan first. */
export const CLAUDE_REGIONS = {
  asOf: '2025-12-01',
  source:
    'AWS Bedrock User Guide, "Supported Regions and models for inference profiles" and "Model support by AWS Region"; ' +
    'Region names as the AWS console shows them in English and Japanese',
  regions: [
    region('ap-northeast-1', 'jp', 'Asia Pacific (Tokyo)', 'アジアパシフィック (東京)', 'Tokyo', '東京'),
    region('ap-northeast-3', 'jp', 'Asia Pacific (Osaka)', 'アジアパシフィック (大阪)', 'Osaka', '大阪'),
    region('ap-northeast-2', 'apac', 'Asia Pacific (Seoul)', 'アジアパシフィック (ソウル)', 'Seoul', 'ソウル'),
    region('ap-south-1', 'apac', 'Asia Pacific (Mumbai)', 'アジアパシフィック (ムンバイ)', 'Mumbai', 'ムンバイ'),
    region('ap-south-2', 'apac', 'Asia Pacific (Hyderabad)', 'アジアパシフィック (ハイデラバード)', 'Hyderabad', 'ハイデラバード'),
    region('ap-southeast-1', 'apac', 'Asia Pacific (Singapore)', 'アジアパシフィック (シンガポール)', 'Singapore', 'シンガポール'),
    region('ap-southeast-2', 'au', 'Asia Pacific (Sydney)', 'アジアパシフィック (シドニー)', 'Sydney', 'シドニー'),
    region('ap-southeast-4', 'au', 'Asia Pacific (Melbourne)', 'アジアパシフィック (メルボルン)', 'Melbourne', 'メルボルン'),
    region('us-east-1', 'us', 'US East (N. Virginia)', '米国東部 (バージニア北部)', 'N. Virginia', 'バージニア北部'),
    region('us-east-2', 'us', 'US East (Ohio)', '米国東部 (オハイオ)', 'Ohio', 'オハイオ'),
    region('us-west-1', 'us', 'US West (N. California)', '米国西部 (北カリフォルニア)', 'N. California', '北カリフォルニア'),
    region('us-west-2', 'us', 'US West (Oregon)', '米国西部 (オレゴン)', 'Oregon', 'オレゴン'),
    region('ca-central-1', 'ca', 'Canada (Central)', 'カナダ (中部)', 'Canada Central', 'カナダ中部'),
    region('eu-central-1', 'eu', 'Europe (Frankfurt)', '欧州 (フランクフルト)', 'Frankfurt', 'フランクフルト'),
    region('eu-central-2', 'eu', 'Europe (Zurich)', '欧州 (チューリッヒ)', 'Zurich', 'チューリッヒ'),
    region('eu-north-1', 'eu', 'Europe (Stockholm)', '欧州 (ストックホルム)', 'Stockholm', 'ストックホルム'),
    region('eu-south-1', 'eu', 'Europe (Milan)', '欧州 (ミラノ)', 'Milan', 'ミラノ'),
    region('eu-south-2', 'eu', 'Europe (Spain)', '欧州 (スペイン)', 'Spain', 'スペイン'),
    region('eu-west-1', 'eu', 'Europe (Ireland)', '欧州 (アイルランド)', 'Ireland', 'アイルランド'),
    region('eu-west-2', 'eu', 'Europe (London)', '欧州 (ロンドン)', 'London', 'ロンドン'),
    region('eu-west-3', 'eu', 'Europe (Paris)', '欧州 (パリ)', 'Paris', 'パリ'),
    region('sa-east-1', 'sa', 'South America (São Paulo)', '南米 (サンパウロ)', 'São Paulo', 'サンパウロ'),
    region('us-gov-west-1', 'us-gov', 'AWS GovCloud (US-West)', 'AWS GovCloud (米国西部)', 'GovCloud US-West', 'GovCloud 米国西部'),
    region('us-gov-east-1', 'us-gov', 'AWS GovCloud (US-East)', 'AWS GovCloud (米国東部)', 'GovCloud US-East', 'GovCloud 米国東部'),
  ] as readonly ClaudeRegion[],
} as const;

const BY_CODE = new Map(CLAUDE_REGIONS.regions.map((entry) => [entry.code, entry]));

/** The bundled entry of a Region, when the table knows it. */
export function claudeRegion(code: string): ClaudeRegion | undefined {
  return BY_CODE.get(code);
}

/** The console name of a Region in one language; an unknown code is returned as it is. */
export function regionName(code: string, locale: Locale): string {
  return BY_CODE.get(code)?.name[locale] ?? code;
}

/** The short city name of a Region in one language; an unknown code is returned as it is. */
export function regionCity(code: string, locale: Locale): string {
  return BY_CODE.get(code)?.city[locale] ?? code;
}

/** Whether a Region lies in Japan (Tokyo or Osaka), where `jp.` profiles keep data in the country. */
export function isJapanRegion(code: string): boolean {
  return BY_CODE.get(code)?.geography === 'jp';
}

/** One Region as a picker shows it. */
export interface RegionOption {
  readonly code: string;
  /** The bundled entry; absent for a Region only the account reported. */
  readonly region?: ClaudeRegion;
  /** The account itself reported this Region (for example by listing Claude profiles there). */
  readonly verified: boolean;
}

/**
 * The Regions to show: the bundled ones in their order, then any Region the account reported that they
 * lack (sorted by code, shown by code unless the full table knows it), each marked verified when reported.
 */
export function refineRegions(bundled: readonly ClaudeRegion[], reported: readonly string[] | undefined): RegionOption[] {
  const reportedSet = new Set((reported ?? []).map((code) => code.trim()).filter((code) => code !== ''));
  const options: RegionOption[] = bundled.map((entry) => ({ code: entry.code, region: entry, verified: reportedSet.has(entry.code) }));
  const known = new Set(bundled.map((entry) => entry.code));
  const extra = [...reportedSet].filter((code) => !known.has(code)).sort();
  for (const code of extra) {
    const entry = BY_CODE.get(code);
    options.push(entry === undefined ? { code, verified: true } : { code, region: entry, verified: true });
  }
  return options;
}

const ANY_REGION: Readonly<Record<Locale, string>> = { en: 'any commercial region', ja: '世界中の商用リージョン' };

/** Where a profile's requests may be served, in words: `Tokyo, Osaka`, or any region for `global.`. */
export function routeText(route: { readonly destinations: readonly string[]; readonly anyRegion: boolean }, locale: Locale): string {
  if (route.anyRegion) return ANY_REGION[locale];
  return route.destinations.map((code) => regionCity(code, locale)).join(', ');
}
