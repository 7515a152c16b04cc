// Plain types the console uses for Kubernetes objects. Nothing here is a client-node
// model: times are ISO-8601 strings (or null), maps are plain records.

export type K8sContainerState = {
  name: string;
  ready: boolean;
  restartCount: number;
  state: "running" | "waiting" | "terminated" | "unknown";
  /** e.g. "CrashLoopBackOff", "ContainerCreating", "Error". */
  reason: string | null;
  message: string | null;
  /** Why the previous run ended, e.g. "Error" (exit 1). */
  lastTermination: { reason: string | null; exitCode: number; message: string | null } | null;
};

export type K8sHostPath = { volume: string; path: string; type: string | null };

/** The security-relevant parts of a pod spec (for PodSecurity and socket-path checks). */
export type K8sPodTemplate = {
  serviceAccount: string | null;
  hostNetwork: boolean;
  hostPID: boolean;
  hostIPC: boolean;
  privilegedContainers: string[];
  hostPaths: K8sHostPath[];
  /** Drivers of the CSI inline volumes the pod mounts. */
  csiDrivers: string[];
  /** The pod's nodeSelector (a DaemonSet's decides which nodes are its deployment's). */
  nodeSelector?: Record<string, string>;
};

export type K8sPod = {
  namespace: string;
  name: string;
  uid: string;
  nodeName: string | null;
  phase: string;
  labels: Record<string, string>;
  ready: boolean;
  restarts: number;
  containers: K8sContainerState[];
  owner: { kind: string; name: string } | null;
  template: K8sPodTemplate;
  createdAt: string | null;
};

export type K8sDaemonSet = {
  namespace: string;
  name: string;
  generation: number;
  selector: Record<string, string>;
  template: K8sPodTemplate;
  status: {
    desired: number;
    current: number;
    ready: number;
    available: number;
    updated: number;
    misscheduled: number;
    unavailable: number;
    observedGeneration: number;
  };
};

export type K8sStatefulSet = {
  namespace: string;
  name: string;
  generation: number;
  replicas: number;
  selector: Record<string, string>;
  status: {
    ready: number;
    current: number;
    updated: number;
    available: number;
    currentRevision: string | null;
    updateRevision: string | null;
    observedGeneration: number;
  };
};

export type K8sNode = {
  name: string;
  uid: string;
  labels: Record<string, string>;
  ready: boolean;
  internalIP: string | null;
  kubeletVersion: string | null;
  createdAt: string | null;
};

export type K8sCsiDriver = {
  name: string;
  attachRequired: boolean | null;
  podInfoOnMount: boolean | null;
  volumeLifecycleModes: string[];
  fsGroupPolicy: string | null;
};

export type K8sCsiNode = { name: string; drivers: { name: string; nodeID: string }[] };

export type K8sEvent = {
  namespace: string;
  name: string;
  type: string;
  reason: string;
  message: string;
  involved: { kind: string; name: string };
  count: number;
  lastSeen: string | null;
  /** Reporting component, e.g. "kubelet". */
  source: string;
  /** The node a kubelet event came from, if any. */
  host: string | null;
};

export type K8sNamespace = { name: string; labels: Record<string, string> };

export type K8sCertificate = { subject: string; notAfter: string | null; fingerprint: string };

export type K8sBundleConfigMap = {
  namespace: string;
  name: string;
  /** The data key the PEM came from, e.g. "bundle.crt". */
  key: string | null;
  certificates: K8sCertificate[];
};

/** A metav1.LabelSelector: every matchLabels pair and every expression must hold. */
export type K8sLabelSelector = {
  matchLabels: Record<string, string>;
  matchExpressions: { key: string; operator: string; values: string[] }[];
};

/** spire-controller-manager's ClusterSPIFFEID (spire.spiffe.io/v1alpha1): a template for pod entries. */
export type K8sClusterSpiffeId = {
  name: string;
  spec: {
    spiffeIDTemplate: string;
    namespaceSelector: K8sLabelSelector | null;
    podSelector: K8sLabelSelector | null;
    workloadSelectorTemplates: string[];
    dnsNameTemplates: string[];
    federatesWith: string[];
    ttl: string | null;
    jwtTtl: string | null;
    admin: boolean;
    downstream: boolean;
    autoPopulateDNSNames: boolean;
    className: string | null;
    fallback: boolean;
    hint: string | null;
  };
  /** The counts of its last reconciliation, or null before the first. */
  stats: {
    namespacesSelected: number;
    namespacesIgnored: number;
    podsSelected: number;
    podEntryRenderFailures: number;
    entriesMasked: number;
    entriesToSet: number;
    entryFailures: number;
  } | null;
};

/** spire-controller-manager's ClusterStaticEntry: one entry written as is. */
export type K8sClusterStaticEntry = {
  name: string;
  spec: {
    spiffeID: string;
    parentID: string;
    selectors: string[];
    federatesWith: string[];
    dnsNames: string[];
    hint: string | null;
    admin: boolean;
    downstream: boolean;
    className: string | null;
  };
  status: { rendered: boolean; masked: boolean; set: boolean } | null;
};

/** spire-controller-manager's ClusterFederatedTrustDomain: a federation relationship. */
export type K8sClusterFederatedTrustDomain = {
  name: string;
  spec: {
    trustDomain: string;
    bundleEndpointURL: string;
    profile: string;
    endpointSpiffeId: string | null;
    className: string | null;
  };
};

/** One container of a pod as workload attestation sees it (spec plus what the kubelet reported). */
export type WorkloadContainer = {
  name: string;
  init: boolean;
  specImage: string;
  /** From status.(init)containerStatuses; null while the kubelet has not reported the container. */
  status: { image: string; imageID: string; running: boolean } | null;
  env: Record<string, string>;
  mounts: { volume: string; mountPath: string }[];
};

export type WorkloadVolume = { name: string; csiDriver: string | null; hostPath: string | null };

/** The parts of a pod the k8s workload attestor reads, as plain data. */
export type WorkloadPod = {
  namespace: string;
  name: string;
  uid: string;
  nodeName: string | null;
  serviceAccount: string;
  phase: string;
  labels: Record<string, string>;
  owners: { kind: string; name: string; uid: string }[];
  containers: WorkloadContainer[];
  volumes: WorkloadVolume[];
};
