"use client";

import { useState } from "react";

import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/input";
import { toSpireDataFile } from "@/lib/entries/import-export";
import { type ImportPreview, previewImport } from "@/lib/entries/import-rows";
import type { BatchCreateAnswer } from "@/lib/query/api";
import type { Entry } from "@/lib/spire/types";

import { useCreateEntries } from "../use-entry-mutations";
import { downloadText } from "./download-text";
import { useFederationOptions } from "./federates-with-picker";
import { ImportTable } from "./import-table";

/**
 * Import entries from a JSON file (the console's shape or `spire-server entry create -data`):
 * preview with per-row validation, create the valid rows in one request, show a result per row.
 */
export function ImportPanel({ server, trustDomain }: { server: string; trustDomain: string }) {
  const federation = useFederationOptions(server);
  const create = useCreateEntries(server);
  const [text, setText] = useState("");
  const [fileName, setFileName] = useState<string | null>(null);
  const [results, setResults] = useState<Map<number, BatchCreateAnswer["results"][number]> | null>(null);
  const [summary, setSummary] = useState<BatchCreateAnswer["summary"] | null>(null);
  const preview: ImportPreview | null = text.trim()
    ? previewImport(text, { trustDomain, federatedTrustDomains: federation.data })
    : null;
  const rows = preview && "rows" in preview ? preview.rows : [];
  const valid = rows.filter((r) => r.valid);
  const created = results ? [...results.values()].flatMap((r) => (r.entry ? [r.entry] : [])) : [];

  function load(next: string, name: string | null) {
    setText(next);
    setFileName(name);
    setResults(null);
    setSummary(null);
    create.reset();
  }

  function submit() {
    create.mutate(
      valid.map((r) => r.input),
      {
        onSuccess: (response) => {
          // The request held only the valid rows: map its indexes back to the file's rows.
          setResults(new Map(response.results.map((r) => [valid[r.index]!.index, r])));
          setSummary(response.summary);
        },
      },
    );
  }

  return (
    <section aria-labelledby="import-title" className="space-y-4 rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="import-title" className="text-base font-semibold">
        Import entries
      </h2>
      <p className="text-sm text-slate-600">
        A JSON file in the console&apos;s shape (<code>{'{ "entries": [{ spiffeId, parentId, selectors, … }] }'}</code>)
        or the <code>spire-server entry create -data</code> shape. Nothing is created until you confirm.
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <label className="text-sm font-medium text-slate-700">
          JSON file{" "}
          <input
            type="file"
            accept="application/json,.json"
            aria-label="Import file"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void file.text().then((text) => load(text, file.name));
            }}
            className="text-sm"
          />
        </label>
        {fileName ? <span className="text-xs text-slate-500">{fileName}</span> : null}
      </div>
      <details>
        <summary className="cursor-pointer text-sm text-slate-600">…or paste JSON</summary>
        <Textarea
          aria-label="Import JSON"
          value={text}
          onChange={(e) => load(e.target.value, null)}
          rows={8}
          className="mt-2 font-mono text-xs"
        />
      </details>
      {preview && "error" in preview ? (
        <p role="alert" className="text-sm text-red-700">
          {preview.error}
        </p>
      ) : null}
      {rows.length ? (
        <>
          <p className="text-sm" data-testid="import-summary">
            {rows.length} row{rows.length === 1 ? "" : "s"} ({preview && "format" in preview ? preview.format : ""}{" "}
            format): {valid.length} valid, {rows.length - valid.length} with problems (not sent).
            {summary ? ` Result: ${summary.created} created, ${summary.failed} failed.` : ""}
          </p>
          <div className="flex gap-2">
            <Button onClick={submit} disabled={valid.length === 0 || create.isPending || results !== null}>
              {create.isPending ? "Creating…" : `Create ${valid.length} entr${valid.length === 1 ? "y" : "ies"}`}
            </Button>
            {created.length ? (
              <Button
                variant="secondary"
                onClick={() => downloadText(`entries-${server}-imported.json`, toSpireDataFile(created as Entry[]))}
              >
                Export the {created.length} created
              </Button>
            ) : null}
          </div>
          {create.error ? (
            <p role="alert" className="text-sm text-red-700">
              {create.error.message}
            </p>
          ) : null}
          <ImportTable rows={rows} results={results} />
        </>
      ) : null}
    </section>
  );
}
