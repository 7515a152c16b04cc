import "server-only";

import type * as K8s from "@kubernetes/client-node";

type K8sLibrary = typeof K8s;

// On globalThis so every route bundle of the Next server shares the one loaded library.
const globalForLibrary = globalThis as typeof globalThis & {
  __k8sLibrary?: K8sLibrary;
  __k8sLibraryLoading?: Promise<K8sLibrary>;
};

/**
 * Loads the Kubernetes client library, once. Importing it costs about 40 MiB of V8 heap (86 MiB of
 * RSS in a bare Node process), so the console loads it at start only when Kubernetes is configured.
 */
export function loadK8sLibrary(): Promise<K8sLibrary> {
  return (globalForLibrary.__k8sLibraryLoading ??= import("@kubernetes/client-node").then(
    (library) => (globalForLibrary.__k8sLibrary = library),
  ));
}

/**
 * The library if it is loaded; null otherwise, and loading it starts (Kubernetes configured after
 * the console started): the caller answers "try again in a moment".
 */
export function loadedK8sLibrary(): K8sLibrary | null {
  const library = globalForLibrary.__k8sLibrary ?? null;
  if (!library)
    loadK8sLibrary().catch((error: unknown) => console.error("[k8s] cannot load the client library", error));
  return library;
}

/** The library, for code holding a resolved cluster (resolving one needs the library loaded). */
export function k8sLibrary(): K8sLibrary {
  const library = globalForLibrary.__k8sLibrary;
  if (!library) throw new Error("the Kubernetes client library is used before any cluster was resolved");
  return library;
}
