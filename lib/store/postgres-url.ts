import "server-only";

/** The URL without its password, for messages: `postgres://user@host:5432/db`. */
export function describePostgresUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const user = parsed.username ? `${parsed.username}@` : "";
    return `${parsed.protocol}//${user}${parsed.host}${parsed.pathname}`;
  } catch {
    return "(a database URL that cannot be parsed)";
  }
}

/** A function that replaces the URL's password (raw or percent-decoded) in a text with "***". */
export function passwordScrubber(url: string): (text: string) => string {
  let secrets: string[] = [];
  try {
    const raw = new URL(url).password;
    secrets = [...new Set([raw, safeDecode(raw)])].filter((s) => s.length > 0);
  } catch {
    // unparseable: pg will fail to connect and nothing of it is echoed but the scrubbed text
  }
  return (text) => secrets.reduce((out, secret) => out.split(secret).join("***"), text);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** True for a URL the PostgreSQL back-end takes. */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}
