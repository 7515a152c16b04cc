// Where the console's memory is at this moment, from its own /metrics (prom-client's default process metrics):
// RSS, the V8 heap (used of total; of the total, the young generation's) and memory outside it (typed arrays'
// buffers and native allocations).
const MIB = 1024 * 1024;

/** One line: "RSS 463, V8 heap 180 of 240 (young 64), external 60 MiB" (or why it could not be read). */
export async function heapNow(consoleUrl: string): Promise<string> {
  try {
    const text = await (await fetch(`${consoleUrl}/metrics`, { signal: AbortSignal.timeout(5_000) })).text();
    const value = (name: string) => {
      const line = text.split("\n").find((l) => l.startsWith(`spire_console_${name} `));
      return line ? (Number(line.split(" ")[1]) / MIB).toFixed(0) : "?";
    };
    const young = value('nodejs_heap_space_size_total_bytes{space="new"}');
    return (
      `RSS ${value("process_resident_memory_bytes")}, V8 heap ${value("nodejs_heap_size_used_bytes")} of ` +
      `${value("nodejs_heap_size_total_bytes")} (young ${young}), external ${value("nodejs_external_memory_bytes")} MiB`
    );
  } catch (error) {
    return `metrics unreadable: ${(error as Error).message}`;
  }
}
