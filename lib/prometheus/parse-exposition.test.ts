import { describe, expect, it } from "vitest";

import { parseExposition } from "./parse-exposition";

// Lines as spire-server v1.15.3 serves them on its telemetry endpoint.
const spireText = `# HELP spire_server_rpc_agent_v1_agent_attest_agent spire_server_rpc_agent_v1_agent_attest_agent
# TYPE spire_server_rpc_agent_v1_agent_attest_agent counter
spire_server_rpc_agent_v1_agent_attest_agent{host="vm",status="OK"} 6
spire_server_rpc_agent_v1_agent_attest_agent{host="vm",status="PermissionDenied"} 5
spire_server_entry_cache_reload_elapsed_time{host="vm",status="OK",quantile="0.99"} NaN
spire_server_manager_x509_ca_rotate_expiration{host="vm",trust_domain_id="foo_example_com"} 1.797184872e+09
weird_label{path="a \\"quoted\\" \\\\ value"} +Inf
not a sample line
`;

describe("parseExposition", () => {
  it("reads names, labels and values, skipping comments and counting lines that are not samples", () => {
    const { samples, skipped } = parseExposition(spireText);
    expect(skipped).toBe(1);
    expect(samples).toHaveLength(5);
    expect(samples[1]).toEqual({
      name: "spire_server_rpc_agent_v1_agent_attest_agent",
      labels: { host: "vm", status: "PermissionDenied" },
      value: 5,
    });
    expect(samples[2]!.value).toBeNaN();
    expect(samples[3]!.value).toBe(1_797_184_872);
    expect(samples[4]).toEqual({ name: "weird_label", labels: { path: 'a "quoted" \\ value' }, value: Infinity });
  });

  it("accepts a trailing timestamp and an empty label set", () => {
    expect(parseExposition("up{} 1 1700000000000\nup 0").samples.map((s) => s.value)).toEqual([1, 0]);
  });
});
