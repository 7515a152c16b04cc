// npm run audit:verify [-- --copy FILE] [-- --public-key FILE]: walks the console's audit log
// straight from its database (SQLite file or PostgreSQL) and reports whether its hash chain holds,
// or the first record that was changed, removed or put out of order, or an anchor no recorded
// prune explains. With the signing key's public half (audit.signing.publicKeyFile or keyFile, or
// --public-key) it checks every signed checkpoint and that the chain still holds each one's head;
// with the sink's copy (--copy, or the file of `audit.sink: { type: file }`) that it still holds
// every record of the copy. Exit code 0 when it holds, 1 when it is broken, 2 on a usage error.
// The store is found like the console finds it: SPIRE_CONSOLE_DATABASE_URL(_FILE), else
// SPIRE_CONSOLE_DATA_DIR, else the config file's database.url / database.urlFile / dataDir
// (SPIRE_CONSOLE_CONFIG, else .stack/console.json).
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

import { parse as parseYaml } from "yaml";

import { readPublicKey } from "../../lib/audit/checkpoint-signature.ts";
import { verifySignedLog } from "../../lib/audit/verify-signed.ts";
import { openStore } from "../../lib/store/open-store.ts";

type StoreConfig = {
  dataDir?: string;
  database?: { url?: string; urlFile?: string };
  audit?: {
    sink?: { type?: string; path?: string };
    signing?: { keyFile?: string; publicKeyFile?: string; intervalMinutes?: number };
  };
};

function usage(message: string): never {
  console.error(`audit:verify: ${message}`);
  process.exit(2);
}

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

const { values: args } = (() => {
  try {
    return parseArgs({ options: { copy: { type: "string" }, "public-key": { type: "string" } } });
  } catch (error) {
    return usage((error as Error).message);
  }
})();
const config = configFile();
const signing = config.audit?.signing;
const keyFile = args["public-key"] ?? signing?.publicKeyFile ?? signing?.keyFile;
const sinkFile = config.audit?.sink?.type === "file" ? config.audit.sink.path : undefined;
const copyFile = args.copy ?? (sinkFile && existsSync(sinkFile) ? sinkFile : undefined);
let publicKey = null;
try {
  publicKey = keyFile ? readPublicKey(keyFile) : null;
} catch (error) {
  usage(`cannot read the public key: ${(error as Error).message}`);
}
if (copyFile && !existsSync(copyFile)) usage(`the copy ${copyFile} does not exist`);

const databaseUrl =
  readSecret("SPIRE_CONSOLE_DATABASE_URL") ??
  (config.database?.urlFile ? readFileSync(config.database.urlFile, "utf8").trim() : config.database?.url);
const dataDir = process.env.SPIRE_CONSOLE_DATA_DIR || config.dataDir || ".data";

const store = await openStore({ databaseUrl, dataDir });
try {
  const { report, notes } = await verifySignedLog(store.audit, {
    publicKey,
    intervalMinutes: signing?.intervalMinutes ?? 5,
    copy: copyFile ? { name: copyFile, text: readFileSync(copyFile, "utf8") } : undefined,
  });
  if (report.ok) {
    console.log(`audit log OK: ${report.records} records, chain head ${report.head.seq} (${store.kind})`);
  } else {
    console.log(`audit log BROKEN after ${report.records} good records: ${report.problem.message}`);
    process.exitCode = 1;
  }
  for (const note of notes) console.log(`  ${note}`);
} finally {
  await store.close();
}
