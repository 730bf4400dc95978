import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { discoverProfiles, isCheckable, needsSignIn, ssoLoginProfile, profileDefinitionKey, profileValues, tokenState, usesMetadataService, type CachedToken, type ProfileDiscovery } from '../../src/core/profiles/profiles';

const NOW = new Date('2026-11-22T00:00:00Z');

interface Input {
  config?: string;
  credentials?: string;
  env?: Record<string, string>;
  tokens?: Record<string, CachedToken>;
}

function discover(input: Input): ProfileDiscovery {
  return discoverProfiles({
    config: input.config === undefined ? { path: '/home/u/.aws/config', error: 'missing' } : { path: '/home/u/.aws/config', text: input.config },
    credentials:
      input.credentials === undefined
        ? { path: '/home/u/.aws/credentials', error: 'missing' }
        : { path: '/home/u/.aws/credentials', text: input.credentials },
    env: input.env ?? {},
    tokens: (cache, key) => input.tokens?.[`${cache}:${key}`] ?? { state: 'missing' },
    now: NOW,
  });
}

function profile(discovery: ProfileDiscovery, name: string) {
  const found = discovery.profiles.find((candidate) => candidate.name === name);
  assert.ok(found, `profile ${name} should be discovered; got ${discovery.profiles.map((p) => p.name).join(', ')}`);
  return found;
}

const codes = (problems: readonly { code: string }[]) => problems.map((problem) => problem.code);

