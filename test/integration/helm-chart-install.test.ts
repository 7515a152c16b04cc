// The Helm chart installed for real into the stack's kube-apiserver: each example in a namespace that
// enforces PodSecurity `restricted`, with our spire-controller-manager CRDs, read back through the
// Kubernetes API. There is no kubelet, so no pod runs; a pod made from the Deployment's template goes
// through admission (dry run). The chart rendered offline is helm-chart-offline.test.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { ensureHelm } from "../../scripts/helm/build.ts";
import { kubeRequest, type KubeTarget } from "../../scripts/k8s/kube-http.ts";
import { stackState } from "../support/api";
import {
  adminTarget,
  chartDir,
  deleteEmptyNamespace,
  type Deployment,
  examplePath,
  helm,
  installCrds,
  type K8sObject,
  kinds,
  parseObjects,
} from "../support/helm";

beforeAll(() => ensureHelm(), 20 * 60_000);

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
