import { z } from "zod";

import { spiffeIdSchema, trustDomainSchema } from "@/lib/schemas/spiffe-id";

import { alertsConfigSchema } from "./alerts-schema";
import { auditConfigSchema } from "./audit-schema";
import { addressOrCidrSchema, authConfigSchema, wideRangeProblem } from "./auth-schema";
import { entriesAsCodeConfigSchema } from "./entries-as-code-schema";
import { entrySetsConfigSchema } from "./entry-sets-schema";
import { expiryConfigSchema } from "./expiry-schema";
import { kubernetesConfigSchema } from "./kubernetes-schema";
import { prometheusConfigSchema, telemetryUrlSchema } from "./prometheus-schema";

/** An origin: scheme, host and port only (`https://console.example.com`). */
const publicOriginSchema = z
  .url({ protocol: /^https?$/, error: "publicOrigin must be an http(s) origin" })
  .refine((u) => new URL(u).origin === u.replace(/\/$/, ""), "publicOrigin must be an origin only (no path)")
  .transform((u) => new URL(u).origin);

const unixAddress = /^unix:\/\/\/.+/;
const tcpAddress = /^[A-Za-z0-9.-]+:\d{1,5}$|^\[[0-9a-fA-F:]+\]:\d{1,5}$/;

const workloadApiSocket = z
  .string()
  .regex(/^unix:(\/\/)?\/.+/, "socket must be unix:///path/to/agent.sock (a SPIRE agent's Workload API)");

/** mTLS with SVID files the console re-reads when they change. */
export type FileTlsConfig = { source: "files"; certFile: string; keyFile: string; bundleFile: string };
/** mTLS with the X509-SVID of the console's own SPIFFE identity, from a SPIRE agent's Workload API. */
export type WorkloadApiTlsConfig = {
  source: "workloadApi";
  /** Absent: the top-level `workloadApi.socket`, else SPIFFE_ENDPOINT_SOCKET. */
  socket?: string;
  /** Which of the agent's SVIDs to present; absent: the top-level one, else the agent's first. */
  spiffeId?: string;
  /** Trust the server with this bundle instead of the Workload API's bundle for its trust domain. */
  bundleFile?: string;
};
export type TlsConfig = FileTlsConfig | WorkloadApiTlsConfig;

const fileFields = ["certFile", "keyFile", "bundleFile"] as const;

/**
 * How the console authenticates to a host:port server: `source: "files"` (the default) with
 * cert/key/bundle files, or `source: "workloadApi"` with its own SVID from a SPIRE agent.
 */
const tlsSchema = z
  .strictObject({
    source: z.enum(["files", "workloadApi"], 'source must be "files" or "workloadApi"').default("files"),
    certFile: z.string().min(1, "certFile must not be empty").optional(),
    keyFile: z.string().min(1, "keyFile must not be empty").optional(),
    bundleFile: z.string().min(1, "bundleFile must not be empty").optional(),
    socket: workloadApiSocket.optional(),
    spiffeId: spiffeIdSchema.optional(),
  })
  .superRefine((tls, ctx) => {
    if (tls.source === "files") {
      for (const field of fileFields) {
        if (!tls[field])
          ctx.addIssue({
            code: "custom",
            path: [field],
            message: `${field} is required (or use source: "workloadApi")`,
          });
      }
      for (const field of ["socket", "spiffeId"] as const) {
        if (tls[field])
          ctx.addIssue({ code: "custom", path: [field], message: `${field} applies only to source: "workloadApi"` });
      }
    } else {
      for (const field of ["certFile", "keyFile"] as const) {
        if (tls[field]) {
          ctx.addIssue({
            code: "custom",
            path: [field],
            message: `${field} applies only to source: "files": the Workload API provides the SVID`,
          });
        }
      }
    }
  })
  .transform((tls): TlsConfig =>
    tls.source === "workloadApi"
      ? { source: "workloadApi", socket: tls.socket, spiffeId: tls.spiffeId, bundleFile: tls.bundleFile }
      : { source: "files", certFile: tls.certFile ?? "", keyFile: tls.keyFile ?? "", bundleFile: tls.bundleFile ?? "" },
  );

