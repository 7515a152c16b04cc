import { describe, expect, it } from "vitest";

import { CompactEntryIndex } from "@/lib/entries/compact/compact-index";
import type { Entry } from "@/lib/spire/types";

import { entryWith } from "../../test/support/entry-fixture";
import { buildLiveView } from "./build-live-view";
import { checkDeclaredEntries } from "./check-declared";
import { declareEntry } from "./declared-entry";
import { parseEntrySet, serializeEntrySet } from "./parse-entry-set";
import { planEntryChanges } from "./plan-entry-changes";
import type { EntrySetDocument } from "./types";

const td = "example.org";
const agent = `spiffe://${td}/spire/agent/x509pop/node`;

function liveEntry(i: number): Entry {
  const team = i < 10_000 ? "owned" : `team-${i % 50}`;
  return entryWith({
    id: `e-${i}`,
    spiffeId: `spiffe://${td}/${team}/svc-${i}`,
    parentId: agent,
    selectors: [
      { type: "k8s", value: `ns:${team}` },
      { type: "k8s", value: `sa:svc-${i}` },
    ],
    x509SvidTtl: i % 2 ? 3600 : 0,
    dnsNames: i % 4 ? [] : [`svc-${i}.${team}.svc`],
    hint: i % 3 ? "" : "web",
    revisionNumber: 1,
  });
}

describe("planning at scale", () => {
  it("plans a 10,000-entry file against 100,000 live entries (parse, check, compare) in seconds", () => {
    const index = new CompactEntryIndex(td, Date.now(), 100_000);
    for (let i = 0; i < 100_000; i += 5_000)
      index.addEntries(Array.from({ length: 5_000 }, (_, n) => liveEntry(i + n)));
    index.seal();
    const declared = Array.from({ length: 10_000 }, (_, i) => {
      const entry = declareEntry(liveEntry(i));
      return i % 10 === 0 ? { ...entry, hint: "changed" } : entry;
    });
    const document: EntrySetDocument = {
      apiVersion: "spire-console/v1",
      kind: "EntrySet",
      metadata: { name: "scale" },
      spec: { owns: { spiffeIdPrefixes: [`spiffe://${td}/owned/`] }, prune: true, entries: declared },
    };
    const text = serializeEntrySet(document, "console", "json");

    const started = performance.now();
    const parsed = parseEntrySet(text);
    const t1 = performance.now();
    if (!parsed.ok) throw new Error(parsed.message);
    const { entries, owns } = { entries: parsed.document.spec.entries, owns: parsed.document.spec.owns };
    checkDeclaredEntries(entries, { trustDomain: td, now: Date.now() });
    const t2 = performance.now();
    const facts = { federatedTrustDomains: new Set<string>(), activeCa: null, now: Date.now() };
    const plan = planEntryChanges({ entries, prune: true }, buildLiveView(index, entries, owns, facts));
    const ms = Math.round(performance.now() - started);
    console.warn(
      `parse ${Math.round(t1 - started)} check ${Math.round(t2 - t1)} compare ${Math.round(performance.now() - t2)}`,
    );
    console.warn(
      `[eac] plan of 10,000 declared against 100,000 live entries: ${ms} ms (${text.length} bytes of JSON; parse ${Math.round(t1 - started)}, check ${Math.round(t2 - t1)}, compare ${Math.round(performance.now() - t2)} ms)`,
    );

    expect(plan.summary).toEqual({ create: 0, update: 1000, delete: 0, unchanged: 9000, unmanaged: 0 });
    expect(plan.changes[0]!.fields).toEqual([{ field: "hint", before: "web", after: "changed" }]);
    expect(ms).toBeLessThan(20_000);
  }, 60_000);
});
