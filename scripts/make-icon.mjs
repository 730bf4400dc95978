// Draws media/icon.png (128×128): a terracotta tile with a white spark and an AWS-style smile arc.
// Run once when the design changes; the PNG is committed. Pure Node: no image library needed.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const size = 128;
const pixels = Buffer.alloc(size * size * 4);
const set = (x, y, [r, g, b, a]) => {
  const i = (y * size + x) * 4;
  const alpha = a / 255;
  pixels[i] = Math.round(r * alpha + pixels[i] * (1 - alpha));
  pixels[i + 1] = Math.round(g * alpha + pixels[i + 1] * (1 - alpha));
  pixels[i + 2] = Math.round(b * alpha + pixels[i + 2] * (1 - alpha));
  pixels[i + 3] = Math.max(pixels[i + 3], a);
};
// Supersampled coverage of a shape predicate at a pixel, for smooth edges.
const cover = (x, y, inside) => {
  let hits = 0;
  for (let sy = 0; sy < 4; sy++) for (let sx = 0; sx < 4; sx++) if (inside(x + (sx + 0.5) / 4, y + (sy + 0.5) / 4)) hits++;
  return hits / 16;
};
const roundedSquare = (x, y) => {
  const r = 24, min = 4, max = size - 4;
  const cx = Math.min(Math.max(x, min + r), max - r), cy = Math.min(Math.max(y, min + r), max - r);
  return x >= min && x <= max && y >= min && y <= max && (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const spark = (x, y) => {
  const dx = x - 64, dy = y - 54;
  // Eight rays of a four-pointed star, thick near the centre.
  const angle = Math.atan2(dy, dx), dist = Math.hypot(dx, dy);
  const ray = Math.abs(Math.cos(4 * angle));
  return dist < 8 + 26 * ray ** 6 && dist < 34;
};
const smile = (x, y) => {
  const dx = x - 64, dy = y - 70, dist = Math.hypot(dx, dy);
  return dist > 34 && dist < 41 && dy > 14 && Math.abs(dx) < 34;
};
for (let y = 0; y < size; y++) {
  for (let x = 0; x < size; x++) {
    const tile = cover(x, y, roundedSquare);
    if (tile > 0) set(x, y, [217, 119, 87, Math.round(255 * tile)]);
    const mark = Math.max(cover(x, y, spark), cover(x, y, smile));
    if (mark > 0 && tile > 0) set(x, y, [255, 255, 255, Math.round(255 * mark)]);
  }
}
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buffer) => {
  let c = 0xffffffff;
  for (const byte of buffer) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};
const header = Buffer.alloc(13);
header.writeUInt32BE(size, 0);
header.writeUInt32BE(size, 4);
header.set([8, 6, 0, 0, 0], 8);
const raw = Buffer.alloc(size * (size * 4 + 1));
for (let y = 0; y < size; y++) pixels.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
writeFileSync(
  new URL('../media/icon.png', import.meta.url),
  Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]),
);
console.log('wrote media/icon.png');
