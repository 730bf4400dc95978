// A small PNG codec for the listing's screenshots and the icon: decodes 8-bit RGB, RGBA, grey and
// grey-alpha images (not interlaced; what Chromium's screenshots and scripts/make-icon.mjs write),
// crops, scales down by area averaging, lays an image over a background colour, and encodes RGBA
// at zlib's best compression. Pure Node, offline, deterministic: the same input gives the same bytes.
import { deflateSync, inflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
const CHANNELS = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 as PNG and zip use it. */
export function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** { width, height, data } with data RGBA, 4 bytes a pixel, row after row. Throws on what it does not read. */
export function decodePng(bytes, name = 'image') {
  if (!bytes.subarray(0, 8).equals(SIGNATURE)) throw new Error(`${name} is not a PNG file.`);
  let offset = 8;
  let header;
  let palette;
  let paletteAlpha;
  const idat = [];
  while (offset < bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    const data = bytes.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      header = { width: data.readUInt32BE(0), height: data.readUInt32BE(4), depth: data[8], colour: data[9], interlace: data[12] };
    } else if (type === 'PLTE') {
      palette = Buffer.from(data);
    } else if (type === 'tRNS') {
      paletteAlpha = Buffer.from(data);
    } else if (type === 'IDAT') {
      idat.push(data);
    } else if (type === 'IEND') {
      break;
    }
    offset += 12 + length;
  }
  if (!header) throw new Error(`${name}: no IHDR chunk.`);
  const channels = CHANNELS[header.colour];
  if (header.depth !== 8 || channels === undefined || header.interlace !== 0) {
    throw new Error(`${name}: only 8-bit, non-interlaced grey, palette, RGB and RGBA PNGs are read (this one: depth ${header.depth}, colour type ${header.colour}, interlace ${header.interlace}).`);
  }
  if (header.colour === 3 && !palette) throw new Error(`${name}: a palette image without a PLTE chunk.`);
  const { width, height } = header;
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  if (raw.length < height * (stride + 1)) throw new Error(`${name}: the image data is shorter than ${width}×${height} pixels.`);
  const rows = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = rows.subarray(y * stride, (y + 1) * stride);
    const up = y > 0 ? rows.subarray((y - 1) * stride, y * stride) : Buffer.alloc(stride);
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? out[i - channels] : 0;
      const b = up[i];
      const c = i >= channels ? up[i - channels] : 0;
      let value = line[i];
      if (filter === 1) value += a;
      else if (filter === 2) value += b;
      else if (filter === 3) value += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
        value += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      } else if (filter !== 0) throw new Error(`${name}: unknown row filter ${filter}.`);
      out[i] = value & 0xff;
    }
  }
  const data = Buffer.alloc(width * height * 4);
  for (let p = 0; p < width * height; p++) {
    const s = p * channels;
    const [r, g, b, alpha] = header.colour === 3
      ? [palette[rows[s] * 3], palette[rows[s] * 3 + 1], palette[rows[s] * 3 + 2], paletteAlpha?.[rows[s]] ?? 255]
      : channels === 4 ? [rows[s], rows[s + 1], rows[s + 2], rows[s + 3]]
      : channels === 3 ? [rows[s], rows[s + 1], rows[s + 2], 255]
      : channels === 2 ? [rows[s], rows[s], rows[s], rows[s + 1]]
      : [rows[s], rows[s], rows[s], 255];
    data.set([r, g, b, alpha], p * 4);
  }
  return { width, height, data };
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * An opaque image reduced to at most `colours` colours, and its palette: every colour when there are
 * that few (lossless), else the most frequent colours that differ from those already chosen by more
 * than a distance that shrinks until the palette is full (so a small red icon keeps its red), each
 * pixel then mapped to its nearest palette colour. Screenshots of the UI have a few hundred colours,
 * most of them the anti-aliased edges of text. Deterministic.
 */
export function quantize(image, colours = 256) {
  const counts = new Map();
  for (let i = 0; i < image.data.length; i += 4) {
    const key = (image.data[i] << 16) | (image.data[i + 1] << 8) | image.data[i + 2];
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const byFrequency = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([key]) => key);
  const rgb = (key) => [(key >> 16) & 0xff, (key >> 8) & 0xff, key & 0xff];
  const distance = (a, b) => (a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2 + (a[2] - b[2]) ** 2;
  let palette = byFrequency.slice(0, colours);
  if (byFrequency.length > colours) {
    const chosen = new Set();
    for (let spread = 48; chosen.size < colours && spread >= 0; spread = spread > 2 ? Math.floor(spread * 0.7) : spread - 1) {
      for (const key of byFrequency) {
        if (chosen.size >= colours) break;
        if (chosen.has(key)) continue;
        const colour = rgb(key);
        let near = false;
        for (const other of chosen) if (distance(colour, rgb(other)) <= spread * spread) { near = true; break; }
        if (!near) chosen.add(key);
      }
    }
    palette = [...chosen];
  }
  const paletteRgb = palette.map(rgb);
  const indexOf = new Map();
  for (const key of counts.keys()) {
    const colour = rgb(key);
    let best = 0;
    let bestDistance = Infinity;
    paletteRgb.forEach((candidate, index) => {
      const d = distance(colour, candidate);
      if (d < bestDistance) { bestDistance = d; best = index; }
    });
    indexOf.set(key, best);
  }
  const indices = Buffer.alloc(image.width * image.height);
  for (let p = 0; p < indices.length; p++) {
    const i = p * 4;
    indices[p] = indexOf.get((image.data[i] << 16) | (image.data[i + 1] << 8) | image.data[i + 2]);
  }
  return { width: image.width, height: image.height, palette: paletteRgb, indices };
}

/** PNG bytes of a palette image from quantize(): colour type 3, 8 bits an index, rows unfiltered. */
export function encodePalettePng({ width, height, palette, indices }) {
  const raw = Buffer.alloc(height * (width + 1));
  for (let y = 0; y < height; y++) indices.copy(raw, y * (width + 1) + 1, y * width, (y + 1) * width);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 3, 0, 0, 0], 8);
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('PLTE', Buffer.from(palette.flat())), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

