/**
 * The residency proof in words, English and Japanese: a plain-text rendering for people (the JSON
 * proof is what tools keep). Region codes stay visible next to their names, so an auditor can match
 * them against AWS documentation; times are ISO 8601 (UTC), exactly as in the JSON.
 */

import { format, type Locale } from '../text/locale';
import type { ResidencyCheck, ResidencyProof, RuleOrigin } from '../policy/policyTypes';
import { regionCity } from '../regions/regions';

interface ResidencyTextTable {
  readonly title: string;
  readonly compliant: string;
  readonly notCompliant: string;
  readonly noModels: string;
  readonly result: string;
  readonly checkedAt: string;
  readonly account: string;
  readonly profile: string;
  readonly region: string;
  readonly allowed: string;
  readonly policy: string;
  readonly source: Readonly<Record<RuleOrigin['source'], string>>;
  readonly models: string;
  readonly inferenceProfile: string;
  readonly destinations: string;
  readonly anyRegion: string;
  /** The `*` of `outside`. */
  readonly anyRegionStar: string;
  readonly verdict: Readonly<Record<ResidencyCheck['verdict'], string>>;
  readonly outside: string;
  readonly error: string;
  readonly replacement: string;
  readonly checkedAtModel: string;
  readonly none: string;
  readonly listSeparator: string;
}

const en: ResidencyTextTable = {
  title: 'Data residency proof: Claude Code on Amazon Bedrock',
  compliant: 'COMPLIANT: every configured model runs only in the allowed Regions.',
  notCompliant: 'NOT COMPLIANT: at least one configured model may run outside the allowed Regions, or could not be verified.',
  noModels: 'NOT COMPLIANT: no model is configured, so Claude Code picks its own and nothing can be proven.',
  result: 'Result',
  checkedAt: 'Checked at',
  account: 'AWS account',
  profile: 'AWS profile',
  region: 'Region (AWS_REGION)',
  allowed: 'Allowed Regions',
  policy: 'Policy',
  source: { machine: 'machine policy', team: 'team policy', managed: 'managed settings' },
  models: 'Models',
  inferenceProfile: 'Inference profile',
  destinations: 'Destination Regions',
  anyRegion: 'any commercial Region (global)',
  anyRegionStar: '* (any commercial Region)',
  verdict: { inside: 'inside the allowed Regions', outside: 'OUTSIDE the allowed Regions', unverified: 'UNVERIFIED' },
  outside: 'Outside',
  error: 'Why unverified',
  replacement: 'Use instead',
  checkedAtModel: 'Checked at',
  none: '(none)',
  listSeparator: ', ',
};

const ja: ResidencyTextTable = {
  title: 'データレジデンシー証明: Amazon Bedrock 上の Claude Code',
  compliant: '準拠: 設定されたすべてのモデルは許可されたリージョン内でのみ実行されます。',
  notCompliant: '非準拠: 許可されたリージョンの外で実行されうるモデル、または検証できなかったモデルがあります。',
  noModels: '非準拠: モデルが設定されていないため Claude Code が自ら選び、何も証明できません。',
  result: '結果',
  checkedAt: '確認日時',
  account: 'AWS アカウント',
  profile: 'AWS プロファイル',
  region: 'リージョン (AWS_REGION)',
  allowed: '許可されたリージョン',
  policy: 'ポリシー',
  source: { machine: 'マシンのポリシー', team: 'チームのポリシー', managed: '管理設定' },
  models: 'モデル',
  inferenceProfile: '推論プロファイル',
  destinations: '送信先リージョン',
  anyRegion: '世界中の商用リージョン (global)',
  anyRegionStar: '* (世界中の商用リージョン)',
  verdict: { inside: '許可されたリージョン内', outside: '許可されたリージョン外', unverified: '未検証' },
  outside: '許可外',
  error: '未検証の理由',
  replacement: '代わりに使う ID',
  checkedAtModel: '確認日時',
  none: '(なし)',
  listSeparator: '、',
};

export const RESIDENCY_TEXTS: Readonly<Record<Locale, ResidencyTextTable>> = { en, ja };

/** `ap-northeast-1 (Tokyo)`; `*` as "any Region". */
function regionLabel(code: string, locale: Locale): string {
  if (code === '*') return RESIDENCY_TEXTS[locale].anyRegionStar;
  const city = regionCity(code, locale);
  return city === code ? code : `${code} (${city})`;
}

function regionList(codes: readonly string[], locale: Locale): string {
  const t = RESIDENCY_TEXTS[locale];
  return codes.length === 0 ? t.none : codes.map((code) => regionLabel(code, locale)).join(t.listSeparator);
}

function line(label: string, value: string, indent = ''): string {
  return format('{indent}{label}: {value}', { indent, label, value });
}

/** One model's lines: the key and ID, then what it resolved to. */
export function residencyCheckText(check: ResidencyCheck, locale: Locale): string[] {
  const t = RESIDENCY_TEXTS[locale];
  const indent = '  ';
  const lines = [`${check.key} = ${check.modelId}`, line(t.result, t.verdict[check.verdict], indent)];
  if (check.profileArn !== undefined) lines.push(line(t.inferenceProfile, check.profileArn, indent));
  if (check.verdict !== 'unverified') lines.push(line(t.destinations, check.anyRegion ? t.anyRegion : regionList(check.destinations, locale), indent));
  if (check.outside.length > 0) lines.push(line(t.outside, regionList(check.outside, locale), indent));
  if (check.error !== undefined) lines.push(line(t.error, check.error, indent));
  if (check.replacement !== undefined) lines.push(line(t.replacement, check.replacement, indent));
  lines.push(line(t.checkedAtModel, new Date(check.checkedAt).toISOString(), indent));
  return lines;
}

/** The whole proof as plain text, for a person to read or paste into an audit record. */
export function residencyProofText(proof: ResidencyProof, locale: Locale): string {
  const t = RESIDENCY_TEXTS[locale];
  const verdict = proof.compliant ? t.compliant : proof.models.length === 0 ? t.noModels : t.notCompliant;
  const lines = [t.title, '', line(t.result, verdict), line(t.checkedAt, proof.checkedAt)];
  if (proof.account !== undefined) lines.push(line(t.account, proof.account));
  if (proof.profile !== undefined) lines.push(line(t.profile, proof.profile));
  lines.push(line(t.region, regionLabel(proof.region, locale)), line(t.allowed, regionList(proof.allowedRegions, locale)));
  for (const origin of proof.policySources) lines.push(line(t.policy, `${t.source[origin.source]}: ${origin.path}`));
  lines.push('', `${t.models}:`);
  if (proof.models.length === 0) lines.push(`  ${t.none}`);
  for (const check of proof.models) lines.push(...residencyCheckText(check, locale));
  return `${lines.join('\n')}\n`;
}