/** The console's own SPIFFE identity: where its Workload API is and which SVID it presents. */
const workloadApiSchema = z.strictObject({ socket: workloadApiSocket.optional(), spiffeId: spiffeIdSchema.optional() });

const configMapName = z
  .string()
  .regex(
    /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/,
    "must be a Kubernetes object name (lowercase letters, digits, '-' and '.')",
  );

/** One `clusters` block of SPIRE's BundlePublisher "k8s_configmap" (its format, namespace, configmap_name and key). */
const bundlePublisherTargetSchema = z.strictObject({
  /** The console's name of the cluster (kubernetes.clusters[].name); absent: the first that serves this server. */
  cluster: z.string().min(1).optional(),
  namespace: configMapName,
  configMapName,
  configMapKey: z.string().min(1, "configMapKey must not be empty"),
  format: z.enum(["spiffe", "jwks", "pem"], 'format must be "spiffe", "jwks" or "pem"'),
});

/** One SPIRE server the console administers. */
export const serverConfigSchema = z
  .strictObject({
    name: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "name must be lowercase letters, digits and '-', at most 63 characters"),
    address: z
      .string()
      .refine((a) => unixAddress.test(a) || tcpAddress.test(a), {
        message: "address must be unix:///path/to/api.sock or host:port",
      }),
    trustDomain: trustDomainSchema.optional(),
    tls: tlsSchema.optional(),
    /** Deadline for each call to this server, in milliseconds. */
    timeoutMs: z.number().int().min(100).max(120_000).default(5_000),
    /** The SPIRE version the server runs (its API does not say): the Agents page compares agent versions with it. */
    version: z
      .string()
      .regex(/^v?\d+\.\d+\.\d+([-+][0-9A-Za-z.-]+)?$/, "version must be a SPIRE version such as 1.15.3")
      .optional(),
    /**
     * The entry index of this server is walked again in the background once older than this many
     * seconds, or than 5× its last walk (at most 5 minutes) when that is longer.
     */
    indexRefreshSeconds: z.number().int().min(1).max(86_400).default(5),
    /**
     * SPIFFE IDs this server lists in its own `admin_ids` (mirror the server.conf line): the
     * console refuses entries with these IDs to everyone but an unscoped admin, on every server.
     */
    adminIds: z.array(spiffeIdSchema).max(100).default([]),
    /** SPIRE's own Prometheus telemetry endpoint of this server, read directly when no `prometheus` is set. */
    telemetry: telemetryUrlSchema.optional(),
    /**
     * Where this server's BundlePublisher "k8s_configmap" writes in the console's Kubernetes cluster
     * (mirror its `clusters` blocks): the rotation cockpit waits until each copy holds the new authority.
     */
    k8sBundlePublisher: z.array(bundlePublisherTargetSchema).max(20).optional(),
  })
  .superRefine((server, ctx) => {
    const unix = unixAddress.test(server.address);
    if (!unix && !server.tls) {
      ctx.addIssue({
        code: "custom",
        path: ["tls"],
        message:
          'a host:port address needs tls: { source: "workloadApi" } or { certFile, keyFile, bundleFile } for the admin X509-SVID',
      });
    }
    if (unix && server.tls) {
      ctx.addIssue({
        code: "custom",
        path: ["tls"],
        message: "tls applies only to host:port addresses; a unix:// socket is used as is",
      });
    }
    if (!unix && !server.trustDomain) {
      ctx.addIssue({
        code: "custom",
        path: ["trustDomain"],
        message:
          "trustDomain is required for a host:port server: it picks the bundle and the expected server ID spiffe://<trustDomain>/spire/server",
      });
    }
  });

