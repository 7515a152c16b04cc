import { describe, expect, it } from "vitest";

import { CompactEntryIndex } from "@/lib/entries/compact/compact-index";
import { entriesWhere, nodeAliases } from "@/lib/entries/compact/read-entries";
import type { Entry, Selector } from "@/lib/spire/types";

import { everyEntry } from "../../test/support/every-entry";
import { generateEntries, makeRandom } from "../../test/support/generate-entries";
import { type DiagnoseInput, diagnoseWorkload } from "./diagnose-workload";
import { servingParents } from "./match-entries";
import { workloadEntriesOf } from "./workload-entries";

const now = Date.parse("2026-01-01T00:00:00Z");
const server = "spiffe://gen.test/spire/server";

function buildIndex(seed: number, count: number) {
  const { trustDomain, agents, entries } = generateEntries(seed, count, 6);
  const index = new CompactEntryIndex(trustDomain, now, 8);
  index.addEntries(entries);
  index.setAgents(agents, now);
  index.seal();
  return index;
}

/** Every live entry of the index, built, in slot order: what the troubleshooter held before. */
const allOf = (index: CompactEntryIndex) => entriesWhere(index, () => true);

/** Workload selector sets: an agent's entry's own (with extras), a namespace only, and one nothing has. */
function workloads(entries: readonly Entry[], seed: number): Selector[][] {
  const random = makeRandom(seed);
  const underAgents = entries.filter((e) => e.parentId.includes("/spire/agent/"));
  const pick = () => underAgents[Math.floor(random() * underAgents.length)]!;
  const sets: Selector[][] = [[{ type: "k8s", value: "ns:web" }], [{ type: "k8s", value: "ns:nothing-has" }]];
  for (let i = 0; i < 6; i++) sets.push([...pick().selectors, { type: "k8s", value: "sa:default" }]);
  return sets;
}

function diagnoseInput(
  index: CompactEntryIndex,
  agentId: string,
  selectors: Selector[],
): Omit<DiagnoseInput, "entries"> {
  return {
    server: "s",
    trustDomain: index.trustDomain,
    selectors,
    agentRef: { spiffeId: agentId },
    agents: index.agents,
    federatedBundles: [],
    activeCa: null,
    nodeUids: null,
    delivery: null,
    suggestion: null,
    now,
  };
}

describe("workload entries read from the index in place", () => {
  it("are every entry under the parents or sharing a selector, in index order, also after patches", () => {
    const index = buildIndex(11, 3000);
    const live = allOf(index);
    index.applyChange({
      upserts: [{ ...live[5]!, id: "new", selectors: [{ type: "k8s", value: "ns:brand-new" }] }],
      deletes: [live[9]!.id],
    });
    const entries = workloadEntriesOf(index);
    const parents = [index.agents[2]!.spiffeId, live[3]!.spiffeId, "spiffe://gen.test/none"];
    const selectors = [
      { type: "k8s", value: "ns:web" },
      { type: "k8s", value: "ns:brand-new" },
      live[40]!.selectors[1]!,
    ];
    const keys = new Set(selectors.map((s) => `${s.type}:${s.value}`));
    const expected = allOf(index).filter(
      (e) => parents.includes(e.parentId) || e.selectors.some((s) => keys.has(`${s.type}:${s.value}`)),
    );
    expect(expected.length).toBeGreaterThan(300);
    expect(entries.near(parents, selectors)).toEqual(expected);
    expect(entries.aliases).toEqual(allOf(index).filter((e) => e.parentId === server));
  });

  it("give every diagnosis the troubleshooter gave from every entry", () => {
    for (const seed of [1, 2]) {
      const index = buildIndex(seed, 1500);
      const all = allOf(index);
      const fromIndex = workloadEntriesOf(index);
      const seen = { matches: 0, nearMisses: 0, aliasParents: 0 };
      for (const agent of index.agents) {
        for (const selectors of workloads(all, seed)) {
          const input = diagnoseInput(index, agent.spiffeId, selectors);
          const reference = diagnoseWorkload({ ...input, entries: everyEntry(all) });
          expect(diagnoseWorkload({ ...input, entries: fromIndex })).toEqual(reference);
          seen.matches += reference.matches.length;
          seen.nearMisses += reference.nearMisses.length;
          seen.aliasParents += reference.parents.filter((p) => p.kind === "alias").length;
        }
      }
      expect(seen.matches * seen.nearMisses * seen.aliasParents).toBeGreaterThan(0);
    }
  }, 30_000);

  it("give the clean-up and plan pod checks the serving parents every entry gave", () => {
    const index = buildIndex(3, 3000);
    const all = allOf(index);
    const aliases = nodeAliases(index);
    expect(aliases.length).toBeGreaterThan(50);
    for (const agent of index.agents) {
      const parents = servingParents(agent, aliases, index.trustDomain);
      expect(parents.length).toBeGreaterThan(1);
      expect(parents).toEqual(servingParents(agent, all, index.trustDomain));
    }
  });
});
