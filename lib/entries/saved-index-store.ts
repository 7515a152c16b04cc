import "server-only";

import { pipeline, Readable } from "node:stream";
import { createGunzip, createGzip } from "node:zlib";

import { getStore } from "@/lib/auth/console-store";

import type { CompactEntryIndex } from "./compact/compact-index";
import { decodeIndexChunks, encodeIndex, encodeIndexParts } from "./compact/saved-index";

/** Compressed bytes go to the store in pieces of about this size. */
const PIECE_BYTES = 1 << 20;
/** Saves streamed part by part that a change interrupted are tried this many times in all, this far apart. */
const STREAMED_ATTEMPTS = 3;
const STREAMED_RETRY_MS = 5_000;

/** A walked index is saved at most this often per server and replica (and always after the first walk). */
export const SAVE_EVERY_MS = 10 * 60_000;

// When each server's index was last saved (or the saved one read) here, and saves under way.
const globalForSaves = globalThis as typeof globalThis & {
  __spireIndexSaves?: { savedAt: Map<string, number>; saving: Set<string> };
};
const saves = (globalForSaves.__spireIndexSaves ??= { savedAt: new Map(), saving: new Set() });

/** A saved index read back: served, marked with its age, until a walk replaces it. */
export type RestoredIndex = { index: CompactEntryIndex; savedAt: number };

/**
 * The index last saved for `server` in the console's store (SQLite or PostgreSQL, so a replica
 * may read what another saved), or null when there is none, it is of another trust domain, or it
 * cannot be read (logged; the walk then serves as usual).
 */
export async function readSavedIndex(server: string, trustDomain: string): Promise<RestoredIndex | null> {
  try {
    const record = await (await getStore()).indexSnapshots.read(server);
    if (!record || record.trustDomain !== trustDomain) return null;
    const started = Date.now();
    // Piece by piece from the store, through gunzip, part by part into the index: never a whole copy of it.
    const bytes = pipeline(Readable.from(record.pieces), createGunzip(), () => undefined);
    const index = await decodeIndexChunks(bytes, trustDomain, started);
    saves.savedAt.set(server, Math.max(saves.savedAt.get(server) ?? 0, record.savedAt));
    const walked = new Date(index.builtAt).toISOString();
    console.warn(
      `[index] serving the saved entry index of ${server} (${index.size} entries, walked ${walked}), ` +
        `read in ${Date.now() - started} ms, until a new walk replaces it`,
    );
    return { index, savedAt: record.savedAt };
  } catch (error) {
    console.warn(`[index] cannot read the saved entry index of ${server}: ${(error as Error).message}`);
    return null;
  }
}

/** The index changed while its parts were being read: they would not agree. */
class IndexChangedError extends Error {}

/** The index's parts (`encodeIndexParts`), ending in IndexChangedError as soon as the index changes under them. */
function* unchangedParts(index: CompactEntryIndex): Generator<Uint8Array> {
  const generation = index.generation;
  for (const part of encodeIndexParts(index)) {
    if (index.generation !== generation) throw new IndexChangedError("the index changed while it was being saved");
    yield part;
  }
}

/**
 * `parts` gzip-compressed (off the main thread) in pieces of about PIECE_BYTES, each read from
 * `parts` only as the compressor asks for more: neither the index nor its compressed copy is ever
 * held whole. An error of `parts` ends the pieces with that error.
 */
async function* compressedPieces(parts: Iterable<Uint8Array>): AsyncGenerator<Buffer> {
  const compressed = pipeline(Readable.from(parts), createGzip({ level: 1 }), () => undefined);
  let held: Buffer[] = [];
  let size = 0;
  for await (const chunk of compressed as AsyncIterable<Buffer>) {
    held.push(chunk);
    size += chunk.length;
    if (size < PIECE_BYTES) continue;
    yield Buffer.concat(held, size);
    held = [];
    size = 0;
  }
  if (size > 0) yield Buffer.concat(held, size);
}

/**
 * Saves a freshly walked index of `server` in the background unless one was saved in the last
 * 10 minutes or a save is under way. It is compressed and written to the store piece by piece
 * (`compressedPieces`); failures are logged.
 */
export function saveIndexSoon(server: string, index: CompactEntryIndex): void {
  const last = saves.savedAt.get(server) ?? 0;
  if (saves.saving.has(server) || Date.now() - last < SAVE_EVERY_MS) return;
  saves.saving.add(server);
  const save = async () => {
    const snapshots = (await getStore()).indexSnapshots;
    const meta = () => {
      const { trustDomain, builtAt, size } = index;
      return { server, trustDomain, builtAt, savedAt: Date.now(), entries: size };
    };
    for (let attempt = 0; attempt < STREAMED_ATTEMPTS; attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, STREAMED_RETRY_MS));
      const saving = meta();
      try {
        await snapshots.save(saving, compressedPieces(unchangedParts(index)));
        return saving.savedAt;
      } catch (error) {
        if (!(error instanceof IndexChangedError)) throw error;
      }
    }
    // Changes kept coming: one whole copy, taken at once, is consistent (and costs its size in memory).
    const saving = meta();
    await snapshots.save(saving, compressedPieces([encodeIndex(index)]));
    return saving.savedAt;
  };
  save()
    .then((savedAt) => saves.savedAt.set(server, savedAt))
    .catch((error: unknown) =>
      console.warn(`[index] cannot save the entry index of ${server}: ${(error as Error).message}`),
    )
    .finally(() => saves.saving.delete(server));
}

/** When the index of `server` was last saved or read back here (epoch ms), or null. */
export function lastSavedAt(server: string): number | null {
  return saves.savedAt.get(server) ?? null;
}
