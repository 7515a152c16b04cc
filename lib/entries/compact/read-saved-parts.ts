import "server-only";

import { deserialize } from "node:v8";

/** The first bytes of an index written in parts (`encodeIndexParts`); older copies are one V8 serialisation. */
export const PARTS_MAGIC = Buffer.from("SCIDX2\n");

/** A typed array or long string of the index, written as a part of its own: where it goes in the plain data. */
export type Placeholder = { $part: number };
const isPlaceholder = (value: unknown): value is Placeholder =>
  typeof value === "object" && value !== null && typeof (value as Placeholder).$part === "number";

/** A reader of saved bytes: yields how many bytes it wants next (Infinity: all that are left), and is given them. */
type BytesParser = Generator<number, unknown, Buffer>;

const endsEarly = () => new Error("the saved entry index ends early");

/** One part: a 4-byte length (little-endian), then that many bytes of V8's serialisation. */
function* framed(): Generator<number, unknown, Buffer> {
  const head = yield 4;
  if (head.length < 4) throw endsEarly();
  const length = head.readUInt32LE(0);
  const body = yield length;
  if (body.length < length) throw endsEarly();
  return deserialize(body);
}

/**
 * The saved index's plain data, read part by part as the bytes come (each part is deserialised
 * as soon as it is whole, and its bytes are not needed after): written in parts, or (older
 * copies) one serialisation of it all.
 */
function* savedParser(): BytesParser {
  const magic = yield PARTS_MAGIC.length;
  if (!magic.equals(PARTS_MAGIC)) return deserialize(Buffer.concat([magic, yield Infinity]));
  const head = (yield* framed()) as { skeleton: unknown; parts: number } | null;
  if (!head || typeof head.parts !== "number") throw new Error("the saved entry index is not readable");
  const parts: unknown[] = [];
  for (let i = 0; i < head.parts; i++) parts.push(yield* framed());
  const fill = (value: unknown): unknown => {
    if (isPlaceholder(value)) return parts[value.$part];
    if (Array.isArray(value)) return value.map(fill);
    if (value && typeof value === "object" && !ArrayBuffer.isView(value))
      return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, fill(inner)]));
    return value;
  };
  return fill(head.skeleton);
}

/** The saved index's plain data in `bytes` (all of it in memory). */
export function readSavedBytes(bytes: Uint8Array): unknown {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parser = savedParser();
  let at = 0;
  for (let step = parser.next(); ;) {
    if (step.done) return step.value;
    const end = Math.min(buffer.length, at + step.value);
    const given = buffer.subarray(at, end);
    at = end;
    step = parser.next(given);
  }
}

/**
 * The saved index's plain data from `chunks` (e.g. a decompressing stream), read as they come: no
 * more of the bytes is held than the part being read (the largest is one column of the index).
 */
export async function readSavedChunks(chunks: AsyncIterable<Uint8Array>): Promise<unknown> {
  const source = chunks[Symbol.asyncIterator]();
  let held: Buffer[] = [];
  let heldBytes = 0;
  let ended = false;
  const take = async (wanted: number): Promise<Buffer> => {
    while (heldBytes < wanted && !ended) {
      const next = await source.next();
      if (next.done) ended = true;
      else {
        held.push(Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength));
        heldBytes += next.value.byteLength;
      }
    }
    const all = held.length === 1 ? held[0]! : Buffer.concat(held, heldBytes);
    const given = all.subarray(0, Math.min(wanted, heldBytes));
    const rest = all.subarray(given.length);
    held = rest.length > 0 ? [rest] : [];
    heldBytes = rest.length;
    return given;
  };
  const parser = savedParser();
  try {
    for (let step = parser.next(); ;) {
      if (step.done) return step.value;
      step = parser.next(await take(step.value));
    }
  } finally {
    await source.return?.();
  }
}
