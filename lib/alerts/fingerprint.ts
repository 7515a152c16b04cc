/** The labels as one canonical string: sorted by name, `name="value"` joined by commas. */
export function canonicalLabels(labels: Record<string, string>): string {
  return Object.keys(labels)
    .sort()
    .map((name) => `${name}=${JSON.stringify(labels[name])}`)
    .join(",");
}

function fnv1a32(text: string, seed: number): number {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/**
 * An alert's identity: 16 hex digits from its label set (two FNV-1a hashes with different seeds). The same labels
 * always give the same fingerprint, so an alert raised again by a later evaluation is the same alert.
 */
export function fingerprintOf(labels: Record<string, string>): string {
  const text = canonicalLabels(labels);
  const hex = (n: number) => n.toString(16).padStart(8, "0");
  return hex(fnv1a32(text, 0x811c9dc5)) + hex(fnv1a32(text, 0x050c5d1f));
}
