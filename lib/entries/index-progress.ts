/** How far the first walk of a server's entry index has got, as its status route tells it. */
export type IndexProgress = { server: string; indexed: number; expected: number | null; elapsedMs: number };

type StatusLike = {
  server?: unknown;
  state?: unknown;
  walking?: { indexed?: unknown; expected?: unknown; elapsedMs?: unknown } | null;
};

/**
 * The progress of a first walk from an index status answer (`GET …/entries/index`); null unless
 * the server has no index yet and a walk is running (a ready, failed or absent index is no progress).
 */
export function readIndexProgress(status: unknown): IndexProgress | null {
  const s = status as StatusLike | null;
  if (!s || s.state !== "building" || !s.walking || typeof s.server !== "string") return null;
  const { indexed, expected, elapsedMs } = s.walking;
  if (typeof indexed !== "number") return null;
  return {
    server: s.server,
    indexed,
    expected: typeof expected === "number" ? expected : null,
    elapsedMs: typeof elapsedMs === "number" ? elapsedMs : 0,
  };
}

const count = (n: number) => n.toLocaleString("en-US");

/**
 * What a page says while the index it needs is being built: "Indexed 430,000 of about 1,000,000
 * entries (43%)", and the percentage for a progress bar (null while SPIRE's count is unknown).
 */
export function describeIndexProgress(progress: IndexProgress): {
  title: string;
  detail: string;
  percent: number | null;
} {
  const title = `Building the entry index of ${progress.server}…`;
  const seconds = Math.round(progress.elapsedMs / 1000);
  const elapsed = seconds > 0 ? ` in ${seconds} s` : "";
  if (progress.expected === null || progress.expected <= 0) {
    return {
      title,
      detail: `Indexed ${count(progress.indexed)} entries so far${elapsed}; SPIRE has not said how many there are yet.`,
      percent: null,
    };
  }
  const percent = Math.min(100, Math.floor((progress.indexed / progress.expected) * 100));
  return {
    title,
    detail: `Indexed ${count(progress.indexed)} of about ${count(progress.expected)} entries (${percent}%)${elapsed}.`,
    percent,
  };
}
