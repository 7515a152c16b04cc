// The chart's optional PrometheusRule (issue 25 item 5): off by default; on, one alert per authority kind and level
// on the console's own expiry gauges, thresholds from the values, and no rule for a gauge the console does not have.
import { readFileSync } from "node:fs";
import path from "node:path";

import { beforeAll, describe, expect, it } from "vitest";

import { ensureHelm } from "../../scripts/helm/build.ts";
import { chartDir, examplePath, helm, type K8sObject, parseObjects } from "../support/helm";

type Rule = { alert: string; expr: string; for: string; labels: Record<string, string> };
type PrometheusRule = K8sObject & { spec: { groups: { name: string; rules: Rule[] }[] } };

const render = async (extra: string[]) => {
  const result = await helm(["template", "c", chartDir, "-f", examplePath("standalone"), ...extra]);
  expect(result.code, result.stderr).toBe(0);
  return parseObjects(result.stdout);
};

beforeAll(() => ensureHelm(), 20 * 60_000);

describe("the chart's PrometheusRule", () => {
  it("is not rendered unless asked for", async () => {
    expect((await render([])).map((o) => o.kind)).not.toContain("PrometheusRule");
  });

  it("alerts on the console's expiry gauges at the configured thresholds", async () => {
    const objects = await render([
      "--set",
      "metrics.prometheusRule.enabled=true",
      "--set",
      "metrics.prometheusRule.authorityWarningDays=30",
      "--set",
      "metrics.prometheusRule.labels.release=prom",
    ]);
    const rule = objects.find((o) => o.kind === "PrometheusRule") as PrometheusRule;
    expect(rule.metadata.labels).toMatchObject({ release: "prom" });
    const rules = rule.spec.groups.flatMap((g) => g.rules);
    expect(rules.map((r) => [r.expr, r.labels.severity])).toEqual([
      ["spire_console_x509_authority_expiry_seconds < 2592000", "warning"],
      ["spire_console_x509_authority_expiry_seconds < 86400", "critical"],
      ["spire_console_jwt_authority_expiry_seconds < 2592000", "warning"],
      ["spire_console_jwt_authority_expiry_seconds < 86400", "critical"],
      ["spire_console_federated_bundle_expiry_seconds < 86400", "warning"],
      ['spire_console_expiring_items{within="expired"} > 0', "warning"],
      ["spire_console_expiry_collection_success == 0", "warning"],
    ]);
    // Every metric a rule reads is one the console registers.
    const registry = readFileSync(path.join(chartDir, "../../../lib/metrics/registry.ts"), "utf8");
    for (const r of rules) {
      const metric = /^spire_console_([a-z0-9_]+)/.exec(r.expr)![1]!;
      expect(registry, r.expr).toContain(`"${metric}"`);
    }
  });

  it("refuses a threshold that is not a whole number of days", async () => {
    const result = await helm([
      "template",
      "c",
      chartDir,
      "-f",
      examplePath("standalone"),
      "--set",
      "metrics.prometheusRule.authorityWarningDays=soon",
    ]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/authorityWarningDays/);
  });
});
