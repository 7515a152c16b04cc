import "server-only";

import { ApiError } from "@/lib/api/api-error";

import { k8sCall, type K8sClients } from "./client";

/** The API group and version of spire-controller-manager's CRDs. */
export const SPIRE_GROUP = { group: "spire.spiffe.io", version: "v1alpha1" } as const;

type Raw = Record<string, unknown>;

/**
 * Every object of one cluster-scoped spire.spiffe.io kind (`plural`), raw; null when the CRD is
 * not installed (the API answers 404 for the whole resource).
 */
export async function listSpireObjects(clients: K8sClients, plural: string): Promise<Raw[] | null> {
  try {
    const list = await k8sCall(clients, `list ${plural}.${SPIRE_GROUP.group}`, (options) =>
      clients.custom.listClusterCustomObject({ ...SPIRE_GROUP, plural }, options),
    );
    return ((list as { items?: Raw[] }).items ?? []).filter((item) => typeof item === "object" && item !== null);
  } catch (error) {
    if (error instanceof ApiError && error.code === "not_found") return null;
    throw error;
  }
}

/** Small readers for the loosely typed custom objects. */
export const read = {
  object: (value: unknown): Raw =>
    typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Raw) : {},
  string: (value: unknown): string | null => (typeof value === "string" ? value : null),
  strings: (value: unknown): string[] =>
    Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [],
  boolean: (value: unknown): boolean => value === true,
  number: (value: unknown): number => (typeof value === "number" ? value : 0),
};
