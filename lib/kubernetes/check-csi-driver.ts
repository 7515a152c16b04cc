import type { K8sCsiDriver } from "@/lib/k8s/types";

import type { KubernetesProblem } from "./problems";

export type CsiDriverCheck = { field: string; expected: string; actual: string; ok: boolean; why: string };

export type CsiDriverReport = { name: string; found: boolean; checks: CsiDriverCheck[]; healthy: boolean };

const show = (value: unknown) =>
  value === null || value === undefined
    ? "(unset)"
    : Array.isArray(value)
      ? value.join(", ") || "(none)"
      : String(value);

/**
 * Checks the CSIDriver object against what the SPIFFE CSI driver needs: no attach step,
 * pod info on mount (the agent attests the pod), and ephemeral inline volumes.
 */
export function checkCsiDriver(
  driver: K8sCsiDriver | null,
  name: string,
): { report: CsiDriverReport; problems: KubernetesProblem[] } {
  if (!driver) {
    return {
      report: { name, found: false, checks: [], healthy: false },
      problems: [
        {
          id: `csidriver-missing:${name}`,
          severity: "error",
          area: "csi-driver",
          title: `CSIDriver ${name} is not installed`,
          detail: `Without the CSIDriver object, kubelets reject inline ${name} volumes.`,
          fix: `Install the SPIFFE CSI driver chart (it creates the CSIDriver), or kubectl apply its CSIDriver manifest.`,
        },
      ],
    };
  }
  const checks: CsiDriverCheck[] = [
    {
      field: "attachRequired",
      expected: "false",
      actual: show(driver.attachRequired),
      ok: driver.attachRequired === false,
      why: "there is no volume to attach; with true, pods wait for a VolumeAttachment that never comes",
    },
    {
      field: "podInfoOnMount",
      expected: "true",
      actual: show(driver.podInfoOnMount),
      ok: driver.podInfoOnMount === true,
      why: "the driver needs the pod's identity on mount",
    },
    {
      field: "volumeLifecycleModes",
      expected: "Ephemeral",
      actual: show(driver.volumeLifecycleModes),
      ok: driver.volumeLifecycleModes.includes("Ephemeral"),
      why: "workloads mount the driver as an inline ephemeral volume",
    },
  ];
  const problems: KubernetesProblem[] = checks
    .filter((c) => !c.ok)
    .map((c) => ({
      id: `csidriver-spec:${c.field}`,
      severity: "error" as const,
      area: "csi-driver" as const,
      title: `CSIDriver ${name}: ${c.field} is ${c.actual}, expected ${c.expected}`,
      detail: `It must be ${c.expected} because ${c.why}.`,
      fix: `Most CSIDriver fields are immutable: kubectl delete csidriver ${name}, then re-apply it with ${c.field}: ${c.expected}.`,
    }));
  return { report: { name, found: true, checks, healthy: problems.length === 0 }, problems };
}
