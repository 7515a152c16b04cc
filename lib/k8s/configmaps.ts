import "server-only";

import { ApiError } from "@/lib/api/api-error";

import { type BundleKeys, parseBundleKeys } from "./bundle-keys";
import { k8sCall, type K8sClients } from "./client";
import { toCertificates } from "./mappers";
import type { K8sBundleConfigMap } from "./types";

const BUNDLE_KEYS = ["bundle.crt", "bundle.pem", "ca.crt"];

/** The trust-bundle ConfigMap with its parsed CA certificates, or null when it is missing. */
export async function getBundleConfigMap(
  clients: K8sClients,
  namespace: string,
  name: string,
): Promise<K8sBundleConfigMap | null> {
  try {
    const cm = await k8sCall(clients, `read configmap ${namespace}/${name}`, (options) =>
      clients.core.readNamespacedConfigMap({ namespace, name }, options),
    );
    const data = cm.data ?? {};
    const key =
      BUNDLE_KEYS.find((k) => data[k]) ?? Object.keys(data).find((k) => data[k]?.includes("BEGIN CERTIFICATE")) ?? null;
    return { namespace, name, key, certificates: key ? toCertificates(data[key] ?? "") : [] };
  } catch (error) {
    if (error instanceof ApiError && error.code === "not_found") return null;
    throw error;
  }
}

/**
 * The trust bundle one ConfigMap key holds (PEM or JWKS, see parseBundleKeys), or null when the
 * ConfigMap is missing. Without `key`, the first of the usual keys that has data.
 */
export async function readConfigMapBundle(
  clients: K8sClients,
  target: { namespace: string; name: string; key: string | null },
): Promise<{ key: string | null; keys: BundleKeys } | null> {
  const { namespace, name } = target;
  try {
    const cm = await k8sCall(clients, `read configmap ${namespace}/${name}`, (options) =>
      clients.core.readNamespacedConfigMap({ namespace, name }, options),
    );
    const data = cm.data ?? {};
    const key = target.key ?? BUNDLE_KEYS.find((k) => data[k]) ?? null;
    return { key, keys: parseBundleKeys(key ? (data[key] ?? "") : "") };
  } catch (error) {
    if (error instanceof ApiError && error.code === "not_found") return null;
    throw error;
  }
}