/** PNG bytes of an RGBA image; RGB when every pixel is opaque (smaller). Each row is filtered with the
 * filter that gives the smallest sum of absolute differences, as libpng's heuristic does. */
export function encodePng({ width, height, data }) {
  const opaque = data.every((value, index) => index % 4 !== 3 || value === 255);
  const channels = opaque ? 3 : 4;
  const stride = width * channels;
  const pixels = Buffer.alloc(height * stride);
  for (let p = 0; p < width * height; p++) for (let k = 0; k < channels; k++) pixels[p * channels + k] = data[p * 4 + k];
  const raw = Buffer.alloc(height * (stride + 1));
  const candidate = Buffer.alloc(stride);
  for (let y = 0; y < height; y++) {
    const line = pixels.subarray(y * stride, (y + 1) * stride);
    const up = y > 0 ? pixels.subarray((y - 1) * stride, y * stride) : Buffer.alloc(stride);
    let best = { filter: 0, cost: Infinity, bytes: Buffer.alloc(0) };
    for (let filter = 0; filter <= 4; filter++) {
      let cost = 0;
      for (let i = 0; i < stride; i++) {
        const a = i >= channels ? line[i - channels] : 0;
        const b = up[i];
        const c = i >= channels ? up[i - channels] : 0;
        let predictor = 0;
        if (filter === 1) predictor = a;
        else if (filter === 2) predictor = b;
        else if (filter === 3) predictor = (a + b) >> 1;
        else if (filter === 4) {
          const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
          predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
        }
        const value = (line[i] - predictor) & 0xff;
        candidate[i] = value;
        cost += value < 128 ? value : 256 - value;
      }
      if (cost < best.cost) best = { filter, cost, bytes: Buffer.from(candidate) };
    }
    raw[y * (stride + 1)] = best.filter;
    best.bytes.copy(raw, y * (stride + 1) + 1);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, opaque ? 2 : 6, 0, 0, 0], 8);
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

/** The part of an image at x, y (pixels from the top left) of the given size; throws when it does not fit. */
export function crop(image, { x, y, width, height }, name = 'image') {
  if (x < 0 || y < 0 || width <= 0 || height <= 0 || x + width > image.width || y + height > image.height) {
    throw new Error(`${name}: the crop ${width}×${height} at ${x},${y} does not fit in the ${image.width}×${image.height} image.`);
  }
  const data = Buffer.alloc(width * height * 4);
  for (let row = 0; row < height; row++) {
    image.data.copy(data, row * width * 4, ((y + row) * image.width + x) * 4, ((y + row) * image.width + x + width) * 4);
  }
  return { width, height, data };
}

/** The image scaled to the given width (never up), each output pixel the average of the area it covers. */
export function scaleToWidth(image, width) {
  if (width >= image.width) return image;
  const factor = image.width / width;
  const height = Math.max(1, Math.round(image.height / factor));
  const data = Buffer.alloc(width * height * 4);
  for (let oy = 0; oy < height; oy++) {
    const y0 = oy * factor, y1 = Math.min(image.height, (oy + 1) * factor);
    for (let ox = 0; ox < width; ox++) {
      const x0 = ox * factor, x1 = Math.min(image.width, (ox + 1) * factor);
      const sum = [0, 0, 0, 0];
      let area = 0;
      for (let sy = Math.floor(y0); sy < Math.ceil(y1); sy++) {
        const wy = Math.min(y1, sy + 1) - Math.max(y0, sy);
        for (let sx = Math.floor(x0); sx < Math.ceil(x1); sx++) {
          const w = wy * (Math.min(x1, sx + 1) - Math.max(x0, sx));
          const i = (sy * image.width + sx) * 4;
          for (let k = 0; k < 4; k++) sum[k] += image.data[i + k] * w;
          area += w;
        }
      }
      for (let k = 0; k < 4; k++) data[(oy * width + ox) * 4 + k] = Math.round(sum[k] / area);
    }
  }
  return { width, height, data };
}

/** The image laid over an opaque background colour [r, g, b], with a margin of that colour around it. */
export function onBackground(image, [r, g, b], margin = 0) {
  const width = image.width + 2 * margin, height = image.height + 2 * margin;
  const data = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      const inside = x >= margin && y >= margin && x < margin + image.width && y < margin + image.height;
      const i = ((y - margin) * image.width + (x - margin)) * 4;
      const alpha = inside ? image.data[i + 3] / 255 : 0;
      data[o] = Math.round((inside ? image.data[i] : 0) * alpha + r * (1 - alpha));
      data[o + 1] = Math.round((inside ? image.data[i + 1] : 0) * alpha + g * (1 - alpha));
      data[o + 2] = Math.round((inside ? image.data[i + 2] : 0) * alpha + b * (1 - alpha));
      data[o + 3] = 255;
    }
  }
  return { width, height, data };
}
