import "server-only";

import { loadConfig } from "@/lib/config/load-config";

import { runEvaluation } from "./run-evaluation";

const globalForAlerts = globalThis as typeof globalThis & { __spireAlertEngine?: { timer: NodeJS.Timeout | null } };

/**
 * Starts the alert engine (once per process): evaluates the rules every `alerts.intervalSeconds` (re-read from the
 * config each time). `SPIRE_CONSOLE_ALERTS=off` leaves it stopped (a replica that must not send; the others' stores
 * share the states, so two replicas that both run it still send each change once).
 */
export function startAlertEngine(): void {
  if (globalForAlerts.__spireAlertEngine) return;
  if (process.env.SPIRE_CONSOLE_ALERTS === "off") {
    console.warn("[alerts] SPIRE_CONSOLE_ALERTS=off: this console does not evaluate alert rules");
    return;
  }
  const engine: { timer: NodeJS.Timeout | null } = { timer: null };
  globalForAlerts.__spireAlertEngine = engine;
  const tick = async () => {
    const state = loadConfig();
    if (state.status === "ok") await runEvaluation(state.config).catch((e: unknown) => console.error("[alerts]", e));
    const seconds = state.status === "ok" ? state.config.alerts.intervalSeconds : 60;
    engine.timer = setTimeout(() => void tick(), seconds * 1000);
    engine.timer.unref();
  };
  engine.timer = setTimeout(() => void tick(), 2_000);
  engine.timer.unref();
}
