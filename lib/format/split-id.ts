/**
 * Splits a SPIFFE ID (or any long ID) for middle truncation: `head` may be cut at its end on
 * screen, `tail` always stays visible. The tail is the last path segment when it is short,
 * else the last 10 characters, so `…/node/fleet` and `…a33cbfd4e` stay readable.
 */
export function splitIdForTruncation(id: string, maxTail = 20): { head: string; tail: string } {
  const slash = id.lastIndexOf("/");
  const lastSegment = slash >= 0 ? id.slice(slash + 1) : id;
  const schemeEnd = id.indexOf("://") >= 0 ? id.indexOf("://") + 3 : 0;
  let tailLength = lastSegment.length > 0 && lastSegment.length <= maxTail ? lastSegment.length : 10;
  // Never eat into the scheme and trust domain: short IDs are not split at all.
  if (id.length - tailLength <= schemeEnd || id.length <= maxTail) tailLength = 0;
  return { head: id.slice(0, id.length - tailLength), tail: id.slice(id.length - tailLength) };
}
