// Profile discovery promises to see the AWS files exactly as the SDK does. This checks that
// promise against the SDK's own parser on a corpus of awkward files: same profiles, same values.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseKnownFiles } from '@smithy/core/config';
import { profileValues } from '../../src/core/profiles/profiles';

const corpus = join(__dirname, '..', 'fixtures', 'corpus');
const everyKind = join(__dirname, '..', 'fixtures', 'every-kind', '.aws');

function cases(): { name: string; config?: string; credentials?: string }[] {
  const list: { name: string; config?: string; credentials?: string }[] = [];
  for (const file of readdirSync(corpus).sort()) {
    const text = readFileSync(join(corpus, file), 'utf8');
    list.push(file.endsWith('.credentials') ? { name: file, credentials: text } : { name: file, config: text });
  }
  list.push({ name: 'every-kind', config: readFileSync(join(everyKind, 'config'), 'utf8'), credentials: readFileSync(join(everyKind, 'credentials'), 'utf8') });
  return list;
}

/**
 * The SDK's map minus what is not a profile: `sso-session.x` and `services.x` entries, and the
 * `profile.x` name a `[profile x]` header gets in the credentials file (a profile nobody can mean
 * to use, which discovery reports as a mistake instead of listing).
 */
function sdkProfiles(sdk: Record<string, Record<string, string | undefined>>): Record<string, Record<string, string>> {
  return JSON.parse(JSON.stringify(Object.fromEntries(Object.entries(sdk).filter(([name]) => !/^(profile|sso-session|services)\./.test(name)))));
}

describe('parity with the AWS SDK file parser', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'cbs-parity-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const testCase of cases()) {
    it(`sees ${testCase.name} as the SDK does`, async () => {
      const configPath = join(dir, `${testCase.name}.config-file`);
      const credentialsPath = join(dir, `${testCase.name}.credentials-file`);
      writeFileSync(configPath, testCase.config ?? '');
      writeFileSync(credentialsPath, testCase.credentials ?? '');
      const sdk = await parseKnownFiles({ configFilepath: configPath, filepath: credentialsPath, ignoreCache: true });
      const ours = profileValues(testCase.config, testCase.credentials);
      assert.deepEqual(ours, sdkProfiles(sdk));
    });
  }
});
