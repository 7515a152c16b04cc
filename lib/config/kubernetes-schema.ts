import { z } from "zod";

const k8sName = z
  .string()
  .regex(
    /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/,
    "must be a Kubernetes object name (lowercase letters, digits, '-' and '.')",
  );

/**
 * The optional `kubernetes` section of the console config: where the cluster is and what
 * the SPIRE components are called in it (defaults: the SPIRE and SPIFFE CSI driver charts).
 * Without the section the console falls back to `KUBECONFIG`, then to in-cluster config.
 */
export const kubernetesConfigSchema = z.strictObject({
  /** Path of a kubeconfig file; absent means `KUBECONFIG`, then the in-cluster service account. */
  kubeconfig: z.string().min(1).optional(),
  /** kubeconfig context to use; absent means its current-context. */
  context: z.string().min(1).optional(),
  /** Namespace of the SPIRE agents and the CSI driver. */
  namespace: k8sName.default("spire"),
  /** Namespace of the spire-server StatefulSet; defaults to `namespace`. */
  serverNamespace: k8sName.optional(),
  serverStatefulSet: k8sName.default("spire-server"),
  agentDaemonSet: k8sName.default("spire-agent"),
  csiDaemonSet: k8sName.default("spiffe-csi-driver"),
  csiDriver: k8sName.default("csi.spiffe.io"),
  bundleConfigMap: k8sName.default("spire-bundle"),
  /**
   * The cluster name in SPIRE's k8s_psat config (agent IDs /spire/agent/k8s_psat/<cluster>/<node uid>);
   * defaults to the kubeconfig's cluster name.
   */
  psatCluster: z.string().min(1).optional(),
  /** The configured SPIRE server (by name) whose agents run in this cluster; defaults to the first. */
  spireServer: z.string().min(1).optional(),
  /** How spire-controller-manager is configured in this cluster (its config file, not its CRDs). */
  controllerManager: z
    .strictObject({
      /** `entryIDPrefix`: entries it creates are named `<prefix>.<uuid>`, which marks them as its own. */
      entryIdPrefix: z
        .string()
        .regex(/^[A-Za-z0-9_-]{1,64}$/, "entryIdPrefix must be letters, digits, '-' or '_'")
        .optional(),
      /** `ignoreNamespaces`: namespaces whose pods it never registers. */
      ignoreNamespaces: z.array(k8sName).default(["kube-system", "kube-public", "spire-system"]),
      /** `className`: only objects of this class (or none) are its own. */
      className: z.string().min(1).optional(),
    })
    .default({ ignoreNamespaces: ["kube-system", "kube-public", "spire-system"] }),
  /** Deadline for each Kubernetes API call, in milliseconds. */
  timeoutMs: z.number().int().min(100).max(60_000).default(5_000),
});

export type KubernetesConfig = z.output<typeof kubernetesConfigSchema>;
