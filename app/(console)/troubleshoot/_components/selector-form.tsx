/** Diagnose without Kubernetes: a selector set (one per line) and the agent that would serve it. Plain GET form. */
export function SelectorForm({
  server,
  agents,
  selectors,
  agentId,
}: {
  server: string;
  agents: string[];
  selectors: string;
  agentId: string;
}) {
  return (
    <form method="get" action="/troubleshoot" className="space-y-2" aria-label="Diagnose a selector set">
      <input type="hidden" name="server" value={server} />
      <input type="hidden" name="mode" value="selectors" />
      <label className="block text-sm font-medium" htmlFor="ts-selectors">
        Selectors (one per line, type:value)
      </label>
      <textarea
        id="ts-selectors"
        name="selectors"
        defaultValue={selectors}
        rows={4}
        className="w-full rounded-md border border-slate-300 px-3 py-1.5 font-mono text-xs"
        placeholder={"k8s:ns:payments\nk8s:sa:api"}
      />
      <label className="block text-sm font-medium" htmlFor="ts-agent">
        Agent
      </label>
      <select
        id="ts-agent"
        name="agentId"
        defaultValue={agentId}
        className="w-full rounded-md border border-slate-300 px-2 py-1.5 font-mono text-xs"
      >
        {agents.map((a) => (
          <option key={a} value={a}>
            {a}
          </option>
        ))}
      </select>
      <button
        type="submit"
        className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700"
      >
        Diagnose
      </button>
    </form>
  );
}
