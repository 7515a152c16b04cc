import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { InstallationReport } from "@/lib/kubernetes/build-report";

/** Per install (namespace): the agent's socket hostPath vs the CSI driver's spire-agent-socket-dir. */
export function SocketChecks({ installations }: { installations: InstallationReport[] }) {
  return (
    <Table caption="Agent socket directory per install" stack>
      <TableHeader>
        <TableRow>
          <TableHead>Namespace</TableHead>
          <TableHead>Agent socket hostPath</TableHead>
          <TableHead>CSI spire-agent-socket-dir</TableHead>
          <TableHead>Consistent</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {installations.map(({ namespace, sockets }) => (
          <TableRow key={namespace} data-testid="k8s-socket-row" data-namespace={namespace}>
            <TableCell data-label="Namespace" className="font-medium">
              {namespace}
            </TableCell>
            <TableCell data-label="Agent socket hostPath" className="font-mono text-xs">
              {sockets.agentDir ?? "—"}
            </TableCell>
            <TableCell data-label="CSI spire-agent-socket-dir" className="font-mono text-xs">
              {sockets.csiDir ?? "—"}
            </TableCell>
            <TableCell data-label="Consistent">
              {sockets.consistent ? <Badge tone="good">Same directory</Badge> : <Badge tone="bad">Mismatch</Badge>}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
