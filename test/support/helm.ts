// Runs the cached helm binary (scripts/helm) for the chart tests, with its own config and cache
// folders (never the user's) and, for cluster commands, the test stack's admin kubeconfig.
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { parseAllDocuments } from "yaml";

import { ensureHelm } from "../../scripts/helm/build.ts";
import { applyAt, kubeRequest, type KubeTarget } from "../../scripts/k8s/kube-http.ts";
import { readKubeconfigTarget } from "../../scripts/k8s/kubeconfig.ts";
import { repoRoot } from "../../scripts/lib/console-server.ts";

export const chartDir = path.join(repoRoot, "deploy/helm/spire-console");
export const crdDir = path.join(repoRoot, "deploy/crds");
export const exampleNames = ["standalone", "standalone-ha", "sidecar", "git-sync-entry-sets"] as const;
export const examplePath = (name: string) => path.join(chartDir, "examples", `${name}.yaml`);

export type HelmResult = { code: number; stdout: string; stderr: string };
export type K8sObject = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  [key: string]: unknown;
};

const home = mkdtempSync(path.join(tmpdir(), "spc-helm-"));
let binary: Promise<string> | undefined;

/** Runs `helm <args>`; with `kubeconfig`, against that cluster. Never throws for a non-zero exit. */
export async function helm(args: string[], kubeconfig?: string): Promise<HelmResult> {
  const bin = await (binary ??= ensureHelm());
  const env = {
    ...process.env,
    HELM_CACHE_HOME: path.join(home, "cache"),
    HELM_CONFIG_HOME: path.join(home, "config"),
    HELM_DATA_HOME: path.join(home, "data"),
    KUBECONFIG: kubeconfig ?? path.join(home, "no-cluster"),
  };
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

/** The objects of `helm template` output (or of any multi-document YAML). */
export function parseObjects(text: string): K8sObject[] {
  return parseAllDocuments(text)
    .map((doc) => doc.toJS() as K8sObject | null)
    .filter((o): o is K8sObject => o !== null && typeof o === "object");
}

/** The admin target of the test stack's kube-apiserver. */
export function adminTarget(kubeconfig: string): KubeTarget {
  return readKubeconfigTarget(kubeconfig);
}

/** Installs (server-side apply) our spire-controller-manager CRDs and waits until each is Established. */
export async function installCrds(target: KubeTarget): Promise<string[]> {
  const files = readdirSync(crdDir).filter((f) => f.endsWith(".yaml"));
  const names: string[] = [];
  for (const file of files) {
    const crd = parseObjects(readFileSync(path.join(crdDir, file), "utf8"))[0]!;
    const url = `/apis/apiextensions.k8s.io/v1/customresourcedefinitions/${crd.metadata.name}`;
    await applyAt(target, url, crd);
    names.push(crd.metadata.name);
  }
  for (const name of names) {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const crd = await kubeRequest<{ status?: { conditions?: { type: string; status: string }[] } }>(
        target,
        "GET",
        `/apis/apiextensions.k8s.io/v1/customresourcedefinitions/${name}`,
      );
      if (crd.status?.conditions?.some((c) => c.type === "Established" && c.status === "True")) break;
      if (Date.now() > deadline) throw new Error(`CRD ${name} not Established within 30 s`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  return names;
}

/**
 * Deletes a namespace that holds nothing any more. The local stack runs no controller manager,
 * so nothing would ever finish a deletion: after the DELETE, its finalizer is removed directly.
 */
export async function deleteEmptyNamespace(target: KubeTarget, name: string): Promise<void> {
  const path = `/api/v1/namespaces/${name}`;
  await kubeRequest(target, "DELETE", path).catch(() => undefined);
  const ns = await kubeRequest<K8sObject>(target, "GET", path).catch(() => null);
  if (ns) await kubeRequest(target, "PUT", `${path}/finalize`, { ...ns, spec: { finalizers: [] } });
}

/** The kinds of `objects`, sorted: what a chart rendered or installed, at a glance. */
export const kinds = (objects: K8sObject[]) => objects.map((o) => o.kind).sort();

/** The parts of the chart's Deployment the tests read. */
export type Deployment = K8sObject & {
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
