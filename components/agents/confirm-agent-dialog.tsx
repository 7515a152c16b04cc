"use client";

import { useQuery } from "@tanstack/react-query";

import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { fetchAgentDetail } from "@/lib/query/api";
import { agentKeys } from "@/lib/query/keys";

import type { AgentAction } from "./use-agent-actions";

const copy: Record<AgentAction, { title: string; body: string; confirm: string }> = {
  ban: {
    title: "Ban this agent?",
    body: "SPIRE stops renewing its SVID and refuses to let it attest again until someone evicts it. The workloads it serves get no new SVIDs once theirs expire.",
    confirm: "Ban agent",
  },
  evict: {
    title: "Evict this agent?",
    body: "SPIRE deletes the agent's record; it must attest again to get an SVID (a join-token agent needs a new token). Its workloads keep their SVIDs until they expire.",
    confirm: "Evict agent",
  },
};

/** How many entries the agent serves, directly and through node aliases (what a ban or eviction affects). */
function ServedEntries({ server, agentId }: { server: string; agentId: string }) {
  const query = useQuery({
    queryKey: agentKeys.detail(server, agentId),
    queryFn: () => fetchAgentDetail(server, agentId),
  });
  if (query.isPending) return <p role="status">Counting the entries this agent serves…</p>;
  if (query.isError) return <p role="alert">Could not count the entries it serves: {query.error.message}</p>;
  const viaAliases = query.data.viaAliases.reduce((sum, a) => sum + a.total, 0);
  return (
    <p data-testid="dialog-served-entries">
      It serves <span className="font-semibold">{query.data.directTotal}</span>{" "}
      {query.data.directTotal === 1 ? "entry" : "entries"} parented to it
      {viaAliases ? (
        <>
          {" "}
          and <span className="font-semibold">{viaAliases}</span> through{" "}
          {query.data.viaAliases.length === 1 ? "a node alias" : `${query.data.viaAliases.length} node aliases`}
        </>
      ) : null}
      .
    </p>
  );
}

/** Asks before a disruptive agent action, naming the agent and what it serves. */
export function ConfirmAgentDialog(props: {
  action: AgentAction;
  server: string;
  agentId: string;
  pending: boolean;
  error: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const text = copy[props.action];
  return (
    <ConfirmDialog
      open
      title={text.title}
      confirmLabel={text.confirm}
      busy={props.pending}
      variant={props.action === "ban" ? "destructive" : "default"}
      onConfirm={props.onConfirm}
      onCancel={props.onCancel}
    >
      <p className="rounded bg-slate-100 p-2 font-mono text-xs break-all" data-testid="dialog-agent-id">
        {props.agentId}
      </p>
      <ServedEntries server={props.server} agentId={props.agentId} />
      <p>{text.body}</p>
      {props.error ? (
        <p role="alert" className="rounded bg-red-50 p-2 text-red-900">
          {props.error}
        </p>
      ) : null}
    </ConfirmDialog>
  );
}
