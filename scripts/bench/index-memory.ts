// Memory of the compact entry index alone, without SPIRE or the console: builds it from N generated
// entries (default 100,000) in pages of 5,000 and prints heap and array buffers after forced GCs.
// Run (N entries, optional):
//   node --expose-gc --conditions=react-server --import ./scripts/lib/resolve-lib.mjs scripts/bench/index-memory.ts N
import { CompactEntryIndex } from "@/lib/entries/compact/compact-index";

import { generateEntries } from "../../test/support/generate-entries.ts";

const count = Number(process.argv[2] ?? 100_000);
const mib = (bytes: number) => `${(bytes / 1048576).toFixed(0)} MiB`;
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with node --expose-gc");

const generated = generateEntries(1, count, 1000);
gc();
const before = process.memoryUsage();
const index = new CompactEntryIndex(generated.trustDomain, Date.now(), count + 64);
for (let i = 0; i < count; i += 5000) index.addEntries(generated.entries.slice(i, i + 5000));
index.setAgents(generated.agents, Date.now());
index.seal();
index.derived();
const search = index.searchIndex();
// Only the index keeps the entries' texts now.
generated.entries.length = 0;
gc();
const after = process.memoryUsage();
console.log(`${index.size} entries indexed`);
console.log(`heap before ${mib(before.heapUsed)}, with the index alone ${mib(after.heapUsed)}`);
console.log(`of which the trigram search index ${mib(search.bytes)}`);
console.log(`array buffers ${mib(after.arrayBuffers)}, RSS now ${mib(after.rss)}`);
