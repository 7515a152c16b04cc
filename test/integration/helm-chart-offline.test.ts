// The Helm chart, offline: lint, template and bad values, each rendered object checked against what the
// console and Kubernetes expect. The chart installed for real is helm-chart-install.test.ts.
import { readFileSync } from "node:fs";
import path from "node:path";

import { beforeAll, describe, expect, it } from "vitest";

import { consoleConfigSchema } from "../../lib/config/schema";
import { ensureHelm } from "../../scripts/helm/build.ts";
import {
  chartDir,
  type Deployment,
  exampleNames,
  examplePath,
  helm,
  type K8sObject,
  kinds,
  parseObjects,
} from "../support/helm";

const template = async (name: string, extra: string[] = []) => {
  const result = await helm([
    "template",
    "spire-console",
    chartDir,
    "-n",
    "spire-console",
    "-f",
    examplePath(name),
    ...extra,
  ]);
  expect(result.code, result.stderr).toBe(0);
  return parseObjects(result.stdout);
};

beforeAll(() => ensureHelm(), 20 * 60_000);

/** Trusted-proxy mode: the proxy's two addresses and the Secret with its shared secret. */
const trustedProxyFlags = [
  "--set",
  "config.auth.trustedProxy.addresses={10.0.12.7,fd00::7}",
  "--set",
  "secrets.proxySecret.name=proxy-secret",
];

