import { z } from "zod";

const httpUrl = z
  .string()
  .url("must be an http:// or https:// URL")
  .refine((u) => /^https?:\/\//.test(u), { message: "must be an http:// or https:// URL" });

/**
 * `servers[].telemetry`: the server's own Prometheus telemetry endpoint (SPIRE's `telemetry { Prometheus { … } }`),
 * e.g. http://127.0.0.1:9988/metrics. Read only when no `prometheus` is configured, for current values.
 */
export const telemetryUrlSchema = httpUrl;

/**
 * `prometheus`: the operator's Prometheus that scrapes the SPIRE servers and agents. The console reads SPIRE's
 * metrics through its PromQL HTTP API (`/api/v1/query`, `/api/v1/query_range`) with a deadline and no redirects.
 */
export const prometheusConfigSchema = z
  .strictObject({
    /** The Prometheus base URL (the one whose /api/v1/query answers), e.g. https://prometheus.example.com. */
    url: httpUrl,
    /** A file holding a bearer token sent as `Authorization: Bearer …` (re-read on each request). */
    bearerTokenFile: z.string().min(1).optional(),
    /** mTLS to Prometheus: the CA bundle to verify it, and the console's client certificate and key. */
    tls: z
      .strictObject({
        caFile: z.string().min(1).optional(),
        certFile: z.string().min(1).optional(),
        keyFile: z.string().min(1).optional(),
      })
      .refine((t) => !t.certFile === !t.keyFile, { message: "certFile and keyFile go together", path: ["keyFile"] })
      .optional(),
    /**
     * The label Prometheus puts on every series of one SPIRE server and its agents, whose value is the console's
     * server name (set it with relabeling or static_configs labels).
     */
    serverLabel: z
      .string()
      .regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/, "serverLabel must be a Prometheus label name")
      .default("spire_server"),
    /** Deadline of each PromQL request, in milliseconds. */
    timeoutMs: z.number().int().min(100).max(60_000).default(5_000),
    /** Where the panels' "open in Prometheus" links go (default: url). */
    linkUrl: httpUrl.optional(),
    /** A Grafana base URL: each panel also links to Grafana's Explore with its query. */
    grafanaUrl: httpUrl.optional(),
    /** The Grafana data source uid (or name) Explore links use. */
    grafanaDatasource: z.string().min(1).max(200).optional(),
  })
  .refine((p) => !(p.url.includes("@") && p.bearerTokenFile), {
    message: "put credentials in bearerTokenFile, not in the URL",
    path: ["url"],
  });

export type PrometheusConfig = z.output<typeof prometheusConfigSchema>;
