// Reads the console's /metrics (Prometheus text format) into samples the tests can look up.
export type Samples = Map<string, number>;

/** `name{a="1",b="2"}` with labels sorted, the key of one sample. */
export function seriesKey(name: string, labels: Record<string, string> = {}): string {
  const parts = Object.entries(labels)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}="${v}"`);
  return parts.length ? `${name}{${parts.join(",")}}` : name;
}

/** Parses the text exposition format (one sample per line; comments skipped). */
export function parseMetrics(text: string): Samples {
  const samples: Samples = new Map();
  for (const line of text.split("\n")) {
    if (!line || line.startsWith("#")) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match) throw new Error(`not a Prometheus sample: ${line}`);
    const labels: Record<string, string> = {};
    for (const pair of (match[2] ?? "").matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g))
      labels[pair[1]!] = pair[2]!;
    samples.set(seriesKey(match[1]!, labels), Number(match[3]));
  }
  return samples;
}

/** Scrapes `url` (a console's /metrics) and parses it. */
export async function scrape(url: string): Promise<Samples> {
  const response = await fetch(url);
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  expectPrometheusType(response.headers.get("content-type"));
  return parseMetrics(await response.text());
}

function expectPrometheusType(type: string | null): void {
  if (!type?.startsWith("text/plain; version=0.0.4")) throw new Error(`unexpected content type ${type}`);
}

/** The value of one sample, 0 when absent (a counter never incremented). */
export function sample(samples: Samples, name: string, labels: Record<string, string> = {}): number {
  return samples.get(seriesKey(name, labels)) ?? 0;
}
