// The pieces of the packed-listing check (test/pack/listing.check.mjs) and of `npm run screenshots`:
// what vsce does with a README's links for a given repository, how links are found in Markdown, the
// verdict on each, the zip reader a VSIX is opened with, and the PNG codec the screenshots go through.
import assert from 'node:assert/strict';
import { deflateRawSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractLinks, headingAnchors, judgeLink, readmeLinkMode, type LinkContext, type LinkMode } from '../../scripts/lib/listingLinks.mjs';
import { crc32, crop, decodePng, encodePalettePng, encodePng, quantize, scaleToWidth } from '../../scripts/lib/png.mjs';
import { readZip } from '../../scripts/lib/zip.mjs';

const GITHUB = readmeLinkMode('https://github.com/acme/claude-bedrock-setup.git');
const LOCAL: LinkMode = { rewrite: false };
const FILES = new Set(['readme.md', 'README.md', 'README.ja.md', 'docs/cli.md', 'media/screenshots/setup-view.png', 'LICENSE']);

function context(mode: LinkMode, overrides: Partial<LinkContext> = {}): LinkContext {
  return {
    file: 'README.md',
    files: FILES,
    anchors: new Map([['README.md', new Set(['the-cli', '日本語'])], ['docs/cli.md', new Set(['exit-codes'])]]),
    mode,
    rewritten: true,
    home: mode.rewrite ? mode.repository : undefined,
    ...overrides,
  };
}

