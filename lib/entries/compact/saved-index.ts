import "server-only";

import { serialize } from "node:v8";

import { CompactEntryIndex, type SavedIndex } from "./compact-index";
import { PARTS_MAGIC, type Placeholder, readSavedBytes, readSavedChunks } from "./read-saved-parts";

/** Typed arrays and strings at least this long travel as parts of their own. */
const OWN_PART_CHARS = 16 * 1024;

/** A 4-byte length (little-endian), then the bytes (as they are, not copied behind it). */
function* frame(bytes: Uint8Array): Generator<Uint8Array> {
  const head = Buffer.alloc(4);
  head.writeUInt32LE(bytes.length);
  yield head;
  yield bytes;
}

/**
 * An index as a sequence of byte chunks, each produced only when asked for: a marker, the index's
 * plain data with every typed array and long string replaced by a placeholder, then each of those
 * (V8's serialisation; a typed array is written as its used bytes). Concatenated they are what
 * `decodeIndex` reads. Produced one at a time (e.g. into a gzip stream) no chunk of the size of
 * the whole index is ever held; the index must not change while they are taken (see the caller).
 */
export function* encodeIndexParts(index: CompactEntryIndex): Generator<Uint8Array> {
  const parts: unknown[] = [];
  const lift = (value: unknown): unknown => {
    if (ArrayBuffer.isView(value) || (typeof value === "string" && value.length >= OWN_PART_CHARS)) {
      parts.push(value);
      return { $part: parts.length - 1 } satisfies Placeholder;
    }
    if (Array.isArray(value)) return value.map(lift);
    if (value && typeof value === "object")
      return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, lift(inner)]));
    return value;
  };
  const skeleton = lift(index.save());
  yield PARTS_MAGIC;
  yield* frame(serialize({ skeleton, parts: parts.length }));
  for (const part of parts) yield* frame(serialize(part));
}

/** An index as bytes in one buffer (`encodeIndexParts` joined). */
export function encodeIndex(index: CompactEntryIndex): Buffer {
  return Buffer.concat([...encodeIndexParts(index)]);
}

/**
 * The index in the plain data a saved copy held, sealed and ready to serve; throws when it is not
 * one of `trustDomain`.
 */
function restoreSaved(data: unknown, trustDomain: string, now: number): CompactEntryIndex {
  const saved = data as Partial<SavedIndex> | null;
  if (!saved || typeof saved !== "object" || !saved.columns || !Array.isArray(saved.agents))
    throw new Error("the saved entry index is not readable");
  if (saved.trustDomain !== trustDomain)
    throw new Error(`the saved entry index is of ${String(saved.trustDomain)}, not ${trustDomain}`);
  return CompactEntryIndex.restore(saved as SavedIndex, now);
}

/**
 * The index `encodeIndex` wrote, sealed and ready to serve. Throws when the bytes are not a saved
 * index of this format, or were saved for another trust domain.
 */
export function decodeIndex(bytes: Uint8Array, trustDomain: string, now: number): CompactEntryIndex {
  return restoreSaved(readSavedBytes(bytes), trustDomain, now);
}

/** `decodeIndex` of bytes that arrive in chunks, read part by part as they come (never held whole). */
export async function decodeIndexChunks(
  chunks: AsyncIterable<Uint8Array>,
  trustDomain: string,
  now: number,
): Promise<CompactEntryIndex> {
  return restoreSaved(await readSavedChunks(chunks), trustDomain, now);
}
