#!/usr/bin/env node
// `npm run test:e2e`: every end-to-end script in a real VS Code (code-server + Chromium), one after
// another (they share the machine's two cores), then the in-host mocha suite. Each prints its own
// checks; this prints one line per script and exits non-zero when any failed.
//
// Needs scripts/e2e-tools.sh and npm run package first (.ci/run does both).
import { spawnSync } from 'node:child_process';

const scripts = [
  ['smoke', ['tsx', 'test/e2e/smoke.e2e.ts']],
  ['setup view and status bar', ['tsx', 'test/e2e/setup.e2e.ts']],
  ['setup wizard', ['tsx', 'test/e2e/wizard.e2e.ts']],
  ['setup wizard under a policy', ['tsx', 'test/e2e/wizardPolicy.e2e.ts']],
  ['quotas and usage', ['tsx', 'test/e2e/usage.e2e.ts']],
  ['team view', ['tsx', 'test/e2e/team.e2e.ts']],
  ['policy in the status bar', ['tsx', 'test/e2e/policyStatus.e2e.ts']],
  ['japanese ui', ['tsx', 'test/e2e/japanese.e2e.ts']],
  ['listing screenshots in english', ['tsx', 'test/e2e/listing.e2e.ts']],
  ['listing screenshots in japanese', ['tsx', 'test/e2e/listing.e2e.ts', '--locale', 'ja']],
  ['claude code sessions', ['tsx', 'test/e2e/sessions.e2e.ts']],
  ['in-host suite', ['tsx', 'test/e2e/suite.e2e.ts']],
];
const only = process.argv.slice(2);
const summary = [];
for (const [name, [command, ...args]] of scripts) {
  if (only.length > 0 && !only.some((word) => name.includes(word))) continue;
  const started = Date.now();
  console.log(`\n=== e2e: ${name} (${[command, ...args].join(' ')})`);
  const result = spawnSync('npx', [command, ...args], { stdio: 'inherit' });
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  summary.push(`${result.status === 0 ? 'PASS' : 'FAIL'}  ${name} (${seconds} s)`);
}
console.log(`\n=== e2e summary\n${summary.join('\n')}`);
process.exit(summary.some((line) => line.startsWith('FAIL')) || summary.length === 0 ? 1 : 0);
