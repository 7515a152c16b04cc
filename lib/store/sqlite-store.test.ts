import { chmodSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { describeStoreContract } from "@/test/support/store-contract";

import { createStore, openStore, SQLITE_FILE_NAME } from "./open-store";
import { openSqliteDriver } from "./sqlite-driver";

const root = mkdtempSync(path.join(tmpdir(), "spc-store-"));
let databases = 0;

afterAll(() => rmSync(root, { recursive: true, force: true }));

describeStoreContract({
  kind: "sqlite",
  async freshDatabase() {
    const file = path.join(root, `db-${++databases}`, SQLITE_FILE_NAME);
    return { file, openDriver: () => openSqliteDriver(file) };
  },
  async breakWrites(store, { file }) {
    // The file is made read-only (0400) and the store reopened. SQLite then opens it read-only,
    // as it does for any file it may not write, and every write fails with SQLITE_READONLY.
    // Root ignores permission bits, so as root the reopen asks for that read-only mode itself.
    await store.close();
    chmodSync(file, 0o400);
    const readOnly = process.getuid?.() === 0;
    const reopened = await createStore(openSqliteDriver(file, { readOnly }));
    return { store: reopened, restore: async () => chmodSync(file, 0o600) };
  },
  secrets: [],
});

describe("openStore with SQLite", () => {
  it("creates <dataDir>/console.sqlite with mode 0600 in a new 0700 directory", async () => {
    const dataDir = path.join(root, "data", "nested");
    const store = await openStore({ dataDir });
    try {
      expect(store.kind).toBe("sqlite");
      await store.checkWritable();
      expect(statSync(dataDir).mode & 0o777).toBe(0o700);
      expect(statSync(path.join(dataDir, SQLITE_FILE_NAME)).mode & 0o777).toBe(0o600);
    } finally {
      await store.close();
    }
  });

  it("refuses a database URL that is not postgres:// without echoing it", async () => {
    const attempt = openStore({ databaseUrl: "mysql://root:hunter2@db/console", dataDir: root });
    await expect(attempt).rejects.toThrow("the database URL must start with postgres:// or postgresql://");
    await expect(attempt).rejects.not.toThrow(/hunter2/);
  });
});
