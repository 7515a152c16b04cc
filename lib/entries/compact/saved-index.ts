import "server-only";

import { deserialize, serialize } from "node:v8";

import { CompactEntryIndex, type SavedIndex } from "./compact-index";

/** An index as bytes (V8's structured serialisation of `index.save()`: typed arrays are copied as they are). */
export function encodeIndex(index: CompactEntryIndex): Buffer {
  return serialize(index.save());
}

/**
 * The index `encodeIndex` wrote, sealed and ready to serve. Throws when the bytes are not a saved
 * index of this format, or were saved for another trust domain.
 */
export function decodeIndex(bytes: Uint8Array, trustDomain: string, now: number): CompactEntryIndex {
  const saved = deserialize(bytes) as Partial<SavedIndex> | null;
  if (!saved || typeof saved !== "object" || !saved.columns || !Array.isArray(saved.agents))
    throw new Error("the saved entry index is not readable");
  if (saved.trustDomain !== trustDomain)
    throw new Error(`the saved entry index is of ${String(saved.trustDomain)}, not ${trustDomain}`);
  return CompactEntryIndex.restore(saved as SavedIndex, now);
}
