import "server-only";

import { startAlertEngine } from "@/lib/alerts/start-alerts";
import { startAuditRetention } from "@/lib/audit/retention";
import { startAuditSigning } from "@/lib/audit/sign-head";
import { authSettings } from "@/lib/auth/settings";
import { listenForEntryChanges } from "@/lib/entries/index-broadcast";
import { startEntrySetWatches } from "@/lib/entry-sets/start-entry-sets";
import { loadK8sLibraryIfConfigured } from "@/lib/k8s/config";
import { startMetrics } from "@/lib/metrics/start-metrics";
import { claimSqliteStore } from "@/lib/store/sqlite-owner";

import { reportConfigAtStartup } from "./report-config";

/** Stops the process with the reason: the console must not run in a shape that loses or corrupts data. */
function refuseToStart(reason: string): never {
  console.error(`[startup] the console refuses to start: ${reason}`);
  process.exit(1);
}

/**
 * Starts what the console's server process needs besides answering requests: checks that a SQLite
 * store serves exactly one replica (SPIRE_CONSOLE_REPLICAS and the store's owner file), listens for
 * other replicas' entry changes, schedules the audit log's daily retention and the signing of its
 * chain head, starts the metrics listener (when a metrics port is configured), and watches the
 * configured entry sets for drift, and starts the alert engine. The Kubernetes client library is
 * loaded only when a cluster is configured.
 */
export async function startConsoleProcess(): Promise<void> {
  reportConfigAtStartup();
  const settings = authSettings();
  if (!settings.databaseUrl) {
    const replicas = Number(process.env.SPIRE_CONSOLE_REPLICAS ?? "1");
    if (replicas > 1) {
      refuseToStart(
        `SPIRE_CONSOLE_REPLICAS is ${replicas}, but the store is SQLite, which serves one replica only: ` +
          "set database.url (or SPIRE_CONSOLE_DATABASE_URL) to a PostgreSQL database.",
      );
    }
    try {
      claimSqliteStore(settings.dataDir);
    } catch (error) {
      refuseToStart((error as Error).message);
    }
  }
  await loadK8sLibraryIfConfigured().catch((error: unknown) =>
    console.error("[startup] cannot load the Kubernetes client library", error),
  );
  await listenForEntryChanges().catch((error: unknown) =>
    console.error("[startup] cannot listen for other replicas' changes", error),
  );
  startAuditRetention();
  try {
    startAuditSigning();
  } catch (error) {
    refuseToStart(`audit.signing.keyFile cannot be used: ${(error as Error).message}`);
  }
  startMetrics();
  startEntrySetWatches();
  startAlertEngine();
}
