// `node scripts/prometheus/cli.ts`: makes sure the cached Prometheus binary exists (building it once) and prints its
// path.
import { StackError } from "../stack/log.ts";
import { ensurePrometheus } from "./build.ts";

try {
  console.log(await ensurePrometheus());
} catch (error) {
  if (error instanceof StackError && error.details) console.error(error.details);
  console.error(`[prometheus] ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
  process.exitCode = 1;
}
