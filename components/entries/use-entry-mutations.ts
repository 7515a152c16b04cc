"use client";

import { type QueryClient, useMutation, useQueryClient } from "@tanstack/react-query";

import { createEntries, createEntry, deleteEntries, deleteEntry, updateEntry } from "@/lib/query/api-changes";
import { agentKeys, entryKeys, entryTreeKeys } from "@/lib/query/keys";
import type { EntryInput, EntryPatch } from "@/lib/schemas/entry-input";

/** Every entry list, detail and tree node of `server` is stale after a mutation, and so are agents' entry lists. */
function invalidateEntries(client: QueryClient, server: string) {
  return Promise.all([
    client.invalidateQueries({ queryKey: entryKeys.all(server) }),
    client.invalidateQueries({ queryKey: entryTreeKeys.all(server) }),
    client.invalidateQueries({ queryKey: agentKeys.all(server) }),
  ]);
}

/** Creates one entry (`POST .../entries`); resolves to the created entry. */
export function useCreateEntry(server: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: EntryInput) => createEntry(server, input),
    onSettled: () => invalidateEntries(client, server),
  });
}

/** Creates many entries in one request; resolves to a result per row (never throws for row failures). */
export function useCreateEntries(server: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (rows: unknown[]) => createEntries(server, rows),
    onSettled: () => invalidateEntries(client, server),
  });
}

/** Changes the given fields of one entry, based on `revisionNumber` (a StaleEntryClientError when it moved on). */
export function useUpdateEntry(server: string, id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: EntryPatch) => updateEntry(server, id, patch),
    onSettled: () => invalidateEntries(client, server),
  });
}

/** Deletes one entry. */
export function useDeleteEntry(server: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteEntry(server, id),
    onSettled: () => invalidateEntries(client, server),
  });
}

/** Deletes many entries; resolves to a result per ID. */
export function useDeleteEntries(server: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[]) => deleteEntries(server, ids),
    onSettled: () => invalidateEntries(client, server),
  });
}
