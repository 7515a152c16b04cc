/**
 * Page tokens of lists the console pages itself (from its index, not SPIRE): `o:<offset>`.
 * Anything else reads as the first page.
 */
export function readOffsetToken(token: string | undefined): number {
  const match = /^o:(\d{1,9})$/.exec(token ?? "");
  return match ? Number(match[1]) : 0;
}

/** The token of the page after `offset + size` items, or "" when `total` items are all shown. */
export function nextOffsetToken(offset: number, size: number, total: number): string {
  return offset + size < total ? `o:${offset + size}` : "";
}
