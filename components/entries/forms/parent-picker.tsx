"use client";

import { Button } from "@/components/ui/button";
import { CheckboxField, Field, Input } from "@/components/ui/input";

import { useParentOptions } from "./use-parent-options";

type Props = {
  server: string;
  serverId: string;
  value: string;
  node: boolean;
  error?: string;
  onChange: (parentId: string) => void;
  onNodeChange: (node: boolean) => void;
};

/** The parent: an agent, a node alias or the server, searched as you type, or any SPIFFE ID typed in. */
export function ParentPicker({ server, serverId, value, node, error, onChange, onNodeChange }: Props) {
  const { options, loading, error: loadError, hasMore, more } = useParentOptions(server, serverId);
  const matching = value ? options.filter((o) => o.value.includes(value) || o.label.includes(value)) : options;
  return (
    <div className="space-y-2">
      <CheckboxField
        id="entry-node"
        label="Node entry"
        hint="The parent becomes the server itself: the entry names a group of agents (a node alias) by their node selectors."
        checked={node}
        onChange={onNodeChange}
      />
      <Field
        id="entry-parent-id"
        label="Parent ID"
        error={node ? undefined : error}
        hint={
          loadError
            ? `Suggestions unavailable: ${loadError.message}`
            : loading
              ? "Loading agents and node aliases…"
              : `${matching.length} of ${options.length} loaded suggestions match; any SPIFFE ID in this trust domain works.`
        }
      >
        <Input
          list="parent-suggestions"
          value={node ? serverId : value}
          disabled={node}
          onChange={(e) => onChange(e.target.value)}
          placeholder="spiffe://…/spire/agent/… or a node alias"
          autoComplete="off"
          className="font-mono"
        />
        <datalist id="parent-suggestions">
          {matching.slice(0, 200).map((o) => (
            <option key={o.value} value={o.value} label={o.label} />
          ))}
        </datalist>
      </Field>
      {hasMore && !node ? (
        <Button variant="ghost" size="sm" onClick={more}>
          Load more agents and aliases
        </Button>
      ) : null}
    </div>
  );
}
