import "server-only";

import { dropCachedIndex } from "./entry-index-cache";
import { announceEntryChange } from "./index-broadcast";

/**
 * After a change to a server's entries or agents: drops this replica's cached index, so the next
 * tree request walks again, and tells the other replicas to do the same.
 */
export function invalidateEntryIndex(server: string): void {
  dropCachedIndex(server);
  announceEntryChange(server);
}
