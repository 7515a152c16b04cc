// Demo registration entries for bar.example.com: workloads on bar-agent-1 through its
// join-token alias, federated with foo.example.com.
import type { SeedEntry } from "./seed.ts";
import { entry } from "./seed.ts";

const td = "spiffe://bar.example.com";
/** Alias created by `token generate -spiffeID` for bar-agent-1. */
export const BAR_EDGE1_ALIAS = `${td}/node/edge-1`;
const FOO = ["foo.example.com"];

/** A handful of workloads under bar-agent-1's alias. */
export function barSeedEntries(): SeedEntry[] {
  return [
    entry(`${td}/ledger/api`, BAR_EDGE1_ALIAS, ["k8s:ns:ledger", "k8s:sa:ledger-api"], {
      federates_with: FOO,
      dns_names: ["ledger.bar.example.com", "api.ledger.svc.cluster.local"],
    }),
    entry(`${td}/ledger/reconciler`, BAR_EDGE1_ALIAS, ["unix:user:ledger", "unix:gid:2100"], {
      federates_with: FOO,
      hint: "nightly",
    }),
    entry(`${td}/fraud/scorer`, BAR_EDGE1_ALIAS, ["k8s:ns:fraud", "k8s:pod-label:app:scorer"], {
      federates_with: FOO,
      dns_names: ["scorer.fraud.bar.example.com"],
    }),
    entry(`${td}/reports/exporter`, BAR_EDGE1_ALIAS, ["unix:uid:2200"]),
  ];
}
