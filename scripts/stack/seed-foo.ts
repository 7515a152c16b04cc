// Demo registration entries for foo.example.com: node aliases, workloads under real
// agent IDs and aliases, federation, admin/downstream, hints, expiry, an orphan, nesting.
import type { SeedEntry } from "./seed.ts";
import { entry } from "./seed.ts";

export interface FooSeedInput {
  /** Real SPIFFE IDs of the x509pop agents (spiffe://foo.example.com/spire/agent/x509pop/<sha1>). */
  agent1Id: string;
  agent2Id: string;
  /** SHA-1 of the fleet CA; every x509pop agent gets selector x509pop:ca:fingerprint:<it>. */
  fleetCaFingerprint: string;
  /** Identity of the user running the stack, so a local process can fetch an SVID. */
  uid: number;
  /** Epoch seconds used as "now" for the expiring entry. */
  now: number;
}

const td = "spiffe://foo.example.com";
export const FOO_FLEET_ALIAS = `${td}/node/fleet`;
export const FOO_AGENT1_ALIAS = `${td}/node/agent-1`;
export const FOO_EDGE3_ALIAS = `${td}/node/edge-3`;
export const FOO_ORPHAN_PARENT = `${td}/legacy/decommissioned-host`;
export const FOO_PROBE_ID = `${td}/ci/stack-probe`;
/** The demo editor's scope (auth binding for group team-a-editors). */
export const FOO_TEAM_A_PREFIX = `${td}/team-a/`;
const SERVER = `${td}/spire/server`;
const BAR = ["bar.example.com"];

/** About 20 entries that exercise every shape the console shows. */
export function fooSeedEntries(i: FooSeedInput): SeedEntry[] {
  const downstream = `${td}/edge/eu-west/spire-server`;
  return [
    // Node aliases: the fleet alias covers foo-agent-1 and -2 (shared CA), the other only agent 1.
    entry(FOO_FLEET_ALIAS, SERVER, [`x509pop:ca:fingerprint:${i.fleetCaFingerprint}`]),
    entry(FOO_AGENT1_ALIAS, SERVER, ["x509pop:subject:cn:foo-agent-1"]),

    // Workloads on the fleet alias (k8s-style selectors).
    entry(`${td}/payments/api`, FOO_FLEET_ALIAS, ["k8s:ns:payments", "k8s:sa:api"], {
      federates_with: BAR,
      dns_names: ["api.payments.svc.cluster.local", "payments.foo.example.com"],
      x509_svid_ttl: 1800,
    }),
    entry(`${td}/inventory/api`, FOO_FLEET_ALIAS, ["k8s:ns:inventory", "k8s:sa:inventory-api"], {
      federates_with: BAR,
      dns_names: ["inventory.internal.foo.example.com"],
    }),
    entry(`${td}/observability/prometheus`, FOO_FLEET_ALIAS, ["k8s:ns:monitoring", "k8s:sa:prometheus"], {
      jwt_svid_ttl: 600,
    }),
    entry(`${td}/payments/worker`, FOO_FLEET_ALIAS, ["unix:user:payments", "unix:gid:1500"]),

    // Workloads under foo-agent-1's real agent ID.
    entry(`${td}/checkout/web`, i.agent1Id, ["k8s:ns:checkout", "k8s:pod-label:app:checkout"], {
      federates_with: BAR,
      dns_names: ["checkout.foo.example.com"],
      hint: "primary",
    }),
    entry(`${td}/frontend/gateway`, i.agent1Id, ["k8s:ns:edge", "k8s:sa:gateway", "k8s:pod-label:app:gateway"], {
      federates_with: BAR,
      dns_names: ["gateway.foo.example.com", "www.foo.example.com"],
    }),
    entry(FOO_PROBE_ID, i.agent1Id, [`unix:uid:${i.uid}`]),
    entry(`${td}/ops/spire-admin`, i.agent1Id, ["unix:user:spire-admin", "unix:gid:0"], { admin: true }),

    // Workloads under foo-agent-2's real agent ID.
    entry(
      `${td}/checkout/web`,
      i.agent2Id,
      ["k8s:ns:checkout", "k8s:pod-label:app:checkout", "k8s:pod-label:track:canary"],
      { federates_with: BAR, dns_names: ["canary.checkout.foo.example.com"], hint: "canary" },
    ),
    entry(`${td}/billing/worker`, i.agent2Id, ["unix:uid:1001", "unix:user:billing"]),
    entry(`${td}/billing/db-migrator`, i.agent2Id, ["unix:user:billing", "unix:path:/opt/billing/bin/migrate"], {
      entryExpiry: i.now + 6 * 3600,
      hint: "migration-job",
    }),
    entry(`${td}/auth/token-service`, i.agent2Id, ["k8s:ns:auth", "k8s:sa:token-service"], {
      federates_with: BAR,
      jwt_svid_ttl: 300,
    }),
    entry(`${td}/data/kafka-broker`, i.agent2Id, ["unix:user:kafka", "unix:gid:994"], {
      dns_names: ["kafka-0.data.foo.example.com", "kafka.data.foo.example.com"],
    }),

    // Workloads on foo-agent-3 via its join-token alias (stable across re-attestation).
    entry(`${td}/edge/store-42/pos-terminal`, FOO_EDGE3_ALIAS, ["unix:uid:1200", "unix:user:pos"]),
    entry(`${td}/edge/store-42/inventory-sync`, FOO_EDGE3_ALIAS, ["unix:user:inventory"], { hint: "store-42" }),

    // A nested SPIRE server (downstream) and an entry parented to its SPIFFE ID.
    entry(downstream, FOO_FLEET_ALIAS, ["k8s:ns:spire", "k8s:sa:spire-server"], { downstream: true }),
    entry(`${td}/edge/eu-west/telemetry-collector`, downstream, ["k8s:ns:telemetry", "k8s:sa:otel-collector"]),

    // Team A's part of the namespace: what the demo editor (group team-a-editors) may change.
    entry(`${td}/team-a/api`, FOO_FLEET_ALIAS, ["k8s:ns:team-a", "k8s:sa:api"], {
      dns_names: ["api.team-a.svc.cluster.local"],
    }),
    entry(`${td}/team-a/worker`, i.agent2Id, ["unix:user:team-a-worker"]),
    entry(`${td}/team-a/batch/nightly-report`, i.agent1Id, ["unix:user:team-a-batch"], { hint: "nightly" }),

    // Orphan: its parent is neither an agent nor any entry's SPIFFE ID.
    entry(`${td}/legacy/reporting`, FOO_ORPHAN_PARENT, ["unix:user:reporting"]),
  ];
}
