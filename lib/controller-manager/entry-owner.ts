import "server-only";

import { allows } from "@/lib/auth/guard";
import type { ServerConfig } from "@/lib/config/schema";
import type { Entry } from "@/lib/spire/types";

import { evaluateClusterSpiffeId, staticEntryMatch } from "./evaluate";
import { type ControllerState, readControllerState } from "./load-controller-manager";
import { ownershipReasons } from "./ownership";

/** Whether spire-controller-manager owns an entry, why, and the object that renders it when known. */
export type EntryOwner = {
  managed: boolean;
  reasons: string[];
  owner: { kind: "ClusterSPIFFEID" | "ClusterStaticEntry"; name: string } | null;
};

const TTL_MS = 10_000;
let cached: { at: number; state: Promise<ControllerState> } | null = null;

/** The controller state, shared for 10 s (entry pages and the troubleshooter ask for it one item at a time). */
export function controllerState(): Promise<ControllerState> {
  if (!cached || Date.now() - cached.at > TTL_MS) {
    const state = readControllerState();
    cached = { at: Date.now(), state };
    state.catch(() => {
      cached = null;
    });
  }
  return cached.state;
}

function findOwner(state: ControllerState, entry: Entry): EntryOwner["owner"] {
  for (const object of state.staticEntries) {
    if (staticEntryMatch(object, [entry])) return { kind: "ClusterStaticEntry", name: object.name };
  }
  for (const object of state.spiffeIds) {
    if (evaluateClusterSpiffeId(object, state.world).entryIds.includes(entry.id)) {
      return { kind: "ClusterSPIFFEID", name: object.name };
    }
  }
  return null;
}

/**
 * Whether spire-controller-manager owns `entry` of `server` (its shape, its ID prefix) and, where the
 * console reads the cluster of that server, the ClusterSPIFFEID or ClusterStaticEntry that renders it.
 * Never throws: without Kubernetes the owner is unknown.
 */
export async function readEntryOwner(server: ServerConfig, entry: Entry): Promise<EntryOwner> {
  const reasons = ownershipReasons(entry);
  let owner: EntryOwner["owner"] = null;
  try {
    if (await allows("kubernetes.read")) {
      const state = await controllerState();
      if (state.server === server.name && state.installed) owner = findOwner(state, entry);
    }
  } catch {
    // Kubernetes not configured or unreachable: the shape is all the console can go by.
  }
  const all = owner ? [`It is rendered by the ${owner.kind} ${owner.name}.`, ...reasons] : reasons;
  return { managed: all.length > 0, reasons: all, owner };
}
