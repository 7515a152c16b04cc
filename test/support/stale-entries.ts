// Generated entries with every kind of stale data the clean-up finds: parents that are agent IDs no
// agent has, duplicates under other parents (selectors and lists in another order), expired entries.
import type { Entry } from "../../lib/spire/types";
import { type Generated, generateEntries, makeRandom } from "./generate-entries";

/** `generateEntries(seed, count)` plus stale entries; agent 0 expired in 2020, agent 1 is banned. */
export function generateStaleEntries(seed: number, count: number): Generated {
  const generated = generateEntries(seed, count, 6);
  const random = makeRandom(seed + 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const { agents, entries } = generated;
  const parents = [...agents.map((a) => a.spiffeId), ...entries.slice(0, 50).map((e) => e.spiffeId)];
  const extra: Entry[] = [];
  for (let i = 0; i < count / 20; i++) {
    const original = pick(entries);
    const roll = random();
    const id = `stale-${i}`;
    if (roll < 0.25)
      extra.push({ ...original, id, parentId: `spiffe://gen.test/spire/agent/join_token/gone-${i % 9}` });
    else if (roll < 0.35) extra.push({ ...original, id, expiresAt: new Date(Date.UTC(2029, 0, 1 + i)).toISOString() });
    else {
      const older = random() < 0.3;
      extra.push({
        ...original,
        id,
        parentId: random() < 0.2 ? original.parentId : pick(parents),
        selectors: [...original.selectors].reverse(),
        dnsNames: [...original.dnsNames, "b.svc", "a.svc"].slice(
          0,
          random() < 0.5 ? undefined : original.dnsNames.length,
        ),
        createdAt: older ? "2024-12-31T00:00:00.000Z" : random() < 0.1 ? null : original.createdAt,
        // A few differ in one field only: they are not duplicates.
        hint: random() < 0.1 ? "another" : original.hint,
      });
    }
  }
  const cycle = (from: string, to: string, i: number) => ({
    ...entries[i]!,
    id: `cycle-${from}`,
    spiffeId: `spiffe://gen.test/cycle/${from}`,
    parentId: `spiffe://gen.test/cycle/${to}`,
  });
  extra.push(cycle("a", "b", 7), cycle("b", "a", 8));
  return { ...generated, entries: [...entries, ...extra] };
}
