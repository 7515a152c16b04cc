import "server-only";

import { getStore } from "@/lib/auth/console-store";
import { loadConfig } from "@/lib/config/load-config";

/** Whether the console can serve its users: the answer of /readyz. Never names files, URLs or errors. */
export type Readiness = {
  ready: boolean;
  checks: { config: "ok" | "missing" | "invalid"; store: "ok" | "unavailable" | "skipped" };
};

/** How long the store may take to prove it is writable before the console counts as not ready. */
const STORE_DEADLINE_MS = 3_000;

async function storeWritable(): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${STORE_DEADLINE_MS} ms`)), STORE_DEADLINE_MS);
  });
  try {
    await Promise.race([getStore().then((store) => store.checkWritable()), deadline]);
    return true;
  } catch (error) {
    console.error("[readyz] the console's store is not writable", error);
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Readiness: the config file is valid and the session/audit store can be written right now.
 * SPIRE servers are deliberately not checked: a console whose SPIRE server is down must stay in
 * service, since that is when operators need it.
 */
export async function checkReadiness(): Promise<Readiness> {
  const state = loadConfig();
  const config = state.status === "ok" ? "ok" : state.status === "invalid" ? "invalid" : "missing";
  if (config !== "ok") return { ready: false, checks: { config, store: "skipped" } };
  const store = (await storeWritable()) ? "ok" : "unavailable";
  return { ready: store === "ok", checks: { config, store } };
}
