import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { buildDashboard } from "./dashboard.ts";

const file = path.join(import.meta.dirname, "../../deploy/helm/spire-console/dashboards/spire-console.json");

describe("the Grafana dashboard", () => {
  it("is the committed file (UPDATE_DASHBOARD=1 rewrites it), with the console's PromQL per $server", () => {
    const built = JSON.stringify(buildDashboard(), null, 2) + "\n";
    if (process.env.UPDATE_DASHBOARD) writeFileSync(file, built);
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual(buildDashboard());
    const exprs = (JSON.parse(built) as { panels: { targets: { expr: string }[] }[] }).panels.flatMap((p) =>
      p.targets.map((t) => t.expr),
    );
    expect(exprs).toContain(
      'sum by (status) (increase(spire_server_rpc_agent_v1_agent_attest_agent{spire_server="$server"}[5m]))',
    );
    expect(exprs.some((e) => e.startsWith("spire_console_x509_authority_expiry_seconds"))).toBe(true);
  });
});
