import { describe, expect, it } from "vitest";

import { buildLegend, buildPromql } from "./build-promql";
import { PANELS, type Signal } from "./signals";

const signal = (id: string): Signal => {
  const found = PANELS.flatMap((p) => p.signals).find((s) => s.id === id);
  if (!found) throw new Error(`no signal ${id}`);
  return found;
};

describe("buildPromql", () => {
  it("counts attestations per status over the window, on the server's series only", () => {
    expect(buildPromql(signal("attest-agent"), "spire_server", "foo")).toBe(
      'sum by (status) (increase(spire_server_rpc_agent_v1_agent_attest_agent{spire_server="foo"}[5m]))',
    );
  });

  it("reads a summary quantile as a max, and negative matchers for agent failures", () => {
    expect(buildPromql(signal("sign-latency-p99"), "cluster_server", "bar")).toBe(
      'max (spire_server_rpc_svid_v1_svid_batch_new_x509svid_elapsed_time{cluster_server="bar",quantile="0.99"})',
    );
    expect(buildPromql(signal("agent-sync-entries-failed"), "spire_server", "foo")).toBe(
      'sum by (status) (increase(spire_agent_manager_sync_fetch_entries_updates{spire_server="foo",status!="OK"}[5m]))',
    );
    expect(buildPromql(signal("agent-versions"), "spire_server", "foo")).toBe(
      'count by (version) (spire_agent_started{spire_server="foo"})',
    );
  });

  it("escapes quotes in a server name", () => {
    expect(buildPromql(signal("x509-svid-signed"), "spire_server", 'a"b')).toContain('spire_server="a\\"b"');
  });

  it("gives every signal a unique id", () => {
    const ids = PANELS.flatMap((p) => p.signals.map((s) => s.id));
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("buildLegend", () => {
  it("fills label placeholders", () => {
    const labels = { trust_domain_id: "bar_example_com", status: "Unavailable" };
    expect(buildLegend(signal("federated-bundle-fetch"), labels)).toBe("bar_example_com Unavailable");
  });
});
