import type { K8sBundleConfigMap } from "@/lib/k8s/types";

import type { KubernetesProblem } from "./problems";

export type AuthorityRef = { fingerprint: string; notAfter: string | null };

export type BundleComparison = {
  namespace: string;
  name: string;
  found: boolean;
  /** Latest not-after among the ConfigMap's CAs. */
  configMapNotAfter: string | null;
  /** Latest not-after among the server's current X.509 authorities (null when the server was not reachable). */
  serverNotAfter: string | null;
  configMapCount: number;
  serverCount: number | null;
  /** Server authorities the ConfigMap lacks (fingerprints). */
  missing: string[];
  /** ConfigMap CAs the server no longer has (fingerprints). */
  extra: string[];
  upToDate: boolean | null;
};

const latest = (dates: (string | null)[]) =>
  dates
    .filter((d): d is string => Boolean(d))
    .sort()
    .at(-1) ?? null;

/**
 * Compares the spire-bundle ConfigMap with the server's current bundle: every server CA must be
 * in the ConfigMap, or workloads that read it will reject SVIDs signed by the new CA.
 */
export function compareBundle(
  cm: K8sBundleConfigMap | null,
  server: readonly AuthorityRef[] | null,
  where: { namespace: string; name: string; serverName: string },
  now: number,
): { comparison: BundleComparison; problems: KubernetesProblem[] } {
  const base = { namespace: where.namespace, name: where.name };
  if (!cm) {
    return {
      comparison: {
        ...base,
        found: false,
        configMapNotAfter: null,
        serverNotAfter: latest(server?.map((a) => a.notAfter) ?? []),
        configMapCount: 0,
        serverCount: server?.length ?? null,
        missing: [],
        extra: [],
        upToDate: null,
      },
      problems: [
        {
          id: `bundle-missing:${where.namespace}/${where.name}`,
          severity: "warning",
          area: "bundle",
          title: `ConfigMap ${where.namespace}/${where.name} does not exist`,
          detail: `Workloads and agents that bootstrap from the trust bundle ConfigMap cannot start.`,
          fix: `Enable the k8sbundle notifier in spire-server (namespace ${where.namespace}, config_map ${where.name}).`,
        },
      ],
    };
  }
  const cmPrints = new Set(cm.certificates.map((c) => c.fingerprint));
  const serverPrints = new Set((server ?? []).map((a) => a.fingerprint).filter(Boolean));
  const missing = server ? [...serverPrints].filter((f) => !cmPrints.has(f)) : [];
  const extra = server ? [...cmPrints].filter((f) => !serverPrints.has(f)) : [];
  const configMapNotAfter = latest(cm.certificates.map((c) => c.notAfter));
  const comparison: BundleComparison = {
    ...base,
    found: true,
    configMapNotAfter,
    serverNotAfter: server ? latest(server.map((a) => a.notAfter)) : null,
    configMapCount: cm.certificates.length,
    serverCount: server?.length ?? null,
    missing,
    extra,
    upToDate: server ? missing.length === 0 && cm.certificates.length > 0 : null,
  };
  const problems: KubernetesProblem[] = [];
  const id = `${where.namespace}/${where.name}`;
  if (cm.certificates.length === 0) {
    problems.push({
      id: `bundle-empty:${id}`,
      severity: "error",
      area: "bundle",
      title: `ConfigMap ${id} holds no CA certificate`,
      detail: `No PEM certificate was found in ${cm.key ?? "any key"}.`,
      fix: `Check the k8sbundle notifier's config and spire-server's logs.`,
    });
  } else if (missing.length) {
    problems.push({
      id: `bundle-stale:${id}`,
      severity: "error",
      area: "bundle",
      title: `ConfigMap ${id} is stale: ${missing.length} of ${serverPrints.size} CA(s) of ${where.serverName} are missing`,
      detail: `The ConfigMap's newest CA expires ${configMapNotAfter ?? "never"}, the server's ${comparison.serverNotAfter ?? "(unknown)"}.`,
      fix: `Check that spire-server's k8sbundle notifier can update the ConfigMap (RBAC: get/patch configmaps in ${where.namespace}).`,
    });
  } else if (configMapNotAfter && Date.parse(configMapNotAfter) < now) {
    problems.push({
      id: `bundle-expired:${id}`,
      severity: "error",
      area: "bundle",
      title: `Every CA in ConfigMap ${id} has expired`,
      detail: `Newest not-after ${configMapNotAfter}.`,
      fix: `Check the k8sbundle notifier and the server's CA rotation.`,
    });
  }
  return { comparison, problems };
}
