import { readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { auditConfigSchema, auditSigningSchema } from "./audit-schema";
import { entriesAsCodeConfigSchema } from "./entries-as-code-schema";
import { kubernetesConfigSchema } from "./kubernetes-schema";
import { prometheusConfigSchema } from "./prometheus-schema";
import { serverConfigSchema } from "./schema";

type JsonSchema = { properties?: Record<string, JsonSchema>; items?: JsonSchema };

const chartSchema = JSON.parse(
  readFileSync(path.join(import.meta.dirname, "../../deploy/helm/spire-console/values.schema.json"), "utf8"),
) as JsonSchema;
const config = chartSchema.properties!.config!.properties!;

// The chart refuses unknown keys (additionalProperties: false), so a key the console learns must
// also be added to the chart's schema, or Helm users cannot set it.
describe("the Helm chart's values schema", () => {
  it("accepts every key of a server's config", () => {
    expect(Object.keys(config.servers!.items!.properties!).sort()).toEqual(
      Object.keys(serverConfigSchema.shape).sort(),
    );
  });

  it("accepts every key of the kubernetes config", () => {
    expect(Object.keys(config.kubernetes!.properties!).sort()).toEqual(
      Object.keys(kubernetesConfigSchema.shape).sort(),
    );
  });

  it("accepts every key of the audit config and its signing", () => {
    expect(Object.keys(config.audit!.properties!).sort()).toEqual(Object.keys(auditConfigSchema.shape).sort());
    expect(Object.keys(config.audit!.properties!.signing!.properties!).sort()).toEqual(
      Object.keys(auditSigningSchema.shape).sort(),
    );
  });

  it("accepts every key of the entriesAsCode config", () => {
    expect(Object.keys(config.entriesAsCode!.properties!).sort()).toEqual(
      Object.keys(entriesAsCodeConfigSchema.shape).sort(),
    );
  });

  it("accepts every key of the prometheus config", () => {
    expect(Object.keys(config.prometheus!.properties!).sort()).toEqual(
      Object.keys(prometheusConfigSchema.shape).sort(),
    );
  });
});
