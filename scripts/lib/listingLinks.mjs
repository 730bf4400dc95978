// The links and images of the listing (README.md, README.ja.md, CHANGELOG.md as packed in the VSIX) and
// whether each resolves where the listing is shown. Shared by scripts/package.mjs (which tells vsce how
// to treat relative links) and test/pack/listing.check.mjs (which checks the packed files), so the two
// agree.
//
// What vsce 3 does with the README's links (node_modules/@vscode/vsce/out/package.js, MarkdownProcessor):
// - With a `repository` on GitHub or GitLab it rewrites every relative inline link `[text](path)` to
//   `<repo>/blob/HEAD/path` and every relative image `![alt](path)` or `<img src="path">` to
//   `<repo>/raw/HEAD/path` in README.md and CHANGELOG.md (other files, such as README.ja.md, are packed
//   as they are). The Marketplace shows that rewritten README, so its images come from the repository's
//   default branch. Reference-style links (`[text][ref]` with `[ref]: path`) are not rewritten. It also
//   turns ` #12` into a link to issue 12 of the repository, and ` owner/repo#12` into one to another
//   repository's issue.
// - Without a repository it can rewrite nothing and refuses to pack a README with a relative link or
//   image ("Couldn't detect the repository …"); so does it with a repository on any other host.
//   scripts/package.mjs then passes --no-rewrite-relative-links: the VSIX is for local installs, and
//   VS Code shows its README from the installed files, where relative paths resolve.
// - Images must be https (after rewriting); SVG images only from a short list of badge hosts.

/** Hosts of well-known documentation that the listing may link to, besides the project's own home. */
export const ALLOWED_DOC_HOSTS = [
  'docs.anthropic.com',
  'docs.claude.com',
  'docs.aws.amazon.com',
  'aws.amazon.com',
  'code.visualstudio.com',
  'keepachangelog.com',
  'semver.org',
];

/**
 * How vsce treats the README's relative links for a manifest `repository` URL (string or undefined):
 * `{ rewrite: true, content, images, repository }` when vsce rewrites them (GitHub, GitLab), else
 * `{ rewrite: false }`. The same regular expressions as vsce's guessBaseUrls, with its default branch HEAD.
 */
export function readmeLinkMode(repositoryUrl) {
  if (typeof repositoryUrl !== 'string' || repositoryUrl === '') return { rewrite: false };
  const gitHub = /(?<domain>github(\.com\/|:))(?<project>(?:[^/]+)\/(?:[^/]+))(\/|$)/.exec(repositoryUrl);
  const gitLab = /(?<domain>gitlab(\.com\/|:))(?<project>(?:[^/]+)(\/(?:[^/]+))+)(\/|$)/.exec(repositoryUrl);
  const match = gitHub ?? gitLab;
  if (!match) return { rewrite: false };
  const project = match.groups.project.replace(/\.git$/i, '');
  return gitHub
    ? { rewrite: true, repository: `https://github.com/${project}`, content: `https://github.com/${project}/blob/HEAD`, images: `https://github.com/${project}/raw/HEAD` }
    : { rewrite: true, repository: `https://gitlab.com/${project}`, content: `https://gitlab.com/${project}/-/blob/HEAD`, images: `https://gitlab.com/${project}/-/raw/HEAD` };
}

/** The text with code blocks, code spans and HTML comments blanked (line breaks kept), so their contents are not taken for links. */
function withoutCode(markdown) {
  const blank = (text) => text.replace(/[^\n]/g, ' ');
  return markdown
    .replace(/^( {0,3})(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:^ {0,3}\2[^\n]*$|(?![\s\S]))/gm, blank)
    .replace(/<!--[\s\S]*?-->/g, blank)
    .replace(/(`+)(?!`)[\s\S]*?[^`]\1(?!`)/g, blank);
}

/**
 * Every link and image of a Markdown text: `{ kind: 'image' | 'link', target, line, syntax }`, where
 * syntax is `inline`, `reference` (a `[ref]: target` definition), `html` (`<img src>`, `<a href>`) or
 * `bare` (an autolink or a URL in the text). Code is left out.
 */
export function extractLinks(markdown) {
  let text = withoutCode(markdown);
  const found = [];
  const lineAt = (index) => text.slice(0, index).split('\n').length;
  const take = (regex, make) => {
    text = text.replace(regex, (...args) => {
      const match = args[0];
      const index = args.at(-2);
      const link = make(...args);
      if (link) found.push({ ...link, line: lineAt(index) });
      return match.replace(/[^\n]/g, ' ');
    });
  };
  // Images first (also those inside a link's text), then the links around them.
  take(/!\[[^\]]*\]\(\s*<?([^)\s>]*)>?(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)/g, (_, target) => ({ kind: 'image', target, syntax: 'inline' }));
  take(/\[((?:[^[\]]|\[[^\]]*\])*)\]\(\s*<?([^)\s>]*)>?(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)/g, (_, _text, target) => ({ kind: 'link', target, syntax: 'inline' }));
  take(/^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*$/gm, (_, target) => ({ kind: 'link', target, syntax: 'reference' }));
  take(/<img\b[^>]*?\bsrc\s*=\s*["']([^"']*)["'][^>]*>/gi, (_, target) => ({ kind: 'image', target, syntax: 'html' }));
  take(/<a\b[^>]*?\bhref\s*=\s*["']([^"']*)["'][^>]*>/gi, (_, target) => ({ kind: 'link', target, syntax: 'html' }));
  take(/<((?:https?|ftp|mailto):[^>\s]+)>/gi, (_, target) => ({ kind: 'link', target, syntax: 'bare' }));
  take(/\b(?:https?|ftp):\/\/[^\s<>()\]"'`]+[^\s<>()\]"'`.,;:!?]/gi, (target) => ({ kind: 'link', target, syntax: 'bare' }));
  return found.sort((a, b) => a.line - b.line);
}

