// The watched entry sets of the stack (config `entrySets`, issue 23): two small EntrySet files under
// <stackDir>/entry-sets/, each owning its own SPIFFE-ID prefix so no other test's entries are in scope.
// `watch` only reports drift; `auto` has autoApply, so the console creates its entries itself.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

import { stringify } from "yaml";

export const ENTRY_SETS_PREFIX = "spiffe://foo.example.com/entry-sets-test";
/** Seconds between two plans of a stack set: short, so drift shows within seconds in the tests. */
export const STACK_SET_INTERVAL = 3;

export type StackEntrySet = { name: "watch" | "auto"; autoApply: boolean };
export const STACK_ENTRY_SETS: readonly StackEntrySet[] = [
  { name: "watch", autoApply: false },
  { name: "auto", autoApply: true },
];

/** The directory a stack set's files live in. */
export function entrySetDir(stackDir: string, name: string): string {
  return path.join(stackDir, "entry-sets", name);
}

/** The `entrySets` section of the stack's console.json. */
export function stackEntrySetsConfig(stackDir: string, server = "foo") {
  return STACK_ENTRY_SETS.map((set) => ({
    name: `stack-${set.name}`,
    server,
    path: entrySetDir(stackDir, set.name),
    interval: STACK_SET_INTERVAL,
    autoApply: set.autoApply,
  }));
}

/** The EntrySet document of a stack set: two workloads of foo-agent-1 with caller-chosen entry IDs. */
export function stackEntrySetDocument(name: string, parentId: string) {
  const prefix = `${ENTRY_SETS_PREFIX}/${name}`;
  return {
    apiVersion: "spire-console/v1",
    kind: "EntrySet",
    metadata: { name: `stack-${name}`, description: "Seeded by the local stack (scripts/stack/seed-entry-sets.ts)" },
    spec: {
      server: "foo",
      owns: { entryIdPrefix: `entry-sets-test-${name}-`, spiffeIdPrefixes: [`${prefix}/`] },
      prune: false,
      entries: ["api", "worker"].map((workload, i) => ({
        id: `entry-sets-test-${name}-${workload}`,
        spiffeId: `${prefix}/${workload}`,
        parentId,
        selectors: [{ type: "unix", value: `uid:${60_100 + i}` }],
        x509SvidTtl: 3600,
      })),
    },
  };
}

/** Writes the stack sets' files (rewritten on every `stack up`: the tests may have edited them). */
export function writeStackEntrySets(stackDir: string, parentId: string): void {
  for (const set of STACK_ENTRY_SETS) {
    const dir = entrySetDir(stackDir, set.name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "entries.yaml"), stringify(stackEntrySetDocument(set.name, parentId)));
  }
}
