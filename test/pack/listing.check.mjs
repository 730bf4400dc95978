// The packed listing resolves: unpacks a VSIX (a zip, read with node's zlib) and checks every image and
// link of its README, README.ja.md and CHANGELOG as vsce packed them (scripts/lib/listingLinks.mjs says
// what vsce does to them and what is allowed). A relative path must name a file inside the package
// (vsce packs README.md as readme.md, CHANGELOG.md as changelog.md and LICENSE as LICENSE.txt; a link to
// the repository name resolves to the packed one); an absolute link must be https, to the project's own
// repository or to an allowed documentation host; images come only from the package. When vsce
// rewrote the relative paths to the repository (a GitHub or GitLab home), each rewritten path must be
// in the package and tracked by git, since the Marketplace fetches it from the repository's default
// branch. scripts/package.mjs runs this on every VSIX it makes.
//
// Usage:
//   node test/pack/listing.check.mjs [FILE.vsix]   check a VSIX (default: the one `npm run package` made)
//   node test/pack/listing.check.mjs --marketplace packs the VSIX again for an example GitHub home, as a
//                                                  release would, and checks what the Marketplace shows
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractLinks, headingAnchors, judgeLink, readmeLinkMode } from '../../scripts/lib/listingLinks.mjs';
import { readZip } from '../../scripts/lib/zip.mjs';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** Listing files: the path vsce packs them at (under extension/) → the repository path. */
const LISTING = [
  ['readme.md', 'README.md', true],
  ['README.ja.md', 'README.ja.md', false],
  ['changelog.md', 'CHANGELOG.md', true],
];
/** vsce's renames: repository path → packed path. */
const PACKED_AS = { 'README.md': 'readme.md', 'CHANGELOG.md': 'changelog.md', LICENSE: 'LICENSE.txt' };

function trackedByGit(path) {
  try {
    execFileSync('git', ['ls-files', '--error-unmatch', '--', path], { cwd: root, stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Checks the listing of the VSIX at `vsixPath`. Returns `{ failures, lines, mode, home }`: one line per
 * link (ok or the reason it fails), and the failures among them.
 */
export function checkListing(vsixPath) {
  const entries = readZip(readFileSync(vsixPath), vsixPath);
  const files = new Set();
  for (const name of entries.keys()) if (name.startsWith('extension/')) files.add(name.slice('extension/'.length));
  // A link written to the repository's name of a renamed file resolves to the packed file.
  const lookup = new Set(files);
  for (const [repositoryPath, packed] of Object.entries(PACKED_AS)) if (files.has(packed)) lookup.add(repositoryPath);
  const manifest = JSON.parse(entries.get('extension/package.json').toString('utf8'));
  const repositoryUrl = typeof manifest.repository === 'string' ? manifest.repository : manifest.repository?.url;
  const mode = readmeLinkMode(repositoryUrl);
  const home = mode.rewrite ? mode.repository : repositoryUrl?.replace(/\.git$/, '');
  const anchors = new Map();
  const texts = new Map();
  for (const [packed, repositoryPath] of LISTING) {
    const bytes = entries.get(`extension/${packed}`);
    if (!bytes) continue;
    const text = bytes.toString('utf8');
    texts.set(repositoryPath, text);
    anchors.set(repositoryPath, headingAnchors(text));
  }
  const lines = [];
  const failures = [];
  const report = (where, link, verdict) => {
    const line = `${verdict.ok ? '  ok  ' : '  FAIL'} ${where}:${link.line} ${link.kind} ${link.target} — ${verdict.why}`;
    lines.push(line);
    if (!verdict.ok) failures.push(line);
  };
  if (!texts.has('README.md')) failures.push('  FAIL the VSIX has no extension/readme.md');
  for (const [packed, repositoryPath, rewritten] of LISTING) {
    const text = texts.get(repositoryPath);
    if (text === undefined) continue;
    const where = packed === repositoryPath ? packed : `${packed} (${repositoryPath})`;
    for (const link of extractLinks(text)) {
      let verdict = judgeLink(link, { file: repositoryPath, files: lookup, anchors, mode, rewritten, home });
      if (verdict.ok && mode.rewrite && rewritten && link.target.startsWith(`${mode.repository}/`)) {
        const path = decodeURIComponent(link.target.replace(/^https:\/\/[^/]+\/[^/]+\/[^/]+\/(?:-\/)?(?:raw|blob)\/HEAD\//, '').split('#')[0]);
        if (path !== link.target && !trackedByGit(path)) {
          verdict = { ok: false, why: `${path} is not tracked by git, and the Marketplace fetches it from the repository` };
        }
      }
      if (verdict.ok) verdict = { ...verdict, why: verdict.why.replace(/^(\S+) is in the package/, (whole, path) => (PACKED_AS[path] ? `${path} is in the package, as ${PACKED_AS[path]}` : whole)) };
      report(where, link, verdict);
    }
  }
  // README.md links to README.ja.md: it must be packed too, or the Japanese page is lost.
  if (texts.has('README.md') && /README\.ja\.md/.test(texts.get('README.md')) && !files.has('README.ja.md')) {
    failures.push('  FAIL readme.md links README.ja.md, which is not in the package (add it to .vscodeignore and scripts/package.mjs)');
  }
  return { failures, lines, mode, home };
}

function printAndExit({ failures, lines, mode, home }, vsixPath) {
  console.log(`Listing of ${vsixPath}: ${mode.rewrite ? `relative paths rewritten by vsce to ${mode.images}/… (images) and ${mode.content}/… (links)` : `relative paths left as they are (home: ${home ?? 'none'}); VS Code's extension page shows https images only, so the screenshots appear once the VSIX is packed with a GitHub or GitLab home`}`);
  for (const line of lines) console.log(line);
  if (failures.length > 0) {
    console.error(`listing: ${failures.length} link(s) or image(s) do not resolve:\n${failures.join('\n')}`);
    process.exit(1);
  }
  console.log(`listing: ${lines.length} links and images resolve.`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--marketplace')) {
    const work = mkdtempSync(join(tmpdir(), 'cbs-listing-'));
    try {
      const out = join(work, 'marketplace.vsix');
      const packed = spawnSync(process.execPath, [join(root, 'scripts', 'package.mjs'), '--no-build', '--out', out], {
        cwd: root,
        stdio: 'inherit',
        env: { ...process.env, CLAUDE_BEDROCK_REPOSITORY_URL: 'https://github.com/example-owner/claude-bedrock-setup' },
      });
      if (packed.status !== 0) process.exit(packed.status ?? 1);
      const result = checkListing(out);
      if (!result.mode.rewrite) {
        console.error('listing: vsce did not rewrite the relative paths for a GitHub home; the check expected it to.');
        process.exit(1);
      }
      printAndExit(result, 'the VSIX for an example GitHub home');
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  } else {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    const vsixPath = process.argv[2] ?? join(root, 'vsix', `${manifest.name}-${manifest.version}.vsix`);
    printAndExit(checkListing(vsixPath), vsixPath);
  }
}
