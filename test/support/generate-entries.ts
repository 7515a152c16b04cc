// Deterministic random entries and agents for comparing the compact entry index with the
// reference one: nested entries, node aliases, shared SPIFFE IDs, missing parents and cycles.
import type { Agent, Entry } from "../../lib/spire/types";

/** A small seeded PRNG (mulberry32), so a failing case can be replayed. */
export function makeRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Generated = { trustDomain: string; agents: Agent[]; entries: Entry[] };

const words = ["billing", "payments", "api", "web", "db", "worker", "Cache", "batch", "ops", "edge"];

/** `count` entries under `agentCount` agents in trust domain `gen.test`. */
export function generateEntries(seed: number, count: number, agentCount = 4): Generated {
  const random = makeRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const td = "gen.test";
  const id = (path: string) => `spiffe://${td}${path}`;
  const server = id("/spire/server");
  const agents: Agent[] = Array.from({ length: agentCount }, (_, i) => ({
    spiffeId: id(`/spire/agent/x509pop/node-${i}`),
    attestationType: "x509pop",
    x509SvidSerialNumber: String(1000 + i),
    x509SvidExpiresAt: i === 0 ? "2020-01-01T00:00:00.000Z" : "2099-01-01T00:00:00.000Z",
    selectors: [
      { type: "x509pop", value: "ca:fleet" },
      { type: "x509pop", value: `cn:node-${i}` },
    ],
    banned: i === 1,
    canReattest: true,
    agentVersion: "1.15.3",
  }));
  const entries: Entry[] = [];
  const spiffeIds: string[] = [];
  for (let i = 0; i < count; i++) {
    const roll = random();
    let parentId: string;
    if (i < 3 || roll < 0.05) parentId = server;
    else if (roll < 0.4) parentId = pick(agents).spiffeId;
    else if (roll < 0.93 && spiffeIds.length) parentId = pick(spiffeIds);
    else if (roll < 0.97) parentId = id(`/gone/${pick(words)}-${i % 7}`);
    else parentId = id(`/loop/${i % 5}`);
    const shared = spiffeIds.length > 0 && random() < 0.03;
    const spiffeId =
      parentId === server
        ? id(`/node/${i < 3 ? "fleet" : pick(words)}-${i}`)
        : shared
          ? pick(spiffeIds)
          : roll >= 0.97
            ? id(`/loop/${(i + 1) % 5}`)
            : id(`/${pick(words)}/${pick(words)}-${i}`);
    spiffeIds.push(spiffeId);
    const selectors =
      parentId === server
        ? [{ type: "x509pop", value: i % 2 ? "ca:fleet" : `cn:node-${i % agentCount}` }]
        : [
            { type: "k8s", value: `ns:${pick(words)}` },
            { type: "unix", value: `uid:${i}` },
          ].sort((a, b) => a.type.localeCompare(b.type) || a.value.localeCompare(b.value));
    entries.push({
      id: `${(i * 2654435761) % 1000003}-${i.toString(16).padStart(6, "0")}`,
      spiffeId,
      parentId,
      selectors,
      x509SvidTtl: random() < 0.1 ? 86400 * 30 : 0,
      jwtSvidTtl: 0,
      federatesWith: random() < 0.1 ? ["other.test"] : [],
      dnsNames: random() < 0.1 ? [`${pick(words)}.svc`] : [],
      admin: random() < 0.05,
      downstream: random() < 0.05,
      hint: random() < 0.1 ? pick(words) : "",
      storeSvid: false,
      expiresAt: random() < 0.1 ? new Date(Date.UTC(2030, 0, 1 + i)).toISOString() : null,
      createdAt: new Date(Date.UTC(2025, 0, 1, 0, 0, i)).toISOString(),
      revisionNumber: i % 3,
      additionalAttributes: { disableX509SvidPrefetch: random() < 0.05, jwtSvidIncludeJti: random() < 0.05 },
    });
  }
  return { trustDomain: td, agents, entries };
}
