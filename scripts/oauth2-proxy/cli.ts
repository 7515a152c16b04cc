// `node scripts/oauth2-proxy/cli.ts`: makes sure the cached oauth2-proxy binary exists (building it once) and prints
// its path.
import { StackError } from "../stack/log.ts";
import { ensureOauth2Proxy } from "./build.ts";

try {
  console.log(await ensureOauth2Proxy());
} catch (error) {
  if (error instanceof StackError && error.details) console.error(error.details);
  console.error(`[oauth2-proxy] ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
  process.exitCode = 1;
}
