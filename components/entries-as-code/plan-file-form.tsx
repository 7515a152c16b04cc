"use client";

import { useState } from "react";

import { Button } from "@/components/ui/button";
import { Field, Textarea } from "@/components/ui/input";

const maxBytes = 1024 * 1024;

/** Where the file to plan comes from: pasted text or an uploaded file (read in the browser, at most 1 MiB). */
export function PlanFileForm({
  busy,
  error,
  onPlan,
}: {
  busy: boolean;
  error: string | null;
  onPlan: (file: { text: string; fileName?: string }) => void;
}) {
  const [text, setText] = useState("");
  const [fileName, setFileName] = useState<string | undefined>();
  const [localError, setLocalError] = useState<string | null>(null);
  const upload = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > maxBytes) {
      setLocalError(`${file.name} is larger than 1 MiB`);
      return;
    }
    setLocalError(null);
    setFileName(file.name);
    setText(await file.text());
  };
  return (
    <form
      className="space-y-3"
      aria-label="File to plan"
      onSubmit={(event) => {
        event.preventDefault();
        if (!text.trim()) {
          setLocalError("Paste a file or choose one to upload");
          return;
        }
        setLocalError(null);
        onPlan({ text, fileName });
      }}
    >
      <Field
        id="plan-text"
        label="Entries as code (EntrySet YAML/JSON, spire-server -data JSON or ClusterStaticEntry YAML)"
        hint={fileName ? `From ${fileName}; edit it here before planning if you like.` : undefined}
        error={localError ?? error}
      >
        <Textarea
          value={text}
          onChange={(e) => setText(e.target.value)}
          rows={12}
          spellCheck={false}
          className="font-mono text-xs"
        />
      </Field>
      <div className="flex flex-wrap items-center gap-3">
        <label className="text-sm">
          <span className="mr-2">Upload a file</span>
          <input
            type="file"
            accept=".yaml,.yml,.json,application/json,application/yaml"
            className="text-sm"
            onChange={(e) => void upload(e.target.files?.[0])}
          />
        </label>
        <Button type="submit" disabled={busy}>
          {busy ? "Planning…" : "Plan"}
        </Button>
      </div>
    </form>
  );
}
