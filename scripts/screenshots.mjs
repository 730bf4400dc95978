#!/usr/bin/env node
// `npm run screenshots`: refreshes the listing's screenshots (media/screenshots/) from the e2e runs'
// screenshots (test-results/e2e/<run>/), cropping (and scaling) each as scripts/lib/screenshots.mjs
// says, so the README shows what the tests saw. Each is written with a palette of 256 colours (the UI
// has a few hundred; no channel moves by more than a few levels), a third of its RGB size. Run the e2e scripts first (they need the VSIX:
// `npm run package`, then e.g. `E2E_TOOLS_DIR=… npx tsx test/e2e/setup.e2e.ts`); the script names the
// one to run for each missing shot. Look at every image it writes before committing it.
// Options: --only <image> (one image, e.g. --only ja/setup-view.png).
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crop, decodePng, encodePalettePng, quantize, scaleToWidth } from './lib/png.mjs';
import { E2E_SCRIPTS, SCREENSHOTS } from './lib/screenshots.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const results = join(root, 'test-results', 'e2e');
const target = join(root, 'media', 'screenshots');

/** The e2e shot for '<run>/<name>[#n]', or an error saying which e2e script writes it. */
function findShot(from) {
  const [, run, name, nth] = /^([^/]+)\/([^#]+)(?:#(\d+))?$/.exec(from) ?? [];
  if (!run) throw new Error(`"${from}" is not <run>/<name>[#n]`);
  const folder = join(results, run);
  const matches = existsSync(folder) ? readdirSync(folder).filter((file) => file.replace(/^\d+-/, '') === `${name}.png`).sort() : [];
  const file = matches[Number(nth ?? 1) - 1];
  if (!file) {
    const script = E2E_SCRIPTS[run] ?? `the e2e script of the run "${run}"`;
    throw new Error(`no screenshot ${name}.png in test-results/e2e/${run}/: run E2E_TOOLS_DIR=<tools> npx tsx ${script} (after npm run package)`);
  }
  return join(folder, file);
}

const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
const chosen = SCREENSHOTS.filter((entry) => only === undefined || entry.image === only);
if (chosen.length === 0) {
  console.error(`screenshots: no image ${only} in scripts/lib/screenshots.mjs`);
  process.exit(2);
}
let failed = 0;
for (const entry of chosen) {
  try {
    const source = findShot(entry.from);
    let image = decodePng(readFileSync(source), source);
    if (entry.crop) {
      const [x, y, width, height] = entry.crop;
      image = crop(image, { x, y, width, height }, `${entry.image} from ${entry.from}`);
    }
    if (entry.width) image = scaleToWidth(image, entry.width);
    const out = join(target, entry.image);
    const bytes = encodePalettePng(quantize(image));
    mkdirSync(dirname(out), { recursive: true });
    const same = existsSync(out) && readFileSync(out).equals(bytes);
    if (!same) writeFileSync(out, bytes);
    console.log(`${same ? 'unchanged' : 'wrote    '} media/screenshots/${entry.image} ${image.width}×${image.height} ${(bytes.length / 1024).toFixed(1)} KiB ← ${source.slice(root.length + 1)}`);
  } catch (error) {
    failed++;
    console.error(`screenshots: ${entry.image}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
const total = SCREENSHOTS.map((entry) => join(target, entry.image)).filter((file) => existsSync(file)).reduce((sum, file) => sum + statSync(file).size, 0);
console.log(`media/screenshots: ${SCREENSHOTS.length} images, ${(total / 1024).toFixed(1)} KiB in all (they go into the VSIX).`);
process.exit(failed > 0 ? 1 : 0);
