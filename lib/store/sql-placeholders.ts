import "server-only";

// A quoted string or identifier (skipped as a whole), or a $n placeholder.
const token = /'(?:[^']|'')*'|"(?:[^"]|"")*"|\$(\d+)/g;

/**
 * Rewrites PostgreSQL's `$1..$n` placeholders as SQLite's numbered `?1..?n` parameters, leaving
 * quoted strings and identifiers alone. A placeholder may appear more than once.
 */
export function toSqliteParameters(sql: string): string {
  return sql.replace(token, (match, index: string | undefined) => (index === undefined ? match : `?${index}`));
}
