// The spire-server CLI as the witness of what SPIRE holds, independent of the console.
import { type CliEntry, spireServerJson } from "../../scripts/stack/spire-cli.ts";
import { stackState } from "./api";

/** `spire-server entry show -spiffeID <id>` on `server` (foo by default): the entries with that SPIFFE ID. */
export async function cliEntriesWithId(spiffeId: string, server = "foo"): Promise<CliEntry[]> {
  const shown = await spireServerJson<{ entries: CliEntry[] | null }>(
    server,
    ["entry", "show", "-spiffeID", spiffeId],
    stackState(),
  );
  return shown.entries ?? [];
}
