import Link from "next/link";

import { cn } from "@/lib/format/cn";
import { links } from "@/lib/links";
import type { PodDiagnosis } from "@/lib/troubleshoot/load-diagnosis";

const mark = { ok: "✓", degraded: "!", none: "✗" } as const;

/** The pod's containers (the attestor answers per calling container), each with its verdict. */
export function ContainerTabs({ server, pod }: { server: string; pod: PodDiagnosis }) {
  if (pod.containers.length < 2)
    return (
      <p className="text-sm text-slate-600">
        Container {pod.container} (the attestor answers for the container that calls).
      </p>
    );
  return (
    <nav aria-label="Containers" className="flex flex-wrap gap-2 text-sm">
      {pod.containers.map((c) => (
        <Link
          key={c.container}
          href={links.troubleshootPod(server, pod.pod.namespace, pod.pod.name, c.container, pod.cluster.name)}
          aria-current={c.container === pod.container ? "page" : undefined}
          className={cn(
            "rounded-md border px-2 py-1",
            c.container === pod.container ? "border-sky-400 bg-sky-50" : "border-slate-300",
          )}
        >
          {mark[c.verdict]} {c.container}
        </Link>
      ))}
    </nav>
  );
}
