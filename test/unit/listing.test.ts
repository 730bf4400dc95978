// The listing (README.md, the Marketplace page, and README.ja.md) stays true to the manifest: every
// command and setting the extension contributes is in both, with its title in that language and the
// setting's default; the requirements name the VS Code and Node.js versions of `engines`; the two
// commands after cloning are there; every screenshot a README shows is made by `npm run screenshots`
// from an e2e shot, and every one it makes is shown; the icon reads on light and dark backgrounds.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodePng } from '../../scripts/lib/png.mjs';
import { SCREENSHOTS } from '../../scripts/lib/screenshots.mjs';
import { extractLinks } from '../../scripts/lib/listingLinks.mjs';

const root = join(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const manifest = JSON.parse(read('package.json'));
const nls = { en: JSON.parse(read('package.nls.json')) as Record<string, string>, ja: JSON.parse(read('package.nls.ja.json')) as Record<string, string> };
const READMES = [
  { file: 'README.md', lang: 'en' as const, commands: 'Commands', settings: 'Settings' },
  { file: 'README.ja.md', lang: 'ja' as const, commands: 'コマンド', settings: '設定' },
];

/** The text of a `## heading` section, up to the next `## `. */
function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n## ${heading}\n`);
  assert.ok(start >= 0, `no "## ${heading}" section`);
  const end = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start, end < 0 ? undefined : end);
}

function localized(value: string, lang: 'en' | 'ja'): string {
  const key = /^%(.+)%$/.exec(value)?.[1];
  return key === undefined ? value : nls[lang][key]!;
}

