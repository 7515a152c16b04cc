// Tamper evidence outside the database (issue 22 item 5), on a real SQLite file and a real
// PostgreSQL server: an attacker with the database deletes the last five audit rows and sets the
// chain's head back by hand; audit:verify names it from the signed checkpoints (key outside the
// database) and from the sink's copy. An untouched log with a recorded prune verifies clean.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { openStore, SQLITE_FILE_NAME } from "@/lib/store/open-store";
import { openPostgresDriver } from "@/lib/store/postgres-driver";
import { openSqliteDriver } from "@/lib/store/sqlite-driver";

import { dropDatabase, ensureDatabase, listDatabases } from "../../scripts/pg/databases.ts";
import { type PostgresServer, startPostgres } from "../../scripts/pg/server.ts";
import { getStackPaths } from "../../scripts/stack/paths.ts";
import {
  deleteLastFiveAndFixHead,
  type LogOutside,
  makeSigningKey,
  runVerify,
  type TamperTarget,
  writeConsoleLog,
} from "../support/audit-tamper";

const iso = /\d{4}-\d\d-\d\dT[\d:.]+Z/.source;
const prefix = "audit_tamper_";
let pg: PostgresServer;
let databases = 0;
const opened: TamperTarget[] = [];

const harnesses = {
  async sqlite(): Promise<TamperTarget> {
    const dir = mkdtempSync(path.join(tmpdir(), "spc-audit-tamper-sqlite-"));
    const store = await openStore({ dataDir: dir });
    const target = {
      store,
      tamper: openSqliteDriver(path.join(dir, SQLITE_FILE_NAME)),
      env: { SPIRE_CONSOLE_DATA_DIR: dir },
    };
    opened.push(target);
    return target;
  },
  async postgres(): Promise<TamperTarget> {
    const name = `${prefix}${++databases}`;
    await ensureDatabase(pg.urlFor("postgres"), name);
    const url = pg.urlFor(name);
    const store = await openStore({ databaseUrl: url, dataDir: mkdtempSync(path.join(tmpdir(), "spc-pg-")) });
    const target = { store, tamper: openPostgresDriver(url), env: { SPIRE_CONSOLE_DATABASE_URL: url } };
    opened.push(target);
    return target;
  },
};

beforeAll(async () => {
  pg = await startPostgres({ dir: path.join(getStackPaths().cacheDir, "postgres-test") });
  for (const name of await listDatabases(pg.urlFor("postgres"), prefix))
    await dropDatabase(pg.urlFor("postgres"), name);
}, 120_000);

afterAll(async () => {
  for (const t of opened) {
    await t.store.close().catch(() => undefined);
    await t.tamper.close().catch(() => undefined);
  }
  if (!pg) return;
  for (const name of await listDatabases(pg.urlFor("postgres"), prefix))
    await dropDatabase(pg.urlFor("postgres"), name);
  await pg.stop();
}, 120_000);

describe.each(["sqlite", "postgres"] as const)("audit:verify on %s", (kind) => {
  let outside: LogOutside;
  const withKey = () => ["--public-key", outside.publicKeyFile];
  const fresh = async () => {
    outside = makeSigningKey();
    const target = await harnesses[kind]();
    return { target, head: await writeConsoleLog(target, outside) };
  };

  it("passes an untouched log with its signatures, the copy and a recorded prune", async () => {
    const { target, head } = await fresh();
    expect(await target.store.audit.anchor()).toMatchObject({ seq: 10 });
    const result = runVerify(target.env, [...withKey(), "--copy", outside.copyFile]);
    expect(result.out).toMatch(new RegExp(`audit log OK: 13 records, chain head ${head} \\(${kind}\\)`));
    expect(result.out).toMatch(
      new RegExp(`2 signed checkpoint\\(s\\) verified \\(key [0-9a-f]{16}\\) up to record ${head}`),
    );
    expect(result.out).toMatch(/compared with 23 records of the copy/);
    expect(result.code).toBe(0);
  });

  it("reports the last five rows deleted and the head fixed by hand, from the signed checkpoint", async () => {
    const { target, head } = await fresh();
    await deleteLastFiveAndFixHead(target.tamper, head);
    // The hash chain alone cannot tell: what is left is a consistent chain up to its (forged) head.
    expect(runVerify(target.env)).toMatchObject({ code: 0 });
    const result = runVerify(target.env, withKey());
    expect(result.out).toMatch(
      new RegExp(
        `audit log BROKEN after ${head - 15} good records: records ${head - 4} to ${head} are missing: ` +
          `the signed checkpoint of ${iso} covers record ${head}, but the log and its recorded head end at ` +
          `record ${head - 5} \\(removed from the end, the head set back by hand\\)`,
      ),
    );
    expect(result.code).toBe(1);
  });

  it("still reports it when the checkpoints were deleted too: from the sink's copy, or as unsigned records", async () => {
    const { target, head } = await fresh();
    await deleteLastFiveAndFixHead(target.tamper, head);
    await target.tamper.execute("DELETE FROM audit_checkpoints");
    const fromCopy = runVerify(target.env, [...withKey(), "--copy", outside.copyFile]);
    expect(fromCopy.out).toMatch(
      new RegExp(`records ${head - 4} to ${head} are missing: the signed checkpoint of ${iso} covers record ${head}`),
    );
    expect(fromCopy.code).toBe(1);
    const copyOnly = runVerify(target.env, ["--copy", outside.copyFile]);
    expect(copyOnly.out).toMatch(
      new RegExp(`records ${head - 4} to ${head} are missing: the copy in ${outside.copyFile} \\(line 24\\) covers`),
    );
    expect(copyOnly.code).toBe(1);
    const keyOnly = runVerify(target.env, withKey());
    expect(keyOnly.out).toMatch(
      new RegExp(`records 11 to ${head - 5} are covered by no signed checkpoint, the oldest from ${iso}`),
    );
    expect(keyOnly.code).toBe(1);
  });

  it("reports an anchor moved without a recorded prune, and a checkpoint signed with another key", async () => {
    const { target } = await fresh();
    const [row] = await target.tamper.query<{ hash: string }>("SELECT hash FROM audit_log WHERE seq = 13");
    await target.tamper.execute("DELETE FROM audit_log WHERE seq <= 13");
    await target.tamper.execute("UPDATE audit_state SET anchor_seq = 13, anchor_hash = $1 WHERE id = 'chain'", [
      row!.hash,
    ]);
    const moved = runVerify(target.env, withKey());
    expect(moved.out).toMatch(
      /the chain starts after record 13, but no prune is recorded: records up to 13 were removed and the anchor moved by hand/,
    );
    expect(moved.code).toBe(1);

    const other = makeSigningKey();
    const result = runVerify(target.env, ["--public-key", other.publicKeyFile]);
    expect(result.out).toMatch(new RegExp(`the checkpoint [0-9A-Z]{26} of ${iso} is not signed by the configured key`));
    expect(result.code).toBe(1);
  });
});
