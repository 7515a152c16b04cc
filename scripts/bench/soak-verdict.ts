// The soak verdict of `npm run bench:load`: after the warm-up, does the console's RSS stay within
// ±10% of what it held when the warm-up ended? Pure, so a unit test can pin it.

export type RssSample = { s: number; mib: number };

export type SoakVerdict = {
  /** The first sample at or after the warm-up, the reference the rest is held to (null: none). */
  reference: RssSample | null;
  /** Lowest and highest RSS after the reference, as a fraction of it (e.g. -0.03, 0.08). */
  low: number;
  high: number;
  samples: number;
  held: boolean;
  summary: string;
};

export const SOAK_BAND = 0.1;

export function soakVerdict(rss: readonly RssSample[], warmupSeconds: number): SoakVerdict {
  const after = rss.filter((r) => r.s >= warmupSeconds);
  const reference = after[0] ?? null;
  if (!reference || after.length < 2)
    return {
      reference,
      low: 0,
      high: 0,
      samples: after.length,
      held: false,
      summary: `soak: too short to judge (${after.length} RSS sample(s) after the ${warmupSeconds} s warm-up)`,
    };
  const ratios = after.slice(1).map((r) => r.mib / reference.mib - 1);
  const low = Math.min(...ratios);
  const high = Math.max(...ratios);
  const held = low >= -SOAK_BAND && high <= SOAK_BAND;
  const pct = (v: number) => `${v >= 0 ? "+" : ""}${(v * 100).toFixed(1)}%`;
  return {
    reference,
    low,
    high,
    samples: after.length,
    held,
    summary:
      `soak: after the ${warmupSeconds} s warm-up RSS was ${reference.mib.toFixed(0)} MiB at ${reference.s} s, then ` +
      `${pct(low)} to ${pct(high)} over ${after.length - 1} sample(s): ${held ? "within" : "NOT within"} ±${SOAK_BAND * 100}%`,
  };
}
