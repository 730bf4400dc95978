/**
 * What `claude-bedrock setup` says about Claude Code: the installed versions found here and, for
 * the settings as they will be after the write, every one they would ignore, with what Claude Code
 * does instead and how to update it. The JSON carries every finding (the ok ones too) with its
 * facts; the text lists only what needs attention.
 */

import { claudeCodeFindings, attentionFindings } from '../../core/claudeCode/installVerdict';
import { writtenSettingsOf } from '../../core/claudeCode/supportCheck';
import { findingText } from '../../core/claudeCode/supportText';
import type { EffectiveSetup } from '../../core/setup/settingsTypes';
import type { Locale } from '../../core/text/locale';
import type { Environment } from '../../aws/profiles/awsFiles';
import { detectClaudeCode } from '../../files/claudeCode/installDetect';
import { printable } from '../table';

/** The `claude --version` deadline of `setup` when --timeout is not given. */
const DEFAULT_TIMEOUT_MS = 10_000;

export async function claudeCodeForSetup(
  setup: EffectiveSetup,
  region: string,
  options: { readonly env: Environment; readonly locale: Locale; readonly timeoutMs?: number },
): Promise<{ json: Record<string, unknown>; lines: string[] }> {
  const installs = await detectClaudeCode({ env: options.env, timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS });
  const findings = claudeCodeFindings(installs, setup.bedrock ? { settings: writtenSettingsOf(setup), region } : undefined);
  const described = findings.map((finding) => ({ ...finding, text: findingText(finding, options.locale) }));
  const lines = attentionFindings(findings).flatMap((finding) => {
    const text = findingText(finding, options.locale);
    return [`! ${printable(text.title)}`, ...(text.detail ? [`  ${printable(text.detail)}`] : []), ...(text.fix ? [`  ${printable(text.fix)}`] : [])];
  });
  return { json: { installs, findings: described }, lines };
}