describe("the chart, offline", () => {
  it.each(exampleNames)("passes helm lint with examples/%s.yaml", async (name) => {
    const result = await helm(["lint", chartDir, "-f", examplePath(name)]);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain("1 chart(s) linted, 0 chart(s) failed");
  });

  it("renders the standalone shape with every object and a config the console accepts", async () => {
    const objects = await template("standalone-ha");
    expect(kinds(objects)).toEqual([
      "ClusterRole",
      "ClusterRoleBinding",
      "ClusterSPIFFEID",
      "ConfigMap",
      "ConfigMap",
      "Deployment",
      "HTTPRoute",
      "NetworkPolicy",
      "PodDisruptionBudget",
      "Role",
      "RoleBinding",
      "Service",
      "ServiceAccount",
      "ServiceMonitor",
    ]);
    const dashboard = objects.find((o) => o.metadata.name.endsWith("-dashboard")) as K8sObject & {
      data: Record<string, string>;
    };
    const panels = (JSON.parse(dashboard.data["spire-console.json"]!) as { panels: { title: string }[] }).panels;
    expect(panels.map((p) => p.title)).toContain("Node attestations by outcome");
    const single = await template("standalone");
    expect(kinds(single)).not.toContain("PodDisruptionBudget");
    expect(kinds(single)).toContain("PersistentVolumeClaim");
    expect(kinds(single)).toContain("Ingress");
  });

  it("renders only the Service, ConfigMap and Ingress for the sidecar shape", async () => {
    const objects = await template("sidecar");
    expect(kinds(objects)).toEqual(["ConfigMap", "Ingress", "Service"]);
    const service = objects.find((o) => o.kind === "Service") as K8sObject & { spec: { selector: object } };
    expect(service.spec.selector).toEqual({
      "app.kubernetes.io/name": "server",
      "app.kubernetes.io/instance": "spire",
    });
  });

  it("mounts an entry set's ConfigMap whole and runs git-sync beside the console on a shared emptyDir", async () => {
    const objects = await template("git-sync-entry-sets");
    const configMap = objects.find((o) => o.kind === "ConfigMap") as K8sObject & { data: { "config.yaml": string } };
    const config = consoleConfigSchema.parse(parseObjects(configMap.data["config.yaml"])[0]);
    expect(config.entrySets).toEqual([
      { name: "team-a", server: "prod", path: "/git/spire-entries/prod/team-a", interval: 60, autoApply: true },
      { name: "team-b", server: "prod", path: "/etc/spire-console/entry-sets/team-b", interval: 300, autoApply: false },
    ]);
    const pod = (objects.find((o) => o.kind === "Deployment") as Deployment).spec.template.spec;
    const volumes = pod.volumes as (Deployment["spec"]["template"]["spec"]["volumes"][number] & {
      configMap?: { name: string };
    })[];
    expect(volumes.find((v) => v.name === "entry-set-team-b")?.configMap).toEqual({ name: "team-b-entries" });
    expect(volumes.find((v) => v.name === "git")?.emptyDir).toBeDefined();
    const [console_, gitSync] = pod.containers;
    expect(console_!.volumeMounts).toEqual(
      expect.arrayContaining([
        // The whole ConfigMap, never subPath: its updates arrive by a symlink swap.
        { name: "entry-set-team-b", mountPath: "/etc/spire-console/entry-sets/team-b", readOnly: true },
        { name: "git", mountPath: "/git", readOnly: true },
      ]),
    );
    expect(gitSync).toMatchObject({
      name: "git-sync",
      image: expect.stringMatching(/^registry\.k8s\.io\/git-sync\/git-sync:v4\./),
    });
    expect(gitSync!.volumeMounts).toContainEqual({ name: "git", mountPath: "/git" });
    expect((gitSync as unknown as { args: string[] }).args).toEqual(
      expect.arrayContaining(["--root=/git", "--link=spire-entries"]),
    );
    expect(gitSync!.securityContext).toMatchObject({ runAsNonRoot: true, allowPrivilegeEscalation: false });
  });

  it("refuses an entry set with neither a ConfigMap nor a path", async () => {
    const flags = ["--set-json", 'entrySets=[{"name":"a","server":"prod"}]'];
    const result = await helm(["template", "x", chartDir, "-f", examplePath("standalone"), ...flags]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/entrySets\/0/);
  });

  it.each(exampleNames)(
    "renders a config.yaml from examples/%s.yaml that the console's own schema accepts",
    async (name) => {
      const configMap = (await template(name)).find((o) => o.kind === "ConfigMap") as K8sObject & {
        data: { "config.yaml": string };
      };
      const config = parseObjects(configMap.data["config.yaml"])[0];
      const parsed = consoleConfigSchema.safeParse(config);
      expect(parsed.error?.issues ?? []).toEqual([]);
      expect(parsed.data?.dataDir).toBe("/data");
    },
  );

  it.each([
    [
      ["--set", "replicas=2", "--set", "persistence.enabled=false"],
      /replicas: 2 needs PostgreSQL: set secrets\.databaseUrl\.name/,
    ],
    [["--set", "service.port=-1"], /at '\/service\/port': minimum: got -1, want 1/],
    [["--set", "metrics.port=70000"], /at '\/metrics\/port': maximum: got 70,000, want 65,535/],
    [
      ["--set", "config.servers[0].colour=red"],
      /at '\/config\/servers\/0': additional properties 'colour' not allowed/,
    ],
    [["--set", "mode=daemonset"], /at '\/mode'/],
    [["--set", "config.publicOrigin="], /config\.publicOrigin is required/],
    [
      ["--set", "persistence.enabled=false"],
      /the audit log would live in an emptyDir and vanish with the pod: .*or audit\.ephemeral: true/,
    ],
    [["--set", "config.audit.retentionDays=7"], /at '\/config\/audit\/retentionDays': minimum: got 7, want 30/],
    [["--set", "config.trustedProxies=null"], /ingress\/httpRoute needs config\.trustedProxies/],
    [
      ["--set", "config.auth.trustedProxy.addresses={10.0.12.7}"],
      /config\.auth\.trustedProxy needs proof beyond a source address/,
    ],
    [
      [...trustedProxyFlags, "--set", "networkPolicy.enabled=false"],
      /config\.auth\.trustedProxy needs networkPolicy\.enabled/,
    ],
  ])("refuses %j with a message naming the value", async (flags, message) => {
    const result = await helm(["template", "x", chartDir, "-f", examplePath("standalone"), ...flags]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(message);
  });

  it("keeps the audit log in an emptyDir only with audit.ephemeral, and mounts the signing key as a file", async () => {
    const objects = await template("standalone", [
      ...["--set", "persistence.enabled=false", "--set", "audit.ephemeral=true"],
      ...["--set", "secrets.auditSigningKey.name=console-audit-key"],
      ...["--set", "config.audit.sink.type=syslog", "--set", "config.audit.sink.address=udp://127.0.0.1:514"],
    ]);
    const deployment = objects.find((o) => o.kind === "Deployment") as Deployment;
    const volumes = deployment.spec.template.spec
      .volumes as (Deployment["spec"]["template"]["spec"]["volumes"][number] & {
      projected?: { sources: { secret: { name: string; items: { key: string; path: string }[] } }[] };
    })[];
    expect(volumes.find((v) => v.name === "data")?.emptyDir).toEqual({});
    expect(volumes.find((v) => v.name === "secrets")?.projected?.sources).toContainEqual({
      secret: { name: "console-audit-key", items: [{ key: "key.pem", path: "audit-signing-key" }] },
    });
    const configMap = objects.find((o) => o.kind === "ConfigMap") as K8sObject & { data: { "config.yaml": string } };
    const config = consoleConfigSchema.parse(parseObjects(configMap.data["config.yaml"])[0]);
    expect(config.audit).toEqual({
      retentionDays: 365,
      sink: { type: "syslog", address: "udp://127.0.0.1:514", appName: "spire-console" },
      signing: { keyFile: "/etc/spire-console/secrets/audit-signing-key", intervalMinutes: 5 },
    });
  });

  it("admits only the proxy to the UI port in trusted-proxy mode, and points the console at the mounted secret", async () => {
    const result = await helm(["template", "x", chartDir, "-f", examplePath("standalone"), ...trustedProxyFlags]);
    expect(result.code, result.stderr).toBe(0);
    const objects = parseObjects(result.stdout);
    type Policy = { spec: { ingress: { ports: { port: number }[]; from?: unknown[] }[] } };
    const policy = objects.find((o) => o.kind === "NetworkPolicy") as K8sObject & Policy;
    const ui = policy.spec.ingress.find((r) => r.ports.some((p) => p.port === 3000));
    expect(ui?.from).toEqual([{ ipBlock: { cidr: "10.0.12.7/32" } }, { ipBlock: { cidr: "fd00::7/128" } }]);
    const configMap = objects.find((o) => o.kind === "ConfigMap") as K8sObject & { data: { "config.yaml": string } };
    const config = consoleConfigSchema.parse(parseObjects(configMap.data["config.yaml"])[0]);
    expect(config.auth.trustedProxy?.secretFile).toBe("/etc/spire-console/secrets/proxy-secret");
    const plain = parseObjects((await helm(["template", "x", chartDir, "-f", examplePath("standalone")])).stdout);
    const open = plain.find((o) => o.kind === "NetworkPolicy") as K8sObject & Policy;
    expect(open.spec.ingress.find((r) => r.ports.some((p) => p.port === 3000))?.from).toBeUndefined();
  });

  it("documents every value of values.yaml in the chart README", () => {
    const values = parseObjects(readFileSync(path.join(chartDir, "values.yaml"), "utf8"))[0] as unknown as {
      config: Record<string, unknown>;
    };
    const readme = readFileSync(path.join(chartDir, "README.md"), "utf8");
    const leaves: string[] = [];
    const leafObjects = [
      "config",
      "resources",
      "sidecar.serverPodLabels",
      ...["liveness", "readiness", "startup"].map((p) => `probes.${p}`),
    ];
    const walk = (value: unknown, prefix: string) => {
      const isMap = value && typeof value === "object" && !Array.isArray(value) && Object.keys(value).length > 0;
      if (!isMap || leafObjects.includes(prefix)) {
        if (prefix !== "config") leaves.push(prefix);
        return;
      }
      for (const [key, child] of Object.entries(value)) walk(child, prefix ? `${prefix}.${key}` : key);
    };
    walk(values, "");
    for (const key of Object.keys(values.config)) leaves.push(`config.${key}`);
    expect(leaves.length).toBeGreaterThan(60);
    const missing = leaves.filter((leaf) => !readme.includes(`| \`${leaf}\``));
    expect(missing).toEqual([]);
  });
});
