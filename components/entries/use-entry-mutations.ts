"use client";

import { type QueryClient, useMutation, useQueryClient } from "@tanstack/react-query";

import { serverApiPath } from "@/lib/query/api";
import { fetchJson } from "@/lib/query/fetch-json";
import { agentKeys, entryKeys, entryTreeKeys } from "@/lib/query/keys";
import type { EntryInput, EntryPatch } from "@/lib/schemas/entry-input";
import type { Entry } from "@/lib/spire/types";

export type RowStatus = { code: string; message: string; details?: { path: string; message: string }[] };
export type BatchCreateResponse = {
  ok: boolean;
  summary: { created: number; failed: number };
  results: { index: number; status: RowStatus; entry?: Entry }[];
};
export type BatchDeleteResponse = {
  ok: boolean;
  summary: { deleted: number; failed: number };
  results: { id: string; status: RowStatus }[];
};

const base = (server: string) => serverApiPath(server, "/entries");

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
    mutationFn: (input: EntryInput) => fetchJson<Entry>(base(server), { method: "POST", body: input }),
    onSettled: () => invalidateEntries(client, server),
  });
}

/** Creates many entries in one request; resolves to a result per row (never throws for row failures). */
export function useCreateEntries(server: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (rows: unknown[]) =>
      fetchJson<BatchCreateResponse>(base(server), { method: "POST", body: { entries: rows } }),
    onSettled: () => invalidateEntries(client, server),
  });
}

/** Changes the given fields of one entry, based on `revisionNumber` (a StaleEntryClientError when it moved on). */
export function useUpdateEntry(server: string, id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: EntryPatch) =>
      fetchJson<Entry>(`${base(server)}/${encodeURIComponent(id)}`, { method: "PATCH", body: patch }),
    onSettled: () => invalidateEntries(client, server),
  });
}

/** Deletes one entry. */
export function useDeleteEntry(server: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      fetchJson<{ deleted: string }>(`${base(server)}/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSettled: () => invalidateEntries(client, server),
  });
}

/** Deletes many entries; resolves to a result per ID. */
export function useDeleteEntries(server: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[]) =>
      fetchJson<BatchDeleteResponse>(`${base(server)}/batch-delete`, { method: "POST", body: { ids } }),
    onSettled: () => invalidateEntries(client, server),
  });
}
