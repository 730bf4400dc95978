// Bundles the extension (an eager bundle and the lazily loaded parts), the CLI and the usage view's
// webview script with esbuild. `vscode` stays external (the host provides it); the AWS SDK v3 is
// bundled (into dist/aws.js, loaded on first use)
// so the VSIX carries no node_modules and activation never parses the SDK.
import * as esbuild from 'esbuild';
import { chmodSync, readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

const watch = process.argv.includes('--watch');
const production = !watch && process.env.BUILD_MODE !== 'development';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: production,
  sourcemap: production ? false : 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  // The SDK ships both CJS and ESM; prefer the ESM entry points so esbuild can tree-shake.
  mainFields: ['module', 'main'],
  metafile: true,
};

const builds = [
  {
    ...common,
    entryPoints: { extension: 'src/vscode/extension.ts' },
    outdir: 'dist',
    external: ['vscode'],
  },
  {
    // What activation does not need, each required on first use (src/vscode/lazyBundles.ts): the
    // wizard, the usage view model, the big text tables and the admin's flows. Keeps dist/extension.js small.
    ...common,
    entryPoints: {
      wizard: 'src/vscode/wizard/setupWizard.ts',
      usageView: 'src/vscode/usage/usageViewModel.ts',
      policyText: 'src/core/policy/policyText.ts',
      residencyText: 'src/core/residency/residencyText.ts',
      usageText: 'src/core/usage/usageText.ts',
      diagnosis: 'src/core/models/diagnosis.ts',
      profileProblems: 'src/core/profiles/problemMessages.ts',
      sessions: 'src/vscode/claudeCode/sessionScan.ts',
      teamView: 'src/vscode/team/teamPanel.ts',
      alarms: 'src/vscode/alarms/alarmsFlow.ts',
      dashboard: 'src/vscode/dashboard/dashboardFlow.ts',
      adminStack: 'src/vscode/adminStack/adminStackFlow.ts',
      claudeCodeDetect: 'src/vscode/claudeCode/installBundle.ts',
      claudeCodeText: 'src/core/claudeCode/supportText.ts',
    },
    outdir: 'dist',
    external: ['vscode'],
  },
  {
    // Everything that needs the AWS SDK, loaded by the two bundles above on their first AWS call.
    ...common,
    entryPoints: { aws: 'src/aws/layer.ts' },
    outdir: 'dist',
  },
  {
    ...common,
    entryPoints: { cli: 'src/cli/main.ts' },
    outdir: 'dist',
    banner: { js: '#!/usr/bin/env node' },
    define: { __VERSION__: JSON.stringify(version) },
  },
  {
    // The usage view's script runs in the webview (a browser), not in Node: no `vscode`, no SDK.
    bundle: true,
    platform: 'browser',
    target: 'es2022',
    format: 'iife',
    minify: production,
    sourcemap: production ? false : 'linked',
    legalComments: 'none',
    logLevel: 'warning',
    metafile: true,
    entryPoints: { usage: 'src/webview/usage/main.ts', team: 'src/webview/team/main.ts' },
    outdir: 'dist/webview',
  },
];

if (watch) {
  for (const options of builds) {
    const context = await esbuild.context(options);
    await context.watch();
  }
  console.log('esbuild: watching src/ for changes');
} else {
  const results = await Promise.all(builds.map((options) => esbuild.build(options)));
  chmodSync('dist/cli.js', 0o755);
  for (const result of results) {
    for (const [file, output] of Object.entries(result.metafile.outputs)) {
      if (file.endsWith('.js')) console.log(`built ${file} (${(output.bytes / 1024).toFixed(1)} KiB)`);
    }
  }
}
