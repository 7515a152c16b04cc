// Throw-away PostgreSQL for humans: node scripts/pg/cli.ts start|stop|status --dir D [--database NAME]
// Exit 0 on success, 1 with a one-line reason, 2 on a usage error.
import { parseArgs } from "node:util";

import { getPostgresStatus, startPostgres, stopPostgres } from "./server.ts";

const usage = "usage: node scripts/pg/cli.ts start|stop|status --dir D [--database NAME]";

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { dir: { type: "string" }, database: { type: "string" } },
  });
  const [command] = positionals;
  const dir = values.dir;
  if (!dir || !command || !["start", "stop", "status"].includes(command)) {
    console.error(usage);
    process.exitCode = 2;
    return;
  }
  if (command === "start") {
    const server = await startPostgres({ dir, database: values.database });
    console.log(`[pg] running on 127.0.0.1:${server.port}`);
    console.log(server.url);
  } else if (command === "stop") {
    const pid = await stopPostgres(dir);
    console.log(pid === null ? "[pg] not running" : `[pg] stopped (pid ${pid})`);
  } else {
    const status = getPostgresStatus(dir);
    console.log(status.running ? `[pg] running: pid ${status.pid}, 127.0.0.1:${status.port}` : "[pg] not running");
    if (!status.running) process.exitCode = 1;
  }
}

await main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`[pg] failed: ${message.split("\n")[0]}`);
  process.exitCode = 1;
});