describe('profile discovery', () => {
  describe('kinds', () => {
    it('classifies static and session keys from the credentials file, with the region from config', () => {
      const result = discover({
        config: '[profile dev]\nregion = ap-northeast-1\n',
        credentials: '[dev]\naws_access_key_id = FAKEAKIDSTATIC0001\naws_secret_access_key = s3cr3t\n[tmp]\naws_access_key_id = ASIAFAKETMP000001\naws_secret_access_key = s\naws_session_token = t\n',
      });
      const dev = profile(result, 'dev');
      assert.equal(dev.kind, 'static');
      assert.equal(dev.region, 'ap-northeast-1');
      assert.equal(dev.accessKeyIdHint, 'FAKE…0001');
      assert.deepEqual(dev.sources.map((source) => source.file), ['/home/u/.aws/config', '/home/u/.aws/credentials']);
      assert.equal(profile(result, 'tmp').kind, 'session');
    });

    it('resolves SSO through an sso-session with the token state from the cache', () => {
      const config = [
        '[profile sso-dev]',
        'sso_session = corp',
        'sso_account_id = 111122223333',
        'sso_role_name = BedrockUser',
        'region = ap-northeast-1',
        '[sso-session corp]',
        'sso_start_url = https://corp.awsapps.com/start',
        'sso_region = us-east-1',
      ].join('\n');
      const valid = discover({ config, tokens: { 'sso:corp': { state: 'found', expiresAt: '2026-11-22T08:00:00Z', refreshable: true } } });
      const dev = profile(valid, 'sso-dev');
      assert.equal(dev.kind, 'sso');
      assert.equal(dev.sso?.startUrl, 'https://corp.awsapps.com/start');
      assert.equal(dev.sso?.ssoRegion, 'us-east-1');
      assert.equal(dev.sso?.accountId, '111122223333');
      assert.equal(dev.sso?.roleName, 'BedrockUser');
      assert.deepEqual(dev.sso?.token, { state: 'valid', expiresAt: '2026-11-22T08:00:00.000Z' });
      assert.deepEqual(codes(dev.problems), []);

      const expired = profile(discover({ config, tokens: { 'sso:corp': { state: 'found', expiresAt: '2026-11-21T08:00:00Z', refreshable: false } } }), 'sso-dev');
      assert.equal(expired.sso?.token.state, 'expired');
      const problem = expired.problems.find((candidate) => candidate.code === 'sso-token-expired');
      assert.equal(problem?.severity, 'error');
      assert.equal(problem?.params.loginProfile, 'sso-dev');

      const refreshable = profile(discover({ config, tokens: { 'sso:corp': { state: 'found', expiresAt: '2026-11-21T08:00:00Z', refreshable: true } } }), 'sso-dev');
      assert.equal(refreshable.problems.find((candidate) => candidate.code === 'sso-token-expired')?.severity, 'warning');

      const missing = profile(discover({ config }), 'sso-dev');
      assert.deepEqual(missing.sso?.token, { state: 'missing' });
      assert.deepEqual(codes(missing.problems), ['sso-token-missing']);
    });

    it('keys the legacy SSO token cache on the start URL and needs all four settings', () => {
      const config = '[profile old]\nsso_start_url = https://old.awsapps.com/start\nsso_region = us-east-1\nsso_account_id = 1\nsso_role_name = R\nregion = us-west-2\n';
      const old = profile(discover({ config, tokens: { 'sso:https://old.awsapps.com/start': { state: 'found', expiresAt: '2027-01-01T00:00:00Z', refreshable: true } } }), 'old');
      assert.equal(old.kind, 'sso-legacy');
      assert.equal(old.sso?.token.state, 'valid');
      const incomplete = profile(discover({ config: '[profile half]\nsso_start_url = https://x/start\nregion = us-east-1\n' }), 'half');
      assert.equal(incomplete.kind, 'sso-legacy');
      const problem = incomplete.problems.find((candidate) => candidate.code === 'sso-incomplete');
      assert.equal(problem?.params.keys, 'sso_account_id, sso_region, sso_role_name');
    });

    it('reports a missing or incomplete sso-session and conflicting settings', () => {
      const missing = profile(discover({ config: '[profile a]\nsso_session = nope\nsso_account_id = 1\nsso_role_name = R\n' }), 'a');
      assert.ok(codes(missing.problems).includes('sso-session-missing'));
      const incomplete = profile(discover({ config: '[profile a]\nsso_session = s\nsso_account_id = 1\nsso_role_name = R\n[sso-session s]\nsso_region = us-east-1\n' }), 'a');
      assert.equal(incomplete.problems.find((problem) => problem.code === 'sso-session-incomplete')?.params.keys, 'sso_start_url');
      const conflict = profile(
        discover({ config: '[profile a]\nsso_session = s\nsso_region = eu-west-1\nsso_account_id = 1\nsso_role_name = R\n[sso-session s]\nsso_start_url = https://x\nsso_region = us-east-1\n' }),
        'a',
      );
      assert.ok(codes(conflict.problems).includes('sso-conflict'));
    });

    it('resolves assume-role chains through source_profile to the credentials they start from', () => {
      const result = discover({
        config: [
          '[profile base]',
          'region = ap-northeast-1',
          '[profile hop1]',
          'role_arn = arn:aws:iam::1:role/A',
          'source_profile = base',
          '[profile hop2]',
          'role_arn = arn:aws:iam::2:role/B',
          'source_profile = hop1',
          'mfa_serial = arn:aws:iam::1:mfa/u',
        ].join('\n'),
        credentials: '[base]\naws_access_key_id = FAKEAKIDBASE00001\naws_secret_access_key = x\n',
      });
      const hop2 = profile(result, 'hop2');
      assert.equal(hop2.kind, 'assume-role');
      assert.deepEqual(hop2.chain, [
        { profile: 'hop2', roleArn: 'arn:aws:iam::2:role/B' },
        { profile: 'hop1', roleArn: 'arn:aws:iam::1:role/A' },
        { profile: 'base', kind: 'static' },
      ]);
      assert.equal(hop2.mfaSerial, true);
      assert.ok(codes(hop2.problems).includes('mfa-required'));
      assert.equal(hop2.accessKeyIdHint, undefined, 'a role profile shows no key of its own');
    });

    it('resolves credential_source, and rejects an unknown one', () => {
      const result = discover({ config: '[profile ec2]\nrole_arn = arn:aws:iam::1:role/R\ncredential_source = Ec2InstanceMetadata\n[profile bad]\nrole_arn = arn:aws:iam::1:role/R\ncredential_source = Laptop\n' });
      assert.deepEqual(profile(result, 'ec2').chain, [{ profile: 'ec2', roleArn: 'arn:aws:iam::1:role/R', credentialSource: 'Ec2InstanceMetadata' }]);
      assert.ok(codes(profile(result, 'bad').problems).includes('unsupported-credential-source'));
    });

    it('marks profiles fed by the instance or container metadata service as not checkable here', () => {
      const result = discover({
        config: '[profile ec2]\nrole_arn = arn:aws:iam::1:role/R\ncredential_source = Ec2InstanceMetadata\n[profile env]\nrole_arn = arn:aws:iam::1:role/R\ncredential_source = Environment\n[profile via]\nrole_arn = arn:aws:iam::1:role/S\nsource_profile = ecs\n[profile ecs]\ncredential_source = EcsContainer\n',
      });
      assert.equal(usesMetadataService(profile(result, 'ec2')), true);
      assert.ok(codes(profile(result, 'ec2').problems).includes('metadata-credential-source'));
      assert.equal(usesMetadataService(profile(result, 'env')), false);
      assert.equal(usesMetadataService(profile(result, 'via')), true, 'a chain that starts at the container endpoint');
    });

    it('follows the SDK when both source_profile and credential_source are set: no role assumption', () => {
      const both = profile(discover({ config: '[profile x]\nrole_arn = arn:aws:iam::1:role/R\nsource_profile = y\ncredential_source = Environment\n' }), 'x');
      assert.notEqual(both.kind, 'assume-role');
      assert.ok(codes(both.problems).includes('source-profile-and-credential-source'));
    });

    it('detects role-chain cycles but accepts a profile that sources its own static keys', () => {
      const result = discover({
        config: '[profile a]\nrole_arn = arn:aws:iam::1:role/A\nsource_profile = b\n[profile b]\nrole_arn = arn:aws:iam::1:role/B\nsource_profile = a\n[profile self]\nrole_arn = arn:aws:iam::1:role/S\nsource_profile = self\n',
        credentials: '[self]\naws_access_key_id = FAKEAKIDSELF00001\naws_secret_access_key = x\n',
      });
      const cycle = profile(result, 'a').problems.find((problem) => problem.code === 'role-chain-cycle');
      assert.equal(cycle?.params.path, 'a → b → a');
      const self = profile(result, 'self');
      assert.equal(self.kind, 'assume-role');
      assert.deepEqual(codes(self.problems).filter((code) => code !== 'no-region'), []);
      assert.deepEqual(self.chain?.[1], { profile: 'self', kind: 'static' });
    });

    it('reports a missing source profile and one without credentials, with file and line', () => {
      const result = discover({ config: '[profile a]\nrole_arn = arn:aws:iam::1:role/A\nsource_profile = ghost\n[profile b]\nrole_arn = arn:aws:iam::1:role/B\nsource_profile = empty\n[profile empty]\nregion = us-east-1\n' });
      const missing = profile(result, 'a').problems.find((problem) => problem.code === 'missing-source-profile');
      assert.equal(missing?.params.source, 'ghost');
      assert.equal(missing?.file, '/home/u/.aws/config');
      assert.equal(missing?.line, 3);
      assert.equal(profile(result, 'b').problems.find((problem) => problem.code === 'source-profile-without-credentials')?.params.source, 'empty');
    });

    it('knows which profile to sign in with and which profiles can be checked', () => {
      const result = discover({
        config: '[profile sso]\nsso_session = s\nsso_account_id = 1\nsso_role_name = R\n[sso-session s]\nsso_start_url = https://x\nsso_region = us-east-1\n[profile role]\nrole_arn = arn:aws:iam::1:role/A\nsource_profile = sso\n[profile plain]\nregion = us-east-1\n',
        credentials: '[keys]\naws_access_key_id = FAKEAKIDKEYS00001\naws_secret_access_key = x\n',
      });
      assert.equal(ssoLoginProfile(profile(result, 'sso')), 'sso');
      assert.equal(ssoLoginProfile(profile(result, 'role')), 'sso');
      assert.equal(ssoLoginProfile(profile(result, 'keys')), undefined);
      assert.deepEqual(result.profiles.filter(isCheckable).map((p) => p.name), ['sso', 'role', 'keys']);
    });

    it('names the root SSO profile in the sign-in fix of a chain that starts from SSO', () => {
      const result = discover({
        config: '[profile sso]\nsso_session = s\nsso_account_id = 1\nsso_role_name = R\n[sso-session s]\nsso_start_url = https://x\nsso_region = us-east-1\n[profile role]\nrole_arn = arn:aws:iam::1:role/A\nsource_profile = sso\n',
        tokens: { 'sso:s': { state: 'found', expiresAt: '2020-01-01T00:00:00Z', refreshable: false } },
      });
      const problem = profile(result, 'role').problems.find((candidate) => candidate.code === 'sso-token-expired');
      assert.equal(problem?.params.loginProfile, 'sso');
    });

    it('recognises credential_process without exposing its arguments', () => {
      const process = profile(discover({ config: '[profile p]\ncredential_process = /opt/bin/creds --secret hunter2 --account 1\n' }), 'p');
      assert.equal(process.kind, 'credential-process');
      assert.equal(process.credentialProcessProgram, '/opt/bin/creds');
      assert.ok(!JSON.stringify(process).includes('hunter2'));
      const quoted = profile(discover({ config: '[profile q]\ncredential_process = "/Program Files/creds.exe" --token abc\n' }), 'q');
      assert.equal(quoted.credentialProcessProgram, '/Program Files/creds.exe');
    });

    it('recognises web identity and aws login sessions', () => {
      const result = discover({
        config: '[profile ci]\nrole_arn = arn:aws:iam::1:role/Ci\nweb_identity_token_file = /var/run/token\n[profile login]\nlogin_session = arn:aws:iam::1:user/me\n',
        tokens: { 'login:arn:aws:iam::1:user/me': { state: 'found', expiresAt: '2027-01-01T00:00:00Z', refreshable: true } },
      });
      const ci = profile(result, 'ci');
      assert.equal(ci.kind, 'web-identity');
      assert.equal(ci.webIdentityTokenFile, '/var/run/token');
      const login = profile(result, 'login');
      assert.equal(login.kind, 'login');
      assert.equal(login.loginSession?.token.state, 'valid');
    });

    it('marks a settings-only profile as having no credentials, and half a key pair as an error', () => {
      const result = discover({ config: '[profile settings]\nregion = us-east-1\n', credentials: '[half]\naws_access_key_id = FAKEAKIDHALF00001\n' });
      assert.equal(profile(result, 'settings').kind, 'none');
      assert.ok(codes(profile(result, 'settings').problems).includes('no-credentials'));
      assert.ok(codes(profile(result, 'half').problems).includes('incomplete-static-keys'));
    });
  });

  describe('the files themselves', () => {
    it('reports sections the SDK ignores: bare [x] in config, [profile x] in credentials, odd names', () => {
      const result = discover({
        config: '[work]\nregion = us-east-1\n[profile ok]\nregion = us-east-1\n[profile has space]\nregion = x\n',
        credentials: '[profile misplaced]\naws_access_key_id = FAKEAKIDMISPL0001\naws_secret_access_key = x\n',
      });
      assert.deepEqual(result.profiles.map((p) => p.name), ['ok']);
      const byCode = new Map(result.problems.map((problem) => [problem.code, problem]));
      assert.equal(byCode.get('bare-config-section')?.line, 1);
      assert.equal(byCode.get('invalid-section-name')?.line, 5);
      assert.equal(byCode.get('credentials-prefixed-section')?.file, '/home/u/.aws/credentials');
    });

    it('reports duplicate sections and merges them as the SDK does', () => {
      const result = discover({ config: '[profile a]\nregion = us-east-1\noutput = json\n[profile a]\nregion = eu-west-1\n' });
      assert.equal(profile(result, 'a').region, 'eu-west-1');
      const duplicate = result.problems.find((problem) => problem.code === 'duplicate-section');
      assert.equal(duplicate?.line, 4);
      assert.equal(duplicate?.params.firstLine, '1');
    });

    it('uses [profile default] over [default] and says so', () => {
      const result = discover({ config: '[default]\nregion = us-east-1\n[profile default]\nregion = eu-west-1\n' });
      assert.equal(profile(result, 'default').region, 'eu-west-1');
      assert.ok(codes(result.problems).includes('default-section-shadowed'));
    });

    it('reports unparsable lines and lines outside sections with their line numbers', () => {
      const result = discover({ config: 'region = us-east-1\n[profile a]\nthis is not a setting\n= value\nregion = ap-northeast-1\n' });
      assert.deepEqual(
        result.problems.map((problem) => [problem.code, problem.line]),
        [
          ['line-outside-section', 1],
          ['unparsable-line', 3],
          ['unparsable-line', 4],
        ],
      );
      assert.equal(profile(result, 'a').region, 'ap-northeast-1');
    });

    it('treats a __proto__ section as the SDK does: the whole file is ignored', () => {
      const result = discover({ config: '[profile a]\nregion = us-east-1\n[profile __proto__]\nregion = x\n' });
      assert.deepEqual(result.profiles, []);
      assert.equal(result.problems[0]?.code, 'file-ignored-blocked-name');
    });

    it('reads CRLF line endings, a byte order mark, comments and indented sub-sections', () => {
      const config = '\uFEFF[profile a] ; comment\r\nregion = ap-northeast-1 # trailing\r\n# full line\r\ns3 =\r\n  max_concurrent_requests = 10\r\noutput = json\r\n';
      const result = discover({ config });
      const a = profile(result, 'a');
      assert.equal(a.region, 'ap-northeast-1');
      assert.deepEqual(result.problems, []);
      assert.deepEqual(profileValues(config, undefined).a, { region: 'ap-northeast-1', 's3.max_concurrent_requests': '10', output: 'json' });
    });

    it('gives an empty result for empty, missing or unreadable files, and says which were unreadable', () => {
      assert.deepEqual(discover({ config: '', credentials: '' }).profiles, []);
      const missing = discover({});
      assert.deepEqual(missing.profiles, []);
      assert.equal(missing.files.config.state, 'missing');
      assert.deepEqual(missing.problems, []);
      const unreadable = discoverProfiles({
        config: { path: '/c', error: 'unreadable', detail: 'EACCES' },
        credentials: { path: '/k', error: 'missing' },
        env: {},
        tokens: () => ({ state: 'missing' }),
        now: NOW,
      });
      assert.equal(unreadable.problems[0]?.code, 'file-unreadable');
      assert.equal(unreadable.files.config.state, 'unreadable');
    });

    it('never throws on binary garbage', () => {
      let garbage = '';
      for (let i = 0; i < 5000; i++) garbage += String.fromCharCode((i * 7919) % 65536);
      assert.doesNotThrow(() => discover({ config: garbage, credentials: `[x]\n${garbage}` }));
    });

    it('keeps unicode and HTML-like profile names from the credentials file as plain names', () => {
      const result = discover({ credentials: '[開発者]\naws_access_key_id = FAKEAKIDUNI000001\naws_secret_access_key = x\n[<b>x</b>]\naws_access_key_id = FAKEAKIDHTM000001\naws_secret_access_key = y\n' });
      assert.deepEqual(result.profiles.map((p) => p.name), ['開発者', '<b>x</b>']);
    });

    it('lists 1,000 profiles', () => {
      const lines: string[] = [];
      for (let i = 0; i < 1000; i++) lines.push(`[profile p${i}]`, `role_arn = arn:aws:iam::1:role/R${i}`, `source_profile = ${i === 0 ? 'base' : `p${i - 1}`}`);
      const result = discover({ config: lines.join('\n'), credentials: '[base]\naws_access_key_id = FAKEAKIDBASE00001\naws_secret_access_key = x\n' });
      assert.equal(result.profiles.length, 1001);
      assert.equal(profile(result, 'p999').chain?.length, 1001);
    });
  });

  describe('environment', () => {
    it('describes environment credentials without their secrets and marks the active profile', () => {
      const result = discover({
        config: '[profile a]\nregion = us-east-1\n',
        env: {
          AWS_ACCESS_KEY_ID: 'ASIAFAKEENVKEY0001',
          AWS_SECRET_ACCESS_KEY: 'env-secret-do-not-show',
          AWS_SESSION_TOKEN: 'env-token-do-not-show',
          AWS_BEARER_TOKEN_BEDROCK: 'bedrock-key-do-not-show',
          AWS_PROFILE: 'a',
          AWS_REGION: 'ap-northeast-1',
          AWS_ENDPOINT_URL_STS: 'http://127.0.0.1:4566',
        },
      });
      assert.deepEqual(result.environment.credentials, { kind: 'session', accessKeyIdHint: 'ASIA…0001' });
      assert.equal(result.environment.bedrockApiKey, true);
      assert.equal(result.environment.region, 'ap-northeast-1');
      assert.deepEqual(result.environment.endpointOverrides, { AWS_ENDPOINT_URL_STS: 'http://127.0.0.1:4566' });
      assert.equal(result.activeProfile, 'a');
      assert.equal(profile(result, 'a').isActive, true);
      assert.deepEqual(codes(result.problems), ['env-keys-shadow-profile', 'bedrock-api-key-in-env']);
      assert.ok(!/do-not-show/.test(JSON.stringify(result)));
    });

    it('reports AWS_PROFILE naming a missing profile and half a key pair', () => {
      const result = discover({ env: { AWS_PROFILE: 'ghost', AWS_ACCESS_KEY_ID: 'FAKEAKIDENV000001' } });
      assert.deepEqual(codes(result.problems), ['env-profile-missing', 'env-keys-incomplete']);
    });
  });

  describe('secrets', () => {
    it('never puts a secret value of the every-kind fixture into the result', () => {
      const dir = join(__dirname, '..', 'fixtures', 'every-kind', '.aws');
      const result = discover({ config: readFileSync(join(dir, 'config'), 'utf8'), credentials: readFileSync(join(dir, 'credentials'), 'utf8') });
      const text = JSON.stringify(result);
      assert.ok(result.profiles.length > 15);
      for (const secret of ['do-not-print', 'super-secret-argument', 'FAKEAKIDSTATIC0001']) {
        assert.ok(!text.includes(secret), `${secret} leaked into the discovery result`);
      }
    });
  });

  describe('what a check result depends on', () => {
    const config = '[profile s]\nsso_session = c\nsso_account_id = 1\nsso_role_name = R\nregion = us-east-1\n[sso-session c]\nsso_start_url = https://x\nsso_region = us-east-1\n';
    const at = (expiresAt: string) => profile(discover({ config, tokens: { 'sso:c': { state: 'found', expiresAt, refreshable: false } } }), 's');

    it('keeps the definition key when only the sign-in changes, and changes it when the definition does', () => {
      assert.equal(profileDefinitionKey(at('2020-01-01T00:00:00Z')), profileDefinitionKey(at('2027-01-01T00:00:00Z')));
      const otherRole = profile(discover({ config: config.replace('sso_role_name = R', 'sso_role_name = Admin') }), 's');
      assert.notEqual(profileDefinitionKey(otherRole), profileDefinitionKey(at('2027-01-01T00:00:00Z')));
    });

    it('says when a sign-in is needed', () => {
      assert.equal(needsSignIn(at('2020-01-01T00:00:00Z')), true);
      assert.equal(needsSignIn(at('2027-01-01T00:00:00Z')), false);
    });
  });

  describe('tokenState', () => {
    it('reads expiry relative to now and treats an unparsable time as unreadable', () => {
      assert.equal(tokenState({ state: 'found', expiresAt: '2026-11-22T00:00:01Z', refreshable: false }, NOW).state, 'valid');
      assert.equal(tokenState({ state: 'found', expiresAt: '2026-11-22T00:00:00Z', refreshable: false }, NOW).state, 'expired');
      assert.equal(tokenState({ state: 'found', expiresAt: 'soon', refreshable: false }, NOW).state, 'unreadable');
      assert.equal(tokenState({ state: 'found', refreshable: false }, NOW).state, 'unreadable');
    });
  });
});
