import { Badge } from "@/components/ui/badge";
import { SpiffeId } from "@/components/ui/spiffe-id";
import { TimeText } from "@/components/ui/time-text";
import { controllerManagedReasons } from "@/lib/entries/controller-managed";
import type { TreeNode } from "@/lib/entries/tree-types";
import { cn } from "@/lib/format/cn";
import { links } from "@/lib/links";

import type { TreeRow } from "./use-tree-rows";

const kindLabel: Record<TreeNode["kind"], string> = {
  server: "server",
  agent: "agent",
  alias: "node alias",
  entry: "entry",
  orphans: "group",
};
const short = (id: string) => id.replace(/^spiffe:\/\/[^/]+/, "");

function NodeLabel({ node, server }: { node: TreeNode; server: string }) {
  if (node.kind === "orphans") return <span className="font-medium">Orphans</span>;
  const href =
    node.kind === "agent"
      ? links.agent(server, node.spiffeId)
      : node.entryId
        ? links.entry(server, node.entryId)
        : undefined;
  // The tree moves focus itself (arrow keys), so the link and copy are left out of the tab order.
  return <SpiffeId value={node.spiffeId} href={href} copy={false} linkTabIndex={-1} className="text-xs" />;
}

function Flags({ node, cycle, now }: { node: TreeNode; cycle: boolean; now: number }) {
  const f = node.flags;
  return (
    <span className="hidden shrink-0 items-center gap-1 sm:flex">
      {f.attestationType ? <Badge>{f.attestationType}</Badge> : null}
      {f.agentVersion ? <Badge title="agent_version">v{f.agentVersion}</Badge> : null}
      {node.kind === "entry" &&
      node.entryId &&
      controllerManagedReasons({ id: node.entryId, parentId: node.parentId ?? "", selectors: node.selectors })
        .length ? (
        <Badge title="Managed by spire-controller-manager">controller</Badge>
      ) : null}
      {f.banned ? <Badge tone="bad">banned</Badge> : null}
      {f.expired ? <Badge tone="bad">SVID expired</Badge> : null}
      {f.parentAgentExpired ? <Badge tone="bad">agent SVID expired</Badge> : null}
      {f.orphanReason ? (
        <Badge tone="warn">{f.orphanReason === "missing-parent" ? "parent missing" : "parent cycle"}</Badge>
      ) : null}
      {cycle ? <Badge tone="warn">cycle</Badge> : null}
      {f.admin ? <Badge tone="warn">admin</Badge> : null}
      {f.downstream ? <Badge tone="info">downstream</Badge> : null}
      {f.federatesWith.length ? <Badge title={f.federatesWith.join(", ")}>federated</Badge> : null}
      {f.expiresAt && node.kind !== "agent" ? (
        <Badge tone={Date.parse(f.expiresAt) - now < 86_400_000 ? "bad" : "neutral"}>
          expires&nbsp;
          <TimeText iso={f.expiresAt} now={now} />
        </Badge>
      ) : null}
    </span>
  );
}

/** One row of the virtualised tree (node, "load more" or status). */
export function TreeRowView(props: {
  row: TreeRow;
  server: string;
  /** "Now" (epoch ms) for relative times: when the rows were read. */
  now: number;
  active: boolean;
  id: string;
  onToggle: () => void;
  onMore: () => void;
  onFocus: () => void;
}) {
  const { row } = props;
  const pad = { paddingLeft: `${row.depth * 20 + 8}px` };
  if (row.type === "status") {
    return (
      <div
        id={props.id}
        role="treeitem"
        aria-level={row.depth + 1}
        aria-selected={props.active}
        className={cn(
          "flex h-9 items-center text-xs",
          row.error ? "text-red-700" : "text-slate-600",
          props.active && "bg-sky-50",
        )}
        style={pad}
      >
        {row.text}
      </div>
    );
  }
  if (row.type === "more") {
    return (
      <div
        id={props.id}
        role="treeitem"
        aria-level={row.depth + 1}
        aria-selected={props.active}
        className={cn("flex h-9 items-center text-xs", props.active && "bg-sky-50")}
        style={pad}
      >
        <button type="button" tabIndex={-1} onClick={props.onMore} className="text-sky-800 hover:underline">
          Showing {row.shown} of {row.total} — load {Math.min(200, row.total - row.shown)} more
        </button>
      </div>
    );
  }
  const { node } = row;
  return (
    <div
      id={props.id}
      role="treeitem"
      aria-level={row.depth + 1}
      aria-expanded={row.expandable ? row.expanded : undefined}
      aria-selected={props.active}
      data-testid="tree-row"
      data-kind={node.kind}
      data-spiffe-id={node.spiffeId}
      onClick={props.onFocus}
      className={cn(
        "flex h-9 items-center gap-2 border-b border-slate-50 pr-3 text-sm",
        props.active && "bg-sky-50 ring-1 ring-inset ring-sky-300",
      )}
      style={pad}
    >
      <button
        type="button"
        tabIndex={-1}
        aria-label={row.expanded ? "Collapse" : "Expand"}
        onClick={props.onToggle}
        disabled={!row.expandable}
        className="w-4 shrink-0 text-slate-500 disabled:invisible"
      >
        {row.expanded ? "▾" : "▸"}
      </button>
      <span className="hidden w-20 shrink-0 text-[11px] uppercase tracking-wide text-slate-600 sm:inline">
        {kindLabel[node.kind]}
      </span>
      {/* On a phone the row is the ID and its counts only (the kind, covers and flags are on the detail page). */}
      <span className="flex min-w-0 flex-1 overflow-hidden sm:flex-initial sm:shrink">
        <NodeLabel node={node} server={props.server} />
      </span>
      <span
        className="shrink-0 text-xs tabular-nums text-slate-600"
        title={`${node.childCount} direct, ${node.subtreeCount} in the whole subtree`}
      >
        {node.childCount} · {node.subtreeCount}
      </span>
      {node.covers.length ? (
        <span
          className="hidden truncate text-xs text-emerald-700 sm:inline"
          data-testid="alias-covers"
          title={node.covers.join("\n")}
        >
          covers {node.covers.map(short).join(", ")}
        </span>
      ) : null}
      {node.aliases.length ? (
        <span className="hidden truncate text-xs text-emerald-700 sm:inline" title={node.aliases.join("\n")}>
          in {node.aliases.map(short).join(", ")}
        </span>
      ) : null}
      <Flags node={node} cycle={row.cycle} now={props.now} />
    </div>
  );
}