export const consoleConfigSchema = z
  .strictObject({
    servers: z.array(serverConfigSchema).min(1, "configure at least one server"),
    kubernetes: kubernetesConfigSchema.optional(),
    /** Thresholds of the Expiry page and the Overview (critical / warning). */
    expiry: expiryConfigSchema.default(expiryConfigSchema.parse({})),
    /** Defaults for every server with `tls: { source: "workloadApi" }`. */
    workloadApi: workloadApiSchema.optional(),
    /** Sign-in, sessions and role bindings. */
    auth: authConfigSchema.default(authConfigSchema.parse({})),
    /** The URL users reach the console at (env SPIRE_CONSOLE_PUBLIC_ORIGIN wins). */
    publicOrigin: publicOriginSchema.optional(),
    /** Proxies whose X-Forwarded-For/-Proto/-Host headers are believed. */
    trustedProxies: z.array(addressOrCidrSchema).default([]),
    /** Allow ranges wider than /24 (IPv4) or /64 (IPv6) in trustedProxies and auth.trustedProxy.addresses. */
    allowWideProxyRanges: z.boolean().default(false),
    /** Where the console keeps its own data, e.g. the SQLite store (env SPIRE_CONSOLE_DATA_DIR wins). */
    dataDir: z.string().min(1).optional(),
    /** The audit log: retention (a daily run removes older records, itself audited), sink copy, signing key. */
    audit: auditConfigSchema.default({ retentionDays: 365 }),
    /** PostgreSQL for several replicas (env SPIRE_CONSOLE_DATABASE_URL wins); absent: SQLite in dataDir. */
    database: z
      .strictObject({
        url: z
          .string()
          .regex(/^postgres(ql)?:\/\//, "url must be postgres://…")
          .optional(),
        urlFile: z.string().min(1).optional(),
      })
      .optional(),
    /** Serve /metrics on its own port (env SPIRE_CONSOLE_METRICS_PORT wins) instead of the UI's. */
    metrics: z
      .strictObject({
        port: z.number().int().min(1, "port must be 1-65535").max(65_535, "port must be 1-65535").optional(),
        /** Address the metrics port listens on (env SPIRE_CONSOLE_METRICS_HOST wins). */
        host: z.string().min(1).optional(),
      })
      .optional(),
    /** Entries-as-code files the console watches for drift (and optionally applies). */
    entrySets: entrySetsConfigSchema.default([]),
    /** Entries as code: the mass-delete guard's limits (default 100 entries, 10% of the scope). */
    entriesAsCode: entriesAsCodeConfigSchema.default({ massDeleteLimit: 100, massDeletePercent: 10 }),
    /** The operator's Prometheus that scrapes SPIRE: the "What SPIRE says" page and federation freshness read it. */
    prometheus: prometheusConfigSchema.optional(),
    /** The alert engine: evaluation interval, the destinations sinks may send to, deadline and retries. */
    alerts: alertsConfigSchema.default(alertsConfigSchema.parse({})),
  })
  .superRefine((config, ctx) => {
    const seen = new Set<string>();
    config.servers.forEach((server, index) => {
      if (seen.has(server.name)) {
        ctx.addIssue({
          code: "custom",
          path: ["servers", index, "name"],
          message: `duplicate server name '${server.name}'`,
        });
      }
      seen.add(server.name);
    });
    if (!config.allowWideProxyRanges) refuseWideRanges(config, ctx);
    config.entrySets.forEach((set, index) => {
      if (!seen.has(set.server)) {
        ctx.addIssue({
          code: "custom",
          path: ["entrySets", index, "server"],
          message: `server '${set.server}' is not configured`,
        });
      }
    });
  })
  // Each server carries its full TLS settings, so lib/spire never needs the top-level section.
  .transform((config) => ({
    ...config,
    servers: config.servers.map((server) =>
      server.tls?.source === "workloadApi"
        ? {
            ...server,
            tls: {
              ...server.tls,
              socket: server.tls.socket ?? config.workloadApi?.socket,
              spiffeId: server.tls.spiffeId ?? config.workloadApi?.spiffeId,
            },
          }
        : server,
    ),
  }));

/** Names every trusted range wider than /24 or /64 (a whole network could then speak for users). */
function refuseWideRanges(
  config: { trustedProxies: string[]; auth: { trustedProxy?: { addresses: string[] } } },
  ctx: z.RefinementCtx,
): void {
  const lists: [string[], (string | number)[]][] = [
    [config.trustedProxies, ["trustedProxies"]],
    [config.auth.trustedProxy?.addresses ?? [], ["auth", "trustedProxy", "addresses"]],
  ];
  for (const [ranges, path] of lists) {
    ranges.forEach((range, index) => {
      const message = wideRangeProblem(range);
      if (message) ctx.addIssue({ code: "custom", path: [...path, index], message });
    });
  }
}

export type ServerConfig = z.output<typeof serverConfigSchema>;
export type ConsoleConfig = z.output<typeof consoleConfigSchema>;
