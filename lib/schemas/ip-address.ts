const ipv4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/**
 * The IP family of `text` (4 or 6), or 0 when it is not an IP address. Pure (no node:net), so
 * the config schema can use it anywhere; IPv6 is checked by the URL parser.
 */
export function ipFamily(text: string): 0 | 4 | 6 {
  if (ipv4.test(text)) return 4;
  if (!text.includes(":") || /[[\]/%]/.test(text)) return 0;
  try {
    return new URL(`http://[${text}]/`).hostname.length > 2 ? 6 : 0;
  } catch {
    return 0;
  }
}
