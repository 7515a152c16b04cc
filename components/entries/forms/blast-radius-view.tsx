import type { BlastRadius } from "./use-blast-radius";

const listClass = "max-h-40 overflow-auto rounded border border-slate-200 bg-slate-50 px-3 py-2 font-mono text-xs";

/** The consequences of a delete, in words an operator can act on. */
export function BlastRadiusView({ radius }: { radius: BlastRadius }) {
  const { children, agents } = radius;
  return (
    <div className="space-y-3" data-testid="blast-radius">
      {radius.managedReasons.length ? (
        <div role="note" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900">
          <p className="font-medium">This entry looks managed by spire-controller-manager.</p>
          <ul className="list-disc pl-5">
            {radius.managedReasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
          <p>The controller will recreate or remove it on its next reconcile; change its ClusterSPIFFEID instead.</p>
        </div>
      ) : null}
      <div>
        <p data-testid="blast-children">
          {children.length === 0
            ? "No entries are parented to this entry's SPIFFE ID."
            : `${children.length}${radius.moreChildren ? "+" : ""} entr${children.length === 1 ? "y is" : "ies are"} parented to this entry's SPIFFE ID and will no longer be issued through it:`}
        </p>
        {children.length ? (
          <ul className={listClass} tabIndex={0} aria-label="Entries parented to this entry">
            {children.map((c) => (
              <li key={c.id}>{c.spiffeId}</li>
            ))}
          </ul>
        ) : null}
      </div>
      {agents ? (
        <div>
          <p data-testid="blast-agents">
            {agents.length === 0
              ? "This is a node alias, but no attested agent currently matches its selectors."
              : `This is a node alias: ${agents.length}${radius.moreAgents ? "+" : ""} agent${agents.length === 1 ? "" : "s"} will lose it (and the workloads parented to it):`}
          </p>
          {agents.length ? (
            <ul className={listClass} tabIndex={0} aria-label="Agents that lose this node alias">
              {agents.map((a) => (
                <li key={a.spiffeId}>{a.spiffeId}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
