/**
 * The `application/vnd.amazon.eventstream` binary framing that AWS streaming operations answer
 * with (InvokeModelWithResponseStream, ConverseStream). One message:
 *
 *   total length (uint32 BE) | headers length (uint32 BE) | prelude CRC32 (of the 8 bytes before)
 *   headers | payload | message CRC32 (of everything before it)
 *
 * A header is: name length (uint8), name (UTF-8), value type (uint8), value. Only the string type
 * (7: uint16 BE length, UTF-8 bytes) is written here, which is all Bedrock's events use.
 */
import { crc32 } from 'node:zlib';

const PRELUDE_BYTES = 12;
const CRC_BYTES = 4;
const STRING_TYPE = 7;

export type EventStreamHeaders = Record<string, string>;

export interface EventStreamMessage {
  headers: EventStreamHeaders;
  payload: Buffer;
}

function encodeHeaders(headers: EventStreamHeaders): Buffer {
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(headers)) {
    const nameBytes = Buffer.from(name, 'utf8');
    const valueBytes = Buffer.from(value, 'utf8');
    if (nameBytes.length > 255) throw new RangeError(`event-stream header name too long: ${name}`);
    if (valueBytes.length > 0xffff) throw new RangeError(`event-stream header value too long: ${name}`);
    const head = Buffer.alloc(1 + nameBytes.length + 1 + 2);
    head.writeUInt8(nameBytes.length, 0);
    nameBytes.copy(head, 1);
    head.writeUInt8(STRING_TYPE, 1 + nameBytes.length);
    head.writeUInt16BE(valueBytes.length, 2 + nameBytes.length);
    parts.push(head, valueBytes);
  }
  return Buffer.concat(parts);
}

/** One framed message. */
export function encodeEventStreamMessage(message: EventStreamMessage): Buffer {
  const headers = encodeHeaders(message.headers);
  const total = PRELUDE_BYTES + headers.length + message.payload.length + CRC_BYTES;
  const frame = Buffer.alloc(total);
  frame.writeUInt32BE(total, 0);
  frame.writeUInt32BE(headers.length, 4);
  frame.writeUInt32BE(crc32(frame.subarray(0, 8)), 8);
  headers.copy(frame, PRELUDE_BYTES);
  message.payload.copy(frame, PRELUDE_BYTES + headers.length);
  frame.writeUInt32BE(crc32(frame.subarray(0, total - CRC_BYTES)), total - CRC_BYTES);
  return frame;
}

/** An `event` message of the given type with a JSON payload, as restJson1 event streams send. */
export function eventMessage(eventType: string, payload: unknown): Buffer {
  return encodeEventStreamMessage({
    headers: { ':event-type': eventType, ':content-type': 'application/json', ':message-type': 'event' },
    payload: Buffer.from(JSON.stringify(payload), 'utf8'),
  });
}

/**
 * A modelled exception inside the stream (`throttlingException`, `modelStreamErrorException`, …):
 * the SDK throws it with that name, capitalised, from the event iterator.
 */
export function exceptionMessage(exceptionType: string, message: string): Buffer {
  return encodeEventStreamMessage({
    headers: { ':exception-type': exceptionType, ':content-type': 'application/json', ':message-type': 'exception' },
    payload: Buffer.from(JSON.stringify({ message }), 'utf8'),
  });
}

/**
 * Splits a buffer of whole messages back into messages, checking both CRCs; throws on any
 * framing error. For tests of the fake itself (clients use the SDK's decoder).
 */
export function decodeEventStream(buffer: Uint8Array): EventStreamMessage[] {
  const data = Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  const messages: EventStreamMessage[] = [];
  let offset = 0;
  while (offset < data.length) {
    if (data.length - offset < PRELUDE_BYTES + CRC_BYTES) throw new Error(`event stream: truncated prelude at ${offset}`);
    const total = data.readUInt32BE(offset);
    const headersLength = data.readUInt32BE(offset + 4);
    if (data.readUInt32BE(offset + 8) !== crc32(data.subarray(offset, offset + 8))) throw new Error(`event stream: prelude CRC mismatch at ${offset}`);
    if (total < PRELUDE_BYTES + headersLength + CRC_BYTES || offset + total > data.length) throw new Error(`event stream: bad length at ${offset}`);
    const frame = data.subarray(offset, offset + total);
    if (frame.readUInt32BE(total - CRC_BYTES) !== crc32(frame.subarray(0, total - CRC_BYTES))) throw new Error(`event stream: message CRC mismatch at ${offset}`);
    const headers: EventStreamHeaders = {};
    let at = PRELUDE_BYTES;
    const headersEnd = PRELUDE_BYTES + headersLength;
    while (at < headersEnd) {
      const nameLength = frame.readUInt8(at);
      const name = frame.toString('utf8', at + 1, at + 1 + nameLength);
      at += 1 + nameLength;
      const type = frame.readUInt8(at);
      if (type !== STRING_TYPE) throw new Error(`event stream: header ${name} has type ${type}, only strings are supported`);
      const valueLength = frame.readUInt16BE(at + 1);
      headers[name] = frame.toString('utf8', at + 3, at + 3 + valueLength);
      at += 3 + valueLength;
    }
    messages.push({ headers, payload: Buffer.from(frame.subarray(headersEnd, total - CRC_BYTES)) });
    offset += total;
  }
  return messages;
}