describe('the listing (README.md, README.ja.md)', () => {
  for (const readme of READMES) {
    describe(readme.file, () => {
      const text = read(readme.file);

      it('names every contributed command by its title in this language, and no other', () => {
        const commands = section(text, readme.commands);
        const titles = (manifest.contributes.commands as { title: string }[]).map((command) => localized(command.title, readme.lang));
        const named = [...commands.matchAll(/\*([^*|]+)\*/g)].map((match) => match[1]!.replace(/\s+/g, ' ')).filter((name) => name !== 'Claude on Bedrock');
        assert.deepEqual(titles.filter((title) => !named.includes(title)), [], 'contributed commands missing from the README');
        assert.deepEqual(named.filter((name) => !titles.includes(name)), [], 'names in the commands section that are no command title');
      });

      it('lists every contributed setting with its default, and no other', () => {
        const rows = [...section(text, readme.settings).matchAll(/^\| `(claudeBedrock\.[\w.]+)` \| ([^|]+) \|/gm)].map((match) => [match[1]!, match[2]!.trim()]);
        const properties = manifest.contributes.configuration.properties as Record<string, { default: unknown }>;
        assert.deepEqual(rows.map(([id]) => id).sort(), Object.keys(properties).sort());
        for (const [id, shown] of rows) assert.equal(shown, String(properties[id!]!.default), `${id}'s default`);
      });

      it('states the VS Code and Node.js versions of engines', () => {
        const vscode = /^\^(\d+\.\d+)\.\d+$/.exec(manifest.engines.vscode)?.[1];
        const node = /^>=(\d+)$/.exec(manifest.engines.node)?.[1];
        assert.ok(vscode && node, `engines ${JSON.stringify(manifest.engines)} are not ^x.y.z and >=n`);
        assert.match(text, new RegExp(`\\*\\*VS Code ${vscode!.replace('.', '\\.')}\\*\\*`));
        assert.match(text, new RegExp(`\\*\\*Node\\.js ${node}\\*\\*`));
      });

      it('links the other language from its first lines', () => {
        const other = readme.lang === 'en' ? 'README.ja.md' : 'README.md';
        const top = text.split('\n').slice(0, 5).join('\n');
        assert.ok(extractLinks(top).some((link) => link.target === other), `no link to ${other} in the first lines`);
      });

      it('keeps the two commands after cloning, with the pointer to CONTRIBUTING.md', () => {
        assert.match(text, /`npm run demo`/);
        assert.match(text, /`npm test`/);
        assert.ok(extractLinks(text).some((link) => link.target === 'CONTRIBUTING.md'), 'no link to CONTRIBUTING.md');
      });

      it('shows only screenshots that npm run screenshots makes, and each exists', () => {
        const images = extractLinks(text).filter((link) => link.kind === 'image').map((link) => link.target);
        assert.ok(images.length >= 5, `only ${images.length} images`);
        const made = new Set(SCREENSHOTS.map((entry) => `media/screenshots/${entry.image}`));
        assert.deepEqual(images.filter((image) => !made.has(image)), [], 'images not in scripts/lib/screenshots.mjs');
        assert.deepEqual(images.filter((image) => !existsSync(join(root, image))), [], 'images missing');
        if (readme.lang === 'ja') assert.deepEqual(images.filter((image) => !image.startsWith('media/screenshots/ja/')), [], 'English screenshots in the Japanese README');
        else assert.deepEqual(images.filter((image) => image.startsWith('media/screenshots/ja/')), [], 'Japanese screenshots in the English README');
      });
    });
  }

  it('makes no screenshot that no README shows, each from an e2e shot', () => {
    const shown = new Set(READMES.flatMap(({ file }) => extractLinks(read(file)).filter((link) => link.kind === 'image').map((link) => link.target)));
    assert.deepEqual(SCREENSHOTS.map((entry) => `media/screenshots/${entry.image}`).filter((image) => !shown.has(image)), []);
    for (const entry of SCREENSHOTS) assert.match(entry.from, /^[\w-]+\/[\w-]+(?:#\d+)?$/, entry.image);
  });

  it('keeps the screenshots small: palette PNGs of at most 1100 px, 400 KiB in all', () => {
    let total = 0;
    for (const entry of SCREENSHOTS) {
      const bytes = readFileSync(join(root, 'media', 'screenshots', entry.image));
      total += bytes.length;
      const image = decodePng(bytes, entry.image);
      assert.ok(image.width <= 1100, `${entry.image} is ${image.width} px wide`);
      assert.equal(bytes[25], 3, `${entry.image} is not a palette PNG (npm run screenshots writes one)`);
    }
    assert.ok(total <= 400 * 1024, `${(total / 1024).toFixed(0)} KiB`);
  });

  it('has an icon that reads on light and dark backgrounds: an opaque tile, a white mark with contrast', () => {
    const icon = decodePng(readFileSync(join(root, manifest.icon)), manifest.icon);
    assert.deepEqual([icon.width, icon.height], [128, 128]);
    const at = (x: number, y: number) => [...icon.data.subarray((y * 128 + x) * 4, (y * 128 + x) * 4 + 4)];
    assert.equal(at(0, 0)[3], 0, 'the corners are transparent (a rounded tile)');
    // The tile is opaque wherever it is, so the background (light, dark or the banner) never shows through it.
    let opaque = 0;
    let mark = 0;
    let tile: number[] | undefined;
    for (let y = 16; y < 112; y++) {
      for (let x = 16; x < 112; x++) {
        const [r, g, b, a] = at(x, y);
        if (a === 255) opaque++;
        if (r === 255 && g === 255 && b === 255) mark++;
        else if (a === 255 && tile === undefined) tile = [r!, g!, b!];
      }
    }
    assert.equal(opaque, 96 * 96, 'the tile inside its rounded corners is fully opaque');
    assert.ok(mark > 300, `the white mark covers ${mark} pixels`);
    const luminance = (rgb: number[]) => {
      const [r, g, b] = rgb.map((value) => value / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const contrast = (1 + 0.05) / (luminance(tile!) + 0.05);
    assert.ok(contrast >= 3, `white on the tile's ${tile!.join(',')} has a contrast of ${contrast.toFixed(2)}, under 3:1`);
  });
});
