// `stack:status`: a table of every stack process: component, pid, state, socket.
import { getIdpStatus } from "../idp/start.ts";
import { listComponents } from "./components.ts";
import { k8sStatusRows } from "./k8s-hooks.ts";
import { getStackPaths } from "./paths.ts";
import { runningPid } from "./process.ts";

export interface ComponentStatus {
  component: string;
  kind: "server" | "agent" | "kubernetes" | "idp";
  pid: number | null;
  running: boolean;
  socket: string;
}

/** Current state of each stack process (no side effects). */
export function getStatus(): ComponentStatus[] {
  const paths = getStackPaths();
  const spire = listComponents(paths).map((c) => {
    const pid = runningPid(c.spec);
    return { component: c.name, kind: c.kind, pid, running: pid !== null, socket: c.socketPath };
  });
  const idp = getIdpStatus(paths);
  const idpRow = {
    component: "openid-provider",
    kind: "idp" as const,
    pid: idp.pid,
    running: idp.pid !== null,
    socket: idp.issuer,
  };
  return [...spire, ...k8sStatusRows(paths), idpRow];
}

/** Prints the status table; returns the statuses. */
export function printStatus(): ComponentStatus[] {
  const rows = getStatus();
  const table = [
    ["COMPONENT", "PID", "STATE", "SOCKET"],
    ...rows.map((r) => [
      `${r.component} (${r.kind})`,
      r.pid === null ? "-" : String(r.pid),
      r.running ? "running" : "stopped",
      r.socket,
    ]),
  ];
  const widths = table[0]!.map((_, col) => Math.max(...table.map((row) => row[col]!.length)));
  for (const row of table)
    console.log(
      row
        .map((cell, col) => cell.padEnd(widths[col]!))
        .join("  ")
        .trimEnd(),
    );
  return rows;
}
