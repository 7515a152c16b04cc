import { CodeBlock } from "@/components/ui/code-block";
import { entryCreateCommand } from "@/lib/entries/cli-command";
import type { EntryInput } from "@/lib/schemas/entry-input";

/** The entry as it will be sent, and the `spire-server entry create` command that does the same. */
export function EntryPreview({
  input,
  showCommand,
  title = "Entry",
}: {
  input: Partial<EntryInput>;
  showCommand: boolean;
  title?: string;
}) {
  return (
    <section aria-label="Preview" className="space-y-3">
      <div>
        <h3 className="mb-1 text-xs font-semibold uppercase text-slate-600">{title}</h3>
        <CodeBlock
          data-testid="entry-preview-json"
          className="max-h-80"
          copyText={JSON.stringify(input, null, 2)}
          copyLabel="entry JSON"
        >
          {JSON.stringify(input, null, 2)}
        </CodeBlock>
      </div>
      {showCommand ? (
        <div>
          <h3 className="mb-1 text-xs font-semibold uppercase text-slate-600">Equivalent CLI</h3>
          <CodeBlock
            data-testid="entry-preview-cli"
            wrap
            copyText={entryCreateCommand(input as EntryInput)}
            copyLabel="command"
          >
            {entryCreateCommand(input as EntryInput)}
          </CodeBlock>
        </div>
      ) : null}
    </section>
  );
}
