/**
 * Server-to-client WebSocket frames (RFC 6455 §5.2), built once and written as the same bytes to
 * every recipient. `ws` would frame each message again per connection and issue one write per
 * message; for a fan-out to a thousand sockets, framing once and writing every message of a
 * flush in a single `write` per socket halves the system calls and the allocations.
 */
const OPCODE_BINARY = 0x2;
const FIN = 0x80;

function frameHeader(payloadLength: number): Buffer {
  if (payloadLength < 126) return Buffer.from([FIN | OPCODE_BINARY, payloadLength]);
  if (payloadLength < 0x10000) {
    const header = Buffer.allocUnsafe(4);
    header[0] = FIN | OPCODE_BINARY;
    header[1] = 126;
    header.writeUInt16BE(payloadLength, 2);
    return header;
  }
  const header = Buffer.allocUnsafe(10);
  header[0] = FIN | OPCODE_BINARY;
  header[1] = 127;
  header.writeBigUInt64BE(BigInt(payloadLength), 2);
  return header;
}

/** Unmasked binary frames for each payload, concatenated in order. */
export function encodeBinaryFrames(payloads: readonly Uint8Array[]): Buffer {
  const parts: Uint8Array[] = [];
  for (const payload of payloads) parts.push(frameHeader(payload.byteLength), payload);
  return Buffer.concat(parts);
}
