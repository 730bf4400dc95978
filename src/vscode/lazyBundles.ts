/**
 * The parts of the extension that activation does not need, each bundled apart from
 * `dist/extension.js` (see scripts/build.mjs) and required on first use, as `dist/aws.js` is: the
 * setup wizard, the Quotas & Usage view model, the big text tables (policy, residency, usage,
 * Bedrock diagnoses, the AWS profiles' problems), the reader of Claude Code's session files, and the admin's flows (alarms, dashboard, admin stack). The getters are synchronous: a `require` of a file beside this bundle, once.
 *
 * The lazy bundles hold only stateless code (text tables, pure functions, the wizard's steps,
 * which get every shared object as an argument), so the copies of core they carry never hold state
 * that the eager bundle would not see. Run from sources (tests under tsx) the getter requires the
 * TypeScript module itself.
 */

import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type * as DiagnosisModule from '../core/models/diagnosis';
import type * as ProfileProblemsModule from '../core/profiles/problemMessages';
import type * as PolicyTextModule from '../core/policy/policyText';
import type * as ResidencyTextModule from '../core/residency/residencyText';
import type * as UsageTextModule from '../core/usage/usageText';
import type * as UsageViewModelModule from './usage/usageViewModel';
import type * as SetupWizardModule from './wizard/setupWizard';
import type * as SessionScanModule from './claudeCode/sessionScan';
import type * as TeamPanelModule from './team/teamPanel';
import type * as AlarmsFlowModule from './alarms/alarmsFlow';
import type * as DashboardFlowModule from './dashboard/dashboardFlow';
import type * as AdminStackFlowModule from './adminStack/adminStackFlow';
import type * as ClaudeCodeDetectModule from './claudeCode/installBundle';
import type * as ClaudeCodeTextModule from '../core/claudeCode/supportText';

/** Each lazy bundle: its file in `dist/` and the module it is built from (relative to this file). */
export const LAZY_BUNDLES = {
  wizard: { bundle: 'wizard.js', source: './wizard/setupWizard' },
  usageView: { bundle: 'usageView.js', source: './usage/usageViewModel' },
  policyText: { bundle: 'policyText.js', source: '../core/policy/policyText' },
  residencyText: { bundle: 'residencyText.js', source: '../core/residency/residencyText' },
  usageText: { bundle: 'usageText.js', source: '../core/usage/usageText' },
  diagnosis: { bundle: 'diagnosis.js', source: '../core/models/diagnosis' },
  profileProblems: { bundle: 'profileProblems.js', source: '../core/profiles/problemMessages' },
  sessionScan: { bundle: 'sessions.js', source: './claudeCode/sessionScan' },
  teamView: { bundle: 'teamView.js', source: './team/teamPanel' },
  alarms: { bundle: 'alarms.js', source: './alarms/alarmsFlow' },
  dashboard: { bundle: 'dashboard.js', source: './dashboard/dashboardFlow' },
  adminStack: { bundle: 'adminStack.js', source: './adminStack/adminStackFlow' },
  claudeCodeDetect: { bundle: 'claudeCodeDetect.js', source: './claudeCode/installBundle' },
  claudeCodeText: { bundle: 'claudeCodeText.js', source: '../core/claudeCode/supportText' },
} as const;

type LazyName = keyof typeof LAZY_BUNDLES;

const fromSources = __filename.endsWith('.ts');
const load = createRequire(__filename);
const loaded = new Map<LazyName, unknown>();

function lazy<T>(name: LazyName): () => T {
  return () => {
    let module = loaded.get(name) as T | undefined;
    if (module === undefined) {
      const { bundle, source } = LAZY_BUNDLES[name];
      const file = fromSources ? resolve(__dirname, source) : join(__dirname, bundle);
      if (!fromSources && !existsSync(file)) throw new Error(`The extension's bundle ${file} is missing: reinstall the extension or run npm run build.`);
      module = load(file) as T;
      loaded.set(name, module);
    }
    return module;
  };
}

export const loadSetupWizard = lazy<typeof SetupWizardModule>('wizard');
export const loadUsageViewModel = lazy<typeof UsageViewModelModule>('usageView');
export const loadPolicyText = lazy<typeof PolicyTextModule>('policyText');
export const loadResidencyText = lazy<typeof ResidencyTextModule>('residencyText');
export const loadUsageText = lazy<typeof UsageTextModule>('usageText');
export const loadDiagnosis = lazy<typeof DiagnosisModule>('diagnosis');
export const loadProfileProblems = lazy<typeof ProfileProblemsModule>('profileProblems');
export const loadSessionScan = lazy<typeof SessionScanModule>('sessionScan');
export const loadTeamPanel = lazy<typeof TeamPanelModule>('teamView');
export const loadAlarmsFlow = lazy<typeof AlarmsFlowModule>('alarms');
export const loadDashboardFlow = lazy<typeof DashboardFlowModule>('dashboard');
export const loadAdminStackFlow = lazy<typeof AdminStackFlowModule>('adminStack');
/** Finding claude, reading its version and judging it with the support table; the versions read are kept by the caller (vscode/claudeCode/installState.ts). */
export const loadClaudeCodeDetect = lazy<typeof ClaudeCodeDetectModule>('claudeCodeDetect');
export const loadClaudeCodeText = lazy<typeof ClaudeCodeTextModule>('claudeCodeText');
