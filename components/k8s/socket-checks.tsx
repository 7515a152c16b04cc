import { Badge } from "@/components/ui/badge";
import type { InstallationReport } from "@/lib/kubernetes/build-report";

/** Per install (namespace): the agent's socket hostPath vs the CSI driver's spire-agent-socket-dir. */
export function SocketChecks({ installations }: { installations: InstallationReport[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-sm">
        <thead className="bg-slate-50 text-left text-xs uppercase text-slate-500">
          <tr>
            <th className="px-3 py-2">Namespace</th>
            <th className="px-3 py-2">Agent socket hostPath</th>
            <th className="px-3 py-2">CSI spire-agent-socket-dir</th>
            <th className="px-3 py-2">Consistent</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {installations.map(({ namespace, sockets }) => (
            <tr key={namespace} data-testid="k8s-socket-row" data-namespace={namespace}>
              <td className="px-3 py-2 font-medium">{namespace}</td>
              <td className="px-3 py-2 font-mono text-xs">{sockets.agentDir ?? "—"}</td>
              <td className="px-3 py-2 font-mono text-xs">{sockets.csiDir ?? "—"}</td>
              <td className="px-3 py-2">
                {sockets.consistent ? <Badge tone="good">Same directory</Badge> : <Badge tone="bad">Mismatch</Badge>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
