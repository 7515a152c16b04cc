// Databases of the throw-away cluster, managed over a superuser connection.
import pg from "pg";

const namePattern = /^[a-z_][a-z0-9_]{0,62}$/;

function checkName(name: string): string {
  if (!namePattern.test(name)) throw new Error(`'${name}' is not a plain database name ([a-z_][a-z0-9_]*)`);
  return name;
}

async function withClient<T>(adminUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates the database unless it exists. `adminUrl` is a superuser URL (e.g. to `postgres`). */
export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const database = checkName(name);
  await withClient(adminUrl, async (client) => {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount) return;
    await client.query(`CREATE DATABASE ${database}`).catch((error: { code?: string }) => {
      if (error.code !== "42P04") throw error; // created meanwhile by someone else
    });
  });
}

/** Drops the database if it exists, ending its sessions first. */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${checkName(name)} WITH (FORCE)`));
}

/** Names of the databases that start with `prefix`. */
export async function listDatabases(adminUrl: string, prefix: string): Promise<string[]> {
  return withClient(adminUrl, async (client) => {
    const rows = await client.query<{ datname: string }>("SELECT datname FROM pg_database ORDER BY datname");
    return rows.rows.map((row) => row.datname).filter((name) => name.startsWith(prefix));
  });
}

/** Sets the default of a setting for every new session of a database (`ALTER DATABASE … SET`). */
export async function setDatabaseDefault(
  adminUrl: string,
  name: string,
  setting: string,
  value: string,
): Promise<void> {
  if (!/^[a-z_]+$/.test(setting) || !/^[a-z0-9_]+$/.test(value))
    throw new Error(`'${setting} = ${value}' is not a plain setting`);
  await withClient(adminUrl, (client) => client.query(`ALTER DATABASE ${checkName(name)} SET ${setting} = ${value}`));
}
