import "server-only";

import { createHash } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";

/** One document of a watched set: its path relative to the set's path, and its text. */
export type SetFile = { name: string; text: string };

/** The documents of a set and a fingerprint of them all (it changes when any file changes, appears or goes). */
export type SetFiles = { files: SetFile[]; fingerprint: string };

const documentName = /\.(ya?ml|json)$/i;
/** Entries at most this deep below the set's directory are read (a git checkout's tree, a ConfigMap's keys). */
const maxDepth = 8;

/**
 * Names of the documents under a directory, sorted. Hidden names are skipped: a ConfigMap mount's
 * `..data` and `..<timestamp>` folders (its visible keys are symlinks into them) and a checkout's `.git`.
 */
async function listDocuments(dir: string, depth = 0): Promise<string[]> {
  const names: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    // Follows symlinks: a ConfigMap key and git-sync's worktree link are symlinks.
    const info = await stat(full).catch(() => null);
    if (info?.isDirectory() && depth < maxDepth) names.push(...(await listDocuments(full, depth + 1)));
    else if (info?.isFile() && documentName.test(entry.name)) names.push(full);
  }
  return names.sort();
}

/**
 * Reads a watched set's path: one document, or every `.yaml`/`.yml`/`.json` document below a
 * directory (symlinks followed, hidden names skipped). Throws when the path cannot be read.
 */
export async function readSetFiles(setPath: string): Promise<SetFiles> {
  const info = await stat(setPath);
  const names = info.isDirectory() ? await listDocuments(setPath) : [setPath];
  const hash = createHash("sha256");
  const files: SetFile[] = [];
  for (const full of names) {
    const text = await readFile(full, "utf8");
    const name = info.isDirectory() ? path.relative(setPath, full) : path.basename(full);
    hash.update(`${name}\0${text}\0`);
    files.push({ name, text });
  }
  return { files, fingerprint: hash.digest("hex") };
}
