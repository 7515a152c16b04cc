// Where the PostgreSQL server programs are: $SPIRE_CONSOLE_PG_BIN, else the newest
// /usr/lib/postgresql/<major>/bin of Debian's postgresql package.
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";

const DEBIAN_ROOT = "/usr/lib/postgresql";
const needed = ["initdb", "pg_ctl", "postgres"];

function hasServer(binDir: string): boolean {
  return needed.every((name) => existsSync(path.join(binDir, name)));
}

/** The directory holding initdb, pg_ctl and postgres; throws with the install hint when missing. */
export function findPostgresBinDir(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.SPIRE_CONSOLE_PG_BIN;
  if (configured) {
    if (hasServer(configured)) return configured;
    throw new Error(`SPIRE_CONSOLE_PG_BIN=${configured} lacks ${needed.join(", ")}`);
  }
  const majors = existsSync(DEBIAN_ROOT)
    ? readdirSync(DEBIAN_ROOT)
        .filter((name) => /^\d+$/.test(name))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  for (const major of majors) {
    const binDir = path.join(DEBIAN_ROOT, major, "bin");
    if (hasServer(binDir)) return binDir;
  }
  throw new Error(
    `no PostgreSQL server programs under ${DEBIAN_ROOT}/<major>/bin: install them with 'apt-get install postgresql' ` +
      "(or set SPIRE_CONSOLE_PG_BIN)",
  );
}
