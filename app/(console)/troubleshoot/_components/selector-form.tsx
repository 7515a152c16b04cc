import { Button } from "@/components/ui/button";
import { Field, Select, Textarea } from "@/components/ui/input";
import { links } from "@/lib/links";

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
    <form method="get" action={links.troubleshoot()} className="space-y-2" aria-label="Diagnose a selector set">
      <input type="hidden" name="server" value={server} />
      <input type="hidden" name="mode" value="selectors" />
      <Field id="ts-selectors" label="Selectors (one per line, type:value)">
        <Textarea
          name="selectors"
          defaultValue={selectors}
          rows={4}
          className="font-mono text-xs"
          placeholder={"k8s:ns:payments\nk8s:sa:api"}
        />
      </Field>
      <Field id="ts-agent" label="Agent">
        <Select name="agentId" defaultValue={agentId} className="font-mono text-xs">
          {agents.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </Select>
      </Field>
      <Button type="submit">Diagnose</Button>
    </form>
  );
}
