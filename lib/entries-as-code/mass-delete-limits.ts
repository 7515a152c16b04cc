import "server-only";

import { loadConfig } from "@/lib/config/load-config";

import { defaultMassDeleteLimits, type MassDeleteLimits } from "./mass-delete-guard";

/** The mass-delete guard's limits from the config's `entriesAsCode` (defaults: 100 entries, 10% of the scope). */
export function massDeleteLimits(): MassDeleteLimits {
  const state = loadConfig();
  if (state.status !== "ok") return defaultMassDeleteLimits;
  const { massDeleteLimit, massDeletePercent } = state.config.entriesAsCode;
  return { maxCount: massDeleteLimit, maxPercent: massDeletePercent };
}