describe('listing links', () => {
  it('predicts vsce: GitHub and GitLab repositories get blob/raw HEAD URLs, other hosts and none are left alone', () => {
    assert.deepEqual(GITHUB, {
      rewrite: true,
      repository: 'https://github.com/acme/claude-bedrock-setup',
      content: 'https://github.com/acme/claude-bedrock-setup/blob/HEAD',
      images: 'https://github.com/acme/claude-bedrock-setup/raw/HEAD',
    });
    assert.deepEqual(readmeLinkMode('https://gitlab.com/group/sub/repo.git'), {
      rewrite: true,
      repository: 'https://gitlab.com/group/sub/repo',
      content: 'https://gitlab.com/group/sub/repo/-/blob/HEAD',
      images: 'https://gitlab.com/group/sub/repo/-/raw/HEAD',
    });
    assert.deepEqual(readmeLinkMode('https://git.example.com/acme/repo.git'), { rewrite: false });
    assert.deepEqual(readmeLinkMode(undefined), { rewrite: false });
  });

  it('finds inline links and images, images inside links, references, HTML, autolinks and bare URLs, not code', () => {
    const markdown = [
      '# Title',
      '[日本語](README.ja.md) and ![shot](media/a.png "title")',
      '[![badge](media/b.png)](https://docs.aws.amazon.com/x)',
      '`[not](a-link.md)` and <https://semver.org/>',
      '```sh',
      'see [code](inside-code.md) https://example.com/in-code',
      '```',
      '[ref]: docs/ref.md',
      '<img src="media/c.png" alt="c"> <a href="https://keepachangelog.com/">k</a>',
      'Bare https://docs.claude.com/en/docs, then text.',
    ].join('\n');
    const found = extractLinks(markdown).map((link) => `${link.line}:${link.kind}:${link.syntax}:${link.target}`);
    assert.deepEqual(found.sort(), [
      '2:image:inline:media/a.png',
      '2:link:inline:README.ja.md',
      '3:image:inline:media/b.png',
      '3:link:inline:https://docs.aws.amazon.com/x',
      '4:link:bare:https://semver.org/',
      '8:link:reference:docs/ref.md',
      '9:image:html:media/c.png',
      '9:link:html:https://keepachangelog.com/',
      '10:link:bare:https://docs.claude.com/en/docs',
    ].sort());
  });

  it('makes GitHub anchors of headings, Japanese ones included, numbering repeats', () => {
    assert.deepEqual([...headingAnchors('# The CLI\n## Quotas & Usage\n## 日本語\n## The CLI\n```\n# not a heading\n```')], ['the-cli', 'quotas--usage', '日本語', 'the-cli-1']);
  });

  it('accepts a relative path to a file in the package when vsce leaves it relative, and resolves vsce renames', () => {
    assert.equal(judgeLink({ kind: 'image', target: 'media/screenshots/setup-view.png' }, context(LOCAL)).ok, true);
    assert.equal(judgeLink({ kind: 'link', target: 'docs/cli.md#exit-codes' }, context(LOCAL)).ok, true);
    assert.equal(judgeLink({ kind: 'link', target: 'README.md' }, context(LOCAL, { file: 'README.ja.md', rewritten: false })).ok, true);
  });

  it('refuses a path that is not in the package, climbs out, names a missing anchor, or is rooted', () => {
    const verdict = (target: string, kind: 'link' | 'image' = 'link') => judgeLink({ kind, target }, context(LOCAL));
    assert.match(verdict('docs/missing.md').why, /not in the package/);
    assert.match(verdict('media/screenshots/other.png', 'image').why, /not in the package/);
    assert.match(verdict('../shared/reference.md').why, /\.\.\//);
    assert.match(verdict('docs/../../x.md').why, /\.\.\//);
    assert.match(verdict('docs/cli.md#nothing').why, /no heading/);
    assert.match(verdict('#nowhere').why, /no heading/);
    assert.equal(verdict('#日本語').ok, true);
    assert.match(verdict('/media/screenshots/setup-view.png', 'image').why, /root of a server/);
  });

  it('maps vsce-rewritten repository URLs back to the package, and refuses what vsce left relative', () => {
    const ctx = context(GITHUB);
    assert.equal(judgeLink({ kind: 'image', target: `${GITHUB.rewrite && GITHUB.images}/media/screenshots/setup-view.png` }, ctx).ok, true);
    assert.equal(judgeLink({ kind: 'link', target: `${GITHUB.rewrite && GITHUB.content}/LICENSE` }, ctx).ok, true);
    assert.match(judgeLink({ kind: 'image', target: `${GITHUB.rewrite && GITHUB.images}/media/gone.png` }, ctx).why, /not in the package/);
    assert.match(judgeLink({ kind: 'image', target: `${GITHUB.rewrite && GITHUB.content}/media/screenshots/setup-view.png` }, ctx).why, /blob/);
    assert.match(judgeLink({ kind: 'link', target: 'docs/cli.md', syntax: 'reference' }, ctx).why, /left this reference path relative/);
    assert.equal(judgeLink({ kind: 'link', target: 'docs/cli.md' }, { ...ctx, file: 'README.ja.md', rewritten: false }).ok, true);
    assert.match(judgeLink({ kind: 'link', target: 'https://github.com/acme/claude-bedrock-setup/issues/12' }, ctx).why, /#12/);
    assert.equal(judgeLink({ kind: 'link', target: 'https://github.com/acme/claude-bedrock-setup/issues' }, ctx).ok, true);
  });

  it('allows https links only to the home and well-known documentation, and images only from the package', () => {
    const ctx = context(GITHUB);
    assert.equal(judgeLink({ kind: 'link', target: 'https://docs.anthropic.com/en/docs/claude-code' }, ctx).ok, true);
    assert.match(judgeLink({ kind: 'link', target: 'http://docs.aws.amazon.com/x' }, ctx).why, /must be https/);
    assert.match(judgeLink({ kind: 'link', target: 'https://example.com/' }, ctx).why, /neither the project's repository/);
    assert.match(judgeLink({ kind: 'link', target: 'https://github.com/other/repo' }, ctx).why, /neither the project's repository/);
    assert.match(judgeLink({ kind: 'image', target: 'https://docs.aws.amazon.com/logo.png' }, ctx).why, /outside the package/);
    assert.match(judgeLink({ kind: 'link', target: 'mailto:someone@example.com' }, ctx).why, /mailto/);
  });
});

describe('zip reader', () => {
  /** A zip of the given files, the first stored and the rest deflated, as vsce writes them. */
  function zip(files: Record<string, string>): Buffer {
    const locals: Buffer[] = [];
    const central: Buffer[] = [];
    let offset = 0;
    Object.entries(files).forEach(([name, text], index) => {
      const data = Buffer.from(text);
      const method = index === 0 ? 0 : 8;
      const stored = method === 0 ? data : deflateRawSync(data);
      const nameBytes = Buffer.from(name);
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(method, 8);
      local.writeUInt32LE(crc32(data), 14);
      local.writeUInt32LE(stored.length, 18);
      local.writeUInt32LE(data.length, 22);
      local.writeUInt16LE(nameBytes.length, 26);
      const entry = Buffer.alloc(46);
      entry.writeUInt32LE(0x02014b50, 0);
      entry.writeUInt16LE(method, 10);
      entry.writeUInt32LE(crc32(data), 16);
      entry.writeUInt32LE(stored.length, 20);
      entry.writeUInt32LE(data.length, 24);
      entry.writeUInt16LE(nameBytes.length, 28);
      entry.writeUInt32LE(offset, 42);
      locals.push(local, nameBytes, stored);
      central.push(entry, nameBytes);
      offset += 30 + nameBytes.length + stored.length;
    });
    const directory = Buffer.concat(central);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(Object.keys(files).length, 8);
    end.writeUInt16LE(Object.keys(files).length, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(offset, 16);
    return Buffer.concat([...locals, directory, end]);
  }

  it('reads stored and deflated entries', () => {
    const entries = readZip(zip({ 'extension/package.json': '{"name":"x"}', 'extension/readme.md': '# Title\n'.repeat(50) }));
    assert.deepEqual([...entries.keys()], ['extension/package.json', 'extension/readme.md']);
    assert.equal(entries.get('extension/readme.md')!.toString(), '# Title\n'.repeat(50));
  });

  it('refuses what is not a zip, and an entry whose CRC does not match', () => {
    assert.throws(() => readZip(Buffer.from('not a zip'), 'x.vsix'), /x\.vsix: no end of central directory/);
    const bytes = zip({ 'a.txt': 'hello' });
    bytes[30 + 5] = bytes[30 + 5]! ^ 0xff;
    assert.throws(() => readZip(bytes, 'x.vsix'), /a\.txt does not match its size or CRC-32/);
  });
});

describe('PNG codec of the screenshots', () => {
  const icon = decodePng(readFileSync(join(__dirname, '..', '..', 'media', 'icon.png')), 'icon');

  it('decodes and re-encodes an image to the same pixels, RGBA and palette', () => {
    assert.ok(decodePng(encodePng(icon)).data.equals(icon.data));
    const opaque = { ...icon, data: Buffer.from(icon.data) };
    for (let i = 3; i < opaque.data.length; i += 4) opaque.data[i] = 255;
    const back = decodePng(encodePalettePng(quantize(opaque)));
    let worst = 0;
    for (let i = 0; i < back.data.length; i++) worst = Math.max(worst, Math.abs(back.data[i]! - opaque.data[i]!));
    assert.ok(worst <= 24, `a channel moved by ${worst}`);
  });

  it('keeps every colour when there are at most 256, and a rare distinct one when there are more', () => {
    const width = 300;
    const data = Buffer.alloc(width * 4);
    for (let x = 0; x < width; x++) data.set(x === 7 ? [220, 30, 30, 255] : [x % 256, x % 256, Math.floor(x / 256) * 40, 255], x * 4);
    const quantized = quantize({ width, height: 1, data });
    assert.equal(quantized.palette.length, 256);
    assert.deepEqual(quantized.palette[quantized.indices[7]!], [220, 30, 30], 'the red pixel keeps its colour');
    const few = quantize({ width: 2, height: 1, data: Buffer.from([1, 2, 3, 255, 4, 5, 6, 255]) });
    assert.deepEqual(few.palette, [[1, 2, 3], [4, 5, 6]]);
  });

  it('crops inside the image only, and scales down by area', () => {
    assert.deepEqual(crop(icon, { x: 10, y: 20, width: 30, height: 40 }).data.subarray(0, 4), icon.data.subarray((20 * 128 + 10) * 4, (20 * 128 + 10) * 4 + 4));
    assert.throws(() => crop(icon, { x: 100, y: 0, width: 40, height: 10 }, 'shot'), /shot: the crop 40×10 at 100,0 does not fit in the 128×128 image/);
    const half = scaleToWidth(icon, 64);
    assert.deepEqual([half.width, half.height], [64, 64]);
  });
});