/** GitHub's anchor of a heading: lower case, punctuation dropped (letters of every script kept), spaces to hyphens. */
export function headingSlug(heading) {
  return heading
    .trim()
    .toLowerCase()
    .replace(/<[^>]+>/g, '')
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** The anchors of a Markdown text's ATX headings (`#` to `######`), numbered as GitHub numbers repeats. */
export function headingAnchors(markdown) {
  const anchors = new Set();
  for (const match of withoutCode(markdown).matchAll(/^ {0,3}#{1,6}[ \t]+(.+?)[ \t#]*$/gm)) {
    const slug = headingSlug(match[1].replace(/`/g, ''));
    let anchor = slug;
    for (let n = 1; anchors.has(anchor); n++) anchor = `${slug}-${n}`;
    anchors.add(anchor);
  }
  return anchors;
}

/** A path relative to the package root for `target` written in `file` (both POSIX), or undefined if it leaves the package. */
function resolveInPackage(file, target) {
  const parts = file.split('/').slice(0, -1);
  for (const segment of target.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else {
      parts.push(segment);
    }
  }
  return parts.join('/');
}

function decoded(path) {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/**
 * Whether one link of a packed listing file resolves where the listing is shown: `{ ok, why }`.
 * context: `{ file` (its path in the package, e.g. `README.md`), `files` (Set of every path in the
 * package), `anchors` (Map file → Set of heading anchors), `mode` (readmeLinkMode of the packed
 * manifest), `rewritten` (whether vsce processed this file: README.md and CHANGELOG.md), `home`
 * (the project's https URL from the manifest, or undefined) `}`.
 */
export function judgeLink(link, context) {
  const { target, kind } = link;
  const { file, files, anchors, mode, rewritten, home } = context;
  const inPackage = (path, how) => {
    const [withoutFragment, fragment] = path.split('#');
    const clean = decoded(withoutFragment.split('?')[0]);
    if (clean.split('/').includes('..')) return { ok: false, why: `${how} climbs out with ../; nothing may point outside the repository` };
    const resolved = resolveInPackage(file, clean);
    if (resolved === undefined) return { ok: false, why: `${how} leaves the package` };
    if (!files.has(resolved)) return { ok: false, why: `${how} names ${resolved}, which is not in the package` };
    if (fragment && kind === 'link' && /\.md$/i.test(resolved)) {
      if (!anchors.get(resolved)?.has(fragment)) return { ok: false, why: `${resolved} has no heading with the anchor #${fragment}` };
    }
    return { ok: true, why: `${resolved} is in the package${fragment ? ` (#${fragment})` : ''}` };
  };
  if (target === '') return { ok: false, why: 'an empty target' };
  if (target.startsWith('#')) {
    const anchor = decoded(target.slice(1));
    return anchors.get(file)?.has(anchor)
      ? { ok: true, why: `a heading of ${file}` }
      : { ok: false, why: `${file} has no heading with the anchor #${anchor}` };
  }
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(target)?.[1]?.toLowerCase();
  if (scheme === undefined) {
    if (target.startsWith('/')) return { ok: false, why: 'a path from the root of a server: write it relative to the file' };
    if (rewritten && mode.rewrite) {
      return { ok: false, why: `vsce left this ${link.syntax} path relative (it rewrites inline links and images only), so the Marketplace would show it broken: write it as an inline link` };
    }
    return inPackage(target, 'the relative path');
  }
  if (scheme !== 'https') return { ok: false, why: `${scheme}: is not allowed; links and images must be https` };
  let url;
  try {
    url = new URL(target);
  } catch {
    return { ok: false, why: 'not a valid URL' };
  }
  if (mode.rewrite) {
    for (const base of [mode.images, mode.content]) {
      if (target.startsWith(`${base}/`)) {
        if (kind === 'image' && base !== mode.images) return { ok: false, why: 'an image from a blob page (not raw)' };
        return inPackage(target.slice(base.length + 1), `the repository path (vsce's ${base === mode.images ? 'raw' : 'blob'} URL)`);
      }
    }
    const issue = new RegExp(`^${mode.repository.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/(?:-/)?issues/(\\d+)$`).exec(target);
    if (issue) return { ok: false, why: `vsce turned "#${issue[1]}" in the text into a link to issue ${issue[1]}; write it without a # before the number` };
  }
  if (kind === 'image') return { ok: false, why: 'an image from outside the package; every image of the listing comes from media/' };
  const ownHome = home && (target === home || target.startsWith(`${home}/`) || target.startsWith(`${home}#`));
  if (ownHome) return { ok: true, why: "the project's own repository" };
  if (ALLOWED_DOC_HOSTS.includes(url.hostname)) return { ok: true, why: `well-known documentation (${url.hostname})` };
  return { ok: false, why: `${url.hostname} is neither the project's repository nor an allowed documentation host (${ALLOWED_DOC_HOSTS.join(', ')})` };
}
