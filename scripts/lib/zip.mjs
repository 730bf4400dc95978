// Reads a zip file (a VSIX is one) with node's zlib: the central directory, then each entry stored or
// deflated, its CRC-32 checked. No zip64 and no encryption (vsce writes neither for a package this
// size); either is reported, never misread.
import { inflateRawSync } from 'node:zlib';
import { crc32 } from './png.mjs';

/** Map of entry name → bytes, for every file in the zip (folders left out). */
export function readZip(bytes, name = 'zip') {
  const endAt = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (endAt < 0 || endAt + 22 > bytes.length) throw new Error(`${name}: no end of central directory; not a zip file.`);
  const count = bytes.readUInt16LE(endAt + 10);
  const directoryAt = bytes.readUInt32LE(endAt + 16);
  if (count === 0xffff || directoryAt === 0xffffffff) throw new Error(`${name}: a zip64 file, which this reader does not read.`);
  const entries = new Map();
  let at = directoryAt;
  for (let index = 0; index < count; index++) {
    if (bytes.readUInt32LE(at) !== 0x02014b50) throw new Error(`${name}: central directory entry ${index} is damaged.`);
    const flags = bytes.readUInt16LE(at + 8);
    const method = bytes.readUInt16LE(at + 10);
    const crc = bytes.readUInt32LE(at + 16);
    const compressedSize = bytes.readUInt32LE(at + 20);
    const size = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const localAt = bytes.readUInt32LE(at + 42);
    const entryName = bytes.toString(flags & 0x800 ? 'utf8' : 'latin1', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;
    if (entryName.endsWith('/')) continue;
    if (flags & 0x1) throw new Error(`${name}: ${entryName} is encrypted.`);
    if (bytes.readUInt32LE(localAt) !== 0x04034b50) throw new Error(`${name}: the local header of ${entryName} is damaged.`);
    const dataAt = localAt + 30 + bytes.readUInt16LE(localAt + 26) + bytes.readUInt16LE(localAt + 28);
    const stored = bytes.subarray(dataAt, dataAt + compressedSize);
    const data = method === 0 ? Buffer.from(stored) : method === 8 ? inflateRawSync(stored) : undefined;
    if (!data) throw new Error(`${name}: ${entryName} uses compression method ${method}, which this reader does not read.`);
    if (data.length !== size || crc32(data) !== crc) throw new Error(`${name}: ${entryName} does not match its size or CRC-32.`);
    entries.set(entryName, data);
  }
  return entries;
}
