// The Helm chart, offline (lint, template, bad values) and installed for real into the stack's
// kube-apiserver: each example in a namespace that enforces PodSecurity `restricted`, with our
// spire-controller-manager CRDs, read back through the Kubernetes API. There is no kubelet, so
// no pod runs; a pod made from the Deployment's template goes through admission (dry run).
import { readFileSync } from "node:fs";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { consoleConfigSchema } from "../../lib/config/schema";
import { ensureHelm } from "../../scripts/helm/build.ts";
import { kubeRequest, type KubeTarget } from "../../scripts/k8s/kube-http.ts";
import { stackState } from "../support/api";
import {
  adminTarget,
  chartDir,
  deleteEmptyNamespace,
  exampleNames,
  examplePath,
  helm,
  installCrds,
  type K8sObject,
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
const kinds = (objects: K8sObject[]) => objects.map((o) => o.kind).sort();

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

type Deployment = K8sObject & {
  spec: {
    replicas: number;
    template: {
      metadata: { labels: Record<string, string> };
      spec: {
        serviceAccountName: string;
        securityContext: Record<string, unknown>;
        containers: {
          name: string;
          securityContext: Record<string, unknown>;
          livenessProbe: { httpGet: { path: string; port: string } };
          readinessProbe: { httpGet: { path: string; port: string } };
          startupProbe: { httpGet: { path: string; port: string } };
          volumeMounts: { name: string; mountPath: string; readOnly?: boolean }[];
          env: { name: string; value?: string }[];
        }[];
        volumes: { name: string; csi?: { driver: string; readOnly?: boolean }; emptyDir?: object }[];
      };
    };
  };
};
type Rule = { apiGroups: string[]; resources: string[]; verbs: string[] };

/** Stand-ins for the Prometheus Operator's and Gateway API's CRDs, so the HA example installs as written. */
const standInCrds = [
  { group: "monitoring.coreos.com", version: "v1", kind: "ServiceMonitor", plural: "servicemonitors" },
  { group: "gateway.networking.k8s.io", version: "v1", kind: "HTTPRoute", plural: "httproutes" },
];

describe("helm install into the local kube-apiserver", () => {
  const run = `${process.pid}`;
  const releases = [
    { example: "standalone", release: "console-sa", namespace: `spc-it-standalone-${run}` },
    { example: "standalone-ha", release: "console-ha", namespace: `spc-it-ha-${run}` },
    { example: "sidecar", release: "console-sc", namespace: `spc-it-sidecar-${run}` },
  ];
  const fullname = (release: string) => `${release}-spire-console`;
  let target: KubeTarget;
  let kubeconfig: string;
  const createdCrds: string[] = [];
  const installs = new Map<string, { code: number; stderr: string }>();

  const get = <T>(url: string) => kubeRequest<T>(target, "GET", url);
  const canI = async (namespace: string, sa: string, attributes: Record<string, string>) => {
    const review = await kubeRequest<{ status: { allowed: boolean } }>(
      target,
      "POST",
      "/apis/authorization.k8s.io/v1/subjectaccessreviews",
      {
        apiVersion: "authorization.k8s.io/v1",
        kind: "SubjectAccessReview",
        spec: { user: `system:serviceaccount:${namespace}:${sa}`, resourceAttributes: attributes },
      },
    );
    return review.status.allowed;
  };

  beforeAll(async () => {
    kubeconfig = stackState().kubernetes!.adminKubeconfig;
    target = adminTarget(kubeconfig);
    await installCrds(target);
    for (const crd of standInCrds) {
      const name = `${crd.plural}.${crd.group}`;
      const exists = await get(`/apis/apiextensions.k8s.io/v1/customresourcedefinitions/${name}`).then(
        () => true,
        () => false,
      );
      if (exists) continue;
      await kubeRequest(target, "POST", "/apis/apiextensions.k8s.io/v1/customresourcedefinitions", {
        apiVersion: "apiextensions.k8s.io/v1",
        kind: "CustomResourceDefinition",
        // A *.k8s.io group needs this annotation; the stand-in is not the real Gateway API CRD.
        metadata: { name, annotations: { "api-approved.kubernetes.io": "unapproved, test stand-in" } },
        spec: {
          group: crd.group,
          scope: "Namespaced",
          names: { kind: crd.kind, plural: crd.plural },
          versions: [
            {
              name: crd.version,
              served: true,
              storage: true,
              schema: { openAPIV3Schema: { type: "object", "x-kubernetes-preserve-unknown-fields": true } },
            },
          ],
        },
      });
      createdCrds.push(name);
    }
    await new Promise((r) => setTimeout(r, 1500)); // discovery picks up new CRDs
    for (const { example, release, namespace } of releases) {
      const labels = {
        "pod-security.kubernetes.io/enforce": "restricted",
        "pod-security.kubernetes.io/enforce-version": "latest",
        "pod-security.kubernetes.io/warn": "restricted",
        "pod-security.kubernetes.io/warn-version": "latest",
      };
      await kubeRequest(target, "POST", "/api/v1/namespaces", { metadata: { name: namespace, labels } });
      const result = await helm(
        ["install", release, chartDir, "-n", namespace, "-f", examplePath(example), "--timeout", "60s"],
        kubeconfig,
      );
      installs.set(example, result);
    }
  }, 180_000);

  afterAll(async () => {
    if (!target) return;
    for (const { release, namespace } of releases) {
      await helm(["uninstall", release, "-n", namespace, "--timeout", "60s"], kubeconfig);
      await deleteEmptyNamespace(target, namespace);
    }
    for (const name of createdCrds)
      await kubeRequest(target, "DELETE", `/apis/apiextensions.k8s.io/v1/customresourcedefinitions/${name}`).catch(
        () => undefined,
      );
  }, 180_000);

  it.each(["standalone", "standalone-ha", "sidecar"])(
    "installs examples/%s.yaml with no PodSecurity warning",
    (example) => {
      const result = installs.get(example)!;
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).not.toMatch(/PodSecurity|violate/i);
    },
  );

  it("stores a Deployment that runs non-root, read-only, without capabilities, with probes on /healthz and /readyz", async () => {
    for (const { release, namespace, example } of releases.slice(0, 2)) {
      const deployment = await get<Deployment>(
        `/apis/apps/v1/namespaces/${namespace}/deployments/${fullname(release)}`,
      );
      const pod = deployment.spec.template.spec;
      expect(deployment.spec.replicas).toBe(example === "standalone-ha" ? 3 : 1);
      expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" } });
      const [container] = pod.containers;
      expect(container!.securityContext).toMatchObject({
        allowPrivilegeEscalation: false,
        readOnlyRootFilesystem: true,
        runAsNonRoot: true,
        capabilities: { drop: ["ALL"] },
      });
      expect(container!.livenessProbe.httpGet).toMatchObject({ path: "/healthz", port: "http" });
      expect(container!.startupProbe.httpGet).toMatchObject({ path: "/healthz", port: "http" });
      expect(container!.readinessProbe.httpGet).toMatchObject({ path: "/readyz", port: "http" });
      const csi = pod.volumes.find((v) => v.csi);
      expect(csi?.csi).toEqual({ driver: "csi.spiffe.io", readOnly: true });
      expect(container!.volumeMounts.find((m) => m.name === csi!.name)).toMatchObject({ readOnly: true });
      expect(container!.volumeMounts.map((m) => m.mountPath)).toEqual(expect.arrayContaining(["/data", "/tmp"]));
      expect(container!.env).toContainEqual({
        name: "SPIFFE_ENDPOINT_SOCKET",
        value: "unix:///spiffe-workload-api/spire-agent.sock",
      });
    }
  });

  it("admits a pod made from the Deployment's template under PodSecurity restricted, and refuses a weakened one", async () => {
    const { release, namespace } = releases[1]!;
    const deployment = await get<Deployment>(`/apis/apps/v1/namespaces/${namespace}/deployments/${fullname(release)}`);
    const pod = (name: string, spec: object) => ({
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name, labels: deployment.spec.template.metadata.labels },
      spec,
    });
    const podsUrl = `/api/v1/namespaces/${namespace}/pods?dryRun=All`;
    const admitted = await kubeRequest<K8sObject>(
      target,
      "POST",
      podsUrl,
      pod("console-dry-run", deployment.spec.template.spec),
    );
    expect(admitted.metadata.name).toBe("console-dry-run");
    const weakened = structuredClone(deployment.spec.template.spec);
    weakened.containers[0]!.securityContext = { allowPrivilegeEscalation: true };
    await expect(kubeRequest(target, "POST", podsUrl, pod("console-weak", weakened))).rejects.toThrow(
      /violates PodSecurity "restricted/,
    );
  });

  it("grants the service account read-only access, pod logs only when enabled, and no secrets", async () => {
    for (const { release, namespace, example } of releases.slice(0, 2)) {
      const sa = fullname(release);
      const role = await get<{ rules: Rule[] }>(`/apis/rbac.authorization.k8s.io/v1/clusterroles/${fullname(release)}`);
      const verbs = new Set(role.rules.flatMap((r) => r.verbs));
      expect([...verbs].sort()).toEqual(["get", "list"]);
      expect(role.rules.flatMap((r) => r.resources).sort()).toEqual(
        [
          "csidrivers",
          "csinodes",
          "daemonsets",
          "events",
          "namespaces",
          "nodes",
          "pods",
          "clusterspiffeids",
          "clusterstaticentries",
          "clusterfederatedtrustdomains",
        ].sort(),
      );
      const may = (attributes: Record<string, string>) => canI(namespace, sa, attributes);
      await expect(may({ verb: "list", resource: "nodes" })).resolves.toBe(true);
      await expect(may({ verb: "list", resource: "pods", namespace: "default" })).resolves.toBe(true);
      await expect(may({ verb: "list", resource: "csinodes", group: "storage.k8s.io" })).resolves.toBe(true);
      await expect(may({ verb: "list", resource: "clusterspiffeids", group: "spire.spiffe.io" })).resolves.toBe(true);
      await expect(may({ verb: "update", resource: "clusterspiffeids", group: "spire.spiffe.io" })).resolves.toBe(
        false,
      );
      await expect(may({ verb: "get", resource: "configmaps", namespace: "spire" })).resolves.toBe(true);
      await expect(may({ verb: "get", resource: "statefulsets", group: "apps", namespace: "spire" })).resolves.toBe(
        true,
      );
      await expect(may({ verb: "get", resource: "configmaps", namespace: "default" })).resolves.toBe(false);
      await expect(may({ verb: "get", resource: "secrets", namespace: "spire" })).resolves.toBe(false);
      await expect(may({ verb: "delete", resource: "pods", namespace: "spire" })).resolves.toBe(false);
      await expect(may({ verb: "create", resource: "pods", namespace: "spire" })).resolves.toBe(false);
      await expect(may({ verb: "get", resource: "pods", subresource: "log", namespace: "spire" })).resolves.toBe(
        example === "standalone-ha",
      );
    }
  });

  it("has the API server validate the console's ClusterSPIFFEID against our CRD", async () => {
    const { release } = releases[0]!;
    const id = await get<K8sObject & { spec: { spiffeIDTemplate: string; podSelector: { matchLabels: object } } }>(
      `/apis/spire.spiffe.io/v1alpha1/clusterspiffeids/${fullname(release)}`,
    );
    expect(id.spec.spiffeIDTemplate).toBe(
      "spiffe://{{ .TrustDomain }}/ns/{{ .PodMeta.Namespace }}/sa/{{ .PodSpec.ServiceAccountName }}",
    );
    expect(id.spec.podSelector.matchLabels).toEqual({
      "app.kubernetes.io/name": "spire-console",
      "app.kubernetes.io/instance": release,
    });
    await expect(
      kubeRequest(target, "POST", "/apis/spire.spiffe.io/v1alpha1/clusterspiffeids?dryRun=All", {
        apiVersion: "spire.spiffe.io/v1alpha1",
        kind: "ClusterSPIFFEID",
        metadata: { name: "no-template" },
        spec: { hint: "x", ttl: 60 },
      }),
    ).rejects.toThrow(/spec\.spiffeIDTemplate: Required value|spec\.ttl: Invalid value/);
  });

  it("adds a NetworkPolicy for both ports and a PodDisruptionBudget only with several replicas", async () => {
    const [single, ha] = [releases[0]!, releases[1]!];
    type Policy = { spec: { ingress: { ports: { port: number }[] }[]; egress: { ports: { port: number }[] }[] } };
    const policy = await get<Policy>(
      `/apis/networking.k8s.io/v1/namespaces/${ha.namespace}/networkpolicies/${fullname(ha.release)}`,
    );
    expect(policy.spec.ingress.flatMap((r) => r.ports.map((p) => p.port))).toEqual([3000, 9090]);
    expect(policy.spec.egress.flatMap((r) => r.ports.map((p) => p.port))).toEqual(
      expect.arrayContaining([53, 8081, 443, 6443, 5432]),
    );
    const pdb = `/apis/policy/v1/namespaces/${ha.namespace}/poddisruptionbudgets/${fullname(ha.release)}`;
    await expect(get<{ spec: { minAvailable: number } }>(pdb)).resolves.toMatchObject({ spec: { minAvailable: 1 } });
    await expect(
      get(`/apis/policy/v1/namespaces/${single.namespace}/poddisruptionbudgets/${fullname(single.release)}`),
    ).rejects.toThrow(/404/);
  });

  it("installs only the Service, ConfigMap and Ingress for the sidecar", async () => {
    const { release, namespace } = releases[2]!;
    const manifest = await helm(["get", "manifest", release, "-n", namespace], kubeconfig);
    expect(kinds(parseObjects(manifest.stdout))).toEqual(["ConfigMap", "Ingress", "Service"]);
    const deployments = await get<{ items: unknown[] }>(`/apis/apps/v1/namespaces/${namespace}/deployments`);
    expect(deployments.items).toEqual([]);
  });

  it.each([
    [["--set", "replicas=2", "--set", "persistence.enabled=false"], /replicas: 2 needs PostgreSQL/],
    [["--set", "containerPort=-3000"], /at '\/containerPort': minimum: got -3,000, want 1/],
    [["--set", "config.servers[0].port=8081"], /at '\/config\/servers\/0': additional properties 'port' not allowed/],
  ])("refuses helm install %j with a message naming the value", async (flags, message) => {
    const { namespace } = releases[0]!;
    const result = await helm(
      ["install", "console-bad", chartDir, "-n", namespace, "-f", examplePath("standalone"), ...flags],
      kubeconfig,
    );
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(message);
    const list = await helm(["list", "-n", namespace, "-q"], kubeconfig);
    expect(list.stdout.split("\n")).not.toContain("console-bad");
  });
});
