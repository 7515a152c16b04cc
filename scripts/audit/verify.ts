// npm run audit:verify: walks the console's audit log straight from its database (SQLite file or
// PostgreSQL) and reports whether its hash chain holds, or the first record that was changed,
// removed or put out of order. Exit code 0 when it holds, 1 when it is broken, 2 on a usage error.
// The store is found like the console finds it: SPIRE_CONSOLE_DATABASE_URL(_FILE), else
// SPIRE_CONSOLE_DATA_DIR, else the config file's database.url / database.urlFile / dataDir
// (SPIRE_CONSOLE_CONFIG, else .stack/console.json).
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

import { parse as parseYaml } from "yaml";

import { verifyAuditLog } from "../../lib/audit/verify-chain.ts";
import { openStore } from "../../lib/store/open-store.ts";

type StoreConfig = { dataDir?: string; database?: { url?: string; urlFile?: string } };

function readSecret(name: string): string | undefined {
  const file = process.env[`${name}_FILE`];
  return process.env[name] || (file ? readFileSync(file, "utf8").trim() : undefined);
}

function configFile(): StoreConfig {
  const file = process.env.SPIRE_CONSOLE_CONFIG || path.resolve(".stack/console.json");
  if (!existsSync(file)) return {};
  const text = readFileSync(file, "utf8");
  return (/\.ya?ml$/i.test(file) ? parseYaml(text) : JSON.parse(text)) as StoreConfig;
}

const config = configFile();
const databaseUrl =
  readSecret("SPIRE_CONSOLE_DATABASE_URL") ??
  (config.database?.urlFile ? readFileSync(config.database.urlFile, "utf8").trim() : config.database?.url);
const dataDir = process.env.SPIRE_CONSOLE_DATA_DIR || config.dataDir || ".data";

const store = await openStore({ databaseUrl, dataDir });
try {
  const report = await verifyAuditLog(store.audit);
  if (report.ok) {
    console.log(`audit log OK: ${report.records} records, chain head ${report.head.seq} (${store.kind})`);
  } else {
    console.log(`audit log BROKEN after ${report.records} good records: ${report.problem.message}`);
    process.exitCode = 1;
  }
} finally {
  await store.close();
}
