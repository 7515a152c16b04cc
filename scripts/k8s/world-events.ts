// Events a kubelet or controller would have recorded for the seeded faults (written with
// a fixed name, so re-seeding refreshes them instead of piling up copies).
import type { SeedObject } from "./seed-types.ts";

export interface EventInput {
  namespace: string;
  name: string;
  type: "Normal" | "Warning";
  reason: string;
  message: string;
  involved: { kind: string; name: string; uid?: string; apiVersion: string; fieldPath?: string };
  component: string;
  host?: string;
  count: number;
  firstSecondsAgo: number;
}

const iso = (d: Date) => d.toISOString().replace(/\.\d+Z$/, "Z");

/** A core/v1 Event, last seen `now`. */
export function event(input: EventInput, now: Date): SeedObject {
  return {
    apiVersion: "v1",
    kind: "Event",
    metadata: { name: input.name, namespace: input.namespace },
    type: input.type,
    reason: input.reason,
    message: input.message,
    involvedObject: { ...input.involved, namespace: input.namespace },
    source: { component: input.component, ...(input.host ? { host: input.host } : {}) },
    reportingComponent: input.component,
    reportingInstance: input.host ?? input.component,
    count: input.count,
    firstTimestamp: iso(new Date(now.getTime() - input.firstSecondsAgo * 1000)),
    lastTimestamp: iso(now),
  };
}
