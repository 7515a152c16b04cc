// `node scripts/helm/cli.ts`: makes sure the cached helm binary exists (building it once) and prints its path.
import { StackError } from "../stack/log.ts";
import { ensureHelm } from "./build.ts";

try {
  console.log(await ensureHelm());
} catch (error) {
  if (error instanceof StackError && error.details) console.error(error.details);
  console.error(`[helm] ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
  process.exitCode = 1;
}
