// `node scripts/alertmanager/cli.ts`: makes sure the cached Alertmanager binary exists (building it once) and prints
// its path.
import { StackError } from "../stack/log.ts";
import { ensureAlertmanager } from "./build.ts";

try {
  console.log(await ensureAlertmanager());
} catch (error) {
  if (error instanceof StackError && error.details) console.error(error.details);
  console.error(`[alertmanager] ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
  process.exitCode = 1;
}
