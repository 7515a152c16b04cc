import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DatabaseSync } from "node:sqlite";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { getStore } from "@/lib/auth/console-store";
import { SQLITE_FILE_NAME } from "@/lib/store/open-store";
import { buildCompact } from "@/test/support/compare-compact-index";
import { generateEntries } from "@/test/support/generate-entries";

import { encodeIndex } from "./compact/saved-index";
import { lastSavedAt, readSavedIndex, saveIndexSoon } from "./saved-index-store";

describe("saving the entry index to the console's store", () => {
  const saved = { ...process.env };
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), "spc-saved-index-"));
    process.env.SPIRE_CONSOLE_DATA_DIR = dataDir;
    process.env.SPIRE_CONSOLE_CONFIG = path.join(tmpdir(), "no-such-config.json");
  });
  afterAll(async () => {
    await (await getStore()).close();
    process.env = saved;
  });

  it("writes it in pieces of about 1 MiB and reads back the same index", async () => {
    // Large enough that its compressed copy (about 1.5 MiB) takes more than one piece.
    const { trustDomain, agents, entries } = generateEntries(31, 40_000);
    const index = buildCompact(trustDomain, entries, agents, 5000);
    saveIndexSoon("foo", index);
    for (let i = 0; i < 600 && lastSavedAt("foo") === null; i++) await new Promise((r) => setTimeout(r, 50));
    expect(lastSavedAt("foo")).not.toBeNull();

    const db = new DatabaseSync(path.join(dataDir, SQLITE_FILE_NAME), { readOnly: true });
    const pieces = db.prepare("SELECT seq, length(data) AS bytes FROM entry_index_snapshot_pieces ORDER BY seq").all();
    db.close();
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.map((p) => p.seq)).toEqual(pieces.map((_, seq) => seq));
    // Every piece but the last is at least 1 MiB (gzip's chunks are gathered up to it), and none much more.
    for (const piece of pieces.slice(0, -1)) expect(piece.bytes).toBeGreaterThanOrEqual(1 << 20);
    for (const piece of pieces) expect(piece.bytes).toBeLessThan((1 << 20) + 128 * 1024);

    const restored = await readSavedIndex("foo", trustDomain);
    expect(restored?.index.size).toBe(index.size);
    expect(encodeIndex(restored!.index).equals(encodeIndex(index))).toBe(true);
  });
});
