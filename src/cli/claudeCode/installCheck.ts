/**
 * `doctor`'s Claude Code section: the `claude` a terminal runs here and its version (claude
 * --version, within --timeout), the VS Code extension in the editors' extensions folders, whether
 * either is older than the oldest supported version, and every setting of the folder's setup that
 * they would ignore, with what Claude Code does instead and the command that updates it.
 */

import type { Environment } from '../../aws/profiles/awsFiles';
import type { ClaudeCodeInstalls } from '../../core/claudeCode/installTypes';
import { claudeCodeFindings, type ClaudeCodeFinding } from '../../core/claudeCode/installVerdict';
import { writtenSettingsOf } from '../../core/claudeCode/supportCheck';
import { findingText } from '../../core/claudeCode/supportText';
import { effectiveValue } from '../../core/setup/effectiveSetup';
import type { EffectiveSetup } from '../../core/setup/settingsTypes';
import type { Locale } from '../../core/text/locale';
import { detectClaudeCode } from '../../files/claudeCode/installDetect';
import { printable } from '../table';
import type { Check } from '../doctor/doctorCommand';

export interface ClaudeCodeCheckOptions {
  readonly env: Environment;
  readonly locale: Locale;
  readonly timeoutMs: number;
  /** The folder's effective setup: its settings are judged when it configures Bedrock. */
  readonly setup: EffectiveSetup;
  /** The Region the settings or the options name. */
  readonly region?: string;
}

/** The JSON of one finding: its code and the facts it was judged from (paths, versions, the setting). */
function findingJson(finding: ClaudeCodeFinding): Record<string, unknown> {
  const { state: _state, ...facts } = finding;
  return facts;
}

function check(finding: ClaudeCodeFinding, locale: Locale): Check {
  const text = findingText(finding, locale);
  const title = printable(text.title);
  const details = text.detail ? [printable(text.detail)] : [];
  const claudeCode = findingJson(finding);
  switch (finding.state) {
    case 'ok':
    case 'info':
      // Nothing wrong: what was read, and, for what is missing, how to add it.
      return { id: 'claude-code', state: 'ok', title, details: [...details, ...(text.fix ? [printable(text.fix)] : [])], claudeCode };
    case 'not-verified':
      return {
        id: 'claude-code',
        state: 'not-verified',
        title,
        // The detail goes on the line above the fix (doctor prints a failure's detail first).
        failure: { reason: finding.code, cause: text.detail ?? text.title, ...(text.detail ? { detail: printable(text.detail) } : {}), fix: printable(text.fix ?? '') },
        unread: ['claude --version'],
        claudeCode,
      };
    default:
      return {
        id: 'claude-code',
        state: 'problem',
        severity: finding.state,
        title,
        failure: { reason: finding.code, cause: text.detail ?? text.title, ...(text.detail ? { detail: printable(text.detail) } : {}), fix: printable(text.fix ?? ''), ...(text.command ? { command: text.command } : {}) },
        claudeCode,
      };
  }
}

/** The installs found and the checks they make, in doctor's shape. */
export async function claudeCodeChecks(options: ClaudeCodeCheckOptions): Promise<{ installs: ClaudeCodeInstalls; checks: Check[] }> {
  const installs = await detectClaudeCode({ env: options.env, timeoutMs: options.timeoutMs });
  const region = effectiveValue(options.setup, 'env.AWS_REGION')?.value ?? options.region;
  const findings = claudeCodeFindings(installs, options.setup.bedrock ? { settings: writtenSettingsOf(options.setup), ...(region ? { region } : {}) } : undefined);
  return { installs, checks: findings.map((finding) => check(finding, options.locale)) };
}
