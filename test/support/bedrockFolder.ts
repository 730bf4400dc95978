/**
 * A workspace folder as `setup` leaves it, for tests of the built bundle: the shared
 * `.claude/settings.json` turns Bedrock on with a Region and a model, the profile is in the
 * git-ignored `.claude/settings.local.json`.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface BedrockFolder {
  readonly region: string;
  readonly model: string;
  readonly profile: string;
}

/** Makes the folder in the system's temporary folder and returns its path (the caller removes it). */
export function makeBedrockFolder(prefix: string, setup: BedrockFolder): string {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  mkdirSync(join(folder, '.claude'));
  writeFileSync(join(folder, '.claude', 'settings.json'), JSON.stringify({ env: { CLAUDE_CODE_USE_BEDROCK: '1', AWS_REGION: setup.region, ANTHROPIC_MODEL: setup.model } }));
  writeFileSync(join(folder, '.claude', 'settings.local.json'), JSON.stringify({ env: { AWS_PROFILE: setup.profile } }));
  writeFileSync(join(folder, '.gitignore'), '.claude/settings.local.json\n');
  return folder;
}
