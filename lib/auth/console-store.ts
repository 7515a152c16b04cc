import "server-only";

import { ApiError } from "@/lib/api/api-error";
import { withAuditCopies } from "@/lib/audit/audit-copies";
import { type ConsoleStore, openStore } from "@/lib/store/open-store";

import { authSettings } from "./settings";

// One store per process (on globalThis so every route bundle shares it), reopened if the
// database settings change.
const globalForStore = globalThis as typeof globalThis & {
  __spireConsoleStore?: { key: string; store: Promise<ConsoleStore> };
};

/**
 * The console's own store (sessions, API tokens, audit): PostgreSQL when a database URL is set,
 * else SQLite in the data dir. Opening runs the migrations. A store that cannot be opened is a
 * 503 (and the next request tries again). Its audit records are also copied to the audit sink.
 */
export function getStore(): Promise<ConsoleStore> {
  const { databaseUrl, dataDir } = authSettings();
  const key = `${databaseUrl ?? ""}|${dataDir}`;
  const current = globalForStore.__spireConsoleStore;
  if (current?.key === key) return current.store;
  if (current) void current.store.then((s) => s.close()).catch(() => undefined);
  const opened = openStore({ databaseUrl: databaseUrl ?? undefined, dataDir });
  const store = opened.then(withAuditCopies).catch((error: unknown) => {
    globalForStore.__spireConsoleStore = undefined;
    console.error("[store] cannot open the console's store", error);
    throw new ApiError("unavailable", "The console's session store is unavailable; see the server log.");
  });
  globalForStore.__spireConsoleStore = { key, store };
  return store;
}
