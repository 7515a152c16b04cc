// The statuses the local world's controllers would have written: the seeds apply them as they are.
import type { Applied } from "./apply.ts";
import type { SeedObject } from "./seed-types.ts";

/** The object with its status set (server-side apply writes it as given). */
export function withStatus(obj: SeedObject, status: Record<string, unknown>): SeedObject {
  return { ...obj, status };
}

/** A DaemonSet's status: desired, scheduled and ready pods. */
export function dsStatus(ds: Applied, desired: number, current: number, ready: number): Record<string, unknown> {
  return {
    observedGeneration: ds.metadata.generation,
    desiredNumberScheduled: desired,
    currentNumberScheduled: current,
    updatedNumberScheduled: current,
    numberReady: ready,
    numberAvailable: ready,
    ...(desired - ready > 0 ? { numberUnavailable: desired - ready } : {}),
    numberMisscheduled: 0,
  };
}
