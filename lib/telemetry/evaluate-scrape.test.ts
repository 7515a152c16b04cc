import { describe, expect, it } from "vitest";

import { parseExposition } from "@/lib/prometheus/parse-exposition";

import { evaluateScrape } from "./evaluate-scrape";
import { PANELS, type Signal } from "./signals";

const signal = (id: string): Signal => PANELS.flatMap((p) => p.signals).find((s) => s.id === id)!;

const { samples } = parseExposition(`
spire_server_rpc_agent_v1_agent_attest_agent{host="a",status="OK"} 6
spire_server_rpc_agent_v1_agent_attest_agent{host="b",status="OK"} 4
spire_server_rpc_agent_v1_agent_attest_agent{host="a",status="PermissionDenied"} 5
spire_server_rpc_svid_v1_svid_batch_new_x509svid_elapsed_time{host="a",status="OK",quantile="0.99"} 12.5
spire_server_rpc_svid_v1_svid_batch_new_x509svid_elapsed_time{host="b",status="OK",quantile="0.99"} NaN
spire_server_rpc_svid_v1_svid_batch_new_x509svid_elapsed_time{host="a",status="OK",quantile="0.9"} 3
spire_server_bundle_manager_fetch_federated_bundle{host="a",status="OK",trust_domain_id="bar_example_com"} 7
spire_server_bundle_manager_fetch_federated_bundle{host="a",status="Unknown",trust_domain_id="bar_example_com"} 2
`);

describe("evaluateScrape", () => {
  it("sums counters per group: totals since the server started, one point at the scrape time", () => {
    expect(evaluateScrape(signal("attest-agent"), samples, 100)).toEqual([
      { legend: "OK", labels: { status: "OK" }, points: [{ t: 100, v: 10 }] },
      { legend: "PermissionDenied", labels: { status: "PermissionDenied" }, points: [{ t: 100, v: 5 }] },
    ]);
  });

  it("takes the max of one quantile, ignoring NaN (no observation in SPIRE's window)", () => {
    expect(evaluateScrape(signal("sign-latency-p99"), samples, 1)[0]!.points[0]!.v).toBe(12.5);
    expect(evaluateScrape(signal("sign-latency-p90"), samples, 1)[0]!.points[0]!.v).toBe(3);
  });

  it("groups federated bundle fetches by trust domain and status", () => {
    const legends = evaluateScrape(signal("federated-bundle-fetch"), samples, 1).map((s) => [s.legend, s.points[0]!.v]);
    expect(legends).toEqual([
      ["bar_example_com OK", 7],
      ["bar_example_com Unknown", 2],
    ]);
  });

  it("answers no series for a metric the server does not export", () => {
    expect(evaluateScrape(signal("skipped-entry-event-ids"), samples, 1)).toEqual([]);
  });
});
