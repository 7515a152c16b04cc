// Entry point of `npm run stack:up|stack:down|stack:status`
// (node scripts/stack/cli.ts <command>). Exit 0 on success, 1 with a one-line reason.
import { down } from "./down.ts";
import { withStackLock } from "./lock.ts";
import { StackError } from "./log.ts";
import { getStackPaths } from "./paths.ts";
import { printStatus } from "./status.ts";
import { up } from "./up.ts";

const stackDir = getStackPaths().stackDir;
const commands: Record<string, () => Promise<unknown>> = {
  up: () => withStackLock(stackDir, up),
  down: () => withStackLock(stackDir, down),
  status: async () => printStatus(),
};

async function main(): Promise<void> {
  const name = process.argv[2] ?? "";
  const command = commands[name];
  if (!command) {
    console.error(`usage: node scripts/stack/cli.ts ${Object.keys(commands).join("|")}`);
    process.exitCode = 2;
    return;
  }
  try {
    await command();
  } catch (error) {
    if (error instanceof StackError && error.details) console.error(error.details);
    const message = error instanceof Error ? error.message : String(error);
    console.error(`[stack] ${name} failed: ${message.split("\n")[0]}`);
    process.exitCode = 1;
  }
}

await main();
