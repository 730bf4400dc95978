// Builds the bundles and packs the VSIX with vsce. The bundles carry the AWS SDK, so the VSIX
// holds no node_modules (--no-dependencies). Prints the VSIX size: it is a budget we watch.
//
// vsce runs in a staging folder (vsix/stage) holding what .vscodeignore lets into the VSIX and a
// manifest with the project's home (repository, bugs, homepage; scripts/lib/projectHome.mjs). It never
// prompts (stdin closed); its output is shown as it is, and any vsce warning fails the packaging.
// Without a home (no CLAUDE_BEDROCK_REPOSITORY_URL, `origin` not a web URL) the VSIX is for local
// installs only and the script says so; `--release` refuses to pack without one.
//
// The README's relative links and images (the screenshots in media/screenshots): with a GitHub or
// GitLab home vsce rewrites them to the repository's files, which the Marketplace then shows; without
// one (or on another host) vsce cannot and would refuse them, so they stay relative
// (--no-rewrite-relative-links) and the VSIX is for local installs (scripts/lib/listingLinks.mjs).
// Every VSIX is then checked by test/pack/listing.check.mjs: each link and image of its README,
// README.ja.md and CHANGELOG resolves (the VSIX is removed if one does not).
//
// Options: --release (refuse without a home), --no-build (reuse dist/), --out FILE (another VSIX path).
import { spawnSync, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readmeLinkMode } from './lib/listingLinks.mjs';
import { homeFields, projectHome } from './lib/projectHome.mjs';
import { checkListing } from '../test/pack/listing.check.mjs';

const root = resolve(new URL('..', import.meta.url).pathname);
const release = process.argv.includes('--release');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const outIndex = process.argv.indexOf('--out');
const out = outIndex > 0 ? resolve(process.argv[outIndex + 1]) : join(root, 'vsix', `${manifest.name}-${manifest.version}.vsix`);
const stage = join(root, 'vsix', 'stage');

const home = projectHome(root);
if (!home && release) {
  console.error('package --release: the project has no home to name. Set CLAUDE_BEDROCK_REPOSITORY_URL=https://<host>/<owner>/<repo> (or an `origin` remote with that URL) and run again.');
  process.exit(1);
}

const links = readmeLinkMode(home ? homeFields(home).repository.url : undefined);
if (home && !links.rewrite && release) {
  console.error(`package --release: vsce rewrites the README's relative links and images only for a GitHub or GitLab repository, and ${home.url} is neither, so the Marketplace would show the screenshots broken. Release from a GitHub or GitLab repository (CLAUDE_BEDROCK_REPOSITORY_URL).`);
  process.exit(1);
}

if (!process.argv.includes('--no-build')) execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });

rmSync(stage, { recursive: true, force: true });
mkdirSync(stage, { recursive: true });
for (const entry of ['.vscodeignore', 'dist', 'l10n', 'media', 'schemas', 'package.nls.json', 'package.nls.ja.json', 'README.md', 'README.ja.md', 'CHANGELOG.md', 'CONTRIBUTING.md', 'docs', 'LICENSE']) {
  if (existsSync(join(root, entry))) cpSync(join(root, entry), join(stage, entry), { recursive: true });
}
const staged = { ...manifest, ...(home ? homeFields(home) : {}) };
writeFileSync(join(stage, 'package.json'), JSON.stringify(staged, null, 2) + '\n');

const args = [join(root, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '--out', out];
if (!home) args.push('--allow-missing-repository');
if (!links.rewrite) args.push('--no-rewrite-relative-links');
const vsce = spawnSync(process.execPath, args, {
  cwd: stage,
  stdio: ['ignore', 'pipe', 'pipe'],
  encoding: 'utf8',
  env: { ...process.env, FORCE_COLOR: '0' },
});
process.stdout.write(vsce.stdout ?? '');
process.stderr.write(vsce.stderr ?? '');
const output = `${vsce.stdout ?? ''}\n${vsce.stderr ?? ''}`;
const warnings = output.split('\n').filter((line) => /\bWARNING\b|^::warning/.test(line));
if (vsce.error || vsce.status !== 0) {
  console.error(`package: vsce failed (${vsce.error?.message ?? `exit ${vsce.status}`}); its output is above.`);
  process.exit(1);
}
if (warnings.length > 0) {
  rmSync(out, { force: true });
  console.error(`package: vsce printed ${warnings.length} warning(s); fix them (the VSIX was removed):\n${warnings.join('\n')}`);
  process.exit(1);
}
rmSync(stage, { recursive: true, force: true });
const listing = checkListing(out);
if (listing.failures.length > 0) {
  rmSync(out, { force: true });
  console.error(`package: the listing has ${listing.failures.length} link(s) or image(s) that do not resolve (the VSIX was removed):\n${listing.failures.join('\n')}`);
  process.exit(1);
}
console.log(
  `Listing: ${listing.lines.length} links and images of README, README.ja.md and CHANGELOG resolve` +
    (links.rewrite ? `; vsce rewrote the relative ones to ${links.repository} (the Marketplace shows its files).` : '; relative ones stay relative (no GitHub or GitLab home): a VSIX for local installs, whose extension page in VS Code shows no screenshots (it allows https images only).'),
);
console.log(`VSIX ${out}: ${(statSync(out).size / 1024).toFixed(1)} KiB`);
console.log(
  home
    ? `Home: ${home.url} (from ${home.source}), written as repository, bugs and homepage.`
    : 'Home: none (no CLAUDE_BEDROCK_REPOSITORY_URL, and `origin` is not a web URL): this VSIX is for local installs, not for publishing; `npm run package -- --release` requires a home.',
);
