/**
 * The lazily loaded part of the Claude Code check (dist/claudeCodeDetect.js, see lazyBundles.ts):
 * finding claude and reading its version, and judging the installs with the dated support table.
 * Stateless: the versions read are remembered by the caller (installState.ts, in the eager bundle).
 */

export { detectClaudeCode } from '../../files/claudeCode/installDetect';
export { claudeCodeFindings } from '../../core/claudeCode/installVerdict';
export { writtenSettingsOf } from '../../core/claudeCode/supportCheck';
