import { z } from "zod";

const k8sName = z
  .string()
  .regex(
    /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/,
    "must be a Kubernetes object name (lowercase letters, digits, '-' and '.')",
  );

/** Names used in URLs and filters: a cluster's or a deployment's name. */
const shortName = z
  .string()
  .regex(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/, "must be lowercase letters, digits and '-' (at most 63)");

const CM_IGNORED = ["kube-system", "kube-public", "spire-system"];

/** How spire-controller-manager is configured in a cluster (its config file, not its CRDs). */
const controllerManagerObject = z.strictObject({
  /** `entryIDPrefix`: entries it creates are named `<prefix>.<uuid>`, which marks them as its own. */
  entryIdPrefix: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, "entryIdPrefix must be letters, digits, '-' or '_'")
    .optional(),
  /** `ignoreNamespaces`: namespaces whose pods it never registers. */
  ignoreNamespaces: z.array(k8sName).default(CM_IGNORED),
  /** `className`: only objects of this class (or none) are its own. */
  className: z.string().min(1).optional(),
});
const controllerManagerSchema = controllerManagerObject.default({ ignoreNamespaces: CM_IGNORED });

/** What one SPIRE installation in a cluster is called (defaults: the SPIRE and SPIFFE CSI driver charts). */
const deploymentFields = {
  /** Namespace of the SPIRE agents and the CSI driver. */
  namespace: k8sName.default("spire"),
  /** Namespace of the spire-server StatefulSet; defaults to `namespace`. */
  serverNamespace: k8sName.optional(),
  serverStatefulSet: k8sName.default("spire-server"),
  /** False when the SPIRE server runs outside this cluster (another cluster, a VM): no StatefulSet is looked for. */
  serverInCluster: z.boolean().default(true),
  agentDaemonSet: k8sName.default("spire-agent"),
  csiDaemonSet: k8sName.default("spiffe-csi-driver"),
  csiDriver: k8sName.default("csi.spiffe.io"),
  bundleConfigMap: k8sName.default("spire-bundle"),
  /**
   * The cluster name in SPIRE's k8s_psat config (agent IDs /spire/agent/k8s_psat/<cluster>/<node uid>);
   * defaults to the cluster's name.
   */
  psatCluster: z.string().min(1).optional(),
  /** The configured SPIRE server (by name) whose agents run here; defaults to the first. */
  spireServer: z.string().min(1).optional(),
  controllerManager: controllerManagerSchema,
};

/** One SPIRE deployment in a cluster; `name` defaults to its `spireServer`, else `spire`. */
export const deploymentConfigSchema = z.strictObject({ name: shortName.optional(), ...deploymentFields });

const connectionFields = {
  /** Path of a kubeconfig file; absent means `KUBECONFIG`, then the in-cluster service account. */
  kubeconfig: z.string().min(1).optional(),
  /** kubeconfig context to use; absent means its current-context. */
  context: z.string().min(1).optional(),
  /** Deadline for each Kubernetes API call, in milliseconds (default: the section's, else 5000). */
  timeoutMs: z.number().int().min(100).max(60_000).optional(),
};

/** One cluster: how to reach it and the SPIRE deployments in it. */
export const clusterConfigSchema = z
  .strictObject({
    /** The cluster's name in the console (URLs, filters, the pod address); also the default k8s_psat cluster. */
    name: shortName,
    ...connectionFields,
    deployments: z
      .array(deploymentConfigSchema)
      .min(1)
      .default(() => [deploymentConfigSchema.parse({})]),
  })
  .superRefine((cluster, ctx) => {
    const seen = new Set<string>();
    cluster.deployments.forEach((d, index) => {
      const name = deploymentName(d);
      if (seen.has(name))
        ctx.addIssue({
          code: "custom",
          path: ["deployments", index, "name"],
          message: `deployment name '${name}' is used twice in cluster '${cluster.name}'`,
        });
      seen.add(name);
    });
  });

// The single-cluster keys of the section as it was before `clusters` (still accepted).
const singleClusterKeys = ["kubeconfig", "context", ...Object.keys(deploymentFields)] as const;

/**
 * The optional `kubernetes` section of the console config: either `clusters` (each with its
 * deployments), or — as before — one cluster's connection and one deployment's names at the top
 * level, which means one cluster with one deployment. Without the section the console falls back
 * to `KUBECONFIG`, then to in-cluster config.
 */
export const kubernetesConfigSchema = z
  .strictObject({
    clusters: z.array(clusterConfigSchema).min(1).optional(),
    kubeconfig: connectionFields.kubeconfig,
    context: connectionFields.context,
    namespace: k8sName.optional(),
    serverNamespace: k8sName.optional(),
    serverStatefulSet: k8sName.optional(),
    serverInCluster: z.boolean().optional(),
    agentDaemonSet: k8sName.optional(),
    csiDaemonSet: k8sName.optional(),
    csiDriver: k8sName.optional(),
    bundleConfigMap: k8sName.optional(),
    psatCluster: z.string().min(1).optional(),
    spireServer: z.string().min(1).optional(),
    controllerManager: controllerManagerObject.optional(),
    /** Deadline for each Kubernetes API call, in milliseconds (every cluster's default with `clusters`). */
    timeoutMs: z.number().int().min(100).max(60_000).optional(),
  })
  .superRefine((section, ctx) => {
    if (!section.clusters) return;
    for (const key of singleClusterKeys) {
      if ((section as Record<string, unknown>)[key] !== undefined)
        ctx.addIssue({
          code: "custom",
          path: [key],
          message: `'${key}' belongs to a cluster or a deployment when 'clusters' is given`,
        });
    }
    const seen = new Set<string>();
    section.clusters.forEach((c, index) => {
      if (seen.has(c.name))
        ctx.addIssue({
          code: "custom",
          path: ["clusters", index, "name"],
          message: `cluster '${c.name}' is listed twice`,
        });
      seen.add(c.name);
    });
  });

export type KubernetesConfig = z.output<typeof kubernetesConfigSchema>;
export type ClusterConfig = z.output<typeof clusterConfigSchema>;
export type DeploymentConfig = z.output<typeof deploymentConfigSchema>;

/** A deployment's name: its own, else its SPIRE server's, else `spire`. */
export function deploymentName(d: { name?: string; spireServer?: string }): string {
  return d.name ?? d.spireServer ?? "spire";
}

/**
 * The section as a list of clusters. The single-cluster form becomes one cluster (named `name`,
 * by default the kubeconfig's cluster once it is read) with one deployment.
 */
export function toClusterList(
  section: KubernetesConfig | undefined,
): (Omit<ClusterConfig, "name" | "timeoutMs"> & { name: string | undefined; timeoutMs: number })[] {
  if (section?.clusters) {
    return section.clusters.map((c) => ({ ...c, timeoutMs: c.timeoutMs ?? section.timeoutMs ?? 5_000 }));
  }
  const { kubeconfig, context, timeoutMs, clusters: _unused, ...deployment } = section ?? {};
  return [
    {
      name: undefined,
      ...(kubeconfig ? { kubeconfig } : {}),
      ...(context ? { context } : {}),
      timeoutMs: timeoutMs ?? 5_000,
      deployments: [deploymentConfigSchema.parse(dropUndefined(deployment))],
    },
  ];
}

function dropUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
