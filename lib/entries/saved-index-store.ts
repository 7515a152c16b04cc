import "server-only";

import { once } from "node:events";
import { promisify } from "node:util";
import { createGzip, gunzip, gzip } from "node:zlib";

import { getStore } from "@/lib/auth/console-store";

import type { CompactEntryIndex } from "./compact/compact-index";
import { decodeIndex, encodeIndex, encodeIndexParts } from "./compact/saved-index";

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);
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
    const record = await (await getStore()).indexSnapshots.load(server);
    if (!record || record.trustDomain !== trustDomain) return null;
    const started = Date.now();
    const index = decodeIndex(await gunzipAsync(record.data), trustDomain, started);
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

/**
 * The index compressed (gzip, off the main thread), fed part by part so that no copy of the whole
 * index is held at once; null when the index changed before all of it was read (its parts would
 * not agree), to be saved another time.
 */
async function compressIndex(index: CompactEntryIndex): Promise<Buffer | null> {
  const generation = index.generation;
  const gzip = createGzip({ level: 1 });
  const chunks: Buffer[] = [];
  gzip.on("data", (chunk: Buffer) => chunks.push(chunk));
  const ended = once(gzip, "end");
  for (const part of encodeIndexParts(index)) {
    if (index.generation !== generation) {
      gzip.destroy();
      return null;
    }
    if (!gzip.write(part)) await once(gzip, "drain");
  }
  gzip.end();
  await ended;
  return Buffer.concat(chunks);
}

/**
 * Saves a freshly walked index of `server` in the background unless one was saved in the last
 * 10 minutes or a save is under way. Compression runs off the main thread, fed part by part
 * (`compressIndex`); failures are logged.
 */
export function saveIndexSoon(server: string, index: CompactEntryIndex): void {
  const last = saves.savedAt.get(server) ?? 0;
  if (saves.saving.has(server) || Date.now() - last < SAVE_EVERY_MS) return;
  saves.saving.add(server);
  const save = async () => {
    let data: Buffer | null = null;
    for (let attempt = 0; attempt < STREAMED_ATTEMPTS && !data; attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, STREAMED_RETRY_MS));
      data = await compressIndex(index);
    }
    // Changes kept coming: one whole copy, taken at once, is consistent (and costs its size in memory).
    data ??= await gzipAsync(encodeIndex(index), { level: 1 });
    const savedAt = Date.now();
    await (
      await getStore()
    ).indexSnapshots.save({
      server,
      trustDomain: index.trustDomain,
      builtAt: index.builtAt,
      savedAt,
      entries: index.size,
      data,
    });
    saves.savedAt.set(server, savedAt);
  };
  save()
    .catch((error: unknown) =>
      console.warn(`[index] cannot save the entry index of ${server}: ${(error as Error).message}`),
    )
    .finally(() => saves.saving.delete(server));
}

/** When the index of `server` was last saved or read back here (epoch ms), or null. */
export function lastSavedAt(server: string): number | null {
  return saves.savedAt.get(server) ?? null;
}
